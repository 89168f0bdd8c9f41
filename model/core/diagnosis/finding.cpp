#include "model/core/diagnosis/finding.h"

#include <QSet>

#include <type_traits>

namespace mwb {

QString severityId(Severity s)
{
    switch (s) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: break;
    }
    return QStringLiteral("error");
}

Severity severityFromId(const QString &id)
{
    if (id == QLatin1String("info"))
        return Severity::Info;
    if (id == QLatin1String("error"))
        return Severity::Error;
    return Severity::Warning;
}

void absorbFinding(Finding &whole, const Finding &part)
{
    constexpr qsizetype kEvidenceCap = 50;   // as the engine's
    // Sets of what `whole` holds: findings can list thousands of messages.
    auto appendNew = [](auto &list, const auto &more, auto fold) {
        using Item = std::decay_t<decltype(list.first())>;
        QSet<Item> seen;
        for (const Item &v : list)
            seen.insert(fold(v));
        for (const Item &v : more) {
            if (!seen.contains(fold(v))) {
                seen.insert(fold(v));
                list.append(v);
            }
        }
    };
    const auto same = [](const auto &v) { return v; };
    appendNew(whole.servers, part.servers, [](const QString &s) { return s.toLower(); });
    appendNew(whole.sessionIndexes, part.sessionIndexes, same);
    appendNew(whole.sessions, part.sessions, same);
    appendNew(whole.messageIds, part.messageIds, same);
    appendNew(whole.codes, part.codes, same);
    for (const RecordRef &r : part.evidence) {
        if (whole.evidence.size() >= kEvidenceCap)
            break;
        if (!whole.evidence.contains(r))
            whole.evidence.append(r);
    }
    if (part.firstMs != kNoTime && (whole.firstMs == kNoTime || part.firstMs < whole.firstMs))
        whole.firstMs = part.firstMs;
    if (part.lastMs != kNoTime && (whole.lastMs == kNoTime || part.lastMs > whole.lastMs))
        whole.lastMs = part.lastMs;
    if (int(part.severity) > int(whole.severity))
        whole.severity = part.severity;
    for (auto it = part.parameters.cbegin(); it != part.parameters.cend(); ++it) {
        if (!whole.parameters.contains(it.key()))
            whole.parameters.insert(it.key(), it.value());
    }
}

} // namespace mwb
