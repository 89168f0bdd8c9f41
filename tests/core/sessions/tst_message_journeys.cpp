// Message correlation: tracking events of several servers and EXO exports into journeys, linked to
// the protocol-log sessions that carried them.
#include "model/core/sessions/loader.h"
#include "model/core/sessions/messages.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {
const QString kData = QStringLiteral(INGEST_DATA);

const Message *byId(const Store &s, const QString &id)
{
    const int i = s.messageIndexById(id);
    return i >= 0 ? &s.messages[i] : nullptr;
}
} // namespace

class TstMessageJourneys : public QObject {
    Q_OBJECT
    std::shared_ptr<Store> m_all;

private Q_SLOTS:
    void initTestCase() { m_all = Loader::loadSync({kData}); }

    void countsMessagesAcrossFormats()
    {
        QCOMPARE(m_all->messages.size(), 6);
        for (int i = 0; i < m_all->messages.size(); ++i)
            QCOMPARE(m_all->messages[i].index, i);
    }
    void journeyAcrossServersIsOneMessage()
    {
        const Message *m = byId(*m_all, QStringLiteral("<journey@contoso.com>"));
        QVERIFY(m);
        QCOMPARE(m->hops.size(), 4);
        QCOMPARE(m->hops[0].server, QStringLiteral("EX01"));
        QCOMPARE(m->hops[0].event, QStringLiteral("RECEIVE"));
        QCOMPARE(m->hops[1].event, QStringLiteral("SEND"));
        QCOMPARE(m->hops[1].server, QStringLiteral("EX01"));
        QCOMPARE(m->hops[1].nextHop, QStringLiteral("EX02.contoso.com"));
        QCOMPARE(m->hops[2].server, QStringLiteral("EX02"));
        QCOMPARE(m->hops[3].server, QStringLiteral("EX02"));
        QCOMPARE(m->hops[3].event, QStringLiteral("SEND"));
        QCOMPARE(m->status, MessageStatus::Delivered);
        QCOMPARE(m->delayMs, qint64(4000));
        QCOMPARE(m->sender, QStringLiteral("bob@contoso.com"));
        QCOMPARE(m->subject, QStringLiteral("Hello, world"));
        QCOMPARE(m->networkMessageId, QStringLiteral("bbbbbbbb-1111-2222-3333-444444444444"));
    }
    void hopLinkedToSessionBySourceContext()
    {
        const Message *m = byId(*m_all, QStringLiteral("CAF1234@mail.fabrikam.com"));   // brackets optional
        QVERIFY(m);
        QCOMPARE(m->hops.size(), 2);
        QCOMPARE(m->hops[0].sessionId, QStringLiteral("08DC42C8FF236A1F"));
        QVERIFY(m->hops[0].sessionIndex >= 0);
        QCOMPARE(m_all->sessions[m->hops[0].sessionIndex].id, QStringLiteral("08DC42C8FF236A1F"));
        QCOMPARE(m->hops[1].event, QStringLiteral("DELIVER"));
        QCOMPARE(m->status, MessageStatus::Delivered);
        QCOMPARE(m->delayMs, qint64(1200));
        // And from the queued reply of the protocol log.
        const QList<int> sessions = m_all->sessionsForMessageId(QStringLiteral("<CAF1234@mail.fabrikam.com>"));
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions[0], m->hops[0].sessionIndex);
    }
    void sendHopLinkedByQueuedMessageId()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("MSGTRK.LOG")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#Log-type: Message Tracking Log\r\n#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,"
                "source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,"
                "recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address\r\n"
                "2024-03-13T09:03:00.960Z,10.0.0.5,EX01.contoso.com,198.51.100.25,mail.fabrikam.com,,Outbound to Fabrikam,SMTP,SEND,"
                "99,<msg2@contoso.com>,nnnn,carol@fabrikam.com,250 2.0.0 Ok,2048,1,,,Hi,bob@contoso.com\r\n");
        f.close();
        const auto store = Loader::loadSync({kData + QStringLiteral("/EX01/SEND2024031309-1.LOG"), f.fileName()});
        QCOMPARE(store->messages.size(), 1);
        const Message &m = store->messages[0];
        QCOMPARE(m.hops.size(), 1);
        QCOMPARE(m.hops[0].server, QStringLiteral("EX01"));
        QVERIFY(m.hops[0].sessionIndex >= 0);
        QCOMPARE(store->sessions[m.hops[0].sessionIndex].direction, Direction::Send);
        QCOMPARE(m.hops[0].sessionId, QStringLiteral("08DC42C8FF236C01"));
    }
    void exoSummaryStatusFromRecipientEvents()
    {
        const Message *m = byId(*m_all, QStringLiteral("<exo1@fabrikam.com>"));
        QVERIFY(m);
        QCOMPARE(m->recipients, (QStringList{QStringLiteral("a@contoso.com"), QStringLiteral("b@contoso.com")}));
        QCOMPARE(m->status, MessageStatus::Failed);
        QCOMPARE(m->hops.first().server, QStringLiteral("EXO"));
        const Message *ok = byId(*m_all, QStringLiteral("<exo2@fabrikam.com>"));
        QVERIFY(ok);
        QCOMPARE(ok->status, MessageStatus::Delivered);
    }
    void getMessageTraceStatus()
    {
        const Message *d = byId(*m_all, QStringLiteral("<gmt1@fabrikam.com>"));
        const Message *f = byId(*m_all, QStringLiteral("<gmt2@fabrikam.com>"));
        QVERIFY(d && f);
        QCOMPARE(d->status, MessageStatus::Delivered);
        QCOMPARE(f->status, MessageStatus::Failed);
        QCOMPARE(d->sender, QStringLiteral("gina@fabrikam.com"));
    }
    void unknownMessageIdIsMinusOne()
    {
        QCOMPARE(m_all->messageIndexById(QStringLiteral("<nope@x>")), -1);
        QVERIFY(m_all->sessionsForMessageId(QStringLiteral("<nope@x>")).isEmpty());
    }

    void cancelledCorrelationLeavesNoHalfBuiltMessages()
    {
        // Correlation takes seconds for millions of sessions: a load's cancel must reach it.
        QList<ingest::TrackEvent> events;
        for (int i = 0; i < 10'000; ++i) {
            ingest::TrackEvent e;
            e.timeMs = 1'000'000 + i;
            e.server = QStringLiteral("EX01");
            e.event = i % 2 ? QStringLiteral("SEND") : QStringLiteral("RECEIVE");
            e.messageId = QStringLiteral("<m%1@contoso.com>").arg(i / 2);
            events << e;
        }
        Store done;
        correlateMessages(events, done);
        QCOMPARE(done.messages.size(), 5000);

        const std::atomic_bool cancel{true};
        Store cancelled;
        correlateMessages(events, cancelled, &cancel);
        QVERIFY(cancelled.messages.isEmpty());
        QVERIFY(cancelled.messageById.isEmpty());
        QVERIFY(cancelled.sessionsByMessageId.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstMessageJourneys)
#include "tst_message_journeys.moc"
