// The bookmarks list model: toggling adds and removes by place, ids and times are assigned,
// labels are editable, session bookmarks feed the table marker; checked by QAbstractItemModelTester.
#include "model/itemmodels/bookmarksmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mwb;

namespace {
Bookmark sessionMark(const QString &id)
{
    Bookmark b;
    b.sessionId = id;
    return b;
}
Bookmark lineMark(const QString &id, const QString &file, qint64 line)
{
    Bookmark b;
    b.sessionId = id;
    b.file = file;
    b.line = line;
    return b;
}
} // namespace

class TestBookmarksModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void toggleAddsThenRemovesTheSamePlace()
    {
        BookmarksModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.toggle(sessionMark(QStringLiteral("A1")), 1000));
        QVERIFY(model.toggle(lineMark(QStringLiteral("A1"), QStringLiteral("/logs/RECV1.LOG"), 12), 2000));
        QVERIFY(model.toggle(lineMark(QStringLiteral("A1"), QStringLiteral("/logs/RECV1.LOG"), 13), 3000));
        QCOMPARE(model.rowCount(), 3);
        // Ids are unique and times assigned when unset.
        QCOMPARE(model.bookmarks().at(0).id, qint64(1));
        QCOMPARE(model.bookmarks().at(2).id, qint64(3));
        QCOMPARE(model.bookmarks().at(1).createdMs, qint64(2000));
        QCOMPARE(model.find(QStringLiteral("A1")), 0);
        QCOMPARE(model.find(QStringLiteral("A1"), QStringLiteral("/logs/RECV1.LOG"), 13), 2);
        QCOMPARE(model.find(QStringLiteral("A1"), QStringLiteral("/logs/RECV1.LOG"), 14), -1);
        // Toggling the line again removes only that line.
        QVERIFY(!model.toggle(lineMark(QStringLiteral("A1"), QStringLiteral("/logs/RECV1.LOG"), 12), 4000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.find(QStringLiteral("A1")), 0);
        QCOMPARE(model.bookmarkedSessions(), QSet<QString>{QStringLiteral("A1")});
        QVERIFY(!model.toggle(sessionMark(QStringLiteral("A1")), 5000));
        QVERIFY(model.bookmarkedSessions().isEmpty());
        QCOMPARE(model.rowCount(), 1);
    }

    void displayShowsWhereAndLabelsAreEditable()
    {
        BookmarksModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBookmarks({lineMark(QStringLiteral("B2"), QStringLiteral("/logs/SEND9.LOG"), 42), sessionMark(QStringLiteral("C3"))});
        QCOMPARE(model.index(0, BookmarksModel::Location).data().toString(), QStringLiteral("SEND9.LOG:42"));
        // An unnamed bookmark shows where it points rather than a blank.
        QCOMPARE(model.index(0, BookmarksModel::Label).data().toString(), QStringLiteral("SEND9.LOG:42"));
        QVERIFY(model.index(1, BookmarksModel::Location).data().toString().contains(QStringLiteral("C3")));
        QVERIFY(!model.index(0, BookmarksModel::Label).data(Qt::DecorationRole).isNull());
        QVERIFY(model.flags(model.index(0, BookmarksModel::Label)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, BookmarksModel::Location)) & Qt::ItemIsEditable));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(0, BookmarksModel::Label), QStringLiteral("  the 4.4.317  ")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.bookmarks().at(0).label, QStringLiteral("the 4.4.317"));
        QVERIFY(!model.setData(model.index(0, BookmarksModel::Location), QStringLiteral("x")));
        QCOMPARE(model.index(0, 0).data(BookmarksModel::LineRole).toLongLong(), qint64(42));
        QCOMPARE(model.index(1, 0).data(BookmarksModel::FileRole).toString(), QString());
        QVERIFY(model.removeRows(0, 2));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.removeRows(0, 1));
    }
};

QTEST_MAIN(TestBookmarksModel)
#include "tst_bookmarksmodel.moc"
