#pragma once
#include "model/core/sessions/types.h"

#include <memory>

namespace mwb {

class Store;

// Receives sessions as the loader assembles them (used by the diagnosis engine, so that rules run
// while the lines are still in hand). Work per session comes in two steps so that the costly part
// runs on every core: scanSession on the loader's pool, sessionScanned in order on one thread.
class SessionObserver {
public:
    // What scanSession found in one session, handed back to sessionScanned.
    class Scan {
    public:
        virtual ~Scan() = default;
    };

    virtual ~SessionObserver() = default;
    // Called on pool threads, concurrently and in any order, while the session's lines are decoded.
    // It may read only its arguments and the observer's setup (nothing that sessionScanned changes).
    virtual std::unique_ptr<Scan> scanSession(const Session &session, const QList<SessionLine> &lines) = 0;
    // Called in start-time order, one call at a time, from the load's thread, with what
    // scanSession returned for this session (may be null). The lines are gone by then.
    virtual void sessionScanned(const Store &store, const Session &session, std::unique_ptr<Scan> scan) = 0;
    // After all sessions: messages are correlated and Store::messages is filled.
    virtual void loadFinished(const Store &store) = 0;

    // Both steps for one session, on the calling thread (tests, callers without a pool).
    void sessionAssembled(const Store &store, const Session &session, const QList<SessionLine> &lines)
    {
        sessionScanned(store, session, scanSession(session, lines));
    }
};

} // namespace mwb
