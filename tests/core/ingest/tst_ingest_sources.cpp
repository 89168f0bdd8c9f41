// Sources: folders (recursive), archives via libarchive (.zip, .gz, .tar.gz), unreadable inputs.
#include "model/core/ingest/sources.h"
#include "model/core/sessions/loader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace mwb;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(INGEST_DATA "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

// Writes an archive with libarchive: format "zip" | "tar.gz" | "gz" (raw gzip of one member).
bool writeArchive(const QString &path, const QString &kind, const QList<QPair<QString, QByteArray>> &members)
{
    archive *a = archive_write_new();
    if (kind == QLatin1String("zip")) {
        archive_write_set_format_zip(a);
    } else if (kind == QLatin1String("tar.gz")) {
        archive_write_set_format_pax_restricted(a);
        archive_write_add_filter_gzip(a);
    } else {
        archive_write_set_format_raw(a);
        archive_write_add_filter_gzip(a);
    }
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        archive_write_free(a);
        return false;
    }
    for (const auto &m : members) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m.first.toUtf8().constData());
        archive_entry_set_size(e, m.second.size());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_write_header(a, e);
        archive_write_data(a, m.second.constData(), size_t(m.second.size()));
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return true;
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
    void missingPathIsAnError()
    {
        const auto store = Loader::loadSync({QStringLiteral("/nonexistent/mwb/path.log")});
        QCOMPARE(store->files.size(), 1);
        QVERIFY(store->files[0].errors.value(0).message.contains(QLatin1String("no such")));
    }
};

QTEST_GUILESS_MAIN(TstIngestSources)
#include "tst_ingest_sources.moc"
