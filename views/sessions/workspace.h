#pragma once
// The central area once logs are loaded: sessions table + transcript, message journey, charts;
// everything linked, with a Back/Forward history of where the admin has been.
#include "model/core/diagnosis/finding.h"
#include "model/core/sessions/store.h"
#include "model/itemmodels/bookmarksmodel.h"
#include "model/itemmodels/timeformat.h"

#include <QHash>
#include <QTabWidget>

class QAction;
class QMenu;
#include <QVariantMap>
#include <memory>

namespace mwb::views {

class BookmarksView;
class ChartsView;
class JourneyView;
class SessionsView;
class TranscriptView;

class Workspace : public QTabWidget {
    Q_OBJECT
public:
    enum Tab { SessionsTab, JourneyTab, ChartsTab, BookmarksTab };
    explicit Workspace(QWidget *parent = nullptr);

    SessionsView *sessions() const { return m_sessions; }
    TranscriptView *transcript() const { return m_transcript; }
    JourneyView *journey() const { return m_journey; }
    ChartsView *charts() const { return m_charts; }
    BookmarksView *bookmarksView() const { return m_bookmarksView; }
    BookmarksModel *bookmarksModel() const { return m_bookmarks; }
    const Store *store() const { return m_store.get(); }

    void clear();
    // A first look at a load (LoadJob::sessionsPreview): shown in the sessions table until the first
    // real batch or the store replaces it. Ignored once real sessions are shown.
    void showPreview(const QList<Session> &preview);
    bool isShowingPreview() const { return m_showingPreview; }
    void appendSessions(const QList<Session> &batch);
    void appendSessions(const QList<Session> &all, qsizetype begin, qsizetype end);   // LoadJob::sessionsAdded
    void reserveSessions(qsizetype total);   // LoadJob::sessionsExpected
    void setStore(std::shared_ptr<const Store> store);
    void setFindings(const QList<Finding> &findings);
    void setTimeDisplay(TimeDisplay display);
    TimeDisplay timeDisplay() const { return m_timeDisplay; }

    // Where the admin left off, as plain values for QSettings or a case file: current tab, selected
    // session (by session id + server, rows move with filters and loads), filter bar, sort column and
    // order, UTC/local, chart zoom, splitter sizes. restoreViewState may run before the logs are
    // loaded: the session selection is then applied when setStore brings that session.
    // A changed UTC/local choice is announced through timeDisplayRestored so the owner of the
    // toggle (main window) can follow.
    QVariantMap viewState() const;
    void restoreViewState(const QVariantMap &state);

    void openSession(int sessionIndex, qint64 fileLine = 0);
    bool openMessage(const QString &messageId);
    void showFindingSessions(const Finding &finding);
    void openEvidence(const RecordRef &ref);

    // Bookmarks on sessions and transcript lines (the case file's value type). bookmarksChanged is
    // emitted on every add, remove, rename and setBookmarks.
    QList<Bookmark> bookmarks() const;
    void setBookmarks(const QList<Bookmark> &bookmarks);
    // Ctrl+B: the focused transcript line(s) when the transcript has focus, else the current session.
    void toggleBookmark();
    bool toggleSessionBookmark(int sessionIndex);       // true when added
    // The sessions table's context menu for the cell `index` (a model index of the sessions table):
    // apply as filter, copy value/row/id, journey, bookmark. The caller owns the menu.
    QMenu *sessionMenu(const QModelIndex &index, QAction *bookmarkAction = nullptr);
    void showSessionMenu(const QPoint &pos, QAction *bookmarkAction);
    bool toggleLineBookmark(int transcriptRow);         // true when added
    // Shows the bookmarked session (and line); false when it is not in the loaded logs.
    bool openBookmark(const Bookmark &bookmark);

    // F6 / Shift+F6: moves the focus to the next/previous pane (sessions table, transcript,
    // journey, charts, bookmarks), switching tabs as needed.
    void focusNextPane(bool backwards = false);
    QWidget *focusedPane() const;

    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_history.size(); }
    void goBack();
    void goForward();

Q_SIGNALS:
    void historyChanged();
    void timeDisplayRestored(mwb::TimeDisplay display);
    void bookmarksChanged();

private:
    struct Location {
        int tab = SessionsTab;
        int session = -1;
        int message = -1;
        bool operator==(const Location &) const = default;
    };
    void record();
    void restore(const Location &location);
    Location here() const;
    void showTranscript(int sessionIndex);
    bool selectPendingSession();
    void updateBookmarkMarkers();
    QList<QWidget *> panes() const;

    std::shared_ptr<const Store> m_store;
    QHash<int, QString> m_expectedNames;   // session index -> FQDN a finding says it should present
    SessionsView *m_sessions;
    TranscriptView *m_transcript;
    JourneyView *m_journey;
    ChartsView *m_charts;
    BookmarksModel *m_bookmarks;
    BookmarksView *m_bookmarksView;
    QList<Location> m_history;
    int m_position = -1;
    bool m_restoring = false;
    bool m_showingPreview = false;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
    // Session named by a restored view state that is not loaded yet (id, server).
    QString m_pendingSessionId;
    QString m_pendingSessionServer;
    // Chart zoom restored before loading; setSessions on the charts resets the zoom.
    qint64 m_pendingChartFrom = kNoTime;
    qint64 m_pendingChartTo = kNoTime;
};

} // namespace mwb::views
