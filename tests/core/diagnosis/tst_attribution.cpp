// Cross-source attribution (issue #24): the fault goes to the organisation server that presents it,
// with the sessions of both sides; a server outside the organisation is never the one to fix.
#include "model/core/diagnosis/attribution.h"

#include <QTest>

using namespace mwb;

namespace {

SourceFile file(LogFormat format, const char *server)
{
    SourceFile f;
    f.format = format;
    f.server = QString::fromLatin1(server);
    return f;
}

Session session(int index, const char *server, Direction direction, const char *local, const char *remote, qint64 startMs)
{
    Session s;
    s.index = index;
    s.id = QStringLiteral("08DE0000000000%1").arg(index, 2, 10, QLatin1Char('0'));
    s.server = QString::fromLatin1(server);
    s.direction = direction;
    s.local = QString::fromLatin1(local);
    s.remote = QString::fromLatin1(remote);
    s.startMs = startMs;
    s.endMs = startMs + 500;
    return s;
}

Certificate certificate(const char *subject, QStringList sans, const char *thumbprint)
{
    Certificate c;
    c.role = CertificateRole::Sending;
    c.subject = QString::fromLatin1(subject);
    c.alternateNames = std::move(sans);
    c.thumbprint = QString::fromLatin1(thumbprint);
    return c;
}

constexpr qint64 kT0 = 1'764'000'000'000;

} // namespace

class TstAttribution : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void edgeCertificateRefusedByExchangeOnline()
    {
        Store store;
        store.files = {file(LogFormat::SmtpReceive, "EDGE01"), file(LogFormat::ExoMessageTrace, "EXO")};
        // Exchange Online connects, STARTTLS, the Edge presents CN=EDGE01: handshake fails.
        Session failed = session(0, "EDGE01", Direction::Receive, "192.0.2.10:25", "40.107.1.2:41000", kT0 + 30'000);
        failed.connector = QStringLiteral("EDGE01\\Default internal receive connector EDGE01");
        failed.tls = true;
        failed.tlsFailure = QStringLiteral("TLS negotiation failed with error SocketError");
        failed.certificates = {certificate("CN=EDGE01", {QStringLiteral("EDGE01"), QStringLiteral("edge01.contoso.com")},
                                           "0123456789ABCDEF0123456789ABCDEF01234567")};
        // A healthy session of the same hour with the right certificate is no evidence.
        Session healthy = session(1, "EDGE01", Direction::Receive, "192.0.2.10:25", "40.107.1.3:41000", kT0 + 60'000);
        healthy.tls = true;
        healthy.tlsEstablished = true;
        // Another failure long after the trace's window is another matter.
        Session later = session(2, "EDGE01", Direction::Receive, "192.0.2.10:25", "40.107.1.4:41000", kT0 + 6 * 3600'000);
        later.tlsFailure = QStringLiteral("TLS negotiation failed with error SocketError");
        store.sessions = {failed, healthy, later};

        Finding f;
        f.rule = QStringLiteral("tls-subject-mismatch");
        f.severity = Severity::Error;
        f.servers = {QStringLiteral("EXO")};
        f.messageIds = {QStringLiteral("<m1@contoso.com>")};
        f.firstMs = kT0;
        f.lastMs = kT0 + 120'000;
        f.parameters = {{QStringLiteral("Server"), QStringLiteral("EXO")},
                        {QStringLiteral("Connector"), QStringLiteral("Outbound to contoso (hybrid)")},
                        {QStringLiteral("Fqdn"), QStringLiteral("mail.contoso.com")}};
        QList<Finding> findings{f};
        attributeToOrganisation(findings, store);
        const Finding &out = findings.first();
        QCOMPARE(out.servers, QStringList{QStringLiteral("EDGE01")});
        QCOMPARE(out.sessionIndexes, QList<int>{0});
        QCOMPARE(out.parameters.value(QStringLiteral("Server")), QStringLiteral("EDGE01"));
        QCOMPARE(out.parameters.value(QStringLiteral("Connector")), failed.connector);
        QCOMPARE(out.parameters.value(QStringLiteral("Thumbprint")), QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567"));
        QCOMPARE(out.parameters.value(QStringLiteral("Fqdn")), QStringLiteral("mail.contoso.com"));
        QCOMPARE(out.messageIds, QStringList{QStringLiteral("<m1@contoso.com>")});
        // The Edge's default connector belongs to the Transport service: that is what presents
        // the certificate and what the scenario may restart, never the Front End service.
        QCOMPARE(out.parameters.value(QStringLiteral("Service")), QStringLiteral("MSExchangeTransport"));
    }

    void certificateCarryingTheNameIsNotTheCulprit()
    {
        Store store;
        store.files = {file(LogFormat::SmtpReceive, "EDGE01")};
        Session s = session(0, "EDGE01", Direction::Receive, "192.0.2.10:25", "40.107.1.2:41000", kT0);
        s.tlsFailure = QStringLiteral("TLS negotiation failed with error UnknownCredentials");
        s.certificates = {certificate("CN=mail.contoso.com", {QStringLiteral("mail.contoso.com")}, "")};
        store.sessions = {s};
        Finding f;
        f.rule = QStringLiteral("tls-subject-mismatch");
        f.servers = {QStringLiteral("EXO")};
        f.firstMs = kT0;
        f.parameters = {{QStringLiteral("Server"), QStringLiteral("EXO")}, {QStringLiteral("Fqdn"), QStringLiteral("mail.contoso.com")}};
        QList<Finding> findings{f};
        attributeToOrganisation(findings, store);
        QVERIFY(findings.first().sessionIndexes.isEmpty());
        // Still: EXO is never the server to change on-premises, nor its connector.
        QVERIFY(!findings.first().parameters.contains(QStringLiteral("Server")));
        QVERIFY(!findings.first().parameters.contains(QStringLiteral("Connector")));
    }

    void exchangeAuthenticationGoesToTheReceivingServer()
    {
        Store store;
        store.files = {file(LogFormat::SmtpSend, "EX01"), file(LogFormat::SmtpReceive, "EX02")};
        Session send = session(0, "EX01", Direction::Send, "10.0.0.5:18001", "10.0.0.6:2525", kT0);
        send.connector = QStringLiteral("Intra-Organization SMTP Send Connector");
        Session receive = session(1, "EX02", Direction::Receive, "10.0.0.6:2525", "10.0.0.5:18001", kT0 + 40);
        receive.connector = QStringLiteral("EX02\\Default EX02");
        // Same endpoints an hour later: a reused port, another connection.
        Session reused = session(2, "EX02", Direction::Receive, "10.0.0.6:2525", "10.0.0.5:18001", kT0 + 3600'000);
        Session other = session(3, "EX02", Direction::Receive, "10.0.0.6:2525", "10.0.0.7:18001", kT0);
        store.sessions = {send, receive, reused, other};
        Finding f;
        f.rule = QStringLiteral("exchange-auth-failed");
        f.severity = Severity::Error;
        f.servers = {QStringLiteral("EX01")};
        f.sessionIndexes = {0};
        f.sessions = {send.id};
        f.parameters = {{QStringLiteral("Server"), QStringLiteral("EX01")},
                        {QStringLiteral("Connector"), send.connector}};
        QList<Finding> findings{f};
        attributeToOrganisation(findings, store);
        const Finding &out = findings.first();
        QCOMPARE(out.sessionIndexes, (QList<int>{0, 1}));
        QCOMPARE(out.servers, (QStringList{QStringLiteral("EX01"), QStringLiteral("EX02")}));
        // The exchange-auth scenario's ReceivingServer; the queue (Server) stays on the sender, and
        // the receiver's Default connector is never offered as the relay connector to change.
        QCOMPARE(out.parameters.value(QStringLiteral("ReceivingServer")), QStringLiteral("EX02"));
        QCOMPARE(out.parameters.value(QStringLiteral("Server")), QStringLiteral("EX01"));
        QCOMPARE(out.parameters.value(QStringLiteral("Connector")), send.connector);
    }

    void theReceiversViewOfTheSameFaultIsMergedIntoIt()
    {
        // The sender's 451 5.7.3 (EX01) and the receiver's own finding of it (EX02 did not offer
        // X-EXPS) are one fault once the sessions are paired: one finding, both servers.
        Store store;
        store.files = {file(LogFormat::SmtpSend, "EX01"), file(LogFormat::SmtpReceive, "EX02")};
        Session send = session(0, "EX01", Direction::Send, "10.0.0.5:18001", "10.0.0.6:2525", kT0);
        Session receive = session(1, "EX02", Direction::Receive, "10.0.0.6:2525", "10.0.0.5:18001", kT0 + 20);
        receive.connector = QStringLiteral("EX02\\Default EX02");
        store.sessions = {send, receive};
        Finding sender;
        sender.rule = QStringLiteral("exchange-auth-failed");
        sender.severity = Severity::Error;
        sender.servers = {QStringLiteral("EX01")};
        sender.sessionIndexes = {0};
        sender.messageIds = {QStringLiteral("<a@contoso.com>")};
        sender.codes = {QStringLiteral("451 5.7.3")};
        sender.firstMs = kT0;
        Finding receiver;
        receiver.rule = QStringLiteral("exchange-auth-failed");
        receiver.severity = Severity::Error;
        receiver.servers = {QStringLiteral("EX02")};
        receiver.sessionIndexes = {1};
        receiver.firstMs = kT0 - 5;
        receiver.parameters = {{QStringLiteral("RemoteIp"), QStringLiteral("10.0.0.5")}};
        // Another fault of the same rule elsewhere stays its own finding.
        Finding other = receiver;
        other.sessionIndexes = {7};
        QList<Finding> findings{sender, receiver, other};
        attributeToOrganisation(findings, store);
        QCOMPARE(findings.size(), 2);
        const Finding &one = findings.first();
        QCOMPARE(one.sessionIndexes, (QList<int>{0, 1}));
        QCOMPARE(one.servers, (QStringList{QStringLiteral("EX01"), QStringLiteral("EX02")}));
        QCOMPARE(one.firstMs, kT0 - 5);
        QCOMPARE(one.parameters.value(QStringLiteral("ReceivingServer")), QStringLiteral("EX02"));
        QCOMPARE(one.parameters.value(QStringLiteral("RemoteIp")), QStringLiteral("10.0.0.5"));
        QCOMPARE(findings.at(1).sessionIndexes, QList<int>{7});
    }

    void otherFaultsKeepTheirServerButGainTheOtherSide()
    {
        Store store;
        store.files = {file(LogFormat::SmtpSend, "EX01"), file(LogFormat::SmtpReceive, "EX02")};
        Session send = session(0, "EX01", Direction::Send, "10.0.0.5:18001", "10.0.0.6:2525", kT0);
        Session receive = session(1, "EX02", Direction::Receive, "10.0.0.6:2525", "10.0.0.5:18001", kT0);
        store.sessions = {send, receive};
        Finding f;
        f.rule = QStringLiteral("smtp-data-not-terminated");
        f.servers = {QStringLiteral("EX01")};
        f.sessionIndexes = {0};
        f.parameters = {{QStringLiteral("Server"), QStringLiteral("EX01")}};
        QList<Finding> findings{f};
        attributeToOrganisation(findings, store);
        QCOMPARE(findings.first().sessionIndexes, (QList<int>{0, 1}));
        QCOMPARE(findings.first().parameters.value(QStringLiteral("Server")), QStringLiteral("EX01"));
    }
};

QTEST_GUILESS_MAIN(TstAttribution)
#include "tst_attribution.moc"
