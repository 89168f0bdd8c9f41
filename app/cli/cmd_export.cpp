// mwb export: sessions, messages or findings as NDJSON or CSV for Splunk, Elastic or ClickHouse.
#include "app/cli/commands.h"

#include "model/core/analysis/analysis.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mwb::cli {

namespace {

const char kUsage[] = "usage: mwb export --format ndjson|csv --what sessions|messages|findings PATH...\n";

// RFC 4180: quote when the value holds a comma, a quote or a line break; double the quotes.
QString csvField(const QString &v)
{
    if (!v.contains(u',') && !v.contains(u'"') && !v.contains(u'\n') && !v.contains(u'\r'))
        return v;
    QString q = v;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QString csvRow(const QStringList &values)
{
    QStringList out;
    out.reserve(values.size());
    for (const QString &v : values)
        out.append(csvField(v));
    return out.join(u',') + QStringLiteral("\r\n");
}

QString iso(qint64 ms) { return ms == kNoTime ? QString() : formatIsoMs(ms); }

QStringList sessionRow(const Session &s, const Store &store)
{
    const int fi = s.spans.isEmpty() ? -1 : s.spans.first().fileIndex;
    const CertificateInfo cert = s.certificates.isEmpty() ? CertificateInfo() : s.certificates.first();
    return {s.id, s.server, s.connector, directionId(s.direction), s.local, s.remote, iso(s.startMs), iso(s.endMs),
            QString::number(s.startMs != kNoTime && s.endMs != kNoTime ? s.endMs - s.startMs : 0), s.ehlo,
            s.tls ? QStringLiteral("true") : QStringLiteral("false"), s.tlsProtocol, s.tlsCipher, cert.subject,
            cert.thumbprint, s.authMechanism, s.mailFrom, s.recipients.join(u';'), s.messageIds.join(u';'), s.lastReply,
            outcomeId(s.outcome), QString::number(s.maxGapMs), QString::number(s.lineCount),
            fi >= 0 && fi < store.files.size() ? store.files[fi].path : QString()};
}

QStringList messageRow(const Message &m)
{
    QStringList servers, hops;
    for (const MessageHop &h : m.hops) {
        if (!servers.contains(h.server))
            servers.append(h.server);
        hops.append(h.server + u':' + h.event);
    }
    return {m.messageId, m.networkMessageId, m.sender, m.recipients.join(u';'), m.subject, messageStatusId(m.status),
            QString::number(m.delayMs), m.hops.isEmpty() ? QString() : iso(m.hops.first().timeMs),
            m.hops.isEmpty() ? QString() : iso(m.hops.last().timeMs), servers.join(u';'), hops.join(u';')};
}

QStringList findingRow(const Finding &f)
{
    return {f.rule, severityId(f.severity), f.title, QString::number(f.count), f.servers.join(u';'), f.sessions.join(u';'),
            f.messageIds.join(u';'), f.codes.join(u';'), iso(f.firstMs), iso(f.lastMs), f.scenario};
}

} // namespace

int runExport(const QStringList &args, Io io)
{
    QString format, what;
    QStringList paths;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if ((a == QLatin1String("--format") || a == QLatin1String("--what")) && i + 1 < args.size()) {
            (a == QLatin1String("--format") ? format : what) = args[++i];
        } else if (a.startsWith(QLatin1String("--format="))) {
            format = a.mid(9);
        } else if (a.startsWith(QLatin1String("--what="))) {
            what = a.mid(7);
        } else if (a.startsWith(QLatin1String("--"))) {
            return usageError(io, QStringLiteral("export"), QStringLiteral("unknown option '%1'").arg(a), QString::fromLatin1(kUsage));
        } else {
            paths.append(a);
        }
    }
    if (format != QLatin1String("ndjson") && format != QLatin1String("csv"))
        return usageError(io, QStringLiteral("export"), QStringLiteral("--format must be ndjson or csv"), QString::fromLatin1(kUsage));
    if (what != QLatin1String("sessions") && what != QLatin1String("messages") && what != QLatin1String("findings"))
        return usageError(io, QStringLiteral("export"), QStringLiteral("--what must be sessions, messages or findings"),
                          QString::fromLatin1(kUsage));
    if (paths.isEmpty())
        return usageError(io, QStringLiteral("export"), QStringLiteral("at least one PATH is required"), QString::fromLatin1(kUsage));

    const Analysis a = analyzePaths(paths);
    const Store &store = *a.store;
    const bool csv = format == QLatin1String("csv");
    auto ndjson = [&](const QJsonObject &o) { io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n"; };
    if (what == QLatin1String("sessions")) {
        if (csv)
            io.out << csvRow({QStringLiteral("id"), QStringLiteral("server"), QStringLiteral("connector"), QStringLiteral("direction"),
                              QStringLiteral("local"), QStringLiteral("remote"), QStringLiteral("start"), QStringLiteral("end"),
                              QStringLiteral("duration_ms"), QStringLiteral("ehlo"), QStringLiteral("tls"), QStringLiteral("tls_protocol"),
                              QStringLiteral("tls_cipher"), QStringLiteral("certificate_subject"), QStringLiteral("certificate_thumbprint"),
                              QStringLiteral("auth_mechanism"), QStringLiteral("mail_from"), QStringLiteral("recipients"),
                              QStringLiteral("message_ids"), QStringLiteral("last_reply"), QStringLiteral("outcome"),
                              QStringLiteral("max_gap_ms"), QStringLiteral("lines"), QStringLiteral("file")});
        for (const Session &s : store.sessions) {
            if (csv)
                io.out << csvRow(sessionRow(s, store));
            else
                ndjson(sessionToJson(s, store));
        }
    } else if (what == QLatin1String("messages")) {
        if (csv)
            io.out << csvRow({QStringLiteral("message_id"), QStringLiteral("network_message_id"), QStringLiteral("sender"),
                              QStringLiteral("recipients"), QStringLiteral("subject"), QStringLiteral("status"), QStringLiteral("delay_ms"),
                              QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("servers"), QStringLiteral("hops")});
        for (const Message &m : store.messages) {
            if (csv)
                io.out << csvRow(messageRow(m));
            else
                ndjson(messageToJson(m, store));
        }
    } else {
        if (csv)
            io.out << csvRow({QStringLiteral("rule"), QStringLiteral("severity"), QStringLiteral("title"), QStringLiteral("count"),
                              QStringLiteral("servers"), QStringLiteral("sessions"), QStringLiteral("message_ids"), QStringLiteral("codes"),
                              QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("scenario")});
        for (const Finding &f : a.findings) {
            if (csv)
                io.out << csvRow(findingRow(f));
            else
                ndjson(findingToJson(f, &store, &a.findings));
        }
    }
    io.out.flush();
    if (a.hasUnreadableInput())
        io.err << "mwb export: some input could not be read (see mwb analyze)\n";
    return a.hasUnreadableInput() ? 3 : 0;
}

} // namespace mwb::cli
