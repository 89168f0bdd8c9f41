#include "model/core/cases/redaction.h"

#include "model/core/sessions/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace mwb {

namespace {

int kindIndex(RedactionKind k) { return static_cast<int>(k); }

// Top-level domains a dotted word must end in to be taken for a host name in free text; without
// this, "Microsoft.Exchange.Transport" or "RECV2024.LOG" would be redacted as hosts.
bool isHostTld(const QString &lowerTld)
{
    static const QSet<QString> generic{
        QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"), QStringLiteral("edu"), QStringLiteral("gov"),
        QStringLiteral("mil"), QStringLiteral("int"), QStringLiteral("info"), QStringLiteral("biz"), QStringLiteral("local"),
        QStringLiteral("lan"), QStringLiteral("corp"), QStringLiteral("internal"), QStringLiteral("intra"), QStringLiteral("intranet"),
        QStringLiteral("home"), QStringLiteral("arpa"), QStringLiteral("io"), QStringLiteral("cloud"), QStringLiteral("online"),
        QStringLiteral("email"), QStringLiteral("mail"), QStringLiteral("name"), QStringLiteral("pro"), QStringLiteral("site"),
        QStringLiteral("tech"), QStringLiteral("app"), QStringLiteral("dev"), QStringLiteral("group"), QStringLiteral("company"),
        QStringLiteral("ad"), QStringLiteral("priv"), QStringLiteral("private"), QStringLiteral("domain"), QStringLiteral("global"),
    };
    if (lowerTld.size() == 2)
        return lowerTld.at(0).isLetter() && lowerTld.at(1).isLetter();
    return generic.contains(lowerTld);
}

// Names that are already fake by definition (RFC 2606) and our own pseudonyms.
bool isReservedTld(const QString &lowerTld)
{
    return lowerTld == QLatin1String("example") || lowerTld == QLatin1String("invalid") || lowerTld == QLatin1String("test")
        || lowerTld == QLatin1String("localhost");
}

// "contoso.com" of "ex01.eu.contoso.com"; "contoso.co.uk" of "mail.contoso.co.uk".
QString registrableDomain(const QStringList &labels)
{
    if (labels.size() <= 2)
        return labels.join(QLatin1Char('.'));
    const bool secondLevelSuffix = labels.last().size() == 2 && labels.at(labels.size() - 2).size() <= 3;
    const int take = secondLevelSuffix ? 3 : 2;
    return labels.mid(labels.size() - take).join(QLatin1Char('.'));
}

std::optional<quint32> parseIPv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 v = 0;
    for (const QString &p : parts) {
        bool ok = false;
        const uint octet = p.toUInt(&ok);
        if (!ok || octet > 255 || p.isEmpty() || p.size() > 3)
            return std::nullopt;
        v = (v << 8) | octet;
    }
    return v;
}

bool isPrivateIPv4(quint32 v)
{
    return (v >> 24) == 10 || (v >> 20) == ((172u << 4) | 1u) || (v >> 16) == ((192u << 8) | 168u)
        || (v >> 22) == ((100u << 2) | 1u) /* 100.64/10 */ || (v >> 16) == ((169u << 8) | 254u);
}

bool isLoopbackOrUnspecifiedIPv4(quint32 v) { return (v >> 24) == 127 || v == 0 || v == 0xFFFFFFFFu; }

QString ipv4Text(quint32 v)
{
    return QStringLiteral("%1.%2.%3.%4").arg(v >> 24).arg((v >> 16) & 255).arg((v >> 8) & 255).arg(v & 255);
}

// Accepts the shapes of a real IPv6 address: one "::" or eight groups, at most four hex digits each.
bool looksLikeIPv6(const QString &text)
{
    QString core = text;
    const qsizetype zone = core.indexOf(QLatin1Char('%'));
    if (zone >= 0)
        core.truncate(zone);
    const qsizetype doubleColons = core.count(QStringLiteral("::"));
    const QStringList groups = core.split(QLatin1Char(':'));
    if (doubleColons > 1 || (doubleColons == 0 && groups.size() != 8) || groups.size() > 8)
        return false;
    for (const QString &g : groups) {
        if (g.size() > 4)
            return false;
        for (QChar c : g)
            if (!isxdigit(c.toLatin1()))
                return false;
    }
    return core.size() >= 2;
}

const QSet<QString> &protocolWords()
{
    static const QSet<QString> words{
        QStringLiteral("MAIL"), QStringLiteral("SMTP"), QStringLiteral("RCPT"), QStringLiteral("DATA"), QStringLiteral("QUIT"),
        QStringLiteral("EHLO"), QStringLiteral("HELO"), QStringLiteral("AUTH"), QStringLiteral("LOGIN"), QStringLiteral("PLAIN"),
        QStringLiteral("NTLM"), QStringLiteral("GSSAPI"), QStringLiteral("Local"), QStringLiteral("Remote"), QStringLiteral("STARTTLS"),
        QStringLiteral("BDAT"), QStringLiteral("RSET"), QStringLiteral("NOOP"), QStringLiteral("Default"), QStringLiteral("Frontend"),
    };
    return words;
}

QString alternationOf(QStringList literals)
{
    // Longest first, so that "Quarterly report Q3" wins over "Quarterly report".
    std::sort(literals.begin(), literals.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString &l : literals)
        escaped << QRegularExpression::escape(l);
    return escaped.join(QLatin1Char('|'));
}

} // namespace

QString redactionKindId(RedactionKind k)
{
    switch (k) {
    case RedactionKind::Email: return QStringLiteral("email");
    case RedactionKind::User: return QStringLiteral("user");
    case RedactionKind::Domain: return QStringLiteral("domain");
    case RedactionKind::Host: return QStringLiteral("host");
    case RedactionKind::IPv4: return QStringLiteral("ipv4");
    case RedactionKind::IPv6: return QStringLiteral("ipv6");
    case RedactionKind::Subject: return QStringLiteral("subject");
    case RedactionKind::Guid: return QStringLiteral("guid");
    case RedactionKind::Tenant: return QStringLiteral("tenant");
    case RedactionKind::Connector: return QStringLiteral("connector");
    }
    return QStringLiteral("host");
}

QStringList RedactionOptions::defaultProviderSuffixes()
{
    // Longest first: the first suffix that matches wins.
    return {QStringLiteral("mail.protection.outlook.com"), QStringLiteral("outbound.protection.outlook.com"),
            QStringLiteral("mail.onmicrosoft.com"), QStringLiteral("onmicrosoft.com"), QStringLiteral("protection.outlook.com"),
            QStringLiteral("mail.protection.office365.us"), QStringLiteral("onmicrosoft.us")};
}

QStringList RedactionOptions::defaultAllowedDomains()
{
    return {QStringLiteral("outlook.com"), QStringLiteral("office365.com"), QStringLiteral("microsoft.com"),
            QStringLiteral("spamhaus.org"), QStringLiteral("spamcop.net")};
}

Redactor::Redactor(RedactionOptions options) : m_options(std::move(options))
{
    for (QString &d : m_options.allowedDomains)
        d = d.trimmed().toLower();
    for (QString &d : m_options.providerSuffixes)
        d = d.trimmed().toLower();
}

QString Redactor::pseudonymFor(RedactionKind kind, const QString &key, const QString &original)
{
    QHash<QString, QString> &map = m_map[kindIndex(kind)];
    if (auto it = map.constFind(key); it != map.constEnd())
        return *it;
    const int n = int(map.size()) + 1;
    QString pseudonym;
    switch (kind) {
    // Marked as pseudonyms at a glance: numbered, and every name under .example.invalid (RFC 2606),
    // which can never be a real host.
    case RedactionKind::User: pseudonym = QStringLiteral("user-%1").arg(n); break;
    case RedactionKind::Domain: pseudonym = QStringLiteral("domain-%1.example.invalid").arg(n); break;
    case RedactionKind::Host: pseudonym = QStringLiteral("host-%1").arg(n); break;
    case RedactionKind::Subject: pseudonym = QStringLiteral("Subject %1").arg(n); break;
    case RedactionKind::IPv6: pseudonym = QStringLiteral("2001:db8::%1").arg(n, 0, 16); break;
    case RedactionKind::Tenant: pseudonym = QStringLiteral("tenant-%1").arg(n); break;
    case RedactionKind::Connector: pseudonym = QStringLiteral("Connector %1").arg(n); break;
    // Version 4, variant 1 and all-zero but for the count: valid, and plainly not a real id.
    case RedactionKind::Guid: pseudonym = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')); break;
    case RedactionKind::Email:
    case RedactionKind::IPv4:
        pseudonym = original;  // composed by the caller
        break;
    }
    map.insert(key, pseudonym);
    return pseudonym;
}

bool Redactor::isAllowedDomain(const QString &lowerName) const
{
    for (const QString &d : m_options.allowedDomains) {
        if (!d.isEmpty() && (lowerName == d || lowerName.endsWith(QLatin1Char('.') + d)))
            return true;
    }
    return false;
}

// Records a replacement once, for replacements() and the preview.
void Redactor::note(const QString &original, const QString &pseudonym, RedactionKind kind)
{
    if (original == pseudonym)
        return;
    const QString key = redactionKindId(kind) + QChar(0x1f) + original;
    if (m_noted.contains(key))
        return;
    m_noted.insert(key);
    m_replacements.append({original, pseudonym, kind});
}

QString Redactor::redactDomainName(const QString &name)
{
    QString lower = name.toLower();
    if (lower.endsWith(QLatin1Char('.')))
        lower.chop(1);
    const QStringList labels = lower.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.isEmpty() || isReservedTld(labels.last()))
        return name;
    // A provider name carries the customer in its first labels: keep only the provider's suffix
    // (checked before the allow-list, which holds outlook.com).
    for (const QString &suffix : std::as_const(m_options.providerSuffixes)) {
        if (lower.size() > suffix.size() + 1 && lower.endsWith(suffix) && lower.at(lower.size() - suffix.size() - 1) == QLatin1Char('.'))
            return redactProviderName(lower, suffix);
    }
    if (isAllowedDomain(lower))
        return name;
    if (labels.size() == 1) {
        const QString pseudonym = pseudonymFor(RedactionKind::Host, lower, name);
        note(name, pseudonym, RedactionKind::Host);
        return pseudonym;
    }
    const QString domain = registrableDomain(labels);
    const QString domainPseudonym = pseudonymFor(RedactionKind::Domain, domain, domain);
    note(domain, domainPseudonym, RedactionKind::Domain);
    if (lower == domain)
        return domainPseudonym;
    const QString prefix = lower.left(lower.size() - domain.size() - 1);
    const QString result = pseudonymFor(RedactionKind::Host, prefix, prefix) + QLatin1Char('.') + domainPseudonym;
    note(name, result, RedactionKind::Host);
    return result;
}

QString Redactor::redactProviderName(const QString &lowerName, const QString &suffix)
{
    const QString customer = lowerName.left(lowerName.size() - suffix.size() - 1);
    // "mail-db8eur05on2139.outbound..." names a Microsoft server, still pseudonymised: one rule.
    const QString result = pseudonymFor(RedactionKind::Tenant, customer, customer) + QLatin1Char('.') + suffix;
    note(lowerName, result, RedactionKind::Tenant);
    return result;
}

QJsonValue Redactor::redactJson(const QJsonValue &v)
{
    if (v.isString())
        return redactText(v.toString());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(redactJson(e));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), redactJson(it.value()));
        return out;
    }
    return v;
}

QString Redactor::redactGuid(const QString &guid)
{
    const QString key = guid.toLower().remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    QString result = pseudonymFor(RedactionKind::Guid, key, guid);
    if (guid.startsWith(QLatin1Char('{')))
        result = QLatin1Char('{') + result + QLatin1Char('}');
    note(guid, result, RedactionKind::Guid);
    return result;
}

QString Redactor::redactIPv4(const QString &ip)
{
    const auto v = parseIPv4(ip);
    if (!v || (m_options.keepLoopback && isLoopbackOrUnspecifiedIPv4(*v)))
        return ip;
    QHash<QString, QString> &map = m_map[kindIndex(RedactionKind::IPv4)];
    const QString key = ipv4Text(*v);
    if (auto it = map.constFind(key); it != map.constEnd()) {
        note(ip, *it, RedactionKind::IPv4);
        return *it;
    }
    // Every pseudonym comes from 198.18.0.0/15 (RFC 2544, never a real mail peer), so a reader
    // cannot take one for a real address: 198.18.x.y stands for a private address, 198.19.x.y for
    // a public one (that difference matters for mail flow).
    const bool isPrivate = isPrivateIPv4(*v);
    const int n = isPrivate ? ++m_privateIPv4Count : ++m_publicIPv4Count;
    const quint32 base = isPrivate ? (198u << 24) | (18u << 16) : (198u << 24) | (19u << 16);
    const quint32 pseudo = base | quint32(std::min(n, 65534));
    const QString result = ipv4Text(pseudo);
    map.insert(key, result);
    note(ip, result, RedactionKind::IPv4);
    return result;
}

QString Redactor::redactIPv6(const QString &ip)
{
    const QString lower = ip.toLower();
    if (m_options.keepLoopback && (lower == QLatin1String("::1") || lower == QLatin1String("::")))
        return ip;
    const QString result = pseudonymFor(RedactionKind::IPv6, lower, ip);
    note(ip, result, RedactionKind::IPv6);
    return result;
}

QString Redactor::redactEmail(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == address.size() - 1)
        return address.isEmpty() ? address : redactUser(address);
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    const QString userPseudonym = pseudonymFor(RedactionKind::User, local.toLower(), local);
    const QString lowerDomain = domain.toLower();
    QString domainPart = domain;
    if (lowerDomain.contains(QLatin1Char('.')))
        domainPart = redactDomainName(domain);  // provider names first, then the allow-list
    else if (!isAllowedDomain(lowerDomain))
        domainPart = pseudonymFor(RedactionKind::Domain, lowerDomain, domain);
    const QString result = userPseudonym + QLatin1Char('@') + domainPart;
    m_map[kindIndex(RedactionKind::Email)].insert(address.toLower(), result);
    note(address, result, RedactionKind::Email);
    return result;
}

QString Redactor::redactUser(const QString &user)
{
    if (user.isEmpty())
        return user;
    if (user.contains(QLatin1Char('@')))
        return redactEmail(user);
    QString result;
    const qsizetype slash = user.indexOf(QLatin1Char('\\'));
    if (slash > 0) {
        const QString netbios = user.left(slash);
        const QString name = user.mid(slash + 1);
        const QString domainPseudonym = pseudonymFor(RedactionKind::Domain, netbios.toLower(), netbios);
        result = domainPseudonym.section(QLatin1Char('.'), 0, 0).toUpper() + QLatin1Char('\\')
               + pseudonymFor(RedactionKind::User, name.toLower(), name);
    } else {
        result = pseudonymFor(RedactionKind::User, user.toLower(), user);
    }
    note(user, result, RedactionKind::User);
    return result;
}

QString Redactor::redactHost(const QString &host)
{
    if (host.isEmpty())
        return host;
    if (host.startsWith(QLatin1Char('['))) {  // [2001:db8::5]:25
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close > 1)
            return QLatin1Char('[') + redactHost(host.mid(1, close - 1)) + host.mid(close);
        return host;
    }
    const qsizetype colons = host.count(QLatin1Char(':'));
    if (colons >= 2)
        return looksLikeIPv6(host) ? redactIPv6(host) : host;
    if (colons == 1) {  // host:port, ip:port
        const qsizetype c = host.indexOf(QLatin1Char(':'));
        return redactHost(host.left(c)) + host.mid(c);
    }
    if (parseIPv4(host))
        return redactIPv4(host);
    static const QRegularExpression placeholder(QStringLiteral("^[xX*.]+$"));
    if (placeholder.match(host).hasMatch())
        return host;  // "x.x.x.x" placeholders of already redacted copies
    if (!host.contains(QLatin1Char('.')))
        learnHost(host);
    return redactDomainName(host);
}

QString Redactor::redactSubject(const QString &subject)
{
    if (!m_options.subjects || subject.trimmed().isEmpty())
        return subject;
    const QString result = pseudonymFor(RedactionKind::Subject, subject, subject);
    note(subject, result, RedactionKind::Subject);
    return result;
}

void Redactor::learnHost(const QString &singleLabelHost)
{
    const QString h = singleLabelHost.trimmed();
    if (h.size() < 2 || h.contains(QLatin1Char('.')) || protocolWords().contains(h) || m_literalHosts.contains(h))
        return;
    bool digitsOnly = true;
    for (QChar c : h)
        digitsOnly = digitsOnly && c.isDigit();
    if (digitsOnly)
        return;
    m_literalHosts << h;
    m_patternDirty = true;
    redactDomainName(h);
}

void Redactor::learnSubject(const QString &subject)
{
    if (!m_options.subjects)
        return;
    const QString s = subject.trimmed();
    // Very short subjects ("Hi", "250") would eat ordinary words and codes out of every line.
    bool hasLetter = false;
    for (QChar c : s)
        hasLetter = hasLetter || c.isLetter();
    if (s.size() >= 4 && hasLetter && !m_literalSubjects.contains(subject)) {
        m_literalSubjects << subject;
        m_patternDirty = true;
    }
    redactSubject(subject);
}

void Redactor::learnUser(const QString &user)
{
    const QString u = user.trimmed();
    if (u.isEmpty())
        return;
    if (!u.contains(QLatin1Char('@')) && u.size() >= 3 && !m_literalUsers.contains(u) && !protocolWords().contains(u)) {
        m_literalUsers << u;
        m_patternDirty = true;
    }
    redactUser(u);
}

void Redactor::learnDomain(const QString &name)
{
    QString n = name.trimmed().toLower();
    if (n.startsWith(QLatin1Char('[')) || n.endsWith(QLatin1Char('.')))
        n = n.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    while (n.endsWith(QLatin1Char('.')))
        n.chop(1);
    const qsizetype at = n.lastIndexOf(QLatin1Char('@'));
    if (at >= 0)
        n = n.mid(at + 1);
    n.remove(QLatin1Char('>'));
    const QStringList labels = n.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.size() < 2 || parseIPv4(n) || isReservedTld(labels.last()) || isAllowedDomain(n))
        return;
    static const QRegularExpression shape(QStringLiteral("^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$"));
    if (!shape.match(n).hasMatch())
        return;
    const QString domain = registrableDomain(labels);
    if (!m_literalDomains.contains(domain)) {
        m_literalDomains << domain;
        m_patternDirty = true;
    }
    redactDomainName(n);
}

void Redactor::learnConnector(const QString &connector)
{
    QString c = connector.trimmed();
    const qsizetype slash = c.indexOf(QLatin1Char('\\'));
    if (slash > 0) {
        learnHost(c.left(slash));
        const QString server = c.left(slash);
        c = c.mid(slash + 1).trimmed();
        if (c.endsWith(QLatin1Char(' ') + server, Qt::CaseInsensitive))
            c.chop(server.size() + 1);
    }
    static const QRegularExpression edgeSync(QStringLiteral("^EdgeSync - (?:Inbound to (.+)|(.+) to Internet)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (const auto m = edgeSync.match(c); m.hasMatch())
        c = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);  // the AD site name
    static const QSet<QString> defaults{
        QStringLiteral("default"), QStringLiteral("default frontend"), QStringLiteral("client frontend"),
        QStringLiteral("client proxy"), QStringLiteral("outbound proxy frontend"), QStringLiteral("default internal receive connector"),
        QStringLiteral("intra-organization smtp send connector"), QStringLiteral("inbound proxy internal send connector"),
        QStringLiteral("default-first-site-name"), QStringLiteral("smtp"), QStringLiteral("inbound"), QStringLiteral("outbound"),
    };
    if (c.size() < 3 || defaults.contains(c.toLower()) || protocolWords().contains(c))
        return;
    if (!m_literalConnectors.contains(c)) {
        m_literalConnectors << c;
        m_patternDirty = true;
    }
    note(c, pseudonymFor(RedactionKind::Connector, c.toLower(), c), RedactionKind::Connector);
}

void Redactor::learnFromStore(const Store &store)
{
    auto learnName = [this](const QString &name) {
        if (name.isEmpty())
            return;
        if (!name.contains(QLatin1Char('.')) && !name.contains(QLatin1Char(':')))
            learnHost(name);
        else
            redactHost(name);
    };
    for (const SourceFile &f : store.files)
        learnName(f.server);
    for (const Session &s : store.sessions) {
        learnName(s.server);
        learnUser(s.authUser);
        learnConnector(s.connector);
        learnDomain(s.ehlo);
        learnDomain(s.greetingName);
        learnDomain(s.mailFrom);
        for (const QString &r : s.recipients)
            learnDomain(r);
    }
    for (const Message &m : store.messages) {
        learnSubject(m.subject);
        learnDomain(m.sender);
        for (const QString &r : m.recipients)
            learnDomain(r);
        for (const MessageHop &h : m.hops)
            learnName(h.server);
    }
}

const QRegularExpression &Redactor::pattern()
{
    if (!m_patternDirty)
        return m_pattern;
    QStringList alternatives;
    if (!m_literalSubjects.isEmpty())
        alternatives << QStringLiteral("(?<subject>%1)").arg(alternationOf(m_literalSubjects));
    // Local parts as RFC 5322 allows them: atext with dots (SystemMailbox{GUID}, prvs=…=user,
    // o'brien) or a quoted string, also with CSV-doubled quotes ("Fname LName<f.l"@contoso.com).
    // A quoted display name in front of an address: "Jane Doe" <jane@contoso.com>.
    alternatives << QStringLiteral("(?<dname>\"[^\"\\r\\n<>@]{1,128}\"(?=\\s*<[^<>\\s]+@))");
    // An unquoted one (From: John Smith <john@contoso.com>, "Müller, Hans <hans@…>" in a tracking
    // field, MIME encoded-words): up to six words, starting where a header value or a field starts
    // (start, after ':' ',' ';' '"' '=' or a tab, one blank allowed), never a header keyword
    // (InternetMessageId <id@host> names a message, not a person) and never words that start
    // with a digit (250 2.6.0 <id@host> keeps its status codes).
    alternatives << QStringLiteral("(?<udname>(?<=^|[:,;\"=\\t\\n]|[:,;\"=\\t] )"
                                   "(?!(?i:InternetMessageId|Message-?Id|In-Reply-To|References|Resent-Message-Id)\\b)"
                                   "(?:\\p{L}[\\p{L}\\p{M}\\p{N}.'\u2019_-]*|=\\?[^?\\s]{1,40}\\?[BbQq]\\?[^?\\s]{0,200}\\?=)"
                                   "(?:(?:[ \\t]+|,[ \\t]*)(?:\\p{L}[\\p{L}\\p{M}\\p{N}.'\u2019_-]*|=\\?[^?\\s]{1,40}\\?[BbQq]\\?[^?\\s]{0,200}\\?=)){0,5}"
                                   "(?=[ \\t]*<[^<>\\s]+@))");
    // Comments (RFC 5322 CFWS) may stand before the local part and before the @.
    alternatives << QStringLiteral("(?<email>(?:\\([^()\\r\\n]{0,64}\\))?(?:\"{1,2}[^\"\\r\\n]{1,256}?\"{1,2}|(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])"
                                   "[A-Za-z0-9!#$%&*+/=?^_`{|}~-][A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*)(?:\\([^()\\r\\n]{0,64}\\))?"
                                   "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)");
    alternatives << QStringLiteral("(?<guid>(?<![0-9A-Fa-f-])\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
                                   "[0-9A-Fa-f]{12}\\}?(?![0-9A-Fa-f-]))");
    if (!m_literalConnectors.isEmpty())
        alternatives << QStringLiteral("(?<lconn>(?<![\\w-])(?i:%1)(?![\\w-]))").arg(alternationOf(m_literalConnectors));
    alternatives << QStringLiteral("(?<=User Name: )(?<username>[^\\s,\";]+)");
    alternatives << QStringLiteral("(?<ipv6>(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%[0-9A-Za-z]+)?(?![\\w:]))");
    alternatives << QStringLiteral("(?<ipv4>(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
                                   "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\w|\\.\\d))");
    alternatives << QStringLiteral("(?<fqdn>(?<![\\w.@%+-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                                   "[A-Za-z][A-Za-z0-9-]{0,23}(?![\\w-]|\\.[A-Za-z0-9]))");
    if (!m_literalUsers.isEmpty())
        alternatives << QStringLiteral("(?<luser>(?<![\\w.-])(?:%1)(?![\\w-]))").arg(alternationOf(m_literalUsers));
    if (!m_literalDomains.isEmpty())  // after fqdn: a known TLD is judged there first
        alternatives << QStringLiteral("(?<ldomain>(?<![\\w-])(?i:%1)(?![\\w-]|\\.[A-Za-z0-9]))").arg(alternationOf(m_literalDomains));
    if (!m_literalHosts.isEmpty())
        alternatives << QStringLiteral("(?<lhost>(?<![\\w.-])(?:%1)(?![\\w-]))").arg(alternationOf(m_literalHosts));
    // DOMAIN\user (an AUTH result line "*,CONTOSO\svc-scan,authenticated", a Windows account):
    // after the learned hosts, so "EX01\Default Frontend EX01" keeps its connector name.
    alternatives << QStringLiteral("(?<ntuser>(?<![\\w\\\\.-])[A-Z][A-Z0-9-]{1,14}\\\\[A-Za-z0-9._$-]*[A-Za-z0-9$](?![\\w$-]))");
    m_pattern = QRegularExpression(alternatives.join(QLatin1Char('|')));
    m_patternDirty = false;
    return m_pattern;
}

QString Redactor::redactText(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = pattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString found = m.captured(0);
        QString replacement = found;
        if (m.capturedStart(QStringLiteral("subject")) >= 0) {
            replacement = redactSubject(found);
        } else if (m.capturedStart(QStringLiteral("dname")) >= 0) {
            replacement = QLatin1Char('"') + redactUser(found.mid(1, found.size() - 2)) + QLatin1Char('"');
        } else if (m.capturedStart(QStringLiteral("udname")) >= 0) {
            replacement = redactUser(found);
        } else if (m.capturedStart(QStringLiteral("email")) >= 0) {
            replacement = redactEmail(found);
        } else if (m.capturedStart(QStringLiteral("guid")) >= 0) {
            replacement = redactGuid(found);
        } else if (m.capturedStart(QStringLiteral("username")) >= 0 || m.capturedStart(QStringLiteral("luser")) >= 0) {
            replacement = redactUser(found);
        } else if (m.capturedStart(QStringLiteral("ipv6")) >= 0) {
            if (looksLikeIPv6(found))
                replacement = redactIPv6(found);
        } else if (m.capturedStart(QStringLiteral("ipv4")) >= 0) {
            // "#Version: 15.0.0.0" is a build number, not an address.
            const bool isVersion = text.left(m.capturedStart()).trimmed().endsWith(QLatin1String("Version:"), Qt::CaseInsensitive);
            if (!isVersion)
                replacement = redactIPv4(found);
        } else if (m.capturedStart(QStringLiteral("fqdn")) >= 0) {
            const QString lower = found.toLower();
            const QString tld = lower.section(QLatin1Char('.'), -1);
            bool learned = false;
            for (const QString &d : std::as_const(m_literalDomains))
                learned = learned || lower == d || lower.endsWith(QLatin1Char('.') + d);
            if (isHostTld(tld) || learned)
                replacement = redactDomainName(found);
        } else if (m.capturedStart(QStringLiteral("lconn")) >= 0) {
            replacement = pseudonymFor(RedactionKind::Connector, found.toLower(), found);
            note(found, replacement, RedactionKind::Connector);
        } else if (m.capturedStart(QStringLiteral("ntuser")) >= 0) {
            replacement = redactUser(found);
        } else if (m.capturedStart(QStringLiteral("ldomain")) >= 0) {
            replacement = redactDomainName(found);
        } else if (m.capturedStart(QStringLiteral("lhost")) >= 0) {
            replacement = redactDomainName(found);
        }
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += replacement;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QList<Replacement> Redactor::preview(const QString &text) const
{
    // Work on a copy: the preview must not hand out pseudonyms that the real run would then
    // number differently.
    // numbered differently. Clearing the noted list makes known mappings count again.
    Redactor scratch = *this;
    scratch.m_replacements.clear();
    scratch.m_noted.clear();
    scratch.redactText(text);
    return scratch.m_replacements;
}

} // namespace mwb
