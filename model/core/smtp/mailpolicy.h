#pragma once
// Transport security policies a domain publishes for inbound mail: MTA-STS (RFC 8461), TLS-RPT
// (RFC 8460) and DANE TLSA for SMTP (RFC 7672 / RFC 6698): parsing, checking the MX set against an
// MTA-STS policy, matching TLSA records against a presented certificate chain, and fetching the
// (the HTTPS fetch of the MTA-STS policy is mtastsfetcher.h).
#include "model/core/smtp/tlsinspect.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace mwb::smtp {

// RFC 6698 2.1: one TLSA record (certificate usage, selector, matching type, association data).
struct TlsaRecord {
    int usage = 0;                 // 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE
    int selector = 0;              // 0 full certificate, 1 SubjectPublicKeyInfo
    int matchingType = 0;          // 0 exact, 1 SHA-256, 2 SHA-512
    QByteArray data;
    QString toString() const;      // "3 1 1 ABCD…" (presentation format, upper-case hex)
};

// Lower case, no trailing dot: the form host names are compared in.
QString normalisedMailHost(QString host);

// RFC 8461 3.1: the `_mta-sts` TXT record "v=STSv1; id=…".
struct MtaStsRecord {
    bool valid = false;
    QString id;
    QString problem;               // plain words when !valid
};
// One TXT string; `valid` only for v=STSv1 first with an id of 1..32 letters/digits.
MtaStsRecord parseMtaStsRecord(const QString &txt);

// RFC 8461 3.2: the policy file.
struct MtaStsPolicy {
    bool valid = false;
    QString version;               // STSv1
    QString mode;                  // enforce | testing | none
    QStringList mx;                // patterns: "mail.contoso.com", "*.contoso.com"
    qint64 maxAge = -1;            // seconds, 0..31557600
    QStringList problems;          // plain words, one per broken field
};
MtaStsPolicy parseMtaStsPolicy(const QByteArray &text);
// RFC 8461 4.1: an MX host matches a pattern exactly, or "*.example.com" matches exactly one
// label in place of the "*" (not "example.com", not "a.b.example.com"); case-insensitive.
bool mtaStsMxMatches(const QString &mxHost, const QString &pattern);
bool mtaStsPolicyCoversMx(const MtaStsPolicy &policy, const QString &mxHost);

// RFC 8460 3: the `_smtp._tls` TXT record "v=TLSRPTv1; rua=mailto:…,https://…".
struct TlsRptRecord {
    bool valid = false;
    QStringList rua;
    QString problem;
};
TlsRptRecord parseTlsRptRecord(const QString &txt);

// RFC 7672 3.1: what the TLSA records say about a presented chain.
struct TlsaCheck {
    QString result;                // "match" | "mismatch" | "none"
    QString matched;               // the record that matched, presentation format
    QString explanation;           // plain words
    QJsonObject toJson() const;
};
// DANE-EE (3) matches the leaf, DANE-TA (2) a certificate the server sent above the leaf;
// selector 0/1 (certificate / SubjectPublicKeyInfo), matching type 0/1/2 (exact / SHA-256 /
// SHA-512). PKIX-TA/EE (0/1) are "unusable" for SMTP (RFC 7672 3.1.3) and never match.
TlsaCheck verifyTlsa(const QList<TlsaRecord> &records, const QList<Certificate> &chain);
QJsonObject tlsaRecordJson(const TlsaRecord &record);

// The MTA-STS policy fetch result.

struct MtaStsFetch {
    QString url;                   // https://mta-sts.DOMAIN/.well-known/mta-sts.txt
    QString connectedTo;           // the address the HTTPS connection went to
    bool fetched = false;          // a 200 answer over verified TLS came back
    QString error;                 // plain words when !fetched
    QByteArray body;               // at most kMaxBody bytes
    MtaStsPolicy policy;
    // RFC 8461 3.3: the policy is served as media type text/plain (parameters such as charset
    // allowed); a sender treats any other answer as no policy at all.
    QString contentType;           // the Content-Type header as served; empty when there was none
    bool contentTypeValid = false;
    QString contentTypeProblem;    // plain words when !contentTypeValid (and fetched)
    // Senders use the policy: fetched, text/plain and valid.
    bool usable() const { return fetched && contentTypeValid && policy.valid; }
};
// RFC 8461 3.3 / RFC 9110 8.3.1: whether a Content-Type value is the media type text/plain (case-
// insensitive, parameters after ';' allowed); `problem` gets plain words when it is not.
bool mtaStsContentTypeIsTextPlain(const QString &contentType, QString *problem = nullptr);

} // namespace mwb::smtp
