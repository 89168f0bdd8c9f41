#pragma once
// The configuration of a collection zip (issue #31) as a tree for a "Configuration" view: one top
// row per kind (servers, receive connectors, send connectors, certificates, accepted domains), the
// objects under it. Columns: name, server, what it covers (bindings and remote ranges, address
// spaces, certificate names), TLS, state (enabled, validity). Text is shown as collected, with
// control characters made visible (common/safetext).
// Servers carry their Exchange version in the state column (issue #30): the build their own logs'
// #Version headers name (sessions/serverversions, with the SU), else the collected
// AdminDisplayVersion (CU only); servers known only from the logs get a row of their own, so the
// tree also lists the servers of a load without a collection.
#include "model/core/configuration/configuration.h"
#include "model/core/sessions/serverversions.h"

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
    // The builds the loaded logs name per server (serverVersions(store.files)).
    void setServerVersions(const QList<ServerVersion> &versions);
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
    bool hasRows() const { return !m_config.isEmpty() || !m_servers.isEmpty(); }
    void rebuildServers();

    // One row under Servers: a collected server, or one only the logs name.
    struct ServerRow {
        QString name, fqdn, roles;
        QString adminDisplayVersion;   // as collected; empty for a server from the logs only
        ExchangeBuild build;           // from the logs, else from AdminDisplayVersion; may be empty
        bool fromLogs = false;         // the build is the logs' (with the SU)
        bool collected = true;
    };
    QList<ServerRow> m_servers;
    QList<ServerVersion> m_versions;
    config::Configuration m_config;
    QDateTime m_now;
};

} // namespace mwb
