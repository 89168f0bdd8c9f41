#pragma once
// The remediation parameters a collected configuration can give a finding (issue #31): the wizard
// and `mwb remediate --from-analysis` then take them instead of asking or of what the logs
// suggest. Identities come from the configuration; where the logs spelled one differently, the
// configuration's is used and `ConfigurationNote` says so. Values stay plain text here: the
// remediation writer validates and quotes them (the one escaping function).
//
// What is filled, by what the finding names:
//   a receive connector ("SERVER\Name" in Connector/ReceiveConnector) found on its server:
//     ReceiveConnector (its identity); for certificate-smtp, Fqdn (its Fqdn); for relay-connector
//     and exchange-auth, RelayConnector/RelayConnectorName when it is a custom connector;
//   a send connector (a name without '\'): SendConnector (its name); for certificate-smtp, Fqdn
//     (its Fqdn, when no receive connector gave one) and TlsDomain;
//   a Domain without a SendConnector: the send connector that wins it (routing.h), when one does;
//   a CertificateThumbprint: TlsCertificateName "<I>issuer<S>subject" of that certificate (the
//     connector's current value, when different, moves to ConfiguredTlsCertificateName).
#include "model/core/configuration/configuration.h"

#include <QDateTime>
#include <QMap>

namespace mwb {

void fillParametersFromConfiguration(QMap<QString, QString> &parameters, const QString &scenario, const config::Configuration &config,
                                     const QDateTime &now);

} // namespace mwb
