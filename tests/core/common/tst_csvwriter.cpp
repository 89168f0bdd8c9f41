// The one CSV writer (model/core/common/csvwriter): RFC 4180 quoting, OWASP formula neutralising
// for text cells from input, typed columns untouched, control characters visible.
#include "model/core/common/csvwriter.h"
#include "csvread.h"

#include <QTest>

using namespace mwb;

class TestCsvWriter : public QObject {
    Q_OBJECT
private slots:
    void formulaStartsInTextCellsAreNeutralised_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("cell");   // the cell as a spreadsheet reads it back
        QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"http://evil.example/\",\"click\")")
                           << QStringLiteral("'=HYPERLINK(\"http://evil.example/\",\"click\")");
        QTest::newRow("+") << QStringLiteral("+cmd|' /C calc'!A0") << QStringLiteral("'+cmd|' /C calc'!A0");
        QTest::newRow("-") << QStringLiteral("-2+3+cmd|' /C calc'!A0") << QStringLiteral("'-2+3+cmd|' /C calc'!A0");
        QTest::newRow("@") << QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0") << QStringLiteral("'@SUM(1+1)*cmd|' /C calc'!A0");
        QTest::newRow("TAB") << QStringLiteral("\t=1+1") << QStringLiteral("'\t=1+1");
        QTest::newRow("CR") << QStringLiteral("\r=1+1") << QStringLiteral("'\\x0d=1+1");
        QTest::newRow("full-width =") << QStringLiteral("\uff1d1+1") << QStringLiteral("'\uff1d1+1");
        QTest::newRow("negative number as text") << QStringLiteral("-5") << QStringLiteral("'-5");
        QTest::newRow("plain") << QStringLiteral("alice@contoso.com") << QStringLiteral("alice@contoso.com");
        QTest::newRow("inner = stays") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("ESC") << QStringLiteral("x\x1b]0;t\x07") << QStringLiteral("x\\x1b]0;t\\x07");
    }
    void formulaStartsInTextCellsAreNeutralised()
    {
        QFETCH(QString, input);
        QFETCH(QString, cell);
        const QString out = CsvWriter({{QStringLiteral("v"), CsvKind::Text}}).row({input});
        bool ok = false;
        const QList<QStringList> rows = testcsv::parse(out, &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().size(), 1);
        QCOMPARE(rows.first().first(), cell);
        QVERIFY(!testcsv::startsLikeFormula(rows.first().first()));
    }

    void typedNumbersAndTimesAreWrittenAsTheyAre()
    {
        const CsvWriter w({{QStringLiteral("ms"), CsvKind::Typed}, {QStringLiteral("t"), CsvKind::Typed},
                           {QStringLiteral("b"), CsvKind::Typed}, {QStringLiteral("f"), CsvKind::Typed}});
        QCOMPARE(w.row({QStringLiteral("-1"), QStringLiteral("2026-11-20T08:00:26.050Z"), QStringLiteral("true"), QStringLiteral("1.5e3")}),
                 QStringLiteral("-1,2026-11-20T08:00:26.050Z,true,1.5e3\r\n"));
        // A typed column that receives something that is not a number cannot smuggle a formula.
        QCOMPARE(w.row({QStringLiteral("-1+cmd|' /C calc'!A0"), QStringLiteral("=1"), QStringLiteral("@x"), QStringLiteral("+")}),
                 QStringLiteral("'-1+cmd|' /C calc'!A0,'=1,'@x,'+\r\n"));
    }

    void quotingFollowsRfc4180()
    {
        const CsvWriter w({{QStringLiteral("a,b"), CsvKind::Text}, {QStringLiteral("c"), CsvKind::Text}, {QStringLiteral("d"), CsvKind::Text}});
        QCOMPARE(w.header(), QStringLiteral("\"a,b\",c,d\r\n"));
        const QString out = w.row({QStringLiteral("550 \"quoted\", with comma"), QStringLiteral("two\nlines"), QStringLiteral("=a,\"b\"")});
        QCOMPARE(out, QStringLiteral("\"550 \"\"quoted\"\", with comma\",\"two\nlines\",\"'=a,\"\"b\"\"\"\r\n"));
        bool ok = false;
        const QList<QStringList> rows = testcsv::parse(w.header() + out, &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1), (QStringList{QStringLiteral("550 \"quoted\", with comma"), QStringLiteral("two\nlines"),
                                          QStringLiteral("'=a,\"b\"")}));
    }

    void shortAndLongRowsKeepTheirCells()
    {
        const CsvWriter w({{QStringLiteral("a"), CsvKind::Typed}, {QStringLiteral("b"), CsvKind::Text}});
        QCOMPARE(w.row({QStringLiteral("1")}), QStringLiteral("1,\r\n"));
        QCOMPARE(w.row({QStringLiteral("1"), QStringLiteral("x"), QStringLiteral("=extra")}), QStringLiteral("1,x,'=extra\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
