#pragma once
// Parameter kinds of remediation scenarios and their validation. A value reaches a script only
// after it passed the check of its kind; the check also normalises it (thumbprint upper-case
// without blanks, FQDN without the trailing dot, an IP list split into single addresses).
#include "model/core/common/result.h"

#include <QString>
#include <QStringList>

namespace mwb::remediation {

struct ParameterKindInfo {
    QString id;           // "thumbprint", "fqdn", ...
    QString description;  // what the admin must give, in words
    QString example;      // one valid value
    bool list = false;    // several values, written as 'a','b'
};

// All kinds a scenario may declare.
const QList<ParameterKindInfo> &parameterKinds();
bool isKnownParameterKind(const QString &kind);
ParameterKindInfo parameterKindInfo(const QString &kind);

// Checks `value` against `kind`. On success returns the normalised value(s): one element for a
// scalar kind, one or more for a list kind. On failure the error says what is wrong and what
// a good value looks like; the offending value is shown shortened and with control characters
// made visible, so an error message can never smuggle lines into a terminal or a log.
Result<QStringList> validateParameterValue(const QString &kind, const QString &value);

// A short, printable rendering of untrusted text for error messages and script comments.
QString printableExcerpt(const QString &text, int maxChars = 60);

// The individual syntax checks, public for tests and the wizard's live validation.
bool isIpv4Address(QStringView text);
bool isIpv6Address(QStringView text);
bool isHostLabel(QStringView label);
bool isFqdn(QStringView text);  // two or more labels

} // namespace mwb::remediation
