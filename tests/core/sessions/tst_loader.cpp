// Loader and LoadJob: observer order, batches, progress, cancel, hostile inputs in a batch.
#include "model/core/sessions/loader.h"
#include "model/core/sessions/observer.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {

const QString kData = QStringLiteral(INGEST_DATA);

class RecordingObserver : public SessionObserver {
public:
    QList<qint64> starts;
    QList<int> lineCounts;
    int messagesAtFinish = -1;
    int finishedCalls = 0;
    bool linesBeforeFinish = true;
    void sessionAssembled(const Store &, const Session &s, const QList<SessionLine> &lines) override
    {
        starts.append(s.startMs);
        lineCounts.append(int(lines.size()));
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
        QCOMPARE(obs.messagesAtFinish, 6);
        QVERIFY(obs.linesBeforeFinish);
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
        o.sessionBatch = [&](const QList<Session> &batch) { seen += batch; };
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
    void preCancelledLoadReturnsQuickly()
    {
        std::atomic_bool cancel{true};
        LoadOptions o;
        o.cancel = &cancel;
        const auto store = Loader::loadSync({kData}, o);
        QVERIFY(store);
        QVERIFY(store->sessions.isEmpty());
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
        int total = 0;
        for (const auto &args : batches)
            total += int(args.at(0).value<QList<Session>>().size());
        QCOMPARE(total, store->sessions.size());
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
