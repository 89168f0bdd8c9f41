#pragma once
#include "model/core/sessions/types.h"

namespace mwb {

class Store;

// Receives sessions as the loader assembles them (used by the diagnosis engine, so that rules run
// while the lines are still in hand). Called from the load job's thread, one call at a time.
class SessionObserver {
public:
    virtual ~SessionObserver() = default;
    virtual void sessionAssembled(const Store &store, const Session &session, const QList<SessionLine> &lines) = 0;
    // After all sessions: messages are correlated and Store::messages is filled.
    virtual void loadFinished(const Store &store) = 0;
};

} // namespace mwb
