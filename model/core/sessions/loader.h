#pragma once
// Loading: paths (files, folders, archives) -> Store. One engine, two front doors:
// Loader::loadSync for the CLI and tests, LoadJob for the GUI (worker thread, progress, batches, cancel).
#include "model/core/sessions/store.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QTimeZone>
#include <atomic>
#include <functional>
#include <memory>

namespace mwb {

class SessionObserver;

// Where a load's time went (wall ms from the start of loadSync to the end of each phase's work),
// for the benchmark: assembly varies by a second between identical loads, which hides what an
// observer adds unless the phases are seen apart.
struct LoadPhases {
    qint64 parsedMs = -1;       // files parsed
    qint64 assembledMs = -1;    // sessions assembled and ordered
    qint64 deliveredMs = -1;    // every session handed to the batches and scanned by the observer
    qint64 observerWaitMs = 0;  // of that, the load's thread waiting for the observer's scans
    qint64 observerMergeMs = 0; // of that, in the observer's sessionsScanned
    qint64 correlatedMs = -1;   // messages correlated (beside the delivery) and waited for
    qint64 finishedMs = -1;     // the observer's loadFinished done: the end of the load
};

// What a load is doing, for progress text ("grouping 1.2 M sessions…"). In this order; a cancelled
// load stops anywhere.
enum class LoadPhase {
    Reading,       // files read and parsed (progress: bytes)
    Assembling,    // lines grouped into sessions
    Delivering,    // sessions handed to the views and scanned by the diagnosis (progress: sessions)
    Correlating,   // messages followed across servers
    Diagnosing,    // findings computed from what the scans collected
};

struct LoadOptions {
    int threads = 0;                         // 0 = QThread::idealThreadCount()
    SessionObserver *observer = nullptr;     // e.g. the diagnosis engine; not owned
    std::function<void(qint64 bytesDone, qint64 bytesTotal)> progress;                // any thread
    // New sessions, in order: all[begin, end). `all` is the load's whole session list, shared (a
    // receiver keeps a reference instead of copying sessions; the loader never changes it again).
    std::function<void(const QList<Session> &all, qsizetype begin, qsizetype end)> sessionBatch;   // any thread
    // A first look, before the real batches: complete sessions from the head of the first input(s),
    // assembled on their own while the whole drop is still to be parsed. Shown until the first
    // sessionBatch replaces them; never handed to the observer, never part of the Store.
    std::function<void(const QList<Session> &preview)> sessionPreview;                // any thread
    // How many sessions the batches will bring, once assembly knows it (before the first batch):
    // lets a receiver reserve room instead of growing a list of millions batch by batch.
    std::function<void(qsizetype total)> sessionTotal;                                // any thread
    std::function<void(LoadPhase phase)> phase;                                       // any thread
    const std::atomic_bool *cancel = nullptr;
    LoadPhases *phases = nullptr;            // filled in when given (loadSync's thread)
    // Zone-less times of local-time exports (Export-Csv / Format-List of Get-MessageTrackingLog) are
    // read in this zone (mwb --timezone; the GUI asks once per load); invalid = UTC with a warning.
    QTimeZone timeZone;
    // When the inputs hold no collection files: the configuration is read from these instead (a
    // saved case's copy of a collection zip that was moved or is gone), and says so in its problems.
    QList<config::CollectionFileCopy> configurationFallback;
};

// What `mwb stats` reports: the same counts a full load gives, without building Session objects
// or keeping a record per line (sessions are counted from per-key aggregates).
struct LoadCounts {
    QList<SourceFile> files;
    qint64 bytes = 0;
    qint64 lines = 0;
    qint64 sessions = 0;
    qint64 messages = 0;
    bool unreadable = false;   // some file or line could not be read
};

class Loader {
public:
    // Never throws, never crashes on bad input: unreadable files become SourceFile::errors.
    static std::shared_ptr<Store> loadSync(const QStringList &paths, const LoadOptions &options = {});
    // Counting only (observer and sessionBatch are not used).
    static LoadCounts countSync(const QStringList &paths, const LoadOptions &options = {});
};

// GUI job: runs Loader on a worker thread. Signals arrive in the object's thread.
class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QObject *parent = nullptr);
    ~LoadJob() override;
    // The job shares ownership of the observer until its worker has ended: a replaced or cancelled
    // load's worker may still be scanning when the caller drops its own reference (a second drop
    // during a load once freed the diagnosis engine under the running worker, issue #28).
    void start(const QStringList &paths, std::shared_ptr<SessionObserver> observer);
    // Without an observer, or with one the caller keeps alive until `finished` (tests).
    void start(const QStringList &paths, SessionObserver *observer = nullptr);
    void cancel();   // the job stops within ~100 ms
    // sessionsAdded hands over at most this many rows per pass of the event loop (default 250,000),
    // so that a view inserting them never holds the UI thread long.
    void setRowsPerDelivery(qsizetype rows);
    // The zone of zone-less export times (LoadOptions::timeZone) for the loads started after it;
    // invalid (the default): read as UTC, with a warning per file.
    void setTimeZone(const QTimeZone &zone);
    // LoadOptions::configurationFallback for the loads started after it.
    void setConfigurationFallback(const QList<config::CollectionFileCopy> &copies);
    bool isRunning() const;

Q_SIGNALS:
    void progress(qint64 bytesDone, qint64 bytesTotal);
    void sessionsPreview(const QList<mwb::Session> &preview);   // once, early (LoadOptions::sessionPreview)
    void sessionsExpected(qsizetype total);                    // once, before the first sessionsAdded
    void sessionsAdded(const QList<mwb::Session> &all, qsizetype begin, qsizetype end);   // ~every 100 ms: see LoadOptions::sessionBatch
    void phaseChanged(mwb::LoadPhase phase);
    void finished(std::shared_ptr<mwb::Store> store, bool cancelled);

private:
    // Emits sessionsAdded for the waiting range, at most rowsPerDelivery rows of it per pass of the
    // event loop; the rest is posted again.
    void deliverBatch();
    static void postFinished(LoadJob *job, const std::shared_ptr<Store> &store, bool wasCancelled);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mwb
