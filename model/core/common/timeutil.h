#pragma once
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>
#include <limits>

namespace mwb {

inline constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

// Parses ISO 8601 date-times as Exchange writes them: 2024-03-13T09:01:18.723Z, with 0-7
// fractional digits, with or without Z (no zone = UTC), with +hh:mm offsets, and the
// "2024-03-13 09:01:18" / "3/13/2024 9:01:18 AM" shapes of message-trace exports.
// Returns milliseconds since the epoch (UTC) or kNoTime. Allocation free.
qint64 parseTimestampMs(QByteArrayView text);

// 2026-11-20T08:00:01.234Z — the contract's time format (UTC, milliseconds).
QString formatIsoMs(qint64 msSinceEpoch);

} // namespace mwb
