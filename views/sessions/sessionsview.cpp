#include "views/sessions/sessionsview.h"

#include "model/core/common/workpools.h"

#include "model/itemmodels/outcomestyle.h"
#include "views/common/theme.h"

#include <QCheckBox>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSettings>
#include <QMenu>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <numeric>
#include <QtConcurrent/QtConcurrentRun>

namespace mwb::views {

SessionsView::SessionsView(QWidget *parent)
    : QWidget(parent), m_model(new SessionTableModel(this)), m_table(new QTableView(this)), m_text(new QLineEdit(this)),
      m_regex(new QCheckBox(tr("Re&gex"), this)), m_server(new QComboBox(this)), m_connector(new QLineEdit(this)),
      m_direction(new QComboBox(this)), m_remote(new QLineEdit(this)), m_code(new QLineEdit(this)),
      m_outcome(new QComboBox(this)), m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)),
      m_useTime(new QCheckBox(tr("Ti&me"), this)), m_tls(new QCheckBox(tr("Has &TLS"), this)),
      m_finding(new QCheckBox(tr("Has fi&nding"), this)), m_status(new QLabel(this)), m_debounce(new QTimer(this))
{
    m_text->setPlaceholderText(tr("Search sessions (id, host, address, message-id, reply)\u2026"));
    m_text->setClearButtonEnabled(true);
    m_text->setObjectName(QStringLiteral("filterText"));
    m_server->addItem(tr("All servers"));
    m_server->setObjectName(QStringLiteral("filterServer"));
    m_connector->setPlaceholderText(tr("Connector"));
    m_direction->addItems({tr("Both directions"), tr("Receive"), tr("Send")});
    m_remote->setPlaceholderText(tr("Remote IP or CIDR"));
    m_remote->setObjectName(QStringLiteral("filterRemote"));
    m_code->setPlaceholderText(tr("SMTP code, e.g. 4.4.317 or 5.7.*"));
    m_code->setObjectName(QStringLiteral("filterCode"));
    m_outcome->addItem(tr("Any outcome"));
    for (int o = 0; o < kSessionOutcomeCount; ++o) {
        const auto outcome = SessionOutcome(o);
        m_outcome->addItem(outcomeIcon(outcome), outcomeLabel(outcome));
    }
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        e->setTimeSpec(Qt::UTC);
        e->setCalendarPopup(true);
        e->setEnabled(false);
    }
    m_useTime->setToolTip(tr("Restrict to sessions that start in this range (UTC)"));
    connect(m_useTime, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTime, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto *clear = new QToolButton(this);
    clear->setIcon(actionIcon(QStringLiteral("clear")));
    clear->setToolTip(tr("Clear the filter"));
    clear->setAutoRaise(true);

    clear->setAccessibleName(tr("Clear the filter"));
    // Screen readers announce these names; placeholders vanish once text is typed.
    m_text->setAccessibleName(tr("Search sessions"));
    m_regex->setAccessibleDescription(tr("Treat the search text as a regular expression"));
    m_server->setAccessibleName(tr("Server filter"));
    m_connector->setAccessibleName(tr("Connector filter"));
    m_direction->setAccessibleName(tr("Direction filter"));
    m_remote->setAccessibleName(tr("Remote IP or CIDR filter"));
    m_code->setAccessibleName(tr("SMTP code filter"));
    m_outcome->setAccessibleName(tr("Outcome filter"));
    m_from->setAccessibleName(tr("From time (UTC)"));
    m_to->setAccessibleName(tr("To time (UTC)"));
    m_status->setAccessibleName(tr("Filter result"));
    m_table->setAccessibleName(tr("Sessions"));
    m_table->setAccessibleDescription(tr("One row per SMTP session; Ctrl+B bookmarks the current session"));

    auto *row1 = new QHBoxLayout;
    row1->addWidget(m_text, 3);
    row1->addWidget(m_regex);
    row1->addWidget(m_server, 1);
    row1->addWidget(m_connector, 1);
    row1->addWidget(m_direction);
    row1->addWidget(clear);
    auto *row2 = new QHBoxLayout;
    // The filter bar must fit a 1366 px window beside the findings dock in German and French too:
    // fields and combo boxes may shrink (their full text is in the tooltip and the drop-down).
    m_remote->setMinimumWidth(110);
    m_code->setMinimumWidth(130);
    for (QComboBox *combo : {m_server, m_outcome}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(9);
    }
    // Three short entries: shown whole ("Beide Richtungen" was cut to "Beide Richtu" at 1366 px);
    // the search field beside it gives way instead.
    m_direction->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_direction->setSizePolicy(QSizePolicy::Fixed, m_direction->sizePolicy().verticalPolicy());
    m_direction->setObjectName(QStringLiteral("filterDirection"));
    m_server->view()->setAccessibleName(tr("Servers"));
    m_direction->view()->setAccessibleName(tr("Directions"));
    m_outcome->view()->setAccessibleName(tr("Outcomes"));
    row2->addWidget(m_remote, 1);
    row2->addWidget(m_code, 1);
    row2->addWidget(m_outcome);
    row2->addWidget(m_useTime);
    row2->addWidget(m_from);
    row2->addWidget(new QLabel(QStringLiteral("\u2013"), this));
    row2->addWidget(m_to);
    row2->addWidget(m_tls);
    row2->addWidget(m_finding);
    auto *bar = new QVBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addLayout(row1);
    bar->addLayout(row2);

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("sessionsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SessionTableModel::Time, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The stretched last column (final reply) may get narrow before the table scrolls sideways.
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    setUpColumns();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &SessionsView::applyFilter);
    for (QLineEdit *e : {m_text, m_connector, m_remote, m_code})
        connect(e, &QLineEdit::textChanged, this, &SessionsView::scheduleFilter);
    for (QComboBox *c : {m_server, m_direction, m_outcome})
        connect(c, &QComboBox::currentIndexChanged, this, &SessionsView::scheduleFilter);
    for (QCheckBox *c : {m_regex, m_useTime, m_tls, m_finding})
        connect(c, &QCheckBox::toggled, this, &SessionsView::scheduleFilter);
    for (QDateTimeEdit *e : {m_from, m_to})
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &SessionsView::scheduleFilter);
    connect(clear, &QToolButton::clicked, this, [this] { setFilterSpec({}); });
    connect(&m_watcher, &QFutureWatcher<std::vector<int>>::finished, this, [this] {
        if (m_discardResult || !m_resultWanted) {
            m_discardResult = false;
        } else {
            const int before = currentSession();
            m_model->setComputedRows(m_runningFilter, m_watcher.result(), m_runningSnapshotSize, m_runningSortColumn, m_runningSortOrder);
            selectSession(before);
        }
        m_runningFilter.reset();
        m_resultWanted = false;
        Q_EMIT filterApplied(m_model->rowCount(), m_model->totalCount());
        if (m_pendingFilter) {
            m_pendingFilter = false;
            applyFilter();
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        Q_EMIT currentSessionChanged(current.isValid() ? current.data(SessionTableModel::SessionIndexRole).toInt() : -1);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_status->property("showingCount").toBool())
            Q_EMIT filterApplied(m_model->rowCount(), m_model->totalCount());
    });
    connect(this, &SessionsView::filterApplied, this, [this](int shown, int total) {
        QString text = shown == total ? tr("%n session(s)", nullptr, total) : tr("%1 of %n session(s) match", nullptr, total).arg(shown);
        if (!m_onlyLabel.isEmpty())
            text += QStringLiteral(" \u2014 ") + m_onlyLabel;
        m_status->setText(text);
        m_status->setProperty("showingCount", true);
    });
}

SessionsView::~SessionsView()
{
    // The worker reads the model (sort keys): it must finish before the model goes.
    m_watcher.waitForFinished();
    cancelSearchIndex();
}

void SessionsView::clear()
{
    cancelSearchIndex();
    m_model->clear();
    m_findingSessions.clear();
    m_server->blockSignals(true);
    while (m_server->count() > 1)
        m_server->removeItem(1);
    m_server->blockSignals(false);
    m_status->clear();
}

void SessionsView::appendSessions(const QList<Session> &batch)
{
    m_model->appendSessions(batch);
}

void SessionsView::appendSessions(const QList<Session> &all, qsizetype begin, qsizetype end)
{
    m_model->appendSessions(all, begin, end);
}

void SessionsView::setSessions(const QList<Session> &sessions)
{
    m_model->setSessions(sessions);
    updateServers();
    buildSearchIndex();
    Q_EMIT filterApplied(m_model->rowCount(), m_model->totalCount());
}

void SessionsView::cancelSearchIndex()
{
    m_indexJob.cancel();
}

void SessionsView::buildSearchIndex()
{
    // The final list gets a filter index, built on a worker (~1 s at 2 M sessions on two cores);
    // until it is there, filters read the sessions themselves (the same rows, slower).
    cancelSearchIndex();
    if (m_model->totalCount() == 0 || (m_model->searchIndex() && m_model->searchIndex()->covers(m_model->sessions())))
        return;
    m_indexJob.start([sessions = m_model->sessions()](const std::atomic_bool &cancelled) { return SessionSearchIndex::build(sessions, &cancelled); },
                     [this](std::shared_ptr<const SessionSearchIndex> index) {
                         m_model->setSearchIndex(std::move(index));
                         if (m_model->searchIndex())
                             Q_EMIT searchIndexReady();
                     });
}

void SessionsView::updateServers()
{
    // Reading every session's server touches each of millions of sessions (a cache miss apiece):
    // ~0.3-0.5 s at 2 M, so it runs on a worker with its own share of the list, and the combo box
    // is filled when it is done. A newer call supersedes an older one still running (LatestJob).
    m_serversJob.start(
        [sessions = m_model->sessions()](const std::atomic_bool &cancelled) {
            QStringList servers;
            QSet<QString> seen;
            for (const Session &s : sessions) {
                if (cancelled)
                    return QStringList();
                if (!s.server.isEmpty() && !seen.contains(s.server)) {
                    seen.insert(s.server);
                    servers << s.server;
                }
            }
            servers.sort(Qt::CaseInsensitive);
            return servers;
        },
        [this](const QStringList &servers) { applyServers(servers); });
}

void SessionsView::applyServers(const QStringList &servers)
{
    const QString current = m_server->currentIndex() > 0 ? m_server->currentText() : QString();
    m_server->blockSignals(true);
    while (m_server->count() > 1)
        m_server->removeItem(1);
    m_server->addItems(servers);
    const int keep = m_server->findText(current);
    m_server->setCurrentIndex(keep > 0 ? keep : 0);
    m_server->blockSignals(false);
    Q_EMIT serversUpdated();
}

void SessionsView::setFindingSessions(const QBitArray &sessions)
{
    m_findingSessions = sessions;
    if (m_finding->isChecked())
        scheduleFilter();
}

SessionFilterSpec SessionsView::filterSpec() const
{
    SessionFilterSpec spec;
    spec.text = m_text->text();
    spec.textIsRegex = m_regex->isChecked();
    spec.server = m_server->currentIndex() > 0 ? m_server->currentText() : QString();
    spec.connector = m_connector->text().trimmed();
    if (m_direction->currentIndex() > 0)
        spec.direction = m_direction->currentIndex() == 1 ? Direction::Receive : Direction::Send;
    spec.remote = m_remote->text().trimmed();
    spec.code = m_code->text().trimmed();
    if (m_outcome->currentIndex() > 0)
        spec.outcome = SessionOutcome(m_outcome->currentIndex() - 1);
    if (m_useTime->isChecked()) {
        spec.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        spec.toMs = m_to->dateTime().toMSecsSinceEpoch();
    }
    spec.onlyTls = m_tls->isChecked();
    spec.onlyWithFinding = m_finding->isChecked();
    return spec;
}

void SessionsView::setFilterSpec(const SessionFilterSpec &spec)
{
    m_updatingBar = true;
    m_text->setText(spec.text);
    m_regex->setChecked(spec.textIsRegex);
    const int server = spec.server.isEmpty() ? 0 : m_server->findText(spec.server, Qt::MatchFixedString);
    if (server < 0 && !spec.server.isEmpty()) {
        m_server->addItem(spec.server);
        m_server->setCurrentIndex(m_server->count() - 1);
    } else {
        m_server->setCurrentIndex(std::max(0, server));
    }
    m_connector->setText(spec.connector);
    m_direction->setCurrentIndex(!spec.direction ? 0 : *spec.direction == Direction::Receive ? 1 : 2);
    m_remote->setText(spec.remote);
    m_code->setText(spec.code);
    m_outcome->setCurrentIndex(spec.outcome ? int(*spec.outcome) + 1 : 0);
    const bool useTime = spec.fromMs != kNoTime || spec.toMs != kNoTime;
    if (useTime) {
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(spec.fromMs != kNoTime ? spec.fromMs : 0, Qt::UTC));
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(spec.toMs != kNoTime ? spec.toMs : spec.fromMs, Qt::UTC));
    }
    m_useTime->setChecked(useTime);
    m_tls->setChecked(spec.onlyTls);
    m_finding->setChecked(spec.onlyWithFinding);
    m_updatingBar = false;
    m_onlyLabel.clear();
    m_debounce->stop();
    applyFilter();
}

void SessionsView::showOnly(const QList<int> &sessionIndexes, const QString &label)
{
    setFilterSpec({});
    // A filter still running must not overwrite this selection when it lands.
    m_discardResult = m_watcher.isRunning();
    m_pendingFilter = false;
    std::vector<int> rows(sessionIndexes.begin(), sessionIndexes.end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    m_model->setRows(std::move(rows));
    m_onlyLabel = label;
    Q_EMIT filterApplied(m_model->rowCount(), m_model->totalCount());
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void SessionsView::setUpColumns()
{
    // The columns that answer "did it work?" come first and fit 1366 px beside the findings dock:
    // time, server, direction, remote, EHLO, TLS, outcome, duration, and the final reply taking
    // the rest. Connector, sender, recipients and message ids are one right-click away.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    const QFontMetrics fm = m_table->fontMetrics();
    // Text plus the cell's margins; tight, so that German and French fit 1366 px too.
    auto width = [&](const QString &sample) { return fm.horizontalAdvance(sample) + 18; };
    m_table->setColumnWidth(SessionTableModel::Time, width(QStringLiteral("2026-12-07 09:01:02.345")));
    m_table->setColumnWidth(SessionTableModel::Server, width(QStringLiteral("EDGE01-X")));
    m_table->setColumnWidth(SessionTableModel::Connector, 150);
    m_table->setColumnWidth(SessionTableModel::DirectionColumn, width(tr("Receive")) + 8);
    m_table->setColumnWidth(SessionTableModel::Remote, width(QStringLiteral("203.0.113.250:65535")));
    m_table->setColumnWidth(SessionTableModel::Ehlo, 124);
    m_table->setColumnWidth(SessionTableModel::Tls, width(QStringLiteral("TLS1_2")) + 20);
    m_table->setColumnWidth(SessionTableModel::MessageIds, 180);
    m_table->setColumnWidth(SessionTableModel::Outcome, width(tr("TLS failed")) + 22);
    m_table->setColumnWidth(SessionTableModel::Duration, width(QStringLiteral("12:34.567")));
    for (int c : {int(SessionTableModel::Connector), int(SessionTableModel::Sender), int(SessionTableModel::Recipients),
                  int(SessionTableModel::MessageIds)})
        header->setSectionHidden(c, true);
    header->moveSection(header->visualIndex(SessionTableModel::Outcome), header->visualIndex(SessionTableModel::Tls) + 1);
    header->moveSection(header->visualIndex(SessionTableModel::Duration), header->visualIndex(SessionTableModel::Outcome) + 1);
    m_defaultHeaderState = header->saveState();

    QSettings settings;
    const QByteArray saved = settings.value(QStringLiteral("sessionsTable/header")).toByteArray();
    if (!saved.isEmpty()) {
        header->restoreState(saved);
        // The header's state carries the sort indicator too; sorting belongs to the view state
        // (Workspace::viewState, per case), so every new table starts in time order.
        m_table->sortByColumn(SessionTableModel::Time, Qt::AscendingOrder);
    }
    auto remember = [this] {
        QSettings().setValue(QStringLiteral("sessionsTable/header"), m_table->horizontalHeader()->saveState());
    };
    connect(header, &QHeaderView::sectionMoved, this, remember);
    connect(header, &QHeaderView::sectionResized, this, [this, remember] {
        if (!m_headerSaveTimer) {
            m_headerSaveTimer = new QTimer(this);
            m_headerSaveTimer->setSingleShot(true);
            m_headerSaveTimer->setInterval(500);
            connect(m_headerSaveTimer, &QTimer::timeout, this, remember);
        }
        m_headerSaveTimer->start();
    });
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, remember](const QPoint &pos) {
        QHeaderView *h = m_table->horizontalHeader();
        QMenu menu(this);
        for (int c = 0; c < m_model->columnCount(); ++c) {
            QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
            a->setCheckable(true);
            a->setChecked(!h->isSectionHidden(c));
            int visible = 0;
            for (int k = 0; k < m_model->columnCount(); ++k)
                visible += h->isSectionHidden(k) ? 0 : 1;
            a->setEnabled(h->isSectionHidden(c) || visible > 1);   // never hide the last column
            connect(a, &QAction::toggled, this, [h, c, remember](bool on) {
                h->setSectionHidden(c, !on);
                remember();
            });
        }
        menu.addSeparator();
        menu.addAction(tr("Default columns"), this, [this, remember] {
            m_table->horizontalHeader()->restoreState(m_defaultHeaderState);
            remember();
        });
        menu.exec(h->viewport()->mapToGlobal(pos));
    });
}

void SessionsView::scheduleFilter()
{
    if (m_updatingBar)
        return;
    m_onlyLabel.clear();
    m_debounce->start();
}

void SessionsView::applyFilter()
{
    if (m_watcher.isRunning()) {
        m_pendingFilter = true;
        return;
    }
    const SessionFilterSpec spec = filterSpec();
    auto compiled = SessionFilter::compile(spec);
    QPalette pal = palette();
    if (!compiled) {
        m_error = compiled.errorMessage();
        m_status->setText(m_error);
        m_status->setProperty("showingCount", false);
        pal.setColor(QPalette::WindowText, QColor(0xc8, 0x37, 0x37));
        m_status->setPalette(pal);
        return;
    }
    m_error.clear();
    m_status->setPalette(palette());
    SessionFilter filter = std::move(compiled).value();
    filter.setFindingSessions(m_findingSessions);
    // Clearing the filter of a big list goes to the worker as well: all rows, sorted there (it took
    // 70 ms on the UI thread at 2 M sessions). A small list is simply shown at once.
    constexpr int kWorkerFrom = 100'000;
    if (spec.isEmpty() && m_model->totalCount() < kWorkerFrom) {
        const int before = currentSession();
        m_model->setFilter(std::nullopt);
        selectSession(before);
        Q_EMIT filterApplied(m_model->rowCount(), m_model->totalCount());
        return;
    }
    // The worker reads an implicitly shared snapshot; batches that arrive meanwhile are filtered by
    // the model when the result is swapped in.
    const QList<Session> sessions = m_model->sessions();
    std::shared_ptr<const SessionSearchIndex> index = m_model->searchIndex();
    const std::optional<SessionFilter> running = spec.isEmpty() ? std::nullopt : std::optional<SessionFilter>(filter);
    m_runningFilter = running;
    m_resultWanted = true;
    m_runningSnapshotSize = m_model->totalCount();   // a streaming load's list may hold more
    // Sorting millions of matches is as slow as filtering them: the worker does both.
    m_runningSortColumn = m_model->sortColumn();
    m_runningSortOrder = m_model->sortOrder();
    const SessionTableModel *model = m_model;
    const int column = m_runningSortColumn;
    const Qt::SortOrder order = m_runningSortOrder;
    const int snapshotSize = m_runningSnapshotSize;
    m_watcher.setFuture(runJob([running, sessions, index, snapshotSize, model, column, order] {
        std::vector<int> rows;
        if (running) {
            rows = running->applyRange(sessions, 0, snapshotSize, index.get());
        } else {
            rows.resize(size_t(snapshotSize));
            std::iota(rows.begin(), rows.end(), 0);
        }
        model->sortRows(rows, sessions, column, order);
        return rows;
    }));
}

void SessionsView::selectSession(int sessionIndex)
{
    const int row = sessionIndex < 0 ? -1 : m_model->rowOfSession(sessionIndex);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
}

int SessionsView::currentSession() const
{
    const QModelIndex idx = m_table->currentIndex();
    return idx.isValid() ? idx.data(SessionTableModel::SessionIndexRole).toInt() : -1;
}

QString SessionsView::filterError() const
{
    return m_error;
}

} // namespace mwb::views
