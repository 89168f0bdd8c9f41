// Every rule of the knowledge base raised by a session or message that shows its fault, and not
// raised by a similar one that does not; aggregation, evidence and parameters.
#include "fixtures.h"

#include "model/core/diagnosis/knowledgebase.h"
#include "model/core/diagnosis/sessionfacts.h"

#include <QFile>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>
#include <memory>
#include <thread>
#include <vector>

using namespace mwb;
using namespace fixtures;

namespace {

const QString kNoXExps = QStringLiteral("SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS AUTH NTLM 8BITMIME BINARYMIME CHUNKING XRDST");

SessionBuilder healthyReceive(const QString &id, const QString &server = QStringLiteral("EX01"))
{
    SessionBuilder b(Direction::Receive, id, server);
    b.greet().deliver(QStringLiteral("<%1@fabrikam.com>").arg(id)).quit();
    return b;
}

// The built-in rules plus a plain-pattern rule for "Frobnication of <Thing> failed", written to dir.
Result<std::shared_ptr<DiagnosisEngine>> engineWithFrobnicationRule(const QTemporaryDir &dir)
{
    QFile builtIn(QStringLiteral(":/kb/rules.json"));
    if (!builtIn.open(QIODevice::ReadOnly))
        return Result<std::shared_ptr<DiagnosisEngine>>::fail(QStringLiteral("no built-in rules"));
    QByteArray json = builtIn.readAll();
    const QByteArray extra = R"({ "id": "frobnication-failed", "severity": "warning", "title": "Frobnication failed",
        "explanation": "A made-up error text.", "scenario": "",
        "match": [ { "in": ["protocol", "tracking"], "patterns": ["Frobnication of (?<Thing>\\S+) failed"] } ],
        "parameters": { "Server": "session.server|hop.server", "Thing": "match.Thing" } },)";
    json.replace("\"rules\": [", "\"rules\": [" + extra);
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size())
        return Result<std::shared_ptr<DiagnosisEngine>>::fail(QStringLiteral("cannot write ") + path);
    out.close();
    return DiagnosisEngine::create(path);
}

SessionBuilder receiveWithReply(const QString &id, const QString &afterMailReply, const QString &server = QStringLiteral("EX01"))
{
    SessionBuilder b(Direction::Receive, id, server);
    b.greet();
    b.command(QStringLiteral("MAIL FROM:<a@fabrikam.com>"));
    b.reply(afterMailReply);
    b.quit();
    return b;
}

SessionBuilder sendWith(const QString &id, const QString &peerReply)
{
    SessionBuilder b(Direction::Send, id);
    b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
    b.command(QStringLiteral("MAIL FROM:<a@contoso.com>"));
    b.reply(peerReply);
    b.quit();
    return b;
}

SourceFile trackingFile(const QString &server, qint64 firstFromBase = 0, qint64 lastFromBase = 24 * 3600 * 1000LL)
{
    SourceFile f;
    f.path = QStringLiteral("%1/MSGTRK20261120-1.LOG").arg(server);
    f.format = LogFormat::MessageTracking;
    f.server = server;
    f.firstMs = baseMs() + firstFromBase;
    f.lastMs = baseMs() + lastFromBase;
    return f;
}


} // namespace

class TestDiagnosisEngine : public QObject {
    Q_OBJECT
private slots:
    // --- healthy ---------------------------------------------------------------------------
    void healthyTrafficGivesNoFindings()
    {
        SessionBuilder intraOrg(Direction::Send, QStringLiteral("08DC000000000010"));
        intraOrg.session.connector = QStringLiteral("Intra-Organization SMTP Send Connector");
        intraOrg.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("ex02.contoso.com")).deliver().quit();
        const Message m = makeMessage(QStringLiteral("<m1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("SEND"), 2000, QStringLiteral("250 2.6.0 Queued mail for delivery"), {}, QStringLiteral("ex02.contoso.com"), {}},
                                       {QStringLiteral("EX02"), QStringLiteral("RECEIVE"), 2500, {}, {}, {}, {}},
                                       {QStringLiteral("EX02"), QStringLiteral("DELIVER"), 3000, QStringLiteral("250 2.1.5 Recipient OK"), {}, {}, {}}});
        const Run r = run({healthyReceive(QStringLiteral("08DC000000000001")), healthyReceive(QStringLiteral("08DC000000000002")), intraOrg},
                          {m}, {trackingFile(QStringLiteral("EX01")), trackingFile(QStringLiteral("EX02"))});
        QVERIFY2(r.findings.isEmpty(), qPrintable(r.rules().join(QLatin1Char(','))));
    }

    // --- smtp-data-not-terminated ------------------------------------------------------------
    void dataNotTerminatedFoundOnTimeoutAfter354()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC1A2B3C4D5E6F"));
        b.greet().command(QStringLiteral("MAIL FROM:<app@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        b.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        b.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        const RecordRef ref354 = b.lines.last().ref;
        b.wait(10 * 60 * 1000).reply(QStringLiteral("451 4.7.0 Timeout waiting for client input"));
        b.line('-', {}, QStringLiteral("Local"));
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("smtp-data-not-terminated"));
        const Finding f = r.of(QStringLiteral("smtp-data-not-terminated")).first();
        QCOMPARE(f.severity, Severity::Error);
        QCOMPARE(f.sessions, QStringList{QStringLiteral("08DC1A2B3C4D5E6F")});
        QCOMPARE(f.sessionIndexes, QList<int>{0});
        QCOMPARE(f.servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(f.codes, QStringList{QStringLiteral("451 4.7.0")});
        QCOMPARE(f.scenario, QStringLiteral("smtp-354-stall"));
        QCOMPARE(f.parameters.value(QStringLiteral("Server")), QStringLiteral("EX01"));
        QCOMPARE(f.parameters.value(QStringLiteral("RemoteIp")), QStringLiteral("203.0.113.9"));
        QVERIFY(f.evidence.contains(ref354));
        QCOMPARE(f.count, 1);
        QVERIFY(f.lastMs - f.firstMs >= 10 * 60 * 1000);
    }

    void dataNotTerminatedFoundOnSendSideDrop()
    {
        SessionBuilder b(Direction::Send, QStringLiteral("08DC1A2B3C4D5E70"));
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
        b.command(QStringLiteral("MAIL FROM:<a@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        b.command(QStringLiteral("RCPT TO:<b@fabrikam.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        b.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        b.wait(600000).line('-', {}, QStringLiteral("Remote(ConnectionReset)"));
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("smtp-data-not-terminated"));
        QCOMPARE(r.of(QStringLiteral("smtp-data-not-terminated")).first().codes, QStringList{QStringLiteral("354")});
    }

    void dataNotTerminatedNotRaisedWhenBodyEnds()
    {
        // 250 or a content rejection (554) after 354 both mean the terminator arrived.
        SessionBuilder rejected(Direction::Receive, QStringLiteral("08DC000000000003"));
        rejected.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        rejected.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        rejected.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        rejected.reply(QStringLiteral("554 5.6.0 Invalid message content")).quit();
        const Run r = run({healthyReceive(QStringLiteral("08DC000000000004")), rejected});
        QVERIFY(!r.has(QStringLiteral("smtp-data-not-terminated")));
        QVERIFY(!r.has(QStringLiteral("connection-dropped")));
    }

    // --- tls-subject-mismatch ----------------------------------------------------------------
    void subjectMismatchFoundWithExpectedName()
    {
        const Run r = run({sendWith(QStringLiteral("08DC000000000020"),
                                    QStringLiteral("450 4.4.317 Cannot establish session - SubjectMismatch. Expected: mail.cloudmonkeys.xyz, Presented: CN=cmedge01.cloudmonkeys.xyz"))});
        EXPECT_RULES(r, QStringLiteral("tls-subject-mismatch"));
        const Finding f = r.of(QStringLiteral("tls-subject-mismatch")).first();
        QCOMPARE(f.parameters.value(QStringLiteral("Fqdn")), QStringLiteral("mail.cloudmonkeys.xyz"));
        QCOMPARE(f.codes, QStringList{QStringLiteral("450 4.4.317")});
        QCOMPARE(f.scenario, QStringLiteral("certificate-smtp"));
    }

    void subjectMismatchWins454Over4_7_5CertificateNotFound()
    {
        const Run r = run({sendWith(QStringLiteral("08DC000000000021"),
                                    QStringLiteral("454 4.7.5 Certificate validation failure, Reason: SubjectMismatch"))});
        EXPECT_RULES(r, QStringLiteral("tls-subject-mismatch"));
    }

    void subjectMismatchNotRaisedForSuccessfulTls()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000022"));
        b.greet().command(QStringLiteral("STARTTLS")).reply(QStringLiteral("220 2.0.0 SMTP server ready"));
        b.line('*', QStringLiteral(" CN=ex01.contoso.com CN=R3, O=Let's Encrypt, C=US 0400A1B2C3 A1B2C3D4E5F60718293A4B5C6D7E8F9012345678 2026-01-17T15:15:33.000Z 2027-01-17T15:15:33.000Z ex01.contoso.com;mail.contoso.com"),
               QStringLiteral("Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names"));
        b.line('*', {}, QStringLiteral("TLS protocol SP_PROT_TLS1_2_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_128 with strength 128 bits, MAC hash algorithm CALG_SHA_256 with strength 0 bits and key exchange algorithm CALG_ECDH_EPHEM with strength 256 bits"));
        b.line('*', {}, QStringLiteral("Client certificate chain validation status: 'EmptyCertificate'"));
        b.line('*', {}, QStringLiteral("TlsDomainCapabilities='None'; Status='NoRemoteCertificate'"));
        b.deliver().quit();
        const Run r = run({b});
        QVERIFY2(r.findings.isEmpty(), qPrintable(r.rules().join(QLatin1Char(','))));
    }

    // --- tls-certificate-not-found -----------------------------------------------------------
    void certificateNotFoundFoundOn454()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000030"));
        b.greet().command(QStringLiteral("STARTTLS")).reply(QStringLiteral("454 4.7.5 Certificate validation failure")).quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("tls-certificate-not-found"));
        QCOMPARE(r.of(QStringLiteral("tls-certificate-not-found")).first().codes, QStringList{QStringLiteral("454 4.7.5")});
    }

    void certificateNotFoundFoundOnTlsCertificateNameLine()
    {
        SessionBuilder b(Direction::Send, QStringLiteral("08DC000000000031"));
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
        b.line('*', {}, QStringLiteral("The TlsCertificateName <I>CN=R3<S>CN=mail.contoso.com of the send connector could not be found"));
        b.quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("tls-certificate-not-found"));
    }

    void certificateNotFoundFoundForOtherServersTexts()
    {
        const Run r = run({sendWith(QStringLiteral("08DC000000000033"), QStringLiteral("454 4.7.0 TLS not available due to local problem"))});
        EXPECT_RULES(r, QStringLiteral("tls-certificate-not-found"));
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000034"));
        b.greet().command(QStringLiteral("STARTTLS")).reply(QStringLiteral("220 2.0.0 SMTP server ready"));
        b.line('*', {}, QStringLiteral("TLS negotiation failed with error UnknownCredentials")).line('-', {}, QStringLiteral("Local"));
        EXPECT_RULES(run({b}), QStringLiteral("tls-certificate-not-found"));
    }

    void certificateNotFoundNotRaisedForAnonymousClientCertificateStatus()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000032"));
        b.greet().line('*', {}, QStringLiteral("Client certificate chain validation status: 'EmptyCertificate'"));
        b.line('*', {}, QStringLiteral("TlsDomainCapabilities='None'; Status='NoRemoteCertificate'"));
        b.deliver().quit();
        QVERIFY(!run({b}).has(QStringLiteral("tls-certificate-not-found")));
    }

    // --- starttls-required / exchange-auth-failed / auth-failed: the 5.7.3 family ---------------
    void starttlsRequiredFoundFor530And451()
    {
        const Run r = run({receiveWithReply(QStringLiteral("08DC000000000040"), QStringLiteral("530 5.7.3 STARTTLS is required to send mail")),
                           sendWith(QStringLiteral("08DC000000000041"), QStringLiteral("451 5.7.3 STARTTLS is required to send mail"))});
        EXPECT_RULES(r, QStringLiteral("starttls-required"));
        const Finding f = r.of(QStringLiteral("starttls-required")).first();
        QCOMPARE(f.count, 2);
        QCOMPARE(f.codes, (QStringList{QStringLiteral("530 5.7.3"), QStringLiteral("451 5.7.3")}));
    }

    void starttlsRequiredNotRaisedWhenTlsIsUsed()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000042"));
        b.greet().command(QStringLiteral("STARTTLS")).reply(QStringLiteral("220 2.0.0 SMTP server ready")).deliver().quit();
        QVERIFY(run({b}).findings.isEmpty());
    }

    void exchangeAuthFailedFoundOn451_5_7_3()
    {
        const Run r = run({receiveWithReply(QStringLiteral("08DC000000000050"), QStringLiteral("451 5.7.3 Cannot achieve Exchange Server authentication"))});
        EXPECT_RULES(r, QStringLiteral("exchange-auth-failed"));
        const Finding f = r.of(QStringLiteral("exchange-auth-failed")).first();
        QCOMPARE(f.codes, QStringList{QStringLiteral("451 5.7.3")});
        QCOMPARE(f.scenario, QStringLiteral("exchange-auth"));
    }

    void exchangeAuthFailedFoundInQueueError()
    {
        const Message m = makeMessage(QStringLiteral("<q1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("DEFER"), 60000,
                                        QStringLiteral("451 4.4.0 Primary target IP address responded with: \"451 5.7.3 Cannot achieve Exchange Server authentication.\" Attempted failover to alternate host, but that did not succeed."), {}, {}, {}}});
        const Run r = run({}, {m});
        EXPECT_RULES(r, QStringLiteral("exchange-auth-failed"));
        const Finding f = r.of(QStringLiteral("exchange-auth-failed")).first();
        QCOMPARE(f.messageIds, QStringList{QStringLiteral("<q1@contoso.com>")});
        QCOMPARE(f.servers, QStringList{QStringLiteral("EX01")});
        QVERIFY(f.codes.contains(QStringLiteral("451 5.7.3")));
    }

    void exchangeAuthFailedFoundWhenXExpsMissingBetweenExchangeServers()
    {
        SessionBuilder b(Direction::Send, QStringLiteral("08DC000000000051"));
        b.session.connector = QStringLiteral("Intra-Organization SMTP Send Connector");
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("ex02.contoso.com"), kNoXExps).quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("exchange-auth-failed"));
        const Finding f = r.of(QStringLiteral("exchange-auth-failed")).first();
        QCOMPARE(f.parameters.value(QStringLiteral("Fqdn")), QStringLiteral("ex02.contoso.com"));
        QCOMPARE(f.sessions, QStringList{QStringLiteral("08DC000000000051")});
        QVERIFY(!f.evidence.isEmpty());
    }

    void exchangeAuthNotRaisedForExternalExchangeWithoutXExps()
    {
        // A partner's Exchange never offers X-EXPS to us: that is not a fault.
        SessionBuilder b(Direction::Send, QStringLiteral("08DC000000000052"));
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mail.fabrikam.com"), kNoXExps).deliver().quit();
        const Run r = run({b});
        QVERIFY2(r.findings.isEmpty(), qPrintable(r.rules().join(QLatin1Char(','))));
    }

    void authFailedFoundOn535()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000060"));
        b.greet().command(QStringLiteral("AUTH LOGIN")).reply(QStringLiteral("334 <authentication response>"));
        b.line('*', {}, QStringLiteral("Inbound AUTH LOGIN failed because of LogonDenied"));
        b.reply(QStringLiteral("535 5.7.3 Authentication unsuccessful")).quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("auth-failed"));
        QCOMPARE(r.of(QStringLiteral("auth-failed")).first().codes, QStringList{QStringLiteral("535 5.7.3")});
        QCOMPARE(r.of(QStringLiteral("auth-failed")).first().evidence.size(), 2);
    }

    void authFailedNotRaisedOnSuccessfulAuth()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000061"));
        b.greet().command(QStringLiteral("AUTH LOGIN")).reply(QStringLiteral("334 <authentication response>"));
        b.reply(QStringLiteral("235 2.7.0 Authentication successful")).deliver().quit();
        QVERIFY(run({b}).findings.isEmpty());
    }

    // --- DNS -----------------------------------------------------------------------------------
    void prx2FoundAndNotMistakenForDnsQueryFailed()
    {
        const Run r = run({receiveWithReply(QStringLiteral("08DC000000000070"),
                                            QStringLiteral("451 4.7.0 Temporary server error. Please try again later. PRX2 DNS query failed with error ErrorRetry -> DnsQueryFailed: ErrorRetry"))});
        EXPECT_RULES(r, QStringLiteral("dns-prx2"));
        QCOMPARE(r.of(QStringLiteral("dns-prx2")).first().codes, QStringList{QStringLiteral("451 4.7.0")});
        QCOMPARE(r.of(QStringLiteral("dns-prx2")).first().scenario, QStringLiteral("dns-resolution"));
    }

    void prx2NotRaisedForOther451_4_7_0()
    {
        const Run r = run({receiveWithReply(QStringLiteral("08DC000000000071"), QStringLiteral("451 4.7.0 Temporary server error. Please try again later"))});
        QVERIFY(!r.has(QStringLiteral("dns-prx2")));
    }

    void dnsQueryFailedFoundInTracking()
    {
        const Message m = makeMessage(QStringLiteral("<d1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("DEFER"), 30000,
                                        QStringLiteral("451 4.4.0 DNS query failed. The error was: DNS query failed with error: ServerFailure"), {}, {}, QStringLiteral("08DC000000000072")}});
        const Run r = run({}, {m});
        EXPECT_RULES(r, QStringLiteral("dns-query-failed"));
        const Finding f = r.of(QStringLiteral("dns-query-failed")).first();
        QCOMPARE(f.messageIds, QStringList{QStringLiteral("<d1@contoso.com>")});
        QCOMPARE(f.servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(f.sessions, QStringList{QStringLiteral("08DC000000000072")});
        QCOMPARE(f.codes, QStringList{QStringLiteral("451 4.4.0")});
        QCOMPARE(f.parameters.value(QStringLiteral("Domain")), QStringLiteral("fabrikam.com"));
        QCOMPARE(f.evidence, QList<RecordRef>{m.hops.at(1).ref});
    }

    void dnsQueryFailedFoundInSourceContext()
    {
        const Message m = makeMessage(QStringLiteral("<d2@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("FAIL"), 0, QStringLiteral("550 5.4.4 Unable to route"),
                                        QStringLiteral("DnsQueryFailed: ErrorRetry"), {}, {}}});
        EXPECT_RULES(run({}, {m}), QStringLiteral("dns-query-failed"));
    }

    void dnsQueryFailedNotRaisedForDeliveredMessage()
    {
        const Message m = makeMessage(QStringLiteral("<d3@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, QStringLiteral("08DC1DB12C345BE5;2026-11-20T08:00:00.000Z;0"), {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("SEND"), 1000, QStringLiteral("250 2.6.0 <d3@contoso.com> Queued mail for delivery"), {}, {}, {}}});
        QVERIFY(run({}, {m}).findings.isEmpty());
    }

    // --- no-matching-connector -----------------------------------------------------------------
    void noMatchingConnectorFoundInTracking()
    {
        const Message m = makeMessage(QStringLiteral("<u1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("DEFER"), 1000, {},
                                        QStringLiteral("A matching connector cannot be found to route the external recipient"), {}, {}}});
        const Run r = run({}, {m});
        EXPECT_RULES(r, QStringLiteral("no-matching-connector"));
        QCOMPARE(r.of(QStringLiteral("no-matching-connector")).first().scenario, QStringLiteral("unreachable-queue"));
        QCOMPARE(r.of(QStringLiteral("no-matching-connector")).first().parameters.value(QStringLiteral("Domain")), QStringLiteral("fabrikam.com"));
    }

    void noMatchingConnectorNotRaisedForDeliveredMessage()
    {
        const Message m = makeMessage(QStringLiteral("<u2@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("DELIVER"), 1000, QStringLiteral("250 2.1.5 Recipient OK"), {}, {}, {}}});
        QVERIFY(run({}, {m}).findings.isEmpty());
    }

    // --- blocklisted / relay-denied --------------------------------------------------------------
    void blocklistedFoundWithListedIp()
    {
        const Run r = run({sendWith(QStringLiteral("08DC000000000080"),
                                    QStringLiteral("550 5.7.1 Service unavailable, Client host [27.7.57.241] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/27.7.57.241"))});
        EXPECT_RULES(r, QStringLiteral("blocklisted"));
        const Finding f = r.of(QStringLiteral("blocklisted")).first();
        QCOMPARE(f.parameters.value(QStringLiteral("PublicIp")), QStringLiteral("27.7.57.241"));
        QCOMPARE(f.codes, QStringList{QStringLiteral("550 5.7.1")});
        QCOMPARE(f.scenario, QStringLiteral("blocklist-smarthost"));
    }

    void blocklistedNotRaisedForRelayDenial()
    {
        const Run r = run({receiveWithReply(QStringLiteral("08DC000000000081"), QStringLiteral("550 5.7.1 Unable to relay"))});
        EXPECT_RULES(r, QStringLiteral("relay-denied"));
    }

    void relayDeniedFoundFor5_7_54And5_7_64()
    {
        SessionBuilder a(Direction::Receive, QStringLiteral("08DC000000000082"));
        a.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        a.command(QStringLiteral("RCPT TO:<x@northwind.com>")).reply(QStringLiteral("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")).quit();
        const Run r = run({a, sendWith(QStringLiteral("08DC000000000083"), QStringLiteral("550 5.7.64 TenantAttribution; Relay Access Denied"))});
        EXPECT_RULES(r, QStringLiteral("relay-denied"));
        // Two causes, two fixes: an application relaying through a receive connector, and Exchange
        // Online not attributing the organisation's mail to the tenant (its inbound connector).
        const QList<Finding> relay = r.of(QStringLiteral("relay-denied"));
        QCOMPARE(relay.size(), 2);
        const Finding &tenant = relay.at(0).codes.contains(QStringLiteral("550 5.7.64")) ? relay.at(0) : relay.at(1);
        const Finding &app = relay.at(0).codes.contains(QStringLiteral("550 5.7.64")) ? relay.at(1) : relay.at(0);
        QCOMPARE(tenant.scenario, QStringLiteral("exo-hybrid-connectors"));
        QCOMPARE(tenant.sessions, QStringList{QStringLiteral("08DC000000000083")});
        QCOMPARE(app.scenario, QStringLiteral("relay-connector"));
        QCOMPARE(app.codes, QStringList{QStringLiteral("550 5.7.54")});
        QCOMPARE(tenant.count + app.count, 2);
        QCOMPARE(tenant.groupKey, QStringLiteral("exo-hybrid-connectors"));
        QVERIFY(app.groupKey.isEmpty());   // grouped by server alone: the key it always had
    }

    // Exchange Online does not always say 5.7.64: the same "550 5.7.1 Unable to relay" from a
    // receive connector (a device relaying through Default Frontend) and from Exchange Online (a
    // Send session to *.mail.protection.outlook.com, its tracking FAIL, Exchange Online's own trace
    // row) are still two faults, told apart by who refused.
    void relayDeniedByExchangeOnlineWithoutTenantAttributionText()
    {
        const QString refusal = QStringLiteral("550 5.7.1 Unable to relay");
        SessionBuilder printer(Direction::Receive, QStringLiteral("08DC000000000085"));
        printer.session.connector = QStringLiteral("EX01\\Default Frontend EX01");
        printer.greet(QStringLiteral("MFP-3F.contoso.com")).command(QStringLiteral("MAIL FROM:<mfp-3f@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        printer.command(QStringLiteral("RCPT TO:<x@litwareinc.com>")).reply(refusal).quit();
        SessionBuilder gateway(Direction::Send, QStringLiteral("08DC000000000086"));
        gateway.session.connector = QStringLiteral("Outbound to Office 365");
        gateway.session.greetingName = QStringLiteral("DM6NAM12FT021.mail.protection.outlook.com");   // as the assembler reads the banner
        gateway.session.messageIds << QStringLiteral("<relay1@contoso.com>");
        gateway.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("DM6NAM12FT021.mail.protection.outlook.com"));
        gateway.command(QStringLiteral("MAIL FROM:<a@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        gateway.command(QStringLiteral("RCPT TO:<b@fabrikam.com>")).reply(refusal).quit();
        const Message onPremises = makeMessage(QStringLiteral("<relay1@contoso.com>"), {{QStringLiteral("EX01"), QStringLiteral("FAIL"), 100, refusal, {}, {}, {}}});
        const Message traced = makeMessage(QStringLiteral("<relay2@contoso.com>"), {{QStringLiteral("EXO"), QStringLiteral("FAIL"), 200, refusal, {}, {}, {}}});
        const Run r = run({printer, gateway}, {onPremises, traced});
        EXPECT_RULES(r, QStringLiteral("relay-denied"));
        // As the CLI and the GUI show them (attribution and fault grouping): the gateway's Send
        // session and Exchange Online's own trace row are one fault of the tenant's connector.
        const QList<Finding> relay = r.engine->findings(*r.store);
        QCOMPARE(relay.size(), 2);
        const Finding &tenant = relay.at(0).scenario == QLatin1String("exo-hybrid-connectors") ? relay.at(0) : relay.at(1);
        const Finding &app = relay.at(0).scenario == QLatin1String("exo-hybrid-connectors") ? relay.at(1) : relay.at(0);
        QCOMPARE(tenant.scenario, QStringLiteral("exo-hybrid-connectors"));
        QCOMPARE(tenant.sessions, QStringList{QStringLiteral("08DC000000000086")});
        QCOMPARE(QSet<QString>(tenant.messageIds.cbegin(), tenant.messageIds.cend()),
                 (QSet<QString>{QStringLiteral("<relay1@contoso.com>"), QStringLiteral("<relay2@contoso.com>")}));
        QCOMPARE(app.scenario, QStringLiteral("relay-connector"));
        QCOMPARE(app.sessions, QStringList{QStringLiteral("08DC000000000085")});
        QVERIFY(app.messageIds.isEmpty());
        QCOMPARE(app.parameters.value(QStringLiteral("Connector")), QStringLiteral("EX01\\Default Frontend EX01"));
    }

    void relayDeniedNotRaisedForSessionPermissionsLine()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000084"));
        b.greet().line('*', QStringLiteral("SMTPSubmit SMTPAcceptAnyRecipient SMTPAcceptAnySender SMTPAcceptAuthoritativeDomainSender"),
                       QStringLiteral("Set Session Permissions"));
        b.deliver().quit();
        QVERIFY(run({b}).findings.isEmpty());
    }

    // --- recipient-unknown / message-too-large / queue-expired ------------------------------------
    void recipientUnknownFoundInSessionAndTracking()
    {
        SessionBuilder a(Direction::Receive, QStringLiteral("08DC000000000090"));
        a.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        a.command(QStringLiteral("RCPT TO:<nobody@contoso.com>")).reply(QStringLiteral("550 5.1.1 User unknown")).quit();
        const Message m = makeMessage(QStringLiteral("<r1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("FAIL"), 0, QStringLiteral("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"), {}, {}, {}}});
        const Run r = run({a}, {m});
        EXPECT_RULES(r, QStringLiteral("recipient-unknown"));
        const Finding f = r.of(QStringLiteral("recipient-unknown")).first();
        QCOMPARE(f.count, 2);
        QCOMPARE(f.codes, (QStringList{QStringLiteral("550 5.1.1"), QStringLiteral("550 5.1.10")}));
        QCOMPARE(f.messageIds, QStringList{QStringLiteral("<r1@contoso.com>")});
    }

    void recipientUnknownNotRaisedFor5_1_8()
    {
        const Run r = run({receiveWithReply(QStringLiteral("08DC000000000091"), QStringLiteral("550 5.1.8 Access denied, bad outbound sender"))});
        QVERIFY(!r.has(QStringLiteral("recipient-unknown")));
    }

    void messageTooLargeFound()
    {
        SessionBuilder a(Direction::Receive, QStringLiteral("08DC0000000000A0"));
        a.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com> SIZE=99999999")).reply(QStringLiteral("552 5.3.4 Message size exceeds fixed maximum message size")).quit();
        const Run r = run({a});
        EXPECT_RULES(r, QStringLiteral("message-too-large"));
    }

    void messageTooLargeNotRaisedForSizeKeywordInEhlo()
    {
        QVERIFY(!run({healthyReceive(QStringLiteral("08DC0000000000A1"))}).has(QStringLiteral("message-too-large")));
    }

    void queueExpiredFoundInTracking()
    {
        const Message m = makeMessage(QStringLiteral("<e1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("FAIL"), 2 * 86400000LL,
                                        QStringLiteral("550 4.4.7 QUEUE.Expired; message expired"), {}, {}, {}}});
        const Run r = run({}, {m});
        EXPECT_RULES(r, QStringLiteral("queue-expired"));
        QCOMPARE(r.of(QStringLiteral("queue-expired")).first().codes, QStringList{QStringLiteral("550 4.4.7")});
    }

    void queueExpiredNotRaisedForDelayNotification()
    {
        const Message m = makeMessage(QStringLiteral("<e3@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("DSN"), 0, QStringLiteral("400 4.4.7 Message delayed"), {}, {}, {}}});
        QVERIFY(!run({}, {m}).has(QStringLiteral("queue-expired")));
    }

    void queueExpiredNotRaisedForRetry()
    {
        const Message m = makeMessage(QStringLiteral("<e2@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("DEFER"), 0, QStringLiteral("451 4.4.0 Primary target IP address responded with 421 4.3.2 Service not available"), {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("SEND"), 60000, QStringLiteral("250 2.6.0 Queued mail for delivery"), {}, {}, {}}});
        QVERIFY(!run({}, {m}).has(QStringLiteral("queue-expired")));
    }

    // --- message-delayed / message-hop-missing ------------------------------------------------------
    void messageDelayedFoundBeyondThreshold()
    {
        const Message m = makeMessage(QStringLiteral("<late@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("SEND"), 1000, {}, {}, QStringLiteral("ex02.contoso.com"), {}},
                                       {QStringLiteral("EX02"), QStringLiteral("RECEIVE"), 2000, {}, {}, {}, {}},
                                       {QStringLiteral("EX02"), QStringLiteral("DELIVER"), 45 * 60000, QStringLiteral("250 2.1.5 Recipient OK"), {}, {}, {}}});
        const Run r = run({}, {m});
        EXPECT_RULES(r, QStringLiteral("message-delayed"));
        const Finding f = r.of(QStringLiteral("message-delayed")).first();
        QCOMPARE(f.parameters.value(QStringLiteral("Server")), QStringLiteral("EX02"));
        QCOMPARE(f.messageIds, QStringList{QStringLiteral("<late@contoso.com>")});
        QVERIFY(f.servers.contains(QStringLiteral("EX02")));
        QCOMPARE(f.lastMs - f.firstMs, 45 * 60000LL);
    }

    void messageDelayedNotRaisedBelowThresholdOrWithoutDelivery()
    {
        const Message quick = makeMessage(QStringLiteral("<quick@contoso.com>"),
                                          {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                           {QStringLiteral("EX01"), QStringLiteral("DELIVER"), 2 * 60000, {}, {}, {}, {}}});
        const Message pending = makeMessage(QStringLiteral("<pending@contoso.com>"),
                                            {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                             {QStringLiteral("EX01"), QStringLiteral("RESOLVE"), 3 * 3600000, {}, {}, {}, {}}});
        QVERIFY(run({}, {quick, pending}).findings.isEmpty());
    }

    void missingHopFoundWhenTargetLogIsLoaded()
    {
        const Message m = makeMessage(QStringLiteral("<lost@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("SEND"), 1000, QStringLiteral("250 2.6.0 Queued mail for delivery"), {}, QStringLiteral("ex02.contoso.com"), {}}});
        const Run r = run({}, {m}, {trackingFile(QStringLiteral("EX01")), trackingFile(QStringLiteral("EX02"))});
        EXPECT_RULES(r, QStringLiteral("message-hop-missing"));
        const Finding f = r.of(QStringLiteral("message-hop-missing")).first();
        QCOMPARE(f.servers, (QStringList{QStringLiteral("EX01"), QStringLiteral("EX02")}));
        QCOMPARE(f.messageIds, QStringList{QStringLiteral("<lost@contoso.com>")});
        QCOMPARE(f.parameters.value(QStringLiteral("TargetServer")), QStringLiteral("EX02"));
        QCOMPARE(f.evidence, QList<RecordRef>{m.hops.at(1).ref});
    }

    void missingHopNotRaisedWhenTargetLogAbsentOrReceived()
    {
        const Message lost = makeMessage(QStringLiteral("<lost2@contoso.com>"),
                                         {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                          {QStringLiteral("EX01"), QStringLiteral("SEND"), 1000, {}, {}, QStringLiteral("ex02.contoso.com"), {}}});
        // EX02's log not loaded: nothing can be said.
        QVERIFY(run({}, {lost}, {trackingFile(QStringLiteral("EX01"))}).findings.isEmpty());
        // EX02's log loaded but it covers another hour.
        QVERIFY(run({}, {lost}, {trackingFile(QStringLiteral("EX01")), trackingFile(QStringLiteral("EX02"), 3600000, 7200000)}).findings.isEmpty());
        // Arrived.
        const Message arrived = makeMessage(QStringLiteral("<ok@contoso.com>"),
                                            {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                             {QStringLiteral("EX01"), QStringLiteral("SEND"), 1000, {}, {}, QStringLiteral("ex02.contoso.com"), {}},
                                             {QStringLiteral("EX02"), QStringLiteral("RECEIVE"), 1500, {}, {}, {}, {}}});
        QVERIFY(run({}, {arrived}, {trackingFile(QStringLiteral("EX01")), trackingFile(QStringLiteral("EX02"))}).findings.isEmpty());
    }

    // --- session anomalies ------------------------------------------------------------------------
    void idleGapFoundInsideSession()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC0000000000B0"));
        b.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        b.wait(4 * 60000);
        const RecordRef before = b.lines.last().ref;
        b.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        const RecordRef after = b.lines.at(b.lines.size() - 2).ref;
        b.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        b.reply(QStringLiteral("250 2.6.0 <g@fabrikam.com> Queued mail for delivery")).quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("session-idle-gap"));
        const Finding f = r.of(QStringLiteral("session-idle-gap")).first();
        QCOMPARE(f.evidence, (QList<RecordRef>{before, after}));
        QCOMPARE(f.parameters.value(QStringLiteral("GapSeconds")), QStringLiteral("240"));
    }

    void idleGapNotRaisedForShortPausesOrThe354Stall()
    {
        SessionBuilder shortPause(Direction::Receive, QStringLiteral("08DC0000000000B1"));
        shortPause.greet().wait(5000).deliver().quit();
        SessionBuilder stall(Direction::Receive, QStringLiteral("08DC0000000000B2"));
        stall.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        stall.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        stall.wait(600000).reply(QStringLiteral("451 4.7.0 Timeout waiting for client input")).line('-', {}, QStringLiteral("Local"));
        const Run r = run({shortPause, stall});
        EXPECT_RULES(r, QStringLiteral("smtp-data-not-terminated"));
    }

    void idleGapNotRaisedWhenSilenceEndsTheSession()
    {
        // A probe that reads the banner and never speaks: the server times it out.
        SessionBuilder probe(Direction::Receive, QStringLiteral("08DC0000000000B3"));
        probe.line('+').reply(QStringLiteral("220 ex01.contoso.com Microsoft ESMTP MAIL Service ready"));
        probe.wait(5 * 60000).reply(QStringLiteral("421 4.4.1 Connection timed out")).line('-', {}, QStringLiteral("Local"));
        SessionBuilder reset(Direction::Receive, QStringLiteral("08DC0000000000B4"));
        reset.greet().wait(3 * 60000).line('-', {}, QStringLiteral("Remote(ConnectionReset)"));
        EXPECT_RULES(run({probe, reset}), QStringLiteral("session-unused"));
    }

    void sessionUnusedFoundForProbesAsInfo()
    {
        SessionBuilder probe(Direction::Receive, QStringLiteral("08DC0000000000C0"));
        probe.greet().quit();
        SessionBuilder probe2(Direction::Receive, QStringLiteral("08DC0000000000C1"));
        probe2.line('+').reply(QStringLiteral("220 ex01.contoso.com Microsoft ESMTP MAIL Service ready")).line('-', {}, QStringLiteral("Remote"));
        const Run r = run({probe, probe2, healthyReceive(QStringLiteral("08DC0000000000C2"))});
        EXPECT_RULES(r, QStringLiteral("session-unused"));
        const Finding f = r.of(QStringLiteral("session-unused")).first();
        QCOMPARE(f.severity, Severity::Info);
        QCOMPARE(f.count, 2);
        QCOMPARE(f.sessionIndexes, (QList<int>{0, 1}));
        QCOMPARE(r.errorsOrWarnings(), 0);
    }

    void sessionUnusedNotRaisedWhenAnotherRuleExplainsTheSession()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC0000000000C3"));
        b.greet().command(QStringLiteral("STARTTLS")).reply(QStringLiteral("454 4.7.5 Certificate validation failure")).quit();
        SessionBuilder partial(Direction::Receive, QStringLiteral("08DC0000000000C4"));   // excerpt without '+'
        partial.command(QStringLiteral("QUIT")).reply(QStringLiteral("221 2.0.0 Closing connection")).line('-', {}, QStringLiteral("Local"));
        EXPECT_RULES(run({b, partial}), QStringLiteral("tls-certificate-not-found"));
    }

    void connectionDroppedFoundMidTransaction()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC0000000000D0"));
        b.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        b.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        b.line('-', {}, QStringLiteral("Remote(ConnectionReset)"));
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("connection-dropped"));
        QCOMPARE(r.of(QStringLiteral("connection-dropped")).first().evidence.size(), 2);
    }

    void connectionDroppedNotRaisedAfterRejectionOrQuit()
    {
        SessionBuilder rejected(Direction::Receive, QStringLiteral("08DC0000000000D1"));
        rejected.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("550 5.7.1 Client host [198.51.100.1] blocked using zen.spamhaus.org"));
        rejected.line('-', {}, QStringLiteral("Remote(ConnectionReset)"));
        SessionBuilder afterDelivery(Direction::Receive, QStringLiteral("08DC0000000000D2"));
        afterDelivery.greet().deliver();
        afterDelivery.line('-', {}, QStringLiteral("Remote"));
        const Run r = run({rejected, afterDelivery});
        EXPECT_RULES(r, QStringLiteral("blocklisted"));
    }

    void pipelinedRepliesArePairedWithTheirCommands()
    {
        // MAIL and RCPT sent together, replies after: the MAIL reply still opens the transaction.
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC0000000000D3"));
        b.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).command(QStringLiteral("RCPT TO:<b@contoso.com>"));
        b.reply(QStringLiteral("250 2.1.0 Sender OK")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        b.line('-', {}, QStringLiteral("Remote(SocketError)"));
        EXPECT_RULES(run({b}), QStringLiteral("connection-dropped"));
    }

    // --- certificates -------------------------------------------------------------------------------
    void certificateNameMismatchFoundFromPackedCertificateLine()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC0000000000E0"));
        b.greet().command(QStringLiteral("STARTTLS")).reply(QStringLiteral("220 2.0.0 SMTP server ready"));
        b.line('*', QStringLiteral(" CN=mail.contoso.com, O=Contoso Ltd, C=US CN=R3, O=Let's Encrypt, C=US 0400A1B2C3 AABBCCDDEEFF00112233445566778899AABBCCDD 2026-01-17T15:15:33.000Z 2027-01-17T15:15:33.000Z mail.contoso.com;autodiscover.contoso.com"),
               QStringLiteral("Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names"));
        b.deliver().quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("certificate-name-mismatch"));
        const Finding f = r.of(QStringLiteral("certificate-name-mismatch")).first();
        QCOMPARE(f.severity, Severity::Info);
        QCOMPARE(f.parameters.value(QStringLiteral("Thumbprint")), QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCCDD"));
        QCOMPARE(f.parameters.value(QStringLiteral("Fqdn")), QStringLiteral("ex01.contoso.com"));
    }

    void certificateNameMismatchNotRaisedWhenSanOrWildcardCovers()
    {
        SessionBuilder san(Direction::Receive, QStringLiteral("08DC0000000000E1"));
        san.greet().line('*', QStringLiteral(" CN=mail.contoso.com CN=R3, O=Let's Encrypt, C=US 0400A1B2C3 AABBCCDDEEFF00112233445566778899AABBCCDD 2026-01-17T15:15:33.000Z 2027-01-17T15:15:33.000Z mail.contoso.com;ex01.contoso.com"),
                         QStringLiteral("Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names"));
        san.deliver().quit();
        SessionBuilder wildcard(Direction::Receive, QStringLiteral("08DC0000000000E2"));
        wildcard.greet().line('*', {}, QStringLiteral("Sending certificate"));
        wildcard.line('*', QStringLiteral("1122334455667788990011223344556677889900"), QStringLiteral("Certificate thumbprint"));
        wildcard.line('*', QStringLiteral("CN=*.contoso.com"), QStringLiteral("Certificate subject"));
        wildcard.deliver().quit();
        const Run r = run({san, wildcard});
        QVERIFY2(r.findings.isEmpty(), qPrintable(r.rules().join(QLatin1Char(','))));
    }

    void certificateOfferedUnderDifferentNamesFound()
    {
        auto withCert = [](const QString &id, const QString &name) {
            SessionBuilder b(Direction::Receive, id);
            b.greet(QStringLiteral("mail.fabrikam.com"), name);
            b.line('*', {}, QStringLiteral("Sending certificate"));
            b.line('*', QStringLiteral("99887766554433221100AABBCCDDEEFF00112233"), QStringLiteral("Certificate thumbprint"));
            b.line('*', QStringLiteral("CN=mail.contoso.com"), QStringLiteral("Certificate subject"));
            b.line('*', QStringLiteral("mail.contoso.com"), QStringLiteral("Certificate alternate names"));
            b.deliver().quit();
            return b;
        };
        const Run r = run({withCert(QStringLiteral("08DC0000000000E3"), QStringLiteral("mail.contoso.com")),
                           withCert(QStringLiteral("08DC0000000000E4"), QStringLiteral("ex01.contoso.com"))});
        EXPECT_RULES(r, QStringLiteral("certificate-multiple-names"), QStringLiteral("certificate-name-mismatch"));
        const Finding f = r.of(QStringLiteral("certificate-multiple-names")).first();
        QCOMPARE(f.parameters.value(QStringLiteral("Thumbprint")), QStringLiteral("99887766554433221100AABBCCDDEEFF00112233"));
        QCOMPARE(f.parameters.value(QStringLiteral("Names")), QStringLiteral("ex01.contoso.com,mail.contoso.com"));
        QCOMPARE(r.errorsOrWarnings(), 0);
    }

    void certificateUnderOneNameIsNotMultipleNames()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC0000000000E5"));
        b.greet(QStringLiteral("mail.fabrikam.com"), QStringLiteral("mail.contoso.com"));
        b.line('*', {}, QStringLiteral("Sending certificate"));
        b.line('*', QStringLiteral("99887766554433221100AABBCCDDEEFF00112233"), QStringLiteral("Certificate thumbprint"));
        b.line('*', QStringLiteral("CN=mail.contoso.com"), QStringLiteral("Certificate subject"));
        b.deliver().quit();
        QVERIFY(run({b, b}).findings.isEmpty());
    }

    void certificatesAreListedPerPresentingHost()
    {
        auto withCert = [](const QString &id, const QString &name) {
            SessionBuilder b(Direction::Receive, id);
            b.greet(QStringLiteral("mail.fabrikam.com"), name);
            b.line('*', {}, QStringLiteral("Sending certificate"));
            b.line('*', QStringLiteral("99887766554433221100AABBCCDDEEFF00112233"), QStringLiteral("Certificate thumbprint"));
            b.line('*', QStringLiteral("CN=mail.contoso.com"), QStringLiteral("Certificate subject"));
            b.deliver().quit();
            return b;
        };
        const Run r = run({withCert(QStringLiteral("08DC0000000000E6"), QStringLiteral("mail.contoso.com")),
                           withCert(QStringLiteral("08DC0000000000E7"), QStringLiteral("mail.contoso.com")),
                           withCert(QStringLiteral("08DC0000000000E8"), QStringLiteral("ex01.contoso.com"))});
        const QList<CertificateSighting> certs = r.engine->certificates();
        QCOMPARE(certs.size(), 2);
        const CertificateSighting &ex01 = certs.at(0).host == QLatin1String("ex01.contoso.com") ? certs.at(0) : certs.at(1);
        const CertificateSighting &mail = certs.at(0).host == QLatin1String("ex01.contoso.com") ? certs.at(1) : certs.at(0);
        QCOMPARE(mail.sessions, 2);
        QVERIFY(mail.namesMatch);
        QVERIFY(!ex01.namesMatch);
        QCOMPARE(ex01.certificate.thumbprint, QStringLiteral("99887766554433221100AABBCCDDEEFF00112233"));
        QCOMPARE(ex01.certificate.role, CertificateRole::Sending);
        QCOMPARE(ex01.hostIp, QStringLiteral("10.0.0.5"));
        QCOMPARE(ex01.server, QStringLiteral("EX01"));
        QCOMPARE(ex01.sessionIndexes, QList<int>{2});
    }

    void packedCertificateLineIsParsedFromBothEnds()
    {
        // The one log reader (CertificateLogReader) that fills Session::certificates for the diagnosis.
        QList<Certificate> certs;
        CertificateLogReader reader(CertificateRole::Unknown);
        QVERIFY(reader.read(QStringLiteral("Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names"),
                            QStringLiteral(" CN=mail.contoso.com, O=Contoso Ltd, C=US CN=R3, O=Let's Encrypt, C=US 0400A1B2C3 aabbccddeeff00112233445566778899aabbccdd 2025-01-17T15:15:33.000Z 2026-01-17T15:15:33.000Z mail.contoso.com;autodiscover.contoso.com"),
                            RecordRef{}, certs));
        QCOMPARE(certs.size(), 1);
        QCOMPARE(certs.first().subject, QStringLiteral("CN=mail.contoso.com, O=Contoso Ltd, C=US"));
        QCOMPARE(certs.first().issuer, QStringLiteral("CN=R3, O=Let's Encrypt, C=US"));
        QCOMPARE(certs.first().thumbprint, QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCCDD"));
        QCOMPARE(certs.first().alternateNames, (QStringList{QStringLiteral("mail.contoso.com"), QStringLiteral("autodiscover.contoso.com")}));
        QCOMPARE(certs.first().serial, QStringLiteral("0400A1B2C3"));
        QCOMPARE(certs.first().role, CertificateRole::Sending);
    }

    // --- aggregation, evidence, ordering, literal log lines ----------------------------------------
    void occurrencesAggregatePerServer()
    {
        QList<SessionBuilder> sessions;
        for (int i = 0; i < 3; ++i)
            sessions << receiveWithReply(QStringLiteral("08DC00000000010%1").arg(i), QStringLiteral("451 4.7.0 Temporary server error. Please try again later. PRX2"));
        sessions << receiveWithReply(QStringLiteral("08DC000000000110"), QStringLiteral("451 4.7.0 Temporary server error. Please try again later. PRX2"), QStringLiteral("EX02"));
        const Run r = run(sessions);
        const QList<Finding> prx2 = r.of(QStringLiteral("dns-prx2"));
        QCOMPARE(prx2.size(), 2);
        const Finding ex01 = prx2.at(0).servers == QStringList{QStringLiteral("EX01")} ? prx2.at(0) : prx2.at(1);
        QCOMPARE(ex01.count, 3);
        QCOMPARE(ex01.sessions.size(), 3);
        QCOMPARE(ex01.sessionIndexes, (QList<int>{0, 1, 2}));
        QCOMPARE(ex01.evidence.size(), 3);
        QCOMPARE(ex01.codes, QStringList{QStringLiteral("451 4.7.0")});
        QVERIFY(ex01.firstMs != kNoTime && ex01.firstMs <= ex01.lastMs);
    }

    void evidenceIsCapped()
    {
        QList<SessionBuilder> sessions;
        for (int i = 0; i < 80; ++i)
            sessions << receiveWithReply(QStringLiteral("08DC0000000002%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("550 5.1.1 User unknown"));
        const Finding f = run(sessions).of(QStringLiteral("recipient-unknown")).first();
        QCOMPARE(f.count, 80);
        QCOMPARE(f.sessions.size(), 80);
        QCOMPARE(f.evidence.size(), 50);
    }

    void findingsAreSortedBySeverity()
    {
        SessionBuilder probe(Direction::Receive, QStringLiteral("08DC000000000300"));
        probe.greet().quit();
        const Run r = run({probe, receiveWithReply(QStringLiteral("08DC000000000301"), QStringLiteral("550 5.1.1 User unknown")),
                           receiveWithReply(QStringLiteral("08DC000000000302"), QStringLiteral("451 5.7.3 Cannot achieve Exchange Server authentication"))});
        QCOMPARE(r.rules(), (QStringList{QStringLiteral("exchange-auth-failed"), QStringLiteral("recipient-unknown"), QStringLiteral("session-unused")}));
    }

    void literalProtocolLogLinesAreDiagnosed()
    {
        // As written by Exchange 2019, quoting only fields with commas.
        SessionBuilder b(Direction::Receive, QStringLiteral("08DE1234567890AB"));
        const QString p = QStringLiteral("2026-11-20T08:00:01.%1Z,EX01\\Default Frontend EX01,08DE1234567890AB,%2,10.0.0.5:25,203.0.113.9:51234,%3");
        b.raw(p.arg(QStringLiteral("100")).arg(0).arg(QStringLiteral("+,,")));
        b.raw(p.arg(QStringLiteral("101")).arg(1).arg(QStringLiteral(">,\"220 ex01.contoso.com Microsoft ESMTP MAIL Service ready at Fri, 20 Nov 2026 08:00:01 +0000\",")));
        b.raw(p.arg(QStringLiteral("102")).arg(2).arg(QStringLiteral("<,EHLO app01.contoso.com,")));
        b.raw(p.arg(QStringLiteral("103")).arg(3).arg(QStringLiteral(">,250  ex01.contoso.com Hello [203.0.113.9] SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH NTLM X-EXPS GSSAPI NTLM 8BITMIME BINARYMIME CHUNKING XRDST,")));
        b.raw(p.arg(QStringLiteral("104")).arg(4).arg(QStringLiteral("<,MAIL FROM:<app@contoso.com>,")));
        b.raw(p.arg(QStringLiteral("105")).arg(5).arg(QStringLiteral("<,RCPT TO:<b@contoso.com>,")));
        b.raw(p.arg(QStringLiteral("106")).arg(6).arg(QStringLiteral(">,250 2.1.0 Sender OK,")));
        b.raw(p.arg(QStringLiteral("107")).arg(7).arg(QStringLiteral(">,250 2.1.5 Recipient OK,")));
        b.raw(p.arg(QStringLiteral("108")).arg(8).arg(QStringLiteral("<,DATA,")));
        b.raw(p.arg(QStringLiteral("109")).arg(9).arg(QStringLiteral(">,354 Start mail input; end with <CRLF>.<CRLF>,")));
        b.raw(QStringLiteral("2026-11-20T08:10:01.110Z,EX01\\Default Frontend EX01,08DE1234567890AB,10,10.0.0.5:25,203.0.113.9:51234,>,451 4.7.0 Timeout waiting for client input,"));
        b.raw(QStringLiteral("2026-11-20T08:10:01.111Z,EX01\\Default Frontend EX01,08DE1234567890AB,11,10.0.0.5:25,203.0.113.9:51234,-,,Local"));
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("smtp-data-not-terminated"));
        const Finding f = r.of(QStringLiteral("smtp-data-not-terminated")).first();
        QCOMPARE(formatIsoMs(f.firstMs), QStringLiteral("2026-11-20T08:00:01.109Z"));
        QCOMPARE(formatIsoMs(f.lastMs), QStringLiteral("2026-11-20T08:10:01.110Z"));
        QCOMPARE(f.evidence.size(), 2);
    }

    void plainPatternRuleNeedsNoCodeChange()
    {
        QTemporaryDir dir;
        auto engine = engineWithFrobnicationRule(dir);
        QVERIFY2(engine.ok(), qPrintable(engine.errorMessage()));
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000400"));
        b.greet().line('*', {}, QStringLiteral("Frobnication of widget42 failed")).deliver().quit();
        Store store;
        Session s = b.session;
        s.index = 0;
        store.sessions << s;
        engine.value()->sessionAssembled(store, s, b.lines);
        engine.value()->loadFinished(store);
        const QList<Finding> findings = engine.value()->findings();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().rule, QStringLiteral("frobnication-failed"));
        QCOMPARE(findings.first().parameters.value(QStringLiteral("Thing")), QStringLiteral("widget42"));
    }

    void scansMadeOnOtherThreadsInAnyOrderGiveTheSameFindings()
    {
        // The loader runs scanSessions on its pool, concurrently and out of order, and merges the
        // runs in session order: findings must not depend on where or when a session was scanned,
        // nor on how the sessions were cut into runs.
        QList<SessionBuilder> sessions;
        for (int i = 0; i < 60; ++i) {
            const QString id = QStringLiteral("08DC0000000009%1").arg(i, 2, 10, QLatin1Char('0'));
            switch (i % 6) {
            case 0:
                sessions << receiveWithReply(id, QStringLiteral("530 5.7.3 STARTTLS is required to send mail"));
                break;
            case 1: {
                SessionBuilder b(Direction::Receive, id);
                b.greet().line('-', QString(), QStringLiteral("Remote"));   // a probe: no MAIL
                sessions << b;
                break;
            }
            case 2: {
                SessionBuilder b(Direction::Receive, id);
                b.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
                b.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
                b.wait(600000).line('-', QString(), QStringLiteral("Remote"));
                sessions << b;
                break;
            }
            case 3: {
                SessionBuilder b(Direction::Receive, id);
                b.greet().deliver().quit();
                sessions << b;
                break;
            }
            case 4: {
                // One certificate under two names, in different runs: sightings and a finding.
                SessionBuilder b(Direction::Receive, id);
                b.greet(QStringLiteral("mail.fabrikam.com"),
                        (i / 6) % 2 ? QStringLiteral("ex01.contoso.com") : QStringLiteral("mail.contoso.com"));
                b.line('*', {}, QStringLiteral("Sending certificate"));
                b.line('*', QStringLiteral("99887766554433221100AABBCCDDEEFF00112233"), QStringLiteral("Certificate thumbprint"));
                b.line('*', QStringLiteral("CN=mail.contoso.com"), QStringLiteral("Certificate subject"));
                b.deliver().quit();
                sessions << b;
                break;
            }
            default: {
                // Probes that share one session id across runs: the id is listed once.
                SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000999"));
                b.greet().line('-', QString(), QStringLiteral("Remote"));
                sessions << b;
                break;
            }
            }
        }
        const Run sequential = run(sessions);
        QVERIFY(sequential.findings.size() >= 4);
        QCOMPARE(sequential.of(QStringLiteral("certificate-multiple-names")).size(), 1);
        QVERIFY(sequential.of(QStringLiteral("session-unused")).first().sessions.count(QStringLiteral("08DC000000000999")) == 1);

        auto engine = DiagnosisEngine::create();
        QVERIFY(engine.ok());
        Store store;
        SourceFile f;
        f.path = QStringLiteral("RECV20261120-1.LOG");
        f.format = LogFormat::SmtpReceive;
        f.server = QStringLiteral("EX01");
        store.files << f;
        for (const SessionBuilder &b : sessions) {
            Session s = b.session;
            s.index = int(store.sessions.size());
            s.lineCount = int(b.lines.size());
            s.startMs = b.lines.first().timeMs;
            s.endMs = b.lines.last().timeMs;
            store.sessions << s;
        }
        // Runs of five sessions (a run merges its sessions itself, so that runs of many sessions
        // land in one finding before the runs are merged), scanned backwards on one thread and
        // forwards on another.
        constexpr int kRun = 5;
        const int runs = int((sessions.size() + kRun - 1) / kRun);
        std::vector<std::unique_ptr<SessionObserver::Scan>> scans(static_cast<size_t>(runs));
        const SessionObserver::LinesOf linesOf = [&](qsizetype i) -> const QList<SessionLine> & { return sessions.at(i).lines; };
        auto scanRuns = [&](int from, int to, bool backwards) {
            for (int k = from; k < to; ++k) {
                const int r = backwards ? to - 1 - (k - from) : k;
                scans[size_t(r)] = engine.value()->scanSessions(store.sessions, qsizetype(r) * kRun,
                                                                std::min(store.sessions.size(), qsizetype(r + 1) * kRun), linesOf);
            }
        };
        std::thread first(scanRuns, 0, runs / 2, true);
        std::thread second(scanRuns, runs / 2, runs, false);
        first.join();
        second.join();
        for (int r = 0; r < runs; ++r)
            engine.value()->sessionsScanned(store, std::move(scans[size_t(r)]));
        engine.value()->loadFinished(store);

        // The reference: every session in one run, on this thread, so no two runs are merged.
        auto whole = DiagnosisEngine::create();
        QVERIFY(whole.ok());
        whole.value()->sessionsScanned(store, whole.value()->scanSessions(store.sessions, 0, store.sessions.size(), linesOf));
        whole.value()->loadFinished(store);
        compareFindings(whole.value()->findings(), engine.value()->findings());
        compareFindings(whole.value()->findings(), sequential.findings);   // runs of one session each
        const QList<CertificateSighting> certificates = whole.value()->certificates();
        QCOMPARE(certificates.size(), 2);
        QCOMPARE(certificates.at(0).sessions, 5);
        QCOMPARE(certificates.at(1).sessions, 5);
        compareCertificates(certificates, engine.value()->certificates());
        compareCertificates(certificates, sequential.engine->certificates());
    }

    static void compareFindings(const QList<Finding> &expected, const QList<Finding> &actual)
    {
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < actual.size(); ++i) {
            const Finding &a = expected.at(i), &b = actual.at(i);
            QCOMPARE(b.rule, a.rule);
            QCOMPARE(b.count, a.count);
            QCOMPARE(b.sessions, a.sessions);
            QCOMPARE(b.sessionIndexes, a.sessionIndexes);
            QCOMPARE(b.servers, a.servers);
            QCOMPARE(b.codes, a.codes);
            QCOMPARE(b.firstMs, a.firstMs);
            QCOMPARE(b.lastMs, a.lastMs);
            QCOMPARE(b.evidence.size(), a.evidence.size());
            for (int k = 0; k < a.evidence.size(); ++k)
                QCOMPARE(b.evidence.at(k).line, a.evidence.at(k).line);
            QCOMPARE(b.parameters, a.parameters);
            QCOMPARE(b.messageIds, a.messageIds);
        }
    }

    static void compareCertificates(const QList<CertificateSighting> &seq, const QList<CertificateSighting> &par)
    {
        QCOMPARE(par.size(), seq.size());
        for (int i = 0; i < seq.size(); ++i) {
            QCOMPARE(par.at(i).host, seq.at(i).host);
            QCOMPARE(par.at(i).sessions, seq.at(i).sessions);
            QCOMPARE(par.at(i).sessionIndexes, seq.at(i).sessionIndexes);
            QCOMPARE(par.at(i).firstMs, seq.at(i).firstMs);
            QCOMPARE(par.at(i).lastMs, seq.at(i).lastMs);
            QCOMPARE(par.at(i).namesMatch, seq.at(i).namesMatch);
        }
    }

    void anEngineDoesNotReuseAnotherEnginesPatternAnswers()
    {
        // Pattern answers are remembered per thread: an engine with other rules must not see them.
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000410"));
        b.greet().line('*', {}, QStringLiteral("Frobnication of widget7 failed")).deliver().quit();
        Store store;
        Session s = b.session;
        s.index = 0;
        store.sessions << s;
        auto builtIn = DiagnosisEngine::create();
        QVERIFY(builtIn.ok());
        builtIn.value()->sessionAssembled(store, s, b.lines);   // no rule knows the text: "no match" remembered

        QTemporaryDir dir;
        auto custom = engineWithFrobnicationRule(dir);
        QVERIFY2(custom.ok(), qPrintable(custom.errorMessage()));
        custom.value()->sessionAssembled(store, s, b.lines);
        custom.value()->loadFinished(store);
        const QList<Finding> findings = custom.value()->findings();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().rule, QStringLiteral("frobnication-failed"));
    }

    void garbageLinesDoNotCrashOrRaise()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("x"));
        b.line('<', QString()).line('>', QStringLiteral("25")).line('>', QStringLiteral("999 9.9.9 nonsense")).line('*', QStringLiteral("\xff"), {});
        b.line('>', QStringLiteral("354")).line('-');
        const Run r = run({b, SessionBuilder(Direction::Send, QString())});
        for (const Finding &f : r.findings)
            QVERIFY2(f.rule == QLatin1String("smtp-data-not-terminated"), qPrintable(f.rule));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisEngine)
#include "tst_diagnosisengine.moc"
