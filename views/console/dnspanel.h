#pragma once
// DNS probes in the console: MX by priority, A/AAAA, PTR with forward confirmation, SPF, DMARC and
// block lists, asynchronously, with a chosen resolver. MX hosts can be connected to directly.
#include "model/core/smtp/dns.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace mwb::views {

class DnsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DnsPanel(QWidget *parent = nullptr);
    void lookup(const QString &nameOrAddress, const QString &resolver = {});
    const mwb::smtp::DnsReport &report() const { return m_report; }
    QTreeWidget *results() const { return m_results; }
    QLineEdit *queryEdit() const { return m_query; }
    QLineEdit *resolverEdit() const { return m_resolver; }
    // MX hosts of the last report, best priority first.
    QStringList mxHosts() const;

signals:
    void finished();
    void connectRequested(const QString &host);       // double-click on an MX row
    void probeMxInOrderRequested(const QStringList &hosts);

private:
    void show(const mwb::smtp::DnsReport &report);
    QLineEdit *m_query;
    QLineEdit *m_resolver;
    QPushButton *m_run;
    QPushButton *m_probeMx;
    QLabel *m_status;
    QTreeWidget *m_results;
    QPointer<mwb::smtp::DnsProbe> m_probe;
    mwb::smtp::DnsReport m_report;
};

} // namespace mwb::views
