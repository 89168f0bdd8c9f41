#pragma once
// Test fixtures for the diagnosis engine: SMTP sessions written as protocol-log lines, and
// messages written as tracking hops, fed to the engine the way the loader does.
#include "model/core/diagnosis/engine.h"
#include "model/core/sessions/store.h"

#include <QDateTime>
#include <QStringList>
#include <memory>
#include <optional>

namespace fixtures {

using namespace mwb;

inline qint64 baseMs()
{
    return QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
}

// Splits one CSV record the way Exchange writes it: a field is quoted only when it contains a
// comma, and quotes inside are doubled.
inline QStringList splitCsv(const QString &line)
{
    QStringList fields;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    cur += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cur += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    fields << cur;
    return fields;
}

// A whole protocol-log line (9 fields: date-time,connector-id,session-id,sequence-number,
// local-endpoint,remote-endpoint,event,data,context) -> SessionLine.
inline SessionLine parseProtocolLine(const QString &text, qint64 lineNumber)
{
    const QStringList f = splitCsv(text);
    SessionLine l;
    l.timeMs = QDateTime::fromString(f.value(0), Qt::ISODateWithMs).toMSecsSinceEpoch();
    l.sequence = f.value(3).toInt();
    l.event = f.value(6).isEmpty() ? '*' : f.value(6).at(0).toLatin1();
    l.data = f.value(7);
    l.context = f.value(8);
    l.ref = RecordRef{0, lineNumber, 0, qint32(text.size())};
    return l;
}

class SessionBuilder {
public:
    SessionBuilder(Direction direction, const QString &id, const QString &server = QStringLiteral("EX01"))
    {
        static qint64 nextLine = 6;   // after five header lines
        m_nextLine = &nextLine;
        session.id = id;
        session.server = server;
        session.direction = direction;
        if (direction == Direction::Receive) {
            session.connector = server + QStringLiteral("\\Default ") + server;
            session.local = QStringLiteral("10.0.0.5:25");
            session.remote = QStringLiteral("203.0.113.9:51234");
        } else {
            session.connector = QStringLiteral("Internet Send Connector");
            session.local = QStringLiteral("10.0.0.5:50123");
            session.remote = QStringLiteral("198.51.100.7:25");
        }
        m_time = baseMs();
    }
    SessionBuilder &at(qint64 msFromBase)
    {
        m_time = baseMs() + msFromBase;
        return *this;
    }
    SessionBuilder &wait(qint64 ms)
    {
        m_time += ms;
        return *this;
    }
    SessionBuilder &line(char event, const QString &data = {}, const QString &context = {})
    {
        SessionLine l;
        l.timeMs = m_time;
        l.sequence = int(lines.size());
        l.event = event;
        l.data = data;
        l.context = context;
        l.ref = RecordRef{0, (*m_nextLine)++, 0, 80};
        add(l);
        m_time += 15;
        return *this;
    }
    // A literal protocol-log line (times and refs taken from it).
    SessionBuilder &raw(const QString &text)
    {
        add(parseProtocolLine(text, (*m_nextLine)++));
        return *this;
    }
    // Connect, banner, EHLO and the EHLO answer; Receive: Exchange is the server.
    SessionBuilder &greet(const QString &client = QStringLiteral("mail.fabrikam.com"),
                          const QString &serverName = QStringLiteral("ex01.contoso.com"),
                          const QString &caps = QStringLiteral("SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH NTLM X-EXPS GSSAPI NTLM 8BITMIME BINARYMIME CHUNKING XRDST"))
    {
        const char in = session.direction == Direction::Receive ? '<' : '>';
        const char out = session.direction == Direction::Receive ? '>' : '<';
        if (session.direction == Direction::Send)
            line('*', QString(), QStringLiteral("attempting to connect"));
        line('+');
        line(out, QStringLiteral("220 %1 Microsoft ESMTP MAIL Service ready at Fri, 20 Nov 2026 08:00:01 +0000").arg(serverName));
        line(in, QStringLiteral("EHLO ") + client);
        line(out, QStringLiteral("250  %1 Hello [203.0.113.9] %2").arg(serverName, caps));
        return *this;
    }
    SessionBuilder &command(const QString &c) { return line(session.direction == Direction::Receive ? '<' : '>', c); }
    SessionBuilder &reply(const QString &r) { return line(session.direction == Direction::Receive ? '>' : '<', r); }
    // MAIL, RCPT, DATA, 354, queued, QUIT.
    SessionBuilder &deliver(const QString &messageId = QStringLiteral("<m1@fabrikam.com>"))
    {
        command(QStringLiteral("MAIL FROM:<a@fabrikam.com> SIZE=1234"));
        reply(QStringLiteral("250 2.1.0 Sender OK"));
        command(QStringLiteral("RCPT TO:<b@contoso.com>"));
        reply(QStringLiteral("250 2.1.5 Recipient OK"));
        command(QStringLiteral("DATA"));
        reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        reply(QStringLiteral("250 2.6.0 %1 [InternalId=237172389052427, Hostname=ex01.contoso.com] 11511 bytes in 0.102, 109,173 KB/sec Queued mail for delivery").arg(messageId));
        session.messageIds << messageId;
        return *this;
    }
    SessionBuilder &quit()
    {
        command(QStringLiteral("QUIT"));
        reply(QStringLiteral("221 2.0.0 Closing connection"));
        line('-', QString(), QStringLiteral("Local"));
        return *this;
    }

    Session session;
    QList<SessionLine> lines;

private:
    // As the assembler does: certificate lines go into the session's certificates.
    void add(const SessionLine &l)
    {
        if (l.event == '*') {
            if (!m_certificates)
                m_certificates.emplace(session.direction == Direction::Send ? CertificateRole::Received : CertificateRole::Sending);
            m_certificates->read(l.context, l.data, l.ref, session.certificates);
        }
        lines << l;
    }

    qint64 m_time = 0;
    qint64 *m_nextLine = nullptr;
    std::optional<CertificateLogReader> m_certificates;
};

struct HopSpec {
    QString server;
    QString event;
    qint64 msFromBase = 0;
    QString recipientStatus;
    QString sourceContext;
    QString nextHop;
    QString sessionId;
};

inline Message makeMessage(const QString &id, const QList<HopSpec> &hops)
{
    static qint64 nextLine = 6;
    Message m;
    m.messageId = id;
    m.sender = QStringLiteral("a@contoso.com");
    m.recipients = {QStringLiteral("b@fabrikam.com")};
    for (const HopSpec &h : hops) {
        MessageHop hop;
        hop.server = h.server;
        hop.event = h.event;
        hop.source = QStringLiteral("SMTP");
        hop.timeMs = baseMs() + h.msFromBase;
        hop.recipientStatus = h.recipientStatus;
        hop.sourceContext = h.sourceContext;
        hop.nextHop = h.nextHop;
        hop.sessionId = h.sessionId;
        hop.recipients = m.recipients;
        hop.ref = RecordRef{1, nextLine++, 0, 200};
        m.hops << hop;
    }
    return m;
}

// Feeds sessions and messages to a fresh engine with the compiled-in knowledge base.
struct Run {
    std::shared_ptr<DiagnosisEngine> engine;
    std::unique_ptr<Store> store = std::make_unique<Store>();
    QList<Finding> findings;

    QList<Finding> of(const QString &rule) const
    {
        QList<Finding> out;
        for (const Finding &f : findings) {
            if (f.rule == rule)
                out << f;
        }
        return out;
    }
    bool has(const QString &rule) const { return !of(rule).isEmpty(); }
    QStringList rules() const
    {
        QStringList out;
        for (const Finding &f : findings)
            out << f.rule;
        return out;
    }
    int errorsOrWarnings() const
    {
        int n = 0;
        for (const Finding &f : findings)
            n += f.severity != Severity::Info;
        return n;
    }
};

inline Run run(const QList<SessionBuilder> &sessions, const QList<Message> &messages = {},
               const QList<SourceFile> &files = {})
{
    Run r;
    auto engine = DiagnosisEngine::create();
    if (!engine)
        qFatal("knowledge base failed to load: %s", qPrintable(engine.errorMessage()));
    r.engine = engine.value();
    r.store->files = files;
    if (r.store->files.isEmpty()) {
        SourceFile f;
        f.path = QStringLiteral("RECV20261120-1.LOG");
        f.format = LogFormat::SmtpReceive;
        f.server = QStringLiteral("EX01");
        r.store->files << f;
    }
    for (const SessionBuilder &b : sessions) {
        Session s = b.session;
        s.index = int(r.store->sessions.size());
        s.lineCount = int(b.lines.size());
        if (!b.lines.isEmpty()) {
            s.startMs = b.lines.first().timeMs;
            s.endMs = b.lines.last().timeMs;
        }
        r.store->sessions << s;
        r.engine->sessionAssembled(*r.store, s, b.lines);
    }
    for (Message m : messages) {
        m.index = int(r.store->messages.size());
        r.store->messages << m;
    }
    r.engine->loadFinished(*r.store);
    r.findings = r.engine->findings();
    return r;
}

} // namespace fixtures

// The one-rule expectation most diagnosis tests share: exactly these rules of a Run (info rules
// included), duplicates folded.
#define EXPECT_RULES(r, ...)                                                                       \
    do {                                                                                           \
        QStringList got = (r).rules();                                                             \
        got.removeDuplicates();                                                                    \
        got.sort();                                                                                \
        QStringList want{__VA_ARGS__};                                                             \
        want.sort();                                                                               \
        QCOMPARE(got, want);                                                                       \
    } while (false)
