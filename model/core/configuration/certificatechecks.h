#pragma once
// Certificate checks on the collected configuration (issue #31): a connector whose
// TlsCertificateName names no valid certificate on the server that uses it. Exchange then offers
// no STARTTLS on that receive connector, or fails TLS on that send connector (454 4.7.5 / 4.7.5 in
// the peer's or its own logs), so this is the cause before the logs show it.
#include "model/core/configuration/configuration.h"

namespace mwb::config {

struct MissingTlsCertificate {
    QString server;              // the server that must hold the certificate
    QString connector;           // receive connector identity or send connector name
    bool receive = true;
    QString tlsCertificateName;  // "<I>issuer<S>subject"
    QString reason;              // "no certificate with this issuer and subject", "expired on …", …
};

// Only servers whose certificates were collected are judged (no certificate at all for a server is
// "not collected", not "missing"). `now`: the end of the logs, as for certificate-expiring.
QList<MissingTlsCertificate> findMissingTlsCertificates(const Configuration &config, const QDateTime &now);

// The certificate an admin would switch to on `server` for `name`: valid at `now`, carrying the
// name, not `except` (a thumbprint), and lasting longer than `notAfterAtLeast` when that is given;
// CA-issued before self-signed, then the most recent NotBefore. Not necessarily enabled for SMTP
// yet (the certificate-smtp scenario enables it). Null when there is none.
const Certificate *replacementCertificate(const Configuration &config, const QString &server, const QString &name, const QDateTime &now,
                                          const QString &except = {}, const QDateTime &notAfterAtLeast = {});

// The subject CN of a TlsCertificateName ("<I>…<S>CN=mail.contoso.com, O=…" → "mail.contoso.com").
QString tlsCertificateNameHost(const QString &tlsCertificateName);

// Does the certificate have the issuer and subject of a TlsCertificateName? Spacing after the
// commas of the distinguished names and case are ignored.
bool matchesTlsCertificateName(const Certificate &certificate, const QString &tlsCertificateName);

} // namespace mwb::config
