// Against python3-aiosmtpd (Debian's package, run with /usr/bin/python3): a plain session whose
// body needs CRLF normalisation and dot-stuffing arrives intact at a real SMTP server.
#include "fixtures.h"
#include "model/core/smtp/probe.h"
#include "model/core/smtp/smtpclient.h"

#include <QSignalSpy>

using namespace mwb::smtp;

class TestSmtpAiosmtpd : public QObject {
    Q_OBJECT
    fixtures::Daemon m_server;
    quint16 m_port = 0;

private slots:
    void initTestCase()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python))
            QSKIP("/usr/bin/python3 is missing");
        if (!fixtures::run(python, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}).ok())
            QSKIP("python3-aiosmtpd is not installed (scripts/install-deps.sh installs it)");
        m_port = fixtures::freeTcpPort();
        QVERIFY(m_port != 0);
        QVERIFY(m_server.start(python, {QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                                        QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                                        QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Debugging"), QStringLiteral("stdout")}));
        QVERIFY2(fixtures::waitForTcp(QHostAddress::LocalHost, m_port, 20000), m_server.output().constData());
    }
    void cleanupTestCase() { m_server.stop(); }

    void bodyWithBareLfAndLeadingDotsArrivesIntact()
    {
        SmtpClient client;
        ClientOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_port;
        o.ehloName = QStringLiteral("client.mwb.test");
        client.setOptions(o);
        const QByteArray body = "Subject: aiosmtpd check\n\nfirst line\n.starts with a dot\n..two dots\nlast line";
        QSignalSpy idle(&client, &SmtpClient::idle);
        client.enqueue(quickTestSteps(TlsMode::Plain, QStringLiteral("a@mwb.test"), QStringLiteral("b@mwb.test"), body));
        QVERIFY(idle.wait(30000));
        for (const StepResult &r : client.results())
            QVERIFY2(r.ok, qPrintable(r.name + u' ' + r.error + u' ' + r.reply.summary()));
        QCOMPARE(client.results().size(), 6);
        QVERIFY(client.capabilities().eightBitMime);
        // The Debugging handler prints the message as received, after un-stuffing.
        QTRY_VERIFY_WITH_TIMEOUT(m_server.output().contains("last line"), 10000);
        const QByteArray out = m_server.output();
        QVERIFY(out.contains("\n.starts with a dot"));
        QVERIFY(out.contains("\n..two dots"));
        QVERIFY(!out.contains("...two dots"));
    }

    void authIsRefusedBeforeAnythingIsSentOnPlainSession()
    {
        SmtpClient client;
        ClientOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_port;
        client.setOptions(o);
        QSignalSpy idle(&client, &SmtpClient::idle);
        client.enqueue({Step::connect(), Step::ehlo(), Step::auth(Step::AuthLogin, QStringLiteral("u"), QStringLiteral("pw")), Step::quit()});
        QVERIFY(idle.wait(30000));
        QCOMPARE(client.results().size(), 3);
        QVERIFY(!client.results().last().ok);
        QVERIFY(!client.transcriptText().contains(QStringLiteral("C \u2192 AUTH")));
        QVERIFY(client.results().last().error.contains(QStringLiteral("not encrypted")));
        client.abort();
    }
};

QTEST_GUILESS_MAIN(TestSmtpAiosmtpd)
#include "tst_smtp_aiosmtpd.moc"
