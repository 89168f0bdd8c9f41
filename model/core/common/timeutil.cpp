#include "model/core/common/timeutil.h"

#include <QDateTime>
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
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
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
    // US form from Get-MessageTrace exports: M/D/YYYY h:mm:ss [AM|PM]
    const QString str = QString::fromLatin1(t.data(), t.size());
    for (const char *fmt : {"M/d/yyyy h:mm:ss AP", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm AP", "M/d/yyyy H:mm"}) {
        QDateTime dt = QDateTime::fromString(str, QString::fromLatin1(fmt));
        if (dt.isValid()) {
            dt.setTimeSpec(Qt::UTC);
            return dt.toMSecsSinceEpoch();
        }
    }
    return kNoTime;
}

QString formatIsoMs(qint64 ms)
{
    if (ms == kNoTime)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace mwb
