#include "model/itemmodels/configurationmodel.h"

#include "model/core/common/safetext.h"
#include "model/itemmodels/outcomestyle.h"

#include <QColor>

namespace mwb {

namespace {

// internalId: 0 for a top row, kind + 1 for the rows under it.
constexpr quintptr kTop = 0;

QString joined(const QStringList &values)
{
    return values.join(QStringLiteral(", "));
}

QString bytesText(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("unlimited");
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace

ConfigurationModel::ConfigurationModel(QObject *parent) : QAbstractItemModel(parent) {}

void ConfigurationModel::setConfiguration(const config::Configuration &configuration, const QDateTime &now)
{
    beginResetModel();
    m_config = configuration;
    m_now = now;
    rebuildServers();
    endResetModel();
}

void ConfigurationModel::setServerVersions(const QList<ServerVersion> &versions)
{
    beginResetModel();
    m_versions = versions;
    rebuildServers();
    endResetModel();
}

void ConfigurationModel::rebuildServers()
{
    m_servers.clear();
    QList<bool> used(m_versions.size(), false);
    const auto logVersionOf = [&](const QString &name) -> const ServerVersion * {
        for (qsizetype i = 0; i < m_versions.size(); ++i) {
            if (m_versions.at(i).server.compare(name, Qt::CaseInsensitive) == 0) {
                used[i] = true;
                return &m_versions.at(i);
            }
        }
        return nullptr;
    };
    for (const config::ExchangeServer &s : std::as_const(m_config.servers)) {
        ServerRow row{s.name, s.fqdn, joined(s.roles), s.version, {}, false, true};
        if (const ServerVersion *v = logVersionOf(s.name)) {
            row.build = v->build;
            row.fromLogs = true;
        } else if (const QString build = buildFromAdminDisplayVersion(s.version); !build.isEmpty()) {
            row.build = identifyExchangeBuild(build);
        }
        m_servers << row;
    }
    for (qsizetype i = 0; i < m_versions.size(); ++i) {
        if (!used.at(i))
            m_servers << ServerRow{m_versions.at(i).server.isEmpty() ? tr("(server unknown)") : m_versions.at(i).server, QString(), QString(), QString(), m_versions.at(i).build, true, false};
    }
}

int ConfigurationModel::childCount(int kind) const
{
    switch (kind) {
    case Servers:
        return int(m_servers.size());
    case ReceiveConnectors:
        return int(m_config.receiveConnectors.size());
    case SendConnectors:
        return int(m_config.sendConnectors.size());
    case Certificates:
        return int(m_config.certificates.size());
    case AcceptedDomains:
        return int(m_config.acceptedDomains.size());
    default:
        return 0;
    }
}

QModelIndex ConfigurationModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < (hasRows() ? int(KindCount) : 0) ? createIndex(row, column, kTop) : QModelIndex();
    if (parent.internalId() != kTop || parent.column() != 0)
        return {};
    if (row >= childCount(parent.row()))
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ConfigurationModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTop)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTop);
}

int ConfigurationModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return hasRows() ? int(KindCount) : 0;
    if (parent.internalId() != kTop || parent.column() != 0)
        return 0;
    return childCount(parent.row());
}

int ConfigurationModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ConfigurationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ServerColumn:
        return tr("Server");
    case CoverageColumn:
        return tr("Covers");
    case TlsColumn:
        return tr("TLS");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

bool ConfigurationModel::attention(int kind, int row) const
{
    switch (kind) {
    case Servers:
        return m_servers.at(row).build.outOfSupport();
    case ReceiveConnectors:
        return !m_config.receiveConnectors.at(row).enabled;
    case SendConnectors:
        return !m_config.sendConnectors.at(row).enabled;
    case Certificates: {
        const config::Certificate &k = m_config.certificates.at(row);
        return k.notAfter().isValid() && m_now.isValid() && k.notAfter() <= m_now.addDays(30);
    }
    default:
        return false;
    }
}

QString ConfigurationModel::cell(int kind, int row, int column) const
{
    switch (kind) {
    case Servers: {
        const ServerRow &s = m_servers.at(row);
        QString version = exchangeVersionLabel(s.build);
        if (version.isEmpty())
            version = s.adminDisplayVersion;
        else if (!s.fromLogs)
            version += tr(" (AdminDisplayVersion: the CU, not the SU)");
        const QString values[] = {s.name, s.fqdn, s.collected ? s.roles : tr("(seen in the logs only)"), QString(), version};
        return values[column];
    }
    case ReceiveConnectors: {
        const config::ReceiveConnector &r = m_config.receiveConnectors.at(row);
        QStringList bindings, ranges;
        for (const config::Binding &b : r.bindings)
            bindings << b.text;
        for (const config::IpRange &ip : r.remoteIpRanges)
            ranges << ip.text;
        const QString tls = QStringLiteral("%1%2%3")
                                .arg(r.fqdn.isEmpty() ? QString() : tr("FQDN %1").arg(r.fqdn),
                                     r.tlsCertificateName.isEmpty() ? QString() : QStringLiteral("; ") + r.tlsCertificateName,
                                     r.requireTls ? tr("; RequireTLS") : QString());
        const QString values[] = {r.name,
                                  r.server,
                                  tr("%1 from %2").arg(joined(bindings), joined(ranges)),
                                  tls,
                                  tr("%1; %2; %3; auth %4").arg(r.enabled ? tr("enabled") : tr("disabled"), r.transportRole,
                                                               joined(r.permissionGroups), joined(r.authMechanism))};
        return values[column];
    }
    case SendConnectors: {
        const config::SendConnector &s = m_config.sendConnectors.at(row);
        QStringList spaces;
        for (const config::AddressSpace &a : s.addressSpaces)
            spaces << a.text;
        QString covers = joined(spaces);
        if (!s.smartHosts.isEmpty())
            covers += tr(" via %1").arg(joined(s.smartHosts));
        QStringList tls;
        if (s.requireTls)
            tls << tr("RequireTLS");
        if (!s.tlsAuthLevel.isEmpty())
            tls << s.tlsAuthLevel;
        if (!s.tlsDomain.isEmpty())
            tls << s.tlsDomain;
        if (!s.tlsCertificateName.isEmpty())
            tls << s.tlsCertificateName;
        const QString values[] = {s.name, joined(s.sourceTransportServers), covers, joined(tls),
                                  tr("%1; max %2").arg(s.enabled ? tr("enabled") : tr("disabled"), bytesText(s.maxMessageSize))};
        return values[column];
    }
    case Certificates: {
        const config::Certificate &k = m_config.certificates.at(row);
        QString state = k.notAfter().isValid() ? tr("valid until %1").arg(k.notAfter().toString(Qt::ISODate)) : tr("validity unknown");
        if (k.notAfter().isValid() && m_now.isValid() && k.notAfter() <= m_now)
            state = tr("expired %1").arg(k.notAfter().toString(Qt::ISODate));
        const QString values[] = {k.subject, k.server, joined(k.alternateNames), joined(k.services) + QStringLiteral("; ") + k.thumbprint, state};
        return values[column];
    }
    case AcceptedDomains: {
        const config::AcceptedDomain &d = m_config.acceptedDomains.at(row);
        const QString values[] = {d.domainName, QString(), d.domainType, QString(), d.isDefault ? tr("default") : QString()};
        return values[column];
    }
    default:
        return {};
    }
}

QVariant ConfigurationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kTop) {
        if (role == KindRole)
            return index.row();
        if (role != Qt::DisplayRole || index.column() != NameColumn)
            return {};
        static const char *const names[] = {QT_TR_NOOP("Servers"), QT_TR_NOOP("Receive connectors"), QT_TR_NOOP("Send connectors"),
                                            QT_TR_NOOP("Certificates"), QT_TR_NOOP("Accepted domains")};
        return tr("%1 (%2)").arg(tr(names[index.row()])).arg(childCount(index.row()));
    }
    const int kind = int(index.internalId() - 1);
    switch (role) {
    case Qt::ToolTipRole:
        if (kind == Servers && index.column() == StateColumn && !m_servers.at(index.row()).build.build.isEmpty())
            return m_servers.at(index.row()).build.explanation();
        return escapeControls(cell(kind, index.row(), index.column()));
    case Qt::DisplayRole:
        return escapeControls(cell(kind, index.row(), index.column()));
    case KindRole:
        return kind;
    case AttentionRole:
        return attention(kind, index.row());
    case Qt::ForegroundRole:
        // An out-of-support build: the state column says so in words, and in the error colour.
        if (kind == Servers && index.column() == StateColumn && attention(kind, index.row()))
            return severityColor(Severity::Error);
        return {};
    default:
        return {};
    }
}

} // namespace mwb
