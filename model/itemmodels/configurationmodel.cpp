#include "model/itemmodels/configurationmodel.h"

#include "model/core/common/safetext.h"

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
    endResetModel();
}

int ConfigurationModel::childCount(int kind) const
{
    switch (kind) {
    case Servers:
        return int(m_config.servers.size());
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
        return row < (m_config.isEmpty() ? 0 : int(KindCount)) ? createIndex(row, column, kTop) : QModelIndex();
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
        return m_config.isEmpty() ? 0 : int(KindCount);
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
        const config::ExchangeServer &s = m_config.servers.at(row);
        const QString values[] = {s.name, s.fqdn, joined(s.roles), QString(), s.version};
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
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return escapeControls(cell(kind, index.row(), index.column()));
    case KindRole:
        return kind;
    case AttentionRole:
        return attention(kind, index.row());
    default:
        return {};
    }
}

} // namespace mwb
