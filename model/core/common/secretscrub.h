#pragma once
// The one scrubber for SMTP transcripts on their way to any sink (the console's screen copy and
// "Save transcript", the probe's text and JSON, case files, reports): AUTH secrets of every
// mechanism (PLAIN, LOGIN, XOAUTH2, CRAM-MD5, NTLM, anything with an initial response or a 334
// exchange) never leave it.
#include <QString>
#include <QStringList>

namespace mwb {

// Removes secrets from an SMTP transcript: the initial response of "AUTH <mech> <data>" and every
// client line of the AUTH exchange up to the server's final (non-334) reply become "***", and any
// of knownSecrets (and their base64 forms) are replaced wherever they appear.
QString scrubAuthSecrets(const QString &transcript, const QStringList &knownSecrets = {});

} // namespace mwb
