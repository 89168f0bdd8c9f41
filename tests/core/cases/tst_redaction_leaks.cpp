// The redaction leak test (#29.1/.2): identifiers are taken from the input with extractors of
// their own (regular expressions over the decoded files, not the product's parser or redactor),
// then `mwb export --redact` (CSV and NDJSON, sessions/messages/findings) and
// `mwb analyze --report --redact` run over the same input, and no identifier may appear in any
// output in any case, HTML-escaped, URL-encoded or as UTF-16.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

QByteArray runMwb(const QStringList &args, int *rc = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(MWB_CLI_PATH), args);
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    if (rc)
        *rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput();
}

// The text of a log file as a person would read it: UTF-16 (BOM or NUL pattern), else UTF-8 with
// a Windows-1252 fallback.
QString decode(const QByteArray &bytes)
{
    if (bytes.startsWith("\xff\xfe") || (bytes.size() > 3 && bytes.at(1) == 0 && bytes.at(3) == 0))
        return QStringDecoder(QStringDecoder::Utf16LE)(bytes.startsWith("\xff\xfe") ? bytes.mid(2) : bytes);
    if (bytes.startsWith("\xfe\xff"))
        return QStringDecoder(QStringDecoder::Utf16BE)(bytes.mid(2));
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString s = utf8(bytes);
    return utf8.hasError() ? QString::fromLatin1(bytes) : s;
}

bool isPublicServiceDomain(const QString &lower)
{
    static const QStringList kept{QStringLiteral("outlook.com"), QStringLiteral("office365.com"), QStringLiteral("microsoft.com"),
                                  QStringLiteral("spamhaus.org"), QStringLiteral("spamcop.net"), QStringLiteral("onmicrosoft.com")};
    for (const QString &k : kept)
        if (lower == k || lower.endsWith(u'.' + k))
            return true;
    const QString tld = lower.section(u'.', -1);
    return tld == u"example" || tld == u"invalid" || tld == u"test" || tld == u"localhost";
}

// The last two labels ("contoso.com"), three for "co.uk"-like names.
QString registrable(const QString &lower)
{
    const QStringList l = lower.split(u'.', Qt::SkipEmptyParts);
    if (l.size() <= 2)
        return lower;
    const int take = (l.last().size() == 2 && l.at(l.size() - 2).size() <= 3) ? 3 : 2;
    return l.mid(l.size() - take).join(u'.');
}

struct Identifiers {
    QMap<QString, QString> needles;  // lower-case identifier -> what it is (for the message)
    void add(const QString &value, const QString &kind, int minLength = 4)
    {
        const QString v = value.trimmed().toLower();
        if (v.size() >= minLength)
            needles.insert(v, kind);
    }
};

Identifiers extract(const QString &root)
{
    Identifiers ids;
    static const QRegularExpression email(QStringLiteral("([A-Za-z0-9._%+'{}=-]+)@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})"));
    static const QRegularExpression ipv4(QStringLiteral("(?<![\\d.])((?:\\d{1,3}\\.){3}\\d{1,3})(?![\\d.])"));
    static const QRegularExpression ipv6(QStringLiteral("\\[([0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7})\\]"));
    static const QRegularExpression guid(QStringLiteral("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"));
    static const QRegularExpression tenant(QStringLiteral("([A-Za-z0-9-]+)\\.(?:mail\\.protection\\.outlook\\.com|mail\\.onmicrosoft\\.com|onmicrosoft\\.com)"));
    // Display names before an address, quoted or not: two to four capitalised words.
    static const QRegularExpression displayName(QStringLiteral("(?:^|[:,;\"\\t\\n]) ?\"?(\\p{Lu}\\p{Ll}+(?:,? \\p{Lu}\\p{Ll}+){1,3})\"? ?<[^<>\\s]+@"));
    static const QRegularExpression fqdn(QStringLiteral("\\b((?:[A-Za-z0-9-]+\\.)+(?:com|net|org|local|lan|corp|internal|de|fr|uk|io))\\b"));
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = decode(f.readAll());
        for (auto m = email.globalMatch(text); m.hasNext();) {
            const auto x = m.next();
            const QString domain = x.captured(2).toLower();
            if (isPublicServiceDomain(domain))
                continue;
            ids.add(x.captured(0), QStringLiteral("address"));
            ids.add(x.captured(1), QStringLiteral("local part"), 6);
            ids.add(registrable(domain), QStringLiteral("domain"));
        }
        for (auto m = ipv4.globalMatch(text); m.hasNext();) {
            const auto x = m.next();
            const QString ip = x.captured(1);
            const QStringList o = ip.split(u'.');
            bool valid = true;
            for (const QString &p : o)
                valid = valid && p.toInt() <= 255;
            const QString before = text.mid(std::max<qsizetype>(0, x.capturedStart() - 12), std::min<qsizetype>(12, x.capturedStart()));
            if (!valid || ip.startsWith(QLatin1String("127.")) || ip == u"0.0.0.0" || ip == u"255.255.255.255"
                || before.contains(QLatin1String("Version"), Qt::CaseInsensitive))
                continue;
            ids.add(ip, QStringLiteral("IPv4"), 7);
        }
        for (auto m = ipv6.globalMatch(text); m.hasNext();) {
            const QString ip = m.next().captured(1);
            if (ip != u"::1")
                ids.add(ip, QStringLiteral("IPv6"), 6);
        }
        for (auto m = displayName.globalMatch(text); m.hasNext();) {
            const auto x = m.next();
            ids.add(x.captured(1), QStringLiteral("display name"));
            for (const QString &word : x.captured(1).split(QRegularExpression(QStringLiteral(",? "))))
                ids.add(word, QStringLiteral("display name word"), 5);
        }
        for (auto m = guid.globalMatch(text); m.hasNext();)
            ids.add(m.next().captured(0), QStringLiteral("GUID"));
        for (auto m = tenant.globalMatch(text); m.hasNext();)
            ids.add(m.next().captured(1), QStringLiteral("tenant label"));
        for (auto m = fqdn.globalMatch(text); m.hasNext();) {
            const QString name = m.next().captured(1).toLower();
            if (!isPublicServiceDomain(name) && name.count(u'.') >= 1)
                ids.add(registrable(name), QStringLiteral("domain"));
        }
    }
    return ids;
}

} // namespace

class TestRedactionLeaks : public QObject {
    Q_OBJECT

    void checkNoLeaks(const QString &root)
    {
        Identifiers ids = extract(root);
        // Names that have no shape of their own, from the analysis of the same input.
        const QJsonObject analysis = QJsonDocument::fromJson(runMwb({QStringLiteral("analyze"), QStringLiteral("--json"),
                                                                     QStringLiteral("--messages"), QStringLiteral("--sessions"), root}))
                                         .object();
        for (const QJsonValue &f : analysis.value(QStringLiteral("files")).toArray())
            ids.add(f.toObject().value(QStringLiteral("server")).toString(), QStringLiteral("server"));
        for (const QJsonValue &m : analysis.value(QStringLiteral("messages")).toArray())
            ids.add(m.toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("subject"), 8);
        QVERIFY2(ids.needles.size() >= 20, qPrintable(QString::number(ids.needles.size())));

        // The check can fail: without --redact the same exports hold many of these identifiers.
        {
            QByteArray plain;
            for (const QString &what : {QStringLiteral("sessions"), QStringLiteral("messages")})
                plain += runMwb({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ndjson"), QStringLiteral("--what"),
                                 what, root}).toLower();
            QSet<QString> kinds;
            int found = 0;
            for (auto it = ids.needles.cbegin(); it != ids.needles.cend(); ++it) {
                if (plain.contains(it.key().toUtf8())) {
                    ++found;
                    kinds.insert(it.value());
                }
            }
            QVERIFY2(found >= 20, qPrintable(QString::number(found)));
            for (const char *kind : {"address", "domain", "IPv4", "GUID", "server", "subject"})
                QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
        }

        QTemporaryDir dir;
        QList<std::pair<QString, QByteArray>> outputs;
        for (const QString &format : {QStringLiteral("csv"), QStringLiteral("ndjson")})
            for (const QString &what : {QStringLiteral("sessions"), QStringLiteral("messages"), QStringLiteral("findings")}) {
                int rc = -1;
                const QByteArray out = runMwb({QStringLiteral("export"), QStringLiteral("--format"), format, QStringLiteral("--what"), what,
                                               QStringLiteral("--redact"), root}, &rc);
                QCOMPARE(rc, 0);
                QVERIFY(!out.isEmpty());
                outputs.append({QStringLiteral("export %1 %2").arg(format, what), out});
            }
        const QString report = dir.filePath(QStringLiteral("report.html"));
        int rc = -1;
        runMwb({QStringLiteral("analyze"), QStringLiteral("--report"), report, QStringLiteral("--redact"), root}, &rc);
        QCOMPARE(rc, 0);
        QFile r(report);
        QVERIFY(r.open(QIODevice::ReadOnly));
        outputs.append({QStringLiteral("report"), r.readAll()});

        QStringList leaks;
        for (const auto &[name, bytes] : std::as_const(outputs)) {
            const QByteArray lower = bytes.toLower();
            for (auto it = ids.needles.cbegin(); it != ids.needles.cend(); ++it) {
                const QString &needle = it.key();
                const QList<QByteArray> forms{needle.toUtf8(), needle.toHtmlEscaped().toUtf8(),
                                              QUrl::toPercentEncoding(needle).toLower(),
                                              QByteArray(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2)};
                for (const QByteArray &form : forms) {
                    if (lower.contains(form)) {
                        leaks << QStringLiteral("%1: %2 '%3'").arg(name, it.value(), needle);
                        break;
                    }
                }
            }
        }
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("%1 leak(s):\n").arg(leaks.size()) + leaks.mid(0, 60).join(u'\n')));
    }

private slots:
    void bundledSamplesLeakNothing() { checkNoLeaks(QStringLiteral(MWB_SOURCE_DIR "/resources/samples")); }

    // Issue #29: display names without quotes (From/To headers pasted into subjects, tracking fields
    // exported as "Name <address>"), beside the EX01 sample so that every other kind is present too.
    void unquotedDisplayNamesLeakNothing()
    {
        QTemporaryDir dir;
        const QString src = QStringLiteral(MWB_SOURCE_DIR "/resources/samples/EX01");
        QDirIterator it(src, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = dir.filePath(QStringLiteral("EX01/") + QDir(src).relativeFilePath(from));
            QVERIFY(QDir().mkpath(QFileInfo(to).absolutePath()));
            QVERIFY(QFile::copy(from, to));
        }
        QFile csv(dir.filePath(QStringLiteral("tracking-export.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("\"Timestamp\",\"ServerHostname\",\"EventId\",\"Source\",\"MessageId\",\"Sender\",\"Recipients\",\"MessageSubject\"\r\n"
                  "\"2026-11-20T08:10:00.000Z\",\"EX01.contoso.com\",\"RECEIVE\",\"SMTP\",\"<dn1@northwind.com>\","
                  "\"Tobias Lindqvist <tobias.lindqvist@northwind.com>\",\"Marta Kowalska <marta.k@contoso.com>\","
                  "\"Fwd: From: Henrik Oyelaran <h.oyelaran@tailspintoys.com>\"\r\n"
                  "\"2026-11-20T08:10:02.000Z\",\"EX01.contoso.com\",\"DELIVER\",\"STOREDRIVER\",\"<dn1@northwind.com>\","
                  "\"Tobias Lindqvist <tobias.lindqvist@northwind.com>\",\"Kowalska, Marta <marta.k@contoso.com>\","
                  "\"Fwd: From: Henrik Oyelaran <h.oyelaran@tailspintoys.com>\"\r\n");
        csv.close();
        const Identifiers ids = extract(dir.path());
        for (const char *name : {"tobias lindqvist", "marta kowalska", "kowalska, marta", "henrik oyelaran", "lindqvist"})
            QVERIFY2(ids.needles.contains(QLatin1String(name)), name);   // the extractor sees them
        checkNoLeaks(dir.path());
    }

    // A generated fault bundle (every fault mwb-loggen knows, twice), another seed than the samples.
    void generatedFaultBundleLeaksNothing()
    {
        QTemporaryDir dir;
        QProcess list;
        list.start(QStringLiteral(MWB_LOGGEN_EXE), {QStringLiteral("--list-faults")});
        QVERIFY(list.waitForFinished(60000));
        QStringList args{QStringLiteral("--out"), dir.filePath(QStringLiteral("bundle")), QStringLiteral("--seed"), QStringLiteral("29"),
                         QStringLiteral("--sessions"), QStringLiteral("400")};
        for (const QByteArray &rule : list.readAllStandardOutput().split('\n'))
            if (!rule.trimmed().isEmpty())
                args << QStringLiteral("--fault") << QString::fromLatin1(rule.trimmed()) + QStringLiteral(":2");
        QVERIFY(args.size() > 20);
        QProcess gen;
        gen.start(QStringLiteral(MWB_LOGGEN_EXE), args);
        QVERIFY(gen.waitForFinished(120000));
        QCOMPARE(gen.exitCode(), 0);
        checkNoLeaks(dir.filePath(QStringLiteral("bundle")));
    }
};

QTEST_GUILESS_MAIN(TestRedactionLeaks)
#include "tst_redaction_leaks.moc"
