// The one host-name matcher (RFC 9525) behind the diagnosis, the TLS card, the inspector and probe.
#include "model/core/common/hostnames.h"

#include <QTest>

using namespace mwb;

class TstHostnames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void patterns_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "mail.contoso.com" << "mail.contoso.com" << true;
        QTest::newRow("case") << "MAIL.Contoso.COM" << "mail.contoso.com" << true;
        QTest::newRow("trailing dot host") << "mail.contoso.com." << "mail.contoso.com" << true;
        QTest::newRow("trailing dot pattern") << "mail.contoso.com" << "mail.contoso.com." << true;
        QTest::newRow("wildcard one label") << "mail.contoso.com" << "*.contoso.com" << true;
        QTest::newRow("wildcard not apex") << "contoso.com" << "*.contoso.com" << false;
        QTest::newRow("wildcard not two labels") << "a.b.contoso.com" << "*.contoso.com" << false;
        QTest::newRow("partial label wildcard") << "mail1.contoso.com" << "mail*.contoso.com" << false;
        QTest::newRow("suffix wildcard") << "webmail.contoso.com" << "*mail.contoso.com" << false;
        QTest::newRow("wildcard inside") << "mail.a.contoso.com" << "mail.*.contoso.com" << false;
        QTest::newRow("two wildcards") << "a.b.contoso.com" << "*.*.contoso.com" << false;
        QTest::newRow("public suffix wildcard") << "contoso.com" << "*.com" << false;
        QTest::newRow("other domain") << "mail.contoso.com.evil.example" << "mail.contoso.com" << false;
        QTest::newRow("suffix trick") << "evilcontoso.com" << "*.contoso.com" << false;
        QTest::newRow("idn u-label vs a-label") << "mail.bücher.example" << "mail.xn--bcher-kva.example" << true;
        QTest::newRow("idn wildcard") << "mail.bücher.example" << "*.xn--bcher-kva.example" << true;
        QTest::newRow("empty host") << "" << "mail.contoso.com" << false;
        QTest::newRow("empty pattern") << "mail.contoso.com" << "" << false;
    }
    void patterns()
    {
        QFETCH(QString, host);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(hostnames::matchesPattern(host, pattern), matches);
    }

    void sansBeforeCommonName()
    {
        // A DNS SAN exists: the CN is not consulted (RFC 9525), even when it names the host.
        auto m = hostnames::matchCertificateNames({QStringLiteral("edge01.contoso.com")}, QStringLiteral("mail.contoso.com"),
                                                  QStringLiteral("mail.contoso.com"));
        QVERIFY(!m.matches);
        m = hostnames::matchCertificateNames({QStringLiteral("*.contoso.com")}, QString(), QStringLiteral("mail.contoso.com"));
        QVERIFY(m.matches);
        QCOMPARE(m.matchedBy, QStringLiteral("SAN DNS:*.contoso.com"));
        QVERIFY(!m.viaCommonName);
    }
    void commonNameOnlyWithoutDnsSans()
    {
        auto m = hostnames::matchCertificateNames({}, QStringLiteral("mail.contoso.com"), QStringLiteral("Mail.Contoso.com"));
        QVERIFY(m.matches);
        QVERIFY(m.viaCommonName);
        // An IP SAN is not a DNS SAN: the CN still counts, and says so.
        m = hostnames::matchCertificateNames({QStringLiteral("192.0.2.7")}, QStringLiteral("mail.contoso.com"), QStringLiteral("mail.contoso.com"));
        QVERIFY(m.matches);
        QVERIFY(m.viaCommonName);
    }
    void ipAddresses()
    {
        auto m = hostnames::matchCertificateNames({QStringLiteral("mail.contoso.com"), QStringLiteral("192.0.2.7")}, QString(),
                                                  QStringLiteral("192.0.2.7"));
        QVERIFY(m.matches);
        QCOMPARE(m.matchedBy, QStringLiteral("SAN IP:192.0.2.7"));
        // An IP is never matched against DNS names or the CN.
        m = hostnames::matchCertificateNames({}, QStringLiteral("192.0.2.7"), QStringLiteral("192.0.2.7"));
        QVERIFY(!m.matches);
        m = hostnames::matchCertificateNames({QStringLiteral("2001:db8::1")}, QString(), QStringLiteral("2001:DB8:0::1"));
        QVERIFY(m.matches);
    }
    void logStyleSanPrefixes()
    {
        auto m = hostnames::matchCertificateNames({QStringLiteral("DNS:mail.contoso.com")}, QString(), QStringLiteral("mail.contoso.com"));
        QVERIFY(m.matches);
    }
    void commonNameOf()
    {
        QCOMPARE(hostnames::commonNameOf(QStringLiteral("CN=mail.contoso.com, OU=IT, O=Contoso, C=US")), QStringLiteral("mail.contoso.com"));
        QCOMPARE(hostnames::commonNameOf(QStringLiteral("C=US, O=Contoso, CN=edge01.contoso.com")), QStringLiteral("edge01.contoso.com"));
        QCOMPARE(hostnames::commonNameOf(QStringLiteral("OU=IT, O=Contoso")), QString());
        QCOMPARE(hostnames::commonNameOf(QStringLiteral("E=a@b.c CN=host.example")), QStringLiteral("host.example"));
    }
};

QTEST_GUILESS_MAIN(TstHostnames)
#include "tst_hostnames.moc"
