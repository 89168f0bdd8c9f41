// ConfigurationModel (issue #31): a tree of the collected configuration, checked by
// QAbstractItemModelTester, with the rows and states a Configuration view needs.
#include "model/itemmodels/configurationmodel.h"
#include "model/itemmodels/outcomestyle.h"

#include <QColor>

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTimeZone>

using namespace mwb;

namespace {

config::Configuration configuration()
{
    config::Configuration c;
    config::readCollectionFile(c, QStringLiteral("ReceiveConnector"),
                               R"([{"Identity":"EX01\\Relay","Name":"Relay","Server":"EX01","Enabled":false,"TransportRole":"FrontendTransport",
                                    "Bindings":["0.0.0.0:25"],"RemoteIPRanges":["10.0.0.0/24"],"AuthMechanism":"Tls","PermissionGroups":"AnonymousUsers",
                                    "Fqdn":"relay.contoso.com\u001b[31m"}])",
                               QStringLiteral("config/ReceiveConnector.json"));
    config::readCollectionFile(c, QStringLiteral("SendConnector"), R"([{"Name":"Internet","AddressSpaces":["SMTP:*;1"],"SourceTransportServers":["EX01"]}])",
                               QStringLiteral("config/SendConnector.json"));
    config::readCollectionFile(c, QStringLiteral("ExchangeCertificate"),
                               R"([{"Server":"EX01","Thumbprint":"AA","Subject":"CN=mail.contoso.com","CertificateDomains":["mail.contoso.com"],
                                    "Services":"IIS, SMTP","NotAfter":"2026-12-20T00:00:00Z"},
                                   {"Server":"EX01","Thumbprint":"BB","Subject":"CN=EX01","CertificateDomains":["EX01"],
                                    "Services":"SMTP","NotAfter":"2030-01-01T00:00:00Z"}])",
                               QStringLiteral("config/ExchangeCertificate.json"));
    return c;
}

const QDateTime kNow(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc());

} // namespace

class TstConfigurationModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passesTheModelTester()
    {
        ConfigurationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);   // nothing collected: no rows at all
        model.setConfiguration(configuration(), kNow);
        QCOMPARE(model.rowCount(), int(ConfigurationModel::KindCount));
        model.setConfiguration({}, kNow);
        QCOMPARE(model.rowCount(), 0);
    }

    void showsConnectorsAndCertificates()
    {
        ConfigurationModel model;
        model.setConfiguration(configuration(), kNow);
        const QModelIndex receive = model.index(ConfigurationModel::ReceiveConnectors, 0);
        QCOMPARE(model.data(receive).toString(), QStringLiteral("Receive connectors (1)"));
        QCOMPARE(model.rowCount(receive), 1);
        const QModelIndex relay = model.index(0, ConfigurationModel::CoverageColumn, receive);
        QCOMPARE(model.data(relay).toString(), QStringLiteral("0.0.0.0:25 from 10.0.0.0/24"));
        QVERIFY(model.data(relay, ConfigurationModel::AttentionRole).toBool());   // disabled
        // A control character from the collected text is shown, not passed on.
        const QString tls = model.data(model.index(0, ConfigurationModel::TlsColumn, receive)).toString();
        QVERIFY(!tls.contains(QChar(0x1b)));
        QVERIFY(tls.contains(QLatin1String("\\x1b")));
        const QModelIndex certs = model.index(ConfigurationModel::Certificates, 0);
        QCOMPARE(model.rowCount(certs), 2);
        QVERIFY(model.data(model.index(0, 0, certs), ConfigurationModel::AttentionRole).toBool());    // 19 days left
        QVERIFY(!model.data(model.index(1, 0, certs), ConfigurationModel::AttentionRole).toBool());
        QCOMPARE(model.data(model.index(1, ConfigurationModel::ServerColumn, certs)).toString(), QStringLiteral("EX01"));
        QCOMPARE(model.data(model.index(0, 0, certs), ConfigurationModel::KindRole).toInt(), int(ConfigurationModel::Certificates));
        QCOMPARE(model.parent(model.index(0, 0, certs)), certs);
    }

    // Issue #30: servers with their Exchange version. The logs' build (with the SU) wins over the
    // collected AdminDisplayVersion (the CU only); servers only the logs name get rows of their own,
    // also without any collection; out of support is said in words, and coloured.
    void serversShowTheirExchangeVersion()
    {
        ConfigurationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto logVersion = [](const QString &server, const QString &build) {
            ServerVersion v;
            v.server = server;
            v.build = identifyExchangeBuild(build);
            v.files = {0};
            return v;
        };
        // Logs only: EX16 (2016 CU22) is listed, out of support.
        model.setServerVersions({logVersion(QStringLiteral("EX16"), QStringLiteral("15.1.2375.7"))});
        QCOMPARE(model.rowCount(), int(ConfigurationModel::KindCount));
        const QModelIndex servers = model.index(ConfigurationModel::Servers, 0);
        QCOMPARE(model.rowCount(servers), 1);
        const QModelIndex ex16 = model.index(0, ConfigurationModel::StateColumn, servers);
        QCOMPARE(model.index(0, 0, servers).data().toString(), QStringLiteral("EX16"));
        QCOMPARE(ex16.data().toString(), QStringLiteral("Exchange Server 2016 CU22 (15.1.2375.7) \u2014 OUT OF SUPPORT since 2025-10-14"));
        QVERIFY(ex16.data(ConfigurationModel::AttentionRole).toBool());
        QCOMPARE(ex16.data(Qt::ForegroundRole).value<QColor>(), severityColor(Severity::Error));
        QVERIFY(ex16.data(Qt::ToolTipRole).toString().contains(QStringLiteral("out of support")));
        QVERIFY(model.index(0, ConfigurationModel::CoverageColumn, servers).data().toString().contains(QStringLiteral("logs only")));

        // With a collection: EX01 and EXSE collected; EXSE's logs name its SU, EX01 has none.
        config::Configuration c = configuration();
        config::readCollectionFile(c, QStringLiteral("ExchangeServer"),
                                   R"json([{"Name":"EX01","Fqdn":"ex01.contoso.com","AdminDisplayVersion":"Version 15.2 (Build 1544.4)"},
                                       {"Name":"EXSE","Fqdn":"exse.contoso.com","AdminDisplayVersion":"Version 15.2 (Build 2562.17)"}])json",
                                   QStringLiteral("config/ExchangeServer.json"));
        model.setConfiguration(c, kNow);
        model.setServerVersions({logVersion(QStringLiteral("exse"), QStringLiteral("15.2.2562.46")),
                                 logVersion(QStringLiteral("EX16"), QStringLiteral("15.1.2375.7"))});
        QCOMPARE(model.rowCount(servers), 3);
        QCOMPARE(model.index(0, ConfigurationModel::StateColumn, servers).data().toString(),
                 QStringLiteral("Exchange Server 2019 CU14 (15.2.1544.4) \u2014 OUT OF SUPPORT since 2025-10-14 "
                                "(AdminDisplayVersion: the CU, not the SU)"));
        const QModelIndex exse = model.index(1, ConfigurationModel::StateColumn, servers);
        QCOMPARE(exse.data().toString(), QStringLiteral("Exchange Server SE RTM Aug26SU (15.2.2562.46) \u2014 supported"));
        QVERIFY(!exse.data(ConfigurationModel::AttentionRole).toBool());
        QVERIFY(!exse.data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(2, 0, servers).data().toString(), QStringLiteral("EX16"));
        model.setServerVersions({});
        QCOMPARE(model.rowCount(servers), 2);
        model.setConfiguration({}, kNow);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TstConfigurationModel)
#include "tst_configurationmodel.moc"
