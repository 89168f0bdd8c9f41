#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

#include <thread>
#include <utility>
#include <vector>

class QThreadPool;

namespace mwb {

// Thread pools for the program's own long work. QThreadPool::globalInstance() is left to Qt: in
// Qt 6.4 the raster paint engine splits fills onto the global pool and the UI thread waits for
// them, so a load job or a free of millions of objects running there made painting a scroll bar
// wait 0.1-0.9 s (issue #5; seen as QSemaphore::acquire under QRasterPaintEngine::drawLines).

// Loads, filters, sorts: tasks that are started for one job each and may run for seconds.
QThreadPool *jobPool();
// Frees of big structures (releaseInBackground and the like): nothing waits for them but tests
// and benchmarks.
QThreadPool *releasePool();

// Puts the calling thread behind the UI thread: on Linux it runs at nice +5 from then on, and the
// threads it starts inherit that. Called first by every task of jobPool() (through runJob) and of
// releasePool() (through releaseInBackground), so a load, a filter or a free on two cores takes
// CPU from the UI thread only when the UI thread has nothing to do: with equal priority, paint and
// timer events waited behind the load's threads and the event loop stalled for 30-50 ms at a time
// (issue #4). An unprivileged thread cannot raise its priority again, which is why this is for
// threads that only ever do background work. Idempotent.
void lowerThreadPriority();

// Runs `work` on jobPool(), behind the UI thread (lowerThreadPriority first), and returns its
// future: the way every job gets there, so that none competes with the UI thread at its priority.
template <typename Work>
auto runJob(Work &&work)
{
    return QtConcurrent::run(jobPool(), [work = std::forward<Work>(work)]() mutable {
        lowerThreadPriority();
        return work();
    });
}

// The newest of one kind of background job (a view's index, a list for a combo box): starting one
// cancels the one before it (its flag is set, so it can stop early, and its result is dropped),
// and the newest result reaches `done` on the context object's thread. The one idiom for work a
// view starts and may supersede; `work` gets the cancel flag to poll.
template <typename T>
class LatestJob {
public:
    explicit LatestJob(QObject *context) : m_context(context) {}
    ~LatestJob() { cancel(); }
    LatestJob(const LatestJob &) = delete;
    LatestJob &operator=(const LatestJob &) = delete;

    template <typename Work, typename Done>
    void start(Work &&work, Done &&done)
    {
        cancel();
        auto cancelled = std::make_shared<std::atomic_bool>(false);
        m_cancelled = cancelled;
        auto *watcher = new QFutureWatcher<T>(m_context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, m_context,
                         [this, watcher, cancelled, done = std::forward<Done>(done)]() mutable {
                             watcher->deleteLater();
                             if (*cancelled)
                                 return;
                             m_cancelled.reset();
                             done(watcher->result());
                         });
        m_future = runJob([work = std::forward<Work>(work), cancelled]() mutable { return work(*cancelled); });
        watcher->setFuture(m_future);
    }
    // The running job's result will not be delivered; the job itself stops when it polls its flag.
    void cancel()
    {
        if (m_cancelled)
            *m_cancelled = true;
        m_cancelled.reset();
    }
    bool isRunning() const { return m_cancelled && m_future.isRunning(); }

private:
    QObject *m_context;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QFuture<T> m_future;
};

// Runs `work` on `threads` threads at once, the calling thread being one of them, and returns when
// every one has returned. Plain threads, not a pool: the caller is often a pool worker itself, and
// blocking on pool tasks from inside the pool could starve it.
template <typename Work>
void runOnThreads(int threads, Work &&work)
{
    std::vector<std::thread> others;
    for (int t = 1; t < threads; ++t)
        others.emplace_back(work);
    work();
    for (std::thread &other : others)
        other.join();
}

} // namespace mwb
