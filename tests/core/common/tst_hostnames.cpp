// Host-name patterns (RFC 9525) under Certificate::matchName, the one certificate name matcher
// (its certificate-level cases: tests/core/diagnosis/tst_certificate.cpp).
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
