#include "model/core/smtp/tlsinspect.h"
#include "model/core/common/hostnames.h"

#include <QHostAddress>
#include <QJsonArray>

namespace mwb::smtp {
namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3: return QStringLiteral("TLS 1.3");
    case QSsl::TlsV1_2: return QStringLiteral("TLS 1.2");
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
    case QSsl::TlsV1_1: return QStringLiteral("TLS 1.1");
    case QSsl::TlsV1_0: return QStringLiteral("TLS 1.0");
QT_WARNING_POP
    default: return QStringLiteral("unknown");
    }
}

QJsonObject presentedCertificateJson(const Certificate &c)
{
    const CertificateKey key = c.key();
    return QJsonObject{
        {QStringLiteral("subject"), c.subject},
        {QStringLiteral("issuer"), c.issuer},
        {QStringLiteral("alternateNames"), QJsonArray::fromStringList(c.alternateNames)},
        {QStringLiteral("notBefore"), iso(c.notBefore())},
        {QStringLiteral("notAfter"), iso(c.notAfter())},
        {QStringLiteral("keyType"), key.type},
        {QStringLiteral("keyBits"), key.bits},
        {QStringLiteral("signatureAlgorithm"), c.signatureAlgorithm()},
        {QStringLiteral("serialNumber"), c.serial},
        {QStringLiteral("thumbprint"), c.thumbprint},
        {QStringLiteral("sha256"), c.sha256()},
        {QStringLiteral("selfSigned"), c.selfSigned},
        {QStringLiteral("tlsCertificateName"), c.tlsCertificateName()},
    };
}

QJsonObject NameCheck::toJson() const
{
    return QJsonObject{
        {QStringLiteral("expected"), expected},
        {QStringLiteral("checked"), checked},
        {QStringLiteral("matches"), matches},
        {QStringLiteral("matchedBy"), matchedBy},
        {QStringLiteral("explanation"), explanation},
    };
}

QJsonObject TlsInfo::toJson() const
{
    QJsonArray certs;
    for (const Certificate &c : chain)
        certs.append(presentedCertificateJson(c));
    return QJsonObject{
        {QStringLiteral("established"), established},
        {QStringLiteral("protocol"), protocol},
        {QStringLiteral("cipher"), cipher},
        {QStringLiteral("cipherBits"), cipherBits},
        {QStringLiteral("chain"), certs},
        {QStringLiteral("verified"), verified},
        {QStringLiteral("verification"), verificationSummary},
        {QStringLiteral("verificationErrors"), QJsonArray::fromStringList(verificationErrors)},
        {QStringLiteral("nameCheck"), nameCheck.toJson()},
    };
}

NameCheck checkName(const Certificate &leaf, const QString &expectedFqdn)
{
    NameCheck check;
    check.expected = expectedFqdn.trimmed();
    if (check.expected.isEmpty()) {
        check.explanation = QStringLiteral("No expected name given; the name was not checked.");
        return check;
    }
    check.checked = true;
    const QHostAddress asIp(check.expected);
    bool hasDnsSan = false;
    for (const QString &san : leaf.alternateNames)
        hasDnsSan = hasDnsSan || QHostAddress(san).isNull();
    const QString commonName = leaf.commonName();
    const CertificateNameMatch match = leaf.matchName(check.expected);
    check.matches = match.matches;
    check.matchedBy = match.matchedBy;
    const QString names = leaf.alternateNames.isEmpty()
                              ? QStringLiteral("CN=") + commonName
                              : leaf.alternateNames.join(QStringLiteral(", "));
    if (check.matches) {
        check.explanation = QStringLiteral("The certificate is valid for %1 (matched by %2).")
                                .arg(check.expected, check.matchedBy);
        if (match.viaCommonName)
            check.explanation += QStringLiteral(" The certificate has no DNS SAN: only its subject CN names the host. "
                                                "Exchange accepts that, but RFC 9525 clients (browsers, many MTAs) do not.");
    } else {
        check.explanation =
            QStringLiteral("SubjectMismatch: the certificate does not cover %1; it names only %2. "
                           "A sender that checks the name (Exchange with TlsAuthLevel DomainValidation or "
                           "CertificateValidation, Exchange Online, a smart host) refuses this TLS session "
                           "and queues the mail (4.4.317 / 4.7.320). Put %1 into the certificate's SANs, "
                           "or make the connector's FQDN/TlsCertificateName point at a certificate that has it.")
                .arg(check.expected, names);
        if (!hasDnsSan && !commonName.isEmpty() && asIp.isNull()
            && !hostnames::matchesPattern(check.expected, commonName))
            check.explanation += QStringLiteral(" (The certificate has no DNS SAN; its CN does not match either.)");
        else if (hasDnsSan && hostnames::matchesPattern(check.expected, commonName))
            check.explanation += QStringLiteral(" The subject CN matches, but clients ignore the CN when "
                                                "the certificate has DNS SANs (RFC 6125).");
    }
    return check;
}

QString describeSslError(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
        return QStringLiteral("The certificate is self-signed: nobody vouches for it, so other servers will not trust it.");
    case QSslError::SelfSignedCertificateInChain:
        return QStringLiteral("The chain ends in a self-signed root that is not in the trusted store.");
    case QSslError::CertificateExpired:
        return QStringLiteral("The certificate has expired.");
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("The certificate is not valid yet (check the server's clock).");
    case QSslError::HostNameMismatch:
        return QStringLiteral("The certificate names do not match the host name (SubjectMismatch).");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
        return QStringLiteral("The issuing CA is unknown: the server does not send the intermediate certificate, "
                              "or the root is not trusted here.");
    case QSslError::UnableToVerifyFirstCertificate:
        return QStringLiteral("The first certificate could not be verified (intermediate missing).");
    case QSslError::CertificateRevoked:
        return QStringLiteral("The certificate was revoked.");
    case QSslError::CertificateUntrusted:
        return QStringLiteral("The root CA is not trusted for this purpose.");
    case QSslError::InvalidPurpose:
        return QStringLiteral("The certificate may not be used for server authentication.");
    case QSslError::NoPeerCertificate:
        return QStringLiteral("The server sent no certificate.");
    default:
        return error.errorString();
    }
}

} // namespace mwb::smtp
