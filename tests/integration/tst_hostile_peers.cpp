// Hostile peers against the real `mwb` binary (#29 points 2, 5 and 9): SMTP servers that send
// control characters, endless continuation lines, a 50 MB line, a slow drip, or close in the middle
// of STARTTLS; DNS servers that send control characters or truncated (TC) answers. The peers are
// python3 scripts on 127.0.0.1 (tests/integration/peers); `mwb` runs under run_measured.py, which
// reports its exit status, peak resident memory and wall time.
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kPeers = QStringLiteral(MWB_SOURCE_DIR "/tests/integration/peers/");

struct Measured {
    int rc = -1;
    qint64 maxRssKb = -1;
    qint64 wallMs = -1;
    QByteArray out;
    QByteArray err;
};

// Bytes a terminal would act on: C0 except TAB (and LF when allowed), DEL, C1 (as UTF-8), and
// the bidi overrides/isolates U+202A-U+202E, U+2066-U+2069 (as UTF-8).
QString firstRawControl(const QByteArray &out, bool allowLf = true)
{
    for (qsizetype i = 0; i < out.size(); ++i) {
        const quint8 c = quint8(out.at(i));
        if ((c < 0x20 && c != '\t' && !(c == '\n' && allowLf)) || c == 0x7f)
            return QStringLiteral("byte 0x%1 at %2").arg(c, 2, 16, QLatin1Char('0')).arg(i);
        if (c == 0xc2 && i + 1 < out.size() && quint8(out.at(i + 1)) >= 0x80 && quint8(out.at(i + 1)) <= 0x9f)
            return QStringLiteral("C1 control at %1").arg(i);
        if (c == 0xe2 && i + 2 < out.size()) {
            const quint8 b1 = quint8(out.at(i + 1)), b2 = quint8(out.at(i + 2));
            if ((b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9))
                return QStringLiteral("bidi control at %1").arg(i);
        }
    }
    return {};
}

} // namespace

class TestHostilePeers : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QList<QProcess *> m_peers;
    qint64 m_baselineRssKb = -1;

    // Starts a peer script and returns its port (0 on failure).
    quint16 startPeer(const QString &script, const QString &mode)
    {
        auto *p = new QProcess(this);
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start(QStringLiteral("python3"), {kPeers + script, mode});
        m_peers.append(p);
        if (!p->waitForStarted(10000))
            return 0;
        while (!p->canReadLine()) {
            if (!p->waitForReadyRead(10000))
                return 0;
        }
        return quint16(p->readLine().trimmed().toUInt());
    }

    Measured runMwb(const QStringList &args, int limitMs = 120000)
    {
        static int n = 0;
        const QString outPath = m_dir.filePath(QStringLiteral("out-%1.txt").arg(++n));
        QProcess p;
#ifdef MWB_SANITIZED
        // ASan keeps freed blocks in a quarantine (256 MB by default) that counts as resident: turn
        // it off so the peak is what mwb itself holds on to.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":quarantine_size_mb=0"));
        p.setProcessEnvironment(env);
#endif
        p.start(QStringLiteral("python3"), QStringList{kPeers + QStringLiteral("run_measured.py"), outPath, QStringLiteral("--"),
                                                       QStringLiteral(MWB_CLI_PATH)} + args);
        Measured m;
        if (!p.waitForStarted(10000))
            return m;
        if (!p.waitForFinished(limitMs)) {
            p.kill();
            p.waitForFinished(5000);
            return m;
        }
        m.err = p.readAllStandardError();
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        m.rc = o.value(QStringLiteral("rc")).toInt(-1);
        m.maxRssKb = o.value(QStringLiteral("maxrss_kb")).toInteger(-1);
        m.wallMs = o.value(QStringLiteral("wall_ms")).toInteger(-1);
        QFile f(outPath);
        if (f.open(QIODevice::ReadOnly))
            m.out = f.readAll();
        return m;
    }

    // Peak memory allowed for `mwb probe` against a hostile peer: 64 MB, plus (under ASan, whose
    // shadow memory and quarantine cost a fixed amount) whatever the same probe of a well-behaved
    // peer needs above what a release build needs.
    qint64 rssLimitKb() const
    {
#ifdef MWB_SANITIZED
        return m_baselineRssKb + 32 * 1024;
#else
        return 64 * 1024;
#endif
    }

private slots:
    void initTestCase()
    {
        if (!fixtures::have(QStringLiteral("python3")))
            QSKIP("python3 is not installed");
        QVERIFY(m_dir.isValid());
        // Baseline: a probe that sees control characters but nothing oversized.
        const quint16 port = startPeer(QStringLiteral("hostile_smtp_peer.py"), QStringLiteral("controls"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"),
                                   QStringLiteral("20")});
        QVERIFY2(m.maxRssKb > 0, m.err.constData());
        m_baselineRssKb = m.maxRssKb;
        qInfo("baseline mwb probe peak RSS: %lld kB", m_baselineRssKb);
    }

    void cleanupTestCase()
    {
        for (QProcess *p : std::as_const(m_peers)) {
            p->kill();
            p->waitForFinished(5000);
        }
    }

    // --- #29.2: nothing a peer sends reaches the terminal as a control character ---------------

    void probeTextOutputShowsPeerControlCharactersVisibly()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_smtp_peer.py"), QStringLiteral("controls"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"),
                                   QStringLiteral("20")});
        QCOMPARE(m.rc, 0);
        const QString raw = firstRawControl(m.out);
        QVERIFY2(raw.isEmpty(), qPrintable(raw + QStringLiteral(" in:\n") + QString::fromUtf8(m.out)));
        QVERIFY2(m.out.contains("\\x1b]0;pwned\\x07"), m.out.constData());         // title change, visible
        QVERIFY(m.out.contains("\\x1b]8;;https://evil.example/\\x1b\\click"));       // OSC 8 hyperlink, visible
        QVERIFY(m.out.contains("\\x00\\x08\\x08XX\\x0d"));                              // NUL, backspace, CR
        QVERIFY(m.out.contains("\\x9b31m") && m.out.contains("\\u202e"));             // C1 CSI, RLO
        // JSON keeps the exact text (escaped by JSON itself).
        const Measured j = runMwb({QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"),
                                   QStringLiteral("20"), QStringLiteral("--json")});
        QCOMPARE(j.rc, 0);
        const QString rawJson = firstRawControl(j.out);
        QVERIFY2(rawJson.isEmpty(), qPrintable(rawJson));
        const QString banner = QJsonDocument::fromJson(j.out).object().value(QStringLiteral("banner")).toString();
        QVERIFY2(banner.contains(QStringLiteral("\x1b]0;pwned\x07")), qPrintable(banner));
        QVERIFY(banner.contains(QChar(0x9b)) && banner.contains(QChar(0x202e)));  // \u escapes, same value
    }

    void dnsTextOutputShowsResolverControlCharactersVisibly()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_dns_peer.py"), QStringLiteral("controls"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("dns"), QStringLiteral("example.test"), QStringLiteral("--resolver"),
                                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"), QStringLiteral("5")});
        const QString raw = firstRawControl(m.out);
        QVERIFY2(raw.isEmpty(), qPrintable(raw + QStringLiteral(" in:\n") + QString::fromUtf8(m.out)));
        QVERIFY2(m.out.contains("SPF v=spf1 ip4:192.0.2.0/24 \\x1b]0;pwned\\x07\\x1b[2J\\x00\\x08\\u202e -all"), m.out.constData());
        QVERIFY(m.out.contains("MX 10 mx\\x1b[2J\\x07.example.test"));
    }

    void analyzeTextOutputShowsControlCharactersInPathsAndLogsVisibly()
    {
        // A folder and a file whose names carry a title change and a screen clear, and a log whose
        // server name does too: all of it is printed by the text summary.
        const QString folder = m_dir.filePath(QStringLiteral("logs\x1b]0;pwned\x07"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/EX\x1b[2J01")));
        QFile log(folder + QStringLiteral("/EX\x1b[2J01/RECV\x1b[31m2026112008-1.LOG"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
                  "#Date: 2026-11-20T08:00:26.050Z\r\n"
                  "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n"
                  "2026-11-20T08:00:26.050Z,EX\x1b]0;x\x07" "01\\Default EX01,08DF419FC0AC690B,0,10.0.0.5:25,203.0.113.9:50000,+,,\r\n"
                  "2026-11-20T08:00:26.060Z,EX\x1b]0;x\x07" "01\\Default EX01,08DF419FC0AC690B,1,10.0.0.5:25,203.0.113.9:50000,<,"
                  "EHLO evil\x1b[2J\x08,\r\n"
                  "2026-11-20T08:00:26.070Z,EX\x1b]0;x\x07" "01\\Default EX01,08DF419FC0AC690B,2,10.0.0.5:25,203.0.113.9:50000,>,"
                  "550 5.7.1 Unable to relay \x1b]8;;https://evil.example/\x1b\\x,\r\n"
                  "2026-11-20T08:00:26.080Z,EX\x1b]0;x\x07" "01\\Default EX01,08DF419FC0AC690B,3,10.0.0.5:25,203.0.113.9:50000,-,,Local\r\n"
                  "not a log line \x1b[2J\x07\x00 at all\r\n");
        log.close();
        const Measured m = runMwb({QStringLiteral("analyze"), folder});
        QVERIFY2(m.rc == 0 || m.rc == 3, m.err.constData());
        const QString raw = firstRawControl(m.out);
        QVERIFY2(raw.isEmpty(), qPrintable(raw + QStringLiteral(" in:\n") + QString::fromUtf8(m.out)));
        QVERIFY2(m.out.contains("logs\\x1b]0;pwned\\x07/EX\\x1b[2J01/RECV\\x1b[31m2026112008-1.LOG"), m.out.constData());
    }

    // --- #29.5: bounded memory and a hard wall-clock limit ------------------------------------

    void probeAgainstEndlessContinuationStaysBoundedAndEndsInTime()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_smtp_peer.py"), QStringLiteral("endless"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"),
                                   QStringLiteral("5")});
        QCOMPARE(m.rc, 1);
        QVERIFY2(m.wallMs >= 0 && m.wallMs <= 5000 + 1000, qPrintable(QString::number(m.wallMs)));
        QVERIFY2(m.maxRssKb > 0 && m.maxRssKb < rssLimitKb(),
                 qPrintable(QStringLiteral("%1 kB (limit %2 kB)").arg(m.maxRssKb).arg(rssLimitKb())));
        QVERIFY2(m.out.contains("more than 256 lines"), m.out.constData());
    }

    void probeAgainstFiftyMegabyteLineStaysBounded()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_smtp_peer.py"), QStringLiteral("bigline"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"),
                                   QStringLiteral("10")});
        QCOMPARE(m.rc, 1);
        QVERIFY2(m.wallMs >= 0 && m.wallMs <= 10000 + 1000, qPrintable(QString::number(m.wallMs)));
        QVERIFY2(m.maxRssKb > 0 && m.maxRssKb < rssLimitKb(),
                 qPrintable(QStringLiteral("%1 kB (limit %2 kB)").arg(m.maxRssKb).arg(rssLimitKb())));
        QVERIFY2(m.out.contains("more than 8 MiB"), m.out.constData());
    }

    void probeAgainstSlowDripEndsAtItsTimeout()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_smtp_peer.py"), QStringLiteral("drip"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"),
                                   QStringLiteral("3")});
        QCOMPARE(m.rc, 1);
        // Within --timeout + max(10 %, 1 s), the whole process (start-up included).
        QVERIFY2(m.wallMs >= 0 && m.wallMs <= 3000 + 1000, qPrintable(QString::number(m.wallMs)));
        QVERIFY2(m.out.contains("time limit of 3 s"), m.out.constData());
    }

    void probeSurvivesCloseDuringStarttls()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_smtp_peer.py"), QStringLiteral("starttls-close"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--starttls"),
                                   QStringLiteral("--timeout"), QStringLiteral("10")});
        QCOMPARE(m.rc, 1);
        QVERIFY2(m.wallMs >= 0 && m.wallMs < 10000, qPrintable(QString::number(m.wallMs)));
        QVERIFY2(m.out.contains("FAIL STARTTLS"), m.out.constData());
        QVERIFY(m.out.contains("TLS was not established"));
    }

    // --- #29.9: truncated DNS answers --------------------------------------------------------

    void dnsTruncatedAnswerIsRetriedOverTcp()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_dns_peer.py"), QStringLiteral("tc-tcp-ok"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("dns"), QStringLiteral("example.test"), QStringLiteral("--resolver"),
                                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"), QStringLiteral("5")});
        QVERIFY2(m.rc == 0, m.out.constData());
        QVERIFY2(m.out.contains("SPF v=spf1 ip4:192.0.2.0/24 include:spf.example.test -all"), m.out.constData());
        QVERIFY(m.out.contains("MX 10 mx1.example.test 192.0.2.25"));
        QVERIFY(m.out.contains("DMARC v=DMARC1; p=reject"));
    }

    void dnsAnswerThatStaysTruncatedIsReportedAndExits1()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_dns_peer.py"), QStringLiteral("tc-tcp-fail"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("dns"), QStringLiteral("example.test"), QStringLiteral("--resolver"),
                                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(m.rc, 1);
        QVERIFY2(m.out.contains("example.test: the answer was truncated (TC) over UDP and the retry over TCP"), m.out.constData());
        QVERIFY(!m.out.contains("SPF "));
        const Measured j = runMwb({QStringLiteral("dns"), QStringLiteral("example.test"), QStringLiteral("--resolver"),
                                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"), QStringLiteral("5"),
                                   QStringLiteral("--json")});
        QCOMPARE(j.rc, 1);
        const QJsonArray errors = QJsonDocument::fromJson(j.out).object().value(QStringLiteral("errors")).toArray();
        QVERIFY(!errors.isEmpty());
        QVERIFY(errors.first().toString().contains(QStringLiteral("truncated")));
    }

    void dnsTimeoutIsAHardLimit()
    {
        const quint16 port = startPeer(QStringLiteral("hostile_dns_peer.py"), QStringLiteral("silent"));
        QVERIFY(port > 0);
        const Measured m = runMwb({QStringLiteral("dns"), QStringLiteral("example.test"), QStringLiteral("--resolver"),
                                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(m.rc, 1);
        QVERIFY2(m.wallMs >= 0 && m.wallMs <= 2000 + 1000, qPrintable(QString::number(m.wallMs)));
        QVERIFY2(m.out.contains("no answer from 127.0.0.1:") || m.out.contains("time limit of 2 s"), m.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestHostilePeers)
#include "tst_hostile_peers.moc"
