#include "model/core/sessions/assembler.h"

#include "model/core/common/background.h"
#include "model/core/common/platform.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>
#include <string_view>

namespace mwb {

using ingest::FieldView;

namespace {

// Values that recur across sessions (the local endpoint, the server's banner name, disconnect
// reasons, TLS protocol and cipher) are kept once per build thread and shared by every session
// that has them: over millions of sessions that is hundreds of MB less heap. Short values only,
// and a bounded table, so a long-lived pool thread does not collect unique strings. Kinds of value
// with many distinct ones (client names, senders, replies) have tables of their own, so that they
// cannot fill the shared one.
enum class Pool { Shared, ClientName, Sender, Reply, Count };

// The copy a thread's bounded table already holds, else `value` (kept while there is room).
template <typename T>
T interned(QSet<T> &pool, T value, qsizetype maxEntries)
{
    const auto it = pool.constFind(value);
    if (it != pool.constEnd())
        return *it;
    if (pool.size() < maxEntries)
        pool.insert(value);
    return value;
}

QString pooled(QString value, Pool kind = Pool::Shared)
{
    constexpr qsizetype kMaxLength = 64;
    thread_local QSet<QString> pools[int(Pool::Count)];
    if (value.isEmpty() || value.size() > kMaxLength)
        return value;
    return interned(pools[int(kind)], std::move(value), 4096);
}

// The same for the capability lists of EHLO replies: a server advertises the same list to every
// client, ten and more strings per session.
QStringList pooledList(const QStringList &value)
{
    thread_local QSet<QStringList> pool;
    return value.isEmpty() ? value : interned(pool, value, 1024);
}

// The text before the first space (all of it without one), as QString::section(u' ', 0, 0) gives it,
// without splitting the whole line into a list first (that split was ~8 % of a full load).
QString firstWord(const QString &text)
{
    const qsizetype space = text.indexOf(u' ');
    return space < 0 ? text : text.first(space);
}

// The trimmed field as a view; `holder` keeps the collapsed copy when doubled quotes need it.
QByteArrayView fieldView(const FieldView &f, QByteArray &holder)
{
    if (!f.hasDoubledQuotes)
        return ingest::trimmedView(f.view());
    holder = f.bytes();
    return ingest::trimmedView(holder);
}

qsizetype find(QByteArrayView hay, std::string_view needle)
{
    const std::string_view h(hay.data(), size_t(hay.size()));
    const size_t p = h.find(needle);
    return p == std::string_view::npos ? -1 : qsizetype(p);
}

// The first <…> in text → message id, once.
void addMessageId(Session &s, QByteArrayView text)
{
    const qsizetype b = text.indexOf('<');
    if (b < 0)
        return;
    const qsizetype e = text.sliced(b).indexOf('>');
    if (e < 0)
        return;
    const QString id = QString::fromUtf8(text.sliced(b, e + 1));
    if (!s.messageIds.contains(id))
        s.messageIds.append(id);
}

int replyCode(QByteArrayView r)
{
    if (r.size() < 3)
        return 0;
    for (int i = 0; i < 3; ++i) {
        if (r[i] < '0' || r[i] > '9')
            return 0;
    }
    if (r.size() > 3 && r[3] != ' ' && r[3] != '-')
        return 0;
    return (r[0] - '0') * 100 + (r[1] - '0') * 10 + (r[2] - '0');
}

QString firstAngle(const QString &s, qsizetype from = 0)
{
    const qsizetype b = s.indexOf(u'<', from);
    if (b < 0)
        return {};
    const qsizetype e = s.indexOf(u'>', b + 1);
    if (e < 0)
        return {};
    return s.mid(b, e - b + 1);
}

QString addressOf(const QString &arg)
{
    // "FROM:<a@b> SIZE=1" / "TO:<a@b>" / "FROM: a@b"
    const qsizetype colon = arg.indexOf(u':');
    QString rest = (colon >= 0 ? arg.mid(colon + 1) : arg).trimmed();
    if (rest.startsWith(u'<')) {
        const qsizetype e = rest.indexOf(u'>');
        return e > 0 ? rest.mid(1, e - 1) : rest.mid(1);
    }
    const qsizetype sp = rest.indexOf(u' ');
    return sp >= 0 ? rest.left(sp) : rest;
}

} // namespace

QStringList parseCapabilities(const QString &text)
{
    static const QSet<QString> takesArgs = {QStringLiteral("SIZE"), QStringLiteral("AUTH"), QStringLiteral("X-EXPS"),
                                            QStringLiteral("X-EXCHANGEAUTH"), QStringLiteral("X-RCPTLIMIT")};
    static const QSet<QString> mechanisms = {QStringLiteral("GSSAPI"), QStringLiteral("NTLM"), QStringLiteral("LOGIN"),
                                             QStringLiteral("PLAIN"), QStringLiteral("CRAM-MD5"), QStringLiteral("DIGEST-MD5"),
                                             QStringLiteral("EXCHANGEAUTH"), QStringLiteral("SHA256"), QStringLiteral("XOAUTH2"),
                                             QStringLiteral("KERBEROS"), QStringLiteral("OAUTHBEARER")};
    QStringList caps;
    bool argsOpen = false;
    for (const QString &raw : text.split(u' ', Qt::SkipEmptyParts)) {
        const QString tok = raw.toUpper();
        bool numeric = false;
        tok.toLongLong(&numeric);
        if (argsOpen && !caps.isEmpty() && (numeric || mechanisms.contains(tok))) {
            caps.last() += u' ' + tok;
            continue;
        }
        caps.append(tok);
        argsOpen = takesArgs.contains(tok);
    }
    return caps;
}

struct SessionBuilder::State {
    Session s;
    Direction direction = Direction::Receive;
    char commandEvent = '<';
    char replyEvent = '>';
    QByteArray pending;        // verb of the last command awaiting its reply
    bool inMultiEhlo = false;  // 2010: 250-… continuation lines
    bool awaitingFinal = false;
    bool mailIssued = false;
    bool quit = false;
    bool sawConnect = false;
    bool sawDisconnect = false;
    int delivered = 0;
    int lastErrorClass = 0;
    // Certificate lines without an announcing line: Exchange's own in a Receive log, the peer's in a Send log.
    CertificateLogReader certificates{CertificateRole::Unknown};
    qint64 prevTime = kNoTime;
    bool tlsReady = false;     // STARTTLS / X-ANONYMOUSTLS answered 220: a handshake follows
    QByteArrayView lastReply;  // last reply other than 220 (banner, "ready to start TLS")
    QByteArray lastReplyHolder;
    QByteArrayView last220;    // the last 220, for a session that has no other reply (as lastReply)
    QByteArray last220Holder;
    QByteArrayView last221;    // "221 Service closing": the final reply only when nothing else was
    QByteArray last221Holder;  // answered but the banner (it says nothing of how the session went)
};

SessionBuilder::SessionBuilder(Direction direction) : d(std::make_unique<State>())
{
    d->direction = direction;
    d->s.direction = direction;
    // In Send logs the roles flip: '>' carries Exchange's commands, '<' the remote's replies.
    d->commandEvent = direction == Direction::Send ? '>' : '<';
    d->replyEvent = direction == Direction::Send ? '<' : '>';
    d->certificates = CertificateLogReader(direction == Direction::Send ? CertificateRole::Received : CertificateRole::Sending);
}

SessionBuilder::~SessionBuilder() = default;

void SessionBuilder::addLine(qint64 t, int sequence, char event, const FieldView &dataF, const FieldView &contextF,
                             const FieldView &localF, const FieldView &remoteF, const RecordRef &ref)
{
    Session &s = d->s;
    ++s.lineCount;
    if (t != kNoTime) {
        if (s.startMs == kNoTime || t < s.startMs)
            s.startMs = t;
        if (s.endMs == kNoTime || t > s.endMs)
            s.endMs = t;
        if (d->prevTime != kNoTime && t - d->prevTime > s.maxGapMs)
            s.maxGapMs = t - d->prevTime;
        d->prevTime = t;
    }
    if (sequence == 0)
        d->sawConnect = true;
    if (s.local.isEmpty() && !localF.isEmpty())
        s.local = pooled(localF.text().trimmed());
    if (s.remote.isEmpty() && !remoteF.isEmpty())
        s.remote = remoteF.text().trimmed();

    QByteArray dataHolder;
    const QByteArrayView data = fieldView(dataF, dataHolder);
    switch (event) {
    case '+':
        d->sawConnect = true;
        return;
    case '-': {
        d->sawDisconnect = true;
        QByteArray ctxHolder;
        s.disconnectReason = pooled(QString::fromUtf8(contextF.isEmpty() ? data : fieldView(contextF, ctxHolder)));
        return;
    }
    default: break;
    }

    if (event == d->replyEvent) {
        const int code = replyCode(data);
        if (code == 0)
            return;
        const bool continuation = data.size() > 3 && data[3] == '-';
        auto rest = [&] { return QString::fromUtf8(data.sliced(std::min<qsizetype>(4, data.size()))).trimmed(); };
        if (code == 220) {
            // A banner or "ready to start TLS" says nothing about how the session ended: it is the
            // final reply only when nothing else was answered (a failed handshake once showed as
            // "220 2.0.0 SMTP server ready" beside a green padlock, issue #24).
            if (dataHolder.isEmpty()) {
                d->last220 = data;
            } else {
                d->last220Holder = dataHolder;
                d->last220 = d->last220Holder;
            }
            if (d->pending == "STARTTLS" || d->pending == "X-ANONYMOUSTLS") {
                s.tls = true;
                d->tlsReady = true;
            } else if (s.greetingName.isEmpty()) {
                s.greetingName = pooled(firstWord(rest()));
            }
            d->pending.clear();
            return;
        }
        // Kept as a view into the file bytes (alive while building); text is made once at the end.
        // The closing 221 after QUIT is not "the final reply" an admin looks for: a rejected
        // session showed "221 2.0.0 Service closing" instead of its 550 (issue #24, point 2).
        QByteArrayView &kept = code == 221 ? d->last221 : d->lastReply;
        QByteArray &keptHolder = code == 221 ? d->last221Holder : d->lastReplyHolder;
        if (dataHolder.isEmpty()) {
            kept = data;
        } else {
            keptHolder = dataHolder;
            kept = keptHolder;
        }
        if (code == 221) {   // closing: never a transaction's answer (not a delivery after 354)
            d->pending.clear();
            return;
        }
        if (code == 250 && (d->pending == "EHLO" || d->pending == "HELO" || d->inMultiEhlo)) {
            static const QRegularExpression foldedReply(QStringLiteral("\\s250[- ]"));
            const QString text = QString::fromUtf8(data);
            const bool foldedLine = text.contains(foldedReply);
            if (continuation && !d->inMultiEhlo && !foldedLine) {
                // 2010: first line of a multi-line reply: "250-ex01 Hello [1.2.3.4]"
                d->inMultiEhlo = true;
                s.capabilities.clear();
                s.greetingName = pooled(firstWord(rest()));
                return;
            }
            if (d->inMultiEhlo) {
                s.capabilities.append(parseCapabilities(rest()));
                if (!continuation) {
                    d->inMultiEhlo = false;
                    d->pending.clear();
                }
                return;
            }
            // One line: 2013+ "250  ex01 Hello [ip] SIZE … ", or a Send log's folded multi-line reply.
            QString body = rest();
            body.replace(foldedReply, QStringLiteral(" "));
            if (body.startsWith(QLatin1String("250-")) || body.startsWith(QLatin1String("250 ")))
                body = body.mid(4);
            QStringList toks = body.split(u' ', Qt::SkipEmptyParts);
            if (!toks.isEmpty())
                s.greetingName = pooled(toks.takeFirst());
            if (!toks.isEmpty() && toks.first().compare(QLatin1String("Hello"), Qt::CaseInsensitive) == 0) {
                toks.removeFirst();
                // "Hello [203.0.113.9]" — the bracketed address (may be missing).
                if (!toks.isEmpty() && toks.first().startsWith(u'['))
                    toks.removeFirst();
            }
            s.capabilities = parseCapabilities(toks.join(u' '));
            d->pending.clear();
            return;
        }
        if (code == 354) {
            s.dataStarted = true;
            d->awaitingFinal = true;
            d->pending.clear();
            return;
        }
        if (continuation)
            return;
        if (code == 535 || (d->pending == "AUTH" && code >= 500))
            s.authFailed = true;
        if (d->awaitingFinal && d->pending != "RSET") {
            d->awaitingFinal = false;
            if (code / 100 == 2) {
                ++d->delivered;
                const qsizetype p = find(data, "2.6.0 <");
                if (p >= 0)
                    addMessageId(s, data.sliced(p));
            } else if (code >= 400) {
                d->lastErrorClass = code / 100;
            }
            d->pending.clear();
            return;
        }
        if (code >= 400) {
            const QByteArray &pd = d->pending;
            const bool transaction = pd == "MAIL" || pd == "RCPT" || pd == "DATA" || pd == "BDAT" || pd.isEmpty()
                || pd == "EHLO" || pd == "HELO" || pd == "STARTTLS" || pd == "X-ANONYMOUSTLS" || pd == "AUTH" || pd == "X-EXPS";
            // 500–504 answer unknown or malformed commands of scanners: not a transaction outcome.
            if (transaction && !(code >= 500 && code <= 504 && pd != "MAIL" && pd != "RCPT"))
                d->lastErrorClass = code / 100;
        }
        if (find(data, "Queued mail for delivery") >= 0)
            addMessageId(s, data);
        d->pending.clear();
        return;
    }

    if (event == d->commandEvent) {
        if (data.isEmpty())
            return;
        const qsizetype sp = data.indexOf(' ');
        const QByteArray verb = (sp < 0 ? data : data.first(sp)).toByteArray().toUpper();
        auto arg = [&] { return sp < 0 ? QString() : QString::fromUtf8(data.sliced(sp + 1)).trimmed(); };
        d->pending = verb;
        // A command after "220 ready to start TLS" travels inside the finished handshake.
        if (d->tlsReady && s.tlsFailure.isEmpty())
            s.tlsEstablished = true;
        if (verb == "EHLO" || verb == "HELO") {
            s.ehlo = pooled(firstWord(arg()), Pool::ClientName);
            d->inMultiEhlo = false;
            // The EHLO after STARTTLS advertises again (RFC 3207): keep what was offered before it,
            // where STARTTLS and X-ANONYMOUSTLS live, beside what comes after (X-EXPS, AUTH).
            if (d->tlsReady && s.capabilitiesBeforeTls.isEmpty() && !s.capabilities.isEmpty())
                s.capabilitiesBeforeTls = s.capabilities;
        } else if (verb == "STARTTLS" || verb == "X-ANONYMOUSTLS") {
            s.tlsVerb = pooled(QString::fromLatin1(verb));
        } else if (verb == "AUTH") {
            // Only the mechanism: anything after it may be a credential.
            s.authMechanism = pooled(firstWord(arg()).toUpper());
        } else if (verb == "X-EXPS" || verb == "X-EXCHANGEAUTH") {
            s.authMechanism = pooled(QString::fromLatin1(verb));
            d->pending = "X-EXPS";
        } else if (verb == "MAIL") {
            d->mailIssued = true;
            if (s.mailFrom.isEmpty())
                s.mailFrom = pooled(addressOf(arg()), Pool::Sender);
        } else if (verb == "RCPT") {
            const QString a = addressOf(arg());
            if (!a.isEmpty() && !s.recipients.contains(a))
                s.recipients.append(a);
        } else if (verb == "BDAT") {
            s.bdat = true;
            s.dataStarted = true;
            if (find(data, "LAST") >= 0 || find(data, "last") >= 0)
                d->awaitingFinal = true;
        } else if (verb == "QUIT") {
            d->quit = true;
        } else if (verb == "RSET") {
            d->awaitingFinal = false;
        }
        return;
    }

    // '*' information lines (and stray lines of the other direction): text in data and/or context.
    QByteArray contextHolder;
    const QByteArrayView context = fieldView(contextF, contextHolder);
    if (context.isEmpty() && data.isEmpty())
        return;
    // Cheap byte checks first: most '*' lines are none of the interesting kinds.
    const bool tlsLine = find(data, "SP_PROT_") >= 0 || find(context, "SP_PROT_") >= 0;
    const bool certLine = find(context, "ertificate") >= 0;
    const bool userLine = find(context, "User Name:") >= 0 || find(data, "User Name:") >= 0;
    const bool failLine = find(context, "failed") >= 0 || find(data, "failed") >= 0;
    const bool midLine = find(context, "InternetMessageId") >= 0 || find(data, "InternetMessageId") >= 0;
    if (!tlsLine && !certLine && !userLine && !failLine && !midLine)
        return;
    const QString ctx = QString::fromUtf8(context);
    const QString dat = QString::fromUtf8(data);
    const QString both = dat + u' ' + ctx;
    if (failLine && both.contains(QLatin1String("negotiation failed"), Qt::CaseInsensitive)
        && both.contains(QLatin1String("TLS"), Qt::CaseInsensitive)) {
        // "TLS negotiation failed with error SocketError / UnknownCredentials / …": the handshake
        // did not complete, whatever the 220 before it said.
        s.tlsFailure = pooled((dat.isEmpty() ? ctx : ctx.isEmpty() ? dat : both).trimmed());
        s.tls = true;
        s.tlsEstablished = false;
        return;
    }
    const qsizetype prot = tlsLine ? both.indexOf(QLatin1String("SP_PROT_")) : -1;
    if (prot >= 0) {
        s.tls = true;
        s.tlsEstablished = true;
        QString p = firstWord(both.mid(prot + 8));
        if (p.endsWith(QLatin1String("_SERVER")) || p.endsWith(QLatin1String("_CLIENT")))
            p.chop(7);
        s.tlsProtocol = pooled(p);
        static const QRegularExpression bulk(QStringLiteral("bulk encryption algorithm (\\S+) with strength (\\d+) bits"));
        const auto m = bulk.match(both);
        if (m.hasMatch())
            s.tlsCipher = pooled(m.captured(1) + u' ' + m.captured(2) + QStringLiteral(" bits"));
        return;
    }
    if (d->certificates.read(ctx, dat, ref, s.certificates))
        return;
    const qsizetype user = both.indexOf(QLatin1String("User Name:"), 0, Qt::CaseInsensitive);
    if (user >= 0) {
        s.authUser = both.mid(user + 10).trimmed();
        return;
    }
    if ((both.contains(QLatin1String("AUTH"), Qt::CaseInsensitive) || both.contains(QLatin1String("Authentication"), Qt::CaseInsensitive))
        && both.contains(QLatin1String("failed"), Qt::CaseInsensitive)) {
        s.authFailed = true;
        return;
    }
    const qsizetype imid = both.indexOf(QLatin1String("InternetMessageId"), 0, Qt::CaseInsensitive);
    if (imid >= 0) {
        const QString id = firstAngle(both, imid);
        if (!id.isEmpty() && !s.messageIds.contains(id))
            s.messageIds.append(id);
    }
}

Session SessionBuilder::finish()
{
    Session &s = d->s;
    s.complete = d->sawConnect && d->sawDisconnect;
    // The handshake failed when the log says so, or when the session ended right after "ready to
    // start TLS" with nothing sent inside TLS.
    const bool tlsFailed = !s.tlsEstablished && (!s.tlsFailure.isEmpty() || (d->tlsReady && d->sawDisconnect));
    if (tlsFailed && s.tlsFailure.isEmpty())
        s.tlsFailure = QStringLiteral("TLS negotiation did not complete (the session ended after %1)").arg(s.tlsVerb.isEmpty() ? QStringLiteral("STARTTLS") : s.tlsVerb);
    if (tlsFailed && d->delivered == 0)
        s.lastReply = s.tlsFailure;
    else if (!d->lastReply.isEmpty())
        s.lastReply = pooled(QString::fromUtf8(d->lastReply), Pool::Reply);
    else if (!d->last221.isEmpty())
        s.lastReply = pooled(QString::fromUtf8(d->last221), Pool::Reply);
    else if (!d->last220.isEmpty())
        s.lastReply = pooled(QString::fromUtf8(d->last220), Pool::Reply);
    s.capabilities = pooledList(s.capabilities);
    s.capabilitiesBeforeTls = pooledList(s.capabilitiesBeforeTls);
    if (d->delivered > 0)
        s.outcome = SessionOutcome::Delivered;
    else if (tlsFailed)
        s.outcome = SessionOutcome::TlsFailed;
    else if (d->awaitingFinal)
        s.outcome = SessionOutcome::Dropped;
    else if (d->lastErrorClass == 5)
        s.outcome = SessionOutcome::Rejected;
    else if (d->lastErrorClass == 4)
        s.outcome = SessionOutcome::Deferred;
    else if (d->mailIssued && !d->quit)
        s.outcome = SessionOutcome::Dropped;
    else
        s.outcome = SessionOutcome::NoMail;
    return std::move(s);
}

SessionLine decodeSessionLine(QByteArrayView text, const ingest::ProtocolColumns &cols, qint64 offset, qint32 length,
                              qint64 lineNo, int fileIndex)
{
    SessionLine l;
    decodeSessionLineInto(l, text, cols, offset, length, lineNo, fileIndex);
    return l;
}

void decodeSessionLineInto(SessionLine &l, QByteArrayView text, const ingest::ProtocolColumns &cols, qint64 offset,
                           qint32 length, qint64 lineNo, int fileIndex)
{
    l.ref = RecordRef{fileIndex, lineNo, offset, length};
    l.timeMs = kNoTime;
    l.sequence = -1;
    l.event = '*';
    ingest::ProtocolFields f;
    if (offset < 0 || offset + length > text.size() || !ingest::splitProtocolRecord(text.sliced(offset, length), cols, f)) {
        if (!l.data.isEmpty())
            l.data.resize(0);
        if (!l.context.isEmpty())
            l.context.resize(0);
        return;
    }
    l.timeMs = parseTimestampMs(f.time.view());
    qint32 sequence = -1;
    l.sequence = ingest::parseInt(f.sequence.view(), sequence) ? sequence : -1;   // as the parser reads it
    l.event = f.eventChar;
    f.data.textInto(l.data);
    f.context.textInto(l.context);
}

void decodeProtoLineInto(SessionLine &l, QByteArrayView text, const ingest::ProtocolColumns &cols,
                         const ingest::ProtoLine &pl, int fileIndex)
{
    const qint64 offset = pl.offset;
    const qint32 length = pl.length;
    const bool shortcut = pl.dataStart != ingest::ProtoLine::kNoDataStart && pl.dataStart <= length && cols.time == 0
        && cols.data > 0 && cols.context == cols.data + 1 && offset >= 0 && offset + length <= text.size()
        && length > 0 && text[offset] != '"';
    if (!shortcut) {
        decodeSessionLineInto(l, text, cols, offset, length, pl.line, fileIndex);
        return;
    }
    l.ref = RecordRef{fileIndex, qint64(pl.line), offset, length};
    const QByteArrayView rec = text.sliced(offset, length);
    // The date-time is the first field, unquoted (checked above): up to the first comma. A
    // session's lines mostly share their second, so this thread's parser keeps the last one.
    const qsizetype comma = rec.indexOf(',');
    thread_local RepeatedTimestampParser times;
    l.timeMs = times.parse(comma < 0 ? rec : rec.first(comma));
    l.sequence = pl.sequence;
    l.event = pl.event;
    // Data and context as splitFields cuts them from the data field on: the same views a split of
    // the whole line gives for those columns.
    ingest::FieldView tail[2];
    const int n = ingest::splitFields(rec.sliced(pl.dataStart), tail, 2);
    tail[0].textInto(l.data);
    if (n >= 2)
        tail[1].textInto(l.context);
    else if (!l.context.isEmpty())
        l.context.resize(0);
}

namespace {

struct Group {
    QString server;
    int serverIndex = -1;    // into GroupIndex::serverNames
    QString sessionId;       // sessionIdText(idValue)
    quint64 idValue = 0;
    QString connector;
    Direction direction = Direction::Receive;
    bool redacted = false;
    std::vector<LineLoc> lines;
};

bool isProtocolFormat(LogFormat f) { return f == LogFormat::SmtpReceive || f == LogFormat::SmtpSend; }

// Session identity across files: server + log type + session-id (+ connector and remote endpoint
// for redacted ids), with strings interned once for the whole load.
struct GlobalKey {
    int server = -1;
    bool send = false;
    quint64 id = 0;
    int connector = -1;
    int remote = -1;
    int opaque = -1;   // interned text of an id that is not 16 hex digits
    friend bool operator==(const GlobalKey &, const GlobalKey &) = default;
};
size_t qHash(const GlobalKey &k, size_t seed = 0) noexcept
{
    return qHashMulti(seed, k.server, k.send, k.id, k.connector, k.remote, k.opaque);
}

struct GroupIndex {
    QHash<QString, int> servers;
    QHash<QByteArray, int> strings;
    QStringList serverNames;
    QHash<GlobalKey, int> groups;

    int intern(QHash<QString, int> &h, const QString &v)
    {
        auto it = h.constFind(v);
        if (it == h.constEnd()) {
            it = h.insert(v, int(h.size()));
            serverNames.append(v);
        }
        return it.value();
    }
    int internBytes(const QByteArray &v)
    {
        auto it = strings.constFind(v);
        if (it == strings.constEnd())
            it = strings.insert(v, int(strings.size()));
        return it.value();
    }
    // File-local key index → group index; new groups are appended to `out` (when given) and their
    // redacted flag to `redacted` (always).
    std::vector<int> map(const ingest::ParsedFile &pf, std::vector<Group> *out, std::vector<char> &redacted)
    {
        const bool send = pf.meta.format == LogFormat::SmtpSend;
        std::vector<int> serverOf(size_t(pf.connectors.size()));
        std::vector<int> connOf(size_t(pf.connectors.size()), -1);
        // One QString per connector of the file, shared by its sessions (not one copy per session).
        std::vector<QString> connectorText(size_t(pf.connectors.size()));
        std::vector<char> connectorDone(size_t(pf.connectors.size()), 0);
        for (qsizetype c = 0; c < pf.connectors.size(); ++c)
            serverOf[size_t(c)] = intern(servers, pf.connectorServers.value(c));
        std::vector<int> local(pf.keys.size());
        for (size_t k = 0; k < pf.keys.size(); ++k) {
            const ingest::ProtoKey &key = pf.keys[k];
            GlobalKey g;
            g.server = key.connector >= 0 ? serverOf[size_t(key.connector)] : intern(servers, pf.meta.server);
            g.send = send;
            g.id = key.id;
            if (key.opaque >= 0)
                g.opaque = internBytes(pf.opaqueIds[key.opaque]);
            if (key.redacted) {
                if (key.connector >= 0 && connOf[size_t(key.connector)] < 0)
                    connOf[size_t(key.connector)] = internBytes(pf.connectors[key.connector]);
                g.connector = key.connector >= 0 ? connOf[size_t(key.connector)] : -1;
                g.remote = key.remote >= 0 ? internBytes(pf.remotes[key.remote]) : -1;
            }
            auto it = groups.constFind(g);
            if (it == groups.constEnd()) {
                if (out) {
                    Group grp;
                    grp.server = serverNames[g.server];
                    grp.serverIndex = g.server;
                    grp.sessionId = ingest::sessionIdText(key, pf.opaqueIds);
                    grp.idValue = key.id;
                    if (key.connector >= 0) {
                        const size_t c = size_t(key.connector);
                        if (!connectorDone[c]) {
                            connectorText[c] = QString::fromUtf8(pf.connectors[key.connector]).trimmed();
                            connectorDone[c] = 1;
                        }
                        grp.connector = connectorText[c];
                    }
                    grp.direction = send ? Direction::Send : Direction::Receive;
                    grp.redacted = key.redacted;
                    out->push_back(std::move(grp));
                }
                redacted.push_back(key.redacted);
                it = groups.insert(g, int(redacted.size()) - 1);
            }
            local[k] = it.value();
        }
        return local;
    }
};

} // namespace

AssembledSessions assembleSessions(const std::vector<ingest::ParsedFile> &files, const std::vector<int> &rank,
                                   int threads, const std::atomic_bool *cancel)
{
    AssembledSessions out;
    // Visit files in time order so that each group's lines come out in physical (rollover) order.
    std::vector<int> order(files.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return rank[size_t(a)] < rank[size_t(b)]; });

    GroupIndex index;
    std::vector<Group> groups;
    std::vector<char> redactedFlags;
    // Room for every file-local key up front (an upper bound: a session across files has a key in
    // each). Growing instead rehashed a hash of a million groups and moved a million groups in one
    // step each, 0.2-0.6 s that a cancel could not interrupt (issue #4: cancel within 100 ms).
    size_t keys = 0;
    for (const ingest::ParsedFile &pf : files) {
        if (isProtocolFormat(pf.meta.format))
            keys += pf.keys.size();
    }
    index.groups.reserve(qsizetype(keys));
    groups.reserve(keys);
    redactedFlags.reserve(keys);
    for (int fi : order) {
        // Grouping is one thread over every line (seconds for 1 GiB): a cancel is seen per file.
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            releaseInBackground(std::move(groups), std::move(index));
            return out;
        }
        const ingest::ParsedFile &pf = files[size_t(fi)];
        if (!isProtocolFormat(pf.meta.format) || pf.lines.empty())
            continue;
        const std::vector<int> local = index.map(pf, &groups, redactedFlags);
        for (size_t i = 0; i < pf.lines.size(); ++i)
            groups[size_t(local[pf.lines[i].key])].lines.push_back(LineLoc{fi, quint32(i)});
    }

    // Redacted ids reuse 0000000000000000: a disconnect ends one session, the next line starts another.
    std::vector<Group> pieces;
    pieces.reserve(groups.size());
    for (size_t gi = 0; gi < groups.size(); ++gi) {
        if ((gi & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
            releaseInBackground(std::move(groups), std::move(pieces), std::move(index));
            return out;
        }
        Group &g = groups[gi];
        if (!g.redacted) {
            pieces.push_back(std::move(g));
            continue;
        }
        Group cur = g;
        cur.lines.clear();
        for (const LineLoc &l : g.lines) {
            cur.lines.push_back(l);
            if (files[size_t(l.file)].lines[l.line].event == '-') {
                pieces.push_back(cur);
                cur.lines.clear();
            }
        }
        if (!cur.lines.empty())
            pieces.push_back(std::move(cur));
    }
    // Millions of moved-from groups (their strings, and the redacted ones' line lists) take 0.1-0.2 s
    // to destroy: on the release pool, so that a cancel here is seen at once (issue #4: cancel
    // within 100 ms) and assembly goes on meanwhile.
    releaseInBackground(std::move(groups));
    if (cancel && cancel->load()) {
        releaseInBackground(std::move(pieces), std::move(index));
        return out;
    }

    // Order by sequence-number when the physical order disagrees (stable: duplicates keep their place).
    auto build = [&](Group &g) -> Session {
        std::vector<LineLoc> &ls = g.lines;
        auto seqOf = [&](const LineLoc &l) { return files[size_t(l.file)].lines[l.line].sequence; };
        // Spans first, in physical order.
        QList<FileSpan> spans;
        for (const LineLoc &l : ls) {
            const ingest::ProtoLine &pl = files[size_t(l.file)].lines[l.line];
            if (spans.isEmpty() || spans.last().fileIndex != l.file) {
                FileSpan sp;
                sp.fileIndex = l.file;
                sp.firstOffset = pl.offset;
                sp.firstLine = pl.line;
                sp.endOffset = pl.offset + pl.length;
                spans.append(sp);
            } else {
                FileSpan &sp = spans.last();
                if (pl.offset < sp.firstOffset) {
                    sp.firstOffset = pl.offset;
                    sp.firstLine = pl.line;
                }
                sp.endOffset = std::max(sp.endOffset, pl.offset + pl.length);
            }
        }
        bool sorted = true;
        for (size_t i = 1; i < ls.size() && sorted; ++i) {
            if (seqOf(ls[i]) >= 0 && seqOf(ls[i - 1]) > seqOf(ls[i]))
                sorted = false;
        }
        if (!sorted)
            std::stable_sort(ls.begin(), ls.end(), [&](const LineLoc &a, const LineLoc &b) { return seqOf(a) < seqOf(b); });
        SessionBuilder b(g.direction);
        for (const LineLoc &l : ls) {
            const ingest::ParsedFile &pf = files[size_t(l.file)];
            const ingest::ProtoLine &pl = pf.lines[l.line];
            const ingest::ProtocolColumns cols = ingest::layoutAt(pf.layouts, pl.offset);
            ingest::ProtocolFields f;
            const QByteArrayView text = pf.bytes->view();
            if (!ingest::splitProtocolRecord(text.sliced(pl.offset, pl.length), cols, f))
                continue;
            b.addLine(parseTimestampMs(f.time.view()), pl.sequence, pl.event, f.data, f.context, f.local, f.remote,
                      RecordRef{l.file, qint64(pl.line), pl.offset, pl.length});
        }
        Session s = b.finish();
        s.id = g.sessionId;
        s.server = g.server;
        s.connector = g.connector;
        s.spans = spans;
        return s;
    };

    // Deterministic order: start time, then server, id, first file position. The keys sit beside
    // the indexes: comparing through the sessions themselves (hundreds of bytes apart) made this
    // sort a cache miss per comparison, seconds over millions of sessions, and sessions that start
    // in the same millisecond are common (load-balancer probes). The server is compared by its rank
    // among the load's servers, the id by the number its 16 zero-padded upper-case hex digits spell
    // (sessionIdText), which orders exactly as the text does.
    struct StartKey {
        qint64 startMs;
        int serverRank;
        int index;
        quint64 idValue;
    };
    std::vector<int> serverRank(size_t(index.serverNames.size()));
    {
        std::vector<int> byName(serverRank.size());
        std::iota(byName.begin(), byName.end(), 0);
        std::sort(byName.begin(), byName.end(),
                  [&](int a, int b) { return index.serverNames[a] < index.serverNames[b]; });
        for (size_t r = 0; r < byName.size(); ++r)
            serverRank[size_t(byName[r])] = int(r);
    }

    // Sessions are built in blocks, each block's vector filled by the thread that builds it. One
    // list of every session made default-constructed first (a GB for 2 M sessions) took 1.7-2.4 s on
    // one thread, and could not see a cancel while it did.
    constexpr size_t kBuildBlock = 4096;
    const size_t total = pieces.size();
    std::vector<std::vector<Session>> built((total + kBuildBlock - 1) / kBuildBlock);
    std::vector<StartKey> byStart(total);
    {
        QThreadPool pool;
        pool.setMaxThreadCount(std::max(1, threads));
        std::vector<size_t> blockIdx(built.size());
        std::iota(blockIdx.begin(), blockIdx.end(), size_t(0));
        QtConcurrent::blockingMap(&pool, blockIdx, [&](size_t block) {
            const size_t begin = block * kBuildBlock;
            const size_t end = std::min(total, begin + kBuildBlock);
            std::vector<Session> &sessions = built[block];
            sessions.reserve(end - begin);
            for (size_t i = begin; i < end; ++i) {
                if (cancel && cancel->load(std::memory_order_relaxed))
                    return;
                sessions.push_back(build(pieces[i]));
                byStart[i] = StartKey{sessions.back().startMs, serverRank[size_t(pieces[i].serverIndex)], int(i),
                                      pieces[i].idValue};
            }
        });
    }
    if (cancel && cancel->load()) {
        // Freeing millions of sessions and line lists takes seconds: not on the way to "cancelled".
        releaseInBackground(std::move(built), std::move(pieces), std::move(index));
        return out;
    }
    // The sort and the moves below take seconds for millions of sessions: a cancel is seen between
    // them and every 4096 moves, and everything is freed on a pool thread.
    auto cancelledHere = [&] {
        if (!cancel || !cancel->load(std::memory_order_relaxed))
            return false;
        releaseInBackground(std::move(built), std::move(pieces), std::move(index), std::move(out.sessions),
                            std::move(out.lines));
        out = {};
        return true;
    };

    std::stable_sort(byStart.begin(), byStart.end(), [&](const StartKey &a, const StartKey &b) {
        if (a.startMs != b.startMs)
            return a.startMs < b.startMs;
        if (a.serverRank != b.serverRank)
            return a.serverRank < b.serverRank;
        return a.idValue < b.idValue;
    });
    if (cancelledHere())
        return out;
    // Into the one list in build order first, each block freed as soon as it is moved, then put
    // in start order in place by following the permutation's cycles. Moving straight from the
    // blocks in start order kept every block alive until the end: two copies of every Session
    // (600 bytes each, over a GB for 2 M sessions) at the peak of a load (issue #27).
    for (std::vector<Session> &block : built) {
        if (cancelledHere())
            return out;
        for (Session &session : block)
            out.sessions.append(std::move(session));
        std::vector<Session>().swap(block);
        // Every 8 blocks (about 20 MB of sessions): what the list grows by is given back as it goes.
        if ((&block - built.data()) % 8 == 7)
            platform::returnFreeHeapPages();
    }
    platform::returnFreeHeapPages();
    {
        Session *at = out.sessions.data();
        std::vector<bool> placed(total, false);
        size_t moves = 0;
        for (size_t start = 0; start < total; ++start) {
            if (placed[start])
                continue;
            // Position k takes the session built at byStart[k].index.
            Session held = std::move(at[start]);
            size_t k = start;
            for (;;) {
                placed[k] = true;
                const size_t from = size_t(byStart[k].index);
                if (from == start) {
                    at[k] = std::move(held);
                    break;
                }
                at[k] = std::move(at[from]);
                k = from;
                if ((++moves & 4095) == 0 && cancelledHere())
                    return out;   // moved-from sessions are empty, valid values to free
            }
        }
        for (size_t k = 0; k < total; ++k)
            at[k].index = int(k);
    }
    out.lines.reserve(total);
    for (size_t k = 0; k < byStart.size(); ++k) {
        if ((k & 4095) == 0 && cancelledHere())
            return out;
        out.lines.push_back(std::move(pieces[size_t(byStart[k].index)].lines));
    }
    // What is left are moved-from shells (millions of them): freed beside the batches that follow.
    releaseInBackground(std::move(built), std::move(pieces), std::move(index));
    return out;
}

qint64 countSessions(const std::vector<ingest::ParsedFile> &files, const std::vector<int> &rank, int threads)
{
    std::vector<int> order(files.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return rank[size_t(a)] < rank[size_t(b)]; });

    // Ordinary ids: one session per distinct (server, log type, id). Millions of them went through
    // one QHash on one thread (a third of `mwb stats`); a sorted vector of 16-byte entries, sorted
    // in parallel pieces and merged, counts the distinct ones far faster.
    struct Entry {
        quint64 id;
        quint64 group;   // server index * 2 + send
        bool operator<(const Entry &o) const { return group != o.group ? group < o.group : id < o.id; }
        bool operator==(const Entry &o) const { return group == o.group && id == o.id; }
    };
    QHash<QString, int> servers;
    auto serverIndex = [&](const QString &name) {
        auto it = servers.constFind(name);
        if (it == servers.constEnd())
            it = servers.insert(name, int(servers.size()));
        return it.value();
    };
    size_t plain = 0;
    for (const ingest::ParsedFile &pf : files) {
        if (isProtocolFormat(pf.meta.format))
            plain += pf.keys.size();
    }
    std::vector<Entry> entries;
    entries.reserve(plain);

    // Redacted ids (0000000000000000) are few: grouped by connector and endpoint as assembleSessions does.
    QHash<GlobalKey, int> redactedGroups;
    QSet<GlobalKey> opaqueGroups;
    QHash<QByteArray, int> strings;
    auto internBytes = [&](const QByteArray &v) {
        auto it = strings.constFind(v);
        if (it == strings.constEnd())
            it = strings.insert(v, int(strings.size()));
        return it.value();
    };
    struct Tally {
        qint64 dashes = 0;
        bool lastDash = false;
    };
    std::vector<Tally> tallies;
    for (int fi : order) {
        const ingest::ParsedFile &pf = files[size_t(fi)];
        if (!isProtocolFormat(pf.meta.format))
            continue;
        const bool send = pf.meta.format == LogFormat::SmtpSend;
        std::vector<int> serverOf(size_t(pf.connectors.size()));
        for (qsizetype c = 0; c < pf.connectors.size(); ++c)
            serverOf[size_t(c)] = serverIndex(pf.connectorServers.value(c));
        const int fileServer = serverIndex(pf.meta.server);
        for (const ingest::ProtoKey &key : pf.keys) {
            const int server = key.connector >= 0 ? serverOf[size_t(key.connector)] : fileServer;
            if (!key.redacted && key.opaque < 0) {
                entries.push_back(Entry{key.id, quint64(server) * 2 + (send ? 1 : 0)});
                continue;
            }
            GlobalKey g;
            g.server = server;
            g.send = send;
            g.id = key.id;
            if (key.opaque >= 0)
                g.opaque = internBytes(pf.opaqueIds[key.opaque]);
            if (!key.redacted) {
                opaqueGroups.insert(g);   // hand-anonymised ids: one session per distinct text
                continue;
            }
            g.connector = key.connector >= 0 ? internBytes(pf.connectors[key.connector]) : -1;
            g.remote = key.remote >= 0 ? internBytes(pf.remotes[key.remote]) : -1;
            auto it = redactedGroups.constFind(g);
            if (it == redactedGroups.constEnd()) {
                it = redactedGroups.insert(g, int(tallies.size()));
                tallies.emplace_back();
            }
            if (key.lines == 0)
                continue;
            Tally &t = tallies[size_t(it.value())];
            t.dashes += key.dashes;
            t.lastDash = key.lastDash;   // files come in time order: the last one decides
        }
    }

    const size_t pieces = size_t(std::clamp(threads, 1, 16));
    std::vector<size_t> bounds(pieces + 1);
    for (size_t k = 0; k <= pieces; ++k)
        bounds[k] = entries.size() * k / pieces;
    {
        QThreadPool pool;
        pool.setMaxThreadCount(int(pieces));
        std::vector<size_t> idx(pieces);
        std::iota(idx.begin(), idx.end(), size_t(0));
        QtConcurrent::blockingMap(&pool, idx, [&](size_t k) {
            std::sort(entries.begin() + qsizetype(bounds[k]), entries.begin() + qsizetype(bounds[k + 1]));
        });
    }
    for (size_t k = 1; k < pieces; ++k)
        std::inplace_merge(entries.begin(), entries.begin() + qsizetype(bounds[k]), entries.begin() + qsizetype(bounds[k + 1]));
    qint64 count = qint64(std::unique(entries.begin(), entries.end()) - entries.begin());

    // As assembleSessions: redacted groups split after each disconnect.
    for (const Tally &t : tallies)
        count += t.dashes + (t.lastDash ? 0 : 1);
    return count + opaqueGroups.size();
}

} // namespace mwb
