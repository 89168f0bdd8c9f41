#include "model/core/smtp/reply.h"
#include "model/core/smtp/smtpclient.h"

#include <QTest>

using namespace mwb::smtp;

class TestSmtpReply : public QObject {
    Q_OBJECT
private slots:
    void replySplitAcrossSegmentsIsJoined()
    {
        ReplyParser p;
        p.feed("25");
        QVERIFY(!p.hasReply());
        p.feed("0-mail.contoso.com Hello\r");
        QVERIFY(!p.hasReply());
        p.feed("\n250 CHUN");
        QVERIFY(!p.hasReply());
        p.feed("KING\r\n");
        QVERIFY(p.hasReply());
        const SmtpReply r = p.takeReply();
        QCOMPARE(r.code, 250);
        QCOMPARE(r.lines, (QStringList{QStringLiteral("mail.contoso.com Hello"), QStringLiteral("CHUNKING")}));
        QVERIFY(!r.malformed);
    }
    void enhancedStatusCodeIsExtracted()
    {
        ReplyParser p;
        p.feed("550 5.7.1 Service unavailable; client [203.0.113.9] blocked using zen.spamhaus.org\r\n");
        const SmtpReply r = p.takeReply();
        QCOMPARE(r.code, 550);
        QCOMPARE(r.enhanced, QStringLiteral("5.7.1"));
        QVERIFY(r.isPermanent());
        QCOMPARE(r.summary().left(13), QStringLiteral("550 5.7.1 Ser"));
    }
    void twoRepliesInOneSegmentAreSeparate()
    {
        ReplyParser p;
        p.feed("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
        QCOMPARE(p.takeReply().enhanced, QStringLiteral("2.1.0"));
        QCOMPARE(p.takeReply().enhanced, QStringLiteral("2.1.5"));
        const SmtpReply data = p.takeReply();
        QCOMPARE(data.code, 354);
        QVERIFY(data.enhanced.isEmpty());
        QVERIFY(!p.hasReply());
    }
    void megabyteReplyLineIsCutAtTheCap()
    {
        ReplyParser p(1024);
        QByteArray huge = "250 " + QByteArray(1024 * 1024, 'x');
        for (qsizetype i = 0; i < huge.size(); i += 65536)
            p.feed(huge.mid(i, 65536));
        QVERIFY(!p.hasReply());
        QVERIFY(p.pendingBytes() <= 1024);
        p.feed("\r\n221 bye\r\n");
        const SmtpReply r = p.takeReply();
        QCOMPARE(r.code, 250);
        QVERIFY(r.truncated);
        QVERIFY(r.lines.first().size() <= 1024);
        QCOMPARE(p.takeReply().code, 221);
    }
    void nonSmtpLineIsMalformedReply()
    {
        ReplyParser p;
        p.feed("HTTP/1.1 400 Bad Request\r\n");
        const SmtpReply r = p.takeReply();
        QCOMPARE(r.code, 0);
        QVERIFY(r.malformed);
    }
    void bareLfLineIsRecognisedAndReportedRaw()
    {
        ReplyParser p;
        p.feed("220 ready\n");
        QCOMPARE(p.takeReply().code, 220);
        const auto raw = p.takeRawLines();
        QCOMPARE(raw.size(), 1);
        QCOMPARE(raw.first(), QByteArray("220 ready\n"));
    }
    void ehloCapabilitiesOfExchangeAreParsed()
    {
        ReplyParser p;
        p.feed("250-ex01.contoso.com Hello [203.0.113.9]\r\n250-SIZE 37748736\r\n250-PIPELINING\r\n250-DSN\r\n"
               "250-ENHANCEDSTATUSCODES\r\n250-STARTTLS\r\n250-X-ANONYMOUSTLS\r\n250-AUTH NTLM LOGIN\r\n"
               "250-X-EXPS GSSAPI NTLM\r\n250-8BITMIME\r\n250-BINARYMIME\r\n250-CHUNKING\r\n250-SMTPUTF8\r\n250 XRDST\r\n");
        const EhloCapabilities c = EhloCapabilities::parse(p.takeReply());
        QCOMPARE(c.greeting, QStringLiteral("ex01.contoso.com Hello [203.0.113.9]"));
        QCOMPARE(c.size, 37748736);
        QVERIFY(c.pipelining && c.dsn && c.enhancedStatusCodes && c.startTls && c.anonymousTls);
        QCOMPARE(c.authMechanisms, (QStringList{QStringLiteral("NTLM"), QStringLiteral("LOGIN")}));
        QCOMPARE(c.exps, (QStringList{QStringLiteral("GSSAPI"), QStringLiteral("NTLM")}));
        QVERIFY(c.eightBitMime && c.binaryMime && c.chunking && c.smtpUtf8);
        QCOMPARE(c.other, QStringList{QStringLiteral("XRDST")});
        QVERIFY(c.has(QStringLiteral("xrdst")));
    }
    void dataBodyGetsCrlfAndDotStuffing()
    {
        QCOMPARE(prepareDataBody("a\nb\rc\r\n.hidden\n..two"), QByteArray("a\r\nb\r\nc\r\n..hidden\r\n...two\r\n"));
        QCOMPARE(prepareDataBody(".\r\n"), QByteArray("..\r\n"));
        QCOMPARE(normaliseLineEnds("x\n"), QByteArray("x\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestSmtpReply)
#include "tst_smtp_reply.moc"
