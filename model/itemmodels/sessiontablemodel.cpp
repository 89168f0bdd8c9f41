#include "model/itemmodels/sessiontablemodel.h"

#include "model/itemmodels/outcomestyle.h"
#include "model/core/common/background.h"
#include "model/core/cases/redaction.h"
#include "model/core/common/csvwriter.h"

#include <QThreadPool>
#include <algorithm>
#include <numeric>
#include <utility>

namespace mwb {

SessionTableModel::SessionTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Session *SessionTableModel::sessionAt(int row) const
{
    if (row < 0 || size_t(row) >= m_rows.size())
        return nullptr;
    const int i = m_rows[size_t(row)];
    return (i >= 0 && i < m_count) ? &m_sessions.at(i) : nullptr;
}

int SessionTableModel::rowOfSession(int sessionIndex) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), sessionIndex);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

QString SessionTableModel::cellText(const Session &s, int column) const
{
    switch (column) {
    case Time: return formatTime(s.startMs, m_timeDisplay);
    case Server: return s.server;
    case Connector: return s.connector;
    case DirectionColumn: return s.direction == Direction::Receive ? tr("Receive") : tr("Send");
    case Remote: return s.remote;
    case Ehlo: return s.ehlo;
    case Tls:
        // Only a completed handshake is "yes": a failed one says so, one cut off by the log's end
        // says it was attempted.
        if (s.tlsEstablished)
            return s.tlsProtocol.isEmpty() ? tr("yes") : s.tlsProtocol;
        if (!s.tlsFailure.isEmpty())
            return tr("failed");
        return s.tls ? tr("attempted") : QString();
    case Sender: return s.mailFrom;
    case Recipients: return s.recipients.isEmpty() ? QString() : QString::number(s.recipients.size());
    case MessageIds: return s.messageIds.join(QLatin1Char(' '));
    case FinalReply: return s.lastReply;
    case Outcome: return outcomeLabel(s.outcome);
    case Duration:
        return (s.startMs == kNoTime || s.endMs == kNoTime) ? QString() : formatDuration(s.endMs - s.startMs);
    }
    return {};
}

QVariant SessionTableModel::sortKey(const Session &s, int column) const
{
    switch (column) {
    case Time: return s.startMs;
    case Recipients: return int(s.recipients.size());
    case Duration: return (s.startMs == kNoTime || s.endMs == kNoTime) ? qint64(-1) : s.endMs - s.startMs;
    case Outcome: return int(s.outcome);
    case Tls: return s.tlsEstablished ? 2 : s.tls ? 1 : 0;
    default: return cellText(s, column);
    }
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Session *s = sessionAt(index.row());
    if (!s)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*s, index.column());
    case Qt::ToolTipRole:
        if (index.column() == MessageIds)
            return s->messageIds.join(QLatin1Char('\n'));
        if (index.column() == Recipients)
            return s->recipients.join(QLatin1Char('\n'));
        if (index.column() == Time) {
            const QString time = formatTime(s->startMs, m_timeDisplay, true);
            return m_bookmarked.contains(s->id) ? tr("%1 \u2014 bookmarked").arg(time) : time;
        }
        return cellText(*s, index.column());
    case BookmarkedRole:
        return m_bookmarked.contains(s->id);
    case Qt::DecorationRole:
        if (index.column() == Time && m_bookmarked.contains(s->id))
            return QIcon(QStringLiteral(":/icons/actions/bookmark.svg"));
        if (index.column() == Outcome)
            return outcomeIcon(s->outcome);
        if (index.column() == Tls && s->tlsEstablished)
            return QIcon(QStringLiteral(":/icons/status/lock.svg"));
        if (index.column() == Tls && !s->tlsFailure.isEmpty())
            return QIcon(QStringLiteral(":/icons/status/tls-failed.svg"));
        if (index.column() == Tls && s->tls)
            return QIcon(QStringLiteral(":/icons/status/lock-attempted.svg"));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Outcome || index.column() == FinalReply)
            return s->outcome == SessionOutcome::Delivered || s->outcome == SessionOutcome::NoMail
                ? QVariant() : QVariant(outcomeColor(s->outcome));
        if (index.column() == Tls && !s->tlsFailure.isEmpty())
            return QVariant(outcomeColor(SessionOutcome::TlsFailed));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Recipients || index.column() == Duration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SessionIndexRole:
        return m_rows[size_t(index.row())];
    case OutcomeRole:
        return outcomeId(s->outcome);
    case SortRole:
        return sortKey(*s, index.column());
    }
    return {};
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return m_timeDisplay == TimeDisplay::Utc ? tr("Time (UTC)") : tr("Time (local)");
    case Server: return tr("Server");
    case Connector: return tr("Connector");
    case DirectionColumn: return tr("Direction");
    case Remote: return tr("Remote endpoint");
    case Ehlo: return tr("EHLO");
    case Tls: return tr("TLS");
    case Sender: return tr("Sender");
    case Recipients: return tr("Rcpts");
    case MessageIds: return tr("Message-IDs");
    case FinalReply: return tr("Final reply");
    case Outcome: return tr("Outcome");
    case Duration: return tr("Duration");
    }
    return {};
}

void SessionTableModel::sortRows(std::vector<int> &rows, const QList<Session> &sessions, int column, Qt::SortOrder order) const
{
    if (column < 0 || column >= ColumnCount)
        return;
    auto less = [&](int a, int b) {
        const Session &sa = sessions.at(a);
        const Session &sb = sessions.at(b);
        switch (column) {
        case Time: return sa.startMs < sb.startMs;
        case Recipients: return sa.recipients.size() < sb.recipients.size();
        case Duration: return sa.endMs - sa.startMs < sb.endMs - sb.startMs;
        case Outcome: return int(sa.outcome) < int(sb.outcome);
        case Tls: return int(sa.tlsEstablished) * 2 + int(sa.tls) < int(sb.tlsEstablished) * 2 + int(sb.tls);
        default: return QString::compare(cellText(sa, column), cellText(sb, column), Qt::CaseInsensitive) < 0;
        }
    };
    // Filter results and loads are usually in order already: a linear check saves the sort.
    if (order == Qt::AscendingOrder) {
        if (!std::is_sorted(rows.begin(), rows.end(), less))
            std::stable_sort(rows.begin(), rows.end(), less);
    } else {
        auto greater = [&](int a, int b) { return less(b, a); };
        if (!std::is_sorted(rows.begin(), rows.end(), greater))
            std::stable_sort(rows.begin(), rows.end(), greater);
    }
}

void SessionTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> persistentSessions;
    persistentSessions.reserve(before.size());
    for (const QModelIndex &idx : before)
        persistentSessions << m_rows[size_t(idx.row())];

    sortRows(m_rows, m_sessions, column, order);

    // Persistent indexes (selection, current row) follow their sessions.
    // Usually only the current row and its selected cells are persistent: look those few sessions
    // up directly instead of hashing millions of rows.
    QHash<int, int> newRow;
    QSet<int> wanted(persistentSessions.begin(), persistentSessions.end());
    for (size_t r = 0; r < m_rows.size() && newRow.size() < wanted.size(); ++r) {
        if (wanted.contains(m_rows[r]))
            newRow.insert(m_rows[r], int(r));
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(newRow.value(persistentSessions.at(i), -1), before.at(i).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SessionTableModel::clear()
{
    beginResetModel();
    m_searchIndex.reset();
    m_sessions.clear();
    m_count = 0;
    m_rows.clear();
    endResetModel();
}

void SessionTableModel::reserve(qsizetype total)
{
    if (m_sessions.isEmpty() && total > m_sessions.capacity())
        m_sessions.reserve(total);   // for copied batches; a shared list needs no room
    if (size_t(total) > m_rows.capacity())
        m_rows.reserve(size_t(total));
}

void SessionTableModel::appendRows(const std::vector<int> &added)
{
    if (added.empty())
        return;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row + int(added.size()) - 1);
    m_rows.insert(m_rows.end(), added.begin(), added.end());
    endInsertRows();
}

void SessionTableModel::appendSessions(const QList<Session> &batch)
{
    if (batch.isEmpty())
        return;
    m_searchIndex.reset();   // it holds a share of the list: appending would copy all of it
    if (m_sessions.size() > m_count)
        m_sessions.resize(m_count);   // was sharing a streaming load's list: keep only what is loaded
    const int first = int(m_count);
    std::vector<int> added;
    if (m_filter) {
        added = m_filter->apply(batch, first);
    } else {
        added.resize(size_t(batch.size()));
        std::iota(added.begin(), added.end(), first);
    }
    m_sessions.append(batch);
    m_count = m_sessions.size();
    appendRows(added);
}

void SessionTableModel::appendSessions(const QList<Session> &all, qsizetype begin, qsizetype end)
{
    end = std::min(end, all.size());
    if (begin != m_count || begin >= end) {
        if (begin < end)   // not the next batch of a streamed list: copy what is new
            appendSessions(all.mid(std::max(begin, m_count), end - std::max(begin, m_count)));
        return;
    }
    if (m_count == 0 || m_sessions.constData() != all.constData()) {
        if (m_count > 0) {   // a different list that continues ours: copy
            appendSessions(all.mid(begin, end - begin));
            return;
        }
        m_sessions = all;   // shared: no session is copied
    }
    std::vector<int> added;
    if (m_filter) {
        added = m_filter->applyRange(m_sessions, begin, end, m_searchIndex.get());
    } else {
        added.resize(size_t(end - begin));
        std::iota(added.begin(), added.end(), int(begin));
    }
    m_count = end;
    appendRows(added);
}

void SessionTableModel::setSessions(const QList<Session> &sessions)
{
    if (m_searchIndex && !m_searchIndex->covers(sessions))
        m_searchIndex.reset();
    if (sessions.size() == m_count && m_sessions.constData() == sessions.constData()) {
        m_sessions = sessions;   // the streamed batches shared this very list: nothing changes
        return;
    }
    if (sessions.size() == m_count) {
        // Same sessions as streamed in: share the store's list, keep rows and selection. The
        // streamed copy is freed on a pool thread: destroying millions of sessions here stalled
        // the UI for seconds at the end of a big load.
        QList<Session> streamed = std::exchange(m_sessions, sessions);
        if (streamed.size() > 100'000)
            releaseInBackground(std::move(streamed));
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_sessions = sessions;
    m_count = m_sessions.size();
    if (m_filter) {
        m_rows = m_filter->apply(m_sessions);
    } else {
        m_rows.resize(size_t(m_sessions.size()));
        std::iota(m_rows.begin(), m_rows.end(), 0);
    }
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void SessionTableModel::setFilter(std::optional<SessionFilter> filter)
{
    m_filter = std::move(filter);
    std::vector<int> rows;
    if (m_filter) {
        rows = m_filter->applyRange(m_sessions, 0, m_count, m_searchIndex.get());
    } else {
        rows.resize(size_t(m_count));
        std::iota(rows.begin(), rows.end(), 0);
    }
    setRows(std::move(rows));
}

void SessionTableModel::setRows(std::vector<int> rows)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(rows.size());
    for (int i : rows) {
        if (i >= 0 && i < m_count)
            m_rows.push_back(i);
    }
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void SessionTableModel::setFilteredRows(const SessionFilter &filter, std::vector<int> rows, int snapshotSize)
{
    m_filter = filter;
    if (snapshotSize < m_count) {
        const std::vector<int> tail = filter.applyRange(m_sessions, snapshotSize, m_count, m_searchIndex.get());
        rows.insert(rows.end(), tail.begin(), tail.end());
    }
    setRows(std::move(rows));
}

void SessionTableModel::setComputedRows(const std::optional<SessionFilter> &filter, std::vector<int> rows, int snapshotSize,
                                        int sortedColumn, Qt::SortOrder sortedOrder)
{
    m_filter = filter;
    bool sorted = sortedColumn == m_sortColumn && (m_sortColumn < 0 || sortedOrder == m_sortOrder);
    if (snapshotSize < m_count) {
        if (m_filter) {
            const std::vector<int> tail = m_filter->applyRange(m_sessions, snapshotSize, m_count, m_searchIndex.get());
            rows.insert(rows.end(), tail.begin(), tail.end());
        } else {
            for (int i = snapshotSize; i < m_count; ++i)
                rows.push_back(i);
        }
        sorted = false;
    }
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(rows.size());
    for (int i : rows) {
        if (i >= 0 && i < m_count)
            m_rows.push_back(i);
    }
    endResetModel();
    if (!sorted && m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void SessionTableModel::setSearchIndex(std::shared_ptr<const SessionSearchIndex> index)
{
    if (index && (!index->covers(m_sessions) || index->size() > m_count))
        return;   // built for a list this model no longer shows
    m_searchIndex = std::move(index);
}

void SessionTableModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_timeDisplay)
        return;
    m_timeDisplay = display;
    Q_EMIT headerDataChanged(Qt::Horizontal, Time, Time);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole, Qt::ToolTipRole});
}

void SessionTableModel::setBookmarkedSessions(const QSet<QString> &sessionIds)
{
    if (sessionIds == m_bookmarked)
        return;
    m_bookmarked = sessionIds;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DecorationRole, Qt::ToolTipRole, BookmarkedRole});
}

QString SessionTableModel::toCsv(Redactor *redactor) const
{
    // The one CSV writer (model/core/common/csvwriter): log values are text cells (formula starts
    // neutralised, control characters visible); time and duration are the program's own text.
    QList<CsvColumn> columns;
    for (int c = 0; c < ColumnCount; ++c)
        columns.append({headerData(c, Qt::Horizontal).toString(),
                         (c == Time || c == Duration || c == Outcome || c == DirectionColumn) ? CsvKind::Typed : CsvKind::Text});
    const CsvWriter writer(columns);
    QString out = writer.header();
    QStringList cells;
    for (size_t r = 0; r < m_rows.size(); ++r) {
        const Session &s = m_sessions.at(m_rows[r]);
        cells.clear();
        for (int c = 0; c < ColumnCount; ++c) {
            // Full lists in the CSV: the table shows a count, the export the addresses.
            QString v = c == Recipients ? s.recipients.join(QLatin1Char(';')) : cellText(s, c);
            if (redactor && writer.columns().at(c).kind == CsvKind::Text)
                v = redactor->redactText(v);
            cells << v;
        }
        out += writer.row(cells);
    }
    return out;
}

} // namespace mwb
