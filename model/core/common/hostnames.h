#pragma once
// The one host-name matcher of the product (issue #24): log diagnosis, the TLS card, the
// certificate inspector and `mwb probe` all decide "does this certificate carry that name" here.
#include <QString>
#include <QStringList>

namespace mwb::hostnames {

// RFC 9525 (which replaced RFC 6125) for one presented identifier: case-insensitive, a trailing dot
// ignored, internationalised names compared in their A-label (punycode) form; a wildcard only as
// the entire left-most label ("*.contoso.com" matches "mail.contoso.com", not "a.b.contoso.com",
// not "contoso.com"), no partial-label wildcards ("mail*.contoso.com", "*mail.contoso.com"), and
// none over fewer than two labels ("*.com").
bool matchesPattern(const QString &hostName, const QString &pattern);

struct NameMatch {
    bool matches = false;
    QString matchedBy;          // "SAN DNS:*.contoso.com", "SAN IP:192.0.2.1", "subject CN=mail.contoso.com"
    bool viaCommonName = false; // matched only by the subject CN (see matchCertificateNames)
};

// Does a certificate with these subjectAltName entries (DNS names and IP addresses mixed, as logs
// and Qt list them) and this subject CN carry `expected` (a host name or an IP address)?
// SAN DNS names first. The CN is consulted only when the certificate has no DNS SAN at all: RFC
// 9525 drops the CN, but Exchange's own certificate selection (and old self-signed certificates
// made by New-ExchangeCertificate without SANs) still rely on it, so a CN match is reported with
// viaCommonName set, for the caller to say so.
NameMatch matchCertificateNames(const QStringList &alternateNames, const QString &commonName, const QString &expected);

// The CN= value of an X.500 subject ("CN=mail.contoso.com, O=Contoso" → "mail.contoso.com").
QString commonNameOf(const QString &subject);

} // namespace mwb::hostnames
