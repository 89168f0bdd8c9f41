#include "model/core/sessions/loader.h"

#include "model/core/common/background.h"
#include "model/core/configuration/configuration.h"
#include "model/core/ingest/filebytes.h"
#include "model/core/ingest/parser.h"
#include "model/core/ingest/sources.h"
#include "model/core/sessions/assembler.h"
#include "model/core/sessions/messages.h"
#include "model/core/sessions/observer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMetaObject>
#include <QMutex>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <numeric>

namespace mwb {

namespace {

constexpr int kBatchSessions = 5000;
constexpr qint64 kBatchMs = 100;
constexpr qsizetype kObserverRun = 256;      // sessions per scanSessions call
constexpr qsizetype kRunsAhead = 64;         // runs scanned ahead of the merge at most

bool cancelled(const LoadOptions &o) { return o.cancel && o.cancel->load(std::memory_order_relaxed); }

} // namespace

namespace {

struct Parsed {
    std::vector<ingest::ParsedFile> files;
    std::vector<int> rank;   // rollover order: files by first record time, then path
};

// The configuration files of a collection zip (config/*.json, manifest.json) are not logs: they are
// taken out of the inputs and read into the configuration (issue #31), so they are neither parsed
// as logs nor reported as unreadable.
config::Configuration takeCollectionFiles(QList<ingest::Input> &inputs)
{
    config::Configuration configuration;
    QList<ingest::Input> logs;
    logs.reserve(inputs.size());
    for (ingest::Input &in : inputs) {
        QString name;
        if (!in.error.isEmpty() || !config::isCollectionFile(in.path, &name)) {
            logs.append(std::move(in));
            continue;
        }
        QFile file(in.filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            configuration.problems.append(QStringLiteral("%1: cannot read: %2").arg(in.path, file.errorString()));
            configuration.unreadableFiles.append(in.path);
            continue;
        }
        config::readCollectionFile(configuration, name, file.read(64 * 1024 * 1024), in.path);
    }
    inputs = std::move(logs);
    return configuration;
}

Parsed parseInputs(QList<ingest::Input> inputs, const LoadOptions &options, bool keepLines)
{
    Parsed out;
    const int threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    qint64 total = 0;
    for (const ingest::Input &in : std::as_const(inputs))
        total += in.size;
    QMutex progressLock;
    qint64 done = 0;
    auto report = [&](qint64 delta) {
        if (!options.progress)
            return;
        QMutexLocker lock(&progressLock);
        done = std::min(total, done + std::max<qint64>(0, delta));
        options.progress(done, total);
    };

    std::vector<ingest::ParsedFile> &parsed = out.files;
    parsed.resize(size_t(inputs.size()));
    {
        QThreadPool pool;
        pool.setMaxThreadCount(threads);
        std::vector<int> idx(parsed.size());
        std::iota(idx.begin(), idx.end(), 0);
        QtConcurrent::blockingMap(&pool, idx, [&](int i) {
            ingest::Input &in = inputs[i];
            ingest::ParsedFile &pf = parsed[size_t(i)];
            pf.meta.path = in.path;
            pf.meta.bytes = in.size;
            pf.meta.server = in.serverHint;
            if (cancelled(options)) {
                pf.cancelled = true;
                return;
            }
            if (!in.error.isEmpty()) {
                pf.meta.errors.append({0, in.error});
                report(in.size);
                return;
            }
            QString error;
            const std::shared_ptr<FileBytes> bytes = FileBytes::fromFile(in.filePath, &error);
            if (!bytes) {
                pf.meta.errors.append({0, QStringLiteral("cannot read: %1").arg(error)});
                report(in.size);
                return;
            }
            ingest::ParseControl control;
            control.cancel = options.cancel;
            control.progress = [&](qint64 delta) { report(delta); };
            control.keepLines = keepLines;
            control.timeZone = options.timeZone;
            // A file too big for the others to balance is itself read in ranges (counting only).
            if (!keepLines && threads > 1 && in.size * threads >= total)
                control.chunks = threads;
            const qint64 size = in.size;
            pf = ingest::parseBytes(std::move(bytes), in.path, in.serverHint, i, control);
            pf.meta.bytes = size;
            for (const QString &note : in.notes)   // what unpacking left out (junk runs cut)
                pf.meta.errors.append({0, note});
            if (!keepLines)
                pf.bytes.reset();   // counting needs no bytes afterwards: unmap early
        });
    }
    if (options.progress)
        options.progress(cancelled(options) ? done : total, total);

    std::vector<int> order(parsed.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const SourceFile &x = parsed[size_t(a)].meta;
        const SourceFile &y = parsed[size_t(b)].meta;
        if (x.firstMs != y.firstMs)
            return x.firstMs < y.firstMs;
        return x.path < y.path;
    });
    out.rank.resize(parsed.size());
    for (size_t r = 0; r < order.size(); ++r)
        out.rank[size_t(order[r])] = int(r);
    return out;
}

// The head of one input (at most kPreviewBytes, cut after its last line end), parsed and assembled on
// its own. Its sessions are what the admin sees while the whole drop loads; incomplete ones (cut by
// the head's end) are left out.
constexpr qint64 kPreviewBytes = 1 << 20;
constexpr int kPreviewInputs = 4;

QList<Session> previewSessions(const QList<ingest::Input> &inputs, const LoadOptions &options)
{
    int tried = 0;
    for (const ingest::Input &in : inputs) {
        if (tried == kPreviewInputs || cancelled(options))
            break;
        if (!in.error.isEmpty() || in.size <= 0)
            continue;
        ++tried;
        QFile file(in.filePath);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QByteArray head = file.read(kPreviewBytes);
        if (head.size() == kPreviewBytes) {
            // Cut after the last line end; in UTF-16LE the NUL after it belongs to the line too.
            qsizetype end = head.lastIndexOf('\n') + 1;
            if (end > 0 && end < head.size() && head.at(end) == '\0' && (end & 1))
                ++end;
            if (end > 0)
                head.truncate(end);
        }
        ingest::ParseControl control;
        control.cancel = options.cancel;
        control.timeZone = options.timeZone;
        std::vector<ingest::ParsedFile> files;
        files.push_back(ingest::parseBytes(FileBytes::fromBuffer(std::move(head)), in.path, in.serverHint, 0, control));
        AssembledSessions assembled = assembleSessions(files, {0}, 1, options.cancel);
        QList<Session> complete;
        for (Session &session : assembled.sessions) {
            if (session.complete)
                complete.append(std::move(session));
        }
        if (!complete.isEmpty())
            return complete;
    }
    return {};
}

} // namespace

namespace {

// The keys of countMessages: a 128-bit hash of an id and, for internal ids, the server.
struct CountKey {
    quint64 a, b;
    qint64 server;
    bool operator==(const CountKey &o) const { return a == o.a && b == o.b && server == o.server; }
};

// An insert-only open-addressing table of CountKey → V, at most half full. The ids
// are already hashes, so the slot is a multiply away; std::unordered_map's node per key and the
// cache miss of each made these tables the largest cost of counting tracking rows (issue #25).
template<typename V>
class CountTable
{
public:
    explicit CountTable(size_t expected)
    {
        size_t slotCount = 16;
        while (slotCount < expected * 2)
            slotCount *= 2;
        m_slots.resize(slotCount);
        m_used.assign(slotCount, false);
    }
    // The value for `key`, inserted as `value` when new; second: whether it was inserted.
    std::pair<V *, bool> tryEmplace(const CountKey &key, const V &value)
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t s = slotOf(key, mask);; s = (s + 1) & mask) {
            if (!m_used[s]) {
                if ((m_count + 1) * 2 > m_slots.size()) {
                    grow();
                    return tryEmplace(key, value);
                }
                m_used[s] = true;
                m_slots[s] = {key, value};
                ++m_count;
                return {&m_slots[s].second, true};
            }
            if (m_slots[s].first == key)
                return {&m_slots[s].second, false};
        }
    }
    bool contains(const CountKey &key) const
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t s = slotOf(key, mask); m_used[s]; s = (s + 1) & mask) {
            if (m_slots[s].first == key)
                return true;
        }
        return false;
    }

private:
    static size_t slotOf(const CountKey &k, size_t mask)
    {
        const quint64 h = (k.a ^ (k.b * 0x9E3779B97F4A7C15ull) ^ quint64(k.server)) * 0xFF51AFD7ED558CCDull;
        return size_t(h >> 32) & mask;
    }
    void grow()
    {
        std::vector<std::pair<CountKey, V>> old = std::move(m_slots);
        std::vector<bool> oldUsed = std::move(m_used);
        m_slots.assign(old.size() * 2, {});
        m_used.assign(old.size() * 2, false);
        m_count = 0;
        for (size_t i = 0; i < old.size(); ++i) {
            if (oldUsed[i])
                tryEmplace(old[i].first, old[i].second);
        }
    }
    std::vector<std::pair<CountKey, V>> m_slots;
    std::vector<bool> m_used;
    size_t m_count = 0;
};

// As correlateMessages, for counting: rows sharing a message-id, a network-message-id or (on one
// server) an internal id are one message; one message per connected group of rows. An internal id
// seen again with another message-id starts over, as there.
qint64 countMessages(const std::vector<ingest::ParsedFile> &files)
{
    size_t n = 0;
    for (const ingest::ParsedFile &pf : files)
        n += pf.trackKeys.size();
    std::vector<quint32> parent(n);
    std::iota(parent.begin(), parent.end(), quint32(0));
    auto find = [&](quint32 x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    auto unite = [&](quint32 a, quint32 b) {
        const quint32 x = find(a), y = find(b);
        if (x != y)
            parent[std::max(x, y)] = std::min(x, y);
    };
    // Rows share ids (a message has several events): start at a quarter of the rows and grow.
    CountTable<quint32> byMid(n / 4), byNid(n / 4);
    struct InternalSeen {
        quint32 row;
        quint64 messageId[2];   // of that row; 0, 0 when it had none
    };
    CountTable<InternalSeen> byInternal(n / 4);
    QHash<QString, int> servers;
    quint32 i = 0;
    for (const ingest::ParsedFile &pf : files) {
        std::vector<int> serverOf(size_t(pf.trackServers.size()));
        for (qsizetype s = 0; s < pf.trackServers.size(); ++s)
        {
            auto it = servers.constFind(pf.trackServers[s]);
            if (it == servers.constEnd())
                it = servers.insert(pf.trackServers[s], int(servers.size()));
            serverOf[size_t(s)] = it.value();
        }
        for (const ingest::TrackKeys &k : pf.trackKeys) {
            auto link = [&](CountTable<quint32> &table, const quint64 (&h)[2], qint64 server) {
                if (h[0] == 0 && h[1] == 0)
                    return;
                auto [first, inserted] = table.tryEmplace(CountKey{h[0], h[1], server}, i);
                if (!inserted)
                    unite(i, *first);
            };
            link(byMid, k.messageId, -1);
            link(byNid, k.networkId, -1);
            if (k.internalId[0] != 0 || k.internalId[1] != 0) {
                const CountKey key{k.internalId[0], k.internalId[1], k.server >= 0 ? serverOf[size_t(k.server)] : -1};
                const InternalSeen seen{i, {k.messageId[0], k.messageId[1]}};
                auto [earlier, inserted] = byInternal.tryEmplace(key, seen);
                if (!inserted) {
                    const bool hasId = k.messageId[0] != 0 || k.messageId[1] != 0;
                    const bool earlierHasId = earlier->messageId[0] != 0 || earlier->messageId[1] != 0;
                    if (hasId && earlierHasId
                        && (k.messageId[0] != earlier->messageId[0] || k.messageId[1] != earlier->messageId[1])) {
                        *earlier = seen;
                    } else {
                        unite(i, earlier->row);
                    }
                }
            }
            ++i;
        }
    }
    qint64 groups = 0;
    for (quint32 x = 0; x < quint32(n); ++x)
        groups += find(x) == x;
    // Message ids that only protocol logs name are messages too (addProtocolOnlyMessages).
    CountTable<char> protocolOnly(1024);
    for (const ingest::ParsedFile &pf : files) {
        for (const std::array<quint64, 2> &h : pf.protoMessageIds) {
            const CountKey k{h[0], h[1], -1};
            if ((h[0] != 0 || h[1] != 0) && !byMid.contains(k) && protocolOnly.tryEmplace(k, 0).second)
                ++groups;
        }
    }
    return groups;
}

} // namespace

LoadCounts Loader::countSync(const QStringList &paths, const LoadOptions &options)
{
    LoadCounts c;
    QList<ingest::Input> inputs = ingest::collectInputs(paths);
    takeCollectionFiles(inputs);
    Parsed p = parseInputs(std::move(inputs), options, false);
    for (ingest::ParsedFile &pf : p.files) {
        c.files.append(pf.meta);
        c.bytes += pf.meta.bytes;
        c.lines += pf.meta.lines;
        c.unreadable = c.unreadable || !pf.meta.errors.isEmpty() || pf.meta.format == LogFormat::Unknown;
    }
    if (cancelled(options))
        return c;
    c.sessions = countSessions(p.files, p.rank, options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()));
    c.messages = countMessages(p.files);
    return c;
}

std::shared_ptr<Store> Loader::loadSync(const QStringList &paths, const LoadOptions &options)
{
    auto store = std::make_shared<Store>();
    const int threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    QList<ingest::Input> inputs = ingest::collectInputs(paths);
    store->configuration = takeCollectionFiles(inputs);
    if (store->configuration.isEmpty() && !options.configurationFallback.isEmpty()) {
        store->configuration = config::configurationFromCopies(options.configurationFallback);
        store->configuration.problems.prepend(
            QStringLiteral("The collection zip %1 was not loaded: the configuration is the copy saved in the case")
                .arg(config::collectionArchivesOf(options.configurationFallback).join(QLatin1String(", "))));
    }
    if (options.sessionPreview) {
        QList<Session> preview = previewSessions(inputs, options);
        if (!preview.isEmpty())
            options.sessionPreview(preview);
    }
    QElapsedTimer sinceStart;
    sinceStart.start();
    LoadPhases phases;
    // Copied out on every return: a cancelled load reports the phases it reached.
    struct PhasesOut {
        const LoadPhases &from;
        LoadPhases *to;
        ~PhasesOut()
        {
            if (to)
                *to = from;
        }
    } phasesOut{phases, options.phases};
    const auto enter = [&options](LoadPhase phase) {
        if (options.phase)
            options.phase(phase);
    };
    enter(LoadPhase::Reading);
    Parsed p = parseInputs(std::move(inputs), options, true);
    phases.parsedMs = sinceStart.elapsed();
    std::vector<ingest::ParsedFile> &parsed = p.files;
    const std::vector<int> &rank = p.rank;

    for (size_t i = 0; i < parsed.size(); ++i) {
        store->files.append(parsed[i].meta);
        store->setFileBytes(int(i), parsed[i].bytes);
    }
    if (cancelled(options))
        return store;

    enter(LoadPhase::Assembling);
    AssembledSessions assembled = assembleSessions(parsed, rank, threads, options.cancel);
    phases.assembledMs = sinceStart.elapsed();
    if (cancelled(options)) {
        // A cancelled assembly has released what it built; one that finished just before the
        // cancel hands it all back here.
        releaseInBackground(std::move(p), std::move(assembled));
        return store;
    }
    // Moved, not shared: a shared list would be copied whole (every session) by the first non-const
    // access below.
    store->sessions = std::move(assembled.sessions);
    enter(LoadPhase::Delivering);

    // Batches to the UI and the observer, in start-time order, from this one thread. The pool
    // decodes the sessions' SessionLines and runs the observer's scanSessions on them, up to
    // kRunsAhead runs ahead of this thread, which hands the scans to sessionsScanned in order.
    // Decoding and scanning on this thread made the observer the slowest stage of a load (issue #6).
    SessionObserver *observer = options.observer;
    const SessionObserver::LinesOf linesOf = [&](qsizetype i) -> const QList<SessionLine> & {
        // One list per pool thread, decoded into in place: a QString per field of every line was
        // most of what feeding an observer cost. Lines beyond a shorter session wait in `spare`
        // with their buffers instead of being destroyed.
        struct LineBuffer {
            QList<SessionLine> lines;
            std::vector<SessionLine> spare;
        };
        thread_local LineBuffer buffer;
        const std::vector<LineLoc> &locs = assembled.lines[size_t(i)];
        QList<SessionLine> &lines = buffer.lines;
        const qsizetype wanted = qsizetype(locs.size());
        while (lines.size() > wanted) {
            buffer.spare.push_back(std::move(lines.last()));
            lines.removeLast();
        }
        while (lines.size() < wanted) {
            if (buffer.spare.empty()) {
                lines.emplaceBack();
            } else {
                lines.append(std::move(buffer.spare.back()));
                buffer.spare.pop_back();
            }
        }
        for (qsizetype k = 0; k < wanted; ++k) {
            const LineLoc &l = locs[size_t(k)];
            const ingest::ParsedFile &pf = parsed[size_t(l.file)];
            const ingest::ProtoLine &pl = pf.lines[l.line];
            decodeProtoLineInto(lines[k], pf.bytes->view(), ingest::layoutAt(pf.layouts, pl.offset), pl, l.file);
        }
        return lines;
    };
    // Message correlation reads the sessions and the tracking events, nothing the loop below
    // touches: it runs beside the loop on a thread of its own instead of after it. Over 1 GiB it is
    // a second of one thread, and the loop's thread mostly waits for the pool's scans.
    // One list of every event, allocated once: grown file by file it was reallocated again and
    // again, and clear() kept each file's emptied buffer, about twice the events' size at the
    // peak of a tracking-heavy load (issue #27).
    QList<ingest::TrackEvent> events;
    qsizetype eventCount = 0;
    for (const ingest::ParsedFile &pf : parsed)
        eventCount += pf.events.size();
    events.reserve(eventCount);
    for (ingest::ParsedFile &pf : parsed) {
        events.append(std::move(pf.events));   // moved: copying a million events took half a second
        QList<ingest::TrackEvent>().swap(pf.events);
    }
    QThreadPool correlationThread;
    correlationThread.setMaxThreadCount(1);
    // It writes only Store's message members and reads the sessions through const access (no detach).
    QFuture<void> correlation = QtConcurrent::run(&correlationThread, [&] { correlateMessages(events, *store, options.cancel); });
    const qsizetype total = store->sessions.size();
    if (options.sessionTotal && options.sessionBatch)
        options.sessionTotal(total);
    // Runs of kObserverRun sessions are scanned on `threads` pool threads, each taking the next
    // unclaimed run as soon as it is free, while this thread merges the scans in order as each
    // becomes ready: merging a run's findings costs this thread about what one session's did.
    // (Blocks of 2048 sessions handed to the pool one after the other left a core idle at the end
    // of every block and while the next one started: the pool was busy about half of the time.)
    // Scanners stay at most kRunsAhead runs ahead of the merge, so unmerged scans stay few.
    const QList<Session> &sessions = store->sessions;
    const qsizetype runs = observer ? (total + kObserverRun - 1) / kObserverRun : 0;
    std::vector<std::unique_ptr<SessionObserver::Scan>> scans;
    scans.resize(size_t(runs));
    std::unique_ptr<std::atomic_bool[]> scanned(new std::atomic_bool[size_t(std::max<qsizetype>(runs, 1))]);
    for (qsizetype r = 0; r < runs; ++r)
        scanned[size_t(r)].store(false, std::memory_order_relaxed);
    std::atomic<qsizetype> nextRun{0};
    std::atomic<qsizetype> mergedRuns{0};
    auto scanner = [&] {
        for (;;) {
            const qsizetype r = nextRun.fetch_add(1, std::memory_order_relaxed);
            if (r >= runs)
                return;
            for (qsizetype merged = mergedRuns.load(std::memory_order_acquire); r >= merged + kRunsAhead;
                 merged = mergedRuns.load(std::memory_order_acquire))
                mergedRuns.wait(merged, std::memory_order_acquire);
            // A cancelled load still marks its runs, unscanned, so that no one waits for them.
            if (!cancelled(options)) {
                const qsizetype begin = r * kObserverRun;
                scans[size_t(r)] = observer->scanSessions(sessions, begin, std::min(total, begin + kObserverRun), linesOf);
            }
            scanned[size_t(r)].store(true, std::memory_order_release);
            scanned[size_t(r)].notify_one();
        }
    };
    QThreadPool scanPool;
    scanPool.setMaxThreadCount(threads);
    for (int t = 0; t < threads && runs > 0; ++t)
        scanPool.start(scanner);

    QElapsedTimer sinceBatch;
    sinceBatch.start();
    qsizetype batchStart = 0;
    qint64 waitNs = 0, mergeNs = 0;
    QElapsedTimer step;
    for (qsizetype i = 0; i < total; ++i) {
        if (observer && i % kObserverRun == 0) {
            const qsizetype r = i / kObserverRun;
            step.start();
            scanned[size_t(r)].wait(false, std::memory_order_acquire);
            waitNs += step.nsecsElapsed();
            if (cancelled(options))
                break;
            step.start();
            observer->sessionsScanned(*store, std::move(scans[size_t(r)]));
            mergeNs += step.nsecsElapsed();
            mergedRuns.store(r + 1, std::memory_order_release);
            mergedRuns.notify_all();
        }
        const bool last = i + 1 == total;
        if (options.sessionBatch && (last || i + 1 - batchStart >= kBatchSessions || sinceBatch.elapsed() >= kBatchMs)) {
            options.sessionBatch(store->sessions, batchStart, i + 1);   // shared, not copied
            batchStart = i + 1;
            sinceBatch.restart();
        }
        if ((i & 1023) == 0 && cancelled(options))
            break;
    }
    // A cancelled load leaves scanners running or waiting for the merge: release them, and let them
    // finish before the data they read goes.
    mergedRuns.store(runs, std::memory_order_release);
    mergedRuns.notify_all();
    scanPool.waitForDone();
    releaseInBackground(std::move(scans));   // unmerged scans of a cancelled load
    if (observer && !cancelled(options))
        observer->sessionsDone(*store);   // while the correlation may still run
    phases.deliveredMs = sinceStart.elapsed();
    phases.observerWaitMs = waitNs / 1000000;
    phases.observerMergeMs = mergeNs / 1000000;
    enter(LoadPhase::Correlating);
    correlation.waitForFinished();      // it sees a cancel itself
    phases.correlatedMs = sinceStart.elapsed();
    if (cancelled(options)) {
        releaseInBackground(std::move(assembled.lines), std::move(events), std::move(p));
        return store;
    }
    // Line records are no longer needed: freed on a pool thread, so that this thread goes on (and
    // can see a cancel) instead of running millions of destructors.
    std::vector<std::vector<ingest::ProtoLine>> lineRecords;
    std::vector<std::vector<ingest::ProtoKey>> keyRecords;
    for (ingest::ParsedFile &pf : parsed) {
        lineRecords.push_back(std::move(pf.lines));
        keyRecords.push_back(std::move(pf.keys));
        pf.lines = {};
        pf.keys = {};
    }
    releaseInBackground(std::move(assembled.lines), std::move(lineRecords), std::move(keyRecords));
    enter(LoadPhase::Diagnosing);
    if (observer)
        observer->loadFinished(*store);
    phases.finishedMs = sinceStart.elapsed();
    releaseInBackground(std::move(events));
    return store;
}

struct LoadJob::Private {
    QFuture<void> future;
    std::atomic_bool cancel{false};
    bool running = false;
    // Batches come in a burst (every session is assembled before the first one): a hundred queued
    // events were handled in one pass of the event loop, 0.6-0.9 s without a timer firing. Only the
    // newest range waits here, with at most one event posted for it.
    QMutex batchMutex;
    QList<Session> batchAll;
    qsizetype batchBegin = 0;
    qsizetype batchEnd = 0;
    bool batchPosted = false;
    // Every session is assembled before the first batch, so the first range is often the whole
    // load: inserting 2 M rows at once cost the table's header 70-80 ms in one pass.
    qsizetype rowsPerDelivery = 250'000;
    QTimeZone timeZone;   // for the next start()
    QList<config::CollectionFileCopy> configurationFallback;   // for the next start()
};

LoadJob::LoadJob(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<QList<mwb::Session>>();
    qRegisterMetaType<std::shared_ptr<mwb::Store>>();
    qRegisterMetaType<mwb::LoadPhase>();
}

LoadJob::~LoadJob()
{
    d->cancel = true;
    d->future.waitForFinished();
}

void LoadJob::start(const QStringList &paths, SessionObserver *observer)
{
    start(paths, std::shared_ptr<SessionObserver>(observer, [](SessionObserver *) {}));
}

void LoadJob::start(const QStringList &paths, std::shared_ptr<SessionObserver> observer)
{
    if (d->running) {
        d->cancel = true;
        d->future.waitForFinished();
    }
    d->cancel = false;
    d->running = true;
    {
        QMutexLocker lock(&d->batchMutex);
        d->batchAll = {};
        d->batchBegin = d->batchEnd = 0;
        d->batchPosted = false;
    }
    // runJob: the load runs behind the UI thread, and so do the pools it starts (they inherit it).
    d->future = runJob([this, paths, observer, zone = d->timeZone, fallback = d->configurationFallback] {
        LoadOptions o;
        o.observer = observer.get();   // `observer` (captured) keeps it alive while this runs
        o.timeZone = zone;
        o.configurationFallback = fallback;
        o.cancel = &d->cancel;
        o.progress = [this](qint64 doneBytes, qint64 totalBytes) {
            QMetaObject::invokeMethod(this, [this, doneBytes, totalBytes] { Q_EMIT progress(doneBytes, totalBytes); },
                                      Qt::QueuedConnection);
        };
        o.sessionPreview = [this](const QList<Session> &preview) {
            QMetaObject::invokeMethod(this, [this, preview] { Q_EMIT sessionsPreview(preview); }, Qt::QueuedConnection);
        };
        o.sessionTotal = [this](qsizetype total) {
            QMetaObject::invokeMethod(this, [this, total] { Q_EMIT sessionsExpected(total); }, Qt::QueuedConnection);
        };
        o.phase = [this](LoadPhase phase) {
            QMetaObject::invokeMethod(this, [this, phase] { Q_EMIT phaseChanged(phase); }, Qt::QueuedConnection);
        };
        o.sessionBatch = [this](const QList<Session> &all, qsizetype begin, qsizetype end) {
            {
                QMutexLocker lock(&d->batchMutex);
                if (d->batchPosted) {   // not taken yet: widen the waiting range
                    d->batchEnd = end;
                    return;
                }
                d->batchAll = all;
                d->batchBegin = begin;
                d->batchEnd = end;
                d->batchPosted = true;
            }
            QMetaObject::invokeMethod(this, &LoadJob::deliverBatch, Qt::QueuedConnection);
        };
        std::shared_ptr<Store> store = Loader::loadSync(paths, o);
        const bool wasCancelled = d->cancel.load();
        postFinished(this, store, wasCancelled);
    });
}

void LoadJob::postFinished(LoadJob *job, const std::shared_ptr<Store> &store, bool wasCancelled)
{
    QMetaObject::invokeMethod(job, [job, store, wasCancelled] {
        {
            // Rows still waiting come first: finished after them, never before.
            QMutexLocker lock(&job->d->batchMutex);
            if (job->d->batchPosted) {
                lock.unlock();
                postFinished(job, store, wasCancelled);
                return;
            }
        }
        job->d->running = false;
        Q_EMIT job->finished(store, wasCancelled);
    }, Qt::QueuedConnection);
}

void LoadJob::deliverBatch()
{
    QList<Session> sessions;
    qsizetype from = 0, to = 0;
    bool more = false;
    {
        QMutexLocker lock(&d->batchMutex);
        if (!d->batchPosted)
            return;
        from = d->batchBegin;
        to = std::min(d->batchEnd, from + d->rowsPerDelivery);
        more = to < d->batchEnd;
        if (more) {
            sessions = d->batchAll;
            d->batchBegin = to;   // still posted: new batches widen what is left
        } else {
            sessions = std::exchange(d->batchAll, {});
            d->batchPosted = false;
        }
    }
    if (more)
        QMetaObject::invokeMethod(this, &LoadJob::deliverBatch, Qt::QueuedConnection);
    Q_EMIT sessionsAdded(sessions, from, to);
}

void LoadJob::setConfigurationFallback(const QList<config::CollectionFileCopy> &copies)
{
    d->configurationFallback = copies;
}

void LoadJob::setTimeZone(const QTimeZone &zone)
{
    d->timeZone = zone;
}

void LoadJob::setRowsPerDelivery(qsizetype rows)
{
    QMutexLocker lock(&d->batchMutex);
    d->rowsPerDelivery = std::max<qsizetype>(1, rows);
}

void LoadJob::cancel()
{
    d->cancel = true;
}

bool LoadJob::isRunning() const
{
    return d->running;
}

} // namespace mwb
