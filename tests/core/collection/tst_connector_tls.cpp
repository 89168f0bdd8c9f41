// RequireTLS / TlsAuthLevel / TlsDomain of the collected connectors against what their sessions
// show (issue #31, connector-tls-settings in rules.json). Every check has a case that raises and a
// healthy one that raises nothing. The connectors are written as the collection script writes them
// (enums as names) and, for one, as plain ConvertTo-Json writes it (Enabled "True", one value
// instead of an array).
#include "fixture.h"

#include "model/core/analysis/analysis.h"
#include "model/core/configuration/connectortls.h"
#include "model/core/remediation/powershellwriter.h"
#include "model/core/remediation/scenario.h"
#include "model/core/sessions/store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;
using namespace mwb::remediation;

namespace {

QByteArray sendConnectors(bool healthy)
{
    // Healthy: the same connectors, with the smart-host one given the TlsDomain the reference asks for.
    const QByteArray smartHostDomain = healthy ? R"("TlsDomain": "*.tailspintoys.com")" : R"("TlsDomain": null)";
    return R"JSON([
  {"Identity": "Partner DV", "Name": "Partner DV", "Enabled": true, "AddressSpaces": ["SMTP:fabrikam.com;1"], "SourceTransportServers": ["EX01"],
   "SmartHosts": [], "DNSRoutingEnabled": true, "RequireTLS": true, "TlsAuthLevel": "DomainValidation", "TlsDomain": "fabrikam.com"},
  {"Identity": "Partner TLS", "Name": "Partner TLS", "Enabled": true, "AddressSpaces": ["SMTP:woodgrove.com;1"], "SourceTransportServers": ["EX01"],
   "SmartHosts": [], "DNSRoutingEnabled": true, "RequireTLS": true, "TlsAuthLevel": "EncryptionOnly", "TlsDomain": null},
  {"Identity": "Tailspin relay", "Name": "Tailspin relay", "Enabled": "True", "AddressSpaces": "SMTP:tailspintoys.com;1", "SourceTransportServers": "EX01",
   "SmartHosts": "relay.tailspintoys.com", "DNSRoutingEnabled": false, "RequireTLS": true, "TlsAuthLevel": "DomainValidation", )JSON"
        + smartHostDomain + R"JSON(},
  {"Identity": "Internet", "Name": "Internet", "Enabled": true, "AddressSpaces": ["SMTP:*;1"], "SourceTransportServers": ["EX01"],
   "SmartHosts": [], "DNSRoutingEnabled": true, "RequireTLS": false, "TlsAuthLevel": null, "TlsDomain": null}
])JSON";
}

QByteArray receiveConnectors(bool requireTls)
{
    return QByteArray(R"JSON([
  {"Identity": "EX01\\Partners", "Name": "Partners", "Server": "EX01", "Enabled": true, "TransportRole": "FrontendTransport",
   "Bindings": ["0.0.0.0:25"], "RemoteIPRanges": ["198.51.100.0/24"], "AuthMechanism": "Tls", "PermissionGroups": "AnonymousUsers, Partners",
   "Fqdn": "mail.contoso.com", "RequireTLS": )JSON") + (requireTls ? "true" : "false") + "}\n]";
}

QByteArray header(const char *type)
{
    return QByteArray("#Software: Microsoft Exchange Server\r\n#Version: 15.2.1544.4\r\n#Log-type: ") + type
        + "\r\n#Date: 2026-12-01T08:00:00.000Z\r\n"
          "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n";
}

// One session's lines: (event, data, context) each, a millisecond apart.
QByteArray session(const char *connector, const char *id, const char *local, const char *remote, int minute,
                   const QList<std::array<const char *, 3>> &lines)
{
    QByteArray out;
    int seq = 0;
    for (const auto &l : lines) {
        out += QStringLiteral("2026-12-01T08:%1:00.%2Z,%3,%4,%5,%6,%7,%8,%9,")
                   .arg(minute, 2, 10, QLatin1Char('0'))
                   .arg(seq, 3, 10, QLatin1Char('0'))
                   .arg(QString::fromLatin1(connector), QString::fromLatin1(id))
                   .arg(seq)
                   .arg(QString::fromLatin1(local), QString::fromLatin1(remote), QString::fromLatin1(l[0]), QString::fromLatin1(l[1]))
                   .toUtf8();
        out += QByteArray(l[2]) + "\r\n";
        ++seq;
    }
    return out;
}

// A Send session that establishes TLS and receives a certificate with `sans`, then sends to `rcpt`.
QByteArray tlsSend(const char *connector, const char *id, const char *remote, const char *peer, const char *sans, const char *rcpt, int minute)
{
    const QByteArray ehlo = QByteArray("250  ") + peer + " Hello [192.0.2.11] SIZE 52428800 PIPELINING STARTTLS 8BITMIME";
    const QByteArray subject = QByteArray("CN=") + peer;
    const QByteArray to = QByteArray("RCPT TO:<") + rcpt + ">";
    return session(connector, id, "192.0.2.11:41000", remote, minute,
                   {{{"+", "", ""}}, {{"<", "220 ready", ""}}, {{">", "EHLO mail.contoso.com", ""}}, {{"<", ehlo.constData(), ""}},
                    {{">", "STARTTLS", ""}}, {{"<", "220 2.0.0 Ready to start TLS", ""}},
                    {{"*", "", "\"TLS protocol SP_PROT_TLS1_2_CLIENT negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits\""}},
                    {{"*", "", "Received certificate"}}, {{"*", subject.constData(), "Certificate subject"}},
                    {{"*", "CN=Fabrikam CA", "Certificate issuer name"}},
                    {{"*", "1234ABCD1234ABCD1234ABCD1234ABCD1234ABCD", "Certificate thumbprint"}}, {{"*", sans, "Certificate alternate names"}},
                    {{">", "MAIL FROM:<alice@contoso.com>", ""}}, {{"<", "250 2.1.0 Sender OK", ""}}, {{">", to.constData(), ""}},
                    {{"<", "250 2.1.5 Recipient OK", ""}}, {{">", "QUIT", ""}}, {{"-", "", "Local"}}});
}

struct Case {
    bool healthy = false;          // configuration and sessions agree
    bool receiveRequireTls = true;
};

QByteArray sendLog(bool healthy)
{
    QByteArray log = header("SMTP Send Protocol Log");
    // DomainValidation for fabrikam.com: the partner's certificate carries only mx.fabrikam.com (or also fabrikam.com).
    log += tlsSend("Partner DV", "08DE00000000D001", "203.0.113.25:25", "mx.fabrikam.com",
                   healthy ? "mx.fabrikam.com;fabrikam.com" : "mx.fabrikam.com", "bob@fabrikam.com", 1);
    // RequireTLS to a host that offers no STARTTLS (or does).
    if (healthy) {
        log += tlsSend("Partner TLS", "08DE00000000D002", "203.0.113.26:25", "mx.woodgrove.com", "mx.woodgrove.com", "carol@woodgrove.com", 2);
    } else {
        log += session("Partner TLS", "08DE00000000D002", "192.0.2.11:41001", "203.0.113.26:25", 2,
                       {{{"+", "", ""}}, {{"<", "220 mx.woodgrove.com ESMTP", ""}}, {{">", "EHLO mail.contoso.com", ""}},
                        {{"<", "250  mx.woodgrove.com Hello SIZE 10240000 PIPELINING 8BITMIME", ""}}, {{">", "QUIT", ""}}, {{"-", "", "Local"}}});
    }
    // A DomainValidation smart host: its TlsDomain is missing (or *.tailspintoys.com, which relay.tailspintoys.com satisfies).
    log += tlsSend("Tailspin relay", "08DE00000000D003", "203.0.113.27:25", "relay.tailspintoys.com", "relay.tailspintoys.com", "dave@tailspintoys.com", 3);
    // Plain text through a connector that does not demand TLS: never a finding.
    log += session("Internet", "08DE00000000D004", "192.0.2.11:41004", "203.0.113.28:25", 4,
                   {{{"+", "", ""}}, {{"<", "220 mx.example.org ESMTP", ""}}, {{">", "EHLO mail.contoso.com", ""}},
                    {{"<", "250  mx.example.org Hello SIZE 10240000 PIPELINING 8BITMIME", ""}}, {{">", "QUIT", ""}}, {{"-", "", "Local"}}});
    return log;
}

QByteArray receiveLog(bool healthy)
{
    QByteArray log = header("SMTP Receive Protocol Log");
    if (healthy) {
        log += session("EX01\\Partners", "08DE00000000E001", "192.0.2.11:25", "198.51.100.7:50000", 5,
                       {{{"+", "", ""}}, {{">", "220 mail.contoso.com Microsoft ESMTP MAIL Service ready", ""}}, {{"<", "EHLO mx.partner.example", ""}},
                        {{">", "250  mail.contoso.com Hello [198.51.100.7] SIZE PIPELINING STARTTLS", ""}}, {{"<", "STARTTLS", ""}},
                        {{">", "220 2.0.0 SMTP server ready", ""}},
                        {{"*", "", "\"TLS protocol SP_PROT_TLS1_2_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits\""}},
                        {{"<", "MAIL FROM:<erin@partner.example>", ""}}, {{">", "250 2.1.0 Sender OK", ""}}, {{"<", "QUIT", ""}},
                        {{"-", "", "Local"}}});
    } else {
        log += session("EX01\\Partners", "08DE00000000E001", "192.0.2.11:25", "198.51.100.7:50000", 5,
                       {{{"+", "", ""}}, {{">", "220 mail.contoso.com Microsoft ESMTP MAIL Service ready", ""}}, {{"<", "EHLO mx.partner.example", ""}},
                        {{">", "250  mail.contoso.com Hello [198.51.100.7] SIZE PIPELINING STARTTLS", ""}},
                        {{"<", "MAIL FROM:<erin@partner.example>", ""}}, {{">", "530 5.7.0 Must issue a STARTTLS command first", ""}},
                        {{"<", "QUIT", ""}}, {{"-", "", "Local"}}});
    }
    return log;
}

QList<Finding> analyze(const QTemporaryDir &dir, const Case &c)
{
    const QList<QPair<QString, QByteArray>> members = {
        {QStringLiteral("manifest.json"), collectionfixture::bom(collectionfixture::kManifest)},
        {QStringLiteral("config\\SendConnector.json"), collectionfixture::bom("") + sendConnectors(c.healthy)},
        {QStringLiteral("config\\ReceiveConnector.json"), collectionfixture::bom("") + receiveConnectors(c.receiveRequireTls)},
        {QStringLiteral("logs\\EX01\\Hub\\SmtpSend\\SEND2026120108-1.LOG"), sendLog(c.healthy)},
        {QStringLiteral("logs\\EX01\\FrontEnd\\SmtpReceive\\RECV2026120108-1.LOG"), receiveLog(c.healthy)},
    };
    const QString zip = dir.filePath(QStringLiteral("evidence-%1-%2.zip").arg(c.healthy).arg(c.receiveRequireTls));
    if (!collectionfixture::writeZip(zip, members))
        qFatal("cannot write the zip");
    const Analysis analysis = analyzePaths({zip});
    if (analysis.store->configuration.sendConnectors.size() != 4)
        qFatal("the send connectors were not read");
    return analysis.findings;
}

QList<const Finding *> ofRule(const QList<Finding> &findings, const char *rule)
{
    QList<const Finding *> out;
    for (const Finding &f : findings)
        if (f.rule == QLatin1String(rule))
            out << &f;
    return out;
}

} // namespace

class TstConnectorTls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheSettings()
    {
        config::Configuration c;
        config::readCollectionFile(c, QStringLiteral("SendConnector"), sendConnectors(false), QStringLiteral("config/SendConnector.json"));
        QCOMPARE(c.sendConnectors.size(), 4);
        QCOMPARE(config::tlsAuthLevelOf(c.sendConnectors.at(0)), config::TlsAuthLevel::DomainValidation);
        QCOMPARE(config::tlsAuthLevelOf(c.sendConnectors.at(1)), config::TlsAuthLevel::EncryptionOnly);
        QCOMPARE(config::tlsAuthLevelOf(c.sendConnectors.at(3)), config::TlsAuthLevel::NotSet);
        QVERIFY(!c.sendConnectors.at(2).dnsRoutingEnabled);
        QVERIFY(c.sendConnectors.at(2).enabled);
        // A number (plain ConvertTo-Json) is not guessed: it is said.
        config::Configuration n;
        config::readCollectionFile(n, QStringLiteral("SendConnector"), R"([{"Name": "X", "TlsAuthLevel": 4}])", QStringLiteral("config/SendConnector.json"));
        QCOMPARE(config::tlsAuthLevelOf(n.sendConnectors.first()), config::TlsAuthLevel::NotSet);
        QVERIFY(n.problems.join(u'\n').contains(QLatin1String("TlsAuthLevel 4")));
    }

    void tlsDomainMatching()
    {
        using config::certificateSatisfiesTlsDomain;
        QVERIFY(certificateSatisfiesTlsDomain({QStringLiteral("mx.fabrikam.com"), QStringLiteral("fabrikam.com")}, QString(), QStringLiteral("fabrikam.com")));
        QVERIFY(!certificateSatisfiesTlsDomain({QStringLiteral("mx.fabrikam.com")}, QStringLiteral("CN=mx.fabrikam.com"), QStringLiteral("fabrikam.com")));
        // A wildcard certificate does not carry the parent domain itself.
        QVERIFY(!certificateSatisfiesTlsDomain({QStringLiteral("*.fabrikam.com")}, QString(), QStringLiteral("fabrikam.com")));
        // TlsDomain *.fabrikam.com: any name in the domain or below.
        QVERIFY(certificateSatisfiesTlsDomain({QStringLiteral("mx.eu.fabrikam.com")}, QString(), QStringLiteral("*.fabrikam.com")));
        QVERIFY(!certificateSatisfiesTlsDomain({QStringLiteral("mx.fabrikam.com.evil.example")}, QString(), QStringLiteral("*.fabrikam.com")));
        QVERIFY(certificateSatisfiesTlsDomain({}, QStringLiteral("CN=relay.fabrikam.com"), QStringLiteral("*.fabrikam.com")));
    }

    void mismatchesRaiseFindings()
    {
        QTemporaryDir dir;
        const QList<Finding> findings = analyze(dir, Case{false, true});

        // DomainValidation: the partner's certificate lacks fabrikam.com; the smart host has no TlsDomain.
        const QList<const Finding *> subject = ofRule(findings, "tls-subject-mismatch");
        QCOMPARE(subject.size(), 1);   // grouped by server
        const Finding &s = *subject.first();
        QCOMPARE(s.servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(s.sessions.size(), 2);
        QVERIFY(s.sessions.contains(QStringLiteral("08DE00000000D001")));
        QVERIFY(s.sessions.contains(QStringLiteral("08DE00000000D003")));
        QCOMPARE(s.parameters.value(QStringLiteral("SendConnector")), QStringLiteral("Partner DV"));
        QCOMPARE(s.parameters.value(QStringLiteral("TlsDomain")), QStringLiteral("fabrikam.com"));
        QCOMPARE(s.parameters.value(QStringLiteral("PresentedNames")), QStringLiteral("mx.fabrikam.com"));
        QVERIFY(s.parameters.value(QStringLiteral("SendConnectorTls")).contains(QLatin1String("TlsAuthLevel DomainValidation")));
        QCOMPARE(s.parameters.value(QStringLiteral("Reference")), QString::fromLatin1(config::kSetSendConnectorReference));
        // The peer's thumbprint is not ours to enable: no thumbprint for the certificate wizard.
        QVERIFY(s.parameters.value(QStringLiteral("Thumbprint")).isEmpty());
        QVERIFY(!s.evidence.isEmpty());

        // RequireTLS to a host without STARTTLS.
        const QList<const Finding *> starttls = ofRule(findings, "starttls-required");
        QCOMPARE(starttls.size(), 1);
        const Finding &t = *starttls.first();
        QVERIFY(t.sessions.contains(QStringLiteral("08DE00000000D002")));
        QVERIFY(!t.sessions.contains(QStringLiteral("08DE00000000D004")));   // the Internet connector does not demand TLS
        // The receive side's 530 5.7.0 joins the same finding (grouped by server), and the
        // RequireTLS receive connector that refused it is named from the configuration.
        QVERIFY(t.sessions.contains(QStringLiteral("08DE00000000E001")));
        QCOMPARE(t.parameters.value(QStringLiteral("ReceiveConnector")), QStringLiteral("EX01\\Partners"));
        QCOMPARE(t.parameters.value(QStringLiteral("ReceiveConnectorTls")), QStringLiteral("EX01\\Partners: RequireTLS $true, AuthMechanism Tls"));
    }

    void healthyConfigurationRaisesNothing()
    {
        QTemporaryDir dir;
        const QList<Finding> findings = analyze(dir, Case{true, true});
        QVERIFY(ofRule(findings, "tls-subject-mismatch").isEmpty());
        QVERIFY(ofRule(findings, "starttls-required").isEmpty());
    }

    // Item 2 of issue #31: the wizard's parameters come from the configuration, hostile text in it
    // is quoted by the one writer, and the scripts pass pscheck (tests/core/collection/CMakeLists.txt).
    void wizardParametersComeFromTheConfiguration()
    {
        auto members = collectionfixture::members();
        for (auto &m : members) {
            if (m.first.endsWith(QLatin1String("SendConnector.json")))
                m.second.replace("Contoso Partner", "Contoso's Partner");
            // The logs spell the connector differently from its identity.
            if (m.first.contains(QLatin1String("SmtpReceive")))
                m.second.replace("EX01\\Relay Apps", "EX01\\relay apps");
        }
        QTemporaryDir dir;
        const QString zip = dir.filePath(QStringLiteral("evidence.zip"));
        QVERIFY(collectionfixture::writeZip(zip, members));
        const Analysis analysis = analyzePaths({zip});
        auto finding = [&](const char *rule) -> const Finding * {
            for (const Finding &f : analysis.findings)
                if (f.rule == QLatin1String(rule))
                    return &f;
            return nullptr;
        };
        const QString out = QStringLiteral(MWB_CONFIG_PS_DIR);
        QVERIFY(QDir().mkpath(out));
        auto script = [&](const Finding &f, const QString &file) {
            const Scenario *scenario = findScenario(f.scenario);
            if (!scenario)
                qFatal("no scenario %s", qPrintable(f.scenario));
            ScriptRequest request;
            request.parameters = mapFindingParameters(*scenario, f.parameters).parameters;
            const Result<QString> text = writeScript(*scenario, request);
            if (!text.ok())
                qFatal("%s", qPrintable(text.errorMessage()));
            QFile ps(out + QLatin1Char('/') + file);
            if (!ps.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(ps.fileName()));
            ps.write(text.value().toUtf8());
            return text.value();
        };

        // certificate-smtp for the send connector whose TlsCertificateName names no certificate: the
        // connector, the replacement certificate and its <I>issuer<S>subject, all from the configuration.
        const Finding *missing = finding("tls-certificate-not-found");
        QVERIFY(missing);
        QCOMPARE(missing->parameters.value(QStringLiteral("SendConnector")), QStringLiteral("Contoso's Partner"));
        QCOMPARE(missing->parameters.value(QStringLiteral("TlsDomain")), QStringLiteral("fabrikam.com"));
        const QString certificate = script(*missing, QStringLiteral("certificate-smtp-from-configuration.ps1"));
        QVERIFY2(certificate.contains(QLatin1String("'Contoso''s Partner'")), "the connector name is quoted with its quote doubled");
        QVERIFY(!certificate.contains(QLatin1String("'Contoso's Partner'")));
        QVERIFY(certificate.contains(QLatin1Char('\'') + QString(40, u'B') + QLatin1Char('\'')));

        // exchange-auth for the servers' 451 5.7.3: the relay connector's identity as configured,
        // and the finding says the logs spelled it otherwise.
        const Finding *auth = finding("exchange-auth-failed");
        QVERIFY(auth);
        QCOMPARE(auth->parameters.value(QStringLiteral("RelayConnector")), QStringLiteral("EX01\\Relay Apps"));
        QVERIFY2(auth->parameters.value(QStringLiteral("ConfigurationNote")).contains(QLatin1String("EX01\\relay apps")),
                 qPrintable(auth->parameters.value(QStringLiteral("ConfigurationNote"))));
        const QString exchangeAuth = script(*auth, QStringLiteral("exchange-auth-from-configuration.ps1"));
        QVERIFY(exchangeAuth.contains(QLatin1String("'EX01\\Relay Apps'")));
        QVERIFY(!exchangeAuth.contains(QLatin1String("relay apps'")));

        // relay-connector for the overlap: identity, name and the other server's address.
        const Finding *overlap = finding("relay-connector-overlap");
        QVERIFY(overlap);
        QCOMPARE(overlap->parameters.value(QStringLiteral("RelayConnectorName")), QStringLiteral("Relay Apps"));
        const QString relay = script(*overlap, QStringLiteral("relay-connector-from-configuration.ps1"));
        QVERIFY(relay.contains(QLatin1String("'EX01\\Relay Apps'")));
        QVERIFY(relay.contains(QLatin1String("10.0.0.12")));
    }

    void failedHandshakeOnARequireTlsConnectorGetsTheSettings()
    {
        // No contract rule for a failed handshake as such: the finding that holds the session (here
        // the peer's 454 4.7.0, tls-certificate-not-found) gets the connector's settings.
        QByteArray log = header("SMTP Send Protocol Log");
        log += session("Partner TLS", "08DE00000000D005", "192.0.2.11:41005", "203.0.113.26:25", 6,
                       {{{"+", "", ""}}, {{"<", "220 mx.woodgrove.com ESMTP", ""}}, {{">", "EHLO mail.contoso.com", ""}},
                        {{"<", "250  mx.woodgrove.com Hello SIZE 10240000 PIPELINING STARTTLS 8BITMIME", ""}}, {{">", "STARTTLS", ""}},
                        {{"<", "454 4.7.0 TLS not available due to local problem", ""}}, {{">", "QUIT", ""}}, {{"-", "", "Local"}}});
        QTemporaryDir dir;
        const QString zip = dir.filePath(QStringLiteral("handshake.zip"));
        QVERIFY(collectionfixture::writeZip(zip, {{QStringLiteral("config\\SendConnector.json"), sendConnectors(false)},
                                                  {QStringLiteral("logs\\EX01\\Hub\\SmtpSend\\SEND2026120108-1.LOG"), log}}));
        const Analysis analysis = analyzePaths({zip});
        const Finding *holder = nullptr;
        for (const Finding &f : analysis.findings)
            if (f.sessions.contains(QStringLiteral("08DE00000000D005")))
                holder = &f;
        QVERIFY(holder);
        QVERIFY2(holder->parameters.value(QStringLiteral("SendConnectorTls")).startsWith(QLatin1String("Partner TLS: RequireTLS $true")),
                 qPrintable(holder->rule + QLatin1Char(' ') + holder->parameters.value(QStringLiteral("SendConnectorTls"))));
        QVERIFY(holder->parameters.value(QStringLiteral("ConfigurationProblem")).contains(QLatin1String("TLS handshake")));
    }

    void receiveConnectorWithoutRequireTlsIsNotBlamed()
    {
        // The same 530 from a connector that does not require TLS (another cause): the log finding
        // stays, without the configuration fact.
        QTemporaryDir dir;
        const QList<Finding> findings = analyze(dir, Case{false, false});
        const QList<const Finding *> starttls = ofRule(findings, "starttls-required");
        QCOMPARE(starttls.size(), 1);
        QVERIFY(starttls.first()->sessions.contains(QStringLiteral("08DE00000000E001")));
        QVERIFY(!starttls.first()->parameters.contains(QStringLiteral("ReceiveConnectorTls")));
    }
};

QTEST_GUILESS_MAIN(TstConnectorTls)
#include "tst_connector_tls.moc"
