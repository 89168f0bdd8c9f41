#pragma once
// A small buffered writer for streamed output (`mwb analyze --json`, `mwb export`): records are
// appended as they are made and handed to the device in pieces of about 64 KiB, so output of any
// size needs no more memory than one piece and one record. Pieces end between records (never inside
// a UTF-8 sequence), which lets a piece be escaped on its own.
#include <QByteArray>
#include <QIODevice>

#include <functional>

namespace mwb {

class ChunkedOutput {
public:
    // `transform` (optional) is applied to each piece before it is written (e.g. control escapes).
    explicit ChunkedOutput(QIODevice &device, std::function<QByteArray(const QByteArray &)> transform = {})
        : m_device(device), m_transform(std::move(transform))
    {
    }
    ~ChunkedOutput() { flush(); }
    ChunkedOutput(const ChunkedOutput &) = delete;
    ChunkedOutput &operator=(const ChunkedOutput &) = delete;

    // The buffer to append the current record to; call endRecord() after each record.
    QByteArray &buffer() { return m_buffer; }
    void append(QByteArrayView bytes) { m_buffer.append(bytes); }
    void endRecord()
    {
        if (m_buffer.size() >= kPiece)
            drain();
    }
    // Writes what is buffered and flushes the device (a file's own buffer, stdout's).
    void flush();
    // False once the device refused a write (a closed pipe, a full disk).
    bool ok() const { return m_ok; }

private:
    static constexpr qsizetype kPiece = 1 << 16;
    void drain();
    QIODevice &m_device;
    std::function<QByteArray(const QByteArray &)> m_transform;
    QByteArray m_buffer;
    bool m_ok = true;
};

} // namespace mwb
