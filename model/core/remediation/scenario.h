#pragma once
// Remediation scenarios as data: resources/scenarios/<id>.json, compiled in under :/scenarios/.
// One scenario = the symptoms in admin words, the parameters it needs (with kinds), a graph of
// check steps with Yes/No/Unknown branches, and script templates (read-only checks, changes,
// verification) selected by the answers. The engine (ScenarioWalker) and the PowerShell writer
// work on these structures only; nothing is hand-coded per scenario.
#include "model/core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mwb::remediation {

enum class Answer { None, Yes, No, Unknown };
QString answerName(Answer answer);               // "yes", "no", "unknown", "none"
Answer answerFromName(const QString &name);      // None when not one of the three

struct ParameterSpec {
    QString name;
    QString kind;         // see parameterkinds.h
    bool required = false;
    QString example;
    QString description;
    QString defaultValue;  // used when no value is given ("" = none)
    // Names under which a finding of the analysis (rules.json "parameters") carries this value,
    // e.g. "Connector" for ReceiveConnector. aliasPattern (a regex) must match the value for an
    // alias to apply: a receive connector identity has a backslash, a send connector name none.
    QStringList aliases;
    QString aliasPattern;
};

// How pasted output answers a step by itself: the parser's fact `fact` equal to `yes` → Yes,
// equal to `no` → No; anything else (or a missing fact) leaves the answer to the admin.
struct AutoAnswer {
    QString fact;
    QString yes = QStringLiteral("true");
    QString no = QStringLiteral("false");
    bool isSet() const { return !fact.isEmpty(); }
};

struct Step {
    QString id;
    QString title;      // the question, e.g. "Is a valid certificate enabled for SMTP?"
    QString what;       // what to look at in the output
    QString why;        // why it matters
    QString command;    // read-only PowerShell template ({{Param}} placeholders)
    QString parser;     // cmdlet-output parser id ("" = none)
    AutoAnswer autoAnswer;
    QMap<QString, QString> captures;  // parameter name -> parser fact that provides its value
    QString nextYes, nextNo, nextUnknown;  // "" = end of the walk
    QString next(Answer answer) const;
};

// A script line. `when` holds conditions "step=yes", "step=no|unknown", "step!=yes"; an
// unanswered step counts as "unknown" (a headless run without answers gets every fix that may
// be needed, all behind -WhatIf by default).
struct ScriptEntry {
    QString why;            // one line, written as a comment above the command
    QString command;        // template; empty for a note (comment only)
    QStringList when;
    QStringList ifMissing;  // entry only when these parameters were NOT given (fallback form)
    bool supportsWhatIf = true;  // changes only: false for native programs (reg, msiexec, …)
    bool confirm = false;        // changes only: add -Confirm:$false when applying
    QString runOn;               // e.g. "Edge Transport server"
};

struct Scenario {
    QString id;
    QString title;
    QString summary;
    QStringList symptoms;    // admin words for the start page
    QString runOn;           // where the script runs, for the header
    QList<ParameterSpec> parameters;
    QList<Step> steps;       // steps.first() is the start
    QList<ScriptEntry> checks;
    QList<ScriptEntry> changes;
    QList<ScriptEntry> verify;

    const Step *step(const QString &id) const;
    const ParameterSpec *parameter(const QString &name) const;
};

// Parses one scenario document and checks it: known kinds and parsers, step ids unique, branch
// targets exist, no cycles, placeholders name declared parameters, conditions name steps.
Result<Scenario> parseScenario(const QJsonObject &object);

// The built-in scenarios from :/scenarios/*.json, sorted by id. Loaded once; a broken file is
// skipped and reported by builtInScenarioErrors().
const QList<Scenario> &builtInScenarios();
QStringList builtInScenarioErrors();
const Scenario *findScenario(const QString &id);

// True when a script entry's condition holds for these answers (unanswered counts as unknown).
bool conditionHolds(const QString &condition, const QMap<QString, Answer> &answers);

// Maps the parameters of an analysis finding onto a scenario: exact names first, then aliases.
// Values are not validated here (the writer does that); a finding's parameter the scenario has
// no place for is returned as a note ("Thumbprint = '…'") for the script's evidence.
struct MappedParameters {
    QMap<QString, QString> parameters;
    QStringList unused;
};
MappedParameters mapFindingParameters(const Scenario &scenario, const QMap<QString, QString> &finding);

// Placeholder names ({{Name}}) used by a template, in order of appearance.
QStringList templatePlaceholders(const QString &text);

} // namespace mwb::remediation
