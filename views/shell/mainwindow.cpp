#include "views/shell/mainwindow.h"

#include "model/itemmodels/configurationmodel.h"
#include "model/itemmodels/timeformat.h"
#include "views/common/accessibility.h"
#include "views/common/filedialogs.h"
#include "views/common/messagebar.h"
#include "views/common/theme.h"
#include "views/sessions/chartsview.h"
#include "views/sessions/findingsview.h"
#include "views/sessions/journeyview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"
#include "views/sessions/workspace.h"
#include "views/shell/collectdialog.h"
#include "views/shell/helpbrowser.h"
#include "views/shell/pathdrops.h"
#include "views/shell/settingsmenu.h"
#include "views/shell/shellstatus.h"
#include "views/shell/welcomepage.h"
#include "views/shell/windowactions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
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
    createActions();
    m_pages = new QStackedWidget(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    m_status = new ShellStatus(this, central, m_cancel);
    createDocks();

    CaseActions::WindowHooks hooks;
    hooks.captureView = [this] { return captureView(); };
    hooks.applyView = [this](const QJsonObject &view) { applyView(view); };
    hooks.showWelcome = [this] { m_pages->setCurrentIndex(0); };
#ifdef MWB_HAVE_CONSOLE
    hooks.consoleTranscript = [this] {
        auto *console = findChild<ConsoleWidget *>();
        return console ? console->transcriptText() : QString();
    };
#endif
    m_case = new CaseActions(this, m_investigation, m_workspace, m_findingsView, m_status, std::move(hooks));
    m_exports = new ExportActions(this, m_investigation, m_workspace, m_status, [this] { m_case->capture(); });
    m_settings = new SettingsMenu(this, m_investigation, m_status);
    m_pages->addWidget(createWelcomePage(this, [this] { openSamples(); }, m_openFiles, m_openFolder, m_case->openCaseAction()));
    m_pages->addWidget(m_workspace);
    createMenus();

    connect(m_workspace, &Workspace::historyChanged, this, &MainWindow::updateNavigation);
    // The document's lifecycle drives the views (rows stream in while the load runs).
    connect(m_investigation, &Investigation::loadStarted, this, &MainWindow::onLoadStarted);
    connect(m_investigation, &Investigation::progressChanged, m_status, &ShellStatus::progress);
    connect(m_investigation, &Investigation::sessionsPreview, this, [this](const QList<Session> &preview) {
        m_workspace->showPreview(preview);
        m_status->say(tr("Loading… showing the first %n session(s) while the rest loads", nullptr, int(preview.size())));
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
        m_case->restoreView();
        Q_EMIT loadFinished();
    });
    // Drops onto loaded logs add to them; onto the welcome page they start a load.
    new PathDrops(this, [this](const QStringList &local, const QStringList &remote) {
        if (m_investigation->store() && !m_investigation->paths().isEmpty())
            addPaths(local);
        else
            openPaths(local);
        if (!remote.isEmpty())
            m_status->message(tr("Only local files can be loaded; skipped %1").arg(remote.join(QStringLiteral(", "))), MessageBar::Warning);
    });
    readSettings();
    updateNavigation();
    // The workspace's restored view state may switch UTC/local: the toggle follows.
    connect(m_workspace, &Workspace::timeDisplayRestored, this, [this](TimeDisplay display) {
        const bool utc = display == TimeDisplay::Utc;
        m_utc->setChecked(utc);
        setTimeUtc(utc);
    });
    setAccessibleNames();
}

MainWindow::~MainWindow()
{
    // The investigation's late signals must not reach views that are going away.
    m_investigation->disconnect(this);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &icon, const QKeySequence &key, auto slot) {
        QAction *action = addWindowAction(this, text, icon, key);
        connect(action, &QAction::triggered, this, slot);
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
    m_about = make(tr("&About Mailflow Workbench"), QString(), QKeySequence(tr("Ctrl+Alt+A")), [this] { HelpBrowser::showAbout(this); });
    m_aboutQt = make(tr("About &Qt"), QString(), QKeySequence(), [] { QApplication::aboutQt(); });
    m_clearRecent = make(tr("&Clear Recent"), QString(), QKeySequence(), [this] {
        m_recent.clear();
        updateRecentMenu();
    });
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
    m_case->addToFileMenu(file);
    file->addSeparator();
    file->addAction(m_openFiles);
    file->addAction(m_openFolder);
    file->addAction(m_openSamples);
    file->addAction(m_pasteLogs);
    file->addAction(m_collect);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_exports->addToFileMenu(file);
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
    m_case->addToEditMenu(edit);

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

    menuBar()->addMenu(m_settings);

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
    bar->addAction(m_exports->exportTableAction());
    bar->addSeparator();
    bar->addAction(m_wizard);
    bar->addAction(m_console);
    // Icons only for the navigation pair: their meaning is universal and it saves room.
    for (QAction *a : {m_back, m_forward}) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(a)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    updateRecentMenu();
}

void MainWindow::setSamplesDirectory(const QString &dir)
{
    m_samplesDir = dir;
    m_openSamples->setEnabled(!dir.isEmpty());
}

void MainWindow::openSamples()
{
    if (m_samplesDir.isEmpty() || !QFileInfo(m_samplesDir).isDir()) {
        m_status->message(tr("The bundled sample logs were not found next to the program."), MessageBar::Warning);
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
    return m_status->messageText();
}

void MainWindow::openPaths(const QStringList &paths)
{
    m_investigation->open(paths);
    m_status->reportSkipped(*m_investigation);
}

void MainWindow::addPaths(const QStringList &paths)
{
    m_investigation->add(paths);
    m_status->reportSkipped(*m_investigation);
}

void MainWindow::setLanguages(const QStringList &languages, const QString &chosen)
{
    m_settings->setLanguages(languages, chosen);
}

void MainWindow::onLoadStarted(const QStringList &paths)
{
    addRecent(paths);
    m_workspace->clear();
    m_findingsView->setFindings({});
    m_details->setStore(nullptr);
    m_pages->setCurrentWidget(m_workspace);
    m_status->loadStarted(int(paths.size()));
}

void MainWindow::onLoadFinished(bool cancelled)
{
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
        // The servers with their Exchange versions (issue #30): also for logs without a collection.
        m_configurationModel->setServerVersions(serverVersions(store->files));
        const bool anything = m_configurationModel->rowCount() > 0;
        const bool wasHidden = dock->isHidden();
        dock->setVisible(anything);
        // Shown as a tab beside the details, not in front of them: the finding selected below
        // keeps its explanation in view.
        if (anything && wasHidden)
            if (auto *details = findChild<QDockWidget *>(QStringLiteral("detailsDock")))
                details->raise();
        if (anything)
            if (auto *view = dock->findChild<QTreeView *>())
                view->expandToDepth(0);
    }
    m_status->loadFinished(*m_investigation, cancelled);
    if (!findings.isEmpty())
        m_findingsView->table()->selectRow(0);
    // A reopened case applies its view first (caseRestored), then answers.
    if (!m_investigation->isRestoringCase())
        Q_EMIT loadFinished();
}

void MainWindow::onCleared()
{
    m_status->idle();
    m_workspace->clear();
    m_findingsView->setFindings({});
    m_details->setStore(nullptr);
}

void MainWindow::cancelLoad()
{
    if (m_investigation->isLoading()) {
        m_status->say(tr("Cancelling\u2026"));
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
        m_status->message(pasted.errorMessage(), MessageBar::Warning);
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
        m_case->addWizardRun(wizard->scenarioId(), answers, script);
    });
    wizard->show();
#else
    Q_UNUSED(parameters)
    m_status->message(scenario.isEmpty() ? tr("The remediation wizard is not part of this build yet.")
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
    m_status->message(tr("The SMTP console is not part of this build yet."), MessageBar::Info);
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
    m_status->message(tr("The domain check is not part of this build yet."), MessageBar::Info);
#endif
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
    m_case->autosave();
    writeSettings();
    m_investigation->cancel();
    QMainWindow::closeEvent(event);
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

QJsonObject MainWindow::captureView() const
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
    return view;
}

void MainWindow::applyView(const QJsonObject &view)
{
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

// --- accessibility ---------------------------------------------------------------------------

void MainWindow::setAccessibleNames()
{
    // Screen readers announce these; the visible text is not enough for icon-only or text-less controls.
    m_status->setAccessibleNames();
    m_pages->setAccessibleName(tr("Main area"));
    m_workspace->setAccessibleName(tr("Workspace: sessions, message journey and charts"));
    m_findingsView->setAccessibleName(tr("Findings"));
    m_findingsView->table()->setAccessibleName(tr("Findings list"));
    m_details->setAccessibleName(tr("Finding details"));
    if (auto *text = m_details->findChild<QTextBrowser *>(QStringLiteral("findingDetails")))
        text->setAccessibleName(tr("Explanation and evidence of the selected finding"));
    if (auto *welcome = findChild<QWidget *>(QStringLiteral("welcomePage")))
        welcome->setAccessibleName(tr("Welcome"));
    nameUnnamedControls(this);
}

} // namespace mwb::views
