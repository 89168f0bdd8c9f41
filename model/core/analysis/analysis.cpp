#include "model/core/analysis/analysis.h"
#include "model/core/common/exchangebuild.h"

#include "model/core/diagnosis/engine.h"

#include <QJsonArray>

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

QJsonObject certificateJson(const CertificateInfo &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("role"), c.role);
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
    const CertificateInfo *main = nullptr;
    const QString preferred = s.direction == Direction::Send ? QStringLiteral("received") : QStringLiteral("sending");
    for (const CertificateInfo &c : s.certificates) {
        if (!c.isEmpty() && c.role == preferred) {
            main = &c;
            break;
        }
    }
    if (!main) {
        for (const CertificateInfo &c : s.certificates) {
            if (!c.isEmpty()) {
                main = &c;
                break;
            }
        }
    }
    if (main)
        o.insert(QStringLiteral("certificate"), certificateJson(*main));
    QJsonArray certs;
    for (const CertificateInfo &c : s.certificates)
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

QJsonObject analysisToJson(const Analysis &a, const JsonOptions &options)
{
    QJsonObject root;
    root.insert(QStringLiteral("tool"), QStringLiteral("mwb"));
    root.insert(QStringLiteral("version"), QStringLiteral(MWB_VERSION));
    QJsonArray files;
    qint64 lines = 0;
    const Store *store = a.store.get();
    if (store) {
        for (const SourceFile &f : store->files) {
            files.append(fileJson(f));
            lines += f.lines;
        }
    }
    root.insert(QStringLiteral("files"), files);
    QJsonObject totals;
    totals.insert(QStringLiteral("files"), store ? int(store->files.size()) : 0);
    totals.insert(QStringLiteral("lines"), double(lines));
    totals.insert(QStringLiteral("sessions"), store ? int(store->sessions.size()) : 0);
    totals.insert(QStringLiteral("messages"), store ? int(store->messages.size()) : 0);
    root.insert(QStringLiteral("totals"), totals);
    QJsonArray findings;
    for (const Finding &f : a.findings)
        findings.append(findingToJson(f, store, &a.findings));
    root.insert(QStringLiteral("findings"), findings);
    // Added field (the contract allows them): the collection zip's configuration, when there is one.
    if (store && !store->configuration.isEmpty())
        root.insert(QStringLiteral("configuration"), config::configurationSummaryToJson(store->configuration));
    // Only present when something went wrong beyond single files (their errors are per file).
    if (a.diagnosisFailed()) {
        root.insert(QStringLiteral("errors"),
                    QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("knowledge-base")},
                                           {QStringLiteral("message"), a.knowledgeBaseError}}});
    }
    if (options.sessions) {
        QJsonArray sessions;
        if (store) {
            for (const Session &s : store->sessions)
                sessions.append(sessionToJson(s, *store));
        }
        root.insert(QStringLiteral("sessions"), sessions);
    }
    if (options.messages) {
        QJsonArray messages;
        if (store) {
            for (const Message &m : store->messages)
                messages.append(messageToJson(m, *store));
        }
        root.insert(QStringLiteral("messages"), messages);
    }
    return root;
}

} // namespace mwb
