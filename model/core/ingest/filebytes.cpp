#include "model/core/ingest/filebytes.h"

#include <QFile>
#include <QStringDecoder>

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
FileBytes::~FileBytes()
{
    if (m_file)
        m_file->close();   // unmaps
}

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
        QStringDecoder dec(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
        const QString text = dec.decode(body);
        // The map (if any) is no longer needed: keep only the UTF-8 conversion.
        m_buffer = text.toUtf8();
        if (m_file) {
            m_file->close();
            m_file.reset();
        }
        m_data = m_buffer.constData();
        m_size = m_buffer.size();
        return;
    }
    }
}

std::shared_ptr<FileBytes> FileBytes::fromFile(const QString &path, QString *error)
{
    std::shared_ptr<FileBytes> fb(new FileBytes);
    fb->m_file = std::make_unique<QFile>(path);
    if (!fb->m_file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = fb->m_file->errorString();
        return nullptr;
    }
    const qint64 size = fb->m_file->size();
    if (size == 0) {
        fb->m_file.reset();
        fb->decode({});
        return fb;
    }
    if (uchar *map = fb->m_file->map(0, size)) {
        fb->decode(QByteArrayView(reinterpret_cast<const char *>(map), size));
        return fb;
    }
    // Not mappable (pipes, special files): read it.
    QByteArray all = fb->m_file->readAll();
    fb->m_file.reset();
    if (all.isEmpty() && size > 0) {
        if (error)
            *error = QStringLiteral("cannot read the file");
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
