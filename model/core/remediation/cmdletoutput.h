#pragma once
// Parsers for the text admins paste back from the Exchange Management Shell. Each turns the
// default (or `| Format-List`) output of one cmdlet into records and named facts; a scenario
// step names the parser and which fact answers it. Unrecognised text is not an error: it gives
// no facts and the admin answers by hand.
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mwb::remediation {

using OutputRecord = QMap<QString, QString>;  // property name -> value (multi-line values joined)

struct ParsedOutput {
    QString parser;
    bool recognized = false;          // the text looked like this cmdlet's output
    QList<OutputRecord> records;
    QMap<QString, QString> facts;     // e.g. "allRunning" -> "true"
    QString summary;                  // one or two sentences for the admin
};

// Parser ids: "exchange-certificate", "service", "queue", "edgesync-test", "receive-connector",
// "send-connector", "transport-service", "resolve-dns", "edge-subscription", "mailbox-database",
// "test-netconnection", "boolean".
QStringList cmdletOutputParsers();
bool isKnownCmdletOutputParser(const QString &id);
ParsedOutput parseCmdletOutput(const QString &parser, const QString &text);

// Generic layers, public for tests: `Name : Value` lists (blank line between objects,
// continuation lines indented) and column tables (header line, dashes line, rows).
QList<OutputRecord> parseFormatList(const QString &text);
QList<OutputRecord> parseFormatTable(const QString &text);
// Format-List when the text has "Name : Value" lines, else a table.
QList<OutputRecord> parseListOrTable(const QString &text);

} // namespace mwb::remediation
