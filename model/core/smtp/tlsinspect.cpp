#include "model/core/smtp/tlsinspect.h"
#include "model/core/common/hostnames.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslKey>
#include <algorithm>

namespace mwb::smtp {
namespace {

// Qt gives subject/issuer attributes one by one; Exchange shows them most specific first,
// comma-separated ("CN=mail.contoso.com, OU=IT, O=Contoso, L=Town, S=State, C=US").
QString distinguishedName(const QSslCertificate &cert, bool issuer)
{
    // Order matching Windows' X500DistinguishedName (reversed DER order for typical certs).
    const QList<QByteArray> attrs = issuer ? cert.issuerInfoAttributes() : cert.subjectInfoAttributes();
    QStringList parts;
    const QList<QByteArray> preferred = {"CN", "OU", "O", "L", "ST", "C", "emailAddress"};
    QList<QByteArray> ordered;
    for (const QByteArray &p : preferred)
        if (attrs.contains(p))
            ordered.append(p);
    for (const QByteArray &a : attrs)
        if (!ordered.contains(a))
            ordered.append(a);
    for (const QByteArray &attr : ordered) {
        const QStringList values = issuer ? cert.issuerInfo(attr) : cert.subjectInfo(attr);
        QString label = QString::fromLatin1(attr);
        if (label == u"ST")
            label = QStringLiteral("S");  // Windows prints state as S=
        else if (label == u"emailAddress")
            label = QStringLiteral("E");
        for (const QString &v : values)
            parts.append(label + u'=' + v);
    }
    return parts.join(QStringLiteral(", "));
}

QString hex(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex()).toUpper();
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

CertificateInfo CertificateInfo::from(const QSslCertificate &cert)
{
    CertificateInfo info;
    info.subject = distinguishedName(cert, false);
    info.issuer = distinguishedName(cert, true);
    info.subjectCommonName = cert.subjectInfo(QSslCertificate::CommonName).value(0);
    // QMultiMap hands back the values of one key newest first; reverse to the certificate's order.
    const auto sans = cert.subjectAlternativeNames();
    for (const QSsl::AlternativeNameEntryType type : {QSsl::DnsEntry, QSsl::IpAddressEntry}) {
        QStringList names = sans.values(type);
        std::reverse(names.begin(), names.end());
        info.subjectAlternativeNames += names;
    }
    info.notBefore = cert.effectiveDate().toUTC();
    info.notAfter = cert.expiryDate().toUTC();
    const QSslKey key = cert.publicKey();
    switch (key.algorithm()) {
    case QSsl::Rsa: info.keyType = QStringLiteral("RSA"); break;
    case QSsl::Ec: info.keyType = QStringLiteral("EC"); break;
    case QSsl::Dsa: info.keyType = QStringLiteral("DSA"); break;
    case QSsl::Dh: info.keyType = QStringLiteral("DH"); break;
    default: info.keyType = QStringLiteral("unknown"); break;
    }
    info.keyBits = key.isNull() ? 0 : key.length();
    // Qt has no accessor for the signature algorithm; OpenSSL's text dump names it.
    static const QRegularExpression sigRe(QStringLiteral("Signature Algorithm:\\s*(\\S+)"));
    const auto m = sigRe.match(cert.toText());
    info.signatureAlgorithm = m.hasMatch() ? m.captured(1) : QString();
    info.serialNumber = QString::fromLatin1(cert.serialNumber()).remove(u':').toUpper();
    info.sha1Thumbprint = hex(cert.digest(QCryptographicHash::Sha1));
    info.sha256 = hex(cert.digest(QCryptographicHash::Sha256));
    info.selfSigned = cert.isSelfSigned();
    info.der = cert.toDer();
    info.publicKeyDer = key.isNull() ? QByteArray() : key.toDer();  // a public QSslKey's DER is the SPKI
    return info;
}

QString CertificateInfo::tlsCertificateName() const
{
    return QStringLiteral("<I>") + issuer + QStringLiteral("<S>") + subject;
}

bool CertificateInfo::isExpired(const QDateTime &now) const
{
    return notAfter.isValid() && now > notAfter;
}

bool CertificateInfo::isNotYetValid(const QDateTime &now) const
{
    return notBefore.isValid() && now < notBefore;
}

static QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject CertificateInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("subject"), subject},
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("alternateNames"), QJsonArray::fromStringList(subjectAlternativeNames)},
        {QStringLiteral("notBefore"), iso(notBefore)},
        {QStringLiteral("notAfter"), iso(notAfter)},
        {QStringLiteral("keyType"), keyType},
        {QStringLiteral("keyBits"), keyBits},
        {QStringLiteral("signatureAlgorithm"), signatureAlgorithm},
        {QStringLiteral("serialNumber"), serialNumber},
        {QStringLiteral("thumbprint"), sha1Thumbprint},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("selfSigned"), selfSigned},
        {QStringLiteral("tlsCertificateName"), tlsCertificateName()},
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
    for (const CertificateInfo &c : chain)
        certs.append(c.toJson());
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

bool hostNameMatchesPattern(const QString &hostName, const QString &pattern)
{
    return hostnames::matchesPattern(hostName, pattern);
}

NameCheck checkName(const CertificateInfo &leaf, const QString &expectedFqdn)
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
    for (const QString &san : leaf.subjectAlternativeNames)
        hasDnsSan = hasDnsSan || QHostAddress(san).isNull();
    const hostnames::NameMatch match = hostnames::matchCertificateNames(leaf.subjectAlternativeNames, leaf.subjectCommonName, check.expected);
    check.matches = match.matches;
    check.matchedBy = match.matchedBy;
    const QString names = leaf.subjectAlternativeNames.isEmpty()
                              ? QStringLiteral("CN=") + leaf.subjectCommonName
                              : leaf.subjectAlternativeNames.join(QStringLiteral(", "));
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
        if (!hasDnsSan && !leaf.subjectCommonName.isEmpty() && asIp.isNull()
            && !hostNameMatchesPattern(check.expected, leaf.subjectCommonName))
            check.explanation += QStringLiteral(" (The certificate has no DNS SAN; its CN does not match either.)");
        else if (hasDnsSan && hostNameMatchesPattern(check.expected, leaf.subjectCommonName))
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
