// mwb-bench: one run, warm cache, over logs made by mwb-loggen:
//   mwb stats | wc -l (a floor) | DuckDB read_csv + GROUP BY session-id
// each as a child process whose peak RssAnon is sampled from /proc, then an in-process LoadJob run
// with a heartbeat timer (time to the first sessions, longest stall of the event loop).
// Prints a Markdown table. Not a test: numbers depend on the machine.
//   mwb-bench --data DIR --mwb PATH --duckdb-dir DIR [--threads 2] [--gui-subset-mb 200] [--big-file FILE]
#include "model/core/diagnosis/engine.h"
#include "model/core/common/hugepagemalloc.h"
#include "model/core/common/workpools.h"
#include "model/core/sessions/loader.h"
#include "model/core/sessions/observer.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/resource.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

struct Run {
    QString name;
    qint64 bytes = 0;
    qint64 wallMs = 0;
    qint64 peakAnonKb = 0;
    qint64 cpuMs = 0;   // user + sys of the child: less sensitive than wall time to other load
    QString output;
    bool ok = false;
};

qint64 anonKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

Run measure(const QString &name, const QString &program, const QStringList &args, qint64 bytes,
            const QString &workDir = QString())
{
    Run r;
    r.name = name;
    r.bytes = bytes;
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    // Every tool starts in the environment it would have had without this bench's own restart for huge
    // pages (mwb then restarts itself, and pays for it, as it does when an admin runs it).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const std::string tunables = mwb::withoutHugePageTunable(env.value(QStringLiteral("GLIBC_TUNABLES")).toStdString());
    if (tunables.empty())
        env.remove(QStringLiteral("GLIBC_TUNABLES"));
    else
        env.insert(QStringLiteral("GLIBC_TUNABLES"), QString::fromStdString(tunables));
    p.setProcessEnvironment(env);
    auto childCpuMs = [] {
        rusage u{};
        getrusage(RUSAGE_CHILDREN, &u);
        return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000;
    };
    const qint64 cpuBefore = childCpuMs();
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return r;
    const qint64 pid = p.processId();
    while (!p.waitForFinished(5))
        r.peakAnonKb = std::max(r.peakAnonKb, anonKb(pid));
    r.wallMs = t.elapsed();
    r.cpuMs = childCpuMs() - cpuBefore;
    r.output = QString::fromUtf8(p.readAllStandardOutput());
    r.ok = p.exitStatus() == QProcess::NormalExit && (p.exitCode() == 0 || p.exitCode() == 3);
    if (!r.ok)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(name), p.readAllStandardError().constData());
    return r;
}

// Takes the decoded lines and does nothing: what the loader itself pays to feed an observer.
class NullObserver : public mwb::SessionObserver {
public:
    std::atomic<qint64> lines{0};
    std::unique_ptr<Scan> scanSessions(const QList<mwb::Session> &, qsizetype begin, qsizetype end,
                                       const LinesOf &linesOf) override
    {
        for (qsizetype i = begin; i < end; ++i)
            lines += linesOf(i).size();
        return nullptr;
    }
    void sessionsScanned(const mwb::Store &, std::unique_ptr<Scan>) override {}
    void loadFinished(const mwb::Store &) override {}
};

double mbps(const Run &r) { return r.wallMs > 0 ? double(r.bytes) / 1048576.0 * 1000.0 / double(r.wallMs) : 0; }

} // namespace

int main(int argc, char **argv)
{
    mwb::restartWithHugePageMalloc(argv);   // before any thread: see hugepagemalloc.h
    QCoreApplication app(argc, argv);
    QString data, mwb, duckdbDir, bigFile;
    int threads = 2;
    qint64 guiSubsetMb = 200;
    bool guiOnly = false;   // --gui-only: only the in-process LoadJob measurements (quicker to repeat)
    QList<qint64> cancelAtMs;   // --cancel-at MS,MS,...: cancel points instead of 20/50/80 % of the load
    QStringList args = app.arguments();
    if (args.removeAll(QStringLiteral("--gui-only")) > 0)
        guiOnly = true;
    // --engine-only: only the loadSync runs without / with the diagnosis engine (issue #6).
    const bool engineOnly = args.removeAll(QStringLiteral("--engine-only")) > 0;
    // --only plain|null|engine: only that kind of load in the engine measurement (to profile it).
    QString onlyKind;
    int engineRounds = 5;   // --rounds: loads of each kind in the engine measurement (best and median)
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--data")) data = args[i + 1];
        else if (args[i] == QLatin1String("--mwb")) mwb = args[i + 1];
        else if (args[i] == QLatin1String("--duckdb-dir")) duckdbDir = args[i + 1];
        else if (args[i] == QLatin1String("--threads")) threads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--gui-subset-mb")) guiSubsetMb = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--big-file")) bigFile = args[i + 1];
        else if (args[i] == QLatin1String("--rounds")) engineRounds = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--only")) onlyKind = args[i + 1];
        else if (args[i] == QLatin1String("--cancel-at"))
            for (const QString &ms : args[i + 1].split(u',', Qt::SkipEmptyParts))
                cancelAtMs << ms.toLongLong();
    }
    if (data.isEmpty() || mwb.isEmpty() || duckdbDir.isEmpty()) {
        std::fprintf(stderr, "usage: mwb-bench --data DIR --mwb PATH --duckdb-dir DIR [--threads N] [--gui-subset-mb N] [--gui-only | --engine-only] [--rounds N] [--only plain|null|engine] [--cancel-at MS,...]\n");
        return 2;
    }
    QStringList all, protocol;
    qint64 allBytes = 0, protoBytes = 0;
    QDirIterator it(data, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        all << f;
        const qint64 size = QFileInfo(f).size();
        allBytes += size;
        const QString base = QFileInfo(f).fileName();
        if (base.startsWith(QLatin1String("RECV")) || base.startsWith(QLatin1String("SEND"))) {
            protocol << f;
            protoBytes += size;
        }
    }
    all.sort();
    protocol.sort();
    // Warm cache: read everything once.
    QByteArray buf(1 << 20, Qt::Uninitialized);
    for (const QString &f : std::as_const(all)) {
        QFile in(f);
        if (in.open(QIODevice::ReadOnly))
            while (in.read(buf.data(), buf.size()) > 0) {}
    }

    QList<Run> runs;
    if (!guiOnly && !engineOnly) {
    runs << measure(QStringLiteral("mwb stats (protocol logs)"), mwb,
                    QStringList{QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--threads"),
                                QString::number(threads)} + protocol, protoBytes);
    runs << measure(QStringLiteral("mwb stats (protocol + tracking + EXO)"), mwb,
                    {QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--threads"), QString::number(threads), data},
                    allBytes);
    runs << measure(QStringLiteral("wc -l (protocol logs)"), QStringLiteral("wc"), QStringList{QStringLiteral("-l")} + protocol, protoBytes);
    runs << measure(QStringLiteral("DuckDB read_csv + GROUP BY (protocol logs)"), QStringLiteral("node"),
                    QStringList{QStringLiteral("duckdb_groupby.mjs"), QString::number(threads)} + protocol, protoBytes, duckdbDir);

    if (!bigFile.isEmpty()) {
        // One big file: only parallel reading of ranges inside the file can use both cores.
        const qint64 bigBytes = QFileInfo(bigFile).size();
        QFile in(bigFile);
        if (in.open(QIODevice::ReadOnly))
            while (in.read(buf.data(), buf.size()) > 0) {}
        runs << measure(QStringLiteral("mwb stats (one big protocol log)"), mwb,
                        {QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--threads"), QString::number(threads), bigFile},
                        bigBytes);
        runs << measure(QStringLiteral("DuckDB read_csv + GROUP BY (one big protocol log)"), QStringLiteral("node"),
                        {QStringLiteral("duckdb_groupby.mjs"), QString::number(threads), bigFile}, bigBytes, duckdbDir);
    }
    }

    // In-process GUI-style load of a subset: first batch and the longest event-loop stall.
    QStringList subset;
    qint64 subsetBytes = 0;
    for (const QString &f : std::as_const(protocol)) {
        if (subsetBytes >= guiSubsetMb * 1048576)
            break;
        subset << f;
        subsetBytes += QFileInfo(f).size();
    }
    qint64 firstPreviewMs = -1, firstBatchMs = -1, maxStallMs = 0, maxStallAtMs = 0, loadMs = 0;
    if (!engineOnly) {
        mwb::LoadJob job;
        QElapsedTimer t, beat;
        QTimer heartbeat;
        heartbeat.setInterval(5);
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            const qint64 gap = beat.restart();
            if (gap > maxStallMs) {
                maxStallMs = gap;
                maxStallAtMs = t.elapsed();   // when it ended: tells the stage (parse, batches, finish)
            }
        });
        QObject::connect(&job, &mwb::LoadJob::sessionsPreview, [&](const QList<mwb::Session> &) {
            if (firstPreviewMs < 0)
                firstPreviewMs = t.elapsed();
        });
        QObject::connect(&job, &mwb::LoadJob::sessionsAdded, [&](const QList<mwb::Session> &, qsizetype, qsizetype) {
            if (firstBatchMs < 0)
                firstBatchMs = t.elapsed();
        });
        std::shared_ptr<mwb::Store> kept;   // the GUI keeps the store too: freeing it is not part of the load
        QObject::connect(&job, &mwb::LoadJob::finished, [&](std::shared_ptr<mwb::Store> store, bool) {
            loadMs = t.elapsed();
            kept = std::move(store);
            app.quit();
        });
        t.start();
        beat.start();
        heartbeat.start();
        job.start(subset);
        app.exec();
    }

    // Cancel latency: the same load cancelled at a fifth, half and four fifths of its measured time
    // (parsing, assembly, observer stage), timed from cancel() to finished() on the event loop.
    QList<QPair<qint64, qint64>> cancels;   // (cancelled after ms, finished after cancel ms)
    if (cancelAtMs.isEmpty() && !engineOnly)
        for (const int percent : {20, 50, 80})
            cancelAtMs << loadMs * percent / 100;
    for (const qint64 at : std::as_const(cancelAtMs)) {
        // A cancelled load frees its data on the release pool: let that finish before the next run.
        mwb::releasePool()->waitForDone();
        mwb::LoadJob job;
        QElapsedTimer t, sinceCancel;
        QTimer::singleShot(at, &job, [&] {
            sinceCancel.start();
            job.cancel();
        });
        std::shared_ptr<mwb::Store> kept;   // the main window keeps a cancelled load's store too
        QObject::connect(&job, &mwb::LoadJob::finished, [&](std::shared_ptr<mwb::Store> store, bool) {
            cancels.append({at, sinceCancel.isValid() ? sinceCancel.elapsed() : -1});
            kept = std::move(store);
            app.quit();
        });
        t.start();
        job.start(subset);
        app.exec();
    }

    // Issue #6: what the diagnosis engine (a SessionObserver) adds to a full load of the subset.
    // One unmeasured load first: the first load of a process grows the heap and is seconds slower,
    // which once made the engine look cheap when its run came last. Then --rounds rounds (5 unless
    // given) of the three kinds; the store is freed outside the timing.
    // Each kind reports its best and its median, and the median of its phases: assembly alone
    // varies by a second between identical loads, more than the engine adds.
    struct Kind {
        std::vector<qint64> total;
        std::vector<mwb::LoadPhases> phases;
        qint64 best() const { return total.empty() ? -1 : *std::min_element(total.begin(), total.end()); }
        static qint64 medianOf(std::vector<qint64> v)
        {
            if (v.empty())
                return -1;
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        }
        qint64 median() const { return medianOf(total); }
        qint64 medianPhase(qint64 mwb::LoadPhases::*field) const
        {
            std::vector<qint64> v;
            for (const mwb::LoadPhases &p : phases)
                v.push_back(p.*field);
            return medianOf(v);
        }
    };
    Kind plain, nullKind, engineKind;
    if (!guiOnly) {
        auto engine = mwb::DiagnosisEngine::create();
        if (!engine)
            std::fprintf(stderr, "diagnosis engine: %s\n", qPrintable(engine.errorMessage()));
        NullObserver null;
        auto timedLoad = [&](mwb::SessionObserver *observer, Kind *kind) {
            mwb::LoadOptions o;
            o.threads = threads;
            o.observer = observer;
            mwb::LoadPhases phases;
            o.phases = &phases;
            QElapsedTimer t;
            t.start();
            auto store = mwb::Loader::loadSync(subset, o);
            const qint64 ms = t.elapsed();
            store.reset();
            mwb::releasePool()->waitForDone();   // background frees of the load
#if defined(__GLIBC__)
            // Every load starts from the same heap: all free memory back to the system. Otherwise
            // a load found more or less of the previous load's memory still mapped, depending on
            // how the frees left each arena, and page faults (the kernel zeroing fresh pages, a
            // third of a load's CPU) made assembly alone vary by 1-3 s between identical loads,
            // against whichever kind came after a freed load.
            malloc_trim(0);
#endif
            if (kind) {
                kind->total.push_back(ms);
                kind->phases.push_back(phases);
            }
        };
        timedLoad(nullptr, nullptr);
        for (int round = 0; round < engineRounds; ++round) {
            if (onlyKind.isEmpty() || onlyKind == QLatin1String("plain"))
                timedLoad(nullptr, &plain);
            if (onlyKind.isEmpty() || onlyKind == QLatin1String("null"))
                timedLoad(&null, &nullKind);
            if (engine && (onlyKind.isEmpty() || onlyKind == QLatin1String("engine"))) {
                // A fresh engine per run: findings must not pile up across runs.
                auto fresh = mwb::DiagnosisEngine::create();
                timedLoad(fresh.value().get(), &engineKind);
            }
        }
    }
    const qint64 plainMs = plain.best(), nullMs = nullKind.best(), engineMs = engineKind.best();

    QTextStream out(stdout);
    auto printLoadJob = [&] {
        out << "LoadJob over " << QString::number(double(subsetBytes) / 1048576.0, 'f', 0) << " MB: preview sessions after "
            << firstPreviewMs << " ms, first real batch after " << firstBatchMs << " ms, finished after " << loadMs
            << " ms, longest event-loop stall " << maxStallMs << " ms (ended at " << maxStallAtMs << " ms)\n";
        out << "LoadJob cancel latency (cancelled after ms: finished after cancel ms):";
        for (const auto &c : std::as_const(cancels))
            out << " " << c.first << ": " << c.second;
        out << "\n";
    };
    auto printEngine = [&] {
        out << "Loader::loadSync over " << QString::number(double(subsetBytes) / 1048576.0, 'f', 0)
            << " MB (best of " << engineRounds << ", after a warm-up load): " << plainMs
            << " ms without an observer, " << nullMs << " ms feeding decoded lines to an observer that does nothing (+"
            << QString::number(plainMs > 0 ? 100.0 * double(nullMs - plainMs) / double(plainMs) : 0, 'f', 0) << "%), " << engineMs
            << " ms with the diagnosis engine (+" << QString::number(plainMs > 0 && engineMs >= 0 ? 100.0 * double(engineMs - plainMs) / double(plainMs) : 0, 'f', 0)
            << "%)\n";
        auto pct = [](qint64 base, qint64 v) {
            return base > 0 && v >= 0 ? QString::number(100.0 * double(v - base) / double(base), 'f', 0) + u'%' : QStringLiteral("-");
        };
        out << "  medians of " << engineRounds << ": " << plain.median() << " ms without an observer, " << nullKind.median()
            << " ms (+" << pct(plain.median(), nullKind.median()) << ") with the null observer, " << engineKind.median()
            << " ms (+" << pct(plain.median(), engineKind.median()) << ") with the engine\n";
        out << "  median phases (ms from the start: parsed / assembled / delivered (waiting, merging) / messages correlated / finished):\n";
        const std::pair<const char *, const Kind *> kinds[] = {{"without an observer", &plain}, {"null observer", &nullKind}, {"diagnosis engine", &engineKind}};
        for (const auto &[name, kind] : kinds) {
            if (kind->total.empty())
                continue;
            out << "    " << name << ": " << kind->medianPhase(&mwb::LoadPhases::parsedMs) << " / "
                << kind->medianPhase(&mwb::LoadPhases::assembledMs) << " / " << kind->medianPhase(&mwb::LoadPhases::deliveredMs)
                << " (" << kind->medianPhase(&mwb::LoadPhases::observerWaitMs) << ", " << kind->medianPhase(&mwb::LoadPhases::observerMergeMs)
                << ") / " << kind->medianPhase(&mwb::LoadPhases::correlatedMs) << " / " << kind->medianPhase(&mwb::LoadPhases::finishedMs) << "\n";
        }
    };
    if (guiOnly) {
        printLoadJob();
        return 0;
    }
    if (engineOnly) {
        printEngine();
        return 0;
    }
    const Run &mwbProto = runs[0];
    const Run &wc = runs[2];
    const Run &duck = runs[3];
    out << "| tool | input MB | wall ms | MB/s | CPU ms | peak RssAnon MB | RssAnon / input |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for (const Run &r : std::as_const(runs)) {
        out << "| " << r.name << (r.ok ? "" : " (failed)") << " | " << QString::number(double(r.bytes) / 1048576.0, 'f', 0)
            << " | " << r.wallMs << " | " << QString::number(mbps(r), 'f', 0) << " | " << r.cpuMs << " | "
            << QString::number(double(r.peakAnonKb) / 1024.0, 'f', 1) << " | "
            << QString::number(r.bytes ? 100.0 * double(r.peakAnonKb) * 1024.0 / double(r.bytes) : 0, 'f', 1) << "% |\n";
    }
    out << "\nmwb stats / DuckDB throughput: " << QString::number(mbps(duck) > 0 ? mbps(mwbProto) / mbps(duck) : 0, 'f', 2)
        << "x; mwb stats / wc -l: " << QString::number(mbps(wc) > 0 ? mbps(mwbProto) / mbps(wc) : 0, 'f', 2) << "x\n";
    const QJsonObject mj = QJsonDocument::fromJson(mwbProto.output.toUtf8()).object();
    out << "mwb stats counted " << mj.value(QStringLiteral("sessions")).toDouble() << " sessions, "
        << mj.value(QStringLiteral("lines")).toDouble() << " lines; DuckDB: " << duck.output.trimmed() << "\n";
    printLoadJob();
    printEngine();
    if (!bigFile.isEmpty() && runs.size() >= 6 && mbps(runs[5]) > 0)
        out << "one big file: mwb stats / DuckDB throughput: " << QString::number(mbps(runs[4]) / mbps(runs[5]), 'f', 2) << "x\n";
    return 0;
}
