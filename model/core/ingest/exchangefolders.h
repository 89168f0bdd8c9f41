#pragma once
// Where Exchange writes the logs the workbench reads, so the open dialog can offer them on an
// Exchange server (issue #32). Exchange setup sets the machine-wide variable ExchangeInstallPath
// ("C:\Program Files\Microsoft\Exchange Server\V15\" by default); without it this is no Exchange server.
#include <QList>
#include <QString>

namespace mwb::ingest {

struct ExchangeLogFolder {
    QString label;   // "Front End Transport — SMTP receive", translated
    QString path;    // "/" separators, a UNC host kept ("//EX01/c$/…"); QDir::toNativeSeparators for display
};

// The default log folders below an Exchange installation folder (the value of ExchangeInstallPath,
// local or a UNC path to another server's admin share, with or without the final separator; "\" and
// "/" both separate), whether they exist or not, in the order of a message's way: Front End
// Transport receive and send, Transport service receive and send, Mailbox Transport receive and
// send, Edge Transport receive and send, message tracking. Empty for an empty `installPath`.
QList<ExchangeLogFolder> exchangeLogFolders(const QString &installPath);

// Those of exchangeLogFolders(%ExchangeInstallPath%) that exist and are folders; empty when the
// variable is unset or empty (not an Exchange server). For the open dialog's sidebar.
QList<ExchangeLogFolder> exchangeLogFoldersOnThisServer();

} // namespace mwb::ingest
