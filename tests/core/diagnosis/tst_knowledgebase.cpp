// The knowledge base (resources/kb/rules.json) loads, validates, covers the contract, and a
// broken one is refused with an error that names the rule and the problem.
#include "model/core/diagnosis/engine.h"
#include "model/core/diagnosis/knowledgebase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {

QByteArray builtIn()
{
    QFile f(QStringLiteral(":/kb/rules.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// The rows of a table in ../shared/contracts/cli.md below the given heading: first column ids.
QStringList contractIds(const QString &heading)
{
    QFile f(QStringLiteral(MWB_SHARED_DIR "/contracts/cli.md"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype start = text.indexOf(heading);
    if (start < 0)
        return {};
    const qsizetype end = text.indexOf(QLatin1String("\n## "), start + 1);
    const QString section = text.mid(start, end < 0 ? -1 : end - start);
    QStringList ids;
    static const QRegularExpression row(QStringLiteral("^\\| `([a-z0-9-]+)` \\|"), QRegularExpression::MultilineOption);
    auto it = row.globalMatch(section);
    while (it.hasNext())
        ids << it.next().captured(1);
    return ids;
}

// A minimal valid KB with one rule whose JSON object the test can damage.
QByteArray kbWithRule(const QJsonObject &rule)
{
    QJsonObject root;
    root.insert(QStringLiteral("schema"), QStringLiteral("mwb-kb/1"));
    root.insert(QStringLiteral("rules"), QJsonArray{rule});
    return QJsonDocument(root).toJson();
}

QJsonObject validRule()
{
    return QJsonDocument::fromJson(R"({
        "id": "custom-rule", "severity": "error", "title": "A title", "explanation": "What it means.",
        "scenario": "dns-resolution",
        "match": [ { "patterns": ["Frobnication (?<Thing>\\w+) failed"] } ],
        "parameters": { "Server": "session.server", "Thing": "match.Thing" },
        "groupBy": ["Server"] })").object();
}

} // namespace

class TestKnowledgeBase : public QObject {
    Q_OBJECT
private slots:
    void builtInKnowledgeBaseLoadsAndValidates()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY2(kb.ok(), qPrintable(kb.errorMessage()));
        QVERIFY(kb->rules().size() >= 18);
        for (const Rule &r : kb->rules()) {
            QVERIFY2(!r.conditions.isEmpty(), qPrintable(r.id));
            QVERIFY2(r.parameters.contains(QStringLiteral("Server")), qPrintable(r.id));
        }
    }

    void everyContractRuleIsInTheKnowledgeBase()
    {
        const QStringList ids = contractIds(QStringLiteral("## Finding rules"));
        if (ids.isEmpty())
            QSKIP("shared contract not available");
        QVERIFY(ids.contains(QStringLiteral("smtp-data-not-terminated")));
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        // Contract rows whose rule another open issue delivers: expected to fail until it lands
        // (then the XPASS fails this test and the entry goes).
        static const QMap<QString, const char *> deliveredElsewhere = {
        };
        for (const QString &id : ids) {
            if (deliveredElsewhere.contains(id))
                QEXPECT_FAIL("", deliveredElsewhere.value(id), Continue);
            QVERIFY2(kb->indexOf(id) >= 0, qPrintable(QStringLiteral("rule missing from rules.json: ") + id));
        }
    }

    void newRulesOf2025And2026AreComplete()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY2(kb.ok(), qPrintable(kb.errorMessage()));
        struct Expected {
            const char *id;
            Severity severity;
            const char *scenario;
        };
        const Expected expected[] = {
            {"sender-authentication-failed", Severity::Error, ""},
            {"smtp-auth-basic-disabled", Severity::Error, "smtp-client-submission"},
            {"dane-mta-sts-failed", Severity::Error, ""},
            {"ip-reputation-blocked", Severity::Error, "blocklist-smarthost"},
            {"certificate-expiring", Severity::Warning, "certificate-smtp"},
            {"delivery-failed", Severity::Warning, ""},
            {"delivery-deferred", Severity::Info, ""},
        };
        for (const Expected &e : expected) {
            const int i = kb->indexOf(QLatin1String(e.id));
            QVERIFY2(i >= 0, e.id);
            const Rule &r = kb->rules().at(i);
            QCOMPARE(r.severity, e.severity);
            QCOMPARE(r.scenario, QLatin1String(e.scenario));
            QVERIFY2(!r.references.isEmpty(), e.id);   // grounded in public pages
        }
        // A generic failure is one step more severe when it repeats.
        const Rule &failed = kb->rules().at(kb->indexOf(QStringLiteral("delivery-failed")));
        QCOMPARE(failed.repeatAtLeast, 3);
        QCOMPARE(failed.repeatSeverity, Severity::Error);
        const Rule &deferred = kb->rules().at(kb->indexOf(QStringLiteral("delivery-deferred")));
        QCOMPARE(deferred.repeatSeverity, Severity::Warning);
        // 5.7.64 TenantAttribution stays a relay denial, with the hybrid connector scenario.
        const Rule &relay = kb->rules().at(kb->indexOf(QStringLiteral("relay-denied")));
        bool tenantAttribution = false;
        for (const MatchCondition &c : relay.conditions)
            tenantAttribution = tenantAttribution || c.scenario == QLatin1String("exo-hybrid-connectors");
        QVERIFY(tenantAttribution);
    }

    void everyScenarioIsAContractScenario()
    {
        const QStringList scenarios = contractIds(QStringLiteral("## Remediation scenarios"));
        if (scenarios.isEmpty())
            QSKIP("shared contract not available");
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        for (const Rule &r : kb->rules()) {
            if (!r.scenario.isEmpty())
                QVERIFY2(scenarios.contains(r.scenario), qPrintable(r.id + QStringLiteral(": ") + r.scenario));
            for (const MatchCondition &c : r.conditions) {
                if (!c.scenario.isEmpty())
                    QVERIFY2(scenarios.contains(c.scenario), qPrintable(r.id + QStringLiteral(": ") + c.scenario));
            }
        }
    }

    void explanationsTellTheAdminWhatToCheck()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        for (const Rule &r : kb->rules()) {
            QVERIFY2(r.explanation.size() > 200, qPrintable(r.id));
            QVERIFY2(r.explanation.contains(QLatin1String("check"), Qt::CaseInsensitive), qPrintable(r.id));
        }
    }

    void severitiesFollowTheContract()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        QCOMPARE(kb->rules().at(kb->indexOf(QStringLiteral("session-unused"))).severity, Severity::Info);
        QCOMPARE(kb->rules().at(kb->indexOf(QStringLiteral("smtp-data-not-terminated"))).severity, Severity::Error);
        QCOMPARE(kb->rules().at(kb->indexOf(QStringLiteral("exchange-auth-failed"))).scenario, QStringLiteral("exchange-auth"));
    }

    void validCustomRuleLoads()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::fromJson(kbWithRule(validRule()));
        QVERIFY2(kb.ok(), qPrintable(kb.errorMessage()));
        QCOMPARE(kb->rules().size(), 1);
        QCOMPARE(kb->rules().first().parameters.value(QStringLiteral("Thing")), QStringList{QStringLiteral("match.Thing")});
    }

    void brokenKnowledgeBaseGivesClearError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        auto damaged = [](const std::function<void(QJsonObject &)> &damage) {
            QJsonObject r = validRule();
            damage(r);
            return kbWithRule(r);
        };
        QTest::newRow("not json") << QByteArray("{ \"schema\": ") << QStringLiteral("not valid JSON");
        QTest::newRow("wrong schema") << QByteArray(R"({"schema":"x","rules":[]})") << QStringLiteral("\"schema\"");
        QTest::newRow("no rules") << QByteArray(R"({"schema":"mwb-kb/1","rules":[]})") << QStringLiteral("\"rules\"");
        QTest::newRow("unknown matcher") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("matcher"), QStringLiteral("frobnicate")}}});
        }) << QStringLiteral("unknown matcher \"frobnicate\"");
        QTest::newRow("bad regex") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("patterns"), QJsonArray{QStringLiteral("(unclosed")}}}});
        }) << QStringLiteral("not a valid regular expression");
        QTest::newRow("missing title") << damaged([](QJsonObject &r) { r.remove(QStringLiteral("title")); })
                                       << QStringLiteral("\"title\" is missing");
        QTest::newRow("missing explanation") << damaged([](QJsonObject &r) { r.remove(QStringLiteral("explanation")); })
                                             << QStringLiteral("\"explanation\" is missing");
        QTest::newRow("missing scenario") << damaged([](QJsonObject &r) { r.remove(QStringLiteral("scenario")); })
                                          << QStringLiteral("\"scenario\" is missing");
        QTest::newRow("bad severity") << damaged([](QJsonObject &r) { r.insert(QStringLiteral("severity"), QStringLiteral("fatal")); })
                                      << QStringLiteral("\"severity\"");
        QTest::newRow("bad id") << damaged([](QJsonObject &r) { r.insert(QStringLiteral("id"), QStringLiteral("Bad Id")); })
                                << QStringLiteral("\"id\"");
        QTest::newRow("empty condition") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{}});
        }) << QStringLiteral("needs a \"matcher\"");
        QTest::newRow("missing matcher option") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("matcher"), QStringLiteral("idle-gap")}}});
        }) << QStringLiteral("minGapMs");
        QTest::newRow("unknown matcher option") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("matcher"), QStringLiteral("no-mail")},
                                                                     {QStringLiteral("options"), QJsonObject{{QStringLiteral("x"), 1}}}}});
        }) << QStringLiteral("has no option \"x\"");
        QTest::newRow("unknown parameter source") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("Server"), QStringLiteral("session.nowhere")}});
        }) << QStringLiteral("unknown source \"session.nowhere\"");
        QTest::newRow("capture group missing") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("Server"), QStringLiteral("match.Nope")}});
        }) << QStringLiteral("names no capture group");
        QTest::newRow("groupBy not a parameter") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("groupBy"), QJsonArray{QStringLiteral("Domain")});
        }) << QStringLiteral("not one of the rule's parameters");
        QTest::newRow("bad enhanced code") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("enhanced"), QJsonArray{QStringLiteral("5.7")}}}});
        }) << QStringLiteral("not an enhanced status code");
        QTest::newRow("unknown field") << damaged([](QJsonObject &r) { r.insert(QStringLiteral("severty"), QStringLiteral("error")); })
                                       << QStringLiteral("unknown field \"severty\"");
        QTest::newRow("reference not https") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("references"), QJsonArray{QStringLiteral("http://example.com/ndr")});
        }) << QStringLiteral("is not an https URL");
        QTest::newRow("supersedes unknown rule") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("supersedes"), QJsonArray{QStringLiteral("no-such-rule")});
        }) << QStringLiteral("no rule with the id \"no-such-rule\"");
        QTest::newRow("repeated not above") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("repeated"), QJsonObject{{QStringLiteral("atLeast"), 3}, {QStringLiteral("severity"), QStringLiteral("warning")}});
        }) << QStringLiteral("must be above the rule's own");
        QTest::newRow("repeated once") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("severity"), QStringLiteral("warning"));
            r.insert(QStringLiteral("repeated"), QJsonObject{{QStringLiteral("atLeast"), 1}, {QStringLiteral("severity"), QStringLiteral("error")}});
        }) << QStringLiteral(".repeated: must be {");
        QTest::newRow("bad failure kind") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("matcher"), QStringLiteral("unexplained-failure")},
                                                                     {QStringLiteral("options"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("sometimes")}}}}});
        }) << QStringLiteral("must be one of: permanent, temporary");
        QTest::newRow("exclude with another matcher") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("matcher"), QStringLiteral("no-mail")},
                                                                     {QStringLiteral("exclude"), QJsonArray{QStringLiteral("x")}}}});
        }) << QStringLiteral("\"exclude\" cannot be combined with matcher \"no-mail\"");
        QTest::newRow("bad condition scenario") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("patterns"), QJsonArray{QStringLiteral("x")}},
                                                                     {QStringLiteral("scenario"), QStringLiteral("Not An Id")}}});
        }) << QStringLiteral(".scenario");
        QTest::newRow("bad refusedBy") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("patterns"), QJsonArray{QStringLiteral("x")}},
                                                                     {QStringLiteral("refusedBy"), QStringLiteral("exo")}}});
        }) << QStringLiteral(".refusedBy: must be \"exchange-online\" or \"not-exchange-online\"");
        QTest::newRow("refusedBy with a matcher") << damaged([](QJsonObject &r) {
            r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("matcher"), QStringLiteral("no-mail")},
                                                                     {QStringLiteral("refusedBy"), QStringLiteral("exchange-online")}}});
        }) << QStringLiteral("\"refusedBy\" cannot be combined with matcher \"no-mail\"");
        QJsonObject root;
        root.insert(QStringLiteral("schema"), QStringLiteral("mwb-kb/1"));
        root.insert(QStringLiteral("rules"), QJsonArray{validRule(), validRule()});
        QTest::newRow("duplicate id") << QJsonDocument(root).toJson() << QStringLiteral("duplicate rule id");
    }

    void brokenKnowledgeBaseGivesClearError()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const Result<KnowledgeBase> kb = KnowledgeBase::fromJson(json, QStringLiteral("test.json"));
        QVERIFY(!kb.ok());
        QVERIFY2(kb.errorMessage().contains(expected), qPrintable(kb.errorMessage()));
        QVERIFY2(kb.errorMessage().startsWith(QLatin1String("test.json: ")), qPrintable(kb.errorMessage()));
    }

    void errorNamesTheBrokenRule()
    {
        QJsonObject r = validRule();
        r.insert(QStringLiteral("match"), QJsonArray{QJsonObject{{QStringLiteral("patterns"), QJsonArray{QStringLiteral("[")}}}});
        const Result<KnowledgeBase> kb = KnowledgeBase::fromJson(kbWithRule(r));
        QVERIFY(!kb.ok());
        QVERIFY2(kb.errorMessage().contains(QLatin1String("rules[0] (\"custom-rule\").match[0].patterns[0]")), qPrintable(kb.errorMessage()));
    }

    void engineRefusesBrokenOrMissingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("rules.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schema\":\"mwb-kb/1\",\"rules\":[{\"id\":\"x\"}]}");
        f.close();
        const auto broken = DiagnosisEngine::create(path);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.errorMessage().contains(path), qPrintable(broken.errorMessage()));
        const auto missing = DiagnosisEngine::create(dir.filePath(QStringLiteral("none.json")));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.errorMessage().contains(QLatin1String("cannot read")), qPrintable(missing.errorMessage()));
    }

    void everyRuleHasCompleteGermanAndFrenchTexts()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY2(kb.ok(), qPrintable(kb.errorMessage()));
        for (const QString &lang : {QStringLiteral("de"), QStringLiteral("fr")}) {
            QVERIFY(kb->translatedLanguages().contains(lang));
            QVERIFY2(kb->untranslatedRules(lang).isEmpty(), qPrintable(lang + QLatin1String(": ") + kb->untranslatedRules(lang).join(QLatin1Char(','))));
            for (const Rule &r : kb->rules()) {
                const RuleText t = kb->text(r.id, lang);
                // Really translated, not the English copied over, and as complete as the English.
                QVERIFY2(t.title != r.title, qPrintable(lang + QLatin1Char(' ') + r.id));
                QVERIFY2(t.explanation != r.explanation, qPrintable(lang + QLatin1Char(' ') + r.id));
                QVERIFY2(t.explanation.size() > r.explanation.size() * 3 / 4, qPrintable(lang + QLatin1Char(' ') + r.id));
                QCOMPARE(t.explanation.count(QLatin1Char('\n')), r.explanation.count(QLatin1Char('\n')));
            }
        }
        // The admin's section headings are in the language, too.
        QVERIFY(kb->text(QStringLiteral("dns-prx2"), QStringLiteral("de")).explanation.contains(QStringLiteral("Zu prüfen:")));
        QVERIFY(kb->text(QStringLiteral("dns-prx2"), QStringLiteral("fr")).explanation.contains(QStringLiteral("À vérifier :")));
    }

    void textFallsBackToEnglishAndAcceptsLocaleNames()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        const Rule &r = kb->rules().at(kb->indexOf(QStringLiteral("starttls-required")));
        QCOMPARE(kb->text(r.id, QStringLiteral("en")).title, r.title);
        QCOMPARE(kb->text(r.id, QStringLiteral("it")).title, r.title);
        QCOMPARE(kb->text(r.id, QStringLiteral("de_AT")).title, kb->text(r.id, QStringLiteral("de")).title);
        QCOMPARE(kb->text(r.id, QStringLiteral("fr-CA")).title, kb->text(r.id, QStringLiteral("fr")).title);
        QVERIFY(kb->text(QStringLiteral("no-such-rule"), QStringLiteral("de")).title.isEmpty());
    }

    void localizedFindingsShowTheGuiLanguage()
    {
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        Finding known;
        known.rule = QStringLiteral("exchange-auth-failed");
        known.title = QStringLiteral("English");
        known.count = 3;
        Finding custom;
        custom.rule = QStringLiteral("site-specific-rule");
        custom.title = QStringLiteral("Own title");
        const QList<Finding> de = KnowledgeBase::localized({known, custom}, QStringLiteral("de"));
        QCOMPARE(de.size(), 2);
        QCOMPARE(de.at(0).title, kb->text(known.rule, QStringLiteral("de")).title);
        QVERIFY(de.at(0).title.contains(QLatin1String("Exchange-Server-Authentifizierung")));
        QCOMPARE(de.at(0).explanation, kb->text(known.rule, QStringLiteral("de")).explanation);
        QCOMPARE(de.at(0).count, 3);                                  // only the texts change
        QCOMPARE(de.at(1).title, QStringLiteral("Own title"));        // rules of a custom KB keep theirs
        // Without an argument the default locale (which the GUI sets from its language) decides.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        QCOMPARE(KnowledgeBase::uiLanguage(), QStringLiteral("fr"));
        const QList<Finding> fr = KnowledgeBase::localized({known});
        QLocale::setDefault(before);
        QCOMPARE(fr.at(0).title, kb->text(known.rule, QStringLiteral("fr")).title);
    }

    void brokenTranslationOverlayIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown rule") << QByteArray(R"({"schema":"mwb-kb-texts/1","language":"de","rules":{"no-such":{"title":"T","explanation":"E"}}})")
                                      << QStringLiteral("rules.no-such: no rule with this id");
        QTest::newRow("empty title") << QByteArray(R"({"schema":"mwb-kb-texts/1","language":"de","rules":{"dns-prx2":{"title":" ","explanation":"E"}}})")
                                     << QStringLiteral("must be non-empty");
        QTest::newRow("unknown field") << QByteArray(R"({"schema":"mwb-kb-texts/1","language":"de","rules":{"dns-prx2":{"title":"T","explanation":"E","remedy":"x"}}})")
                                       << QStringLiteral("unknown field \"remedy\"");
        QTest::newRow("bad schema") << QByteArray(R"({"schema":"mwb-kb/1","language":"de","rules":{}})") << QStringLiteral("\"schema\"");
        QTest::newRow("no language") << QByteArray(R"({"schema":"mwb-kb-texts/1","rules":{}})") << QStringLiteral("\"language\"");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not valid JSON");
    }

    void brokenTranslationOverlayIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        const Result<void> added = kb.value().addTranslations(json, QStringLiteral("x.de.json"));
        QVERIFY(!added.ok());
        QVERIFY2(added.errorMessage().contains(expected), qPrintable(added.errorMessage()));
    }

    void customKnowledgeBaseLoadsItsOverlayBesideIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile rules(dir.filePath(QStringLiteral("site.json")));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write(kbWithRule(validRule()));
        rules.close();
        const Result<KnowledgeBase> plain = KnowledgeBase::load(rules.fileName());
        QVERIFY2(plain.ok(), qPrintable(plain.errorMessage()));   // overlays are optional for custom files
        QCOMPARE(plain->text(QStringLiteral("custom-rule"), QStringLiteral("de")).title, QStringLiteral("A title"));
        QFile de(dir.filePath(QStringLiteral("site.de.json")));
        QVERIFY(de.open(QIODevice::WriteOnly));
        de.write(R"({"schema":"mwb-kb-texts/1","language":"de","rules":{"custom-rule":{"title":"Ein Titel","explanation":"Was es bedeutet."}}})");
        de.close();
        const Result<KnowledgeBase> withDe = KnowledgeBase::load(rules.fileName());
        QVERIFY2(withDe.ok(), qPrintable(withDe.errorMessage()));
        QCOMPARE(withDe->text(QStringLiteral("custom-rule"), QStringLiteral("de")).title, QStringLiteral("Ein Titel"));
    }

    void builtInRulesJsonIsTheSourceFile()
    {
        // The resource is compiled from resources/kb/rules.json: both must be the same bytes.
        QFile source(QStringLiteral(MWB_SOURCE_DIR "/resources/kb/rules.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(builtIn(), source.readAll());
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
