#pragma once
#include <QtConcurrent/QtConcurrentRun>

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
