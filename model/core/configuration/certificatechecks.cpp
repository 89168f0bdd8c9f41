#include "model/core/configuration/certificatechecks.h"

#include "model/core/common/hostnames.h"

#include <QSet>

namespace mwb::config {

namespace {

QString serverKey(const QString &name)
{
    return name.section(u'.', 0, 0).toLower();
}

} // namespace

bool matchesTlsCertificateName(const Certificate &k, const QString &tlsCertificateName)
{
    const qsizetype s = tlsCertificateName.indexOf(QLatin1String("<S>"), 0, Qt::CaseInsensitive);
    if (!tlsCertificateName.startsWith(QLatin1String("<I>"), Qt::CaseInsensitive) || s < 0)
        return false;
    auto norm = [](QString t) { return t.remove(u' ').toLower(); };
    return norm(tlsCertificateName.mid(3, s - 3)) == norm(k.issuer) && norm(tlsCertificateName.mid(s + 3)) == norm(k.subject);
}

const Certificate *replacementCertificate(const Configuration &c, const QString &server, const QString &name, const QDateTime &now,
                                          const QString &except, const QDateTime &notAfterAtLeast)
{
    const Certificate *best = nullptr;
    for (const Certificate &k : c.certificates) {
        if (serverKey(k.server) != serverKey(server) || k.thumbprint.compare(except, Qt::CaseInsensitive) == 0)
            continue;
        if (!k.isValidAt(now))
            continue;
        if (notAfterAtLeast.isValid() && (k.notAfterMs == kNoTime || k.notAfter() <= notAfterAtLeast))
            continue;
        if (!k.coversName(name))
            continue;
        const bool better = !best || (best->selfSigned && !k.selfSigned)
                            || (best->selfSigned == k.selfSigned && k.notBeforeMs > best->notBeforeMs);
        if (better)
            best = &k;
    }
    return best;
}

QString tlsCertificateNameHost(const QString &tlsCertificateName)
{
    const qsizetype s = tlsCertificateName.indexOf(QLatin1String("<S>"), 0, Qt::CaseInsensitive);
    return s < 0 ? QString() : hostnames::commonNameOf(tlsCertificateName.mid(s + 3));
}

QList<MissingTlsCertificate> findMissingTlsCertificates(const Configuration &c, const QDateTime &now)
{
    QSet<QString> collected;
    for (const Certificate &k : c.certificates)
        collected.insert(serverKey(k.server));
    auto judge = [&](const QString &server, const QString &connector, bool receive, const QString &name, QList<MissingTlsCertificate> &out) {
        if (name.isEmpty() || server.isEmpty() || !collected.contains(serverKey(server)))
            return;
        QString reason = QStringLiteral("no certificate on %1 has this issuer and subject").arg(server);
        for (const Certificate &k : c.certificates) {
            if (serverKey(k.server) != serverKey(server) || !matchesTlsCertificateName(k, name))
                continue;
            const bool valid = k.isValidAt(now);
            if (valid && k.enabledForSmtp())
                return;   // a usable certificate: fine
            if (valid)
                reason = QStringLiteral("%1 (%2) has it but is not enabled for SMTP").arg(k.thumbprint, server);
            else
                reason = QStringLiteral("%1 (%2) has it but is not valid (until %3)").arg(k.thumbprint, server, k.notAfter().toString(Qt::ISODate));
        }
        out.append({server, connector, receive, name, reason});
    };
    QList<MissingTlsCertificate> out;
    for (const ReceiveConnector &r : c.receiveConnectors)
        if (r.enabled)
            judge(r.server, r.identity, true, r.tlsCertificateName, out);
    for (const SendConnector &s : c.sendConnectors)
        if (s.enabled)
            for (const QString &server : s.sourceTransportServers)
                judge(server, s.name, false, s.tlsCertificateName, out);
    return out;
}

} // namespace mwb::config
