#include "views/shell/caseactions.h"

#include "model/core/cases/report.h"
#include "model/core/common/secretscrub.h"
#include "model/core/diagnosis/finding.h"
#include "model/core/investigation/investigation.h"
#include "views/common/filedialogs.h"
#include "views/sessions/findingsview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/workspace.h"
#include "views/shell/helpbrowser.h"
#include "views/shell/shellstatus.h"
#include "views/shell/windowactions.h"

#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace mwb::views {

CaseActions::CaseActions(QWidget *window, Investigation *investigation, Workspace *workspace, FindingsView *findings,
                         ShellStatus *status, WindowHooks hooks)
    : QObject(window), m_window(window), m_investigation(investigation), m_case(investigation->caseController()),
      m_workspace(workspace), m_findings(findings), m_status(status), m_hooks(std::move(hooks)),
      m_resolver([this](const SourceCheck &check) { return askAboutSource(check); }), m_autosaveTimer(new QTimer(this))
{
    auto make = [window](const QString &text, const QString &icon, const QKeySequence &key) {
        return addWindowAction(window, text, icon, key);
    };
    m_newCase = make(tr("&New Case"), QString(), standardOr(QKeySequence::New, "Ctrl+N"));
    connect(m_newCase, &QAction::triggered, this, [this] {
        if (maybeSave())
            newCase();
    });
    m_openCase = make(tr("Open &Case\u2026"), QStringLiteral("open-file"), QKeySequence(tr("Ctrl+Alt+O")));
    connect(m_openCase, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        const QString path = filedialogs::openFile(m_window, tr("Open case"), filedialogs::Purpose::Cases,
                                                   tr("Mailflow Workbench cases (*.mwbcase);;All files (*)"));
        if (!path.isEmpty())
            openCase(path);
    });
    m_saveCase = make(tr("&Save Case"), QString(), standardOr(QKeySequence::Save, "Ctrl+S"));
    connect(m_saveCase, &QAction::triggered, this, [this] { saveWithDialog(false); });
    m_saveCaseAs = make(tr("Save Case &As\u2026"), QString(), standardOr(QKeySequence::SaveAs, "Ctrl+Shift+S"));
    connect(m_saveCaseAs, &QAction::triggered, this, [this] { saveWithDialog(true); });
    m_contents = make(tr("Case &Contents\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+I")));
    connect(m_contents, &QAction::triggered, this, &CaseActions::showContents);

    auto markCurrent = [this](FindingState state) {
        if (const Finding *f = m_findings->currentFinding())
            setFindingState(*f, state);
    };
    m_markConfirmed = make(tr("Mark Finding &Confirmed"), QString(), QKeySequence(tr("Ctrl+Shift+Y")));
    connect(m_markConfirmed, &QAction::triggered, this, [markCurrent] { markCurrent(FindingState::Confirmed); });
    m_markDismissed = make(tr("Mark Finding &Dismissed"), QString(), QKeySequence(tr("Ctrl+Shift+X")));
    connect(m_markDismissed, &QAction::triggered, this, [markCurrent] { markCurrent(FindingState::Dismissed); });
    m_markNew = make(tr("Mark Finding as &New"), QString(), QKeySequence(tr("Ctrl+Shift+U")));
    connect(m_markNew, &QAction::triggered, this, [markCurrent] { markCurrent(FindingState::New); });
    for (QAction *a : {m_markConfirmed, m_markDismissed, m_markNew})
        a->setCheckable(true);
    m_findingNote = make(tr("Finding &Note\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+N")));
    connect(m_findingNote, &QAction::triggered, this, &CaseActions::editFindingNote);
    m_sessionNote = make(tr("Note on the &Session\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+M")));
    connect(m_sessionNote, &QAction::triggered, this, &CaseActions::editSessionNote);

    connect(m_case, &CaseController::changed, this, &CaseActions::updateTitle);
    // Bookmarks live in the workspace's Bookmarks tab; the case keeps a copy for saving.
    connect(m_workspace, &Workspace::bookmarksChanged, this, [this] {
        const QList<Bookmark> bookmarks = m_workspace->bookmarks();
        if (m_applyingCase || bookmarks == m_case->state().bookmarks)
            return;
        m_case->edit().bookmarks = bookmarks;
    });
    // The list does not show the admin's verdict: say it in words when a marked finding is selected.
    connect(m_findings, &FindingsView::currentFindingChanged, this, &CaseActions::sayFindingState);
    // Work of an unsaved case survives a crash: it is autosaved and offered on the next start.
    m_autosaveTimer->setInterval(2 * 60 * 1000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &CaseActions::autosave);
    m_autosaveTimer->start();
}

void CaseActions::addToFileMenu(QMenu *file)
{
    file->addAction(m_newCase);
    file->addAction(m_openCase);
    m_recentCasesMenu = file->addMenu(tr("Open Recent Cas&e"));
    file->addAction(m_saveCase);
    file->addAction(m_saveCaseAs);
    file->addAction(m_contents);
    updateTitle();
}

void CaseActions::addToEditMenu(QMenu *edit)
{
    edit->addAction(m_sessionNote);
    m_findingMenu = edit->addMenu(tr("F&inding"));
    m_findingMenu->addAction(m_markConfirmed);
    m_findingMenu->addAction(m_markDismissed);
    m_findingMenu->addAction(m_markNew);
    m_findingMenu->addSeparator();
    m_findingMenu->addAction(m_findingNote);
    connect(m_findingMenu, &QMenu::aboutToShow, this, [this] {
        const Finding *f = m_findings->currentFinding();
        const FindingState state = f ? m_case->state().findingState(f->rule, findingKey(*f)) : FindingState::New;
        m_markConfirmed->setChecked(f && state == FindingState::Confirmed);
        m_markDismissed->setChecked(f && state == FindingState::Dismissed);
        m_markNew->setChecked(f && state == FindingState::New);
    });
    // The same menu on the findings list.
    m_findings->table()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_findings->table(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_findings->currentFinding())
            return;
        Q_EMIT m_findingMenu->aboutToShow();   // sync the check marks
        m_findingMenu->exec(m_findings->table()->viewport()->mapToGlobal(pos));
    });
}

void CaseActions::sayFindingState(const Finding *f)
{
    if (!f)
        return;
    const QString key = findingKey(*f);
    const FindingState state = m_case->state().findingState(f->rule, key);
    const bool noted = !m_case->state().note(NoteTarget::Finding, f->rule + QLatin1Char('|') + key).isEmpty();
    if (state == FindingState::Confirmed)
        m_status->say(noted ? tr("This finding is marked as confirmed and has a note") : tr("This finding is marked as confirmed"));
    else if (state == FindingState::Dismissed)
        m_status->say(noted ? tr("This finding is marked as dismissed and has a note") : tr("This finding is marked as dismissed"));
    else if (noted)
        m_status->say(tr("This finding has a note (Edit > Finding > Note)"));
}

void CaseActions::updateTitle()
{
    // "[*]" shows the unsaved-changes mark the platform way.
    m_window->setWindowTitle(tr("%1[*] \u2014 Mailflow Workbench").arg(m_case->displayName()));
    m_window->setWindowModified(m_case->isModified());
    updateRecentCasesMenu();
}

void CaseActions::updateRecentCasesMenu()
{
    if (!m_recentCasesMenu)
        return;
    m_recentCasesMenu->clear();
    const QStringList recent = m_case->recentCases();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *a = m_recentCasesMenu->addAction(QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QDir::toNativeSeparators(path)));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openCase(path);
        });
    }
    if (!recent.isEmpty())
        m_recentCasesMenu->addSeparator();
    QAction *clear = m_recentCasesMenu->addAction(tr("&Clear Recent Cases"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        m_case->clearRecentCases();
        updateRecentCasesMenu();
    });
}

void CaseActions::capture()
{
    m_case->setView(m_hooks.captureView());
    const QString text = m_hooks.consoleTranscript ? m_hooks.consoleTranscript() : QString();
    if (text.trimmed().isEmpty())
        return;
    const QString scrubbed = scrubAuthSecrets(text);
    const CaseState &state = m_case->state();
    if (m_liveConsoleTranscript < 0 || m_liveConsoleTranscript >= state.consoleTranscripts.size()) {
        m_case->edit().consoleTranscripts.append({0, QString(), scrubbed, QDateTime::currentMSecsSinceEpoch()});
        m_liveConsoleTranscript = int(m_case->state().consoleTranscripts.size()) - 1;
    } else if (state.consoleTranscripts.at(m_liveConsoleTranscript).text != scrubbed) {
        m_case->edit().consoleTranscripts[m_liveConsoleTranscript].text = scrubbed;
    }
}

void CaseActions::restoreView()
{
    m_applyingCase = true;
    m_workspace->setBookmarks(m_case->state().bookmarks);
    m_applyingCase = false;
    if (!m_case->state().view.isEmpty())
        m_hooks.applyView(m_case->state().view);
}

SourceDecision CaseActions::askAboutSource(const SourceCheck &check)
{
    const QString name = QDir::toNativeSeparators(check.recorded.path);
    QMessageBox box(m_window);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Log file of the case"));
    switch (check.status) {
    case SourceStatus::Missing:
        box.setText(tr("The log file %1 was not found. It may have been moved or deleted.").arg(name));
        break;
    case SourceStatus::SizeChanged:
        box.setText(tr("The log file %1 has a different size than when the case was saved (%2 instead of %3 bytes).")
                        .arg(name).arg(check.currentSize).arg(check.recorded.size));
        break;
    case SourceStatus::ContentChanged:
        box.setText(tr("The content of the log file %1 has changed since the case was saved (different SHA-256).").arg(name));
        break;
    case SourceStatus::Unchanged:
        return {SourceDecision::LoadAnyway, {}};
    }
    box.setInformativeText(tr("Locate the file, or skip it: the rest of the case opens either way."));
    QPushButton *locate = box.addButton(tr("&Locate\u2026"), QMessageBox::ActionRole);
    QPushButton *anyway = check.status == SourceStatus::Missing ? nullptr : box.addButton(tr("Load &Anyway"), QMessageBox::AcceptRole);
    box.addButton(tr("&Skip"), QMessageBox::RejectRole);
    box.setDefaultButton(locate);
    box.exec();
    if (box.clickedButton() == locate) {
        const QString archive = check.recorded.path.section(QStringLiteral("!/"), 0, 0);
        const QString found = QFileDialog::getOpenFileName(m_window, tr("Locate %1").arg(QFileInfo(archive).fileName()),
                                                           QFileInfo(archive).absolutePath());
        if (!found.isEmpty())
            return {SourceDecision::Relocate, found};
        return {};
    }
    if (anyway && box.clickedButton() == anyway)
        return {SourceDecision::LoadAnyway, {}};
    return {};
}

void CaseActions::afterOpened(const CaseController::Opened &opened)
{
    QStringList parts;
    if (!opened.relocated.isEmpty())
        parts << tr("Relocated: %1.").arg(opened.relocated.join(QStringLiteral("; ")));
    if (!opened.changed.isEmpty())
        parts << tr("Changed since the case was saved: %1.").arg(opened.changed.join(QStringLiteral("; ")));
    if (!opened.skipped.isEmpty())
        parts << tr("Not loaded (missing or changed): %1.").arg(opened.skipped.join(QStringLiteral("; ")));
    if (!opened.configurationFromCopy.isEmpty())
        parts << tr("The collection zip %1 is gone or was skipped: the configuration shown is the copy saved in the case.")
                     .arg(opened.configurationFromCopy.join(QStringLiteral("; ")));
    m_liveConsoleTranscript = -1;
    // The investigation loads the sources (or clears); caseRestored applies the saved view.
    m_status->reportSkipped(*m_investigation);
    if (!parts.isEmpty())
        m_status->message(parts.join(QLatin1Char(' ')),
                          opened.skipped.isEmpty() && opened.configurationFromCopy.isEmpty() ? MessageBar::Info : MessageBar::Warning);
    m_status->say(tr("Opened case %1").arg(m_case->displayName()));
}

bool CaseActions::openCase(const QString &path)
{
    auto opened = m_investigation->openCase(path, m_resolver);
    if (!opened) {
        m_status->message(tr("Could not open the case %1: %2").arg(QDir::toNativeSeparators(path), opened.errorMessage()), MessageBar::Error);
        return false;
    }
    afterOpened(opened.value());
    return true;
}

bool CaseActions::recoverAutosavedCase()
{
    auto opened = m_investigation->recoverAutosavedCase(m_resolver);
    if (!opened) {
        m_status->message(tr("Could not recover the autosaved case: %1").arg(opened.errorMessage()), MessageBar::Error);
        return false;
    }
    afterOpened(opened.value());
    return true;
}

void CaseActions::offerAutosaveRecovery()
{
    if (!CaseController::hasAutosave())
        return;
    const auto answer = QMessageBox::question(m_window, tr("Recover unsaved case"),
                                              tr("Mailflow Workbench found work from a case that was never saved. Recover it?"),
                                              QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        recoverAutosavedCase();
    else
        CaseController::discardAutosave();
}

bool CaseActions::saveCase()
{
    capture();
    auto saved = m_case->save();
    if (!saved) {
        m_status->message(saved.errorMessage(), MessageBar::Error);
        return false;
    }
    m_status->say(tr("Saved the case to %1").arg(QDir::toNativeSeparators(m_case->path())));
    return true;
}

bool CaseActions::saveCaseAs(const QString &path)
{
    capture();
    auto saved = m_case->saveAs(path);
    if (!saved) {
        m_status->message(tr("Could not save the case: %1").arg(saved.errorMessage()), MessageBar::Error);
        return false;
    }
    m_status->say(tr("Saved the case to %1").arg(QDir::toNativeSeparators(m_case->path())));
    return true;
}

bool CaseActions::saveWithDialog(bool forceDialog)
{
    if (!forceDialog && !m_case->path().isEmpty())
        return saveCase();
    const QString path = filedialogs::saveFile(m_window, tr("Save case"), filedialogs::Purpose::Cases, tr("investigation.mwbcase"),
                                               tr("Mailflow Workbench cases (*.mwbcase)"));
    return !path.isEmpty() && saveCaseAs(path);
}

bool CaseActions::maybeSave()
{
    capture();
    if (!m_case->isModified() || m_case->state().isEmpty())
        return true;
    const auto answer = QMessageBox::question(m_window, tr("Unsaved case"), tr("The case %1 has unsaved changes. Save them?").arg(m_case->displayName()),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return saveWithDialog(false);
    if (m_case->path().isEmpty())
        CaseController::discardAutosave();
    return true;
}

void CaseActions::newCase()
{
    m_investigation->newCase();   // cancels a load; cleared() empties the views
    m_applyingCase = true;
    m_workspace->setBookmarks({});
    m_applyingCase = false;
    m_liveConsoleTranscript = -1;
    m_hooks.showWelcome();
    m_status->say(tr("New case \u2014 drop Exchange logs on the window or open them from the File menu"));
}

void CaseActions::autosave()
{
    capture();
    if (auto r = m_case->autosave(); !r)
        m_status->message(tr("Autosave failed: %1").arg(r.errorMessage()), MessageBar::Warning);
}

void CaseActions::setFindingState(const Finding &finding, FindingState state)
{
    const QString key = findingKey(finding);
    if (m_case->state().findingState(finding.rule, key) == state)
        return;
    m_case->edit().setFindingState(finding.rule, key, state);
    const QString stateText = state == FindingState::Confirmed ? tr("confirmed")
        : state == FindingState::Dismissed                     ? tr("dismissed")
                                                               : tr("new");
    m_status->say(tr("Finding \u201c%1\u201d marked as %2").arg(finding.title, stateText));
}

void CaseActions::setFindingNote(const Finding &finding, const QString &text)
{
    const QString key = finding.rule + QLatin1Char('|') + findingKey(finding);
    if (m_case->state().note(NoteTarget::Finding, key) == text)
        return;
    m_case->edit().setNote(NoteTarget::Finding, key, text);
}

void CaseActions::editFindingNote()
{
    const Finding *f = m_findings->currentFinding();
    if (!f) {
        m_status->say(tr("Select a finding to add a note to it."));
        return;
    }
    const Finding finding = *f;
    const QString key = finding.rule + QLatin1Char('|') + findingKey(finding);
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(m_window, tr("Note on the finding"), tr("Note on \u201c%1\u201d:").arg(finding.title),
                                                        m_case->state().note(NoteTarget::Finding, key), &ok);
    if (ok)
        setFindingNote(finding, text.trimmed());
}

void CaseActions::setSessionNote(const QString &sessionId, const QString &text)
{
    if (m_case->state().note(NoteTarget::Session, sessionId) == text)
        return;
    m_case->edit().setNote(NoteTarget::Session, sessionId, text);
}

void CaseActions::editSessionNote()
{
    const int index = m_workspace->sessions()->currentSession();
    const auto store = m_investigation->store();
    if (!store || index < 0 || index >= store->sessions.size()) {
        m_status->say(tr("Select a session to add a note to it."));
        return;
    }
    const QString id = store->sessions.at(index).id;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(m_window, tr("Note on the session"), tr("Note on session %1:").arg(id),
                                                        m_case->state().note(NoteTarget::Session, id), &ok);
    if (ok)
        setSessionNote(id, text.trimmed());
}

void CaseActions::addWizardRun(const QString &scenario, const QJsonObject &answers, const QString &script)
{
    m_case->edit().wizardRuns.append({0, scenario, answers, script, QDateTime::currentMSecsSinceEpoch()});
    m_status->say(tr("The wizard's script was added to the case"));
}

void CaseActions::showContents()
{
    capture();
    const CaseState &state = m_case->state();
    QString html = QStringLiteral("<h2>%1</h2>").arg(m_case->displayName().toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Log files").toHtmlEscaped());
    for (const CaseSource &s : state.sources)
        html += QStringLiteral("<li>%1 (%2, SHA-256 %3)</li>")
                    .arg(QDir::toNativeSeparators(s.path).toHtmlEscaped(), QLocale().formattedDataSize(s.size), s.sha256.left(16));
    html += QStringLiteral("</ul><h3>%1</h3><ul>").arg(tr("Notes").toHtmlEscaped());
    for (const Note &n : state.notes)
        html += QStringLiteral("<li><b>%1 %2</b>: %3</li>").arg(noteTargetId(n.target), n.key.toHtmlEscaped(), n.text.toHtmlEscaped());
    html += QStringLiteral("</ul><h3>%1</h3><ul>").arg(tr("Finding states").toHtmlEscaped());
    for (const FindingStateEntry &e : state.findingStates)
        html += QStringLiteral("<li>%1 %2: %3</li>").arg(e.rule.toHtmlEscaped(), e.key.toHtmlEscaped(), findingStateId(e.state));
    html += QStringLiteral("</ul><h3>%1</h3>").arg(tr("Wizard scripts").toHtmlEscaped());
    for (const WizardRun &w : state.wizardRuns)
        html += QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(w.scenario.toHtmlEscaped(), w.script.toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Console transcripts").toHtmlEscaped());
    for (const ConsoleTranscript &t : state.consoleTranscripts)
        html += QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(t.host.toHtmlEscaped(), t.text.toHtmlEscaped());

    showHtmlDialog(m_window, tr("Case Contents"), QStringLiteral("caseContents"), html, QSize(640, 420));
}

} // namespace mwb::views
