#pragma once
// Tracking / EXO events → message journeys across servers, linked to the protocol-log sessions
// that carried them.
#include "model/core/ingest/parser.h"
#include "model/core/sessions/types.h"

namespace mwb {

class Store;

// Correlates events by message-id, network-message-id and (server, internal-message-id) into
// messages; fills store.messages, store.messageById, store.sessionsByMessageId and hop sessions.
void correlateMessages(const QList<ingest::TrackEvent> &events, Store &store);

} // namespace mwb
