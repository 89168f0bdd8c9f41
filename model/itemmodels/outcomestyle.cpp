#include "model/itemmodels/outcomestyle.h"

#include <QObject>

namespace mwb {

QColor outcomeColor(SessionOutcome outcome)
{
    switch (outcome) {
    case SessionOutcome::Delivered: return QColor(0x1f, 0x9d, 0x55);
    case SessionOutcome::Rejected: return QColor(0xc8, 0x37, 0x37);
    case SessionOutcome::Deferred: return QColor(0xd0, 0x8a, 0x00);
    case SessionOutcome::Dropped: return QColor(0x8e, 0x44, 0xad);
    case SessionOutcome::NoMail: return QColor(0x8a, 0x94, 0xa3);
    case SessionOutcome::TlsFailed: return QColor(0xc8, 0x37, 0x37);
    }
    return {};
}

QIcon outcomeIcon(SessionOutcome outcome)
{
    return QIcon(QStringLiteral(":/icons/status/%1.svg").arg(outcomeId(outcome)));
}

QString outcomeLabel(SessionOutcome outcome)
{
    switch (outcome) {
    case SessionOutcome::Delivered: return QObject::tr("Delivered");
    case SessionOutcome::Rejected: return QObject::tr("Rejected");
    case SessionOutcome::Deferred: return QObject::tr("Deferred");
    case SessionOutcome::Dropped: return QObject::tr("Dropped");
    case SessionOutcome::NoMail: return QObject::tr("No mail");
    case SessionOutcome::TlsFailed: return QObject::tr("TLS failed");
    }
    return {};
}

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QColor(0xc8, 0x37, 0x37);
    case Severity::Warning: return QColor(0xd0, 0x8a, 0x00);
    case Severity::Info: return QColor(0x2f, 0x7b, 0xd8);
    }
    return {};
}

QIcon severityIcon(Severity severity)
{
    return QIcon(QStringLiteral(":/icons/status/%1.svg").arg(severityId(severity)));
}

QString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QObject::tr("Error");
    case Severity::Warning: return QObject::tr("Warning");
    case Severity::Info: return QObject::tr("Info");
    }
    return {};
}

QString exchangeVersionLabel(const ExchangeBuild &build, const QDate &today)
{
    if (build.build.isEmpty())
        return {};
    if (build.product.isEmpty())
        return QObject::tr("build %1 (not in the table of Exchange Server builds)").arg(build.build);
    if (build.outOfSupport(today))
        return QObject::tr("%1 \u2014 OUT OF SUPPORT since %2").arg(build.displayName(), build.supportEnds.toString(Qt::ISODate));
    return QObject::tr("%1 \u2014 supported").arg(build.displayName());
}

} // namespace mwb
