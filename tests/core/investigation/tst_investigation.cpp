// The Investigation document without a window (issue #28): a load, a second load while it runs,
// cancel at every phase, pasted text, and a case saved, emptied and reopened. Under ASan a freed
// engine or job under a running worker is a crash here.
#include "model/core/investigation/investigation.h"

#include "tests/core/collection/fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mwb;

namespace {

QString g_loggen;

QString samplesDir()
{
    return QStringLiteral(MWB_SOURCE_DIR "/resources/samples");
}

// Every loadStarted is answered by exactly one loadFinished, and nothing of a replaced load
// arrives after the next loadStarted.
struct Lifecycle {
    explicit Lifecycle(Investigation *inv)
        : started(inv, &Investigation::loadStarted), finished(inv, &Investigation::loadFinished),
          restored(inv, &Investigation::caseRestored), nothing(inv, &Investigation::nothingToLoad),
          cleared(inv, &Investigation::cleared)
    {
    }
    QSignalSpy started, finished, restored, nothing, cleared;
};

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

// What an admin pastes from a ticket: a receive-log excerpt without its header.
const QByteArray kExcerpt =
    "2026-12-07T09:01:02.123Z,EX01\\Default Frontend EX01,08DD1C2A3B4C5D6E,10.0.0.5:25,203.0.113.7:51514,+,,\r\n"
    "2026-12-07T09:01:02.125Z,EX01\\Default Frontend EX01,08DD1C2A3B4C5D6E,10.0.0.5:25,203.0.113.7:51514,>,\"220 EX01.contoso.com Microsoft ESMTP MAIL Service ready\",\r\n"
    "2026-12-07T09:01:02.200Z,EX01\\Default Frontend EX01,08DD1C2A3B4C5D6E,10.0.0.5:25,203.0.113.7:51514,<,EHLO mail.fabrikam.com,\r\n"
    "2026-12-07T09:01:02.300Z,EX01\\Default Frontend EX01,08DD1C2A3B4C5D6E,10.0.0.5:25,203.0.113.7:51514,-,,Remote(SocketError)\r\n";

} // namespace

class TstInvestigation : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bundle;   // big enough that a load is still running when the test acts

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_bundle = m_dir.filePath(QStringLiteral("bundle"));
        QProcess p;
        p.start(g_loggen, {QStringLiteral("--out"), m_bundle, QStringLiteral("--seed"), QStringLiteral("31"), QStringLiteral("--sessions"),
                           QStringLiteral("3000"), QStringLiteral("--fault"), QStringLiteral("tls-subject-mismatch:20")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QDir(m_bundle).exists());
    }

    void loadsWithPhasesInOrderAndFindings()
    {
        Investigation inv;
        Lifecycle life(&inv);
        QList<LoadPhase> phases;
        connect(&inv, &Investigation::progressChanged, this, [&phases](const LoadProgress &p) {
            if (phases.isEmpty() || phases.last() != p.phase)
                phases << p.phase;
            QVERIFY(p.percent <= 100);
        });
        inv.open({m_bundle});
        QVERIFY(inv.isLoading());
        QCOMPARE(life.started.size(), 1);
        QVERIFY(life.finished.wait(120000));
        QCOMPARE(life.finished.size(), 1);
        QCOMPARE(life.finished.first().at(0).toBool(), false);
        QVERIFY(!inv.isLoading());
        QVERIFY(inv.store());
        QVERIFY(inv.store()->sessions.size() > 1000);
        QVERIFY(!inv.findings().isEmpty());
        // Phases come in load order, never backwards.
        QVERIFY(!phases.isEmpty());
        for (int i = 1; i < phases.size(); ++i)
            QVERIFY2(int(phases.at(i)) > int(phases.at(i - 1)), "phases went backwards");
        QCOMPARE(phases.last(), LoadPhase::Diagnosing);
        // The case records the sources of a finished load.
        QVERIFY(!inv.caseController()->state().sources.isEmpty());
    }

    void secondLoadDuringALoadReplacesIt()
    {
        Investigation inv;
        Lifecycle life(&inv);
        inv.open({m_bundle});
        // Wait until the first load is well under way (its worker holds the engine), then replace it.
        QSignalSpy progress(&inv, &Investigation::progressChanged);
        QVERIFY(progress.wait(60000));
        QVERIFY(inv.isLoading());
        inv.open({samplesDir()});
        QCOMPARE(life.started.size(), 2);
        QVERIFY(life.finished.wait(120000));
        // Only the second load answers; the first one's late signals never arrive.
        QTest::qWait(300);
        QCOMPARE(life.finished.size(), 1);
        QCOMPARE(inv.paths(), QStringList{QDir(samplesDir()).absolutePath()});
        for (const SourceFile &f : inv.store()->files)
            QVERIFY2(f.path.startsWith(QDir(samplesDir()).absolutePath()), qPrintable(f.path));
    }

    void cancelAtEveryPhase_data()
    {
        QTest::addColumn<int>("phase");
        for (LoadPhase p : {LoadPhase::Reading, LoadPhase::Assembling, LoadPhase::Delivering, LoadPhase::Correlating, LoadPhase::Diagnosing})
            QTest::newRow(qPrintable(loadPhaseText(p))) << int(p);
    }
    void cancelAtEveryPhase()
    {
        QFETCH(int, phase);
        Investigation inv;
        Lifecycle life(&inv);
        bool cancelledThere = false;
        connect(&inv, &Investigation::progressChanged, this, [&](const LoadProgress &p) {
            if (!cancelledThere && int(p.phase) == phase) {
                cancelledThere = true;
                inv.cancel();
            }
        });
        inv.open({m_bundle});
        QVERIFY(life.finished.wait(120000));
        QCOMPARE(life.finished.size(), 1);
        QVERIFY(!inv.isLoading());
        QVERIFY(inv.store());   // a cancelled load keeps what it reached, never null
        if (!cancelledThere)
            qInfo("the load ended before that phase was reported");
        if (cancelledThere && phase < int(LoadPhase::Diagnosing)) {
            // The phase was reached and cancelled before the end: the load says so.
            QCOMPARE(life.finished.first().at(0).toBool(), true);
            // A cancelled load is no source list for the case.
            QVERIFY(inv.caseController()->state().sources.isEmpty());
        }
        // The next load after a cancel works normally.
        inv.open({samplesDir()});
        QVERIFY(life.finished.wait(120000));
        QCOMPARE(life.finished.last().at(0).toBool(), false);
        QVERIFY(!inv.store()->sessions.isEmpty());
    }

    void nothingLoadableIsNamedAndKeepsWhatIsLoaded()
    {
        Investigation inv;
        Lifecycle life(&inv);
        inv.open({samplesDir()});
        QVERIFY(life.finished.wait(120000));
        const qsizetype sessions = inv.store()->sessions.size();
        const QString notes = writeFile(m_dir.filePath(QStringLiteral("notes.docx")), "hello world\n");
        inv.add({notes, QStringLiteral("/nonexistent/for/tests")});
        QVERIFY(life.nothing.wait(5000));
        QCOMPARE(life.started.size(), 1);
        QCOMPARE(inv.skippedPaths().size(), 2);
        QCOMPARE(inv.store()->sessions.size(), sessions);
        // open() with nothing loadable replaces nothing: the loaded logs keep their path list.
        const QStringList loaded = inv.paths();
        inv.open({notes});
        QVERIFY(life.nothing.wait(5000));
        QCOMPARE(life.started.size(), 1);
        QCOMPARE(inv.paths(), loaded);
        QCOMPARE(inv.store()->sessions.size(), sessions);
    }

    void pastedTextLoadsAndJunkIsRefused()
    {
        Investigation inv;
        Lifecycle life(&inv);
        // What an admin pastes from a ticket: a receive-log excerpt without its header.
        const auto pasted = inv.addPastedText(QString::fromLatin1(kExcerpt));
        QVERIFY2(pasted.ok(), qPrintable(pasted.errorMessage()));
        QVERIFY(pasted.value().startsWith(Investigation::pastedTextFolder()));
        QVERIFY(life.finished.wait(60000));
        QCOMPARE(inv.store()->sessions.size(), 1);

        const auto junk = inv.addPastedText(QStringLiteral("Hi team, mail is stuck again since this morning. Any idea?"));
        QVERIFY(!junk.ok());
        QVERIFY(!junk.errorMessage().isEmpty());
        // Refused text is not kept: only the accepted excerpt is in the folder.
        QCOMPARE(QDir(Investigation::pastedTextFolder()).entryList(QDir::Files).size(), 1);
        QVERIFY(!inv.addPastedText(QStringLiteral("  \n ")).ok());
        QDir(Investigation::pastedTextFolder()).removeRecursively();
    }

    void caseSavedClearedAndReopened()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("reopen.mwbcase"));
        QString noteKey;
        {
            Investigation inv;
            Lifecycle life(&inv);
            inv.open({samplesDir()});
            QVERIFY(life.finished.wait(120000));
            QVERIFY(!inv.findings().isEmpty());
            noteKey = inv.store()->sessions.first().id;
            inv.caseController()->edit().setNote(NoteTarget::Session, noteKey, QStringLiteral("seen on the Edge"));
            QVERIFY(inv.caseController()->saveAs(casePath).ok());

            // A new case empties everything, also while a load runs.
            inv.open({m_bundle});
            QVERIFY(inv.isLoading());
            inv.newCase();
            QCOMPARE(life.cleared.size(), 1);
            QVERIFY(!inv.isLoading());
            QVERIFY(!inv.store());
            QVERIFY(inv.findings().isEmpty());
            QTest::qWait(300);
            QCOMPARE(life.finished.size(), 1);   // the abandoned load never answers

            // Reopen: the recorded sources load, then the view is restored.
            bool restoringAtFinish = false;
            connect(&inv, &Investigation::loadFinished, this, [&] { restoringAtFinish = inv.isRestoringCase(); });
            const auto opened = inv.openCase(casePath, [](const SourceCheck &) { return SourceDecision{}; });
            QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
            QVERIFY(life.restored.wait(120000));
            QCOMPARE(life.finished.size(), 2);
            QVERIFY(restoringAtFinish);
            QVERIFY(!inv.isRestoringCase());
            QVERIFY(!inv.store()->sessions.isEmpty());
            QCOMPARE(inv.caseController()->state().note(NoteTarget::Session, noteKey), QStringLiteral("seen on the Edge"));
            QCOMPARE(inv.caseController()->path(), casePath);
        }
        // A case whose every source vanished still opens (notes survive) and says it is restored.
        {
            const QString gone = m_dir.filePath(QStringLiteral("gone"));
            QVERIFY(!writeFile(gone + QStringLiteral("/RECV2026120709-1.LOG"), kExcerpt).isEmpty());
            Investigation inv;
            Lifecycle life(&inv);
            inv.open({gone});
            QVERIFY(life.finished.wait(60000));
            const QString casePath2 = m_dir.filePath(QStringLiteral("vanished.mwbcase"));
            QVERIFY(inv.caseController()->saveAs(casePath2).ok());
            QVERIFY(QDir(gone).removeRecursively());
            Investigation again;
            Lifecycle life2(&again);
            const auto opened = again.openCase(casePath2, [](const SourceCheck &) { return SourceDecision{}; });
            QVERIFY(opened.ok());
            QVERIFY(life2.restored.wait(10000));
            QCOMPARE(life2.finished.size(), 0);
            QCOMPARE(life2.cleared.size(), 1);
            QVERIFY(!again.isLoading());
        }
    }

    // Issue #31: a case keeps the collection zip's configuration. It reopens with the same
    // configuration and configuration findings with the zip in place, moved (relocated) or gone
    // (the case's copy, said so); a case from before (format 2) still opens.
    void caseKeepsTheCollectionConfiguration()
    {
        const QString zip = m_dir.filePath(QStringLiteral("evidence/MailflowEvidence-EX01.zip"));
        QVERIFY(QDir().mkpath(QFileInfo(zip).absolutePath()));
        QVERIFY(collectionfixture::writeZip(zip, collectionfixture::members()));
        // What the configuration decides: rule, and the parameters it filled.
        auto configurationFindings = [](const Investigation &inv) {
            QStringList out;
            for (const Finding &f : inv.findings()) {
                if (f.rule == QLatin1String("certificate-expiring"))
                    out << f.rule + QLatin1Char(' ') + f.parameters.value(QStringLiteral("Thumbprint")) + QLatin1Char(' ')
                            + f.parameters.value(QStringLiteral("CertificateThumbprint"));
                else if (f.rule == QLatin1String("tls-certificate-not-found") || f.rule == QLatin1String("relay-connector-overlap"))
                    out << f.rule + QLatin1Char(' ') + f.parameters.value(QStringLiteral("SendConnector"))
                            + f.parameters.value(QStringLiteral("RelayConnector"));
            }
            out.sort();
            return out;
        };
        const QString casePath = m_dir.filePath(QStringLiteral("configuration.mwbcase"));
        QStringList before;
        {
            Investigation inv;
            Lifecycle life(&inv);
            inv.open({zip});
            QVERIFY(life.finished.wait(60000));
            QCOMPARE(inv.store()->configuration.receiveConnectors.size(), 8);
            before = configurationFindings(inv);
            QCOMPARE(before.size(), 4);   // two expiring certificates, the missing TlsCertificateName, the overlap
            QVERIFY(!inv.caseController()->state().configurationFiles.isEmpty());
            const auto saved = inv.caseController()->saveAs(casePath);
            QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        }
        auto reopen = [&](const CaseController::SourceResolver &resolve, CaseController::Opened *opened) {
            auto inv = std::make_unique<Investigation>();
            Lifecycle life(inv.get());
            auto result = inv->openCase(casePath, resolve);
            if (!result.ok())
                qFatal("%s", qPrintable(result.errorMessage()));
            if (!life.restored.wait(60000))
                qFatal("not restored");
            *opened = result.value();
            return inv;
        };
        CaseController::Opened opened;
        {
            auto inv = reopen([](const SourceCheck &) { return SourceDecision{}; }, &opened);
            QVERIFY(opened.configurationFromCopy.isEmpty());
            QCOMPARE(inv->store()->configuration.receiveConnectors.size(), 8);
            QCOMPARE(configurationFindings(*inv), before);
        }
        // Moved: the admin points at the new place; the zip loads from there.
        const QString moved = m_dir.filePath(QStringLiteral("moved/MailflowEvidence-EX01.zip"));
        QVERIFY(QDir().mkpath(QFileInfo(moved).absolutePath()));
        QVERIFY(QFile::rename(zip, moved));
        {
            auto inv = reopen([&](const SourceCheck &) { return SourceDecision{SourceDecision::Relocate, moved}; }, &opened);
            QVERIFY(opened.configurationFromCopy.isEmpty());
            QVERIFY(!inv->store()->files.isEmpty());
            QCOMPARE(inv->store()->configuration.receiveConnectors.size(), 8);
            QCOMPARE(configurationFindings(*inv), before);
        }
        // Gone: the logs are lost with it, the configuration is the case's copy, and that is said.
        QVERIFY(QFile::remove(moved));
        {
            auto inv = reopen([](const SourceCheck &) { return SourceDecision{}; }, &opened);
            QCOMPARE(opened.configurationFromCopy.size(), 1);
            QVERIFY(inv->store());
            QVERIFY(inv->store()->files.isEmpty());
            const config::Configuration &c = inv->store()->configuration;
            QCOMPARE(c.receiveConnectors.size(), 8);
            QCOMPARE(c.sendConnectors.size(), 9);
            QVERIFY(c.problems.value(0).contains(QLatin1String("copy saved in the case")));
            // Judged without logs at the end of the collection: the same certificates and connectors.
            QStringList expected = before;
            QCOMPARE(configurationFindings(*inv), expected);
        }
        // A case written before configurations were kept (format 2) opens, without one.
        const QString oldCase = m_dir.filePath(QStringLiteral("format2.mwbcase"));
        QVERIFY(casefile_detail::createAtSchemaVersion(oldCase, 2).ok());
        {
            Investigation inv;
            Lifecycle life(&inv);
            auto result = inv.openCase(oldCase, [](const SourceCheck &) { return SourceDecision{}; });
            QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
            QVERIFY(life.restored.wait(10000));
            QVERIFY(inv.caseController()->state().configurationFiles.isEmpty());
            QVERIFY(result.value().configurationFromCopy.isEmpty());
        }
    }

    void exportTimeZoneAppliesToTheNextLoad()
    {
        // Get-MessageTrackingLog | Export-Csv on a German machine: local times without a zone.
        const QString csv = QStringLiteral(MWB_SOURCE_DIR "/tests/core/ingest/exports/ems_tracking_dst_de.csv");
        QVERIFY(QFile::exists(csv));
        Investigation inv;
        Lifecycle life(&inv);
        inv.open({csv});
        QVERIFY(life.finished.wait(60000));
        const qint64 asUtc = inv.store()->files.first().firstMs;
        QVERIFY(!inv.store()->files.first().warnings.isEmpty());   // read as UTC, and said so
        inv.setExportTimeZone(QTimeZone("Europe/Berlin"));
        inv.open({csv});
        QVERIFY(life.finished.wait(60000));
        QCOMPARE(inv.store()->files.first().firstMs, asUtc - 3'600'000);   // 09:00 CET is 08:00 UTC
        QVERIFY(inv.store()->files.first().warnings.isEmpty());
    }

    void filterAndSelectionAreSharedState()
    {
        Investigation inv;
        QSignalSpy filterChanged(&inv, &Investigation::sessionFilterChanged);
        QSignalSpy selection(&inv, &Investigation::selectionChanged);
        const QVariantMap filter{{QStringLiteral("outcome"), QStringLiteral("tls-failed")}};
        inv.setSessionFilter(filter);
        inv.setSessionFilter(filter);
        QCOMPARE(filterChanged.size(), 1);
        QCOMPARE(inv.sessionFilter(), filter);
        inv.setSelectedSession(4);
        inv.setSelectedFindingKey(QStringLiteral("k"));
        QCOMPARE(selection.size(), 2);
        inv.newCase();
        QVERIFY(inv.sessionFilter().isEmpty());
        QCOMPARE(inv.selectedSession(), -1);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1)
        g_loggen = QString::fromLocal8Bit(argv[1]);
    TstInvestigation t;
    // QTest must not see the loggen path as a test function name.
    return QTest::qExec(&t, QStringList{QString::fromLocal8Bit(argv[0])});
}
#include "tst_investigation.moc"
