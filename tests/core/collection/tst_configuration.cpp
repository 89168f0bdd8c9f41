// The configuration of a collection zip (issue #31): the shapes ConvertTo-Json really writes, the
// zip loading as one investigation, the routing answers with their rules, relay-connector-overlap.
#include "fixture.h"

#include "model/core/analysis/analysis.h"
#include "model/core/configuration/relayoverlap.h"
#include "model/core/configuration/routing.h"
#include "model/core/sessions/loader.h"
#include "model/core/sessions/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mwb;
using namespace mwb::config;

namespace {

Configuration fixtureConfiguration()
{
    Configuration c;
    readCollectionFile(c, QStringLiteral("ReceiveConnector"), collectionfixture::bom(collectionfixture::kReceiveConnectors), QStringLiteral("config/ReceiveConnector.json"));
    readCollectionFile(c, QStringLiteral("SendConnector"), collectionfixture::bom(collectionfixture::kSendConnectors), QStringLiteral("config/SendConnector.json"));
    readCollectionFile(c, QStringLiteral("ExchangeCertificate"), QByteArray(collectionfixture::kCertificates), QStringLiteral("config/ExchangeCertificate.json"));
    readCollectionFile(c, QStringLiteral("ExchangeServer"), QByteArray(collectionfixture::kServers), QStringLiteral("config/ExchangeServer.json"));
    return c;
}

const QDateTime kEndOfLogs(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());

const ReceiveConnector *receiveConnector(const Configuration &c, const QString &identity)
{
    for (const ReceiveConnector &r : c.receiveConnectors)
        if (r.identity == identity)
            return &r;
    return nullptr;
}

QString writeFixtureZip(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("MailflowEvidence-EX01-20261201-090000.zip"));
    if (!collectionfixture::writeZip(path, collectionfixture::members()))
        qFatal("cannot write the fixture zip");
    return path;
}

} // namespace

class TstConfiguration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheShapesConvertToJsonWrites()
    {
        const Configuration c = fixtureConfiguration();
        QCOMPARE(c.receiveConnectors.size(), 8);
        QCOMPARE(c.sendConnectors.size(), 9);
        QCOMPARE(c.certificates.size(), 5);
        QCOMPARE(c.servers.size(), 2);
        // Script shape: enums and lists as text, ByteQuantifiedSize text.
        const ReceiveConnector *relay = receiveConnector(c, QStringLiteral("EX01\\Relay Apps"));
        QVERIFY(relay);
        QCOMPARE(relay->server, QStringLiteral("EX01"));
        QCOMPARE(relay->remoteIpRanges.size(), 1);
        QCOMPARE(relay->remoteIpRanges.first().text, QStringLiteral("10.0.0.0/24"));
        QCOMPARE(relay->permissionGroups, QStringList{QStringLiteral("AnonymousUsers")});
        QCOMPARE(relay->maxMessageSize, qint64(36700160));
        const ReceiveConnector *def = receiveConnector(c, QStringLiteral("EX01\\Default Frontend EX01"));
        QVERIFY(def && def->isDefault());
        QCOMPARE(def->bindings.size(), 2);
        QVERIFY(def->bindings.at(0).anyAddress);   // [::]:25
        QCOMPARE(def->bindings.at(0).port, 25);
        QVERIFY(def->authMechanism.contains(QStringLiteral("ExchangeServer")));
        // Plain ConvertTo-Json shape: enum numbers, IPBinding / IPRange objects, one value without an array.
        const ReceiveConnector *printer = receiveConnector(c, QStringLiteral("EX01\\Printer"));
        QVERIFY(printer);
        QCOMPARE(printer->authMechanism, QStringList{QStringLiteral("Tls")});
        QCOMPARE(printer->permissionGroups, QStringList{QStringLiteral("AnonymousUsers")});
        QCOMPARE(printer->bindings.size(), 1);
        QCOMPARE(printer->bindings.first().text, QStringLiteral("0.0.0.0:25"));
        QCOMPARE(printer->remoteIpRanges.size(), 1);
        QCOMPARE(printer->remoteIpRanges.first().text, QStringLiteral("10.0.0.50"));
        QCOMPARE(printer->maxMessageSize, qint64(10485760));
        QCOMPARE(printer->transportRole, QStringLiteral("FrontendTransport"));   // from the bindings, said so:
        QVERIFY(std::any_of(c.problems.begin(), c.problems.end(), [](const QString &p) { return p.contains(QLatin1String("TransportRole 16384")); }));
        QVERIFY(!receiveConnector(c, QStringLiteral("EX01\\Old Scanner"))->enabled);
        // Certificates: Services as number (24 = IIS, SMTP) and "\/Date(ms)\/".
        const config::Certificate &b = c.certificates.at(1);
        QCOMPARE(b.services, (QStringList{QStringLiteral("IIS"), QStringLiteral("SMTP")}));
        QCOMPARE(b.notBefore(), QDateTime(QDate(2026, 6, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(b.notAfter(), QDateTime(QDate(2027, 6, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(c.certificates.at(3).alternateNames, QStringList{QStringLiteral("relay.contoso.com")});
        // Send connectors: address spaces as text or a single value, Enabled "False".
        QCOMPARE(c.sendConnectors.at(7).addressSpaces.size(), 1);
        QCOMPARE(c.sendConnectors.at(7).addressSpaces.first().domain, QStringLiteral("litware.com"));
        QCOMPARE(c.sendConnectors.at(7).sourceTransportServers, QStringList{QStringLiteral("EX01")});
        QVERIFY(!c.sendConnectors.at(3).enabled);
        QCOMPARE(c.sendConnectors.at(4).addressSpaces.first().cost, 10);
    }

    void saysWhatItCouldNotRead()
    {
        Configuration c;
        readCollectionFile(c, QStringLiteral("ReceiveConnector"),
                           R"([{"Identity":"EX01\\Bad","Bindings":["0.0.0.0:99999","nonsense"],"RemoteIPRanges":["10.0.0.300","10.0.0.9-10.0.0.1"]}])",
                           QStringLiteral("config/ReceiveConnector.json"));
        readCollectionFile(c, QStringLiteral("SendConnector"), "{not json", QStringLiteral("config/SendConnector.json"));
        QCOMPARE(c.receiveConnectors.size(), 1);
        QVERIFY(c.receiveConnectors.first().bindings.isEmpty());
        QVERIFY(c.receiveConnectors.first().remoteIpRanges.isEmpty());
        QCOMPARE(c.problems.size(), 5);
        QVERIFY(c.problems.last().contains(QLatin1String("not JSON")));
        QCOMPARE(c.unreadableFiles, QStringList{QStringLiteral("config/SendConnector.json")});
    }

    void parsesRangesBindingsAndAddressSpaces()
    {
        IpRange r;
        QVERIFY(parseIpRange(QStringLiteral("10.0.0.0/24"), &r));
        QVERIFY(r.contains(QHostAddress(QStringLiteral("10.0.0.255"))));
        QVERIFY(!r.contains(QHostAddress(QStringLiteral("10.0.1.0"))));
        QCOMPARE(r.span(), std::make_pair(quint64(0), quint64(255)));
        QVERIFY(parseIpRange(QStringLiteral("192.168.1.10-192.168.1.20"), &r));
        QCOMPARE(r.span().second, quint64(10));
        QVERIFY(parseIpRange(QStringLiteral("0.0.0.0-255.255.255.255"), &r));
        QVERIFY(parseIpRange(QStringLiteral("2001:db8::/32"), &r));
        QVERIFY(r.contains(QHostAddress(QStringLiteral("2001:db8:1::5"))));
        QVERIFY(!r.contains(QHostAddress(QStringLiteral("10.0.0.1"))));
        QVERIFY(!parseIpRange(QStringLiteral("10.0.0.0/33"), &r));
        Binding b;
        QVERIFY(parseBinding(QStringLiteral("[::]:25"), &b) && b.anyAddress && b.port == 25);
        QVERIFY(parseBinding(QStringLiteral("10.0.0.5:2525"), &b) && !b.anyAddress && b.port == 2525);
        QVERIFY(!parseBinding(QStringLiteral("10.0.0.5"), &b));
        AddressSpace a;
        QVERIFY(parseAddressSpace(QStringLiteral("SMTP:*.contoso.com;1"), &a));
        QCOMPARE(a.domain, QStringLiteral("*.contoso.com"));
        QVERIFY(parseAddressSpace(QStringLiteral("contoso.com"), &a));
        QCOMPARE(a.cost, 1);
        QString name;
        QVERIFY(isCollectionFile(QStringLiteral("x.zip!/config\\SendConnector.json"), &name));
        QCOMPARE(name, QStringLiteral("SendConnector"));
        QVERIFY(isCollectionFile(QStringLiteral("x.zip!/manifest.json"), &name));
        QVERIFY(!isCollectionFile(QStringLiteral("x.zip!/logs/EX01/graph.json")));
        QVERIFY(!isCollectionFile(QStringLiteral("project/config/settings.json")));
    }

    void byteQuantifiedSizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");   // -1: not a size
        // As Get-*Connector writes MaxMessageSize, and as Set-*Connector -MaxMessageSize takes it (binary units).
        QTest::newRow("exchange text") << "35 MB (36,700,160 bytes)" << qint64(36700160);
        QTest::newRow("german separators") << "35 MB (36.700.160 Bytes)" << qint64(36700160);
        QTest::newRow("25MB") << "25MB" << qint64(25 * 1048576);
        QTest::newRow("25 mb") << "25 mb" << qint64(25 * 1048576);
        QTest::newRow("1.5GB") << "1.5GB" << qint64(1610612736);
        QTest::newRow("500KB") << "500KB" << qint64(512000);
        QTest::newRow("bytes") << "36700160" << qint64(36700160);
        QTest::newRow("100B") << "100B" << qint64(100);
        QTest::newRow("unlimited") << "Unlimited" << qint64(-1);
        QTest::newRow("unknown unit") << "12XB" << qint64(-1);
        QTest::newRow("negative") << "-5MB" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }

    void byteQuantifiedSizes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        qint64 parsed = -1;
        QCOMPARE(parseByteQuantifiedSize(text, &parsed), bytes >= 0);
        if (bytes >= 0)
            QCOMPARE(parsed, bytes);
    }

    void receiveConnectorSelection_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("connector");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("thumbprint");
        // Only the Default connector's all-addresses range covers an Internet sender; its FQDN is
        // carried only by the self-signed certificate.
        QTest::newRow("only match") << "EX01" << "203.0.113.9" << 25 << "EX01\\Default Frontend EX01" << "remote-ip-range" << QString(40, u'C');
        QTest::newRow("IPv6 sender") << "EX01" << "2001:db8::1" << 25 << "EX01\\Default Frontend EX01" << "remote-ip-range" << QString(40, u'C');
        // A /24 beats 0.0.0.0-255.255.255.255; a single address beats the /24.
        QTest::newRow("subnet over all") << "EX01" << "10.0.0.77" << 25 << "EX01\\Relay Apps" << "remote-ip-most-specific" << QString(40, u'B');
        QTest::newRow("single IP over subnet") << "EX01" << "10.0.0.50" << 25 << "EX01\\Printer" << "remote-ip-most-specific" << QString(40, u'B');
        // A disabled connector takes nothing.
        QTest::newRow("disabled left out") << "EX01" << "10.0.0.60" << 25 << "EX01\\Relay Apps" << "remote-ip-most-specific" << QString(40, u'B');
        // Port 2525 belongs to the Transport service: its Default connector.
        QTest::newRow("hub port") << "EX01" << "10.0.0.77" << 2525 << "EX01\\Default EX01" << "remote-ip-range" << QString(40, u'C');
        // Equal ranges: the binding to a specific local IP wins over 0.0.0.0.
        QTest::newRow("specific binding") << "EX02" << "10.0.0.75" << 25 << "EX02\\Relay 10.0.0.12" << "binding-ip-specific" << QString();
        QTest::newRow("nothing on port") << "EX01" << "10.0.0.77" << 26 << QString() << QString() << QString();
    }

    void receiveConnectorSelection()
    {
        QFETCH(QString, server);
        QFETCH(QString, remote);
        QFETCH(int, port);
        QFETCH(QString, connector);
        QFETCH(QString, rule);
        QFETCH(QString, thumbprint);
        const Configuration c = fixtureConfiguration();
        const RouteAnswer a = selectReceiveConnector(c, server, QHostAddress(remote), port, kEndOfLogs);
        QCOMPARE(a.found, !connector.isEmpty());
        QCOMPARE(a.connector, connector);
        QCOMPARE(a.rule, rule);
        QCOMPARE(a.reference, QString::fromLatin1(kReceiveConnectorsReference));
        if (!connector.isEmpty())
            QCOMPARE(a.certificate.certificate ? a.certificate.certificate->thumbprint : QString(), thumbprint);
        else
            QVERIFY(a.problem.contains(QLatin1String("refused")));
    }

    void certificateSelection()
    {
        const Configuration c = fixtureConfiguration();
        // TlsCertificateName: the issuer and subject decide; of the two valid ones the newer.
        const CertificateChoice byName = selectCertificate(c, QStringLiteral("EX01"),
                                                           QStringLiteral("<I>CN=Contoso Issuing CA,DC=contoso,DC=com<S>CN=mail.contoso.com"),
                                                           QStringLiteral("relay.contoso.com"), kEndOfLogs);
        QVERIFY(byName.found);
        QCOMPARE(byName.rule, QStringLiteral("tls-certificate-name"));
        QCOMPARE(byName.certificate->thumbprint, QString(40, u'B'));
        // A year earlier only A was valid.
        const CertificateChoice earlier = selectCertificate(c, QStringLiteral("EX01"), QString(), QStringLiteral("relay.contoso.com"),
                                                            QDateTime(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(earlier.rule, QStringLiteral("fqdn-match"));
        QCOMPARE(earlier.certificate->thumbprint, QString(40, u'A'));
        // Missing certificate: said, with the 4.7.5 consequence.
        const CertificateChoice missing = selectCertificate(c, QStringLiteral("EX01"), QStringLiteral("<I>CN=Other CA<S>CN=mail.contoso.com"),
                                                            QString(), kEndOfLogs);
        QVERIFY(!missing.found);
        QVERIFY(missing.detail.contains(QLatin1String("4.7.5")));
        QCOMPARE(missing.reference, QString::fromLatin1(kInboundStartTlsReference));
    }

    void sendConnectorSelection_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("server");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("connector");
        QTest::addColumn<QString>("rule");
        // fabrikam.com exactly (cost 5) beats *.fabrikam.com (cost 1) and * : specificity before cost.
        QTest::newRow("exact over wildcard") << "fabrikam.com" << "" << qint64(-1) << "Contoso Partner" << "address-space-most-specific";
        QTest::newRow("wildcard over star") << "sales.fabrikam.com" << "" << qint64(-1) << "Fabrikam subdomains" << "address-space-most-specific";
        QTest::newRow("disabled left out") << "tailspintoys.com" << "" << qint64(-1) << "Internet" << "address-space";
        QTest::newRow("lowest cost") << "woodgrove.com" << "" << qint64(-1) << "Woodgrove B" << "lowest-cost";
        QTest::newRow("source server nearest") << "litware.com" << "EX02" << qint64(-1) << "Litware 2" << "proximity-local-server";
        QTest::newRow("alphanumeric name") << "litware.com" << "" << qint64(-1) << "Litware 1" << "alphanumeric-name";
        QTest::newRow("size limit") << "adatum.com" << "" << qint64(2 * 1024 * 1024) << "Internet" << "address-space";
        QTest::newRow("size fits") << "adatum.com" << "" << qint64(1000) << "Big files" << "address-space-most-specific";
    }

    void sendConnectorSelection()
    {
        QFETCH(QString, domain);
        QFETCH(QString, server);
        QFETCH(qint64, size);
        QFETCH(QString, connector);
        QFETCH(QString, rule);
        const Configuration c = fixtureConfiguration();
        const RouteAnswer a = selectSendConnector(c, domain, server, size, kEndOfLogs);
        QVERIFY(a.found);
        QCOMPARE(a.connector, connector);
        QCOMPARE(a.rule, rule);
        QCOMPARE(a.reference, QString::fromLatin1(kSendConnectorSelectionReference));
        QVERIFY(!a.steps.isEmpty());
    }

    void sendWithoutMatchingConnector()
    {
        Configuration c;
        readCollectionFile(c, QStringLiteral("SendConnector"), R"([{"Name":"Partner","AddressSpaces":["SMTP:fabrikam.com;1"]}])", QStringLiteral("config/SendConnector.json"));
        const RouteAnswer a = selectSendConnector(c, QStringLiteral("contoso.org"), QString(), -1, kEndOfLogs);
        QVERIFY(!a.found);
        QVERIFY(a.problem.contains(QLatin1String("Unreachable")));
        const QJsonObject json = routeAnswerToJson(a);
        QVERIFY(json.value(QStringLiteral("connector")).isNull());
    }

    void relayOverlapNeedsAnotherServersAddress()
    {
        const Configuration c = fixtureConfiguration();
        ServerAddresses addresses;
        addresses.insert(QStringLiteral("EX01"), QHostAddress(QStringLiteral("10.0.0.11")));
        // EX01's own address in its own relay range is no overlap.
        QVERIFY(findRelayConnectorOverlaps(c, addresses).isEmpty());
        addresses.insert(QStringLiteral("EX02"), QHostAddress(QStringLiteral("10.0.0.12")));
        const QList<RelayOverlap> overlaps = findRelayConnectorOverlaps(c, addresses);
        QCOMPARE(overlaps.size(), 1);
        QCOMPARE(overlaps.first().connector->identity, QStringLiteral("EX01\\Relay Apps"));
        QCOMPARE(overlaps.first().addresses, QStringList{QStringLiteral("10.0.0.12")});
        // The bindings alone know EX02's address too.
        QVERIFY(addressesFromBindings(c).contains(QStringLiteral("EX02"), QHostAddress(QStringLiteral("10.0.0.12"))));
    }

    void collectionZipLoadsAsOneInvestigation()
    {
        QTemporaryDir dir;
        const QString zip = writeFixtureZip(dir);
        const Analysis analysis = analyzePaths({zip});
        const Store &store = *analysis.store;
        QVERIFY2(!analysis.hasUnreadableInput(), "a collection zip must load without unreadable inputs");
        QCOMPARE(store.files.size(), 2);   // the two logs; the JSON files are configuration
        for (const SourceFile &f : store.files)
            QVERIFY2(f.path.endsWith(QLatin1String(".LOG")), qPrintable(f.path));
        QCOMPARE(store.files.at(0).server.isEmpty(), false);
        const Configuration &c = store.configuration;
        QCOMPARE(c.receiveConnectors.size(), 8);
        QCOMPARE(c.sendConnectors.size(), 9);
        QCOMPARE(c.acceptedDomains.size(), 1);
        QVERIFY(c.acceptedDomains.first().isDefault);
        QVERIFY(c.manifest.present);
        QCOMPARE(c.manifest.ranBy, QStringLiteral("CONTOSO\\admin"));
        QCOMPARE(c.manifest.servers.size(), 2);
        QCOMPARE(c.manifest.servers.at(1).status, QStringLiteral("failed"));
        QVERIFY(std::any_of(c.problems.begin(), c.problems.end(), [](const QString &p) { return p.contains(QLatin1String("RemoteDomain: Access is denied")); }));

        // certificate-expiring from Get-ExchangeCertificate: E had expired (error), A expires in 18 days (warning).
        QMap<QString, const Finding *> expiring;
        for (const Finding &f : analysis.findings)
            if (f.rule == QLatin1String("certificate-expiring"))
                expiring.insert(f.parameters.value(QStringLiteral("Thumbprint")), &f);
        QCOMPARE(expiring.size(), 2);
        QVERIFY(expiring.contains(QString(40, u'E')) && expiring.contains(QString(40, u'A')));
        QCOMPARE(expiring.value(QString(40, u'E'))->severity, Severity::Error);
        QCOMPARE(expiring.value(QString(40, u'A'))->severity, Severity::Warning);
        QCOMPARE(expiring.value(QString(40, u'A'))->parameters.value(QStringLiteral("DaysLeft")), QStringLiteral("18"));
        QCOMPARE(expiring.value(QString(40, u'A'))->servers, QStringList{QStringLiteral("EX01")});
        // The wizard gets the renewed certificate already on the server (B lasts longer than A).
        QCOMPARE(expiring.value(QString(40, u'A'))->parameters.value(QStringLiteral("CertificateThumbprint")), QString(40, u'B'));
        QCOMPARE(expiring.value(QString(40, u'E'))->parameters.value(QStringLiteral("CertificateThumbprint")), QString(40, u'B'));

        // A TlsCertificateName that names no certificate of the server: tls-certificate-not-found for
        // EX01's "Contoso Partner"; EX02's certificates were not collected, so its connector is not judged.
        QList<const Finding *> missing;
        for (const Finding &f : analysis.findings)
            if (f.rule == QLatin1String("tls-certificate-not-found"))
                missing.append(&f);
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.first()->servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(missing.first()->parameters.value(QStringLiteral("SendConnector")), QStringLiteral("Contoso Partner"));
        // The connector's broken value is kept as what is configured; TlsCertificateName is the
        // replacement's, built as <I>issuer<S>subject from the collected certificate.
        QCOMPARE(missing.first()->parameters.value(QStringLiteral("ConfiguredTlsCertificateName")), QStringLiteral("<I>CN=Old CA<S>CN=mail.contoso.com"));
        QCOMPARE(missing.first()->parameters.value(QStringLiteral("TlsCertificateName")),
                 QStringLiteral("<I>CN=Contoso Issuing CA, DC=contoso, DC=com<S>CN=mail.contoso.com"));
        QCOMPARE(missing.first()->parameters.value(QStringLiteral("Fqdn")), QStringLiteral("mail.contoso.com"));
        QCOMPARE(missing.first()->parameters.value(QStringLiteral("CertificateThumbprint")), QString(40, u'B'));

        // analyze --json carries a summary of it (an added field).
        const QJsonObject summary = analysisToJson(analysis).value(QStringLiteral("configuration")).toObject();
        QCOMPARE(summary.value(QStringLiteral("receiveConnectors")).toInt(), 8);
        QCOMPARE(summary.value(QStringLiteral("manifest")).toObject().value(QStringLiteral("servers")).toArray().size(), 2);

        // relay-connector-overlap, with the connector, the other server's address and the 451 5.7.3 seen.
        const Finding *overlap = nullptr;
        for (const Finding &f : analysis.findings)
            if (f.rule == QLatin1String("relay-connector-overlap"))
                overlap = &f;
        QVERIFY(overlap);
        QCOMPARE(overlap->servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(overlap->parameters.value(QStringLiteral("RelayConnector")), QStringLiteral("EX01\\Relay Apps"));
        QCOMPARE(overlap->parameters.value(QStringLiteral("ExchangeServerIps")), QStringLiteral("10.0.0.12"));
        QCOMPARE(overlap->scenario, QStringLiteral("relay-connector"));
        QCOMPARE(overlap->severity, Severity::Error);
        QVERIFY(!overlap->sessions.isEmpty());
        // The servers' failed authentication is its symptom.
        bool linked = false;
        for (const Finding &f : analysis.findings)
            if (f.rule == QLatin1String("exchange-auth-failed"))
                linked = f.causedBy >= 0 && analysis.findings.at(f.causedBy).rule == QLatin1String("relay-connector-overlap");
        QVERIFY(linked);
    }

    void brokenConfigurationFileIsUnreadableInput()
    {
        QTemporaryDir dir;
        auto members = collectionfixture::members();
        members.append({QStringLiteral("config\\TransportService.json"), QByteArray("[{\"Name\": ")});
        const QString zip = dir.filePath(QStringLiteral("broken.zip"));
        QVERIFY(collectionfixture::writeZip(zip, members));
        const Analysis analysis = analyzePaths({zip});
        QVERIFY(analysis.hasUnreadableInput());   // mwb analyze exits 3, the rest still loads
        QCOMPARE(analysis.store->configuration.receiveConnectors.size(), 8);
    }

    void analyzeWithoutConfigurationHasNoOverlap()
    {
        QTemporaryDir dir;
        auto members = collectionfixture::members();
        members.erase(std::remove_if(members.begin(), members.end(), [](const auto &m) { return m.first.endsWith(QLatin1String(".json")); }), members.end());
        const QString zip = dir.filePath(QStringLiteral("logs-only.zip"));
        QVERIFY(collectionfixture::writeZip(zip, members));
        const Analysis analysis = analyzePaths({zip});
        QVERIFY(analysis.store->configuration.isEmpty());
        QVERIFY(!analysisToJson(analysis).contains(QStringLiteral("configuration")));
        for (const Finding &f : analysis.findings)
            QVERIFY(f.rule != QLatin1String("relay-connector-overlap"));
    }

    void routeCommandAnswersFromTheZip()
    {
        QTemporaryDir dir;
        const QString zip = writeFixtureZip(dir);
        QProcess p;
        p.start(QStringLiteral(MWB_CLI), {QStringLiteral("route"), QStringLiteral("--receive"), QStringLiteral("10.0.0.12:25"),
                                          QStringLiteral("--server"), QStringLiteral("EX01"), QStringLiteral("--json"), zip});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("connector")).toString(), QStringLiteral("EX01\\Relay Apps"));
        QCOMPARE(o.value(QStringLiteral("rule")).toString(), QStringLiteral("remote-ip-most-specific"));
        QCOMPARE(o.value(QStringLiteral("reference")).toString(), QString::fromLatin1(kReceiveConnectorsReference));
        QCOMPARE(o.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("thumbprint")).toString(), QString(40, u'B'));

        p.start(QStringLiteral(MWB_CLI), {QStringLiteral("route"), QStringLiteral("--send"), QStringLiteral("woodgrove.com"), zip});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(QLatin1String("Woodgrove B")) && text.contains(QLatin1String("lowest-cost")), qPrintable(text));

        // --size: "Big files" (MaxMessageSize 1 MB) covers adatum.com exactly, but a 2 MB message
        // cannot take it, so the * connector carries it; a small one takes the specific connector.
        p.start(QStringLiteral(MWB_CLI), {QStringLiteral("route"), QStringLiteral("--send"), QStringLiteral("adatum.com"), QStringLiteral("--size"),
                                          QStringLiteral("2MB"), QStringLiteral("--json"), zip});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject sized = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(sized.value(QStringLiteral("connector")).toString(), QStringLiteral("Internet"));
        const QJsonArray steps = sized.value(QStringLiteral("steps")).toArray();
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.first().toObject().value(QStringLiteral("rule")).toString(), QStringLiteral("message-size"));
        QVERIFY(steps.first().toObject().value(QStringLiteral("detail")).toString().contains(QLatin1String("Big files (MaxMessageSize 1048576 bytes)")));
        p.start(QStringLiteral(MWB_CLI), {QStringLiteral("route"), QStringLiteral("--send"), QStringLiteral("adatum.com"), QStringLiteral("--size"),
                                          QStringLiteral("500KB"), QStringLiteral("--json"), zip});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("connector")).toString(), QStringLiteral("Big files"));
        p.start(QStringLiteral(MWB_CLI), {QStringLiteral("route"), QStringLiteral("--send"), QStringLiteral("adatum.com"), QStringLiteral("--size"),
                                          QStringLiteral("12XB"), zip});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);

        // No question, or no configuration: exit 2.
        p.start(QStringLiteral(MWB_CLI), {QStringLiteral("route"), zip});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QString logsOnly = dir.filePath(QStringLiteral("RECV.LOG"));
        QFile f(logsOnly);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(collectionfixture::kReceiveLog);
        f.close();
        p.start(QStringLiteral(MWB_CLI), {QStringLiteral("route"), QStringLiteral("--send"), QStringLiteral("contoso.org"), logsOnly});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("no configuration")));
    }
};

QTEST_GUILESS_MAIN(TstConfiguration)
#include "tst_configuration.moc"
