#pragma once
// The evidence collection scripts (`mwb collect-script`, issue #31): Windows PowerShell 5.1 for
// the Exchange Management Shell that copies the transport logs of every transport server for a
// time window and the transport configuration as JSON into one zip with a manifest, and, with
// includeExchangeOnline, a second script for Exchange Online. Both are read-only: the only thing
// they write is their own staging folder and zip. Layout of the zip: docs/collection.md.
#include "model/core/common/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mwb::collection {

struct CollectionRequest {
    QDateTime from;              // window start (UTC); required
    QDateTime to;                // window end (UTC); required, after `from`
    QStringList servers;         // empty: every transport server Get-TransportService lists
    QDateTime generatedAt;       // default: now (UTC)
    QString toolVersion;         // written into the manifest
};

struct CollectionScripts {
    QString server;              // Collect-MailflowEvidence.ps1 (Exchange Management Shell)
    QString exchangeOnline;      // Collect-ExchangeOnlineEvidence.ps1, empty unless asked for
};

// Validates the request (server names by the remediation "server" kind, the window) and writes
// the script(s). Every value that reaches the text is a single-quoted literal (powerShellLiteral).
Result<CollectionScripts> writeCollectionScripts(const CollectionRequest &request, bool includeExchangeOnline);

// Parses a --from/--to value: ISO 8601 date-time (with Z or an offset; without one it is UTC) or a
// date (midnight UTC). Invalid: an error naming the value (printable excerpt).
Result<QDateTime> parseWindowTime(const QString &text);

// The names of the files the server script writes under config/ in the zip (without ".json").
// The configuration loader recognises the same names.
const QStringList &configurationFileNames();

} // namespace mwb::collection
