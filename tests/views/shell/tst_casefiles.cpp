// Case files, report export and accessibility of the main window, offscreen: a saved case reopens
// in a fresh window with everything back, moved sources can be relocated or skipped, a corrupt file
// gives a clear message, the PDF is a PDF, the redacted report keeps no original address.
#include "model/core/cases/casestate.h"
#include "views/sessions/findingsview.h"
#include "views/sessions/workspace.h"
#include "model/core/investigation/casecontroller.h"
#include "views/shell/mainwindow.h"
#include "views/shell/reportexport.h"

#include <QAccessible>
#include <QApplication>
#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QLabel>
#include <QTest>
#include <QToolBar>

using namespace mwb;
using mwb::views::MainWindow;
using mwb::views::ReportExportSettings;
using mwb::views::ReportFormat;

namespace {

// The sample logs copied to dir, so tests can move and change them.
QStringList copySamples(const QString &dir)
{
    const QString from = QStringLiteral(MWB_SOURCE_DIR "/resources/samples");
    QStringList copied;
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (!source.endsWith(QLatin1String(".LOG")) && !source.endsWith(QLatin1String(".csv")))
            continue;
        const QString target = dir + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (QFile::copy(source, target))
            copied << target;
    }
    return copied;
}

bool load(MainWindow &window, const QStringList &paths)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openPaths(paths);
    return finished.count() > 0 || finished.wait(120'000);
}

bool openCase(MainWindow &window, const QString &path)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    if (!window.openCase(path))
        return false;
    return finished.count() > 0 || finished.wait(120'000);
}

QAction *actionWithText(const QWidget &window, const QString &text)
{
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

QStringList loadedPaths(const MainWindow &window)
{
    QStringList paths;
    if (window.store()) {
        for (const SourceFile &f : window.store()->files)
            paths << f.path;
    }
    return paths;
}

} // namespace

class TestCaseFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MailflowWorkbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_casefiles"));
        QSettings().clear();
        CaseController::discardAutosave();
    }

    void savedCaseReopensWithSourcesStatesNotesBookmarksScriptsAndView()
    {
        QTemporaryDir dir;
        const QStringList logs = copySamples(dir.filePath(QStringLiteral("logs")));
        QVERIFY(logs.size() >= 4);
        const QString casePath = dir.filePath(QStringLiteral("investigation.mwbcase"));

        Bookmark bookmark;
        bookmark.file = logs.first();
        bookmark.line = 12;
        bookmark.label = QStringLiteral("first TLS failure");
        bookmark.createdMs = 1000;
        QString findingRule;
        QString findingKeyText;
        QStringList firstLoad;
        QString sessionId;
        {
            MainWindow window;
            window.show();
            QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
            firstLoad = loadedPaths(window);
            QVERIFY(!firstLoad.isEmpty());
            // A finding as the engine makes them; its state and note are keyed by rule and servers.
            Finding finding;
            finding.rule = QStringLiteral("tls-certificate-name-mismatch");
            finding.title = QStringLiteral("Certificate name mismatch");
            finding.servers = {QStringLiteral("EX01")};
            findingRule = finding.rule;
            findingKeyText = findingKey(finding);
            window.setFindingState(finding, FindingState::Confirmed);
            window.setFindingNote(finding, QStringLiteral("seen by the firewall team too"));
            sessionId = window.store()->sessions.first().id;
            window.setSessionNote(sessionId, QStringLiteral("the partner's relay"));
            window.workspace()->setBookmarks({bookmark});   // as the Bookmarks tab does
            QCOMPARE(window.caseController()->state().bookmarks.size(), 1);
            window.caseController()->edit().wizardRuns.append(
                {0, QStringLiteral("certificate-smtp"), QJsonObject{{QStringLiteral("fqdn"), QStringLiteral("mail.contoso.com")}},
                 QStringLiteral("Get-ExchangeCertificate"), 2000});
            QVERIFY(window.caseController()->isModified());
            auto *filter = window.workspace()->findChild<QLineEdit *>(QStringLiteral("filterText"));
            QVERIFY(filter);
            filter->setText(QStringLiteral("EX01"));
            window.workspace()->setCurrentIndex(mwb::views::Workspace::JourneyTab);
            QAction *utc = actionWithText(window, QStringLiteral("Times in &UTC"));
            QVERIFY(utc);
            utc->trigger();   // local time
            QVERIFY(window.saveCaseAs(casePath));
            QVERIFY(!window.caseController()->isModified());
            QVERIFY(window.windowTitle().contains(QStringLiteral("investigation")));
        }
        QVERIFY(QFileInfo::exists(casePath));

        MainWindow reopened;
        reopened.show();
        int asked = 0;
        reopened.setSourceResolver([&asked](const SourceCheck &) {
            ++asked;
            return SourceDecision{};
        });
        QVERIFY(openCase(reopened, casePath));
        QCOMPARE(asked, 0);
        QStringList again = loadedPaths(reopened);
        again.sort();
        firstLoad.sort();
        QCOMPARE(again, firstLoad);
        const CaseState &state = reopened.caseController()->state();
        QCOMPARE(state.findingState(findingRule, findingKeyText), FindingState::Confirmed);
        QCOMPARE(state.note(NoteTarget::Finding, findingRule + QLatin1Char('|') + findingKeyText),
                 QStringLiteral("seen by the firewall team too"));
        QCOMPARE(state.note(NoteTarget::Session, sessionId), QStringLiteral("the partner's relay"));
        QCOMPARE(state.bookmarks.size(), 1);
        QCOMPARE(state.bookmarks.first().label, bookmark.label);
        QCOMPARE(state.bookmarks.first().line, bookmark.line);
        QCOMPARE(reopened.workspace()->bookmarks().size(), 1);
        QCOMPARE(reopened.workspace()->bookmarks().first().label, bookmark.label);
        QCOMPARE(state.wizardRuns.size(), 1);
        QCOMPARE(state.wizardRuns.first().script, QStringLiteral("Get-ExchangeCertificate"));
        QCOMPARE(state.wizardRuns.first().answers.value(QStringLiteral("fqdn")).toString(), QStringLiteral("mail.contoso.com"));
        QCOMPARE(reopened.workspace()->currentIndex(), int(mwb::views::Workspace::JourneyTab));
        auto *filter = reopened.workspace()->findChild<QLineEdit *>(QStringLiteral("filterText"));
        QVERIFY(filter);
        QCOMPARE(filter->text(), QStringLiteral("EX01"));
        QVERIFY2(actionWithText(reopened, QStringLiteral("Times in &local time")), "the time display should be restored");
        QVERIFY(!reopened.caseController()->isModified());
        QCOMPARE(reopened.caseController()->recentCases().value(0), QFileInfo(casePath).absoluteFilePath());
    }

    void movedSourceIsRelocatedThroughTheResolver()
    {
        QTemporaryDir dir;
        const QStringList logs = copySamples(dir.filePath(QStringLiteral("logs")));
        QVERIFY(!logs.isEmpty());
        const QString moved = logs.first();
        const QString casePath = dir.filePath(QStringLiteral("moved.mwbcase"));
        {
            MainWindow window;
            QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
            QVERIFY(window.saveCaseAs(casePath));
        }
        const QString newHome = dir.filePath(QStringLiteral("elsewhere/") + QFileInfo(moved).fileName());
        QVERIFY(QDir().mkpath(QFileInfo(newHome).absolutePath()));
        QVERIFY(QFile::rename(moved, newHome));

        MainWindow reopened;
        QList<SourceStatus> seen;
        reopened.setSourceResolver([&](const SourceCheck &check) {
            seen << check.status;
            return check.recorded.path == moved ? SourceDecision{SourceDecision::Relocate, newHome} : SourceDecision{};
        });
        QVERIFY(openCase(reopened, casePath));
        QCOMPARE(seen, QList<SourceStatus>{SourceStatus::Missing});
        QVERIFY2(loadedPaths(reopened).contains(newHome), qPrintable(loadedPaths(reopened).join(QLatin1Char('\n'))));
        QVERIFY(reopened.messageBarText().contains(QStringLiteral("Relocated")));
        // The relocation is written to the case: the next reopen asks nothing.
        MainWindow third;
        int asked = 0;
        third.setSourceResolver([&asked](const SourceCheck &) {
            ++asked;
            return SourceDecision{};
        });
        QVERIFY(openCase(third, casePath));
        QCOMPARE(asked, 0);
        QVERIFY(loadedPaths(third).contains(newHome));
    }

    void changedSourceIsReportedAndCanBeSkipped()
    {
        QTemporaryDir dir;
        const QStringList logs = copySamples(dir.filePath(QStringLiteral("logs")));
        QVERIFY(!logs.isEmpty());
        const QString casePath = dir.filePath(QStringLiteral("changed.mwbcase"));
        {
            MainWindow window;
            QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
            QVERIFY(window.saveCaseAs(casePath));
        }
        const QString changed = logs.first();
        {
            QFile f(changed);
            QVERIFY(f.open(QIODevice::Append));
            f.write("# appended later\r\n");
        }
        MainWindow reopened;
        QList<SourceStatus> seen;
        reopened.setSourceResolver([&seen](const SourceCheck &check) {
            seen << check.status;
            return SourceDecision{SourceDecision::Skip, {}};
        });
        QVERIFY(openCase(reopened, casePath));
        QCOMPARE(seen, QList<SourceStatus>{SourceStatus::SizeChanged});
        QVERIFY(!loadedPaths(reopened).contains(changed));
        QVERIFY(!loadedPaths(reopened).isEmpty());
        QVERIFY2(reopened.messageBarText().contains(QFileInfo(changed).fileName()), qPrintable(reopened.messageBarText()));
    }

    void caseWhoseLogsAreAllGoneStillOpensWithItsNotes()
    {
        QTemporaryDir dir;
        copySamples(dir.filePath(QStringLiteral("logs")));
        const QString casePath = dir.filePath(QStringLiteral("gone.mwbcase"));
        {
            MainWindow window;
            QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
            window.setSessionNote(QStringLiteral("08DC0000000000A1"), QStringLiteral("kept"));
            window.workspace()->setCurrentIndex(mwb::views::Workspace::ChartsTab);
            QVERIFY(window.saveCaseAs(casePath));
        }
        QVERIFY(QDir(dir.filePath(QStringLiteral("logs"))).removeRecursively());
        MainWindow reopened;
        int asked = 0;
        reopened.setSourceResolver([&asked](const SourceCheck &check) {
            ++asked;
            return check.status == SourceStatus::Missing ? SourceDecision{} : SourceDecision{SourceDecision::LoadAnyway, {}};
        });
        QVERIFY(openCase(reopened, casePath));
        QVERIFY(asked > 0);
        QVERIFY(loadedPaths(reopened).isEmpty());
        QCOMPARE(reopened.caseController()->state().note(NoteTarget::Session, QStringLiteral("08DC0000000000A1")), QStringLiteral("kept"));
        QVERIFY2(reopened.messageBarText().contains(QStringLiteral("Not loaded")), qPrintable(reopened.messageBarText()));
    }

    void corruptOrForeignCaseFileGivesAClearErrorAndNoCrash()
    {
        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.mwbcase"));
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("SQLite format 3\0", 16) + QByteArray(5000, '\x5a'));
        }
        MainWindow window;
        QVERIFY(!window.openCase(junk));
        QVERIFY2(window.messageBarText().startsWith(QStringLiteral("Could not open the case")), qPrintable(window.messageBarText()));
        QVERIFY(window.caseController()->path().isEmpty());

        const QString text = dir.filePath(QStringLiteral("notes.mwbcase"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("just some notes, not a case\n");
        }
        QVERIFY(!window.openCase(text));
        QVERIFY(window.messageBarText().contains(QStringLiteral("notes.mwbcase")));
        QVERIFY(!window.openCase(dir.filePath(QStringLiteral("absent.mwbcase"))));
    }

    void saveReplacesTheFileOnlyWhenComplete()
    {
        QTemporaryDir dir;
        const QString casePath = dir.filePath(QStringLiteral("a.mwbcase"));
        CaseController controller;
        controller.edit().setNote(NoteTarget::Session, QStringLiteral("08DC1"), QStringLiteral("first"));
        QVERIFY(controller.saveAs(casePath).ok());
        // A save killed half-way leaves its temporary file behind; the next save must not trip on it.
        {
            QFile leftover(casePath + QStringLiteral(".saving"));
            QVERIFY(leftover.open(QIODevice::WriteOnly));
            leftover.write("half a database");
        }
        controller.edit().setNote(NoteTarget::Session, QStringLiteral("08DC1"), QStringLiteral("second"));
        QVERIFY(controller.save().ok());
        QVERIFY(!QFileInfo::exists(casePath + QStringLiteral(".saving")));
        CaseController other;
        QVERIFY(other.open(casePath, {}).ok());
        QCOMPARE(other.state().note(NoteTarget::Session, QStringLiteral("08DC1")), QStringLiteral("second"));
    }

    void unsavedCaseIsAutosavedAndRecovered()
    {
        CaseController::discardAutosave();
        QTemporaryDir dir;
        copySamples(dir.filePath(QStringLiteral("logs")));
        QStringList first;
        {
            MainWindow window;
            QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
            first = loadedPaths(window);
            window.caseController()->edit().setNote(NoteTarget::Session, QStringLiteral("S1"), QStringLiteral("look at this one"));
            window.autosaveCase();
            QVERIFY(CaseController::hasAutosave());
        }
        MainWindow recovered;
        QSignalSpy finished(&recovered, &MainWindow::loadFinished);
        QVERIFY(recovered.recoverAutosavedCase());
        QVERIFY(finished.count() > 0 || finished.wait(120'000));
        QCOMPARE(recovered.caseController()->state().note(NoteTarget::Session, QStringLiteral("S1")), QStringLiteral("look at this one"));
        QCOMPARE(loadedPaths(recovered).size(), first.size());
        QVERIFY(recovered.caseController()->path().isEmpty());
        QVERIFY(recovered.caseController()->isModified());
        // Saving it for real removes the autosave, so it is not offered again.
        QVERIFY(recovered.saveCaseAs(dir.filePath(QStringLiteral("recovered.mwbcase"))));
        QVERIFY(!CaseController::hasAutosave());
    }

    void pdfExportWritesAPdf()
    {
        QTemporaryDir dir;
        copySamples(dir.filePath(QStringLiteral("logs")));
        MainWindow window;
        window.show();
        QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(window.exportReportTo(pdf, ReportFormat::Pdf, {}));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY2(bytes.size() > 20'000, QByteArray::number(bytes.size()).constData());
        QVERIFY(bytes.contains("%%EOF"));
        QVERIFY2(bytes.contains("/Subtype /Image"), "the charts are embedded as an image");
        // Kept next to the screenshots for a look at the layout.
        const QString shots = QCoreApplication::applicationDirPath() + QStringLiteral("/../../../screenshots");
        QDir().mkpath(shots);
        QFile::remove(shots + QStringLiteral("/report.pdf"));
        QFile::copy(pdf, shots + QStringLiteral("/report.pdf"));
    }

    void redactionPreviewListsPseudonymsAndTheReportKeepsNoOriginalAddress()
    {
        QTemporaryDir dir;
        copySamples(dir.filePath(QStringLiteral("logs")));
        MainWindow window;
        QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
        ReportExportSettings settings;
        settings.redact = true;
        const QList<Replacement> preview = window.reportRedactionPreview(settings);
        QList<Replacement> emails;
        for (const Replacement &r : preview) {
            if (r.kind == RedactionKind::Email)
                emails << r;
        }
        QVERIFY2(!emails.isEmpty(), "the samples' report names mail addresses");

        // The dialog shows the same list.
        mwb::views::ExportReportDialog dialog(ReportFormat::Html,
                                              [&window](const ReportExportSettings &s) { return window.reportRedactionPreview(s); });
        QCOMPARE(dialog.previewTable()->rowCount(), 0);
        dialog.setRedact(true);
        QCOMPARE(dialog.previewTable()->rowCount(), int(preview.size()));
        QCOMPARE(dialog.previewTable()->item(0, 1)->text(), preview.first().original);
        QCOMPARE(dialog.previewTable()->item(0, 2)->text(), preview.first().pseudonym);
        // The summary names every replacement class with its count.
        const QLabel *summary = dialog.findChild<QLabel *>(QStringLiteral("previewSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("Address %1").arg(emails.size())), qPrintable(summary->text()));
        QVERIFY(dialog.settings().redact);
        dialog.resize(900, 600);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString shots = QCoreApplication::applicationDirPath() + QStringLiteral("/../../../screenshots");
        QDir().mkpath(shots);
        dialog.grab().save(shots + QStringLiteral("/export-redaction-preview.png"));

        const QString html = dir.filePath(QStringLiteral("report.html"));
        QVERIFY(window.exportReportTo(html, ReportFormat::Html, dialog.settings()));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(f.readAll());
        for (const Replacement &r : emails) {
            QVERIFY2(!written.contains(r.original, Qt::CaseInsensitive), qPrintable(r.original));
            QVERIFY2(written.contains(r.pseudonym), qPrintable(r.pseudonym));
        }
        // Without redaction the same addresses are there: the check above can fail.
        const QString plain = dir.filePath(QStringLiteral("plain.html"));
        QVERIFY(window.exportReportTo(plain, ReportFormat::Html, {}));
        QFile p(plain);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(p.readAll()).contains(emails.first().original, Qt::CaseInsensitive));
    }

    // Run under QT_SCALE_FACTOR=2 too; the screenshots land in <build>/screenshots for a look.
    void highContrastPaletteReachesEveryPartOfTheShell()
    {
        QPalette contrast;
        for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
            contrast.setColor(g, QPalette::Window, Qt::black);
            contrast.setColor(g, QPalette::WindowText, Qt::white);
            contrast.setColor(g, QPalette::Base, Qt::black);
            contrast.setColor(g, QPalette::AlternateBase, QColor(0x20, 0x20, 0x20));
            contrast.setColor(g, QPalette::Text, Qt::white);
            contrast.setColor(g, QPalette::Button, Qt::black);
            contrast.setColor(g, QPalette::ButtonText, Qt::white);
            contrast.setColor(g, QPalette::Highlight, Qt::yellow);
            contrast.setColor(g, QPalette::HighlightedText, Qt::black);
            contrast.setColor(g, QPalette::ToolTipBase, Qt::black);
            contrast.setColor(g, QPalette::ToolTipText, Qt::white);
        }
        contrast.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xc0, 0xc0, 0x00));
        contrast.setColor(QPalette::Disabled, QPalette::Text, QColor(0xc0, 0xc0, 0x00));
        const QPalette before = QApplication::palette();
        QApplication::setPalette(contrast);
        QTemporaryDir dir;
        copySamples(dir.filePath(QStringLiteral("logs")));
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString shots = QCoreApplication::applicationDirPath() + QStringLiteral("/../../../screenshots");
        QDir().mkpath(shots);
        const QString suffix = qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? QStringLiteral("-scaled") : QString();
        auto lightShare = [](const QImage &image) {
            qint64 light = 0;
            qint64 all = 0;
            for (int y = 0; y < image.height(); y += 4) {
                for (int x = 0; x < image.width(); x += 4) {
                    light += qGray(image.pixel(x, y)) > 200 ? 1 : 0;
                    ++all;
                }
            }
            return double(light) / double(std::max<qint64>(1, all));
        };
        QImage welcome = window.grab().toImage();
        welcome.save(shots + QStringLiteral("/highcontrast-welcome") + suffix + QStringLiteral(".png"));
        QVERIFY(load(window, {dir.filePath(QStringLiteral("logs"))}));
        QTest::qWait(50);   // test only: one paint of the loaded data before grabbing
        QImage loaded = window.grab().toImage();
        loaded.save(shots + QStringLiteral("/highcontrast-loaded") + suffix + QStringLiteral(".png"));
        QApplication::setPalette(before);
        // White text on black: a shell part with its own light background would show up as a large
        // light area.
        QVERIFY2(lightShare(welcome) < 0.15, QByteArray::number(lightShare(welcome)).constData());
        QVERIFY2(lightShare(loaded) < 0.25, QByteArray::number(lightShare(loaded)).constData());
    }

    void everyActionAndControlOfTheShellHasAnAccessibleName()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList unnamed;
        for (QAction *menuAction : window.menuBar()->actions()) {
            for (QAction *a : menuAction->menu()->actions()) {
                if (a->isSeparator())
                    continue;
                if (QString(a->text()).remove(QLatin1Char('&')).trimmed().isEmpty() || a->toolTip().isEmpty())
                    unnamed << QStringLiteral("action ") + a->objectName() + a->text();
            }
        }
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(&window))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            const QString name = iface ? iface->text(QAccessible::Name) : QString();
            if (name.trimmed().isEmpty())
                unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        // The new case actions are reachable by keyboard.
        for (const QString &text : {QStringLiteral("&Save Case"), QStringLiteral("Open &Case\u2026"), QStringLiteral("Report as &PDF\u2026")}) {
            QAction *a = actionWithText(window, text);
            QVERIFY2(a && !a->shortcut().isEmpty(), qPrintable(text));
        }
    }
};

QTEST_MAIN(TestCaseFiles)
#include "tst_casefiles.moc"
