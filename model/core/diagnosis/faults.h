#pragma once
// One finding per fault (issue #24). The engine groups what a session or a message shows by the
// server whose log shows it (and the rule's other grouping values). For most rules that server is
// the machine to change. For some, the fault lives in one place while several servers log it:
//
// - no-matching-connector: send connectors are organisation-wide objects (Get-SendConnector is one
//   list for the whole organisation; SourceTransportServers and IsScopedConnector only say which
//   servers may use a connector). "No connector covers these recipient domains" is therefore one
//   configuration fault, seen in the Unreachable queue of every server that routes such a message,
//   whichever domains the messages were for: one finding with every server and domain. The logs
//   do not show Active Directory sites or the connectors' scope; the servers listed let the admin
//   see at once whether every server is affected or only those of one site (a scoped connector).
// - dns-prx2: PRX2 is the Front End Transport service of the server that answered 451 4.7.0 …
//   PRX2 failing to resolve the Mailbox server it proxies to: a fault of that server's DNS
//   configuration (Get-FrontendTransportService InternalDNSServers, its adapters' DNS servers), or
//   of the DNS records it asks for. The sender that logged the 451 (an Edge, Exchange Online, a
//   partner) only saw it. One finding per answering server, with the senders' sessions and queued
//   messages; its Server parameter is the answering server.
// - dns-query-failed keeps one finding per server: DnsQueryFailed is the DNS client of the
//   transport service that queued the message (Get-TransportService ExternalDNSServers), so each
//   server's own settings are what to check, and a domain whose DNS is broken shows on every
//   server that sends to it as findings that name the same Domain. Its parameters list every
//   recipient domain of the finding (Domains).
// - blocklisted: a block list lists an address, not a server. Servers that send from the same
//   public address (behind one NAT address) are refused for one listing: one finding per address
//   the refusal names (PublicIp), with every server that sent from it; without an address in the
//   text, one per server.
// - relay-denied: a device refused by a receive connector and Exchange Online refusing the
//   organisation's relay are two faults with two fixes, kept apart by the Exchange Online
//   conditions' own scenario (rules.json: 5.7.64 TenantAttribution, or a plain relay refusal that
//   Exchange Online gave, "refusedBy"). The Exchange Online one is one fault of the tenant's
//   inbound connector, whichever gateway server or Exchange Online trace shows it: one finding,
//   with the parameters of its scenario (exo-hybrid-connectors: TenantDomain, OnPremFqdn), not
//   the on-premises send connector's name and Exchange Online's address.
// The other rules keep the engine's grouping by the server that logged them: the certificate and
// Exchange Server authentication rules are moved to the receiving server by the attribution (its
// certificate, its receive connector), and the rest (a time-out, a refused recipient, a size
// limit, a failed login, a DMARC refusal) are each that server's connector or that sender's.
#include "model/core/diagnosis/attribution.h"

#include <QSet>

#include <functional>

namespace mwb {

// Merges the findings that are one fault logged on several servers (see above) and names the
// machine to change, the servers and the domains in their parameters (and the Exchange Online
// relay finding's). `org` is organisationServers(store); `names` gives its OrganisationNames
// (built on first use). Findings of other rules are left as they are.
void groupByFault(QList<Finding> &findings, const Store &store, const QSet<QString> &org,
                  const std::function<const OrganisationNames &()> &names);

} // namespace mwb
