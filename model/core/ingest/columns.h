#pragma once
#include <algorithm>
#include <QtGlobal>

namespace mwb::ingest {

// Column positions of a protocol log, found by #Fields name (defaults for headerless fragments).
struct ProtocolColumns {
    int time = 0, connector = 1, session = 2, sequence = 3, local = 4, remote = 5, event = 6, data = 7, context = 8;
    int count = 9;
    friend bool operator==(const ProtocolColumns &, const ProtocolColumns &) = default;
    int maxIndex() const { return std::max({time, connector, session, sequence, local, remote, event, data, context}); }
};

} // namespace mwb::ingest
