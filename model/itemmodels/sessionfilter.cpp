#include "model/itemmodels/sessionfilter.h"

namespace mwb {

bool SessionFilterSpec::isEmpty() const
{
    return text.isEmpty() && server.isEmpty() && connector.isEmpty() && !direction && remote.isEmpty()
        && code.isEmpty() && !outcome && fromMs == kNoTime && toMs == kNoTime && !onlyTls && !onlyWithFinding;
}

QVariantMap filterSpecToMap(const SessionFilterSpec &spec)
{
    QVariantMap map;
    // Only set fields are written, so an empty spec is an empty map.
    auto putText = [&map](const char *key, const QString &value) {
        if (!value.isEmpty())
            map.insert(QLatin1String(key), value);
    };
    putText("text", spec.text);
    if (spec.textIsRegex)
        map.insert(QStringLiteral("regex"), true);
    putText("server", spec.server);
    putText("connector", spec.connector);
    if (spec.direction)
        map.insert(QStringLiteral("direction"), directionId(*spec.direction));
    putText("remote", spec.remote);
    putText("code", spec.code);
    if (spec.outcome)
        map.insert(QStringLiteral("outcome"), outcomeId(*spec.outcome));
    if (spec.fromMs != kNoTime)
        map.insert(QStringLiteral("fromMs"), qlonglong(spec.fromMs));
    if (spec.toMs != kNoTime)
        map.insert(QStringLiteral("toMs"), qlonglong(spec.toMs));
    if (spec.onlyTls)
        map.insert(QStringLiteral("tls"), true);
    if (spec.onlyWithFinding)
        map.insert(QStringLiteral("finding"), true);
    return map;
}

SessionFilterSpec filterSpecFromMap(const QVariantMap &map)
{
    SessionFilterSpec spec;
    spec.text = map.value(QStringLiteral("text")).toString();
    spec.textIsRegex = map.value(QStringLiteral("regex")).toBool();
    spec.server = map.value(QStringLiteral("server")).toString();
    spec.connector = map.value(QStringLiteral("connector")).toString();
    const QString direction = map.value(QStringLiteral("direction")).toString();
    for (Direction d : {Direction::Receive, Direction::Send}) {
        if (direction == directionId(d))
            spec.direction = d;
    }
    spec.remote = map.value(QStringLiteral("remote")).toString();
    spec.code = map.value(QStringLiteral("code")).toString();
    const QString outcome = map.value(QStringLiteral("outcome")).toString();
    for (int o = 0; o <= int(SessionOutcome::NoMail); ++o) {
        if (outcome == outcomeId(SessionOutcome(o)))
            spec.outcome = SessionOutcome(o);
    }
    bool ok = false;
    const qint64 from = map.value(QStringLiteral("fromMs")).toLongLong(&ok);
    if (ok)
        spec.fromMs = from;
    const qint64 to = map.value(QStringLiteral("toMs")).toLongLong(&ok);
    if (ok)
        spec.toMs = to;
    spec.onlyTls = map.value(QStringLiteral("tls")).toBool();
    spec.onlyWithFinding = map.value(QStringLiteral("finding")).toBool();
    return spec;
}

QHostAddress endpointAddress(const QString &endpoint)
{
    QString host = endpoint.trimmed();
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        host = close > 0 ? host.mid(1, close - 1) : host.mid(1);
    } else if (host.count(QLatin1Char(':')) == 1) {
        host = host.left(host.indexOf(QLatin1Char(':')));
    }
    // IPv6 with a zone index (fe80::1%3) parses with QHostAddress; keep it as is.
    return QHostAddress(host);
}

ReplyCode parseReplyCode(const QString &reply)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*([2-5]\d\d)[ -]*(?:([245]\.\d{1,3}\.\d{1,3})\b)?)"));
    const QRegularExpressionMatch m = re.match(reply);
    if (!m.hasMatch())
        return {};
    return {m.captured(1), m.captured(2)};
}

namespace {

// "5.7.*" -> ^5\.7\.\d+$ ; "4.4.317" exact ; "451" basic code ; "4.*" any enhanced with class 4
Result<QRegularExpression> compileCodePattern(const QString &pattern)
{
    static const QRegularExpression shape(QStringLiteral(R"(^[2-5*](\.(\d{1,3}|\*)){0,2}$|^[2-5*][\d*]{2}$)"));
    const QString p = pattern.trimmed();
    if (!shape.match(p).hasMatch())
        return Result<QRegularExpression>::fail(
            QObject::tr("SMTP code pattern \"%1\" is not like 451, 4.4.317 or 5.7.*").arg(pattern));
    QString rx;
    for (const QChar c : p) {
        if (c == QLatin1Char('*'))
            rx += QStringLiteral(R"(\d+)");
        else if (c == QLatin1Char('.'))
            rx += QStringLiteral(R"(\.)");
        else
            rx += c;
    }
    // Fewer than three parts ("5.7" / "4.*") match as a prefix of the enhanced code.
    const bool enhanced = p.contains(QLatin1Char('.')) || p.size() == 1;
    if (enhanced && p.count(QLatin1Char('.')) < 2)
        rx += QStringLiteral(R"((\.\d+)*)");
    return QRegularExpression(QLatin1Char('^') + rx + QLatin1Char('$'));
}

bool containsCi(const QString &haystack, const QString &lowerNeedle)
{
    return haystack.contains(lowerNeedle, Qt::CaseInsensitive);
}

} // namespace

Result<SessionFilter> SessionFilter::compile(const SessionFilterSpec &spec)
{
    SessionFilter f;
    f.m_spec = spec;
    if (!spec.text.isEmpty()) {
        if (spec.textIsRegex) {
            f.m_textRegex = QRegularExpression(spec.text, QRegularExpression::CaseInsensitiveOption);
            if (!f.m_textRegex.isValid())
                return Result<SessionFilter>::fail(QObject::tr("Invalid regular expression: %1").arg(f.m_textRegex.errorString()));
            f.m_textRegex.optimize();
        } else {
            f.m_textLower = spec.text.toLower();
        }
    }
    const QString remote = spec.remote.trimmed();
    if (!remote.isEmpty()) {
        if (remote.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(remote);
            if (subnet.first.isNull() || subnet.second < 0)
                return Result<SessionFilter>::fail(QObject::tr("\"%1\" is not a valid network (CIDR)").arg(remote));
            f.m_network = subnet.first;
            f.m_prefix = subnet.second;
        } else if (QHostAddress addr(remote); !addr.isNull()) {
            f.m_network = addr;
            f.m_prefix = addr.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
        }
    }
    if (!spec.code.trimmed().isEmpty()) {
        auto rx = compileCodePattern(spec.code);
        if (!rx)
            return Result<SessionFilter>::fail(rx.errorMessage());
        f.m_codeRegex = rx.value();
    }
    if (spec.fromMs != kNoTime && spec.toMs != kNoTime && spec.toMs < spec.fromMs)
        return Result<SessionFilter>::fail(QObject::tr("The time range ends before it starts"));
    return f;
}

bool SessionFilter::matches(const Session &s) const
{
    const SessionFilterSpec &p = m_spec;
    if (p.direction && s.direction != *p.direction)
        return false;
    if (p.outcome && s.outcome != *p.outcome)
        return false;
    if (p.onlyTls && !s.tls)
        return false;
    if (p.fromMs != kNoTime && (s.startMs == kNoTime || s.startMs < p.fromMs))
        return false;
    if (p.toMs != kNoTime && (s.startMs == kNoTime || s.startMs >= p.toMs))
        return false;
    if (p.onlyWithFinding && !m_findingSessions.contains(s.index))
        return false;
    if (!p.server.isEmpty() && s.server.compare(p.server, Qt::CaseInsensitive) != 0)
        return false;
    if (!p.connector.isEmpty() && !containsCi(s.connector, p.connector))
        return false;
    if (!p.remote.isEmpty()) {
        if (m_prefix >= 0) {
            const QHostAddress addr = endpointAddress(s.remote);
            if (addr.isNull() || !addr.isInSubnet(m_network, m_prefix))
                return false;
        } else if (!containsCi(s.remote, p.remote.trimmed())) {
            return false;
        }
    }
    if (m_codeRegex.isValid() && !m_codeRegex.pattern().isEmpty()) {
        const ReplyCode code = parseReplyCode(s.lastReply);
        const bool hit = (!code.enhanced.isEmpty() && m_codeRegex.match(code.enhanced).hasMatch())
            || (!code.basic.isEmpty() && m_codeRegex.match(code.basic).hasMatch());
        if (!hit)
            return false;
    }
    if (!p.text.isEmpty()) {
        auto hit = [&](const QString &field) {
            return p.textIsRegex ? m_textRegex.match(field).hasMatch() : containsCi(field, m_textLower);
        };
        bool any = hit(s.id) || hit(s.server) || hit(s.connector) || hit(s.remote) || hit(s.local) || hit(s.ehlo)
            || hit(s.mailFrom) || hit(s.lastReply) || hit(s.authUser);
        for (qsizetype i = 0; !any && i < s.recipients.size(); ++i)
            any = hit(s.recipients.at(i));
        for (qsizetype i = 0; !any && i < s.messageIds.size(); ++i)
            any = hit(s.messageIds.at(i));
        if (!any)
            return false;
    }
    return true;
}

std::vector<int> SessionFilter::apply(const QList<Session> &sessions, int firstIndex) const
{
    std::vector<int> rows;
    rows.reserve(size_t(sessions.size()));
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        if (matches(sessions.at(i)))
            rows.push_back(firstIndex + int(i));
    }
    return rows;
}

} // namespace mwb
