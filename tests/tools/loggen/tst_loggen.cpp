// Tests of mwb-loggen: they run the real program (bounded waits) and check what it wrote against
// the shapes of real Exchange files and against its own manifest.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Splits one CSV line the way Exchange writes it (quotes only around fields with commas/quotes).
QStringList splitCsv(const QString &line, bool *sawNeedlessQuotes = nullptr)
{
    QStringList out;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"' && field.isEmpty()) {
            quoted = true;
            wasQuoted = true;
        } else if (c == ',') {
            if (wasQuoted && sawNeedlessQuotes && !field.contains(',') && !field.contains('"'))
                *sawNeedlessQuotes = true;
            out << field;
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    if (wasQuoted && sawNeedlessQuotes && !field.contains(',') && !field.contains('"'))
        *sawNeedlessQuotes = true;
    out << field;
    return out;
}

struct Run {
    int exitCode = -1;
    QString stderrText;
};

Run runLoggen(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(MWB_LOGGEN_EXE), args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.stderrText = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QMap<QString, QByteArray> hashTree(const QString &root)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out.insert(QDir(root).relativeFilePath(path), QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

QStringList filesMatching(const QString &root, const QString &pattern)
{
    QStringList out;
    QDirIterator it(root, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

QStringList readCrlfLines(const QString &path, bool *onlyCrlf = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = f.readAll();
    if (onlyCrlf)
        *onlyCrlf = data.count('\n') == data.count("\r\n") && data.endsWith("\r\n");
    QStringList lines = QString::fromUtf8(data).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QJsonObject readManifest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QStringList allRules()
{
    return {"smtp-data-not-terminated", "tls-subject-mismatch", "tls-certificate-not-found", "starttls-required",
            "exchange-auth-failed", "dns-prx2", "dns-query-failed", "no-matching-connector", "blocklisted",
            "relay-denied", "auth-failed", "recipient-unknown", "message-too-large", "queue-expired",
            "message-delayed", "session-idle-gap", "session-unused", "connection-dropped", "message-hop-missing"};
}

} // namespace

class tst_loggen : public QObject {
    Q_OBJECT

private slots:
    void sameSeedWritesIdenticalBytes();
    void differentSeedsWriteDifferentLogs();
    void protocolLogsHaveExchangeHeaderAndNineFields();
    void protocolLogsQuoteOnlyFieldsWithCommas();
    void sessionsAreInterleavedAndCrossHourlyFiles();
    void trackingColumnsMatchFieldsPerVersion_data();
    void trackingColumnsMatchFieldsPerVersion();
    void exchange2010LogsMultiLineEhloAndSeparateCertificateLines();
    void exoSummaryIsUtf16LeWithoutBom();
    void getMessageTraceIsQuotedUtf8WithBom();
    void everyFaultRuleProducesItsManifestEntry_data();
    void everyFaultRuleProducesItsManifestEntry();
    void healthyOnlyHasNoErrorRepliesDropsOrDelays();
    void manifestCountsMatchTheFiles();
    void trackingSourceContextPointsAtProtocolSession();
    void messageJourneyCrossesThreeServers();
    void targetBytesReachesSessionDensity();
    void badArgumentsExitTwoWithUsage();
    void bundledSamplesAreReproducible();
    void unusualServerSetsSkipImpossibleFaultsWithoutCrashing_data();
    void unusualServerSetsSkipImpossibleFaultsWithoutCrashing();
    void unwritableOutputFailsWithMessage();
    void repeatedFaultsRotateThroughVariants();
};

void tst_loggen::sameSeedWritesIdenticalBytes()
{
    QTemporaryDir a, b;
    QVERIFY(a.isValid() && b.isValid());
    const QStringList common{"--seed", "42", "--sessions", "250", "--fault", "blocklisted", "--fault", "queue-expired"};
    QCOMPARE(runLoggen(QStringList{"--out", a.path(), "--manifest", a.filePath("m.json")} + common).exitCode, 0);
    QCOMPARE(runLoggen(QStringList{"--out", b.path(), "--manifest", b.filePath("m.json")} + common).exitCode, 0);
    const auto ha = hashTree(a.path());
    const auto hb = hashTree(b.path());
    QVERIFY(ha.size() > 10);
    QCOMPARE(ha.keys(), hb.keys());
    for (auto it = ha.cbegin(); it != ha.cend(); ++it)
        QVERIFY2(it.value() == hb.value(it.key()), qPrintable(it.key()));
}

void tst_loggen::differentSeedsWriteDifferentLogs()
{
    QTemporaryDir a, b;
    QCOMPARE(runLoggen({"--out", a.path(), "--seed", "1", "--sessions", "60"}).exitCode, 0);
    QCOMPARE(runLoggen({"--out", b.path(), "--seed", "2", "--sessions", "60"}).exitCode, 0);
    const auto ha = hashTree(a.path());
    const auto hb = hashTree(b.path());
    const QString key = QStringLiteral("EX01/MessageTracking/MSGTRK2026112008-1.LOG");
    QVERIFY(ha.contains(key) && hb.contains(key));
    QVERIFY(ha.value(key) != hb.value(key));
}

void tst_loggen::protocolLogsHaveExchangeHeaderAndNineFields()
{
    QTemporaryDir d;
    QStringList args{"--out", d.path(), "--sessions", "200"};
    for (const QString &r : allRules())
        args << "--fault" << r;
    QCOMPARE(runLoggen(args).exitCode, 0);
    const QStringList files = filesMatching(d.path(), "*.LOG");
    const QRegularExpression name("/(RECV|SEND)\\d{10}-\\d+\\.LOG$");
    const QRegularExpression time("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$");
    const QRegularExpression sessionId("^08[0-9A-F]{14}$");
    int protocolFiles = 0;
    for (const QString &path : files) {
        if (!name.match(path).hasMatch())
            continue;
        ++protocolFiles;
        bool crlf = false;
        const QStringList lines = readCrlfLines(path, &crlf);
        QVERIFY2(crlf, qPrintable(path));
        QVERIFY(lines.size() > 5);
        QCOMPARE(lines[0], QStringLiteral("#Software: Microsoft Exchange Server"));
        QCOMPARE(lines[1], QStringLiteral("#Version: 15.0.0.0"));
        QVERIFY(lines[2] == "#Log-type: SMTP Receive Protocol Log" || lines[2] == "#Log-type: SMTP Send Protocol Log");
        QCOMPARE(path.contains("/RECV"), lines[2].contains("Receive"));
        QVERIFY(lines[3].startsWith("#Date: 20"));
        QCOMPARE(lines[4], QStringLiteral("#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,"
                                          "remote-endpoint,event,data,context"));
        for (qsizetype i = 5; i < lines.size(); ++i) {
            const QStringList f = splitCsv(lines[i]);
            QVERIFY2(f.size() == 9, qPrintable(path + ":" + QString::number(i + 1) + " " + lines[i]));
            QVERIFY2(time.match(f[0]).hasMatch(), qPrintable(lines[i]));
            QVERIFY2(sessionId.match(f[2]).hasMatch(), qPrintable(lines[i]));
            QVERIFY2(QStringLiteral("+-<>*").contains(f[6]) && f[6].size() == 1, qPrintable(lines[i]));
            // Receive connectors carry the server name; Send connectors do not.
            if (path.contains("/RECV"))
                QVERIFY2(f[1].contains('\\'), qPrintable(lines[i]));
            QVERIFY2(!f[7].contains(QStringLiteral("AUTH PLAIN ")), "no credentials in logs");
        }
    }
    QVERIFY(protocolFiles >= 8);
}

void tst_loggen::protocolLogsQuoteOnlyFieldsWithCommas()
{
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "150"}).exitCode, 0);
    int quotedLines = 0;
    int packedCertLines = 0;
    int ehloOneLine = 0;
    int queuedReplies = 0;
    for (const QString &path : filesMatching(d.path(), "RECV*.LOG") + filesMatching(d.path(), "SEND*.LOG")) {
        const QStringList lines = readCrlfLines(path);
        for (qsizetype i = 5; i < lines.size(); ++i) {
            bool needless = false;
            const QStringList f = splitCsv(lines[i], &needless);
            QVERIFY2(!needless, qPrintable(lines[i]));
            if (lines[i].contains('"'))
                ++quotedLines;
            if (f[6] == "*" && f[7].startsWith(' ') && f[8].startsWith("Sending certificate Subject Issuer name"))
                ++packedCertLines;
            if (f[6] == ">" && f[7].startsWith("250  ") && f[7].contains(" Hello ["))
                ++ehloOneLine;
            if (f[7].startsWith("250 2.6.0 <")) {
                QVERIFY2(QRegularExpression("^250 2\\.6\\.0 <[^>]+> \\[InternalId=\\d+, Hostname=[^\\]]+\\] \\d+ bytes in "
                                            "\\d+\\.\\d{3}, \\d+,\\d{3} KB/sec Queued mail for delivery$")
                             .match(f[7])
                             .hasMatch(),
                         qPrintable(f[7]));
                ++queuedReplies;
            }
        }
    }
    QVERIFY(quotedLines > 10);
    QVERIFY(packedCertLines > 5);
    QVERIFY(ehloOneLine > 10);
    QVERIFY(queuedReplies > 10);
}

void tst_loggen::sessionsAreInterleavedAndCrossHourlyFiles()
{
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "400", "--start", "2026-11-20T07:57:00Z", "--max-file-bytes",
                        "64K", "--healthy-only"})
                 .exitCode,
             0);
    const QStringList recv = filesMatching(d.path() + "/EDGE01", "RECV*.LOG");
    QVERIFY(recv.size() >= 3);
    QVERIFY(recv.first().endsWith("RECV2026112007-1.LOG"));
    QVERIFY(std::any_of(recv.begin(), recv.end(), [](const QString &p) { return p.endsWith("RECV2026112007-2.LOG"); }));
    QVERIFY(std::any_of(recv.begin(), recv.end(), [](const QString &p) { return p.endsWith("RECV2026112008-1.LOG"); }));
    QHash<QString, QSet<QString>> filesOfSession;
    int switches = 0;
    for (const QString &path : recv) {
        const QStringList lines = readCrlfLines(path);
        QString previous;
        for (qsizetype i = 5; i < lines.size(); ++i) {
            const QString id = splitCsv(lines[i]).value(2);
            filesOfSession[id].insert(path);
            if (!previous.isEmpty() && id != previous)
                ++switches;
            previous = id;
        }
    }
    int crossing = 0;
    for (const auto &set : filesOfSession)
        crossing += set.size() > 1 ? 1 : 0;
    QVERIFY2(crossing >= 1, "a session continues in the next file");
    // Interleaved: far more switches between sessions than sessions.
    QVERIFY2(switches > filesOfSession.size() * 1.2, qPrintable(QString::number(switches)));
}

void tst_loggen::trackingColumnsMatchFieldsPerVersion_data()
{
    QTest::addColumn<int>("exchange");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("protocolVersion");
    QTest::newRow("2010") << 2010 << 26 << "14.0.0.0";
    QTest::newRow("2013") << 2013 << 27 << "15.0.0.0";
    QTest::newRow("2016") << 2016 << 30 << "15.0.0.0";
    QTest::newRow("2019") << 2019 << 30 << "15.0.0.0";
}

void tst_loggen::trackingColumnsMatchFieldsPerVersion()
{
    QFETCH(int, exchange);
    QFETCH(int, columns);
    QFETCH(QString, protocolVersion);
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "120", "--exchange", QString::number(exchange), "--fault",
                        "recipient-unknown", "--fault", "exchange-auth-failed"})
                 .exitCode,
             0);
    const QStringList files = filesMatching(d.path(), "MSGTRK*.LOG");
    QVERIFY(!files.isEmpty());
    int rows = 0;
    for (const QString &path : files) {
        const QStringList lines = readCrlfLines(path);
        QCOMPARE(lines.value(2), QStringLiteral("#Log-type: Message Tracking Log"));
        QVERIFY(lines.value(4).startsWith("#Fields: date-time,client-ip,client-hostname,server-ip"));
        const QStringList fields = lines.value(4).mid(9).split(',');
        QCOMPARE(fields.size(), columns);
        QCOMPARE(fields.contains("network-message-id"), exchange >= 2013);
        QCOMPARE(fields.contains("schema-version"), exchange >= 2016);
        const qsizetype addr = fields.indexOf("recipient-address");
        const qsizetype status = fields.indexOf("recipient-status");
        const qsizetype count = fields.indexOf("recipient-count");
        for (qsizetype i = 5; i < lines.size(); ++i) {
            const QStringList f = splitCsv(lines[i]);
            QVERIFY2(f.size() == columns, qPrintable(lines[i]));
            const int recipients = f[addr].split(';').size();
            QCOMPARE(f[count].toInt(), recipients);
            // Aligned with the addresses; FAIL/DEFER texts may themselves contain ';' as in real logs
            // ("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found"), so only plain statuses are counted.
            if (!f[status].isEmpty() && f[status].count(QStringLiteral("250 2.1.5")) > 0)
                QCOMPARE(f[status].split(';').size(), recipients);
            ++rows;
        }
    }
    QVERIFY(rows > 20);
    const QStringList protocol = filesMatching(d.path(), "RECV*.LOG");
    QVERIFY(!protocol.isEmpty());
    QCOMPARE(readCrlfLines(protocol.first()).value(1), "#Version: " + protocolVersion);
    if (exchange == 2010)
        QVERIFY(QFileInfo::exists(d.path() + "/EX01/ProtocolLog/SmtpReceive"));
    else
        QVERIFY(QFileInfo::exists(d.path() + "/EX01/FrontEnd/ProtocolLog/SmtpReceive"));
}

void tst_loggen::exchange2010LogsMultiLineEhloAndSeparateCertificateLines()
{
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "80", "--exchange", "2010"}).exitCode, 0);
    int continuation = 0, finalLine = 0, subjectLines = 0, packed = 0;
    for (const QString &path : filesMatching(d.path(), "RECV*.LOG")) {
        const QStringList lines = readCrlfLines(path);
        for (qsizetype i = 5; i < lines.size(); ++i) {
            const QStringList f = splitCsv(lines[i]);
            if (f[6] == ">" && f[7].startsWith("250-"))
                ++continuation;
            if (f[6] == ">" && f[7] == "250 XRDST")
                ++finalLine;
            if (f[6] == "*" && f[8] == "Certificate subject")
                ++subjectLines;
            if (f[8].startsWith("Sending certificate Subject"))
                ++packed;
        }
    }
    QVERIFY(continuation > 20);
    QVERIFY(finalLine > 2);
    QVERIFY(subjectLines > 2);
    QCOMPARE(packed, 0);
}

void tst_loggen::exoSummaryIsUtf16LeWithoutBom()
{
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "150"}).exitCode, 0);
    QFile f(d.path() + "/EXO/MessageTrace_summary.csv");
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray raw = f.readAll();
    QVERIFY(raw.size() > 200);
    QCOMPARE(raw.size() % 2, 0);
    QVERIFY(!raw.startsWith("\xFF\xFE"));
    QCOMPARE(raw.at(0), '"');
    QCOMPARE(raw.at(1), '\0');
    const QString text = QString::fromUtf16(reinterpret_cast<const char16_t *>(raw.constData()), raw.size() / 2);
    const QStringList lines = text.split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(splitCsv(lines.first()),
             QStringList({"origin_timestamp_utc", "sender_address", "recipient_status", "message_subject",
                          "total_bytes", "message_id", "network_message_id", "original_client_ip", "directionality",
                          "connector_id", "delivery_priority"}));
    QVERIFY(lines.size() > 5);
    const QRegularExpression ts("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z$");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList row = splitCsv(lines[i]);
        QCOMPARE(row.size(), 11);
        QVERIFY2(ts.match(row[0]).hasMatch(), qPrintable(row[0]));
        QVERIFY2(row[2].contains("##Receive, "), qPrintable(row[2]));
    }
}

void tst_loggen::getMessageTraceIsQuotedUtf8WithBom()
{
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "150"}).exitCode, 0);
    QFile f(d.path() + "/EXO/get-messagetrace.csv");
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray raw = f.readAll();
    QVERIFY(raw.startsWith("\xEF\xBB\xBF\"PSComputerName\""));
    const QStringList lines = QString::fromUtf8(raw.mid(3)).split("\r\n", Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 5);
    const qsizetype columns = splitCsv(lines.first()).size();
    for (const QString &line : lines) {
        QVERIFY(line.startsWith('"') && line.endsWith('"'));
        QCOMPARE(splitCsv(line).size(), columns);
        QCOMPARE(line.count(QStringLiteral("\",\"")), columns - 1);
    }
}

void tst_loggen::everyFaultRuleProducesItsManifestEntry_data()
{
    QTest::addColumn<QString>("rule");
    for (const QString &r : allRules())
        QTest::newRow(qPrintable(r)) << r;
}

void tst_loggen::everyFaultRuleProducesItsManifestEntry()
{
    QFETCH(QString, rule);
    QTemporaryDir d;
    const QString manifest = d.filePath("manifest.json");
    QCOMPARE(runLoggen({"--out", d.filePath("logs"), "--sessions", "40", "--fault", rule, "--manifest", manifest}).exitCode, 0);
    const QJsonObject m = readManifest(manifest);
    const QJsonArray faults = m.value("faults").toArray();
    QCOMPARE(faults.size(), 1);
    const QJsonObject fault = faults.first().toObject();
    QCOMPARE(fault.value("rule").toString(), rule);
    const QJsonArray sessions = fault.value("sessions").toArray();
    const QJsonArray messages = fault.value("messageIds").toArray();
    QVERIFY(!sessions.isEmpty() || !messages.isEmpty());
    QVERIFY(!fault.value("servers").toArray().isEmpty());
    // Every listed session id is in that server's protocol logs; every message id in its tracking logs.
    for (const QJsonValue &v : sessions) {
        const QJsonObject s = v.toObject();
        bool found = false;
        const QString server = s.value("server").toString();
        QVERIFY(fault.value("servers").toArray().contains(server));
        for (const QString &path : filesMatching(d.filePath("logs") + "/" + server, "*.LOG")) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains("," + s.value("id").toString().toLatin1() + ",")) {
                found = true;
                break;
            }
        }
        QVERIFY2(found, qPrintable(s.value("id").toString()));
    }
    for (const QJsonValue &v : messages) {
        bool found = false;
        for (const QString &path : filesMatching(d.filePath("logs"), "MSGTRK*.LOG")) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(v.toString().toUtf8())) {
                found = true;
                break;
            }
        }
        QVERIFY2(found, qPrintable(v.toString()));
    }
}

void tst_loggen::healthyOnlyHasNoErrorRepliesDropsOrDelays()
{
    QTemporaryDir d;
    const QString manifest = d.filePath("m.json");
    QCOMPARE(runLoggen({"--out", d.filePath("logs"), "--sessions", "1500", "--healthy-only", "--manifest", manifest}).exitCode, 0);
    QVERIFY(readManifest(manifest).value("faults").toArray().isEmpty());
    const QRegularExpression errorReply("^[45]\\d\\d[ -]");
    int lines = 0;
    for (const QString &path : filesMatching(d.filePath("logs"), "*.LOG")) {
        const QStringList all = readCrlfLines(path);
        const bool tracking = path.contains("/MSGTRK");
        const QStringList fields = all.value(4).mid(9).split(',');
        const qsizetype event = fields.indexOf("event-id");
        const qsizetype status = fields.indexOf("recipient-status");
        QHash<QString, qint64> lastTime;
        for (qsizetype i = 5; i < all.size(); ++i) {
            const QStringList f = splitCsv(all[i]);
            ++lines;
            if (tracking) {
                QVERIFY2(f[event] != "FAIL" && f[event] != "DEFER", qPrintable(all[i]));
                QVERIFY2(!errorReply.match(f[status]).hasMatch(), qPrintable(all[i]));
                continue;
            }
            if (f[6] == ">" || f[6] == "<")
                QVERIFY2(!errorReply.match(f[7]).hasMatch(), qPrintable(path + ": " + all[i]));
            if (f[6] == "-")
                QVERIFY2(f[8] == "Local", qPrintable(all[i]));
            // No long silences inside a session.
            const qint64 t = QDateTime::fromString(f[0], Qt::ISODateWithMs).toMSecsSinceEpoch();
            if (lastTime.contains(f[2]))
                QVERIFY2(t - lastTime.value(f[2]) < 30000, qPrintable(all[i]));
            lastTime.insert(f[2], t);
        }
    }
    QVERIFY(lines > 10000);
}

void tst_loggen::manifestCountsMatchTheFiles()
{
    QTemporaryDir d;
    const QString manifest = d.filePath("m.json");
    QCOMPARE(runLoggen({"--out", d.filePath("logs"), "--sessions", "300", "--manifest", manifest}).exitCode, 0);
    const QJsonObject m = readManifest(manifest);
    const QJsonArray files = m.value("files").toArray();
    QVERIFY(files.size() >= 17);
    QSet<QString> sessionKeys;
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        const QString path = d.filePath("logs") + "/" + f.value("path").toString();
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QCOMPARE(QFileInfo(path).size(), f.value("bytes").toInteger());
        const QString format = f.value("format").toString();
        if (format.startsWith("exo") || format.startsWith("ems"))
            continue;   // exports: no five header lines (their rows are checked by tst_loggen_roundtrip)
        const QStringList lines = readCrlfLines(path);
        QCOMPARE(lines.size() - 5, f.value("dataLines").toInteger());
        if (format == "smtp-receive" || format == "smtp-send")
            for (qsizetype i = 5; i < lines.size(); ++i)
                sessionKeys.insert(f.value("server").toString() + "/" + splitCsv(lines[i]).value(2));
    }
    QCOMPARE(sessionKeys.size(), m.value("totals").toObject().value("sessions").toInteger());
    QVERIFY(m.value("totals").toObject().value("messages").toInteger() > 50);
}

void tst_loggen::trackingSourceContextPointsAtProtocolSession()
{
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "200", "--healthy-only"}).exitCode, 0);
    const QRegularExpression ref("^(08[0-9A-F]{14});(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z);(\\d+)$");
    int linked = 0;
    for (const QString &server : QStringList{"EX01", "EX02", "EDGE01"}) {
        QSet<QString> receiveIds;
        for (const QString &path : filesMatching(d.path() + "/" + server, "RECV*.LOG")) {
            const QStringList lines = readCrlfLines(path);
            for (qsizetype i = 5; i < lines.size(); ++i)
                receiveIds.insert(splitCsv(lines[i]).value(2));
        }
        for (const QString &path : filesMatching(d.path() + "/" + server, "MSGTRK*.LOG")) {
            const QStringList lines = readCrlfLines(path);
            for (qsizetype i = 5; i < lines.size(); ++i) {
                const QStringList f = splitCsv(lines[i]);
                if (f[8] != "RECEIVE" || f[7] != "SMTP")
                    continue;
                const auto match = ref.match(f[5]);
                QVERIFY2(match.hasMatch(), qPrintable(f[5]));
                QVERIFY2(receiveIds.contains(match.captured(1)), qPrintable(f[5]));
                ++linked;
            }
        }
    }
    QVERIFY(linked > 30);
}

void tst_loggen::messageJourneyCrossesThreeServers()
{
    QTemporaryDir d;
    QCOMPARE(runLoggen({"--out", d.path(), "--sessions", "200", "--healthy-only"}).exitCode, 0);
    QHash<QString, QSet<QString>> serversOfMessage;
    QHash<QString, QStringList> eventsOfMessage;
    for (const QString &server : QStringList{"EX01", "EX02", "EDGE01"}) {
        for (const QString &path : filesMatching(d.path() + "/" + server, "MSGTRK*.LOG")) {
            const QStringList lines = readCrlfLines(path);
            for (qsizetype i = 5; i < lines.size(); ++i) {
                const QStringList f = splitCsv(lines[i]);
                serversOfMessage[f[10]].insert(server);
                eventsOfMessage[f[10]] << server + ":" + f[8];
            }
        }
    }
    int threeServerJourneys = 0;
    for (auto it = serversOfMessage.cbegin(); it != serversOfMessage.cend(); ++it) {
        if (it.value().size() == 3) {
            const QStringList ev = eventsOfMessage.value(it.key());
            if (ev.contains("EX01:SUBMIT") && ev.contains("EX02:RECEIVE") && ev.contains("EDGE01:SEND"))
                ++threeServerJourneys;
        }
    }
    QVERIFY(threeServerJourneys >= 3);
}

void tst_loggen::targetBytesReachesSessionDensity()
{
    QTemporaryDir d;
    const QString manifest = d.filePath("m.json");
    QCOMPARE(runLoggen({"--out", d.filePath("logs"), "--target-bytes", "6M", "--tracking-bytes", "1M", "--manifest",
                        manifest})
                 .exitCode,
             0);
    const QJsonObject totals = readManifest(manifest).value("totals").toObject();
    const qint64 protocolBytes = totals.value("protocolBytes").toInteger();
    QVERIFY(protocolBytes >= 6 * 1024 * 1024);
    QVERIFY(protocolBytes < 7 * 1024 * 1024);
    QVERIFY(totals.value("trackingBytes").toInteger() >= 1024 * 1024);
    const double perGiB = double(totals.value("sessions").toInteger()) * 1024.0 * 1024.0 * 1024.0 / double(protocolBytes);
    QVERIFY2(perGiB >= 2000000.0, qPrintable(QString::number(perGiB)));
}

void tst_loggen::badArgumentsExitTwoWithUsage()
{
    QTemporaryDir d;
    Run r = runLoggen({"--out", d.path(), "--fault", "no-such-rule"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.stderrText.contains("usage:"));
    QCOMPARE(runLoggen({"--sessions", "5"}).exitCode, 2);
    QCOMPARE(runLoggen({"--out", d.path(), "--exchange", "2007"}).exitCode, 2);
    QCOMPARE(runLoggen({"--out", d.path(), "--target-bytes", "lots"}).exitCode, 2);
    QCOMPARE(runLoggen({"--out", d.path(), "--healthy-only", "--fault", "blocklisted"}).exitCode, 2);
}

void tst_loggen::bundledSamplesAreReproducible()
{
    // Same arguments as scripts/make-samples.sh and resources/samples.README.md. The manifest lives
    // beside the folder so that the folder holds logs only (mwb analyze reads all of it).
    const QString resources = QStringLiteral(MWB_SOURCE_DIR) + "/resources";
    const QString samples = resources + "/samples";
    QVERIFY(QFileInfo::exists(resources + "/samples.manifest.json"));
    QTemporaryDir d;
    const QString out = d.filePath("samples");
    const QString manifest = d.filePath("samples.manifest.json");
    QCOMPARE(runLoggen({"--out", out, "--manifest", manifest, "--seed", "2026", "--sessions", "330",
                        "--start", "2026-11-20T07:58:00Z", "--max-file-bytes", "192K", "--fault",
                        "smtp-data-not-terminated", "--fault", "tls-subject-mismatch", "--fault",
                        "exchange-auth-failed", "--fault", "starttls-required", "--fault", "dns-prx2", "--fault",
                        "blocklisted", "--fault", "no-matching-connector", "--fault", "recipient-unknown", "--fault",
                        "session-unused"})
                 .exitCode,
             0);
    const auto bundled = hashTree(samples);
    const auto fresh = hashTree(out);
    QCOMPARE(bundled.keys(), fresh.keys());
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it)
        QVERIFY2(it.value() == bundled.value(it.key()), qPrintable(it.key() + " differs: run scripts/make-samples.sh"));
    const auto hashOf = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
    };
    const QByteArray freshManifest = hashOf(manifest);
    QVERIFY(!freshManifest.isEmpty());
    QVERIFY2(freshManifest == hashOf(resources + "/samples.manifest.json"),
             "samples.manifest.json differs: run scripts/make-samples.sh");
    qint64 total = 0;
    QDirIterator it(samples, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    QVERIFY2(total < 3 * 1024 * 1024, "the bundled samples stay small");
}

void tst_loggen::unusualServerSetsSkipImpossibleFaultsWithoutCrashing_data()
{
    QTest::addColumn<QString>("servers");
    QTest::addColumn<QString>("exchange");
    QTest::addColumn<bool>("exchangeAuthPossible");
    QTest::newRow("one mailbox server") << "EX01" << "2019" << false;
    QTest::newRow("edge only") << "EDGE01" << "2016" << false;
    QTest::newRow("five servers, 2010") << "EX01,EX02,EX03,EDGE01,EDGE02" << "2010" << true;
}

void tst_loggen::unusualServerSetsSkipImpossibleFaultsWithoutCrashing()
{
    QFETCH(QString, servers);
    QFETCH(QString, exchange);
    QFETCH(bool, exchangeAuthPossible);
    QTemporaryDir d;
    QStringList args{"--out", d.filePath("logs"), "--servers", servers, "--exchange", exchange, "--sessions", "60",
                     "--manifest", d.filePath("m.json")};
    for (const QString &r : allRules())
        args << "--fault" << r;
    const Run r = runLoggen(args);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject m = readManifest(d.filePath("m.json"));
    QStringList seen;
    for (const QJsonValue &v : m.value("faults").toArray())
        seen << v.toObject().value("rule").toString();
    for (const QJsonValue &v : m.value("skippedFaults").toArray()) {
        seen << v.toString();
        QVERIFY(r.stderrText.contains(v.toString()));
    }
    seen.sort();
    QStringList expected = allRules();
    expected.sort();
    QCOMPARE(seen, expected);   // every requested fault is either injected or reported as skipped
    bool authSkipped = false;
    for (const QJsonValue &v : m.value("skippedFaults").toArray())
        authSkipped = authSkipped || v.toString() == "exchange-auth-failed";
    QCOMPARE(authSkipped, !exchangeAuthPossible);
    QVERIFY(m.value("totals").toObject().value("sessions").toInteger() >= 60);
}

void tst_loggen::unwritableOutputFailsWithMessage()
{
    QTemporaryDir d;
    QFile blocker(d.filePath("file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Run r = runLoggen({"--out", d.filePath("file/sub"), "--sessions", "5"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.stderrText.contains("cannot create"));
}

void tst_loggen::repeatedFaultsRotateThroughVariants()
{
    QTemporaryDir d;
    const QString manifest = d.filePath("m.json");
    QCOMPARE(runLoggen({"--out", d.filePath("logs"), "--sessions", "60", "--fault", "smtp-data-not-terminated:3",
                        "--fault", "starttls-required:2", "--fault", "connection-dropped:2", "--manifest", manifest})
                 .exitCode,
             0);
    QHash<QString, QStringList> sideOf;   // rule -> folder kind of each evidence session
    for (const QJsonValue &v : readManifest(manifest).value("faults").toArray()) {
        const QJsonObject f = v.toObject();
        QCOMPARE(f.value("sessions").toArray().size(), 1);
        const QJsonObject s = f.value("sessions").toArray().first().toObject();
        QString side;
        for (const QString &path : filesMatching(d.filePath("logs") + "/" + s.value("server").toString(), "*.LOG")) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains("," + s.value("id").toString().toLatin1() + ","))
                side = path.contains("/SEND") ? "send" : "receive";
        }
        sideOf[f.value("rule").toString()] << side;
    }
    QCOMPARE(sideOf.value("smtp-data-not-terminated"), QStringList({"receive", "send", "receive"}));
    QCOMPARE(sideOf.value("starttls-required"), QStringList({"receive", "send"}));
    QCOMPARE(sideOf.value("connection-dropped"), QStringList({"receive", "send"}));
}

QTEST_GUILESS_MAIN(tst_loggen)
#include "tst_loggen.moc"
