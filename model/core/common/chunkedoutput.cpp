#include "model/core/common/chunkedoutput.h"

#include <QFileDevice>

namespace mwb {

void ChunkedOutput::drain()
{
    if (m_buffer.isEmpty())
        return;
    const QByteArray piece = m_transform ? m_transform(m_buffer) : m_buffer;
    if (m_ok && m_device.write(piece) != piece.size())
        m_ok = false;
    m_buffer.clear();
}

void ChunkedOutput::flush()
{
    drain();
    if (auto *file = qobject_cast<QFileDevice *>(&m_device))
        file->flush();
}

} // namespace mwb
