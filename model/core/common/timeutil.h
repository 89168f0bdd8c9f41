#pragma once
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>
#include <cstring>
#include <limits>

class QTimeZone;   // callers of timeZoneFromSpec / wallTimeToUtcMs include <QTimeZone>

namespace mwb {

inline constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

// Parses ISO 8601 date-times as Exchange writes them: 2024-03-13T09:01:18.723Z, with 0-7
// fractional digits, with or without Z (no zone = UTC), with +hh:mm offsets, and the
// "2024-03-13 09:01:18" / "3/13/2024 9:01:18 AM" shapes of message-trace exports.
// Returns milliseconds since the epoch (UTC) or kNoTime. Allocation free.
qint64 parseTimestampMs(QByteArrayView text);

// parseTimestampMs for a stream of timestamps that mostly share their second (the lines of a log):
// the last second of the usual 2026-11-21T02:31:02.716Z form is remembered, and a timestamp that
// differs from it only in the milliseconds is not parsed again. Same answers as parseTimestampMs.
class RepeatedTimestampParser {
public:
    // Inline: it runs once per line of a GiB (out of line it cost `mwb stats` a tenth).
    Q_ALWAYS_INLINE qint64 parse(QByteArrayView v)
    {
        const char *t = v.data();
        if (v.size() == 24 && t[19] == '.' && t[23] == 'Z' && m_secondMs != kNoTime && std::memcmp(t, m_second, 19) == 0) {
            const unsigned d0 = unsigned(t[20] - '0'), d1 = unsigned(t[21] - '0'), d2 = unsigned(t[22] - '0');
            if (d0 < 10 && d1 < 10 && d2 < 10)
                return m_secondMs + d0 * 100 + d1 * 10 + d2;
        }
        return parseAndRemember(v);
    }

private:
    qint64 parseAndRemember(QByteArrayView v);

    char m_second[19] = {};   // "2026-11-21T02:31:02"
    qint64 m_secondMs = kNoTime;
};

// True when a date-time text names its zone: a trailing Z or UTC, or an ISO +hh:mm / -hh:mm offset.
// Export files (Get-MessageTrackingLog | Export-Csv / Format-List) write the exporting machine's
// local time without one; parseTimestampMs reads such times as UTC.
bool timestampHasZone(QByteArrayView text);

// The zone an admin names for zone-less export times (--timezone): an IANA name (Europe/Berlin),
// UTC / Z, or a fixed offset (UTC+01:00, UTC-3:30, +0530, GMT+2). Invalid and *error set otherwise.
QTimeZone timeZoneFromSpec(const QString &spec, QString *error = nullptr);

// A wall-clock time read as if it were UTC (what parseTimestampMs gives for a zone-less text),
// re-read as the local time of `zone` (DST-correct): the UTC instant it names. A time in the hour
// that a spring-forward skips is read with the offset before the change; a time in the repeated
// autumn hour as Qt chooses (its first, summer-time occurrence).
qint64 wallTimeToUtcMs(qint64 wallMsAsUtc, const QTimeZone &zone);

// 2026-11-20T08:00:01.234Z — the contract's time format (UTC, milliseconds).
QString formatIsoMs(qint64 msSinceEpoch);

// How every view, report and status line writes a duration: "85 ms", "1.250 s", "2 min 03 s",
// "1 h 04 min", "3 d 02 h".
QString formatDuration(qint64 ms);

} // namespace mwb
