// mwb analyze / mwb stats: load logs through the shared core and print the contract's output.
#include "app/cli/commands.h"
#include "model/core/sessions/serverversions.h"
#include "model/core/cases/report.h"
#include "model/core/common/safetext.h"

#include "model/core/analysis/analysis.h"
#include "model/core/common/platform.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QHash>
#include <QFile>
#include <QJsonDocument>
#include <QThread>
#include <QTimeZone>

namespace mwb::cli {

namespace {

const char kAnalyzeUsage[] = "usage: mwb analyze [--json] [--sessions] [--messages] [--files] [--report FILE.html [--redact]] [--timezone TZ] PATH...|-\n"
                             "  --files        list every file in the text summary (by default they are folded by folder)\n"
                             "  --timezone TZ  zone of export times written without one (Get-MessageTrackingLog | Export-Csv or\n"
                             "                 Format-List: the exporting machine's local time), e.g. Europe/Berlin or UTC+01:00\n";
const char kStatsUsage[] = "usage: mwb stats --json PATH...\n";

QString formatBytes(qint64 bytes)
{
    const double b = double(bytes);
    if (b >= 1024.0 * 1024 * 1024)
        return QStringLiteral("%1 GiB").arg(b / (1024.0 * 1024 * 1024), 0, 'f', 1);
    if (b >= 1024.0 * 1024)
        return QStringLiteral("%1 MiB").arg(b / (1024.0 * 1024), 0, 'f', 1);
    if (b >= 1024.0)
        return QStringLiteral("%1 KiB").arg(b / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(bytes);
}

// Paths, server names, parse messages and titles come from the logs: each value goes through the
// one control-character escaper as a single line before it reaches the terminal.
QString safe(const QString &v) { return escapeControls(v); }

void printFile(const SourceFile &f, QTextStream &out)
{
    out << "  " << safe(f.path) << "  [" << formatId(f.format);
    if (!f.server.isEmpty())
        out << ", " << safe(f.server);
    out << ", " << f.lines << " lines";
    if (f.firstMs != kNoTime)
        out << ", " << formatIsoMs(f.firstMs) << " .. " << formatIsoMs(f.lastMs);
    out << "]\n";
    const int shown = std::min<int>(int(f.errors.size()), 5);
    for (int i = 0; i < shown; ++i) {
        const ParseIssue &e = f.errors[i];
        out << "    " << (e.line > 0 ? QStringLiteral("line %1: ").arg(e.line) : QString()) << safe(e.message) << "\n";
    }
    if (f.errors.size() > shown)
        out << "    … " << (f.errors.size() - shown) << " more problems (see --json)\n";
    for (const ParseIssue &w : f.warnings)
        out << "    warning: " << safe(w.message) << "\n";
}

// Files listed one by one even when the others are folded: what could not be read, and what was
// read with a caveat (zone-less export times read as UTC).
bool fileHasProblems(const SourceFile &f) { return !f.errors.isEmpty() || !f.warnings.isEmpty() || f.format == LogFormat::Unknown; }

// The folder part of a path ("logs/EX01/RECV1.LOG" → "logs/EX01", "a.zip!/EX01/x.log" → "a.zip!/EX01").
QString folderOf(const QString &path)
{
    const qsizetype slash = std::max(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return slash < 0 ? QStringLiteral(".") : path.left(slash);
}

// What the admin looks for comes first: findings, then the totals; the files last, folded by folder
// (a thousand files would otherwise bury the findings), with the files that could not be read,
// fully or in part, listed one by one. `allFiles` (--files) lists every file.
void printSummary(const Analysis &a, QTextStream &out, bool allFiles)
{
    const Store &s = *a.store;
    out << "Findings: " << a.findings.size() << "\n";
    for (const Finding &f : a.findings) {
        out << "  [" << severityId(f.severity) << "] " << safe(f.rule) << ": " << safe(f.title);
        if (f.count > 1)
            out << " (" << f.count << "x)";
        if (!f.servers.isEmpty())
            out << " on " << safe(f.servers.join(QStringLiteral(", ")));
        out << "\n";
    }
    qint64 lines = 0;
    for (const SourceFile &f : s.files)
        lines += f.lines;
    int outcomes[kSessionOutcomeCount] = {};
    for (const Session &ss : s.sessions)
        ++outcomes[int(ss.outcome)];
    out << "Sessions: " << s.sessions.size() << " (delivered " << outcomes[int(SessionOutcome::Delivered)]
        << ", rejected " << outcomes[int(SessionOutcome::Rejected)] << ", deferred " << outcomes[int(SessionOutcome::Deferred)]
        << ", dropped " << outcomes[int(SessionOutcome::Dropped)] << ", no mail " << outcomes[int(SessionOutcome::NoMail)]
        << ", TLS failed " << outcomes[int(SessionOutcome::TlsFailed)]
        << ")\n";
    out << "Messages: " << s.messages.size() << "\n";
    out << "Lines: " << lines << "\n";
    // Each server's Exchange build, as its own logs' #Version headers name it.
    const QList<ServerVersion> versions = serverVersions(s.files);
    if (!versions.isEmpty()) {
        out << "Exchange versions:\n";
        for (const ServerVersion &v : versions) {
            out << "  " << (v.server.isEmpty() ? QStringLiteral("(server unknown)") : safe(v.server)) << ": " << safe(v.build.displayName());
            if (v.build.outOfSupport())
                out << ", OUT OF SUPPORT since " << v.build.supportEnds.toString(Qt::ISODate);
            out << "\n";
        }
    }
    if (!s.configuration.isEmpty()) {
        const config::Configuration &c = s.configuration;
        out << "Configuration: " << config::summaryLine(c) << "\n";
        if (c.manifest.present) {
            out << "  collected by " << safe(c.manifest.ranBy) << " on " << safe(c.manifest.computer);
            if (c.manifest.finished.isValid())
                out << " at " << c.manifest.finished.toString(Qt::ISODateWithMs);
            out << "\n";
            for (const config::CollectedServer &cs : c.manifest.servers)
                if (cs.status != u"ok")
                    out << "  server " << safe(cs.name) << " not collected: " << safe(cs.error) << "\n";
        }
        for (const QString &p : c.problems)
            out << "  not read: " << safe(p) << "\n";
    }
    if (allFiles) {
        out << "Files: " << s.files.size() << "\n";
        for (const SourceFile &f : s.files)
            printFile(f, out);
        return;
    }
    struct Folder {
        QString path;
        qint64 files = 0, bytes = 0, lines = 0;
    };
    QList<Folder> folders;   // in the order the files came (sorted by path)
    QHash<QString, qsizetype> index;
    int problems = 0;
    for (const SourceFile &f : s.files) {
        const QString folder = folderOf(f.path);
        auto it = index.constFind(folder);
        if (it == index.cend()) {
            it = index.insert(folder, folders.size());
            folders.append({folder});
        }
        Folder &d = folders[*it];
        ++d.files;
        d.bytes += f.bytes;
        d.lines += f.lines;
        problems += fileHasProblems(f) ? 1 : 0;
    }
    out << "Files: " << s.files.size() << " in " << folders.size() << (folders.size() == 1 ? " folder" : " folders")
        << " (--files lists each)\n";
    for (const Folder &d : folders)
        out << "  " << safe(d.path) << "  [" << d.files << (d.files == 1 ? " file, " : " files, ") << formatBytes(d.bytes) << ", "
            << d.lines << " lines]\n";
    if (problems > 0) {
        out << "Files with problems or warnings: " << problems << "\n";
        for (const SourceFile &f : s.files)
            if (fileHasProblems(f))
                printFile(f, out);
    }
}

// Load progress on standard error, only when it is a terminal (a pipe or a log file gets nothing),
// redrawn in place at most five times a second.
class TerminalProgress {
public:
    explicit TerminalProgress(QTextStream &err) : m_err(err), m_enabled(platform::stderrIsTerminal()) { m_timer.start(); }
    void apply(LoadOptions &o)
    {
        if (!m_enabled)
            return;
        // The loader calls this from its threads, one call at a time.
        o.progress = [this](qint64 done, qint64 total) {
            if (m_timer.elapsed() < m_lastMs + 200 && done < total)
                return;
            m_lastMs = m_timer.elapsed();
            const int percent = total > 0 ? int(done * 100 / total) : 0;
            m_err << "\r\x1b[Kmwb: reading " << formatBytes(done) << " of " << formatBytes(total) << " (" << percent << " %)";
            if (done >= total)
                m_err << ", assembling sessions and diagnosing…";
            m_err.flush();
            m_shown = true;
        };
    }
    void clear()
    {
        if (!m_shown)
            return;
        m_err << "\r\x1b[K";
        m_err.flush();
    }

private:
    QTextStream &m_err;
    bool m_enabled;
    bool m_shown = false;
    QElapsedTimer m_timer;
    qint64 m_lastMs = -1000;
};

} // namespace

int runAnalyze(const QStringList &args, Io io)
{
    bool json = false;
    bool allFiles = false;
    JsonOptions opts;
    QStringList paths;
    QString reportPath;
    ReportOptions reportOptions;
    LoadOptions loadOptions;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--report")) {
            if (i + 1 >= args.size())
                return usageError(io, QStringLiteral("analyze"), QStringLiteral("--report needs a file name"), QString::fromLatin1(kAnalyzeUsage));
            reportPath = args.at(++i);
        } else if (a == QLatin1String("--timezone") || a.startsWith(QLatin1String("--timezone="))) {
            QString spec;
            if (a.size() > 10)
                spec = a.mid(11);
            else if (i + 1 < args.size())
                spec = args.at(++i);
            else
                return usageError(io, QStringLiteral("analyze"), QStringLiteral("--timezone needs a zone"), QString::fromLatin1(kAnalyzeUsage));
            QString error;
            loadOptions.timeZone = timeZoneFromSpec(spec, &error);
            if (!loadOptions.timeZone.isValid())
                return usageError(io, QStringLiteral("analyze"), escapeControls(error), QString::fromLatin1(kAnalyzeUsage));
        } else if (a == QLatin1String("--redact"))
            reportOptions.redact = true;
        else if (a == QLatin1String("--sessions"))
            opts.sessions = true;
        else if (a == QLatin1String("--messages"))
            opts.messages = true;
        else if (a == QLatin1String("--files"))
            allFiles = true;
        else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            io.out << kAnalyzeUsage;
            return 0;
        } else if (a.startsWith(QLatin1String("--")))
            return usageError(io, QStringLiteral("analyze"), QStringLiteral("unknown option '%1'").arg(a), QString::fromLatin1(kAnalyzeUsage));
        else
            paths.append(a);
    }
    if (paths.isEmpty())
        return usageError(io, QStringLiteral("analyze"), QStringLiteral("at least one PATH is required"), QString::fromLatin1(kAnalyzeUsage));
    TerminalProgress progress(io.err);
    progress.apply(loadOptions);
    const Analysis a = analyzePaths(paths, loadOptions);
    progress.clear();
    if (a.diagnosisFailed()) {
        io.err << "mwb analyze: the knowledge base could not be loaded, no rule ran: " << a.knowledgeBaseError << "\n";
        io.err.flush();
    }
    if (!reportPath.isEmpty()) {
        const Result<void> written = writeHtmlReport(a, reportPath, reportOptions);
        if (!written.ok()) {
            io.err << "mwb analyze: cannot write the report: " << written.errorMessage() << "\n";
            io.err.flush();
            return 3;
        }
    }
    if (json) {
        // Streamed to the output device element by element (a million sessions never become one
        // document in memory); a text stream without a device (none in mwb) gets it in one piece.
        io.out.flush();
        if (QIODevice *device = io.out.device()) {
            writeAnalysisJson(a, opts, *device);
        } else {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            writeAnalysisJson(a, opts, buffer);
            io.out << QString::fromUtf8(buffer.data());
        }
    } else {
        printSummary(a, io.out, allFiles);
    }
    io.out.flush();
    return (a.hasUnreadableInput() || a.diagnosisFailed()) ? 3 : 0;
}

int runStats(const QStringList &args, Io io)
{
    bool json = false;
    int threads = 0;
    QStringList paths;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--threads") && i + 1 < args.size()) {
            bool ok = false;
            threads = args[++i].toInt(&ok);
            if (!ok || threads < 1)
                return usageError(io, QStringLiteral("stats"), QStringLiteral("--threads needs a positive number"), QString::fromLatin1(kStatsUsage));
        } else if (a.startsWith(QLatin1String("--")))
            return usageError(io, QStringLiteral("stats"), QStringLiteral("unknown option '%1'").arg(a), QString::fromLatin1(kStatsUsage));
        else
            paths.append(a);
    }
    if (paths.isEmpty())
        return usageError(io, QStringLiteral("stats"), QStringLiteral("at least one PATH is required"), QString::fromLatin1(kStatsUsage));
    QElapsedTimer timer;
    timer.start();
    LoadOptions o;
    o.threads = threads;
    const LoadCounts counts = Loader::countSync(paths, o);
    const qint64 wallMs = timer.elapsed();
    const qint64 bytes = counts.bytes;
    const qint64 lines = counts.lines;
    const bool unreadable = counts.unreadable;
    const double mb = double(bytes) / (1024.0 * 1024.0);
    const double mbps = wallMs > 0 ? mb * 1000.0 / double(wallMs) : 0.0;
    const qint64 hwm = platform::peakResidentKb();
    const qint64 anon = platform::residentAnonymousKb();
    QJsonObject o2;
    o2.insert(QStringLiteral("bytes"), double(bytes));
    o2.insert(QStringLiteral("lines"), double(lines));
    o2.insert(QStringLiteral("sessions"), double(counts.sessions));
    o2.insert(QStringLiteral("messages"), double(counts.messages));
    o2.insert(QStringLiteral("files"), int(counts.files.size()));
    o2.insert(QStringLiteral("wall_ms"), double(wallMs));
    o2.insert(QStringLiteral("mb_per_s"), qRound(mbps * 10.0) / 10.0);
    o2.insert(QStringLiteral("peak_rss_mb"), hwm >= 0 ? qRound(double(hwm) / 102.4) / 10.0 : -1.0);
    o2.insert(QStringLiteral("rss_anon_mb"), anon >= 0 ? qRound(double(anon) / 102.4) / 10.0 : -1.0);
    o2.insert(QStringLiteral("threads"), threads > 0 ? threads : QThread::idealThreadCount());
    if (json) {
        io.out << QString::fromUtf8(QJsonDocument(o2).toJson(QJsonDocument::Indented));
    } else {
        for (auto it = o2.constBegin(); it != o2.constEnd(); ++it)
            io.out << it.key() << ": " << it.value().toVariant().toString() << "\n";
    }
    io.out.flush();
    return unreadable ? 3 : 0;
}

} // namespace mwb::cli
