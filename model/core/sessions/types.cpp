#include "model/core/sessions/types.h"

namespace mwb {

QString formatId(LogFormat f)
{
    switch (f) {
    case LogFormat::SmtpReceive: return QStringLiteral("smtp-receive");
    case LogFormat::SmtpSend: return QStringLiteral("smtp-send");
    case LogFormat::MessageTracking: return QStringLiteral("message-tracking");
    case LogFormat::ExoMessageTrace: return QStringLiteral("exo-message-trace");
    case LogFormat::ExoGetMessageTrace: return QStringLiteral("exo-get-messagetrace");
    case LogFormat::TransportConnectivity: return QStringLiteral("transport-connectivity");
    case LogFormat::ExoMessageTraceV2: return QStringLiteral("exo-message-trace-v2");
    case LogFormat::ExoGraphMessageTrace: return QStringLiteral("exo-graph-message-trace");
    case LogFormat::EmsMessageTrackingCsv: return QStringLiteral("ems-message-tracking-csv");
    case LogFormat::EmsMessageTrackingList: return QStringLiteral("ems-message-tracking-list");
    case LogFormat::Unknown: break;
    }
    return QStringLiteral("unknown");
}

LogFormat formatFromId(const QString &id)
{
    for (LogFormat f : {LogFormat::SmtpReceive, LogFormat::SmtpSend, LogFormat::MessageTracking, LogFormat::ExoMessageTrace,
                        LogFormat::ExoGetMessageTrace, LogFormat::TransportConnectivity, LogFormat::ExoMessageTraceV2,
                        LogFormat::ExoGraphMessageTrace, LogFormat::EmsMessageTrackingCsv,
                        LogFormat::EmsMessageTrackingList}) {
        if (formatId(f) == id)
            return f;
    }
    return LogFormat::Unknown;
}

QString directionId(Direction d)
{
    return d == Direction::Send ? QStringLiteral("send") : QStringLiteral("receive");
}

QString outcomeId(SessionOutcome o)
{
    switch (o) {
    case SessionOutcome::Delivered: return QStringLiteral("delivered");
    case SessionOutcome::Rejected: return QStringLiteral("rejected");
    case SessionOutcome::Deferred: return QStringLiteral("deferred");
    case SessionOutcome::Dropped: return QStringLiteral("dropped");
    case SessionOutcome::TlsFailed: return QStringLiteral("tls-failed");
    case SessionOutcome::NoMail: break;
    }
    return QStringLiteral("no-mail");
}

QString messageStatusId(MessageStatus s)
{
    switch (s) {
    case MessageStatus::Delivered: return QStringLiteral("delivered");
    case MessageStatus::Failed: return QStringLiteral("failed");
    case MessageStatus::Deferred: return QStringLiteral("deferred");
    case MessageStatus::Pending: break;
    }
    return QStringLiteral("pending");
}

} // namespace mwb
