#include "model/core/diagnosis/finding.h"

namespace mwb {

QString severityId(Severity s)
{
    switch (s) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: break;
    }
    return QStringLiteral("error");
}

Severity severityFromId(const QString &id)
{
    if (id == QLatin1String("info"))
        return Severity::Info;
    if (id == QLatin1String("error"))
        return Severity::Error;
    return Severity::Warning;
}

} // namespace mwb
