#include "fixtures.h"
#include "tests/core/common/csvread.h"
#include "model/itemmodels/sessiontablemodel.h"
#include "model/core/cases/redaction.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mwb;

class TestSessionTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void batchesAreAppendedWithOneInsertPerBatch()
    {
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QList<Session> all = fixtures::sample();
        model.appendSessions(all.mid(0, 3));
        model.appendSessions(all.mid(3));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 3);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(SessionTableModel::ColumnCount));
    }

    void streamedBatchesShareTheLoadsListAndShowOnlyWhatArrived()
    {
        // LoadJob hands over the load's whole list and the new range; copying the sessions was 60 ms
        // of UI thread per 20,000 at a million rows.
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QList<Session> all = fixtures::sample();
        model.reserve(all.size());
        model.appendSessions(all, 0, 2);
        QVERIFY(model.sessions().constData() == all.constData());   // shared, not copied
        QCOMPARE(model.totalCount(), 2);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.sessionAt(2));

        // A filter set mid-load sees only the loaded sessions, then applies to the next ranges.
        SessionFilterSpec spec;
        spec.outcome = SessionOutcome::Rejected;
        model.setFilter(SessionFilter::compile(spec).value());
        QCOMPARE(model.rowCount(), 0);
        model.appendSessions(all, 2, all.size());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(SessionTableModel::SessionIndexRole).toInt(), 2);
        model.setFilter(std::nullopt);
        QCOMPARE(model.rowCount(), 5);

        // The finished store's list is the same list: no reset, still shared.
        const int resetsBefore = int(reset.count());
        model.setSessions(all);
        QCOMPARE(int(reset.count()), resetsBefore);
        QVERIFY(model.sessions().constData() == all.constData());
        QCOMPARE(model.totalCount(), 5);
    }

    void reservingForTheAnnouncedTotalChangesNoRowsAndAvoidsGrowth()
    {
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QList<Session> all = fixtures::sample();
        model.reserve(1000);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(inserted.count() + reset.count(), 0);
        model.appendSessions(all.mid(0, 2));
        const Session *first = &model.sessions().at(0);
        model.appendSessions(all.mid(2));
        QCOMPARE(&model.sessions().at(0), first);   // no reallocation while within the reserve
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.sessions().at(4).id, all.at(4).id);
        model.reserve(2);   // smaller than held: nothing happens
        QCOMPARE(model.rowCount(), 5);
    }

    void cellsShowTheSessionFields()
    {
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendSessions(fixtures::sample());
        QCOMPARE(model.index(1, SessionTableModel::Server).data().toString(), QStringLiteral("EX01"));
        QCOMPARE(model.index(1, SessionTableModel::Time).data().toString(), QStringLiteral("2026-11-20 08:01:00.000"));
        QCOMPARE(model.index(1, SessionTableModel::Outcome).data().toString(), QStringLiteral("Deferred"));
        QCOMPARE(model.index(1, SessionTableModel::Outcome).data(SessionTableModel::OutcomeRole).toString(), QStringLiteral("deferred"));
        QCOMPARE(model.index(1, SessionTableModel::Duration).data().toString(), QStringLiteral("1.500 s"));
        QCOMPARE(model.index(4, SessionTableModel::DirectionColumn).data().toString(), QStringLiteral("Send"));
        QVERIFY(model.index(2, SessionTableModel::Outcome).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(3, SessionTableModel::MessageIds).data().toString(), QStringLiteral("<msg3@fabrikam.com>"));
    }

    void filterSwapsTheRowVectorAndAppliesToLaterBatches()
    {
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Session> all = fixtures::sample();
        model.appendSessions(all.mid(0, 2));
        SessionFilterSpec spec;
        spec.outcome = SessionOutcome::Rejected;
        model.setFilter(SessionFilter::compile(spec).value());
        QCOMPARE(model.rowCount(), 0);
        model.appendSessions(all.mid(2));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(SessionTableModel::SessionIndexRole).toInt(), 2);
        model.setFilter(std::nullopt);
        QCOMPARE(model.rowCount(), 5);
    }

    void filteredRowsFromAWorkerIncludeBatchesThatArrivedMeanwhile()
    {
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Session> all = fixtures::sample();
        model.appendSessions(all.mid(0, 3));
        SessionFilterSpec spec;
        spec.server = QStringLiteral("EX02");
        const SessionFilter filter = SessionFilter::compile(spec).value();
        const std::vector<int> snapshotRows = filter.apply(model.sessions());
        model.appendSessions(all.mid(3));  // arrives while the worker runs
        model.setFilteredRows(filter, snapshotRows, 3);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data(SessionTableModel::SessionIndexRole).toInt(), 3);
    }

    void sortingPermutesRowsAndKeepsPersistentIndexes()
    {
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendSessions(fixtures::sample());
        const QPersistentModelIndex edge(model.index(4, SessionTableModel::Server));
        model.sort(SessionTableModel::Time, Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0).data(SessionTableModel::SessionIndexRole).toInt(), 4);
        QCOMPARE(edge.row(), 0);
        QCOMPARE(edge.data().toString(), QStringLiteral("EDGE01"));
        model.sort(SessionTableModel::Server, Qt::AscendingOrder);
        QCOMPARE(model.index(0, SessionTableModel::Server).data().toString(), QStringLiteral("EDGE01"));
        QCOMPARE(model.rowOfSession(4), 0);
    }

    void setSessionsWithTheSameCountKeepsRows()
    {
        SessionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendSessions(fixtures::sample());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSessions(fixtures::sample());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 5);
        model.setSessions(fixtures::sample().mid(0, 2));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
    }

    void timeDisplayTogglesHeaderAndCells()
    {
        SessionTableModel model;
        model.appendSessions(fixtures::sample());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTimeDisplay(TimeDisplay::Local);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.headerData(SessionTableModel::Time, Qt::Horizontal).toString(), QStringLiteral("Time (local)"));
    }

    void csvQuotesFieldsWithCommasAndQuotes()
    {
        SessionTableModel model;
        QList<Session> list = fixtures::sample();
        list[0].lastReply = QStringLiteral("550 5.7.1 \"quoted\", with comma");
        list[0].recipients = {QStringLiteral("a@contoso.com"), QStringLiteral("b@contoso.com")};
        model.appendSessions(list);
        const QString csv = model.toCsv();
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("Time (UTC),Server,")));
        QVERIFY(lines.at(1).contains(QStringLiteral("\"550 5.7.1 \"\"quoted\"\", with comma\"")));
        QVERIFY(lines.at(1).contains(QStringLiteral("a@contoso.com;b@contoso.com")));
    }

    void csvNeutralisesFormulaStartsFromLogs()
    {
        SessionTableModel model;
        QList<Session> list = fixtures::sample();
        list[0].mailFrom = QStringLiteral("=HYPERLINK(\"http://evil.example/\",\"click\")");
        list[0].ehlo = QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0");
        list[0].remote = QStringLiteral("-2+3+cmd|' /C calc'!A0");
        list[0].lastReply = QStringLiteral("+cmd|' /C calc'!A0 \x1b]0;title\x07");
        list[0].recipients = {QStringLiteral("=1+1@contoso.com"), QStringLiteral("b@contoso.com")};
        list[0].server = QStringLiteral("\t=1+1");
        model.appendSessions(list);
        bool ok = false;
        const QList<QStringList> rows = testcsv::parse(model.toCsv(), &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), 6);
        for (const QStringList &row : rows) {
            QCOMPARE(row.size(), int(SessionTableModel::ColumnCount));
            for (const QString &cell : row) {
                QVERIFY2(!testcsv::startsLikeFormula(cell), qPrintable(cell));
                QVERIFY2(!cell.contains(QChar(0x1b)) && !cell.contains(QChar(0x07)), qPrintable(cell));
            }
        }
        // The values are still there, shown as text.
        const QStringList first = rows.at(1);
        QVERIFY(first.contains(QStringLiteral("'=HYPERLINK(\"http://evil.example/\",\"click\")")));
        QVERIFY(first.contains(QStringLiteral("'@SUM(1+1)*cmd|' /C calc'!A0")));
        QVERIFY(first.contains(QStringLiteral("'-2+3+cmd|' /C calc'!A0")));
        QVERIFY(first.contains(QStringLiteral("'=1+1@contoso.com;b@contoso.com")));
        QVERIFY(first.contains(QStringLiteral("'+cmd|' /C calc'!A0 \\x1b]0;title\\x07")));
    }

    void redactedCsvHidesNamesAndAddressesButKeepsTimesAndCodes()
    {
        SessionTableModel model;
        QList<Session> list = fixtures::sample();
        list[0].mailFrom = QStringLiteral("jane.doe@contoso.com");
        list[0].ehlo = QStringLiteral("mail.contoso.com");
        model.appendSessions(list);
        const QString plain = model.toCsv();
        QVERIFY(plain.contains(QStringLiteral("jane.doe@contoso.com")) && plain.contains(QStringLiteral("203.0.113.9")));
        Redactor redactor;
        const QString csv = model.toCsv(&redactor);
        for (const char *leak : {"contoso", "jane", "fabrikam", "203.0.113.9", "10.1.2.3", "2001:db8::5", "198.51.100.7"})
            QVERIFY2(!csv.contains(QLatin1String(leak), Qt::CaseInsensitive), leak);
        QVERIFY(csv.contains(QStringLiteral("2026-11-20")));                        // times stay
        QVERIFY(csv.contains(QStringLiteral("451 4.4.317 Cannot connect to remote server")));  // codes and text stay
        QVERIFY(csv.contains(QStringLiteral("198.19.")));                            // a marked pseudonym
        bool ok = false;
        QCOMPARE(testcsv::parse(csv, &ok).size(), testcsv::parse(plain).size());
        QVERIFY(ok);
    }

    void invalidIndexesGiveNoData()
    {
        SessionTableModel model;
        QVERIFY(!model.data(model.index(0, 0)).isValid());
        QCOMPARE(model.sessionAt(7), nullptr);
        model.setRows({0, 99, -1});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestSessionTableModel)
#include "tst_sessiontablemodel.moc"
