#pragma once
#include "model/core/sessions/types.h"

#include <functional>
#include <memory>

namespace mwb {

class Store;

// Receives sessions as the loader assembles them (used by the diagnosis engine, so that rules run
// while the lines are still in hand). Work comes in two steps so that the costly part runs on
// every core: scanSessions on the loader's pool, one run of consecutive sessions per call, and
// sessionsScanned in order on one thread, which then only merges what each run found.
class SessionObserver {
public:
    // What scanSessions found in one run of sessions, handed back to sessionsScanned.
    class Scan {
    public:
        virtual ~Scan() = default;
    };
    // Decodes the lines of the session at an index of the list given to scanSessions. The list
    // returned may be the calling thread's buffer, valid until that thread's next call: copy it to
    // keep it (the loader decodes session after session into the same lines, so that their
    // strings keep their buffers).
    using LinesOf = std::function<const QList<SessionLine> &(qsizetype index)>;

    virtual ~SessionObserver() = default;
    // Called on pool threads, concurrently for different runs and in any order of runs, for the
    // sessions [begin, end) of `sessions`, which are in start-time order. It may read only its
    // arguments and the observer's setup (nothing that sessionsScanned changes).
    virtual std::unique_ptr<Scan> scanSessions(const QList<Session> &sessions, qsizetype begin, qsizetype end,
                                               const LinesOf &linesOf) = 0;
    // Called with the runs in start-time order, one call at a time, from the load's thread, with
    // what scanSessions returned for each run (may be null). The lines are gone by then. Messages
    // are being correlated meanwhile on another thread: only store.sessions and store.files may be read.
    virtual void sessionsScanned(const Store &store, std::unique_ptr<Scan> scan) = 0;
    // After the last sessionsScanned of a load that was not cancelled, on the load's thread, while
    // messages may still be being correlated (only store.sessions and store.files may be read):
    // work that needs every session but no message, done while the load's thread would otherwise
    // wait for the correlation.
    virtual void sessionsDone(const Store &store) { Q_UNUSED(store) }
    // After all sessions: messages are correlated and Store::messages is filled.
    virtual void loadFinished(const Store &store) = 0;

    // Both steps for one session, on the calling thread (tests, callers without a pool).
    void sessionAssembled(const Store &store, const Session &session, const QList<SessionLine> &lines)
    {
        const QList<Session> one{session};
        sessionsScanned(store, scanSessions(one, 0, 1, [&lines](qsizetype) -> const QList<SessionLine> & { return lines; }));
    }
};

} // namespace mwb
