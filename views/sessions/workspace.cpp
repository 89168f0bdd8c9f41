#include "views/sessions/workspace.h"

#include "views/common/theme.h"
#include "views/sessions/bookmarksview.h"
#include "views/sessions/chartsview.h"
#include "views/sessions/journeyview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"

#include "model/itemmodels/outcomestyle.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QGuiApplication>
#include <QClipboard>
#include <QMenu>
#include <QSplitter>
#include <QTableView>

#include <utility>

namespace mwb::views {

Workspace::Workspace(QWidget *parent)
    : QTabWidget(parent), m_sessions(new SessionsView(this)), m_transcript(new TranscriptView(this)),
      m_journey(new JourneyView(this)), m_charts(new ChartsView(this)), m_bookmarks(new BookmarksModel(this)),
      m_bookmarksView(new BookmarksView(m_bookmarks, this))
{
    setObjectName(QStringLiteral("workspace"));
    setDocumentMode(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_sessions);
    split->addWidget(m_transcript);
    // The transcript holds its header, the TLS card and the lines: it gets the larger share.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setObjectName(QStringLiteral("sessionsSplitter"));
    addTab(split, actionIcon(QStringLiteral("details")), tr("&Sessions"));
    addTab(m_journey, actionIcon(QStringLiteral("journey")), tr("Message &journey"));
    addTab(m_charts, actionIcon(QStringLiteral("chart")), tr("&Charts"));
    addTab(m_bookmarksView, actionIcon(QStringLiteral("bookmark")), tr("&Bookmarks"));
    setTabToolTip(SessionsTab, tr("Sessions table and transcript (Ctrl+1)"));
    setTabToolTip(JourneyTab, tr("Message journey (Ctrl+2)"));
    setTabToolTip(ChartsTab, tr("Charts (Ctrl+3)"));
    setTabToolTip(BookmarksTab, tr("Bookmarks (Ctrl+4)"));

    // Ctrl+B on each table acts on what that table shows; the same action sits in its context menu.
    auto *bookmarkSession = new QAction(actionIcon(QStringLiteral("bookmark")), tr("Toggle &Bookmark"), m_sessions->table());
    bookmarkSession->setShortcut(QKeySequence(tr("Ctrl+B")));
    bookmarkSession->setShortcutContext(Qt::WidgetShortcut);
    m_sessions->table()->addAction(bookmarkSession);
    m_sessions->table()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(bookmarkSession, &QAction::triggered, this, [this] { toggleSessionBookmark(m_sessions->currentSession()); });
    connect(m_sessions->table(), &QWidget::customContextMenuRequested, this,
            [this, bookmarkSession](const QPoint &pos) { showSessionMenu(pos, bookmarkSession); });
    auto *bookmarkLine = new QAction(actionIcon(QStringLiteral("bookmark")), tr("Toggle &Bookmark on Line"), m_transcript->table());
    bookmarkLine->setShortcut(QKeySequence(tr("Ctrl+B")));
    bookmarkLine->setShortcutContext(Qt::WidgetShortcut);
    m_transcript->table()->addAction(bookmarkLine);
    m_transcript->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(bookmarkLine, &QAction::triggered, this, [this] { toggleLineBookmark(m_transcript->table()->currentIndex().row()); });

    // Keyboard-only navigation between the panes; Ctrl+1..3 for the first tabs live in the main window.
    auto *nextPane = new QAction(tr("Next Pane"), this);
    nextPane->setShortcut(QKeySequence(Qt::Key_F6));
    nextPane->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(nextPane, &QAction::triggered, this, [this] { focusNextPane(false); });
    auto *previousPane = new QAction(tr("Previous Pane"), this);
    previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    previousPane->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(previousPane, &QAction::triggered, this, [this] { focusNextPane(true); });
    auto *bookmarksTab = new QAction(tr("Bookmarks"), this);
    bookmarksTab->setShortcut(QKeySequence(tr("Ctrl+4")));
    bookmarksTab->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(bookmarksTab, &QAction::triggered, this, [this] {
        setCurrentIndex(BookmarksTab);
        m_bookmarksView->setFocus(Qt::ShortcutFocusReason);
    });
    addActions({nextPane, previousPane, bookmarksTab});

    connect(m_bookmarksView, &BookmarksView::bookmarkActivated, this, [this](const Bookmark &b) { openBookmark(b); });
    connect(m_bookmarks, &QAbstractItemModel::modelReset, this, [this] { updateBookmarkMarkers(); });
    connect(m_bookmarks, &QAbstractItemModel::rowsInserted, this, [this] { updateBookmarkMarkers(); });
    connect(m_bookmarks, &QAbstractItemModel::rowsRemoved, this, [this] { updateBookmarkMarkers(); });
    connect(m_bookmarks, &QAbstractItemModel::dataChanged, this, [this] { Q_EMIT bookmarksChanged(); });

    connect(m_sessions, &SessionsView::currentSessionChanged, this, [this](int index) {
        showTranscript(index);
        record();
    });
    connect(m_transcript, &TranscriptView::messageIdActivated, this, [this](const QString &id) { openMessage(id); });
    connect(m_journey, &JourneyView::sessionRequested, this, [this](int index) { openSession(index); });
    connect(m_journey, &JourneyView::messageShown, this, [this] { record(); });
    connect(this, &QTabWidget::currentChanged, this, [this] { record(); });
    connect(m_charts, &ChartsView::timeRangeSelected, this, [this](qint64 from, qint64 to) {
        SessionFilterSpec spec = m_sessions->filterSpec();
        spec.fromMs = from;
        spec.toMs = to;
        m_sessions->setFilterSpec(spec);
        setCurrentIndex(SessionsTab);
    });
    // A zoom narrows the table to the window too, but the admin stays on the charts.
    connect(m_charts, &ChartsView::timeWindowZoomed, this, [this](qint64 from, qint64 to) {
        SessionFilterSpec spec = m_sessions->filterSpec();
        spec.fromMs = from;
        spec.toMs = to;
        m_sessions->setFilterSpec(spec);
    });
    connect(m_charts, &ChartsView::zoomReset, this, [this] {
        SessionFilterSpec spec = m_sessions->filterSpec();
        spec.fromMs = kNoTime;
        spec.toMs = kNoTime;
        m_sessions->setFilterSpec(spec);
    });
    // The charts count what the table shows.
    connect(m_sessions, &SessionsView::filterApplied, this, [this](int shown, int total) {
        m_charts->setRows(shown < total ? m_sessions->model()->rows() : std::vector<int>{}, shown >= total);
    });
    connect(m_charts, &ChartsView::codeSelected, this, [this](const QString &code) {
        SessionFilterSpec spec = m_sessions->filterSpec();
        spec.code = code;
        m_sessions->setFilterSpec(spec);
        setCurrentIndex(SessionsTab);
    });
    connect(m_charts, &ChartsView::remoteSelected, this, [this](const QString &remote) {
        SessionFilterSpec spec = m_sessions->filterSpec();
        spec.remote = remote;
        m_sessions->setFilterSpec(spec);
        setCurrentIndex(SessionsTab);
    });
}

void Workspace::clear()
{
    m_store.reset();
    m_showingPreview = false;
    m_sessions->clear();
    m_transcript->clear();
    m_transcript->setServerVersions({});
    m_journey->clear();
    m_charts->clear();
    m_history.clear();
    m_position = -1;
    Q_EMIT historyChanged();
}

void Workspace::showPreview(const QList<Session> &preview)
{
    if (m_store || m_showingPreview || m_sessions->model()->totalCount() > 0 || preview.isEmpty())
        return;
    m_showingPreview = true;
    m_sessions->appendSessions(preview);
}

void Workspace::reserveSessions(qsizetype total)
{
    if (std::exchange(m_showingPreview, false))
        m_sessions->clear();   // the real sessions come next
    m_sessions->model()->reserve(total);
}

void Workspace::appendSessions(const QList<Session> &batch)
{
    if (std::exchange(m_showingPreview, false))
        m_sessions->clear();   // the real sessions replace the preview, in their own order
    m_sessions->appendSessions(batch);
}

void Workspace::appendSessions(const QList<Session> &all, qsizetype begin, qsizetype end)
{
    if (std::exchange(m_showingPreview, false))
        m_sessions->clear();
    m_sessions->appendSessions(all, begin, end);
}

void Workspace::setStore(std::shared_ptr<const Store> store)
{
    m_store = std::move(store);
    if (std::exchange(m_showingPreview, false))
        m_sessions->clear();   // a load that ended before its first batch (cancelled, or nothing assembled)
    const QList<Session> sessions = m_store ? m_store->sessions : QList<Session>{};
    m_sessions->setSessions(sessions);
    m_journey->setMessages(m_store ? m_store->messages : QList<Message>{});
    m_transcript->setServerVersions(m_store ? serverVersions(m_store->files) : QList<ServerVersion>{});
    m_charts->setSessions(sessions);
    if (m_pendingChartFrom != kNoTime && !sessions.isEmpty()) {
        m_charts->setTimeWindow(m_pendingChartFrom, m_pendingChartTo);
        m_pendingChartFrom = m_pendingChartTo = kNoTime;
    }
    if (selectPendingSession())
        return;
    if (m_sessions->currentSession() < 0 && !sessions.isEmpty())
        m_sessions->table()->selectRow(0);
}

namespace {
const QString kTab = QStringLiteral("tab");
const QString kSessionId = QStringLiteral("sessionId");
const QString kSessionServer = QStringLiteral("sessionServer");
const QString kFilter = QStringLiteral("filter");
const QString kSortColumn = QStringLiteral("sortColumn");
const QString kSortOrder = QStringLiteral("sortOrder");  // "ascending" | "descending"
const QString kTime = QStringLiteral("time");             // "utc" | "local"
const QString kChartFrom = QStringLiteral("chartFromMs");
const QString kChartTo = QStringLiteral("chartToMs");
const QString kSplitter = QStringLiteral("splitter");     // QByteArray from QSplitter::saveState
} // namespace

QVariantMap Workspace::viewState() const
{
    QVariantMap state;
    state.insert(kTab, currentIndex());
    const int current = m_sessions->currentSession();
    const Session *s = m_sessions->model()->sessionAt(m_sessions->model()->rowOfSession(current));
    if (s) {
        state.insert(kSessionId, s->id);
        state.insert(kSessionServer, s->server);
    } else if (!m_pendingSessionId.isEmpty()) {
        // Restored but not loaded yet: keep it rather than forget it on the next save.
        state.insert(kSessionId, m_pendingSessionId);
        state.insert(kSessionServer, m_pendingSessionServer);
    }
    state.insert(kFilter, filterSpecToMap(m_sessions->filterSpec()));
    const QHeaderView *header = m_sessions->table()->horizontalHeader();
    state.insert(kSortColumn, header->sortIndicatorSection());
    state.insert(kSortOrder, header->sortIndicatorOrder() == Qt::DescendingOrder ? QStringLiteral("descending")
                                                                                 : QStringLiteral("ascending"));
    state.insert(kTime, m_timeDisplay == TimeDisplay::Local ? QStringLiteral("local") : QStringLiteral("utc"));
    if (m_charts->timeWindowFrom() != kNoTime && m_charts->timeWindowTo() != kNoTime) {
        state.insert(kChartFrom, qlonglong(m_charts->timeWindowFrom()));
        state.insert(kChartTo, qlonglong(m_charts->timeWindowTo()));
    }
    if (auto *split = findChild<QSplitter *>(QStringLiteral("sessionsSplitter")))
        state.insert(kSplitter, split->saveState());
    return state;
}

void Workspace::restoreViewState(const QVariantMap &state)
{
    // Every key is optional: a state written by an older version restores what it has.
    if (state.contains(kTime)) {
        const TimeDisplay display = state.value(kTime).toString() == QLatin1String("local") ? TimeDisplay::Local : TimeDisplay::Utc;
        if (display != m_timeDisplay) {
            setTimeDisplay(display);
            Q_EMIT timeDisplayRestored(display);
        }
    }
    if (state.contains(kSortColumn)) {
        const int column = state.value(kSortColumn).toInt();
        const Qt::SortOrder order = state.value(kSortOrder).toString() == QLatin1String("descending") ? Qt::DescendingOrder
                                                                                                     : Qt::AscendingOrder;
        if (column >= 0 && column < m_sessions->model()->columnCount())
            m_sessions->table()->sortByColumn(column, order);
    }
    if (state.contains(kFilter))
        m_sessions->setFilterSpec(filterSpecFromMap(state.value(kFilter).toMap()));
    if (state.contains(kChartFrom) && state.contains(kChartTo)) {
        const qint64 from = state.value(kChartFrom).toLongLong();
        const qint64 to = state.value(kChartTo).toLongLong();
        if (from < to) {
            m_charts->setTimeWindow(from, to);
            if (!m_store || m_store->sessions.isEmpty()) {
                m_pendingChartFrom = from;
                m_pendingChartTo = to;
            }
        }
    }
    if (state.contains(kSplitter)) {
        if (auto *split = findChild<QSplitter *>(QStringLiteral("sessionsSplitter")))
            split->restoreState(state.value(kSplitter).toByteArray());
    }
    m_pendingSessionId = state.value(kSessionId).toString();
    m_pendingSessionServer = state.value(kSessionServer).toString();
    selectPendingSession();
    if (state.contains(kTab)) {
        const int tab = state.value(kTab).toInt();
        if (tab >= 0 && tab < count())
            setCurrentIndex(tab);
    }
}

bool Workspace::selectPendingSession()
{
    if (m_pendingSessionId.isEmpty())
        return false;
    // Session ids repeat across servers (and are all zero when redacted): the server disambiguates.
    const QList<Session> &known = m_sessions->model()->sessions();
    for (qsizetype i = 0; i < m_sessions->model()->totalCount(); ++i) {   // only the loaded ones
        const Session &s = known.at(i);
        if (s.id == m_pendingSessionId && s.server == m_pendingSessionServer) {
            m_pendingSessionId.clear();
            m_pendingSessionServer.clear();
            if (m_sessions->model()->rowOfSession(s.index) < 0)
                return false;  // filtered out by the restored filter: keep the filter, not the selection
            m_sessions->selectSession(s.index);
            return true;
        }
    }
    return false;
}

QList<Bookmark> Workspace::bookmarks() const
{
    return m_bookmarks->bookmarks();
}

void Workspace::setBookmarks(const QList<Bookmark> &bookmarks)
{
    m_bookmarks->setBookmarks(bookmarks);
}

void Workspace::updateBookmarkMarkers()
{
    m_sessions->model()->setBookmarkedSessions(m_bookmarks->bookmarkedSessions());
    // A file line belongs to exactly one session, so all line bookmarks can go to the transcript.
    QSet<QPair<QString, qint64>> lines;
    for (const Bookmark &b : m_bookmarks->bookmarks()) {
        if (!b.file.isEmpty())
            lines.insert({b.file, b.line});
    }
    m_transcript->model()->setBookmarkedLines(lines);
    Q_EMIT bookmarksChanged();
}

void Workspace::toggleBookmark()
{
    QWidget *focus = QApplication::focusWidget();
    if (focus && (focus == m_transcript->table() || m_transcript->table()->isAncestorOf(focus)))
        toggleLineBookmark(m_transcript->table()->currentIndex().row());
    else
        toggleSessionBookmark(m_sessions->currentSession());
}

void Workspace::showSessionMenu(const QPoint &pos, QAction *bookmarkAction)
{
    QTableView *table = m_sessions->table();
    const QModelIndex index = table->indexAt(pos);
    if (!index.isValid())
        return;
    table->setCurrentIndex(index);
    std::unique_ptr<QMenu> menu(sessionMenu(index, bookmarkAction));
    if (menu)
        menu->exec(table->viewport()->mapToGlobal(pos));
}

QMenu *Workspace::sessionMenu(const QModelIndex &index, QAction *bookmarkAction)
{
    // Wireshark's way: act on the value under the pointer (filter on it, copy it) or on the row.
    const SessionTableModel *model = m_sessions->model();
    const Session *session = model->sessionAt(index.row());
    if (!session)
        return nullptr;
    const int column = index.column();
    const QString value = model->data(index, Qt::DisplayRole).toString();
    const QString header = model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();

    // The filter the value stands for: the dedicated field where there is one, the text otherwise.
    SessionFilterSpec narrowed = m_sessions->filterSpec();
    bool canFilter = true;
    switch (column) {
    case SessionTableModel::Server: narrowed.server = session->server; break;
    case SessionTableModel::Connector: narrowed.connector = session->connector; break;
    case SessionTableModel::DirectionColumn: narrowed.direction = session->direction; break;
    case SessionTableModel::Remote: narrowed.remote = endpointAddress(session->remote).isNull() ? session->remote : endpointAddress(session->remote).toString(); break;
    case SessionTableModel::Outcome: narrowed.outcome = session->outcome; break;
    case SessionTableModel::Tls: narrowed.onlyTls = true; break;
    case SessionTableModel::FinalReply: {
        const ReplyCode code = parseReplyCode(session->lastReply);
        narrowed.code = !code.enhanced.isEmpty() ? code.enhanced : code.basic;
        canFilter = !narrowed.code.isEmpty();
        break;
    }
    default:
        narrowed.text = value;
        narrowed.textIsRegex = false;
        canFilter = !value.isEmpty();
        break;
    }

    auto *menu = new QMenu(this);
    QAction *filter = menu->addAction(tr("Apply as Filter: %1 = %2").arg(header, value.left(60)));
    filter->setObjectName(QStringLiteral("applyAsFilter"));
    filter->setEnabled(canFilter);
    connect(filter, &QAction::triggered, this, [this, narrowed] { m_sessions->setFilterSpec(narrowed); });
    menu->addSeparator();
    connect(menu->addAction(tr("Copy Value")), &QAction::triggered, this, [value] { QGuiApplication::clipboard()->setText(value); });
    connect(menu->addAction(tr("Copy Row")), &QAction::triggered, this, [model, row = index.row()] {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c)
            cells << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() + QStringLiteral(": ")
                         + model->data(model->index(row, c), Qt::DisplayRole).toString();
        QGuiApplication::clipboard()->setText(cells.join(u'\n'));
    });
    connect(menu->addAction(tr("Copy Session ID")), &QAction::triggered, this, [id = session->id] { QGuiApplication::clipboard()->setText(id); });
    menu->addSeparator();
    QAction *journey = menu->addAction(tr("Show Message Journey"));
    journey->setEnabled(!session->messageIds.isEmpty());
    connect(journey, &QAction::triggered, this, [this, id = session->messageIds.value(0)] { openMessage(id); });
    if (bookmarkAction)
        menu->addAction(bookmarkAction);
    return menu;
}

bool Workspace::toggleSessionBookmark(int sessionIndex)
{
    const SessionTableModel *model = m_sessions->model();
    const Session *s = model->sessionAt(model->rowOfSession(sessionIndex));
    if (!s)
        return false;
    Bookmark b;
    b.sessionId = s->id;
    // A default label the admin recognises in the list; editable there.
    b.label = tr("%1 %2 — %3").arg(s->server, s->remote, outcomeLabel(s->outcome));
    return m_bookmarks->toggle(b, QDateTime::currentMSecsSinceEpoch());
}

bool Workspace::toggleLineBookmark(int transcriptRow)
{
    const TranscriptModel *model = m_transcript->model();
    if (transcriptRow < 0 || transcriptRow >= model->rowCount())
        return false;
    const QModelIndex text = model->index(transcriptRow, TranscriptModel::Text);
    Bookmark b;
    b.sessionId = model->session().id;
    b.file = text.data(TranscriptModel::FilePathRole).toString();
    b.line = text.data(TranscriptModel::LineRole).toLongLong();
    if (b.file.isEmpty() || b.line <= 0)
        return false;  // no file position to come back to (lines not loaded from a file)
    b.label = text.data().toString().left(120);
    return m_bookmarks->toggle(b, QDateTime::currentMSecsSinceEpoch());
}

bool Workspace::openBookmark(const Bookmark &bookmark)
{
    const QList<Session> &known = m_sessions->model()->sessions();
    for (qsizetype i = 0; i < m_sessions->model()->totalCount(); ++i) {   // only the loaded ones
        const Session &s = known.at(i);
        if (s.id != bookmark.sessionId)
            continue;
        if (!bookmark.file.isEmpty() && m_store) {
            // Equal session ids on two servers: the bookmarked line's file decides.
            bool inFile = false;
            for (const FileSpan &span : s.spans) {
                if (span.fileIndex >= 0 && span.fileIndex < m_store->files.size() && m_store->files.at(span.fileIndex).path == bookmark.file)
                    inFile = true;
            }
            if (!inFile)
                continue;
        }
        openSession(s.index, bookmark.file.isEmpty() ? 0 : bookmark.line);
        if (!bookmark.file.isEmpty())
            m_transcript->table()->setFocus(Qt::OtherFocusReason);
        else
            m_sessions->table()->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

QList<QWidget *> Workspace::panes() const
{
    return {m_sessions->table(), m_transcript->table(), m_journey, m_charts, m_bookmarksView->table()};
}

QWidget *Workspace::focusedPane() const
{
    const QWidget *focus = QApplication::focusWidget();
    for (QWidget *pane : panes()) {
        if (focus && (focus == pane || pane->isAncestorOf(focus)))
            return pane;
    }
    return nullptr;
}

void Workspace::focusNextPane(bool backwards)
{
    const QList<QWidget *> list = panes();
    const int n = int(list.size());
    int at = int(list.indexOf(focusedPane()));
    if (at < 0)
        at = backwards ? 0 : n - 1;
    const int next = (at + (backwards ? n - 1 : 1)) % n;
    QWidget *pane = list.at(next);
    if (next <= 1)
        setCurrentIndex(SessionsTab);
    else if (pane == m_journey)
        setCurrentIndex(JourneyTab);
    else if (pane == m_charts)
        setCurrentIndex(ChartsTab);
    else
        setCurrentIndex(BookmarksTab);
    QWidget *target = pane;
    if (pane->focusPolicy() == Qt::NoFocus && !pane->focusProxy()) {
        // Container panes (journey, charts): their first control that takes keyboard focus.
        for (QWidget *child : pane->findChildren<QWidget *>()) {
            if ((child->focusPolicy() & Qt::TabFocus) && child->isVisibleTo(pane) && child->isEnabled()) {
                target = child;
                break;
            }
        }
    }
    target->setFocus(Qt::ShortcutFocusReason);
}

void Workspace::setFindings(const QList<Finding> &findings)
{
    // Bits, not a set: probes put a million sessions into one finding, and a QSet of them took
    // a tenth of a second to build on the UI thread.
    QBitArray sessions(m_store ? int(m_store->sessions.size()) : 0);
    for (const Finding &f : findings) {
        for (int i : f.sessionIndexes) {
            if (i >= sessions.size())
                sessions.resize(i + 1);
            if (i >= 0)
                sessions.setBit(i);
        }
    }
    m_sessions->setFindingSessions(sessions);
    // The name a certificate should carry comes from the evidence (the finding's Fqdn: the name
    // the sender asked for), not from the server's own banner: the TLS card of those sessions
    // checks against it (issue #24: the wrong certificate got a green tick from the banner name).
    // Findings come sorted by severity, so the most severe finding's name wins. Only Receive
    // sessions: there the certificate the card judges (the server's) is the organisation's own,
    // the one the finding is about. In a Send session the server is the peer (EXO, a smart host),
    // and the finding's name is about the certificate this side presented, which the card does
    // not judge; setting it there would put a cross on a peer certificate that is fine.
    m_expectedNames.clear();
    for (const Finding &f : findings) {
        const QString fqdn = f.parameters.value(QStringLiteral("Fqdn")).trimmed();
        if (fqdn.isEmpty() || !m_store)
            continue;
        for (int i : f.sessionIndexes) {
            if (i < 0 || i >= m_store->sessions.size() || m_store->sessions.at(i).direction != Direction::Receive)
                continue;
            if (!m_expectedNames.contains(i))
                m_expectedNames.insert(i, fqdn);
        }
    }
}

void Workspace::setTimeDisplay(TimeDisplay display)
{
    m_timeDisplay = display;
    m_sessions->model()->setTimeDisplay(display);
    m_transcript->setTimeDisplay(display);
    m_journey->setTimeDisplay(display);
    m_charts->setTimeDisplay(display);
}

void Workspace::showTranscript(int sessionIndex)
{
    if (!m_store || sessionIndex < 0 || sessionIndex >= m_store->sessions.size()) {
        const Session *s = m_sessions->model()->sessionAt(m_sessions->model()->rowOfSession(sessionIndex));
        if (s)
            m_transcript->setLines(*s, {});  // still loading: the header and TLS card, lines after load
        else
            m_transcript->clear();
        return;
    }
    m_transcript->setSession(m_store.get(), m_store->sessions.at(sessionIndex));
    if (const auto it = m_expectedNames.constFind(sessionIndex); it != m_expectedNames.cend())
        m_transcript->setExpectedFqdn(*it);
}

void Workspace::openSession(int sessionIndex, qint64 fileLine)
{
    setCurrentIndex(SessionsTab);
    if (m_sessions->model()->rowOfSession(sessionIndex) < 0)
        m_sessions->setFilterSpec({});  // filtered out: show everything rather than nothing
    m_sessions->selectSession(sessionIndex);
    if (fileLine > 0)
        m_transcript->scrollToLine(fileLine);
}

bool Workspace::openMessage(const QString &messageId)
{
    if (!m_journey->showMessageId(messageId))
        return false;
    setCurrentIndex(JourneyTab);
    return true;
}

void Workspace::showFindingSessions(const Finding &finding)
{
    QList<int> indexes = finding.sessionIndexes;
    if (indexes.isEmpty() && m_store) {
        // Older engines name sessions by id only: resolve them.
        for (const Session &s : m_store->sessions) {
            if (finding.sessions.contains(s.id))
                indexes << s.index;
        }
    }
    setCurrentIndex(SessionsTab);
    m_sessions->showOnly(indexes, tr("sessions of \u201c%1\u201d").arg(finding.title.isEmpty() ? finding.rule : finding.title));
}

void Workspace::openEvidence(const RecordRef &ref)
{
    if (!m_store)
        return;
    for (const Session &s : m_store->sessions) {
        for (const FileSpan &span : s.spans) {
            if (span.fileIndex == ref.fileIndex && ref.offset >= span.firstOffset && ref.offset < span.endOffset) {
                openSession(s.index, ref.line);
                return;
            }
        }
    }
}

Workspace::Location Workspace::here() const
{
    return {currentIndex(), m_sessions->currentSession(), m_journey->currentMessage()};
}

void Workspace::record()
{
    if (m_restoring)
        return;
    const Location loc = here();
    if (m_position >= 0 && m_history.at(m_position) == loc)
        return;
    // The session row changes when the tab changes too: merge steps that only refine the last one.
    if (m_position >= 0 && m_history.at(m_position).tab == loc.tab && loc.tab != SessionsTab && m_history.at(m_position).message == loc.message)
        return;
    m_history.resize(m_position + 1);
    m_history << loc;
    if (m_history.size() > 200)
        m_history.removeFirst();
    m_position = int(m_history.size()) - 1;
    Q_EMIT historyChanged();
}

void Workspace::restore(const Location &location)
{
    m_restoring = true;
    if (location.message >= 0)
        m_journey->showMessage(location.message);
    if (location.session >= 0) {
        if (m_sessions->model()->rowOfSession(location.session) < 0)
            m_sessions->setFilterSpec({});
        m_sessions->selectSession(location.session);
    }
    setCurrentIndex(location.tab);
    m_restoring = false;
    Q_EMIT historyChanged();
}

void Workspace::goBack()
{
    if (!canGoBack())
        return;
    --m_position;
    restore(m_history.at(m_position));
}

void Workspace::goForward()
{
    if (!canGoForward())
        return;
    ++m_position;
    restore(m_history.at(m_position));
}

} // namespace mwb::views
