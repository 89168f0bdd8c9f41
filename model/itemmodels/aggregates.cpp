#include "model/itemmodels/aggregates.h"

#include "model/itemmodels/sessionfilter.h"

#include <QHash>
#include <algorithm>

namespace mwb {

qint64 niceBinWidth(qint64 spanMs, int maxBins)
{
    static const qint64 steps[] = {1000, 5000, 10'000, 30'000, 60'000, 300'000, 600'000, 1'800'000,
                                   3'600'000, 3 * 3'600'000, 6 * 3'600'000, 12 * 3'600'000, 86'400'000};
    maxBins = std::max(1, maxBins);
    for (qint64 step : steps) {
        if (spanMs / step < maxBins)
            return step;
    }
    const qint64 days = spanMs / 86'400'000 / maxBins + 1;
    return days * 86'400'000;
}

template <typename F>
static void forRows(const QList<Session> &sessions, const std::vector<int> &rows, bool allRows, F &&f)
{
    if (allRows) {
        for (const Session &s : sessions)
            f(s);
        return;
    }
    for (int i : rows) {
        if (i >= 0 && i < sessions.size())
            f(sessions.at(i));
    }
}

TimeHistogram binSessions(const QList<Session> &sessions, const std::vector<int> &rows, bool allRows,
                          qint64 fromMs, qint64 toMs, int maxBins)
{
    TimeHistogram h;
    if (fromMs == kNoTime || toMs == kNoTime || toMs <= fromMs)
        return h;
    h.binMs = niceBinWidth(toMs - fromMs, maxBins);
    h.fromMs = fromMs - (fromMs % h.binMs);  // align bins on round times
    const int bins = int((toMs - h.fromMs) / h.binMs) + 1;
    h.byOutcome.assign(size_t(bins), {});
    h.errorsByClass.assign(size_t(bins), {});
    forRows(sessions, rows, allRows, [&](const Session &s) {
        if (s.startMs == kNoTime || s.startMs < h.fromMs || s.startMs > toMs)
            return;
        const size_t bin = size_t((s.startMs - h.fromMs) / h.binMs);
        if (bin >= h.byOutcome.size())
            return;
        h.byOutcome[bin][size_t(s.outcome)]++;
        const QChar c = s.lastReply.isEmpty() ? QChar() : s.lastReply.at(0);
        if (c == QLatin1Char('4'))
            h.errorsByClass[bin][0]++;
        else if (c == QLatin1Char('5'))
            h.errorsByClass[bin][1]++;
    });
    return h;
}

static QList<QPair<QString, int>> topOf(const QHash<QString, int> &counts, int limit)
{
    QList<QPair<QString, int>> all;
    all.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        all.append({it.key(), it.value()});
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (all.size() > limit)
        all.resize(limit);
    return all;
}

QList<QPair<QString, int>> topRemoteHosts(const QList<Session> &sessions, const std::vector<int> &rows, bool allRows, int limit)
{
    QHash<QString, int> counts;
    forRows(sessions, rows, allRows, [&](const Session &s) {
        const QHostAddress addr = endpointAddress(s.remote);
        counts[addr.isNull() ? s.remote : addr.toString()]++;
    });
    counts.remove(QString());
    return topOf(counts, limit);
}

QList<QPair<QString, int>> topErrorCodes(const QList<Session> &sessions, const std::vector<int> &rows, bool allRows, int limit)
{
    QHash<QString, int> counts;
    forRows(sessions, rows, allRows, [&](const Session &s) {
        const ReplyCode code = parseReplyCode(s.lastReply);
        if (code.basic.startsWith(QLatin1Char('4')) || code.basic.startsWith(QLatin1Char('5')))
            counts[code.enhanced.isEmpty() ? code.basic : code.basic + QLatin1Char(' ') + code.enhanced]++;
    });
    return topOf(counts, limit);
}

QPair<qint64, qint64> sessionTimeRange(const QList<Session> &sessions)
{
    qint64 lo = kNoTime;
    qint64 hi = kNoTime;
    for (const Session &s : sessions) {
        if (s.startMs != kNoTime && (lo == kNoTime || s.startMs < lo))
            lo = s.startMs;
        const qint64 end = s.endMs != kNoTime ? s.endMs : s.startMs;
        if (end != kNoTime && (hi == kNoTime || end > hi))
            hi = end;
    }
    return {lo, hi};
}

CountAxisTicks countAxisTicks(int maxValue, int maxIntervals)
{
    maxValue = std::max(1, maxValue);
    maxIntervals = std::max(1, maxIntervals);
    qint64 magnitude = 1;
    while (true) {
        for (const qint64 factor : {1, 2, 5}) {
            const qint64 step = factor * magnitude;
            const qint64 intervals = (maxValue + step - 1) / step;
            if (intervals <= maxIntervals)
                return {int(intervals * step), int(step)};
        }
        magnitude *= 10;
    }
}

TimeAxisTicks roundTimeAxis(qint64 fromMs, qint64 toMs, qint64 offsetMs, int maxIntervals)
{
    static constexpr qint64 kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute, kDay = 24 * kHour;
    // Steps people read at a glance; the first that keeps the intervals at or under the maximum.
    static constexpr qint64 kSteps[] = {kSecond,      2 * kSecond,  5 * kSecond,  10 * kSecond, 15 * kSecond, 30 * kSecond,
                                        kMinute,      2 * kMinute,  5 * kMinute,  10 * kMinute, 15 * kMinute, 30 * kMinute,
                                        kHour,        2 * kHour,    3 * kHour,    6 * kHour,    12 * kHour,   kDay,
                                        2 * kDay,     7 * kDay,     14 * kDay,    28 * kDay};
    maxIntervals = std::max(1, maxIntervals);
    if (toMs <= fromMs)
        toMs = fromMs + kSecond;
    TimeAxisTicks t;
    // Floor/ceil in the displayed zone, on whole milliseconds (negative times floor correctly).
    auto floorTo = [](qint64 v, qint64 step) { return v >= 0 ? v / step * step : -((-v + step - 1) / step) * step; };
    for (qint64 step : kSteps) {
        t.stepMs = step;
        t.fromMs = floorTo(fromMs + offsetMs, step) - offsetMs;
        t.toMs = -floorTo(-(toMs + offsetMs), step) - offsetMs;
        if (t.toMs == t.fromMs)
            t.toMs += step;
        if ((t.toMs - t.fromMs) / step <= maxIntervals)
            break;
    }
    // Beyond the largest step: keep it and let the intervals grow (months of logs).
    const bool crossesDays = floorTo(t.fromMs + offsetMs, kDay) != floorTo(t.toMs + offsetMs - 1, kDay);
    if (t.stepMs >= kDay)
        t.labelFormat = QStringLiteral("yyyy-MM-dd");
    else if (t.stepMs % kMinute != 0)
        t.labelFormat = crossesDays ? QStringLiteral("MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss");
    else
        t.labelFormat = crossesDays ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm");
    return t;
}

} // namespace mwb
