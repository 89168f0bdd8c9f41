#pragma once
// What a line typed into the SMTP console means: the console only renders and asks; the parsing
// lives here, next to the client that runs the steps (issue #28: "SMTP command parsing only in
// model/core/smtp").
#include <QString>

namespace mwb::smtp {

struct ConsoleCommand {
    enum Kind { Empty, Connect, QuickTest, Auth, Ehlo, Helo, StartTls, MailFrom, RcptTo, Data, Bdat, Quit, Rset, Raw };
    Kind kind = Empty;
    QString line;        // as typed, trimmed (sent as is for Raw)
    QString argument;    // Connect: host[:port]; Ehlo/Helo: the name; MailFrom/RcptTo: the path and
                         // parameters after the colon; Bdat: the chunk size; Auth: the mechanism
    QString mailbox;     // MailFrom/RcptTo: the address without <> and parameters
    QString authUser;    // Auth LOGIN/PLAIN: the user name typed after the mechanism
    // What the history may keep: never a password, token or initial response (AUTH XOAUTH2 <token>
    // is kept as "AUTH XOAUTH2").
    QString historyText;
    // DATA, BDAT and the quick test hand a message to the server: with valid recipients it is
    // delivered for real, so the console says so first.
    bool sendsMessage() const { return kind == Data || kind == Bdat || kind == QuickTest; }
    // AUTH LOGIN/PLAIN: the console asks for the password instead of taking it from the line.
    bool needsPassword() const;
};

ConsoleCommand parseConsoleCommand(const QString &typed);

} // namespace mwb::smtp
