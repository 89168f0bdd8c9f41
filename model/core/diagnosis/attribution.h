#pragma once
// Cross-source attribution (issue #24): a fault seen from one side (an Exchange Online message
// trace, a sending server's Send log) belongs to the organisation server that presents the faulty
// thing: the Edge whose certificate Exchange Online refuses, the receiving server whose connector
// lacks Exchange Server authentication. The finding then lists the sessions of both sides and names
// that server, its connector, the certificate's thumbprint and the expected name in its parameters.
#include "model/core/diagnosis/finding.h"
#include "model/core/sessions/store.h"

#include <QHash>
#include <QSet>

namespace mwb {

// Servers whose own logs were loaded (protocol and tracking logs), lower-case; Exchange Online
// and other senders seen only in traces are not among them.
QSet<QString> organisationServers(const Store &store);

// Exchange Online's own host names: its front ends announce themselves as
// *.protection.outlook.com (DM6NAM12FT021.mail.protection.outlook.com in the banner,
// NAM12-BN8-obe.outbound.protection.outlook.com in EHLO).
bool isExchangeOnlineHost(const QString &name);
// The peer of a Send session is Exchange Online (its banner or EHLO-reply name): what the
// session's replies refuse, Exchange Online refused.
bool sendPeerIsExchangeOnline(const Session &session);

// Organisation servers by the names and addresses their own logs show: the server name (and an
// FQDN's first label), the names its receive connectors announce in the banner (EX02.contoso.com,
// mail.contoso.com) and the addresses they listen on. A name or address two servers share (a
// load-balanced mail.contoso.com) names neither.
class OrganisationNames {
public:
    OrganisationNames(const Store &store, const QSet<QString> &org);
    // The organisation server a name, FQDN or IP address denotes, as the logs spell it; empty when
    // none (or more than one) does.
    QString resolve(const QString &nameOrAddress) const;

private:
    QHash<QString, QString> m_byName;      // lower-case name -> server ("" when shared)
    QHash<QString, QString> m_byAddress;   // lower-case banner name or IP -> server ("" when shared)
};

// Links the other side's sessions to every finding (a Send session and the organisation's Receive
// session with the same two endpoints, a few minutes apart) and, for faults that live on the
// receiving side, moves the finding's server parameters to the organisation server that receives.
// A finding that names only servers outside the organisation (EXO) for such a fault is tied to the
// organisation's failed TLS sessions in its time window. Never leaves a server outside the
// organisation in the Server parameter. When the trace names the host it tried (the hop's nextHop /
// serverIp: LastAttemptedServerName, LastAttemptedIP), only the sessions of the organisation server
// with that address or banner name are taken, and that server is named even when it logged no
// failed handshake. Then the findings of one fault seen on several servers are merged
// (groupByFault, faults.h), and a finding whose sessions all belong to a wider finding of the same
// rule (the same fault logged by the other side) is merged into it, so findings may be removed:
// link causes afterwards.
void attributeToOrganisation(QList<Finding> &findings, const Store &store);

} // namespace mwb
