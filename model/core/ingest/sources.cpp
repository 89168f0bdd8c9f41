#include "model/core/ingest/sources.h"
#include "model/core/common/platform.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <vector>

#include <archive.h>
#include <archive_entry.h>

namespace mwb::ingest {

namespace {

constexpr qint64 kMaxMemberBytes = qint64(2) * 1024 * 1024 * 1024;   // refuse members above 2 GiB

bool isGenericFolder(const QString &name)
{
    static const QSet<QString> generic = {
        QStringLiteral("smtpreceive"), QStringLiteral("smtpsend"), QStringLiteral("protocollog"),
        QStringLiteral("frontend"), QStringLiteral("hub"), QStringLiteral("edge"), QStringLiteral("logs"),
        QStringLiteral("log"), QStringLiteral("messagetracking"), QStringLiteral("transportroles"),
        QStringLiteral("connectivity"), QStringLiteral("v15"), QStringLiteral("v14"), QStringLiteral("exchange server"),
        QStringLiteral("microsoft"), QStringLiteral("program files"), QStringLiteral("tmp"), QStringLiteral("temp"),
        QStringLiteral("mailbox"), QStringLiteral("delivery"), QStringLiteral("submission"), QStringLiteral("data"),
        QStringLiteral("home"), QStringLiteral("work"), QStringLiteral("."), QStringLiteral(".."),
    };
    if (name.isEmpty() || generic.contains(name.toLower()) || name.startsWith(u'.'))
        return true;
    // A drive ("C:") or an administrative share ("c$" of \\EX01\c$\…) names no server; the host of
    // a UNC path, above the share, does.
    if (name.size() == 2 && name[0].isLetter() && name[1] == u':')
        return true;
    return name.endsWith(u'$');
}

void addFromArchive(const QString &displayPath, const QString &filePath, const QByteArray *memory,
                    const QString &serverHint, QList<Input> &out)
{
    archive *a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    archive_read_support_format_raw(a);   // a bare .gz holds one stream without a container
    int rc;
    if (memory) {
        rc = archive_read_open_memory(a, memory->constData(), size_t(memory->size()));
    } else {
#if defined(Q_OS_WIN)
        // The wide-character open: the narrow one goes through the ANSI code page (names outside it
        // fail) and MAX_PATH; libarchive's wide open retries a path it cannot find with the \\?\ prefix.
        static_assert(sizeof(wchar_t) == sizeof(char16_t));
        const QString native = QDir::toNativeSeparators(filePath);
        rc = archive_read_open_filename_w(a, reinterpret_cast<const wchar_t *>(native.utf16()), 1 << 16);
#else
        const QByteArray pathBytes = QFile::encodeName(filePath);
        rc = archive_read_open_filename(a, pathBytes.constData(), 1 << 16);
#endif
    }
    if (rc != ARCHIVE_OK) {
        Input bad;
        bad.path = displayPath;
        bad.error = QStringLiteral("cannot open archive: %1").arg(QString::fromUtf8(archive_error_string(a)));
        out.append(bad);
        archive_read_free(a);
        return;
    }
    archive_entry *entry = nullptr;
    int members = 0;
    for (;;) {
        rc = archive_read_next_header(a, &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
            Input bad;
            bad.path = displayPath;
            bad.error = QStringLiteral("archive damaged: %1").arg(QString::fromUtf8(archive_error_string(a)));
            out.append(bad);
            break;
        }
        if (archive_entry_filetype(entry) != AE_IFREG && archive_format(a) != ARCHIVE_FORMAT_RAW)
            continue;
        QString name = QString::fromUtf8(archive_entry_pathname_utf8(entry) ? archive_entry_pathname_utf8(entry)
                                                                              : archive_entry_pathname(entry));
        if (archive_format(a) == ARCHIVE_FORMAT_RAW || name.isEmpty() || name == QLatin1String("data")) {
            QString base = QFileInfo(displayPath).fileName();
            if (base.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
                base.chop(3);
            name = base;
        }
        Input in;
        in.path = displayPath + QStringLiteral("!/") + name;
        in.inMemory = true;
        const QString memberHint = serverFromFolders(QStringLiteral("/") + name);
        in.serverHint = memberHint.isEmpty() ? serverHint : memberHint;
        QByteArray data;
        char buf[1 << 16];
        bool failed = false;
        for (;;) {
            const la_ssize_t got = archive_read_data(a, buf, sizeof buf);
            if (got == 0)
                break;
            if (got < 0) {
                failed = true;
                in.error = QStringLiteral("archive member unreadable: %1").arg(QString::fromUtf8(archive_error_string(a)));
                break;
            }
            if (data.size() + got > kMaxMemberBytes) {
                failed = true;
                in.error = QStringLiteral("archive member larger than 2 GiB: skipped");
                break;
            }
            data.append(buf, qsizetype(got));
        }
        in.size = data.size();
        if (!failed) {
            // Nested archives (a .gz inside a .zip) are expanded once more.
            if (looksLikeArchive(data) && !memory) {
                addFromArchive(in.path, QString(), &data, in.serverHint, out);
                ++members;
                continue;
            }
            in.data = std::move(data);
        }
        out.append(in);
        ++members;
        if (failed && archive_format(a) == ARCHIVE_FORMAT_RAW)
            break;
    }
    archive_read_free(a);
    if (members == 0 && rc == ARCHIVE_EOF) {
        Input empty;
        empty.path = displayPath;
        empty.error = QStringLiteral("archive holds no files");
        out.append(empty);
    }
}

void addFile(const QString &path, QList<Input> &out)
{
    Input in;
    in.path = path;
    in.filePath = path;
    in.serverHint = serverFromFolders(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        in.error = f.errorString();
        out.append(in);
        return;
    }
    in.size = f.size();
    const QByteArray head = f.read(512);
    f.close();
    if (looksLikeArchive(head)) {
        addFromArchive(path, path, nullptr, in.serverHint, out);
        return;
    }
    out.append(in);
}

} // namespace

bool looksLikeArchive(QByteArrayView head)
{
    const auto *u = reinterpret_cast<const unsigned char *>(head.data());
    const qsizetype n = head.size();
    if (n >= 4 && u[0] == 'P' && u[1] == 'K' && (u[2] == 3 || u[2] == 5) && (u[3] == 4 || u[3] == 6))
        return true;                                   // zip
    if (n >= 2 && u[0] == 0x1f && u[1] == 0x8b)
        return true;                                   // gzip
    if (n >= 3 && u[0] == 'B' && u[1] == 'Z' && u[2] == 'h')
        return true;                                   // bzip2
    if (n >= 6 && u[0] == 0xFD && u[1] == '7' && u[2] == 'z' && u[3] == 'X' && u[4] == 'Z')
        return true;                                   // xz
    if (n >= 262 && std::memcmp(head.data() + 257, "ustar", 5) == 0)
        return true;                                   // tar
    return false;
}

QString serverFromFolders(const QString &path)
{
    // '\\' too: Compress-Archive of Windows PowerShell 5.1 writes it into zip entry names.
    QString normalised = QDir::fromNativeSeparators(path);
    normalised.replace(u'\\', u'/');
    const QStringList parts = normalised.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = parts.size() - 2; i >= 0; --i) {
        if (!isGenericFolder(parts[i]))
            return parts[i];
    }
    return {};
}

namespace {

// Streams the admin names on purpose: standard input ("-") and the descriptors of process
// substitution (`mwb analyze <(zcat x.gz)` passes /dev/fd/63). They are read once, whole, into
// memory, so sniffing the format consumes nothing that parsing then misses.
bool isNamedStream(const QString &path)
{
    return path == QLatin1String("-") || platform::namesOpenDescriptor(path);
}

void addStream(const QString &path, QList<Input> &out)
{
    Input in;
    const bool stdIn = path == QLatin1String("-");
    in.path = stdIn ? QStringLiteral("(standard input)") : path;
    QFile f;
    const bool opened = stdIn ? f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!opened) {
        in.error = f.errorString();
        out.append(in);
        return;
    }
    QByteArray data;
    char buf[1 << 16];
    for (;;) {
        const qint64 got = f.read(buf, sizeof buf);
        if (got < 0) {
            in.error = QStringLiteral("cannot read the stream: %1").arg(f.errorString());
            break;
        }
        if (got == 0)
            break;
        if (data.size() + got > kMaxMemberBytes) {
            in.error = QStringLiteral("stream larger than 2 GiB: not read");
            data.clear();
            break;
        }
        data.append(buf, qsizetype(got));
    }
    if (!in.error.isEmpty()) {
        out.append(in);
        return;
    }
    if (looksLikeArchive(data)) {
        addFromArchive(in.path, QString(), &data, QString(), out);
        return;
    }
    in.inMemory = true;
    in.size = data.size();
    in.data = std::move(data);
    out.append(in);
}

Input refused(const QString &path, const QString &why)
{
    Input bad;
    bad.path = path;
    bad.error = why;
    return bad;
}

// Everything below a folder, sorted by path: regular files are inputs; folders that cannot be
// listed and special files (FIFOs block a reader forever, devices never end) are reported, never
// opened. Symbolic links to folders are not followed (no loops).
void walkFolder(const QString &root, QList<Input> &out)
{
    struct Entry {
        QString path;
        QString problem;   // empty: a regular file to add
    };
    std::vector<Entry> entries;
    QStringList pending{root};
    while (!pending.isEmpty()) {
        const QString folder = pending.takeLast();
        if (!platform::canListFolder(folder)) {
            entries.push_back({folder, QStringLiteral("folder cannot be read (permission denied): skipped")});
            continue;
        }
        const QFileInfoList list = QDir(folder).entryInfoList(
            QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &fi : list) {
            const QString path = fi.filePath();
            if (fi.isSymLink() && fi.isDir())
                continue;
            const platform::FileKind kind = platform::fileKind(path);
            switch (kind) {
            case platform::FileKind::Directory:
                pending.append(path);
                break;
            case platform::FileKind::Regular:
                entries.push_back({path, QString()});
                break;
            case platform::FileKind::Missing:
                if (!fi.isSymLink())   // a dangling link is nothing to read; a vanished file is
                    entries.push_back({path, QStringLiteral("vanished while the folder was read")});
                break;
            default:
                entries.push_back({path, QStringLiteral("not a regular file (%1): skipped").arg(platform::fileKindName(kind))});
                break;
            }
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.path < b.path; });
    for (const Entry &e : entries) {
        if (e.problem.isEmpty())
            addFile(e.path, out);
        else
            out.append(refused(e.path, e.problem));
    }
}

} // namespace

QList<Input> collectInputs(const QStringList &paths)
{
    QList<Input> out;
    for (const QString &p : paths) {
        if (isNamedStream(p)) {
            addStream(p, out);
            continue;
        }
        const platform::FileKind kind = platform::fileKind(p);
        switch (kind) {
        case platform::FileKind::Missing:
            out.append(refused(p, QStringLiteral("no such file or folder")));
            break;
        case platform::FileKind::Directory:
            walkFolder(p, out);
            break;
        case platform::FileKind::Regular:
            addFile(p, out);
            break;
        default:
            // Opening a FIFO waits for a writer, a device may never end: refused before any open.
            out.append(refused(p, QStringLiteral("not a regular file (%1): not read; pipe its content to standard input (-) instead")
                                      .arg(platform::fileKindName(kind))));
            break;
        }
    }
    return out;
}

} // namespace mwb::ingest
