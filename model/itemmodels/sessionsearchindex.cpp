#include "model/itemmodels/sessionsearchindex.h"

#include "model/itemmodels/sessionfilter.h"

#include <QHash>
#include <QThread>
#include <algorithm>
#include <limits>
#include "model/core/common/workpools.h"

namespace mwb {

void appendUtf8(QByteArray &out, const QString &text)
{
    const char16_t *p = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *end = p + text.size();
    while (p < end) {
        // Runs of ASCII (nearly all log text) in one append.
        const char16_t *run = p;
        while (p < end && *p < 0x80)
            ++p;
        if (p > run) {
            const qsizetype at = out.size();
            out.resize(at + (p - run));
            char *dst = out.data() + at;
            for (const char16_t *c = run; c < p; ++c)
                *dst++ = char(*c);
        }
        if (p == end)
            break;
        char32_t cp = *p++;
        if (cp >= 0xD800 && cp <= 0xDBFF && p < end && *p >= 0xDC00 && *p <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (*p++ - 0xDC00);
        else if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0xFFFD;   // a lone surrogate: no UTF-8 form
        if (cp < 0x800) {
            out.append(char(0xC0 | (cp >> 6)));
        } else if (cp < 0x10000) {
            out.append(char(0xE0 | (cp >> 12)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        } else {
            out.append(char(0xF0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3F)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        }
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

namespace {

// Ids of distinct strings, first seen first. A chunk builds its own; they are merged afterwards.
struct Dictionary {
    QHash<QString, quint32> ids;
    QStringList values;
    // Sessions from one file share their server's string data: the same data is the same id. Only
    // for strings that outlive the build (a temporary's address may come again with other text).
    const void *lastData = nullptr;
    qsizetype lastSize = -1;
    quint32 lastId = 0;
    quint32 id(const QString &value, bool lasting = true)
    {
        if (lasting && value.constData() == lastData && value.size() == lastSize)
            return lastId;
        auto it = ids.constFind(value);
        if (it == ids.cend()) {
            it = ids.insert(value, quint32(values.size()));
            values << value;
        }
        lastData = lasting ? value.constData() : nullptr;
        lastSize = value.size();
        lastId = *it;
        return lastId;
    }
};

struct ChunkDictionaries {
    Dictionary servers, connectors, codes;
    QList<SessionSearchIndex::Code> codeValues;
};

} // namespace

std::shared_ptr<const SessionSearchIndex> SessionSearchIndex::build(const QList<Session> &sessions, const std::atomic_bool *cancel, int threads)
{
    auto index = std::make_shared<SessionSearchIndex>();
    index->m_sessions = sessions;
    const qsizetype n = sessions.size();
    index->startMs.resize(size_t(n));
    index->remoteIpv4.resize(size_t(n));
    index->serverId.resize(size_t(n));
    index->connectorId.resize(size_t(n));
    index->codeId.resize(size_t(n));
    index->storeIndex.resize(size_t(n));
    index->flags.resize(size_t(n));
    index->direction.resize(size_t(n));
    index->outcome.resize(size_t(n));
    const qsizetype chunkCount = (n + kChunkSessions - 1) / kChunkSessions;
    index->m_chunks.resize(size_t(chunkCount));
    std::vector<ChunkDictionaries> dictionaries(static_cast<size_t>(chunkCount));

    std::atomic<qsizetype> next{0};
    // Offsets are 32-bit: a chunk of hostile 1 MB lines over 4 GiB gets no index (the filter then
    // reads the sessions themselves).
    std::atomic_bool tooBig{false};
    auto work = [&] {
        for (qsizetype c = next++; c < chunkCount; c = next++) {
            if ((cancel && cancel->load(std::memory_order_relaxed)) || tooBig.load(std::memory_order_relaxed))
                return;
            Chunk &chunk = index->m_chunks[size_t(c)];
            ChunkDictionaries &dict = dictionaries[size_t(c)];
            chunk.first = c * kChunkSessions;
            const qsizetype last = std::min(n, chunk.first + kChunkSessions);
            chunk.starts.reserve(size_t(last - chunk.first + 1));
            // Written to a per-thread buffer that keeps its room from chunk to chunk, then copied at
            // its exact size: growing each chunk's own buffer left the heap ~70% above the index.
            thread_local QByteArray text;
            text.resize(0);
            auto add = [](const QString &field) {
                appendUtf8(text, field);
                text.append('\n');
            };
            for (qsizetype i = chunk.first; i < last; ++i) {
                const Session &s = sessions.at(i);
                if (text.size() > qsizetype(std::numeric_limits<quint32>::max() - 1)) {
                    tooBig = true;
                    return;
                }
                chunk.starts.push_back(quint32(text.size()));
                // The text fields of SessionFilter::matches, but for server and connector.
                for (const QString *field : {&s.id, &s.remote, &s.local, &s.ehlo, &s.mailFrom, &s.lastReply, &s.authUser})
                    add(*field);
                for (const QString &r : s.recipients)
                    add(r);
                for (const QString &m : s.messageIds)
                    add(m);
                const size_t k = size_t(i);
                index->startMs[k] = s.startMs;
                quint32 v4 = 0;
                quint8 f = s.tls ? Tls : 0;
                if (parseIpv4Endpoint(s.remote, v4)) {
                    f |= RemoteIsIpv4;
                    index->remoteIpv4[k] = v4;
                }
                index->flags[k] = f;
                index->direction[k] = quint8(s.direction);
                index->outcome[k] = quint8(s.outcome);
                index->storeIndex[k] = qint32(s.index);
                index->serverId[k] = dict.servers.id(s.server);
                index->connectorId[k] = dict.connectors.id(s.connector);
                const ReplyCode code = parseReplyCode(s.lastReply);
                const qsizetype before = dict.codes.values.size();
                index->codeId[k] = dict.codes.id(code.basic + QLatin1Char('|') + code.enhanced, false);
                if (dict.codes.values.size() > before)
                    dict.codeValues.append({code.basic, code.enhanced});
            }
            if (text.size() > qsizetype(std::numeric_limits<quint32>::max())) {
                tooBig = true;
                return;
            }
            chunk.starts.push_back(quint32(text.size()));
            chunk.text = QByteArray(text.constData(), text.size());
        }
    };
    if (threads <= 0)
        threads = std::clamp(QThread::idealThreadCount(), 1, 8);
    threads = int(std::min<qsizetype>(threads, std::max<qsizetype>(chunkCount, 1)));
    runOnThreads(threads, work);
    if ((cancel && cancel->load()) || tooBig.load())
        return nullptr;

    // One dictionary for all: chunk-local ids are rewritten to global ones.
    Dictionary servers, connectors, codes;
    for (qsizetype c = 0; c < chunkCount; ++c) {
        const ChunkDictionaries &dict = dictionaries[size_t(c)];
        auto remap = [&](const Dictionary &local, Dictionary &global, std::vector<quint32> &column, auto onNew) {
            std::vector<quint32> map(size_t(local.values.size()));
            for (qsizetype v = 0; v < local.values.size(); ++v) {
                const qsizetype before = global.values.size();
                map[size_t(v)] = global.id(local.values.at(v));
                if (global.values.size() > before)
                    onNew(v);
            }
            const qsizetype first = c * kChunkSessions;
            const qsizetype last = std::min(n, first + kChunkSessions);
            for (qsizetype i = first; i < last; ++i)
                column[size_t(i)] = map[column[size_t(i)]];
        };
        remap(dict.servers, servers, index->serverId, [](qsizetype) {});
        remap(dict.connectors, connectors, index->connectorId, [](qsizetype) {});
        remap(dict.codes, codes, index->codeId, [&](qsizetype v) { index->codes.append(dict.codeValues.at(v)); });
    }
    index->serverNames = servers.values;
    index->connectorNames = connectors.values;
    return index;
}

qsizetype SessionSearchIndex::byteSize() const
{
    qsizetype bytes = 0;
    for (const Chunk &c : m_chunks)
        bytes += c.text.capacity() + qsizetype(c.starts.capacity() * sizeof(quint32));
    const qsizetype n = qsizetype(startMs.size());
    bytes += n * qsizetype(sizeof(qint64) + 5 * sizeof(quint32) + 3);
    return bytes;
}

} // namespace mwb
