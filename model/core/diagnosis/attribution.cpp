#include "model/core/diagnosis/attribution.h"
#include "model/core/diagnosis/faults.h"

#include "model/core/common/hostnames.h"
#include "model/core/diagnosis/sessionfacts.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>

namespace mwb {

namespace {

// Two sides of one TCP connection are logged within seconds; a few minutes allow for clock skew.
constexpr qint64 kPairWindowMs = 5 * 60 * 1000;
// A trace's time and the receiving server's failed handshake: Exchange Online retries for hours,
// so the window only has to cover one attempt's clock skew and the trace's minute resolution.
constexpr qint64 kTraceWindowMs = 10 * 60 * 1000;

bool faultOnReceivingSide(const QString &rule)
{
    // The receiving server presents the certificate, offers (or not) STARTTLS and X-EXPS, and owns
    // the connector whose authentication is wrong: that is the machine to fix.
    return rule == QLatin1String("tls-subject-mismatch") || rule == QLatin1String("tls-certificate-not-found")
        || rule == QLatin1String("exchange-auth-failed");
}

bool tlsRule(const QString &rule)
{
    return rule == QLatin1String("tls-subject-mismatch") || rule == QLatin1String("tls-certificate-not-found");
}

QString endpointKey(const QString &from, const QString &to)
{
    return from.trimmed().toLower() + u'>' + to.trimmed().toLower();
}

const Certificate *presentedCertificate(const Session &s)
{
    // A receive session's own (sending) certificate is what the peer judged.
    for (const Certificate &c : s.certificates) {
        if (c.role == CertificateRole::Sending && !c.isEmpty())
            return &c;
    }
    return nullptr;
}

void addSession(Finding &f, const Session &s)
{
    if (!f.sessionIndexes.contains(s.index)) {
        f.sessionIndexes.append(s.index);
        f.sessions.append(s.id);
    }
    if (!s.server.isEmpty() && !f.servers.contains(s.server, Qt::CaseInsensitive))
        f.servers.append(s.server);
    for (const QString &m : s.messageIds) {
        if (!f.messageIds.contains(m))
            f.messageIds.append(m);
    }
}

// The hosts a finding's outside sender (Exchange Online) says it tried: the next hop of its
// deferrals and failures (LastAttemptedServerName, else the address) and their addresses.
struct Attempted {
    QStringList names;       // lower-case host names, in the order seen
    QStringList addresses;   // IP addresses
    bool isEmpty() const { return names.isEmpty() && addresses.isEmpty(); }
    // A receive session of that host: it listens on the address, or announces the name.
    bool matches(const Session &s) const
    {
        return (!addresses.isEmpty() && addresses.contains(hostOfEndpoint(s.local)))
            || (!names.isEmpty() && names.contains(s.greetingName.toLower()));
    }
    QString resolve(const OrganisationNames &directory) const
    {
        for (const QStringList *list : {&addresses, &names}) {
            for (const QString &host : *list) {
                if (const QString server = directory.resolve(host); !server.isEmpty())
                    return server;
            }
        }
        return {};
    }
};

bool looksLikeAddress(const QString &host)
{
    return host.contains(u':') || std::all_of(host.cbegin(), host.cend(), [](QChar c) { return c == u'.' || c.isDigit(); });
}

Attempted attemptedHosts(const Finding &f, const Store &store, const QSet<QString> &org)
{
    Attempted out;
    for (const QString &id : f.messageIds) {
        const int m = store.messageIndexById(id);
        if (m < 0 || m >= store.messages.size())
            continue;
        for (const MessageHop &hop : store.messages.at(m).hops) {
            if (org.contains(hop.server.toLower()) || (hop.event != QLatin1String("DEFER") && hop.event != QLatin1String("FAIL")))
                continue;
            const QString next = hop.nextHop.trimmed().toLower();
            if (next.isEmpty())
                continue;   // the row names no host: its server-ip column is not known to be the one tried
            QStringList &list = looksLikeAddress(next) ? out.addresses : out.names;
            if (!list.contains(next))
                list.append(next);
            const QString ip = hop.serverIp.trimmed().toLower();
            if (!ip.isEmpty() && looksLikeAddress(ip) && !out.addresses.contains(ip))
                out.addresses.append(ip);
        }
    }
    return out;
}

// A session whose client announced itself as Exchange Online Protection (EHLO
// NAM12-BN8-obe.outbound.protection.outlook.com, DB5EUR03FT012.mail.protection.outlook.com).
bool clientIsExchangeOnline(const Session &s)
{
    return isExchangeOnlineHost(s.ehlo);
}

// The service that owns a receive connector, from Exchange's default connector names: the Front
// End Transport service's "Default Frontend X", "Client Frontend X", "Outbound Proxy Frontend X";
// the Transport service's "Default X" and "Client Proxy X" (Mailbox, 2525/465) and the Edge's
// "Default internal receive connector X". Custom connectors can be either: empty.
QString transportServiceOfConnector(const QString &connector)
{
    QString name = connector;
    const qsizetype slash = name.lastIndexOf(u'\\');
    if (slash >= 0)
        name = name.mid(slash + 1);
    if (name.contains(QLatin1String("Frontend"), Qt::CaseInsensitive))
        return QStringLiteral("MSExchangeFrontEndTransport");
    if (name.startsWith(QLatin1String("Default internal receive connector"), Qt::CaseInsensitive)
        || name.startsWith(QLatin1String("Client Proxy"), Qt::CaseInsensitive)
        || (name.startsWith(QLatin1String("Default "), Qt::CaseInsensitive) && name.count(u' ') == 1))
        return QStringLiteral("MSExchangeTransport");
    return {};
}

// The receiving organisation server and connector most of `sessions` came in on. For
// exchange-auth-failed the queue (Server) stays with the sender: the receiver is its own parameter
// (the exchange-auth scenario's ReceivingServer), and its Default connector is no relay connector.
void nameReceiver(Finding &f, const QList<const Session *> &sessions)
{
    QHash<QString, int> votes;
    for (const Session *s : sessions)
        ++votes[s->server + u'\n' + s->connector];
    QString best;
    int bestVotes = 0;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        if (it.value() > bestVotes || (it.value() == bestVotes && it.key() < best)) {
            best = it.key();
            bestVotes = it.value();
        }
    }
    if (best.isEmpty())
        return;
    const qsizetype nl = best.indexOf(u'\n');
    if (f.rule == QLatin1String("exchange-auth-failed")) {
        f.parameters.insert(QStringLiteral("ReceivingServer"), best.left(nl));
        return;
    }
    f.parameters.insert(QStringLiteral("Server"), best.left(nl));
    const QString connector = best.mid(nl + 1);
    if (!connector.isEmpty())
        f.parameters.insert(QStringLiteral("Connector"), connector);
    // The certificate scenario restarts the service that presents the certificate: never guess
    // the Front End service for an Edge or Hub connector.
    const QString service = transportServiceOfConnector(connector);
    if (!service.isEmpty())
        f.parameters.insert(QStringLiteral("Service"), service);
    else
        f.parameters.remove(QStringLiteral("Service"));
}

// Once both sides are linked, a finding whose sessions all belong to another finding of the same
// rule is that fault seen from the other side (the receiver's log of the 451 5.7.3 the sender's
// log already reported): one fault, one finding. Its servers, codes, messages, evidence and time
// join the wider finding; parameters that finding lacks are taken over.
void mergeSameFault(QList<Finding> &findings)
{
    for (qsizetype b = 0; b < findings.size(); ++b) {
        const Finding &part = findings.at(b);
        if (part.sessionIndexes.isEmpty())
            continue;
        const QSet<int> partSessions(part.sessionIndexes.cbegin(), part.sessionIndexes.cend());
        qsizetype into = -1;
        for (qsizetype a = 0; a < findings.size() && into < 0; ++a) {
            const Finding &whole = findings.at(a);
            if (a == b || whole.rule != part.rule || whole.sessionIndexes.size() <= part.sessionIndexes.size())
                continue;
            const QSet<int> wholeSessions(whole.sessionIndexes.cbegin(), whole.sessionIndexes.cend());
            if (wholeSessions.contains(partSessions))
                into = a;
        }
        if (into < 0)
            continue;
        absorbFinding(findings[into], part);   // the same occurrences seen twice: no count added
        findings.removeAt(b);
        --b;
    }
}

} // namespace

bool isExchangeOnlineHost(const QString &name)
{
    QString n = name.trimmed();
    if (n.endsWith(u'.'))
        n.chop(1);
    return n.endsWith(QLatin1String(".protection.outlook.com"), Qt::CaseInsensitive);
}

bool sendPeerIsExchangeOnline(const Session &session)
{
    return session.direction == Direction::Send && isExchangeOnlineHost(session.greetingName);
}

QSet<QString> organisationServers(const Store &store)
{
    QSet<QString> out;
    for (const SourceFile &f : store.files) {
        const bool ownLog = f.format == LogFormat::SmtpReceive || f.format == LogFormat::SmtpSend
            || f.format == LogFormat::MessageTracking || f.format == LogFormat::TransportConnectivity;
        if (ownLog && !f.server.isEmpty() && f.server.compare(QLatin1String("EXO"), Qt::CaseInsensitive) != 0)
            out.insert(f.server.toLower());
    }
    // Sessions share their server strings: collect the distinct ones first (no allocation per
    // session at millions of them), then fold their case.
    QSet<QString> names;
    for (const Session &s : store.sessions)
        names.insert(s.server);
    for (const QString &n : std::as_const(names)) {
        if (!n.isEmpty())
            out.insert(n.toLower());
    }
    out.remove(QStringLiteral("exo"));
    return out;
}

namespace {

void noteServer(QHash<QString, QString> &map, const QString &key, const QString &server)
{
    const auto it = map.constFind(key);
    if (it == map.cend())
        map.insert(key, server);
    else if (!it->isEmpty() && it->compare(server, Qt::CaseInsensitive) != 0)
        map.insert(key, QString());   // shared by two servers: names neither
}

} // namespace

OrganisationNames::OrganisationNames(const Store &store, const QSet<QString> &org)
{
    // Receive sessions repeat a handful of local endpoints and banner names per server, and share
    // their strings: a lookup of the string as logged (no allocation) skips the known ones.
    QHash<QString, QString> seenLocal, seenBanner;   // as logged -> server
    for (const Session &s : store.sessions) {
        if (s.direction != Direction::Receive || s.server.isEmpty())
            continue;
        const auto local = seenLocal.constFind(s.local);
        const auto banner = seenBanner.constFind(s.greetingName);
        if (local != seenLocal.cend() && *local == s.server && banner != seenBanner.cend() && *banner == s.server)
            continue;
        seenLocal.insert(s.local, s.server);
        seenBanner.insert(s.greetingName, s.server);
        if (!org.contains(s.server.toLower()))
            continue;
        noteServer(m_byName, s.server.toLower(), s.server);
        const QString ip = hostOfEndpoint(s.local);
        if (!ip.isEmpty())
            noteServer(m_byAddress, ip.toLower(), s.server);
        if (!s.greetingName.isEmpty())
            noteServer(m_byAddress, s.greetingName.toLower(), s.server);
    }
    for (const SourceFile &f : store.files) {
        if (!f.server.isEmpty() && org.contains(f.server.toLower()) && !m_byName.contains(f.server.toLower()))
            m_byName.insert(f.server.toLower(), f.server);
    }
}

QString OrganisationNames::resolve(const QString &nameOrAddress) const
{
    const QString key = nameOrAddress.trimmed().toLower();
    if (key.isEmpty())
        return {};
    if (const auto it = m_byAddress.constFind(key); it != m_byAddress.cend())
        return *it;
    if (const auto it = m_byName.constFind(key); it != m_byName.cend())
        return *it;
    return m_byName.value(firstLabel(key));   // ex02.contoso.com -> EX02
}

void attributeToOrganisation(QList<Finding> &findings, const Store &store)
{
    if (findings.isEmpty())
        return;   // (without sessions the loops below find no pair: only the server checks and the grouping act)
    const QSet<QString> org = organisationServers(store);
    std::optional<OrganisationNames> names;
    const auto organisationNames = [&]() -> const OrganisationNames & {   // built when a finding needs it
        if (!names)
            names.emplace(store, org);
        return *names;
    };
    const QList<Session> &sessions = store.sessions;
    auto sessionAt = [&](int i) -> const Session * { return i >= 0 && i < sessions.size() ? &sessions.at(i) : nullptr; };

    // 1. The receive sessions that are the other side of a Send session of some finding: one pass
    //    over the sessions, keyed by the endpoint pair as the receiver logged it.
    QSet<QString> wanted;
    QSet<QString> wantedRemotes;   // the senders' local endpoints as logged: a cheap first test
    for (const Finding &f : std::as_const(findings)) {
        for (int i : f.sessionIndexes) {
            const Session *s = sessionAt(i);
            if (s && s->direction == Direction::Send && !s->local.isEmpty() && !s->remote.isEmpty()) {
                wanted.insert(endpointKey(s->local, s->remote));   // the receiver's remote > local
                wantedRemotes.insert(s->local.trimmed());
            }
        }
    }
    QHash<QString, QList<int>> receiveByPair;
    if (!wanted.isEmpty()) {
        for (const Session &s : sessions) {
            // Endpoints are "IP:port" as Exchange logs them on both sides: the raw string is a
            // cheap first test (no allocation per session), the folded key decides.
            if (s.direction != Direction::Receive || !wantedRemotes.contains(s.remote.trimmed()))
                continue;
            const QString key = endpointKey(s.remote, s.local);
            if (wanted.contains(key))
                receiveByPair[key].append(s.index);
        }
    }

    for (Finding &f : findings) {
        QList<const Session *> receivers;
        const QList<int> own = f.sessionIndexes;
        for (int i : own) {
            const Session *s = sessionAt(i);
            if (!s)
                continue;
            if (s->direction == Direction::Receive && org.contains(s->server.toLower())) {
                receivers.append(s);
                continue;
            }
            if (s->direction != Direction::Send)
                continue;
            for (int r : receiveByPair.value(endpointKey(s->local, s->remote))) {
                const Session *peer = sessionAt(r);
                if (!peer || peer->startMs == kNoTime || s->startMs == kNoTime || std::llabs(peer->startMs - s->startMs) > kPairWindowMs)
                    continue;
                addSession(f, *peer);
                receivers.append(peer);
            }
        }

        // 2. Seen only from outside (an Exchange Online trace): the organisation's receive sessions
        //    whose handshake failed in the finding's time window, with a certificate that does not
        //    carry the name the sender asked for. When the trace names the host it tried
        //    (LastAttemptedServerName / LastAttemptedIP) and the logs tell which server listens on
        //    that address or announces that name, only that server's sessions; else those whose
        //    client was Exchange Online; else all of them.
        const bool onlyOutside = std::none_of(f.servers.cbegin(), f.servers.cend(),
                                              [&](const QString &server) { return org.contains(server.toLower()); });
        QString expected = f.parameters.value(QStringLiteral("Fqdn"));
        bool expectedIsName = expected.contains(u'.') && !expected.contains(u' ');
        if (tlsRule(f.rule) && receivers.isEmpty() && onlyOutside) {
            const Attempted attempted = attemptedHosts(f, store, org);
            if (!expectedIsName && !attempted.names.isEmpty()) {
                // The name Exchange Online connected to is the one the certificate must carry.
                expected = attempted.names.first();
                expectedIsName = true;
                f.parameters.insert(QStringLiteral("Fqdn"), expected);
            }
            const QString triedServer = attempted.isEmpty() ? QString() : attempted.resolve(organisationNames());
            QList<const Session *> tried, fromCloud, any;
            if (f.firstMs != kNoTime) {
                const qint64 from = f.firstMs - kTraceWindowMs;
                const qint64 to = (f.lastMs != kNoTime ? f.lastMs : f.firstMs) + kTraceWindowMs;
                for (const Session &s : sessions) {
                    if (s.direction != Direction::Receive || s.tlsFailure.isEmpty() || s.startMs == kNoTime || s.startMs < from
                        || s.startMs > to || !org.contains(s.server.toLower()))
                        continue;
                    const Certificate *cert = presentedCertificate(s);
                    // With a name to check, a certificate that carries it is not the culprit.
                    if (expectedIsName && cert && (!cert->subject.isEmpty() || !cert->alternateNames.isEmpty())
                        && cert->coversName(expected))
                        continue;
                    if (triedServer.isEmpty() ? attempted.matches(s) : s.server.compare(triedServer, Qt::CaseInsensitive) == 0)
                        tried.append(&s);
                    else if (clientIsExchangeOnline(s))
                        fromCloud.append(&s);
                    any.append(&s);
                }
            }
            const QList<const Session *> &chosen = (!tried.isEmpty() || !triedServer.isEmpty()) ? tried : !fromCloud.isEmpty() ? fromCloud : any;
            for (const Session *s : chosen) {
                addSession(f, *s);
                receivers.append(s);
            }
            if (receivers.isEmpty() && !triedServer.isEmpty()) {
                // No failed handshake of that server in the window (its log rolled over, or the
                // connector does not log): the server the trace names is still the one to change.
                f.parameters.insert(QStringLiteral("Server"), triedServer);
                f.parameters.remove(QStringLiteral("Connector"));
                if (!f.servers.contains(triedServer, Qt::CaseInsensitive))
                    f.servers.append(triedServer);
            }
        }

        if (faultOnReceivingSide(f.rule) && !receivers.isEmpty()) {
            nameReceiver(f, receivers);
            if (tlsRule(f.rule)) {
                for (const Session *s : std::as_const(receivers)) {
                    if (const Certificate *cert = presentedCertificate(*s)) {
                        if (!cert->thumbprint.isEmpty()) {
                            f.parameters.insert(QStringLiteral("Thumbprint"), cert->thumbprint);
                            break;
                        }
                    }
                }
            }
        }
        // Never a server outside the organisation as the machine to change.
        const QString server = f.parameters.value(QStringLiteral("Server"));
        if (!server.isEmpty() && !org.contains(server.toLower())) {
            // Its connector is that outside party's too (an Exchange Online connector name).
            f.parameters.remove(QStringLiteral("Server"));
            f.parameters.remove(QStringLiteral("Connector"));
        }
        if (std::any_of(f.servers.cbegin(), f.servers.cend(), [&](const QString &s) { return org.contains(s.toLower()); }))
            f.servers.removeIf([&](const QString &s) { return !org.contains(s.toLower()); });
        if (f.parameters.value(QStringLiteral("Server")).isEmpty() && !receivers.isEmpty() && f.rule != QLatin1String("exchange-auth-failed"))
            nameReceiver(f, receivers);
    }
    groupByFault(findings, store, org, organisationNames);
    mergeSameFault(findings);
}

} // namespace mwb
