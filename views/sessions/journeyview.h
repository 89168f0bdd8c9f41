#pragma once
// Message journey: search a message (id, sender, recipient, subject), then its hops as a horizontal
// timeline grouped by server, with the delay of each hop and links to the protocol sessions.
#include "model/itemmodels/journeymodel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;

namespace mwb::views {

class JourneyTimeline : public QWidget {
    Q_OBJECT
public:
    explicit JourneyTimeline(QWidget *parent = nullptr);
    void setMessage(const Message &message);
    void setTimeDisplay(TimeDisplay display);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    QRect hopRect(int hop) const;   // where a hop's node is drawn (for tests and clicks)
    int currentHop() const { return m_currentHop; }  // keyboard position: Left/Right move, Enter opens

Q_SIGNALS:
    void hopActivated(int hop);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    Message m_message;
    int m_currentHop = 0;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
};

class JourneyView : public QWidget {
    Q_OBJECT
public:
    explicit JourneyView(QWidget *parent = nullptr);
    void setMessages(const QList<Message> &messages);
    void clear();
    // Shows one message's journey; false when the id is unknown.
    bool showMessageId(const QString &messageId);
    void showMessage(int messageIndex);
    int currentMessage() const { return m_current; }
    void search(const QString &text);
    void setTimeDisplay(TimeDisplay display);
    JourneyModel *model() const { return m_model; }
    JourneyTimeline *timeline() const { return m_timeline; }
    QListWidget *results() const { return m_results; }

Q_SIGNALS:
    void sessionRequested(int sessionIndex);
    void messageShown(int messageIndex);

private:
    QList<Message> m_messages;
    QLineEdit *m_search;
    QListWidget *m_results;
    QLabel *m_summary;
    JourneyTimeline *m_timeline;
    JourneyModel *m_model;
    QTableView *m_table;
    int m_current = -1;
};

} // namespace mwb::views
