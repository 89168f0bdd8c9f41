// Symptoms linked to their causes (issue #24, contract "causedBy").
#include "model/core/diagnosis/causes.h"

#include <QTest>

using namespace mwb;

namespace {
Finding finding(const char *rule, Severity severity, QStringList messages, QList<int> sessions = {}, qint64 first = 0)
{
    Finding f;
    f.rule = QString::fromLatin1(rule);
    f.severity = severity;
    f.messageIds = std::move(messages);
    f.sessionIndexes = std::move(sessions);
    f.firstMs = first;
    return f;
}
} // namespace

class TstCauses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void delayIsLinkedToTheFaultThatHeldTheMessages()
    {
        QList<Finding> f = {
            finding("tls-subject-mismatch", Severity::Error, {QStringLiteral("<a@x>"), QStringLiteral("<b@x>")}),
            finding("dns-query-failed", Severity::Error, {QStringLiteral("<c@x>")}),
            finding("message-delayed", Severity::Warning, {QStringLiteral("<a@x>"), QStringLiteral("<b@x>"), QStringLiteral("<c@x>")}),
            finding("queue-expired", Severity::Error, {QStringLiteral("<c@x>")}),
            finding("message-delayed", Severity::Warning, {QStringLiteral("<z@x>")}),
        };
        linkCauses(f);
        QCOMPARE(f[0].causedBy, -1);              // a cause is nobody's symptom
        QCOMPARE(f[1].causedBy, -1);
        QCOMPARE(f[2].causedBy, 0);               // shares two messages with the certificate, one with DNS
        QCOMPARE(f[3].causedBy, 1);
        QCOMPARE(f[4].causedBy, -1);              // nothing explains it: stays on its own
    }
    void sessionsLinkDropsToTheirCause()
    {
        QList<Finding> f = {
            finding("connection-dropped", Severity::Warning, {}, {4, 5}),
            finding("smtp-data-not-terminated", Severity::Error, {}, {5, 6}),
        };
        linkCauses(f);
        QCOMPARE(f[0].causedBy, 1);
        QCOMPARE(f[1].causedBy, -1);
    }
    void infoFindingsAndOtherSymptomsAreNoCauses()
    {
        QList<Finding> f = {
            finding("certificate-name-mismatch", Severity::Info, {}, {1}),
            finding("message-delayed", Severity::Warning, {QStringLiteral("<a@x>")}, {1}),
            finding("queue-expired", Severity::Error, {QStringLiteral("<a@x>")}, {1}),
        };
        linkCauses(f);
        QCOMPARE(f[1].causedBy, -1);
        QCOMPARE(f[2].causedBy, -1);
        QVERIFY(isSymptomRule(QStringLiteral("delivery-deferred")));
        QVERIFY(!isSymptomRule(QStringLiteral("tls-subject-mismatch")));
    }
};

QTEST_GUILESS_MAIN(TstCauses)
#include "tst_causes.moc"
