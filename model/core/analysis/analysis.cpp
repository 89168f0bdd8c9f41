#include "model/core/analysis/analysis.h"
#include "model/core/common/exchangebuild.h"

#include "model/core/diagnosis/engine.h"

#include "model/core/common/chunkedoutput.h"
#include "model/core/common/safetext.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>

namespace mwb {

namespace {

QJsonValue timeValue(qint64 ms)
{
    return ms == kNoTime ? QJsonValue() : QJsonValue(formatIsoMs(ms));
}

QJsonObject fileJson(const SourceFile &f)
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), f.path);
    o.insert(QStringLiteral("format"), formatId(f.format));
    o.insert(QStringLiteral("encoding"), f.encoding);
    o.insert(QStringLiteral("server"), f.server);
    if (!f.exchangeBuild.isEmpty())  // product, update and support status of the server's build
        o.insert(QStringLiteral("exchange"), identifyExchangeBuild(f.exchangeBuild).toJson());
    o.insert(QStringLiteral("bytes"), double(f.bytes));
    o.insert(QStringLiteral("lines"), double(f.lines));
    o.insert(QStringLiteral("first"), timeValue(f.firstMs));
    o.insert(QStringLiteral("last"), timeValue(f.lastMs));
    QJsonArray errors;
    for (const ParseIssue &e : f.errors)
        errors.append(QJsonObject{{QStringLiteral("line"), double(e.line)}, {QStringLiteral("message"), e.message}});
    o.insert(QStringLiteral("errors"), errors);
    QJsonArray warnings;
    for (const ParseIssue &w : f.warnings)
        warnings.append(QJsonObject{{QStringLiteral("line"), double(w.line)}, {QStringLiteral("message"), w.message}});
    o.insert(QStringLiteral("warnings"), warnings);
    return o;
}

} // namespace

QJsonObject findingToJson(const Finding &f, const Store *store, const QList<Finding> *all)
{
    QJsonObject o;
    o.insert(QStringLiteral("rule"), f.rule);
    o.insert(QStringLiteral("severity"), severityId(f.severity));
    o.insert(QStringLiteral("title"), f.title);
    o.insert(QStringLiteral("explanation"), f.explanation);
    o.insert(QStringLiteral("count"), f.count);
    o.insert(QStringLiteral("sessions"), QJsonArray::fromStringList(f.sessions));
    o.insert(QStringLiteral("messageIds"), QJsonArray::fromStringList(f.messageIds));
    o.insert(QStringLiteral("servers"), QJsonArray::fromStringList(f.servers));
    o.insert(QStringLiteral("codes"), QJsonArray::fromStringList(f.codes));
    o.insert(QStringLiteral("first"), timeValue(f.firstMs));
    o.insert(QStringLiteral("last"), timeValue(f.lastMs));
    QJsonArray evidence;
    for (const RecordRef &r : f.evidence) {
        const QString file = (store && r.fileIndex >= 0 && r.fileIndex < store->files.size())
            ? store->files[r.fileIndex].path : QString();
        evidence.append(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("line"), double(r.line)}});
    }
    o.insert(QStringLiteral("evidence"), evidence);
    o.insert(QStringLiteral("scenario"), f.scenario);
    QJsonObject params;
    for (auto it = f.parameters.cbegin(); it != f.parameters.cend(); ++it)
        params.insert(it.key(), it.value());
    o.insert(QStringLiteral("parameters"), params);
    // Contract: null, or the rule and position of the finding whose fault this one is a symptom of.
    if (all && f.causedBy >= 0 && f.causedBy < all->size())
        o.insert(QStringLiteral("causedBy"), QJsonObject{{QStringLiteral("rule"), all->at(f.causedBy).rule},
                                                         {QStringLiteral("index"), f.causedBy}});
    else
        o.insert(QStringLiteral("causedBy"), QJsonValue::Null);
    return o;
}

namespace {

QJsonObject certificateJson(const Certificate &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("role"), certificateRoleId(c.role));
    o.insert(QStringLiteral("subject"), c.subject);
    o.insert(QStringLiteral("issuer"), c.issuer);
    o.insert(QStringLiteral("serial"), c.serial);
    o.insert(QStringLiteral("thumbprint"), c.thumbprint);
    o.insert(QStringLiteral("alternateNames"), QJsonArray::fromStringList(c.alternateNames));
    o.insert(QStringLiteral("notBefore"), timeValue(c.notBeforeMs));
    o.insert(QStringLiteral("notAfter"), timeValue(c.notAfterMs));
    return o;
}

} // namespace

QJsonObject sessionToJson(const Session &s, const Store &store)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), s.id);
    const int fi = s.spans.isEmpty() ? -1 : s.spans.first().fileIndex;
    o.insert(QStringLiteral("file"), fi >= 0 && fi < store.files.size() ? store.files[fi].path : QString());
    o.insert(QStringLiteral("server"), s.server);
    o.insert(QStringLiteral("connector"), s.connector);
    o.insert(QStringLiteral("direction"), directionId(s.direction));
    o.insert(QStringLiteral("local"), s.local);
    o.insert(QStringLiteral("remote"), s.remote);
    o.insert(QStringLiteral("start"), timeValue(s.startMs));
    o.insert(QStringLiteral("end"), timeValue(s.endMs));
    o.insert(QStringLiteral("durationMs"), double(s.startMs != kNoTime && s.endMs != kNoTime ? s.endMs - s.startMs : 0));
    o.insert(QStringLiteral("ehlo"), s.ehlo);
    o.insert(QStringLiteral("greetingName"), s.greetingName);
    o.insert(QStringLiteral("capabilities"), QJsonArray::fromStringList(s.capabilities));
    if (!s.capabilitiesBeforeTls.isEmpty())
        o.insert(QStringLiteral("capabilitiesBeforeTls"), QJsonArray::fromStringList(s.capabilitiesBeforeTls));
    o.insert(QStringLiteral("tls"), s.tls);
    o.insert(QStringLiteral("tlsEstablished"), s.tlsEstablished);
    if (!s.tlsFailure.isEmpty())
        o.insert(QStringLiteral("tlsFailure"), s.tlsFailure);
    o.insert(QStringLiteral("tlsVerb"), s.tlsVerb);
    o.insert(QStringLiteral("tlsProtocol"), s.tlsProtocol);
    o.insert(QStringLiteral("tlsCipher"), s.tlsCipher);
    // The contract's "certificate": the one Exchange presented (receive) or received (send) —
    // the one that matters for the session; all of them under "certificates".
    const Certificate *main = nullptr;
    const CertificateRole preferred = s.direction == Direction::Send ? CertificateRole::Received : CertificateRole::Sending;
    for (const Certificate &c : s.certificates) {
        if (!c.isEmpty() && c.role == preferred) {
            main = &c;
            break;
        }
    }
    if (!main) {
        for (const Certificate &c : s.certificates) {
            if (!c.isEmpty()) {
                main = &c;
                break;
            }
        }
    }
    if (main)
        o.insert(QStringLiteral("certificate"), certificateJson(*main));
    QJsonArray certs;
    for (const Certificate &c : s.certificates)
        certs.append(certificateJson(c));
    o.insert(QStringLiteral("certificates"), certs);
    o.insert(QStringLiteral("authMechanism"), s.authMechanism);
    o.insert(QStringLiteral("authUser"), s.authUser);
    o.insert(QStringLiteral("authFailed"), s.authFailed);
    o.insert(QStringLiteral("mailFrom"), s.mailFrom);
    o.insert(QStringLiteral("recipients"), QJsonArray::fromStringList(s.recipients));
    o.insert(QStringLiteral("dataStarted"), s.dataStarted);
    o.insert(QStringLiteral("bdat"), s.bdat);
    o.insert(QStringLiteral("messageIds"), QJsonArray::fromStringList(s.messageIds));
    o.insert(QStringLiteral("lastReply"), s.lastReply);
    o.insert(QStringLiteral("disconnectReason"), s.disconnectReason);
    o.insert(QStringLiteral("outcome"), outcomeId(s.outcome));
    o.insert(QStringLiteral("maxGapMs"), double(s.maxGapMs));
    o.insert(QStringLiteral("lines"), s.lineCount);
    o.insert(QStringLiteral("complete"), s.complete);
    return o;
}

QJsonObject messageToJson(const Message &m, const Store &store)
{
    QJsonObject o;
    o.insert(QStringLiteral("messageId"), m.messageId);
    o.insert(QStringLiteral("networkMessageId"), m.networkMessageId);
    o.insert(QStringLiteral("internalMessageId"), m.internalMessageId);
    o.insert(QStringLiteral("sender"), m.sender);
    o.insert(QStringLiteral("recipients"), QJsonArray::fromStringList(m.recipients));
    o.insert(QStringLiteral("subject"), m.subject);
    QJsonArray hops;
    for (const MessageHop &h : m.hops) {
        QJsonObject ho;
        ho.insert(QStringLiteral("server"), h.server);
        ho.insert(QStringLiteral("event"), h.event);
        ho.insert(QStringLiteral("source"), h.source);
        ho.insert(QStringLiteral("time"), timeValue(h.timeMs));
        ho.insert(QStringLiteral("session"), h.sessionIndex >= 0 && h.sessionIndex < store.sessions.size()
                                                 ? store.sessions[h.sessionIndex].id : h.sessionId);
        if (!h.nextHop.isEmpty())
            ho.insert(QStringLiteral("nextHop"), h.nextHop);
        if (!h.recipientStatus.isEmpty())
            ho.insert(QStringLiteral("recipientStatus"), h.recipientStatus);
        hops.append(ho);
    }
    o.insert(QStringLiteral("hops"), hops);
    o.insert(QStringLiteral("status"), messageStatusId(m.status));
    o.insert(QStringLiteral("delayMs"), double(m.delayMs));
    return o;
}

bool Analysis::hasUnreadableInput() const
{
    if (!store)
        return false;
    for (const SourceFile &f : store->files) {
        if (!f.errors.isEmpty() || f.format == LogFormat::Unknown)
            return true;
    }
    return !store->configuration.unreadableFiles.isEmpty();   // a collection file that is not JSON
}

Analysis analyzePaths(const QStringList &paths, const LoadOptions &options, const QString &knowledgeBasePath)
{
    Analysis a;
    auto engine = DiagnosisEngine::create(knowledgeBasePath);
    LoadOptions o = options;
    if (engine.ok())
        o.observer = engine.value().get();
    else
        a.knowledgeBaseError = engine.errorMessage();
    a.store = Loader::loadSync(paths, o);
    if (engine.ok() && a.store)
        a.findings = engine.value()->findings(*a.store);
    return a;
}

namespace {

// The bytes QJsonDocument's indented writer puts for `text` (one value's indented document) at
// nesting depth `depth` of a larger document: every line after the first is indented by 4 × depth.
// `text` ends in the document's closing '\n', which is not part of the value.
void appendAtDepth(QByteArray &out, QByteArrayView text, int depth)
{
    if (text.endsWith('\n'))
        text.chop(1);
    const QByteArray indent(4 * depth, ' ');
    qsizetype from = 0;
    for (;;) {
        const qsizetype nl = text.indexOf('\n', from);
        if (nl < 0) {
            out.append(text.sliced(from));
            return;
        }
        out.append(text.sliced(from, nl + 1 - from));
        out.append(indent);
        from = nl + 1;
    }
}

QByteArray indentedText(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Indented); }

// A scalar as QJsonDocument writes it inside an object (strings escaped, numbers formatted).
QByteArray scalarText(const QJsonValue &v)
{
    QByteArray t = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return t.mid(1, t.size() - 2);
}

// Writes the root object one member at a time, in QJsonObject's key order (sorted), so the bytes
// are those of QJsonDocument(analysisToJson(...)).toJson(Indented) without the document existing.
class RootWriter {
public:
    explicit RootWriter(QIODevice &device) : m_out(device, escapeJsonControlsUtf8) { m_out.append("{\n"); }
    void scalar(const char *key, const QJsonValue &v)
    {
        beginMember(key);
        m_out.append(scalarText(v));
    }
    void object(const char *key, const QJsonObject &o)
    {
        beginMember(key);
        appendAtDepth(m_out.buffer(), indentedText(o), 1);
    }
    // An array whose elements come one at a time from `next(i)`; each is written out before the
    // next one is made.
    template <typename Next>
    void array(const char *key, qsizetype count, Next next)
    {
        beginMember(key);
        if (count == 0) {
            m_out.append("[\n    ]");
            return;
        }
        m_out.append("[\n");
        for (qsizetype i = 0; i < count; ++i) {
            m_out.append("        ");
            appendAtDepth(m_out.buffer(), indentedText(next(i)), 2);
            m_out.append(i + 1 < count ? ",\n" : "\n");
            m_out.endRecord();
        }
        m_out.append("    ]");
    }
    void finish()
    {
        m_out.append(m_members ? "\n}\n" : "}\n");
        m_out.flush();
    }

private:
    void beginMember(const char *key)
    {
        if (m_members++)
            m_out.append(",\n");
        m_out.append("    \"");
        m_out.append(key);
        m_out.append("\": ");
    }
    ChunkedOutput m_out;
    int m_members = 0;
};

} // namespace

void writeAnalysisJson(const Analysis &a, const JsonOptions &options, QIODevice &out)
{
    const Store *store = a.store.get();
    const auto noFiles = QList<SourceFile>();
    const QList<SourceFile> &files = store ? store->files : noFiles;
    RootWriter w(out);
    // Keys in sorted order, as QJsonDocument writes them. Added field (the contract allows them):
    // the collection zip's configuration, when there is one.
    if (store && !store->configuration.isEmpty())
        w.object("configuration", config::configurationSummaryToJson(store->configuration));
    // Only present when something went wrong beyond single files (their errors are per file).
    if (a.diagnosisFailed()) {
        w.array("errors", 1, [&](qsizetype) {
            return QJsonObject{{QStringLiteral("source"), QStringLiteral("knowledge-base")},
                               {QStringLiteral("message"), a.knowledgeBaseError}};
        });
    }
    qint64 lines = 0;
    w.array("files", files.size(), [&](qsizetype i) {
        lines += files[i].lines;
        return fileJson(files[i]);
    });
    w.array("findings", a.findings.size(), [&](qsizetype i) { return findingToJson(a.findings[i], store, &a.findings); });
    if (options.messages)
        w.array("messages", store ? store->messages.size() : 0, [&](qsizetype i) { return messageToJson(store->messages[i], *store); });
    if (options.sessions)
        w.array("sessions", store ? store->sessions.size() : 0, [&](qsizetype i) { return sessionToJson(store->sessions[i], *store); });
    w.scalar("tool", QStringLiteral("mwb"));
    QJsonObject totals;
    totals.insert(QStringLiteral("files"), store ? int(store->files.size()) : 0);
    totals.insert(QStringLiteral("lines"), double(lines));
    totals.insert(QStringLiteral("sessions"), store ? int(store->sessions.size()) : 0);
    totals.insert(QStringLiteral("messages"), store ? int(store->messages.size()) : 0);
    w.object("totals", totals);
    w.scalar("version", QStringLiteral(MWB_VERSION));
    w.finish();
}

QJsonObject analysisToJson(const Analysis &a, const JsonOptions &options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeAnalysisJson(a, options, buffer);
    return QJsonDocument::fromJson(buffer.data()).object();
}

} // namespace mwb
