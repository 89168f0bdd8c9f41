#include "model/core/smtp/consolecommand.h"

namespace mwb::smtp {

bool ConsoleCommand::needsPassword() const
{
    return kind == Auth && (argument == u"LOGIN" || argument == u"PLAIN");
}

ConsoleCommand parseConsoleCommand(const QString &typed)
{
    ConsoleCommand c;
    c.line = typed.trimmed();
    if (c.line.isEmpty())
        return c;
    const QString upper = c.line.toUpper();
    const QString verb = upper.section(u' ', 0, 0);
    const QString rest = c.line.section(u' ', 1).trimmed();
    c.historyText = c.line;
    c.kind = ConsoleCommand::Raw;
    if (verb == u"AUTH") {
        c.kind = ConsoleCommand::Auth;
        c.argument = upper.section(u' ', 1, 1);
        if (c.needsPassword()) {
            c.authUser = c.line.section(u' ', 2, 2);
            c.historyText = QStringLiteral("AUTH %1 %2").arg(c.argument, c.authUser).trimmed();
        } else {
            // XOAUTH2, CRAM-MD5, …: what follows the mechanism is an initial response (a token).
            c.historyText = QStringLiteral("AUTH %1").arg(c.argument).trimmed();
        }
    } else if (verb == u"CONNECT") {
        c.kind = ConsoleCommand::Connect;
        c.argument = rest;
    } else if (verb == u"QUICKTEST") {
        c.kind = ConsoleCommand::QuickTest;
    } else if (verb == u"EHLO" || verb == u"HELO") {
        c.kind = verb == u"EHLO" ? ConsoleCommand::Ehlo : ConsoleCommand::Helo;
        c.argument = rest;
    } else if (upper == u"STARTTLS") {
        c.kind = ConsoleCommand::StartTls;
    } else if ((verb.startsWith(QStringLiteral("MAIL")) && upper.contains(QStringLiteral("FROM:")))
               || (verb.startsWith(QStringLiteral("RCPT")) && upper.contains(QStringLiteral("TO:")))) {
        c.kind = verb.startsWith(QStringLiteral("MAIL")) ? ConsoleCommand::MailFrom : ConsoleCommand::RcptTo;
        c.argument = c.line.section(u':', 1).trimmed();
        QString path = c.argument.section(u' ', 0, 0);
        path.remove(u'<').remove(u'>');
        c.mailbox = path;
    } else if (upper == u"DATA") {
        c.kind = ConsoleCommand::Data;
    } else if (verb == u"BDAT") {
        c.kind = ConsoleCommand::Bdat;
        c.argument = rest;
    } else if (upper == u"QUIT") {
        c.kind = ConsoleCommand::Quit;
    } else if (upper == u"RSET") {
        c.kind = ConsoleCommand::Rset;
    }
    return c;
}

} // namespace mwb::smtp
