#pragma once
// Symptoms and their causes (issue #24): a message that was delayed, expired in a queue or whose
// session dropped is usually the consequence of a fault another finding names (a certificate the
// sender refuses, DNS, a missing connector). Such a symptom is shown under its cause, not as a
// look-alike peer, and the JSON says so ("causedBy").
#include "model/core/diagnosis/finding.h"

#include <QList>

namespace mwb {

// Rules that describe a consequence rather than a fault of their own.
bool isSymptomRule(const QString &rule);

// Sets Finding::causedBy for every symptom finding that shares messages or sessions with a
// non-symptom error or warning finding: the one sharing the most, then the more severe, then the
// earlier. Indexes refer to `findings` as given (keep its order afterwards). exchange-auth-failed is
// linked the same way, to a relay-connector-overlap finding only (the relay connector that takes
// the servers' connections is its cause).
void linkCauses(QList<Finding> &findings);

} // namespace mwb
