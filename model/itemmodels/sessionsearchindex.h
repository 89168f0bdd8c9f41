#pragma once
// A filter index over a final session list: what SessionFilter reads, laid out for scanning.
//
// Filtering millions of sessions field by field chases a pointer per QString (a cache miss each),
// which put text filters over 2 M sessions at ~200-300 ms. Here every searchable text field of a
// chunk of sessions is one UTF-8 buffer (fields joined by '\n'), scanned by PCRE2 in one pass, and
// the other filter inputs are plain columns (time, flags, dictionary ids of server, connector and
// reply code, the remote IPv4 address). The index only ever narrows the sessions SessionFilter has
// to look at; whatever it cannot decide exactly is decided on the Session itself, so a filter
// answers the same with and without it (tests/itemmodels/tst_sessionsearchindex.cpp).
//
// Built once per list (Store::sessions at the end of a load) on a worker; it keeps a share of the
// list, so the sessions it describes cannot change under it (any write to the list detaches).
#include "model/core/sessions/types.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

namespace mwb {

class SessionSearchIndex {
public:
    // Sessions per chunk: the unit of the text buffers, of building and of filtering in parallel.
    static constexpr qsizetype kChunkSessions = 1 << 16;

    // Null when cancelled. Uses up to `threads` threads (the caller's among them).
    static std::shared_ptr<const SessionSearchIndex> build(const QList<Session> &sessions, const std::atomic_bool *cancel = nullptr,
                                                           int threads = 0);

    // Does this index describe sessions[0, size())? (The same list data, which it holds a share of.)
    bool covers(const QList<Session> &sessions) const
    {
        return !m_sessions.isEmpty() && m_sessions.constData() == sessions.constData() && m_sessions.size() <= sessions.size();
    }
    qsizetype size() const { return m_sessions.size(); }
    const QList<Session> &sessions() const { return m_sessions; }
    // Bytes held by the index itself (not the shared sessions): for the benchmark and the docs.
    qsizetype byteSize() const;

    // The searchable text of a chunk: for each session id, remote, local, EHLO, sender, last reply,
    // AUTH user, recipients and message ids, each followed by '\n', as UTF-8 (a lone surrogate
    // becomes U+FFFD, so the buffer is always valid UTF-8). Server and connector are not in it: they
    // repeat in every session and are searched once per distinct value (serverNames, connectorNames).
    struct Chunk {
        qsizetype first = 0;             // index of the chunk's first session
        QByteArray text;
        std::vector<quint32> starts;     // session k's text is [starts[k], starts[k+1])
    };
    const std::vector<Chunk> &chunks() const { return m_chunks; }

    // Columns, one entry per session.
    enum Flag : quint8 { Tls = 1, RemoteIsIpv4 = 2 };
    std::vector<qint64> startMs;
    std::vector<quint32> remoteIpv4;     // valid where flags has RemoteIsIpv4
    std::vector<quint32> serverId;       // into serverNames
    std::vector<quint32> connectorId;    // into connectorNames
    std::vector<quint32> codeId;         // into codes: the last reply's (basic, enhanced) code
    std::vector<qint32> storeIndex;      // Session::index
    std::vector<quint8> flags;
    std::vector<quint8> direction;       // Direction
    std::vector<quint8> outcome;         // SessionOutcome
    QStringList serverNames;
    QStringList connectorNames;
    struct Code {
        QString basic;
        QString enhanced;
    };
    QList<Code> codes;

private:
    QList<Session> m_sessions;
    std::vector<Chunk> m_chunks;
};

// Appends `text` as UTF-8 (lone surrogates as U+FFFD) without a temporary QByteArray.
void appendUtf8(QByteArray &out, const QString &text);

} // namespace mwb
