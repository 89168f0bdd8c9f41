#include "model/itemmodels/journeymodel.h"
#include "model/core/cases/redaction.h"
#include "model/core/common/safetext.h"

#include <QColor>

namespace mwb {

JourneyModel::JourneyModel(QObject *parent) : QAbstractTableModel(parent) {}

int JourneyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_message.hops.size());
}

int JourneyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 JourneyModel::delayBefore(int row) const
{
    if (row <= 0 || row >= m_message.hops.size())
        return 0;
    const qint64 a = m_message.hops.at(row - 1).timeMs;
    const qint64 b = m_message.hops.at(row).timeMs;
    return (a == kNoTime || b == kNoTime) ? 0 : b - a;
}

QColor hopEventColor(const QString &event)
{
    const QString e = event.toUpper();
    if (e == QLatin1String("FAIL") || e == QLatin1String("DSN") || e == QLatin1String("DROP"))
        return QColor(0xc8, 0x37, 0x37);
    if (e == QLatin1String("DEFER") || e == QLatin1String("POISONMESSAGE"))
        return QColor(0xd0, 0x8a, 0x00);
    if (e == QLatin1String("SEND") || e == QLatin1String("DELIVER"))
        return QColor(0x1f, 0x9d, 0x55);
    return QColor(0x2f, 0x7b, 0xd8);
}

QVariant JourneyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageHop &h = m_message.hops.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return formatTime(h.timeMs, m_timeDisplay);
        case Delay: return index.row() == 0 ? QString() : QStringLiteral("+") + formatDuration(delayBefore(index.row()));
        case Server: return h.server;
        case Event: return h.event;
        case Source: return h.source;
        case Connector: return h.connector;
        case SessionColumn: return h.sessionId;
        case Detail: return h.recipientStatus.isEmpty() ? h.nextHop : h.recipientStatus;
        }
        return {};
    case Qt::ForegroundRole:
        return index.column() == Event ? QVariant(hopEventColor(h.event)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == SessionColumn)
            return h.sessionIndex >= 0 ? tr("Open the protocol session %1").arg(h.sessionId) : tr("Session not loaded");
        return data(index).toString();
    case SessionIndexRole: return h.sessionIndex;
    case DelayMsRole: return delayBefore(index.row());
    case EventRole: return h.event;
    }
    return {};
}

QVariant JourneyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return m_timeDisplay == TimeDisplay::Utc ? tr("Time (UTC)") : tr("Time (local)");
    case Delay: return tr("Delay");
    case Server: return tr("Server");
    case Event: return tr("Event");
    case Source: return tr("Source");
    case Connector: return tr("Connector");
    case SessionColumn: return tr("Session");
    case Detail: return tr("Detail");
    }
    return {};
}

void JourneyModel::setMessage(const Message &message)
{
    beginResetModel();
    m_message = message;
    endResetModel();
}

void JourneyModel::clear()
{
    setMessage(Message{});
}

void JourneyModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_timeDisplay)
        return;
    m_timeDisplay = display;
    Q_EMIT headerDataChanged(Qt::Horizontal, Time, Time);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Time), index(rowCount() - 1, Time));
}

QString JourneyModel::toText(Redactor *redactor) const
{
    // Plain text (clipboard, .txt): values from the logs through the one control-character escaper.
    const auto safe = [redactor](const QString &v) { return escapeControls(redactor ? redactor->redactText(v) : v); };
    QString out = tr("Message %1\nFrom: %2\nTo: %3\nSubject: %4\nStatus: %5, delay %6\n\n")
                      .arg(safe(m_message.messageId), safe(m_message.sender), safe(m_message.recipients.join(QStringLiteral(", "))),
                           escapeControls(redactor ? redactor->redactSubject(m_message.subject) : m_message.subject),
                           messageStatusId(m_message.status), formatDuration(m_message.delayMs));
    for (int r = 0; r < rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << safe(data(index(r, c)).toString());
        out += cells.join(QStringLiteral("  |  ")) + QLatin1Char('\n');
    }
    return out;
}

QString JourneyModel::toHtml(Redactor *redactor) const
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    auto rd = [redactor](const QString &v) { return redactor ? redactor->redactText(v) : v; };
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>\n")
                      .arg(esc(rd(m_message.messageId)));
    out += QStringLiteral("<h1>%1</h1>\n<p>%2<br>%3<br>%4</p>\n")
               .arg(esc(rd(m_message.messageId)), esc(tr("From: %1").arg(rd(m_message.sender))),
                    esc(tr("To: %1").arg(rd(m_message.recipients.join(QStringLiteral(", "))))),
                    esc(tr("Subject: %1").arg(redactor ? redactor->redactSubject(m_message.subject) : m_message.subject)));
    out += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<tr>");
    for (int c = 0; c < ColumnCount; ++c)
        out += QStringLiteral("<th>%1</th>").arg(esc(headerData(c, Qt::Horizontal).toString()));
    out += QStringLiteral("</tr>\n");
    for (int r = 0; r < rowCount(); ++r) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < ColumnCount; ++c)
            out += QStringLiteral("<td>%1</td>").arg(esc(rd(data(index(r, c)).toString())));
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</table>\n</body></html>\n");
    return out;
}

QList<int> findMessages(const QList<Message> &messages, const QString &text, int limit)
{
    QList<int> hits;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return hits;
    for (qsizetype i = 0; i < messages.size() && hits.size() < limit; ++i) {
        const Message &m = messages.at(i);
        bool hit = m.messageId.contains(needle, Qt::CaseInsensitive) || m.sender.contains(needle, Qt::CaseInsensitive)
            || m.subject.contains(needle, Qt::CaseInsensitive) || m.networkMessageId.contains(needle, Qt::CaseInsensitive);
        for (qsizetype r = 0; !hit && r < m.recipients.size(); ++r)
            hit = m.recipients.at(r).contains(needle, Qt::CaseInsensitive);
        if (hit)
            hits << int(i);
    }
    return hits;
}

} // namespace mwb
