// The built-in scenario catalog and the walker that drives both the wizard and the CLI.
#include "model/core/remediation/parameterkinds.h"
#include "model/core/remediation/walker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mwb::remediation;

namespace {

QJsonObject minimalScenario()
{
    return QJsonDocument::fromJson(R"({
      "id": "mini", "title": "Mini", "symptoms": ["x"],
      "parameters": [{"name": "Server", "kind": "server", "required": true, "example": "EX01"}],
      "steps": [{"id": "a", "title": "A?", "why": "w", "command": "Get-Queue -Server {{Server}}", "next": "b"},
                {"id": "b", "title": "B?", "why": "w", "command": "Get-Queue"}],
      "script": {"checks": [{"why": "w", "command": "Get-Queue"}], "changes": [{"why": "w", "command": "Retry-Queue -Identity 'x'"}]}
    })").object();
}

} // namespace

class TestScenarioWalker : public QObject {
    Q_OBJECT
private slots:
    void everyContractScenarioIsBuiltIn()
    {
        QVERIFY2(builtInScenarioErrors().isEmpty(), qPrintable(builtInScenarioErrors().join(u'\n')));
        const QStringList contract = {"drafts-stuck", "edgesync-ldap", "dns-resolution", "certificate-smtp", "exchange-auth",
                                      "smtp-354-stall", "unreachable-queue", "blocklist-smarthost", "protocol-logging",
                                      "setup-prerequisites", "exo-hybrid-connectors", "relay-connector", "smtp-client-submission"};
        for (const QString &id : contract) {
            const Scenario *s = findScenario(id);
            QVERIFY2(s, qPrintable(id));
            QVERIFY(!s->symptoms.isEmpty());
            QVERIFY(!s->title.isEmpty());
            QVERIFY(!s->checks.isEmpty());
            QVERIFY(!s->changes.isEmpty());
            for (const Step &step : s->steps) {
                QVERIFY2(!step.why.isEmpty() && !step.command.isEmpty(), qPrintable(id + u'/' + step.id));
            }
        }
        QCOMPARE(builtInScenarios().size(), contract.size());
    }
    void everyExampleIsAValidValueOfItsKind()
    {
        for (const Scenario &s : builtInScenarios())
            for (const ParameterSpec &p : s.parameters)
                QVERIFY2(validateParameterValue(p.kind, p.example).ok(), qPrintable(s.id + u'/' + p.name));
    }
    void walkerFollowsBranchesAndKeepsHistory()
    {
        const Scenario *s = findScenario(QStringLiteral("drafts-stuck"));
        QVERIFY(s);
        ScenarioWalker w(*s);
        QCOMPARE(w.currentStep()->id, QStringLiteral("services"));
        QCOMPARE(w.position(), 1);
        QCOMPARE(w.estimatedTotal(), 6);
        QVERIFY(!w.canGoBack());
        w.answer(Answer::No);
        QCOMPARE(w.currentStep()->id, QStringLiteral("components"));
        w.answer(Answer::Yes);
        QCOMPARE(w.currentStep()->id, QStringLiteral("databases"));
        w.answer(Answer::Yes);
        QCOMPARE(w.currentStep()->id, QStringLiteral("back-pressure"));
        w.answer(Answer::Yes);
        QCOMPARE(w.currentStep()->id, QStringLiteral("queues"));
        w.answer(Answer::Yes);  // healthy queues: the walk ends here
        QVERIFY(w.isFinished());
        QCOMPARE(w.history(), (QStringList{"services", "components", "databases", "back-pressure", "queues"}));
        QCOMPARE(w.estimatedTotal(), 5);
        w.back();
        QCOMPARE(w.currentStep()->id, QStringLiteral("queues"));
        QVERIFY(!w.answers().contains(QStringLiteral("queues")));
        w.answer(Answer::No);
        QCOMPARE(w.currentStep()->id, QStringLiteral("transport-dns"));
        QCOMPARE(w.answers().value(QStringLiteral("services")), Answer::No);
        w.restart();
        QCOMPARE(w.currentStep()->id, QStringLiteral("services"));
        QVERIFY(w.answers().isEmpty());
    }
    void answersBecomeTheScriptFacts()
    {
        const Scenario *s = findScenario(QStringLiteral("drafts-stuck"));
        ScenarioWalker w(*s);
        w.setParameter(QStringLiteral("Server"), QStringLiteral("EX01"));
        for (int i = 0; i < 5; ++i)
            w.answer(Answer::Yes);
        QVERIFY(w.isFinished());
        const QString healthy = writeScript(*s, w.request(false)).value();
        QVERIFY(!healthy.contains(QStringLiteral("Start-Service")));
        QVERIFY(!healthy.contains(QStringLiteral("Restart-Service")));
        // A complete walk can always be applied.
        QVERIFY(writeScript(*s, w.request(true)).ok());
        w.restart();
        w.answer(Answer::No);
        const QString stopped = writeScript(*s, w.request(false)).value();
        // Stopped services are started, not restarted; nothing restarts a running service.
        QVERIFY(stopped.contains(QStringLiteral("Where-Object { $_.Status -ne 'Running' } | Start-Service -WhatIf")));
        QVERIFY(!stopped.contains(QStringLiteral("Restart-Service")));
        // Applying while the walk is half done is refused, naming the steps.
        const auto refused = writeScript(*s, w.request(true));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("databases")), qPrintable(refused.errorMessage()));
    }
    void pastedOutputAnswersTheStepAndCapturesParameters()
    {
        const Scenario *s = findScenario(QStringLiteral("certificate-smtp"));
        ScenarioWalker w(*s);
        const QString output = QStringLiteral(
            "Thumbprint         : 6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B\n"
            "Services           : IMAP, POP, IIS\n"
            "Subject            : CN=mail.contoso.com\n"
            "Issuer             : CN=R3, O=Let's Encrypt, C=US\n"
            "CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}\n"
            "NotAfter           : 2/1/2099 11:59:59 PM\n"
            "Status             : Valid\n"
            "IsSelfSigned       : False\n\n"
            "Thumbprint         : 0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F\n"
            "Services           : SMTP\n"
            "Subject            : CN=EX01\n"
            "Issuer             : CN=EX01\n"
            "NotAfter           : 1/1/2020 11:59:59 PM\n"
            "Status             : DateInvalid\n"
            "IsSelfSigned       : True\n");
        const ParsedOutput parsed = w.pasteOutput(output);
        QVERIFY(parsed.recognized);
        QCOMPARE(w.suggestedAnswer(parsed), Answer::No);
        QCOMPARE(w.parameters().value(QStringLiteral("CertificateThumbprint")), QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B"));
        QCOMPARE(w.parameters().value(QStringLiteral("TlsCertificateName")),
                 QStringLiteral("<I>CN=R3, O=Let's Encrypt, C=US<S>CN=mail.contoso.com"));
        QCOMPARE(w.notes().size(), 1);
        w.answer(w.suggestedAnswer(parsed));
        QCOMPARE(w.currentStep()->id, QStringLiteral("single-certificate"));
    }
    void whatTheAdminGaveWinsOverPastedOutput()
    {
        const Scenario *s = findScenario(QStringLiteral("unreachable-queue"));
        ScenarioWalker w(*s);
        w.setParameter(QStringLiteral("Queue"), QStringLiteral("EX09\\Unreachable"));
        w.pasteOutput(QStringLiteral("Identity          DeliveryType Status MessageCount\n"
                                     "--------          ------------ ------ ------------\n"
                                     "EX01\\Unreachable  Unreachable  Ready  4\n"));
        QCOMPARE(w.parameters().value(QStringLiteral("Queue")), QStringLiteral("EX09\\Unreachable"));
    }
    void unrecognisedPasteGivesNoAnswer()
    {
        const Scenario *s = findScenario(QStringLiteral("drafts-stuck"));
        ScenarioWalker w(*s);
        const ParsedOutput parsed = w.pasteOutput(QStringLiteral("The term 'Get-Servce' is not recognized as the name of a cmdlet"));
        QVERIFY(!parsed.recognized);
        QCOMPARE(w.suggestedAnswer(parsed), Answer::None);
        QVERIFY(w.notes().isEmpty());
    }
    void currentCommandQuotesParameters()
    {
        const Scenario *s = findScenario(QStringLiteral("drafts-stuck"));
        ScenarioWalker w(*s);
        QVERIFY(w.currentCommand().contains(QStringLiteral("<Server>")));
        w.setParameter(QStringLiteral("Server"), QStringLiteral("EX01"));
        QVERIFY(w.currentCommand().contains(QStringLiteral("-ComputerName 'EX01'")));
    }
    void findingParametersMapByNameThenAlias()
    {
        const Scenario *s = findScenario(QStringLiteral("unreachable-queue"));
        const MappedParameters m = mapFindingParameters(*s, {{QStringLiteral("Server"), QStringLiteral("EX01")},
                                                             {QStringLiteral("Domain"), QStringLiteral("contoso.onmicrosoft.com")},
                                                             {QStringLiteral("Connector"), QStringLiteral("EX01\\Default Frontend EX01")},
                                                             {QStringLiteral("RemoteIp"), QStringLiteral("203.0.113.9")}});
        QCOMPARE(m.parameters.value(QStringLiteral("Server")), QStringLiteral("EX01"));
        QCOMPARE(m.parameters.value(QStringLiteral("AddressSpace")), QStringLiteral("contoso.onmicrosoft.com"));
        QVERIFY(!m.parameters.contains(QStringLiteral("SendConnector")));  // a receive connector identity
        QCOMPARE(m.unused.size(), 2);
        const MappedParameters send = mapFindingParameters(*s, {{QStringLiteral("Connector"), QStringLiteral("Outbound to Office 365")}});
        QCOMPARE(send.parameters.value(QStringLiteral("SendConnector")), QStringLiteral("Outbound to Office 365"));
        QVERIFY(send.unused.isEmpty());
    }
    void brokenDefinitionsAreRejectedWithAReason_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown kind") << "parameters" << QJsonValue(QJsonArray{QJsonObject{{"name", "X"}, {"kind", "colour"}, {"example", "red"}}}) << "unknown kind";
        QTest::newRow("bad example") << "parameters" << QJsonValue(QJsonArray{QJsonObject{{"name", "X"}, {"kind", "port"}, {"example", "99999"}}}) << "example";
        QTest::newRow("cycle") << "steps" << QJsonValue(QJsonArray{QJsonObject{{"id", "a"}, {"title", "A"}, {"why", "w"}, {"command", "Get-Queue"}, {"next", "b"}},
                                                                   QJsonObject{{"id", "b"}, {"title", "B"}, {"why", "w"}, {"command", "Get-Queue"}, {"next", "a"}}}) << "cycle";
        QTest::newRow("dangling branch") << "steps" << QJsonValue(QJsonArray{QJsonObject{{"id", "a"}, {"title", "A"}, {"why", "w"}, {"command", "Get-Queue"}, {"next", "zzz"}}}) << "unknown step";
        QTest::newRow("undeclared placeholder") << "steps" << QJsonValue(QJsonArray{QJsonObject{{"id", "a"}, {"title", "A"}, {"why", "w"}, {"command", "Get-Queue -Server {{Nope}}"}}}) << "undeclared";
        QTest::newRow("unknown parser") << "steps" << QJsonValue(QJsonArray{QJsonObject{{"id", "a"}, {"title", "A"}, {"why", "w"}, {"command", "Get-Queue"}, {"parser", "tea-leaves"}}}) << "unknown parser";
    }
    void brokenDefinitionsAreRejectedWithAReason()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reason);
        QVERIFY(parseScenario(minimalScenario()).ok());
        QJsonObject o = minimalScenario();
        o.insert(path, value);
        const auto r = parseScenario(o);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(reason), qPrintable(r.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestScenarioWalker)
#include "tst_scenariowalker.moc"
