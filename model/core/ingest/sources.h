#pragma once
// Turns what the admin dropped (files, folders, archives) into a flat, deterministic list of
// inputs. Archives (.zip, .gz, .tar.gz, recognised by their magic bytes) are read with libarchive,
// one member at a time, each unpacked into a temporary file that the loader then maps like any
// other file: a multi-GB archive never sits in memory. Unpacking is bounded (see ArchiveLimits).
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace mwb::ingest {

struct Input {
    QString path;          // display path; "archive.zip!/inner/file.log" for members
    QString filePath;      // file system path to map (archive members and streams: a temporary copy)
    QString serverHint;    // from the folders above the file (EX01/SmtpReceive/… → EX01)
    qint64 size = 0;
    QString error;         // the input could not be read at all
    QStringList notes;     // read, but something was left out while unpacking (reported with the file)
    // The temporary folder an archive member was unpacked into (filePath lies in it); removed when
    // the last input that refers to it is gone. The loader maps the file before that, and a map
    // stays valid after its file is removed.
    std::shared_ptr<QTemporaryDir> unpacked;
};

// What unpacking may cost. A zip of junk or a gzip bomb ends with a clear error, never with the
// memory or the disk full.
struct ArchiveLimits {
    // Uncompressed bytes all archives of one load may unpack to, together. Default 64 GiB (a month
    // of a large organisation's logs; it lands on the temporary folder's disk, not in memory);
    // the environment variable MWB_MAX_UNCOMPRESSED (bytes, or with K, M, G, T) overrides it.
    qint64 maxUncompressedBytes = qint64(64) << 30;
    // An archive inside an archive is opened; one more level down (a .gz in a .zip in a .zip) is
    // still opened; deeper ones are reported, not opened.
    int maxDepth = 2;
    // A member that expands more than this many times its compressed size, once past
    // bombCheckAfterBytes, is a decompression bomb (real logs compress 5-50 times).
    int maxExpansionRatio = 200;
    qint64 bombCheckAfterBytes = qint64(256) << 20;
    // A run of bytes without a line break longer than this is cut while unpacking (the parser then
    // reports the line): 16 times the protocol-log line cap, so no real tracking or export row is cut.
    qint64 maxLineBytes = qint64(1) << 20;
    // A member larger than this after unpacking is skipped.
    qint64 maxMemberBytes = qint64(2) << 30;

    // The defaults with MWB_MAX_UNCOMPRESSED applied.
    static ArchiveLimits fromEnvironment();
};

// "64G", "512M", "1000000" → bytes; -1 when the text is not a size.
qint64 parseByteSize(const QString &text);

// Expands paths: folders recursively (sorted by path), archives into their members, "-" (standard
// input) and /dev/fd/N (process substitution) read whole as streams. What cannot be read comes back
// as an Input with its error: a folder that cannot be listed, a FIFO, socket or device (never
// opened, so a named pipe cannot hang the load), a missing path.
QList<Input> collectInputs(const QStringList &paths, const ArchiveLimits &limits = ArchiveLimits::fromEnvironment());

// Is this the magic of an archive/compressed stream libarchive should open?
bool looksLikeArchive(QByteArrayView head);

// The nearest folder name above `path` that is not a generic Exchange log folder name, a drive
// ("C:") or an administrative share ("c$"): EX01 for \\EX01\c$\Program Files\…\SmtpReceive\RECV.LOG.
// "/" and "\" both separate, on every platform.
QString serverFromFolders(const QString &path);

} // namespace mwb::ingest
