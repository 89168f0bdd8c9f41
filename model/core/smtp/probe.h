#pragma once
// The scripted check shared by `mwb probe` and the console's Quick test.
#include "model/core/smtp/dns.h"
#include "model/core/smtp/smtpclient.h"

#include <QJsonObject>
#include <QStringList>

namespace mwb::smtp {

// connect, EHLO, [STARTTLS (or X-ANONYMOUSTLS), EHLO], QUIT
QList<Step> probeSteps(TlsMode mode, bool anonymousTls = false);
// connect, EHLO, [STARTTLS, EHLO], MAIL, RCPT, DATA (or BDAT), QUIT
QList<Step> quickTestSteps(TlsMode mode, const QString &from, const QString &to, const QByteArray &message,
                           bool useBdat = false, int bdatChunk = 0);

struct ProbeSummary {
    bool ok = false;
    QStringList problems;          // plain words, one per failed check
    QJsonObject json;              // the `mwb probe --json` document
    QString text;                  // the human-readable report
};
QJsonObject capabilitiesJson(const EhloCapabilities &caps);
// Judges a finished run: every step worked, TLS up when asked for, and the name matched.
ProbeSummary summariseProbe(const SmtpClient &client);
// Adds the DANE verdict (`tlsa` in JSON, a "TLSA:" line in text) for the chain the run saw against
// the TLSA records looked up for the host; a mismatch is a problem (the probe fails).
// What a forced TLS version's outcome means for Exchange (`mwb probe --tls-version`): Exchange
// 2019 CU15 and Exchange Server SE support TLS 1.3 for HTTPS only, not for SMTP (as of 2025), so an
// Exchange server that refuses 1.3 on SMTP behaves as designed; added as `tlsVersion` / a text line.
void addTlsVersionVerdict(ProbeSummary *summary, const SmtpClient &client, const QString &requested);
void addTlsaVerdict(ProbeSummary *summary, const SmtpClient &client, const MxTlsa &lookup);
// `mwb probe --mta-sts DOMAIN`: whether the probed host is an MX the domain's MTA-STS policy allows
// (an `mx:` pattern, RFC 8461 4.1) and whether the certificate it presented is valid for that host
// (chain to a trusted root, name, dates; RFC 8461 4.2), added as `mtaSts` / an "MTA-STS" line. With
// the policy in enforce mode a mismatch is a problem (the probe fails): senders refuse that MX.
void addMtaStsVerdict(ProbeSummary *summary, const SmtpClient &client, const QString &domain, const QString &host,
                      const MtaStsReport &report, const QStringList &lookupErrors);

} // namespace mwb::smtp
