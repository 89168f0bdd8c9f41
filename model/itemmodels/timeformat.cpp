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

} // namespace mwb
