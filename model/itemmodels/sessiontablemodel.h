#pragma once
// One row per SMTP session. Rows are an index vector over the session list: filtering swaps the
// vector (computed by SessionFilter), sorting permutes it; batches from the loader are appended
// with one beginInsertRows each. Cell text is made only when a view asks for it.
#include "model/core/sessions/types.h"
#include "model/itemmodels/sessionfilter.h"
#include "model/itemmodels/sessionsearchindex.h"
#include "model/itemmodels/timeformat.h"

#include <QAbstractTableModel>
#include <QSet>
#include <memory>
#include <optional>
#include <vector>

namespace mwb {

class Redactor;

class SessionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Time, Server, Connector, DirectionColumn, Remote, Ehlo, Tls, Sender, Recipients, MessageIds,
        FinalReply, Outcome, Duration, ColumnCount
    };
    enum Role {
        SessionIndexRole = Qt::UserRole + 1,  // int: index into the session list (Store::sessions)
        OutcomeRole,                          // QString outcome id
        SortRole,                             // value used by sort()
        BookmarkedRole,                       // bool: the session has a session bookmark
    };

    explicit SessionTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void clear();
    // Loader batches, in order; rows that pass the current filter appear at once.
    void appendSessions(const QList<Session> &batch);
    // A streaming load's batch: all[begin, end) are new, `all` is the load's whole list. The model
    // shares that list instead of copying the sessions (copying 20,000 sessions took 60 ms of UI
    // thread: a string reference count, a cache miss, per field). begin must be totalCount().
    void appendSessions(const QList<Session> &all, qsizetype begin, qsizetype end);
    // Room for this many sessions in all (a load's announced total): growing a list of millions
    // batch by batch moved all of it at each growth step, a stall of ~0.1 s on the UI thread.
    void reserve(qsizetype total);
    // The final list (Store::sessions). When it holds the same sessions as the batches it replaces
    // them without a reset, so selection and scroll position survive the end of a load.
    void setSessions(const QList<Session> &sessions);
    // The list the rows index into. Only [0, totalCount()) are loaded: during a load it may be the
    // load's whole list, with later sessions still to come.
    const QList<Session> &sessions() const { return m_sessions; }

    // The filter index of the current list (built elsewhere, SessionSearchIndex::build), used by every
    // filter run here and handed to workers. Ignored unless it covers the list; dropped when the list
    // changes.
    void setSearchIndex(std::shared_ptr<const SessionSearchIndex> index);
    std::shared_ptr<const SessionSearchIndex> searchIndex() const { return m_searchIndex; }

    // Applies a compiled filter (nullopt = show all). Resets the rows.
    void setFilter(std::optional<SessionFilter> filter);
    const std::optional<SessionFilter> &filter() const { return m_filter; }
    // Lets callers run the filter elsewhere (a worker thread) and swap in the result.
    void setRows(std::vector<int> rows);
    // The session indexes the rows show, in row order.
    const std::vector<int> &rows() const { return m_rows; }
    // Swaps in rows computed elsewhere by `filter` over the first `snapshotSize` sessions; sessions
    // appended since are filtered here. The filter then also applies to later batches.
    void setFilteredRows(const SessionFilter &filter, std::vector<int> rows, int snapshotSize);
    // The same for rows already sorted elsewhere by (sortedColumn, sortedOrder) — e.g. on the
    // filter's worker thread with sortRows — so millions of rows are not sorted on the UI thread.
    // A null filter means "all sessions". Re-sorts only if the sort changed meanwhile or sessions
    // were appended after the snapshot.
    void setComputedRows(const std::optional<SessionFilter> &filter, std::vector<int> rows, int snapshotSize,
                         int sortedColumn, Qt::SortOrder sortedOrder);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Sorts session indexes into `sessions` as sort(column, order) would. Only reads: callable from
    // a worker thread on a snapshot of the list.
    void sortRows(std::vector<int> &rows, const QList<Session> &sessions, int column, Qt::SortOrder order) const;

    void setTimeDisplay(TimeDisplay display);
    TimeDisplay timeDisplay() const { return m_timeDisplay; }

    // Session ids that carry a bookmark: a bookmark icon in the Time column (and "Bookmarked" in
    // its tooltip), so the marker does not rely on colour.
    void setBookmarkedSessions(const QSet<QString> &sessionIds);

    int totalCount() const { return int(m_count); }
    const Session *sessionAt(int row) const;
    int rowOfSession(int sessionIndex) const;  // -1 when filtered out

    // The visible rows (with the header) as CSV through the one CSV writer (quoted per RFC 4180,
    // formula starts neutralised, control characters visible).
    // With a redactor, text cells (from the logs) go through it; times and durations do not.
    QString toCsv(Redactor *redactor = nullptr) const;

private:
    void appendRows(const std::vector<int> &added);   // session indexes, as rows at the end
    QVariant sortKey(const Session &s, int column) const;
    QString cellText(const Session &s, int column) const;

    QList<Session> m_sessions;
    qsizetype m_count = 0;   // sessions loaded: a prefix of m_sessions
    std::vector<int> m_rows;
    std::optional<SessionFilter> m_filter;
    std::shared_ptr<const SessionSearchIndex> m_searchIndex;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
    QSet<QString> m_bookmarked;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace mwb
