#include "model/core/remediation/parameterkinds.h"

#include <QRegularExpression>

namespace mwb::remediation {

namespace {

// Exchange object names (connectors, sites) are at most 64 characters; free text gets more room.
constexpr int kMaxNameChars = 64;
constexpr int kMaxTextChars = 256;
constexpr int kMaxPathChars = 260;
constexpr int kMaxCertificateNameChars = 1024;

bool isLineBreakOrControl(QChar c)
{
    return c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029);
}

bool hasControlCharacters(QStringView text)
{
    for (QChar c : text)
        if (isLineBreakOrControl(c))
            return true;
    return false;
}

Result<QStringList> fail(const QString &kind, const QString &value, const QString &why)
{
    const ParameterKindInfo info = parameterKindInfo(kind);
    return Result<QStringList>::fail(QStringLiteral("'%1' is not a valid %2: %3 (expected %4, e.g. %5)")
                                         .arg(printableExcerpt(value), kind, why, info.description, info.example));
}

// The checks every printable kind shares: not empty, no control characters, not too long.
QString printableProblem(const QString &value, int maxChars)
{
    if (value.trimmed().isEmpty())
        return QStringLiteral("the value is empty");
    if (hasControlCharacters(value))
        return QStringLiteral("it contains a line break or control character");
    if (value.size() > maxChars)
        return QStringLiteral("it is %1 characters long, at most %2 are allowed").arg(value.size()).arg(maxChars);
    return {};
}

// Identity values name one object: a wildcard would make Get-/Set- cmdlets (and -InterfaceAlias)
// act on many (issue #26: PublicInterface='*' turned off DNS registration on every adapter).
bool hasWildcard(QStringView text)
{
    return text.contains(u'*') || text.contains(u'?');
}

bool isServerName(QStringView text)
{
    return isHostLabel(text) || isFqdn(text);
}

bool isPort(QStringView text)
{
    if (text.isEmpty() || text.size() > 5)
        return false;
    for (QChar c : text)
        if (!c.isDigit() || c.unicode() > 127)
            return false;
    const int port = text.toInt();
    return port >= 1 && port <= 65535;
}

bool isIpAddress(QStringView text)
{
    return isIpv4Address(text) || isIpv6Address(text);
}

} // namespace

const QList<ParameterKindInfo> &parameterKinds()
{
    static const QList<ParameterKindInfo> kinds = {
        {QStringLiteral("thumbprint"), QStringLiteral("a certificate thumbprint: 40 hexadecimal characters"),
         QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B"), false},
        {QStringLiteral("fqdn"), QStringLiteral("a fully qualified host name with at least two labels"),
         QStringLiteral("mail.contoso.com"), false},
        {QStringLiteral("domain"), QStringLiteral("a DNS domain, optionally starting with *."),
         QStringLiteral("contoso.com"), false},
        {QStringLiteral("server"), QStringLiteral("a server name (NetBIOS name or FQDN)"), QStringLiteral("EX01"), false},
        {QStringLiteral("ip"), QStringLiteral("an IPv4 or IPv6 address"), QStringLiteral("192.168.1.11"), false},
        {QStringLiteral("ip-list"), QStringLiteral("one or more IPv4/IPv6 addresses separated by commas"),
         QStringLiteral("8.8.8.8,8.8.4.4"), true},
        {QStringLiteral("cidr"), QStringLiteral("an address range in CIDR notation"), QStringLiteral("192.168.1.0/24"), false},
        {QStringLiteral("port"), QStringLiteral("a TCP port number from 1 to 65535"), QStringLiteral("25"), false},
        {QStringLiteral("connector"),
         QStringLiteral("a connector identity: Server\\Name for a receive connector or the name of a send connector, at most 64 characters"),
         QStringLiteral("EX01\\Default Frontend EX01"), false},
        {QStringLiteral("queue"), QStringLiteral("a queue identity Server\\Queue"), QStringLiteral("EX01\\Unreachable"), false},
        {QStringLiteral("email"), QStringLiteral("an e-mail address"), QStringLiteral("admin@contoso.com"), false},
        {QStringLiteral("address-space"), QStringLiteral("a domain or an SMTP address space smtp:domain;cost"),
         QStringLiteral("smtp:contoso.mail.onmicrosoft.com;1"), false},
        {QStringLiteral("certificate-name"), QStringLiteral("a TLS certificate name <I>issuer<S>subject"),
         QStringLiteral("<I>CN=R3, O=Let's Encrypt, C=US<S>CN=mail.contoso.com"), false},
        {QStringLiteral("path"), QStringLiteral("a Windows path such as C:\\Folder\\File.xml or \\\\server\\share"),
         QStringLiteral("C:\\EdgeSub.xml"), false},
        {QStringLiteral("name"), QStringLiteral("a name of at most 64 printable characters"),
         QStringLiteral("Default-First-Site-Name"), false},
        {QStringLiteral("text"), QStringLiteral("free text of at most 256 printable characters on one line"),
         QStringLiteral("Pub"), false},
        {QStringLiteral("transport-service"),
         QStringLiteral("an Exchange transport service: MSExchangeFrontEndTransport, MSExchangeTransport, MSExchangeSubmission, MSExchangeDelivery, MSExchangeEdgeSync or ADAM_MSExchange"),
         QStringLiteral("MSExchangeFrontEndTransport"), false},
    };
    return kinds;
}

bool isKnownParameterKind(const QString &kind)
{
    for (const ParameterKindInfo &info : parameterKinds())
        if (info.id == kind)
            return true;
    return false;
}

ParameterKindInfo parameterKindInfo(const QString &kind)
{
    for (const ParameterKindInfo &info : parameterKinds())
        if (info.id == kind)
            return info;
    return {kind, QStringLiteral("a value"), QString(), false};
}

QString printableExcerpt(const QString &text, int maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), maxChars) + 8);
    for (QChar c : text) {
        if (out.size() >= maxChars) {
            out += QStringLiteral("…");
            break;
        }
        if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if (isLineBreakOrControl(c))
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

bool isIpv4Address(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3)
            return false;
        for (QChar c : part)
            if (c.unicode() < '0' || c.unicode() > '9')
                return false;
        if (part.size() > 1 && part.front() == u'0')  // 010 would be read as octal by some tools
            return false;
        if (part.toInt() > 255)
            return false;
    }
    return true;
}

bool isIpv6Address(QStringView text)
{
    if (text.size() < 2 || text.size() > 45)
        return false;
    const qsizetype doubleColon = text.indexOf(QStringLiteral("::"));
    if (doubleColon >= 0 && text.indexOf(QStringLiteral("::"), doubleColon + 1) >= 0)
        return false;
    int groups = 0;
    bool sawIpv4 = false;
    const auto parts = text.split(u':');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QStringView part = parts.at(i);
        if (part.isEmpty())
            continue;  // belongs to "::" (validated by the count below)
        if (i == parts.size() - 1 && part.contains(u'.')) {
            if (!isIpv4Address(part))
                return false;
            sawIpv4 = true;
            groups += 2;
            continue;
        }
        if (part.size() > 4)
            return false;
        for (QChar c : part)
            if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
                return false;
        ++groups;
    }
    Q_UNUSED(sawIpv4);
    // Single empty parts only at "::"; a lone leading or trailing ':' is invalid.
    if (text.startsWith(u':') && !text.startsWith(QStringLiteral("::")))
        return false;
    if (text.endsWith(u':') && !text.endsWith(QStringLiteral("::")))
        return false;
    if (doubleColon >= 0)
        return groups <= 7;
    return groups == 8;
}

bool isHostLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63)
        return false;
    if (label.front() == u'-' || label.back() == u'-')
        return false;
    for (QChar c : label) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool isFqdn(QStringView text)
{
    if (text.endsWith(u'.'))
        text.chop(1);
    if (text.size() > 253)
        return false;
    const auto labels = text.split(u'.');
    if (labels.size() < 2)
        return false;
    for (QStringView label : labels)
        if (!isHostLabel(label))
            return false;
    // An all-numeric last label would be an IP address, not a name.
    bool numeric = true;
    for (QChar c : labels.back())
        numeric = numeric && c.isDigit();
    return !numeric;
}

Result<QStringList> validateParameterValue(const QString &kind, const QString &rawValue)
{
    if (!isKnownParameterKind(kind))
        return Result<QStringList>::fail(QStringLiteral("unknown parameter kind '%1'").arg(printableExcerpt(kind)));
    if (rawValue.size() > 4096)
        return fail(kind, rawValue, QStringLiteral("it is %1 characters long").arg(rawValue.size()));
    const QString value = rawValue.trimmed();

    if (kind == u"thumbprint") {
        // Thumbprints copied from the certificate dialog carry blanks and an invisible LRM mark.
        QString hex;
        for (QChar c : value)
            if (!c.isSpace() && c != QChar(0x200E) && c != QChar(0x200F) && c != QChar(0xFEFF) && c != u':')
                hex += c;
        static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f]{40}$"));
        if (!re.match(hex).hasMatch())
            return fail(kind, rawValue, QStringLiteral("a thumbprint has exactly 40 hexadecimal characters"));
        return QStringList{hex.toUpper()};
    }
    if (kind == u"fqdn" || kind == u"domain") {
        QString name = value;
        if (name.endsWith(u'.'))
            name.chop(1);
        QStringView check(name);
        if (kind == u"domain" && check.startsWith(QStringLiteral("*.")))
            check = check.mid(2);
        if (!isFqdn(check))
            return fail(kind, rawValue, QStringLiteral("labels are letters, digits and hyphens, separated by dots"));
        return QStringList{name};
    }
    if (kind == u"server") {
        if (!isServerName(value))
            return fail(kind, rawValue, QStringLiteral("a server name is letters, digits and hyphens (and dots in an FQDN)"));
        return QStringList{value};
    }
    if (kind == u"ip") {
        if (!isIpAddress(value))
            return fail(kind, rawValue, QStringLiteral("not an IPv4 or IPv6 address"));
        return QStringList{value};
    }
    if (kind == u"ip-list") {
        QStringList out;
        const QStringList items = value.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
        if (items.isEmpty())
            return fail(kind, rawValue, QStringLiteral("the list is empty"));
        if (items.size() > 16)
            return fail(kind, rawValue, QStringLiteral("more than 16 addresses"));
        for (const QString &item : items) {
            if (!isIpAddress(item))
                return fail(kind, rawValue, QStringLiteral("'%1' is not an IP address").arg(printableExcerpt(item, 40)));
            out << item;
        }
        return out;
    }
    if (kind == u"cidr") {
        const qsizetype slash = value.indexOf(u'/');
        if (slash <= 0)
            return fail(kind, rawValue, QStringLiteral("the /prefix length is missing"));
        const QStringView address = QStringView(value).left(slash);
        const QStringView prefix = QStringView(value).mid(slash + 1);
        bool ok = false;
        const int bits = prefix.toInt(&ok);
        const int maxBits = isIpv4Address(address) ? 32 : (isIpv6Address(address) ? 128 : -1);
        if (maxBits < 0)
            return fail(kind, rawValue, QStringLiteral("the part before / is not an IP address"));
        if (!ok || bits < 0 || bits > maxBits || prefix.size() > 3)
            return fail(kind, rawValue, QStringLiteral("the prefix length must be 0..%1").arg(maxBits));
        return QStringList{value};
    }
    if (kind == u"port") {
        if (!isPort(value))
            return fail(kind, rawValue, QStringLiteral("not a number from 1 to 65535"));
        return QStringList{QString::number(value.toInt())};
    }
    if ((kind == u"connector" || kind == u"name" || kind == u"text") && hasWildcard(value))
        return fail(kind, rawValue, QStringLiteral("* and ? are wildcards that match many objects; name exactly one"));
    if (kind == u"connector") {
        const QString problem = printableProblem(value, kMaxNameChars + 256);
        if (!problem.isEmpty())
            return fail(kind, rawValue, problem);
        const qsizetype backslash = value.indexOf(u'\\');
        const QString name = backslash >= 0 ? value.mid(backslash + 1) : value;
        if (backslash >= 0 && !isServerName(QStringView(value).left(backslash)))
            return fail(kind, rawValue, QStringLiteral("the part before \\ is not a server name"));
        if (name.trimmed().isEmpty())
            return fail(kind, rawValue, QStringLiteral("the connector name is empty"));
        if (name.size() > kMaxNameChars)
            return fail(kind, rawValue, QStringLiteral("a connector name has at most %1 characters").arg(kMaxNameChars));
        if (name.contains(u'\\'))
            return fail(kind, rawValue, QStringLiteral("only one \\ may separate server and name"));
        return QStringList{value};
    }
    if (kind == u"queue") {
        static const QRegularExpression re(QStringLiteral("^([A-Za-z0-9.-]+)\\\\([A-Za-z0-9][A-Za-z0-9\\\\]{0,63})$"));
        const auto match = re.match(value);
        if (!match.hasMatch() || !isServerName(match.captured(1)))
            return fail(kind, rawValue, QStringLiteral("a queue identity is Server\\Unreachable, Server\\Submission or Server\\<number>"));
        return QStringList{value};
    }
    if (kind == u"email") {
        const qsizetype at = value.lastIndexOf(u'@');
        if (at <= 0 || value.size() > 254)
            return fail(kind, rawValue, QStringLiteral("an address is local-part@domain"));
        static const QRegularExpression local(QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$"));
        if (!local.match(value.left(at)).hasMatch() || !isFqdn(QStringView(value).mid(at + 1)))
            return fail(kind, rawValue, QStringLiteral("an address is local-part@domain"));
        return QStringList{value};
    }
    if (kind == u"address-space") {
        static const QRegularExpression full(QStringLiteral("^(?:smtp|SMTP):(\\*\\.)?([^;]+);([0-9]{1,3})$"));
        const auto match = full.match(value);
        if (match.hasMatch()) {
            const int cost = match.captured(3).toInt();
            if (!isFqdn(match.captured(2)) || cost < 1 || cost > 100)
                return fail(kind, rawValue, QStringLiteral("the domain or the cost (1..100) is not valid"));
            return QStringList{value};
        }
        QStringView domain(value);
        const bool wildcard = domain.startsWith(QStringLiteral("*."));
        if (wildcard)
            domain = domain.mid(2);
        if (!isFqdn(domain))
            return fail(kind, rawValue, QStringLiteral("not a domain"));
        return QStringList{QStringLiteral("smtp:%1%2;1").arg(wildcard ? QStringLiteral("*.") : QString(), domain.toString())};
    }
    if (kind == u"certificate-name") {
        const QString problem = printableProblem(value, kMaxCertificateNameChars);
        if (!problem.isEmpty())
            return fail(kind, rawValue, problem);
        static const QRegularExpression re(QStringLiteral("^<I>(.+)<S>(.+)$"));
        if (!re.match(value).hasMatch())
            return fail(kind, rawValue, QStringLiteral("it must be <I>issuer<S>subject"));
        return QStringList{value};
    }
    if (kind == u"path") {
        const QString problem = printableProblem(value, kMaxPathChars);
        if (!problem.isEmpty())
            return fail(kind, rawValue, problem);
        static const QRegularExpression re(QStringLiteral("^(?:[A-Za-z]:\\\\|\\\\\\\\[^\\\\]+\\\\)"));
        if (!re.match(value).hasMatch())
            return fail(kind, rawValue, QStringLiteral("an absolute path starts with a drive (C:\\) or \\\\server\\"));
        static const QRegularExpression bad(QStringLiteral("[<>\"|?*]"));
        if (bad.match(value.mid(2)).hasMatch())
            return fail(kind, rawValue, QStringLiteral("Windows paths cannot contain < > \" | ? *"));
        return QStringList{value};
    }
    if (kind == u"transport-service") {
        static const QStringList services = {QStringLiteral("MSExchangeFrontEndTransport"), QStringLiteral("MSExchangeTransport"),
                                             QStringLiteral("MSExchangeSubmission"), QStringLiteral("MSExchangeDelivery"),
                                             QStringLiteral("MSExchangeEdgeSync"), QStringLiteral("ADAM_MSExchange")};
        for (const QString &name : services)
            if (value.compare(name, Qt::CaseInsensitive) == 0)
                return QStringList{name};
        return fail(kind, rawValue, QStringLiteral("not one of the transport services"));
    }
    if (kind == u"name" || kind == u"text") {
        const QString problem = printableProblem(value, kind == u"name" ? kMaxNameChars : kMaxTextChars);
        if (!problem.isEmpty())
            return fail(kind, rawValue, problem);
        return QStringList{value};
    }
    return Result<QStringList>::fail(QStringLiteral("parameter kind '%1' has no validator").arg(kind));
}

} // namespace mwb::remediation
