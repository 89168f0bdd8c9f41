#include "model/core/configuration/routing.h"

#include "model/core/common/hostnames.h"
#include "model/core/configuration/certificatechecks.h"

#include <QJsonArray>

#include <algorithm>

namespace mwb::config {

namespace {

bool sameServer(const QString &a, const QString &b)
{
    if (a.compare(b, Qt::CaseInsensitive) == 0)
        return true;
    // EX01 and ex01.contoso.com are the same machine.
    return a.section(u'.', 0, 0).compare(b.section(u'.', 0, 0), Qt::CaseInsensitive) == 0;
}

QString serverFqdn(const Configuration &c, const QString &server)
{
    const ExchangeServer *s = c.server(server);
    if (s && !s->fqdn.isEmpty())
        return s->fqdn;
    return server;
}

// Which transport service listens on a port of a Mailbox server (receive connectors page: the
// Front End Transport service on 25, 587 and 717, the Transport service on 2525 and 465).
QString serviceForPort(int port)
{
    switch (port) {
    case 25:
    case 587:
    case 717:
        return QStringLiteral("FrontendTransport");
    case 2525:
    case 465:
        return QStringLiteral("HubTransport");
    default:
        return {};
    }
}

// How closely an SMTP address space covers a domain: -1 no match; the more labels it pins down,
// the higher; an exact name above a wildcard of the same length. "*.contoso.com" covers
// contoso.com and every subdomain (SmtpDomainWithSubdomains); "*" covers everything.
int addressSpaceScore(const AddressSpace &a, const QString &domain)
{
    if (a.type.compare(QLatin1String("SMTP"), Qt::CaseInsensitive) != 0)
        return -1;
    const QString d = domain.toLower();
    if (a.domain == u"*")
        return 0;
    if (a.domain.startsWith(QLatin1String("*."))) {
        const QString suffix = a.domain.mid(2);
        if (d == suffix || d.endsWith(u'.' + suffix))
            return 2 * int(suffix.count(u'.') + 1);
        return -1;
    }
    if (d == a.domain)
        return 2 * int(a.domain.count(u'.') + 1) + 1;
    return -1;
}

QString certificateLabel(const Certificate &k)
{
    return QStringLiteral("%1 (%2, valid until %3)").arg(k.thumbprint, k.subject, k.notAfterMs != kNoTime ? k.notAfter().toString(Qt::ISODate) : QStringLiteral("?"));
}

} // namespace

CertificateChoice selectCertificate(const Configuration &c, const QString &server, const QString &tlsCertificateName,
                                    const QString &fqdn, const QDateTime &now)
{
    CertificateChoice choice;
    QList<const Certificate *> onServer;
    for (const Certificate &k : c.certificates)
        if (server.isEmpty() || sameServer(k.server, server))
            onServer.append(&k);
    if (!tlsCertificateName.isEmpty()) {
        choice.rule = QStringLiteral("tls-certificate-name");
        choice.name = tlsCertificateName;
        for (const Certificate *k : onServer) {
            if (matchesTlsCertificateName(*k, tlsCertificateName) && k->isValidAt(now)) {
                if (!choice.certificate || k->notBeforeMs > choice.certificate->notBeforeMs)
                    choice.certificate = k;
            }
        }
        choice.found = choice.certificate != nullptr;
        choice.detail = choice.found ? QStringLiteral("TlsCertificateName names %1").arg(certificateLabel(*choice.certificate))
                                     : QStringLiteral("no valid certificate on %1 has the issuer and subject of TlsCertificateName: STARTTLS fails (454 4.7.5 / 4.7.5)")
                                           .arg(server);
        return choice;
    }
    choice.rule = QStringLiteral("fqdn-match");
    choice.name = fqdn;
    QList<const Certificate *> candidates;
    for (const Certificate *k : onServer) {
        if (!k->enabledForSmtp() || !k->isValidAt(now))
            continue;
        // Exchange picks the STARTTLS certificate by the connector FQDN against the certificate's
        // names, its subject CN included (Certificate::matchName says when only the CN matched).
        if (k->coversName(fqdn))
            candidates.append(k);
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Certificate *a, const Certificate *b) {
        if (a->selfSigned != b->selfSigned)
            return !a->selfSigned;   // a CA-issued certificate before a self-signed one
        return a->notBeforeMs > b->notBeforeMs;   // then the most recent
    });
    if (candidates.isEmpty()) {
        choice.detail = QStringLiteral("no valid certificate enabled for SMTP on %1 carries %2: STARTTLS is not offered or falls back to another certificate")
                            .arg(server, fqdn);
        return choice;
    }
    choice.found = true;
    choice.certificate = candidates.first();
    choice.detail = QStringLiteral("%1 of the %2 certificate(s) of %3 are enabled for SMTP, valid and carry %4 (CA-issued before self-signed, then the most recent); chosen: %5")
                        .arg(candidates.size())
                        .arg(onServer.size())
                        .arg(server, fqdn, certificateLabel(*choice.certificate));
    return choice;
}

RouteAnswer selectReceiveConnector(const Configuration &c, const QString &server, const QHostAddress &remote, int port, const QDateTime &now)
{
    RouteAnswer a;
    a.reference = QString::fromLatin1(kReceiveConnectorsReference);
    if (port <= 0)
        port = 25;
    a.question = QStringLiteral("receive from %1 on port %2 of %3").arg(remote.toString()).arg(port).arg(server);
    QList<const ReceiveConnector *> list;
    for (const ReceiveConnector &r : c.receiveConnectors)
        if (sameServer(r.server, server))
            list.append(&r);
    if (list.isEmpty()) {
        a.problem = QStringLiteral("the configuration has no receive connector of server %1").arg(server);
        return a;
    }
    const ExchangeServer *info = c.server(server);
    const bool edge = info && info->edge;
    const QString service = edge ? QString() : serviceForPort(port);
    // 1. The connector must be enabled and listen on the port.
    QList<const ReceiveConnector *> bound;
    for (const ReceiveConnector *r : list) {
        if (!r->enabled)
            continue;
        if (!service.isEmpty() && r->transportRole.compare(service, Qt::CaseInsensitive) != 0)
            continue;
        if (std::any_of(r->bindings.begin(), r->bindings.end(), [&](const Binding &b) { return b.port == port; }))
            bound.append(r);
    }
    a.steps.append({QStringLiteral("binding-port"),
                    QStringLiteral("%1 of %2 connectors on %3 are enabled and bound to port %4%5")
                        .arg(bound.size())
                        .arg(list.size())
                        .arg(server)
                        .arg(port)
                        .arg(service.isEmpty() ? QString() : QStringLiteral(" (the %1 service owns it)").arg(service))});
    // 2. The remote address must be in RemoteIPRanges; the most specific range wins.
    struct Match {
        const ReceiveConnector *connector;
        std::pair<quint64, quint64> span;
        QString range;
        bool specificBinding;
    };
    QList<Match> matches;
    for (const ReceiveConnector *r : bound) {
        Match best{r, {~quint64(0), ~quint64(0)}, QString(), false};
        bool any = false;
        for (const IpRange &range : r->remoteIpRanges) {
            if (!range.contains(remote))
                continue;
            if (!any || range.span() < best.span) {
                best.span = range.span();
                best.range = range.text;
            }
            any = true;
        }
        if (!any)
            continue;
        best.specificBinding = std::any_of(r->bindings.begin(), r->bindings.end(), [&](const Binding &b) { return b.port == port && !b.anyAddress; });
        matches.append(best);
    }
    for (const Match &m : matches)
        a.candidates.append(QStringLiteral("%1 (RemoteIPRanges %2)").arg(m.connector->identity, m.range));
    if (matches.isEmpty()) {
        a.steps.append({QStringLiteral("remote-ip-range"), QStringLiteral("no bound connector lists %1 in RemoteIPRanges").arg(remote.toString())});
        a.problem = QStringLiteral("no receive connector on %1 accepts %2 on port %3: the connection is refused").arg(server, remote.toString()).arg(port);
        return a;
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match &x, const Match &y) {
        if (x.span != y.span)
            return x.span < y.span;
        if (x.specificBinding != y.specificBinding)
            return x.specificBinding;
        return x.connector->identity.compare(y.connector->identity, Qt::CaseInsensitive) < 0;
    });
    const Match &win = matches.first();
    a.found = true;
    a.connector = win.connector->identity;
    if (matches.size() == 1) {
        a.rule = QStringLiteral("remote-ip-range");
        a.steps.append({a.rule, QStringLiteral("only %1 lists %2 (in %3)").arg(win.connector->identity, remote.toString(), win.range)});
    } else if (matches.at(1).span != win.span) {
        a.rule = QStringLiteral("remote-ip-most-specific");
        a.steps.append({a.rule, QStringLiteral("%1 connectors list %2; the most specific remote range wins: %3 of %4")
                                    .arg(matches.size())
                                    .arg(remote.toString(), win.range, win.connector->identity)});
    } else if (win.specificBinding && !matches.at(1).specificBinding) {
        a.rule = QStringLiteral("binding-ip-specific");
        a.steps.append({a.rule, QStringLiteral("equal remote ranges; a binding to a specific local IP wins over 0.0.0.0 / [::]: %1 (when the client connects to that IP)")
                                    .arg(win.connector->identity)});
    } else {
        a.rule = QStringLiteral("ambiguous");
        a.steps.append({a.rule, QStringLiteral("%1 and %2 have the same bindings and remote range: Exchange does not allow this combination; the answer is a guess")
                                    .arg(win.connector->identity, matches.at(1).connector->identity)});
    }
    const QString fqdn = win.connector->fqdn.isEmpty() ? serverFqdn(c, server) : win.connector->fqdn;
    if (win.connector->authMechanism.contains(QStringLiteral("Tls"), Qt::CaseInsensitive))
        a.certificate = selectCertificate(c, server, win.connector->tlsCertificateName, fqdn, now);
    else
        a.certificate.detail = QStringLiteral("AuthMechanism has no Tls: STARTTLS is not offered on this connector");
    return a;
}

RouteAnswer selectSendConnector(const Configuration &c, const QString &domain, const QString &server, qint64 messageBytes, const QDateTime &now)
{
    RouteAnswer a;
    a.reference = QString::fromLatin1(kSendConnectorSelectionReference);
    a.question = server.isEmpty() ? QStringLiteral("send to %1").arg(domain) : QStringLiteral("send to %1 from %2").arg(domain, server);
    if (c.sendConnectors.isEmpty()) {
        a.problem = QStringLiteral("the configuration has no send connector");
        return a;
    }
    // 1. Connectors that cannot take the message are left out: disabled, out of scope, too small.
    QList<const SendConnector *> usable;
    QStringList removed;
    QStringList tooSmall;
    const ExchangeServer *from = server.isEmpty() ? nullptr : c.server(server);
    for (const SendConnector &s : c.sendConnectors) {
        if (!s.enabled) {
            removed.append(s.name + QStringLiteral(": disabled"));
            continue;
        }
        if (messageBytes >= 0 && s.maxMessageSize >= 0 && messageBytes > s.maxMessageSize) {
            removed.append(QStringLiteral("%1: MaxMessageSize %2 bytes").arg(s.name).arg(s.maxMessageSize));
            tooSmall.append(QStringLiteral("%1 (MaxMessageSize %2 bytes)").arg(s.name).arg(s.maxMessageSize));
            continue;
        }
        if (s.isScopedConnector && from && !from->site.isEmpty()) {
            // A scoped connector serves only servers in the Active Directory site of its source servers.
            bool sameSite = false;
            for (const QString &src : s.sourceTransportServers) {
                const ExchangeServer *srcInfo = c.server(src);
                sameSite = sameSite || (srcInfo && srcInfo->site == from->site);
            }
            if (!sameSite) {
                removed.append(s.name + QStringLiteral(": scoped to another Active Directory site"));
                continue;
            }
        }
        usable.append(&s);
    }
    // The size rule on its own line, so that `mwb route --size` names what it did.
    if (messageBytes >= 0)
        a.steps.append({QStringLiteral("message-size"),
                        tooSmall.isEmpty() ? QStringLiteral("a message of %1 bytes fits every enabled connector's MaxMessageSize").arg(messageBytes)
                                           : QStringLiteral("a message of %1 bytes is too large for %2").arg(messageBytes).arg(tooSmall.join(QStringLiteral("; ")))});
    a.steps.append({QStringLiteral("usable"), removed.isEmpty() ? QStringLiteral("all %1 connectors are enabled and in scope").arg(usable.size())
                                                                 : QStringLiteral("left out: %1").arg(removed.join(QStringLiteral("; ")))});
    // 2. The most specific address space that covers the domain.
    struct Match {
        const SendConnector *connector;
        int score;
        int cost;
        QString space;
        bool local;
    };
    QList<Match> matches;
    for (const SendConnector *s : usable) {
        Match best{s, -1, 0, QString(), false};
        for (const AddressSpace &space : s->addressSpaces) {
            const int score = addressSpaceScore(space, domain);
            if (score > best.score || (score == best.score && score >= 0 && space.cost < best.cost)) {
                best.score = score;
                best.cost = space.cost;
                best.space = space.text;
            }
        }
        if (best.score < 0)
            continue;
        for (const QString &src : s->sourceTransportServers)
            best.local = best.local || (!server.isEmpty() && sameServer(src, server));
        matches.append(best);
    }
    if (matches.isEmpty()) {
        a.steps.append({QStringLiteral("address-space"), QStringLiteral("no usable connector's address space covers %1").arg(domain)});
        a.problem = QStringLiteral("no send connector covers %1: messages to it wait in the Unreachable queue (no-matching-connector)").arg(domain);
        return a;
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match &x, const Match &y) {
        if (x.score != y.score)
            return x.score > y.score;
        if (x.cost != y.cost)
            return x.cost < y.cost;
        if (x.local != y.local)
            return x.local;
        return x.connector->name.compare(y.connector->name, Qt::CaseInsensitive) < 0;
    });
    for (const Match &m : matches)
        a.candidates.append(QStringLiteral("%1 (%2)").arg(m.connector->name, m.space));
    const Match &win = matches.first();
    a.found = true;
    a.connector = win.connector->identity;
    const Match *next = matches.size() > 1 ? &matches.at(1) : nullptr;
    if (!next) {
        a.rule = QStringLiteral("address-space");
        a.steps.append({a.rule, QStringLiteral("only %1 covers %2 (%3)").arg(win.connector->name, domain, win.space)});
    } else if (next->score != win.score) {
        a.rule = QStringLiteral("address-space-most-specific");
        a.steps.append({a.rule, QStringLiteral("the most specific address space wins: %1 (%2) over %3 (%4)")
                                    .arg(win.connector->name, win.space, next->connector->name, next->space)});
    } else if (next->cost != win.cost) {
        a.rule = QStringLiteral("lowest-cost");
        a.steps.append({a.rule, QStringLiteral("equally specific; the lowest cost wins: %1 (cost %2) over %3 (cost %4); Active Directory site link costs are not in the collection and are taken as equal")
                                    .arg(win.connector->name)
                                    .arg(win.cost)
                                    .arg(next->connector->name)
                                    .arg(next->cost)});
    } else if (win.local != next->local) {
        a.rule = QStringLiteral("proximity-local-server");
        a.steps.append({a.rule, QStringLiteral("equal cost; a connector whose source servers include %1 wins: %2").arg(server, win.connector->name)});
    } else {
        a.rule = QStringLiteral("alphanumeric-name");
        a.steps.append({a.rule, QStringLiteral("equal in every other way; the name first in alphanumeric order wins: %1 before %2")
                                    .arg(win.connector->name, next->connector->name)});
    }
    // Outbound STARTTLS certificate: the connector's TlsCertificateName, else its Fqdn / the server's FQDN.
    const QString source = !server.isEmpty() ? server : win.connector->sourceTransportServers.value(0);
    if (!source.isEmpty()) {
        const QString fqdn = win.connector->fqdn.isEmpty() ? serverFqdn(c, source) : win.connector->fqdn;
        a.certificate = selectCertificate(c, source, win.connector->tlsCertificateName, fqdn, now);
    }
    return a;
}

QJsonObject routeAnswerToJson(const RouteAnswer &a)
{
    QJsonArray steps;
    for (const RouteStep &s : a.steps)
        steps.append(QJsonObject{{QStringLiteral("rule"), s.rule}, {QStringLiteral("detail"), s.detail}});
    QJsonObject o{{QStringLiteral("question"), a.question},
                  {QStringLiteral("found"), a.found},
                  {QStringLiteral("connector"), a.found ? QJsonValue(a.connector) : QJsonValue()},
                  {QStringLiteral("rule"), a.rule},
                  {QStringLiteral("reference"), a.reference},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("candidates"), QJsonArray::fromStringList(a.candidates)}};
    if (!a.problem.isEmpty())
        o.insert(QStringLiteral("problem"), a.problem);
    QJsonObject cert{{QStringLiteral("rule"), a.certificate.rule},
                     {QStringLiteral("name"), a.certificate.name},
                     {QStringLiteral("found"), a.certificate.found},
                     {QStringLiteral("detail"), a.certificate.detail},
                     {QStringLiteral("reference"), a.certificate.reference}};
    if (a.certificate.certificate) {
        const Certificate &k = *a.certificate.certificate;
        cert.insert(QStringLiteral("thumbprint"), k.thumbprint);
        cert.insert(QStringLiteral("subject"), k.subject);
        cert.insert(QStringLiteral("issuer"), k.issuer);
        cert.insert(QStringLiteral("notAfter"), k.notAfterMs != kNoTime ? QJsonValue(k.notAfter().toString(Qt::ISODateWithMs)) : QJsonValue());
    }
    o.insert(QStringLiteral("certificate"), cert);
    return o;
}

} // namespace mwb::config
