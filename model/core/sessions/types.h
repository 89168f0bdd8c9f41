#pragma once
// The data every area shares: where a record lives, what a file is, what a session and a
// message are. Plain values (implicitly shared Qt containers), cheap to copy into batches.
#include "model/core/common/certificate.h"
#include "model/core/common/recordref.h"
#include "model/core/common/timeutil.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mwb {

enum class LogFormat {
    Unknown,
    SmtpReceive,            // "SMTP Receive Protocol Log"
    SmtpSend,               // "SMTP Send Protocol Log"
    MessageTracking,        // "Message Tracking Log"
    ExoMessageTrace,        // EXO historical search / enhanced summary / extended report CSV
    ExoGetMessageTrace,     // Get-MessageTrace | Export-Csv
    TransportConnectivity,  // "Transport Connectivity Log"
    ExoMessageTraceV2,      // Get-MessageTraceV2 / Get-MessageTraceDetailV2 | Export-Csv
    ExoGraphMessageTrace,   // Microsoft Graph messageTraces JSON
    EmsMessageTrackingCsv,  // Get-MessageTrackingLog | Export-Csv
    EmsMessageTrackingList, // Get-MessageTrackingLog | Format-List text
};

// Contract names: smtp-receive, smtp-send, message-tracking, exo-message-trace,
// exo-get-messagetrace, transport-connectivity, exo-message-trace-v2, exo-graph-message-trace,
// ems-message-tracking-csv, ems-message-tracking-list, unknown.
QString formatId(LogFormat f);
LogFormat formatFromId(const QString &id);

// Bad input is data: one entry per unreadable line or file-level problem.
struct ParseIssue {
    qint64 line = 0;  // 0 = the whole file
    QString message;
};

struct SourceFile {
    QString path;          // file system path, or "archive.zip!/inner/path.log" for archive members
    LogFormat format = LogFormat::Unknown;
    QString encoding;      // "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16LE BOM", "UTF-16BE", ...
    QString server;        // from connector-id / server-hostname / folder name
    QString exchangeBuild; // "#Version:" of a log Exchange wrote with its build (message tracking:
                           // "15.02.1544.004"); empty for protocol logs, which all say 15.0.0.0
    RecordRef exchangeBuildLine; // where that "#Version:" line is (its fileIndex is left at -1)
    qint64 bytes = 0;      // size on disk (or archive member size)
    qint64 lines = 0;      // data records read
    qint64 firstMs = kNoTime;
    qint64 lastMs = kNoTime;
    QList<ParseIssue> errors;
    // What was read but may mislead, e.g. zone-less export times read as UTC (not an unreadable
    // input: no exit status 3).
    QList<ParseIssue> warnings;
};

enum class Direction { Receive, Send };
QString directionId(Direction d);  // "receive" | "send"

// Contract: delivered|rejected|deferred|dropped|no-mail|tls-failed. TlsFailed: TLS was asked for
// (STARTTLS / X-ANONYMOUSTLS answered 220) but the handshake never completed, so no mail could pass;
// such a session is never "no mail" (that reads as healthy).
enum class SessionOutcome { Delivered, Rejected, Deferred, Dropped, NoMail, TlsFailed };
constexpr int kSessionOutcomeCount = int(SessionOutcome::TlsFailed) + 1;
QString outcomeId(SessionOutcome o);

// One protocol-log line of a session, decoded (fields unquoted). Made on demand for transcripts
// and handed to session observers (diagnosis) while a session is assembled; not kept in the Store.
struct SessionLine {
    qint64 timeMs = kNoTime;
    int sequence = -1;
    char event = '*';      // '+', '-', '>', '<', '*'
    QString data;
    QString context;
    RecordRef ref;
};

// A piece of a session inside one file: lets the transcript be re-read from the bytes.
struct FileSpan {
    int fileIndex = -1;
    qint64 firstOffset = 0;  // offset of the session's first line in that file
    qint64 endOffset = 0;    // offset just past its last line
    qint64 firstLine = 0;    // line number of firstOffset
};

struct Session {
    int index = -1;                 // position in Store::sessions
    QString id;                     // 16 hex session-id as logged (may be 0000000000000000 when redacted)
    QString server;
    QString connector;
    Direction direction = Direction::Receive;
    QString local;                  // "10.0.0.5:25" (raw text kept when it does not parse)
    QString remote;
    qint64 startMs = kNoTime;
    qint64 endMs = kNoTime;
    QString ehlo;                   // name the client gave in EHLO/HELO
    QString greetingName;           // name in the server's 220 banner / 250 Hello line
    QStringList capabilities;       // as last advertised (upper-case keywords, e.g. "STARTTLS", "X-EXPS GSSAPI NTLM")
    QStringList capabilitiesBeforeTls; // the EHLO reply before STARTTLS, when TLS was asked for (STARTTLS,
                                    // X-ANONYMOUSTLS are offered there only; X-EXPS often after it only)
    bool tls = false;               // TLS attempted or established (contract meaning)
    bool tlsEstablished = false;    // the handshake completed (SP_PROT line, or the session went on after it)
    QString tlsFailure;             // "TLS negotiation failed with error SocketError" etc., when it failed
    QString tlsVerb;                // "STARTTLS" | "X-ANONYMOUSTLS" | "" (implicit)
    QString tlsProtocol;            // e.g. "TLS1_2"
    QString tlsCipher;              // e.g. "CALG_AES_128 128 bits"
    QList<Certificate> certificates;
    QString authMechanism;          // "LOGIN", "NTLM", "X-EXPS", ...
    QString authUser;               // from "User Name:" lines only; never a secret
    bool authFailed = false;
    QString mailFrom;
    QStringList recipients;
    bool dataStarted = false;       // DATA answered 354 or BDAT used
    bool bdat = false;
    QStringList messageIds;         // <id> from "250 2.6.0 <id> Queued" / "InternetMessageId <id>"
    QString lastReply;              // last meaningful reply line (code + text): not a 220 banner,
                                    // "ready to start TLS" or QUIT's 221 when anything else was
                                    // answered; for a failed handshake the failure text
    QString disconnectReason;       // context of the '-' line: Local, Remote, Remote(ConnectionReset) ...
    SessionOutcome outcome = SessionOutcome::NoMail;
    qint64 maxGapMs = 0;            // largest silence between two consecutive lines
    int lineCount = 0;
    QList<FileSpan> spans;
    bool complete = false;          // saw both '+' (or sequence 0) and '-'
};

enum class MessageStatus { Delivered, Failed, Deferred, Pending };  // contract: delivered|failed|deferred|pending
QString messageStatusId(MessageStatus s);

struct MessageHop {
    QString server;
    QString event;                 // RECEIVE, SUBMIT, SEND, DELIVER, FAIL, DEFER, ... (upper-case)
    QString source;                // SMTP, STOREDRIVER, AGENT, EXO ...
    qint64 timeMs = kNoTime;
    QString sessionId;             // protocol-log session that carried it, when known
    int sessionIndex = -1;         // index into Store::sessions, -1 when not loaded
    QString connector;
    QString clientIp;
    QString serverIp;
    QString nextHop;               // server-hostname of a SEND / next-hop-domain; of a DEFER or FAIL the
                                   // host last attempted when the row names it (LastAttemptedServerName,
                                   // else the IP of "last endpoint attempted"); serverIp is then that IP
    QString recipientStatus;
    QString sourceContext;         // tracking source-context (queue errors such as DnsQueryFailed live here)
    QStringList recipients;
    RecordRef ref;
};

struct Message {
    int index = -1;
    QString messageId;             // normalised with angle brackets: <id@host>
    QString networkMessageId;
    QString internalMessageId;
    QString sender;
    QStringList recipients;
    QString subject;
    QList<MessageHop> hops;        // ordered by time
    MessageStatus status = MessageStatus::Pending;
    qint64 delayMs = 0;            // first hop to final DELIVER/SEND (or to last hop)
};

} // namespace mwb

// Sessions are held by the million: let QList grow them with realloc instead of moving each one
// (every member is a Qt container, a string or a scalar, all relocatable).
Q_DECLARE_TYPEINFO(mwb::Session, Q_RELOCATABLE_TYPE);
