#include "model/core/smtp/reply.h"

#include <QRegularExpression>

namespace mwb::smtp {

QString SmtpReply::summary() const
{
    if (code == 0)
        return lines.isEmpty() ? QString() : lines.first();
    QString first = lines.isEmpty() ? QString() : lines.first();
    return QString::number(code) + (first.isEmpty() ? QString() : u' ' + first);
}

QString enhancedCodeFromText(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([245]\\.\\d{1,3}\\.\\d{1,3})(?:\\s|$)"));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

void ReplyParser::reset()
{
    m_partial.clear();
    m_discarding = false;
    m_partialTruncated = false;
    m_current = {};
    m_inReply = false;
    m_overflow = false;
    m_currentBytes = 0;
    m_ready.clear();
    m_rawLines.clear();
}

void ReplyParser::feed(const QByteArray &bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype lf = bytes.indexOf('\n', pos);
        const qsizetype end = lf < 0 ? bytes.size() : lf;
        if (!m_discarding) {
            const qsizetype room = m_lineCap - m_partial.size();
            const qsizetype take = std::min(room, end - pos);
            m_partial.append(bytes.constData() + pos, take);
            if (take < end - pos) {
                // Over the cap: keep what we have, drop the rest of this line.
                m_discarding = true;
                m_partialTruncated = true;
            }
        }
        if (lf < 0)
            break;
        QByteArray line = std::exchange(m_partial, {});
        const bool hadCr = line.endsWith('\r');
        if (hadCr)
            line.chop(1);
        if (m_overflow) {
            // Nothing more is kept once a reply broke its limits: the client ends the session.
            m_partialTruncated = false;
            m_discarding = false;
            pos = lf + 1;
            continue;
        }
        m_rawLines.append(line + (hadCr ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n")));
        finishLine(std::move(line), std::exchange(m_partialTruncated, false));
        m_discarding = false;
        pos = lf + 1;
    }
}

void ReplyParser::finishLine(QByteArray line, bool truncated)
{
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    const bool wellFormed = line.size() >= 3 && isDigit(line[0]) && isDigit(line[1]) && isDigit(line[2])
                            && (line.size() == 3 || line[3] == ' ' || line[3] == '-');
    if (m_inReply && (m_current.lines.size() >= m_limits.replyLines || m_currentBytes + line.size() > m_limits.replyBytes)) {
        m_overflow = true;   // endless continuation lines: stop here, keep what we have
        m_current.truncated = true;
        return;
    }
    if (!wellFormed) {
        // Not SMTP: report it as its own malformed reply rather than silently gluing it on.
        if (m_inReply) {
            m_current.malformed = true;
            m_current.lines.append(QString::fromUtf8(line));
            m_currentBytes += line.size();
            return;
        }
        SmtpReply bad;
        bad.malformed = true;
        bad.truncated = truncated;
        bad.lines.append(QString::fromUtf8(line));
        m_ready.append(bad);
        return;
    }
    const int code = line.left(3).toInt();
    const bool more = line.size() > 3 && line[3] == '-';
    const QString text = line.size() > 4 ? QString::fromUtf8(line.mid(4)) : QString();
    if (!m_inReply) {
        m_current = {};
        m_current.code = code;
        m_inReply = true;
        m_currentBytes = 0;
    } else if (code != m_current.code) {
        m_current.malformed = true;  // continuation with a different code: keep going, flag it
    }
    m_current.lines.append(text);
    m_currentBytes += line.size();
    m_current.truncated = m_current.truncated || truncated;
    if (!more) {
        m_current.enhanced = enhancedCodeFromText(m_current.lines.first());
        m_ready.append(std::exchange(m_current, {}));
        m_inReply = false;
    }
}

EhloCapabilities EhloCapabilities::parse(const SmtpReply &reply)
{
    EhloCapabilities caps;
    if (reply.lines.isEmpty())
        return caps;
    caps.greeting = reply.lines.first();
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        const QString line = reply.lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        caps.keywords.append(line);
        const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
        const QString key = parts.first().toUpper();
        const QStringList params = parts.mid(1);
        if (key == u"SIZE") {
            bool ok = false;
            const qint64 v = params.isEmpty() ? 0 : params.first().toLongLong(&ok);
            caps.size = ok ? v : 0;
        } else if (key == u"STARTTLS") {
            caps.startTls = true;
        } else if (key == u"X-ANONYMOUSTLS") {
            caps.anonymousTls = true;
        } else if (key == u"AUTH" || key.startsWith(u"AUTH=")) {
            QStringList mechs = params;
            if (key.startsWith(u"AUTH="))
                mechs.prepend(key.mid(5));
            for (const QString &m : mechs)
                if (!caps.authMechanisms.contains(m.toUpper()))
                    caps.authMechanisms.append(m.toUpper());
        } else if (key == u"X-EXPS") {
            caps.exps = params;
        } else if (key == u"8BITMIME") {
            caps.eightBitMime = true;
        } else if (key == u"BINARYMIME") {
            caps.binaryMime = true;
        } else if (key == u"CHUNKING") {
            caps.chunking = true;
        } else if (key == u"SMTPUTF8") {
            caps.smtpUtf8 = true;
        } else if (key == u"DSN") {
            caps.dsn = true;
        } else if (key == u"PIPELINING") {
            caps.pipelining = true;
        } else if (key == u"ENHANCEDSTATUSCODES") {
            caps.enhancedStatusCodes = true;
        } else {
            caps.other.append(line);
        }
    }
    return caps;
}

bool EhloCapabilities::has(const QString &keyword) const
{
    const QString k = keyword.toUpper();
    for (const QString &line : keywords)
        if (line.section(u' ', 0, 0).toUpper() == k)
            return true;
    return false;
}

} // namespace mwb::smtp
