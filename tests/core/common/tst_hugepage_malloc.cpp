// Restarting with glibc.malloc.hugetlb=1: when it happens, that it happens once, and that it keeps
// the admin's own tunables and the program's arguments.
#include "model/core/common/hugepagemalloc.h"

#include <QFile>
#include <QProcess>
#include <QTest>

class TestHugePageMalloc : public QObject {
    Q_OBJECT
private slots:
    void restartsOnlyWhenTheKernelWantsMadvise()
    {
        QCOMPARE(mwb::hugePageTunables(nullptr, "always [madvise] never\n", false), std::string("glibc.malloc.hugetlb=1"));
        QCOMPARE(mwb::hugePageTunables(nullptr, "[always] madvise never\n", false), std::string());
        QCOMPARE(mwb::hugePageTunables(nullptr, "always madvise [never]\n", false), std::string());
        QCOMPARE(mwb::hugePageTunables(nullptr, "", false), std::string());   // no THP support at all
    }

    void keepsOtherTunablesAndAppendsItsOwn()
    {
        QCOMPARE(mwb::hugePageTunables("glibc.malloc.arena_max=2", "always [madvise] never", false),
                 std::string("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
        QCOMPARE(mwb::hugePageTunables("", "always [madvise] never", false), std::string("glibc.malloc.hugetlb=1"));
    }

    void anySettingOfTheTunableStopsARestart()
    {
        // The first restart's own value, and an admin's explicit "off", both end it: no loop.
        QCOMPARE(mwb::hugePageTunables("glibc.malloc.hugetlb=1", "always [madvise] never", false), std::string());
        QCOMPARE(mwb::hugePageTunables("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0", "always [madvise] never", false),
                 std::string());
    }

    void optOutStopsARestart()
    {
        QCOMPARE(mwb::hugePageTunables(nullptr, "always [madvise] never", true), std::string());
    }

    void childrenGetTheTunablesTheyHadBefore()
    {
        QCOMPARE(mwb::withoutHugePageTunable("glibc.malloc.hugetlb=1"), std::string());
        QCOMPARE(mwb::withoutHugePageTunable("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"),
                 std::string("glibc.malloc.arena_max=2"));
        QCOMPARE(mwb::withoutHugePageTunable("glibc.malloc.hugetlb=0"), std::string("glibc.malloc.hugetlb=0"));
        QCOMPARE(mwb::withoutHugePageTunable(""), std::string());
    }

    void aRealProgramRestartsAtMostOnceWithItsArguments()
    {
        QFile thpFile(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
        const QByteArray thp = thpFile.open(QIODevice::ReadOnly) ? thpFile.readAll() : QByteArray();
        const bool expectRestart = thp.contains("[madvise]");

        QProcess probe;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GLIBC_TUNABLES"));
        env.remove(QStringLiteral("MWB_NO_HUGEPAGES"));
        env.remove(QStringLiteral("PROBE_STARTS"));
        probe.setProcessEnvironment(env);
#if defined(Q_OS_WIN)
        const QString second = QStringLiteral("--x=y");   // argv is in the ANSI code page there, not UTF-8
        const QByteArray secondBytes = "--x=y";
#else
        const QString second = QStringLiteral("--x=ü");
        const QByteArray secondBytes = "--x=\xc3\xbc";
#endif
        probe.start(QStringLiteral(PROBE_EXE), {QStringLiteral("first arg"), second});
        QVERIFY(probe.waitForFinished(20000));
        QCOMPARE(probe.exitCode(), 0);
        // The probe's printf writes CRLF on Windows (text-mode stdout).
        const QByteArray out = probe.readAllStandardOutput().replace("\r\n", "\n");
        QVERIFY2(out.contains(expectRestart ? "starts=2\n" : "starts=1\n"), out.constData());
        QVERIFY2(out.contains(expectRestart ? "tunables=glibc.malloc.hugetlb=1\n" : "tunables=\n"), out.constData());
        QVERIFY2(out.contains("arg=first arg\narg=" + secondBytes + '\n'), out.constData());

        // Opted out: one start, nothing set.
        env.insert(QStringLiteral("MWB_NO_HUGEPAGES"), QStringLiteral("1"));
        probe.setProcessEnvironment(env);
        probe.start(QStringLiteral(PROBE_EXE), {});
        QVERIFY(probe.waitForFinished(20000));
        const QByteArray optedOut = probe.readAllStandardOutput().replace("\r\n", "\n");
        QVERIFY2(optedOut.contains("starts=1\ntunables=\n"), optedOut.constData());
    }
};

QTEST_GUILESS_MAIN(TestHugePageMalloc)
#include "tst_hugepage_malloc.moc"
