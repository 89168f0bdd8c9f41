#include "model/core/common/workpools.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace mwb {

namespace {

QThreadPool *makePool(int threads, void (*waitAtExit)())
{
    auto *p = new QThreadPool;   // never deleted: a task may still be queued while statics go
    p->setMaxThreadCount(threads);
    // As Qt does for its global pool: the application's end waits for what is still running.
    qAddPostRoutine(waitAtExit);
    return p;
}

void waitForJobs() { jobPool()->waitForDone(); }
void waitForReleases() { releasePool()->waitForDone(); }

} // namespace

void lowerThreadPriority()
{
#if defined(__linux__)
    constexpr int kBackgroundNice = 5;
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    // On Linux PRIO_PROCESS with a thread id sets that one thread's nice value (NPTL threads have
    // their own); only ever raised, never lowered, so a thread already nicer keeps its value.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && now < kBackgroundNice)
        ::setpriority(PRIO_PROCESS, tid, kBackgroundNice);
#endif
}

QThreadPool *jobPool()
{
    // A load, a filter, a sort and a combo-box scan can all be running: no job waits for a thread.
    static QThreadPool *const pool = makePool(std::max(4, QThread::idealThreadCount()), waitForJobs);
    return pool;
}

QThreadPool *releasePool()
{
    static QThreadPool *const pool = makePool(std::max(1, QThread::idealThreadCount()), waitForReleases);
    return pool;
}

} // namespace mwb
