#pragma once
// relay-connector-overlap (issue #31): a custom receive connector whose RemoteIPRanges include
// another Exchange server's address takes that server's SMTP connections (the most specific
// remote range wins). Without Exchange Server authentication and the ExchangeServers permission
// group on it, Exchange-to-Exchange mail fails with 451 5.7.3 "Cannot achieve Exchange Server
// authentication".
//
// The servers' addresses are not in Get-ExchangeServer. They come from what the evidence shows:
// the local IP of the sessions in each server's own protocol logs (a server's Receive sessions end
// on its address, its Send sessions start from it), and the specific (not 0.0.0.0 / [::]) IPs a
// server's receive connectors bind to. Addresses seen for a server that the configuration does not
// name are kept too: the logs are the better witness of which machine is an Exchange server.
#include "model/core/configuration/configuration.h"

#include <QHostAddress>
#include <QMultiMap>

namespace mwb::config {

using ServerAddresses = QMultiMap<QString, QHostAddress>;   // server name (as given) -> its addresses

// The specific IPs of the receive connectors' bindings, per server.
ServerAddresses addressesFromBindings(const Configuration &config);

struct RelayOverlap {
    const ReceiveConnector *connector = nullptr;
    QStringList ranges;          // the RemoteIPRanges entries that cover other servers
    QStringList servers;         // the other Exchange servers whose traffic lands on it
    QStringList addresses;       // their addresses, as text
};

// Enabled, custom (not created by setup) receive connectors without both Exchange Server
// authentication (AuthMechanism ExchangeServer) and the ExchangeServers permission group, whose
// RemoteIPRanges include an address of another server.
QList<RelayOverlap> findRelayConnectorOverlaps(const Configuration &config, const ServerAddresses &addresses);

} // namespace mwb::config
