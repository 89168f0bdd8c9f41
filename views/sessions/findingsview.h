#pragma once
// The findings dock (severity, title, count, servers, time span) and the details pane (explanation,
// evidence lines with file and line) with "Show sessions" and "Open in wizard".
#include "model/core/diagnosis/finding.h"
#include "model/itemmodels/findingsmodel.h"

#include <QWidget>
#include <memory>
#include <optional>

class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace mwb {
class Store;
}

namespace mwb::views {

class FindingsView : public QWidget {
    Q_OBJECT
public:
    explicit FindingsView(QWidget *parent = nullptr);
    void setFindings(const QList<Finding> &findings);
    FindingsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    const Finding *currentFinding() const;
    void selectRule(const QString &rule);

Q_SIGNALS:
    void currentFindingChanged(const mwb::Finding *finding);  // nullptr when none

private:
    FindingsModel *m_model;
    QSortFilterProxyModel *m_proxy;  // a few hundred findings at most: a proxy is fine here
    QTableView *m_table;
};

class FindingDetails : public QWidget {
    Q_OBJECT
public:
    explicit FindingDetails(QWidget *parent = nullptr);
    void setStore(std::shared_ptr<const Store> store) { m_store = std::move(store); }
    void setFinding(const Finding *finding);
    QString text() const;
    QPushButton *showSessionsButton() const { return m_showSessions; }
    QPushButton *wizardButton() const { return m_wizard; }

Q_SIGNALS:
    void showSessions(const mwb::Finding &finding);
    void openInWizard(const QString &scenario, const QMap<QString, QString> &parameters);
    void evidenceActivated(const mwb::RecordRef &ref);

private:
    std::shared_ptr<const Store> m_store;
    std::optional<Finding> m_finding;
    QTextBrowser *m_text;
    QPushButton *m_showSessions;
    QPushButton *m_wizard;
};

} // namespace mwb::views
