#pragma once
// A collection zip as the script of `mwb collect-script` writes it (issue #31): config/*.json in
// the shapes Windows PowerShell 5.1 produces, manifest.json, and protocol logs under
// logs/<SERVER>/<FrontEnd|Hub>/<kind>/. Entry names use '\' like Compress-Archive of Windows
// PowerShell 5.1. Some connectors are written the way plain ConvertTo-Json writes them (enums as
// numbers, IPRange and IPBinding objects, a single value instead of an array, \/Date()\/).
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include "tests/core/ingest/archivewriter.h"

namespace collectionfixture {

// Compress-Archive makes a zip; the one archive writer of the tests writes it.
inline bool writeZip(const QString &path, const QList<QPair<QString, QByteArray>> &members)
{
    return mwb::testing::writeArchive(path, QStringLiteral("zip"), members);
}

inline QByteArray bom(const char *json)
{
    return QByteArray("\xEF\xBB\xBF") + QByteArray(json);   // Out-File -Encoding utf8 in 5.1 writes a BOM
}

// EX01 (10.0.0.11) and EX02 (10.0.0.12) are Mailbox servers; EX01 has a relay connector scoped to
// 10.0.0.0/24, which covers EX02.
inline const char kReceiveConnectors[] = R"JSON([
  {"Identity": "EX01\\Default Frontend EX01", "Name": "Default Frontend EX01", "Server": "EX01", "Enabled": true,
   "TransportRole": "FrontendTransport", "Bindings": ["[::]:25", "0.0.0.0:25"],
   "RemoteIPRanges": ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255"],
   "AuthMechanism": "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
   "PermissionGroups": "AnonymousUsers, ExchangeServers, ExchangeLegacyServers", "Fqdn": "EX01.contoso.com",
   "TlsCertificateName": null, "RequireTLS": false, "MaxMessageSize": "36 MB (37,748,736 bytes)"},
  {"Identity": "EX01\\Relay Apps", "Name": "Relay Apps", "Server": "EX01", "Enabled": true,
   "TransportRole": "FrontendTransport", "Bindings": ["0.0.0.0:25"], "RemoteIPRanges": ["10.0.0.0/24"],
   "AuthMechanism": "Tls", "PermissionGroups": "AnonymousUsers", "Fqdn": "relay.contoso.com",
   "TlsCertificateName": null, "RequireTLS": false, "MaxMessageSize": "35 MB (36,700,160 bytes)"},
  {"Identity": "EX01\\Printer", "Name": "Printer", "Server": "EX01", "Enabled": true, "TransportRole": 16384,
   "Bindings": [{"Address": {"Address": 0, "AddressFamily": 2, "IPAddressToString": "0.0.0.0"}, "Port": 25}],
   "RemoteIPRanges": {"LowerBound": {"AddressFamily": 2, "IPAddressToString": "10.0.0.50"},
                      "UpperBound": {"AddressFamily": 2, "IPAddressToString": "10.0.0.50"}, "RangeFormat": 0, "Size": 1},
   "AuthMechanism": 1, "PermissionGroups": 1, "Fqdn": "relay.contoso.com",
   "TlsCertificateName": "<I>CN=Contoso Issuing CA, DC=contoso, DC=com<S>CN=mail.contoso.com", "RequireTLS": false,
   "MaxMessageSize": {"IsUnlimited": false, "Value": "10 MB (10,485,760 bytes)"}},
  {"Identity": "EX01\\Default EX01", "Name": "Default EX01", "Server": "EX01", "Enabled": true, "TransportRole": "HubTransport",
   "Bindings": ["0.0.0.0:2525", "[::]:2525"], "RemoteIPRanges": ["0.0.0.0-255.255.255.255"],
   "AuthMechanism": "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
   "PermissionGroups": "ExchangeUsers, ExchangeServers, ExchangeLegacyServers", "Fqdn": "EX01.contoso.com"},
  {"Identity": "EX01\\Old Scanner", "Name": "Old Scanner", "Server": "EX01", "Enabled": false, "TransportRole": "FrontendTransport",
   "Bindings": ["0.0.0.0:25"], "RemoteIPRanges": ["10.0.0.60"], "AuthMechanism": "None", "PermissionGroups": "AnonymousUsers"},
  {"Identity": "EX02\\Default Frontend EX02", "Name": "Default Frontend EX02", "Server": "EX02", "Enabled": true,
   "TransportRole": "FrontendTransport", "Bindings": ["0.0.0.0:25"], "RemoteIPRanges": ["0.0.0.0-255.255.255.255"],
   "AuthMechanism": "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
   "PermissionGroups": "AnonymousUsers, ExchangeServers, ExchangeLegacyServers", "Fqdn": "EX02.contoso.com"},
  {"Identity": "EX02\\Relay 10.0.0.12", "Name": "Relay 10.0.0.12", "Server": "EX02", "Enabled": true,
   "TransportRole": "FrontendTransport", "Bindings": ["10.0.0.12:25"], "RemoteIPRanges": ["10.0.0.70-10.0.0.79"],
   "AuthMechanism": "Tls", "PermissionGroups": "AnonymousUsers", "TlsCertificateName": "<I>CN=Other CA<S>CN=relay.contoso.com"},
  {"Identity": "EX02\\Relay all IPs", "Name": "Relay all IPs", "Server": "EX02", "Enabled": true,
   "TransportRole": "FrontendTransport", "Bindings": ["0.0.0.0:25"], "RemoteIPRanges": ["10.0.0.70-10.0.0.79"],
   "AuthMechanism": "Tls", "PermissionGroups": "AnonymousUsers"}
])JSON";

inline const char kSendConnectors[] = R"JSON([
  {"Identity": "Internet", "Name": "Internet", "Enabled": true, "AddressSpaces": ["SMTP:*;1"], "SourceTransportServers": ["EX01", "EX02"],
   "SmartHosts": [], "DNSRoutingEnabled": true, "MaxMessageSize": "35 MB (36,700,160 bytes)", "Fqdn": "mail.contoso.com"},
  {"Identity": "Contoso Partner", "Name": "Contoso Partner", "Enabled": true, "AddressSpaces": ["SMTP:fabrikam.com;5"],
   "SourceTransportServers": ["EX01"], "RequireTLS": true, "TlsAuthLevel": "DomainValidation", "TlsDomain": "fabrikam.com",
   "TlsCertificateName": "<I>CN=Old CA<S>CN=mail.contoso.com"},
  {"Identity": "Fabrikam subdomains", "Name": "Fabrikam subdomains", "Enabled": true, "AddressSpaces": ["SMTP:*.fabrikam.com;1"],
   "SourceTransportServers": ["EX01"]},
  {"Identity": "Tailspin (off)", "Name": "Tailspin (off)", "Enabled": "False", "AddressSpaces": ["SMTP:tailspintoys.com;1"],
   "SourceTransportServers": ["EX01"]},
  {"Identity": "Woodgrove A", "Name": "Woodgrove A", "Enabled": true, "AddressSpaces": ["smtp:woodgrove.com;10"], "SourceTransportServers": ["EX01"]},
  {"Identity": "Woodgrove B", "Name": "Woodgrove B", "Enabled": true, "AddressSpaces": ["SMTP:woodgrove.com;2"], "SourceTransportServers": ["EX01"]},
  {"Identity": "Litware 2", "Name": "Litware 2", "Enabled": true, "AddressSpaces": ["SMTP:litware.com;1"], "SourceTransportServers": ["EX02"]},
  {"Identity": "Litware 1", "Name": "Litware 1", "Enabled": true, "AddressSpaces": "SMTP:litware.com;1", "SourceTransportServers": "EX01"},
  {"Identity": "Big files", "Name": "Big files", "Enabled": true, "AddressSpaces": ["SMTP:adatum.com;1"], "SourceTransportServers": ["EX01"],
   "MaxMessageSize": "1 MB (1,048,576 bytes)"}
])JSON";

// Validity judged at the end of the logs (2026-12-01): E expired, A expires within 30 days (both
// certificate-expiring), A and B both valid for relay.contoso.com and the newer B chosen, D not yet
// valid; the self-signed C carries only the server's own names.
inline const char kCertificates[] = R"JSON([
  {"Server": "EX01", "Thumbprint": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Subject": "CN=mail.contoso.com",
   "Issuer": "CN=Contoso Issuing CA, DC=contoso, DC=com", "CertificateDomains": ["mail.contoso.com", "relay.contoso.com"],
   "Services": "IIS, SMTP", "NotBefore": "2026-01-10T00:00:00.0000000Z", "NotAfter": "2026-12-20T00:00:00.0000000Z",
   "Status": "Valid", "IsSelfSigned": false},
  {"Server": "EX01", "Thumbprint": "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "Subject": "CN=mail.contoso.com",
   "Issuer": "CN=Contoso Issuing CA, DC=contoso, DC=com", "CertificateDomains": ["mail.contoso.com", "relay.contoso.com"],
   "Services": 24, "NotBefore": "\/Date(1780272000000)\/", "NotAfter": "\/Date(1811808000000)\/",
   "Status": "Valid", "IsSelfSigned": false},
  {"Server": "EX01", "Thumbprint": "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC", "Subject": "CN=EX01",
   "Issuer": "CN=EX01", "CertificateDomains": ["EX01", "EX01.contoso.com"],
   "Services": "IMAP, POP, IIS, SMTP", "NotBefore": "2024-03-01T00:00:00Z", "NotAfter": "2029-03-01T00:00:00Z",
   "Status": "Valid", "IsSelfSigned": true},
  {"Server": "EX01", "Thumbprint": "DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD", "Subject": "CN=mail.contoso.com",
   "Issuer": "CN=Contoso Issuing CA, DC=contoso, DC=com", "CertificateDomains": "relay.contoso.com",
   "Services": "SMTP", "NotBefore": "2027-01-01T00:00:00Z", "NotAfter": "2028-01-01T00:00:00Z", "IsSelfSigned": false},
  {"Server": "EX01", "Thumbprint": "EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE", "Subject": "CN=relay.contoso.com",
   "Issuer": "CN=Contoso Issuing CA, DC=contoso, DC=com", "CertificateDomains": ["relay.contoso.com"],
   "Services": "SMTP", "NotBefore": "2025-01-01T00:00:00Z", "NotAfter": "2026-06-01T00:00:00Z", "IsSelfSigned": false}
])JSON";

inline const char kServers[] = R"JSON([
  {"Name": "EX01", "Fqdn": "EX01.contoso.com", "ServerRole": "Mailbox", "AdminDisplayVersion": "Version 15.2 (Build 1544.4)", "Site": "contoso.com/Configuration/Sites/Default-First-Site-Name", "IsEdgeServer": false},
  {"Name": "EX02", "Fqdn": "EX02.contoso.com", "ServerRole": "Mailbox", "AdminDisplayVersion": "Version 15.2 (Build 1544.4)", "Site": "contoso.com/Configuration/Sites/Default-First-Site-Name", "IsEdgeServer": false}
])JSON";

inline const char kAcceptedDomains[] = R"JSON({"Name": "contoso.com", "DomainName": "contoso.com", "DomainType": "Authoritative", "Default": true})JSON";

inline const char kManifest[] = R"JSON({
  "tool": "mwb collect-script", "toolVersion": "1.2.0", "ranBy": "CONTOSO\\admin", "computer": "EX01",
  "started": "2026-12-01T09:00:00.0000000Z", "finished": "2026-12-01T09:05:00.0000000Z",
  "windowStart": "2026-11-30T09:00:00.0000000Z", "windowEnd": "2026-12-01T09:00:00.0000000Z",
  "servers": [ {"name": "EX01", "status": "ok", "error": null, "files": 1, "skipped": []},
               {"name": "EX03", "status": "failed", "error": "The network path was not found.", "files": 0, "skipped": []} ],
  "configuration": [ {"name": "RemoteDomain", "count": 0, "error": "Access is denied."} ]
})JSON";

// EX01's Frontend receive log: EX02 (10.0.0.12) sends, lands on "Relay Apps", gets 451 5.7.3.
inline const char kReceiveLog[] =
    "#Software: Microsoft Exchange Server\r\n"
    "#Version: 15.2.1544.4\r\n"
    "#Log-type: SMTP Receive Protocol Log\r\n"
    "#Date: 2026-12-01T08:00:00.000Z\r\n"
    "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n"
    "2026-12-01T08:10:00.000Z,EX01\\Relay Apps,08DE11112222AAAA,0,10.0.0.11:25,10.0.0.12:41000,+,,\r\n"
    "2026-12-01T08:10:00.001Z,EX01\\Relay Apps,08DE11112222AAAA,1,10.0.0.11:25,10.0.0.12:41000,>,220 relay.contoso.com Microsoft ESMTP MAIL Service ready,\r\n"
    "2026-12-01T08:10:00.010Z,EX01\\Relay Apps,08DE11112222AAAA,2,10.0.0.11:25,10.0.0.12:41000,<,EHLO EX02.contoso.com,\r\n"
    "2026-12-01T08:10:00.011Z,EX01\\Relay Apps,08DE11112222AAAA,3,10.0.0.11:25,10.0.0.12:41000,>,250-relay.contoso.com Hello [10.0.0.12] 250-SIZE 36700160 250-PIPELINING 250-STARTTLS 250 8BITMIME,\r\n"
    "2026-12-01T08:10:00.020Z,EX01\\Relay Apps,08DE11112222AAAA,4,10.0.0.11:25,10.0.0.12:41000,<,MAIL FROM:<user@contoso.com>,\r\n"
    "2026-12-01T08:10:00.021Z,EX01\\Relay Apps,08DE11112222AAAA,5,10.0.0.11:25,10.0.0.12:41000,>,451 5.7.3 Cannot achieve Exchange Server authentication,\r\n"
    "2026-12-01T08:10:00.030Z,EX01\\Relay Apps,08DE11112222AAAA,6,10.0.0.11:25,10.0.0.12:41000,-,,Local\r\n";

// EX02's Hub send log: its own address 10.0.0.12 as the local end.
inline const char kSendLog[] =
    "#Software: Microsoft Exchange Server\r\n"
    "#Version: 15.2.1544.4\r\n"
    "#Log-type: SMTP Send Protocol Log\r\n"
    "#Date: 2026-12-01T08:00:00.000Z\r\n"
    "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n"
    "2026-12-01T08:10:00.000Z,Internet,08DE33334444BBBB,0,,10.0.0.11:25,*,,attempting to connect\r\n"
    "2026-12-01T08:10:00.001Z,Internet,08DE33334444BBBB,1,10.0.0.12:41000,10.0.0.11:25,+,,\r\n"
    "2026-12-01T08:10:00.002Z,Internet,08DE33334444BBBB,2,10.0.0.12:41000,10.0.0.11:25,<,220 relay.contoso.com Microsoft ESMTP MAIL Service ready,\r\n"
    "2026-12-01T08:10:00.010Z,Internet,08DE33334444BBBB,3,10.0.0.12:41000,10.0.0.11:25,>,EHLO EX02.contoso.com,\r\n"
    "2026-12-01T08:10:00.021Z,Internet,08DE33334444BBBB,4,10.0.0.12:41000,10.0.0.11:25,<,451 5.7.3 Cannot achieve Exchange Server authentication,\r\n"
    "2026-12-01T08:10:00.030Z,Internet,08DE33334444BBBB,5,10.0.0.12:41000,10.0.0.11:25,-,,Local\r\n";

inline QList<QPair<QString, QByteArray>> members()
{
    return {
        {QStringLiteral("manifest.json"), bom(kManifest)},
        {QStringLiteral("config\\ReceiveConnector.json"), bom(kReceiveConnectors)},
        {QStringLiteral("config\\SendConnector.json"), bom(kSendConnectors)},
        {QStringLiteral("config\\ExchangeCertificate.json"), bom(kCertificates)},
        {QStringLiteral("config\\ExchangeServer.json"), bom(kServers)},
        {QStringLiteral("config\\AcceptedDomain.json"), bom(kAcceptedDomains)},
        {QStringLiteral("config\\RemoteDomain.json"), bom("[]")},
        {QStringLiteral("config\\EdgeSubscription.json"), QByteArray()},
        {QStringLiteral("logs\\EX01\\FrontEnd\\SmtpReceive\\RECV2026120108-1.LOG"), QByteArray(kReceiveLog)},
        {QStringLiteral("logs\\EX02\\Hub\\SmtpSend\\SEND2026120108-1.LOG"), QByteArray(kSendLog)},
    };
}

} // namespace collectionfixture
