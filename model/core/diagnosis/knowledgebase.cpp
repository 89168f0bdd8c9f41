#include "model/core/diagnosis/knowledgebase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QUrl>

namespace mwb {

namespace {

struct MatcherSpec {
    const char *name;
    // option name -> 'n' (positive number) or 's' (non-empty string); upper-case letter = required
    QMap<QString, char> options;
    bool allowsExclude = false;   // "exclude" patterns veto what the matcher raises
};

// Options whose string value must be one of a fixed set.
const QMap<QString, QStringList> &optionChoices()
{
    static const QMap<QString, QStringList> choices = {
        {QStringLiteral("unexplained-failure.kind"), {QStringLiteral("permanent"), QStringLiteral("temporary")}},
        {QStringLiteral("connector-tls-settings.check"), {QStringLiteral("domain-validation"), QStringLiteral("require-tls")}},
    };
    return choices;
}

const QList<MatcherSpec> &matcherSpecs()
{
    static const QList<MatcherSpec> specs = {
        {"data-not-terminated", {}},
        {"idle-gap", {{QStringLiteral("minGapMs"), 'N'}}},
        {"no-mail", {}},
        {"dropped-mid-transaction", {}},
        {"message-delayed", {{QStringLiteral("thresholdMs"), 'N'}}},
        {"missing-hop", {}},
        {"missing-capability", {{QStringLiteral("capability"), 'S'}}},
        {"certificate-name-mismatch", {}},
        {"certificate-multiple-names", {}},
        {"unexplained-failure", {{QStringLiteral("kind"), 'S'}}, true},
        {"certificate-expiring", {{QStringLiteral("warnDays"), 'N'}}},
        {"relay-connector-overlap", {}},
        {"tls-certificate-name-missing", {}},
        {"exchange-build-in-log-header", {}},
        {"connector-tls-settings", {{QStringLiteral("check"), 'S'}}},
    };
    return specs;
}

const QStringList &parameterSources()
{
    static const QStringList sources = {
        QStringLiteral("session.server"),   QStringLiteral("session.connector"), QStringLiteral("session.remoteIp"),
        QStringLiteral("session.localIp"),  QStringLiteral("session.ehlo"),      QStringLiteral("session.greeting"),
        QStringLiteral("session.peer"),     QStringLiteral("session.id"),        QStringLiteral("session.receiver"),
        QStringLiteral("cert.thumbprint"),
        QStringLiteral("cert.subject"),     QStringLiteral("cert.name"),         QStringLiteral("cert.issuerSubject"),
        QStringLiteral("cert.expectedName"), QStringLiteral("message.id"),       QStringLiteral("message.senderDomain"),
        QStringLiteral("message.recipientDomain"), QStringLiteral("hop.server"), QStringLiteral("hop.nextHop"),
        QStringLiteral("hop.connector"),    QStringLiteral("hop.clientIp"),      QStringLiteral("hop.serverIp"),
        QStringLiteral("failure.code"),     QStringLiteral("failure.remote"),
    };
    return sources;
}

const QSet<QString> &knownHopEvents()
{
    static const QSet<QString> events = {
        QStringLiteral("RECEIVE"), QStringLiteral("SEND"),    QStringLiteral("DELIVER"), QStringLiteral("FAIL"),
        QStringLiteral("DEFER"),   QStringLiteral("DSN"),     QStringLiteral("SUBMIT"),  QStringLiteral("DROP"),
        QStringLiteral("REDIRECT"), QStringLiteral("RESOLVE"), QStringLiteral("EXPAND"), QStringLiteral("POISONMESSAGE"),
        QStringLiteral("HAREDIRECT"), QStringLiteral("HARECEIVE"), QStringLiteral("AGENTINFO"), QStringLiteral("BADMAIL"),
    };
    return events;
}

bool isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return re.match(id).hasMatch();
}

// Collects the first error with its location; later checks are skipped once one failed.
class Checker {
public:
    explicit Checker(QString origin) : m_origin(std::move(origin)) {}
    bool failed() const { return !m_error.isEmpty(); }
    void fail(const QString &where, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2: %3").arg(m_origin, where, what);
    }
    QString error() const { return m_error; }

private:
    QString m_origin;
    QString m_error;
};

QStringList stringList(const QJsonValue &v, Checker &c, const QString &where, bool *present = nullptr)
{
    QStringList out;
    if (present)
        *present = !v.isUndefined();
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        c.fail(where, QStringLiteral("must be an array of strings"));
        return out;
    }
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString() || e.toString().isEmpty()) {
            c.fail(where, QStringLiteral("must contain non-empty strings only"));
            return out;
        }
        out << e.toString();
    }
    return out;
}

QRegularExpression compilePattern(const QString &text, Checker &c, const QString &where)
{
    QRegularExpression re(text, QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid()) {
        c.fail(where, QStringLiteral("is not a valid regular expression (%1 at offset %2): %3")
                          .arg(re.errorString())
                          .arg(re.patternErrorOffset())
                          .arg(text));
        return {};
    }
    re.optimize();
    return re;
}

MatchCondition parseCondition(const QJsonValue &value, Checker &c, const QString &where)
{
    MatchCondition cond;
    if (!value.isObject()) {
        c.fail(where, QStringLiteral("must be an object"));
        return cond;
    }
    const QJsonObject o = value.toObject();
    static const QSet<QString> keys = {QStringLiteral("matcher"),  QStringLiteral("options"),  QStringLiteral("in"),
                                       QStringLiteral("lines"),    QStringLiteral("hopEvents"), QStringLiteral("codes"),
                                       QStringLiteral("enhanced"), QStringLiteral("patterns"), QStringLiteral("exclude"),
                                       QStringLiteral("scenario"), QStringLiteral("refusedBy")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!keys.contains(it.key()))
            c.fail(where, QStringLiteral("unknown field \"%1\"").arg(it.key()));
    }
    const QJsonValue condScenario = o.value(QLatin1String("scenario"));
    if (!condScenario.isUndefined()) {
        if (!condScenario.isString() || !isValidId(condScenario.toString()))
            c.fail(where + QStringLiteral(".scenario"), QStringLiteral("must be a scenario id"));
        cond.scenario = condScenario.toString();
    }

    if (o.contains(QLatin1String("matcher"))) {
        cond.matcher = o.value(QLatin1String("matcher")).toString();
        const MatcherSpec *spec = nullptr;
        for (const MatcherSpec &s : matcherSpecs()) {
            if (cond.matcher == QLatin1String(s.name))
                spec = &s;
        }
        if (!spec) {
            c.fail(where, QStringLiteral("unknown matcher \"%1\" (known: %2)")
                              .arg(cond.matcher, KnowledgeBase::knownMatchers().join(QStringLiteral(", "))));
            return cond;
        }
        for (const QString &k : {QStringLiteral("in"), QStringLiteral("lines"), QStringLiteral("hopEvents"), QStringLiteral("refusedBy"),
                                 QStringLiteral("codes"), QStringLiteral("enhanced"), QStringLiteral("patterns"),
                                 QStringLiteral("exclude")}) {
            if (o.contains(k) && !(k == QLatin1String("exclude") && spec->allowsExclude))
                c.fail(where, QStringLiteral("\"%1\" cannot be combined with matcher \"%2\"").arg(k, cond.matcher));
        }
        if (spec->allowsExclude) {
            const QStringList excludes = stringList(o.value(QLatin1String("exclude")), c, where + QStringLiteral(".exclude"));
            for (int i = 0; i < excludes.size(); ++i)
                cond.excludes << compilePattern(excludes.at(i), c, where + QStringLiteral(".exclude[%1]").arg(i));
        }
        const QJsonValue opts = o.value(QLatin1String("options"));
        if (!opts.isUndefined() && !opts.isObject()) {
            c.fail(where + QStringLiteral(".options"), QStringLiteral("must be an object"));
            return cond;
        }
        const QJsonObject optObj = opts.toObject();
        for (auto it = optObj.begin(); it != optObj.end(); ++it) {
            if (!spec->options.contains(it.key()))
                c.fail(where + QStringLiteral(".options"),
                       QStringLiteral("matcher \"%1\" has no option \"%2\"").arg(cond.matcher, it.key()));
        }
        for (auto it = spec->options.begin(); it != spec->options.end(); ++it) {
            const QJsonValue v = optObj.value(it.key());
            const bool required = QChar::fromLatin1(it.value()).isUpper();
            const QString optWhere = where + QStringLiteral(".options.") + it.key();
            if (v.isUndefined()) {
                if (required)
                    c.fail(optWhere, QStringLiteral("is required by matcher \"%1\"").arg(cond.matcher));
                continue;
            }
            if (QChar::fromLatin1(it.value()).toLower() == QLatin1Char('n')) {
                if (!v.isDouble() || v.toDouble() <= 0)
                    c.fail(optWhere, QStringLiteral("must be a positive number"));
                else
                    cond.options.insert(it.key(), v.toDouble());
            } else {
                const QStringList allowed = optionChoices().value(cond.matcher + QLatin1Char('.') + it.key());
                if (!v.isString() || v.toString().isEmpty())
                    c.fail(optWhere, QStringLiteral("must be a non-empty string"));
                else if (!allowed.isEmpty() && !allowed.contains(v.toString()))
                    c.fail(optWhere, QStringLiteral("must be one of: %1").arg(allowed.join(QStringLiteral(", "))));
                else
                    cond.options.insert(it.key(), v.toString());
            }
        }
        return cond;
    }

    if (o.contains(QLatin1String("options")))
        c.fail(where, QStringLiteral("\"options\" needs a \"matcher\""));

    bool inPresent = false;
    const QStringList in = stringList(o.value(QLatin1String("in")), c, where + QStringLiteral(".in"), &inPresent);
    for (const QString &s : in) {
        if (s == QLatin1String("protocol"))
            cond.sources << MatchSource::Protocol;
        else if (s == QLatin1String("tracking"))
            cond.sources << MatchSource::Tracking;
        else
            c.fail(where + QStringLiteral(".in"), QStringLiteral("unknown source \"%1\" (protocol, tracking)").arg(s));
    }
    if (!inPresent)
        cond.sources << MatchSource::Protocol;
    else if (cond.sources.isEmpty())
        c.fail(where + QStringLiteral(".in"), QStringLiteral("must name at least one source"));

    const QJsonValue lines = o.value(QLatin1String("lines"));
    if (!lines.isUndefined()) {
        if (lines.toString() == QLatin1String("any"))
            cond.anyProtocolLine = true;
        else if (lines.toString() != QLatin1String("replies"))
            c.fail(where + QStringLiteral(".lines"), QStringLiteral("must be \"replies\" or \"any\""));
    }

    bool eventsPresent = false;
    cond.hopEvents = stringList(o.value(QLatin1String("hopEvents")), c, where + QStringLiteral(".hopEvents"), &eventsPresent);
    for (QString &e : cond.hopEvents) {
        e = e.toUpper();
        if (!knownHopEvents().contains(e))
            c.fail(where + QStringLiteral(".hopEvents"), QStringLiteral("unknown tracking event \"%1\"").arg(e));
    }
    if (!eventsPresent)
        cond.hopEvents = {QStringLiteral("FAIL"), QStringLiteral("DEFER"), QStringLiteral("DSN")};

    const QJsonValue codes = o.value(QLatin1String("codes"));
    if (!codes.isUndefined()) {
        if (!codes.isArray())
            c.fail(where + QStringLiteral(".codes"), QStringLiteral("must be an array of numbers"));
        for (const QJsonValue &v : codes.toArray()) {
            const int code = v.toInt(-1);
            if (!v.isDouble() || code < 200 || code > 599)
                c.fail(where + QStringLiteral(".codes"), QStringLiteral("must contain reply codes 200..599"));
            else
                cond.codes << code;
        }
    }
    cond.enhanced = stringList(o.value(QLatin1String("enhanced")), c, where + QStringLiteral(".enhanced"));
    static const QRegularExpression enhancedRe(QStringLiteral("^[245]\\.\\d{1,3}\\.\\d{1,3}$"));
    for (const QString &e : cond.enhanced) {
        if (!enhancedRe.match(e).hasMatch())
            c.fail(where + QStringLiteral(".enhanced"), QStringLiteral("\"%1\" is not an enhanced status code (x.y.z)").arg(e));
    }
    const QStringList patterns = stringList(o.value(QLatin1String("patterns")), c, where + QStringLiteral(".patterns"));
    for (int i = 0; i < patterns.size(); ++i)
        cond.patterns << compilePattern(patterns.at(i), c, where + QStringLiteral(".patterns[%1]").arg(i));
    const QStringList excludes = stringList(o.value(QLatin1String("exclude")), c, where + QStringLiteral(".exclude"));
    for (int i = 0; i < excludes.size(); ++i)
        cond.excludes << compilePattern(excludes.at(i), c, where + QStringLiteral(".exclude[%1]").arg(i));
    const QJsonValue refusedBy = o.value(QLatin1String("refusedBy"));
    if (refusedBy == QJsonValue(QStringLiteral("exchange-online")))
        cond.refusedBy = RefusedBy::ExchangeOnline;
    else if (refusedBy == QJsonValue(QStringLiteral("not-exchange-online")))
        cond.refusedBy = RefusedBy::NotExchangeOnline;
    else if (!refusedBy.isUndefined())
        c.fail(where + QStringLiteral(".refusedBy"), QStringLiteral("must be \"exchange-online\" or \"not-exchange-online\""));

    if (cond.codes.isEmpty() && cond.enhanced.isEmpty() && cond.patterns.isEmpty())
        c.fail(where, QStringLiteral("needs a \"matcher\" or at least one of \"codes\", \"enhanced\", \"patterns\""));
    return cond;
}

Rule parseRule(const QJsonValue &value, int index, Checker &c, QSet<QString> &ids)
{
    Rule rule;
    QString where = QStringLiteral("rules[%1]").arg(index);
    if (!value.isObject()) {
        c.fail(where, QStringLiteral("must be an object"));
        return rule;
    }
    const QJsonObject o = value.toObject();
    rule.id = o.value(QLatin1String("id")).toString();
    if (!rule.id.isEmpty())
        where += QStringLiteral(" (\"%1\")").arg(rule.id);
    static const QSet<QString> keys = {QStringLiteral("id"),       QStringLiteral("severity"),  QStringLiteral("title"),
                                       QStringLiteral("explanation"), QStringLiteral("scenario"), QStringLiteral("match"),
                                       QStringLiteral("parameters"), QStringLiteral("groupBy"),  QStringLiteral("comment"),
                                       QStringLiteral("references"), QStringLiteral("supersedes"), QStringLiteral("repeated")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!keys.contains(it.key()))
            c.fail(where, QStringLiteral("unknown field \"%1\"").arg(it.key()));
    }
    if (!isValidId(rule.id))
        c.fail(where, QStringLiteral("\"id\" is missing or not lower-case words joined by '-'"));
    else if (ids.contains(rule.id))
        c.fail(where, QStringLiteral("duplicate rule id"));
    ids.insert(rule.id);

    const QString severity = o.value(QLatin1String("severity")).toString();
    if (severity != QLatin1String("info") && severity != QLatin1String("warning") && severity != QLatin1String("error"))
        c.fail(where, QStringLiteral("\"severity\" must be info, warning or error"));
    rule.severity = severityFromId(severity);

    for (const char *field : {"title", "explanation"}) {
        const QString text = o.value(QLatin1String(field)).toString().trimmed();
        if (text.isEmpty())
            c.fail(where, QStringLiteral("\"%1\" is missing or empty").arg(QLatin1String(field)));
    }
    rule.title = o.value(QLatin1String("title")).toString().trimmed();
    rule.explanation = o.value(QLatin1String("explanation")).toString().trimmed();

    const QJsonValue scenario = o.value(QLatin1String("scenario"));
    if (scenario.isUndefined())
        c.fail(where, QStringLiteral("\"scenario\" is missing (use \"\" when no scenario fits)"));
    else if (!scenario.isString() || (!scenario.toString().isEmpty() && !isValidId(scenario.toString())))
        c.fail(where, QStringLiteral("\"scenario\" must be a scenario id or \"\""));
    rule.scenario = scenario.toString();

    const QJsonValue match = o.value(QLatin1String("match"));
    if (!match.isArray() || match.toArray().isEmpty()) {
        c.fail(where, QStringLiteral("\"match\" must be a non-empty array of conditions"));
    } else {
        const QJsonArray arr = match.toArray();
        for (int i = 0; i < arr.size(); ++i)
            rule.conditions << parseCondition(arr.at(i), c, where + QStringLiteral(".match[%1]").arg(i));
    }

    QSet<QString> groups;
    for (const MatchCondition &cond : std::as_const(rule.conditions)) {
        for (const QRegularExpression &re : cond.patterns) {
            for (const QString &g : re.namedCaptureGroups()) {
                if (!g.isEmpty())
                    groups.insert(g);
            }
        }
    }

    const QJsonValue params = o.value(QLatin1String("parameters"));
    if (!params.isUndefined() && !params.isObject())
        c.fail(where, QStringLiteral("\"parameters\" must be an object"));
    const QJsonObject paramObj = params.toObject();
    for (auto it = paramObj.begin(); it != paramObj.end(); ++it) {
        const QString pWhere = where + QStringLiteral(".parameters.") + it.key();
        if (!it.value().isString() || it.value().toString().isEmpty()) {
            c.fail(pWhere, QStringLiteral("must be a source string such as \"session.server\""));
            continue;
        }
        const QStringList sources = it.value().toString().split(QLatin1Char('|'));
        for (const QString &src : sources) {
            if (src.startsWith(QLatin1String("match."))) {
                if (!groups.contains(src.mid(6)))
                    c.fail(pWhere, QStringLiteral("\"%1\" names no capture group of the rule's patterns").arg(src));
            } else if (!parameterSources().contains(src)) {
                c.fail(pWhere, QStringLiteral("unknown source \"%1\"").arg(src));
            }
        }
        rule.parameters.insert(it.key(), sources);
    }
    rule.references = stringList(o.value(QLatin1String("references")), c, where + QStringLiteral(".references"));
    for (const QString &ref : std::as_const(rule.references)) {
        const QUrl url(ref, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
            c.fail(where + QStringLiteral(".references"), QStringLiteral("\"%1\" is not an https URL").arg(ref));
    }
    rule.supersedes = stringList(o.value(QLatin1String("supersedes")), c, where + QStringLiteral(".supersedes"));
    for (const QString &other : std::as_const(rule.supersedes)) {
        if (other == rule.id || !isValidId(other))
            c.fail(where + QStringLiteral(".supersedes"), QStringLiteral("\"%1\" must be the id of another rule").arg(other));
    }
    const QJsonValue repeated = o.value(QLatin1String("repeated"));
    if (!repeated.isUndefined()) {
        const QJsonObject r = repeated.toObject();
        const QString sev = r.value(QLatin1String("severity")).toString();
        const int atLeast = r.value(QLatin1String("atLeast")).toInt(0);
        if (!repeated.isObject() || r.size() != 2 || atLeast < 2
            || (sev != QLatin1String("info") && sev != QLatin1String("warning") && sev != QLatin1String("error")))
            c.fail(where + QStringLiteral(".repeated"),
                   QStringLiteral("must be {\"atLeast\": 2 or more, \"severity\": info|warning|error}"));
        else if (int(severityFromId(sev)) <= int(rule.severity))
            c.fail(where + QStringLiteral(".repeated"), QStringLiteral("\"severity\" must be above the rule's own"));
        rule.repeatAtLeast = atLeast;
        rule.repeatSeverity = severityFromId(sev);
    }
    rule.groupBy = stringList(o.value(QLatin1String("groupBy")), c, where + QStringLiteral(".groupBy"));
    for (const QString &g : std::as_const(rule.groupBy)) {
        if (!rule.parameters.contains(g))
            c.fail(where + QStringLiteral(".groupBy"), QStringLiteral("\"%1\" is not one of the rule's parameters").arg(g));
    }
    return rule;
}

// Rules and their translations share the file shape: a JSON object at the top naming its schema.
Result<QJsonObject> rootObject(const QByteArray &json, const QString &origin, const QString &schema)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<QJsonObject>::fail(
            QStringLiteral("%1: not valid JSON at offset %2: %3").arg(origin).arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return Result<QJsonObject>::fail(QStringLiteral("%1: the top level must be an object").arg(origin));
    if (doc.object().value(QLatin1String("schema")).toString() != schema)
        return Result<QJsonObject>::fail(QStringLiteral("%1: \"schema\" must be \"%2\"").arg(origin, schema));
    return doc.object();
}

} // namespace

QStringList KnowledgeBase::knownMatchers()
{
    QStringList names;
    for (const MatcherSpec &s : matcherSpecs())
        names << QLatin1String(s.name);
    return names;
}

QStringList KnowledgeBase::knownParameterSources()
{
    return parameterSources();
}

int KnowledgeBase::indexOf(const QString &ruleId) const
{
    for (int i = 0; i < m_rules.size(); ++i) {
        if (m_rules.at(i).id == ruleId)
            return i;
    }
    return -1;
}

Result<KnowledgeBase> KnowledgeBase::fromJson(const QByteArray &json, const QString &origin)
{
    const Result<QJsonObject> parsed = rootObject(json, origin, QStringLiteral("mwb-kb/1"));
    if (!parsed)
        return Result<KnowledgeBase>::fail(parsed.errorMessage());
    const QJsonObject &root = parsed.value();
    const QJsonValue rules = root.value(QLatin1String("rules"));
    if (!rules.isArray() || rules.toArray().isEmpty())
        return Result<KnowledgeBase>::fail(QStringLiteral("%1: \"rules\" must be a non-empty array").arg(origin));

    Checker checker(origin);
    KnowledgeBase kb;
    QSet<QString> ids;
    const QJsonArray arr = rules.toArray();
    for (int i = 0; i < arr.size() && !checker.failed(); ++i)
        kb.m_rules << parseRule(arr.at(i), i, checker, ids);
    for (int i = 0; i < kb.m_rules.size() && !checker.failed(); ++i) {
        for (const QString &other : kb.m_rules.at(i).supersedes) {
            if (!ids.contains(other))
                checker.fail(QStringLiteral("rules[%1] (\"%2\").supersedes").arg(i).arg(kb.m_rules.at(i).id),
                             QStringLiteral("no rule with the id \"%1\"").arg(other));
        }
    }
    if (checker.failed())
        return Result<KnowledgeBase>::fail(checker.error());
    return kb;
}

Result<KnowledgeBase> KnowledgeBase::load(const QString &path)
{
    const QString file = path.isEmpty() ? QStringLiteral(":/kb/rules.json") : path;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Result<KnowledgeBase>::fail(QStringLiteral("%1: cannot read the knowledge base: %2").arg(file, f.errorString()));
    Result<KnowledgeBase> kb = fromJson(f.readAll(), file);
    if (!kb)
        return kb;
    // Overlays sit beside the rules: rules.json -> rules.de.json. The compiled-in ones must all be
    // there (a missing one is a build mistake); a custom file may come without them.
    const QFileInfo info(file);
    for (const QString &lang : shippedLanguages()) {
        const QString overlay = info.dir().filePath(QStringLiteral("%1.%2.json").arg(info.completeBaseName(), lang));
        QFile o(overlay);
        if (!o.open(QIODevice::ReadOnly)) {
            if (path.isEmpty())
                return Result<KnowledgeBase>::fail(QStringLiteral("%1: cannot read the translated rule texts: %2").arg(overlay, o.errorString()));
            continue;
        }
        const Result<void> added = kb.value().addTranslations(o.readAll(), overlay);
        if (!added)
            return Result<KnowledgeBase>::fail(added.errorMessage());
    }
    return kb;
}

QStringList KnowledgeBase::shippedLanguages()
{
    return {QStringLiteral("de"), QStringLiteral("fr")};
}

Result<void> KnowledgeBase::addTranslations(const QByteArray &json, const QString &origin)
{
    const Result<QJsonObject> parsed = rootObject(json, origin, QStringLiteral("mwb-kb-texts/1"));
    if (!parsed)
        return Result<void>::fail(parsed.errorMessage());
    const QJsonObject &root = parsed.value();
    static const QRegularExpression langRe(QStringLiteral("^[a-z]{2,3}$"));
    const QString lang = root.value(QLatin1String("language")).toString();
    if (!langRe.match(lang).hasMatch())
        return Result<void>::fail(QStringLiteral("%1: \"language\" must be a language code such as \"de\"").arg(origin));
    const QJsonValue rules = root.value(QLatin1String("rules"));
    if (!rules.isObject())
        return Result<void>::fail(QStringLiteral("%1: \"rules\" must be an object keyed by rule id").arg(origin));
    QHash<QString, RuleText> texts;
    const QJsonObject obj = rules.toObject();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString where = QStringLiteral("%1: rules.%2").arg(origin, it.key());
        // A text for a rule that does not exist is a typo or a renamed rule: never silently unused.
        if (indexOf(it.key()) < 0)
            return Result<void>::fail(QStringLiteral("%1: no rule with this id").arg(where));
        const QJsonObject t = it.value().toObject();
        for (auto f = t.begin(); f != t.end(); ++f) {
            if (f.key() != QLatin1String("title") && f.key() != QLatin1String("explanation"))
                return Result<void>::fail(QStringLiteral("%1: unknown field \"%2\"").arg(where, f.key()));
        }
        RuleText rt{t.value(QLatin1String("title")).toString().trimmed(), t.value(QLatin1String("explanation")).toString().trimmed()};
        if (rt.title.isEmpty() || rt.explanation.isEmpty())
            return Result<void>::fail(QStringLiteral("%1: \"title\" and \"explanation\" must be non-empty strings").arg(where));
        texts.insert(it.key(), rt);
    }
    m_texts.insert(lang, texts);
    return {};
}

QStringList KnowledgeBase::translatedLanguages() const
{
    return m_texts.keys();
}

RuleText KnowledgeBase::text(const QString &ruleId, const QString &language) const
{
    const int i = indexOf(ruleId);
    if (i < 0)
        return {};
    const QString lang = language.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
    const auto texts = m_texts.constFind(lang);
    if (texts != m_texts.cend()) {
        const auto t = texts->constFind(ruleId);
        if (t != texts->cend())
            return *t;
    }
    return {m_rules.at(i).title, m_rules.at(i).explanation};
}

QStringList KnowledgeBase::untranslatedRules(const QString &language) const
{
    QStringList missing;
    const QHash<QString, RuleText> texts = m_texts.value(language);
    for (const Rule &r : m_rules) {
        if (!texts.contains(r.id))
            missing << r.id;
    }
    return missing;
}

QString KnowledgeBase::uiLanguage()
{
    return QLocale().name().section(QLatin1Char('_'), 0, 0);
}

QList<Finding> KnowledgeBase::localized(QList<Finding> findings, const QString &language)
{
    // Loaded once; a static local is initialised thread-safely.
    static const Result<KnowledgeBase> builtIn = load();
    if (!builtIn)
        return findings;   // cannot happen with a good build (tst_knowledgebase); English stays
    for (Finding &f : findings) {
        if (builtIn->indexOf(f.rule) < 0)
            continue;   // a rule from a custom knowledge base: keep its own text
        const RuleText t = builtIn->text(f.rule, language);
        f.title = t.title;
        f.explanation = t.explanation;
    }
    return findings;
}

} // namespace mwb
