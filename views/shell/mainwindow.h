#pragma once
// The main window shell: menus, toolbar, status bar with load progress and Cancel, a welcome page,
// the workspace (sessions, transcript, journey, charts), docks for findings and details, drag and
// drop of files and folders anywhere on the window, recent files, settings, About.
#include "model/core/diagnosis/finding.h"
#include "model/core/investigation/investigation.h"
#include "model/core/sessions/store.h"
#include "views/shell/reportexport.h"

#include <QMainWindow>
#include <QStringList>
#include <functional>
#include <memory>

class QAction;

namespace mwb {
class ConfigurationModel;
}
class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace mwb::views {

class FindingDetails;
class FindingsView;
class MessageBar;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads files, folders and archives (replacing what is loaded). Unsupported or missing paths
    // are skipped with a non-modal message; the rest loads. Always ends with loadFinished().
    void openPaths(const QStringList &paths);
    // Adds paths to what is loaded (drops while logs are shown add to them).
    void addPaths(const QStringList &paths);
    void setSamplesDirectory(const QString &dir);
    // Settings > Language: the shipped UI languages ("en", "de", …) and the one chosen in Settings
    // ("" = follow the system). A choice is stored in QSettings ("language") and applies at the next
    // start, when the translators are installed before any window exists.
    void setLanguages(const QStringList &languages, const QString &chosen);
    QString samplesDirectory() const { return m_samplesDir; }

    // The document this window shows; the views follow its signals.
    Investigation *investigation() const { return m_investigation; }
    bool isLoading() const { return m_investigation->isLoading(); }
    std::shared_ptr<const Store> store() const { return m_investigation->store(); }
    QList<Finding> findings() const { return m_investigation->findings(); }
    QString statusText() const;
    QString messageBarText() const;
    Workspace *workspace() const { return m_workspace; }
    FindingsView *findingsView() const { return m_findingsView; }
    FindingDetails *findingDetails() const { return m_details; }
    QStringList recentPaths() const { return m_recent; }

    // Case files. These run without dialogs (the File menu asks before calling them); errors go
    // to the message bar. Reopening loads the recorded sources and restores the view after it.
    CaseController *caseController() const { return m_case; }
    // Decides what to do with a moved or changed source on reopen; default: asks the admin.
    void setSourceResolver(CaseController::SourceResolver resolver) { m_resolver = std::move(resolver); }
    bool openCase(const QString &path);
    bool recoverAutosavedCase();
    bool saveCase();
    bool saveCaseAs(const QString &path);
    void newCase();
    // Autosave now (the timer and quitting call this too).
    void autosaveCase();
    // At start: offers the autosave of a case that was never saved (asks the admin).
    void offerAutosaveRecovery();

    void setFindingState(const Finding &finding, FindingState state);
    void setFindingNote(const Finding &finding, const QString &text);
    // Notes on sessions are keyed by session id (as logged).
    void setSessionNote(const QString &sessionId, const QString &text);

    // Report export without dialogs; the preview uses the same pseudonyms as the written file.
    QList<Replacement> reportRedactionPreview(const ReportExportSettings &settings) const;
    bool exportReportTo(const QString &path, ReportFormat format, const ReportExportSettings &settings);

public Q_SLOTS:
    void cancelLoad();
    void openSamples();

Q_SIGNALS:
    void loadFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    QWidget *createWelcomePage();
    void onLoadStarted(const QStringList &paths);
    void onProgress(const LoadProgress &progress);
    void onLoadFinished(bool cancelled);
    void onCleared();
    void showSkippedPaths();
    void addRecent(const QStringList &paths);
    void updateRecentMenu();
    void updateNavigation();
    void setTimeUtc(bool utc);
    // Edit > Paste Logs: copied files are opened, copied text is loaded as a pasted excerpt.
    void pasteLogs();
    void exportTable();
    void exportTranscript();
    void exportJourney();
    // A redactor for one export (names of the load learned), or none when redaction is off.
    std::unique_ptr<Redactor> exportRedactor() const;
    void exportChart();
    void exportReport(ReportFormat format);
    ReportOptions reportOptions() const;
    Analysis currentAnalysis() const;
    void captureCaseState();
    void applyCaseView();
    void updateCaseTitle();
    void updateRecentCasesMenu();
    bool maybeSaveCase();
    bool saveCaseWithDialog(bool forceDialog);
    void showFindingsMenu(const QPoint &pos);
    void editFindingNote();
    void editSessionNote();
    void showCaseContents();
    SourceDecision askAboutSource(const SourceCheck &check);
    void setAccessibleNames();
    void showAbout();
    void showHelp();
    void openWizard(const QString &scenario, const QMap<QString, QString> &parameters);
    void openConsole();
    void openDomainCheck();
    void readSettings();
    void writeSettings() const;
    bool handleDrag(QEvent *event);
    void afterCaseOpened(const CaseController::Opened &opened);

    QString m_samplesDir;
    QStringList m_recent;
    Investigation *m_investigation = nullptr;
    CaseController *m_case = nullptr;   // the investigation's
    CaseController::SourceResolver m_resolver;
    QTimer *m_autosaveTimer = nullptr;
    bool m_applyingCase = false;
    bool m_docksSized = false;       // the first show has sized the docks
    bool m_layoutRestored = false;   // a saved window layout was restored (its dock sizes stand)        // workspace changes made from the case are not edits
    int m_liveConsoleTranscript = -1;   // this window's console entry in the case

    QStackedWidget *m_pages = nullptr;
    MessageBar *m_messageBar = nullptr;
    std::function<void()> m_placeMessageBar;   // over the bottom of the central area
    Workspace *m_workspace = nullptr;
    FindingsView *m_findingsView = nullptr;
    FindingDetails *m_details = nullptr;
    ConfigurationModel *m_configurationModel = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_recentCasesMenu = nullptr;
    QMenu *m_findingsMenu = nullptr;

    QAction *m_openFiles = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_openSamples = nullptr;
    QAction *m_pasteLogs = nullptr;
    QAction *m_collect = nullptr;
    QAction *m_exportTable = nullptr;
    QAction *m_exportTranscript = nullptr;
    QAction *m_exportJourney = nullptr;
    QAction *m_exportChart = nullptr;
    QAction *m_redactExports = nullptr;   // the CSV, transcript and journey exports are redacted
    QAction *m_copyTranscript = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_utc = nullptr;
    QAction *m_focusFilter = nullptr;
    QAction *m_rawLines = nullptr;
    QAction *m_tabSessions = nullptr;
    QAction *m_tabJourney = nullptr;
    QAction *m_tabCharts = nullptr;
    QAction *m_wizard = nullptr;
    QAction *m_console = nullptr;
    QAction *m_checkDomain = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_help = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    QAction *m_clearRecent = nullptr;
    QAction *m_newCase = nullptr;
    QAction *m_openCase = nullptr;
    QAction *m_saveCase = nullptr;
    QAction *m_saveCaseAs = nullptr;
    QAction *m_caseContents = nullptr;
    QAction *m_exportHtml = nullptr;
    QAction *m_exportPdf = nullptr;
    QAction *m_markConfirmed = nullptr;
    QAction *m_markDismissed = nullptr;
    QAction *m_markNew = nullptr;
    QAction *m_findingNote = nullptr;
    QAction *m_sessionNote = nullptr;
};

} // namespace mwb::views
