#pragma once
#include "model/core/sessions/types.h"

#include <QMap>

namespace mwb {

enum class Severity { Info, Warning, Error };
QString severityId(Severity s);      // "info" | "warning" | "error"
Severity severityFromId(const QString &id);

// One named fault, aggregated over all its occurrences (contract: analyze --json "findings").
struct Finding {
    QString rule;                    // stable id from the contract, e.g. "smtp-data-not-terminated"
    Severity severity = Severity::Warning;
    QString title;
    QString explanation;
    int count = 0;                   // occurrences aggregated
    QStringList sessions;            // session ids
    QList<int> sessionIndexes;       // into Store::sessions
    QStringList messageIds;
    QStringList servers;
    QStringList codes;               // "451 4.7.0"
    qint64 firstMs = kNoTime;
    qint64 lastMs = kNoTime;
    QList<RecordRef> evidence;       // capped; the first lines that prove it
    QString scenario;                // remediation scenario id
    QMap<QString, QString> parameters;
    // A symptom (a delay, an expiry, a drop) points at the finding whose fault caused it: its
    // position in the same findings list, -1 for none (linkCauses, contract "causedBy").
    int causedBy = -1;
    // What tells this finding from another of the same rule on the same servers: the rule's grouping
    // values other than Server (code and remote party, domain, thumbprint ...) and a condition's own
    // scenario, lower-case, joined by '|'. Empty for rules that group by Server alone.
    QString groupKey;
};

// Adds what `part` shows of a fault to `whole` (the same fault logged by the other side, or seen on
// another server): servers (compared without case), sessions, messages, codes, evidence (up to the
// engine's cap of 50 lines), the time span, the higher severity and the parameters `whole` lacks.
// The count of occurrences is left to the caller: only it knows whether `part` counted new ones.
void absorbFinding(Finding &whole, const Finding &part);

} // namespace mwb
