#include "model/itemmodels/timeformat.h"

#include <QDateTime>

namespace mwb {

QString formatTime(qint64 ms, TimeDisplay display, bool withZone)
{
    if (ms == kNoTime)
        return {};
    QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (display == TimeDisplay::Local)
        dt = dt.toLocalTime();
    QString text = dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (withZone)
        text += display == TimeDisplay::Utc ? QStringLiteral(" UTC") : QLatin1Char(' ') + dt.timeZoneAbbreviation();
    return text;
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
