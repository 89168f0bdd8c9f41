#include "model/core/sessions/store.h"

#include "model/core/ingest/csv.h"
#include "model/core/ingest/filebytes.h"
#include "model/core/ingest/parser.h"
#include "model/core/sessions/assembler.h"

#include <algorithm>

namespace mwb {

Store::Store() = default;
Store::~Store() = default;

QPair<qint64, qint64> Store::fileTimeSpan() const
{
    qint64 first = kNoTime, last = kNoTime;
    for (const SourceFile &f : files) {
        if (f.firstMs != kNoTime && (first == kNoTime || f.firstMs < first))
            first = f.firstMs;
        if (f.lastMs != kNoTime && (last == kNoTime || f.lastMs > last))
            last = f.lastMs;
    }
    return {first, last};
}

QByteArrayView Store::fileBytes(int fileIndex) const
{
    if (fileIndex < 0 || size_t(fileIndex) >= m_bytes.size() || !m_bytes[size_t(fileIndex)])
        return {};
    return m_bytes[size_t(fileIndex)]->view();
}

void Store::setFileBytes(int fileIndex, std::shared_ptr<const FileBytes> bytes)
{
    if (fileIndex < 0)
        return;
    if (size_t(fileIndex) >= m_bytes.size())
        m_bytes.resize(size_t(fileIndex) + 1);
    m_bytes[size_t(fileIndex)] = std::move(bytes);
}

QString Store::recordText(const RecordRef &ref) const
{
    const QByteArrayView text = fileBytes(ref.fileIndex);
    if (ref.offset < 0 || ref.length < 0 || ref.offset + ref.length > text.size())
        return {};
    return QString::fromUtf8(text.sliced(ref.offset, ref.length));
}

QList<SessionLine> Store::sessionLines(const Session &session) const
{
    QList<SessionLine> out;
    // Redacted ids (0000000000000000, xxxxxxxxxxxxxxxx) are shared by many sessions.
    const bool redacted = !session.id.isEmpty() && session.id.count(session.id.front()) == session.id.size();
    const QByteArray id = session.id.toUtf8();
    for (const FileSpan &span : session.spans) {
        if (span.fileIndex < 0 || size_t(span.fileIndex) >= m_bytes.size() || !m_bytes[size_t(span.fileIndex)])
            continue;
        const FileBytes &fb = *m_bytes[size_t(span.fileIndex)];
        const QByteArrayView text = fb.view();
        qsizetype pos = span.firstOffset;
        qint64 lineNo = span.firstLine;
        while (pos < text.size() && pos < span.endOffset) {
            const ingest::RecordSpan r = ingest::nextRecord(text, pos);
            const qint64 thisLine = lineNo;
            lineNo += r.physicalLines;
            pos = r.next;
            const QByteArrayView rec = text.sliced(r.begin, r.end - r.begin);
            if (rec.isEmpty() || rec.startsWith('#'))
                continue;
            // What parsing reported and did not use stays out of the transcript (issue #25.7).
            if (rec.size() > ingest::kMaxProtocolLine)
                continue;
            bool bareCr = false;
            for (qsizetype i = rec.indexOf('\r'); i >= 0 && !bareCr; i = rec.indexOf('\r', i + 1))
                bareCr = i + 1 >= rec.size() || rec[i + 1] != '\n';
            if (bareCr)
                continue;
            const ingest::ProtocolColumns cols = ingest::layoutAt(fb.layouts(), r.begin);
            ingest::ProtocolFields f;
            if (!ingest::splitProtocolRecord(rec, cols, f))
                continue;
            if (!ingest::equalsNoCase(ingest::trimmedView(f.session.view()), QByteArrayView(id)))
                continue;
            SessionLine l = decodeSessionLine(text, cols, r.begin, qint32(r.end - r.begin), thisLine, span.fileIndex);
            if (redacted) {
                // 0000000000000000 is shared by many sessions: keep the lines of this connection only.
                if (f.remote.text().trimmed() != session.remote && !session.remote.isEmpty() && !f.remote.isEmpty())
                    continue;
                if (f.connector.text().trimmed() != session.connector)
                    continue;
                if (l.timeMs != kNoTime && session.startMs != kNoTime && (l.timeMs < session.startMs || l.timeMs > session.endMs))
                    continue;
            }
            out.append(l);
        }
    }
    bool sorted = true;
    for (qsizetype i = 1; i < out.size() && sorted; ++i) {
        if (out[i].sequence >= 0 && out[i - 1].sequence > out[i].sequence)
            sorted = false;
    }
    if (!sorted)
        std::stable_sort(out.begin(), out.end(), [](const SessionLine &a, const SessionLine &b) { return a.sequence < b.sequence; });
    return out;
}

int Store::messageIndexById(const QString &messageId) const
{
    auto it = messageById.constFind(messageId);
    if (it != messageById.constEnd())
        return it.value();
    if (!messageId.startsWith(u'<'))
        return messageById.value(ingest::normaliseMessageId(messageId), -1);
    return -1;
}

QList<int> Store::sessionsForMessageId(const QString &messageId) const
{
    auto it = sessionsByMessageId.constFind(messageId);
    if (it != sessionsByMessageId.constEnd())
        return it.value();
    if (!messageId.startsWith(u'<'))
        return sessionsByMessageId.value(ingest::normaliseMessageId(messageId));
    return {};
}

} // namespace mwb
