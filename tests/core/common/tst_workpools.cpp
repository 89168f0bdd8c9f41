// Background work yields to the UI thread: pool tasks lower their own thread's priority, threads
// they start inherit it, and the thread that called nothing keeps its own.
#include "model/core/common/background.h"
#include "model/core/common/workpools.h"

#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <thread>

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace mwb;

namespace {
#if defined(__linux__)
int niceOfThisThread()
{
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}
#endif
} // namespace

class TestWorkPools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loweredThreadRunsBehindAndItsChildrenInheritIt()
    {
#if defined(__linux__)
        const int callerBefore = niceOfThisThread();
        int before = 0, after = 0, again = 0, child = 0;
        std::thread worker([&] {
            before = niceOfThisThread();
            lowerThreadPriority();
            after = niceOfThisThread();
            lowerThreadPriority();   // idempotent
            again = niceOfThisThread();
            std::thread inner([&] { child = niceOfThisThread(); });
            inner.join();
        });
        worker.join();
        QCOMPARE(before, callerBefore);
        QVERIFY2(after >= 5, qPrintable(QStringLiteral("nice after lowering: %1").arg(after)));
        QCOMPARE(again, after);
        QCOMPARE(child, after);
        QCOMPARE(niceOfThisThread(), callerBefore);   // only the thread that asked
#else
        QSKIP("thread priorities are set on Linux only");
#endif
    }

    void jobsRunLoweredAndHandBackTheirResult()
    {
#if defined(__linux__)
        const int callerBefore = niceOfThisThread();
        QFuture<int> job = runJob([] { return niceOfThisThread(); });
        const int jobNice = job.result();
        QVERIFY2(jobNice >= 5, qPrintable(QStringLiteral("nice of the job: %1").arg(jobNice)));
        QCOMPARE(niceOfThisThread(), callerBefore);
#else
        QSKIP("thread priorities are set on Linux only");
#endif
        QFuture<QString> text = runJob([word = QStringLiteral("done")] { return word + QLatin1Char('!'); });
        QCOMPARE(text.result(), QStringLiteral("done!"));
    }

    void releaseTasksRunLowered()
    {
#if defined(__linux__)
        std::atomic_int seen{-100};
        struct Probe {
            std::atomic_int *out = nullptr;
            ~Probe()
            {
                if (out)
                    out->store(niceOfThisThread());
            }
        };
        auto probe = std::make_unique<Probe>();
        probe->out = &seen;
        releaseInBackground(std::move(probe));
        releasePool()->waitForDone();
        QVERIFY2(seen.load() >= 5, qPrintable(QStringLiteral("nice of the freeing thread: %1").arg(seen.load())));
#else
        QSKIP("thread priorities are set on Linux only");
#endif
    }
};

QTEST_GUILESS_MAIN(TestWorkPools)
#include "tst_workpools.moc"
