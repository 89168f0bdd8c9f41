// mwb export: sessions, messages or findings as NDJSON or CSV for Splunk, Elastic or ClickHouse.
#include "app/cli/commands.h"

#include "model/core/analysis/analysis.h"
#include "model/core/cases/redaction.h"
#include "model/core/common/chunkedoutput.h"
#include "model/core/common/csvwriter.h"
#include "model/core/common/safetext.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <optional>

namespace mwb::cli {

namespace {

const char kUsage[] = "usage: mwb export --format ndjson|csv --what sessions|messages|findings [--redact] [--timezone TZ] PATH...\n"
                      "  --timezone TZ  zone of export times written without one (as for mwb analyze)\n"
                      "  --redact  replace addresses, domains (customer labels of provider names too), IP addresses,\n"
                      "            host and server names, GUIDs, user names and subjects with consistent pseudonyms\n";

// The schemas (docs/export-schema.md). Text columns come from the logs and are neutralised by
// the one CSV writer; typed columns (times, numbers, booleans, the program's ids) are written as
// they are so that ClickHouse and DuckDB read them as typed.
CsvColumn text(const char *name) { return {QString::fromLatin1(name), CsvKind::Text}; }
CsvColumn typed(const char *name) { return {QString::fromLatin1(name), CsvKind::Typed}; }

const CsvWriter &sessionsCsv()
{
    static const CsvWriter w({text("id"), text("server"), text("connector"), typed("direction"), text("local"), text("remote"),
                              typed("start"), typed("end"), typed("duration_ms"), text("ehlo"), typed("tls"), text("tls_protocol"),
                              text("tls_cipher"), text("certificate_subject"), text("certificate_thumbprint"), text("auth_mechanism"),
                              text("mail_from"), text("recipients"), text("message_ids"), text("last_reply"), typed("outcome"),
                              typed("max_gap_ms"), typed("lines"), text("file")});
    return w;
}

const CsvWriter &messagesCsv()
{
    static const CsvWriter w({text("message_id"), text("network_message_id"), text("sender"), text("recipients"), text("subject"),
                              typed("status"), typed("delay_ms"), typed("first"), typed("last"), text("servers"), text("hops")});
    return w;
}

const CsvWriter &findingsCsv()
{
    static const CsvWriter w({typed("rule"), typed("severity"), text("title"), typed("count"), text("servers"), text("sessions"),
                              text("message_ids"), text("codes"), typed("first"), typed("last"), typed("scenario"),
                              typed("index"), typed("caused_by_index")});
    return w;
}

QString iso(qint64 ms) { return ms == kNoTime ? QString() : formatIsoMs(ms); }

QStringList sessionRow(const Session &s, const Store &store)
{
    const int fi = s.spans.isEmpty() ? -1 : s.spans.first().fileIndex;
    const Certificate cert = s.certificates.value(0);
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

// NDJSON for the engines that scale out (docs/scale.md): besides the contract's fields, a message
// carries its hops as parallel arrays (ClickHouse 18.16 reads no arrays of objects; ARRAY JOIN
// reads these), and a finding its position, which `causedBy.index` and `causedByIndex` refer to.
QJsonObject messageRecord(const Message &m, const Store &store)
{
    QJsonObject o = messageToJson(m, store);
    QJsonArray servers, events, times, sessions;
    for (const QJsonValue &v : o.value(QStringLiteral("hops")).toArray()) {
        const QJsonObject h = v.toObject();
        servers.append(h.value(QStringLiteral("server")).toString());
        events.append(h.value(QStringLiteral("event")).toString());
        times.append(h.value(QStringLiteral("time")).toString());
        sessions.append(h.value(QStringLiteral("session")).toString());
    }
    o.insert(QStringLiteral("hopServers"), servers);
    o.insert(QStringLiteral("hopEvents"), events);
    o.insert(QStringLiteral("hopTimes"), times);
    o.insert(QStringLiteral("hopSessions"), sessions);
    return o;
}

QJsonObject findingRecord(const QList<Finding> &all, qsizetype index, const Store &store)
{
    const Finding &f = all[index];
    QJsonObject o = findingToJson(f, &store, &all);
    o.insert(QStringLiteral("index"), double(index));
    o.insert(QStringLiteral("causedByIndex"), f.causedBy >= 0 && f.causedBy < all.size() ? f.causedBy : -1);
    return o;
}

QStringList findingRow(const QList<Finding> &all, qsizetype index)
{
    const Finding &f = all[index];
    return {f.rule, severityId(f.severity), f.title, QString::number(f.count), f.servers.join(u';'), f.sessions.join(u';'),
            f.messageIds.join(u';'), f.codes.join(u';'), iso(f.firstMs), iso(f.lastMs), f.scenario, QString::number(index),
            QString::number(f.causedBy >= 0 && f.causedBy < all.size() ? f.causedBy : -1)};
}

} // namespace

int runExport(const QStringList &args, Io io)
{
    QString format, what;
    QStringList paths;
    bool redact = false;
    LoadOptions loadOptions;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if ((a == QLatin1String("--format") || a == QLatin1String("--what")) && i + 1 < args.size()) {
            (a == QLatin1String("--format") ? format : what) = args[++i];
        } else if (a == QLatin1String("--redact")) {
            redact = true;
        } else if ((a == QLatin1String("--timezone") && i + 1 < args.size()) || a.startsWith(QLatin1String("--timezone="))) {
            QString error;
            loadOptions.timeZone = timeZoneFromSpec(a.size() > 10 ? a.mid(11) : args[++i], &error);
            if (!loadOptions.timeZone.isValid())
                return usageError(io, QStringLiteral("export"), escapeControls(error), QString::fromLatin1(kUsage));
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

    const Analysis a = analyzePaths(paths, loadOptions);
    const Store &store = *a.store;
    const bool csv = format == QLatin1String("csv");
    // --redact: one pseudonym space for the whole output (the same host is the same pseudonym in
    // every row); names that free text cannot recognise (servers, subjects, users) are learned first.
    std::optional<Redactor> redactor;
    if (redact) {
        redactor.emplace();
        redactor->learnFromStore(store);
    }
    // Streamed: each record goes to the output device as it is made, in pieces of about 64 KiB.
    io.out.flush();
    QBuffer fallback;   // a text stream without a device (none in mwb)
    fallback.open(QIODevice::WriteOnly);
    QIODevice &device = io.out.device() ? *io.out.device() : static_cast<QIODevice &>(fallback);
    ChunkedOutput out(device);
    auto ndjson = [&](const QJsonObject &o) {
        const QJsonObject record = redactor ? redactor->redactJson(o).toObject() : o;
        out.append(escapeJsonControlsUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
        out.append("\n");
        out.endRecord();
    };
    // Text columns (from the logs) are redacted; typed ones (times, numbers, ids) are not.
    auto csvRow = [&](const CsvWriter &writer, QStringList values) {
        if (redactor) {
            for (qsizetype i = 0; i < values.size() && i < writer.columns().size(); ++i)
                if (writer.columns().at(i).kind == CsvKind::Text)
                    values[i] = redactor->redactText(values.at(i));
        }
        out.append(writer.row(values).toUtf8());
        out.endRecord();
    };
    if (what == QLatin1String("sessions")) {
        if (csv)
            out.append(sessionsCsv().header().toUtf8());
        for (const Session &s : store.sessions) {
            if (csv)
                csvRow(sessionsCsv(), sessionRow(s, store));
            else
                ndjson(sessionToJson(s, store));
        }
    } else if (what == QLatin1String("messages")) {
        if (csv)
            out.append(messagesCsv().header().toUtf8());
        for (const Message &m : store.messages) {
            if (csv)
                csvRow(messagesCsv(), messageRow(m));
            else
                ndjson(messageRecord(m, store));
        }
    } else {
        if (csv)
            out.append(findingsCsv().header().toUtf8());
        for (qsizetype i = 0; i < a.findings.size(); ++i) {
            if (csv)
                csvRow(findingsCsv(), findingRow(a.findings, i));
            else
                ndjson(findingRecord(a.findings, i, store));
        }
    }
    out.flush();
    if (!io.out.device())
        io.out << QString::fromUtf8(fallback.data());
    io.out.flush();
    if (a.hasUnreadableInput())
        io.err << "mwb export: some input could not be read (see mwb analyze)\n";
    return a.hasUnreadableInput() ? 3 : 0;
}

} // namespace mwb::cli
