#pragma once
// Routing questions answered from the collected configuration (`mwb route`, issue #31): which
// receive connector takes a connection, which send connector wins a domain, which certificate
// STARTTLS presents. Each answer names the rule that decided and the Microsoft page it rests on.
#include "model/core/configuration/configuration.h"

#include <QHostAddress>
#include <QJsonObject>

namespace mwb::config {

inline constexpr char kReceiveConnectorsReference[] = "https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors";
inline constexpr char kSendConnectorSelectionReference[] = "https://learn.microsoft.com/exchange/mail-flow/mail-routing/mail-routing";
inline constexpr char kSendConnectorsReference[] = "https://learn.microsoft.com/exchange/mail-flow/connectors/send-connectors";
inline constexpr char kInboundStartTlsReference[] = "https://learn.microsoft.com/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection";

struct RouteStep {
    QString rule;            // "binding-port", "remote-ip-most-specific", "address-space-most-specific", …
    QString detail;          // what it kept or removed, in words
};

struct CertificateChoice {
    bool found = false;
    QString rule;            // "tls-certificate-name" or "fqdn-match"
    QString name;            // the TlsCertificateName or FQDN looked for
    const Certificate *certificate = nullptr;
    QString detail;
    QString reference = QString::fromLatin1(kInboundStartTlsReference);
};

struct RouteAnswer {
    bool found = false;
    QString question;        // "receive 192.0.2.10:25 on EX01"
    QString connector;       // identity of the connector chosen
    QString rule;            // the rule that decided among the candidates
    QString reference;       // the page the rule rests on
    QList<RouteStep> steps;  // every step in order, for the admin to follow
    QStringList candidates;  // connectors still in the race before the deciding rule
    CertificateChoice certificate;
    QString problem;         // why nothing was found
};

// `port` 0 = 25. `now` decides certificate validity.
RouteAnswer selectReceiveConnector(const Configuration &config, const QString &server, const QHostAddress &remote, int port,
                                   const QDateTime &now);
// `server`: the server routing the message (empty: any). `messageBytes` -1: size unknown.
RouteAnswer selectSendConnector(const Configuration &config, const QString &domain, const QString &server, qint64 messageBytes,
                                const QDateTime &now);
// Certificate for STARTTLS on `server`: TlsCertificateName ("<I>issuer<S>subject") when set, else
// the certificates enabled for SMTP whose names carry `fqdn`, valid at `now`, CA-issued before
// self-signed, the most recent NotBefore first.
CertificateChoice selectCertificate(const Configuration &config, const QString &server, const QString &tlsCertificateName,
                                    const QString &fqdn, const QDateTime &now);

QJsonObject routeAnswerToJson(const RouteAnswer &answer);

} // namespace mwb::config
