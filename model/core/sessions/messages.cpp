#include "model/core/sessions/messages.h"

#include "model/core/common/background.h"

#include "model/core/sessions/store.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>
#include <numeric>

namespace mwb {

namespace {

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(int n) : parent(size_t(n)) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x)
    {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[size_t(std::max(a, b))] = std::min(a, b);
    }
};

// "08DC1DB12C345BE5;2024-01-25T15:16:09.544Z;0" → the session id.
QString sessionRef(const QString &sourceContext)
{
    const QString s = sourceContext.trimmed();
    if (s.size() < 17 || s.at(16) != u';')
        return {};
    for (int i = 0; i < 16; ++i) {
        const QChar c = s.at(i);
        if (!((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F') || (c >= u'a' && c <= u'f')))
            return {};
    }
    return s.left(16).toUpper();
}

} // namespace

namespace {

// The same event read from two files (a tracking log and its Export-Csv, overlapping message-trace
// pages, V1 and V2 exports) is one hop: same server, event and source within the same second
// (exports drop the milliseconds). The richer row stays (a log row has the milliseconds and the
// recipients an export shows as "System.String[]"). Repeats inside one file stay. m is in time order.
void dropRepeatedEvents(const QList<ingest::TrackEvent> &events, QList<int> &m)
{
    auto rich = [](const ingest::TrackEvent &e) {
        return int(!e.recipientStatus.isEmpty()) + int(!e.recipients.isEmpty()) + int(!e.sourceContext.isEmpty())
            + int(e.timeMs % 1000 != 0) + int(!e.connector.isEmpty());
    };
    std::vector<char> drop(size_t(m.size()), 0);
    bool any = false;
    for (qsizetype i = 0; i < m.size(); ++i) {
        if (drop[size_t(i)])
            continue;
        const ingest::TrackEvent &a = events[m[i]];
        if (a.timeMs == kNoTime)
            continue;
        for (qsizetype j = i + 1; j < m.size(); ++j) {
            const ingest::TrackEvent &b = events[m[j]];
            if (b.timeMs == kNoTime || b.timeMs / 1000 > a.timeMs / 1000)
                break;
            if (drop[size_t(j)] || b.ref.fileIndex == a.ref.fileIndex || b.event != a.event || b.source != a.source
                || b.timeMs / 1000 != a.timeMs / 1000 || b.server.compare(a.server, Qt::CaseInsensitive) != 0)
                continue;
            any = true;
            if (rich(b) > rich(a)) {
                drop[size_t(i)] = 1;
                break;
            }
            drop[size_t(j)] = 1;
        }
    }
    if (!any)
        return;
    QList<int> kept;
    kept.reserve(m.size());
    for (qsizetype i = 0; i < m.size(); ++i) {
        if (!drop[size_t(i)])
            kept.append(m[i]);
    }
    m = std::move(kept);
}

// Messages that only protocol logs name (issue #25.8): "250 2.6.0 <id> … Queued mail for delivery"
// and "InternetMessageId <id>" put the id on the session; without a tracking event for it, each
// session that carried it becomes a hop (RECEIVE for a Receive session, SEND for a Send session).
void addProtocolOnlyMessages(const QList<ingest::TrackEvent> &events, Store &store, const std::atomic_bool *cancel)
{
    // Every message-id a tracking or EXO row names (not only each message's first): such an id
    // already has its journey.
    QSet<QString> tracked;
    tracked.reserve(events.size());
    for (const ingest::TrackEvent &e : events) {
        if (!e.messageId.isEmpty())
            tracked.insert(e.messageId);
    }
    std::vector<std::pair<int, QString>> ids;   // (first session, id): deterministic order
    qsizetype step = 0;
    for (auto it = store.sessionsByMessageId.cbegin(); it != store.sessionsByMessageId.cend(); ++it) {
        if ((++step & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return;
        if (it.key().isEmpty() || it.value().isEmpty() || tracked.contains(it.key()) || store.messageById.contains(it.key()))
            continue;
        ids.emplace_back(*std::min_element(it.value().cbegin(), it.value().cend()), it.key());
    }
    std::sort(ids.begin(), ids.end());
    for (const auto &[firstSession, id] : ids) {
        Q_UNUSED(firstSession);
        QList<int> sessions = store.sessionsByMessageId.value(id);
        std::sort(sessions.begin(), sessions.end(), [&](int a, int b) {
            const Session &x = store.sessions.at(a), &y = store.sessions.at(b);
            return x.startMs != y.startMs ? x.startMs < y.startMs : a < b;
        });
        sessions.erase(std::unique(sessions.begin(), sessions.end()), sessions.end());
        Message msg;
        msg.messageId = id;
        QSet<QString> seenRcpt;
        bool sent = false, failed = false, deferred = false;
        for (int si : std::as_const(sessions)) {
            const Session &s = store.sessions.at(si);
            const bool send = s.direction == Direction::Send;
            auto host = [](const QString &endpoint) {
                const qsizetype colon = endpoint.lastIndexOf(u':');
                QString h = colon > 0 ? endpoint.left(colon) : endpoint;
                if (h.startsWith(u'[') && h.endsWith(u']'))
                    h = h.mid(1, h.size() - 2);
                return h;
            };
            MessageHop h;
            h.server = s.server;
            h.event = send ? QStringLiteral("SEND") : QStringLiteral("RECEIVE");
            h.source = QStringLiteral("SMTP");
            h.timeMs = s.startMs;
            h.sessionId = s.id;
            h.sessionIndex = s.index;
            h.connector = s.connector;
            h.clientIp = host(send ? s.local : s.remote);
            h.serverIp = host(send ? s.remote : s.local);
            h.nextHop = send ? host(s.remote) : QString();
            h.recipientStatus = s.lastReply;
            h.recipients = s.recipients;
            if (!s.spans.isEmpty())
                h.ref = RecordRef{s.spans.first().fileIndex, s.spans.first().firstLine, s.spans.first().firstOffset, 0};
            if (msg.sender.isEmpty())
                msg.sender = s.mailFrom;
            for (const QString &r : s.recipients) {
                if (!seenRcpt.contains(r.toLower())) {
                    seenRcpt.insert(r.toLower());
                    msg.recipients.append(r);
                }
            }
            if (send && s.outcome == SessionOutcome::Delivered)
                sent = true;
            failed = failed || s.outcome == SessionOutcome::Rejected;
            deferred = deferred || s.outcome == SessionOutcome::Deferred;
            msg.hops.append(h);
        }
        // A Receive session that queued the message says it arrived, not that it left: pending
        // until a Send session hands it on.
        msg.status = sent ? MessageStatus::Delivered
                          : failed ? MessageStatus::Failed : deferred ? MessageStatus::Deferred : MessageStatus::Pending;
        if (!msg.hops.isEmpty() && msg.hops.first().timeMs != kNoTime && msg.hops.last().timeMs != kNoTime)
            msg.delayMs = std::max<qint64>(0, msg.hops.last().timeMs - msg.hops.first().timeMs);
        msg.index = int(store.messages.size());
        store.messageById.insert(msg.messageId, msg.index);
        store.messages.append(std::move(msg));
    }
}

} // namespace

void correlateMessages(const QList<ingest::TrackEvent> &events, Store &store, const std::atomic_bool *cancel)
{
    // Everything built on the way, so that a cancel (or the end) can free it on a pool thread in
    // one go: millions of hash entries take seconds to destroy.
    struct Work {
        QHash<QString, int> byMid, byNid, byInternal;
        QHash<int, int> rootToMessage;
        QList<QList<int>> members;
        QHash<QString, QList<int>> sessionsById;
        QList<Message> messages;
    } w;
    auto stop = [cancel](qsizetype step) { return (step & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed); };
    auto abandon = [&] {
        releaseInBackground(std::move(w), std::move(store.sessionsByMessageId));
        store.sessionsByMessageId = {};
    };
    const int n = int(events.size());
    UnionFind uf(n);
    store.messages.clear();
    store.messageById.clear();
    store.sessionsByMessageId.clear();
    for (int i = 0; i < n; ++i) {
        if (stop(i))
            return abandon();
        const ingest::TrackEvent &e = events[i];
        auto link = [&](QHash<QString, int> &h, const QString &k) {
            if (k.isEmpty())
                return;
            auto it = h.constFind(k);
            if (it == h.constEnd())
                h.insert(k, i);
            else
                uf.unite(i, it.value());
        };
        link(w.byMid, e.messageId);
        link(w.byNid, e.networkMessageId.toLower());
        if (!e.internalMessageId.isEmpty()) {
            // An internal id names a message on its server only while that server's queue database
            // lives (small numbers that come round again after it is recreated): an event of another
            // message-id under the same id starts a new message, and later events of the id go with it.
            const QString key = e.server + u'|' + e.internalMessageId;
            auto it = w.byInternal.find(key);
            if (it == w.byInternal.end()) {
                w.byInternal.insert(key, i);
            } else {
                const QString &earlier = events[it.value()].messageId;
                if (!e.messageId.isEmpty() && !earlier.isEmpty() && e.messageId != earlier)
                    it.value() = i;
                else
                    uf.unite(i, it.value());
            }
        }
    }
    // Groups in order of first event index (deterministic).
    for (int i = 0; i < n; ++i) {
        if (stop(i))
            return abandon();
        const int r = uf.find(i);
        auto it = w.rootToMessage.constFind(r);
        if (it == w.rootToMessage.constEnd()) {
            it = w.rootToMessage.insert(r, int(w.members.size()));
            w.members.append(QList<int>());
        }
        w.members[it.value()].append(i);
    }
    // The id hashes are done with: freed now, not after the messages are built.
    releaseInBackground(std::move(w.byMid), std::move(w.byNid), std::move(w.byInternal), std::move(w.rootToMessage));

    // Sessions by (server, id) for source-context references.
    // Reserved: growing a hash of millions rehashes it all at once, a step too long to cancel.
    QHash<QString, QList<int>> &sessionsById = w.sessionsById;
    sessionsById.reserve(store.sessions.size());
    for (qsizetype k = 0; k < store.sessions.size(); ++k) {
        if (stop(k))
            return abandon();
        const Session &s = store.sessions.at(k);
        sessionsById[s.id.toUpper()].append(s.index);
    }
    for (qsizetype k = 0; k < store.sessions.size(); ++k) {
        if (stop(k))
            return abandon();
        for (const QString &id : store.sessions.at(k).messageIds)
            store.sessionsByMessageId[id].append(store.sessions.at(k).index);
    }

    QList<Message> &messages = w.messages;
    messages.reserve(w.members.size());
    for (QList<int> &m : w.members) {
        if (stop(messages.size()))
            return abandon();   // ends the loop: w.members is not touched again
        std::stable_sort(m.begin(), m.end(), [&](int a, int b) { return events[a].timeMs < events[b].timeMs; });
        dropRepeatedEvents(events, m);
        Message msg;
        QSet<QString> seenRcpt;
        for (int i : m) {
            const ingest::TrackEvent &e = events[i];
            if (msg.messageId.isEmpty())
                msg.messageId = e.messageId;
            if (msg.networkMessageId.isEmpty())
                msg.networkMessageId = e.networkMessageId;
            if (msg.internalMessageId.isEmpty())
                msg.internalMessageId = e.internalMessageId;
            if (msg.sender.isEmpty())
                msg.sender = e.sender;
            if (msg.subject.isEmpty())
                msg.subject = e.subject;
            for (const QString &r : e.recipients) {
                if (!seenRcpt.contains(r.toLower())) {
                    seenRcpt.insert(r.toLower());
                    msg.recipients.append(r);
                }
            }
            MessageHop h;
            h.server = e.server;
            h.event = e.event;
            h.source = e.source;
            h.timeMs = e.timeMs;
            h.connector = e.connector;
            h.clientIp = e.clientIp;
            // A SEND names the host it handed the message to; a deferral or failure the host its
            // queue tried last, where the row says so (Exchange Online's LastAttemptedServerName).
            h.serverIp = e.attemptedIp.isEmpty() ? e.serverIp : e.attemptedIp;
            if (e.event == QLatin1String("SEND"))
                h.nextHop = e.serverHost;
            else
                h.nextHop = e.attemptedHost.isEmpty() ? e.attemptedIp : e.attemptedHost;
            h.recipientStatus = e.recipientStatus;
            h.sourceContext = e.sourceContext;   // queue errors (DnsQueryFailed ...) for the diagnosis rules
            h.recipients = e.recipients;
            h.ref = e.ref;
            h.sessionId = sessionRef(e.sourceContext);
            // Link the hop to the protocol-log session: the session reference in source-context,
            // else a session of this server that queued/sent this message-id.
            if (!h.sessionId.isEmpty()) {
                int best = -1;
                qint64 bestDist = std::numeric_limits<qint64>::max();
                for (int si : sessionsById.value(h.sessionId)) {
                    const Session &s = store.sessions.at(si);
                    if (!h.server.isEmpty() && s.server.compare(h.server, Qt::CaseInsensitive) != 0
                        && sessionsById.value(h.sessionId).size() > 1)
                        continue;
                    const qint64 dist = (s.startMs == kNoTime || e.timeMs == kNoTime) ? 0 : qAbs(s.startMs - e.timeMs);
                    if (dist < bestDist) {
                        bestDist = dist;
                        best = si;
                    }
                }
                h.sessionIndex = best;
            }
            if (h.sessionIndex < 0 && !msg.messageId.isEmpty() && e.source == QLatin1String("SMTP")
                && (e.event == QLatin1String("RECEIVE") || e.event == QLatin1String("SEND"))) {
                const Direction want = e.event == QLatin1String("SEND") ? Direction::Send : Direction::Receive;
                for (int si : store.sessionsByMessageId.value(msg.messageId)) {
                    const Session &s = store.sessions.at(si);
                    if (s.direction == want && (h.server.isEmpty() || s.server.compare(h.server, Qt::CaseInsensitive) == 0)) {
                        h.sessionIndex = si;
                        if (h.sessionId.isEmpty())
                            h.sessionId = s.id;
                        break;
                    }
                }
            }
            msg.hops.append(h);
        }
        // Status from the last decisive event.
        MessageStatus status = MessageStatus::Pending;
        qint64 finalTime = kNoTime;
        for (const MessageHop &h : std::as_const(msg.hops)) {
            if (h.event == QLatin1String("DELIVER") || h.event == QLatin1String("SEND")) {
                status = MessageStatus::Delivered;
                finalTime = h.timeMs;
            } else if (h.event == QLatin1String("FAIL")) {
                status = MessageStatus::Failed;
                finalTime = h.timeMs;
            } else if (h.event == QLatin1String("DEFER")) {
                status = MessageStatus::Deferred;
            } else if (h.event == QLatin1String("EXPAND") && status == MessageStatus::Pending && h.source == QLatin1String("EXO")) {
                status = MessageStatus::Delivered;
                finalTime = h.timeMs;
            }
        }
        msg.status = status;
        if (!msg.hops.isEmpty()) {
            const qint64 first = msg.hops.first().timeMs;
            const qint64 last = finalTime != kNoTime ? finalTime : msg.hops.last().timeMs;
            msg.delayMs = (first != kNoTime && last != kNoTime) ? std::max<qint64>(0, last - first) : 0;
        }
        msg.index = int(messages.size());
        messages.append(std::move(msg));
    }
    store.messages = std::move(messages);
    releaseInBackground(std::move(w));
    store.messageById.clear();
    for (const Message &m : std::as_const(store.messages)) {
        if (!m.messageId.isEmpty() && !store.messageById.contains(m.messageId))
            store.messageById.insert(m.messageId, m.index);
    }
    addProtocolOnlyMessages(events, store, cancel);
}

} // namespace mwb
