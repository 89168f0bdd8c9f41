#include "model/core/ingest/filebytes.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QSysInfo>

namespace mwb {

namespace ingest {

Encoding sniffEncoding(QByteArrayView head)
{
    const auto *u = reinterpret_cast<const unsigned char *>(head.data());
    const qsizetype n = head.size();
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return Encoding::Utf8Bom;
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return Encoding::Utf16LEBom;
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return Encoding::Utf16BEBom;
    // No BOM: text in UTF-16 has NUL in every other byte for ASCII. Count NULs at even and odd
    // positions over the first few KB.
    const qsizetype probe = std::min<qsizetype>(n, 4096) & ~qsizetype(1);
    qsizetype evenNul = 0, oddNul = 0;
    for (qsizetype i = 0; i < probe; i += 2) {
        evenNul += u[i] == 0;
        oddNul += u[i + 1] == 0;
    }
    const qsizetype pairs = probe / 2;
    if (pairs >= 2) {
        if (oddNul * 10 >= pairs * 7 && evenNul * 10 <= pairs)
            return Encoding::Utf16LE;
        if (evenNul * 10 >= pairs * 7 && oddNul * 10 <= pairs)
            return Encoding::Utf16BE;
    }
    return Encoding::Utf8;
}

QString encodingName(Encoding e)
{
    switch (e) {
    case Encoding::Utf8: return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom: return QStringLiteral("UTF-8 BOM");
    case Encoding::Utf16LE: return QStringLiteral("UTF-16LE");
    case Encoding::Utf16LEBom: return QStringLiteral("UTF-16LE BOM");
    case Encoding::Utf16BE: return QStringLiteral("UTF-16BE");
    case Encoding::Utf16BEBom: return QStringLiteral("UTF-16BE BOM");
    }
    return QStringLiteral("UTF-8");
}

} // namespace ingest

FileBytes::FileBytes() = default;
FileBytes::~FileBytes() = default;   // m_map unmaps

void FileBytes::decode(QByteArrayView raw)
{
    m_rawSize = raw.size();
    const ingest::Encoding enc = ingest::sniffEncoding(raw);
    m_encoding = ingest::encodingName(enc);
    switch (enc) {
    case ingest::Encoding::Utf8:
        m_data = raw.data();
        m_size = raw.size();
        return;
    case ingest::Encoding::Utf8Bom:
        m_data = raw.data() + 3;
        m_size = raw.size() - 3;
        return;
    case ingest::Encoding::Utf16LE:
    case ingest::Encoding::Utf16LEBom:
    case ingest::Encoding::Utf16BE:
    case ingest::Encoding::Utf16BEBom: {
        const bool le = enc == ingest::Encoding::Utf16LE || enc == ingest::Encoding::Utf16LEBom;
        const bool bom = enc == ingest::Encoding::Utf16LEBom || enc == ingest::Encoding::Utf16BEBom;
        QByteArrayView body = bom ? raw.sliced(2) : raw;
        if (body.size() % 2)
            body.chop(1);   // a truncated last code unit
        // Little-endian UTF-16 on a little-endian machine is already what a QString holds: its
        // code units convert to UTF-8 in place, without a decoded copy twice the file's size (a
        // fifth of reading an Export-Csv, issue #25). The decoder drops a byte order mark at the
        // start; such a text (a second mark after the first) and odd addresses take its way.
        const bool inPlace = le && QSysInfo::ByteOrder == QSysInfo::LittleEndian && (quintptr(body.data()) & 1) == 0
            && !(body.size() >= 2 && uchar(body[0]) == 0xFF && uchar(body[1]) == 0xFE);
        QByteArray utf8;
        if (inPlace) {
            utf8 = QStringView(reinterpret_cast<const char16_t *>(body.data()), body.size() / 2).toUtf8();
        } else {
            QStringDecoder dec(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
            utf8 = QString(dec.decode(body)).toUtf8();
        }
        // The map (if any) is no longer needed: keep only the UTF-8 conversion.
        m_buffer = std::move(utf8);
        m_map.reset();
        m_data = m_buffer.constData();
        m_size = m_buffer.size();
        return;
    }
    }
}

namespace {
// Files below this size are read rather than mapped: a map costs a kernel VMA (65,530 per process
// by default) and a page-table set-up that a 4 KiB read does not, and a folder of 100,000 small
// files must not run out of maps.
constexpr qint64 kReadBelowBytes = 64 * 1024;
} // namespace

std::shared_ptr<FileBytes> FileBytes::fromFile(const QString &path, QString *error)
{
    std::shared_ptr<FileBytes> fb(new FileBytes);
    const platform::FileKind kind = platform::fileKind(path);
    if (kind != platform::FileKind::Regular) {
        if (error)
            *error = kind == platform::FileKind::Missing ? QStringLiteral("no such file")
                                                         : QStringLiteral("not a regular file (%1)").arg(platform::fileKindName(kind));
        return nullptr;
    }
    QString mapError;
    if (QFileInfo(path).size() >= kReadBelowBytes) {
        if (auto map = platform::MappedFile::map(path, &mapError)) {
            fb->m_map = std::move(map);
            fb->decode(QByteArrayView(fb->m_map->data(), fb->m_map->size()));
            return fb;
        }
    }
    // Small, or not mappable (out of maps, a file system without mmap): read it whole and close it.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return nullptr;
    }
    const qint64 size = file.size();
    QByteArray all = file.readAll();
    const bool failed = all.size() < size && file.error() != QFileDevice::NoError;
    const QString readError = file.errorString();
    file.close();
    if (failed) {
        if (error)
            *error = mapError.isEmpty() ? readError : mapError;
        return nullptr;
    }
    fb->m_buffer = std::move(all);
    fb->decode(QByteArrayView(fb->m_buffer));   // UTF-16 replaces m_buffer only after decoding it
    return fb;
}

std::shared_ptr<FileBytes> FileBytes::fromBuffer(QByteArray raw)
{
    std::shared_ptr<FileBytes> fb(new FileBytes);
    fb->m_buffer = std::move(raw);
    fb->decode(QByteArrayView(fb->m_buffer));
    return fb;
}

} // namespace mwb
