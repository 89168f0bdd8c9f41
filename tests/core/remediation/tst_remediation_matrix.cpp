// The scenario x branch matrix of issue #26: every branch of every scenario, dry run and apply,
// keeps the safety rules (stop on the first error, machine guard, restarts only with their change
// and a disruption note, no unguarded registry -Force, TLS level only with RequireTLS, no LDAP
// port opened to the world, no unauthenticated smart host on 587); and for the branches that
// matter, the commands that must and must not appear. pscheck checks the same scripts
// (generated_ps_valid); here the content is checked.
#include "tests/core/remediation/scenariopaths.h"
#include "model/core/remediation/powershellwriter.h"
#include "model/core/remediation/walker.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace mwb::remediation;

namespace {

using Answers = QMap<QString, Answer>;

using mwb::testing::pathTo;

QMap<QString, QString> examples(const Scenario &s)
{
    QMap<QString, QString> out;
    for (const ParameterSpec &p : s.parameters)
        out.insert(p.name, p.example);
    return out;
}

// Every complete walk: up to a step along the first path, that step answered each way, the rest
// answered uniformly.
QList<Answers> completeWalks(const Scenario &s)
{
    QList<Answers> out;
    for (const Step &step : s.steps) {
        const auto prefix = pathTo(s, step.id);
        if (!prefix)
            continue;
        for (Answer here : {Answer::Yes, Answer::No, Answer::Unknown}) {
            for (Answer rest : {Answer::Yes, Answer::No, Answer::Unknown}) {
                ScenarioWalker w(s);
                for (Answer a : *prefix)
                    w.answer(a);
                w.answer(here);
                for (int guard = 0; !w.isFinished() && guard < 100; ++guard)
                    w.answer(rest);
                if (!out.contains(w.answers()))
                    out << w.answers();
            }
        }
    }
    return out;
}

QString script(const QString &id, const Answers &answers, bool apply, QMap<QString, QString> overrides = {})
{
    const Scenario *s = findScenario(id);
    if (!s)
        return QStringLiteral("<no scenario %1>").arg(id);
    ScriptRequest r;
    r.parameters = examples(*s);
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        r.parameters.insert(it.key(), it.value());
    r.answers = answers;
    r.apply = apply;
    r.generatedAt = QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
    const auto written = writeScript(*s, r);
    return written.ok() ? written.value() : QStringLiteral("<error: %1>").arg(written.errorMessage());
}

QStringList codeLines(const QString &text)
{
    QStringList out;
    for (const QString &l : text.split(u'\n')) {
        const QString t = l.trimmed();
        if (!t.isEmpty() && !t.startsWith(u'#'))
            out << t;
    }
    return out;
}

// The rules every script keeps, whatever the branch. Returns the first broken rule.
QString brokenRule(const Scenario &s, const QString &text, bool apply)
{
    const QStringList all = text.split(u'\n');
    const QStringList code = codeLines(text);
    if (code.isEmpty() || code.first() != QStringLiteral("$ErrorActionPreference = 'Stop'"))
        return QStringLiteral("the first command is not $ErrorActionPreference = 'Stop'");
    if (!text.contains(QStringLiteral("Unblock-File")))
        return QStringLiteral("the header does not say how to run a downloaded copy");
    if (s.exchange == u"online"
        && (code.size() < 3 || !code.at(1).contains(QStringLiteral("Get-ConnectionInformation")) || !code.at(2).contains(QStringLiteral("Get-AcceptedDomain"))
            || !text.contains(QStringLiteral("# pscheck: exchange=online"))))
        return QStringLiteral("no Exchange Online organization guard right after $ErrorActionPreference");
    if (!s.machines.isEmpty() && (code.size() < 2 || !code.at(1).startsWith(QStringLiteral("if ("))
                                  || !code.at(1).contains(QStringLiteral("$env:COMPUTERNAME")) || !code.at(1).contains(QStringLiteral("throw"))))
        return QStringLiteral("no machine guard right after $ErrorActionPreference");
    if (apply && text.contains(QStringLiteral("-WhatIf")))
        return QStringLiteral("-WhatIf in apply mode");
    for (int i = 0; i < all.size(); ++i) {
        const QString l = all.at(i).trimmed();
        if (l.startsWith(u'#'))
            continue;
        if (l.contains(QStringLiteral("New-Item")) && !l.contains(QStringLiteral("-ItemType Directory"))) {
            if (l.contains(QStringLiteral("-Force")))
                return QStringLiteral("New-Item -Force outside a folder: ") + l;
            if (!l.contains(QStringLiteral("Test-Path")))
                return QStringLiteral("New-Item not guarded by Test-Path: ") + l;
        }
        if (l.contains(QStringLiteral("-TlsAuthLevel")) && !l.contains(QStringLiteral("-RequireTLS $true")))
            return QStringLiteral("-TlsAuthLevel without -RequireTLS $true: ") + l;
        if (l.contains(QStringLiteral("50389")))
            return QStringLiteral("port 50389 in a command: ") + l;
        if (l.contains(QStringLiteral("New-NetFirewallRule"))
            && (!l.contains(QStringLiteral("-RemoteAddress '")) || !l.contains(QStringLiteral("-LocalPort 50636 "))))
            return QStringLiteral("firewall rule not scoped to 50636 from given addresses: ") + l;
        if (l.contains(QStringLiteral("-SmartHosts"))) {
            const bool authenticated = l.contains(QStringLiteral("-SmartHostAuthMechanism BasicAuthRequireTLS"))
                                       && l.contains(QStringLiteral("-AuthenticationCredential $"));
            if (!authenticated && !l.contains(QStringLiteral("-Port 25 ")))
                return QStringLiteral("smart host without authentication on a port other than 25: ") + l;
        }
        static const QRegularExpression port587(QStringLiteral("-Port '?587\\b"));
        if (port587.match(l).hasMatch() && !l.contains(QStringLiteral("-SmartHostAuthMechanism BasicAuthRequireTLS"))
            && l.contains(QStringLiteral("Set-SendConnector")))
            return QStringLiteral("port 587 without authentication: ") + l;
        if (l.contains(QStringLiteral("Enable-ExchangeCertificate")) && l.contains(QStringLiteral("-Force")))
            return QStringLiteral("Enable-ExchangeCertificate -Force replaces the default certificate silently: ") + l;
        if (l.contains(QStringLiteral("Set-ReceiveConnector")) && l.contains(QStringLiteral("AnonymousUsers")))
            return QStringLiteral("a receive connector gets AnonymousUsers: ") + l;
        if (l.contains(QStringLiteral("Restart-Service"))) {
            if (!text.contains(QStringLiteral("if ($env:COMPUTERNAME -ne ")) && !text.contains(QStringLiteral("if ($env:COMPUTERNAME -eq ")))
                return QStringLiteral("Restart-Service without a machine guard");
            static const QRegularExpression service(QStringLiteral("Restart-Service -Name '?(MSExchangeTransport|MSExchangeFrontEndTransport|MSExchangeEdgeSync|ADAM_MSExchange|MSExchangeSubmission|MSExchangeDelivery)'?( |$)"));
            if (!service.match(l).hasMatch())
                return QStringLiteral("Restart-Service of an unexpected service: ") + l;
            bool note = false;
            for (int j = i - 1; j >= 0 && all.at(j).trimmed().startsWith(u'#'); --j)
                note = note || all.at(j).contains(QStringLiteral("# DISRUPTIVE: "));
            if (!note)
                return QStringLiteral("Restart-Service without a disruption note: ") + l;
        }
    }
    return {};
}

struct Expectation {
    const char *scenario;
    Answers answers;
    bool apply;
    QStringList must;
    QStringList mustNot;
    QMap<QString, QString> parameters;
};

Answers answers(std::initializer_list<std::pair<const char *, Answer>> list)
{
    Answers out;
    for (const auto &[k, v] : list)
        out.insert(QString::fromLatin1(k), v);
    return out;
}

constexpr Answer Y = Answer::Yes, N = Answer::No, U = Answer::Unknown;

using Params = QMap<QString, QString>;

} // namespace

Q_DECLARE_METATYPE(Answers)

class TestRemediationMatrix : public QObject {
    Q_OBJECT
private slots:
    void everyBranchOfEveryScenarioKeepsTheSafetyRules()
    {
        QVERIFY2(builtInScenarioErrors().isEmpty(), qPrintable(builtInScenarioErrors().join(u'\n')));
        int checked = 0;
        for (const Scenario &s : builtInScenarios()) {
            const QList<Answers> walks = completeWalks(s);
            QVERIFY2(!walks.isEmpty(), qPrintable(s.id));
            for (const Answers &a : walks) {
                for (bool apply : {false, true}) {
                    const QString text = script(s.id, a, apply);
                    // A complete walk can always be applied (no step left unanswered that decides).
                    QVERIFY2(!text.startsWith(QStringLiteral("<error")), qPrintable(s.id + u' ' + text));
                    const QString broken = brokenRule(s, text, apply);
                    QVERIFY2(broken.isEmpty(), qPrintable(s.id + QStringLiteral(": ") + broken));
                    ++checked;
                }
            }
            // Without answers: the dry run shows every fix, --apply is refused.
            QVERIFY(brokenRule(s, script(s.id, {}, false), false).isEmpty());
            QVERIFY2(script(s.id, {}, true).startsWith(QStringLiteral("<error: refusing to apply")), qPrintable(s.id));
        }
        QVERIFY(checked > 100);
    }

    void branchesHaveTheCommandsTheyNeedAndNoOthers_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Answers>("answers");
        QTest::addColumn<bool>("apply");
        QTest::addColumn<QStringList>("must");
        QTest::addColumn<QStringList>("mustNot");
        QTest::addColumn<Params>("parameters");
        const QList<std::pair<const char *, Expectation>> rows = {
            // setup-prerequisites: registry keys only when missing, never emptied.
            {"setup: keys missing, apply", {"setup-prerequisites", answers({{"registry", N}, {"asdat", N}}), true,
              {"if (Test-Path -Path $key) { Write-Host ('exists, left unchanged: ' + $key) } else { New-Item -Path $key | Out-Null }",
               "if ($env:COMPUTERNAME -ne 'EX01') { throw"},
              {"-Force }", "msiexec"}, {}}},
            {"setup: keys there, ASDat failed", {"setup-prerequisites", answers({{"registry", Y}, {"asdat", Y}}), true,
              {"Start-Process -FilePath 'msiexec.exe' -ArgumentList '/i ASDat.MSI"}, {"New-Item -Path $key"}, {}}},
            {"setup: unknown keys are not written when applying", {"setup-prerequisites", answers({{"registry", U}, {"asdat", N}}), true,
              {"Not applied: this change is destructive"}, {"New-Item -Path $key"}, {}}},
            // exchange-auth: 2525 connector checked, never anonymous, relay connector only trimmed.
            {"auth: relay overlap", {"exchange-auth", answers({{"queue-error", Y}, {"relay-overlap", Y}, {"connector-2525", Y}, {"ehlo-verbs", Y}}), true,
              {"Set-ReceiveConnector -Identity 'EX02\\Relay Applications' -RemoteIPRanges @{ Remove = '10.0.0.5','10.0.0.6' }",
               "-match ':2525'", "Retry-Queue"},
              {"-AuthMechanism", "-PermissionGroups", "AnonymousUsers"}, {}}},
            {"auth: a finding's Default connector is never trimmed", {"exchange-auth", answers({{"queue-error", Y}, {"relay-overlap", Y}, {"connector-2525", Y}, {"ehlo-verbs", Y}}), true,
              {"Not generated: the RemoteIPRanges of a Default, Client or Outbound Proxy connector are not changed"},
              {"-RemoteIPRanges @{"}, {{QStringLiteral("RelayConnector"), QStringLiteral("EX02\\Default Frontend EX02")}}}},
            {"auth: 2525 connector broken", {"exchange-auth", answers({{"queue-error", Y}, {"relay-overlap", N}, {"connector-2525", N}, {"ehlo-verbs", Y}}), true,
              {"Where-Object { $_.TransportRole -eq 'HubTransport' -and \"$($_.Bindings)\" -match ':2525' } | ForEach-Object {",
               "-AuthMechanism ('{0}, Tls, ExchangeServer' -f $_.AuthMechanism) -PermissionGroups ('{0}, ExchangeServers' -f $_.PermissionGroups)"},
              {"-RemoteIPRanges @{", "AnonymousUsers", "Set-ReceiveConnector -Identity 'EX02\\Relay Applications'"}, {}}},
            {"auth: healthy connectors, firewall", {"exchange-auth", answers({{"queue-error", Y}, {"relay-overlap", N}, {"connector-2525", Y}, {"ehlo-verbs", N}}), true,
              {"turn off SMTP/ESMTP inspection"}, {"Set-ReceiveConnector"}, {}}},
            // blocklist-smarthost: authenticated relay or Exchange Online on 25; NDR-aware; Spamhaus error codes.
            {"blocklist: provider relay", {"blocklist-smarthost", answers({{"rejection", Y}, {"listed", Y}, {"connector", N}, {"route-provider", Y}}), true,
              {"$relayCredential = Get-Credential -Message",
               "-SmartHosts 'relay.provider.example' -Port '587' -DNSRoutingEnabled $false -SmartHostAuthMechanism BasicAuthRequireTLS -AuthenticationCredential $relayCredential",
               "Get-MessageTrackingLog -Server 'EX01' -EventId FAIL", "127\\.255\\.255\\.", "Retry-Queue"},
              {"contoso-com.mail.protection.outlook.com", "smtp.office365.com"}, {}}},
            {"blocklist: Exchange Online route", {"blocklist-smarthost", answers({{"rejection", Y}, {"listed", Y}, {"connector", N}, {"route-provider", N}}), true,
              {"-SmartHosts 'contoso-com.mail.protection.outlook.com' -Port 25 -DNSRoutingEnabled $false -SmartHostAuthMechanism None -RequireTLS $true",
               "New-InboundConnector -Name 'From on-premises' -ConnectorType OnPremises"},
              {"Get-Credential", "-Port '587'"}, {}}},
            {"blocklist: route not chosen", {"blocklist-smarthost", answers({{"rejection", Y}, {"listed", Y}, {"connector", N}, {"route-provider", U}}), false,
              {"Choose the route first"}, {"-SmartHosts", "Retry-Queue"}, {}}},
            {"blocklist: already a smart host", {"blocklist-smarthost", answers({{"rejection", Y}, {"listed", N}, {"connector", Y}}), true,
              {"No change is needed"}, {"Set-SendConnector", "spamhaus.org/ (PBL"}, {}}},
            // edgesync-ldap: two guarded parts, 50636 from the Mailbox servers only, removal announced.
            {"edgesync: healthy", {"edgesync-ldap", answers({{"sync-status", Y}}), true,
              {"if ($env:COMPUTERNAME -eq 'EDGE01') {", "if ($env:COMPUTERNAME -eq 'EX01') {"},
              {"Remove-EdgeSubscription", "New-EdgeSubscription", "New-NetFirewallRule", "Start-EdgeSynchronization"}, {}}},
            {"edgesync: port blocked, no credentials", {"edgesync-ldap", answers({{"sync-status", N}, {"adam-service", Y}, {"ldap-port", N}, {"credentials", N}, {"subscription", Y}}), true,
              {"New-NetFirewallRule -DisplayName 'EdgeSync secure LDAP (AD LDS 50636) from the Mailbox servers' -Direction Inbound -Protocol TCP -LocalPort 50636 -RemoteAddress '10.0.0.5','10.0.0.6' -Action Allow",
               "New-EdgeSubscription -FileName 'C:\\EdgeSub.xml'", "Remove-EdgeSubscription -Identity 'EDGE01' -Confirm:$false",
               "also deletes the EdgeSync send connectors", "Start-EdgeSynchronization -Server 'EX01'"},
              {"-LocalPort 50389", "New-EdgeSubscription -FileName 'C:\\EdgeSub.xml' -Force", "adamuninstall"}, {}}},
            {"edgesync: unknown credentials keep the subscription", {"edgesync-ldap", answers({{"sync-status", N}, {"adam-service", Y}, {"ldap-port", Y}, {"credentials", U}, {"subscription", U}}), true,
              {"Not applied: this change is destructive"}, {"Remove-EdgeSubscription -Identity"}, {}}},
            {"edgesync: AD LDS stopped", {"edgesync-ldap", answers({{"sync-status", N}, {"adam-service", N}, {"event-7023", N}, {"ldap-port", Y}, {"credentials", Y}}), true,
              {"Start-Service -Name ADAM_MSExchange"}, {"Remove-EdgeSubscription -Identity", "New-NetFirewallRule"}, {}}},
            // certificate-smtp: RequireTLS with TlsAuthLevel, no Fqdn on Default <Server>, no -Force, names from the certificate.
            {"certificate: expired, Default <Server> connector", {"certificate-smtp", answers({{"smtp-certificate", N}, {"single-certificate", Y}, {"receive-fqdn", N}, {"send-tls", N}}), true,
              {"Import-ExchangeCertificate -Server 'EX01' -FileData", "Read-Host -Prompt 'Password of the .pfx file' -AsSecureString",
               "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint '6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B' -Services SMTP\n",
               "Not generated: -Fqdn is not changed on a 'Default <Server>' receive connector",
               "-RequireTLS $true -TlsAuthLevel DomainValidation -TlsDomain 'mail.protection.outlook.com'",
               "-TlsCertificateName ('<I>' + $certificate.Issuer + '<S>' + $certificate.Subject)",
               "Restart-Service -Name 'MSExchangeFrontEndTransport'", "Write-Warning 'Not changed: this connector covers all domains (*)",
               "else { Set-SendConnector -Identity 'Outbound to Office 365' -RequireTLS $true"},
              {"Set-ReceiveConnector -Identity 'EX01\\Default EX01' -Fqdn", "-Services SMTP -Force"},
              {{QStringLiteral("ReceiveConnector"), QStringLiteral("EX01\\Default EX01")}, {QStringLiteral("PfxPath"), QStringLiteral("C:\\Certificates\\mail.pfx")}}}},
            {"certificate: Default Frontend may announce the name", {"certificate-smtp", answers({{"smtp-certificate", Y}, {"single-certificate", Y}, {"receive-fqdn", N}, {"send-tls", Y}}), true,
              {"Set-ReceiveConnector -Identity 'EX01\\Default Frontend EX01' -Fqdn 'mail.contoso.com'"},
              {"Restart-Service", "Enable-ExchangeCertificate", "Set-SendConnector"}, {}}},
            // An Edge has one receive connector for the internet and Exchange Online, its "Default internal
            // receive connector": the certificate is named there (as the Hybrid Configuration Wizard does),
            // while its Fqdn stays as it is.
            {"certificate: an Edge names the certificate on its default connector", {"certificate-smtp", answers({{"smtp-certificate", Y}, {"single-certificate", Y}, {"receive-fqdn", N}, {"send-tls", Y}}), true,
              {"Set-ReceiveConnector -Identity 'EDGE01\\Default internal receive connector EDGE01' -TlsCertificateName ('<I>' + $certificate.Issuer + '<S>' + $certificate.Subject)"},
              {"Set-ReceiveConnector -Identity 'EDGE01\\Default internal receive connector EDGE01' -Fqdn"},
              {{QStringLiteral("ReceiveConnector"), QStringLiteral("EDGE01\\Default internal receive connector EDGE01")}}}},
            // smtp-354-stall: no certificate work, a real test, MTU, both directions.
            {"354: application", {"smtp-354-stall", answers({{"direction", Y}, {"port-open", Y}, {"manual-test", Y}}), true,
              {"ping.exe -f -l 1472",
               "must send <CRLF>.<CRLF>", "BareLinefeedRejectionEnabled"},
              {"Enable-ExchangeCertificate", "Restart-Service", "Set-ReceiveConnector", "Set-SendConnector"}, {}}},
            {"354: network", {"smtp-354-stall", answers({{"direction", Y}, {"port-open", Y}, {"manual-test", N}, {"mtu", N}, {"inspection", N}}), true,
              {"Set-ReceiveConnector -Identity 'EX01\\Default Frontend EX01' -ProtocolLoggingLevel Verbose", "Path-MTU black hole", "SMTP/ESMTP inspection"},
              {"Enable-ExchangeCertificate", "Restart-Service", "Set-SendConnector -Identity"}, {}}},
            {"354: outbound", {"smtp-354-stall", answers({{"direction", N}, {"outbound-log", N}, {"mtu", Y}, {"inspection", Y}}), true,
              {"Set-SendConnector -Identity 'Outbound to Internet' -ProtocolLoggingLevel Verbose"},
              {"Set-ReceiveConnector -Identity", "Enable-ExchangeCertificate", "Restart-Service"}, {}}},
            // drafts-stuck: start what is stopped, back pressure and components checked, restarts only after DNS changes.
            {"drafts: services stopped", {"drafts-stuck", answers({{"services", N}, {"components", Y}, {"databases", Y}, {"back-pressure", Y}, {"queues", Y}}), true,
              {"| Start-Service", "Id = 15004, 15005, 15006, 15007", "Get-ServerComponentState -Identity 'EX01'"},
              {"Restart-Service", "Set-TransportService"}, {}}},
            {"drafts: PRX2", {"drafts-stuck", answers({{"services", Y}, {"components", Y}, {"databases", Y}, {"back-pressure", Y}, {"queues", N}, {"transport-dns", N}}), true,
              {"Set-TransportService -Identity 'EX01' -InternalDNSServers '192.168.1.11' -InternalDNSAdapterEnabled $false",
               "Restart-Service -Name MSExchangeTransport", "Restart-Service -Name MSExchangeFrontEndTransport"},
              {"| Start-Service"}, {}}},
            // dns-resolution: ISP DNS off the adapter, restarts with their change.
            {"dns: ISP DNS on the adapter", {"dns-resolution", answers({{"transport-dns", Y}, {"adapter-dns", N}, {"internal-name", Y}, {"split-dns", Y}, {"mx", Y}}), true,
              {"Set-DnsClientServerAddress -InterfaceAlias 'Ethernet' -ServerAddresses '192.168.1.11'", "Restart-Service -Name MSExchangeTransport",
               "Restart-Service -Name MSExchangeFrontEndTransport"},
              {"Set-TransportService", "Set-DnsClient -InterfaceAlias"}, {}}},
            // An Edge Transport server has no Front End Transport service: every Front End command is
            // guarded, so the script (ErrorActionPreference Stop) runs through on an Edge too.
            {"dns: Front End commands guarded for an Edge", {"dns-resolution", answers({{"transport-dns", N}, {"adapter-dns", N}, {"internal-name", Y}, {"split-dns", Y}, {"mx", N}}), true,
              {"if (Get-Command -Name Get-FrontendTransportService -ErrorAction SilentlyContinue) { Get-FrontendTransportService",
               "if (Get-Command -Name Set-FrontendTransportService -ErrorAction SilentlyContinue) { Set-FrontendTransportService -Identity 'EX01' -InternalDNSServers",
               "if (Get-Command -Name Set-FrontendTransportService -ErrorAction SilentlyContinue) { Set-FrontendTransportService -Identity 'EX01' -ExternalDNSServers",
               "if (Get-Service -Name MSExchangeFrontEndTransport -ErrorAction SilentlyContinue) { Restart-Service -Name MSExchangeFrontEndTransport }"},
              {}, {}}},
            {"dns: all healthy", {"dns-resolution", answers({{"transport-dns", Y}, {"adapter-dns", Y}, {"internal-name", Y}, {"split-dns", Y}, {"mx", Y}}), true,
              {}, {"Restart-Service", "Set-DnsClientServerAddress", "Clear-DnsClientCache"}, {}}},
            {"dns: name fails", {"dns-resolution", answers({{"transport-dns", Y}, {"adapter-dns", Y}, {"internal-name", N}, {"mx", Y}}), false,
              {"Clear-DnsClientCache -WhatIf"}, {"Restart-Service", "Set-DnsClient -InterfaceAlias"}, {}}},
            // unreachable-queue and protocol-logging.
            {"unreachable: missing address space", {"unreachable-queue", answers({{"unreachable", Y}, {"recipients", Y}, {"connector", N}}), true,
              {"-AddressSpaces @{ Add = 'smtp:contoso.onmicrosoft.com;1' }", "Retry-Queue -Identity 'EX01\\Unreachable' -Resubmit $true",
               "SourceTransportServers,IsScopedConnector"},
              {"Restart-Service"}, {}}},
            // relay-connector: dedicated, scoped connector; anonymous relay never unscoped or on a Default connector.
            {"relay: new connector", {"relay-connector", answers({{"relay-denied", Y}, {"relay-exists", N}}), true,
              {"New-ReceiveConnector -Name 'Relay Applications' -Server 'EX01' -TransportRole FrontendTransport -Custom -Bindings '0.0.0.0:25' -RemoteIPRanges '192.168.5.10','192.168.5.11' -PermissionGroups AnonymousUsers",
               "is not scoped to the application hosts (an open relay)", "-ExtendedRights 'ms-Exch-SMTP-Accept-Any-Recipient'"},
              {"-RemoteIPRanges @{ Remove"}, {}}},
            {"relay: too wide", {"relay-connector", answers({{"relay-denied", Y}, {"relay-exists", Y}, {"relay-scope", N}, {"relay-permission", Y}}), true,
              {"Set-ReceiveConnector -Identity 'EX01\\Relay Applications' -RemoteIPRanges @{ Remove = '10.0.0.5','10.0.0.6' }"},
              {"New-ReceiveConnector", "Add-ADPermission"}, {}}},
            {"relay: never on Default Frontend", {"relay-connector", answers({{"relay-denied", Y}, {"relay-exists", Y}, {"relay-scope", Y}, {"relay-permission", N}}), true,
              {"Not generated: anonymous relay is never granted on a Default or Client connector"}, {"Add-ADPermission"},
              {{QStringLiteral("RelayConnector"), QStringLiteral("EX01\\Default Frontend EX01")}}}},
            // smtp-client-submission: per mailbox, never organization-wide; connector by IP for external mail.
            {"submission: OAuth", {"smtp-client-submission", answers({{"auth-error", Y}, {"org-auth", Y}, {"mailbox-auth", N}, {"can-oauth", Y}}), true,
              {"Set-CASMailbox -Identity 'scanner@contoso.com' -SmtpClientAuthenticationDisabled $false", "# pscheck: exchange=online",
               "if (-not (Get-AcceptedDomain | Where-Object { \"$($_.DomainName)\" -eq 'contoso.com' })) { throw"},
              {"Set-TransportConfig", "New-InboundConnector"}, {}}},
            {"submission: external recipients, no OAuth", {"smtp-client-submission", answers({{"auth-error", Y}, {"org-auth", Y}, {"mailbox-auth", Y}, {"can-oauth", N}, {"internal-only", N}}), true,
              {"New-InboundConnector -Name 'Relay from devices' -ConnectorType OnPremises -SenderDomains '*' -SenderIPAddresses '203.0.113.25'\n"},
              {"Set-CASMailbox", "Set-TransportConfig", "RestrictDomainsToIPAddresses $true"}, {}}},
            {"submission: internal only", {"smtp-client-submission", answers({{"auth-error", Y}, {"org-auth", Y}, {"mailbox-auth", Y}, {"can-oauth", N}, {"internal-only", Y}}), true,
              {"direct send to your MX host"}, {"New-InboundConnector", "Set-CASMailbox"}, {}}},
            // exo-hybrid-connectors: the inbound connector's certificate name, validation, both sides.
            {"hybrid: 5.7.64 after renewal", {"exo-hybrid-connectors", answers({{"tenant-attribution", Y}, {"inbound-certificate", N}, {"outbound-valid", N}, {"renewed", Y}}), true,
              {"Set-InboundConnector -Identity 'Inbound from 4f6b5d2e-hybrid' -TlsSenderCertificateName 'mail.contoso.com'",
               "Set-OutboundConnector -Identity 'Outbound to 4f6b5d2e-hybrid' -TlsSettings DomainValidation -TlsDomain 'mail.contoso.com'",
               "Validate-OutboundConnector -Identity 'Outbound to 4f6b5d2e-hybrid' -Recipients 'admin@contoso.com'", "Hybrid Configuration Wizard"},
              {"$env:COMPUTERNAME"}, {}}},
            {"hybrid: healthy", {"exo-hybrid-connectors", answers({{"tenant-attribution", N}, {"inbound-certificate", Y}, {"outbound-valid", Y}, {"renewed", N}}), true,
              {"No change is needed"}, {"Set-InboundConnector", "Set-OutboundConnector"}, {}}},
            {"logging: nothing restarts", {"protocol-logging", answers({{"receive-logging", N}, {"send-logging", N}, {"log-paths", Y}}), true,
              {"Set-ReceiveConnector -Identity 'EX01\\Default Frontend EX01' -ProtocolLoggingLevel Verbose"}, {"Restart-Service"}, {}}},
        };
        for (const auto &[name, e] : rows)
            QTest::newRow(name) << QString::fromLatin1(e.scenario) << e.answers << e.apply << e.must << e.mustNot << e.parameters;
    }
    void branchesHaveTheCommandsTheyNeedAndNoOthers()
    {
        QFETCH(QString, scenario);
        QFETCH(Answers, answers);
        QFETCH(bool, apply);
        QFETCH(QStringList, must);
        QFETCH(QStringList, mustNot);
        QFETCH(Params, parameters);
        const QString text = script(scenario, answers, apply, parameters);
        QVERIFY2(!text.startsWith(QStringLiteral("<")), qPrintable(text));
        const QString code = codeLines(text).join(u'\n');
        for (const QString &m : must)
            QVERIFY2(text.contains(m), qPrintable(QStringLiteral("missing: ") + m + QStringLiteral("\n") + text));
        for (const QString &m : mustNot)
            QVERIFY2(!code.contains(m) && !text.contains(QStringLiteral("\n") + m), qPrintable(QStringLiteral("present: ") + m + QStringLiteral("\n") + text));
        const Scenario *s = findScenario(scenario);
        QVERIFY(brokenRule(*s, text, apply).isEmpty());
    }

    void theRulesThemselvesCatchBadScripts()
    {
        // The checker must fail on the mistakes it is there to catch.
        const Scenario *s = findScenario(QStringLiteral("drafts-stuck"));
        const QString head = QStringLiteral("# h\n# Unblock-File\n$ErrorActionPreference = 'Stop'\nif ($env:COMPUTERNAME -ne 'EX01') { throw ('x') }\n");
        QVERIFY(brokenRule(*s, head + QStringLiteral("New-Item -Path 'HKLM:\\SOFTWARE\\X' -Force\n"), true).contains(QStringLiteral("-Force")));
        QVERIFY(brokenRule(*s, head + QStringLiteral("Set-SendConnector -Identity 'a' -TlsAuthLevel DomainValidation\n"), true).contains(QStringLiteral("RequireTLS")));
        QVERIFY(!brokenRule(*s, head + QStringLiteral("New-NetFirewallRule -LocalPort 50389,50636 -Action Allow\n"), true).isEmpty());
        QVERIFY(!brokenRule(*s, head + QStringLiteral("Set-SendConnector -Identity 'a' -SmartHosts 'smtp.office365.com' -Port 587\n"), true).isEmpty());
        QVERIFY(brokenRule(*s, head + QStringLiteral("# why\nRestart-Service -Name MSExchangeTransport\n"), true).contains(QStringLiteral("disruption")));
        QVERIFY(brokenRule(*s, QStringLiteral("# h\n# Unblock-File\nGet-Queue\n"), false).contains(QStringLiteral("$ErrorActionPreference")));
        QVERIFY(brokenRule(*s, QStringLiteral("# h\n# Unblock-File\n$ErrorActionPreference = 'Stop'\nGet-Queue\n"), false).contains(QStringLiteral("guard")));
        QVERIFY(brokenRule(*s, head + QStringLiteral("Set-ReceiveConnector -Identity 'a\\b' -PermissionGroups 'AnonymousUsers, ExchangeServers'\n"), true).contains(QStringLiteral("AnonymousUsers")));
    }

    void everyChangeCitesItsReferenceAndEveryScenarioHasReferences()
    {
        for (const Scenario &s : builtInScenarios()) {
            QVERIFY2(!s.references.isEmpty(), qPrintable(s.id));
            for (const ScriptEntry &e : s.changes) {
                if (!e.isChange())
                    continue;
                QVERIFY2(!e.references.isEmpty(), qPrintable(s.id + QStringLiteral(": ") + e.why));
                for (const QString &url : e.references)
                    QVERIFY2(url.startsWith(QStringLiteral("https://learn.microsoft.com/")), qPrintable(url));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRemediationMatrix)
#include "tst_remediation_matrix.moc"
