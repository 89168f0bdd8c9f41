#include "fixtures.h"
#include "model/itemmodels/transcriptmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace mwb;

namespace {

SessionLine line(qint64 t, int seq, char ev, const QString &data, const QString &context = {}, qint64 fileLine = 0)
{
    SessionLine l;
    l.timeMs = t;
    l.sequence = seq;
    l.event = ev;
    l.data = data;
    l.context = context;
    l.ref.fileIndex = 0;
    l.ref.line = fileLine;
    return l;
}

QList<SessionLine> exchange2010Session(qint64 t0)
{
    return {
        line(t0, 0, '+', {}, {}, 10),
        line(t0 + 1, 1, '>', QStringLiteral("220 ex01.contoso.com Microsoft ESMTP MAIL Service ready"), {}, 11),
        line(t0 + 5, 2, '<', QStringLiteral("EHLO mail.fabrikam.com"), {}, 12),
        line(t0 + 6, 3, '>', QStringLiteral("250-ex01.contoso.com Hello [203.0.113.9]"), {}, 13),
        line(t0 + 6, 4, '>', QStringLiteral("250-SIZE 37748736"), {}, 14),
        line(t0 + 6, 5, '>', QStringLiteral("250-STARTTLS"), {}, 15),
        line(t0 + 6, 6, '>', QStringLiteral("250 CHUNKING"), {}, 16),
        line(t0 + 10, 7, '*', {}, QStringLiteral("Sending certificate"), 17),
        line(t0 + 20, 8, '<', QStringLiteral("DATA"), {}, 18),
        line(t0 + 21, 9, '>', QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"), {}, 19),
        line(t0 + 61'021, 10, '>', QStringLiteral("451 4.7.0 Timeout waiting for client input"), {}, 20),
        line(t0 + 61'022, 11, '-', {}, QStringLiteral("Local"), 21),
    };
}

} // namespace

class TestTranscriptModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void multiLineRepliesFoldIntoOneEntry()
    {
        const qint64 t0 = fixtures::at("2026-11-20T08:00:00.000Z");
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Session s = fixtures::sample().first();
        s.startMs = t0;
        model.setLines(s, exchange2010Session(t0), {QStringLiteral("/logs/RECV2026112008-1.LOG")});
        QCOMPARE(model.rowCount(), 9);
        const QModelIndex ehloReply = model.index(3, TranscriptModel::Text);
        QCOMPARE(ehloReply.data(TranscriptModel::FoldedCountRole).toInt(), 4);
        QVERIFY(ehloReply.data().toString().startsWith(QStringLiteral("250 CHUNKING")));
        QVERIFY(ehloReply.data(TranscriptModel::FullTextRole).toString().contains(QStringLiteral("250-STARTTLS")));
    }

    void speakersFollowTheLogTypeAndSendFlipsRoles()
    {
        QCOMPARE(speakerOf(Direction::Receive, '<'), Speaker::Client);
        QCOMPARE(speakerOf(Direction::Receive, '>'), Speaker::Server);
        QCOMPARE(speakerOf(Direction::Send, '>'), Speaker::Client);
        QCOMPARE(speakerOf(Direction::Send, '<'), Speaker::Server);
        QCOMPARE(speakerOf(Direction::Send, '*'), Speaker::Info);
        QCOMPARE(speakerArrow(Speaker::Client), QStringLiteral("C \u2192"));
        QCOMPARE(speakerArrow(Speaker::Server), QStringLiteral("S \u2190"));
    }

    void gapsOverOneSecondAreMarkedWithTheirLength()
    {
        const qint64 t0 = fixtures::at("2026-11-20T08:00:00.000Z");
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Session s = fixtures::sample().first();
        s.startMs = t0;
        model.setLines(s, exchange2010Session(t0));
        int gapRow = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, 0).data(TranscriptModel::GapRole).toLongLong() > 0) {
                QCOMPARE(gapRow, -1);  // exactly one gap
                gapRow = r;
            }
        }
        QCOMPARE(gapRow, 7);
        QCOMPARE(model.index(gapRow, 0).data(TranscriptModel::GapRole).toLongLong(), qint64(61'000));
        QVERIFY(model.index(gapRow, TranscriptModel::Text).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 min 01 s")));
        QCOMPARE(model.index(gapRow, TranscriptModel::RelativeTime).data().toString(), QStringLiteral("+61.021"));
    }

    void fileAndLineAndRawTextAreKnown()
    {
        const qint64 t0 = fixtures::at("2026-11-20T08:00:00.000Z");
        TranscriptModel model;
        Session s = fixtures::sample().first();
        model.setLines(s, exchange2010Session(t0), {QStringLiteral("/logs/RECV2026112008-1.LOG")});
        QCOMPARE(model.index(2, 0).data(TranscriptModel::FileLineRole).toString(), QStringLiteral("RECV2026112008-1.LOG:12"));
        QCOMPARE(model.rowOfLine(15), 3);
        QVERIFY(model.rawText(model.entries().at(2).lines.first()).contains(QStringLiteral("EHLO mail.fabrikam.com")));
    }

    void htmlExportEscapesLogText()
    {
        TranscriptModel model;
        Session s = fixtures::sample().first();
        s.id = QStringLiteral("<script>alert(1)</script>");
        model.setLines(s, {line(1000, 0, '<', QStringLiteral("MAIL FROM:<evil@x.com> <b>bold</b>"))});
        const QString html = model.toHtml();
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(!html.contains(QStringLiteral("<b>bold</b>")));
        QVERIFY(html.contains(QStringLiteral("&lt;evil@x.com&gt;")));
        QVERIFY(model.toText().contains(QStringLiteral("MAIL FROM:<evil@x.com>")));
    }

    void emptyAndClearedTranscriptsAreSafe()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLines(Session{}, {});
        QCOMPARE(model.rowCount(), 0);
        model.setSession(nullptr, fixtures::sample().first());
        QCOMPARE(model.rowCount(), 0);
        model.clear();
        QCOMPARE(model.toText().isEmpty(), false);  // still names the (empty) session
    }
};

QTEST_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
