#pragma once
// SMTP client state machine over a Transport. One step at a time (no pipelining: the console is
// for seeing what each command gets), every line timed, secrets never in the transcript.
#include "model/core/common/transcripttext.h"
#include "model/core/smtp/reply.h"
#include "model/core/smtp/tlsinspect.h"
#include "model/core/smtp/transport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace mwb::smtp {

enum class TlsMode { Plain, StartTls, Implicit };
QString tlsModeName(TlsMode mode);

struct ClientOptions {
    QString host;
    quint16 port = 25;
    TlsMode mode = TlsMode::Plain;
    QString ehloName = QStringLiteral("mwb.probe.invalid");
    QString expectedName;              // FQDN the certificate must cover; empty = not checked
    int stepTimeoutMs = 30000;         // every step (connect and TLS handshake included) ends by then
    int totalTimeoutMs = 0;            // > 0: a hard wall-clock limit for everything enqueued from the
                                       // first step on (`mwb probe --timeout`); 0 = none (console)
    bool allowAuthWithoutTls = false;  // admin override: AUTH over plain text (warned)
    bool stopOnFailure = true;         // a failed step drops the rest of the queue
    qsizetype replyLineCap = 64 * 1024;          // bytes kept of one reply line
    int replyLineLimit = 256;                    // lines in one reply, then the connection is closed
    qsizetype replyByteLimit = 256 * 1024;       // bytes kept of one reply, then the same
    qsizetype sessionByteLimit = 8 * 1024 * 1024; // bytes received on one connection, then the same
    ReplyLimits replyLimits() const { return ReplyLimits{replyLineCap, replyLineLimit, replyByteLimit}; }
};

// Who spoke a console line: the transcript notation is the one of the session view
// (model/core/common/transcripttext.h); Connect/Disconnect are not used here.
using Direction = mwb::Speaker;

struct TranscriptLine {
    Direction direction = Direction::Info;
    QString text;                 // what to show (secrets already masked)
    QByteArray raw;               // bytes on the wire (secrets masked too), for the hex view
    qint64 sincePreviousMs = 0;
    qint64 sinceConnectMs = 0;
    QDateTime at;
};

// "+12 ms  @262 ms": the time since the previous line and since the connection, as the console
// shows them and its copy, saved file and case write them.
QString transcriptTimings(const TranscriptLine &line);

struct Step {
    enum Kind { Connect, Ehlo, Helo, StartTls, AuthPlain, AuthLogin, AuthXoauth2, MailFrom, RcptTo, Data, Bdat, Rset, Noop, Quit, Raw };
    Kind kind = Raw;
    QString argument;             // address for MAIL/RCPT, command line for Raw, name for EHLO/HELO
    QByteArray body;              // DATA/BDAT message
    int chunkSize = 0;            // BDAT chunk size (0 = one chunk)
    bool terminateData = true;    // false = fault mode: DATA body without <CRLF>.<CRLF>
    QString user;
    QString password;             // used on the wire only, never stored in results or transcript
                                  // (for AuthXoauth2: the OAuth access token)

    static Step connect() { return Step{Connect, {}, {}, 0, true, {}, {}}; }
    static Step ehlo(const QString &name = {}) { return Step{Ehlo, name, {}, 0, true, {}, {}}; }
    static Step startTls() { return Step{StartTls, {}, {}, 0, true, {}, {}}; }
    // Exchange's X-ANONYMOUSTLS (the verb Exchange servers use between each other, offered in EHLO):
    // the same exchange as STARTTLS (220, then the TLS handshake) under the other verb.
    static Step anonymousTls() { return Step{StartTls, QStringLiteral("X-ANONYMOUSTLS"), {}, 0, true, {}, {}}; }
    static Step mailFrom(const QString &a) { return Step{MailFrom, a, {}, 0, true, {}, {}}; }
    static Step rcptTo(const QString &a) { return Step{RcptTo, a, {}, 0, true, {}, {}}; }
    static Step data(const QByteArray &b, bool terminate = true) { return Step{Data, {}, b, 0, terminate, {}, {}}; }
    static Step bdat(const QByteArray &b, int chunk) { return Step{Bdat, {}, b, chunk, true, {}, {}}; }
    static Step quit() { return Step{Quit, {}, {}, 0, true, {}, {}}; }
    static Step raw(const QString &line) { return Step{Raw, line, {}, 0, true, {}, {}}; }
    static Step auth(Kind k, const QString &u, const QString &p) { return Step{k, {}, {}, 0, true, u, p}; }
};
QString stepName(Step::Kind kind);

struct StepResult {
    Step::Kind kind = Step::Raw;
    QString name;                 // "EHLO", "STARTTLS", ...
    bool ok = false;
    bool timedOut = false;
    QString error;                // plain words when !ok
    SmtpReply reply;              // the last reply of the step
    qint64 elapsedMs = 0;
    QJsonObject toJson() const;
};

// A test message with the given addresses, CRLF line ends.
QByteArray makeTestMessage(const QString &from, const QString &to, const QString &subject);
// DATA body on the wire: lone CR / LF become CRLF, lines starting with '.' get one more '.',
// a final CRLF is added when missing. The terminator ".\r\n" is NOT included.
QByteArray prepareDataBody(const QByteArray &body);
QByteArray normaliseLineEnds(const QByteArray &body);

class SmtpClient : public QObject {
    Q_OBJECT
public:
    // Takes ownership of transport (nullptr = a QSslSocket transport).
    explicit SmtpClient(Transport *transport = nullptr, QObject *parent = nullptr);
    ~SmtpClient() override;

    void setOptions(const ClientOptions &options);
    const ClientOptions &options() const { return m_options; }
    Transport *transport() const { return m_transport; }

    void enqueue(const Step &step);
    void enqueue(const QList<Step> &steps);
    void clearQueue();
    // Drops the queue and the connection now.
    void abort();
    bool isBusy() const { return m_active || !m_queue.isEmpty(); }
    bool isConnected() const;
    bool isEncrypted() const;
    // True between a typed (Raw) AUTH command and the server's final non-334 reply: what the
    // client sends then is a credential, so it is masked in the transcript (and kept out of any
    // command history by the console).
    bool inAuthExchange() const { return m_authExchange; }

    const QList<TranscriptLine> &transcript() const { return m_transcript; }
    const QList<StepResult> &results() const { return m_results; }
    const EhloCapabilities &capabilities() const { return m_caps; }
    const TlsInfo &tlsInfo() const { return m_tls; }
    QString bannerText() const { return m_banner; }
    // Plain text with "+ms" and "@ms" columns, through the one scrubber (secretscrub.h) and the one
    // control-character escaper (safetext.h): what the console's copy and "Save transcript" write.
    QString transcriptText(bool withTimings = true) const;
    void clearTranscript();

signals:
    void lineAdded(const mwb::smtp::TranscriptLine &line);
    void stepStarted(const QString &name);
    void stepFinished(const mwb::smtp::StepResult &result);
    void capabilitiesChanged(const mwb::smtp::EhloCapabilities &caps);
    void tlsEstablished(const mwb::smtp::TlsInfo &info);
    void idle();                  // queue drained
    void connectionClosed();

private:
    void startNext();
    void finishStep(bool ok, const QString &error = {}, bool timedOut = false);
    void send(const QByteArray &line, const QString &shown = {});
    void sendBodyBytes(const QByteArray &wire, const QString &what);
    void addLine(Direction d, const QString &text, const QByteArray &raw = {});
    void onReceived(const QByteArray &bytes);
    void onReply(const SmtpReply &reply);
    void onEncrypted();
    void onClosed();
    void onTimeout();
    void onTotalTimeout();
    // A peer that broke a size limit: say which, fail the step, drop the queue and the connection.
    void dropHostilePeer(const QString &why);
    void sendNextBdatChunk();

    Transport *m_transport;
    ClientOptions m_options;
    ReplyParser m_parser;
    QList<Step> m_queue;
    Step m_current;
    bool m_active = false;
    int m_stage = 0;
    qsizetype m_bdatOffset = 0;
    QByteArray m_bdatBody;
    QTimer m_stepTimer;
    QTimer m_totalTimer;
    bool m_totalExpired = false;
    qsizetype m_sessionBytes = 0;      // received on the current connection
    bool m_authExchange = false;
    QElapsedTimer m_stepClock;
    QElapsedTimer m_connectClock;
    qint64 m_lastLineMs = 0;
    QList<TranscriptLine> m_transcript;
    QList<StepResult> m_results;
    EhloCapabilities m_caps;
    TlsInfo m_tls;
    QString m_banner;
    SmtpReply m_lastReply;
};

} // namespace mwb::smtp
