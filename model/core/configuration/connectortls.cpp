#include "model/core/configuration/connectortls.h"

#include "model/core/common/certificate.h"

#include "model/core/common/hostnames.h"

namespace mwb::config {

TlsAuthLevel tlsAuthLevelOf(const SendConnector &s)
{
    const QString level = s.tlsAuthLevel.trimmed();
    if (level.compare(QLatin1String("EncryptionOnly"), Qt::CaseInsensitive) == 0)
        return TlsAuthLevel::EncryptionOnly;
    if (level.compare(QLatin1String("CertificateValidation"), Qt::CaseInsensitive) == 0)
        return TlsAuthLevel::CertificateValidation;
    if (level.compare(QLatin1String("DomainValidation"), Qt::CaseInsensitive) == 0)
        return TlsAuthLevel::DomainValidation;
    return TlsAuthLevel::NotSet;
}

const SendConnector *sendConnectorNamed(const Configuration &c, const QString &connectorId)
{
    // A trailing space inside the logged name occurs (log-format facts).
    const QString id = connectorId.trimmed();
    if (id.isEmpty())
        return nullptr;
    for (const SendConnector &s : c.sendConnectors)
        if (s.name.trimmed().compare(id, Qt::CaseInsensitive) == 0 || s.identity.trimmed().compare(id, Qt::CaseInsensitive) == 0)
            return &s;
    return nullptr;
}

const ReceiveConnector *receiveConnectorNamed(const Configuration &c, const QString &server, const QString &connectorId)
{
    const QString id = connectorId.trimmed();
    if (id.isEmpty())
        return nullptr;
    const QString host = server.section(u'.', 0, 0);
    for (const ReceiveConnector &r : c.receiveConnectors) {
        if (r.identity.compare(id, Qt::CaseInsensitive) == 0)
            return &r;
        if (!id.contains(u'\\') && r.name.compare(id, Qt::CaseInsensitive) == 0
            && r.server.section(u'.', 0, 0).compare(host, Qt::CaseInsensitive) == 0)
            return &r;
    }
    return nullptr;
}

QString domainToValidate(const SendConnector &s, const QString &recipientDomain, bool *missingTlsDomain)
{
    if (missingTlsDomain)
        *missingTlsDomain = false;
    if (!s.tlsDomain.trimmed().isEmpty())
        return s.tlsDomain.trimmed();
    if (s.dnsRoutingEnabled)
        return recipientDomain.trimmed();
    if (missingTlsDomain)
        *missingTlsDomain = true;
    return {};
}

bool certificateSatisfiesTlsDomain(const QStringList &alternateNames, const QString &subject, const QString &domain)
{
    Certificate presented;
    presented.alternateNames = alternateNames;
    presented.subject = subject;
    if (!domain.startsWith(QLatin1String("*.")))
        return presented.coversName(domain);   // the one name matcher (common/certificate.h)
    const QString cn = presented.commonName();
    const QString parent = domain.mid(2).toLower();
    QStringList names = alternateNames;
    if (names.isEmpty() && !cn.isEmpty())
        names << cn;
    for (QString n : std::as_const(names)) {
        n = n.trimmed().toLower();
        if (n.startsWith(QLatin1String("dns:")))
            n = n.mid(4);
        if (n.startsWith(QLatin1String("*.")))
            n = n.mid(2);
        if (n == parent || n.endsWith(u'.' + parent))
            return true;
    }
    return false;
}

QString describeTlsSettings(const SendConnector &s)
{
    QStringList parts;
    parts << QStringLiteral("RequireTLS %1").arg(s.requireTls ? QStringLiteral("$true") : QStringLiteral("$false"));
    if (!s.tlsAuthLevel.isEmpty())
        parts << QStringLiteral("TlsAuthLevel %1").arg(s.tlsAuthLevel);
    parts << (s.tlsDomain.isEmpty() ? QStringLiteral("no TlsDomain") : QStringLiteral("TlsDomain %1").arg(s.tlsDomain));
    if (!s.dnsRoutingEnabled)
        parts << QStringLiteral("smart hosts %1").arg(s.smartHosts.join(QLatin1Char(',')));
    return QStringLiteral("%1: %2").arg(s.name, parts.join(QLatin1String(", ")));
}

QString describeTlsSettings(const ReceiveConnector &r)
{
    return QStringLiteral("%1: RequireTLS %2, AuthMechanism %3").arg(r.identity, r.requireTls ? QStringLiteral("$true") : QStringLiteral("$false"),
                                                                    r.authMechanism.join(QLatin1String(", ")));
}

} // namespace mwb::config
