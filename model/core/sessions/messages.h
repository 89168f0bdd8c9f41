#pragma once
// Tracking / EXO events → message journeys across servers, linked to the protocol-log sessions
// that carried them.
#include "model/core/ingest/parser.h"
#include "model/core/sessions/types.h"

#include <atomic>

namespace mwb {

class Store;

// Correlates events by message-id, network-message-id and (server, internal-message-id) into
// messages; fills store.messages, store.messageById, store.sessionsByMessageId and hop sessions.
// A cancel (checked every 4096 steps) leaves store.messages and the maps empty.
void correlateMessages(const QList<ingest::TrackEvent> &events, Store &store, const std::atomic_bool *cancel = nullptr);

} // namespace mwb
