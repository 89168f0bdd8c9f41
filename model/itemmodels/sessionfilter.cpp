#include "model/itemmodels/sessionfilter.h"

#include "model/itemmodels/sessionsearchindex.h"

#include <QThread>
#include <algorithm>
#include <atomic>
#include <string>
#include "model/core/common/workpools.h"

#ifdef MWB_HAVE_PCRE2
// 0: both the 16-bit functions (fields are QStrings) and the 8-bit ones (the index's UTF-8 text),
// each called by its explicit name.
#define PCRE2_CODE_UNIT_WIDTH 0
#include <pcre2.h>
#endif

namespace mwb {

#ifdef MWB_HAVE_PCRE2
// Compiled with the options QRegularExpression gives PCRE2 for CaseInsensitiveOption (UTF + caseless),
// so both answer alike; m_textRegex stays the reference and the fallback.
struct SessionFilter::DirectRegex {
    pcre2_code_16 *code = nullptr;
    // The same pattern with PCRE2_MULTILINE, run once per session over all its fields joined by
    // '\n': a session none of whose fields can match is rejected with one call instead of one per
    // field. It only pre-filters (a hit is confirmed field by field), so it must never miss a field
    // that matches alone; patterns whose meaning could change at a field's edge get none (null).
    pcre2_code_16 *joined = nullptr;
    ~DirectRegex()
    {
        pcre2_code_free_16(code);
        pcre2_code_free_16(joined);
    }
};

struct SessionFilter::IndexPattern {
    pcre2_code_8 *code = nullptr;
    bool confirm = false;   // a regex: a hit only says "may match", the fields decide
    ~IndexPattern() { pcre2_code_free_8(code); }
};

namespace {
// Does the pattern keep every single-field match when run over fields joined by '\n' with ^ and $
// matching at line ends? Plain items, classes, groups, alternation, backtracking quantifiers,
// backreferences, ^ $ \b \B do. Lookaround, atomic groups and possessive quantifiers can see or
// swallow the next field and then fail; \A \z \Z \G name the whole subject; inline options and
// verbs could switch multiline off. Any of those, even escaped or inside a class: no pre-filter.
bool joinedPrefilterIsSound(const QString &pattern)
{
    static const char *const unsafe[] = {"(*", "(?>", "(?=", "(?!", "(?<", "(?#", "\\A", "\\z", "\\Z", "\\G", "*+", "++", "?+", "}+"};
    for (const char *u : unsafe) {
        if (pattern.contains(QLatin1String(u)))
            return false;
    }
    for (qsizetype i = pattern.indexOf(QLatin1String("(?")); i >= 0; i = pattern.indexOf(QLatin1String("(?"), i + 2)) {
        if (pattern.mid(i + 2, 1) != QLatin1String(":"))
            return false;   // (?i) (?-m) (?| (?P … : only the plain non-capturing group is known to be safe
    }
    return true;
}

// Text without surrogate code units is valid UTF-16 by definition, so PCRE2 need not check it (its
// check is a slower scan than this one); text with any is left for PCRE2 to validate.
quint32 utfCheckOption(const char16_t *text, size_t length)
{
    char16_t any = 0;
    for (size_t i = 0; i < length; ++i)
        any |= char16_t((text[i] & 0xF800) == 0xD800);
    return any ? 0u : quint32(PCRE2_NO_UTF_CHECK);
}

// One match-data block per thread (the filter runs on several): an ovector of one pair fits every
// pattern, and only "matched or not" is read.
struct ThreadMatchData {
    pcre2_match_data_16 *data = pcre2_match_data_create_16(1, nullptr);
    ~ThreadMatchData() { pcre2_match_data_free_16(data); }
};
struct ThreadMatchData8 {
    pcre2_match_data_8 *data = pcre2_match_data_create_8(1, nullptr);
    ~ThreadMatchData8() { pcre2_match_data_free_8(data); }
};

pcre2_code_8 *compile8(const QByteArray &pattern, quint32 options)
{
    int error = 0;
    PCRE2_SIZE errorOffset = 0;
    pcre2_code_8 *code = pcre2_compile_8(reinterpret_cast<PCRE2_SPTR8>(pattern.constData()), PCRE2_SIZE(pattern.size()), options, &error,
                                         &errorOffset, nullptr);
    if (code)
        pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE);
    return code;
}
} // namespace
#else
struct SessionFilter::DirectRegex {};
struct SessionFilter::IndexPattern {};
#endif

bool SessionFilter::regexMayMatchSession(const Session &s) const
{
#ifdef MWB_HAVE_PCRE2
    if (!m_directRegex || !m_directRegex->joined)
        return true;
    thread_local ThreadMatchData match;
    thread_local std::u16string joined;
    joined.clear();
    auto add = [](const QString &field) {
        joined.append(reinterpret_cast<const char16_t *>(field.constData()), size_t(field.size()));
        joined.push_back(u'\n');
    };
    for (const QString *field : {&s.id, &s.server, &s.connector, &s.remote, &s.local, &s.ehlo, &s.mailFrom, &s.lastReply, &s.authUser})
        add(*field);
    for (const QString &r : s.recipients)
        add(r);
    for (const QString &m : s.messageIds)
        add(m);
    if (!match.data)
        return true;
    // Only a clean "no match" rejects: an error (a field with a lone surrogate makes the joined text
    // invalid UTF-16) leaves the decision to the fields one by one.
    return pcre2_match_16(m_directRegex->joined, reinterpret_cast<PCRE2_SPTR16>(joined.data()), joined.size(), 0,
                          utfCheckOption(joined.data(), joined.size()), match.data, nullptr) != PCRE2_ERROR_NOMATCH;
#else
    Q_UNUSED(s);
    return true;
#endif
}

bool SessionFilter::regexHit(const QString &field) const
{
#ifdef MWB_HAVE_PCRE2
    if (m_directRegex) {
        thread_local ThreadMatchData match;
        static const char16_t empty[1] = {0};
        const auto *subject = field.isEmpty() ? reinterpret_cast<PCRE2_SPTR16>(empty) : reinterpret_cast<PCRE2_SPTR16>(field.constData());
        // >= 0: a match (0 only says the one-pair ovector was too small); errors count as no match,
        // as they do for QRegularExpression.
        return match.data
            && pcre2_match_16(m_directRegex->code, subject, PCRE2_SIZE(field.size()), 0,
                              utfCheckOption(reinterpret_cast<const char16_t *>(subject), size_t(field.size())), match.data, nullptr) >= 0;
    }
#endif
    return m_textRegex.match(field).hasMatch();
}

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
    for (int o = 0; o < kSessionOutcomeCount; ++o) {
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

bool parseIpv4Endpoint(const QString &endpoint, quint32 &address)
{
    const QChar *p = endpoint.constData();
    const QChar *end = p + endpoint.size();
    while (p < end && p->isSpace())
        ++p;
    quint32 value = 0;
    for (int octet = 0; octet < 4; ++octet) {
        int n = 0;
        quint32 part = 0;
        while (p < end && p->unicode() >= '0' && p->unicode() <= '9' && n < 3) {
            part = part * 10 + (p->unicode() - '0');
            ++p;
            ++n;
        }
        if (n == 0 || part > 255)
            return false;
        value = (value << 8) | part;
        if (octet < 3) {
            if (!(p < end && p->unicode() == '.'))
                return false;
            ++p;
        }
    }
    if (p < end && p->unicode() != ':' && !p->isSpace())
        return false;
    address = value;
    return true;
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
    // Hand-written equivalent of ^\s*([2-5]\d\d)[ -]*(?:([245]\.\d{1,3}\.\d{1,3})\b)? — this runs
    // once per session per filter, and a regex here dominated code filters over millions of rows.
    const QChar *p = reply.constData();
    const QChar *end = p + reply.size();
    auto digit = [](const QChar *c, const QChar *e) { return c < e && c->unicode() >= '0' && c->unicode() <= '9'; };
    while (p < end && p->isSpace())
        ++p;
    if (!(p < end && p->unicode() >= '2' && p->unicode() <= '5') || !digit(p + 1, end) || !digit(p + 2, end))
        return {};
    ReplyCode code;
    code.basic = QString(p, 3);
    p += 3;
    while (p < end && (p->unicode() == ' ' || p->unicode() == '-'))
        ++p;
    const QChar *start = p;
    if (!(p < end && (p->unicode() == '2' || p->unicode() == '4' || p->unicode() == '5')) || !(p + 1 < end && p[1].unicode() == '.'))
        return code;
    p += 2;
    for (int part = 0; part < 2; ++part) {
        int n = 0;
        while (n < 3 && digit(p, end)) {
            ++p;
            ++n;
        }
        if (n == 0)
            return code;
        if (part == 0) {
            if (!(p < end && p->unicode() == '.'))
                return code;
            ++p;
        }
    }
    // \b: the code must not run on into a word character.
    if (p < end && (p->isLetterOrNumber() || p->unicode() == '_'))
        return code;
    code.enhanced = QString(start, p - start);
    return code;
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

// Matches a code pattern ("5.7.*", "4**", "451") the way compileCodePattern's regex does: '*' is
// one or more digits, the rest literal; with `suffix`, any further ".digits" groups may follow.
bool globCode(const QChar *p, const QChar *pe, const QChar *t, const QChar *te, bool suffix)
{
    while (p < pe) {
        if (p->unicode() == '*') {
            const QChar *d = t;
            while (d < te && d->unicode() >= '0' && d->unicode() <= '9')
                ++d;
            for (const QChar *k = t + 1; k <= d; ++k) {
                if (globCode(p + 1, pe, k, te, suffix))
                    return true;
            }
            return false;
        }
        if (t >= te || *t != *p)
            return false;
        ++p;
        ++t;
    }
    if (t == te)
        return true;
    if (!suffix)
        return false;
    while (t < te) {
        if (t->unicode() != '.')
            return false;
        ++t;
        const QChar *d = t;
        while (t < te && t->unicode() >= '0' && t->unicode() <= '9')
            ++t;
        if (t == d)
            return false;
    }
    return true;
}

inline char16_t foldAscii(char16_t c)
{
    return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
}

bool isAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// Case-insensitive substring for an ASCII, lower-case needle: log fields are nearly all ASCII and
// QString::contains(CaseInsensitive) folds every character through the Unicode tables, which made
// text filters over millions of sessions take seconds. Non-ASCII haystack characters never equal an
// ASCII needle character, so the result is the same as the Unicode comparison for ASCII needles.
bool containsAsciiCi(const QString &haystack, const QString &lowerNeedle)
{
    const qsizetype n = lowerNeedle.size();
    const qsizetype h = haystack.size();
    if (n == 0)
        return true;
    if (n > h)
        return false;
    const char16_t *hay = reinterpret_cast<const char16_t *>(haystack.constData());
    const char16_t *needle = reinterpret_cast<const char16_t *>(lowerNeedle.constData());
    const char16_t first = needle[0];
    const qsizetype last = h - n;
    for (qsizetype i = 0; i <= last; ++i) {
        if (foldAscii(hay[i]) != first)
            continue;
        qsizetype k = 1;
        while (k < n && foldAscii(hay[i + k]) == needle[k])
            ++k;
        if (k == n)
            return true;
    }
    return false;
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
#ifdef MWB_HAVE_PCRE2
            int error = 0;
            PCRE2_SIZE errorOffset = 0;
            pcre2_code_16 *code = pcre2_compile_16(reinterpret_cast<PCRE2_SPTR16>(spec.text.utf16()), PCRE2_SIZE(spec.text.size()),
                                                   PCRE2_UTF | PCRE2_CASELESS, &error, &errorOffset, nullptr);
            if (code) {
                pcre2_jit_compile_16(code, PCRE2_JIT_COMPLETE);   // without JIT (not built in) it still matches, slower
                auto direct = std::make_shared<DirectRegex>();
                direct->code = code;
                if (joinedPrefilterIsSound(spec.text)) {
                    direct->joined = pcre2_compile_16(reinterpret_cast<PCRE2_SPTR16>(spec.text.utf16()), PCRE2_SIZE(spec.text.size()),
                                                      PCRE2_UTF | PCRE2_CASELESS | PCRE2_MULTILINE, &error, &errorOffset, nullptr);
                    if (direct->joined)
                        pcre2_jit_compile_16(direct->joined, PCRE2_JIT_COMPLETE);
                    // The same over UTF-8. Code points are alike in both widths; only \C (one code
                    // unit) is not, so it is refused.
                    if (pcre2_code_8 *code8 = compile8(spec.text.toUtf8(), PCRE2_UTF | PCRE2_CASELESS | PCRE2_MULTILINE | PCRE2_NEVER_BACKSLASH_C)) {
                        auto pattern = std::make_shared<IndexPattern>();
                        pattern->code = code8;
                        pattern->confirm = true;
                        f.m_indexPattern = std::move(pattern);
                    }
                }
                f.m_directRegex = std::move(direct);
            }
#endif
        } else {
            f.m_textLower = spec.text.toLower();
            f.m_textAscii = isAscii(f.m_textLower);
#ifdef MWB_HAVE_PCRE2
            // ASCII-only caseless bytes (no UTF: PCRE2's default tables fold A-Z only) find exactly
            // what containsAsciiCi finds: the needle's bytes are ASCII, so they can only meet the
            // ASCII code units of one field (fields end at '\n', which the needle lacks).
            if (f.m_textAscii && !f.m_textLower.contains(QLatin1Char('\n'))) {
                if (pcre2_code_8 *code8 = compile8(f.m_textLower.toLatin1(), PCRE2_LITERAL | PCRE2_CASELESS)) {
                    auto pattern = std::make_shared<IndexPattern>();
                    pattern->code = code8;
                    f.m_indexPattern = std::move(pattern);
                }
            }
#endif
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
            f.prepareIpv4();
        } else if (QHostAddress addr(remote); !addr.isNull()) {
            f.m_network = addr;
            f.m_prefix = addr.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
            f.prepareIpv4();
        }
    }
    if (!spec.code.trimmed().isEmpty()) {
        auto rx = compileCodePattern(spec.code);
        if (!rx)
            return Result<SessionFilter>::fail(rx.errorMessage());
        f.m_codeRegex = rx.value();
        f.m_codePattern = spec.code.trimmed();
        // As in compileCodePattern: short enhanced patterns ("5.7", "4.*", "5") match as prefixes.
        const QString &cp = f.m_codePattern;
        f.m_codeSuffix = (cp.contains(QLatin1Char('.')) || cp.size() == 1) && cp.count(QLatin1Char('.')) < 2;
    }
    if (spec.fromMs != kNoTime && spec.toMs != kNoTime && spec.toMs < spec.fromMs)
        return Result<SessionFilter>::fail(QObject::tr("The time range ends before it starts"));
    return f;
}

void SessionFilter::prepareIpv4()
{
    m_ipv4 = m_network.protocol() == QAbstractSocket::IPv4Protocol && m_prefix >= 0 && m_prefix <= 32;
    if (!m_ipv4)
        return;
    m_mask4 = m_prefix == 0 ? 0u : ~quint32(0) << (32 - m_prefix);
    m_network4 = m_network.toIPv4Address() & m_mask4;
}

bool SessionFilter::codeMatches(const QString &code) const
{
    const QChar *p = m_codePattern.constData();
    return globCode(p, p + m_codePattern.size(), code.constData(), code.constData() + code.size(), m_codeSuffix);
}

bool SessionFilter::replyCodeMatches(const QString &basic, const QString &enhanced) const
{
    return (!enhanced.isEmpty() && codeMatches(enhanced)) || (!basic.isEmpty() && codeMatches(basic));
}

bool SessionFilter::remoteMatches(const QString &remote) const
{
    quint32 v4 = 0;
    if (m_ipv4 && parseIpv4Endpoint(remote, v4))   // plain IPv4 endpoints (nearly all) without a QHostAddress
        return (v4 & m_mask4) == m_network4;
    if (m_prefix >= 0) {
        const QHostAddress addr = endpointAddress(remote);
        return !addr.isNull() && addr.isInSubnet(m_network, m_prefix);
    }
    return containsCi(remote, m_spec.remote.trimmed());
}

bool SessionFilter::fieldHit(const QString &field) const
{
    if (m_spec.textIsRegex)
        return regexHit(field);
    return m_textAscii ? containsAsciiCi(field, m_textLower) : containsCi(field, m_textLower);
}

bool SessionFilter::textMatches(const Session &s) const
{
    if (m_spec.textIsRegex && !regexMayMatchSession(s))
        return false;
    if (fieldHit(s.id) || fieldHit(s.server) || fieldHit(s.connector) || fieldHit(s.remote) || fieldHit(s.local) || fieldHit(s.ehlo)
        || fieldHit(s.mailFrom) || fieldHit(s.lastReply) || fieldHit(s.authUser))
        return true;
    for (const QString &r : s.recipients) {
        if (fieldHit(r))
            return true;
    }
    for (const QString &m : s.messageIds) {
        if (fieldHit(m))
            return true;
    }
    return false;
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
    if (p.onlyWithFinding && (s.index < 0 || s.index >= m_findingSessions.size() || !m_findingSessions.testBit(s.index)))
        return false;
    if (!p.server.isEmpty() && s.server.compare(p.server, Qt::CaseInsensitive) != 0)
        return false;
    if (!p.connector.isEmpty() && !containsCi(s.connector, p.connector))
        return false;
    if (!p.remote.isEmpty() && !remoteMatches(s.remote))
        return false;
    if (!m_codePattern.isEmpty()) {
        const ReplyCode code = parseReplyCode(s.lastReply);
        if (!replyCodeMatches(code.basic, code.enhanced))
            return false;
    }
    if (!p.text.isEmpty() && !textMatches(s))
        return false;
    return true;
}

namespace {

// The filter's conditions evaluated once per distinct server, connector and reply code of an
// index, instead of once per session. Empty vectors: no such condition.
struct DictionaryVerdicts {
    std::vector<char> server, connector, code;
    std::vector<char> textInServer, textInConnector;   // the text condition holds on that value
    bool anyTextInDictionary = false;
};

template<typename Pred>
std::vector<char> verdicts(const QStringList &values, Pred pred)
{
    std::vector<char> out(size_t(values.size()));
    for (qsizetype i = 0; i < values.size(); ++i)
        out[size_t(i)] = pred(values.at(i)) ? 1 : 0;
    return out;
}

} // namespace

void SessionFilter::applyIndexed(const SessionSearchIndex &index, qsizetype from, qsizetype to, std::vector<int> &rows) const
{
    const SessionFilterSpec &p = m_spec;
    DictionaryVerdicts dict;
    if (!p.server.isEmpty())
        dict.server = verdicts(index.serverNames, [&](const QString &v) { return v.compare(p.server, Qt::CaseInsensitive) == 0; });
    if (!p.connector.isEmpty())
        dict.connector = verdicts(index.connectorNames, [&](const QString &v) { return containsCi(v, p.connector); });
    if (!m_codePattern.isEmpty()) {
        dict.code.resize(size_t(index.codes.size()));
        for (qsizetype i = 0; i < index.codes.size(); ++i)
            dict.code[size_t(i)] = replyCodeMatches(index.codes.at(i).basic, index.codes.at(i).enhanced) ? 1 : 0;
    }
    const bool hasText = !p.text.isEmpty();
    if (hasText) {
        dict.textInServer = verdicts(index.serverNames, [&](const QString &v) { return fieldHit(v); });
        dict.textInConnector = verdicts(index.connectorNames, [&](const QString &v) { return fieldHit(v); });
        auto any = [](const std::vector<char> &v) { return std::find(v.begin(), v.end(), 1) != v.end(); };
        dict.anyTextInDictionary = any(dict.textInServer) || any(dict.textInConnector);
    }
#ifdef MWB_HAVE_PCRE2
    const IndexPattern *pattern = hasText ? m_indexPattern.get() : nullptr;
#else
    const void *pattern = nullptr;
#endif
    const bool remoteByColumn = !p.remote.isEmpty() && m_ipv4;
    const QList<Session> &sessions = index.sessions();

    // Every condition but text, from the columns; the remote endpoint from the session when it is not
    // a plain IPv4 address.
    auto othersHold = [&](qsizetype i) {
        const size_t k = size_t(i);
        if (p.direction && index.direction[k] != quint8(*p.direction))
            return false;
        if (p.outcome && index.outcome[k] != quint8(*p.outcome))
            return false;
        if (p.onlyTls && !(index.flags[k] & SessionSearchIndex::Tls))
            return false;
        const qint64 start = index.startMs[k];
        if (p.fromMs != kNoTime && (start == kNoTime || start < p.fromMs))
            return false;
        if (p.toMs != kNoTime && (start == kNoTime || start >= p.toMs))
            return false;
        if (p.onlyWithFinding) {
            const qint32 si = index.storeIndex[k];
            if (si < 0 || si >= m_findingSessions.size() || !m_findingSessions.testBit(si))
                return false;
        }
        if (!dict.server.empty() && !dict.server[index.serverId[k]])
            return false;
        if (!dict.connector.empty() && !dict.connector[index.connectorId[k]])
            return false;
        if (!dict.code.empty() && !dict.code[index.codeId[k]])
            return false;
        if (!p.remote.isEmpty()) {
            if (remoteByColumn && (index.flags[k] & SessionSearchIndex::RemoteIsIpv4)) {
                if ((index.remoteIpv4[k] & m_mask4) != m_network4)
                    return false;
            } else if (!remoteMatches(sessions.at(i).remote)) {
                return false;
            }
        }
        return true;
    };
    auto textInDictionary = [&](qsizetype i) {
        return dict.anyTextInDictionary
            && (dict.textInServer[index.serverId[size_t(i)]] || dict.textInConnector[index.connectorId[size_t(i)]]);
    };

    for (const SessionSearchIndex::Chunk &chunk : index.chunks()) {
        const qsizetype chunkEnd = chunk.first + qsizetype(chunk.starts.size()) - 1;
        const qsizetype first = std::max(from, chunk.first);
        const qsizetype last = std::min(to, chunkEnd);
        if (first >= last)
            continue;
        if (!pattern) {
            // No text, or text the chunk cannot be searched for: the columns, then the fields.
            for (qsizetype i = first; i < last; ++i) {
                if (othersHold(i) && (!hasText || textMatches(sessions.at(i))))
                    rows.push_back(int(i));
            }
            continue;
        }
#ifdef MWB_HAVE_PCRE2
        // Sessions whose chunk text holds a hit, in order: one scan over the chunk, resumed after
        // each hit at the next session's text (a session needs one hit; a match that ran on into the
        // next session must not hide that session's own).
        thread_local ThreadMatchData8 match;
        thread_local std::vector<qsizetype> hits;
        hits.clear();
        const auto *subject = reinterpret_cast<PCRE2_SPTR8>(chunk.text.constData());
        const PCRE2_SIZE length = chunk.starts[size_t(last - chunk.first)];
        qsizetype k = first - chunk.first;
        PCRE2_SIZE offset = chunk.starts[size_t(k)];
        // From here on the scan could not tell (out of memory, a match limit hit by a pathological
        // pattern): those sessions are decided on their fields.
        qsizetype undecidedFrom = last;
        if (!match.data)
            undecidedFrom = first;
        while (match.data && offset < length) {
            const int rc = pcre2_match_8(pattern->code, subject, length, offset, PCRE2_NO_UTF_CHECK, match.data, nullptr);
            if (rc == PCRE2_ERROR_NOMATCH)
                break;
            if (rc < 0) {
                undecidedFrom = chunk.first + k;
                break;
            }
            const PCRE2_SIZE at = pcre2_get_ovector_pointer_8(match.data)[0];
            // The session whose text holds `at`: the hits only move forward, so a forward walk.
            while (k + 1 < last - chunk.first && chunk.starts[size_t(k + 1)] <= at)
                ++k;
            hits.push_back(chunk.first + k);
            ++k;
            if (k >= last - chunk.first)
                break;
            offset = chunk.starts[size_t(k)];
        }
        auto textHolds = [&](qsizetype i, bool chunkHit) {
            if (textInDictionary(i))
                return true;
            if (i >= undecidedFrom)
                return textMatches(sessions.at(i));
            if (!chunkHit)
                return false;
            return !pattern->confirm || textMatches(sessions.at(i));
        };
        if (!dict.anyTextInDictionary && undecidedFrom == last) {
            for (qsizetype i : hits) {
                if (othersHold(i) && textHolds(i, true))
                    rows.push_back(int(i));
            }
        } else {
            size_t h = 0;
            for (qsizetype i = first; i < last; ++i) {
                const bool chunkHit = h < hits.size() && hits[h] == i;
                if (chunkHit)
                    ++h;
                if (othersHold(i) && textHolds(i, chunkHit))
                    rows.push_back(int(i));
            }
        }
#endif
    }
}

std::vector<int> SessionFilter::apply(const QList<Session> &sessions, int firstIndex) const
{
    std::vector<int> rows = applyRange(sessions, 0, sessions.size());
    if (firstIndex != 0) {
        for (int &r : rows)
            r += firstIndex;
    }
    return rows;
}

std::vector<int> SessionFilter::applyRange(const QList<Session> &sessions, qsizetype first, qsizetype last,
                                           const SessionSearchIndex *index) const
{
    first = std::clamp<qsizetype>(first, 0, sessions.size());
    last = std::clamp<qsizetype>(last, first, sessions.size());
    const qsizetype indexed = index && index->covers(sessions) ? std::clamp(index->size(), first, last) : first;
    // Work items in order: the index's chunks in [first, indexed), then plain ranges of the rest.
    struct Part {
        qsizetype from, to;
        bool viaIndex;
    };
    std::vector<Part> parts;
    for (qsizetype c = first; c < indexed;) {
        const qsizetype chunkEnd = (c / SessionSearchIndex::kChunkSessions + 1) * SessionSearchIndex::kChunkSessions;
        parts.push_back({c, std::min(indexed, chunkEnd), true});
        c = std::min(indexed, chunkEnd);
    }
    constexpr qsizetype kPlainPart = 100'000;
    for (qsizetype c = indexed; c < last; c += kPlainPart)
        parts.push_back({c, std::min(last, c + kPlainPart), false});
    auto run = [&](const Part &part, std::vector<int> &rows) {
        if (part.viaIndex) {
            applyIndexed(*index, part.from, part.to, rows);
            return;
        }
        for (qsizetype i = part.from; i < part.to; ++i) {
            if (matches(sessions.at(i)))
                rows.push_back(int(i));
        }
    };
    // Large lists are split over the cores. Filtering only reads, so the parts share the filter, the
    // list and the index safely.
    const int threads = last - first >= 200'000 ? int(std::min<size_t>(std::clamp(QThread::idealThreadCount(), 1, 8), parts.size())) : 1;
    std::vector<std::vector<int>> results(parts.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < parts.size(); i = next++)
            run(parts[i], results[i]);
    };
    runOnThreads(threads, work);
    if (results.size() == 1)
        return std::move(results.front());
    std::vector<int> rows;
    size_t total = 0;
    for (const auto &part : results)
        total += part.size();
    rows.reserve(total);
    for (const auto &part : results)
        rows.insert(rows.end(), part.begin(), part.end());
    return rows;
}

} // namespace mwb
