#pragma once
// The findings of a load: severity, title, count, servers, time span.
#include "model/core/diagnosis/finding.h"
#include "model/itemmodels/timeformat.h"

#include <QAbstractTableModel>

namespace mwb {

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, Title, Count, Servers, TimeSpan, ColumnCount };
    enum Role {
        RuleRole = Qt::UserRole + 1,
        SeverityRole,
        SortRole,
        CausedByRole,    // int: row of the finding this one is a symptom of, -1 for none
        BadgeRole,       // QString: "EX01, EDGE01 · 12×", what tells look-alike rows apart at any width
    };

    explicit FindingsModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFindings(const QList<Finding> &findings);
    const QList<Finding> &findings() const { return m_findings; }
    const Finding *findingAt(int row) const;
    void setTimeDisplay(TimeDisplay display);

private:
    QList<Finding> m_findings;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
};

} // namespace mwb
