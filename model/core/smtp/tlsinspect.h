#pragma once
// What an admin needs to know about a TLS session and its certificates, in plain words, and the
// values Exchange wants (upper-case SHA-1 thumbprint, TlsCertificateName "<I>issuer<S>subject").
#include "model/core/common/certificate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace mwb::smtp {

// A live certificate as `mwb probe --json` and the domain check print it (the contract's field
// names: serialNumber, thumbprint, sha256, keyType, keyBits, signatureAlgorithm, tlsCertificateName).
QJsonObject presentedCertificateJson(const Certificate &certificate);

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
    QList<Certificate> chain;      // leaf first (Certificate::fromQSslCertificate)
    QStringList verificationErrors;  // plain words, empty when the chain verified
    bool verified = false;
    QString verificationSummary;   // one sentence
    NameCheck nameCheck;
    QJsonObject toJson() const;
};

// The name check in plain words, decided by Certificate::matchName (SANs; the subject CN only
// when the certificate has no DNS SAN, and then it says so).
NameCheck checkName(const Certificate &leaf, const QString &expectedFqdn);
// Plain-words text for a verification error.
QString describeSslError(const QSslError &error);
QString protocolName(QSsl::SslProtocol protocol);

} // namespace mwb::smtp
