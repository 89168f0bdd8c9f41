#include "model/core/ingest/pathcheck.h"

#include "model/core/common/platform.h"
#include "model/core/ingest/filebytes.h"
#include "model/core/ingest/parser.h"
#include "model/core/ingest/sources.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace mwb::ingest {

namespace {

// The texts' translation context (lupdate reads it from the macro).
struct PathCheckText {
    Q_DECLARE_TR_FUNCTIONS(mwb::ingest::PathCheck)
};

// Enough for a header block and some records of every format; a log whose first 64 KiB hold no
// recognisable record is not one the loader would read either.
constexpr qint64 kHeadBytes = 64 * 1024;

bool isArchiveName(const QString &suffix)
{
    static const QStringList archives{QStringLiteral("zip"), QStringLiteral("gz"), QStringLiteral("tgz"), QStringLiteral("tar")};
    return archives.contains(suffix);
}

// Empty when the file is worth loading, else why not.
QString whyNotLoadable(const QFileInfo &info)
{
    const QString suffix = info.suffix().toLower();
    QFile file(info.filePath());
    if (!file.open(QIODevice::ReadOnly))
        return PathCheckText::tr("cannot be read (%1)").arg(file.errorString());
    QByteArray head = file.read(kHeadBytes);
    file.close();
    if (head.isEmpty())
        return PathCheckText::tr("empty file");
    if (isArchiveName(suffix) || looksLikeArchive(head))
        return {};
    const Encoding encoding = sniffEncoding(head);
    const bool utf16 = encoding != Encoding::Utf8 && encoding != Encoding::Utf8Bom;
    if (!utf16 && head.contains('\0')) {
        return suffix.isEmpty() ? PathCheckText::tr("binary file, not an Exchange log")
                                : PathCheckText::tr("unsupported file type .%1 (binary, not a log)").arg(suffix);
    }
    // A head cut inside a record is normal here: the parser reports the half line, the format stands.
    const ParsedFile parsed = parseBytes(FileBytes::fromBuffer(std::move(head)), info.filePath(), QString(), 0);
    if (parsed.meta.format != LogFormat::Unknown)
        return {};
    return suffix.isEmpty() ? PathCheckText::tr("not an Exchange log or message trace")
                            : PathCheckText::tr("unsupported file type .%1 (not an Exchange log or message trace)").arg(suffix);
}

} // namespace

PathCheck checkPaths(const QStringList &paths)
{
    PathCheck check;
    for (const QString &path : paths) {
        if (path.trimmed().isEmpty())
            continue;
        const QFileInfo info(path);
        const QString name = info.fileName().isEmpty() ? path : info.fileName();
        if (!info.exists()) {
            check.skipped << PathCheckText::tr("%1 \u2014 not found").arg(name);
            continue;
        }
        if (info.isDir()) {
            check.accepted << info.absoluteFilePath();
            continue;
        }
        // Never open a named pipe or a device here: the open alone could hang the UI thread. "-"
        // and /dev/fd/N are the CLI's; the GUI has no standard input to read.
        if (const platform::FileKind kind = platform::fileKind(path); kind != platform::FileKind::Regular) {
            check.skipped << PathCheckText::tr("%1 — not a regular file (%2)").arg(name, platform::fileKindName(kind));
            continue;
        }
        const QString reason = whyNotLoadable(info);
        if (reason.isEmpty())
            check.accepted << info.absoluteFilePath();
        else
            check.skipped << PathCheckText::tr("%1 \u2014 %2").arg(name, reason);
    }
    return check;
}

} // namespace mwb::ingest
