// mwb route: routing questions answered from a collection zip's configuration (issue #31).
#include "app/cli/commands.h"
#include "model/core/configuration/routing.h"
#include "model/core/remediation/parameterkinds.h"
#include "model/core/common/safetext.h"
#include "model/core/sessions/loader.h"
#include "model/core/sessions/store.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace mwb::cli {

namespace {

const char kRouteUsage[] =
    "usage: mwb route --receive IP[:PORT] --server NAME [--json] PATH...\n"
    "       mwb route --send DOMAIN [--server NAME] [--size SIZE] [--json] PATH...\n"
    "  --receive   which receive connector of --server takes a connection from IP (port 25 unless given;\n"
    "              IPv6 as [addr]:port), and which certificate STARTTLS presents there\n"
    "  --send      which send connector wins mail to DOMAIN (from --server when given), and its certificate\n"
    "  --size      the message size: connectors whose MaxMessageSize is smaller are left out\n"
    "              (25MB, 1.5GB, 500KB or bytes; 1 KB = 1024 bytes, as Exchange counts)\n"
    "  PATH        a collection zip written by the script of `mwb collect-script` (or its unpacked folder)\n";

bool parseEndpoint(const QString &text, QHostAddress *address, int *port)
{
    QString host = text.trimmed();
    *port = 25;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0)
            return false;
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!rest.isEmpty()) {
            bool ok = false;
            *port = rest.startsWith(u':') ? rest.mid(1).toInt(&ok) : 0;
            if (!ok)
                return false;
        }
    } else if (host.count(u':') == 1) {
        bool ok = false;
        *port = host.section(u':', 1).toInt(&ok);
        if (!ok)
            return false;
        host = host.section(u':', 0, 0);
    }
    if (*port <= 0 || *port > 65535)
        return false;
    return address->setAddress(host);
}

void printAnswer(const config::RouteAnswer &a, Io io)
{
    io.out << "question:   " << escapeControls(a.question) << "\n";
    if (a.found) {
        io.out << "connector:  " << escapeControls(a.connector) << "\n";
        io.out << "rule:       " << a.rule << "\n";
    } else {
        io.out << "connector:  none - " << escapeControls(a.problem) << "\n";
    }
    io.out << "reference:  " << a.reference << "\n";
    for (const config::RouteStep &s : a.steps)
        io.out << "  - " << s.rule << ": " << escapeControls(s.detail) << "\n";
    if (!a.certificate.rule.isEmpty() || !a.certificate.detail.isEmpty()) {
        io.out << "certificate: " << (a.certificate.found ? escapeControls(a.certificate.certificate->thumbprint) : QStringLiteral("none"));
        if (!a.certificate.rule.isEmpty())
            io.out << " (" << a.certificate.rule << ")";
        io.out << "\n  - " << escapeControls(a.certificate.detail) << "\n";
        if (!a.certificate.rule.isEmpty())
            io.out << "  reference: " << a.certificate.reference << "\n";
    }
}

} // namespace

int runRoute(const QStringList &args, Io io)
{
    const QString usage = QString::fromLatin1(kRouteUsage);
    const QString cmd = QStringLiteral("route");
    QString receive, send, server, sizeText;
    QStringList paths;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--json") {
            json = true;
        } else if (a == u"--receive" || a == u"--send" || a == u"--server" || a == u"--size") {
            if (!takeOptionValue(args, i, a == u"--receive" ? receive : a == u"--send" ? send : a == u"--server" ? server : sizeText))
                return usageError(io, cmd, QStringLiteral("%1 needs a value").arg(a), usage);
        } else if (a.startsWith(u'-') && a != u"-") {
            return usageError(io, cmd, QStringLiteral("unknown option '%1'").arg(remediation::printableExcerpt(a)), usage);
        } else {
            paths.append(a);
        }
    }
    if (receive.isEmpty() == send.isEmpty())
        return usageError(io, cmd, QStringLiteral("ask one question: --receive IP[:PORT] --server NAME, or --send DOMAIN"), usage);
    if (!receive.isEmpty() && server.isEmpty())
        return usageError(io, cmd, QStringLiteral("--receive needs --server NAME (the server that takes the connection)"), usage);
    QHostAddress remote;
    int port = 25;
    if (!receive.isEmpty() && !parseEndpoint(receive, &remote, &port))
        return usageError(io, cmd, QStringLiteral("--receive '%1' is not IP[:PORT]").arg(remediation::printableExcerpt(receive)), usage);
    if (!send.isEmpty()) {
        const auto domain = remediation::validateParameterValue(QStringLiteral("domain"), send);
        if (!domain.ok())
            return usageError(io, cmd, QStringLiteral("--send: %1").arg(domain.errorMessage()), usage);
        send = domain->value(0);
    }
    qint64 messageBytes = -1;
    if (!sizeText.isEmpty()) {
        if (send.isEmpty())
            return usageError(io, cmd, QStringLiteral("--size goes with --send"), usage);
        if (!config::parseByteQuantifiedSize(sizeText, &messageBytes))
            return usageError(io, cmd, QStringLiteral("--size '%1' is not a size such as 25MB").arg(remediation::printableExcerpt(sizeText)), usage);
    }
    if (paths.isEmpty())
        return usageError(io, cmd, QStringLiteral("a collection zip is required"), usage);

    const std::shared_ptr<Store> store = Loader::loadSync(paths);
    const config::Configuration &configuration = store->configuration;
    for (const SourceFile &f : store->files)
        for (const ParseIssue &e : f.errors)
            if (e.line <= 0)   // a file that could not be read at all (a missing path, an unreadable member)
                io.err << "mwb route: note: " << escapeControls(f.path) << ": " << escapeControls(e.message) << "\n";
    for (const QString &p : configuration.problems)
        io.err << "mwb route: note: " << escapeControls(p) << "\n";
    if (configuration.receiveConnectors.isEmpty() && configuration.sendConnectors.isEmpty()) {
        io.err << "mwb route: no configuration found in " << escapeControls(paths.join(QStringLiteral(", ")))
               << " (run the script of `mwb collect-script` and give its zip)\n";
        return 2;
    }
    // Certificate validity is judged at the end of the evidence, not today: the answer must not
    // change with the day it is asked.
    const qint64 endOfLogs = store->fileTimeSpan().second;
    QDateTime now = endOfLogs != kNoTime ? QDateTime::fromMSecsSinceEpoch(endOfLogs, QTimeZone::utc()) : QDateTime();
    if (!now.isValid())
        now = configuration.manifest.finished.isValid() ? configuration.manifest.finished : QDateTime::currentDateTimeUtc();

    const config::RouteAnswer answer = receive.isEmpty() ? config::selectSendConnector(configuration, send, server, messageBytes, now)
                                                         : config::selectReceiveConnector(configuration, server, remote, port, now);
    if (json) {
        QJsonObject root = config::routeAnswerToJson(answer);
        root.insert(QStringLiteral("tool"), QStringLiteral("mwb"));
        root.insert(QStringLiteral("version"), QStringLiteral(MWB_VERSION));
        root.insert(QStringLiteral("evaluatedAt"), now.toString(Qt::ISODateWithMs));
        io.out << escapeJsonControls(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
    } else {
        printAnswer(answer, io);
    }
    return 0;
}

} // namespace mwb::cli
