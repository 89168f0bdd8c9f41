// Fault peers in-process: a scripted SMTP server (plain + STARTTLS over QTcpServer/QSslSocket) and
// QSslServer for implicit TLS, to reproduce what real servers and middleboxes do wrong.
#include "fixtures.h"
#include "model/core/smtp/probe.h"
#include "model/core/smtp/smtpclient.h"

#include <QPointer>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>

using namespace mwb::smtp;

// Answers each complete client line through `onLine`; `received` keeps every byte for asserts.
class ScriptedPeer : public QTcpServer {
    Q_OBJECT
public:
    using Handler = std::function<void(QSslSocket *, const QByteArray &line)>;
    Handler onLine;
    QByteArray banner = "220 fault.mwb.test ESMTP scripted\r\n";
    QByteArray received;
    QSslCertificate certificate;
    QSslKey key;
    QPointer<QSslSocket> socket;

    void startTls(QSslSocket *s)
    {
        s->setLocalCertificate(certificate);
        s->setPrivateKey(key);
        s->startServerEncryption();
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *s = new QSslSocket(this);
        s->setSocketDescriptor(handle);
        socket = s;
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QSslSocket::readyRead, this, [this, s, buffer] {
            const QByteArray bytes = s->readAll();
            received += bytes;
            *buffer += bytes;
            qsizetype lf;
            while ((lf = buffer->indexOf('\n')) >= 0) {
                const QByteArray line = buffer->left(lf + 1);
                buffer->remove(0, lf + 1);
                if (onLine)
                    onLine(s, line.trimmed());
            }
        });
        s->write(banner);
    }
};

class TestSmtpFaults : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fixtures::CertFiles m_good;
    fixtures::CertFiles m_expired;

    static QSslCertificate loadCert(const QString &path) { return QSslCertificate::fromPath(path).value(0); }
    static QSslKey loadKey(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QSslKey(f.readAll(), QSsl::Rsa) : QSslKey();
    }
    static ClientOptions optionsFor(quint16 port, TlsMode mode, int timeoutMs = 10000)
    {
        ClientOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = port;
        o.mode = mode;
        o.ehloName = QStringLiteral("client.mwb.test");
        o.stepTimeoutMs = timeoutMs;
        return o;
    }
    static bool runToIdle(SmtpClient &client, const QList<Step> &steps)
    {
        QSignalSpy idle(&client, &SmtpClient::idle);
        client.enqueue(steps);
        return idle.wait(30000);
    }
    // Default replies for a well-behaved server; tests override single verbs.
    static void answerNormally(QSslSocket *s, const QByteArray &line)
    {
        const QByteArray verb = line.split(' ').first().toUpper();
        if (verb == "EHLO")
            s->write("250-fault.mwb.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 CHUNKING\r\n");
        else if (verb == "MAIL" || verb == "RCPT" || verb == "NOOP" || verb == "RSET")
            s->write("250 2.1.0 Ok\r\n");
        else if (verb == "DATA")
            s->write("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
        else if (line == ".")
            s->write("250 2.6.0 Queued mail for delivery\r\n");
        else if (verb == "QUIT") {
            s->write("221 2.0.0 Bye\r\n");
            s->disconnectFromHost();
        }
    }

private slots:
    void initTestCase()
    {
        if (!fixtures::have(QStringLiteral("openssl")))
            QSKIP("openssl is not installed");
        QVERIFY(m_dir.isValid());
        m_good = fixtures::makeCertificate(m_dir.path(), QStringLiteral("wrong"), QStringLiteral("wrong.mwb.test"),
                                           {QStringLiteral("wrong.mwb.test")});
        m_expired = fixtures::makeExpiredCertificate(m_dir.path(), QStringLiteral("expired.mwb.test"));
        QVERIFY(!m_good.sha1.isEmpty());
        QVERIFY(!m_expired.sha1.isEmpty());
    }

    void stallAfter354IsShownClearly()
    {
        ScriptedPeer peer;
        bool inData = false;
        peer.onLine = [&](QSslSocket *s, const QByteArray &line) {
            if (inData)
                return;  // swallow the body and, like a waiting server, say nothing
            if (line.toUpper() == "DATA")
                inData = true;
            answerNormally(s, line);
        };
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        SmtpClient client;
        client.setOptions(optionsFor(peer.serverPort(), TlsMode::Plain, 700));
        QVERIFY(runToIdle(client, {Step::connect(), Step::ehlo(), Step::mailFrom(QStringLiteral("a@mwb.test")),
                                   Step::rcptTo(QStringLiteral("b@mwb.test")),
                                   Step::data("Subject: stall\r\n\r\nthe body\r\n", false), Step::quit()}));
        QCOMPARE(client.results().size(), 5);  // QUIT skipped after the failure
        const StepResult data = client.results().last();
        QCOMPARE(data.name, QStringLiteral("DATA"));
        QVERIFY(!data.ok);
        QVERIFY(data.timedOut);
        QVERIFY(data.error.contains(QStringLiteral("354 stall")));
        QTRY_VERIFY_WITH_TIMEOUT(peer.received.endsWith("the body\r\n"), 5000);
        QVERIFY(!peer.received.contains("\r\n.\r\n"));
        const QString text = client.transcriptText();
        QVERIFY(text.contains(QStringLiteral("S \u2190 354 Start mail input")));
        QVERIFY(text.contains(QStringLiteral("WITHOUT the <CRLF>.<CRLF>")));
    }

    void reply421MidSessionEndsTheSession()
    {
        ScriptedPeer peer;
        peer.onLine = [&](QSslSocket *s, const QByteArray &line) {
            if (line.toUpper().startsWith("RCPT")) {
                s->write("421 4.4.2 fault.mwb.test Error: timeout exceeded\r\n");
                s->disconnectFromHost();
                return;
            }
            answerNormally(s, line);
        };
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        SmtpClient client;
        client.setOptions(optionsFor(peer.serverPort(), TlsMode::Plain));
        QVERIFY(runToIdle(client, quickTestSteps(TlsMode::Plain, QStringLiteral("a@mwb.test"), QStringLiteral("b@mwb.test"), "x")));
        const StepResult rcpt = client.results().last();
        QCOMPARE(rcpt.name, QStringLiteral("RCPT"));
        QCOMPARE(rcpt.reply.code, 421);
        QCOMPARE(rcpt.reply.enhanced, QStringLiteral("4.4.2"));
        QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected(), 5000);
        QVERIFY(client.transcriptText().contains(QStringLiteral("Connection closed")));
    }

    void replySplitAcrossTcpSegmentsIsReassembled()
    {
        ScriptedPeer peer;
        peer.onLine = [&](QSslSocket *s, const QByteArray &line) {
            if (line.toUpper().startsWith("EHLO")) {
                s->write("250-fault.mwb.test\r\n250-SIZE 1000");
                s->flush();
                QTimer::singleShot(50, s, [s] {
                    s->write("0\r\n250-X-ANONYMOUSTLS\r");
                    s->flush();
                    QTimer::singleShot(50, s, [s] { s->write("\n250 CHUNKING\r\n"); });
                });
                return;
            }
            answerNormally(s, line);
        };
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        SmtpClient client;
        client.setOptions(optionsFor(peer.serverPort(), TlsMode::Plain));
        QVERIFY(runToIdle(client, {Step::connect(), Step::ehlo(), Step::quit()}));
        for (const StepResult &r : client.results())
            QVERIFY2(r.ok, qPrintable(r.name + u' ' + r.error));
        QCOMPARE(client.results().at(1).reply.lines.size(), 4);
        QCOMPARE(EhloCapabilities::parse(client.results().at(1).reply).size, 10000);
        QVERIFY(EhloCapabilities::parse(client.results().at(1).reply).anonymousTls);
        QVERIFY(EhloCapabilities::parse(client.results().at(1).reply).chunking);
    }

    void megabyteReplyLineIsCappedAndSessionGoesOn()
    {
        ScriptedPeer peer;
        peer.onLine = [&](QSslSocket *s, const QByteArray &line) {
            if (line.toUpper().startsWith("NOOP")) {
                s->write("250 " + QByteArray(1024 * 1024, 'x') + "\r\n");
                return;
            }
            answerNormally(s, line);
        };
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        SmtpClient client;
        client.setOptions(optionsFor(peer.serverPort(), TlsMode::Plain));
        QVERIFY(runToIdle(client, {Step::connect(), Step::raw(QStringLiteral("NOOP")), Step::ehlo(), Step::quit()}));
        QCOMPARE(client.results().size(), 4);
        const StepResult noop = client.results().at(1);
        QCOMPARE(noop.reply.code, 250);
        QVERIFY(noop.reply.truncated);
        QVERIFY(noop.reply.lines.first().size() <= client.options().replyLineCap);
        QVERIFY(client.results().at(2).ok);  // the next reply parsed normally
        QVERIFY(client.transcriptText().contains(QStringLiteral("line cut at")));
    }

    void starttlsAgainstScriptedPeerInspectsCertificate()
    {
        ScriptedPeer peer;
        peer.certificate = loadCert(m_good.cert);
        peer.key = loadKey(m_good.key);
        peer.onLine = [&](QSslSocket *s, const QByteArray &line) {
            if (line.toUpper() == "STARTTLS") {
                s->write("220 2.0.0 SMTP server ready\r\n");
                s->flush();
                peer.startTls(s);
                return;
            }
            answerNormally(s, line);
        };
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        SmtpClient client;
        ClientOptions o = optionsFor(peer.serverPort(), TlsMode::StartTls);
        o.expectedName = QStringLiteral("wrong.mwb.test");
        client.setOptions(o);
        QVERIFY(runToIdle(client, probeSteps(TlsMode::StartTls)));
        QVERIFY(client.tlsInfo().established);
        QCOMPARE(client.tlsInfo().chain.first().thumbprint, m_good.sha1);
        QVERIFY(client.tlsInfo().nameCheck.matches);
    }

    void sameClientReconnectsAfterATlsSession()
    {
        ScriptedPeer peer;
        peer.certificate = loadCert(m_good.cert);
        peer.key = loadKey(m_good.key);
        peer.onLine = [&](QSslSocket *s, const QByteArray &line) {
            if (line.toUpper() == "STARTTLS") {
                s->write("220 2.0.0 SMTP server ready\r\n");
                s->flush();
                peer.startTls(s);
                return;
            }
            answerNormally(s, line);
        };
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        SmtpClient client;
        client.setOptions(optionsFor(peer.serverPort(), TlsMode::StartTls));
        QVERIFY(runToIdle(client, probeSteps(TlsMode::StartTls)));
        QVERIFY(runToIdle(client, probeSteps(TlsMode::StartTls)));
        QCOMPARE(client.results().size(), 10);
        for (const StepResult &r : client.results())
            QVERIFY2(r.ok, qPrintable(r.name + u' ' + r.error));
        QVERIFY(client.tlsInfo().established);
        // Plain again on the same client: the socket must not stay in TLS mode.
        ClientOptions plain = optionsFor(peer.serverPort(), TlsMode::Plain);
        client.setOptions(plain);
        QVERIFY(runToIdle(client, probeSteps(TlsMode::Plain)));
        QCOMPARE(client.results().size(), 13);
        QVERIFY(client.results().at(11).ok);
        QVERIFY(!client.tlsInfo().established);
    }

    void wrongNameCertificateOnImplicitTlsFailsNameCheck()
    {
        QSslServer server;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(loadCert(m_good.cert));
        config.setPrivateKey(loadKey(m_good.key));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(config);
        connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                s->write("220 wrong.mwb.test ESMTP\r\n");
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    const QByteArray in = s->readAll();
                    if (in.toUpper().startsWith("EHLO"))
                        s->write("250-wrong.mwb.test\r\n250 AUTH LOGIN PLAIN\r\n");
                    else if (in.toUpper().startsWith("QUIT"))
                        s->write("221 Bye\r\n");
                });
            }
        });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SmtpClient client;
        ClientOptions o = optionsFor(server.serverPort(), TlsMode::Implicit);
        o.expectedName = QStringLiteral("mail.contoso.test");
        client.setOptions(o);
        QVERIFY(runToIdle(client, probeSteps(TlsMode::Implicit)));
        QVERIFY(client.tlsInfo().established);
        QCOMPARE(client.bannerText(), QStringLiteral("wrong.mwb.test ESMTP"));
        QVERIFY(!client.tlsInfo().nameCheck.matches);
        QVERIFY(client.tlsInfo().nameCheck.explanation.contains(QStringLiteral("wrong.mwb.test")));
        QCOMPARE(client.capabilities().authMechanisms, (QStringList{QStringLiteral("LOGIN"), QStringLiteral("PLAIN")}));
        QVERIFY(!summariseProbe(client).ok);
    }

    void expiredCertificateIsReportedInPlainWords()
    {
        QSslServer server;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(loadCert(m_expired.cert));
        config.setPrivateKey(loadKey(m_expired.key));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(config);
        connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
            while (QTcpSocket *s = server.nextPendingConnection())
                s->write("220 expired.mwb.test ESMTP\r\n");
        });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SmtpClient client;
        ClientOptions o = optionsFor(server.serverPort(), TlsMode::Implicit);
        o.expectedName = QStringLiteral("expired.mwb.test");
        client.setOptions(o);
        QVERIFY(runToIdle(client, {Step::connect()}));
        QVERIFY(client.results().first().ok);
        const TlsInfo &tls = client.tlsInfo();
        QVERIFY(tls.established);
        QVERIFY(!tls.verified);
        QVERIFY2(tls.verificationErrors.join(u' ').contains(QStringLiteral("expired")), qPrintable(tls.verificationSummary));
        QVERIFY(tls.chain.first().isExpired());
        QCOMPARE(tls.chain.first().notAfter(), QDateTime(QDate(2020, 2, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(tls.nameCheck.matches);
        client.abort();
    }
};

QTEST_GUILESS_MAIN(TestSmtpFaults)
#include "tst_smtp_faults.moc"
