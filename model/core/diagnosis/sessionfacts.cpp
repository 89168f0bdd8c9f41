#include "model/core/diagnosis/sessionfacts.h"
#include "model/core/common/timeutil.h"

#include <QVarLengthArray>

#include <QRegularExpression>

namespace mwb {

namespace {

bool isDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }

QString firstToken(const QString &text, qsizetype from = 0)
{
    qsizetype start = from;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    qsizetype end = start;
    while (end < text.size() && !text.at(end).isSpace())
        ++end;
    return text.mid(start, end - start);
}

bool mentionsTimeout(QStringView text)
{
    return containsCaseless(text, QLatin1String("timeout")) || containsCaseless(text, QLatin1String("time out"))
        || containsCaseless(text, QLatin1String("timed out"));
}

bool looksLikeFqdn(const QString &name)
{
    if (!name.contains(QLatin1Char('.')) || name.startsWith(QLatin1Char('[')))
        return false;
    static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    return !ipv4.match(name).hasMatch() && !name.contains(QLatin1Char(':'));
}

enum class Verb { None, Other, Ehlo, Mail, Rcpt, Data, Bdat, Rset, Quit };

// The command verb, without allocating: sessions are many.
Verb verbOf(const QString &data)
{
    auto is = [&](QLatin1String word) {
        return data.size() >= word.size() && QStringView(data).left(word.size()).compare(word, Qt::CaseInsensitive) == 0
            && (data.size() == word.size() || data.at(word.size()) == QLatin1Char(' ') || data.at(word.size()) == QLatin1Char(':'));
    };
    if (is(QLatin1String("MAIL")))
        return Verb::Mail;
    if (is(QLatin1String("RCPT")))
        return Verb::Rcpt;
    if (is(QLatin1String("EHLO")) || is(QLatin1String("HELO")))
        return Verb::Ehlo;
    if (is(QLatin1String("DATA")))
        return Verb::Data;
    if (is(QLatin1String("BDAT")))
        return Verb::Bdat;
    if (is(QLatin1String("RSET")))
        return Verb::Rset;
    if (is(QLatin1String("QUIT")))
        return Verb::Quit;
    return Verb::Other;
}

} // namespace

bool containsCaseless(QStringView text, QLatin1String needle)
{
    const auto fold = [](char16_t c) -> char16_t { return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c; };
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const char16_t first = fold(char16_t(uchar(needle.at(0).toLatin1())));
    for (qsizetype i = 0; i + n <= text.size(); ++i) {
        if (fold(text[i].unicode()) != first)
            continue;
        qsizetype k = 1;
        while (k < n && fold(text[i + k].unicode()) == fold(char16_t(uchar(needle.at(k).toLatin1()))))
            ++k;
        if (k == n)
            return true;
    }
    return false;
}

int leadingReplyCode(const QString &data)
{
    if (data.size() < 3 || !isDigit(data.at(0)) || !isDigit(data.at(1)) || !isDigit(data.at(2)))
        return 0;
    if (data.size() > 3 && data.at(3) != QLatin1Char(' ') && data.at(3) != QLatin1Char('-'))
        return 0;
    const int code = (data.at(0).unicode() - u'0') * 100 + (data.at(1).unicode() - u'0') * 10 + (data.at(2).unicode() - u'0');
    return (code >= 200 && code <= 599) ? code : 0;
}

QList<StatusCode> statusCodes(const QString &text)
{
    QList<StatusCode> out;
    static const QRegularExpression pair(QStringLiteral("\\b([2-5]\\d\\d)[ -]+([2-5]\\.\\d{1,3}\\.\\d{1,3})\\b"));
    // Cheap pre-check: no digit-dot-digit means no enhanced code.
    if (text.contains(QLatin1Char('.'))) {
        auto it = pair.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out << StatusCode{m.captured(1).toInt(), m.captured(2), m.capturedStart(1)};
        }
    }
    const int lead = leadingReplyCode(text);
    if (lead && (out.isEmpty() || out.first().basic != lead))
        out.prepend(StatusCode{lead, {}, 0});
    return out;
}

StatusCode firstStatusCode(const QString &text)
{
    const QList<StatusCode> all = statusCodes(text);
    for (const StatusCode &c : all) {
        if (!c.enhanced.isEmpty())
            return c;
    }
    return all.isEmpty() ? StatusCode{} : all.first();
}

bool presentedByLoggingServer(const Certificate &certificate, Direction direction)
{
    return certificate.role == CertificateRole::Sending || (certificate.role == CertificateRole::Unknown && direction == Direction::Receive);
}

SessionFacts SessionFacts::derive(const Session &session, const QList<SessionLine> &lines, qint64 minGapMs)
{
    SessionFacts f;
    struct Pending {
        Verb verb = Verb::None;
        bool bdatLast = false;
    };
    // Commands awaiting their reply, first in first out (pipelining): inline, not a list per session.
    QVarLengthArray<Pending, 8> pending;
    qsizetype pendingHead = 0;
    bool inData = false;
    bool transactionOpen = false;
    int pendingMailLine = -1;
    int replyStart = -1;   // first line of a multi-line reply still going on
    qint64 previousTime = kNoTime;
    auto rejected = [&](int last, int code, char command) {
        f.rejections.append(Rejection{replyStart >= 0 ? replyStart : last, last, code, command});
    };

    for (int i = 0; i < lines.size(); ++i) {
        const SessionLine &line = lines.at(i);
        if (line.timeMs != kNoTime) {
            // A silence that only ends the session (disconnect, time-out reply) is how the session
            // ended, not a gap inside it; a silence after 354 is the body stall.
            if (previousTime != kNoTime && !inData && line.timeMs - previousTime >= minGapMs) {
                const bool endsSession = line.event == '-'
                    || (leadingReplyCode(line.data) / 100 == 4 && mentionsTimeout(line.data));
                if (!endsSession)
                    f.gaps.append({i, line.timeMs - previousTime});
            }
            previousTime = line.timeMs;
        }
        switch (line.event) {
        case '+':
            f.sawConnect = true;
            break;
        case '-':
            f.sawDisconnect = true;
            f.disconnectLine = i;
            f.disconnectContext = line.context.trimmed();
            if (inData) {
                f.stall = Stall::NoReplyAfter354;
                f.stallEndLine = i;
                inData = false;
            } else if (transactionOpen && f.disconnectContext.startsWith(QLatin1String("Remote"), Qt::CaseInsensitive)) {
                f.droppedInTransaction = true;
            }
            transactionOpen = false;
            break;
        case '*':
            if (inData && (mentionsTimeout(line.data) || mentionsTimeout(line.context))) {
                f.stall = Stall::TimeoutAfter354;
                f.stallEndLine = i;
                inData = false;
                transactionOpen = false;
            }
            break;
        case '>':
        case '<': {
            const int code = leadingReplyCode(line.data);
            if (code == 0) {
                if (line.data.isEmpty())
                    break;
                Pending p{verbOf(line.data), false};
                switch (p.verb) {
                case Verb::Mail:
                    f.sawMailCommand = true;
                    pendingMailLine = i;
                    break;
                case Verb::Ehlo:
                    f.clientName = firstToken(line.data, 4);
                    break;
                case Verb::Bdat:
                    p.bdatLast = containsCaseless(line.data, QLatin1String("LAST"));
                    break;
                case Verb::Rset:
                case Verb::Quit:
                    transactionOpen = false;
                    break;
                default:
                    break;
                }
                pending.append(p);
                break;
            }
            const bool continuation = line.data.size() > 3 && line.data.at(3) == QLatin1Char('-');
            if (inData) {
                // The reply that ends the message body.
                if (code / 100 == 4 && mentionsTimeout(line.data)) {
                    f.stall = Stall::TimeoutAfter354;
                    f.stallEndLine = i;
                }
                if (code >= 400)
                    rejected(i, code, 'E');
                inData = false;
                transactionOpen = false;
                break;
            }
            Pending p;
            if (pendingHead < pending.size())
                p = continuation ? pending.at(pendingHead) : pending.at(pendingHead++);
            if (code >= 400) {
                char command = 0;
                switch (p.verb) {
                case Verb::Mail: command = 'M'; break;
                case Verb::Rcpt: command = 'R'; break;
                case Verb::Data: command = 'D'; break;
                case Verb::Bdat: command = 'B'; break;
                default: break;
                }
                if (continuation) {
                    if (replyStart < 0)
                        replyStart = i;
                } else {
                    if (command)
                        rejected(i, code, command);
                    replyStart = -1;
                }
            } else {
                replyStart = -1;
            }
            switch (p.verb) {
            case Verb::None:
                if (code == 220 && f.serverName.isEmpty()) {
                    f.serverName = firstToken(line.data, 4);
                    f.serverIsExchange = containsCaseless(line.data, QLatin1String("Microsoft ESMTP MAIL Service"));
                } else if (code == 354) {
                    inData = true;   // DATA command not logged (excerpt)
                    f.stall354Line = i;
                }
                break;
            case Verb::Ehlo:
                f.sawEhloReply = true;
                f.ehloReplyLines << i;
                if (f.serverName.isEmpty() && code == 250)
                    f.serverName = firstToken(line.data, 4);
                break;
            case Verb::Mail:
                transactionOpen = code / 100 == 2;
                if (transactionOpen)
                    f.transactionStartLine = pendingMailLine >= 0 ? pendingMailLine : i;
                break;
            case Verb::Data:
                if (code == 354) {
                    inData = true;
                    f.stall354Line = i;
                } else {
                    transactionOpen = false;
                }
                break;
            case Verb::Bdat:
                if (p.bdatLast || code / 100 != 2)
                    transactionOpen = false;
                break;
            default:
                break;
            }
            break;
        }
        default:
            break;
        }
    }
    if (f.stall == Stall::None)
        f.stall354Line = -1;

    const bool receive = session.direction == Direction::Receive;
    for (const Certificate &c : session.certificates) {
        if (c.isEmpty())
            continue;
        SeenCertificate seen;
        seen.info = c;
        const bool own = presentedByLoggingServer(c, session.direction);
        // Our own certificate must match the name this server announces; the peer's the name the peer announces.
        const QString name = (own == receive) ? f.serverName : f.clientName;
        seen.announcedName = name;
        // A certificate known only by its thumbprint cannot be judged. Only the organisation's own
        // certificates are: a remote MTA whose certificate does not carry its banner name is
        // nothing the admin can fix, and opportunistic TLS to it works (a refusal shows as
        // tls-subject-mismatch); judging peers filled healthy logs with info findings (issue #24).
        if (own && c.hasNames() && looksLikeFqdn(name)) {
            seen.expectedName = name.toLower();
            seen.covered = c.coversName(name);
        }
        f.certificates << seen;
    }
    return f;
}

QString hostOfEndpoint(const QString &endpoint)
{
    QString e = endpoint.trimmed();
    if (e.startsWith(QLatin1Char('['))) {
        const qsizetype close = e.indexOf(QLatin1Char(']'));
        return close > 0 ? e.mid(1, close - 1) : e;
    }
    if (e.count(QLatin1Char(':')) == 1)
        return e.left(e.indexOf(QLatin1Char(':')));
    return e;
}

QString domainOfAddress(const QString &address)
{
    QString a = address.trimmed();
    if (a.startsWith(QLatin1Char('<')))
        a = a.mid(1);
    if (a.endsWith(QLatin1Char('>')))
        a.chop(1);
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    return at >= 0 ? a.mid(at + 1).toLower() : QString();
}

QString domainOfHost(const QString &fqdn)
{
    const qsizetype dot = fqdn.indexOf(QLatin1Char('.'));
    return dot > 0 ? fqdn.mid(dot + 1).toLower() : QString();
}

QString firstLabel(const QString &fqdn)
{
    const qsizetype dot = fqdn.indexOf(QLatin1Char('.'));
    return (dot > 0 ? fqdn.left(dot) : fqdn).toLower();
}

} // namespace mwb
