#include "model/core/ingest/exchangefolders.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace mwb::ingest {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("mwb::ingest::ExchangeLogFolders", text);
}
} // namespace

QList<ExchangeLogFolder> exchangeLogFolders(const QString &installPath)
{
    // Exchange 2013–2019 and Subscription Edition (V15) defaults; an admin may have moved them
    // (Set-TransportService -ReceiveProtocolLogPath …), which only the server's configuration knows.
    static const struct {
        const char *label;
        const char *relative;
    } kFolders[] = {
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Front End Transport — SMTP receive"),
         "TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Front End Transport — SMTP send"),
         "TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpSend"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Transport service — SMTP receive"),
         "TransportRoles/Logs/Hub/ProtocolLog/SmtpReceive"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Transport service — SMTP send"),
         "TransportRoles/Logs/Hub/ProtocolLog/SmtpSend"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Mailbox Transport — SMTP receive"),
         "TransportRoles/Logs/Mailbox/ProtocolLog/SmtpReceive"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Mailbox Transport — SMTP send"),
         "TransportRoles/Logs/Mailbox/ProtocolLog/SmtpSend"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Edge Transport — SMTP receive"),
         "TransportRoles/Logs/Edge/ProtocolLog/SmtpReceive"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Edge Transport — SMTP send"),
         "TransportRoles/Logs/Edge/ProtocolLog/SmtpSend"},
        {QT_TRANSLATE_NOOP("mwb::ingest::ExchangeLogFolders", "Message tracking"), "TransportRoles/Logs/MessageTracking"},
    };
    // Backslashes to slashes by hand, not QDir::cleanPath: that would fold the "//" of a UNC host
    // on Linux, and QDir::fromNativeSeparators leaves backslashes alone there.
    QString base = installPath.trimmed();
    base.replace(u'\\', u'/');
    while (base.size() > 1 && base.endsWith(u'/') && !base.endsWith(QLatin1String(":/")))
        base.chop(1);
    QList<ExchangeLogFolder> out;
    if (base.isEmpty())
        return out;
    if (!base.endsWith(u'/'))
        base += u'/';
    for (const auto &f : kFolders)
        out.append({tr(f.label), base + QLatin1String(f.relative)});
    return out;
}

QList<ExchangeLogFolder> exchangeLogFoldersOnThisServer()
{
    QList<ExchangeLogFolder> out;
    for (const ExchangeLogFolder &f : exchangeLogFolders(qEnvironmentVariable("ExchangeInstallPath"))) {
        if (QFileInfo(f.path).isDir())
            out.append(f);
    }
    return out;
}

} // namespace mwb::ingest
