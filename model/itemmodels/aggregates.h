#pragma once
// Chart data computed over the session list (QtCore only): time bins sized to the visible range so
// a chart never draws more than a few hundred bars whatever the number of sessions.
#include "model/core/sessions/types.h"

#include <QList>
#include <QPair>
#include <array>
#include <vector>

namespace mwb {

inline constexpr int kOutcomeCount = 5;  // SessionOutcome values

struct TimeHistogram {
    qint64 fromMs = kNoTime;
    qint64 binMs = 0;
    std::vector<std::array<int, kOutcomeCount>> byOutcome;  // per bin, per SessionOutcome
    std::vector<std::array<int, 2>> errorsByClass;          // per bin: [0] 4xx replies, [1] 5xx replies
    int binCount() const { return int(byOutcome.size()); }
    qint64 binStart(int bin) const { return fromMs + bin * binMs; }
};

// Picks a "round" bin width (1 s … 1 day) so that [fromMs, toMs) has at most maxBins bins.
qint64 niceBinWidth(qint64 spanMs, int maxBins);

// rows: indexes into sessions (empty vector + allRows=true means every session).
TimeHistogram binSessions(const QList<Session> &sessions, const std::vector<int> &rows, bool allRows,
                          qint64 fromMs, qint64 toMs, int maxBins = 120);

// The `limit` most frequent remote addresses / error replies ("451 4.7.0"), most frequent first.
QList<QPair<QString, int>> topRemoteHosts(const QList<Session> &sessions, const std::vector<int> &rows, bool allRows, int limit = 10);
QList<QPair<QString, int>> topErrorCodes(const QList<Session> &sessions, const std::vector<int> &rows, bool allRows, int limit = 10);

// A count axis from 0 with whole-number ticks: the step is 1, 2 or 5 times a power of ten, chosen
// so that there are at most maxIntervals intervals up to top (>= maxValue). Axis tick count is
// top / step + 1. Counts never get fractional ticks that "%d" would print as 0, 0, 1, 1, 2.
struct CountAxisTicks {
    int top = 1;
    int step = 1;
    int tickCount() const { return top / step + 1; }
};
CountAxisTicks countAxisTicks(int maxValue, int maxIntervals = 5);

// A time axis whose ticks fall on round times for the span (every 10 s, 5 min, 1 h, 1 day, …):
// the range [from, to] is widened to whole steps, so evenly spaced ticks (all Qt Charts can draw)
// read 08:15, 08:20, … instead of 08:18:48. Rounding happens in the displayed zone: offsetMs is
// that zone's offset from UTC (0 for UTC) at the range's start.
struct TimeAxisTicks {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 1000;
    int tickCount() const { return int((toMs - fromMs) / stepMs) + 1; }
    // Label format for QDateTimeAxis: seconds only when the step needs them, the date when the
    // span crosses midnight or the step is a day or more.
    QString labelFormat;
};
TimeAxisTicks roundTimeAxis(qint64 fromMs, qint64 toMs, qint64 offsetMs = 0, int maxIntervals = 6);

// Earliest start and latest end over the sessions; {kNoTime, kNoTime} when none has a time.
QPair<qint64, qint64> sessionTimeRange(const QList<Session> &sessions);

} // namespace mwb
