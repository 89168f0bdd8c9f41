#include "fixtures.h"
#include "model/itemmodels/journeymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace mwb;

namespace {

Message threeServerMessage()
{
    const qint64 t0 = fixtures::at("2026-11-20T08:00:00.000Z");
    Message m;
    m.index = 0;
    m.messageId = QStringLiteral("<abc@fabrikam.com>");
    m.sender = QStringLiteral("bob@fabrikam.com");
    m.recipients = {QStringLiteral("alice@contoso.com")};
    m.subject = QStringLiteral("Quarterly <report> & figures");
    auto hop = [&](const char *server, const char *event, qint64 dt, int session) {
        MessageHop h;
        h.server = QString::fromLatin1(server);
        h.event = QString::fromLatin1(event);
        h.source = QStringLiteral("SMTP");
        h.timeMs = t0 + dt;
        h.sessionIndex = session;
        h.sessionId = session >= 0 ? QStringLiteral("08DC00000000000%1").arg(session) : QString();
        return h;
    };
    m.hops = {hop("EDGE01", "RECEIVE", 0, 0), hop("EDGE01", "SEND", 800, 1), hop("EX01", "RECEIVE", 900, 2),
              hop("EX01", "SEND", 2'000, -1), hop("EX02", "DELIVER", 125'000, -1)};
    m.status = MessageStatus::Delivered;
    m.delayMs = 125'000;
    return m;
}

} // namespace

class TestJourneyModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hopsShowServerEventAndDelayFromThePreviousHop()
    {
        JourneyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMessage(threeServerMessage());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, JourneyModel::Delay).data().toString(), QString());
        QCOMPARE(model.index(1, JourneyModel::Delay).data().toString(), QStringLiteral("+800 ms"));
        QCOMPARE(model.index(4, JourneyModel::Delay).data().toString(), QStringLiteral("+2 min 03 s"));
        QCOMPARE(model.delayBefore(4), qint64(123'000));
        QCOMPARE(model.index(2, JourneyModel::Server).data().toString(), QStringLiteral("EX01"));
        QCOMPARE(model.index(2, 0).data(JourneyModel::SessionIndexRole).toInt(), 2);
        QCOMPARE(model.index(3, 0).data(JourneyModel::SessionIndexRole).toInt(), -1);
        QCOMPARE(model.index(4, JourneyModel::Event).data(Qt::ForegroundRole).value<QColor>(), hopEventColor(QStringLiteral("DELIVER")));
        QVERIFY(hopEventColor(QStringLiteral("FAIL")) != hopEventColor(QStringLiteral("DELIVER")));
    }

    void exportsEscapeHtmlAndListEveryHop()
    {
        JourneyModel model;
        model.setMessage(threeServerMessage());
        const QString html = model.toHtml();
        QVERIFY(html.contains(QStringLiteral("Quarterly &lt;report&gt; &amp; figures")));
        QVERIFY(!html.contains(QStringLiteral("<report>")));
        QCOMPARE(html.count(QStringLiteral("<tr>")), 6);
        const QString text = model.toText();
        QVERIFY(text.contains(QStringLiteral("EX02")));
        QVERIFY(text.contains(QStringLiteral("delivered")));
    }

    void findMessagesSearchesIdSenderRecipientAndSubject()
    {
        Message a = threeServerMessage();
        Message b;
        b.messageId = QStringLiteral("<other@contoso.com>");
        b.sender = QStringLiteral("carol@contoso.com");
        b.recipients = {QStringLiteral("dave@fabrikam.com")};
        const QList<Message> all{a, b};
        QCOMPARE(findMessages(all, QStringLiteral("abc@")), QList<int>({0}));
        QCOMPARE(findMessages(all, QStringLiteral("CAROL")), QList<int>({1}));
        QCOMPARE(findMessages(all, QStringLiteral("dave@")), QList<int>({1}));
        QCOMPARE(findMessages(all, QStringLiteral("quarterly")), QList<int>({0}));
        QCOMPARE(findMessages(all, QStringLiteral("fabrikam"), 1).size(), 1);
        QVERIFY(findMessages(all, QStringLiteral("   ")).isEmpty());
    }

    void clearingLeavesAnEmptyModel()
    {
        JourneyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMessage(threeServerMessage());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.delayBefore(3), qint64(0));
    }
};

QTEST_MAIN(TestJourneyModel)
#include "tst_journeymodel.moc"
