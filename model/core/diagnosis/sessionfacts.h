#pragma once
// What the diagnosis rules need to know about one SMTP session, derived once from its lines:
// replies and their codes, the command/reply pairing (pipelining aware), the EHLO replies,
// the names each side used, and the certificates the session's TLS lines recorded.
#include "model/core/sessions/types.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mwb {

struct StatusCode {
    int basic = 0;        // 451
    QString enhanced;     // "4.7.0" or empty
    qsizetype position = 0;   // where the code starts in the text
    QString text() const { return enhanced.isEmpty() ? QString::number(basic) : QString::number(basic) + QLatin1Char(' ') + enhanced; }
};

// The first "NNN x.y.z" in the text (a reply, or a queue error quoted inside a '*' line), or the
// leading basic code alone.
StatusCode firstStatusCode(const QString &text);
// Every "NNN x.y.z" pair in the text, plus the leading basic code alone when it has no enhanced code.
QList<StatusCode> statusCodes(const QString &text);
// 3-digit code at the start of a reply line ("250-", "250 ", "250" alone), or 0.
int leadingReplyCode(const QString &data);
// text contains needle, ASCII letters compared without case. Qt 6.4's case-insensitive search
// folds every character through the Unicode tables (thousands of instructions per banner line),
// which made it the costliest call of a session's scan; the needles here are ASCII words.
bool containsCaseless(QStringView text, QLatin1String needle);

struct SeenCertificate {
    Certificate info;
    QString announcedName;  // the name the presenting side announced (EHLO / banner), as logged
    QString expectedName;   // announcedName when it is an FQDN that can be judged, lower-case
    bool covered = true;    // the certificate carries expectedName (Certificate::coversName)
};

// Did the server whose log this is present the certificate (its own "Sending certificate"; a
// Receive log's unannounced one)? Otherwise its peer did.
bool presentedByLoggingServer(const Certificate &certificate, Direction direction);

struct SessionFacts {
    enum class Stall { None, NoReplyAfter354, TimeoutAfter354 };

    bool sawConnect = false;
    bool sawDisconnect = false;
    int disconnectLine = -1;
    QString disconnectContext;
    bool sawMailCommand = false;
    QString clientName;        // EHLO/HELO argument (Receive: the remote; Send: Exchange itself)
    QString serverName;        // name in the 220 banner (Receive: Exchange; Send: the remote)
    bool serverIsExchange = false;   // "Microsoft ESMTP MAIL Service" banner
    QList<int> ehloReplyLines;
    bool sawEhloReply = false;

    // smtp-data-not-terminated
    Stall stall = Stall::None;
    int stall354Line = -1;
    int stallEndLine = -1;     // timeout reply or disconnect
    // connection-dropped
    bool droppedInTransaction = false;
    int transactionStartLine = -1;
    // session-idle-gap: gaps outside a 354 stall, line index after the gap and its length
    QList<QPair<int, qint64>> gaps;

    QList<SeenCertificate> certificates;

    // 4xx/5xx replies to MAIL, RCPT, DATA, BDAT or the end of the message body (the transaction
    // refused or deferred), each with its first and last line (a 2010 log writes one line per
    // continuation). Replies to other commands (EHLO, AUTH, unknown verbs of scanners) are not here.
    struct Rejection {
        int firstLine = -1;
        int lastLine = -1;
        int code = 0;              // basic reply code
        char command = 'M';        // 'M' MAIL, 'R' RCPT, 'D' DATA, 'B' BDAT, 'E' end of data
    };
    QList<Rejection> rejections;

    // minGapMs: gaps at least this long are recorded.
    static SessionFacts derive(const Session &session, const QList<SessionLine> &lines, qint64 minGapMs);
};

QString hostOfEndpoint(const QString &endpoint);   // "1.2.3.4:25" -> "1.2.3.4", "[2001:db8::5]:25" -> "2001:db8::5"
QString domainOfAddress(const QString &address);   // "a@b.com" / "<a@b.com>" -> "b.com"
QString domainOfHost(const QString &fqdn);         // "ex01.contoso.com" -> "contoso.com"
QString firstLabel(const QString &fqdn);           // "ex01.contoso.com" -> "ex01"

} // namespace mwb
