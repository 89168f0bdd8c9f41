#pragma once
// The Exchange transport configuration read from a collection zip (`mwb collect-script`, issue #31):
// servers, receive and send connectors, certificates, accepted domains, and the collection's
// manifest. Read liberally: the JSON of the collection script (enums and lists as text) and the
// shapes plain `ConvertTo-Json` gives in Windows PowerShell 5.1 (enums as numbers, one value
// instead of an array, IPRange objects, "\/Date(ms)\/", ByteQuantifiedSize text). What could not
// be read is named in `problems`, never dropped silently.
#include "model/core/common/certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace mwb::config {

// An address as 16 bytes (IPv4 mapped to ::ffff:a.b.c.d) so ranges of both families compare alike.
using Address128 = std::array<quint8, 16>;
Address128 toAddress128(const QHostAddress &address);

struct IpRange {
    QString text;        // as written: "10.0.0.0/24", "192.168.1.10-192.168.1.20", "192.168.1.5"
    Address128 low{};
    Address128 high{};
    bool contains(const QHostAddress &address) const;
    // Number of addresses minus one, as a 128-bit value (hi, lo): the smaller, the more specific.
    std::pair<quint64, quint64> span() const;
};
// A ByteQuantifiedSize as Exchange writes it ("35 MB (36,700,160 bytes)") or accepts it for
// MaxMessageSize ("25MB", "25 MB", "1.5GB", "500KB", "100B", a plain number of bytes). The units
// are binary (1 KB = 1024 bytes), as the byte counts Exchange shows in parentheses are. False for
// "Unlimited" and anything else.
bool parseByteQuantifiedSize(const QString &text, qint64 *bytes);

// Parses "a.b.c.d", "a.b.c.d/n", "a-b", IPv6 forms, and the IPRange object's LowerBound/UpperBound.
bool parseIpRange(const QString &text, IpRange *out);

struct Binding {
    QString text;            // "0.0.0.0:25", "[::]:25", "10.0.0.5:2525"
    QHostAddress address;
    bool anyAddress = false; // 0.0.0.0 or ::
    int port = 0;
};
bool parseBinding(const QString &text, Binding *out);

struct ReceiveConnector {
    QString identity;        // "EX01\Default Frontend EX01"
    QString name;
    QString server;
    bool enabled = true;
    QString transportRole;   // "FrontendTransport" or "HubTransport"
    QList<Binding> bindings;
    QList<IpRange> remoteIpRanges;
    QStringList authMechanism;     // "Tls", "Integrated", "BasicAuth", "ExchangeServer", ...
    QStringList permissionGroups;  // "AnonymousUsers", "ExchangeUsers", "ExchangeServers", ...
    QString fqdn;
    QString tlsCertificateName;
    bool requireTls = false;
    qint64 maxMessageSize = -1;    // bytes; -1 unlimited or unknown
    bool isDefault() const;        // one of the connectors setup creates ("Default …", "Client …", "Outbound Proxy Frontend …")
};

struct AddressSpace {
    QString text;            // "SMTP:*.contoso.com;1"
    QString type = QStringLiteral("SMTP");
    QString domain;          // "*", "contoso.com", "*.contoso.com", "--" (the organization)
    int cost = 1;
};
bool parseAddressSpace(const QString &text, AddressSpace *out);

struct SendConnector {
    QString identity;
    QString name;
    bool enabled = true;
    QList<AddressSpace> addressSpaces;
    QStringList sourceTransportServers;
    QStringList smartHosts;
    bool dnsRoutingEnabled = true;
    qint64 maxMessageSize = -1;
    bool requireTls = false;
    QString tlsAuthLevel;
    QString tlsDomain;
    QString tlsCertificateName;
    QString fqdn;
    bool isScopedConnector = false;
};

// A certificate as Get-ExchangeCertificate lists it: the product's one certificate value
// (thumbprint, subject, issuer, CertificateDomains as its alternateNames, NotBefore/NotAfter,
// IsSelfSigned) and where it is installed and for what.
struct Certificate : mwb::Certificate {
    QString server;
    QStringList services;    // "SMTP", "IIS", ...
    QString status;
    bool enabledForSmtp() const;
};

struct ExchangeServer {
    QString name;
    QString fqdn;
    QStringList roles;       // "Mailbox", "Edge", ...
    QString version;         // AdminDisplayVersion
    QString site;
    bool edge = false;
};

struct AcceptedDomain {
    QString name;
    QString domainName;
    QString domainType;      // "Authoritative", "InternalRelay", "ExternalRelay"
    bool isDefault = false;
};

struct CollectedServer {
    QString name;
    QString status;          // "ok" / "failed"
    QString error;
    int files = 0;
};

struct Manifest {
    bool present = false;
    QString ranBy;
    QString computer;
    QDateTime started;
    QDateTime finished;
    QDateTime windowStart;
    QDateTime windowEnd;
    QList<CollectedServer> servers;
};

// A collection file as it was read: what a saved case keeps, so that it reopens with the same
// configuration when the zip has moved or is gone (issue #31).
struct CollectionFileCopy {
    QString name;            // "ReceiveConnector", "manifest" (isCollectionFile)
    QString path;            // display path as loaded: "C:/cases/MailflowEvidence.zip!/config/ReceiveConnector.json"
    QByteArray bytes;        // as in the zip
    friend bool operator==(const CollectionFileCopy &, const CollectionFileCopy &) = default;
};

struct Configuration {
    QList<ExchangeServer> servers;
    QList<ReceiveConnector> receiveConnectors;
    QList<SendConnector> sendConnectors;
    QList<Certificate> certificates;
    QList<AcceptedDomain> acceptedDomains;
    Manifest manifest;
    QStringList files;       // the collection files read (display paths)
    QStringList problems;    // "ReceiveConnector.json: RemoteIPRanges 'x' of EX01\Relay not read"
    QStringList unreadableFiles;   // collection files that could not be read at all (also in problems)
    QList<CollectionFileCopy> copies;   // every file read, as it was read
    bool isEmpty() const { return files.isEmpty(); }
    const ExchangeServer *server(const QString &name) const;   // by name or FQDN, case-insensitive
};

// The names of the files the collection script writes under config/ (without ".json").
const QStringList &collectionConfigurationNames();

// Is `memberPath` one of the collection's files (a name above under config/, or manifest.json)? "…/config/ReceiveConnector.json" → name
// "ReceiveConnector"; "…/manifest.json" → "manifest". Separators '/' and '\' (Compress-Archive of
// Windows PowerShell 5.1 writes '\' into zip entry names).
bool isCollectionFile(const QString &memberPath, QString *name = nullptr);

// Reads one collection file into `config` (UTF-8 with or without BOM, UTF-16 with BOM).
void readCollectionFile(Configuration &config, const QString &name, const QByteArray &bytes, const QString &displayPath);

// The configuration the copies give (read again with readCollectionFile, in their order).
Configuration configurationFromCopies(const QList<CollectionFileCopy> &copies);

// The archives the copies came from ("a.zip!/config/x.json" -> "a.zip"), each once.
QStringList collectionArchivesOf(const QList<CollectionFileCopy> &copies);

// Summary lines for text output ("3 servers, 12 receive connectors, …").
QString summaryLine(const Configuration &config);

// The summary `mwb analyze --json` adds as "configuration" (counts, the manifest's servers and
// what could not be read). The contract allows added fields.
QJsonObject configurationSummaryToJson(const Configuration &config);

} // namespace mwb::config
