#pragma once
// Walking a scenario's step graph in tests and in the script export.
#include "model/core/remediation/scenario.h"

#include <QList>
#include <QSet>
#include <optional>
#include <utility>

namespace mwb::testing {

using remediation::Answer;
using remediation::Scenario;
using remediation::Step;

// Answers that lead from the first step to `target` (breadth first), or nullopt.
inline std::optional<QList<Answer>> pathTo(const Scenario &s, const QString &target)
{
    QList<std::pair<QString, QList<Answer>>> queue{{s.steps.first().id, {}}};
    QSet<QString> seen;
    while (!queue.isEmpty()) {
        auto [id, answers] = queue.takeFirst();
        if (id == target)
            return answers;
        if (id.isEmpty() || seen.contains(id))
            continue;
        seen.insert(id);
        const Step *st = s.step(id);
        for (Answer a : {Answer::Yes, Answer::No, Answer::Unknown}) {
            QList<Answer> next = answers;
            next << a;
            queue.append({st->next(a), next});
        }
    }
    return std::nullopt;
}

} // namespace mwb::testing
