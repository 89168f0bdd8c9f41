#include "model/core/diagnosis/causes.h"

#include <QSet>

namespace mwb {

bool isSymptomRule(const QString &rule)
{
    static const QSet<QString> symptoms = {
        QStringLiteral("message-delayed"), QStringLiteral("queue-expired"), QStringLiteral("connection-dropped"),
        QStringLiteral("session-idle-gap"), QStringLiteral("delivery-deferred"), QStringLiteral("delivery-failed"),
        QStringLiteral("message-hop-missing"),
    };
    return symptoms.contains(rule);
}

namespace {

// A fault that is itself the symptom of one particular cause when they share sessions: Exchange
// servers failing to authenticate to each other (451 5.7.3) because a relay connector's remote
// ranges take their connections (issue #31).
QString specificCauseOf(const QString &rule)
{
    if (rule == QLatin1String("exchange-auth-failed"))
        return QStringLiteral("relay-connector-overlap");
    return {};
}

} // namespace

void linkCauses(QList<Finding> &findings)
{
    struct Keys {
        QSet<QString> messages;
        QSet<int> sessions;
    };
    QList<Keys> keys(findings.size());
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &f = findings.at(i);
        keys[i].messages = QSet<QString>(f.messageIds.cbegin(), f.messageIds.cend());
        keys[i].sessions = QSet<int>(f.sessionIndexes.cbegin(), f.sessionIndexes.cend());
    }
    for (qsizetype s = 0; s < findings.size(); ++s) {
        Finding &symptom = findings[s];
        symptom.causedBy = -1;
        const QString onlyCause = specificCauseOf(symptom.rule);
        if (!isSymptomRule(symptom.rule) && onlyCause.isEmpty())
            continue;
        qsizetype best = -1;
        qsizetype bestShared = 0;
        for (qsizetype c = 0; c < findings.size(); ++c) {
            const Finding &cause = findings.at(c);
            if (c == s || isSymptomRule(cause.rule) || cause.severity == Severity::Info)
                continue;
            if (!onlyCause.isEmpty() && cause.rule != onlyCause)
                continue;
            qsizetype shared = 0;
            for (const QString &m : std::as_const(keys[s].messages))
                shared += keys[c].messages.contains(m);
            for (int i : std::as_const(keys[s].sessions))
                shared += keys[c].sessions.contains(i);
            if (shared == 0)
                continue;
            const bool better = best < 0 || shared > bestShared
                || (shared == bestShared && int(cause.severity) > int(findings.at(best).severity))
                || (shared == bestShared && cause.severity == findings.at(best).severity && cause.firstMs < findings.at(best).firstMs);
            if (better) {
                best = c;
                bestShared = shared;
            }
        }
        symptom.causedBy = int(best);
    }
}

} // namespace mwb
