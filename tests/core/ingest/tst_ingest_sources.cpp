// Sources: folders (recursive), archives via libarchive (.zip, .gz, .tar.gz), unreadable inputs.
#include "model/core/ingest/sources.h"
#include "model/core/sessions/loader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

#include "tests/core/ingest/archivewriter.h"

using namespace mwb;
using mwb::testing::writeArchive;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(INGEST_DATA "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

// A gzip file of `times` copies of `block`, written a block at a time (never whole in memory).
bool writeGzipRepeated(const QString &path, const QByteArray &block, int times)
{
    archive *a = archive_write_new();
    archive_write_set_format_raw(a);
    archive_write_add_filter_gzip(a);
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        archive_write_free(a);
        return false;
    }
    archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, "data");
    archive_entry_set_size(e, la_int64_t(block.size()) * times);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    for (int i = 0; i < times; ++i)
        archive_write_data(a, block.constData(), size_t(block.size()));
    archive_entry_free(e);
    archive_write_close(a);
    archive_write_free(a);
    return true;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const SourceFile *fileEndingWith(const Store &s, const QString &suffix)
{
    for (const SourceFile &f : s.files) {
        if (f.path.endsWith(suffix))
            return &f;
    }
    return nullptr;
}

} // namespace

class TstIngestSources : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folderIsReadRecursivelyInPathOrder()
    {
        const QList<ingest::Input> in = ingest::collectInputs({QStringLiteral(INGEST_DATA)});
        QCOMPARE(in.size(), 10);
        QVERIFY(in[0].path.endsWith(QLatin1String("EX01/MSGTRK2024031309-1.LOG")));
        QCOMPARE(in[0].serverHint, QStringLiteral("EX01"));
    }
    void serverFromFolderSkipsGenericNames()
    {
        QCOMPARE(ingest::serverFromFolders(QStringLiteral("/x/EX07/TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpSend/SEND1.LOG")),
                 QStringLiteral("EX07"));
    }
    void zipTarGzAndGzMembersAreLoaded()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray recv = readData(QStringLiteral("EX01/RECV2024031309-1.LOG"));
        const QByteArray send = readData(QStringLiteral("EX01/SEND2024031309-1.LOG"));
        QVERIFY(writeArchive(dir.filePath(QStringLiteral("logs.zip")), QStringLiteral("zip"),
                             {{QStringLiteral("EX05/SmtpSend/SEND1.LOG"), send}, {QStringLiteral("notes.txt"), "hello\n"}}));
        QVERIFY(writeArchive(dir.filePath(QStringLiteral("logs.tar.gz")), QStringLiteral("tar.gz"),
                             {{QStringLiteral("RECV1.LOG"), recv}}));
        QVERIFY(writeArchive(dir.filePath(QStringLiteral("RECV2.LOG.gz")), QStringLiteral("gz"), {{QStringLiteral("data"), recv}}));
        const auto store = Loader::loadSync({dir.path()});
        QCOMPARE(store->files.size(), 4);
        const SourceFile *zipSend = fileEndingWith(*store, QStringLiteral("logs.zip!/EX05/SmtpSend/SEND1.LOG"));
        QVERIFY(zipSend);
        QCOMPARE(zipSend->format, LogFormat::SmtpSend);
        QCOMPARE(zipSend->server, QStringLiteral("EX05"));   // Send connectors have no server part: folder
        const SourceFile *notes = fileEndingWith(*store, QStringLiteral("notes.txt"));
        QVERIFY(notes);
        QCOMPARE(notes->format, LogFormat::Unknown);
        const SourceFile *tgz = fileEndingWith(*store, QStringLiteral("logs.tar.gz!/RECV1.LOG"));
        QVERIFY(tgz);
        QCOMPARE(tgz->format, LogFormat::SmtpReceive);
        const SourceFile *gz = fileEndingWith(*store, QStringLiteral("RECV2.LOG.gz!/RECV2.LOG"));
        QVERIFY(gz);
        QCOMPARE(gz->lines, qint64(38));
        // The same receive log twice (tar.gz and gz) folds into the same three sessions; plus one send session.
        QCOMPARE(store->sessions.size(), 4);
    }
    void damagedArchiveIsAnErrorAndTheRestLoads()
    {
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("broken.zip")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray("PK\x03\x04", 4) + QByteArray(300, '\x7f'));
        bad.close();
        QFile good(dir.filePath(QStringLiteral("RECV.LOG")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(readData(QStringLiteral("EX01/RECV2024031309-1.LOG")));
        good.close();
        const auto store = Loader::loadSync({dir.path()});
        const SourceFile *b = fileEndingWith(*store, QStringLiteral("broken.zip"));
        QVERIFY(b);
        QVERIFY(!b->errors.isEmpty());
        QCOMPARE(store->sessions.size(), 3);
    }
    // Bounded archives (issue #27): members are unpacked one at a time into temporary files (never
    // all held in memory), within a budget per load, junk lines cut, bombs stopped, nesting limited.
    void membersAreUnpackedToTemporaryFilesNotMemory()
    {
        QTemporaryDir dir;
        const QByteArray recv = readData(QStringLiteral("EX01/RECV2024031309-1.LOG"));
        QVERIFY(writeArchive(dir.filePath(QStringLiteral("logs.zip")), QStringLiteral("zip"),
                             {{QStringLiteral("a/RECV1.LOG"), recv}, {QStringLiteral("b/RECV2.LOG"), recv}}));
        QString unpackedPath;
        {
            const QList<ingest::Input> in = ingest::collectInputs({dir.path()});
            QCOMPARE(in.size(), 2);
            for (const ingest::Input &i : in) {
                QVERIFY(i.error.isEmpty());
                QVERIFY(i.unpacked);
                QVERIFY(i.filePath.startsWith(i.unpacked->path()));   // a file to map, not a buffer
                QCOMPARE(fileBytes(i.filePath), recv);
                QCOMPARE(i.size, recv.size());
            }
            unpackedPath = in[0].filePath;
        }
        QVERIFY2(!QFile::exists(unpackedPath), "the temporary files go with the inputs");
    }
#ifdef Q_OS_UNIX
    // Standard input and process substitution (issue #27): read once, copied to the load's
    // temporary folder as they come and mapped from there, never held whole in memory; an archive
    // on a stream is opened like an archive file.
    void streamsAreCopiedToTemporaryFilesNotMemory()
    {
        const QByteArray recv = readData(QStringLiteral("EX01/RECV2024031309-1.LOG"));
        auto throughPipe = [](const QByteArray &bytes, auto check) {
            int fds[2];
            QVERIFY(::pipe(fds) == 0);
            std::thread writer([&] {
                qsizetype done = 0;
                while (done < bytes.size()) {
                    const ssize_t n = ::write(fds[1], bytes.constData() + done, size_t(bytes.size() - done));
                    if (n <= 0)
                        break;
                    done += n;
                }
                ::close(fds[1]);
            });
            const QList<ingest::Input> in = ingest::collectInputs({QStringLiteral("/dev/fd/%1").arg(fds[0])});
            writer.join();
            ::close(fds[0]);
            check(in);
        };
        QString copied;
        throughPipe(recv, [&](const QList<ingest::Input> &in) {
            QCOMPARE(in.size(), 1);
            QVERIFY(in[0].error.isEmpty());
            QVERIFY(in[0].unpacked);
            QVERIFY(in[0].filePath.startsWith(in[0].unpacked->path()));   // a file to map, not a buffer
            QCOMPARE(in[0].size, recv.size());
            QCOMPARE(fileBytes(in[0].filePath), recv);
            copied = in[0].filePath;
        });
        QVERIFY2(!copied.isEmpty() && !QFile::exists(copied), "the copy goes with the inputs");
        QTemporaryDir dir;
        const QString gz = dir.filePath(QStringLiteral("RECV1.LOG.gz"));
        QVERIFY(writeGzipRepeated(gz, recv, 3));
        throughPipe(fileBytes(gz), [&](const QList<ingest::Input> &in) {
            QCOMPARE(in.size(), 1);
            QVERIFY2(in[0].error.isEmpty(), qPrintable(in[0].error));
            QCOMPARE(fileBytes(in[0].filePath), recv + recv + recv);
        });
    }
#endif
    void nestedArchivesOpenToAFixedDepth()
    {
        QTemporaryDir dir;
        const QByteArray recv = readData(QStringLiteral("EX01/RECV2024031309-1.LOG"));
        const QString gz = dir.filePath(QStringLiteral("RECV9.LOG.gz"));
        QVERIFY(writeArchive(gz, QStringLiteral("gz"), {{QStringLiteral("data"), recv}}));
        const QString inner = dir.filePath(QStringLiteral("inner.zip"));
        QVERIFY(writeArchive(inner, QStringLiteral("zip"), {{QStringLiteral("RECV9.LOG.gz"), fileBytes(gz)}}));
        const QString outer = dir.filePath(QStringLiteral("outer.zip"));
        QVERIFY(writeArchive(outer, QStringLiteral("zip"), {{QStringLiteral("inner.zip"), fileBytes(inner)}}));
        // Depth 2 (a .gz in a .zip) opens; depth 3 (.gz in .zip in .zip) is reported.
        const QList<ingest::Input> two = ingest::collectInputs({inner});
        QCOMPARE(two.size(), 1);
        QVERIFY2(two[0].error.isEmpty(), qPrintable(two[0].error));
        QCOMPARE(two[0].path, inner + QStringLiteral("!/RECV9.LOG.gz!/RECV9.LOG"));
        QCOMPARE(fileBytes(two[0].filePath), recv);
        const QList<ingest::Input> three = ingest::collectInputs({outer});
        QCOMPARE(three.size(), 1);
        QCOMPARE(three[0].path, outer + QStringLiteral("!/inner.zip!/RECV9.LOG.gz"));
        QVERIFY2(three[0].error.contains(QLatin1String("nested more than 2 levels")), qPrintable(three[0].error));
    }
    void budgetPerLoadStopsUnpackingAndNamesWhatIsMissing()
    {
        QTemporaryDir dir;
        const QByteArray recv = readData(QStringLiteral("EX01/RECV2024031309-1.LOG"));
        QVERIFY(writeArchive(dir.filePath(QStringLiteral("a.zip")), QStringLiteral("zip"),
                             {{QStringLiteral("RECV1.LOG"), recv}, {QStringLiteral("RECV2.LOG"), recv}}));
        QVERIFY(writeArchive(dir.filePath(QStringLiteral("b.zip")), QStringLiteral("zip"), {{QStringLiteral("RECV3.LOG"), recv}}));
        ingest::ArchiveLimits limits;
        limits.maxUncompressedBytes = recv.size() + recv.size() / 2;   // one member and a half
        const QList<ingest::Input> in = ingest::collectInputs({dir.path()}, limits);
        QCOMPARE(in.size(), 3);
        QVERIFY(in[0].error.isEmpty());
        QVERIFY2(in[1].error.contains(QLatin1String("budget")), qPrintable(in[1].error));
        QVERIFY2(in[2].error.contains(QLatin1String("not unpacked")), qPrintable(in[2].error));
        // The setting: MWB_MAX_UNCOMPRESSED, with units.
        QCOMPARE(ingest::parseByteSize(QStringLiteral("64G")), qint64(64) << 30);
        QCOMPARE(ingest::parseByteSize(QStringLiteral("512 MiB")), qint64(512) << 20);
        QCOMPARE(ingest::parseByteSize(QStringLiteral("1000")), qint64(1000));
        QCOMPARE(ingest::parseByteSize(QStringLiteral("lots")), qint64(-1));
        qputenv("MWB_MAX_UNCOMPRESSED", "3M");
        QCOMPARE(ingest::ArchiveLimits::fromEnvironment().maxUncompressedBytes, qint64(3) << 20);
        qunsetenv("MWB_MAX_UNCOMPRESSED");
        QCOMPARE(ingest::ArchiveLimits::fromEnvironment().maxUncompressedBytes, qint64(64) << 30);
    }
    void junkWithoutLineBreaksIsCutWhileUnpacking()
    {
        QTemporaryDir dir;
        const QByteArray recv = readData(QStringLiteral("EX01/RECV2024031309-1.LOG"));
        // A log line, 5 MiB of junk without a break, then the log again: the log survives whole.
        const QByteArray junk(5 << 20, 'A');
        const QByteArray member = recv + junk + "\n" + recv;
        QVERIFY(writeArchive(dir.filePath(QStringLiteral("j.zip")), QStringLiteral("zip"), {{QStringLiteral("RECV1.LOG"), member}}));
        ingest::ArchiveLimits limits;
        const QList<ingest::Input> in = ingest::collectInputs({dir.path()}, limits);
        QCOMPARE(in.size(), 1);
        QVERIFY(in[0].error.isEmpty());
        QCOMPARE(in[0].notes.size(), 1);
        QVERIFY2(in[0].notes[0].contains(QLatin1String("without a line break")), qPrintable(in[0].notes[0]));
        const QByteArray unpacked = fileBytes(in[0].filePath);
        QCOMPARE(unpacked.size(), 2 * recv.size() + limits.maxLineBytes + 1);
        QVERIFY(unpacked.startsWith(recv));
        QVERIFY(unpacked.endsWith("\n" + recv));
        // Loaded, the cut is reported with the file (exit 3 in the CLI) and the sessions are there.
        const auto store = Loader::loadSync({dir.path()});
        QCOMPARE(store->files.size(), 1);
        QVERIFY(!store->files[0].errors.isEmpty());
        QCOMPARE(store->sessions.size(), 3);
    }
    void gzipBombIsStopped()
    {
        QTemporaryDir dir;
        const QString bomb = dir.filePath(QStringLiteral("RECV.LOG.gz"));
        // 64 MiB of one byte, ~64 KiB packed. (Zeros would be read as an empty tar: libarchive takes
        // zero blocks for a tar's end, so a zero bomb is "an archive that holds no files".)
        QVERIFY(writeGzipRepeated(bomb, QByteArray(1 << 20, 'x'), 64));
        ingest::ArchiveLimits limits;
        limits.bombCheckAfterBytes = 8 << 20;
        const QList<ingest::Input> in = ingest::collectInputs({bomb}, limits);
        QCOMPARE(in.size(), 1);
        QVERIFY2(in[0].error.contains(QLatin1String("decompression bomb")), qPrintable(in[0].error));
        QVERIFY(in[0].filePath.isEmpty());
    }
    void missingPathIsAnError()
    {
        const auto store = Loader::loadSync({QStringLiteral("/nonexistent/mwb/path.log")});
        QCOMPARE(store->files.size(), 1);
        QVERIFY(store->files[0].errors.value(0).message.contains(QLatin1String("no such")));
    }
};

QTEST_GUILESS_MAIN(TstIngestSources)
#include "tst_ingest_sources.moc"
