#include "model/core/smtp/dns.h"

#include <QTest>

using namespace mwb::smtp;

namespace {
// A response to `query` with the given raw answer records appended.
QByteArray response(const QByteArray &query, quint16 ancount, const QByteArray &answers, quint8 rcode = 0)
{
    QByteArray r = query;
    r[2] = char(0x81);
    r[3] = char(0x80 | rcode);
    r[6] = char(ancount >> 8);
    r[7] = char(ancount & 0xff);
    return r + answers;
}
QByteArray rr(quint16 type, const QByteArray &rdata)
{
    QByteArray r("\xC0\x0C", 2);  // pointer to the question name
    r.append(char(type >> 8)).append(char(type & 0xff));
    r.append("\x00\x01\x00\x00\x0e\x10", 6);
    r.append(char(rdata.size() >> 8)).append(char(rdata.size() & 0xff));
    return r + rdata;
}
} // namespace

class TestDnsWire : public QObject {
    Q_OBJECT
private slots:
    void queryEncodesNameAndType()
    {
        const QByteArray q = buildDnsQuery(0x1234, DnsType::Mx, QStringLiteral("contoso.test."));
        QCOMPARE(q.left(2), QByteArray("\x12\x34", 2));
        QVERIFY(q.contains(QByteArray("\x07" "contoso\x04test\x00", 14)));
        QCOMPARE(q.right(4), QByteArray("\x00\x0f\x00\x01", 4));
    }
    void mxAnswerWithCompressedNameIsParsed()
    {
        const QByteArray q = buildDnsQuery(7, DnsType::Mx, QStringLiteral("contoso.test"));
        const QByteArray rdata = QByteArray("\x00\x0a\x04mail\xC0\x0C", 9);
        DnsAnswer a;
        a.type = DnsType::Mx;
        QVERIFY(parseDnsResponse(response(q, 1, rr(15, rdata)), 7, &a));
        QCOMPARE(a.mx.size(), 1);
        QCOMPARE(a.mx.first().preference, 10);
        QCOMPARE(a.mx.first().exchange, QStringLiteral("mail.contoso.test"));
    }
    void txtAndAAnswersAreParsed()
    {
        const QByteArray q = buildDnsQuery(9, DnsType::Txt, QStringLiteral("contoso.test"));
        DnsAnswer t;
        t.type = DnsType::Txt;
        QVERIFY(parseDnsResponse(response(q, 1, rr(16, QByteArray("\x06v=spf1\x05 -all", 13))), 9, &t));
        QCOMPARE(t.values, QStringList{QStringLiteral("v=spf1 -all")});
        const QByteArray qa = buildDnsQuery(10, DnsType::A, QStringLiteral("contoso.test"));
        DnsAnswer a;
        a.type = DnsType::A;
        QVERIFY(parseDnsResponse(response(qa, 1, rr(1, QByteArray("\x7f\x00\x00\x02", 4))), 10, &a));
        QCOMPARE(a.values, QStringList{QStringLiteral("127.0.0.2")});
    }
    void nxDomainIsAnAnswerNotAnError()
    {
        const QByteArray q = buildDnsQuery(3, DnsType::A, QStringLiteral("nope.test"));
        DnsAnswer a;
        QVERIFY(parseDnsResponse(response(q, 0, {}, 3), 3, &a));
        QVERIFY(a.ok && a.nxDomain && a.values.isEmpty());
    }
    void hostilePacketsFailWithoutCrashing()
    {
        const QByteArray q = buildDnsQuery(5, DnsType::Ptr, QStringLiteral("x.test"));
        DnsAnswer loop;
        loop.type = DnsType::Ptr;
        // PTR data pointing at itself: a compression loop.
        QByteArray bad = response(q, 1, QByteArray("\xC0\x0C\x00\x0c\x00\x01\x00\x00\x00\x01\x00\x02", 12));
        bad.append(char(0xC0)).append(char(bad.size() - 1));
        QVERIFY(!parseDnsResponse(bad, 5, &loop));
        DnsAnswer cut;
        QVERIFY(!parseDnsResponse(response(q, 1, rr(1, "\x7f")).left(q.size() + 5), 5, &cut));
        DnsAnswer foreign;
        QVERIFY(!parseDnsResponse(response(q, 0, {}), 6, &foreign));
        DnsAnswer empty;
        QVERIFY(!parseDnsResponse(QByteArray(), 5, &empty));
    }
    void reverseNamesForIpv4AndIpv6()
    {
        QCOMPARE(reverseName(QHostAddress(QStringLiteral("192.0.2.10"))), QStringLiteral("10.2.0.192.in-addr.arpa"));
        QCOMPARE(reversedLabels(QHostAddress(QStringLiteral("127.0.0.2"))), QStringLiteral("2.0.0.127"));
        QVERIFY(reverseName(QHostAddress(QStringLiteral("2001:db8::1"))).startsWith(QStringLiteral("1.0.0.0.")));
        QVERIFY(reverseName(QHostAddress(QStringLiteral("2001:db8::1"))).endsWith(QStringLiteral("8.b.d.0.1.0.0.2.ip6.arpa")));
    }
    void resolverArgumentParses()
    {
        Resolver r;
        QString error;
        QVERIFY(Resolver::parse(QStringLiteral("127.0.0.53:5353"), &r, &error));
        QCOMPARE(r.port, quint16(5353));
        QVERIFY(Resolver::parse(QStringLiteral("[::1]:53"), &r, &error));
        QCOMPARE(r.address, QHostAddress(QStringLiteral("::1")));
        QVERIFY(Resolver::parse(QStringLiteral("10.0.0.1"), &r, &error));
        QCOMPARE(r.port, quint16(53));
        QVERIFY(!Resolver::parse(QStringLiteral("dns.google"), &r, &error));
        QVERIFY(!Resolver::parse(QStringLiteral("10.0.0.1:99999"), &r, &error));
    }
    void blocklistAnswersAreExplained()
    {
        QVERIFY(explainBlocklistAnswer(QStringLiteral("zen.spamhaus.org"), QStringLiteral("127.0.0.11")).startsWith(QStringLiteral("PBL")));
        QVERIFY(explainBlocklistAnswer(QStringLiteral("zen.spamhaus.org"), QStringLiteral("127.0.0.2")).startsWith(QStringLiteral("SBL")));
        QVERIFY(explainBlocklistAnswer(QStringLiteral("zen.spamhaus.org"), QStringLiteral("127.0.0.4")).startsWith(QStringLiteral("XBL")));
        QVERIFY(explainBlocklistAnswer(QStringLiteral("zen.spamhaus.org"), QStringLiteral("127.255.255.254")).contains(QStringLiteral("refused")));
    }
};

QTEST_GUILESS_MAIN(TestDnsWire)
#include "tst_dns_wire.moc"
