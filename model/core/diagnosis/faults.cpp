#include "model/core/diagnosis/faults.h"

#include "model/core/diagnosis/sessionfacts.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace mwb {

namespace {

const QString kServer = QStringLiteral("Server");
const QString kServers = QStringLiteral("Servers");
const QString kDomain = QStringLiteral("Domain");
const QString kDomains = QStringLiteral("Domains");
const QString kConnector = QStringLiteral("Connector");
const QString kReceivingServer = QStringLiteral("ReceivingServer");

// How the findings of a rule become faults.
enum class FaultScope {
    None,            // as the engine grouped them
    Organisation,    // one fault for the whole organisation (send connector configuration)
    Receiver,        // one fault per server that answered (its Front End's DNS)
    Server,          // one fault per server that queued (its transport service's DNS)
    PublicAddress,   // one fault per public address the remote side refused (a block list entry)
    Tenant,          // one fault for the organisation's Exchange Online tenant (its inbound connector)
};

bool exchangeOnlineRelay(const Finding &f)
{
    return f.rule == QLatin1String("relay-denied") && f.scenario == QLatin1String("exo-hybrid-connectors");
}

FaultScope scopeOf(const Finding &f)
{
    const QString &rule = f.rule;
    if (exchangeOnlineRelay(f))
        return FaultScope::Tenant;
    if (rule == QLatin1String("no-matching-connector"))
        return FaultScope::Organisation;
    if (rule == QLatin1String("dns-prx2"))
        return FaultScope::Receiver;
    if (rule == QLatin1String("dns-query-failed"))
        return FaultScope::Server;
    if (rule == QLatin1String("blocklisted"))
        return FaultScope::PublicAddress;
    return FaultScope::None;
}

// Values of a parameter over the findings of one fault, the one with the most messages (then
// sessions) first, ties by name: what a single-valued wizard parameter should get, and the list.
QStringList rankedValues(const QList<const Finding *> &parts, const QString &name)
{
    QHash<QString, qsizetype> weight;
    QHash<QString, QString> spelling;
    for (const Finding *f : parts) {
        const QString v = f->parameters.value(name).trimmed();
        if (v.isEmpty())
            continue;
        spelling.insert(v.toLower(), spelling.value(v.toLower(), v));
        weight[v.toLower()] += std::max<qsizetype>(1, f->messageIds.size() + f->sessionIndexes.size());
    }
    QStringList keys = weight.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        return weight.value(a) != weight.value(b) ? weight.value(a) > weight.value(b) : a < b;
    });
    QStringList out;
    for (const QString &k : std::as_const(keys))
        out << spelling.value(k);
    return out;
}

// The value with the most votes, ties by name; empty when none.
QString mostVoted(const QHash<QString, int> &votes)
{
    QString best;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        if (best.isEmpty() || it.value() > votes.value(best) || (it.value() == votes.value(best) && it.key() < best))
            best = it.key();
    }
    return best;
}

// The receive connector of `server` most of the finding's sessions came in on.
QString receiveConnectorOn(const Finding &f, const QString &server, const Store &store)
{
    QHash<QString, int> votes;
    for (int i : f.sessionIndexes) {
        if (i < 0 || i >= store.sessions.size())
            continue;
        const Session &s = store.sessions.at(i);
        if (s.direction == Direction::Receive && s.server.compare(server, Qt::CaseInsensitive) == 0 && !s.connector.trimmed().isEmpty())
            ++votes[s.connector.trimmed()];
    }
    return mostVoted(votes);
}

// dns-prx2: the server that answered PRX2, as the engine saw it (ReceivingServer: the receiving
// server of a Receive session, the peer address of a Send session, the host a queue last
// attempted), resolved to an organisation server; else the banner name of a sender's session.
QString answeringServer(const Finding &f, const Store &store, const OrganisationNames &names)
{
    const QString raw = f.parameters.value(kReceivingServer);
    QString server = names.resolve(raw);
    for (qsizetype k = 0; server.isEmpty() && k < f.sessionIndexes.size(); ++k) {
        const int i = f.sessionIndexes.at(k);
        if (i >= 0 && i < store.sessions.size() && store.sessions.at(i).direction == Direction::Send)
            server = names.resolve(store.sessions.at(i).greetingName);
    }
    return server.isEmpty() ? raw : server;
}

// relay-denied, Exchange Online's cause (5.7.64 TenantAttribution): the fix is Exchange Online's
// inbound connector for the organisation (scenario exo-hybrid-connectors), checked against the
// tenant's accepted domain (the organisation's sender domain) and the name the organisation's
// servers announce and present to Exchange Online. The on-premises send connector and Exchange
// Online's address are not what that scenario changes.
void nameExchangeOnlineRelayParameters(Finding &f, const Store &store)
{
    QHash<QString, int> senderDomains, ownNames;
    for (const QString &id : f.messageIds) {
        const int m = store.messageIndexById(id);
        const QString domain = m >= 0 && m < store.messages.size() ? domainOfAddress(store.messages.at(m).sender).toLower() : QString();
        if (!domain.isEmpty())
            ++senderDomains[domain];
    }
    for (int i : f.sessionIndexes) {
        if (i >= 0 && i < store.sessions.size() && store.sessions.at(i).direction == Direction::Send
            && store.sessions.at(i).ehlo.contains(u'.'))
            ++ownNames[store.sessions.at(i).ehlo.toLower()];
    }
    if (const QString domain = mostVoted(senderDomains); !domain.isEmpty())
        f.parameters.insert(QStringLiteral("TenantDomain"), domain);
    if (const QString name = mostVoted(ownNames); !name.isEmpty())
        f.parameters.insert(QStringLiteral("OnPremFqdn"), name);
    f.parameters.remove(kConnector);
    f.parameters.remove(QStringLiteral("RemoteIp"));
}

} // namespace

void groupByFault(QList<Finding> &findings, const Store &store, const QSet<QString> &org,
                  const std::function<const OrganisationNames &()> &names)
{
    for (Finding &f : findings) {
        if (exchangeOnlineRelay(f))
            nameExchangeOnlineRelayParameters(f, store);
    }
    const bool any = std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return scopeOf(f) != FaultScope::None; });
    if (!any)
        return;

    // The fault each finding belongs to: rule plus the key of its scope.
    QMap<QString, QList<qsizetype>> faults;   // ordered: the output order below does not depend on hashing
    QHash<qsizetype, QString> answering;      // dns-prx2: the answering server per finding
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &f = findings.at(i);
        QString key;
        switch (scopeOf(f)) {
        case FaultScope::None:
            continue;
        case FaultScope::Organisation:
        case FaultScope::Tenant:
            break;
        case FaultScope::Receiver: {
            const QString server = answeringServer(f, store, names());
            answering.insert(i, server);
            key = server.toLower();
            break;
        }
        case FaultScope::Server:
            key = f.parameters.value(kServer).toLower();
            break;
        case FaultScope::PublicAddress: {
            // The address the block list names (Client host [203.0.113.9]); without one, the server.
            const QString address = f.parameters.value(QStringLiteral("PublicIp")).trimmed().toLower();
            key = address.isEmpty() ? u'\n' + f.parameters.value(kServer).toLower() : address;
            break;
        }
        }
        faults[f.rule + u'\x1f' + key].append(i);
    }

    QSet<qsizetype> absorbed;
    for (auto fault = faults.cbegin(); fault != faults.cend(); ++fault) {
        const QList<qsizetype> &members = fault.value();
        // The findings come sorted (severity, then time): the first member is the fault's place.
        Finding &whole = findings[members.first()];
        const FaultScope scope = scopeOf(whole);
        QList<const Finding *> parts;
        for (qsizetype i : members)
            parts << &findings.at(i);
        const QStringList domains = rankedValues(parts, kDomain);
        const bool acrossServers = scope == FaultScope::Organisation || scope == FaultScope::PublicAddress;
        const QStringList servers = acrossServers ? rankedValues(parts, kServer) : QStringList();
        const QStringList connectors = acrossServers ? rankedValues(parts, kConnector) : QStringList();
        for (qsizetype k = 1; k < members.size(); ++k) {
            const Finding &part = findings.at(members.at(k));
            whole.count += part.count;
            absorbFinding(whole, part);
            absorbed.insert(members.at(k));
        }
        if (!domains.isEmpty()) {
            whole.parameters.insert(kDomain, domains.first());
            if (domains.size() > 1)
                whole.parameters.insert(kDomains, domains.join(u','));
        }
        // Grouped by their server (or the organisation) alone: the key these rules always had; the
        // Exchange Online relay finding keeps its scenario's.
        if (scope != FaultScope::Tenant)
            whole.groupKey.clear();
        if (acrossServers) {
            // The server with the most of it first (the fullest Unreachable queue to resubmit, the
            // send connector that carries most of the refused mail); every server is listed.
            if (!servers.isEmpty()) {
                whole.parameters.insert(kServer, servers.first());
                if (scope == FaultScope::Organisation)   // the queue unreachable-queue resubmits
                    whole.parameters.insert(QStringLiteral("Queue"), servers.first() + QStringLiteral("\\Unreachable"));
            }
            QStringList all = whole.servers;
            all.sort(Qt::CaseInsensitive);
            if (all.size() > 1)
                whole.parameters.insert(kServers, all.join(u','));
            if (!connectors.isEmpty())
                whole.parameters.insert(kConnector, connectors.first());
        } else if (scope == FaultScope::Receiver) {
            // Resolved to an organisation server, it is the Server; otherwise the parameter keeps
            // what the logs say of the answering side (an address, a partner's name).
            const QString server = answering.value(members.first());
            if (org.contains(server.toLower())) {
                whole.parameters.remove(kReceivingServer);
                whole.parameters.insert(kServer, server);
                if (!whole.servers.contains(server, Qt::CaseInsensitive))
                    whole.servers.append(server);
                // The connector that answered, never a sender's send connector.
                const QString connector = receiveConnectorOn(whole, server, store);
                if (connector.isEmpty())
                    whole.parameters.remove(kConnector);
                else
                    whole.parameters.insert(kConnector, connector);
            }
        }
    }
    if (absorbed.isEmpty())
        return;
    QList<Finding> kept;
    kept.reserve(findings.size() - absorbed.size());
    for (qsizetype i = 0; i < findings.size(); ++i) {
        if (!absorbed.contains(i))
            kept << std::move(findings[i]);
    }
    findings = std::move(kept);
}

} // namespace mwb
