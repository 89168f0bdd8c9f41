#pragma once
// The sessions table with its filter bar. The filter is compiled here and run over the session list
// on a worker thread (QtConcurrent); the model swaps in the resulting row vector.
#include "model/core/common/workpools.h"
#include "model/itemmodels/sessionfilter.h"
#include "model/itemmodels/sessiontablemodel.h"

#include <QFutureWatcher>
#include <atomic>
#include <memory>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QDateTimeEdit;

namespace mwb::views {

class SessionsView : public QWidget {
    Q_OBJECT
public:
    explicit SessionsView(QWidget *parent = nullptr);
    ~SessionsView() override;

    SessionTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    void clear();
    void appendSessions(const QList<Session> &batch);
    void appendSessions(const QList<Session> &all, qsizetype begin, qsizetype end);   // see SessionTableModel
    void setSessions(const QList<Session> &sessions);
    void setFindingSessions(const QBitArray &sessions);   // bit i: Store::sessions[i] is in a finding

    // Fills the bar from a spec (charts, findings, history) and applies it.
    void setFilterSpec(const SessionFilterSpec &spec);
    SessionFilterSpec filterSpec() const;
    // Restricts to exactly these sessions ("Show sessions" of a finding); cleared by any bar edit.
    void showOnly(const QList<int> &sessionIndexes, const QString &label);

    void selectSession(int sessionIndex);
    int currentSession() const;  // -1 when none
    QString filterError() const;
    bool isFiltering() const { return m_watcher.isRunning(); }
    bool isIndexing() const { return m_indexJob.isRunning(); }

Q_SIGNALS:
    void currentSessionChanged(int sessionIndex);
    void filterApplied(int shown, int total);
    void serversUpdated();   // the server filter's list was refilled (after setSessions, from a worker)
    void searchIndexReady(); // the filter index of the list given to setSessions is in use

private:
    void setUpColumns();
    void scheduleFilter();
    void applyFilter();
    void updateServers();
    void applyServers(const QStringList &servers);
    void buildSearchIndex();
    void cancelSearchIndex();

    SessionTableModel *m_model;
    QTableView *m_table;
    QLineEdit *m_text;
    QCheckBox *m_regex;
    QComboBox *m_server;
    QLineEdit *m_connector;
    QComboBox *m_direction;
    QLineEdit *m_remote;
    QLineEdit *m_code;
    QComboBox *m_outcome;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QCheckBox *m_useTime;
    QCheckBox *m_tls;
    QCheckBox *m_finding;
    QLabel *m_status;
    QTimer *m_debounce;
    QTimer *m_headerSaveTimer = nullptr;
    QByteArray m_defaultHeaderState;   // the columns as set up, for "Default columns"
    QBitArray m_findingSessions;
    // The filter bar's worker is serial rather than a LatestJob: it sorts through the model's own
    // sort keys, so one runs at a time, and a request made meanwhile waits (m_pendingFilter) to run
    // with the bar as it is when the running one ends. Superseded results are dropped the same way.
    QFutureWatcher<std::vector<int>> m_watcher;
    LatestJob<QStringList> m_serversJob{this};
    LatestJob<std::shared_ptr<const SessionSearchIndex>> m_indexJob{this};
    std::optional<SessionFilter> m_runningFilter;
    int m_runningSnapshotSize = 0;
    int m_runningSortColumn = -1;
    Qt::SortOrder m_runningSortOrder = Qt::AscendingOrder;
    bool m_discardResult = false;
    bool m_resultWanted = false;   // a worker runs for the filter bar (m_runningFilter: nullopt = all rows)
    bool m_pendingFilter = false;
    bool m_updatingBar = false;
    QString m_error;
    QString m_onlyLabel;
};

} // namespace mwb::views
