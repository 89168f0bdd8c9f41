#pragma once
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

} // namespace mwb
