// Exchange Online names the on-premises host it tried (issue #24, point 3): the extended report's
// deferral text and {FQDN=…};{IP=…}, Get-MessageTraceDetailV2's Data (LastAttemptedServerName,
// LastAttemptedIP). Read by the trace readers into the hop's next hop and address, they decide which
// organisation server a certificate fault Exchange Online reports belongs to: the Edge it tried,
// not another Edge that failed handshakes at the same time, and never EXO.
#include "model/core/diagnosis/engine.h"
#include "model/core/ingest/parser.h"
#include "model/core/sessions/loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {

const char *const kEdge01Thumbprint = "8E3C5D1A2B4F6E7D8C9B0A1F2E3D4C5B6A798081";
const char *const kEdge02Thumbprint = "1F2E3D4C5B6A79808E3C5D1A2B4F6E7D8C9B0A11";

struct Handshake {
    const char *id;
    const char *minute;     // 08:<minute>
    const char *remote;     // ip:port of the client
    const char *ehlo;       // what the client announced
    bool fails;
};

// An Edge's receive log: Exchange Online (or a partner) connects, STARTTLS, the Edge presents its
// own CN=<server> certificate, and the handshake fails (or completes).
QByteArray edgeReceiveLog(const char *server, const char *localEndpoint, const char *thumbprint, const QList<Handshake> &sessions)
{
    QByteArray log = "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
                     "#Date: 2026-11-20T08:00:00.000Z\r\n"
                     "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n";
    const QByteArray connector = QByteArray(server) + "\\Default internal receive connector " + server;
    for (const Handshake &h : sessions) {
        int seq = 0;
        auto line = [&](const char *second, const char *event, const QByteArray &data, const QByteArray &context = {}) {
            log += QByteArray("2026-11-20T08:") + h.minute + ":" + second + "Z," + connector + "," + h.id + "," + QByteArray::number(seq++)
                + "," + localEndpoint + "," + h.remote + "," + event + "," + data + "," + context + "\r\n";
        };
        line("00.000", "+", "");
        line("00.001", ">", QByteArray("\"220 ") + server + ".contoso.com Microsoft ESMTP MAIL Service ready at Fri, 20 Nov 2026 08:00:00 +0000\"");
        line("00.050", "<", QByteArray("EHLO ") + h.ehlo);
        line("00.051", ">", QByteArray("250  ") + server + ".contoso.com Hello [40.107.22.51] SIZE 37748736 PIPELINING DSN "
                            "ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH X-EXPS GSSAPI NTLM 8BITMIME BINARYMIME CHUNKING XRDST");
        line("00.100", "<", "STARTTLS");
        line("00.101", ">", "220 2.0.0 SMTP server ready");
        line("00.102", "*", "", "Sending certificate");
        line("00.102", "*", QByteArray("CN=") + server, "Certificate subject");
        line("00.102", "*", QByteArray("CN=") + server, "Certificate issuer name");
        line("00.102", "*", "6D2A1F43C1D7B5A3", "Certificate serial number");
        line("00.102", "*", thumbprint, "Certificate thumbprint");
        line("00.102", "*", QByteArray(server) + ";" + server + ".contoso.com", "Certificate alternate names");
        if (h.fails) {
            line("00.180", "*", "", "TLS negotiation failed with error SocketError");
            line("00.181", "-", "", "Remote(SocketError)");
        } else {
            line("00.150", "*", "", "TLS protocol SP_PROT_TLS1_2_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 "
                                    "with strength 256 bits, MAC hash algorithm CALG_SHA_384 with strength 0 bits and key exchange algorithm "
                                    "CALG_ECDHE with strength 384 bits");
            line("00.300", "<", "QUIT");
            line("00.301", ">", "221 2.0.0 Service closing transmission channel");
            line("00.302", "-", "", "Local");
        }
    }
    return log;
}

// The extended report's deferrals as Exchange Online writes them: the error, the host and address
// it tried inside the text, and {FQDN=…};{IP=…} beside it. server_hostname/server_ip are Exchange
// Online's own server.
QByteArray extendedReport()
{
    QByteArray csv = "date_time_utc,client_ip,client_hostname,server_ip,server_hostname,source_context,connector_id,source,"
                     "event_id,internal_message_id,message_id,network_message_id,recipient_address,recipient_status,total_bytes,"
                     "recipient_count,related_recipient_address,reference,message_subject,sender_address,return_path,"
                     "message_info,directionality,tenant_id,original_client_ip,original_server_ip,custom_data\r\n";
    const char *minutes[] = {"00", "10", "20"};
    for (int i = 0; i < 3; ++i) {
        csv += QByteArray("2026-11-20T08:") + minutes[i] + ":01.0000000Z,,,40.107.3.17,BN8NAM12HT045.namprd12.prod.outlook.com,,"
               "Outbound to contoso.com (hybrid),SMTP,DEFER,,<order" + QByteArray::number(i) + "@fabrikam.com>,"
               "aaaaaaaa-0000-0000-0000-00000000000" + QByteArray::number(i) + ",bob@contoso.com,"
               "\"{LED=450 4.4.317 Cannot connect to remote server [Message=SubjectMismatch Expected: mail.contoso.com Presented: CN=EDGE01] "
               "[LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.25:25] "
               "[BN8NAM12FT012.eop-nam12.prod.protection.outlook.com 2026-11-20T08:" + minutes[i] + ":01.000Z]};{MSG=};"
               "{FQDN=mail.contoso.com};{IP=203.0.113.25};{LRT=11/20/2026 8:" + minutes[i] + ":01 AM}\","
               "5000,1,,,Order,alice@fabrikam.com,alice@fabrikam.com,,Outbound,tenant,,,S:DeliveryPriority=Normal\r\n";
    }
    return csv;
}

// Get-MessageTraceDetailV2 | Export-Csv: the Defer event's Detail without the host, Data naming it.
QByteArray traceDetailV2()
{
    QByteArray csv = "\"Date\",\"Event\",\"Action\",\"Detail\",\"Data\",\"MessageId\",\"MessageTraceId\",\"RecipientAddress\",\"SenderAddress\"\r\n";
    const char *minutes[] = {"00", "10", "20"};
    for (int i = 0; i < 3; ++i) {
        csv += QByteArray("\"2026-11-20T08:") + minutes[i] + ":01.0000000Z\",\"Defer\",\"\","
               "\"450 4.4.317 Cannot connect to remote server [Message=SubjectMismatch]\","
               "\"<root><MEP Name=\"\"ConnectorId\"\" String=\"\"Outbound to contoso.com (hybrid)\"\"/>"
               "<MEP Name=\"\"LastAttemptedServerName\"\" String=\"\"mail.contoso.com\"\"/>"
               "<MEP Name=\"\"LastAttemptedIP\"\" String=\"\"203.0.113.25\"\"/></root>\","
               "\"<order" + QByteArray::number(i) + "@fabrikam.com>\",\"aaaaaaaa-0000-0000-0000-00000000000" + QByteArray::number(i)
               + "\",\"bob@contoso.com\",\"alice@fabrikam.com\"\r\n";
    }
    return csv;
}

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

struct Diagnosed {
    std::shared_ptr<Store> store;
    QList<Finding> findings;
};

Diagnosed diagnose(const QString &dir)
{
    auto engine = DiagnosisEngine::create();
    if (!engine)
        qFatal("%s", qPrintable(engine.errorMessage()));
    LoadOptions options;
    options.observer = engine.value().get();
    Diagnosed d;
    d.store = Loader::loadSync({dir}, options);
    if (d.store)
        d.findings = engine.value()->findings(*d.store);
    return d;
}

QStringList sessionIdsOf(const Finding &f, const Store &store)
{
    QStringList out;
    for (int i : f.sessionIndexes)
        out << store.sessions.at(i).server + u'/' + store.sessions.at(i).id;
    out.sort();
    return out;
}

// EDGE01 (203.0.113.25, what Exchange Online tried) and EDGE02 (203.0.113.26) both fail handshakes
// with Exchange Online in the same minutes, each presenting its own CN=<server> certificate.
const QList<Handshake> kEdge01 = {{"08DE2A1B3C4D5E01", "00", "40.107.22.51:41001", "DB5EUR03FT012.mail.protection.outlook.com", true},
                                  {"08DE2A1B3C4D5E02", "05", "198.51.100.20:51000", "mx.fabrikam.com", false},
                                  {"08DE2A1B3C4D5E03", "10", "40.107.22.52:41002", "DB5EUR03FT013.mail.protection.outlook.com", true},
                                  {"08DE2A1B3C4D5E04", "20", "40.107.23.7:41003", "DB5EUR03FT014.mail.protection.outlook.com", true}};
const QList<Handshake> kEdge02 = {{"08DE2A1B3C4D6F01", "01", "40.107.24.9:41101", "AM6EUR05FT020.mail.protection.outlook.com", true},
                                  {"08DE2A1B3C4D6F02", "11", "40.107.24.10:41102", "AM6EUR05FT021.mail.protection.outlook.com", true},
                                  {"08DE2A1B3C4D6F03", "21", "40.107.24.11:41103", "AM6EUR05FT022.mail.protection.outlook.com", true},
                                  {"08DE2A1B3C4D6F04", "22", "40.107.24.12:41104", "AM6EUR05FT023.mail.protection.outlook.com", true}};

} // namespace

class TestExoAttemptedServer : public QObject {
    Q_OBJECT
private slots:
    void readsTheHostAQueueTried_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("ip");
        QTest::newRow("extended report deferral")
            << QStringLiteral("{LED=450 4.4.317 Cannot connect to remote server [Message=SubjectMismatch] [LastAttemptedServerName=Mail.Contoso.com] "
                              "[LastAttemptedIP=203.0.113.25:25]};{MSG=};{FQDN=mail.contoso.com};{IP=203.0.113.25};{LRT=}")
            << QStringLiteral("mail.contoso.com") << QStringLiteral("203.0.113.25");
        QTest::newRow("FQDN and IP only") << QStringLiteral("{LED=451 4.4.0 DNS query failed};{MSG=};{FQDN=mx.fabrikam.com};{IP=198.51.100.7};{LRT=}")
                                          << QStringLiteral("mx.fabrikam.com") << QStringLiteral("198.51.100.7");
        QTest::newRow("IPv6 in brackets") << QStringLiteral("[LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=[2001:db8::25]:25]")
                                          << QStringLiteral("mail.contoso.com") << QStringLiteral("2001:db8::25");
        QTest::newRow("Exchange Server queue error")
            << QStringLiteral("451 4.4.0 Primary target IP address responded with: \"451 4.7.0 Temporary server error. Please try again later. "
                              "PRX2\" Attempted failover to alternate host, but that did not succeed. The last endpoint attempted was 10.0.0.6:25.")
            << QString() << QStringLiteral("10.0.0.6");
        QTest::newRow("expiry") << QStringLiteral("550 4.4.7 QUEUE.Expired; message expired [LastAttemptedServerName=mx.proseware.com]")
                                << QStringLiteral("mx.proseware.com") << QString();
        QTest::newRow("nothing") << QStringLiteral("250 2.1.5 Recipient OK") << QString() << QString();
        QTest::newRow("not an address") << QStringLiteral("The last endpoint attempted was unknown.") << QString() << QString();
    }

    void readsTheHostAQueueTried()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(QString, ip);
        ingest::TrackEvent e;
        ingest::readAttemptedServer(text, e);
        QCOMPARE(e.attemptedHost, host);
        QCOMPARE(e.attemptedIp, ip);
    }

    void exchangeOnlineFaultGoesToTheEdgeItTried_data()
    {
        QTest::addColumn<QString>("exoFile");
        QTest::addColumn<QByteArray>("exoBytes");
        QTest::newRow("extended report") << QStringLiteral("EXO/ExtendedReport.csv") << extendedReport();
        QTest::newRow("Get-MessageTraceDetailV2") << QStringLiteral("EXO/MessageTraceDetailV2.csv") << traceDetailV2();
    }

    void exchangeOnlineFaultGoesToTheEdgeItTried()
    {
        QFETCH(QString, exoFile);
        QFETCH(QByteArray, exoBytes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(write(dir.filePath(QStringLiteral("EDGE01/SmtpReceive/RECV2026112008-1.LOG")),
                      edgeReceiveLog("EDGE01", "203.0.113.25:25", kEdge01Thumbprint, kEdge01)));
        QVERIFY(write(dir.filePath(QStringLiteral("EDGE02/SmtpReceive/RECV2026112008-1.LOG")),
                      edgeReceiveLog("EDGE02", "203.0.113.26:25", kEdge02Thumbprint, kEdge02)));
        QVERIFY(write(dir.filePath(exoFile), exoBytes));
        const Diagnosed d = diagnose(dir.path());
        QVERIFY(d.store);

        // The trace rows name the host Exchange Online tried.
        int deferrals = 0;
        for (const Message &m : d.store->messages) {
            for (const MessageHop &h : m.hops) {
                if (h.event != QLatin1String("DEFER"))
                    continue;
                ++deferrals;
                QCOMPARE(h.nextHop, QStringLiteral("mail.contoso.com"));
                QCOMPARE(h.serverIp, QStringLiteral("203.0.113.25"));
            }
        }
        QCOMPARE(deferrals, 3);

        QList<Finding> mismatch;
        for (const Finding &f : d.findings) {
            if (f.rule == QLatin1String("tls-subject-mismatch"))
                mismatch << f;
        }
        QCOMPARE(mismatch.size(), 1);
        const Finding &f = mismatch.first();
        QCOMPARE(f.severity, Severity::Error);
        // EDGE01's failed handshakes with Exchange Online, none of EDGE02's, and the traced messages.
        QCOMPARE(sessionIdsOf(f, *d.store), (QStringList{QStringLiteral("EDGE01/08DE2A1B3C4D5E01"), QStringLiteral("EDGE01/08DE2A1B3C4D5E03"),
                                                         QStringLiteral("EDGE01/08DE2A1B3C4D5E04")}));
        QStringList messages = f.messageIds;
        messages.sort();
        QCOMPARE(messages, (QStringList{QStringLiteral("<order0@fabrikam.com>"), QStringLiteral("<order1@fabrikam.com>"),
                                        QStringLiteral("<order2@fabrikam.com>")}));
        QCOMPARE(f.servers, QStringList{QStringLiteral("EDGE01")});
        QCOMPARE(f.parameters.value(QStringLiteral("Server")), QStringLiteral("EDGE01"));
        QCOMPARE(f.parameters.value(QStringLiteral("Connector")), QStringLiteral("EDGE01\\Default internal receive connector EDGE01"));
        QCOMPARE(f.parameters.value(QStringLiteral("Thumbprint")), QString::fromLatin1(kEdge01Thumbprint));
        QCOMPARE(f.parameters.value(QStringLiteral("Fqdn")), QStringLiteral("mail.contoso.com"));
    }

    // The Edge's log holds no failed handshake of those minutes (rolled over, or logging was off on
    // the connector), but it shows the Edge listening on the address Exchange Online tried: the
    // fault is still that Edge's, never Exchange Online's.
    void exchangeOnlineFaultWithoutAFailedHandshakeNamesTheServerOfTheAddress()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<Handshake> earlier = {{"08DE2A1B3C4D5E09", "00", "198.51.100.20:51000", "mx.fabrikam.com", false}};
        QByteArray log = edgeReceiveLog("EDGE01", "203.0.113.25:25", kEdge01Thumbprint, earlier);
        log.replace("2026-11-20T08:", "2026-11-20T02:");   // six hours before the trace
        QVERIFY(write(dir.filePath(QStringLiteral("EDGE01/SmtpReceive/RECV2026112002-1.LOG")), log));
        QVERIFY(write(dir.filePath(QStringLiteral("EDGE02/SmtpReceive/RECV2026112008-1.LOG")),
                      edgeReceiveLog("EDGE02", "203.0.113.26:25", kEdge02Thumbprint, kEdge02)));
        QVERIFY(write(dir.filePath(QStringLiteral("EXO/ExtendedReport.csv")), extendedReport()));
        const Diagnosed d = diagnose(dir.path());
        QVERIFY(d.store);
        const auto it = std::find_if(d.findings.cbegin(), d.findings.cend(),
                                     [](const Finding &f) { return f.rule == QLatin1String("tls-subject-mismatch"); });
        QVERIFY(it != d.findings.cend());
        QCOMPARE(it->parameters.value(QStringLiteral("Server")), QStringLiteral("EDGE01"));
        QVERIFY(it->servers.contains(QStringLiteral("EDGE01")));
        QVERIFY(!it->servers.contains(QStringLiteral("EXO"), Qt::CaseInsensitive));
        QVERIFY(!it->servers.contains(QStringLiteral("EDGE02")));
        QCOMPARE(it->parameters.value(QStringLiteral("Fqdn")), QStringLiteral("mail.contoso.com"));
        // EDGE02's failures of the same minutes are not this fault's.
        for (int i : it->sessionIndexes)
            QVERIFY(d.store->sessions.at(i).server != QLatin1String("EDGE02"));
    }
};

QTEST_GUILESS_MAIN(TestExoAttemptedServer)
#include "tst_exo_attempted_server.moc"
