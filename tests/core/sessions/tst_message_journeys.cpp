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

// Writes a fixture; false when the file could not be written.
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

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

    void exportsGiveJourneysAndRepeatNoHop()
    {
        // Issue #25.4: Get-MessageTrackingLog exports give messages with their hops; the same events
        // read from two files (the en-US export and the German one) are one hop each.
        const QString exports = kData + QStringLiteral("/../exports/");
        const auto one = Loader::loadSync({exports + QStringLiteral("ems_tracking_export.csv")});
        const auto both = Loader::loadSync({exports + QStringLiteral("ems_tracking_export.csv"), exports + QStringLiteral("ems_tracking_de.csv")});
        for (const auto &store : {one, both}) {
            QCOMPARE(store->messages.size(), 2);
            const Message *m = byId(*store, QStringLiteral("<a1b2c3@fabrikam.com>"));
            QVERIFY(m);
            QCOMPARE(m->hops.size(), 3);
            QCOMPARE(m->hops[0].server, QStringLiteral("EX01"));
            QCOMPARE(m->hops[2].server, QStringLiteral("EX02"));
            QCOMPARE(m->hops[2].event, QStringLiteral("DELIVER"));
            QCOMPARE(m->status, MessageStatus::Delivered);
        }
        // A V2 summary and DetailV2 of the same message: DEFER from the detail, one journey.
        const auto exo = Loader::loadSync({exports + QStringLiteral("exo_trace_v2.csv"), exports + QStringLiteral("exo_trace_detail_v2.csv")});
        const Message *inv = byId(*exo, QStringLiteral("<inv77@fabrikam.com>"));
        QVERIFY(inv);
        QVERIFY(std::any_of(inv->hops.cbegin(), inv->hops.cend(), [](const MessageHop &h) { return h.event == QLatin1String("DEFER"); }));
    }

    void countsMessagesAcrossFormats()
    {
        // 6 from tracking and EXO rows, 2 that only protocol logs name (issue #25.8).
        QCOMPARE(m_all->messages.size(), 8);
        for (int i = 0; i < m_all->messages.size(); ++i)
            QCOMPARE(m_all->messages[i].index, i);
    }
    void protocolLogsAloneMakeMessages()
    {
        // "250 2.6.0 <id> … Queued mail for delivery" on a Receive session: a RECEIVE hop linked to
        // it, pending (nothing says it left); "InternetMessageId <id>" on a delivered Send session:
        // a SEND hop, delivered.
        const Message *in = byId(*m_all, QStringLiteral("<news-42@partner.example>"));
        QVERIFY(in);
        QCOMPARE(in->hops.size(), 1);
        QCOMPARE(in->hops[0].event, QStringLiteral("RECEIVE"));
        QCOMPARE(in->hops[0].server, QStringLiteral("EX01"));
        QVERIFY(in->hops[0].sessionIndex >= 0);
        QCOMPARE(m_all->sessions[in->hops[0].sessionIndex].id, in->hops[0].sessionId);
        QCOMPARE(in->status, MessageStatus::Pending);
        const Message *out = byId(*m_all, QStringLiteral("<msg2@contoso.com>"));
        QVERIFY(out);
        QCOMPARE(out->hops.size(), 1);
        QCOMPARE(out->hops[0].event, QStringLiteral("SEND"));
        QCOMPARE(out->status, MessageStatus::Delivered);
        // `mwb stats` counts them too.
        QCOMPARE(Loader::countSync({kData}).messages, qint64(8));
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
        QVERIFY(writeFile(dir.filePath(QStringLiteral("MSGTRK.LOG")),
                          "#Log-type: Message Tracking Log\r\n#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,"
                          "source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,"
                          "recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address\r\n"
                          "2024-03-13T09:03:00.960Z,10.0.0.5,EX01.contoso.com,198.51.100.25,mail.fabrikam.com,,Outbound to Fabrikam,SMTP,SEND,"
                          "99,<msg2@contoso.com>,nnnn,carol@fabrikam.com,250 2.0.0 Ok,2048,1,,,Hi,bob@contoso.com\r\n"));
        const auto store =
            Loader::loadSync({kData + QStringLiteral("/EX01/SEND2024031309-1.LOG"), dir.filePath(QStringLiteral("MSGTRK.LOG"))});
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

    void internalIdReusedByAnotherMessageStartsANewOne()
    {
        // Internal message ids are small numbers per server that come round again: two messages of
        // different message-ids under HUB01's id 42, three weeks apart, are two messages; an event
        // without a message-id under that id goes with the latest of them. The counting path of
        // `mwb stats` groups the same way.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray header =
            "#Software: Microsoft Exchange Server\r\n#Version: 14.03.0123.004\r\n#Log-type: Message Tracking Log\r\n"
            "#Date: 2012-05-01T00:00:00.000Z\r\n"
            "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,"
            "event-id,internal-message-id,message-id,recipient-address,recipient-status,total-bytes,recipient-count,"
            "related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,"
            "tenant-id,original-client-ip,original-server-ip,custom-data\r\n";
        auto row = [](const char *time, const char *event, const char *mid, const char *rcpt, const char *status) {
            return QByteArray(time) + ",203.0.113.9,mx.fabrikam.com,10.1.1.1,HUB01,,,SMTP," + event + ",42," + mid + ","
                + rcpt + "," + status + ",100,1,,,Subject,a@fabrikam.com,a@fabrikam.com,,Incoming,,,,\r\n";
        };
        QVERIFY(writeFile(dir.filePath(QStringLiteral("MSGTRK2012050109-1.LOG")),
                          header + row("2012-05-01T09:00:00.000Z", "RECEIVE", "<first@fabrikam.com>", "b@contoso.com", "")
                              + row("2012-05-01T09:00:01.000Z", "DELIVER", "<first@fabrikam.com>", "b@contoso.com",
                                    "250 2.1.5 OK")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("MSGTRK2012052009-1.LOG")),
                          header + row("2012-05-20T09:00:00.000Z", "RECEIVE", "<second@fabrikam.com>", "x@contoso.com", "")
                              + row("2012-05-20T09:00:02.000Z", "FAIL", "<second@fabrikam.com>", "x@contoso.com",
                                    "550 5.1.1 unknown")
                              + row("2012-05-20T09:00:03.000Z", "DSN", "", "a@fabrikam.com", "")));
        const auto store = Loader::loadSync({dir.path()});
        QCOMPARE(store->messages.size(), 2);
        const Message *first = byId(*store, QStringLiteral("<first@fabrikam.com>"));
        const Message *second = byId(*store, QStringLiteral("<second@fabrikam.com>"));
        QVERIFY(first && second && first != second);
        QCOMPARE(first->hops.size(), 2);
        QCOMPARE(first->status, MessageStatus::Delivered);
        QCOMPARE(second->hops.size(), 3);   // RECEIVE, FAIL and the DSN without a message-id
        QCOMPARE(second->status, MessageStatus::Failed);
        QCOMPARE(Loader::countSync({dir.path()}).messages, qint64(2));
    }

    void exoExtendedReportLinksTheHopToItsSession()
    {
        // The extended report's source_context carries the protocol-log session, as on-premises
        // tracking's source-context does.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("ExtendedReport.csv")),
                          "date_time_utc,client_ip,client_hostname,server_ip,server_hostname,source_context,connector_id,source,"
                          "event_id,internal_message_id,message_id,network_message_id,recipient_address,recipient_status,total_bytes,"
                          "recipient_count,related_recipient_address,reference,message_subject,sender_address,return_path,"
                          "message_info,directionality,tenant_id,original_client_ip,original_server_ip,custom_data\r\n"
                          "2021-03-23T10:00:09.3284899Z,203.0.113.9,mx.fabrikam.com,,AM0PR01MB1234.eurprd01.prod.exchangelabs.com,"
                          "08D8EDD2E1A2B3C4;2021-03-23T10:00:09.100Z;0,,SMTP,RECEIVE,1234,<ext1@fabrikam.com>,"
                          "dddddddd-0000-0000-0000-000000000001,bob@contoso.com,,5000,1,,,Ext test,alice@fabrikam.com,"
                          "alice@fabrikam.com,,Incoming,tenant,203.0.113.9,,\r\n"));
        const auto store = Loader::loadSync({dir.path()});
        const Message *m = byId(*store, QStringLiteral("<ext1@fabrikam.com>"));
        QVERIFY(m);
        QCOMPARE(m->hops.size(), 1);
        QCOMPARE(m->hops[0].sessionId, QStringLiteral("08D8EDD2E1A2B3C4"));
    }
};

QTEST_GUILESS_MAIN(TstMessageJourneys)
#include "tst_message_journeys.moc"
