// Exchange build numbers -> product and update (resources/exchange/builds.json), and finding the
// build in banners, Received headers and log headers (issue #30).
#include "model/core/common/exchangebuild.h"

#include <QTest>

using namespace mwb;

class TestExchangeBuild : public QObject {
    Q_OBJECT
private slots:
    void listedBuilds()
    {
        const QDate today(2026, 12, 7);
        ExchangeBuild b = identifyExchangeBuild(u"15.2.1544.4");
        QCOMPARE(b.product, QStringLiteral("Exchange Server 2019"));
        QCOMPARE(b.update, QStringLiteral("CU14"));
        QVERIFY(b.exact);
        QCOMPARE(b.released, QDate(2024, 2, 13));
        QVERIFY(b.outOfSupport(today));              // 2019 left support on 2025-10-14
        QVERIFY(!b.outOfSupport(QDate(2025, 10, 14)));
        // The log header form, with leading zeros.
        b = identifyExchangeBuild(u"15.02.1748.010");
        QCOMPARE(b.build, QStringLiteral("15.2.1748.10"));
        QCOMPARE(b.update, QStringLiteral("CU15"));
        b = identifyExchangeBuild(u"15.2.2562.17");
        QCOMPARE(b.product, QStringLiteral("Exchange Server SE"));
        QCOMPARE(b.update, QStringLiteral("RTM"));
        QVERIFY(!b.outOfSupport(today));
        QVERIFY(b.explanation(today).contains(QStringLiteral("modern lifecycle")));
        b = identifyExchangeBuild(u"15.0.1497.2");
        QCOMPARE(b.product, QStringLiteral("Exchange Server 2013"));
        QCOMPARE(b.update, QStringLiteral("CU23"));
        QVERIFY(b.outOfSupport(QDate(2023, 4, 12)));
        QVERIFY(b.explanation(today).contains(QStringLiteral("out of support since 2023-04-11")));
        b = identifyExchangeBuild(u"15.1.2507.6");
        QCOMPARE(b.product, QStringLiteral("Exchange Server 2016"));
        QCOMPARE(b.update, QStringLiteral("CU23"));
    }

    void unlistedAndForeignBuilds()
    {
        // Between two listed builds: the earlier one plus a fix.
        const ExchangeBuild b = identifyExchangeBuild(u"15.2.1544.5");
        QCOMPARE(b.update, QStringLiteral("CU14 or a later fix"));
        QVERIFY(!b.exact);
        QVERIFY(identifyExchangeBuild(u"8.3.485.1").build.isEmpty());    // Exchange 2007: not 15.x
        QVERIFY(identifyExchangeBuild(u"15.2.x.4").build.isEmpty());
        QVERIFY(identifyExchangeBuild(u"15.0.0.0").build.isEmpty());     // the protocol logs' format version
        QVERIFY(identifyExchangeBuild(u"15.9.1.1").product.isEmpty());   // 15.20 etc. (Exchange Online) unknown
    }

    void buildInText()
    {
        QCOMPARE(findExchangeBuild(u"220 ex01.contoso.com Microsoft ESMTP MAIL Service ready at Mon, 7 Dec 2026 10:00:00 +0000 Version: 15.2.1544.4"),
                 QStringLiteral("15.2.1544.4"));
        QCOMPARE(findExchangeBuild(u"Received: from EX01.contoso.com (10.0.0.5) by EX02.contoso.com (10.0.0.6) with Microsoft SMTP "
                                   u"Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.2562.17 via Frontend Transport"),
                 QStringLiteral("15.2.2562.17"));
        QCOMPARE(findExchangeBuild(u"#Version: 15.02.1544.004"), QStringLiteral("15.02.1544.004"));
        QVERIFY(findExchangeBuild(u"220 mail.example.com ESMTP Postfix").isEmpty());
    }

    void displayNameAndOrder()
    {
        QCOMPARE(identifyExchangeBuild(u"15.02.1544.004").displayName(), QStringLiteral("Exchange Server 2019 CU14 (15.2.1544.4)"));
        QCOMPARE(identifyExchangeBuild(u"15.9.1.1").displayName(), QStringLiteral("15.9.1.1"));   // product unknown: the build
        QVERIFY(identifyExchangeBuild(u"no build").displayName().isEmpty());
        QVERIFY(exchangeBuildLess(u"15.02.1544.004", u"15.2.2562.17"));
        QVERIFY(!exchangeBuildLess(u"15.2.1544.4", u"15.02.1544.004"));
        QVERIFY(exchangeBuildLess(u"15.1.2507.6", u"15.2.0.1"));
        QCOMPARE(buildFromAdminDisplayVersion(u"Version 15.2 (Build 1544.4)"), QStringLiteral("15.2.1544.4"));
        QVERIFY(buildFromAdminDisplayVersion(u"15.2.1544.4").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExchangeBuild)
#include "tst_exchangebuild.moc"
