#include "scriptedtransport.h"
#include "model/core/smtp/probe.h"
#include "model/core/smtp/smtpclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace mwb::smtp;

class TestSmtpClient : public QObject {
    Q_OBJECT

    struct Rig {
        ScriptedTransport *transport = new ScriptedTransport;
        SmtpClient client{transport};
        Rig(TlsMode mode = TlsMode::Plain, int timeoutMs = 10000)
        {
            ClientOptions o;
            o.host = QStringLiteral("127.0.0.1");
            o.mode = mode;
            o.ehloName = QStringLiteral("probe.test");
            o.stepTimeoutMs = timeoutMs;
            client.setOptions(o);
        }
        bool waitWritten(const QByteArray &tail)
        {
            return QTest::qWaitFor([&] { return transport->written.endsWith(tail); }, 5000);
        }
        void connectAndGreet()
        {
            client.enqueue(Step::connect());
            QVERIFY(QTest::qWaitFor([&] { return transport->isOpen(); }, 5000));
            transport->serverSends("220 mx.test ESMTP\r\n");
        }
        bool allText(const QString &needle) const { return client.transcriptText().contains(needle); }
    };

private slots:
    void plainSessionRunsEveryStepInOrder()
    {
        Rig rig;
        QSignalSpy idle(&rig.client, &SmtpClient::idle);
        rig.client.enqueue(quickTestSteps(TlsMode::Plain, QStringLiteral("a@test"), QStringLiteral("b@test"), "Subject: x\n\nhi\n"));
        QTRY_VERIFY_WITH_TIMEOUT(rig.transport->isOpen(), 5000);
        rig.transport->serverSends("220 mx.test ESMTP\r\n");
        QVERIFY(rig.waitWritten("EHLO probe.test\r\n"));
        rig.transport->serverSends("250-mx.test\r\n250-PIPELINING\r\n250 CHUNKING\r\n");
        QVERIFY(rig.waitWritten("MAIL FROM:<a@test>\r\n"));
        rig.transport->serverSends("250 2.1.0 Ok\r\n");
        QVERIFY(rig.waitWritten("RCPT TO:<b@test>\r\n"));
        rig.transport->serverSends("250 2.1.5 Ok\r\n");
        QVERIFY(rig.waitWritten("DATA\r\n"));
        rig.transport->serverSends("354 End data with <CR><LF>.<CR><LF>\r\n");
        QVERIFY(rig.waitWritten("Subject: x\r\n\r\nhi\r\n.\r\n"));
        rig.transport->serverSends("250 2.0.0 Ok: queued as ABC\r\n");
        QVERIFY(rig.waitWritten("QUIT\r\n"));
        rig.transport->serverSends("221 2.0.0 Bye\r\n");
        QVERIFY(idle.wait(5000));
        QCOMPARE(rig.client.results().size(), 6);
        for (const StepResult &r : rig.client.results())
            QVERIFY2(r.ok, qPrintable(r.name + u' ' + r.error));
        QVERIFY(rig.client.capabilities().chunking);
        QVERIFY(!rig.transport->isOpen());
    }
    void everyTranscriptLineCarriesTimings()
    {
        Rig rig;
        rig.connectAndGreet();
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 1, 5000);
        qint64 last = -1;
        for (const TranscriptLine &l : rig.client.transcript()) {
            QVERIFY(l.sinceConnectMs >= last);
            QVERIFY(l.sincePreviousMs >= 0);
            QVERIFY(l.at.isValid());
            last = l.sinceConnectMs;
        }
        QVERIFY(rig.client.transcriptText().contains(QStringLiteral("S \u2190 220 mx.test ESMTP")));
    }
    void starttlsResetsCapabilitiesAndNeedsNewEhlo()
    {
        Rig rig(TlsMode::StartTls);
        QSignalSpy tls(&rig.client, &SmtpClient::tlsEstablished);
        rig.client.enqueue(probeSteps(TlsMode::StartTls));
        QTRY_VERIFY_WITH_TIMEOUT(rig.transport->isOpen(), 5000);
        rig.transport->serverSends("220 mx\r\n");
        QVERIFY(rig.waitWritten("EHLO probe.test\r\n"));
        rig.transport->serverSends("250-mx\r\n250 STARTTLS\r\n");
        QVERIFY(rig.waitWritten("STARTTLS\r\n"));
        rig.transport->serverSends("220 2.0.0 Ready to start TLS\r\n");
        QVERIFY(tls.wait(5000));
        QVERIFY(rig.waitWritten("STARTTLS\r\nEHLO probe.test\r\n"));
        QVERIFY(!rig.client.capabilities().startTls);  // cleared by STARTTLS
        rig.transport->serverSends("250-mx\r\n250 AUTH PLAIN LOGIN\r\n");
        QVERIFY(rig.waitWritten("QUIT\r\n"));
        QCOMPARE(rig.client.capabilities().authMechanisms, (QStringList{QStringLiteral("PLAIN"), QStringLiteral("LOGIN")}));
    }
    void authIsRefusedWithoutTlsUnlessOverridden()
    {
        Rig rig;
        rig.connectAndGreet();
        rig.client.enqueue(Step::auth(Step::AuthPlain, QStringLiteral("user"), QStringLiteral("s3cret!")));
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 2, 5000);
        QVERIFY(!rig.client.results().last().ok);
        QVERIFY(rig.client.results().last().error.contains(QStringLiteral("not encrypted")));
        QVERIFY(!rig.transport->written.contains("AUTH"));
    }
    void passwordNeverAppearsInTranscript()
    {
        Rig rig;
        ClientOptions o = rig.client.options();
        o.allowAuthWithoutTls = true;
        rig.client.setOptions(o);
        rig.connectAndGreet();
        const QString password = QStringLiteral("s3cret!Pw");
        const QByteArray b64 = password.toUtf8().toBase64();
        rig.client.enqueue(Step::auth(Step::AuthLogin, QStringLiteral("user@test"), password));
        QVERIFY(rig.waitWritten("AUTH LOGIN\r\n"));
        rig.transport->serverSends("334 VXNlcm5hbWU6\r\n");
        QVERIFY(rig.waitWritten(QByteArray("user@test").toBase64() + "\r\n"));
        rig.transport->serverSends("334 UGFzc3dvcmQ6\r\n");
        QVERIFY(rig.waitWritten(b64 + "\r\n"));
        rig.transport->serverSends("235 2.7.0 Authentication successful\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 2, 5000);
        QVERIFY(rig.client.results().last().ok);
        const QString text = rig.client.transcriptText();
        QVERIFY(!text.contains(password));
        QVERIFY(!text.contains(QString::fromLatin1(b64)));
        QVERIFY(text.contains(QStringLiteral("********")));
        QVERIFY(text.contains(QStringLiteral("AUTH over an unencrypted session")));
        for (const TranscriptLine &l : rig.client.transcript())
            QVERIFY(!l.raw.contains(b64) && !l.raw.contains(password.toUtf8()));

        // AUTH PLAIN: the base64 blob carries the password, so it is masked as a whole.
        rig.client.enqueue(Step::auth(Step::AuthPlain, QStringLiteral("user@test"), password));
        const QByteArray plain = (QByteArray(1, '\0') + "user@test" + QByteArray(1, '\0') + password.toUtf8()).toBase64();
        QVERIFY(rig.waitWritten("AUTH PLAIN " + plain + "\r\n"));
        QVERIFY(!rig.client.transcriptText().contains(QString::fromLatin1(plain)));
    }
    void dataWithoutTerminatorReportsThe354Stall()
    {
        Rig rig(TlsMode::Plain, 300);
        rig.connectAndGreet();
        rig.client.enqueue(Step::data("Subject: stall\r\n\r\nbody\r\n", false));
        QVERIFY(rig.waitWritten("DATA\r\n"));
        rig.transport->serverSends("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 2, 5000);
        const StepResult r = rig.client.results().last();
        QVERIFY(!r.ok);
        QVERIFY(r.timedOut);
        QVERIFY(r.error.contains(QStringLiteral("354 stall")));
        QVERIFY(rig.transport->written.endsWith("body\r\n"));
        QVERIFY(!rig.transport->written.endsWith(".\r\n"));
        QVERIFY(rig.client.transcriptText().contains(QStringLiteral("WITHOUT the <CRLF>.<CRLF>")));
    }
    void bdatSendsChunksWithSizesAndLast()
    {
        Rig rig;
        rig.connectAndGreet();
        rig.client.enqueue(Step::bdat("0123456789", 4));
        QVERIFY(rig.waitWritten("BDAT 4\r\n0123"));
        rig.transport->serverSends("250 2.0.0 4 octets received\r\n");
        QVERIFY(rig.waitWritten("BDAT 4\r\n4567"));
        rig.transport->serverSends("250 2.0.0 4 octets received\r\n");
        QVERIFY(rig.waitWritten("BDAT 2 LAST\r\n89"));
        rig.transport->serverSends("250 2.0.0 Ok: queued\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 2, 5000);
        QVERIFY(rig.client.results().last().ok);
    }
    void reply421MidSessionFailsTheStepAndSkipsTheRest()
    {
        Rig rig;
        rig.client.enqueue(quickTestSteps(TlsMode::Plain, QStringLiteral("a@test"), QStringLiteral("b@test"), "x"));
        QTRY_VERIFY_WITH_TIMEOUT(rig.transport->isOpen(), 5000);
        rig.transport->serverSends("220 mx\r\n");
        QVERIFY(rig.waitWritten("EHLO probe.test\r\n"));
        rig.transport->serverSends("250 mx\r\n");
        QVERIFY(rig.waitWritten("MAIL FROM:<a@test>\r\n"));
        rig.transport->serverSends("421 4.3.2 Service shutting down\r\n");
        rig.transport->serverCloses();
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 3, 5000);
        const StepResult r = rig.client.results().last();
        QVERIFY(!r.ok);
        QCOMPARE(r.reply.code, 421);
        QCOMPARE(r.reply.enhanced, QStringLiteral("4.3.2"));
        QVERIFY(!rig.client.isBusy());
        QVERIFY(rig.client.transcriptText().contains(QStringLiteral("remaining step(s) skipped")));
    }
    void commandsWithoutConnectionFailCleanly()
    {
        Rig rig;
        rig.client.enqueue(Step::ehlo());
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 1, 5000);
        QCOMPARE(rig.client.results().first().error, QStringLiteral("Not connected"));
    }
    void silentServerTimesOutAtConnect()
    {
        Rig rig(TlsMode::Plain, 200);
        rig.client.enqueue(Step::connect());
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 1, 5000);
        QVERIFY(rig.client.results().first().timedOut);
        QVERIFY(!rig.transport->isOpen());
    }
    void probeSummaryFailsWhenNameWasNotChecked()
    {
        Rig rig(TlsMode::Plain);
        ClientOptions o = rig.client.options();
        o.expectedName = QStringLiteral("mail.test");
        rig.client.setOptions(o);
        rig.connectAndGreet();
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 1, 5000);
        const ProbeSummary s = summariseProbe(rig.client);
        QVERIFY(!s.ok);
        QVERIFY(s.problems.join(u' ').contains(QStringLiteral("could not be checked")));
        QCOMPARE(s.json.value(QStringLiteral("banner")).toString(), QStringLiteral("mx.test ESMTP"));
    }

    // --- #29.5: bounded replies, sessions and time --------------------------------------------

    void endlessContinuationLinesCloseTheConnection()
    {
        Rig rig;
        QSignalSpy idle(&rig.client, &SmtpClient::idle);
        rig.client.enqueue({Step::connect(), Step::ehlo(), Step::quit()});
        QTRY_VERIFY_WITH_TIMEOUT(rig.transport->isOpen(), 5000);
        rig.transport->serverSends("220 mx.test ESMTP\r\n");
        QVERIFY(rig.waitWritten("EHLO probe.test\r\n"));
        // 100,000 continuation lines (6 MB), in 64 KiB pieces as a socket would deliver them;
        // the client must give up long before the end and stop keeping what it gets.
        const QByteArray block = QByteArray("250-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n").repeated(1000);
        for (int i = 0; i < 100 && rig.transport->isOpen(); ++i)
            rig.transport->serverSends(block);
        QVERIFY(!rig.transport->isOpen());
        QVERIFY(idle.wait(5000));
        QCOMPARE(rig.client.results().size(), 2);  // QUIT was dropped with the connection
        const StepResult ehlo = rig.client.results().at(1);
        QVERIFY(!ehlo.ok);
        QVERIFY2(ehlo.error.contains(QStringLiteral("more than 256 lines")), qPrintable(ehlo.error));
        QVERIFY(rig.client.transcript().size() < 300 + 20);
    }

    void hugeReplyOfShortLinesIsBoundedByBytes()
    {
        Rig rig;
        ClientOptions o = rig.client.options();
        o.replyLineLimit = 100000;   // only the byte limit can stop this one
        rig.client.setOptions(o);
        rig.connectAndGreet();
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 1, 5000);
        rig.client.enqueue(Step::ehlo());
        QVERIFY(rig.waitWritten("EHLO probe.test\r\n"));
        const QByteArray block = QByteArray("250-" + QByteArray(1000, 'b') + "\r\n").repeated(64);
        for (int i = 0; i < 64 && rig.transport->isOpen(); ++i)
            rig.transport->serverSends(block);
        QVERIFY(!rig.transport->isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 2, 5000);
        QVERIFY(rig.client.results().at(1).error.contains(QStringLiteral("256 KiB")));
        qsizetype kept = 0;
        for (const TranscriptLine &l : rig.client.transcript())
            kept += l.raw.size();
        QVERIFY2(kept <= 300 * 1024, qPrintable(QString::number(kept)));
    }

    void sessionByteLimitStopsAnEndlessLine()
    {
        Rig rig;
        rig.connectAndGreet();
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 1, 5000);
        rig.client.enqueue(Step::ehlo());
        QVERIFY(rig.waitWritten("EHLO probe.test\r\n"));
        rig.transport->serverSends("250 ");
        const QByteArray mb(1024 * 1024, 'x');
        int sent = 0;
        for (; sent < 50 && rig.transport->isOpen(); ++sent)
            rig.transport->serverSends(mb);
        QVERIFY(!rig.transport->isOpen());
        QCOMPARE(sent, 8);  // 8 MiB is the limit per connection: the 8th MiB crosses it
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 2, 5000);
        QVERIFY2(rig.client.results().at(1).error.contains(QStringLiteral("more than 8 MiB")), qPrintable(rig.client.results().at(1).error));
    }

    void totalTimeoutEndsTheWholeRun()
    {
        Rig rig(TlsMode::Plain, 60000);
        ClientOptions o = rig.client.options();
        o.totalTimeoutMs = 300;
        rig.client.setOptions(o);
        QSignalSpy idle(&rig.client, &SmtpClient::idle);
        rig.client.enqueue({Step::connect(), Step::ehlo(), Step::quit()});
        QTRY_VERIFY_WITH_TIMEOUT(rig.transport->isOpen(), 5000);
        rig.transport->serverSends("220-slow");   // a banner that never ends
        QVERIFY(idle.wait(5000));
        QCOMPARE(rig.client.results().size(), 1);
        QVERIFY(rig.client.results().first().timedOut);
        QVERIFY(rig.client.results().first().error.contains(QStringLiteral("time limit")));
        QVERIFY(!rig.transport->isOpen());
        // Nothing enqueued later runs past the limit.
        rig.client.enqueue(Step::connect());
        QVERIFY(idle.wait(5000));
        QCOMPARE(rig.client.results().size(), 1);
    }

    void transcriptTextShowsControlCharactersVisibly()
    {
        Rig rig;
        rig.client.enqueue(Step::connect());
        QTRY_VERIFY_WITH_TIMEOUT(rig.transport->isOpen(), 5000);
        rig.transport->serverSends(QByteArrayLiteral("220 mx\x1b]0;pwned\x07 \x00\x08\r ok\r\n"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 1, 5000);
        const QString text = rig.client.transcriptText();
        QVERIFY2(text.contains(QStringLiteral("S \u2190 220 mx\\x1b]0;pwned\\x07 \\x00\\x08\\x0d ok")), qPrintable(text));
        for (const QChar c : text)
            QVERIFY(c == u'\n' || c.unicode() >= 0x20);
        const ProbeSummary s = summariseProbe(rig.client);
        QVERIFY(s.text.contains(QStringLiteral("Banner: mx\\x1b]0;pwned\\x07")));
        for (const QChar c : s.text)
            QVERIFY(c == u'\n' || c.unicode() >= 0x20);
    }

    // AUTH XOAUTH2 (issue #30): the SASL string "user=U^Aauth=Bearer T^A^A" goes on the wire, and
    // neither the token nor the base64 blob reaches the transcript (text or raw bytes).
    void xoauth2TokenOnTheWireOnly()
    {
        Rig rig;
        ClientOptions o = rig.client.options();
        o.allowAuthWithoutTls = true;
        rig.client.setOptions(o);
        rig.connectAndGreet();
        const QString token = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-part");
        const QByteArray sasl = QByteArray("user=app@contoso.com\x01" "auth=Bearer " + token.toUtf8() + "\x01\x01").toBase64();
        rig.client.enqueue(Step::auth(Step::AuthXoauth2, QStringLiteral("app@contoso.com"), token));
        QVERIFY(rig.waitWritten("AUTH XOAUTH2 " + sasl + "\r\n"));
        // A failure comes as a 334 challenge with the error details; the client answers with an empty line.
        rig.transport->serverSends("334 eyJzdGF0dXMiOiI0MDEifQ==\r\n");
        QVERIFY(rig.waitWritten(QByteArray("AUTH XOAUTH2 " + sasl + "\r\n\r\n")));
        rig.transport->serverSends("535 5.7.3 Authentication unsuccessful\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.results().size(), 2, 5000);
        QVERIFY(!rig.client.results().last().ok);
        QCOMPARE(rig.client.results().last().name, QStringLiteral("AUTH XOAUTH2"));
        const QString text = rig.client.transcriptText();
        QVERIFY(!text.contains(token));
        QVERIFY(!text.contains(QString::fromLatin1(sasl)));
        QVERIFY(text.contains(QStringLiteral("AUTH XOAUTH2 ********")));
        for (const TranscriptLine &l : rig.client.transcript())
            QVERIFY(!l.raw.contains(sasl) && !l.raw.contains(token.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtp_client.moc"
