#pragma once
// The one host-name matcher of the product (issue #24): Certificate::matchName (certificate.h),
// which the log diagnosis, the TLS card, the certificate inspector, `mwb probe`, the domain check
// and the configuration's certificate selection use, compares names here.
#include <QString>
#include <QStringList>

namespace mwb::hostnames {

// RFC 9525 (which replaced RFC 6125) for one presented identifier: case-insensitive, a trailing dot
// ignored, internationalised names compared in their A-label (punycode) form; a wildcard only as
// the entire left-most label ("*.contoso.com" matches "mail.contoso.com", not "a.b.contoso.com",
// not "contoso.com"), no partial-label wildcards ("mail*.contoso.com", "*mail.contoso.com"), and
// none over fewer than two labels ("*.com").
bool matchesPattern(const QString &hostName, const QString &pattern);

// The CN= value of an X.500 subject ("CN=mail.contoso.com, O=Contoso" → "mail.contoso.com").
QString commonNameOf(const QString &subject);

} // namespace mwb::hostnames
