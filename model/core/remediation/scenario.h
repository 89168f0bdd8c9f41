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
    QString id;             // optional; names the entry for `after`
    QString why;            // one line, written as a comment above the command
    QString command;        // template; empty for a note (comment only)
    QStringList when;
    QStringList ifMissing;  // entry only when these parameters were NOT given (fallback form)
    bool supportsWhatIf = true;  // changes only: false for native programs (reg, msiexec, …)
    bool confirm = false;        // changes only: add -Confirm:$false when applying
    QString runOn;               // e.g. "Edge Transport server" (free text for the comment)
    // The machine (a parameter of kind server named in Scenario::machines) whose part of the
    // script holds this entry; "" = the scenario's first machine.
    QString machine;
    // Destructive: removes or rewrites configuration, restarts a service or writes the registry.
    // Set in the data or recognised from the command (looksDestructive); such a change is applied
    // only on a definite yes/no answer of every step its `when` names, never on "unknown".
    bool destructive = false;
    QString disruption;          // what stops while it runs (restarts: "mail flow pauses …")
    QStringList after;           // entry ids: this entry only when one of them is in the script
    QStringList references;      // reference pages (learn.microsoft.com) behind the command
    // Never generated when this parameter's value matches this regex; the note says why
    // (e.g. no -Fqdn on a 'Default <Server>' receive connector).
    QString skipIfParameter, skipIfPattern, skipIfNote;
    bool isChange() const { return !command.isEmpty(); }
};

// A machine a scenario changes: the parameter (kind server) that names it and its role.
// Every part of a script that runs on a machine refuses to run on any other.
struct MachineSpec {
    QString parameter;
    QString role;  // "Mailbox server", "Edge Transport server"
};

struct Scenario {
    QString id;
    QString title;
    QString summary;
    QStringList symptoms;    // admin words for the start page
    QString runOn;           // where the script runs, for the header
    QList<MachineSpec> machines;  // in the order the parts run; empty = no machine guard
    // "online": the script runs in Exchange Online PowerShell (Connect-ExchangeOnline) against the
    // organization that has the `tenant` parameter's domain as an accepted domain; "" = on-premises.
    QString exchange;
    QString tenant;
    QStringList references;  // reference pages for the scenario as a whole
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

// True when a command removes or rewrites configuration, restarts or stops a service or writes
// the registry (Remove-*, Restart-Service, HKLM:, connector rewrites): such entries must be
// marked destructive in the data (parseScenario checks it).
bool looksDestructive(const QString &command);

// The steps whose answer decides about a changing command: for each step, the change entries
// whose conditions name it and hold for that answer ("yes", "no", "unknown").
struct GatedChange {
    QString why;
    QString command;  // the first command word, e.g. "Set-ReceiveConnector"
    QString machine;  // parameter name of the machine ("" when the scenario has none)
    bool destructive = false;
    QString disruption;
};
QMap<QString, QList<GatedChange>> changesGatedBy(const Scenario &scenario, const QString &stepId);

// Placeholder names ({{Name}}) used by a template, in order of appearance.
QStringList templatePlaceholders(const QString &text);

} // namespace mwb::remediation
