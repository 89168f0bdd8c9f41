#pragma once
// The decoded UTF-8 bytes of one input: a read-only memory map of the file (UTF-8, BOM skipped)
// or a buffer (UTF-16 converted once, small files, archive members, streams). Lines and fields are
// views into it. No file descriptor stays open behind it: maps are made and the file closed.
#include "model/core/common/platform.h"
#include "model/core/ingest/columns.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>
#include <utility>
#include <vector>

namespace mwb {

class FileBytes {
public:
    ~FileBytes();
    FileBytes(const FileBytes &) = delete;
    FileBytes &operator=(const FileBytes &) = delete;

    // Maps (small files and files that cannot be mapped: reads) a regular file, closes it and
    // decodes it. Returns null and sets *error when the file cannot be read.
    static std::shared_ptr<FileBytes> fromFile(const QString &path, QString *error);
    // Decodes bytes held in memory (archive members, tests).
    static std::shared_ptr<FileBytes> fromBuffer(QByteArray raw);

    QByteArrayView view() const { return {m_data, m_size}; }
    QString encoding() const { return m_encoding; }   // "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16LE BOM", ...
    qint64 rawSize() const { return m_rawSize; }

    // Protocol column layouts from a byte offset on (set once by the parser, read by transcripts).
    using Layouts = std::vector<std::pair<qint64, ingest::ProtocolColumns>>;
    const Layouts &layouts() const { return m_layouts; }
    void setLayouts(Layouts layouts) { m_layouts = std::move(layouts); }

private:
    FileBytes();
    void decode(QByteArrayView raw);   // sets m_data/m_size, possibly filling m_buffer

    std::unique_ptr<platform::MappedFile> m_map;
    QByteArray m_buffer;
    const char *m_data = nullptr;
    qsizetype m_size = 0;
    qint64 m_rawSize = 0;
    QString m_encoding;
    Layouts m_layouts;
};

namespace ingest {

enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16LEBom, Utf16BE, Utf16BEBom };
// Sniffs the encoding from a BOM or, without one, from the NUL-byte pattern of the first bytes.
Encoding sniffEncoding(QByteArrayView head);
QString encodingName(Encoding e);

} // namespace ingest
} // namespace mwb
