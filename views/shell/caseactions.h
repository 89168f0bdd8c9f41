#pragma once
// The case UI of the main window: the File menu's case entries and recent cases, the admin's
// verdicts and notes on findings and sessions, autosave and its recovery, and the questions
// around them (unsaved changes, a moved log file). The case itself is CaseController's
// (model/core); this class asks the admin and tells the controller.
#include "model/core/investigation/casecontroller.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

class QAction;
class QMenu;
class QTimer;

namespace mwb {
class Investigation;
struct Finding;
}

namespace mwb::views {

class FindingsView;
class ShellStatus;
class Workspace;

class CaseActions : public QObject {
    Q_OBJECT
public:
    // What of the case lives in the window rather than in the document.
    struct WindowHooks {
        std::function<QJsonObject()> captureView;            // page, tab, docks, workspace state…
        std::function<void(const QJsonObject &)> applyView;  // the reverse, after a reopen
        std::function<QString()> consoleTranscript;         // the live console's text ("" = none)
        std::function<void()> showWelcome;                   // a new case starts on the welcome page
    };
    CaseActions(QWidget *window, Investigation *investigation, Workspace *workspace, FindingsView *findings,
                ShellStatus *status, WindowHooks hooks);

    // File menu: new, open, recent cases, save, save as, contents. Edit menu: session note and the
    // Finding submenu (also the findings list's context menu).
    void addToFileMenu(QMenu *file);
    void addToEditMenu(QMenu *edit);
    QAction *openCaseAction() const { return m_openCase; }

    void setSourceResolver(CaseController::SourceResolver resolver) { m_resolver = std::move(resolver); }
    bool openCase(const QString &path);
    bool recoverAutosavedCase();
    void offerAutosaveRecovery();
    bool saveCase();
    bool saveCaseAs(const QString &path);
    void newCase();
    void autosave();
    // The window's view into the case, before anything reads or writes it.
    void capture();
    // After a reopened case has loaded: bookmarks and the saved view.
    void restoreView();

    void setFindingState(const Finding &finding, FindingState state);
    void setFindingNote(const Finding &finding, const QString &text);
    void setSessionNote(const QString &sessionId, const QString &text);
    // Remembers a finished wizard's answers and script in the case.
    void addWizardRun(const QString &scenario, const QJsonObject &answers, const QString &script);

private:
    bool maybeSave();
    bool saveWithDialog(bool forceDialog);
    void afterOpened(const CaseController::Opened &opened);
    SourceDecision askAboutSource(const SourceCheck &check);
    void updateTitle();
    void updateRecentCasesMenu();
    void editFindingNote();
    void editSessionNote();
    void showContents();
    void sayFindingState(const Finding *finding);

    QWidget *m_window;
    Investigation *m_investigation;
    CaseController *m_case;
    Workspace *m_workspace;
    FindingsView *m_findings;
    ShellStatus *m_status;
    WindowHooks m_hooks;
    CaseController::SourceResolver m_resolver;
    QTimer *m_autosaveTimer;
    bool m_applyingCase = false;        // workspace changes made from the case are not edits
    int m_liveConsoleTranscript = -1;   // this window's console entry in the case

    QAction *m_newCase;
    QAction *m_openCase;
    QAction *m_saveCase;
    QAction *m_saveCaseAs;
    QAction *m_contents;
    QAction *m_markConfirmed;
    QAction *m_markDismissed;
    QAction *m_markNew;
    QAction *m_findingNote;
    QAction *m_sessionNote;
    QMenu *m_recentCasesMenu = nullptr;
    QMenu *m_findingMenu = nullptr;
};

} // namespace mwb::views
