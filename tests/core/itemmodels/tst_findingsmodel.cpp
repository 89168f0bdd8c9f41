#include "fixtures.h"
#include "model/itemmodels/findingsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace mwb;

class TestFindingsModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsShowSeverityTitleCountServersAndSpan()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Finding f;
        f.rule = QStringLiteral("smtp-data-not-terminated");
        f.severity = Severity::Error;
        f.title = QStringLiteral("Message body never terminated");
        f.count = 3;
        f.servers = {QStringLiteral("EX01"), QStringLiteral("EX02")};
        f.firstMs = fixtures::at("2026-11-20T08:00:00.000Z");
        f.lastMs = fixtures::at("2026-11-20T08:05:00.000Z");
        Finding info;
        info.rule = QStringLiteral("session-unused");
        info.severity = Severity::Info;
        model.setFindings({f, info});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FindingsModel::SeverityColumn).data().toString(), QStringLiteral("Error"));
        QCOMPARE(model.index(0, FindingsModel::Title).data().toString(), f.title);
        QCOMPARE(model.index(0, FindingsModel::Count).data().toInt(), 3);
        QCOMPARE(model.index(0, FindingsModel::Servers).data().toString(), QStringLiteral("EX01, EX02"));
        QVERIFY(model.index(0, FindingsModel::TimeSpan).data().toString().contains(QStringLiteral("5 min 00 s")));
        QCOMPARE(model.index(0, 0).data(FindingsModel::RuleRole).toString(), f.rule);
        // A finding without a title shows its rule id rather than nothing.
        QCOMPARE(model.index(1, FindingsModel::Title).data().toString(), QStringLiteral("session-unused"));
        QCOMPARE(model.index(1, FindingsModel::TimeSpan).data().toString(), QString());
        QVERIFY(model.index(0, 0).data(FindingsModel::SortRole).toInt() > model.index(1, 0).data(FindingsModel::SortRole).toInt());
        QCOMPARE(model.findingAt(1)->rule, info.rule);
        QCOMPARE(model.findingAt(2), nullptr);
    }

    void resettingToNoFindingsEmptiesTheModel()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings({Finding{}});
        model.setFindings({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
