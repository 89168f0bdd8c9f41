#pragma once
// The configuration of a collection zip (issue #31) as a tree for a "Configuration" view: one top
// row per kind (servers, receive connectors, send connectors, certificates, accepted domains), the
// objects under it. Columns: name, server, what it covers (bindings and remote ranges, address
// spaces, certificate names), TLS, state (enabled, validity). Text is shown as collected, with
// control characters made visible (common/safetext).
#include "model/core/configuration/configuration.h"

#include <QAbstractItemModel>
#include <QDateTime>

namespace mwb {

class ConfigurationModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ServerColumn, CoverageColumn, TlsColumn, StateColumn, ColumnCount };
    enum Kind { Servers, ReceiveConnectors, SendConnectors, Certificates, AcceptedDomains, KindCount };
    enum Role {
        KindRole = Qt::UserRole + 1,   // Kind of the row (top rows and their children)
        AttentionRole,                 // bool: disabled, expired or expiring within 30 days of `now`
    };

    explicit ConfigurationModel(QObject *parent = nullptr);

    // `now` judges certificate validity (the end of the loaded logs, like the diagnosis).
    void setConfiguration(const config::Configuration &configuration, const QDateTime &now);
    const config::Configuration &configuration() const { return m_config; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int childCount(int kind) const;
    QString cell(int kind, int row, int column) const;
    bool attention(int kind, int row) const;

    config::Configuration m_config;
    QDateTime m_now;
};

} // namespace mwb
