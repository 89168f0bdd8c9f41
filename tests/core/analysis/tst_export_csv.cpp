// `mwb export --format csv` with sender-controlled values that start like spreadsheet formulas
// (#29.3/.4): no text cell taken from input may start with `=`, `+`, `-`, `@` (or TAB/CR), the
// hostile values are still there (neutralised with a leading `'`), numbers and times stay typed,
// and every row has the schema's cell count under an independent RFC 4180 reader.
#include "tests/core/common/csvread.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// An EXO message-trace summary and an SMTP receive log whose values an outside sender controls.
const char kExoSummary[] =
    "\"origin_timestamp_utc\",\"sender_address\",\"recipient_status\",\"message_subject\",\"total_bytes\",\"message_id\","
    "\"network_message_id\",\"original_client_ip\",\"directionality\",\"connector_id\",\"delivery_priority\"\r\n"
    "\"2024-03-13T09:20:09.3284899Z\",\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")@fabrikam.com\","
    "\"@SUM(1+1)*cmd|' /C calc'!A0@contoso.com##Receive, Deliver\",\"+cmd|' /C calc'!A0\",\"2048\","
    "\"<exo1@fabrikam.com>\",\"-2+3+cmd|' /C calc'!A0\",\"203.0.113.77\",\"Incoming\",\"\",\"Normal\"\r\n"
    "\"2024-03-13T09:21:00.0000000Z\",\"@evil@fabrikam.com\",\"c@contoso.com##Receive, Fail\",\"\t=1+1\",\"1024\","
    "\"<=exo2@fabrikam.com>\",\"dddddddd-1111-2222-3333-444444444444\",\"203.0.113.78\",\"Incoming\",\"\",\"Normal\"\r\n";

const char kReceiveLog[] =
    "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
    "#Date: 2026-11-20T08:00:26.050Z\r\n"
    "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n"
    "2026-11-20T08:00:26.050Z,=EX01\\Default EX01,08DF419FC0AC690B,0,10.0.0.5:25,203.0.113.9:50000,+,,\r\n"
    "2026-11-20T08:00:26.060Z,=EX01\\Default EX01,08DF419FC0AC690B,1,10.0.0.5:25,203.0.113.9:50000,<,EHLO =1+1,\r\n"
    "2026-11-20T08:00:26.070Z,=EX01\\Default EX01,08DF419FC0AC690B,2,10.0.0.5:25,203.0.113.9:50000,>,250 ok,\r\n"
    "2026-11-20T08:00:26.080Z,=EX01\\Default EX01,08DF419FC0AC690B,3,10.0.0.5:25,203.0.113.9:50000,<,MAIL FROM:<@evil.example>,\r\n"
    "2026-11-20T08:00:26.090Z,=EX01\\Default EX01,08DF419FC0AC690B,4,10.0.0.5:25,203.0.113.9:50000,>,250 2.1.0 Sender OK,\r\n"
    "2026-11-20T08:00:26.100Z,=EX01\\Default EX01,08DF419FC0AC690B,5,10.0.0.5:25,203.0.113.9:50000,<,RCPT TO:<-1+1@contoso.com>,\r\n"
    "2026-11-20T08:00:26.110Z,=EX01\\Default EX01,08DF419FC0AC690B,6,10.0.0.5:25,203.0.113.9:50000,>,"
    "\"550 5.7.1 Unable to relay =cmd|' /C calc'!A0\",\r\n"
    "2026-11-20T08:00:26.120Z,=EX01\\Default EX01,08DF419FC0AC690B,7,10.0.0.5:25,203.0.113.9:50000,-,,Local\r\n";

struct Export {
    int rc = -1;
    QString out;
};

Export runExport(const QString &what, const QString &path)
{
    QProcess p;
    p.start(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                                           QStringLiteral("--what"), what, path});
    Export e;
    if (!p.waitForFinished(120000))
        return e;
    e.rc = p.exitCode();
    e.out = QString::fromUtf8(p.readAllStandardOutput());
    return e;
}

bool isNumber(const QString &v)
{
    static const QRegularExpression re(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    return re.match(v).hasMatch();
}

} // namespace

class TestExportCsv : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    // Every cell of every data row: none starts like a formula unless it is a plain number in a
    // column the schema documents as numeric.
    void checkNoFormulaCells(const QString &what, const QStringList &numericColumns, const QStringList &mustContain)
    {
        const Export e = runExport(what, m_dir.path());
        QCOMPARE(e.rc, 0);
        bool ok = false;
        const QList<QStringList> rows = testcsv::parse(e.out, &ok);
        QVERIFY2(ok, qPrintable(e.out));
        QVERIFY2(rows.size() >= 2, qPrintable(e.out));
        const QStringList header = rows.first();
        for (qsizetype r = 1; r < rows.size(); ++r) {
            QCOMPARE(rows.at(r).size(), header.size());
            for (qsizetype c = 0; c < header.size(); ++c) {
                const QString &cell = rows.at(r).at(c);
                if (numericColumns.contains(header.at(c)) && isNumber(cell))
                    continue;
                QVERIFY2(!testcsv::startsLikeFormula(cell),
                         qPrintable(QStringLiteral("%1 row %2 column %3: %4").arg(what).arg(r).arg(header.at(c), cell)));
            }
        }
        for (const QString &needle : mustContain)
            QVERIFY2(e.out.contains(needle), qPrintable(QStringLiteral("missing %1 in\n%2").arg(needle, e.out)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile exo(m_dir.filePath(QStringLiteral("exo_summary.csv")));
        QVERIFY(exo.open(QIODevice::WriteOnly));
        exo.write(kExoSummary);
        exo.close();
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("EX01")));
        QFile recv(m_dir.filePath(QStringLiteral("EX01/RECV2026112008-1.LOG")));
        QVERIFY(recv.open(QIODevice::WriteOnly));
        recv.write(kReceiveLog);
    }

    void sessionsCsvHasNoFormulaCells()
    {
        checkNoFormulaCells(QStringLiteral("sessions"), {QStringLiteral("duration_ms"), QStringLiteral("max_gap_ms"), QStringLiteral("lines")},
                            {QStringLiteral("'=EX01"), QStringLiteral("'=1+1"), QStringLiteral("'@evil.example"),
                             QStringLiteral("'-1+1@contoso.com")});
    }

    void messagesCsvHasNoFormulaCells()
    {
        checkNoFormulaCells(QStringLiteral("messages"), {QStringLiteral("delay_ms")},
                            {QStringLiteral("'=HYPERLINK(\"\"http://evil.example/\"\""), QStringLiteral("'+cmd|"),
                             QStringLiteral("'-2+3+cmd|"), QStringLiteral("'@SUM(1+1)"), QStringLiteral("'\t=1+1")});
    }

    void findingsCsvHasNoFormulaCells()
    {
        checkNoFormulaCells(QStringLiteral("findings"),
                            {QStringLiteral("count"), QStringLiteral("index"), QStringLiteral("caused_by_index")}, {});
    }
};

QTEST_GUILESS_MAIN(TestExportCsv)
#include "tst_export_csv.moc"
