#pragma once
// What the TLS settings of a connector demand of the other side (issue #31, config-aware
// diagnosis), read as the Microsoft reference defines them:
//   Set-SendConnector     https://learn.microsoft.com/powershell/module/exchangepowershell/set-sendconnector
//     RequireTLS    every message through the connector must go over TLS;
//     TlsAuthLevel  EncryptionOnly (encrypt only), CertificateValidation (also validate the remote
//                   certificate's chain and revocation), DomainValidation (also: the remote
//                   certificate's FQDN matches TlsDomain; without TlsDomain, the recipient's domain);
//     TlsDomain     the domain checked under DomainValidation ("contoso.com" or "*.contoso.com" for
//                   its subdomains); required with DomainValidation when DNSRoutingEnabled is $false
//                   (a smart-host connector).
//   Set-ReceiveConnector  https://learn.microsoft.com/powershell/module/exchangepowershell/set-receiveconnector
//     RequireTLS    clients must start TLS before sending mail; Exchange answers a MAIL without it
//                   with 530 5.7.0 Must issue a STARTTLS command first.
// The judgement of the sessions is the diagnosis engine's; this file only says what the
// configuration asks for.
#include "model/core/configuration/configuration.h"

namespace mwb::config {

inline constexpr char kSetSendConnectorReference[] = "https://learn.microsoft.com/powershell/module/exchangepowershell/set-sendconnector";
inline constexpr char kSetReceiveConnectorReference[] = "https://learn.microsoft.com/powershell/module/exchangepowershell/set-receiveconnector";

enum class TlsAuthLevel { NotSet, EncryptionOnly, CertificateValidation, DomainValidation };
TlsAuthLevel tlsAuthLevelOf(const SendConnector &connector);

// The send connector a Send protocol-log session names (send connectors log their name alone), and
// the receive connector a Receive session names on its server ("EX01\Name", or "Name" alone).
// Compared without case; null when the configuration does not hold it.
const SendConnector *sendConnectorNamed(const Configuration &config, const QString &connectorId);
const ReceiveConnector *receiveConnectorNamed(const Configuration &config, const QString &server, const QString &connectorId);

// The domain a DomainValidation connector checks the remote certificate against: TlsDomain, else
// `recipientDomain` when the connector routes through DNS. Empty when there is none to check; then
// `missingTlsDomain` tells whether that is because a smart-host connector lacks the TlsDomain the
// reference requires.
QString domainToValidate(const SendConnector &connector, const QString &recipientDomain, bool *missingTlsDomain = nullptr);

// Does a certificate with these names (subject CN and SANs) satisfy TlsDomain `domain`?
// "contoso.com": a name matching it by the certificate rules (a *.contoso.com certificate does
// not); "*.contoso.com": a name in that domain or below it.
bool certificateSatisfiesTlsDomain(const QStringList &alternateNames, const QString &subject, const QString &domain);

// "Contoso Partner: RequireTLS $true, TlsAuthLevel DomainValidation, TlsDomain fabrikam.com" — the
// settings as the admin would read them in Get-SendConnector, for a finding's evidence.
QString describeTlsSettings(const SendConnector &connector);
QString describeTlsSettings(const ReceiveConnector &connector);

} // namespace mwb::config
