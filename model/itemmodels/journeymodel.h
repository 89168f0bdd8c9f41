#pragma once
// A message's journey: its hops across servers in time order, with the delay of each hop.
#include "model/core/sessions/types.h"
#include "model/itemmodels/timeformat.h"

#include <QAbstractTableModel>

namespace mwb {

class Redactor;

class Store;

class JourneyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Delay, Server, Event, Source, Connector, SessionColumn, Detail, ColumnCount };
    enum Role { SessionIndexRole = Qt::UserRole + 1, DelayMsRole, EventRole };

    explicit JourneyModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMessage(const Message &message);
    void clear();
    const Message &message() const { return m_message; }
    void setTimeDisplay(TimeDisplay display);
    qint64 delayBefore(int row) const;  // ms since the previous hop (0 for the first)

    // With a redactor, every value from the logs goes through it (a redacted export).
    QString toText(Redactor *redactor = nullptr) const;
    QString toHtml(Redactor *redactor = nullptr) const;  // log-derived text escaped

private:
    Message m_message;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
};

// Messages whose id, sender, recipients or subject contain `text` (case-insensitive); at most `limit`.
QList<int> findMessages(const QList<Message> &messages, const QString &text, int limit = 500);
// Colour of a hop event: RECEIVE/SUBMIT blue, SEND/DELIVER green, FAIL red, DEFER amber.
QColor hopEventColor(const QString &event);

} // namespace mwb
