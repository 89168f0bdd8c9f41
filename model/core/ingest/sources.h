#pragma once
// Turns what the admin dropped (files, folders, archives) into a flat, deterministic list of
// inputs. Archives (.zip, .gz, .tar.gz, recognised by their magic bytes) are read with libarchive
// and their members kept in memory.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mwb::ingest {

struct Input {
    QString path;          // display path; "archive.zip!/inner/file.log" for members
    QString filePath;      // file system path to map (empty for archive members)
    QByteArray data;       // archive member content
    bool inMemory = false;
    QString serverHint;    // from the folders above the file (EX01/SmtpReceive/… → EX01)
    qint64 size = 0;
    QString error;         // the input could not be read at all
};

// Expands paths: folders recursively (sorted by path), archives into their members, "-" (standard
// input) and /dev/fd/N (process substitution) read whole as streams. What cannot be read comes back
// as an Input with its error: a folder that cannot be listed, a FIFO, socket or device (never
// opened, so a named pipe cannot hang the load), a missing path.
QList<Input> collectInputs(const QStringList &paths);

// Is this the magic of an archive/compressed stream libarchive should open?
bool looksLikeArchive(QByteArrayView head);

// The nearest folder name above `path` that is not a generic Exchange log folder name, a drive
// ("C:") or an administrative share ("c$"): EX01 for \\EX01\c$\Program Files\…\SmtpReceive\RECV.LOG.
// "/" and "\" both separate, on every platform.
QString serverFromFolders(const QString &path);

} // namespace mwb::ingest
