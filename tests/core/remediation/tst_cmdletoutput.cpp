// Paste parsers: realistic console output of the common cmdlets, as admins copy it from the
// Exchange Management Shell (console-width wrapping, truncated columns, CRLF).
#include "model/core/remediation/cmdletoutput.h"

#include <QTest>

using namespace mwb::remediation;

class TestCmdletOutput : public QObject {
    Q_OBJECT
private slots:
    void exchangeCertificateFormatList()
    {
        const QString text = QStringLiteral(
            "\r\n"
            "AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule, System.Security.AccessControl.CryptoKeyAccessRule}\r\n"
            "CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}\r\n"
            "HasPrivateKey      : True\r\n"
            "IsSelfSigned       : False\r\n"
            "Issuer             : CN=R3, O=Let's Encrypt, C=US\r\n"
            "NotAfter           : 3/1/2099 11:59:59 PM\r\n"
            "NotBefore          : 12/1/2026 12:00:00 AM\r\n"
            "Services           : IIS, SMTP\r\n"
            "Status             : Valid\r\n"
            "Subject            : CN=mail.contoso.com\r\n"
            "Thumbprint         : 6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B\r\n"
            "\r\n"
            "AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule}\r\n"
            "CertificateDomains : {EX01, EX01.contoso.local}\r\n"
            "HasPrivateKey      : True\r\n"
            "IsSelfSigned       : True\r\n"
            "Issuer             : CN=EX01\r\n"
            "NotAfter           : 6/14/2021 4:22:10 PM\r\n"
            "Services           : SMTP\r\n"
            "Status             : DateInvalid\r\n"
            "Subject            : CN=EX01\r\n"
            "Thumbprint         : 0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F\r\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("exchange-certificate"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.records.size(), 2);
        QCOMPARE(p.records.at(0).value(QStringLiteral("CertificateDomains")), QStringLiteral("{mail.contoso.com, autodiscover.contoso.com}"));
        QCOMPARE(p.facts.value(QStringLiteral("smtpCertificates")), QStringLiteral("2"));
        QCOMPARE(p.facts.value(QStringLiteral("validSmtp")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("singleValidSmtp")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("expiredSmtp")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("bestThumbprint")), QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B"));
        QCOMPARE(p.facts.value(QStringLiteral("bestTlsCertificateName")), QStringLiteral("<I>CN=R3, O=Let's Encrypt, C=US<S>CN=mail.contoso.com"));
    }
    void exchangeCertificateDefaultTableUsesServiceFlags()
    {
        const QString text = QStringLiteral(
            "Thumbprint                                Services   Subject\n"
            "----------                                --------   -------\n"
            "6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B  ...W...    CN=mail.contoso.com\n"
            "0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F  IP.WS..    CN=EX01\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("exchange-certificate"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.records.size(), 2);
        QCOMPARE(p.facts.value(QStringLiteral("smtpCertificates")), QStringLiteral("1"));
        QCOMPARE(p.facts.value(QStringLiteral("validSmtp")), QStringLiteral("true"));
    }
    void getServiceTableWithTruncatedNames()
    {
        const QString text = QStringLiteral(
            "\n"
            "Status   Name               DisplayName\n"
            "------   ----               -----------\n"
            "Running  MSExchangeDelivery Microsoft Exchange Mailbox Transpo...\n"
            "Running  MSExchangeFrontE... Microsoft Exchange Frontend Transport\n"
            "Stopped  MSExchangeSubmi... Microsoft Exchange Mailbox Transpo...\n"
            "Running  MSExchangeTransport Microsoft Exchange Transport\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("service"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.records.size(), 4);
        QCOMPARE(p.facts.value(QStringLiteral("allRunning")), QStringLiteral("false"));
        QVERIFY(p.facts.value(QStringLiteral("notRunning")).contains(QStringLiteral("MSExchangeSubmi")));
        QVERIFY(p.summary.contains(QStringLiteral("Stopped")));

        const ParsedOutput adam = parseCmdletOutput(QStringLiteral("service"), QStringLiteral(
            "Status   Name               DisplayName\n"
            "------   ----               -----------\n"
            "Running  ADAM_MSExchange    Microsoft Exchange ADAM\n"));
        QCOMPARE(adam.facts.value(QStringLiteral("allRunning")), QStringLiteral("true"));
    }
    void getQueueTable()
    {
        const QString text = QStringLiteral(
            "Identity                 DeliveryType Status MessageCount Velocity RiskLevel OutboundIPPool NextHopDomain\n"
            "--------                 ------------ ------ ------------ -------- --------- -------------- -------------\n"
            "EX01\\3                   SmartHost... Retry  12           0        Normal    0              [smtp.office365.com]\n"
            "EX01\\Submission          Undefined    Ready  0            0        Normal    0              Submission\n"
            "EX01\\Unreachable         Unreachable  Ready  3            0        Normal    0              Unreachable Domain\n"
            "EX01\\Shadow\\4            ShadowRed... Ready  0            0        Normal    0              ex02.contoso.com\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("queue"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.records.size(), 4);
        QCOMPARE(p.records.at(0).value(QStringLiteral("NextHopDomain")), QStringLiteral("[smtp.office365.com]"));
        QCOMPARE(p.facts.value(QStringLiteral("messages")), QStringLiteral("15"));
        QCOMPARE(p.facts.value(QStringLiteral("unreachableMessages")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("unreachableQueue")), QStringLiteral("EX01\\Unreachable"));
        QCOMPARE(p.facts.value(QStringLiteral("retryQueues")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("healthy")), QStringLiteral("false"));
    }
    void getQueueFormatListWithLastError()
    {
        const QString text = QStringLiteral(
            "Identity      : EX01\\7\n"
            "DeliveryType  : SmtpRelayToRemoteAdSite\n"
            "Status        : Retry\n"
            "MessageCount  : 5\n"
            "NextHopDomain : site-b\n"
            "LastError     : 451 4.4.0 Primary target IP address responded with: \"451 5.7.3 Cannot achieve Exchange Server\n"
            "                authentication.\" Attempted failover to alternate host, but that did not succeed.\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("queue"), text);
        QVERIFY(p.recognized);
        QVERIFY(p.records.at(0).value(QStringLiteral("LastError")).contains(QStringLiteral("Exchange Server authentication.")));
        QCOMPARE(p.facts.value(QStringLiteral("exchangeAuthError")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("blocklistError")), QStringLiteral("false"));
    }
    void testEdgeSynchronizationFailedWithNoCredentials()
    {
        const QString text = QStringLiteral(
            "\n"
            "RunspaceId                  : 5a1e9c3b-7d2f-4c1a-9e8b-0f6d3c2b1a90\n"
            "SyncStatus                  : Failed\n"
            "UtcNow                      : 11/20/2026 8:01:44 AM\n"
            "Name                        : EDGE01\n"
            "LeaseHolder                 :\n"
            "LeaseType                   : None\n"
            "FailureDetail               : EdgeSync service cannot connect to this subscription because of error \"The LDAP\n"
            "                              server is unavailable.\".\n"
            "LeaseExpiryUtc              : 1/1/0001 12:00:00 AM\n"
            "LastSynchronizedUtc         : 1/1/0001 12:00:00 AM\n"
            "TransportServerStatus       : NotStarted\n"
            "RecipientStatus             : NotStarted\n"
            "CredentialRecords           : Number of credentials 0\n"
            "CookieRecords               : Number of cookies 0\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("edgesync-test"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.facts.value(QStringLiteral("syncNormal")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("ldapUnavailable")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("credentialRecords")), QStringLiteral("0"));
        QCOMPARE(p.facts.value(QStringLiteral("credentialsPresent")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("edgeServer")), QStringLiteral("EDGE01"));
        QCOMPARE(p.records.at(0).value(QStringLiteral("LeaseHolder")), QString());
    }
    void testEdgeSynchronizationNormal()
    {
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("edgesync-test"), QStringLiteral(
            "SyncStatus          : Normal\nName                : EDGE01\nCredentialRecords   : Number of credentials 3\n"));
        QCOMPARE(p.facts.value(QStringLiteral("syncNormal")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("credentialsPresent")), QStringLiteral("true"));
    }
    void receiveConnectorFormatList()
    {
        const QString text = QStringLiteral(
            "Identity             : EX02\\Default EX02\n"
            "Bindings             : {0.0.0.0:2525, [::]:2525}\n"
            "AuthMechanism        : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer\n"
            "PermissionGroups     : ExchangeUsers, ExchangeServers, ExchangeLegacyServers\n"
            "ProtocolLoggingLevel : Verbose\n"
            "Fqdn                 : EX02.contoso.local\n"
            "\n"
            "Identity             : EX02\\Default Frontend EX02\n"
            "Bindings             : {[::]:25, 0.0.0.0:25}\n"
            "AuthMechanism        : Tls, Integrated, BasicAuth, BasicAuthRequireTLS\n"
            "PermissionGroups     : AnonymousUsers, ExchangeServers, ExchangeLegacyServers\n"
            "ProtocolLoggingLevel : None\n"
            "Fqdn                 : mail.contoso.com\n"
            "\n"
            "Identity             : EX02\\Client Frontend EX02\n"
            "Bindings             : {[::]:587, 0.0.0.0:587}\n"
            "AuthMechanism        : Tls, Integrated, BasicAuth, BasicAuthRequireTLS\n"
            "ProtocolLoggingLevel : None\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("receive-connector"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.records.size(), 3);
        QCOMPARE(p.facts.value(QStringLiteral("exchangeAuthAll")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("withoutExchangeAuth")), QStringLiteral("EX02\\Default Frontend EX02"));
        QCOMPARE(p.facts.value(QStringLiteral("allVerbose")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("notVerbose")), QStringLiteral("EX02\\Default Frontend EX02"));
    }
    void sendConnectorFormatList()
    {
        const QString text = QStringLiteral(
            "Name                 : Outbound to Office 365\n"
            "AddressSpaces        : {smtp:cloudmonkeys.xyz;1, smtp:cloudfield.mail.onmicrosoft.com;1}\n"
            "SmartHosts           : {cloudfield-mail-onmicrosoft-com.mail.protection.outlook.com}\n"
            "TlsDomain            : cloudmonkeys.xyz\n"
            "TlsAuthLevel         : CertificateValidation\n"
            "Fqdn                 : mail.cloudmonkeys.xyz\n"
            "ProtocolLoggingLevel : None\n"
            "\n"
            "Name                 : Outbound to Internet\n"
            "AddressSpaces        : {SMTP:*;1}\n"
            "SmartHosts           : {}\n"
            "ProtocolLoggingLevel : Verbose\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("send-connector"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.facts.value(QStringLiteral("firstConnector")), QStringLiteral("Outbound to Office 365"));
        QCOMPARE(p.facts.value(QStringLiteral("usesSmartHost")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("domainValidation")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("allVerbose")), QStringLiteral("false"));
        QVERIFY(p.facts.value(QStringLiteral("addressSpaces")).contains(QStringLiteral("smtp:cloudfield.mail.onmicrosoft.com;1")));
        QVERIFY(p.facts.value(QStringLiteral("addressSpaces")).contains(QStringLiteral("SMTP:*;1")));
    }
    void transportServiceWithIspDnsMixedIn()
    {
        const QString text = QStringLiteral(
            "InternalDNSServers        : {202.88.152.10, 202.88.152.8, 192.168.1.11}\n"
            "ExternalDNSServers        : {}\n"
            "InternalDNSAdapterEnabled : True\n"
            "ExternalDNSAdapterEnabled : True\n"
            "ReceiveProtocolLogPath    : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\Hub\\ProtocolLog\\SmtpRe\n"
            "                            ceive\n"
            "SendProtocolLogPath       : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\Hub\\ProtocolLog\\SmtpSend\n");
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("transport-service"), text);
        QVERIFY(p.recognized);
        QCOMPARE(p.facts.value(QStringLiteral("internalDnsPrivateOnly")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("privateInternalDns")), QStringLiteral("192.168.1.11"));
        QCOMPARE(p.facts.value(QStringLiteral("externalDnsSet")), QStringLiteral("false"));
        QCOMPARE(p.facts.value(QStringLiteral("hasLogPaths")), QStringLiteral("true"));
        QVERIFY(p.summary.contains(QStringLiteral("public servers mixed in: 202.88.152.10, 202.88.152.8")));
    }
    void resolveDnsNameAnswersAndFailures()
    {
        const ParsedOutput a = parseCmdletOutput(QStringLiteral("resolve-dns"), QStringLiteral(
            "\n"
            "Name                                           Type   TTL   Section    IPAddress\n"
            "----                                           ----   ---   -------    ---------\n"
            "cmedge01.cloudmonkeys.xyz                      A      3600  Answer     192.168.1.25\n"));
        QVERIFY(a.recognized);
        QCOMPARE(a.facts.value(QStringLiteral("resolved")), QStringLiteral("true"));
        QCOMPARE(a.facts.value(QStringLiteral("privateOnly")), QStringLiteral("true"));

        const ParsedOutput mx = parseCmdletOutput(QStringLiteral("resolve-dns"), QStringLiteral(
            "Name                           Type   TTL   Section    NameExchange                              Preference\n"
            "----                           ----   ---   -------    ------------                              ----------\n"
            "cloudmonkeys.xyz               MX     3600  Answer     cloudmonkeys-xyz.mail.protection.outlook. 0\n"
            "                                                       com\n"));
        QVERIFY(mx.recognized);
        QCOMPARE(mx.facts.value(QStringLiteral("resolved")), QStringLiteral("true"));
        QCOMPARE(mx.records.size(), 1);
        QCOMPARE(mx.facts.value(QStringLiteral("mailExchangers")), QStringLiteral("cloudmonkeys-xyz.mail.protection.outlook.com"));

        const ParsedOutput fail = parseCmdletOutput(QStringLiteral("resolve-dns"), QStringLiteral(
            "Resolve-DnsName : cmedge01.cloudmonkeys.xyz : DNS name does not exist\n"
            "At line:1 char:1\n"
            "+ Resolve-DnsName -Name cmedge01.cloudmonkeys.xyz -Type A\n"
            "    + CategoryInfo          : ResourceUnavailable: (cmedge01.cloudmonkeys.xyz:String) [Resolve-DnsName], Win32Exception\n"
            "    + FullyQualifiedErrorId : DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName\n"));
        QVERIFY(fail.recognized);
        QCOMPARE(fail.facts.value(QStringLiteral("resolved")), QStringLiteral("false"));
    }
    void edgeSubscriptionTable()
    {
        const ParsedOutput p = parseCmdletOutput(QStringLiteral("edge-subscription"), QStringLiteral(
            "Name            Site                 Domain\n"
            "----            ----                 ------\n"
            "CMEDGE01        cloudmonkeys.xyz/... cloudmonkeys.xyz\n"));
        QVERIFY(p.recognized);
        QCOMPARE(p.facts.value(QStringLiteral("subscribed")), QStringLiteral("true"));
        QCOMPARE(p.facts.value(QStringLiteral("edgeServer")), QStringLiteral("CMEDGE01"));
    }
    void mailboxDatabaseAndTestNetConnectionAndBoolean()
    {
        const ParsedOutput db = parseCmdletOutput(QStringLiteral("mailbox-database"), QStringLiteral(
            "Name                  Mounted Server\n"
            "----                  ------- ------\n"
            "Mailbox Database 0141 True    EX01\n"
            "DB02                  False   EX01\n"));
        QCOMPARE(db.facts.value(QStringLiteral("allMounted")), QStringLiteral("false"));
        QCOMPARE(db.facts.value(QStringLiteral("dismounted")), QStringLiteral("DB02"));

        const ParsedOutput tnc = parseCmdletOutput(QStringLiteral("test-netconnection"), QStringLiteral(
            "WARNING: TCP connect to (192.168.1.25 : 50636) failed\n"
            "\n"
            "ComputerName           : cmedge01.cloudmonkeys.xyz\n"
            "RemoteAddress          : 192.168.1.25\n"
            "RemotePort             : 50636\n"
            "InterfaceAlias         : Ethernet0\n"
            "SourceAddress          : 192.168.1.13\n"
            "PingSucceeded          : True\n"
            "TcpTestSucceeded       : False\n"));
        QVERIFY(tnc.recognized);
        QCOMPARE(tnc.facts.value(QStringLiteral("tcpSucceeded")), QStringLiteral("false"));

        QCOMPARE(parseCmdletOutput(QStringLiteral("boolean"), QStringLiteral("False\r\n")).facts.value(QStringLiteral("value")), QStringLiteral("false"));
        QVERIFY(!parseCmdletOutput(QStringLiteral("boolean"), QStringLiteral("maybe")).recognized);
    }
    void wrongOrGarbageInputIsNotRecognisedAndNeverCrashes()
    {
        const QString queue = QStringLiteral("Identity Status MessageCount\n-------- ------ ------------\nEX01\\1 Ready 0\n");
        QVERIFY(!parseCmdletOutput(QStringLiteral("exchange-certificate"), queue).recognized);
        for (const QString &parser : cmdletOutputParsers()) {
            QVERIFY(!parseCmdletOutput(parser, QString()).recognized);
            parseCmdletOutput(parser, QString(100000, u'-'));
            parseCmdletOutput(parser, QStringLiteral(":::: \n ---- \n\0\0 x : y"));
            parseCmdletOutput(parser, QStringLiteral("a\n-\n") + QString(5000, u'x'));
        }
        QVERIFY(!parseCmdletOutput(QStringLiteral("no-such-parser"), queue).recognized);
    }
};

QTEST_GUILESS_MAIN(TestCmdletOutput)
#include "tst_cmdletoutput.moc"
