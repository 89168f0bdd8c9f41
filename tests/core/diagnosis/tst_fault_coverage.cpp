// Every fault on every server (issue #24): for several seeds, Exchange versions and server layouts,
// mwb-loggen writes bundles whose faults are spread over the servers (a message categorised on
// another server than its mailbox's, PRX2 answered by each Front End in turn); the findings the CLI
// and the GUI show (DiagnosisEngine::findings(store), attribution and fault grouping included) must
// - cover every session and message of every fault of the manifest, on the servers it names;
// - keep one configuration fault (the manifest's "cause") in one finding, and different causes in
//   different findings;
// - name an organisation server as the one to fix: the server whose Front End answered PRX2, the
//   fullest Unreachable queue with every other server listed;
// (the causes: one organisation-wide Unreachable fault, PRX2 per answering Front End, a block list
// entry per public address, the printer's connector apart from Exchange Online's relay refusal,
// with or without its 5.7.64 text)
// and a healthy bundle gives no error or warning. The generator is not tuned to the engine: its
// faults are written as Exchange writes them, and their spread is decided by occurrence number.
#include "model/core/diagnosis/attribution.h"
#include "model/core/diagnosis/engine.h"
#include "model/core/sessions/loader.h"
#include "loggenrun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {

struct Bundle {
    QString error;
    QJsonObject manifest;
    std::shared_ptr<Store> store;
    QList<Finding> findings;
};

Bundle generateAndDiagnose(const QString &dir, const QStringList &arguments)
{
    Bundle b;
    const loggenrun::Generated g = loggenrun::generate(dir, arguments);
    b.error = g.error;
    b.manifest = g.manifest;
    if (!b.error.isEmpty())
        return b;
    auto engine = DiagnosisEngine::create();
    if (!engine) {
        b.error = engine.errorMessage();
        return b;
    }
    LoadOptions options;
    options.observer = engine.value().get();
    b.store = Loader::loadSync({dir + QStringLiteral("/logs")}, options);
    if (!b.store || b.store->sessions.isEmpty()) {
        b.error = QStringLiteral("nothing loaded");
        return b;
    }
    b.findings = engine.value()->findings(*b.store);
    return b;
}

QString describe(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings) {
        QStringList params;
        for (auto it = f.parameters.cbegin(); it != f.parameters.cend(); ++it)
            params << it.key() + u'=' + it.value();
        out << QStringLiteral("%1(%2; %3; %4 sessions, %5 messages; %6)")
                   .arg(f.rule, severityId(f.severity), f.servers.join(u'/'))
                   .arg(f.sessionIndexes.size())
                   .arg(f.messageIds.size())
                   .arg(params.join(u' '));
    }
    return out.join(QStringLiteral(",\n  "));
}

// "server\nid" of a session, lower-case.
QString sessionKey(const QString &server, const QString &id)
{
    return server.toLower() + u'\n' + id.toLower();
}

QSet<QString> sessionKeys(const Finding &f, const Store &store)
{
    QSet<QString> out;
    for (int i : f.sessionIndexes) {
        if (i >= 0 && i < store.sessions.size())
            out.insert(sessionKey(store.sessions.at(i).server, store.sessions.at(i).id));
    }
    return out;
}

QSet<QString> lowered(const QStringList &list)
{
    QSet<QString> out;
    for (const QString &s : list)
        out.insert(s.toLower());
    return out;
}

struct Expected {
    QString rule;
    QString cause;
    QSet<QString> sessions;   // sessionKey
    QSet<QString> messages;
    QSet<QString> servers;    // lower-case
};

QList<Expected> expectedFaults(const QJsonObject &manifest)
{
    QList<Expected> out;
    for (const QJsonValue &v : manifest.value(QStringLiteral("faults")).toArray()) {
        const QJsonObject o = v.toObject();
        Expected e;
        e.rule = o.value(QStringLiteral("rule")).toString();
        e.cause = o.value(QStringLiteral("cause")).toString();
        for (const QJsonValue &s : o.value(QStringLiteral("sessions")).toArray())
            e.sessions.insert(sessionKey(s.toObject().value(QStringLiteral("server")).toString(), s.toObject().value(QStringLiteral("id")).toString()));
        for (const QJsonValue &m : o.value(QStringLiteral("messageIds")).toArray())
            e.messages.insert(m.toString());
        for (const QJsonValue &s : o.value(QStringLiteral("servers")).toArray())
            e.servers.insert(s.toString().toLower());
        out << e;
    }
    return out;
}

// Whether finding f holds all of e.
bool covers(const Finding &f, const Expected &e, const Store &store)
{
    return f.rule == e.rule && sessionKeys(f, store).contains(e.sessions) && QSet<QString>(f.messageIds.cbegin(), f.messageIds.cend()).contains(e.messages)
        && lowered(f.servers).contains(e.servers);
}

} // namespace

class TestFaultCoverage : public QObject {
    Q_OBJECT
private slots:
    void everyFaultIsCoveredOnEveryServer_data()
    {
        QTest::addColumn<QStringList>("arguments");
        auto row = [](const char *name, const char *seed, const char *exchange, const char *servers, QStringList faults) {
            QStringList args{QStringLiteral("--seed"), QString::fromLatin1(seed), QStringLiteral("--exchange"), QString::fromLatin1(exchange),
                             QStringLiteral("--servers"), QString::fromLatin1(servers), QStringLiteral("--sessions"), QStringLiteral("150")};
            for (const QString &f : faults)
                args << QStringLiteral("--fault") << f;
            QTest::newRow(name) << args;
        };
        row("2019 EX01,EX02,EDGE01", "31", "2019", "EX01,EX02,EDGE01",
            {QStringLiteral("no-matching-connector:8"), QStringLiteral("dns-prx2:6")});
        row("2016 three mailbox servers and an Edge", "32", "2016", "EXA,EXB,EXC,EDGEX",
            {QStringLiteral("no-matching-connector:7"), QStringLiteral("dns-prx2:7"), QStringLiteral("dns-query-failed:3")});
        row("2013 two mailbox servers, no Edge", "33", "2013", "EX01,EX02",
            {QStringLiteral("no-matching-connector:6"), QStringLiteral("dns-prx2:4"), QStringLiteral("exchange-auth-failed:2"),
             QStringLiteral("relay-denied:4")});
        row("2019 one mailbox server, two Edges", "34", "2019", "MBX1,EDGE1,EDGE2",
            {QStringLiteral("no-matching-connector:5"), QStringLiteral("dns-prx2:5"), QStringLiteral("tls-subject-mismatch:2"),
             QStringLiteral("blocklisted:4")});
        row("2010 three servers", "35", "2010", "EX01,EX02,EX03",
            {QStringLiteral("no-matching-connector:6"), QStringLiteral("dns-query-failed:2")});
        // Every fault the generator knows, twice, on the default layout.
        QStringList all;
        for (const QString &rule : loggenrun::faultRules())
            all << rule + QStringLiteral(":2");
        QVERIFY(all.size() >= 18);
        row("2019 every fault", "36", "2019", "EX01,EX02,EDGE01", all);
    }

    void everyFaultIsCoveredOnEveryServer()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Bundle b = generateAndDiagnose(dir.path(), arguments);
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        const Store &store = *b.store;
        const QList<Finding> &findings = b.findings;
        const QString got = QStringLiteral("\ngot:\n  ") + describe(findings);
        const QSet<QString> org = organisationServers(store);

        const QList<Expected> faults = expectedFaults(b.manifest);
        QVERIFY(!faults.isEmpty());
        QSet<QString> rules;
        QHash<QString, qsizetype> findingOfCause;   // rule + cause -> the finding that holds it
        for (const Expected &e : faults) {
            rules.insert(e.rule);
            // Every session and message of the fault, on every server it names, in the rule's findings.
            QSet<QString> sessions, messages, servers;
            for (const Finding &f : findings) {
                if (f.rule != e.rule)
                    continue;
                sessions.unite(sessionKeys(f, store));
                messages.unite(QSet<QString>(f.messageIds.cbegin(), f.messageIds.cend()));
                servers.unite(lowered(f.servers));
            }
            for (const QString &s : e.sessions)
                QVERIFY2(sessions.contains(s), qPrintable(e.rule + QStringLiteral(": session ") + QString(s).replace(u'\n', u' ') + QStringLiteral(" missing") + got));
            for (const QString &m : e.messages)
                QVERIFY2(messages.contains(m), qPrintable(e.rule + QStringLiteral(": message ") + m + QStringLiteral(" missing") + got));
            for (const QString &s : e.servers)
                QVERIFY2(servers.contains(s), qPrintable(e.rule + QStringLiteral(": server ") + s + QStringLiteral(" missing") + got));
            if (e.cause.isEmpty())
                continue;
            // One configuration fault: one finding holds all of this occurrence, and the same one
            // holds every other occurrence of that cause.
            qsizetype holder = -1;
            for (qsizetype i = 0; i < findings.size() && holder < 0; ++i) {
                if (covers(findings.at(i), e, store))
                    holder = i;
            }
            QVERIFY2(holder >= 0, qPrintable(e.rule + QStringLiteral(" (") + e.cause + QStringLiteral("): no single finding holds the occurrence") + got));
            const QString key = e.rule + u'\n' + e.cause;
            QVERIFY2(findingOfCause.value(key, holder) == holder,
                     qPrintable(e.rule + QStringLiteral(": one fault (") + e.cause + QStringLiteral(") split over two findings") + got));
            findingOfCause.insert(key, holder);
        }
        // Different causes, different findings.
        QHash<qsizetype, QString> causeOfFinding;
        for (auto it = findingOfCause.cbegin(); it != findingOfCause.cend(); ++it) {
            QVERIFY2(!causeOfFinding.contains(it.value()),
                     qPrintable(QStringLiteral("two faults in one finding: ") + causeOfFinding.value(it.value()) + QStringLiteral(" and ")
                                + it.key() + got));
            causeOfFinding.insert(it.value(), it.key());
        }

        for (qsizetype i = 0; i < findings.size(); ++i) {
            const Finding &f = findings.at(i);
            if (f.severity != Severity::Info)
                QVERIFY2(rules.contains(f.rule), qPrintable(QStringLiteral("unexpected ") + f.rule + got));
            const QString server = f.parameters.value(QStringLiteral("Server"));
            // A finding's machine to change is one whose logs were loaded, never Exchange Online.
            if (!server.isEmpty())
                QVERIFY2(org.contains(server.toLower()), qPrintable(f.rule + QStringLiteral(": Server=") + server + got));
            if (f.rule == QLatin1String("dns-prx2")) {
                // The server whose Front End answered PRX2 (the manifest's cause), not the sender that logged it.
                const QString cause = causeOfFinding.value(i).section(u'\n', 1);
                if (cause.startsWith(QLatin1String("frontend-dns:")))
                    QCOMPARE(server.toLower(), cause.mid(13).toLower());
                QVERIFY2(!f.parameters.value(QStringLiteral("Connector")).startsWith(QLatin1String("EdgeSync")), qPrintable(got));
            }
            if (f.rule == QLatin1String("no-matching-connector")) {
                // The fullest Unreachable queue; every server whose queue holds such mail is listed.
                QVERIFY2(f.servers.contains(server, Qt::CaseInsensitive), qPrintable(got));
                if (f.servers.size() > 1) {
                    const QSet<QString> listed = lowered(f.parameters.value(QStringLiteral("Servers")).split(u','));
                    QCOMPARE(listed, lowered(f.servers));
                }
                QVERIFY2(f.parameters.value(QStringLiteral("Domain")).contains(u'.'), qPrintable(got));
                QCOMPARE(f.parameters.value(QStringLiteral("Queue")), server + QStringLiteral("\\Unreachable"));
            }
        }
    }

    void healthyBundlesGiveNoErrorOrWarning_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("2016 EXA,EXB,EDGEX") << QStringList{QStringLiteral("--seed"), QStringLiteral("37"), QStringLiteral("--exchange"), QStringLiteral("2016"),
                                                           QStringLiteral("--servers"), QStringLiteral("EXA,EXB,EDGEX")};
        QTest::newRow("2013 EX01,EX02") << QStringList{QStringLiteral("--seed"), QStringLiteral("38"), QStringLiteral("--exchange"), QStringLiteral("2013"),
                                                       QStringLiteral("--servers"), QStringLiteral("EX01,EX02")};
        QTest::newRow("2019 MBX1,EDGE1,EDGE2") << QStringList{QStringLiteral("--seed"), QStringLiteral("39"), QStringLiteral("--exchange"), QStringLiteral("2019"),
                                                              QStringLiteral("--servers"), QStringLiteral("MBX1,EDGE1,EDGE2")};
    }

    void healthyBundlesGiveNoErrorOrWarning()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Bundle b = generateAndDiagnose(dir.path(), arguments + QStringList{QStringLiteral("--healthy-only"), QStringLiteral("--sessions"), QStringLiteral("600")});
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        for (const Finding &f : b.findings)
            QVERIFY2(f.severity == Severity::Info, qPrintable(describe(b.findings)));
    }
};

QTEST_GUILESS_MAIN(TestFaultCoverage)
#include "tst_fault_coverage.moc"
