#pragma once
// The central area once logs are loaded: sessions table + transcript, message journey, charts;
// everything linked, with a Back/Forward history of where the admin has been.
#include "model/core/diagnosis/finding.h"
#include "model/core/sessions/store.h"
#include "model/itemmodels/timeformat.h"

#include <QTabWidget>
#include <memory>

namespace mwb::views {

class ChartsView;
class JourneyView;
class SessionsView;
class TranscriptView;

class Workspace : public QTabWidget {
    Q_OBJECT
public:
    enum Tab { SessionsTab, JourneyTab, ChartsTab };
    explicit Workspace(QWidget *parent = nullptr);

    SessionsView *sessions() const { return m_sessions; }
    TranscriptView *transcript() const { return m_transcript; }
    JourneyView *journey() const { return m_journey; }
    ChartsView *charts() const { return m_charts; }
    const Store *store() const { return m_store.get(); }

    void clear();
    void appendSessions(const QList<Session> &batch);
    void setStore(std::shared_ptr<const Store> store);
    void setFindings(const QList<Finding> &findings);
    void setTimeDisplay(TimeDisplay display);

    void openSession(int sessionIndex, qint64 fileLine = 0);
    bool openMessage(const QString &messageId);
    void showFindingSessions(const Finding &finding);
    void openEvidence(const RecordRef &ref);

    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_history.size(); }
    void goBack();
    void goForward();

Q_SIGNALS:
    void historyChanged();

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

    std::shared_ptr<const Store> m_store;
    SessionsView *m_sessions;
    TranscriptView *m_transcript;
    JourneyView *m_journey;
    ChartsView *m_charts;
    QList<Location> m_history;
    int m_position = -1;
    bool m_restoring = false;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
};

} // namespace mwb::views
