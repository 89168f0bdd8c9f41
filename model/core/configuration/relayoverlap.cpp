#include "model/core/configuration/relayoverlap.h"

namespace mwb::config {

namespace {

QString firstLabel(const QString &name)
{
    return name.section(u'.', 0, 0).toLower();
}

} // namespace

ServerAddresses addressesFromBindings(const Configuration &config)
{
    ServerAddresses out;
    for (const ReceiveConnector &r : config.receiveConnectors)
        for (const Binding &b : r.bindings)
            if (!b.anyAddress && !b.address.isLoopback() && !out.contains(r.server, b.address))
                out.insert(r.server, b.address);
    return out;
}

QList<RelayOverlap> findRelayConnectorOverlaps(const Configuration &config, const ServerAddresses &addresses)
{
    QList<RelayOverlap> out;
    for (const ReceiveConnector &r : config.receiveConnectors) {
        if (!r.enabled || r.isDefault())
            continue;
        const bool exchangeAuth = r.authMechanism.contains(QStringLiteral("ExchangeServer"), Qt::CaseInsensitive)
                                  && r.permissionGroups.contains(QStringLiteral("ExchangeServers"), Qt::CaseInsensitive);
        if (exchangeAuth)
            continue;   // Exchange traffic landing here still authenticates as Exchange
        RelayOverlap overlap;
        overlap.connector = &r;
        for (auto it = addresses.begin(); it != addresses.end(); ++it) {
            if (firstLabel(it.key()) == firstLabel(r.server))
                continue;   // the connector's own server
            for (const IpRange &range : r.remoteIpRanges) {
                if (!range.contains(it.value()))
                    continue;
                // A connector open to every address (0.0.0.0-255.255.255.255) is not scoped to
                // relay clients: Exchange prefers the Default connectors' equal ranges there, so
                // such a range alone does not take the traffic.
                if (range.span().first != 0 || range.span().second >= 0xFFFFFFFFull)
                    continue;
                if (!overlap.ranges.contains(range.text))
                    overlap.ranges.append(range.text);
                if (!overlap.servers.contains(it.key(), Qt::CaseInsensitive))
                    overlap.servers.append(it.key());
                if (!overlap.addresses.contains(it.value().toString()))
                    overlap.addresses.append(it.value().toString());
            }
        }
        if (!overlap.servers.isEmpty())
            out.append(overlap);
    }
    return out;
}

} // namespace mwb::config
