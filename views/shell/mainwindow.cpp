#include "views/shell/mainwindow.h"
#include "model/core/cases/redaction.h"

#include "model/itemmodels/timeformat.h"
#include "views/common/filedialogs.h"
#include "views/common/messagebar.h"
#include "views/common/theme.h"
#include "views/sessions/chartsview.h"
#include "views/shell/collectdialog.h"
#include "views/shell/helpbrowser.h"
#include "model/itemmodels/configurationmodel.h"
#include "views/sessions/findingsview.h"
#include "views/sessions/journeyview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"
#include "views/sessions/workspace.h"

#include <QAccessible>
#include <QAction>
#include <QBuffer>
#include <QDateTime>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageBox>
#include <QTimeZone>
#include <QTimer>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#if __has_include("views/wizard/remediationwizard.h")
#include "model/core/remediation/walker.h"
#include "views/wizard/remediationwizard.h"
#define MWB_HAVE_WIZARD 1
#endif
#if __has_include("views/console/consolewidget.h")
#include "views/console/consolewidget.h"
#include "views/console/domaincheckdialog.h"
#define MWB_HAVE_CONSOLE 1
#endif

namespace mwb::views {

namespace {

constexpr int kMaxRecent = 10;

// Platform themes may leave a standard key empty (the offscreen platform has no Quit binding).
QKeySequence standardOr(QKeySequence::StandardKey key, const char *fallback)
{
    const QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    return bindings.isEmpty() ? QKeySequence(QString::fromLatin1(fallback)) : bindings.first();
}

bool writeTextFile(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Mailflow Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app/mailflow-workbench.svg")));
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    m_workspace = new Workspace(this);
    m_investigation = new Investigation(this);
    m_case = m_investigation->caseController();
    m_resolver = [this](const SourceCheck &check) { return askAboutSource(check); };
    m_status = new QLabel(tr("Ready \u2014 drop Exchange logs on the window or open them from the File menu"), this);
    createActions();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createWelcomePage());
    m_pages->addWidget(m_workspace);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    // The message bar floats over the bottom of the central area instead of taking a layout row:
    // a banner that appeared at the end of a load moved the table under the pointer (issue #28).
    m_messageBar = new MessageBar(central);
    m_messageBar->hide();
    central->installEventFilter(this);
    auto place = [this, central] {
        const int wanted = m_messageBar->heightForWidth(central->width()) > 0 ? m_messageBar->heightForWidth(central->width())
                                                                              : m_messageBar->sizeHint().height();
        const int h = std::min(wanted, std::max(m_messageBar->minimumSizeHint().height(), central->height() / 3));
        m_messageBar->setGeometry(0, central->height() - h, central->width(), h);
        m_messageBar->raise();
    };
    m_placeMessageBar = place;
    connect(m_messageBar, &MessageBar::shown, this, place);

    m_status->setObjectName(QStringLiteral("statusText"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancelButton = new QToolButton(this);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

    createDocks();
    createMenus();
    m_cancelButton->setDefaultAction(m_cancel);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancelButton->hide();

    connect(m_workspace, &Workspace::historyChanged, this, &MainWindow::updateNavigation);
    // The document's lifecycle drives the views (rows stream in while the load runs).
    connect(m_investigation, &Investigation::loadStarted, this, &MainWindow::onLoadStarted);
    connect(m_investigation, &Investigation::progressChanged, this, &MainWindow::onProgress);
    connect(m_investigation, &Investigation::sessionsPreview, this, [this](const QList<Session> &preview) {
        m_workspace->showPreview(preview);
        m_status->setText(tr("Loading… showing the first %n session(s) while the rest loads", nullptr, int(preview.size())));
    });
    connect(m_investigation, &Investigation::sessionsExpected, m_workspace, &Workspace::reserveSessions);
    connect(m_investigation, &Investigation::sessionsAdded, m_workspace,
            qOverload<const QList<Session> &, qsizetype, qsizetype>(&Workspace::appendSessions));
    connect(m_investigation, &Investigation::loadFinished, this, &MainWindow::onLoadFinished);
    connect(m_investigation, &Investigation::nothingToLoad, this, &MainWindow::loadFinished);
    connect(m_investigation, &Investigation::cleared, this, &MainWindow::onCleared);
    // What the admin looks at is the document's too (the case and other views read it there).
    connect(m_workspace->sessions(), &SessionsView::filterApplied, this,
            [this] { m_investigation->setSessionFilter(filterSpecToMap(m_workspace->sessions()->filterSpec())); });
    connect(m_workspace->sessions(), &SessionsView::currentSessionChanged, this,
            [this](int index) { m_investigation->setSelectedSession(index); });
    connect(m_investigation, &Investigation::caseRestored, this, [this] {
        applyCaseView();
        Q_EMIT loadFinished();
    });
    // Drops land on child widgets (tables, line edits) first: watch them all, so "anywhere" holds.
    qApp->installEventFilter(this);
    readSettings();
    updateNavigation();

    connect(m_case, &CaseController::changed, this, &MainWindow::updateCaseTitle);
    // Bookmarks live in the workspace's Bookmarks tab; the case keeps a copy for saving.
    connect(m_workspace, &Workspace::bookmarksChanged, this, [this] {
        const QList<Bookmark> bookmarks = m_workspace->bookmarks();
        if (m_applyingCase || bookmarks == m_case->state().bookmarks)
            return;
        m_case->edit().bookmarks = bookmarks;
    });
    // The workspace's restored view state may switch UTC/local: the toggle follows.
    connect(m_workspace, &Workspace::timeDisplayRestored, this, [this](TimeDisplay display) {
        const bool utc = display == TimeDisplay::Utc;
        m_utc->setChecked(utc);
        setTimeUtc(utc);
    });
    // Work of an unsaved case survives a crash: it is autosaved and offered on the next start.
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(2 * 60 * 1000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveCase);
    m_autosaveTimer->start();
    setAccessibleNames();
    updateCaseTitle();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
    // The investigation's late signals must not reach views that are going away.
    m_investigation->disconnect(this);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &icon, const QKeySequence &key, auto slot) {
        auto *action = new QAction(icon.isEmpty() ? QIcon() : actionIcon(icon), text, this);
        if (!key.isEmpty())
            action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        if (!key.isEmpty())
            action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);  // shortcuts work while menus and toolbars are hidden too
        return action;
    };
    m_openFiles = make(tr("&Open Logs\u2026"), QStringLiteral("open-file"), standardOr(QKeySequence::Open, "Ctrl+O"), [this] {
        const QStringList files = filedialogs::openFiles(this, tr("Open Exchange logs"), filedialogs::Purpose::Logs,
            tr("Logs and traces (*.log *.csv *.txt *.zip *.gz *.tgz *.tar);;All files (*)"));
        if (!files.isEmpty())
            openPaths(files);
    });
    m_openFolder = make(tr("Open &Folder\u2026"), QStringLiteral("open-folder"), QKeySequence(tr("Ctrl+Shift+O")), [this] {
        const QString dir = filedialogs::folder(this, tr("Open a folder of Exchange logs"), filedialogs::Purpose::Logs);
        if (!dir.isEmpty())
            openPaths({dir});
    });
    m_openSamples = make(tr("Open &Sample Logs"), QStringLiteral("samples"), QKeySequence(tr("Ctrl+Shift+M")), [this] { openSamples(); });
    m_collect = make(tr("Co&llect Evidence\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+L")), [this] {
        CollectDialog dialog(this);
        // The window of what is loaded, an hour wider on each side; else the last day.
        if (const auto store = m_investigation->store()) {
            const auto [first, last] = store->fileTimeSpan();
            if (first != kNoTime && last != kNoTime)
                dialog.setWindow(QDateTime::fromMSecsSinceEpoch(first - 3'600'000, Qt::UTC), QDateTime::fromMSecsSinceEpoch(last + 3'600'000, Qt::UTC));
        }
        dialog.exec();
    });
    m_collect->setStatusTip(tr("Write the read-only PowerShell script that collects the logs and configuration of every transport server"));
    m_pasteLogs = make(tr("&Paste Logs"), QStringLiteral("paste"), QKeySequence(tr("Ctrl+Shift+V")), [this] { pasteLogs(); });
    m_pasteLogs->setStatusTip(tr("Load log lines copied from a ticket, a forum post or an e-mail (or copied log files)"));
    m_exportTable = make(tr("Export Sessions Table as &CSV\u2026"), QStringLiteral("export"), QKeySequence(tr("Ctrl+E")), [this] { exportTable(); });
    m_exportTranscript = make(tr("Export &Transcript\u2026"), QString(), QKeySequence(tr("Ctrl+Shift+E")), [this] { exportTranscript(); });
    m_exportJourney = make(tr("Export &Journey\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+J")), [this] { exportJourney(); });
    m_exportChart = make(tr("Export C&harts as Image\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+E")), [this] { exportChart(); });
    m_redactExports = make(tr("&Redact Exports"), QString(), QKeySequence(), [](bool) {});
    m_redactExports->setCheckable(true);
    m_redactExports->setToolTip(tr("Replace addresses, domains, IP addresses, host and connector names, GUIDs, user names and "
                                   "subjects with pseudonyms in the CSV, transcript, journey and chart exports"));
    m_copyTranscript = make(tr("Copy Transcript as Te&xt"), QStringLiteral("copy"), QKeySequence(tr("Ctrl+Shift+C")),
                            [this] { m_workspace->transcript()->copyAsText(); });
    m_cancel = make(tr("&Cancel Loading"), QStringLiteral("cancel"), QKeySequence(tr("Ctrl+.")), [this] { cancelLoad(); });
    m_cancel->setEnabled(false);
    m_quit = make(tr("&Quit"), QStringLiteral("quit"), standardOr(QKeySequence::Quit, "Ctrl+Q"), [this] { close(); });
    m_back = make(tr("&Back"), QStringLiteral("go-back"), QKeySequence(Qt::ALT | Qt::Key_Left), [this] { m_workspace->goBack(); });
    m_forward = make(tr("&Forward"), QStringLiteral("go-forward"), QKeySequence(Qt::ALT | Qt::Key_Right), [this] { m_workspace->goForward(); });
    m_utc = make(tr("Times in &UTC"), QStringLiteral("clock"), QKeySequence(tr("Ctrl+T")), [this](bool on) { setTimeUtc(on); });
    m_utc->setCheckable(true);
    m_utc->setChecked(true);
    m_focusFilter = make(tr("&Filter Sessions"), QStringLiteral("filter"), standardOr(QKeySequence::Find, "Ctrl+F"), [this] {
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->setCurrentIndex(Workspace::SessionsTab);
        if (auto *edit = m_workspace->findChild<QLineEdit *>(QStringLiteral("filterText")))
            edit->setFocus(Qt::ShortcutFocusReason);
    });
    m_rawLines = make(tr("&Raw Log Lines"), QString(), QKeySequence(tr("Ctrl+R")), [this](bool on) { m_workspace->transcript()->setRawMode(on); });
    m_rawLines->setCheckable(true);
    m_tabSessions = make(tr("&Sessions"), QStringLiteral("details"), QKeySequence(tr("Ctrl+1")), [this] {
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->setCurrentIndex(Workspace::SessionsTab);
    });
    m_tabJourney = make(tr("Message &Journey"), QStringLiteral("journey"), QKeySequence(tr("Ctrl+2")), [this] {
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->setCurrentIndex(Workspace::JourneyTab);
    });
    m_tabCharts = make(tr("C&harts"), QStringLiteral("chart"), QKeySequence(tr("Ctrl+3")), [this] {
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->setCurrentIndex(Workspace::ChartsTab);
    });
    m_wizard = make(tr("Remediation &Wizard\u2026"), QStringLiteral("wizard"), QKeySequence(tr("Ctrl+Shift+W")), [this] {
        const Finding *f = m_findingsView->currentFinding();
        openWizard(f ? f->scenario : QString(), f ? f->parameters : QMap<QString, QString>{});
    });
    m_console = make(tr("SMTP &Console\u2026"), QStringLiteral("console"), QKeySequence(tr("Ctrl+Shift+K")), [this] { openConsole(); });
    m_checkDomain = make(tr("Check &Domain\u2026"), QString(), QKeySequence(tr("Ctrl+Shift+H")), [this] { openDomainCheck(); });
    m_checkDomain->setStatusTip(tr("MX, STARTTLS and certificates of every MX, DANE, MTA-STS, SPF, DMARC, TLS-RPT and block lists of a domain"));
    m_help = make(tr("&Help for This View"), QStringLiteral("about"), standardOr(QKeySequence::HelpContents, "F1"), [this] { showHelp(); });
    m_about = make(tr("&About Mailflow Workbench"), QString(), QKeySequence(tr("Ctrl+Alt+A")), [this] { showAbout(); });
    m_aboutQt = make(tr("About &Qt"), QString(), QKeySequence(), [] { QApplication::aboutQt(); });
    m_clearRecent = make(tr("&Clear Recent"), QString(), QKeySequence(), [this] {
        m_recent.clear();
        updateRecentMenu();
    });
    m_newCase = make(tr("&New Case"), QString(), standardOr(QKeySequence::New, "Ctrl+N"), [this] {
        if (maybeSaveCase())
            newCase();
    });
    m_openCase = make(tr("Open &Case\u2026"), QStringLiteral("open-file"), QKeySequence(tr("Ctrl+Alt+O")), [this] {
        if (!maybeSaveCase())
            return;
        const QString path = filedialogs::openFile(this, tr("Open case"), filedialogs::Purpose::Cases,
                                                          tr("Mailflow Workbench cases (*.mwbcase);;All files (*)"));
        if (!path.isEmpty())
            openCase(path);
    });
    m_saveCase = make(tr("&Save Case"), QString(), standardOr(QKeySequence::Save, "Ctrl+S"), [this] { saveCaseWithDialog(false); });
    m_saveCaseAs = make(tr("Save Case &As\u2026"), QString(), standardOr(QKeySequence::SaveAs, "Ctrl+Shift+S"), [this] { saveCaseWithDialog(true); });
    m_caseContents = make(tr("Case &Contents\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+I")), [this] { showCaseContents(); });
    m_exportHtml = make(tr("Report as &HTML\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+H")), [this] { exportReport(ReportFormat::Html); });
    m_exportPdf = make(tr("Report as &PDF\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+P")), [this] { exportReport(ReportFormat::Pdf); });
    auto markCurrent = [this](FindingState state) {
        if (const Finding *f = m_findingsView->currentFinding())
            setFindingState(*f, state);
    };
    m_markConfirmed = make(tr("Mark Finding &Confirmed"), QString(), QKeySequence(tr("Ctrl+Shift+Y")), [markCurrent] { markCurrent(FindingState::Confirmed); });
    m_markDismissed = make(tr("Mark Finding &Dismissed"), QString(), QKeySequence(tr("Ctrl+Shift+X")), [markCurrent] { markCurrent(FindingState::Dismissed); });
    m_markNew = make(tr("Mark Finding as &New"), QString(), QKeySequence(tr("Ctrl+Shift+U")), [markCurrent] { markCurrent(FindingState::New); });
    m_findingNote = make(tr("Finding &Note\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+N")), [this] { editFindingNote(); });
    m_sessionNote = make(tr("Note on the &Session\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+M")), [this] { editSessionNote(); });
    for (QAction *a : {m_markConfirmed, m_markDismissed, m_markNew})
        a->setCheckable(true);
#ifndef MWB_HAVE_WIZARD
    m_wizard->setToolTip(tr("The remediation wizard is not part of this build yet"));
#endif
#ifndef MWB_HAVE_CONSOLE
    m_console->setToolTip(tr("The SMTP console is not part of this build yet"));
#endif
}

void MainWindow::createDocks()
{
    m_findingsView = new FindingsView(this);
    auto *findingsDock = new QDockWidget(tr("Findings"), this);
    findingsDock->setObjectName(QStringLiteral("findingsDock"));
    findingsDock->setWidget(m_findingsView);
    addDockWidget(Qt::RightDockWidgetArea, findingsDock);

    m_details = new FindingDetails(this);
    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("detailsDock"));
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    resizeDocks({findingsDock}, {380}, Qt::Horizontal);   // widened for big screens on the first show

    // The transport configuration of a collection zip (issue #31): beside the details, shown when a
    // load brings one.
    m_configurationModel = new ConfigurationModel(this);
    auto *configurationView = new QTreeView(this);
    configurationView->setObjectName(QStringLiteral("configurationView"));
    configurationView->setModel(m_configurationModel);
    configurationView->setUniformRowHeights(true);
    configurationView->setAlternatingRowColors(true);
    auto *configurationDock = new QDockWidget(tr("Configuration"), this);
    configurationDock->setObjectName(QStringLiteral("configurationDock"));
    configurationDock->setWidget(configurationView);
    addDockWidget(Qt::RightDockWidgetArea, configurationDock);
    tabifyDockWidget(detailsDock, configurationDock);
    detailsDock->raise();
    configurationDock->hide();

    connect(m_findingsView, &FindingsView::currentFindingChanged, m_details, &FindingDetails::setFinding);
    connect(m_findingsView, &FindingsView::currentFindingChanged, this,
            [this](const Finding *f) { m_investigation->setSelectedFindingKey(f ? findingKey(*f) : QString()); });
    // Finding states and notes belong to the case: offered from the shell, the view stays as it is.
    m_findingsView->table()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_findingsView->table(), &QWidget::customContextMenuRequested, this, &MainWindow::showFindingsMenu);
    // The list does not show the admin's verdict: say it in words when a marked finding is selected.
    connect(m_findingsView, &FindingsView::currentFindingChanged, this, [this](const Finding *f) {
        if (!f)
            return;
        const QString key = findingKey(*f);
        const FindingState state = m_case->state().findingState(f->rule, key);
        const bool noted = !m_case->state().note(NoteTarget::Finding, f->rule + QLatin1Char('|') + key).isEmpty();
        if (state == FindingState::Confirmed)
            m_status->setText(noted ? tr("This finding is marked as confirmed and has a note") : tr("This finding is marked as confirmed"));
        else if (state == FindingState::Dismissed)
            m_status->setText(noted ? tr("This finding is marked as dismissed and has a note") : tr("This finding is marked as dismissed"));
        else if (noted)
            m_status->setText(tr("This finding has a note (Edit > Finding > Note)"));
    });
    connect(m_details, &FindingDetails::showSessions, this, [this](const Finding &f) {
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->showFindingSessions(f);
    });
    connect(m_details, &FindingDetails::openInWizard, this, &MainWindow::openWizard);
    connect(m_details, &FindingDetails::evidenceActivated, this, [this](const RecordRef &ref) {
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->openEvidence(ref);
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newCase);
    file->addAction(m_openCase);
    m_recentCasesMenu = file->addMenu(tr("Open Recent Cas&e"));
    file->addAction(m_saveCase);
    file->addAction(m_saveCaseAs);
    file->addAction(m_caseContents);
    file->addSeparator();
    file->addAction(m_openFiles);
    file->addAction(m_openFolder);
    file->addAction(m_openSamples);
    file->addAction(m_pasteLogs);
    file->addAction(m_collect);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(actionIcon(QStringLiteral("export")), tr("E&xport"));
    exportMenu->addAction(m_exportTable);
    exportMenu->addAction(m_exportTranscript);
    exportMenu->addAction(m_exportJourney);
    exportMenu->addAction(m_exportChart);
    exportMenu->addSeparator();
    exportMenu->addAction(m_redactExports);
    QMenu *reportMenu = file->addMenu(tr("Export &Report"));
    reportMenu->addAction(m_exportHtml);
    reportMenu->addAction(m_exportPdf);
    file->addSeparator();
    file->addAction(m_cancel);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_pasteLogs);
    edit->addSeparator();
    edit->addAction(m_copyTranscript);
    edit->addAction(m_focusFilter);
    edit->addSeparator();
    edit->addAction(m_sessionNote);
    m_findingsMenu = edit->addMenu(tr("F&inding"));
    m_findingsMenu->addAction(m_markConfirmed);
    m_findingsMenu->addAction(m_markDismissed);
    m_findingsMenu->addAction(m_markNew);
    m_findingsMenu->addSeparator();
    m_findingsMenu->addAction(m_findingNote);
    connect(m_findingsMenu, &QMenu::aboutToShow, this, [this] {
        const Finding *f = m_findingsView->currentFinding();
        const FindingState state = f ? m_case->state().findingState(f->rule, findingKey(*f)) : FindingState::New;
        m_markConfirmed->setChecked(f && state == FindingState::Confirmed);
        m_markDismissed->setChecked(f && state == FindingState::Dismissed);
        m_markNew->setChecked(f && state == FindingState::New);
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_back);
    view->addAction(m_forward);
    view->addSeparator();
    view->addAction(m_tabSessions);
    view->addAction(m_tabJourney);
    view->addAction(m_tabCharts);
    view->addSeparator();
    view->addAction(m_utc);
    view->addAction(m_rawLines);
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        QAction *toggle = dock->toggleViewAction();
        const QString name = dock->objectName();
        toggle->setShortcut(name == QLatin1String("findingsDock")        ? QKeySequence(tr("Ctrl+Shift+F"))
                            : name == QLatin1String("configurationDock") ? QKeySequence(tr("Ctrl+Shift+G"))
                                                                         : QKeySequence(tr("Ctrl+Shift+D")));
        toggle->setIcon(actionIcon(name == QLatin1String("findingsDock") ? QStringLiteral("findings") : QStringLiteral("details")));
        view->addAction(toggle);
        addAction(toggle);
    }

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(m_wizard);
    tools->addAction(m_console);
    tools->addAction(m_checkDomain);

    // Alt+S belongs to the Sessions tab: the menu's mnemonic is G.
    QMenu *settings = menuBar()->addMenu(tr("Settin&gs"));
    QAction *zone = settings->addAction(tr("Time &Zone of Exported Logs\u2026"));
    zone->setObjectName(QStringLiteral("exportTimeZone"));
    zone->setShortcut(QKeySequence(tr("Ctrl+Alt+Z")));
    addAction(zone);
    zone->setStatusTip(tr("The zone of the machine that ran Get-MessageTrackingLog | Export-Csv: its times carry no zone"));
    connect(zone, &QAction::triggered, this, [this] {
        QStringList zones{tr("UTC (times as written)")};
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
            zones << QString::fromLatin1(id);
        const QString current = m_investigation->exportTimeZone().isValid() ? QString::fromLatin1(m_investigation->exportTimeZone().id())
                                                                             : zones.first();
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Time zone of exported logs"),
                                                     tr("Export-Csv and Format-List output of Get-MessageTrackingLog is written in the local "
                                                        "time of the machine that ran it, without a zone. Read such times in:"),
                                                     zones, int(std::max<qsizetype>(0, zones.indexOf(current))), false, &ok);
        if (!ok)
            return;
        const QTimeZone tz = chosen == zones.first() ? QTimeZone() : QTimeZone(chosen.toLatin1());
        m_investigation->setExportTimeZone(tz);
        QSettings().setValue(QStringLiteral("import/timeZone"), tz.isValid() ? chosen : QString());
        if (!m_investigation->paths().isEmpty())
            m_messageBar->showMessage(tr("The zone applies from the next load: open the logs again to read their times in %1.").arg(chosen),
                                      MessageBar::Info);
    });
    m_languageMenu = settings->addMenu(tr("&Language"));
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    setLanguages({QStringLiteral("en")}, QString());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_help);
    help->addSeparator();
    help->addAction(m_about);
    help->addAction(m_aboutQt);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openFiles);
    bar->addAction(m_openFolder);
    bar->addAction(m_openSamples);
    bar->addSeparator();
    bar->addAction(m_back);
    bar->addAction(m_forward);
    bar->addSeparator();
    bar->addAction(m_utc);
    bar->addAction(m_exportTable);
    bar->addSeparator();
    bar->addAction(m_wizard);
    bar->addAction(m_console);
    // Icons only for the navigation pair: their meaning is universal and it saves room.
    for (QAction *a : {m_back, m_forward}) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(a)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    updateRecentMenu();
    updateRecentCasesMenu();
}

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("welcomePage"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    auto *icon = new QLabel(page);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/app/mailflow-workbench.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Drop Exchange logs here"), page);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *subtitle = new QLabel(tr("SMTP protocol logs (Receive / Send), message tracking logs, Exchange Online message traces \u2014 "
                                   "files, folders or archives (.zip, .gz, .tar.gz)."), page);
    subtitle->setWordWrap(true);
    subtitle->setAlignment(Qt::AlignCenter);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *samples = new QPushButton(actionIcon(QStringLiteral("samples")), tr("Open &sample logs"), page);
    samples->setObjectName(QStringLiteral("openSamplesButton"));
    samples->setDefault(true);
    auto *open = new QPushButton(actionIcon(QStringLiteral("open-file")), tr("Open &logs\u2026"), page);
    auto *folder = new QPushButton(actionIcon(QStringLiteral("open-folder")), tr("Open f&older\u2026"), page);
    auto *openCaseButton = new QPushButton(actionIcon(QStringLiteral("open-file")), tr("Open c&ase\u2026"), page);
    openCaseButton->setObjectName(QStringLiteral("openCaseButton"));
    for (QPushButton *b : {samples, open, folder, openCaseButton}) {
        b->setIconSize(QSize(22, 22));
        b->setMinimumHeight(36);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    connect(samples, &QPushButton::clicked, this, &MainWindow::openSamples);
    connect(open, &QPushButton::clicked, m_openFiles, &QAction::trigger);
    connect(folder, &QPushButton::clicked, m_openFolder, &QAction::trigger);
    connect(openCaseButton, &QPushButton::clicked, this, [this] { m_openCase->trigger(); });
    auto *hint = new QLabel(tr("Everything stays on this machine. Shortcuts: Ctrl+O open, Ctrl+F filter, Alt+\u2190/\u2192 back and forward, "
                                "Ctrl+S save the case."), page);
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addSpacing(16);
    layout->addWidget(hint);
    layout->addStretch(3);
    return page;
}

void MainWindow::setSamplesDirectory(const QString &dir)
{
    m_samplesDir = dir;
    m_openSamples->setEnabled(!dir.isEmpty());
}

void MainWindow::openSamples()
{
    if (m_samplesDir.isEmpty() || !QFileInfo(m_samplesDir).isDir()) {
        m_messageBar->showMessage(tr("The bundled sample logs were not found next to the program."), MessageBar::Warning);
        return;
    }
    openPaths({m_samplesDir});
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

QString MainWindow::messageBarText() const
{
    return m_messageBar->text();
}

void MainWindow::openPaths(const QStringList &paths)
{
    m_investigation->open(paths);
    showSkippedPaths();
}

void MainWindow::addPaths(const QStringList &paths)
{
    m_investigation->add(paths);
    showSkippedPaths();
}

void MainWindow::showSkippedPaths()
{
    const QStringList skipped = m_investigation->skippedPaths();
    if (!skipped.isEmpty()) {
        m_messageBar->showMessage(tr("Skipped %n item(s): %1", nullptr, int(skipped.size())).arg(skipped.join(QStringLiteral("; "))),
                                  MessageBar::Warning);
    }
    if (!m_investigation->isLoading() && m_investigation->paths().isEmpty() && !skipped.isEmpty())
        m_status->setText(tr("Nothing to load"));
    else if (!m_investigation->isLoading() && !skipped.isEmpty())
        m_status->setText(tr("Nothing new to load: what is loaded stays"));
}

void MainWindow::onLoadStarted(const QStringList &paths)
{
    m_messageBar->hide();
    addRecent(paths);
    m_workspace->clear();
    m_findingsView->setFindings({});
    m_details->setStore(nullptr);
    m_pages->setCurrentWidget(m_workspace);
    m_status->setText(tr("Loading %n item(s)\u2026", nullptr, int(paths.size())));
    m_progress->setRange(0, 0);
    m_progress->setFormat(QString());
    m_progress->show();
    m_cancelButton->show();
    m_cancel->setEnabled(true);
}

void MainWindow::onProgress(const LoadProgress &progress)
{
    const QLocale locale;
    if (progress.percent < 0) {
        m_progress->setRange(0, 0);   // busy: this phase has no measure
    } else {
        m_progress->setRange(0, 100);
        m_progress->setValue(progress.percent);
        m_progress->setFormat(QStringLiteral("%p%"));
    }
    // One line, never wrapped: phase, what it counts, and the estimate when there is one.
    QString text;
    if (progress.phase == LoadPhase::Reading && progress.bytesTotal > 0) {
        text = tr("Loading: %1 \u2014 %2 of %3").arg(loadPhaseText(progress.phase), locale.formattedDataSize(progress.bytesDone),
                                                     locale.formattedDataSize(progress.bytesTotal));
    } else if (progress.sessionsTotal >= 0) {
        text = tr("Loading: %1 \u2014 %2 of %3 sessions").arg(loadPhaseText(progress.phase), locale.toString(progress.sessionsDone),
                                                              locale.toString(progress.sessionsTotal));
    } else {
        text = tr("Loading: %1\u2026").arg(loadPhaseText(progress.phase));
    }
    if (progress.remainingMs >= 0)
        text += tr(" (about %1 left)").arg(formatDuration(progress.remainingMs));
    m_status->setText(text);
}

void MainWindow::onLoadFinished(bool cancelled)
{
    m_progress->hide();
    m_cancelButton->hide();
    m_cancel->setEnabled(false);
    const std::shared_ptr<const Store> store = m_investigation->store();
    const QList<Finding> &findings = m_investigation->findings();
    m_workspace->setStore(store);
    m_workspace->setFindings(findings);
    m_findingsView->setFindings(findings);
    m_details->setStore(store);
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("configurationDock"))) {
        const qint64 end = store->fileTimeSpan().second;
        m_configurationModel->setConfiguration(store->configuration, end == kNoTime ? QDateTime::currentDateTimeUtc()
                                                                                     : QDateTime::fromMSecsSinceEpoch(end, Qt::UTC));
        dock->setVisible(!store->configuration.isEmpty());
        if (!store->configuration.isEmpty())
            if (auto *view = dock->findChild<QTreeView *>())
                view->expandToDepth(0);
    }
    if (!m_investigation->diagnosisProblem().isEmpty())
        m_messageBar->showMessage(tr("Diagnosis is off for this load: %1").arg(m_investigation->diagnosisProblem()), MessageBar::Warning);

    const int files = int(store->files.size());
    int errors = 0;
    QStringList unreadable;
    for (const SourceFile &f : store->files) {
        errors += int(f.errors.size());
        if (f.format == LogFormat::Unknown)
            unreadable << QFileInfo(f.path).fileName();
    }
    int problems = 0;
    for (const Finding &f : findings)
        problems += f.severity == Severity::Error ? 1 : 0;
    QString text = tr("Loaded %n file(s)", nullptr, files) + QStringLiteral(": ")
        + tr("%n session(s)", nullptr, int(store->sessions.size())) + QStringLiteral(", ")
        + tr("%n message(s)", nullptr, int(store->messages.size())) + QStringLiteral(", ")
        + tr("%n finding(s)", nullptr, int(findings.size()));
    if (problems > 0)
        text += tr(" (%n error(s))", nullptr, problems);
    if (cancelled)
        text = tr("Loading cancelled \u2014 ") + text;
    m_status->setText(text);
    const QStringList skipped = m_investigation->skippedPaths();
    if (!unreadable.isEmpty() || errors > 0 || !skipped.isEmpty()) {
        // Files inside opened folders that are not logs (READMEs, manifests) are normal: info only.
        QString msg = unreadable.isEmpty() ? QString() : tr("Ignored (not Exchange logs): %1. ").arg(unreadable.join(QStringLiteral(", ")));
        if (errors > 0)
            msg += tr("%n line(s) could not be read; the rest loaded.", nullptr, errors);
        if (!skipped.isEmpty())
            msg = tr("Skipped %1. ").arg(skipped.join(QStringLiteral("; "))) + msg;
        m_messageBar->showMessage(msg.trimmed(), (errors > 0 || !skipped.isEmpty()) ? MessageBar::Warning : MessageBar::Info);
    }
    // Export files whose times carry no zone were read as UTC: ask for the zone once per load.
    if (!m_investigation->exportTimeZone().isValid()) {
        int zoneless = 0;
        for (const SourceFile &f : store->files)
            zoneless += f.warnings.isEmpty() ? 0 : 1;
        // Added to what the bar already says (a relocated source, ignored files), not instead of it.
        const QString before = m_messageBar->text();
        if (zoneless > 0)
            m_messageBar->showMessage((before.isEmpty() ? QString() : before + QLatin1Char(' ')) + tr("%n exported file(s) have times without a time zone; they were read as UTC. If they were "
                                         "exported on a machine in another zone, choose it in Settings > Time Zone of Exported Logs "
                                         "and open them again.", nullptr, zoneless),
                                      MessageBar::Warning);
    }
    if (files == 0 && store->sessions.isEmpty() && !cancelled && skipped.isEmpty())
        m_messageBar->showMessage(tr("No Exchange log was found in what was opened."), MessageBar::Info);
    if (!findings.isEmpty())
        m_findingsView->table()->selectRow(0);
    // A reopened case applies its view first (caseRestored), then answers.
    if (!m_investigation->isRestoringCase())
        Q_EMIT loadFinished();
}

void MainWindow::onCleared()
{
    m_progress->hide();
    m_cancelButton->hide();
    m_cancel->setEnabled(false);
    m_workspace->clear();
    m_findingsView->setFindings({});
    m_details->setStore(nullptr);
}

void MainWindow::cancelLoad()
{
    if (m_investigation->isLoading()) {
        m_status->setText(tr("Cancelling\u2026"));
        m_investigation->cancel();
    }
}

void MainWindow::addRecent(const QStringList &paths)
{
    for (const QString &p : paths) {
        m_recent.removeAll(p);
        m_recent.prepend(p);
    }
    while (m_recent.size() > kMaxRecent)
        m_recent.removeLast();
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (int i = 0; i < m_recent.size(); ++i) {
        const QString path = m_recent.at(i);
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QDir::toNativeSeparators(path)));
        if (i < 9)
            a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+%1").arg(i + 1)));
        connect(a, &QAction::triggered, this, [this, path] { openPaths({path}); });
    }
    if (!m_recent.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecent);
    m_recentMenu->setEnabled(true);
}

void MainWindow::updateNavigation()
{
    m_back->setEnabled(m_workspace->canGoBack());
    m_forward->setEnabled(m_workspace->canGoForward());
}

void MainWindow::setTimeUtc(bool utc)
{
    const TimeDisplay display = utc ? TimeDisplay::Utc : TimeDisplay::Local;
    m_workspace->setTimeDisplay(display);
    m_findingsView->model()->setTimeDisplay(display);
    m_utc->setText(utc ? tr("Times in &UTC") : tr("Times in &local time"));
}

std::unique_ptr<Redactor> MainWindow::exportRedactor() const
{
    if (!m_redactExports || !m_redactExports->isChecked())
        return nullptr;
    auto redactor = std::make_unique<Redactor>();
    if (const auto store = m_investigation->store())
        redactor->learnFromStore(*store);
    return redactor;
}

void MainWindow::pasteLogs()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (mime && mime->hasUrls()) {
        QStringList files;
        for (const QUrl &url : mime->urls()) {
            if (url.isLocalFile())
                files << url.toLocalFile();
        }
        if (!files.isEmpty()) {
            addPaths(files);
            return;
        }
    }
    const auto pasted = m_investigation->addPastedText(mime ? mime->text() : QString());
    if (!pasted)
        m_messageBar->showMessage(pasted.errorMessage(), MessageBar::Warning);
}

void MainWindow::exportTable()
{
    const QString path = filedialogs::saveFile(this, tr("Export sessions as CSV"), filedialogs::Purpose::Exports, tr("sessions.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeTextFile(path, m_workspace->sessions()->model()->toCsv(exportRedactor().get()), &error))
        m_messageBar->showMessage(tr("Could not write %1: %2").arg(path, error), MessageBar::Error);
    else
        m_status->setText(tr("Exported %n session(s) to %1", nullptr, m_workspace->sessions()->model()->rowCount()).arg(path));
}

void MainWindow::exportTranscript()
{
    QString filter;
    const QString path = filedialogs::saveFile(this, tr("Export transcript"), filedialogs::Purpose::Exports, tr("transcript.html"),
                                                      tr("HTML (*.html);;Text (*.txt)"), &filter);
    if (path.isEmpty())
        return;
    const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
    const TranscriptModel *model = m_workspace->transcript()->model();
    const std::unique_ptr<Redactor> redactor = exportRedactor();
    QString error;
    if (!writeTextFile(path, html ? model->toHtml(redactor.get()) : model->toText(redactor.get()), &error))
        m_messageBar->showMessage(tr("Could not write %1: %2").arg(path, error), MessageBar::Error);
    else
        m_status->setText(tr("Exported the transcript to %1").arg(path));
}

void MainWindow::exportJourney()
{
    const QString path = filedialogs::saveFile(this, tr("Export message journey"), filedialogs::Purpose::Exports, tr("journey.html"), tr("HTML (*.html);;Text (*.txt)"));
    if (path.isEmpty())
        return;
    const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
    const JourneyModel *model = m_workspace->journey()->model();
    const std::unique_ptr<Redactor> redactor = exportRedactor();
    QString error;
    if (!writeTextFile(path, html ? model->toHtml(redactor.get()) : model->toText(redactor.get()), &error))
        m_messageBar->showMessage(tr("Could not write %1: %2").arg(path, error), MessageBar::Error);
    else
        m_status->setText(tr("Exported the journey to %1").arg(path));
}

void MainWindow::exportChart()
{
    const QString path = filedialogs::saveFile(this, tr("Export charts"), filedialogs::Purpose::Exports, tr("charts.png"), tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    bool written = false;
    if (const std::unique_ptr<Redactor> redactor = exportRedactor()) {
        // Redacted: drawn again with pseudonyms on the labels (the top remote hosts are addresses),
        // as a PNG whatever the name says, since a drawing would carry the real texts.
        const QImage image = m_workspace->charts()->renderImage(QSize(1400, 900), [&redactor](const QString &t) { return redactor->redactText(t); });
        const QString pngPath = QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0
            ? path : path + QStringLiteral(".png");
        written = image.save(pngPath, "PNG");
    } else {
        written = m_workspace->charts()->exportImage(path);
    }
    if (!written)
        m_messageBar->showMessage(tr("Could not write %1").arg(path), MessageBar::Error);
    else
        m_status->setText(tr("Exported the charts to %1").arg(path));
}

void MainWindow::showHelp()
{
    // Asked before the help window takes the focus: the view the admin was in.
    const HelpBrowser::Topic topic = HelpBrowser::topicFor(QApplication::focusWidget());
    auto *help = findChild<HelpBrowser *>();
    if (!help) {
        help = new HelpBrowser(this);
        help->setModal(false);
    }
    help->showTopic(topic);
    help->show();
    help->raise();
    help->activateWindow();
}

void MainWindow::showAbout()
{
    auto *box = new QDialog(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Mailflow Workbench"));
    auto *layout = new QVBoxLayout(box);
    auto *text = new QTextBrowser(box);
    text->setOpenExternalLinks(true);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setHtml(tr("<h2>Mailflow Workbench %1</h2>"
                     "<p>Find out why Exchange mail does not flow, and fix it.</p>"
                     "<p>Built with Qt %2, running on Qt %3.</p>"
                     "<h3>Licences</h3>"
                     "<ul><li>Mailflow Workbench: see the LICENSE file shipped with it.</li>"
                     "<li>Qt 6 (Core, Gui, Widgets, Network, Sql, Concurrent, Svg): GNU LGPL v3.</li>"
                     "<li>Qt Charts: GNU GPL v3.</li>"
                     "<li>libarchive: BSD 2-clause.</li>"
                     "<li>KSyntaxHighlighting (when built with it): MIT.</li></ul>")
                      .arg(QStringLiteral(MWB_VERSION).toHtmlEscaped(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    text->setMinimumSize(460, 300);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, box);
    connect(buttons, &QDialogButtonBox::rejected, box, &QDialog::close);
    layout->addWidget(text);
    layout->addWidget(buttons);
    box->show();
}

void MainWindow::openWizard(const QString &scenario, const QMap<QString, QString> &parameters)
{
#ifdef MWB_HAVE_WIZARD
    auto *wizard = new RemediationWizard(scenario, parameters, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // The answers and the generated script become part of the case when the wizard is finished.
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        const QString script = wizard->script();
        if (script.isEmpty() || wizard->scenarioId().isEmpty())
            return;
        QJsonObject answers;
        const QMap<QString, QString> params = wizard->walker() ? wizard->walker()->parameters() : QMap<QString, QString>{};
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            answers.insert(it.key(), it.value());
        m_case->edit().wizardRuns.append({0, wizard->scenarioId(), answers, script, QDateTime::currentMSecsSinceEpoch()});
        m_status->setText(tr("The wizard's script was added to the case"));
    });
    wizard->show();
#else
    Q_UNUSED(parameters)
    m_messageBar->showMessage(scenario.isEmpty() ? tr("The remediation wizard is not part of this build yet.")
                                                 : tr("The remediation wizard (scenario %1) is not part of this build yet.").arg(scenario),
                              MessageBar::Info);
#endif
}

void MainWindow::openConsole()
{
#ifdef MWB_HAVE_CONSOLE
    auto *dock = findChild<QDockWidget *>(QStringLiteral("consoleDock"));
    if (!dock) {
        dock = new QDockWidget(tr("SMTP Console"), this);
        dock->setObjectName(QStringLiteral("consoleDock"));
        auto *console = new ConsoleWidget(dock);
        // "Fix in the certificate scenario…" in the certificate inspector opens the wizard pre-filled.
        connect(console, &ConsoleWidget::openCertificateScenario, this,
                [this](const QMap<QString, QString> &parameters) { openWizard(QStringLiteral("certificate-smtp"), parameters); });
        dock->setWidget(console);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        // Docked under a window shorter than ~1000 px, the console left the sessions table two rows
        // (or pushed the window past the screen at 1366×768): there it opens as its own window,
        // which the admin can dock by its title bar.
        if (height() < 1000) {
            dock->setFloating(true);
            const QSize size(std::min(1100, width() - 80), std::min(700, height() - 60));
            dock->resize(size);
            dock->move(mapToGlobal(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2)));
        } else {
            resizeDocks({dock}, {height() * 2 / 5}, Qt::Vertical);
        }
    }
    dock->show();
    dock->raise();
#else
    m_messageBar->showMessage(tr("The SMTP console is not part of this build yet."), MessageBar::Info);
#endif
}

void MainWindow::openDomainCheck()
{
#ifdef MWB_HAVE_CONSOLE
    auto *dialog = findChild<DomainCheckDialog *>();
    if (!dialog) {
        dialog = new DomainCheckDialog(this);
        connect(dialog, &DomainCheckDialog::openScenario, this, &MainWindow::openWizard);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
#else
    m_messageBar->showMessage(tr("The domain check is not part of this build yet."), MessageBar::Info);
#endif
}

void MainWindow::setLanguages(const QStringList &languages, const QString &chosen)
{
    m_languageMenu->clear();
    auto *group = new QActionGroup(m_languageMenu);
    auto add = [&](const QString &code, const QString &label) {
        QAction *a = m_languageMenu->addAction(label);
        a->setObjectName(QStringLiteral("language-") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setActionGroup(group);
        connect(a, &QAction::triggered, this, [this, code] {
            QSettings settings;
            if (settings.value(QStringLiteral("language")).toString() == code)
                return;
            settings.setValue(QStringLiteral("language"), code);
            m_messageBar->showMessage(tr("The language changes when Mailflow Workbench is started again."), MessageBar::Info);
        });
    };
    add(QString(), tr("&System Default"));
    m_languageMenu->addSeparator();
    for (const QString &code : languages) {
        // Each language in its own name, so that an admin who cannot read the current UI finds theirs.
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        add(code, name.isEmpty() ? code : QStringLiteral("%1 (%2)").arg(name, code));
    }
}

void MainWindow::readSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1400, 860);
    m_layoutRestored = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_recent = settings.value(QStringLiteral("recent/paths")).toStringList();
    if (const QString zone = settings.value(QStringLiteral("import/timeZone")).toString(); !zone.isEmpty())
        m_investigation->setExportTimeZone(QTimeZone(zone.toLatin1()));
    updateRecentMenu();
    const bool utc = settings.value(QStringLiteral("view/utc"), true).toBool();
    m_utc->setChecked(utc);
    setTimeUtc(utc);
    m_workspace->setCurrentIndex(settings.value(QStringLiteral("view/tab"), 0).toInt());
    // Filters, sort, splitters and the selected session of the last run (applied when it loads).
    const QVariantMap workspace = settings.value(QStringLiteral("view/workspace")).toMap();
    if (!workspace.isEmpty())
        m_workspace->restoreViewState(workspace);
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("recent/paths"), m_recent);
    settings.setValue(QStringLiteral("view/utc"), m_utc->isChecked());
    settings.setValue(QStringLiteral("view/tab"), m_workspace->currentIndex());
    settings.setValue(QStringLiteral("view/workspace"), m_workspace->viewState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    autosaveCase();
    writeSettings();
    m_investigation->cancel();
    QMainWindow::closeEvent(event);
}

bool MainWindow::handleDrag(QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!drag->mimeData()->hasUrls())
            return false;
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (!drop->mimeData()->hasUrls())
            return false;
        QStringList paths;
        QStringList remote;
        for (const QUrl &url : drop->mimeData()->urls()) {
            if (url.isLocalFile())
                paths << url.toLocalFile();
            else
                remote << url.toDisplayString();
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        // Drops onto loaded logs add to them; onto the welcome page they start a load.
        if (m_investigation->store() && !m_investigation->paths().isEmpty())
            addPaths(paths);
        else
            openPaths(paths);
        if (!remote.isEmpty())
            m_messageBar->showMessage(tr("Only local files can be loaded; skipped %1").arg(remote.join(QStringLiteral(", "))), MessageBar::Warning);
        return true;
    }
    default:
        return false;
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type t = event->type();
    if (t == QEvent::Resize && watched == centralWidget() && m_placeMessageBar)
        m_placeMessageBar();
    if (t == QEvent::DragEnter || t == QEvent::DragMove || t == QEvent::Drop) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && (widget == this || widget->window() == this))
            return handleDrag(event);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // A first start (no saved layout): the findings dock takes 2/9 of the window, so that the
    // sessions table keeps its default columns at 1366 px and findings read in full at 1920 px.
    if (!m_docksSized && !m_layoutRestored) {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("findingsDock")))
            resizeDocks({dock}, {std::clamp(width() * 2 / 9, 300, 520)}, Qt::Horizontal);
    }
    m_docksSized = true;
}

void MainWindow::changeEvent(QEvent *event)
{
    // Light/dark follows the system: Qt updates the palette, the views repaint with palette colours;
    // the charts pick their theme when rebuilt.
    if (event->type() == QEvent::PaletteChange && m_workspace && m_investigation && m_investigation->store())
        m_workspace->charts()->setSessions(m_investigation->store()->sessions);
    QMainWindow::changeEvent(event);
}

// --- case files ------------------------------------------------------------------------------

void MainWindow::updateCaseTitle()
{
    // "[*]" shows the unsaved-changes mark the platform way.
    setWindowTitle(tr("%1[*] \u2014 Mailflow Workbench").arg(m_case->displayName()));
    setWindowModified(m_case->isModified());
    updateRecentCasesMenu();
}

void MainWindow::updateRecentCasesMenu()
{
    if (!m_recentCasesMenu)
        return;
    m_recentCasesMenu->clear();
    const QStringList recent = m_case->recentCases();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *a = m_recentCasesMenu->addAction(QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QDir::toNativeSeparators(path)));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSaveCase())
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

void MainWindow::captureCaseState()
{
    QJsonObject view;
    view.insert(QStringLiteral("page"), m_pages->currentWidget() == m_workspace ? QStringLiteral("workspace") : QStringLiteral("welcome"));
    view.insert(QStringLiteral("tab"), m_workspace->currentIndex());
    view.insert(QStringLiteral("utc"), m_utc->isChecked());
    view.insert(QStringLiteral("rawLines"), m_rawLines->isChecked());
    if (const Finding *f = m_findingsView->currentFinding()) {
        view.insert(QStringLiteral("findingRule"), f->rule);
        view.insert(QStringLiteral("findingKey"), findingKey(*f));
    }
    view.insert(QStringLiteral("window"), QString::fromLatin1(saveState().toBase64()));
    view.insert(QStringLiteral("workspace"), QJsonObject::fromVariantMap(m_workspace->viewState()));
    m_case->setView(view);
    const CaseState &state = m_case->state();
#ifdef MWB_HAVE_CONSOLE
    if (auto *console = findChild<ConsoleWidget *>()) {
        const QString text = console->transcriptText();
        if (!text.trimmed().isEmpty()) {
            const QString scrubbed = scrubAuthSecrets(text);
            if (m_liveConsoleTranscript < 0 || m_liveConsoleTranscript >= state.consoleTranscripts.size()) {
                m_case->edit().consoleTranscripts.append({0, QString(), scrubbed, QDateTime::currentMSecsSinceEpoch()});
                m_liveConsoleTranscript = int(m_case->state().consoleTranscripts.size()) - 1;
            } else if (state.consoleTranscripts.at(m_liveConsoleTranscript).text != scrubbed) {
                m_case->edit().consoleTranscripts[m_liveConsoleTranscript].text = scrubbed;
            }
        }
    }
#endif
}

void MainWindow::applyCaseView()
{
    m_applyingCase = true;
    m_workspace->setBookmarks(m_case->state().bookmarks);
    m_applyingCase = false;
    const QJsonObject view = m_case->state().view;
    if (view.isEmpty())
        return;
    const bool utc = view.value(QStringLiteral("utc")).toBool(true);
    m_utc->setChecked(utc);
    setTimeUtc(utc);
    const bool raw = view.value(QStringLiteral("rawLines")).toBool(false);
    m_rawLines->setChecked(raw);
    m_workspace->transcript()->setRawMode(raw);
    const QByteArray window = QByteArray::fromBase64(view.value(QStringLiteral("window")).toString().toLatin1());
    if (!window.isEmpty())
        restoreState(window);
    if (view.value(QStringLiteral("page")).toString() == QLatin1String("workspace"))
        m_pages->setCurrentWidget(m_workspace);
    m_workspace->setCurrentIndex(view.value(QStringLiteral("tab")).toInt());
    const QString rule = view.value(QStringLiteral("findingRule")).toString();
    if (!rule.isEmpty())
        m_findingsView->selectRule(rule);
    // Last: the session selection, filters, sort and splitters, and the tab they were on.
    if (view.contains(QStringLiteral("workspace")))
        m_workspace->restoreViewState(view.value(QStringLiteral("workspace")).toObject().toVariantMap());
}

SourceDecision MainWindow::askAboutSource(const SourceCheck &check)
{
    const QString name = QDir::toNativeSeparators(check.recorded.path);
    QMessageBox box(this);
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
    QPushButton *skip = box.addButton(tr("&Skip"), QMessageBox::RejectRole);
    box.setDefaultButton(locate);
    box.exec();
    if (box.clickedButton() == locate) {
        const QString archive = check.recorded.path.section(QStringLiteral("!/"), 0, 0);
        const QString found = QFileDialog::getOpenFileName(this, tr("Locate %1").arg(QFileInfo(archive).fileName()),
                                                           QFileInfo(archive).absolutePath());
        if (!found.isEmpty())
            return {SourceDecision::Relocate, found};
        return {};
    }
    if (anyway && box.clickedButton() == anyway)
        return {SourceDecision::LoadAnyway, {}};
    Q_UNUSED(skip)
    return {};
}

void MainWindow::afterCaseOpened(const CaseController::Opened &opened)
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
    showSkippedPaths();
    if (!parts.isEmpty())
        m_messageBar->showMessage(parts.join(QLatin1Char(' ')), opened.skipped.isEmpty() && opened.configurationFromCopy.isEmpty() ? MessageBar::Info : MessageBar::Warning);
    m_status->setText(tr("Opened case %1").arg(m_case->displayName()));
}

bool MainWindow::openCase(const QString &path)
{
    auto opened = m_investigation->openCase(path, m_resolver);
    if (!opened) {
        m_messageBar->showMessage(tr("Could not open the case %1: %2").arg(QDir::toNativeSeparators(path), opened.errorMessage()),
                                  MessageBar::Error);
        return false;
    }
    afterCaseOpened(opened.value());
    return true;
}

bool MainWindow::recoverAutosavedCase()
{
    auto opened = m_investigation->recoverAutosavedCase(m_resolver);
    if (!opened) {
        m_messageBar->showMessage(tr("Could not recover the autosaved case: %1").arg(opened.errorMessage()), MessageBar::Error);
        return false;
    }
    afterCaseOpened(opened.value());
    return true;
}

void MainWindow::offerAutosaveRecovery()
{
    if (!CaseController::hasAutosave())
        return;
    const auto answer = QMessageBox::question(this, tr("Recover unsaved case"),
                                              tr("Mailflow Workbench found work from a case that was never saved. Recover it?"),
                                              QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        recoverAutosavedCase();
    else
        CaseController::discardAutosave();
}

bool MainWindow::saveCase()
{
    captureCaseState();
    auto saved = m_case->save();
    if (!saved) {
        m_messageBar->showMessage(saved.errorMessage(), MessageBar::Error);
        return false;
    }
    m_status->setText(tr("Saved the case to %1").arg(QDir::toNativeSeparators(m_case->path())));
    return true;
}

bool MainWindow::saveCaseAs(const QString &path)
{
    captureCaseState();
    auto saved = m_case->saveAs(path);
    if (!saved) {
        m_messageBar->showMessage(tr("Could not save the case: %1").arg(saved.errorMessage()), MessageBar::Error);
        return false;
    }
    m_status->setText(tr("Saved the case to %1").arg(QDir::toNativeSeparators(m_case->path())));
    return true;
}

bool MainWindow::saveCaseWithDialog(bool forceDialog)
{
    if (!forceDialog && !m_case->path().isEmpty())
        return saveCase();
    const QString path = filedialogs::saveFile(this, tr("Save case"), filedialogs::Purpose::Cases, tr("investigation.mwbcase"),
                                                      tr("Mailflow Workbench cases (*.mwbcase)"));
    return !path.isEmpty() && saveCaseAs(path);
}

bool MainWindow::maybeSaveCase()
{
    captureCaseState();
    if (!m_case->isModified() || m_case->state().isEmpty())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved case"), tr("The case %1 has unsaved changes. Save them?").arg(m_case->displayName()),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return saveCaseWithDialog(false);
    if (m_case->path().isEmpty())
        CaseController::discardAutosave();
    return true;
}

void MainWindow::newCase()
{
    m_investigation->newCase();   // cancels a load; cleared() empties the views
    m_applyingCase = true;
    m_workspace->setBookmarks({});
    m_applyingCase = false;
    m_liveConsoleTranscript = -1;
    m_pages->setCurrentIndex(0);
    m_status->setText(tr("New case \u2014 drop Exchange logs on the window or open them from the File menu"));
}

void MainWindow::autosaveCase()
{
    captureCaseState();
    if (auto r = m_case->autosave(); !r)
        m_messageBar->showMessage(tr("Autosave failed: %1").arg(r.errorMessage()), MessageBar::Warning);
}

void MainWindow::setFindingState(const Finding &finding, FindingState state)
{
    const QString key = findingKey(finding);
    if (m_case->state().findingState(finding.rule, key) == state)
        return;
    m_case->edit().setFindingState(finding.rule, key, state);
    const QString stateText = state == FindingState::Confirmed ? tr("confirmed")
        : state == FindingState::Dismissed                     ? tr("dismissed")
                                                               : tr("new");
    m_status->setText(tr("Finding \u201c%1\u201d marked as %2").arg(finding.title, stateText));
}

void MainWindow::setFindingNote(const Finding &finding, const QString &text)
{
    const QString key = finding.rule + QLatin1Char('|') + findingKey(finding);
    if (m_case->state().note(NoteTarget::Finding, key) == text)
        return;
    m_case->edit().setNote(NoteTarget::Finding, key, text);
}

void MainWindow::editFindingNote()
{
    const Finding *f = m_findingsView->currentFinding();
    if (!f) {
        m_status->setText(tr("Select a finding to add a note to it."));
        return;
    }
    const Finding finding = *f;
    const QString key = finding.rule + QLatin1Char('|') + findingKey(finding);
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Note on the finding"), tr("Note on \u201c%1\u201d:").arg(finding.title),
                                                        m_case->state().note(NoteTarget::Finding, key), &ok);
    if (ok)
        setFindingNote(finding, text.trimmed());
}

void MainWindow::setSessionNote(const QString &sessionId, const QString &text)
{
    if (m_case->state().note(NoteTarget::Session, sessionId) == text)
        return;
    m_case->edit().setNote(NoteTarget::Session, sessionId, text);
}

void MainWindow::editSessionNote()
{
    const int index = m_workspace->sessions()->currentSession();
    if (!m_investigation->store() || index < 0 || index >= m_investigation->store()->sessions.size()) {
        m_status->setText(tr("Select a session to add a note to it."));
        return;
    }
    const QString id = m_investigation->store()->sessions.at(index).id;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Note on the session"), tr("Note on session %1:").arg(id),
                                                        m_case->state().note(NoteTarget::Session, id), &ok);
    if (ok)
        setSessionNote(id, text.trimmed());
}

void MainWindow::showFindingsMenu(const QPoint &pos)
{
    if (!m_findingsView->currentFinding())
        return;
    Q_EMIT m_findingsMenu->aboutToShow();  // sync the check marks
    m_findingsMenu->exec(m_findingsView->table()->viewport()->mapToGlobal(pos));
}

void MainWindow::showCaseContents()
{
    captureCaseState();
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

    auto *box = new QDialog(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("Case Contents"));
    auto *layout = new QVBoxLayout(box);
    auto *text = new QTextBrowser(box);
    text->setObjectName(QStringLiteral("caseContents"));
    text->setAccessibleName(tr("Case contents"));
    text->setHtml(html);
    text->setMinimumSize(640, 420);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, box);
    connect(buttons, &QDialogButtonBox::rejected, box, &QDialog::close);
    layout->addWidget(text);
    layout->addWidget(buttons);
    box->show();
}

// --- report ----------------------------------------------------------------------------------

ReportOptions MainWindow::reportOptions() const
{
    ReportOptions options;
    options.title = m_case->path().isEmpty() ? QString() : tr("Mail flow investigation: %1").arg(m_case->displayName());
    const CaseState &state = m_case->state();
    options.notes = state.notes;
    options.findingStates = state.findingStates;
    for (const WizardRun &run : state.wizardRuns)
        options.scripts.append({tr("Remediation script (%1)").arg(run.scenario), run.scenario, run.script});
    if (m_investigation->store() && !m_investigation->store()->sessions.isEmpty()) {
        // The charts as the admin sees them (same filter and zoom), drawn when the report asks,
        // with the report's pseudonyms on their labels.
        QPointer<ChartsView> charts = m_workspace->charts();
        options.chartImage = [charts](const std::function<QString(const QString &)> &label) {
            QByteArray png;
            if (!charts)
                return png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            charts->renderImage(QSize(1400, 900), label).save(&buffer, "PNG");
            return png;
        };
    }
    return options;
}

Analysis MainWindow::currentAnalysis() const
{
    Analysis analysis;
    // buildHtmlReport only reads the store; Analysis holds it non-const for the loader's sake.
    analysis.store = std::const_pointer_cast<Store>(m_investigation->store());
    analysis.findings = m_investigation->findings();
    return analysis;
}

QList<Replacement> MainWindow::reportRedactionPreview(const ReportExportSettings &settings) const
{
    if (!m_investigation->store())
        return {};
    const Analysis analysis = currentAnalysis();
    QList<Replacement> replacements;
    ReportOptions options = reportOptions();
    options.chartImage = nullptr;   // the chart labels are names the store taught the redactor already
    buildReport(analysis, options, settings, &replacements);
    return replacements;
}

bool MainWindow::exportReportTo(const QString &path, ReportFormat format, const ReportExportSettings &settings)
{
    if (!m_investigation->store()) {
        m_messageBar->showMessage(tr("Load logs first: the report describes what is loaded."), MessageBar::Info);
        return false;
    }
    captureCaseState();
    const Analysis analysis = currentAnalysis();
    ReportOptions options = reportOptions();
    // QTextDocument, which prints the PDF, cannot draw inline SVG: the PDF has the chart image only.
    options.svgCharts = format == ReportFormat::Html;
    const QString html = buildReport(analysis, options, settings);
    QString error;
    bool ok = false;
    if (format == ReportFormat::Html) {
        ok = writeTextFile(path, html, &error);
    } else {
        auto written = writeReportPdf(html, path);
        ok = written.ok();
        error = written.errorMessage();
    }
    if (!ok) {
        m_messageBar->showMessage(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error), MessageBar::Error);
        return false;
    }
    m_status->setText(settings.redact ? tr("Exported the redacted report to %1").arg(QDir::toNativeSeparators(path))
                                      : tr("Exported the report to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::exportReport(ReportFormat format)
{
    if (!m_investigation->store()) {
        m_messageBar->showMessage(tr("Load logs first: the report describes what is loaded."), MessageBar::Info);
        return;
    }
    ExportReportDialog dialog(format, [this](const ReportExportSettings &s) { return reportRedactionPreview(s); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool pdf = format == ReportFormat::Pdf;
    const QString path = filedialogs::saveFile(this, pdf ? tr("Export report as PDF") : tr("Export report as HTML"), filedialogs::Purpose::Exports,
                                                      pdf ? tr("report.pdf") : tr("report.html"),
                                                      pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html)"));
    if (!path.isEmpty())
        exportReportTo(path, format, dialog.settings());
}

// --- accessibility ---------------------------------------------------------------------------

void MainWindow::setAccessibleNames()
{
    // Screen readers announce these; the visible text is not enough for icon-only or text-less controls.
    m_status->setAccessibleName(tr("Status"));
    m_progress->setAccessibleName(tr("Loading progress"));
    m_cancelButton->setAccessibleName(tr("Cancel loading"));
    m_messageBar->setAccessibleName(tr("Messages"));
    m_pages->setAccessibleName(tr("Main area"));
    m_workspace->setAccessibleName(tr("Workspace: sessions, message journey and charts"));
    m_findingsView->setAccessibleName(tr("Findings"));
    m_findingsView->table()->setAccessibleName(tr("Findings list"));
    m_details->setAccessibleName(tr("Finding details"));
    if (auto *text = m_details->findChild<QTextBrowser *>(QStringLiteral("findingDetails")))
        text->setAccessibleName(tr("Explanation and evidence of the selected finding"));
    if (auto *welcome = findChild<QWidget *>(QStringLiteral("welcomePage")))
        welcome->setAccessibleName(tr("Welcome"));
    for (QToolBar *bar : findChildren<QToolBar *>())
        bar->setAccessibleName(bar->windowTitle());
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        dock->setAccessibleName(dock->windowTitle());
    // Actions: screen readers read the text without the mnemonic; tool buttons get it as a name.
    for (QAction *a : actions()) {
        const QString plain = QString(a->text()).remove(QLatin1Char('&')).remove(QChar(0x2026));
        if (a->toolTip().isEmpty() || a->toolTip() == a->text())
            a->setToolTip(plain);
        a->setStatusTip(plain);
    }
    // Every focusable control without a name gets one from its tool tip or its text, so none is
    // announced as just "button" or "edit".
    for (QWidget *w : findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->accessibleName().isEmpty())
            continue;
        if (auto *button = qobject_cast<QToolButton *>(w)) {
            if (button->defaultAction())
                button->setAccessibleName(QString(button->defaultAction()->text()).remove(QLatin1Char('&')));
        } else if (auto *edit = qobject_cast<QLineEdit *>(w); edit && !edit->placeholderText().isEmpty()) {
            edit->setAccessibleName(edit->placeholderText());
        } else if (!w->toolTip().isEmpty()) {
            w->setAccessibleName(w->toolTip());
        }
    }
}

} // namespace mwb::views
