#pragma once
// The main window composes the views and the actions around the Investigation it shows: the
// workspace (sessions, transcript, journey, charts), docks for findings, details and configuration,
// menus and toolbar, drag and drop anywhere on the window, recent files. The case UI, the exports,
// the status line and the Settings menu are their own classes (caseactions, exportactions,
// shellstatus, settingsmenu); this class wires them and keeps what is the window's own.
#include "model/core/diagnosis/finding.h"
#include "model/core/investigation/investigation.h"
#include "model/core/sessions/store.h"
#include "views/shell/caseactions.h"
#include "views/shell/exportactions.h"

#include <QMainWindow>
#include <QStringList>
#include <functional>
#include <memory>

class QAction;

namespace mwb {
class ConfigurationModel;
}
class QMenu;
class QStackedWidget;

namespace mwb::views {

class FindingDetails;
class FindingsView;
class SettingsMenu;
class ShellStatus;
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
    CaseController *caseController() const { return m_investigation->caseController(); }
    // Decides what to do with a moved or changed source on reopen; default: asks the admin.
    void setSourceResolver(CaseController::SourceResolver resolver) { m_case->setSourceResolver(std::move(resolver)); }
    bool openCase(const QString &path) { return m_case->openCase(path); }
    bool recoverAutosavedCase() { return m_case->recoverAutosavedCase(); }
    bool saveCase() { return m_case->saveCase(); }
    bool saveCaseAs(const QString &path) { return m_case->saveCaseAs(path); }
    void newCase() { m_case->newCase(); }
    // Autosave now (the timer and quitting call this too).
    void autosaveCase() { m_case->autosave(); }
    // At start: offers the autosave of a case that was never saved (asks the admin).
    void offerAutosaveRecovery() { m_case->offerAutosaveRecovery(); }

    void setFindingState(const Finding &finding, FindingState state) { m_case->setFindingState(finding, state); }
    void setFindingNote(const Finding &finding, const QString &text) { m_case->setFindingNote(finding, text); }
    // Notes on sessions are keyed by session id (as logged).
    void setSessionNote(const QString &sessionId, const QString &text) { m_case->setSessionNote(sessionId, text); }

    // Report export without dialogs; the preview uses the same pseudonyms as the written file.
    QList<Replacement> reportRedactionPreview(const ReportExportSettings &settings) const { return m_exports->reportRedactionPreview(settings); }
    bool exportReportTo(const QString &path, ReportFormat format, const ReportExportSettings &settings)
    {
        return m_exports->exportReportTo(path, format, settings);
    }

public Q_SLOTS:
    void cancelLoad();
    void openSamples();

Q_SIGNALS:
    void loadFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void onLoadStarted(const QStringList &paths);
    void onLoadFinished(bool cancelled);
    void onCleared();
    void addRecent(const QStringList &paths);
    void updateRecentMenu();
    void updateNavigation();
    void setTimeUtc(bool utc);
    // Edit > Paste Logs: copied files are opened, copied text is loaded as a pasted excerpt.
    void pasteLogs();
    // The window's part of the case: page, tab, time display, docks, the workspace's view state.
    QJsonObject captureView() const;
    void applyView(const QJsonObject &view);
    void setAccessibleNames();
    void showHelp();
    void openWizard(const QString &scenario, const QMap<QString, QString> &parameters);
    void openConsole();
    void openDomainCheck();
    void readSettings();
    void writeSettings() const;

    QString m_samplesDir;
    QStringList m_recent;
    Investigation *m_investigation = nullptr;
    bool m_docksSized = false;       // the first show has sized the docks
    bool m_layoutRestored = false;   // a saved window layout was restored (its dock sizes stand)

    QStackedWidget *m_pages = nullptr;
    ShellStatus *m_status = nullptr;
    CaseActions *m_case = nullptr;
    ExportActions *m_exports = nullptr;
    SettingsMenu *m_settings = nullptr;
    Workspace *m_workspace = nullptr;
    FindingsView *m_findingsView = nullptr;
    FindingDetails *m_details = nullptr;
    ConfigurationModel *m_configurationModel = nullptr;
    QMenu *m_recentMenu = nullptr;

    QAction *m_openFiles = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_openSamples = nullptr;
    QAction *m_pasteLogs = nullptr;
    QAction *m_collect = nullptr;
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
    QAction *m_help = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    QAction *m_clearRecent = nullptr;
};

} // namespace mwb::views
