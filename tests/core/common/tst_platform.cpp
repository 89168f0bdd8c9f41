// The platform seam (model/core/common/platform.h) on the platform the tests run on: what the
// loader, the huge-page restart and the CLI's memory figures rely on. Built and run on Windows by
// the Windows CI job too, where the expectations differ as noted.
#include "model/core/common/platform.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

class TestPlatform : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mapsAWholeFileAndOutlivesItsDescriptor()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("RECV2024.LOG"));
        const QByteArray text = "#Software: Microsoft Exchange Server\r\n2024-01-01T00:00:00.000Z,EX01\\Default,08D\r\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        QString error;
        const auto map = platform::MappedFile::map(path, &error);
        QVERIFY2(map, qPrintable(error));
        QCOMPARE(map->size(), qint64(text.size()));
        QCOMPARE(QByteArray(map->data(), int(map->size())), text);
        QVERIFY(!platform::MappedFile::map(dir.filePath(QStringLiteral("missing.log")), &error));
        QVERIFY(!error.isEmpty());
    }

    void tellsFilesFromFoldersAndMissingPaths()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("a.log"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(platform::fileKind(file), platform::FileKind::Regular);
        QCOMPARE(platform::fileKind(dir.path()), platform::FileKind::Directory);
        QCOMPARE(platform::fileKind(dir.filePath(QStringLiteral("nope"))), platform::FileKind::Missing);
        QVERIFY(platform::canListFolder(dir.path()));
    }

    void descriptorNamesAreStreamsOnPosixOnly()
    {
#if defined(Q_OS_WIN)
        QVERIFY(!platform::namesOpenDescriptor(QStringLiteral("/dev/fd/63")));
#else
        QVERIFY(platform::namesOpenDescriptor(QStringLiteral("/dev/fd/63")));   // bash's <(zcat x.gz)
        QVERIFY(platform::namesOpenDescriptor(QStringLiteral("/proc/self/fd/3")));
        QVERIFY(platform::namesOpenDescriptor(QStringLiteral("/dev/stdin")));
#endif
        QVERIFY(!platform::namesOpenDescriptor(QStringLiteral("-")));   // the caller's, on every platform
        QVERIFY(!platform::namesOpenDescriptor(QStringLiteral("/var/log/exchange/RECV2024.LOG")));
        QVERIFY(!platform::namesOpenDescriptor(QStringLiteral("C:/Logs/fd/RECV2024.LOG")));
    }

    void hugePageModeOnlyWhereGlibcCanUseIt()
    {
        const std::string mode = platform::mallocHugePageMode();
#if defined(__linux__) && defined(__GLIBC__)
        QFile thp(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
        const QByteArray expected = thp.open(QIODevice::ReadOnly) ? thp.readAll() : QByteArray();
        QCOMPARE(QByteArray::fromStdString(mode), expected);
#else
        QVERIFY(mode.empty());
#endif
    }

    void reportsThisProcesssMemory()
    {
#if defined(Q_OS_LINUX) || defined(Q_OS_WIN)
        const QByteArray block(8 * 1024 * 1024, 'x');   // touched: resident
        QVERIFY(platform::residentAnonymousKb() > 0);
        QVERIFY2(platform::peakResidentKb() >= 8 * 1024, qPrintable(QString::number(platform::peakResidentKb())));
        QCOMPARE(block.at(block.size() - 1), 'x');
#else
        QSKIP("no memory figures on this platform");
#endif
    }
};

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
