// The TCP retry of a truncated DNS answer with a resolver on port 53 (issue #29.9). A resolver on
// any other port is asked by DnsClient's own UDP/TCP code (tst_hostile_peers covers it); on port 53
// the query goes through QDnsLookup and the C library's resolver, which must retry a TC answer over
// TCP to port 53 of the same address. The scripted peer (peers/hostile_dns_peer.py) listens on
// 127.0.0.156:53 only, answers UDP with TC set and no records, and answers TCP in full; it logs on
// which address, port and transport each query arrived. Needs root (port 53): skipped otherwise.
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

namespace {

const QString kPeers = QStringLiteral(MWB_SOURCE_DIR "/tests/integration/peers/");
const QString kAddress = QStringLiteral("127.0.0.156");

} // namespace

class TestDnsTcpRetry53 : public QObject {
    Q_OBJECT

    // Starts the peer on kAddress:53; empty when the port cannot be had (the reason in *why).
    bool startPeer(QProcess &peer, const QString &mode, QString *why)
    {
        {
            QUdpSocket udp;
            QTcpServer tcp;
            if (!udp.bind(QHostAddress(kAddress), 53) || !tcp.listen(QHostAddress(kAddress), 53)) {
                *why = QStringLiteral("cannot bind %1:53 for UDP and TCP (needs root, or the port is taken): %2%3")
                           .arg(kAddress, udp.errorString(), tcp.isListening() ? QString() : QStringLiteral(" / ") + tcp.errorString());
                return false;
            }
        }
        peer.setProcessChannelMode(QProcess::SeparateChannels);
        peer.start(QStringLiteral("python3"), {kPeers + QStringLiteral("hostile_dns_peer.py"), mode, kAddress, QStringLiteral("53")});
        if (!peer.waitForStarted(10000)) {
            *why = QStringLiteral("python3 did not start");
            return false;
        }
        while (!peer.canReadLine()) {
            if (!peer.waitForReadyRead(10000)) {
                *why = QStringLiteral("the DNS peer did not start: ") + QString::fromUtf8(peer.readAllStandardError());
                return false;
            }
        }
        return peer.readLine().trimmed() == "53";
    }

    // Runs `mwb dns example.test --resolver 127.0.0.156` (no port: 53) and returns its exit status.
    int runDns(QByteArray *out, bool json = false)
    {
        QStringList args{QStringLiteral("dns"), QStringLiteral("example.test"), QStringLiteral("--resolver"), kAddress,
                         QStringLiteral("--timeout"), QStringLiteral("5")};
        if (json)
            args << QStringLiteral("--json");
        const fixtures::Run r = fixtures::run(QStringLiteral(MWB_CLI_PATH), args, 30000);
        *out = r.out;
        return r.exitCode;
    }

    static QByteArray peerLog(QProcess &peer)
    {
        peer.waitForReadyRead(200);
        return peer.readAllStandardOutput();
    }

private slots:
    void truncatedAnswerIsRetriedOverTcpToPort53OfTheSameAddress()
    {
        QProcess peer;
        QString why;
        if (!startPeer(peer, QStringLiteral("tc-tcp-ok"), &why))
            QSKIP(qPrintable(why));
        QByteArray out;
        const int rc = runDns(&out);
        const QByteArray log = peerLog(peer);
        peer.kill();
        peer.waitForFinished(5000);
        QVERIFY2(rc == 0, out.constData());
        // Only the TCP answer carries records: these lines prove the retry was answered.
        QVERIFY2(out.contains("SPF v=spf1 ip4:192.0.2.0/24 include:spf.example.test -all"), out.constData());
        QVERIFY2(out.contains("MX 10 mx1.example.test"), out.constData());
        QVERIFY(out.contains("DMARC v=DMARC1; p=reject"));
        // Each record type was asked over UDP first and then over TCP, on 127.0.0.156:53 both times.
        QVERIFY2(log.contains("udp 127.0.0.156:53 example.test 16"), log.constData());
        QVERIFY2(log.contains("tcp 127.0.0.156:53 example.test 16"), log.constData());
        QVERIFY2(log.contains("tcp 127.0.0.156:53 example.test 15"), log.constData());
        QVERIFY2(log.contains("tcp 127.0.0.156:53 _dmarc.example.test 16"), log.constData());
    }

    void answerThatStaysTruncatedOnPort53FailsTheCheck()
    {
        QProcess peer;
        QString why;
        if (!startPeer(peer, QStringLiteral("tc-tcp-fail"), &why))
            QSKIP(qPrintable(why));
        QByteArray out;
        const int rc = runDns(&out, true);
        const QByteArray log = peerLog(peer);
        peer.kill();
        peer.waitForFinished(5000);
        // The retry was tried on the same address and port, failed, and the check says so.
        QVERIFY2(log.contains("tcp 127.0.0.156:53 connection"), log.constData());
        QCOMPARE(rc, 1);
        const QJsonObject report = QJsonDocument::fromJson(out).object();
        QVERIFY2(!report.value(QStringLiteral("errors")).toArray().isEmpty(), out.constData());
        QVERIFY(report.value(QStringLiteral("spf")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDnsTcpRetry53)
#include "tst_dns_tcp_retry53.moc"
