#include "model/core/common/workpools.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include "model/core/common/platform.h"

#include <algorithm>

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
    platform::lowerCurrentThreadPriority();
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
