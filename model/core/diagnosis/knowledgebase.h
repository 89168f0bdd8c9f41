#pragma once
// The knowledge base: resources/kb/rules.json parsed and validated into rules the engine can run.
// Plain-pattern rules (codes, enhanced codes, regexes) are pure data; sequence and anomaly checks
// are named matchers implemented in C++ (see KnowledgeBase::knownMatchers()).
#include "model/core/common/result.h"
#include "model/core/diagnosis/finding.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace mwb {

// Where a pattern condition looks.
enum class MatchSource {
    Protocol,   // protocol-log lines: replies and '*' lines (data + context); commands only with lines:"any"
    Tracking,   // message hops: recipient-status and source-context
};

// Who gave the refusal a pattern condition matched (a reply's text alone cannot tell: "550 5.7.1
// Unable to relay" comes from a receive connector and from Exchange Online alike).
enum class RefusedBy {
    Anyone,
    ExchangeOnline,       // a Send session's peer that is Exchange Online, or an Exchange Online trace
    NotExchangeOnline,    // everyone else (the organisation's own servers, partners, devices)
};

struct MatchCondition {
    // Exactly one of: a named matcher, or pattern conditions (all given groups must hold; any
    // entry inside a group may hold).
    QString matcher;                        // e.g. "data-not-terminated"; empty = pattern condition
    QVariantMap options;                    // matcher options (thresholds ...), already validated
    QList<MatchSource> sources;             // pattern conditions only
    bool anyProtocolLine = false;           // also client commands (default: replies and '*' lines)
    QStringList hopEvents;                  // tracking events to look at (upper-case)
    QList<int> codes;                       // basic reply codes, e.g. 451
    QStringList enhanced;                   // enhanced status codes, e.g. "5.7.3"
    QList<QRegularExpression> patterns;     // case-insensitive
    QList<QRegularExpression> excludes;     // a line matching any of these is not a match
    QString scenario;                       // overrides the rule's scenario for what this condition
                                            // raises (and splits the findings by it); empty = the rule's
    RefusedBy refusedBy = RefusedBy::Anyone;   // pattern conditions only ("refusedBy" in rules.json)
};

struct Rule {
    QString id;
    Severity severity = Severity::Warning;
    QString title;
    QString explanation;
    QString scenario;                       // may be empty: no remediation scenario fits
    QList<MatchCondition> conditions;       // any condition may raise the rule
    QMap<QString, QStringList> parameters;  // name -> sources tried in order ("session.server", "match.Domain", ...)
    QStringList groupBy;                    // parameter names that split findings (e.g. "Server")
    QStringList references;                 // https URLs of the public pages the explanation rests on
    QStringList supersedes;                 // rule ids this rule silences where both match one session
                                            // or message (the more precise rule wins)
    // One step up when the fault repeats: at least `atLeast` distinct sessions or messages in one
    // finding raise it to `severity` (0 = never).
    int repeatAtLeast = 0;
    Severity repeatSeverity = Severity::Warning;
};

// A rule's admin-facing texts in one language.
struct RuleText {
    QString title;
    QString explanation;
};

class KnowledgeBase {
public:
    // Parses and validates. Errors name the rule and the field: unknown matcher, bad regular
    // expression, missing or wrongly typed fields, duplicate ids, unknown parameter sources.
    static Result<KnowledgeBase> fromJson(const QByteArray &json, const QString &origin = QStringLiteral("rules.json"));
    // path empty = the compiled-in rules (:/kb/rules.json).
    static Result<KnowledgeBase> load(const QString &path = {});

    static QStringList knownMatchers();
    static QStringList knownParameterSources();   // "match.<group>" is accepted besides these

    const QList<Rule> &rules() const { return m_rules; }
    int indexOf(const QString &ruleId) const;

    // Translated texts come from overlays beside the rules (rules.<lang>.json; schema
    // "mwb-kb-texts/1"): {"language": "de", "rules": {"<id>": {"title": ..., "explanation": ...}}}.
    // Every id must be a rule of this KB and both texts must be non-empty; a rule may be missing
    // (its English text is used).
    Result<void> addTranslations(const QByteArray &json, const QString &origin = QStringLiteral("rules.<lang>.json"));
    static QStringList shippedLanguages();             // languages with a compiled-in overlay ("de", "fr")
    QStringList translatedLanguages() const;
    // The rule's texts in language ("de", "de_AT" ...); English (the rules' own text) when there is
    // no translation. Empty texts for an unknown rule id.
    RuleText text(const QString &ruleId, const QString &language) const;
    // Rule ids without a complete translation into language.
    QStringList untranslatedRules(const QString &language) const;

    // The language the GUI shows: the default QLocale, which the GUI sets from its language setting
    // (app/gui/translations.cpp) and which is the system locale otherwise.
    static QString uiLanguage();
    // The findings with title and explanation in language, read from the compiled-in knowledge base
    // (loaded once). The engine and `mwb analyze --json` keep English: only the GUI calls this.
    static QList<Finding> localized(QList<Finding> findings, const QString &language = uiLanguage());

private:
    QList<Rule> m_rules;
    QMap<QString, QHash<QString, RuleText>> m_texts;   // language -> rule id -> texts
};

} // namespace mwb
