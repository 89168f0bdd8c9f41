#include "model/core/common/timeutil.h"

#include <cstring>

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace mwb {
namespace {

bool digits(QByteArrayView t, qsizetype pos, int count, int &out)
{
    if (pos + count > t.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = t[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

// Days from civil date, proleptic Gregorian (Howard Hinnant's algorithm, public domain facts).
qint64 daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

qint64 compose(int y, int mo, int d, int h, int mi, int s, int ms)
{
    static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || h > 23 || mi > 59 || s > 60)
        return kNoTime;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo == 2 && d == 29 && !leap)
        return kNoTime;
    return ((daysFromCivil(y, unsigned(mo), unsigned(d)) * 24 + h) * 60 + mi) * 60000LL + s * 1000LL + ms;
}

QByteArrayView trimmed(QByteArrayView t)
{
    qsizetype b = 0, e = t.size();
    while (b < e && (t[b] == ' ' || t[b] == '"' || t[b] == '\t'))
        ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '"' || t[e - 1] == '\t' || t[e - 1] == '\r'))
        --e;
    return t.sliced(b, e - b);
}

// Digits from pos up to a non-digit, 1..maxCount of them; pos moves past them.
bool someDigits(QByteArrayView t, qsizetype &pos, int maxCount, int &out)
{
    int v = 0, n = 0;
    while (pos < t.size() && n < maxCount && t[pos] >= '0' && t[pos] <= '9') {
        v = v * 10 + (t[pos] - '0');
        ++pos;
        ++n;
    }
    out = v;
    return n > 0;
}

// US form from Get-MessageTrace exports: M/D/YYYY h:mm[:ss] [AM|PM], taken as UTC. Hand-written
// because QDateTime::fromString builds local times: glibc stats /etc/localtime on every call, which
// cost a load tens of thousands of system calls (SAN tokens of certificate lines are tried as dates).
qint64 parseUsTimestamp(QByteArrayView t)
{
    qsizetype p = 0;
    int mo, d, y, h, mi, s = 0;
    if (!someDigits(t, p, 2, mo) || p >= t.size() || t[p++] != '/' || !someDigits(t, p, 2, d) || p >= t.size()
        || t[p++] != '/' || !digits(t, p, 4, y))
        return kNoTime;
    p += 4;
    if (p >= t.size() || t[p] != ' ')
        return kNoTime;
    while (p < t.size() && t[p] == ' ')
        ++p;
    if (!someDigits(t, p, 2, h) || p >= t.size() || t[p++] != ':' || !digits(t, p, 2, mi))
        return kNoTime;
    p += 2;
    if (p < t.size() && t[p] == ':') {
        if (!digits(t, p + 1, 2, s))
            return kNoTime;
        p += 3;
    }
    while (p < t.size() && t[p] == ' ')
        ++p;
    if (p < t.size()) {
        if (p + 2 != t.size() || (t[p + 1] != 'M' && t[p + 1] != 'm'))
            return kNoTime;
        const char ap = t[p];
        const bool pm = ap == 'P' || ap == 'p';
        if (!pm && ap != 'A' && ap != 'a')
            return kNoTime;
        if (h < 1 || h > 12)
            return kNoTime;
        h = (h % 12) + (pm ? 12 : 0);
    }
    return compose(y, mo, d, h, mi, s, 0);
}

} // namespace

qint64 parseTimestampMs(QByteArrayView raw)
{
    const QByteArrayView t = trimmed(raw);
    int y, mo, d, h, mi, s = 0;
    // ISO form: YYYY-MM-DD[T ]hh:mm[:ss[.fffffff]][Z|+hh:mm]
    if (t.size() >= 16 && digits(t, 0, 4, y) && t[4] == '-' && digits(t, 5, 2, mo) && t[7] == '-'
        && digits(t, 8, 2, d) && (t[10] == 'T' || t[10] == ' ') && digits(t, 11, 2, h) && t[13] == ':'
        && digits(t, 14, 2, mi)) {
        qsizetype p = 16;
        int ms = 0;
        if (p < t.size() && t[p] == ':') {
            if (!digits(t, p + 1, 2, s))
                return kNoTime;
            p += 3;
            if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
                ++p;
                int scale = 100;
                while (p < t.size() && t[p] >= '0' && t[p] <= '9') {
                    ms += (t[p] - '0') * scale;
                    scale /= 10;
                    ++p;
                }
            }
        }
        qint64 v = compose(y, mo, d, h, mi, s, ms);
        if (v == kNoTime)
            return kNoTime;
        if (p < t.size() && (t[p] == '+' || t[p] == '-')) {
            int oh = 0, om = 0;
            const int sign = t[p] == '+' ? 1 : -1;
            if (digits(t, p + 1, 2, oh)) {
                qsizetype q = p + 3;
                if (q < t.size() && t[q] == ':')
                    ++q;
                digits(t, q, 2, om);
                v -= sign * (oh * 60 + om) * 60000LL;
            }
        }
        return v;
    }
    return parseUsTimestamp(t);
}

bool timestampHasZone(QByteArrayView raw)
{
    const QByteArrayView t = trimmed(raw);
    if (t.isEmpty())
        return false;
    if (t.back() == 'Z' || t.back() == 'z')
        return true;
    if (t.size() >= 3) {
        const QByteArrayView tail = t.last(3);
        if ((tail[0] | 0x20) == 'u' && (tail[1] | 0x20) == 't' && (tail[2] | 0x20) == 'c')
            return true;
    }
    // ISO offset: a sign after the time of day (position 16 on: never the date's dashes).
    if (t.size() > 16 && t[4] == '-') {
        for (qsizetype i = 16; i < t.size(); ++i) {
            if (t[i] == '+' || t[i] == '-')
                return true;
        }
    }
    return false;
}

QTimeZone timeZoneFromSpec(const QString &spec, QString *error)
{
    const QString s = spec.trimmed();
    if (s.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0 || s.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0
        || s.compare(QLatin1String("GMT"), Qt::CaseInsensitive) == 0)
        return QTimeZone(0);
    static const QRegularExpression offset(QStringLiteral("^(?:UTC|GMT)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = offset.match(s);
    if (m.hasMatch()) {
        const int h = m.captured(2).toInt();
        const int mi = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
        if (h <= 14 && mi < 60 && h * 60 + mi <= 14 * 60)
            return QTimeZone((m.captured(1) == QLatin1String("-") ? -1 : 1) * (h * 3600 + mi * 60));
    } else if (!s.isEmpty() && QTimeZone::isTimeZoneIdAvailable(s.toUtf8())) {
        const QTimeZone zone(s.toUtf8());
        if (zone.isValid())
            return zone;
    }
    if (error)
        *error = QStringLiteral("unknown time zone '%1': give an IANA name such as Europe/Berlin, or an offset such as UTC+01:00")
                     .arg(s);
    return {};
}

qint64 wallTimeToUtcMs(qint64 wallMsAsUtc, const QTimeZone &zone)
{
    if (wallMsAsUtc == kNoTime || !zone.isValid())
        return wallMsAsUtc;
    const QDateTime wall = QDateTime::fromMSecsSinceEpoch(wallMsAsUtc, QTimeZone::utc());
    const QDateTime local(wall.date(), wall.time(), zone);
    if (local.isValid())
        return local.toMSecsSinceEpoch();
    // A wall time the spring-forward skips: read with the offset in effect before the change (an
    // instant 15 hours earlier lies before it whatever the offset, and after any earlier change).
    const int before = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(wallMsAsUtc - 15 * 3600000LL, QTimeZone::utc()));
    return wallMsAsUtc - before * 1000LL;
}

QString formatIsoMs(qint64 ms)
{
    if (ms == kNoTime)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

qint64 RepeatedTimestampParser::parseAndRemember(QByteArrayView v)
{
    const char *t = v.data();
    const qint64 ms = parseTimestampMs(v);
    // Remembered only for the ISO shape, where the last three digits are the milliseconds.
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (ms != kNoTime && v.size() == 24 && digit(t[0]) && t[16] == ':' && t[19] == '.' && t[23] == 'Z' && digit(t[20])
        && digit(t[21]) && digit(t[22])) {
        std::memcpy(m_second, t, 19);
        m_secondMs = ms - ((t[20] - '0') * 100 + (t[21] - '0') * 10 + (t[22] - '0'));
    }
    return ms;
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("-") + formatDuration(-ms);
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 3);
    if (ms < 3'600'000)
        return QStringLiteral("%1 min %2 s").arg(ms / 60'000).arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'));
    if (ms < 86'400'000)
        return QStringLiteral("%1 h %2 min").arg(ms / 3'600'000).arg((ms / 60'000) % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(ms / 86'400'000).arg((ms / 3'600'000) % 24);
}

} // namespace mwb
