// Loader and LoadJob: observer order, batches, progress, cancel, hostile inputs in a batch.
#include "model/core/common/background.h"
#include "model/core/sessions/loader.h"
#include "model/core/sessions/observer.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <atomic>

using namespace mwb;

namespace {

const QString kData = QStringLiteral(INGEST_DATA);

class RecordingObserver : public SessionObserver {
public:
    QList<qint64> starts;
    QList<int> lineCounts;
    int messagesAtFinish = -1;
    int finishedCalls = 0;
    int doneCalls = 0;
    qsizetype scannedWhenDone = -1;   // sessions handed to sessionsScanned before sessionsDone
    bool linesBeforeFinish = true;
    bool scanMatchedSession = true;   // each run's scan reached sessionsScanned right after the run before it
    qsizetype nextRun = 0;            // where the next run handed to sessionsScanned should begin
    struct LineCounts : Scan {
        qsizetype begin = 0;
        QList<qint64> starts;
        QList<int> lines;
    };
    std::unique_ptr<Scan> scanSessions(const QList<Session> &sessions, qsizetype begin, qsizetype end,
                                       const LinesOf &linesOf) override
    {
        auto scan = std::make_unique<LineCounts>();
        scan->begin = begin;
        for (qsizetype i = begin; i < end; ++i) {
            scan->starts.append(sessions.at(i).startMs);
            scan->lines.append(int(linesOf(i).size()));
        }
        return scan;
    }
    void sessionsScanned(const Store &, std::unique_ptr<Scan> scan) override
    {
        const auto *counts = dynamic_cast<const LineCounts *>(scan.get());
        scanMatchedSession = scanMatchedSession && counts && counts->begin == nextRun;
        if (!counts)
            return;
        nextRun = counts->begin + counts->starts.size();
        starts.append(counts->starts);
        lineCounts.append(counts->lines);
        if (finishedCalls)
            linesBeforeFinish = false;
    }
    void sessionsDone(const Store &) override
    {
        ++doneCalls;
        scannedWhenDone = starts.size();
        if (finishedCalls)
            linesBeforeFinish = false;
    }
    void loadFinished(const Store &store) override
    {
        ++finishedCalls;
        messagesAtFinish = int(store.messages.size());
    }
};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}


// A receive log of `sessions` interleaved sessions (three lines each, two at a time).
QByteArray syntheticReceiveLog(int sessions, int firstId = 0x1000)
{
    QByteArray out = "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
                     "#Date: 2026-11-21T02:00:00.000Z\r\n"
                     "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n";
    for (int i = 0; i < sessions; i += 2) {
        for (int step = 0; step < 3; ++step) {
            for (int k = i; k < std::min(sessions, i + 2); ++k) {
                const QByteArray time = QStringLiteral("2026-11-21T02:%1:%2.%3Z")
                                            .arg((k / 600) % 60, 2, 10, QLatin1Char('0'))
                                            .arg((k / 10) % 60, 2, 10, QLatin1Char('0'))
                                            .arg(k % 10 * 100 + step, 3, 10, QLatin1Char('0'))
                                            .toLatin1();
                const QByteArray id = QByteArray::number(qulonglong(firstId + k), 16).toUpper().rightJustified(16, '0');
                const char *ev[] = {",+,,", ",>,\"220 EX01 ready, at your service\",", ",-,,Local"};
                out += time + ",EX01\\Default EX01," + id + "," + QByteArray::number(step) + ",10.0.0.1:25,10.0.0.9:4000"
                       + ev[step] + "\r\n";
            }
        }
    }
    return out;
}
// The preview: complete sessions of the head of the first input, before any real batch, each one
// the same session the full load builds.
void checkPreviewAgainstStore(const QList<Session> &preview, const Store &store)
{
    QHash<QString, const Session *> byId;
    for (const Session &s : store.sessions)
        byId.insert(s.server + u'/' + s.id, &s);
    for (const Session &p : preview) {
        QVERIFY(p.complete);
        const Session *s = byId.value(p.server + u'/' + p.id);
        QVERIFY2(s, qPrintable(p.id));
        QCOMPARE(p.startMs, s->startMs);
        QCOMPARE(p.endMs, s->endMs);
        QCOMPARE(p.lineCount, s->lineCount);
        QCOMPARE(p.lastReply, s->lastReply);
        QCOMPARE(p.outcome, s->outcome);
    }
}
} // namespace

class TstLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void observerSeesEverySessionInStartOrderThenFinish()
    {
        RecordingObserver obs;
        LoadOptions o;
        o.observer = &obs;
        o.threads = 2;
        const auto store = Loader::loadSync({kData}, o);
        QCOMPARE(obs.starts.size(), store->sessions.size());
        for (int i = 1; i < obs.starts.size(); ++i)
            QVERIFY(obs.starts[i - 1] <= obs.starts[i]);
        for (int i = 0; i < obs.lineCounts.size(); ++i)
            QCOMPARE(obs.lineCounts[i], store->sessions[i].lineCount);
        QCOMPARE(obs.finishedCalls, 1);
        QCOMPARE(obs.doneCalls, 1);                           // once, after every scan, before finish
        QCOMPARE(obs.scannedWhenDone, store->sessions.size());
        QCOMPARE(obs.messagesAtFinish, 8);   // 6 tracked, 2 from protocol logs alone (issue #25.8)
        QVERIFY(obs.linesBeforeFinish);
        QVERIFY(obs.scanMatchedSession);
    }
    void resultIsTheSameWithOneOrTwoThreads()
    {
        LoadOptions one;
        one.threads = 1;
        LoadOptions two;
        two.threads = 2;
        const auto a = Loader::loadSync({kData}, one);
        const auto b = Loader::loadSync({kData}, two);
        QCOMPARE(a->sessions.size(), b->sessions.size());
        for (int i = 0; i < a->sessions.size(); ++i) {
            QCOMPARE(a->sessions[i].id, b->sessions[i].id);
            QCOMPARE(a->sessions[i].remote, b->sessions[i].remote);
        }
    }
    void batchesCoverEverySessionInOrderAndProgressReachesTotal()
    {
        QList<Session> seen;
        qint64 lastDone = -1, lastTotal = -1;
        LoadOptions o;
        o.sessionBatch = [&](const QList<Session> &all, qsizetype begin, qsizetype end) {
            QCOMPARE(begin, seen.size());   // in order, no gap, no overlap
            seen += all.mid(begin, end - begin);
        };
        o.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
        };
        const auto store = Loader::loadSync({kData}, o);
        QCOMPARE(seen.size(), store->sessions.size());
        for (int i = 0; i < seen.size(); ++i)
            QCOMPARE(seen[i].index, i);
        QVERIFY(lastTotal > 0);
        QCOMPARE(lastDone, lastTotal);
    }
    void hostileFilesInABatchDoNotStopTheRest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray junk;
        quint32 x = 7;
        for (int i = 0; i < 50000; ++i) {
            x = x * 1664525u + 1013904223u;
            junk.append(char(x >> 24));
        }
        writeFile(dir.filePath(QStringLiteral("garbage.bin")), junk);
        writeFile(dir.filePath(QStringLiteral("empty.log")), QByteArray());
        QFile good(kData + QStringLiteral("/EX01/RECV2024031309-1.LOG"));
        QVERIFY(good.open(QIODevice::ReadOnly));
        QByteArray truncated = good.readAll();
        writeFile(dir.filePath(QStringLiteral("RECV.LOG")), truncated);
        truncated.chop(30);   // the last line is cut mid-field
        writeFile(dir.filePath(QStringLiteral("RECV-partial.LOG")), truncated + QByteArray("\0\0\0", 3));
        QString utf16Text = QString::fromUtf8(good.readAll());
        const auto store = Loader::loadSync({dir.path()});
        QCOMPARE(store->files.size(), 4);
        int unknown = 0, withErrors = 0;
        for (const SourceFile &f : store->files) {
            unknown += f.format == LogFormat::Unknown;
            withErrors += !f.errors.isEmpty();
        }
        QCOMPARE(unknown, 2);
        QCOMPARE(withErrors, 3);
        QCOMPARE(store->sessions.size(), 3);   // both receive copies fold into the same three sessions
    }
    void utf16ExoExportLoadsThroughTheLoader()
    {
        QTemporaryDir dir;
        QFile src(kData + QStringLiteral("/exo_summary.csv"));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(src.readAll());
        writeFile(dir.filePath(QStringLiteral("MessageTrace.csv")),
                  QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
        const auto store = Loader::loadSync({dir.path()});
        QCOMPARE(store->files.size(), 1);
        QCOMPARE(store->files[0].format, LogFormat::ExoMessageTrace);
        QCOMPARE(store->files[0].encoding, QStringLiteral("UTF-16LE"));
        QCOMPARE(store->messages.size(), 2);
        // Evidence text is re-read from the converted bytes.
        QVERIFY(store->recordText(store->messages[0].hops[0].ref).contains(QLatin1String("eve@fabrikam.com")));
    }
    void countingAgreesWithTheFullLoad()
    {
        const auto store = Loader::loadSync({kData});
        const LoadCounts c = Loader::countSync({kData});
        QCOMPARE(c.sessions, qint64(store->sessions.size()));   // incl. rollover and redacted splits
        QCOMPARE(c.messages, qint64(store->messages.size()));
        QCOMPARE(c.files.size(), store->files.size());
        qint64 lines = 0;
        for (const SourceFile &f : store->files)
            lines += f.lines;
        QCOMPARE(c.lines, lines);
    }
    void countingFastPathAgreesWithTheFullPathOnAwkwardLines()
    {
        // Every line shape the counting shortcut must hand to the general path (or read alike).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray head = "#Software: Microsoft Exchange Server\n#Version: 15.0.0.0\n#Log-type: SMTP Receive Protocol Log\n"
                                "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n";
        QByteArray body = head;
        body += "2026-11-21T02:00:00.001Z,EX01\\Default EX01,08DC000000000001,0,10.0.0.1:25,10.0.0.9:1,+,,\n";
        body += "2026-11-21T02:00:00.002Z,EX01\\Default EX01,08DC000000000001,1,10.0.0.1:25,10.0.0.9:1,>,\"250-EX01 hello\n"
                "250 SIZE, PIPELINING\",\n";   // a quoted field with an embedded line break
        body += "2026-11-21T02:00:00.003Z,EX01\\Default EX01,08DC000000000001,2,10.0.0.1:25,10.0.0.9:1,<,\"a \"\"b\"\", c\",\"x\"\n";
        body += "2026-11-21T02:00:00.004Z,\"EX01\\Default, EX01\",08DC000000000002,0,10.0.0.1:25,10.0.0.9:2,+,,\n";
        body += "2026-11-21T02:00:00.005Z,EX01\\Default EX01,08DC00000000000G,0,10.0.0.1:25,10.0.0.9:3,+,,\n";   // not hex: an opaque id, kept (issue #25.2)
        body += "2026-11-21T02:00:00.006Z,EX01\\Default EX01,08DC000000000003,0,10.0.0.1:25,10.0.0.9:3,?,,\n";   // bad event
        body += "2026-11-21T02:00:00.007Z,EX01\\Default EX01,08DC000000000003\n";                               // too few fields
        body += "2026-13-21T02:00:00.008Z,EX01\\Default EX01,08DC000000000003,0,10.0.0.1:25,10.0.0.9:3,+,,\n";   // bad month
        body += "2026-11-21T02:00:01.009Z,EX01\\Default EX01,08DC000000000003,0,10.0.0.1:25,10.0.0.9:3,+,x" + QByteArray(70, ',') + "\n";
        body += QByteArray("2026-11-21T02:00:01.010Z,EX01\\Default EX01,08DC000000000004,0,10.0.0.1:25,10.0.0.9:4,+,\0,\n", 85);
        body += "   \r\n\n";
        body += "2026-11-21 02:00:02.5Z,EX01\\Default EX01,08DC000000000004,1,10.0.0.1:25,10.0.0.9:4,-,,\r\n";
        body += head;   // service restart: the header block again, columns reordered
        body += "#Fields: session-id,date-time,connector-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n";
        body += "0000000000000000,2026-11-21T02:00:03.000Z,EX01\\Default EX01,0,10.0.0.1:25,10.0.0.9:5,+,,\n";
        body += "0000000000000000,2026-11-21T02:00:03.001Z,EX01\\Default EX01,1,10.0.0.1:25,10.0.0.9:5,-,,\n";
        body += "0000000000000000,2026-11-21T02:00:03.002Z,EX01\\Default EX01,0,10.0.0.1:25,10.0.0.9:5,+,,\n";
        body += "08DC000000000001,2026-11-21T02:00:03.003Z,EX01\\Default EX01,3,10.0.0.1:25,10.0.0.9:1,*,\"never closed\n";
        body += "08DC000000000001,2026-11-21T02:00:03.004Z,EX01\\Default EX01,4,10.0.0.1:25,10.0.0.9:1,-,,";   // no line end
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), body);
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-2.LOG")), syntheticReceiveLog(300));

        const auto store = Loader::loadSync({dir.path()});
        const LoadCounts c = Loader::countSync({dir.path()});
        QCOMPARE(c.sessions, qint64(store->sessions.size()));
        QCOMPARE(c.files.size(), store->files.size());
        qint64 lines = 0;
        for (int i = 0; i < store->files.size(); ++i) {
            const SourceFile &full = store->files[i];
            const SourceFile &counted = c.files[i];
            lines += full.lines;
            QCOMPARE(counted.lines, full.lines);
            QCOMPARE(counted.firstMs, full.firstMs);
            QCOMPARE(counted.lastMs, full.lastMs);
            QCOMPARE(counted.server, full.server);
            QCOMPARE(counted.errors.size(), full.errors.size());
            for (int e = 0; e < full.errors.size(); ++e) {
                QCOMPARE(counted.errors[e].line, full.errors[e].line);
                QCOMPARE(counted.errors[e].message, full.errors[e].message);
            }
        }
        QCOMPARE(c.lines, lines);
        QVERIFY(store->files[0].errors.size() >= 6);   // the awkward file really had problems to report
        QCOMPARE(store->files[1].lines, 900);
    }
    void observerGetsTheSameLinesAsTheStoreAcrossDecodeBlocks()
    {
        // More sessions than one decode block, so that blocks are decoded ahead on the pool.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(5001));
        struct LineObserver : SessionObserver {
            struct Lines : Scan {
                QList<QList<SessionLine>> lines;
            };
            QList<QList<SessionLine>> lines;
            std::unique_ptr<Scan> scanSessions(const QList<Session> &, qsizetype begin, qsizetype end,
                                               const LinesOf &linesOf) override
            {
                auto scan = std::make_unique<Lines>();
                for (qsizetype i = begin; i < end; ++i)
                    scan->lines.append(linesOf(i));
                return scan;
            }
            void sessionsScanned(const Store &, std::unique_ptr<Scan> scan) override
            {
                lines.append(static_cast<Lines *>(scan.get())->lines);
            }
            void loadFinished(const Store &) override {}
        } obs;
        LoadOptions o;
        o.observer = &obs;
        o.threads = 2;
        const auto store = Loader::loadSync({dir.path()}, o);
        QCOMPARE(store->sessions.size(), 5001);
        QCOMPARE(obs.lines.size(), store->sessions.size());
        for (int i = 0; i < store->sessions.size(); ++i) {
            const QList<SessionLine> expected = store->sessionLines(store->sessions[i]);
            QCOMPARE(obs.lines[i].size(), expected.size());
            for (int k = 0; k < expected.size(); ++k) {
                QCOMPARE(obs.lines[i][k].data, expected[k].data);
                QCOMPARE(obs.lines[i][k].ref.line, expected[k].ref.line);
                QCOMPARE(obs.lines[i][k].timeMs, expected[k].timeMs);
            }
        }
    }
    void scansRunAheadOfTheMergeAndStillArriveInOrder()
    {
        // 40,000 sessions: 157 runs of 256, more than the 64 runs the pool may scan ahead of the
        // merge, so scanners wait for the merge and pick up again.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(40000));
        RecordingObserver obs;
        LoadOptions o;
        o.observer = &obs;
        o.threads = 2;
        const auto store = Loader::loadSync({dir.path()}, o);
        QCOMPARE(store->sessions.size(), 40000);
        QVERIFY(obs.scanMatchedSession);
        QCOMPARE(obs.starts.size(), 40000);
        QVERIFY(std::is_sorted(obs.starts.cbegin(), obs.starts.cend()));
        QCOMPARE(obs.finishedCalls, 1);
    }

    void cancelWhileTheObserverScansEndsWithoutWaitingForTheRest()
    {
        // The cancel comes from inside a scan, with scanners ahead of the merge and the merge
        // waiting for a run: the load must end (no scanner or merge left waiting) and merge
        // nothing after the cancel was seen.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(40000));
        std::atomic_bool cancel{false};
        struct CancellingObserver : RecordingObserver {
            std::atomic_bool *cancel = nullptr;
            std::atomic_int scansAfterCancel{0};
            std::unique_ptr<Scan> scanSessions(const QList<Session> &sessions, qsizetype begin, qsizetype end,
                                               const LinesOf &linesOf) override
            {
                if (cancel->load())
                    ++scansAfterCancel;
                if (begin >= 20 * 256)
                    cancel->store(true);
                return RecordingObserver::scanSessions(sessions, begin, end, linesOf);
            }
        } obs;
        obs.cancel = &cancel;
        LoadOptions o;
        o.observer = &obs;
        o.threads = 2;
        o.cancel = &cancel;
        QElapsedTimer t;
        t.start();
        const auto store = Loader::loadSync({dir.path()}, o);
        QVERIFY(cancel.load());
        QVERIFY(obs.scanMatchedSession);              // what was merged came in order
        QVERIFY(obs.starts.size() < 40000);           // and not everything
        QCOMPARE(obs.finishedCalls, 0);               // a cancelled load does not finish the observer
        QCOMPARE(obs.doneCalls, 0);
        QVERIFY2(obs.scansAfterCancel.load() <= 2,    // at most the scans already under way
                 qPrintable(QString::number(obs.scansAfterCancel.load())));
        QVERIFY(t.elapsed() < 60000);
    }

    void bigBurstOfSessionsIsHandedOverInSlicesBeforeFinished()
    {
        // All sessions are assembled before the first batch: one range of the whole load would be
        // inserted into the table in one pass of the event loop.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(5001));
        LoadJob job;
        job.setRowsPerDelivery(1000);
        QList<QPair<qsizetype, qsizetype>> ranges;
        bool finishedBeforeLastRange = false;
        bool finished = false;
        connect(&job, &LoadJob::sessionsAdded, &job, [&](const QList<Session> &all, qsizetype begin, qsizetype end) {
            finishedBeforeLastRange = finishedBeforeLastRange || finished;
            QVERIFY(end <= all.size());
            ranges.append({begin, end});
        });
        QSignalSpy done(&job, &LoadJob::finished);
        connect(&job, &LoadJob::finished, &job, [&] { finished = true; });
        job.start({dir.path()});
        QVERIFY(done.wait(60000));
        QVERIFY(!finishedBeforeLastRange);
        QVERIFY(ranges.size() >= 6);
        qsizetype next = 0;
        for (const auto &[begin, end] : std::as_const(ranges)) {
            QCOMPARE(begin, next);
            QVERIFY(end > begin);
            QVERIFY(end - begin <= 1000);
            next = end;
        }
        QCOMPARE(next, qsizetype(5001));
    }
    void loadJobReadsZoneLessExportTimesInItsZone()
    {
        // Issue #25: the GUI asks for the zone of an Export-Csv once per load.
        const QString csv = QStringLiteral(INGEST_DATA "/../exports/ems_tracking_dst_de.csv");
        for (const bool withZone : {false, true}) {
            LoadJob job;
            if (withZone)
                job.setTimeZone(QTimeZone("Europe/Berlin"));
            std::shared_ptr<Store> store;
            connect(&job, &LoadJob::finished, &job, [&](std::shared_ptr<Store> s, bool) { store = std::move(s); });
            QSignalSpy done(&job, &LoadJob::finished);
            job.start({csv});
            QVERIFY(done.wait(60000));
            QVERIFY(store);
            QCOMPARE(store->files.size(), qsizetype(1));
            const SourceFile &f = store->files.first();
            QCOMPARE(f.firstMs, parseTimestampMs(withZone ? "2026-03-28T08:00:00Z" : "2026-03-28T09:00:00Z"));
            QCOMPARE(f.warnings.size(), withZone ? 0 : 1);
        }
    }
    void loadJobAndItsFreesLeaveQtsGlobalPoolToQt()
    {
        // Qt 6.4's raster painting waits on QThreadPool::globalInstance() from the UI thread: a
        // load or a free running there stalled painting for up to 0.9 s. An observer that holds
        // the load mid-way lets the test look at the global pool while the job runs.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(300));
        struct HoldingObserver : SessionObserver {
            QSemaphore reached, resume;
            std::atomic_int globalBusyWhileHeld{-1};
            std::unique_ptr<Scan> scanSessions(const QList<Session> &, qsizetype begin, qsizetype, const LinesOf &) override
            {
                if (begin == 0) {
                    globalBusyWhileHeld = QThreadPool::globalInstance()->activeThreadCount();
                    reached.release();
                    resume.acquire();
                }
                return nullptr;
            }
            void sessionsScanned(const Store &, std::unique_ptr<Scan>) override {}
            void loadFinished(const Store &) override {}
        } obs;
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        job.start({dir.path()}, &obs);
        QVERIFY(obs.reached.tryAcquire(1, 60000));
        const int globalBusy = QThreadPool::globalInstance()->activeThreadCount();
        obs.resume.release();
        QVERIFY(finished.wait(60000));
        QCOMPARE(obs.globalBusyWhileHeld.load(), 0);
        QCOMPARE(globalBusy, 0);

        // A free in the background, held by its destructor.
        QSemaphore freeing, done;
        struct Held {
            QSemaphore *freeing = nullptr, *done = nullptr;
            Held(QSemaphore *f, QSemaphore *d) : freeing(f), done(d) {}
            Held(Held &&o) noexcept : freeing(std::exchange(o.freeing, nullptr)), done(std::exchange(o.done, nullptr)) {}
            ~Held()
            {
                if (!freeing)
                    return;
                freeing->release();
                done->acquire();
            }
        };
        releaseInBackground(Held(&freeing, &done));
        QVERIFY(freeing.tryAcquire(1, 60000));
        QCOMPARE(QThreadPool::globalInstance()->activeThreadCount(), 0);
        done.release();
        QVERIFY(releasePool()->waitForDone(60000));
    }
    void cancelDuringParsingStopsTheJobAsCancelled()
    {
        // Big enough that parsing is still running when the first progress report arrives.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (int f = 0; f < 4; ++f)
            writeFile(dir.filePath(QStringLiteral("RECV2026112102-%1.LOG").arg(f + 1)), syntheticReceiveLog(60000, 0x100000 * (f + 1)));
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        bool cancelSent = false;
        connect(&job, &LoadJob::progress, &job, [&](qint64 done, qint64 total) {
            if (!cancelSent && done < total) {
                cancelSent = true;
                job.cancel();
            }
        });
        job.start({dir.path()});
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelSent);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        const auto store = finished.at(0).at(0).value<std::shared_ptr<Store>>();
        QVERIFY(store);
        QVERIFY(store->sessions.isEmpty());   // cancelled before assembly: nothing half-built is handed out
    }
    void preCancelledLoadReturnsQuickly()
    {
        std::atomic_bool cancel{true};
        LoadOptions o;
        o.cancel = &cancel;
        const auto store = Loader::loadSync({kData}, o);
        QVERIFY(store);
        QVERIFY(store->sessions.isEmpty());
    }
    void previewComesBeforeTheFirstBatchWithCompleteSessionsOfTheHead()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(10000));   // ~4 MB
        QList<QList<Session>> previews;
        int batchesBeforePreview = 0, batches = 0;
        LoadOptions o;
        o.threads = 2;
        o.sessionPreview = [&](const QList<Session> &p) { previews.append(p); batchesBeforePreview = batches; };
        o.sessionBatch = [&](const QList<Session> &, qsizetype, qsizetype) { ++batches; };
        QList<qsizetype> totals;
        int batchesBeforeTotal = -1;
        o.sessionTotal = [&](qsizetype total) { totals.append(total); batchesBeforeTotal = batches; };
        const auto store = Loader::loadSync({dir.path()}, o);
        QCOMPARE(store->sessions.size(), 10000);
        QCOMPARE(totals, QList<qsizetype>{10000});   // announced once, before the first batch
        QCOMPARE(batchesBeforeTotal, 0);
        QCOMPARE(previews.size(), 1);
        QCOMPARE(batchesBeforePreview, 0);
        QVERIFY(batches > 0);
        const QList<Session> &preview = previews.first();
        // Only the first MiB is read for it: a part of the file, not all of it.
        QVERIFY2(preview.size() > 1000 && preview.size() < 5000, qPrintable(QString::number(preview.size())));
        checkPreviewAgainstStore(preview, *store);
    }
    void previewOfAUtf16FileWithoutBomCutsAtALineEnd()
    {
        QTemporaryDir dir;
        const QString text = QString::fromLatin1(syntheticReceiveLog(6000));
        QByteArray le(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);   // UTF-16LE, no BOM
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), le);
        QList<Session> preview;
        LoadOptions o;
        o.sessionPreview = [&](const QList<Session> &p) { preview = p; };
        const auto store = Loader::loadSync({dir.path()}, o);
        QCOMPARE(store->sessions.size(), 6000);
        QVERIFY(!preview.isEmpty());
        QVERIFY(preview.size() < 6000);
        checkPreviewAgainstStore(preview, *store);
    }
    void previewPassesOverInputsThatAreNotLogs()
    {
        QTemporaryDir dir;
        QByteArray garbage(300'000, '\0');
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) & 0xff);
        writeFile(dir.filePath(QStringLiteral("a-garbage.bin")), garbage);
        writeFile(dir.filePath(QStringLiteral("b-readme.txt")), "not a log\n");
        writeFile(dir.filePath(QStringLiteral("c-RECV2026112102-1.LOG")), syntheticReceiveLog(200));
        QList<Session> preview;
        LoadOptions o;
        o.sessionPreview = [&](const QList<Session> &p) { preview = p; };
        const auto store = Loader::loadSync({dir.path()}, o);
        QCOMPARE(store->sessions.size(), 200);
        QCOMPARE(preview.size(), 200);   // the whole small log is its own head
        checkPreviewAgainstStore(preview, *store);
    }
    void loadJobEmitsThePreviewBeforeItsBatches()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(4000));
        LoadJob job;
        QList<char> order;
        connect(&job, &LoadJob::sessionsPreview, this, [&order] { order.append('p'); });
        connect(&job, &LoadJob::sessionsAdded, this, [&order] { order.append('b'); });
        QSignalSpy finished(&job, &LoadJob::finished);
        job.start({dir.path()});
        QVERIFY(finished.wait(20000));
        QVERIFY(order.size() >= 2);
        QCOMPARE(order.first(), 'p');
        QCOMPARE(order.count('p'), 1);
    }
    void loadJobEmitsBatchesProgressAndFinished()
    {
        LoadJob job;
        QSignalSpy batches(&job, &LoadJob::sessionsAdded);
        QSignalSpy progress(&job, &LoadJob::progress);
        QSignalSpy finished(&job, &LoadJob::finished);
        job.start({kData});
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(20000));
        QVERIFY(!job.isRunning());
        const auto store = finished.at(0).at(0).value<std::shared_ptr<Store>>();
        QVERIFY(store);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        // Ranges may be merged (a burst of batches reaches the UI as few signals) but follow each
        // other without gap or overlap and end at the last session.
        qsizetype next = 0;
        for (const auto &args : batches) {
            QCOMPARE(args.at(1).value<qsizetype>(), next);
            next = args.at(2).value<qsizetype>();
            QVERIFY(args.at(0).value<QList<Session>>().size() >= next);
        }
        QCOMPARE(next, store->sessions.size());
        QVERIFY(!progress.isEmpty());
    }
    void loadJobCancelFinishesCancelled()
    {
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        job.start({kData});
        job.cancel();
        QVERIFY(finished.wait(20000));
        // The job may have completed before the flag was seen; either way it finished once.
        QCOMPARE(finished.size(), 1);
    }
    void replacedJobKeepsItsObserverAliveUntilItsWorkerEnds()
    {
        // The GUI replaces a running load (a second drop) and drops its reference to the first
        // load's diagnosis engine at once. The first worker must still be able to use it: the job
        // owns a share until the worker has ended. Under ASan a freed observer is a crash here.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("RECV2026112102-1.LOG")), syntheticReceiveLog(300));
        struct HoldingObserver : SessionObserver {
            QSemaphore *reached = nullptr, *resume = nullptr;
            std::atomic_bool *destroyed = nullptr;
            std::atomic_int scans{0};
            ~HoldingObserver() override { *destroyed = true; }
            std::unique_ptr<Scan> scanSessions(const QList<Session> &, qsizetype begin, qsizetype, const LinesOf &) override
            {
                ++scans;
                if (begin == 0) {
                    reached->release();
                    resume->acquire();
                }
                return nullptr;
            }
            void sessionsScanned(const Store &, std::unique_ptr<Scan>) override { ++scans; }
            void loadFinished(const Store &) override { ++scans; }
        };
        QSemaphore reached, resume;
        std::atomic_bool destroyed{false};
        auto observer = std::make_shared<HoldingObserver>();
        observer->reached = &reached;
        observer->resume = &resume;
        observer->destroyed = &destroyed;
        auto *first = new LoadJob;
        first->start({dir.path()}, std::shared_ptr<SessionObserver>(observer));
        QVERIFY(reached.tryAcquire(1, 60000));
        // What MainWindow::startLoad does: cancel, schedule the delete, drop the engine.
        first->cancel();
        first->deleteLater();
        observer.reset();
        QVERIFY(!destroyed.load());   // the running worker still holds it
        LoadJob second;
        QSignalSpy finished(&second, &LoadJob::finished);
        second.start({dir.path()});
        resume.release();             // the first worker goes on with the observer it was given
        QVERIFY(finished.wait(60000));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTRY_VERIFY_WITH_TIMEOUT(destroyed.load(), 20000);   // freed once the worker ended
    }
    void destroyingARunningJobWaits()
    {
        auto *job = new LoadJob;
        job->start({kData});
        delete job;   // must not crash or leak a running thread
        QVERIFY(true);
    }
};

QTEST_GUILESS_MAIN(TstLoader)
#include "tst_loader.moc"
