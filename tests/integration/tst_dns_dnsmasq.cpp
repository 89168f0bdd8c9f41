// DNS probes against dnsmasq on 127.0.0.x with a small test zone: MX order, A/AAAA, PTR with
// forward confirmation, SPF/DMARC, and a fake Spamhaus-style block list.
#include "fixtures.h"
#include "model/core/smtp/dns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace mwb::smtp;

namespace {
QStringList zoneArguments(const QString &listen, quint16 port)
{
    return {QStringLiteral("--keep-in-foreground"), QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
            QStringLiteral("--conf-file=/dev/null"), QStringLiteral("--pid-file="), QStringLiteral("--bind-interfaces"),
            QStringLiteral("--except-interface=nonexisting"),
            QStringLiteral("--listen-address=") + listen, QStringLiteral("--port=%1").arg(port), QStringLiteral("--user=root"),
            QStringLiteral("--local=/test/"), QStringLiteral("--local=/127.in-addr.arpa/"),
            QStringLiteral("--mx-host=contoso.test,backup.contoso.test,20"),
            QStringLiteral("--mx-host=contoso.test,mail.contoso.test,10"),
            QStringLiteral("--host-record=mail.contoso.test,127.0.0.25"),
            QStringLiteral("--host-record=backup.contoso.test,127.0.0.26"),
            QStringLiteral("--host-record=contoso.test,127.0.0.80,fd00::80"),
            QStringLiteral("--ptr-record=27.0.0.127.in-addr.arpa,liar.contoso.test"),
            QStringLiteral("--host-record=liar.contoso.test,127.0.0.99"),
            QStringLiteral("--txt-record=contoso.test,v=spf1 ip4:127.0.0.25 -all"),
            QStringLiteral("--txt-record=contoso.test,google-site-verification=abc"),
            QStringLiteral("--txt-record=_dmarc.contoso.test,v=DMARC1; p=reject"),
            QStringLiteral("--host-record=25.0.0.127.zen.spamhaus.test,127.0.0.11")};
}
} // namespace

class TestDnsDnsmasq : public QObject {
    Q_OBJECT
    fixtures::Daemon m_dnsmasq;
    Resolver m_resolver;

    DnsReport probe(const QString &query, const Resolver &resolver)
    {
        DnsProbe p(resolver);
        p.setTimeoutMs(3000);
        p.setBlocklistZones({QStringLiteral("zen.spamhaus.test")});
        QSignalSpy done(&p, &DnsProbe::finished);
        p.start(query);
        if (done.isEmpty())
            done.wait(20000);
        return p.report();
    }

private slots:
    void initTestCase()
    {
        if (!fixtures::have(QStringLiteral("dnsmasq")))
            QSKIP("dnsmasq is not installed (scripts/install-deps.sh installs dnsmasq-base)");
        const QHostAddress listen(QStringLiteral("127.0.0.153"));
        const quint16 port = fixtures::freeUdpPort(listen);
        QVERIFY(port != 0);
        m_resolver.address = listen;
        m_resolver.port = port;
        QVERIFY(m_dnsmasq.start(fixtures::program(QStringLiteral("dnsmasq")), zoneArguments(listen.toString(), port)));
        // Ready when it answers.
        DnsClient client(m_resolver);
        client.setTimeoutMs(500);
        bool answered = false;
        QVERIFY2(QTest::qWaitFor([&] {
                     bool finished = false;
                     client.lookup(DnsType::A, QStringLiteral("mail.contoso.test"), [&](const DnsAnswer &a) {
                         answered = !a.values.isEmpty();
                         finished = true;
                     });
                     if (!QTest::qWaitFor([&] { return finished; }, 2000))
                         return false;
                     return answered;
                 }, 15000),
                 m_dnsmasq.output().constData());
    }
    void cleanupTestCase() { m_dnsmasq.stop(); }

    void mxHostsComeInPriorityOrderWithAddresses()
    {
        const DnsReport r = probe(QStringLiteral("contoso.test"), m_resolver);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.mx.size(), 2);
        QCOMPARE(r.mx.at(0).exchange, QStringLiteral("mail.contoso.test"));
        QCOMPARE(r.mx.at(0).preference, 10);
        QCOMPARE(r.mx.at(1).exchange, QStringLiteral("backup.contoso.test"));
        QCOMPARE(r.mxAddresses.value(QStringLiteral("mail.contoso.test")), QStringList{QStringLiteral("127.0.0.25")});
        QCOMPARE(r.a, QStringList{QStringLiteral("127.0.0.80")});
        QCOMPARE(r.aaaa, QStringList{QStringLiteral("fd00::80")});
    }
    void spfAndDmarcAreFoundAmongTxtRecords()
    {
        const DnsReport r = probe(QStringLiteral("contoso.test"), m_resolver);
        QCOMPARE(r.spf, QStringList{QStringLiteral("v=spf1 ip4:127.0.0.25 -all")});
        QCOMPARE(r.dmarc, QStringList{QStringLiteral("v=DMARC1; p=reject")});
    }
    void ptrIsForwardConfirmedAndBlocklistAnswerExplained()
    {
        const DnsReport r = probe(QStringLiteral("127.0.0.25"), m_resolver);
        QVERIFY(r.isAddress);
        QCOMPARE(r.ptr.size(), 1);
        QCOMPARE(r.ptr.first().names, QStringList{QStringLiteral("mail.contoso.test")});
        QVERIFY(r.ptr.first().forwardConfirmed);
        QCOMPARE(r.blocklists.size(), 1);
        const BlocklistResult &b = r.blocklists.first();
        QCOMPARE(b.query, QStringLiteral("25.0.0.127.zen.spamhaus.test"));
        QVERIFY(b.listed);
        QCOMPARE(b.answers, QStringList{QStringLiteral("127.0.0.11")});
        QVERIFY(b.meanings.first().startsWith(QStringLiteral("PBL")));
    }
    void ptrThatDoesNotResolveBackIsNotConfirmed()
    {
        const DnsReport r = probe(QStringLiteral("127.0.0.27"), m_resolver);
        QCOMPARE(r.ptr.first().names, QStringList{QStringLiteral("liar.contoso.test")});
        QVERIFY(!r.ptr.first().forwardConfirmed);
        QVERIFY(r.ptr.first().explanation.contains(QStringLiteral("Not forward-confirmed")));
        QVERIFY(!r.blocklists.first().listed);
        QVERIFY(r.blocklists.first().error.isEmpty());
    }
    void silentResolverGivesAnErrorNotAHang()
    {
        Resolver nobody;
        nobody.address = QHostAddress(QStringLiteral("127.0.0.154"));
        nobody.port = fixtures::freeUdpPort(nobody.address);
        DnsProbe p(nobody);
        p.setTimeoutMs(400);
        QSignalSpy done(&p, &DnsProbe::finished);
        p.start(QStringLiteral("contoso.test"));
        QVERIFY(done.wait(10000));
        QVERIFY(!p.report().errors.isEmpty());
    }
    void qdnsLookupPathWorksWithResolverOnPort53()
    {
        // A named resolver on port 53 (once the QDnsLookup path; now the client's own UDP/TCP code
        // as on any port): dnsmasq must answer there as on its free port.
        const QHostAddress listen(QStringLiteral("127.0.0.155"));
        QUdpSocket check;
        if (!check.bind(listen, 53))
            QSKIP("cannot bind 127.0.0.155:53 (needs root); the UDP path is covered above");
        check.close();
        fixtures::Daemon dns53;
        QVERIFY(dns53.start(fixtures::program(QStringLiteral("dnsmasq")), zoneArguments(listen.toString(), 53)));
        QVERIFY(fixtures::waitForTcp(listen, 53, 10000));
        Resolver r53;
        r53.address = listen;
        const DnsReport r = probe(QStringLiteral("contoso.test"), r53);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.mx.size(), 2);
        QCOMPARE(r.mx.first().exchange, QStringLiteral("mail.contoso.test"));
        QCOMPARE(r.dmarc.size(), 1);
    }
    void cliProbeResolvesTheHostThroughTheChosenResolver()
    {
        // A tiny SMTP peer on the address the test zone gives mail.contoso.test (127.0.0.25).
        QTcpServer smtp;
        QVERIFY(smtp.listen(QHostAddress(QStringLiteral("127.0.0.25")), 0));
        connect(&smtp, &QTcpServer::newConnection, &smtp, [&smtp] {
            QTcpSocket *s = smtp.nextPendingConnection();
            s->write("220 mail.contoso.test ESMTP\r\n");
            connect(s, &QTcpSocket::readyRead, s, [s] {
                const QByteArray in = s->readAll().toUpper();
                if (in.startsWith("EHLO"))
                    s->write("250-mail.contoso.test\r\n250 8BITMIME\r\n");
                else if (in.startsWith("QUIT"))
                    s->write("221 bye\r\n");
            });
        });
        QProcess cli;
        cli.start(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("probe"), QStringLiteral("mail.contoso.test:%1").arg(smtp.serverPort()),
                                                 QStringLiteral("--resolver"), m_resolver.toString(), QStringLiteral("--timeout"),
                                                 QStringLiteral("10"), QStringLiteral("--json")});
        // The peer lives in this process, so wait with the event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 60000);
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.25"));
        QVERIFY(o.value(QStringLiteral("capabilities")).toObject().value(QStringLiteral("eightBitMime")).toBool());
    }

    void cliDnsJsonListsTheZone()
    {
        const fixtures::Run run = fixtures::run(QStringLiteral(MWB_CLI_PATH),
                                                {QStringLiteral("dns"), QStringLiteral("contoso.test"), QStringLiteral("--resolver"),
                                                 m_resolver.toString(), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QStringLiteral("mx")).toArray().first().toObject().value(QStringLiteral("exchange")).toString(),
                 QStringLiteral("mail.contoso.test"));
        QCOMPARE(o.value(QStringLiteral("spf")).toArray().size(), 1);
        QCOMPARE(o.value(QStringLiteral("dmarc")).toArray().size(), 1);
        const fixtures::Run ip = fixtures::run(QStringLiteral(MWB_CLI_PATH),
                                               {QStringLiteral("dns"), QStringLiteral("127.0.0.25"), QStringLiteral("--resolver"),
                                                m_resolver.toString(), QStringLiteral("--blocklist"), QStringLiteral("zen.spamhaus.test"),
                                                QStringLiteral("--json")});
        const QJsonObject io = QJsonDocument::fromJson(ip.out).object();
        QVERIFY(io.value(QStringLiteral("ptr")).toArray().first().toObject().value(QStringLiteral("forwardConfirmed")).toBool());
        QVERIFY(io.value(QStringLiteral("blocklists")).toArray().first().toObject().value(QStringLiteral("listed")).toBool());
        QCOMPARE(fixtures::run(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("dns"), QStringLiteral("x"), QStringLiteral("--resolver"),
                                                              QStringLiteral("dns.example")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestDnsDnsmasq)
#include "tst_dns_dnsmasq.moc"
