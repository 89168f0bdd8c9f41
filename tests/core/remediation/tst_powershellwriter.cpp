// The PowerShell writer: quoting, validation before use, script layout (header, read-only checks
// first, -WhatIf unless applying, one why-comment per command), UTF-8 BOM.
#include "model/core/remediation/powershellwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace mwb::remediation;

namespace {

Scenario testScenario()
{
    const QByteArray json = R"({
      "id": "test-scenario", "title": "Test", "symptoms": ["something is wrong"],
      "parameters": [
        {"name": "Server", "kind": "server", "required": true, "example": "EX01"},
        {"name": "Connector", "kind": "connector", "example": "EX01\\Default EX01"},
        {"name": "Dns", "kind": "ip-list", "example": "10.0.0.1,10.0.0.2"}
      ],
      "steps": [
        {"id": "first", "title": "First?", "why": "because", "command": "Get-Queue -Server {{Server}}", "next": {"yes": "", "no": "second", "unknown": "second"}},
        {"id": "second", "title": "Second?", "why": "because", "command": "Get-ReceiveConnector -Server {{Server}}"}
      ],
      "script": {
        "checks": [{"why": "look first", "command": "Get-Queue -Server {{Server}}"}],
        "changes": [
          {"why": "change the connector", "when": ["first!=yes"], "command": "Set-ReceiveConnector -Identity {{Connector}} -ProtocolLoggingLevel Verbose"},
          {"why": "remove it", "when": ["second=no"], "confirm": true, "command": "Remove-ReceiveConnector -Identity {{Connector}}"},
          {"why": "native tool", "whatIf": false, "command": "ipconfig /flushdns"},
          {"why": "dns servers", "command": "Set-TransportService -Identity {{Server}} -InternalDNSServers {{Dns}}"}
        ],
        "verify": [{"why": "look again", "command": "Get-Queue -Server {{Server}}"}]
      }
    })";
    auto parsed = parseScenario(QJsonDocument::fromJson(json).object());
    if (!parsed.ok())
        qFatal("%s", qPrintable(parsed.errorMessage()));
    return parsed.value();
}

ScriptRequest request(QMap<QString, QString> parameters, bool apply = false)
{
    ScriptRequest r;
    r.parameters = std::move(parameters);
    r.apply = apply;
    r.generatedAt = QDateTime(QDate(2026, 11, 20), QTime(8, 30), Qt::UTC);
    return r;
}

} // namespace

class TestPowerShellWriter : public QObject {
    Q_OBJECT
private slots:
    void literalDoublesEverySingleQuoteCharacter()
    {
        QCOMPARE(powerShellLiteral(QStringLiteral("O'Brien")), QStringLiteral("'O''Brien'"));
        QCOMPARE(powerShellLiteral(QStringLiteral("a\u2018b\u2019c\u201Ad\u201Be")),
                 QStringLiteral("'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'"));
        QCOMPARE(powerShellLiteral(QString()), QStringLiteral("''"));
        QCOMPARE(powerShellLiteral(QStringLiteral("$(calc) `n \"x\"")), QStringLiteral("'$(calc) `n \"x\"'"));
    }
    void commentTextCannotBreakOutOfTheComment()
    {
        const QString c = powerShellCommentText(QStringLiteral("line1\r\nRemove-Item C:\\\u2028x"));
        QVERIFY(!c.contains(u'\n'));
        QVERIFY(!c.contains(u'\r'));
        QVERIFY(!c.contains(QChar(0x2028)));
    }
    void headerNamesScenarioTimeModeAndEvidence()
    {
        ScriptRequest r = request({{QStringLiteral("Server"), QStringLiteral("EX01")}});
        r.evidence = {QStringLiteral("RECV2026112008-1.LOG:812 451 4.7.0\nGet-Process")};
        const QString script = writeScript(testScenario(), r).value();
        const QStringList lines = script.split(u'\n');
        QVERIFY(lines.at(1).contains(QStringLiteral("test-scenario")));
        QVERIFY(script.contains(QStringLiteral("# Generated : 2026-11-20T08:30:00Z")));
        QVERIFY(script.contains(QStringLiteral("DRY RUN")));
        QVERIFY(script.contains(QStringLiteral("#   - RECV2026112008-1.LOG:812 451 4.7.0 Get-Process")));
        for (const QString &line : lines) {
            if (line.startsWith(QStringLiteral("Get-Process")))
                QFAIL("evidence text escaped its comment");
        }
    }
    void readOnlyChecksComeBeforeChangesAndEveryCommandHasAWhyComment()
    {
        const QString script = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX01")},
                                                                   {QStringLiteral("Connector"), QStringLiteral("EX01\\Default EX01")},
                                                                   {QStringLiteral("Dns"), QStringLiteral("10.0.0.1,10.0.0.2")}}))
                                   .value();
        const qsizetype checks = script.indexOf(QStringLiteral("Read-only checks"));
        const qsizetype changes = script.indexOf(QStringLiteral("2. Changes"));
        QVERIFY(checks > 0 && changes > checks);
        QVERIFY(script.indexOf(QStringLiteral("Get-Queue -Server 'EX01'")) < changes);
        QVERIFY(script.indexOf(QStringLiteral("Set-ReceiveConnector")) > changes);
        const QStringList lines = script.split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            const QString &l = lines.at(i);
            if (l.isEmpty() || l.startsWith(u'#') || l == QStringLiteral("$ErrorActionPreference = 'Stop'"))
                continue;
            QVERIFY2(i > 0 && lines.at(i - 1).startsWith(QStringLiteral("# ")), qPrintable(l));
        }
    }
    void dryRunAddsWhatIfToChangesOnly()
    {
        const QMap<QString, QString> p = {{QStringLiteral("Server"), QStringLiteral("EX01")},
                                          {QStringLiteral("Connector"), QStringLiteral("EX01\\Default EX01")},
                                          {QStringLiteral("Dns"), QStringLiteral("10.0.0.1")}};
        const QString dry = writeScript(testScenario(), request(p)).value();
        QVERIFY(dry.contains(QStringLiteral("Set-ReceiveConnector -Identity 'EX01\\Default EX01' -ProtocolLoggingLevel Verbose -WhatIf\n")));
        QVERIFY(!dry.contains(QStringLiteral("Get-Queue -Server 'EX01' -WhatIf")));
        QVERIFY(!dry.contains(QStringLiteral("-Confirm:$false")));
        // A native program has no -WhatIf: in a dry run it is commented out, not run.
        QVERIFY(dry.contains(QStringLiteral("# ipconfig /flushdns")));
        QVERIFY(!dry.contains(QStringLiteral("\nipconfig /flushdns")));

        ScriptRequest applyRequest = request(p, true);
        applyRequest.answers.insert(QStringLiteral("first"), Answer::No);
        applyRequest.answers.insert(QStringLiteral("second"), Answer::No);
        const QString applied = writeScript(testScenario(), applyRequest).value();
        QVERIFY(!applied.contains(QStringLiteral("-WhatIf")));
        QVERIFY(applied.contains(QStringLiteral("Remove-ReceiveConnector -Identity 'EX01\\Default EX01' -Confirm:$false\n")));
        QVERIFY(applied.contains(QStringLiteral("\nipconfig /flushdns\n")));
        QVERIFY(applied.contains(QStringLiteral("APPLY")));
    }
    void answersSelectTheChanges()
    {
        ScriptRequest r = request({{QStringLiteral("Server"), QStringLiteral("EX01")},
                                   {QStringLiteral("Connector"), QStringLiteral("EX01\\C")}});
        r.answers = {{QStringLiteral("first"), Answer::Yes}};
        const QString yes = writeScript(testScenario(), r).value();
        QVERIFY(!yes.contains(QStringLiteral("Set-ReceiveConnector")));
        QVERIFY(!yes.contains(QStringLiteral("Remove-ReceiveConnector")));
        r.answers = {{QStringLiteral("first"), Answer::No}, {QStringLiteral("second"), Answer::No}};
        const QString no = writeScript(testScenario(), r).value();
        QVERIFY(no.contains(QStringLiteral("Set-ReceiveConnector")));
        QVERIFY(no.contains(QStringLiteral("Remove-ReceiveConnector")));
        QVERIFY(no.contains(QStringLiteral("#   Second? NO")));
    }
    void listValuesBecomeACommaSeparatedListOfLiterals()
    {
        const QString script = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX01")},
                                                                   {QStringLiteral("Dns"), QStringLiteral("10.0.0.1, 10.0.0.2")}}))
                                   .value();
        QVERIFY(script.contains(QStringLiteral("-InternalDNSServers '10.0.0.1','10.0.0.2' -WhatIf")));
    }
    void missingOptionalParameterSkipsItsCommandWithAComment()
    {
        const QString script = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX01")}})).value();
        QVERIFY(script.contains(QStringLiteral("# Skipped: needs parameter Connector")));
        QVERIFY(!script.contains(QStringLiteral("Set-ReceiveConnector")));
    }
    void wrongKindUnknownNameAndMissingRequiredAreClearErrors()
    {
        const auto wrongKind = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX 01; calc")}}));
        QVERIFY(!wrongKind.ok());
        QVERIFY(wrongKind.errorMessage().startsWith(QStringLiteral("parameter Server:")));
        const auto unknown = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX01")},
                                                                 {QStringLiteral("Serverr"), QStringLiteral("x")}}));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.errorMessage().contains(QStringLiteral("has no parameter 'Serverr'")));
        const auto missing = writeScript(testScenario(), request({}));
        QVERIFY(!missing.ok());
        QVERIFY(missing.errorMessage().contains(QStringLiteral("parameter Server is required")));
    }
    void hostileValueStaysInsideOneLiteral()
    {
        const QString hostile = QStringLiteral("x' ; Remove-Item -Path C: -Recurse ; '\u2019$(calc)`#\"");
        const auto result = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX01")},
                                                                {QStringLiteral("Connector"), hostile}}));
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QVERIFY(result.value().contains(QStringLiteral("-Identity 'x'' ; Remove-Item -Path C: -Recurse ; ''\u2019\u2019$(calc)`#\"' -ProtocolLoggingLevel")));
    }
    void displayCommandQuotesKnownValuesAndMarksMissingOnes()
    {
        const Scenario s = testScenario();
        QCOMPARE(renderCommandForDisplay(QStringLiteral("Set-X -A {{Server}} -B {{Connector}}"), s, {{QStringLiteral("Server"), QStringLiteral("EX01")}}),
                 QStringLiteral("Set-X -A 'EX01' -B <Connector>"));
        QCOMPARE(renderCommandForDisplay(QStringLiteral("Set-X -A {{Server}}"), s, {{QStringLiteral("Server"), QStringLiteral("bad name")}}),
                 QStringLiteral("Set-X -A <Server>"));
    }
    void fileBytesStartWithUtf8BomAndUseCrlf()
    {
        const QByteArray bytes = scriptFileBytes(QStringLiteral("# caf\u00e9\nGet-Queue\r\n\n"));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(bytes.mid(3), QStringLiteral("# caf\u00e9\r\nGet-Queue\r\n\r\n").toUtf8());
    }
    void everyScriptStartsWithStopAfterItsHeaderAndSaysHowToRunASavedCopy()
    {
        const QString script = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX01")}})).value();
        const QStringList lines = script.split(u'\n');
        int firstCode = 0;
        while (firstCode < lines.size() && (lines.at(firstCode).startsWith(u'#') || lines.at(firstCode).isEmpty()))
            ++firstCode;
        QCOMPARE(lines.value(firstCode), QStringLiteral("$ErrorActionPreference = 'Stop'"));
        QVERIFY(script.contains(QStringLiteral("Unblock-File")));
        QVERIFY(script.contains(QStringLiteral("Set-ExecutionPolicy -Scope Process")));
    }
    void applyIsRefusedWhileAStepThatGatesAChangeIsUnanswered()
    {
        const QMap<QString, QString> p = {{QStringLiteral("Server"), QStringLiteral("EX01")},
                                          {QStringLiteral("Connector"), QStringLiteral("EX01\\Default EX01")}};
        const auto refused = writeScript(testScenario(), request(p, true));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("first (First?)")), qPrintable(refused.errorMessage()));
        QVERIFY(refused.errorMessage().contains(QStringLiteral("--answer first=yes|no|unknown")));
        // "first" answered yes rules out the change that depends on it; "second" still decides
        // about the removal.
        ScriptRequest yes = request(p, true);
        yes.answers.insert(QStringLiteral("first"), Answer::Yes);
        QCOMPARE(unansweredGatingSteps(testScenario(), yes), QStringList{QStringLiteral("second")});
        yes.answers.insert(QStringLiteral("second"), Answer::Yes);
        QVERIFY(unansweredGatingSteps(testScenario(), yes).isEmpty());
        QVERIFY(writeScript(testScenario(), yes).ok());
        // A dry run never needs answers.
        QVERIFY(writeScript(testScenario(), request(p, false)).ok());
    }
    void aDestructiveChangeIsNotAppliedOnAnUnknownAnswer()
    {
        const auto parsed = parseScenario(QJsonDocument::fromJson(R"({
          "id": "d", "title": "D", "symptoms": ["x"],
          "parameters": [{"name": "Connector", "kind": "connector", "required": true, "example": "EX01\\Relay"}],
          "steps": [{"id": "a", "title": "A?", "why": "w", "command": "Get-Queue"}],
          "script": {"checks": [{"why": "w", "command": "Get-Queue"}],
                     "changes": [{"why": "remove it", "when": ["a!=yes"], "confirm": true, "command": "Remove-ReceiveConnector -Identity {{Connector}}"},
                                 {"why": "log it", "when": ["a!=yes"], "command": "Set-ReceiveConnector -Identity {{Connector}} -ProtocolLoggingLevel Verbose"}]}
        })").object());
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QVERIFY(parsed.value().changes.first().destructive);
        QVERIFY(!parsed.value().changes.last().destructive);
        ScriptRequest r = request({{QStringLiteral("Connector"), QStringLiteral("EX01\\Relay")}}, true);
        r.answers = {{QStringLiteral("a"), Answer::Unknown}};
        const QString applied = writeScript(parsed.value(), r).value();
        QVERIFY(!applied.contains(QStringLiteral("Remove-ReceiveConnector -Identity")));
        QVERIFY(applied.contains(QStringLiteral("# Not applied: this change is destructive and needs a definite yes or no to a (answered unknown).")));
        QVERIFY(applied.contains(QStringLiteral("Set-ReceiveConnector -Identity 'EX01\\Relay' -ProtocolLoggingLevel Verbose\n")));
        r.answers = {{QStringLiteral("a"), Answer::No}};
        QVERIFY(writeScript(parsed.value(), r).value().contains(QStringLiteral("Remove-ReceiveConnector -Identity 'EX01\\Relay' -Confirm:$false\n")));
        // In a dry run it is shown, behind -WhatIf.
        r.apply = false;
        r.answers = {{QStringLiteral("a"), Answer::Unknown}};
        QVERIFY(writeScript(parsed.value(), r).value().contains(QStringLiteral("Remove-ReceiveConnector -Identity 'EX01\\Relay' -WhatIf")));
        // A destructive change must depend on an answer.
        QJsonObject o = QJsonDocument::fromJson(R"({"id": "e", "title": "E", "symptoms": ["x"],
          "steps": [{"id": "a", "title": "A?", "why": "w", "command": "Get-Queue"}],
          "script": {"checks": [{"why": "w", "command": "Get-Queue"}], "changes": [{"why": "rm", "command": "Remove-EdgeSubscription -Identity 'E'"}]}})").object();
        QVERIFY(parseScenario(o).errorMessage().contains(QStringLiteral("must depend on an answer")));
    }
    void destructiveCommandsAreRecognised()
    {
        QVERIFY(looksDestructive(QStringLiteral("Remove-EdgeSubscription -Identity 'EDGE01'")));
        QVERIFY(looksDestructive(QStringLiteral("Get-Service -Name X | Restart-Service")));
        QVERIFY(looksDestructive(QStringLiteral("New-Item -Path 'HKLM:\\SOFTWARE\\X' -Force")));
        QVERIFY(looksDestructive(QStringLiteral("Set-ReceiveConnector -Identity 'a\\b' -AuthMechanism Tls")));
        QVERIFY(looksDestructive(QStringLiteral("Set-SendConnector -Identity 'a' -SmartHosts 'x.example.com'")));
        QVERIFY(!looksDestructive(QStringLiteral("Set-SendConnector -Identity 'a' -AddressSpaces @{ Add = 'smtp:x.com;1' }")));
        QVERIFY(!looksDestructive(QStringLiteral("Set-ReceiveConnector -Identity 'a\\b' -ProtocolLoggingLevel Verbose")));
        QVERIFY(!looksDestructive(QStringLiteral("Get-Queue | Retry-Queue")));
    }
    void theGuardComparesWithTheNetbiosName()
    {
        QCOMPARE(computerNameOf(QStringLiteral("ex01.contoso.com")), QStringLiteral("EX01"));
        QCOMPARE(computerNameOf(QStringLiteral("Exchange-Mailbox-01.contoso.com")), QStringLiteral("EXCHANGE-MAILBO"));
        QCOMPARE(computerNameOf(QStringLiteral("EDGE01")), QStringLiteral("EDGE01"));
    }
    void oneMachineGetsAGuardAndSeveralGetOneGuardedPartEach()
    {
        const QByteArray json = R"({
          "id": "two", "title": "Two", "symptoms": ["x"],
          "machines": [{"parameter": "Edge", "role": "Edge Transport server"}, {"parameter": "Mailbox", "role": "Mailbox server"}],
          "parameters": [{"name": "Edge", "kind": "server", "required": true, "example": "EDGE01"},
                         {"name": "Mailbox", "kind": "server", "required": true, "example": "EX01"}],
          "steps": [{"id": "a", "title": "A?", "why": "w", "command": "Get-Queue"}],
          "script": {"checks": [{"why": "w", "command": "Get-Service -Name ADAM_MSExchange"}],
                     "changes": [{"id": "start", "why": "start", "when": ["a!=yes"], "command": "Start-Service -Name ADAM_MSExchange"},
                                 {"why": "mbx", "machine": "Mailbox", "when": ["a!=yes"], "command": "Start-EdgeSynchronization -Server {{Mailbox}}"},
                                 {"why": "restart", "after": ["start"], "disruption": "mail flow pauses", "command": "Restart-Service -Name MSExchangeTransport"}]}
        })";
        const auto s = parseScenario(QJsonDocument::fromJson(json).object());
        QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
        const QString script = writeScript(s.value(), request({{QStringLiteral("Edge"), QStringLiteral("edge01.contoso.com")},
                                                                {QStringLiteral("Mailbox"), QStringLiteral("EX01")}})).value();
        QVERIFY(script.contains(QStringLiteral("if (@('EDGE01', 'EX01') -notcontains $env:COMPUTERNAME) { throw (")));
        const qsizetype edge = script.indexOf(QStringLiteral("if ($env:COMPUTERNAME -eq 'EDGE01') {"));
        const qsizetype mailbox = script.indexOf(QStringLiteral("if ($env:COMPUTERNAME -eq 'EX01') {"));
        QVERIFY(edge > 0 && mailbox > edge);
        QVERIFY(script.indexOf(QStringLiteral("    Start-Service -Name ADAM_MSExchange -WhatIf")) > edge);
        QVERIFY(script.indexOf(QStringLiteral("    Start-Service -Name ADAM_MSExchange -WhatIf")) < mailbox);
        QVERIFY(script.indexOf(QStringLiteral("    Start-EdgeSynchronization -Server 'EX01' -WhatIf")) > mailbox);
        // The restart belongs to the Start-Service: it comes with it, on the same machine, with its note.
        const qsizetype restart = script.indexOf(QStringLiteral("    Restart-Service -Name MSExchangeTransport -WhatIf"));
        QVERIFY(restart > edge && restart < mailbox);
        QVERIFY(script.lastIndexOf(QStringLiteral("# DISRUPTIVE: mail flow pauses"), restart) > edge);
        ScriptRequest healthy = request({{QStringLiteral("Edge"), QStringLiteral("EDGE01")}, {QStringLiteral("Mailbox"), QStringLiteral("EX01")}});
        healthy.answers.insert(QStringLiteral("a"), Answer::Yes);
        QVERIFY(!writeScript(s.value(), healthy).value().contains(QStringLiteral("Restart-Service")));

        // A restart without its disruption note, its change or a machine is refused at load.
        QJsonObject broken = QJsonDocument::fromJson(json).object();
        QJsonObject script_ = broken.value(u"script").toObject();
        QJsonArray changes = script_.value(u"changes").toArray();
        QJsonObject restartEntry = changes.at(2).toObject();
        restartEntry.remove(QStringLiteral("disruption"));
        changes.replace(2, restartEntry);
        script_.insert(QStringLiteral("changes"), changes);
        broken.insert(QStringLiteral("script"), script_);
        const auto r = parseScenario(broken);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(QStringLiteral("disruption")), qPrintable(r.errorMessage()));

        // Single machine: the whole script is guarded.
        const QString single = writeScript(testScenario(), request({{QStringLiteral("Server"), QStringLiteral("EX01")}})).value();
        QVERIFY(!single.contains(QStringLiteral("$env:COMPUTERNAME")));  // this test scenario names no machine
    }
};

QTEST_GUILESS_MAIN(TestPowerShellWriter)
#include "tst_powershellwriter.moc"
