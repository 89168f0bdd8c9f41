// Session assembly and every derived Session field, on fixtures written after log-format-facts.md.
#include "model/core/ingest/filebytes.h"
#include "model/core/ingest/parser.h"
#include "model/core/sessions/assembler.h"
#include "model/core/sessions/loader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {

const QString kData = QStringLiteral(INGEST_DATA);

const Session *byId(const Store &s, const QString &id, int nth = 0)
{
    for (const Session &x : s.sessions) {
        if (x.id == id && nth-- == 0)
            return &x;
    }
    return nullptr;
}

std::shared_ptr<Store> loadText(QTemporaryDir &dir, const QByteArray &text, const QString &name = QStringLiteral("x.log"))
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    f.close();
    return Loader::loadSync({f.fileName()});
}

const QByteArray kHeader = "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
                           "#Date: 2024-03-13T09:00:00.000Z\r\n#Fields: date-time,connector-id,session-id,sequence-number,"
                           "local-endpoint,remote-endpoint,event,data,context\r\n";

QByteArray line(const char *time, int seq, const char *ev, const QByteArray &data, const QByteArray &ctx = QByteArray())
{
    return QByteArray("2024-03-13T09:") + time + ",EX01\\Client Proxy EX01,08DC42C8FF23AAAA," + QByteArray::number(seq)
        + ",10.0.0.5:587,10.1.1.1:6000," + ev + "," + data + "," + ctx + "\r\n";
}

} // namespace

class TstSessionAssembly : public QObject {
    Q_OBJECT
    std::shared_ptr<Store> m_all;

private Q_SLOTS:
    void initTestCase()
    {
        m_all = Loader::loadSync({kData});
        QVERIFY(m_all);
    }
    void countsSessionsOfEveryServerAndLogType()
    {
        QCOMPARE(m_all->sessions.size(), 9);
        for (int i = 0; i < m_all->sessions.size(); ++i) {
            QCOMPARE(m_all->sessions[i].index, i);
            if (i > 0)
                QVERIFY(m_all->sessions[i - 1].startMs <= m_all->sessions[i].startMs);
        }
    }
    void receiveSessionFields2019()
    {
        const Session *s = byId(*m_all, QStringLiteral("08DC42C8FF236A1F"));
        QVERIFY(s);
        QCOMPARE(s->server, QStringLiteral("EX01"));
        QCOMPARE(s->connector, QStringLiteral("EX01\\Default Frontend EX01"));
        QCOMPARE(s->direction, Direction::Receive);
        QCOMPARE(s->local, QStringLiteral("10.0.0.5:25"));
        QCOMPARE(s->remote, QStringLiteral("203.0.113.9:51234"));
        QCOMPARE(s->ehlo, QStringLiteral("mail.fabrikam.com"));
        QCOMPARE(s->greetingName, QStringLiteral("ex01.contoso.com"));
        // Capabilities as last advertised: after STARTTLS, AUTH LOGIN appears and STARTTLS is gone.
        QVERIFY(s->capabilities.contains(QStringLiteral("AUTH LOGIN")));
        QVERIFY(!s->capabilities.contains(QStringLiteral("STARTTLS")));
        QVERIFY(s->capabilities.contains(QStringLiteral("SIZE 37748736")));
        QVERIFY(s->tls);
        QCOMPARE(s->tlsVerb, QStringLiteral("STARTTLS"));
        QCOMPARE(s->tlsProtocol, QStringLiteral("TLS1_2"));
        QCOMPARE(s->tlsCipher, QStringLiteral("CALG_AES_256 256 bits"));
        QCOMPARE(s->mailFrom, QStringLiteral("alice@fabrikam.com"));
        QCOMPARE(s->recipients, QStringList{QStringLiteral("bob@contoso.com")});
        QVERIFY(s->dataStarted);
        QVERIFY(!s->bdat);
        QCOMPARE(s->messageIds, QStringList{QStringLiteral("<CAF1234@mail.fabrikam.com>")});
        // The final reply is the one that decided the session, not QUIT's 221.
        QVERIFY2(s->lastReply.startsWith(QLatin1String("250 2.6.0 <CAF1234@mail.fabrikam.com>")), qPrintable(s->lastReply));
        QCOMPARE(s->disconnectReason, QStringLiteral("Local"));
        QCOMPARE(s->outcome, SessionOutcome::Delivered);
        QCOMPARE(s->startMs, parseTimestampMs("2024-03-13T09:01:18.100Z"));
        QCOMPARE(s->endMs, parseTimestampMs("2024-03-13T09:01:21.912Z"));
        QCOMPARE(s->maxGapMs, qint64(3159));   // 354 at .741 → 250 at 21.900
        QCOMPARE(s->lineCount, 22);
        QVERIFY(s->complete);
    }
    void packedCertificateLineParsedFromBothEnds()
    {
        const Session *s = byId(*m_all, QStringLiteral("08DC42C8FF236A1F"));
        QVERIFY(s);
        QCOMPARE(s->certificates.size(), 1);
        const Certificate &c = s->certificates[0];
        QCOMPARE(c.role, CertificateRole::Sending);
        QCOMPARE(c.subject, QStringLiteral("CN=mail.contoso.com"));
        QCOMPARE(c.issuer, QStringLiteral("CN=R3, O=Let's Encrypt, C=US"));
        QCOMPARE(c.serial, QStringLiteral("03A1B2C3D4E5F6"));
        QCOMPARE(c.thumbprint, QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567"));
        QCOMPARE(c.alternateNames, (QStringList{QStringLiteral("mail.contoso.com"), QStringLiteral("autodiscover.contoso.com")}));
        QCOMPARE(c.notBeforeMs, parseTimestampMs("2025-01-17T15:15:33.000Z"));
        QCOMPARE(c.notAfterMs, parseTimestampMs("2026-01-17T15:15:33.000Z"));
        QCOMPARE(c.ref.line, qint64(15));
    }
    void packedCertificateWithSpacesInDnsAndNoSans()
    {
        const Certificate c = parsePackedCertificate(QStringLiteral(
            "CN=mail.contoso.com, OU=Mail Team, O=Contoso Ltd, C=DE CN=Contoso Issuing CA 01, DC=corp, DC=contoso 1A2B "
            "FEDCBA9876543210FEDCBA9876543210FEDCBA98 2024-01-01T00:00:00.000Z 2025-01-01T00:00:00.000Z"));
        QCOMPARE(c.subject, QStringLiteral("CN=mail.contoso.com, OU=Mail Team, O=Contoso Ltd, C=DE"));
        QCOMPARE(c.issuer, QStringLiteral("CN=Contoso Issuing CA 01, DC=corp, DC=contoso"));
        QCOMPARE(c.serial, QStringLiteral("1A2B"));
        QCOMPARE(c.thumbprint, QStringLiteral("FEDCBA9876543210FEDCBA9876543210FEDCBA98"));
        QVERIFY(c.alternateNames.isEmpty());
    }
    // Issue #24: a handshake that failed after "220 2.0.0 SMTP server ready" is tls-failed, never
    // a healthy "no mail" with a green padlock and the 220 as its final reply.
    void failedHandshakeIsTlsFailed()
    {
        QTemporaryDir dir;
        const QByteArray text = kHeader + line("00:00.000", 0, "+", "") + line("00:00.001", 1, ">", "220 edge01.contoso.com Microsoft ESMTP MAIL Service ready")
            + line("00:00.100", 2, "<", "EHLO mail.protection.outlook.com")
            + line("00:00.101", 3, ">", "250-edge01.contoso.com Hello [10.1.1.1] SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH NTLM 8BITMIME BINARYMIME CHUNKING")
            + line("00:00.200", 4, "<", "STARTTLS") + line("00:00.201", 5, ">", "220 2.0.0 SMTP server ready")
            + line("00:00.202", 6, "*", "", "Sending certificate")
            + line("00:00.300", 7, "*", "", "TLS negotiation failed with error SocketError")
            + line("00:00.301", 8, "-", "", "Local");
        auto store = loadText(dir, text);
        QVERIFY(store);
        QCOMPARE(store->sessions.size(), 1);
        const Session &s = store->sessions.first();
        QCOMPARE(s.outcome, SessionOutcome::TlsFailed);
        QVERIFY(s.tls);                       // attempted (the contract's meaning)
        QVERIFY(!s.tlsEstablished);
        QVERIFY(s.tlsFailure.contains(QLatin1String("SocketError")));
        QVERIFY2(!s.lastReply.startsWith(QLatin1String("220")), qPrintable(s.lastReply));
        QVERIFY(s.lastReply.contains(QLatin1String("TLS negotiation failed")));
        QCOMPARE(outcomeId(s.outcome), QStringLiteral("tls-failed"));
    }
    void sessionEndingAfterReadyToStartTlsIsTlsFailed()
    {
        QTemporaryDir dir;
        const QByteArray text = kHeader + line("00:00.000", 0, "+", "") + line("00:00.001", 1, ">", "220 ex01 ready")
            + line("00:00.100", 2, "<", "EHLO client.example") + line("00:00.101", 3, ">", "250 ex01 Hello [10.1.1.1] STARTTLS")
            + line("00:00.200", 4, "<", "STARTTLS") + line("00:00.201", 5, ">", "220 2.0.0 SMTP server ready")
            + line("00:05.000", 6, "-", "", "Remote(ConnectionReset)");
        auto store = loadText(dir, text);
        QVERIFY(store);
        const Session &s = store->sessions.first();
        QCOMPARE(s.outcome, SessionOutcome::TlsFailed);
        QVERIFY(!s.tlsEstablished);
        QVERIFY(!s.tlsFailure.isEmpty());
    }
    void redactedThumbprintIsNoThumbprint()
    {
        // A published log with its serial and thumbprint blanked out: the marks are no values.
        QTemporaryDir dir;
        const QByteArray text = kHeader + line("00:00.000", 0, "+", "") + line("00:00.001", 1, ">", "220 ex01 ready")
            + line("00:00.100", 2, "<", "STARTTLS") + line("00:00.101", 3, ">", "220 2.0.0 SMTP server ready")
            + line("00:00.102", 4, "*", "", "Sending certificate")
            + line("00:00.103", 5, "*", "CN=mail.contoso.com", "Certificate subject")
            + line("00:00.104", 6, "*", "xxxxxxxxxxxxxxxxxxxxxx", "Certificate serial number")
            + line("00:00.105", 7, "*", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Certificate thumbprint")
            + line("00:00.106", 8, "*", "", "Received certificate")
            + line("00:00.107", 9, "*", "ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01", "Certificate thumbprint")
            + line("00:00.300", 10, "-", "", "Local");
        auto store = loadText(dir, text);
        QVERIFY(store);
        const Session &s = store->sessions.first();
        QCOMPARE(s.certificates.size(), 2);
        QCOMPARE(s.certificates[0].subject, QStringLiteral("CN=mail.contoso.com"));
        QVERIFY(s.certificates[0].thumbprint.isEmpty());
        QVERIFY(s.certificates[0].serial.isEmpty());
        QCOMPARE(s.certificates[1].thumbprint, QStringLiteral("ABCDEF0123456789ABCDEF0123456789ABCDEF01"));
        QCOMPARE(normalizedThumbprint(QStringLiteral("<redacted>")), QString());
        QCOMPARE(normalizedThumbprint(QStringLiteral("***")), QString());
    }
    void capabilitiesAreKeptAcrossStartTls()
    {
        QTemporaryDir dir;
        const QByteArray text = kHeader + line("00:00.000", 0, "+", "") + line("00:00.001", 1, ">", "220 ex02 ready")
            + line("00:00.100", 2, "<", "EHLO ex01.contoso.com")
            + line("00:00.101", 3, ">", "250  ex02.contoso.com Hello [10.0.0.5] SIZE PIPELINING STARTTLS X-ANONYMOUSTLS AUTH NTLM X-EXPS GSSAPI NTLM CHUNKING")
            + line("00:00.200", 4, "<", "STARTTLS") + line("00:00.201", 5, ">", "220 2.0.0 SMTP server ready")
            + line("00:00.250", 6, "*", "", "TLS protocol SP_PROT_TLS1_2_SERVER negotiated with bulk encryption algorithm CALG_AES_256 with strength 256 bits")
            + line("00:00.300", 7, "<", "EHLO ex01.contoso.com")
            + line("00:00.301", 8, ">", "250  ex02.contoso.com Hello [10.0.0.5] SIZE PIPELINING AUTH NTLM LOGIN X-EXPS GSSAPI NTLM CHUNKING")
            + line("00:00.400", 9, "<", "QUIT") + line("00:00.401", 10, ">", "221 2.0.0 Service closing transmission channel")
            + line("00:00.402", 11, "-", "", "Local");
        auto store = loadText(dir, text);
        QVERIFY(store);
        const Session &s = store->sessions.first();
        QVERIFY(s.tlsEstablished);
        QCOMPARE(s.outcome, SessionOutcome::NoMail);
        QVERIFY(s.tlsFailure.isEmpty());
        QVERIFY2(s.capabilitiesBeforeTls.contains(QStringLiteral("STARTTLS")), qPrintable(s.capabilitiesBeforeTls.join(u'|')));
        QVERIFY(s.capabilitiesBeforeTls.contains(QStringLiteral("X-ANONYMOUSTLS")));
        QVERIFY(!s.capabilities.contains(QStringLiteral("STARTTLS")));
        QVERIFY(s.capabilities.contains(QStringLiteral("AUTH NTLM LOGIN")) || s.capabilities.join(u' ').contains(QLatin1String("LOGIN")));
        QVERIFY2(s.lastReply.startsWith(QLatin1String("250  ex02.contoso.com Hello")), qPrintable(s.lastReply));
    }
    void scannerSessionIsNoMail()
    {
        const Session *s = byId(*m_all, QStringLiteral("08DC42C8FF236A20"));
        QVERIFY(s);
        QCOMPARE(s->outcome, SessionOutcome::NoMail);
        QCOMPARE(s->ehlo, QStringLiteral("scanner"));
        QCOMPARE(s->disconnectReason, QStringLiteral("Remote(ConnectionReset)"));
        QVERIFY(!s->tls);
    }
    void rejectedRecipientIsRejected()
    {
        const Session *s = byId(*m_all, QStringLiteral("08DC42C8FF236A21"));
        QVERIFY(s);
        QCOMPARE(s->outcome, SessionOutcome::Rejected);
        QCOMPARE(s->recipients, QStringList{QStringLiteral("nobody@contoso.com")});
        QVERIFY(!s->dataStarted);
        // The 550 is what the admin needs in the table and the code filter, not the 221 after QUIT.
        QCOMPARE(s->lastReply, QStringLiteral("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"));
    }
    void sessionSurvivesFileRollover()
    {
        const Session *s = byId(*m_all, QStringLiteral("08DC42C8FF236B01"));
        QVERIFY(s);
        QCOMPARE(byId(*m_all, QStringLiteral("08DC42C8FF236B01"), 1), nullptr);
        QCOMPARE(s->lineCount, 11);
        QCOMPARE(s->spans.size(), 2);
        QVERIFY(m_all->files[s->spans[0].fileIndex].path.endsWith(QLatin1String("RECV2024031309-2.LOG")));
        QVERIFY(m_all->files[s->spans[1].fileIndex].path.endsWith(QLatin1String("RECV2024031310-1.LOG")));
        QVERIFY(s->bdat);
        QVERIFY(s->dataStarted);
        QCOMPARE(s->outcome, SessionOutcome::Delivered);
        QCOMPARE(s->messageIds, QStringList{QStringLiteral("<news-42@partner.example>")});
        QVERIFY(s->complete);
        const QList<SessionLine> lines = m_all->sessionLines(*s);
        QCOMPARE(lines.size(), 11);
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(lines[i].sequence, i);
        QCOMPARE(lines[6].ref.line, qint64(6));   // first data line of the second file
    }
    void exchange2010MultiLineEhlo()
    {
        const Session *s = byId(*m_all, QStringLiteral("08CD0A1B2C3D4E5F"));
        QVERIFY(s);
        QCOMPARE(s->server, QStringLiteral("EX02"));
        QCOMPARE(s->greetingName, QStringLiteral("ex02.contoso.com"));
        QCOMPARE(s->capabilities, (QStringList{QStringLiteral("SIZE 10485760"), QStringLiteral("PIPELINING"),
                                               QStringLiteral("STARTTLS"), QStringLiteral("AUTH NTLM"), QStringLiteral("CHUNKING")}));
        QVERIFY(s->dataStarted);
        QCOMPARE(s->outcome, SessionOutcome::Deferred);   // 451 after 354: the body never ended
        QCOMPARE(s->maxGapMs, qint64(600000));
    }
    void sendLogFlipsRoles()
    {
        const Session *s = byId(*m_all, QStringLiteral("08DC42C8FF236C01"));
        QVERIFY(s);
        QCOMPARE(s->direction, Direction::Send);
        QCOMPARE(s->server, QStringLiteral("EX01"));   // from the folder: Send connectors have no server part
        QCOMPARE(s->connector, QStringLiteral("Outbound to Fabrikam"));
        QCOMPARE(s->local, QStringLiteral("10.0.0.5:50123"));   // the '*' lines before the connect have none
        QCOMPARE(s->ehlo, QStringLiteral("ex01.contoso.com"));
        QCOMPARE(s->greetingName, QStringLiteral("mail.fabrikam.com"));
        QCOMPARE(s->capabilities, (QStringList{QStringLiteral("PIPELINING"), QStringLiteral("SIZE 10240000"),
                                               QStringLiteral("AUTH PLAIN LOGIN"), QStringLiteral("8BITMIME")}));
        QVERIFY(s->tls);
        QCOMPARE(s->tlsProtocol, QStringLiteral("TLS1_2"));
        QCOMPARE(s->mailFrom, QStringLiteral("bob@contoso.com"));
        QCOMPARE(s->recipients, QStringList{QStringLiteral("carol@fabrikam.com")});
        QCOMPARE(s->messageIds, QStringList{QStringLiteral("<msg2@contoso.com>")});
        QCOMPARE(s->outcome, SessionOutcome::Delivered);
        QCOMPARE(s->certificates.size(), 1);
        const Certificate &c = s->certificates[0];
        QCOMPARE(c.role, CertificateRole::Received);
        QCOMPARE(c.thumbprint, QStringLiteral("89ABCDEF0123456789ABCDEF0123456789ABCDEF"));
        QCOMPARE(c.subject, QStringLiteral("CN=mail.fabrikam.com, O=Fabrikam, C=US"));
        QCOMPARE(c.issuer, QStringLiteral("CN=Fabrikam Issuing CA, O=Fabrikam, C=US"));
        QCOMPARE(c.alternateNames, (QStringList{QStringLiteral("mail.fabrikam.com"), QStringLiteral("fabrikam.com")}));
    }
    void redactedIdsSplitByEndpointsAndDisconnects()
    {
        QList<const Session *> redacted;
        for (const Session &s : m_all->sessions) {
            if (s.id == QLatin1String("0000000000000000"))
                redacted.append(&s);
        }
        QCOMPARE(redacted.size(), 3);
        QCOMPARE(redacted[0]->remote, QStringLiteral("203.0.113.50:1000"));
        QCOMPARE(redacted[0]->lineCount, 4);
        QCOMPARE(redacted[1]->remote, QStringLiteral("203.0.113.51:2000"));
        QCOMPARE(redacted[1]->ehlo, QStringLiteral("b.example"));
        QCOMPARE(redacted[2]->remote, QStringLiteral("203.0.113.50:1000"));
        QCOMPARE(redacted[2]->lineCount, 3);
        QCOMPARE(redacted[2]->disconnectReason, QStringLiteral("Remote(SocketError)"));
        QCOMPARE(m_all->sessionLines(*redacted[2]).size(), 3);
        QCOMPARE(m_all->sessionLines(*redacted[0]).size(), 4);
    }
    void opaqueIdsGroupSessionsVerbatim()
    {
        // Issue #25.2: a hand-anonymised id (not hex) groups its session and is kept as written;
        // one repeated character (xxxxxxxxxxxxxxxx) is a redaction shared by many connections.
        QByteArray text;
        auto l = [&](const char *t, const char *id, int seq, const char *remote, const char *ev, const QByteArray &data,
                     const QByteArray &ctx = QByteArray()) {
            text += QByteArray("2026-12-07T09:01:") + t + "Z,HUB01\\Default HUB01," + id + "," + QByteArray::number(seq)
                + ",10.1.1.5:25," + remote + "," + ev + "," + data + "," + ctx + "\r\n";
        };
        l("02.100", "08C8881116H56738", 0, "10.1.1.9:41234", "+", "");
        l("02.101", "08C8881116H56739", 0, "10.1.1.8:41299", "+", "");
        l("02.102", "08C8881116H56738", 1, "10.1.1.9:41234", ">", "220 hub01.contoso.com Microsoft ESMTP MAIL Service ready");
        l("02.103", "xxxxxxxxxxxxxxxx", 0, "10.1.1.7:50000", "+", "");
        l("02.104", "xxxxxxxxxxxxxxxx", 0, "10.1.1.6:50001", "+", "");
        l("02.105", "08C8881116H56738", 2, "10.1.1.9:41234", "<", "EHLO app01.contoso.com");
        l("02.106", "xxxxxxxxxxxxxxxx", 1, "10.1.1.7:50000", "-", "", "Local");
        l("02.107", "08C8881116H56738", 3, "10.1.1.9:41234", "-", "", "Local");
        l("02.108", "08C8881116H56739", 1, "10.1.1.8:41299", "-", "", "Remote");
        l("02.109", "xxxxxxxxxxxxxxxx", 1, "10.1.1.6:50001", "-", "", "Remote");
        QTemporaryDir dir;
        const auto store = loadText(dir, text);   // no header: found by shape
        QVERIFY(store);
        QCOMPARE(store->files.size(), 1);
        QCOMPARE(store->files[0].format, LogFormat::SmtpReceive);
        QVERIFY2(store->files[0].errors.isEmpty(), qPrintable(store->files[0].errors.value(0).message));
        QCOMPARE(store->sessions.size(), 4);
        const Session *a = byId(*store, QStringLiteral("08C8881116H56738"));
        QVERIFY(a);
        QCOMPARE(a->lineCount, 4);
        QCOMPARE(a->ehlo, QStringLiteral("app01.contoso.com"));
        QCOMPARE(store->sessionLines(*a).size(), 4);
        QVERIFY(byId(*store, QStringLiteral("08C8881116H56739")));
        const Session *x1 = byId(*store, QStringLiteral("xxxxxxxxxxxxxxxx"), 0);
        const Session *x2 = byId(*store, QStringLiteral("xxxxxxxxxxxxxxxx"), 1);
        QVERIFY(x1 && x2);
        QCOMPARE(x1->lineCount, 2);
        QCOMPARE(x2->lineCount, 2);
        QVERIFY(x1->remote != x2->remote);
        QCOMPARE(store->sessionLines(*x1).size(), 2);
        // `mwb stats` counts the same.
        const LoadCounts counts = Loader::countSync({dir.filePath(QStringLiteral("x.log"))});
        QCOMPARE(counts.sessions, qint64(4));
    }
    void sessionLinesAreReReadFromSpans()
    {
        const Session *s = byId(*m_all, QStringLiteral("08DC42C8FF236A1F"));
        QVERIFY(s);
        const QList<SessionLine> lines = m_all->sessionLines(*s);
        QCOMPARE(lines.size(), 22);
        QCOMPARE(lines.first().event, '+');
        QCOMPARE(lines.first().ref.line, qint64(6));
        QCOMPARE(lines.last().event, '-');
        QCOMPARE(lines[2].data, QStringLiteral("220 ex01.contoso.com Microsoft ESMTP MAIL Service ready at Wed, 13 Mar 2024 09:01:18 +0000"));
        QCOMPARE(lines[2].sequence, 2);
        const QString text = m_all->recordText(lines[2].ref);
        QVERIFY(text.startsWith(QLatin1String("2024-03-13T09:01:18.102Z,EX01\\Default Frontend EX01,08DC42C8FF236A1F,2,")));
    }
    void linesOutOfOrderAreSortedBySequence()
    {
        QTemporaryDir dir;
        QByteArray text = kHeader + line("00:00.000", 0, "+", "") + line("00:00.002", 2, "<", "EHLO a")
            + line("00:00.001", 1, ">", "220 ex01 ready") + line("00:00.003", 3, ">", "250 ex01 Hello [1.2.3.4] STARTTLS")
            + line("00:00.004", 4, "-", "", "Remote");
        const auto store = loadText(dir, text);
        QCOMPARE(store->sessions.size(), 1);
        QCOMPARE(store->sessions[0].greetingName, QStringLiteral("ex01"));
        QCOMPARE(store->sessions[0].capabilities, QStringList{QStringLiteral("STARTTLS")});
        const QList<SessionLine> lines = store->sessionLines(store->sessions[0]);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[1].sequence, 1);
        QCOMPARE(lines[1].ref.line, qint64(8));
    }
    void authNeverKeepsSecrets()
    {
        QTemporaryDir dir;
        QByteArray text = kHeader + line("00:00.000", 0, "+", "") + line("00:00.001", 1, ">", "220 ex01 ready")
            + line("00:00.002", 2, "<", "AUTH LOGIN dXNlcm5hbWU=") + line("00:00.003", 3, ">", "334 <authentication response>")
            + line("00:00.004", 4, "*", "", "User Name: user@contoso.com")
            + line("00:00.005", 5, "*", "", "Inbound AUTH LOGIN failed because of LogonDenied")
            + line("00:00.006", 6, ">", "535 5.7.3 Authentication unsuccessful") + line("00:00.007", 7, "-", "", "Remote");
        const auto store = loadText(dir, text);
        QCOMPARE(store->sessions.size(), 1);
        const Session &s = store->sessions[0];
        QCOMPARE(s.authMechanism, QStringLiteral("LOGIN"));
        QCOMPARE(s.authUser, QStringLiteral("user@contoso.com"));
        QVERIFY(s.authFailed);
        QCOMPARE(s.outcome, SessionOutcome::Rejected);
        const QStringList fields = {s.authMechanism, s.authUser, s.lastReply, s.ehlo, s.mailFrom, s.disconnectReason};
        for (const QString &f : fields)
            QVERIFY(!f.contains(QLatin1String("dXNlcm5hbWU=")));
    }
    void droppedWhenTheTransactionNeverEnds()
    {
        QTemporaryDir dir;
        QByteArray text = kHeader + line("00:00.000", 0, "+", "") + line("00:00.001", 1, ">", "220 ex01 ready")
            + line("00:00.002", 2, "<", "MAIL FROM:<a@b.c>") + line("00:00.003", 3, ">", "250 2.1.0 Sender OK")
            + line("00:00.004", 4, "<", "RCPT TO:<d@e.f>") + line("00:00.005", 5, ">", "250 2.1.5 Recipient OK")
            + line("00:00.006", 6, "<", "DATA") + line("00:00.007", 7, ">", "354 Start mail input; end with <CRLF>.<CRLF>")
            + line("00:30.007", 8, "-", "", "Remote(ConnectionReset)");
        const auto store = loadText(dir, text);
        QCOMPARE(store->sessions.size(), 1);
        QCOMPARE(store->sessions[0].outcome, SessionOutcome::Dropped);
        QCOMPARE(store->sessions[0].disconnectReason, QStringLiteral("Remote(ConnectionReset)"));
        QCOMPARE(store->sessions[0].maxGapMs, qint64(30000));
    }
    void capabilitiesKeepArguments()
    {
        QCOMPARE(parseCapabilities(QStringLiteral("SIZE 37748736 PIPELINING AUTH NTLM X-EXPS GSSAPI NTLM 8BITMIME X-ANONYMOUSTLS")),
                 (QStringList{QStringLiteral("SIZE 37748736"), QStringLiteral("PIPELINING"), QStringLiteral("AUTH NTLM"),
                              QStringLiteral("X-EXPS GSSAPI NTLM"), QStringLiteral("8BITMIME"), QStringLiteral("X-ANONYMOUSTLS")}));
    }

    void decodingIntoAReusedLineMatchesAFreshDecodeAndLeavesCopiesAlone()
    {
        // The loader decodes session after session into the same SessionLines (their strings keep
        // their buffers): each must read as a fresh decode, and a copy an observer kept must not
        // change when the buffer is decoded into again.
        const QByteArray text =
            "2024-03-13T09:01:18.100Z,EX01\\Default EX01,08DC42C8FF236A1F,3,10.0.0.5:25,10.0.0.9:4711,<,EHLO mail.contoso.com,\n"
            "2024-03-13T09:01:18.200Z,EX01\\Default EX01,08DC42C8FF236A1F,4,10.0.0.5:25,10.0.0.9:4711,*,,\n"
            "2024-03-13T09:01:18.300Z,EX01\\Default EX01,08DC42C8FF236A1F,5,10.0.0.5:25,10.0.0.9:4711,>,\"250 said \"\"hi\"\", ok\",context\n"
            "2024-03-13T09:01:18.400Z,EX01\\Default EX01,08DC42C8FF236A1F,6,10.0.0.5:25,10.0.0.9:4711,*,Grüße aus Köln,Zertifikat\n"
            "not a record at all\n";
        QList<QPair<qint64, qint32>> spans;
        for (qsizetype at = 0; at < text.size();) {
            const qsizetype end = text.indexOf('\n', at);
            spans << qMakePair(qint64(at), qint32(end - at));
            at = end + 1;
        }
        const ingest::ProtocolColumns cols;
        SessionLine reused;
        QList<SessionLine> kept;
        // Long first, then short, empty and non-ASCII fields, in both orders.
        const int order[] = {2, 0, 1, 3, 4, 3, 2, 1, 0};
        for (int k : order) {
            decodeSessionLineInto(reused, QByteArrayView(text), cols, spans[k].first, spans[k].second, k + 1, 0);
            const SessionLine fresh = decodeSessionLine(QByteArrayView(text), cols, spans[k].first, spans[k].second, k + 1, 0);
            QCOMPARE(reused.data, fresh.data);
            QCOMPARE(reused.context, fresh.context);
            QCOMPARE(reused.event, fresh.event);
            QCOMPARE(reused.sequence, fresh.sequence);
            QCOMPARE(reused.timeMs, fresh.timeMs);
            QCOMPARE(reused.ref.line, qint64(k + 1));
            kept << reused;
        }
        QCOMPARE(kept.at(0).data, QStringLiteral("250 said \"hi\", ok"));
        QCOMPARE(kept.at(0).context, QStringLiteral("context"));
        QCOMPARE(kept.at(1).data, QStringLiteral("EHLO mail.contoso.com"));
        QVERIFY(kept.at(2).data.isEmpty());
        QCOMPARE(kept.at(3).data, QStringLiteral("Grüße aus Köln"));
        QCOMPARE(kept.at(4).event, '*');   // the unreadable line: nothing of the previous one is left
        QVERIFY(kept.at(4).data.isEmpty());
        QVERIFY(kept.at(4).context.isEmpty());
        QCOMPARE(kept.at(4).timeMs, kNoTime);
    }

    void decodingFromTheRecordedDataStartGivesTheFullDecode()
    {
        // The observer's lines are decoded from ProtoLine::dataStart on (issue #6: each line split
        // once); every field must read exactly as a decode of the whole line gives it: quoted data
        // with commas and doubled quotes, empty and missing context, non-ASCII, '*' lines with text
        // in both columns, CRLF, and a file whose #Fields put the columns in another order (which
        // takes the full decode).
        const QByteArray standard =
            "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
            "#Date: 2024-03-13T09:00:00.000Z\r\n"
            "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n"
            "2024-03-13T09:01:18.000Z,EX01\\Default EX01,08DC42C8FF236A1F,0,10.0.0.5:25,10.0.0.9:4711,+,,\r\n"
            "2024-03-13T09:01:18.100Z,EX01\\Default EX01,08DC42C8FF236A1F,1,10.0.0.5:25,10.0.0.9:4711,>,\"220 mail.contoso.com ready at Wed, 11 Jan 2023 16:59:51 +0100\",\r\n"
            "2024-03-13T09:01:18.200Z,EX01\\Default EX01,08DC42C8FF236A1F,2,10.0.0.5:25,10.0.0.9:4711,<,EHLO mail.contoso.com,\r\n"
            "2024-03-13T09:01:18.300Z,EX01\\Default EX01,08DC42C8FF236A1F,3,10.0.0.5:25,10.0.0.9:4711,*,SMTPSubmit SMTPAcceptAnySender,Set Session Permissions\r\n"
            "2024-03-13T09:01:18.400Z,EX01\\Default EX01,08DC42C8FF236A1F,4,10.0.0.5:25,10.0.0.9:4711,*,,\"TLS protocol SP_PROT_TLS1_2_SERVER negotiation succeeded, strength 128 bits\"\r\n"
            "2024-03-13T09:01:18.500Z,EX01\\Default EX01,08DC42C8FF236A1F,5,10.0.0.5:25,10.0.0.9:4711,>,\"250 said \"\"hi\"\", ok\",\"ctx, with comma\"\r\n"
            "2024-03-13T09:01:18.600Z,EX01\\Default EX01,08DC42C8FF236A1F,6,10.0.0.5:25,10.0.0.9:4711,*,Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6" "ln,Zertifikat\r\n"
            "2024-03-13T09:01:18.700Z,EX01\\Default EX01,08DC42C8FF236A1F,7,10.0.0.5:25,10.0.0.9:4711,>,250 2.0.0 OK\r\n"
            "2024-03-13T09:01:18.800Z,EX01\\Default EX01,08DC42C8FF236A1F,,10.0.0.5:25,10.0.0.9:4711,-,,Local\n";
        const QByteArray reordered =
            "#Log-type: SMTP Receive Protocol Log\n"
            "#Fields: session-id,date-time,connector-id,sequence-number,local-endpoint,remote-endpoint,event,context,data\n"
            "08DC42C8FF236A1F,2024-03-13T09:01:18.000Z,EX01\\Default EX01,0,10.0.0.5:25,10.0.0.9:4711,+,ctx,\n"
            "08DC42C8FF236A1F,2024-03-13T09:01:18.100Z,EX01\\Default EX01,1,10.0.0.5:25,10.0.0.9:4711,>,\"a, b\",220 ready\n";
        int shortcutLines = 0;
        for (const QByteArray &text : {standard, reordered}) {
            const ingest::ParsedFile pf = ingest::parseBytes(FileBytes::fromBuffer(text), QStringLiteral("RECV.LOG"), {}, 0);
            QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
            QVERIFY(!pf.lines.empty());
            SessionLine reused;
            for (const ingest::ProtoLine &pl : pf.lines) {
                const ingest::ProtocolColumns cols = ingest::layoutAt(pf.layouts, pl.offset);
                if (pl.dataStart != ingest::ProtoLine::kNoDataStart && cols.time == 0)
                    ++shortcutLines;
                decodeProtoLineInto(reused, pf.bytes->view(), cols, pl, 0);
                const SessionLine full = decodeSessionLine(pf.bytes->view(), cols, pl.offset, pl.length, pl.line, 0);
                QCOMPARE(reused.data, full.data);
                QCOMPARE(reused.context, full.context);
                QCOMPARE(reused.event, full.event);
                QCOMPARE(reused.sequence, full.sequence);
                QCOMPARE(reused.timeMs, full.timeMs);
                QCOMPARE(reused.ref.line, full.ref.line);
                QCOMPARE(reused.ref.offset, full.ref.offset);
                QCOMPARE(reused.ref.length, full.ref.length);
            }
        }
        QCOMPARE(shortcutLines, 9);   // every line of the standard file took the shortcut
    }
};

QTEST_GUILESS_MAIN(TstSessionAssembly)
#include "tst_session_assembly.moc"
