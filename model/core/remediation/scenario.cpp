#include "model/core/remediation/scenario.h"

#include "model/core/remediation/cmdletoutput.h"
#include "model/core/remediation/parameterkinds.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace mwb::remediation {

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{([A-Za-z][A-Za-z0-9]*)\\}\\}"));
    return re;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    if (value.isString())
        out << value.toString();
    for (const QJsonValue &item : value.toArray())
        out << item.toString();
    return out;
}

// A command may be written as one string or as an array of lines (easier to read in JSON).
QString commandText(const QJsonValue &value)
{
    if (value.isArray())
        return stringList(value).join(u'\n');
    return value.toString();
}

ScriptEntry parseEntry(const QJsonObject &o)
{
    ScriptEntry e;
    e.id = o.value(u"id").toString();
    e.machine = o.value(u"machine").toString();
    e.disruption = o.value(u"disruption").toString();
    e.after = stringList(o.value(u"after"));
    e.references = stringList(o.value(u"references"));
    const QJsonObject skip = o.value(u"skipIf").toObject();
    e.skipIfParameter = skip.value(u"parameter").toString();
    e.skipIfPattern = skip.value(u"pattern").toString();
    e.skipIfNote = skip.value(u"note").toString();
    e.why = o.value(u"why").toString();
    e.command = commandText(o.value(u"command"));
    e.when = stringList(o.value(u"when"));
    e.ifMissing = stringList(o.value(u"ifMissing"));
    e.supportsWhatIf = o.value(u"whatIf").toBool(true);
    e.confirm = o.value(u"confirm").toBool(false);
    e.runOn = o.value(u"runOn").toString();
    e.destructive = o.value(u"destructive").toBool(false) || looksDestructive(e.command);
    return e;
}

struct Condition {
    QString step;
    bool negate = false;
    QStringList answers;
};

Result<Condition> parseCondition(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([A-Za-z0-9-]+)(!?=)((?:yes|no|unknown)(?:\\|(?:yes|no|unknown))*)$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return Result<Condition>::fail(QStringLiteral("condition '%1' is not step=yes|no|unknown").arg(text));
    return Condition{m.captured(1), m.captured(2) == u"!=", m.captured(3).split(u'|')};
}

} // namespace

QString answerName(Answer answer)
{
    switch (answer) {
    case Answer::Yes: return QStringLiteral("yes");
    case Answer::No: return QStringLiteral("no");
    case Answer::Unknown: return QStringLiteral("unknown");
    case Answer::None: break;
    }
    return QStringLiteral("none");
}

Answer answerFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"yes" || n == u"y")
        return Answer::Yes;
    if (n == u"no" || n == u"n")
        return Answer::No;
    if (n == u"unknown" || n == u"?")
        return Answer::Unknown;
    return Answer::None;
}

QString Step::next(Answer answer) const
{
    switch (answer) {
    case Answer::Yes: return nextYes;
    case Answer::No: return nextNo;
    case Answer::Unknown:
    case Answer::None: break;
    }
    return nextUnknown;
}

const Step *Scenario::step(const QString &stepId) const
{
    for (const Step &s : steps)
        if (s.id == stepId)
            return &s;
    return nullptr;
}

const ParameterSpec *Scenario::parameter(const QString &name) const
{
    for (const ParameterSpec &p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

bool looksDestructive(const QString &command)
{
    if (command.isEmpty())
        return false;
    static const QList<QRegularExpression> patterns = [] {
        QList<QRegularExpression> out;
        const auto ci = QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption;
        // Remove-* and Stop/Restart-Service at the start of a command or after a pipe.
        out << QRegularExpression(QStringLiteral("(?:^|[|;{]\\s*)(?:Remove-[A-Za-z]+|Restart-Service|Stop-Service)\\b"), ci);
        // Registry writes.
        out << QRegularExpression(QStringLiteral("(?:New-Item|Set-Item|Set-ItemProperty|New-ItemProperty|Remove-ItemProperty)\\b[^\\n]*(?:HKLM:|HKEY_|Registry::)"), ci);
        out << QRegularExpression(QStringLiteral("\\breg(?:\\.exe)?\\s+(?:add|delete|import)\\b"), ci);
        // Connector rewrites: authentication, permissions, scoping, names, routing, TLS.
        out << QRegularExpression(QStringLiteral("Set-ReceiveConnector\\b[^\\n]*-(?:AuthMechanism|PermissionGroups|RemoteIPRanges|Bindings|Fqdn|TlsCertificateName|RequireTLS)\\b"), ci);
        out << QRegularExpression(QStringLiteral("Set-SendConnector\\b[^\\n]*-(?:SmartHosts|DNSRoutingEnabled|SmartHostAuthMechanism|AuthenticationCredential|Port|TlsAuthLevel|TlsDomain|RequireTLS|Fqdn|TlsCertificateName|SourceTransportServers|AddressSpaces\\s+(?!@\\{\\s*Add))\\b"), ci);
        out << QRegularExpression(QStringLiteral("Set-(?:Inbound|Outbound)Connector\\b"), ci);
        // Uninstallers.
        out << QRegularExpression(QStringLiteral("uninstall|msiexec[^\\n]*/x\\b"), ci);
        return out;
    }();
    for (const QRegularExpression &re : patterns)
        if (re.match(command).hasMatch())
            return true;
    return false;
}

QMap<QString, QList<GatedChange>> changesGatedBy(const Scenario &scenario, const QString &stepId)
{
    QMap<QString, QList<GatedChange>> out;
    for (const QString &answer : {QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("unknown")}) {
        QList<GatedChange> list;
        const QMap<QString, Answer> answers{{stepId, answerFromName(answer)}};
        for (const ScriptEntry &e : scenario.changes) {
            if (!e.isChange())
                continue;
            bool names = false, holds = true;
            for (const QString &c : e.when) {
                if (!c.startsWith(stepId + u'=') && !c.startsWith(stepId + QStringLiteral("!=")))
                    continue;
                names = true;
                holds = holds && conditionHolds(c, answers);
            }
            if (!names || !holds)
                continue;
            static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9-]*"));
            const QString firstWord = word.match(e.command).captured(0);
            const QString machine = e.machine.isEmpty() && !scenario.machines.isEmpty() ? scenario.machines.first().parameter : e.machine;
            list << GatedChange{e.why, firstWord, machine, e.destructive, e.disruption};
        }
        out.insert(answer, list);
    }
    return out;
}

QStringList templatePlaceholders(const QString &text)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext())
        names << it.next().captured(1);
    return names;
}

bool conditionHolds(const QString &condition, const QMap<QString, Answer> &answers)
{
    const auto parsed = parseCondition(condition);
    if (!parsed.ok())
        return false;
    Answer a = answers.value(parsed->step, Answer::None);
    if (a == Answer::None)
        a = Answer::Unknown;
    const bool in = parsed->answers.contains(answerName(a));
    return parsed->negate ? !in : in;
}

MappedParameters mapFindingParameters(const Scenario &scenario, const QMap<QString, QString> &finding)
{
    MappedParameters out;
    QSet<QString> used;
    for (auto it = finding.begin(); it != finding.end(); ++it) {
        if (scenario.parameter(it.key()) && !it.value().isEmpty()) {
            out.parameters.insert(it.key(), it.value());
            used.insert(it.key());
        }
    }
    for (const ParameterSpec &p : scenario.parameters) {
        if (out.parameters.contains(p.name))
            continue;
        for (const QString &alias : p.aliases) {
            const QString value = finding.value(alias);
            if (value.isEmpty())
                continue;
            if (!p.aliasPattern.isEmpty() && !QRegularExpression(p.aliasPattern).match(value).hasMatch())
                continue;
            out.parameters.insert(p.name, value);
            used.insert(alias);
            break;
        }
    }
    for (auto it = finding.begin(); it != finding.end(); ++it)
        if (!used.contains(it.key()) && !it.value().isEmpty())
            out.unused << QStringLiteral("%1 = %2").arg(it.key(), it.value());
    return out;
}

Result<Scenario> parseScenario(const QJsonObject &o)
{
    Scenario s;
    s.id = o.value(u"id").toString();
    s.title = o.value(u"title").toString();
    s.summary = o.value(u"summary").toString();
    s.symptoms = stringList(o.value(u"symptoms"));
    s.runOn = o.value(u"runOn").toString();
    s.references = stringList(o.value(u"references"));
    auto bad = [&s](const QString &why) { return Result<Scenario>::fail(QStringLiteral("scenario '%1': %2").arg(s.id, why)); };
    if (s.id.isEmpty() || s.title.isEmpty())
        return bad(QStringLiteral("id and title are required"));
    if (s.symptoms.isEmpty())
        return bad(QStringLiteral("at least one symptom is required"));

    for (const QJsonValue &pv : o.value(u"parameters").toArray()) {
        const QJsonObject po = pv.toObject();
        ParameterSpec p{po.value(u"name").toString(), po.value(u"kind").toString(), po.value(u"required").toBool(),
                        po.value(u"example").toString(), po.value(u"description").toString(),
                        po.value(u"default").toString(), stringList(po.value(u"aliases")),
                        po.value(u"aliasPattern").toString()};
        if (!p.aliasPattern.isEmpty() && !QRegularExpression(p.aliasPattern).isValid())
            return bad(QStringLiteral("parameter '%1' has an invalid aliasPattern").arg(p.name));
        if (p.name.isEmpty() || !isKnownParameterKind(p.kind))
            return bad(QStringLiteral("parameter '%1' has an unknown kind '%2'").arg(p.name, p.kind));
        if (s.parameter(p.name))
            return bad(QStringLiteral("parameter '%1' is declared twice").arg(p.name));
        if (!validateParameterValue(p.kind, p.example).ok())
            return bad(QStringLiteral("the example of parameter '%1' is not a valid %2").arg(p.name, p.kind));
        if (!p.defaultValue.isEmpty() && !validateParameterValue(p.kind, p.defaultValue).ok())
            return bad(QStringLiteral("the default of parameter '%1' is not a valid %2").arg(p.name, p.kind));
        s.parameters << p;
    }

    for (const QJsonValue &mv : o.value(u"machines").toArray()) {
        const QJsonObject mo = mv.toObject();
        const MachineSpec m{mo.value(u"parameter").toString(), mo.value(u"role").toString()};
        const ParameterSpec *p = s.parameter(m.parameter);
        if (!p || p->kind != u"server" || !p->required)
            return bad(QStringLiteral("machine '%1' must name a required parameter of kind server").arg(m.parameter));
        if (m.role.isEmpty())
            return bad(QStringLiteral("machine '%1' needs a role").arg(m.parameter));
        s.machines << m;
    }
    for (const QString &url : std::as_const(s.references))
        if (!url.startsWith(QStringLiteral("https://")))
            return bad(QStringLiteral("reference '%1' is not an https address").arg(url));
    s.exchange = o.value(u"exchange").toString();
    s.tenant = o.value(u"tenant").toString();
    if (!s.exchange.isEmpty()) {
        const ParameterSpec *t = s.parameter(s.tenant);
        if (s.exchange != u"online" || !s.machines.isEmpty() || !t || t->kind != u"domain" || !t->required)
            return bad(QStringLiteral("an Exchange Online scenario has no machines and a required tenant parameter of kind domain"));
    }

    for (const QJsonValue &sv : o.value(u"steps").toArray()) {
        const QJsonObject so = sv.toObject();
        Step st;
        st.id = so.value(u"id").toString();
        st.title = so.value(u"title").toString();
        st.what = so.value(u"what").toString();
        st.why = so.value(u"why").toString();
        st.command = commandText(so.value(u"command"));
        st.parser = so.value(u"parser").toString();
        const QJsonObject auto_ = so.value(u"auto").toObject();
        if (!auto_.isEmpty()) {
            st.autoAnswer.fact = auto_.value(u"fact").toString();
            st.autoAnswer.yes = auto_.value(u"yes").toString(QStringLiteral("true"));
            st.autoAnswer.no = auto_.value(u"no").toString(QStringLiteral("false"));
        }
        const QJsonObject captures = so.value(u"captures").toObject();
        for (auto it = captures.begin(); it != captures.end(); ++it)
            st.captures.insert(it.key(), it.value().toString());
        const QJsonValue next = so.value(u"next");
        if (next.isString()) {
            st.nextYes = st.nextNo = st.nextUnknown = next.toString();
        } else {
            const QJsonObject n = next.toObject();
            st.nextYes = n.value(u"yes").toString();
            st.nextNo = n.value(u"no").toString();
            st.nextUnknown = n.value(u"unknown").toString();
        }
        if (st.id.isEmpty() || st.title.isEmpty() || st.why.isEmpty() || st.command.isEmpty())
            return bad(QStringLiteral("step '%1' needs id, title, why and command").arg(st.id));
        if (s.step(st.id))
            return bad(QStringLiteral("step id '%1' is used twice").arg(st.id));
        if (!st.parser.isEmpty() && !isKnownCmdletOutputParser(st.parser))
            return bad(QStringLiteral("step '%1' names an unknown parser '%2'").arg(st.id, st.parser));
        if (st.autoAnswer.isSet() && st.parser.isEmpty())
            return bad(QStringLiteral("step '%1' answers automatically but has no parser").arg(st.id));
        s.steps << st;
    }
    if (s.steps.isEmpty())
        return bad(QStringLiteral("a scenario needs at least one step"));

    const QJsonObject script = o.value(u"script").toObject();
    for (const QJsonValue &v : script.value(u"checks").toArray())
        s.checks << parseEntry(v.toObject());
    for (const QJsonValue &v : script.value(u"changes").toArray())
        s.changes << parseEntry(v.toObject());
    for (const QJsonValue &v : script.value(u"verify").toArray())
        s.verify << parseEntry(v.toObject());
    if (s.checks.isEmpty() || s.changes.isEmpty())
        return bad(QStringLiteral("the script needs read-only checks and changes"));

    // Cross references.
    auto checkTemplate = [&](const QString &where, const QString &text) -> QString {
        for (const QString &name : templatePlaceholders(text))
            if (!s.parameter(name))
                return QStringLiteral("%1 uses the undeclared parameter {{%2}}").arg(where, name);
        if (text.contains(QStringLiteral("{{")) && templatePlaceholders(text).size() != text.count(QStringLiteral("{{")))
            return QStringLiteral("%1 has a malformed {{placeholder}}").arg(where);
        return {};
    };
    for (const Step &st : std::as_const(s.steps)) {
        for (const QString &target : {st.nextYes, st.nextNo, st.nextUnknown})
            if (!target.isEmpty() && !s.step(target))
                return bad(QStringLiteral("step '%1' branches to the unknown step '%2'").arg(st.id, target));
        if (const QString e = checkTemplate(QStringLiteral("step '%1'").arg(st.id), st.command); !e.isEmpty())
            return bad(e);
        for (auto it = st.captures.begin(); it != st.captures.end(); ++it)
            if (!s.parameter(it.key()))
                return bad(QStringLiteral("step '%1' captures the undeclared parameter '%2'").arg(st.id, it.key()));
    }
    const QList<const QList<ScriptEntry> *> sections = {&s.checks, &s.changes, &s.verify};
    for (const auto *section : sections) {
        for (const ScriptEntry &e : *section) {
            if (e.why.isEmpty() || e.why.contains(u'\n'))
                return bad(QStringLiteral("every script entry needs a one-line why (%1)").arg(e.command.left(40)));
            if (const QString err = checkTemplate(QStringLiteral("script entry '%1'").arg(e.why), e.command); !err.isEmpty())
                return bad(err);
            for (const QString &c : e.when) {
                const auto cond = parseCondition(c);
                if (!cond.ok())
                    return bad(cond.errorMessage());
                if (!s.step(cond->step))
                    return bad(QStringLiteral("condition '%1' names an unknown step").arg(c));
            }
            for (const QString &p : e.ifMissing)
                if (!s.parameter(p))
                    return bad(QStringLiteral("ifMissing names the undeclared parameter '%1'").arg(p));
            if (!e.machine.isEmpty()) {
                bool known = false;
                for (const MachineSpec &m : std::as_const(s.machines))
                    known = known || m.parameter == e.machine;
                if (!known)
                    return bad(QStringLiteral("script entry '%1' runs on '%2', which is not one of the scenario's machines").arg(e.why, e.machine));
            }
            if (!e.skipIfParameter.isEmpty()
                && (!s.parameter(e.skipIfParameter) || !QRegularExpression(e.skipIfPattern).isValid() || e.skipIfNote.isEmpty()))
                return bad(QStringLiteral("script entry '%1' has a broken skipIf").arg(e.why));
            for (const QString &url : e.references)
                if (!url.startsWith(QStringLiteral("https://")))
                    return bad(QStringLiteral("reference '%1' is not an https address").arg(url));
            for (const QString &id : e.after) {
                bool found = false;
                for (const ScriptEntry &other : std::as_const(s.changes))
                    found = found || (!other.id.isEmpty() && other.id == id && &other != &e);
                if (!found)
                    return bad(QStringLiteral("script entry '%1' comes after the unknown change '%2'").arg(e.why, id));
            }
        }
    }
    // Safety rules every change must keep (issue #26): restarts name their machine, say what
    // pauses and come only with the change they belong to; destructive changes are gated.
    for (const ScriptEntry &e : std::as_const(s.changes)) {
        if (!e.isChange())
            continue;
        if (e.command.contains(QStringLiteral("Restart-Service"), Qt::CaseInsensitive)
            || e.command.contains(QStringLiteral("Stop-Service"), Qt::CaseInsensitive)) {
            if (s.machines.isEmpty())
                return bad(QStringLiteral("'%1' restarts a service but the scenario names no machine").arg(e.why));
            if (e.disruption.isEmpty())
                return bad(QStringLiteral("'%1' restarts a service without a disruption note").arg(e.why));
            if (e.after.isEmpty())
                return bad(QStringLiteral("'%1' restarts a service but names no change it belongs to (after)").arg(e.why));
        }
        if (e.destructive && e.when.isEmpty() && e.after.isEmpty())
            return bad(QStringLiteral("the destructive change '%1' must depend on an answer (when)").arg(e.why));
    }
    for (const auto *section : {&s.checks, &s.verify})
        for (const ScriptEntry &e : *section)
            if (looksDestructive(e.command))
                return bad(QStringLiteral("the read-only entry '%1' changes something").arg(e.why));
    // The step graph must be acyclic so every walk ends and progress can be estimated.
    QMap<QString, int> state;  // 0 new, 1 on stack, 2 done
    std::function<bool(const QString &)> acyclic = [&](const QString &id) -> bool {
        if (id.isEmpty() || state.value(id) == 2)
            return true;
        if (state.value(id) == 1)
            return false;
        state[id] = 1;
        const Step *st = s.step(id);
        for (const QString &t : {st->nextYes, st->nextNo, st->nextUnknown})
            if (!acyclic(t))
                return false;
        state[id] = 2;
        return true;
    };
    if (!acyclic(s.steps.first().id))
        return bad(QStringLiteral("the steps form a cycle"));
    return s;
}

namespace {

struct Catalog {
    QList<Scenario> scenarios;
    QStringList errors;
};

const Catalog &catalog()
{
    static const Catalog c = [] {
        Catalog out;
        const QDir dir(QStringLiteral(":/scenarios"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly)) {
                out.errors << QStringLiteral("%1: cannot be read").arg(name);
                continue;
            }
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                out.errors << QStringLiteral("%1: %2 at offset %3").arg(name, pe.errorString()).arg(pe.offset);
                continue;
            }
            auto parsed = parseScenario(doc.object());
            if (!parsed.ok()) {
                out.errors << QStringLiteral("%1: %2").arg(name, parsed.errorMessage());
                continue;
            }
            out.scenarios << std::move(parsed).value();
        }
        std::sort(out.scenarios.begin(), out.scenarios.end(),
                  [](const Scenario &a, const Scenario &b) { return a.id < b.id; });
        return out;
    }();
    return c;
}

} // namespace

const QList<Scenario> &builtInScenarios()
{
    return catalog().scenarios;
}

QStringList builtInScenarioErrors()
{
    return catalog().errors;
}

const Scenario *findScenario(const QString &id)
{
    for (const Scenario &s : builtInScenarios())
        if (s.id == id)
            return &s;
    return nullptr;
}

} // namespace mwb::remediation
