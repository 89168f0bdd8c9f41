#pragma once
// The product's one certificate (issue #24). What an Exchange protocol log records about a
// certificate (the "Sending certificate" / "Received certificate" lines), what a live handshake
// presents (the SMTP console, `mwb probe`, the domain check) and what Get-ExchangeCertificate
// lists in a collection (the configuration) are all this value, and whether it carries a host
// name is decided in one place: matchName().
#include "model/core/common/recordref.h"
#include "model/core/common/timeutil.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QSslCertificate;

namespace mwb {

// Who presented a certificate in a logged session: Exchange itself ("Sending certificate") or
// its peer ("Received certificate" / "Remote certificate"). Unknown for a live or collected one.
enum class CertificateRole : quint8 { Unknown, Sending, Received };
QString certificateRoleId(CertificateRole role);   // "sending" | "received" | ""

struct CertificateNameMatch {
    bool matches = false;
    QString matchedBy;          // "SAN DNS:*.contoso.com", "SAN IP:192.0.2.1", "subject CN=mail.contoso.com"
    bool viaCommonName = false; // matched only by the subject CN (see Certificate::matchName)
};

struct CertificateKey {
    QString type;               // RSA, EC, DSA, DH, unknown
    int bits = 0;
    QByteArray subjectPublicKeyInfo;   // DER (TLSA selector 1)
};

struct Certificate {
    QString subject;            // X.500, most specific first ("CN=mail.contoso.com, O=Contoso")
    QString issuer;
    QString serial;             // upper-case hex; empty when unknown or only a redaction mark
    QString thumbprint;         // SHA-1, 40 upper-case hex digits (Exchange's form); same rule
    QStringList alternateNames; // subjectAltName DNS names and IP addresses (CertificateDomains)
    qint64 notBeforeMs = kNoTime;
    qint64 notAfterMs = kNoTime;
    RecordRef ref;              // the log line it was read from (logs only)
    CertificateRole role = CertificateRole::Unknown;
    bool selfSigned = false;    // known from a live handshake or Get-ExchangeCertificate
    QByteArray der;             // the certificate itself, from a live handshake only (empty
                                // otherwise); what only it can tell is derived from it below

    // A live handshake's certificate as Exchange names it (subject and issuer in the order
    // Get-ExchangeCertificate prints them, upper-case SHA-1 thumbprint).
    static Certificate fromQSslCertificate(const QSslCertificate &certificate);

    bool isEmpty() const { return subject.isEmpty() && thumbprint.isEmpty(); }
    bool hasNames() const { return !alternateNames.isEmpty() || !commonName().isEmpty(); }
    QString commonName() const;   // the subject's CN= value
    QDateTime notBefore() const;  // invalid when not known
    QDateTime notAfter() const;
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    bool isNotYetValid(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    bool isValidAt(const QDateTime &now) const { return !isExpired(now) && !isNotYetValid(now); }
    // Exchange's TlsCertificateName: "<I>" + issuer + "<S>" + subject.
    QString tlsCertificateName() const;

    // Does the certificate carry `expected` (a host name or an IP address)? The product's one
    // answer, after RFC 9525 (which replaced RFC 6125): subjectAltName entries first (DNS names
    // through hostnames::matchesPattern; IP addresses only against an IP). The subject CN counts
    // only when the certificate has no DNS name in its SANs at all: RFC 9525 clients ignore the
    // CN, but Exchange itself still relies on it (its certificate selection for STARTTLS by the
    // connector FQDN, TlsCertificateName "<I>issuer<S>subject", and the SAN-less self-signed
    // certificates New-ExchangeCertificate makes), so a CN match sets viaCommonName for the
    // caller to say so.
    CertificateNameMatch matchName(const QString &expected) const;
    bool coversName(const QString &expected) const { return matchName(expected).matches; }

    // From der (empty when there is none): the SHA-256 digest in upper-case hex, the public key,
    // the signature algorithm as OpenSSL names it (sha256WithRSAEncryption).
    QString sha256() const;
    CertificateKey key() const;
    QString signatureAlgorithm() const;
};

// A thumbprint / serial number as a log or an export wrote it ("AB CD …", lower case) in Exchange's
// form (upper-case hex without spaces), or empty when it has not the shape of one: redaction marks
// ("xxxxxxxx…", "<redacted>", "***") are no thumbprint and must never reach a script (issue #25).
QString normalizedThumbprint(const QString &text);   // 40 hex digits (SHA-1)
QString normalizedSerial(const QString &text);       // 1 to 64 hex digits

// Reads the certificate lines of one Exchange protocol-log session, one line at a time, into the
// session's certificates: the 2016 CU / 2019 packed line ("Sending certificate Subject Issuer name
// Serial number Thumbprint Not before Not after Subject alternate names" in the context, the values
// space-separated in the data) and the older separate lines ("Received certificate", then
// "Certificate thumbprint", "Certificate subject", … each with its value in the data).
class CertificateLogReader {
public:
    // unannounced: the role of certificate lines that follow no "Sending/Received certificate"
    // line (a Receive log's own certificate, a Send log's peer's).
    explicit CertificateLogReader(CertificateRole unannounced) : m_unannounced(unannounced) {}
    // True when the '*' line (its context and data) was a certificate line and went into `into`.
    bool read(const QString &context, const QString &data, const RecordRef &ref, QList<Certificate> &into);

private:
    CertificateRole m_unannounced;
    qsizetype m_current = -1;   // index into `into` of the certificate the next field lines fill
};

// The packed line's data on its own (exposed for tests).
Certificate parsePackedCertificate(const QString &data);

} // namespace mwb
