#pragma once
// The scripted check shared by `mwb probe` and the console's Quick test.
#include "model/core/smtp/smtpclient.h"

#include <QJsonObject>
#include <QStringList>

namespace mwb::smtp {

// connect, EHLO, [STARTTLS, EHLO], QUIT
QList<Step> probeSteps(TlsMode mode);
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

} // namespace mwb::smtp
