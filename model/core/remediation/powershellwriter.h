#pragma once
// The PowerShell writer: the ONLY place where values become script text. Every value is checked
// against its parameter kind and written as a single-quoted literal in which every single-quote
// character PowerShell knows (' U+2018 U+2019 U+201A U+201B) is doubled, so no value - however
// hostile - can end the literal, start a sub-expression or add a statement.
#include "model/core/common/result.h"
#include "model/core/remediation/scenario.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mwb::remediation {

// 'text' with the single quotes doubled. Always a complete literal.
QString powerShellLiteral(const QString &text);
// Text for a # comment: control characters and line breaks replaced, length capped.
QString powerShellCommentText(const QString &text, int maxChars = 200);

struct ScriptRequest {
    QMap<QString, QString> parameters;  // name -> raw value (validated by the writer)
    QMap<QString, Answer> answers;      // step id -> answer; missing = unanswered
    QStringList evidence;               // e.g. "SmtpReceive/RECV2026112008-1.LOG:812 451 4.7.0 …"
    bool apply = false;                 // false: changing commands get -WhatIf
    QDateTime generatedAt;              // default: now (UTC)
};

// Checks every given parameter (unknown name, wrong kind) and that the required ones are there.
// Returns the normalised values.
Result<QMap<QString, QStringList>> validateParameters(const Scenario &scenario,
                                                      const QMap<QString, QString> &parameters);

// Renders one template: {{Name}} becomes the literal(s) of the validated value. A placeholder
// whose parameter has no value makes this fail with the parameter's name.
Result<QString> renderTemplate(const QString &templ, const QMap<QString, QStringList> &values);

// For display of a step's read-only command: known values quoted, missing ones shown as <Name>
// (the wizard shows it; it is not meant to run until the value is known).
QString renderCommandForDisplay(const QString &templ, const Scenario &scenario,
                                const QMap<QString, QString> &parameters);

// The steps that decide about a changing command the script could contain but that have no
// answer yet: an entry whose conditions are not already ruled out by the answers given and that
// names an unanswered step. Applying needs them answered (yes, no or unknown).
QStringList unansweredGatingSteps(const Scenario &scenario, const ScriptRequest &request);

// The message that refuses --apply (or the wizard's apply mode) while steps are unanswered;
// empty when applying is allowed. Names each step with its question.
QString applyRefusal(const Scenario &scenario, const ScriptRequest &request);

// The whole script. Fails (with a message for the admin) on a bad or missing parameter, and in
// apply mode while a step that gates a changing command is unanswered (applyRefusal).
// Layout: comment header (scenario, time, evidence, how to run a saved copy), then
// $ErrorActionPreference = 'Stop', the machine guard, read-only checks, changes, verification.
// A scenario with several machines gets one guarded part per machine.
Result<QString> writeScript(const Scenario &scenario, const ScriptRequest &request);

// The NetBIOS name $env:COMPUTERNAME shows for a server value: the first label, upper-case, at
// most 15 characters.
QString computerNameOf(const QString &server);

// UTF-8 with BOM and CRLF line ends on every platform: Windows PowerShell 5.1 reads a BOM-less
// .ps1 as ANSI (non-ASCII connector names break) and Notepad-era tools expect CRLF.
QByteArray scriptFileBytes(const QString &script);

} // namespace mwb::remediation
