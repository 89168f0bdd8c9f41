#include "model/itemmodels/findingsmodel.h"

#include "model/itemmodels/outcomestyle.h"

namespace mwb {

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Finding *FindingsModel::findingAt(int row) const
{
    return (row >= 0 && row < m_findings.size()) ? &m_findings.at(row) : nullptr;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings.at(index.row());
    auto span = [&] {
        if (f.firstMs == kNoTime)
            return QString();
        if (f.lastMs == kNoTime || f.lastMs == f.firstMs)
            return formatTime(f.firstMs, m_timeDisplay);
        return tr("%1 \u2013 %2 (%3)").arg(formatTime(f.firstMs, m_timeDisplay), formatTime(f.lastMs, m_timeDisplay),
                                           formatDuration(f.lastMs - f.firstMs));
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityLabel(f.severity);
        case Title: return f.title.isEmpty() ? f.rule : f.title;
        case Count: return f.count;
        case Servers: return f.servers.join(QStringLiteral(", "));
        case TimeSpan: return span();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Title) {
            QString tip = QStringLiteral("%1: %2\n%3 \u2014 %4\n")
                              .arg(severityLabel(f.severity), f.title.isEmpty() ? f.rule : f.title, f.rule, data(index, BadgeRole).toString());
            if (const Finding *cause = findingAt(f.causedBy))
                tip += tr("Caused by: %1").arg(cause->title.isEmpty() ? cause->rule : cause->title) + u'\n';
            return tip + f.explanation.left(400);
        }
        return data(index).toString();
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(f.severity)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == SeverityColumn ? QVariant(severityColor(f.severity)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case RuleRole: return f.rule;
    case SeverityRole: return int(f.severity);
    case CausedByRole: return findingAt(f.causedBy) ? f.causedBy : -1;
    case BadgeRole: {
        QStringList servers = f.servers.mid(0, 2);
        if (f.servers.size() > 2)
            servers << tr("+%1").arg(f.servers.size() - 2);
        const QString count = tr("%1\u00d7").arg(f.count);
        return servers.isEmpty() ? count : servers.join(QStringLiteral(", ")) + QStringLiteral(" \u00b7 ") + count;
    }
    case SortRole:
        switch (index.column()) {
        case SeverityColumn: {
            // A symptom sorts right under its cause: the group's severity first, then the group's
            // place in the engine's order (earlier first when sorted descending), the cause before
            // its symptoms.
            const int row = index.row();
            const Finding *cause = findingAt(f.causedBy);
            const int group = cause ? f.causedBy : row;
            const int groupSeverity = int(cause ? cause->severity : f.severity);
            return qlonglong(groupSeverity) * 10'000'000 + qlonglong(1'000'000 - group) * 2 + (cause ? 0 : 1);
        }
        case Count: return f.count;
        case TimeSpan: return f.firstMs;
        default: return data(index).toString();
        }
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case Title: return tr("Finding");
    case Count: return tr("Count");
    case Servers: return tr("Servers");
    case TimeSpan: return tr("Time span");
    }
    return {};
}

void FindingsModel::setFindings(const QList<Finding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

void FindingsModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_timeDisplay)
        return;
    m_timeDisplay = display;
    if (!m_findings.isEmpty())
        Q_EMIT dataChanged(index(0, TimeSpan), index(rowCount() - 1, TimeSpan));
}

} // namespace mwb
