#include "model/core/smtp/smtpclient.h"

#include "model/core/common/safetext.h"
#include "model/core/common/secretscrub.h"

#include <QJsonArray>
#include <QUuid>

namespace mwb::smtp {
namespace {

constexpr int kBodyLinesShown = 40;
const QString kMask = QStringLiteral("********");

} // namespace

QString tlsModeName(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Plain: return QStringLiteral("plain");
    case TlsMode::StartTls: return QStringLiteral("starttls");
    case TlsMode::Implicit: return QStringLiteral("tls");
    }
    return {};
}

QString stepName(Step::Kind kind)
{
    switch (kind) {
    case Step::Connect: return QStringLiteral("CONNECT");
    case Step::Ehlo: return QStringLiteral("EHLO");
    case Step::Helo: return QStringLiteral("HELO");
    case Step::StartTls: return QStringLiteral("STARTTLS");
    case Step::AuthPlain: return QStringLiteral("AUTH PLAIN");
    case Step::AuthLogin: return QStringLiteral("AUTH LOGIN");
    case Step::AuthXoauth2: return QStringLiteral("AUTH XOAUTH2");
    case Step::MailFrom: return QStringLiteral("MAIL");
    case Step::RcptTo: return QStringLiteral("RCPT");
    case Step::Data: return QStringLiteral("DATA");
    case Step::Bdat: return QStringLiteral("BDAT");
    case Step::Rset: return QStringLiteral("RSET");
    case Step::Noop: return QStringLiteral("NOOP");
    case Step::Quit: return QStringLiteral("QUIT");
    case Step::Raw: return QStringLiteral("RAW");
    }
    return {};
}

QJsonObject StepResult::toJson() const
{
    QJsonObject o{
        {QStringLiteral("step"), name},
        {QStringLiteral("ok"), ok},
        {QStringLiteral("ms"), elapsedMs},
        {QStringLiteral("code"), reply.code},
        {QStringLiteral("enhanced"), reply.enhanced},
        {QStringLiteral("reply"), reply.summary()},
    };
    if (timedOut)
        o.insert(QStringLiteral("timedOut"), true);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

QByteArray normaliseLineEnds(const QByteArray &body)
{
    QByteArray out;
    out.reserve(body.size() + body.size() / 32 + 2);
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (c == '\r') {
            out.append("\r\n");
            if (i + 1 < body.size() && body.at(i + 1) == '\n')
                ++i;
        } else if (c == '\n') {
            out.append("\r\n");  // bare LF: the classic gotcha Exchange rejects or mangles
        } else {
            out.append(c);
        }
    }
    return out;
}

QByteArray prepareDataBody(const QByteArray &body)
{
    QByteArray normal = normaliseLineEnds(body);
    if (!normal.isEmpty() && !normal.endsWith("\r\n"))
        normal.append("\r\n");
    QByteArray out;
    out.reserve(normal.size() + 16);
    bool lineStart = true;
    for (const char c : std::as_const(normal)) {
        if (lineStart && c == '.')
            out.append('.');  // dot-stuffing (RFC 5321 4.5.2)
        out.append(c);
        lineStart = (c == '\n');
    }
    return out;
}

QByteArray makeTestMessage(const QString &from, const QString &to, const QString &subject)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString date = QDateTime::currentDateTimeUtc().toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000"));
    QString msg;
    msg += QStringLiteral("From: <%1>\r\n").arg(from);
    msg += QStringLiteral("To: <%1>\r\n").arg(to);
    msg += QStringLiteral("Subject: %1\r\n").arg(subject);
    msg += QStringLiteral("Date: %1\r\n").arg(date);
    msg += QStringLiteral("Message-ID: <%1@mailflow-workbench.invalid>\r\n").arg(id);
    msg += QStringLiteral("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
    msg += QStringLiteral("Test message from Mailflow Workbench.\r\n");
    return msg.toUtf8();
}

SmtpClient::SmtpClient(Transport *transport, QObject *parent)
    : QObject(parent), m_transport(transport ? transport : new SslSocketTransport(this))
{
    m_transport->setParent(this);
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stepTimer, &QTimer::timeout, this, &SmtpClient::onTimeout);
    m_totalTimer.setSingleShot(true);
    m_totalTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_totalTimer, &QTimer::timeout, this, &SmtpClient::onTotalTimeout);
    connect(m_transport, &Transport::received, this, &SmtpClient::onReceived);
    connect(m_transport, &Transport::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_transport, &Transport::closed, this, &SmtpClient::onClosed);
    connect(m_transport, &Transport::connected, this, [this] {
        addLine(Direction::Info, QStringLiteral("Connected to %1").arg(m_transport->peerDescription()));
        if (m_active && m_current.kind == Step::Connect)
            m_stage = 1;
    });
    connect(m_transport, &Transport::failed, this, [this](const QString &message) {
        addLine(Direction::Error, message);
        if (m_active)
            finishStep(false, message);
    });
}

SmtpClient::~SmtpClient()
{
    // Disconnect first so that closing the socket does not call back into a half-destroyed object.
    disconnect(m_transport, nullptr, this, nullptr);
}

void SmtpClient::setOptions(const ClientOptions &options)
{
    m_options = options;
    m_parser = ReplyParser(options.replyLimits());
    m_totalExpired = false;
}

bool SmtpClient::isConnected() const
{
    return m_transport->isOpen();
}

bool SmtpClient::isEncrypted() const
{
    return m_transport->isEncrypted();
}

void SmtpClient::enqueue(const Step &step)
{
    m_queue.append(step);
    if (!m_active)
        QMetaObject::invokeMethod(this, &SmtpClient::startNext, Qt::QueuedConnection);
}

void SmtpClient::enqueue(const QList<Step> &steps)
{
    for (const Step &s : steps)
        enqueue(s);
}

void SmtpClient::clearQueue()
{
    m_queue.clear();
}

void SmtpClient::abort()
{
    m_queue.clear();
    if (m_active)
        finishStep(false, QStringLiteral("Aborted by the user"));
    if (m_transport->isOpen())
        m_transport->close();
}

void SmtpClient::clearTranscript()
{
    m_transcript.clear();
    m_results.clear();
}

QString SmtpClient::transcriptText(bool withTimings) const
{
    QString out;
    for (const TranscriptLine &l : m_transcript) {
        if (l.sincePreviousMs > kTranscriptGapMs)
            out += silenceTextLine(l.sincePreviousMs) + u'\n';
        out += transcriptTextLine(withTimings ? transcriptTimings(l) : QString(), l.direction, l.text) + u'\n';
    }
    return scrubAuthSecrets(out);   // peer bytes are escaped by transcriptTextLine; secrets go here
}

QString transcriptTimings(const TranscriptLine &line)
{
    return QStringLiteral("%1 %2").arg(QStringLiteral("+%1 ms").arg(line.sincePreviousMs), 10).arg(QStringLiteral("@%1 ms").arg(line.sinceConnectMs), 11);
}

void SmtpClient::addLine(Direction d, const QString &text, const QByteArray &raw)
{
    TranscriptLine line;
    line.direction = d;
    line.text = text;
    line.raw = raw;
    line.at = QDateTime::currentDateTimeUtc();
    const qint64 now = m_connectClock.isValid() ? m_connectClock.elapsed() : 0;
    line.sinceConnectMs = now;
    line.sincePreviousMs = now - m_lastLineMs;
    m_lastLineMs = now;
    m_transcript.append(line);
    emit lineAdded(line);
}

void SmtpClient::send(const QByteArray &line, const QString &shown)
{
    const QByteArray wire = line + "\r\n";
    m_transport->write(wire);
    if (shown.isEmpty())
        addLine(Direction::Client, QString::fromUtf8(line), wire);
    else
        addLine(Direction::Client, shown, shown.toUtf8() + "\r\n");
}

void SmtpClient::sendBodyBytes(const QByteArray &wire, const QString &what)
{
    m_transport->write(wire);
    const QList<QByteArray> lines = wire.split('\n');
    int shown = 0;
    qsizetype shownBytes = 0;
    for (const QByteArray &l : lines) {
        if (l.isEmpty() && shownBytes >= wire.size() - 1)
            break;
        if (shown == kBodyLinesShown)
            break;
        QByteArray text = l;
        if (text.endsWith('\r'))
            text.chop(1);
        addLine(Direction::Client, QString::fromUtf8(text), l + '\n');
        shownBytes += l.size() + 1;
        ++shown;
    }
    if (shownBytes < wire.size())
        addLine(Direction::Info, QStringLiteral("… %1 more bytes of %2 not shown").arg(wire.size() - shownBytes).arg(what));
}

void SmtpClient::startNext()
{
    if (m_active)
        return;
    if (m_queue.isEmpty()) {
        emit idle();
        return;
    }
    if (m_options.totalTimeoutMs > 0 && !m_totalTimer.isActive()) {
        if (m_totalExpired) {
            // The wall-clock limit is over: nothing more runs.
            m_queue.clear();
            emit idle();
            return;
        }
        m_totalTimer.start(m_options.totalTimeoutMs);
    }
    m_current = m_queue.takeFirst();
    m_active = true;
    m_stage = 0;
    m_stepClock.start();
    m_stepTimer.start(std::max(1, m_options.stepTimeoutMs));
    emit stepStarted(m_current.kind == Step::StartTls && !m_current.argument.isEmpty() ? m_current.argument : stepName(m_current.kind));

    const bool needsConnection = m_current.kind != Step::Connect;
    if (needsConnection && !m_transport->isOpen()) {
        finishStep(false, QStringLiteral("Not connected"));
        return;
    }
    const QString ehloName = m_current.argument.isEmpty() ? m_options.ehloName : m_current.argument;
    switch (m_current.kind) {
    case Step::Connect:
        if (m_transport->isOpen()) {
            finishStep(false, QStringLiteral("Already connected; QUIT first"));
            return;
        }
        m_parser = ReplyParser(m_options.replyLimits());
        m_sessionBytes = 0;
        m_authExchange = false;
        m_caps = {};
        m_tls = {};
        m_banner.clear();
        m_connectClock.start();
        m_lastLineMs = 0;
        addLine(Direction::Info, QStringLiteral("Connecting to %1 port %2 (%3)")
                                     .arg(m_options.host).arg(m_options.port).arg(tlsModeName(m_options.mode)));
        m_transport->connectToHost(m_options.host, m_options.port, m_options.mode == TlsMode::Implicit,
                                   m_options.expectedName.isEmpty() ? m_options.host : m_options.expectedName);
        break;
    case Step::Ehlo:
        send("EHLO " + ehloName.toUtf8());
        break;
    case Step::Helo:
        send("HELO " + ehloName.toUtf8());
        break;
    case Step::StartTls:
        if (m_transport->isEncrypted()) {
            finishStep(false, QStringLiteral("The session is already encrypted"));
            return;
        }
        send(m_current.argument.isEmpty() ? QByteArray("STARTTLS") : m_current.argument.toLatin1());
        break;
    case Step::AuthPlain:
    case Step::AuthLogin:
    case Step::AuthXoauth2: {
        if (!m_transport->isEncrypted()) {
            if (!m_options.allowAuthWithoutTls) {
                finishStep(false, QStringLiteral("AUTH refused: the session is not encrypted, so the password would "
                                                 "cross the network readable. Run STARTTLS first, or allow AUTH "
                                                 "without TLS explicitly."));
                return;
            }
            addLine(Direction::Warning, QStringLiteral("AUTH over an unencrypted session (override): the password "
                                                       "crosses the network only base64-encoded."));
        }
        if (m_current.kind == Step::AuthPlain) {
            const QByteArray token = (QByteArray(1, '\0') + m_current.user.toUtf8() + QByteArray(1, '\0')
                                      + m_current.password.toUtf8()).toBase64();
            send("AUTH PLAIN " + token, QStringLiteral("AUTH PLAIN %1 (user %2, password hidden)").arg(kMask, m_current.user));
        } else if (m_current.kind == Step::AuthXoauth2) {
            // SASL XOAUTH2 (Microsoft / Google): base64("user=" U ^A "auth=Bearer " TOKEN ^A ^A).
            const QByteArray token = ("user=" + m_current.user.toUtf8() + "\x01" "auth=Bearer " + m_current.password.toUtf8() + "\x01\x01")
                                         .toBase64();
            send("AUTH XOAUTH2 " + token, QStringLiteral("AUTH XOAUTH2 %1 (user %2, token hidden)").arg(kMask, m_current.user));
        } else {
            send("AUTH LOGIN");
        }
        break;
    }
    case Step::MailFrom:
    case Step::RcptTo: {
        QString arg = m_current.argument.trimmed();
        if (!arg.startsWith(u'<'))
            arg = u'<' + arg.section(u' ', 0, 0) + u'>' + (arg.contains(u' ') ? u' ' + arg.section(u' ', 1) : QString());
        send((m_current.kind == Step::MailFrom ? "MAIL FROM:" : "RCPT TO:") + arg.toUtf8());
        break;
    }
    case Step::Data:
        send("DATA");
        break;
    case Step::Bdat:
        m_bdatBody = normaliseLineEnds(m_current.body);
        m_bdatOffset = 0;
        sendNextBdatChunk();
        break;
    case Step::Rset:
        send("RSET");
        break;
    case Step::Noop:
        send("NOOP");
        break;
    case Step::Quit:
        send("QUIT");
        break;
    case Step::Raw: {
        // Typed AUTH (XOAUTH2, CRAM-MD5, NTLM, or PLAIN/LOGIN by hand): the initial response and
        // every line of the exchange are credentials. They go on the wire, never into the transcript.
        const QString line = m_current.argument;
        if (line.section(u' ', 0, 0, QString::SectionSkipEmpty).compare(QLatin1String("AUTH"), Qt::CaseInsensitive) == 0) {
            m_authExchange = true;
            const QString mech = line.section(u' ', 1, 1, QString::SectionSkipEmpty).toUpper();
            const bool initial = !line.section(u' ', 2, -1, QString::SectionSkipEmpty).isEmpty();
            send(line.toUtf8(), initial ? QStringLiteral("AUTH %1 %2 (initial response hidden)").arg(mech, kMask)
                                        : QStringLiteral("AUTH %1").arg(mech));
        } else if (m_authExchange) {
            send(line.toUtf8(), kMask + QStringLiteral(" (AUTH response hidden)"));
        } else {
            send(line.toUtf8());
        }
        break;
    }
    }
}

void SmtpClient::sendNextBdatChunk()
{
    const qsizetype remaining = m_bdatBody.size() - m_bdatOffset;
    const qsizetype size = m_current.chunkSize > 0 ? std::min<qsizetype>(m_current.chunkSize, remaining) : remaining;
    const bool last = m_bdatOffset + size >= m_bdatBody.size();
    const QByteArray command = "BDAT " + QByteArray::number(size) + (last ? " LAST" : "");
    const QByteArray chunk = m_bdatBody.mid(m_bdatOffset, size);
    // The chunk follows the command without waiting (RFC 3030); the reply comes after the chunk.
    send(command);
    if (!chunk.isEmpty())
        sendBodyBytes(chunk, QStringLiteral("the chunk"));
    m_bdatOffset += size;
    m_stage = last ? 1 : 0;
}

void SmtpClient::finishStep(bool ok, const QString &error, bool timedOut)
{
    if (!m_active)
        return;
    m_stepTimer.stop();
    StepResult r;
    r.kind = m_current.kind;
    r.name = m_current.kind == Step::Raw || (m_current.kind == Step::StartTls && !m_current.argument.isEmpty())
        ? m_current.argument.section(u' ', 0, 0).toUpper()
        : stepName(m_current.kind);
    r.ok = ok;
    r.error = error;
    r.timedOut = timedOut;
    r.reply = m_lastReply;
    r.elapsedMs = m_stepClock.elapsed();
    m_lastReply = {};
    m_current = {};  // forget the password as soon as the step is over
    m_active = false;
    if (!ok && !error.isEmpty())
        addLine(timedOut ? Direction::Error : Direction::Warning, QStringLiteral("%1: %2").arg(r.name, error));
    m_results.append(r);
    if (!ok && m_options.stopOnFailure && !m_queue.isEmpty()) {
        addLine(Direction::Info, QStringLiteral("%1 remaining step(s) skipped").arg(m_queue.size()));
        m_queue.clear();
    }
    emit stepFinished(r);
    QMetaObject::invokeMethod(this, &SmtpClient::startNext, Qt::QueuedConnection);
}

void SmtpClient::onReceived(const QByteArray &bytes)
{
    if (!m_transport->isOpen() && m_parser.overflowed())
        return;  // bytes still queued from a peer we already dropped
    m_sessionBytes += bytes.size();
    if (m_sessionBytes > m_options.sessionByteLimit) {
        dropHostilePeer(QStringLiteral("The server sent more than %1 MiB on this connection")
                            .arg(double(m_options.sessionByteLimit) / (1024 * 1024)));
        return;
    }
    m_parser.feed(bytes);
    const QList<QByteArray> raw = m_parser.takeRawLines();
    for (const QByteArray &line : raw) {
        QByteArray text = line;
        while (text.endsWith('\n') || text.endsWith('\r'))
            text.chop(1);
        QString shown = QString::fromUtf8(text);
        if (text.size() >= m_options.replyLineCap)
            shown += QStringLiteral(" … [line cut at %1 bytes]").arg(m_options.replyLineCap);
        addLine(Direction::Server, shown, line);
        if (!line.endsWith("\r\n"))
            addLine(Direction::Warning, QStringLiteral("The server ended that line with a bare LF instead of CRLF"));
    }
    while (m_parser.hasReply())
        onReply(m_parser.takeReply());
    if (m_parser.overflowed())
        dropHostilePeer(QStringLiteral("The server sent a reply of more than %1 lines or %2 KiB")
                            .arg(m_options.replyLineLimit)
                            .arg(m_options.replyByteLimit / 1024));
}

void SmtpClient::dropHostilePeer(const QString &why)
{
    const QString message = why + QStringLiteral(": the connection was closed (a hostile or broken server).");
    m_queue.clear();
    if (m_active)
        finishStep(false, message);
    else
        addLine(Direction::Error, message);
    if (m_transport->isOpen())
        m_transport->close();
}

void SmtpClient::onTotalTimeout()
{
    m_totalExpired = true;
    const double seconds = m_options.totalTimeoutMs / 1000.0;
    const QString message = QStringLiteral("The time limit of %1 s for the whole run ran out").arg(seconds);
    m_queue.clear();
    if (m_active)
        finishStep(false, message, true);
    else
        addLine(Direction::Error, message);
    if (m_transport->isOpen())
        m_transport->close();
}

void SmtpClient::onReply(const SmtpReply &reply)
{
    m_lastReply = reply;
    if (reply.code != 334)
        m_authExchange = false;
    if (reply.truncated)
        addLine(Direction::Warning, QStringLiteral("A reply line exceeded %1 bytes and was cut").arg(m_options.replyLineCap));
    if (!m_active) {
        if (reply.code == 421)
            addLine(Direction::Warning, QStringLiteral("The server is closing the session (421)"));
        else
            addLine(Direction::Info, QStringLiteral("Unsolicited reply (no command pending)"));
        return;
    }
    if (reply.malformed && reply.code == 0) {
        finishStep(false, QStringLiteral("The server sent a line that is not an SMTP reply"));
        return;
    }
    const int code = reply.code;
    switch (m_current.kind) {
    case Step::Connect:
        m_banner = reply.lines.join(u'\n');
        if (code == 220)
            finishStep(true);
        else
            finishStep(false, QStringLiteral("The banner is %1, not 220").arg(reply.summary()));
        break;
    case Step::Helo:
        finishStep(code == 250, code == 250 ? QString() : QStringLiteral("HELO was refused"));
        break;
    case Step::Ehlo:
        if (code == 250) {
            m_caps = EhloCapabilities::parse(reply);
            emit capabilitiesChanged(m_caps);
            finishStep(true);
        } else {
            finishStep(false, QStringLiteral("EHLO was refused"));
        }
        break;
    case Step::StartTls:
        if (m_stage == 0 && code == 220) {
            m_stage = 1;
            addLine(Direction::Info, QStringLiteral("TLS handshake…"));
            m_transport->startClientEncryption(m_options.expectedName.isEmpty() ? m_options.host : m_options.expectedName);
        } else {
            finishStep(false, QStringLiteral("%1 was refused").arg(m_current.argument.isEmpty() ? QStringLiteral("STARTTLS") : m_current.argument));
        }
        break;
    case Step::AuthPlain:
        finishStep(code == 235, code == 235 ? QString() : QStringLiteral("Authentication failed"));
        break;
    case Step::AuthXoauth2:
        if (code == 334 && m_stage == 0) {
            // The server's error details come as a 334 challenge; the client answers with an empty
            // line and gets the final 5xx.
            m_stage = 1;
            send(QByteArray(), QStringLiteral("(empty response to the XOAUTH2 error challenge)"));
        } else {
            finishStep(code == 235, code == 235 ? QString() : QStringLiteral("Authentication failed"));
        }
        break;
    case Step::AuthLogin:
        if (code == 334 && m_stage == 0) {
            m_stage = 1;
            send(m_current.user.toUtf8().toBase64(), QStringLiteral("%1 (user name %2)")
                                                        .arg(QString::fromLatin1(m_current.user.toUtf8().toBase64()), m_current.user));
        } else if (code == 334 && m_stage == 1) {
            m_stage = 2;
            send(m_current.password.toUtf8().toBase64(), kMask + QStringLiteral(" (password hidden)"));
        } else {
            finishStep(code == 235, code == 235 ? QString() : QStringLiteral("Authentication failed"));
        }
        break;
    case Step::MailFrom:
    case Step::RcptTo:
        finishStep(code == 250 || code == 251, reply.isPositive() ? QString() : QStringLiteral("Refused"));
        break;
    case Step::Data:
        if (m_stage == 0) {
            if (code != 354) {
                finishStep(false, QStringLiteral("DATA was not accepted"));
                return;
            }
            m_stage = 1;
            m_stepTimer.start(std::max(1, m_options.stepTimeoutMs));
            sendBodyBytes(prepareDataBody(m_current.body), QStringLiteral("the body"));
            if (m_current.terminateData) {
                const QByteArray dot = ".\r\n";
                m_transport->write(dot);
                addLine(Direction::Client, QStringLiteral("."), dot);
            } else {
                addLine(Direction::Warning, QStringLiteral("Fault mode: the body was sent WITHOUT the <CRLF>.<CRLF> "
                                                           "terminator; the server keeps waiting for more data "
                                                           "(the 354 stall)."));
            }
        } else {
            finishStep(code == 250, code == 250 ? QString() : QStringLiteral("The message was not accepted"));
        }
        break;
    case Step::Bdat:
        if (code != 250) {
            finishStep(false, QStringLiteral("BDAT chunk refused"));
        } else if (m_stage == 1) {
            finishStep(true);
        } else {
            m_stepTimer.start(std::max(1, m_options.stepTimeoutMs));
            sendNextBdatChunk();
        }
        break;
    case Step::Rset:
    case Step::Noop:
        finishStep(code == 250, code == 250 ? QString() : QStringLiteral("Refused"));
        break;
    case Step::Quit:
        finishStep(code == 221, code == 221 ? QString() : QStringLiteral("QUIT not acknowledged"));
        m_transport->close();
        break;
    case Step::Raw:
        finishStep(reply.isPositive(), reply.isPositive() ? QString() : QStringLiteral("Refused"));
        break;
    }
}

void SmtpClient::onEncrypted()
{
    m_tls = m_transport->tlsInfo();
    if (!m_tls.chain.isEmpty())
        m_tls.nameCheck = checkName(m_tls.chain.first(), m_options.expectedName);
    addLine(Direction::Info, QStringLiteral("TLS established: %1, %2 (%3 bits)").arg(m_tls.protocol, m_tls.cipher).arg(m_tls.cipherBits));
    if (!m_tls.chain.isEmpty()) {
        const Certificate &leaf = m_tls.chain.first();
        addLine(Direction::Info, QStringLiteral("Certificate: %1, issued by %2, thumbprint %3")
                                     .arg(leaf.subject, leaf.issuer, leaf.thumbprint));
    }
    addLine(m_tls.verified ? Direction::Info : Direction::Warning, m_tls.verificationSummary);
    if (m_tls.nameCheck.checked)
        addLine(m_tls.nameCheck.matches ? Direction::Info : Direction::Warning, m_tls.nameCheck.explanation);
    emit tlsEstablished(m_tls);
    if (!m_active)
        return;
    if (m_current.kind == Step::StartTls && m_stage == 1) {
        m_caps = {};  // capabilities must be asked again after STARTTLS (RFC 3207)
        finishStep(true);
    } else if (m_current.kind == Step::Connect) {
        m_stage = 1;
    }
}

void SmtpClient::onClosed()
{
    addLine(Direction::Info, QStringLiteral("Connection closed"));
    if (m_active) {
        if (m_current.kind == Step::Quit)
            finishStep(true);
        else
            finishStep(false, QStringLiteral("The server closed the connection"));
    }
    emit connectionClosed();
}

void SmtpClient::onTimeout()
{
    if (!m_active)
        return;
    const double seconds = m_options.stepTimeoutMs / 1000.0;
    if (m_current.kind == Step::Data && m_stage == 1 && !m_current.terminateData) {
        finishStep(false, QStringLiteral("No reply %1 s after the body: the server answered 354 and still waits "
                                         "for <CRLF>.<CRLF>. This is the 354 stall: the client (or a firewall's "
                                         "SMTP inspection) never sent the end-of-data line.").arg(seconds),
                   true);
        return;
    }
    if (m_current.kind == Step::Data && m_stage == 1) {
        finishStep(false, QStringLiteral("No reply %1 s after <CRLF>.<CRLF> was sent: something between us and "
                                         "the server (SMTP inspection) may be holding the end of data.").arg(seconds),
                   true);
        return;
    }
    const bool wasConnect = m_current.kind == Step::Connect;
    finishStep(false, QStringLiteral("No reply within %1 s").arg(seconds), true);
    if (wasConnect)
        m_transport->close();
}

} // namespace mwb::smtp
