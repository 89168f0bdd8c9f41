// GUI smoke tests of the main window, offscreen: drops of the bundled samples (and of junk),
// status bar, non-modal messages, shortcuts, settings, and a screenshot under the build tree.
#include "views/common/messagebar.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/workspace.h"
#include "model/core/ingest/pathcheck.h"
#include "views/console/domaincheckdialog.h"
#include "views/shell/collectdialog.h"
#include "views/shell/helpbrowser.h"
#include "views/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using mwb::views::MainWindow;

namespace {

QString samplesDir()
{
    return QStringLiteral(MWB_SOURCE_DIR "/resources/samples");
}

// What a file manager sends: drag enter on the widget under the cursor, then the drop.
void dropUrls(QWidget *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

QString firstSampleLog()
{
    const QStringList found = QDir(samplesDir()).entryList({QStringLiteral("*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &server : found) {
        QDirIterator it(samplesDir() + QLatin1Char('/') + server, {QStringLiteral("*.LOG"), QStringLiteral("*.log")}, QDir::Files,
                        QDirIterator::Subdirectories);
        if (it.hasNext())
            return it.next();
    }
    return {};
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // settings go to a test location, not the user's
        QCoreApplication::setOrganizationName(QStringLiteral("MailflowWorkbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void startsOnTheWelcomePageWithEveryActionReachableByKeyboard()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("welcomePage"))->isVisible());
        int checked = 0;
        for (QAction *menuAction : window.menuBar()->actions()) {
            QVERIFY(menuAction->text().contains(QLatin1Char('&')));  // menus open with Alt+letter
            for (QAction *a : menuAction->menu()->actions()) {
                if (a->isSeparator() || a->menu())
                    continue;
                if (a->text() == QLatin1String("About &Qt") || a->text() == QLatin1String("&Clear Recent"))
                    continue;  // reachable through their menu's mnemonic
                QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
                ++checked;
            }
        }
        QVERIFY(checked >= 15);
        QCOMPARE(window.findChild<QAction *>()->parent(), &window);
    }

    void settingsLanguageMenuStoresTheChoiceForTheNextStart()
    {
        QSettings().remove(QStringLiteral("language"));
        MainWindow window;
        window.setLanguages({QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}, QString());
        auto *system = window.findChild<QAction *>(QStringLiteral("language-system"));
        auto *german = window.findChild<QAction *>(QStringLiteral("language-de"));
        QVERIFY(system && german && window.findChild<QAction *>(QStringLiteral("language-fr")));
        QVERIFY(system->isChecked());
        QVERIFY(!german->isChecked());
        QCOMPARE(german->text(), QStringLiteral("Deutsch (de)"));  // in its own language
        german->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("de"));
        QVERIFY(german->isChecked() && !system->isChecked());
        QVERIFY2(window.messageBarText().contains(QStringLiteral("started again")), qPrintable(window.messageBarText()));
        system->trigger();  // back to following the system
        QCOMPARE(QSettings().value(QStringLiteral("language"), QStringLiteral("unset")).toString(), QString());
        // A window made with a stored choice shows it checked.
        MainWindow second;
        second.setLanguages({QStringLiteral("en"), QStringLiteral("fr")}, QStringLiteral("fr"));
        QVERIFY(second.findChild<QAction *>(QStringLiteral("language-fr"))->isChecked());
        QVERIFY(!second.findChild<QAction *>(QStringLiteral("language-de")));
        QSettings().remove(QStringLiteral("language"));
    }

    void droppingTheSampleFolderLoadsItAndReportsTheFiles()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        // Dropped on the welcome page (a child), not on the window itself: "anywhere" must hold.
        dropUrls(window.findChild<QWidget *>(QStringLiteral("welcomePage")), {QUrl::fromLocalFile(samplesDir())});
        QVERIFY(finished.wait(120'000));
        QVERIFY(window.store());
        const int files = int(window.store()->files.size());
        QVERIFY2(window.statusText().contains(QStringLiteral("Loaded %1 file").arg(files)), qPrintable(window.statusText()));
        QVERIFY(files > 0);
        QVERIFY(window.store()->sessions.size() > 0);
        auto *table = window.findChild<QTableView *>(QStringLiteral("sessionsTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), int(window.store()->sessions.size()));
        QVERIFY(window.recentPaths().contains(QDir(samplesDir()).absolutePath()));
    }

    void unsupportedFilesAreSkippedWithANonModalMessageAndTheRestLoads()
    {
        const QString log = firstSampleLog();
        QVERIFY(!log.isEmpty());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("screenshot.png"));
        {
            QFile f(png);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        }
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        dropUrls(&window, {QUrl::fromLocalFile(png), QUrl::fromLocalFile(log), QUrl::fromLocalFile(dir.filePath(QStringLiteral("missing.log")))});
        QVERIFY(finished.wait(60'000));
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        const QString message = window.messageBarText();
        QVERIFY2(message.contains(QStringLiteral("screenshot.png")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("missing.log")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("not found")));
        QCOMPARE(window.store()->files.size(), qsizetype(1));
        QVERIFY(window.statusText().contains(QStringLiteral("Loaded 1 file")));
    }

    void pathCheckExplainsEachSkip()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.dat"));
        QFile(empty).open(QIODevice::WriteOnly);
        const QString text = dir.filePath(QStringLiteral("notes.docx"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello world\n");
        }
        const auto check = mwb::ingest::checkPaths({empty, text, dir.path(), QString()});
        QCOMPARE(check.accepted, QStringList{QDir(dir.path()).absolutePath()});
        QCOMPARE(check.skipped.size(), 2);
        QVERIFY(check.skipped.at(0).contains(QStringLiteral("empty")));
        QVERIFY(check.skipped.at(1).contains(QStringLiteral(".docx")));
    }

    void nothingLoadableStillAnswersLoadFinished()
    {
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openPaths({QStringLiteral("/nonexistent/path/for/tests")});
        QVERIFY(finished.wait(5'000));
        QVERIFY(window.messageBarText().contains(QStringLiteral("not found")));
        window.openPaths({});
        QVERIFY(finished.wait(5'000));
    }

    void cancellingALoadEndsItWithoutCrashing()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openPaths({samplesDir()});
        window.cancelLoad();
        QVERIFY(finished.count() == 1 || finished.wait(60'000));
        QVERIFY(!window.isLoading());
        QVERIFY(window.store());
    }

    void settingsKeepRecentFilesAndTimeDisplay()
    {
        {
            MainWindow window;
            window.show();
            QSignalSpy finished(&window, &MainWindow::loadFinished);
            window.openPaths({samplesDir()});
            QVERIFY(finished.wait(120'000));
            window.close();
        }
        MainWindow again;
        QVERIFY(again.recentPaths().contains(QDir(samplesDir()).absolutePath()));
    }

    void screenshotOfTheLoadedWindowIsSavedUnderTheBuildTree()
    {
        MainWindow window;
        window.resize(1400, 860);
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openPaths({samplesDir()});
        QVERIFY(finished.wait(120'000));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString path = QStringLiteral(MWB_BUILD_DIR "/screenshots/main-window.png");
        QDir().mkpath(QFileInfo(path).path());
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(path));
        QVERIFY(QFileInfo(path).size() > 10'000);
    }
    void f1OpensHelpForTheFocusedView()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openPaths({samplesDir()});
        QVERIFY(finished.wait(120000));
        QTableView *table = window.workspace()->sessions()->table();
        table->setFocus();
        QApplication::setActiveWindow(&window);
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_F1);
        auto *help = window.findChild<mwb::views::HelpBrowser *>();
        QVERIFY(help);
        QTRY_VERIFY(help->isVisible());
        // The page of the sessions view: the filter syntax, with examples.
        QCOMPARE(help->topic(), mwb::views::HelpBrowser::Filter);
        QVERIFY(help->pageText().contains(QStringLiteral("CIDR")));
        QVERIFY(help->pageText().contains(QStringLiteral("5.7.*")));
        // Every topic has a page.
        for (int t = mwb::views::HelpBrowser::Overview; t <= mwb::views::HelpBrowser::Shortcuts; ++t)
            QVERIFY(mwb::views::HelpBrowser::topicHtml(mwb::views::HelpBrowser::Topic(t)).size() > 100);
        help->close();
    }
    void checkDomainOpensFromTheToolsMenu()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = window.findChild<mwb::views::DomainCheckDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // Nothing to check yet: it says what is missing instead of starting.
        dialog->startCheck();
        QCOMPARE(dialog->resultCount(), 0);
        dialog->close();
    }
    void collectDialogWritesTheReadOnlyScripts()
    {
        QTemporaryDir dir;
        mwb::views::CollectDialog dialog;
        dialog.setWindow(QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC), QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC));
        QVERIFY2(dialog.writeTo(dir.path()), qPrintable(dialog.statusText()));
        QFile script(dir.filePath(QStringLiteral("Collect-MailflowEvidence.ps1")));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray bytes = script.readAll();
        QVERIFY(bytes.startsWith("\xef\xbb\xbf"));   // UTF-8 with BOM for Windows PowerShell 5.1
        QVERIFY(bytes.contains("Get-TransportService"));
        QVERIFY(bytes.contains("\r\n"));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Collect-MailflowEvidence.ps1")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
