#pragma once
// What an admin needs to know about a TLS session and its certificates, in plain words, and the
// values Exchange wants (upper-case SHA-1 thumbprint, TlsCertificateName "<I>issuer<S>subject").
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace mwb::smtp {

struct CertificateInfo {
    QString subject;               // "CN=mail.contoso.com, O=Contoso" (RFC 4514 order as Qt prints)
    QString issuer;
    QString subjectCommonName;
    QStringList subjectAlternativeNames;  // DNS names and IP addresses
    QDateTime notBefore;
    QDateTime notAfter;
    QString keyType;               // RSA, EC, DSA, DH
    int keyBits = 0;
    QString signatureAlgorithm;    // sha256WithRSAEncryption
    QString serialNumber;
    QString sha1Thumbprint;        // 40 upper-case hex digits, the Exchange form
    QString sha256;                // 64 upper-case hex digits
    bool selfSigned = false;
    QByteArray der;                // the certificate, DER (TLSA selector 0); not in toJson()
    QByteArray publicKeyDer;       // its SubjectPublicKeyInfo, DER (TLSA selector 1); not in toJson()

    static CertificateInfo from(const QSslCertificate &certificate);
    // Exchange's TlsCertificateName: "<I>" + issuer + "<S>" + subject, both in X.500 order as
    // Get-ExchangeCertificate prints them (most specific first: CN=..., O=..., C=...).
    QString tlsCertificateName() const;
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    bool isNotYetValid(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    QJsonObject toJson() const;
};

struct NameCheck {
    QString expected;              // the FQDN the admin expects
    bool checked = false;          // false when no name was given
    bool matches = false;
    QString matchedBy;             // "SAN DNS:*.contoso.com" or "subject CN"
    QString explanation;           // plain words, SubjectMismatch explained on failure
    QJsonObject toJson() const;
};

struct TlsInfo {
    bool established = false;
    QString protocol;              // "TLS 1.3"
    QString cipher;                // "TLS_AES_256_GCM_SHA384"
    int cipherBits = 0;
    QList<CertificateInfo> chain;  // leaf first
    QStringList verificationErrors;  // plain words, empty when the chain verified
    bool verified = false;
    QString verificationSummary;   // one sentence
    NameCheck nameCheck;
    QJsonObject toJson() const;
};

// RFC 9525 host name matching: hostnames::matchesPattern, the product's one matcher.
bool hostNameMatchesPattern(const QString &hostName, const QString &pattern);
// Checks SANs (DNS and IP); the subject CN only when the certificate has no DNS SAN, and says so
// (hostnames::matchCertificateNames).
NameCheck checkName(const CertificateInfo &leaf, const QString &expectedFqdn);
// Plain-words text for a verification error.
QString describeSslError(const QSslError &error);
QString protocolName(QSsl::SslProtocol protocol);

} // namespace mwb::smtp
