#include "model/core/ingest/sources.h"
#include "model/core/common/platform.h"
#include "model/core/ingest/filebytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#include <archive.h>
#include <archive_entry.h>

namespace mwb::ingest {

namespace {


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

// One load's unpacking: where members go, and what is left of the budget.
struct Unpacker {
    Unpacker(const ArchiveLimits &l, QList<Input> &o) : limits(l), out(o) {}
    ArchiveLimits limits;
    QList<Input> &out;
    qint64 unpacked = 0;                     // uncompressed bytes so far, all archives
    std::shared_ptr<QTemporaryDir> folder;   // made on the first member
    int nextFile = 0;
    bool budgetReported = false;

    QString budgetText() const
    {
        const qint64 b = limits.maxUncompressedBytes;
        return b >= (qint64(1) << 20) ? QStringLiteral("%1 MiB").arg(b >> 20) : QStringLiteral("%1 bytes").arg(b);
    }

    // A new file in the load's temporary folder (made on first use) for an archive member or a
    // stream: what is unpacked or piped in is mapped from disk like any file, never held whole.
    std::unique_ptr<QFile> newFile(QString *error)
    {
        if (!folder) {
            folder = std::make_shared<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/mwb-unpack-XXXXXX"));
            if (!folder->isValid()) {
                *error = QStringLiteral("cannot unpack: no temporary folder (%1)").arg(folder->errorString());
                folder.reset();
                return nullptr;
            }
        }
        auto file = std::make_unique<QFile>(folder->filePath(QString::number(nextFile++)));
        if (!file->open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot unpack: %1").arg(file->errorString());
            return nullptr;
        }
        return file;
    }
};

QString archiveError(archive *a)
{
    const char *e = archive_error_string(a);
    return e ? QString::fromUtf8(e) : QStringLiteral("unknown error");
}

// Copies bytes to a file, cutting every run without a line break at `maxLine` bytes (the rest of
// that run is dropped up to its line break, which is kept): junk without line breaks costs at most
// `maxLine` bytes of disk per run. UTF-16 text (line breaks are two bytes) is copied uncut.
class LineCappedWriter {
public:
    LineCappedWriter(QFile &file, qint64 maxLine) : m_file(file), m_maxLine(maxLine) {}
    bool write(const char *data, qsizetype size)
    {
        if (m_first) {
            m_first = false;
            // The same sniffing the loader uses: UTF-16 is copied uncut, anything else is capped.
            const Encoding e = sniffEncoding(QByteArrayView(data, std::min<qsizetype>(size, 4096)));
            m_cap = e == Encoding::Utf8 || e == Encoding::Utf8Bom;
        }
        if (!m_cap)
            return put(data, size);
        qsizetype from = 0;
        while (from < size) {
            const char *nl = static_cast<const char *>(std::memchr(data + from, '\n', size_t(size - from)));
            const qsizetype end = nl ? nl - data : size;   // the run up to (not including) the break
            const qsizetype run = end - from;
            const qint64 room = std::max<qint64>(0, m_maxLine - m_line);
            const qsizetype keep = qsizetype(std::min<qint64>(run, room));
            if (keep > 0 && !put(data + from, keep))
                return false;
            if (m_line <= m_maxLine && m_line + run > m_maxLine)
                ++m_cutLines;   // each cut run once, however many blocks it spans
            m_line += run;
            if (!nl)
                return true;
            if (!put("\n", 1))
                return false;
            m_line = 0;
            from = end + 1;
        }
        return true;
    }
    qint64 written() const { return m_written; }
    qint64 cutLines() const { return m_cutLines; }

private:
    bool put(const char *data, qsizetype size)
    {
        m_written += size;
        return m_file.write(data, size) == size;
    }
    QFile &m_file;
    qint64 m_maxLine;
    qint64 m_line = 0;
    qint64 m_written = 0;
    qint64 m_cutLines = 0;
    bool m_first = true;
    bool m_cap = true;
};

void addFromArchive(const QString &displayPath, const QString &filePath, const QString &serverHint, int depth, Unpacker &u)
{
    QList<Input> &out = u.out;
    archive *a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    archive_read_support_format_raw(a);   // a bare .gz holds one stream without a container
#if defined(Q_OS_WIN)
    // The wide-character open: the narrow one goes through the ANSI code page (names outside it
    // fail) and MAX_PATH; libarchive's wide open retries a path it cannot find with the \\?\ prefix.
    static_assert(sizeof(wchar_t) == sizeof(char16_t));
    const QString native = QDir::toNativeSeparators(filePath);
    int rc = archive_read_open_filename_w(a, reinterpret_cast<const wchar_t *>(native.utf16()), 1 << 16);
#else
    const QByteArray pathBytes = QFile::encodeName(filePath);
    int rc = archive_read_open_filename(a, pathBytes.constData(), 1 << 16);
#endif
    if (rc != ARCHIVE_OK) {
        Input bad;
        bad.path = displayPath;
        bad.error = QStringLiteral("cannot open archive: %1").arg(archiveError(a));
        out.append(bad);
        archive_read_free(a);
        return;
    }
    archive_entry *entry = nullptr;
    int members = 0;
    bool stop = false;
    qint64 archiveUnpacked = 0;   // this archive's uncompressed bytes, against what it read
    while (!stop) {
        rc = archive_read_next_header(a, &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
            Input bad;
            bad.path = displayPath;
            bad.error = QStringLiteral("archive damaged: %1").arg(archiveError(a));
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
        ++members;
        Input in;
        in.path = displayPath + QStringLiteral("!/") + name;
        const QString memberHint = serverFromFolders(QStringLiteral("/") + name);
        in.serverHint = memberHint.isEmpty() ? serverHint : memberHint;
        if (u.unpacked >= u.limits.maxUncompressedBytes) {
            in.error = QStringLiteral("not unpacked: this load has unpacked its budget of %1 (MWB_MAX_UNCOMPRESSED)").arg(u.budgetText());
            out.append(in);
            continue;   // each member is named, so the admin sees what is missing
        }
        const std::unique_ptr<QFile> unpacked = u.newFile(&in.error);
        if (!unpacked) {
            out.append(in);
            continue;
        }
        QFile &file = *unpacked;
        LineCappedWriter writer(file, u.limits.maxLineBytes);
        char buf[1 << 16];
        QByteArray head;   // the first bytes, to recognise a nested archive
        for (;;) {
            const la_ssize_t got = archive_read_data(a, buf, sizeof buf);
            if (got == 0)
                break;
            if (got < 0) {
                in.error = QStringLiteral("archive member unreadable: %1").arg(archiveError(a));
                break;
            }
            if (head.size() < 512)
                head.append(buf, std::min<qsizetype>(qsizetype(got), 512 - head.size()));
            u.unpacked += got;
            archiveUnpacked += got;
            if (u.unpacked > u.limits.maxUncompressedBytes) {
                in.error = QStringLiteral("unpacking stopped: this load has unpacked its budget of %1 (MWB_MAX_UNCOMPRESSED)")
                               .arg(u.budgetText());
                stop = true;
                break;
            }
            const qint64 packed = std::max<qint64>(1, archive_filter_bytes(a, -1));
            if (archiveUnpacked > u.limits.bombCheckAfterBytes && archiveUnpacked / packed > u.limits.maxExpansionRatio) {
                in.error = QStringLiteral("unpacking stopped: %1 MiB unpacked from %2 KiB, more than %3 times: a decompression bomb or junk")
                               .arg(archiveUnpacked >> 20).arg(packed >> 10).arg(u.limits.maxExpansionRatio);
                stop = true;
                break;
            }
            if (!writer.write(buf, qsizetype(got))) {
                in.error = QStringLiteral("cannot unpack: %1").arg(file.errorString());
                stop = true;
                break;
            }
            if (writer.written() > u.limits.maxMemberBytes) {
                in.error = QStringLiteral("archive member larger than %1 MiB: skipped").arg(u.limits.maxMemberBytes >> 20);
                break;
            }
        }
        file.close();
        in.size = writer.written();
        if (!in.error.isEmpty()) {
            file.remove();
            out.append(in);
            if (archive_format(a) == ARCHIVE_FORMAT_RAW)
                break;
            continue;
        }
        if (looksLikeArchive(head)) {
            // Nested archives (a .gz inside a .zip) are opened down to a fixed depth.
            if (depth >= u.limits.maxDepth) {
                in.error = QStringLiteral("archive nested more than %1 levels deep: not opened").arg(u.limits.maxDepth);
                out.append(in);
            } else {
                addFromArchive(in.path, file.fileName(), in.serverHint, depth + 1, u);
            }
            file.remove();
            continue;
        }
        if (writer.cutLines() > 0)
            in.notes.append(QStringLiteral("%1 run(s) of more than %2 KiB without a line break cut while unpacking (junk, not log lines)")
                                .arg(writer.cutLines()).arg(u.limits.maxLineBytes >> 10));
        in.filePath = file.fileName();
        in.unpacked = u.folder;
        out.append(in);
    }
    archive_read_free(a);
    if (members == 0 && rc == ARCHIVE_EOF) {
        Input empty;
        empty.path = displayPath;
        empty.error = QStringLiteral("archive holds no files");
        out.append(empty);
    }
}

void addFile(const QString &path, Unpacker &u)
{
    QList<Input> &out = u.out;
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
        addFromArchive(path, path, in.serverHint, 1, u);
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
// substitution (`mwb analyze <(zcat x.gz)` passes /dev/fd/63). They can be read only once, so they
// are copied to a file of the load's temporary folder as they come (bounded by the load's budget,
// MWB_MAX_UNCOMPRESSED, with runs without a line break cut like an archive member's) and then read
// like any file: mapped, never held whole in memory (issue #27).
bool isNamedStream(const QString &path)
{
    return path == QLatin1String("-") || platform::namesOpenDescriptor(path);
}

void addStream(const QString &path, Unpacker &u)
{
    QList<Input> &out = u.out;
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
    const std::unique_ptr<QFile> copy = u.newFile(&in.error);
    if (!copy) {
        out.append(in);
        return;
    }
    LineCappedWriter writer(*copy, u.limits.maxLineBytes);
    QByteArray head;   // the first bytes, to recognise an archive
    char buf[1 << 16];
    for (;;) {
        const qint64 got = f.read(buf, sizeof buf);
        if (got < 0) {
            in.error = QStringLiteral("cannot read the stream: %1").arg(f.errorString());
            break;
        }
        if (got == 0)
            break;
        if (head.size() < 512)
            head.append(buf, std::min<qsizetype>(qsizetype(got), 512 - head.size()));
        u.unpacked += got;
        if (u.unpacked > u.limits.maxUncompressedBytes) {
            in.error = QStringLiteral("reading stopped: this load has read its budget of %1 (MWB_MAX_UNCOMPRESSED)").arg(u.budgetText());
            break;
        }
        if (!writer.write(buf, qsizetype(got))) {
            in.error = QStringLiteral("cannot keep the stream: %1").arg(copy->errorString());
            break;
        }
    }
    copy->close();
    if (!in.error.isEmpty()) {
        copy->remove();
        out.append(in);
        return;
    }
    if (looksLikeArchive(head)) {
        addFromArchive(in.path, copy->fileName(), QString(), 1, u);
        copy->remove();
        return;
    }
    if (writer.cutLines() > 0)
        in.notes.append(QStringLiteral("%1 run(s) of more than %2 KiB without a line break cut while reading (junk, not log lines)")
                            .arg(writer.cutLines()).arg(u.limits.maxLineBytes >> 10));
    in.size = writer.written();
    in.filePath = copy->fileName();
    in.unpacked = u.folder;
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
void walkFolder(const QString &root, Unpacker &u)
{
    QList<Input> &out = u.out;
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
            addFile(e.path, u);
        else
            out.append(refused(e.path, e.problem));
    }
}

} // namespace

qint64 parseByteSize(const QString &text)
{
    QString t = text.trimmed().toUpper();
    if (t.endsWith(u'B'))
        t.chop(1);
    if (t.endsWith(u'I'))   // "GiB"
        t.chop(1);
    int shift = 0;
    if (!t.isEmpty()) {
        switch (t.back().unicode()) {
        case u'K': shift = 10; break;
        case u'M': shift = 20; break;
        case u'G': shift = 30; break;
        case u'T': shift = 40; break;
        default: break;
        }
    }
    if (shift)
        t.chop(1);
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    if (!ok || n < 0 || (shift && n > (std::numeric_limits<qint64>::max() >> shift)))
        return -1;
    return n << shift;
}

ArchiveLimits ArchiveLimits::fromEnvironment()
{
    ArchiveLimits l;
    const QString v = qEnvironmentVariable("MWB_MAX_UNCOMPRESSED");
    const qint64 n = v.isEmpty() ? -1 : parseByteSize(v);
    if (n >= 0)
        l.maxUncompressedBytes = n;
    return l;
}

QList<Input> collectInputs(const QStringList &paths, const ArchiveLimits &limits)
{
    QList<Input> out;
    Unpacker u(limits, out);
    for (const QString &p : paths) {
        if (isNamedStream(p)) {
            addStream(p, u);
            continue;
        }
        const platform::FileKind kind = platform::fileKind(p);
        switch (kind) {
        case platform::FileKind::Missing:
            out.append(refused(p, QStringLiteral("no such file or folder")));
            break;
        case platform::FileKind::Directory:
            walkFolder(p, u);
            break;
        case platform::FileKind::Regular:
            addFile(p, u);
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
