#include "model/core/configuration/configuration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimeZone>

#include <cmath>

namespace mwb::config {

namespace {

// ---- JSON values as ConvertTo-Json writes them ------------------------------------------------

QString textOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        // System.Net.IPAddress, ADObjectId, SmtpDomain… serialised with their properties.
        for (const char *key : {"IPAddressToString", "Domain", "Name", "Address", "Value"}) {
            const QJsonValue inner = o.value(QLatin1String(key));
            if (!inner.isUndefined() && !inner.isNull() && !inner.isObject())
                return textOf(inner);
        }
        return {};
    }
    default:
        return {};
    }
}

// A multi-valued property: an array, or (ConvertTo-Json of a single value) the value itself.
QList<QJsonValue> valuesOf(const QJsonValue &v)
{
    QList<QJsonValue> out;
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            if (!e.isNull())
                out.append(e);
    } else if (!v.isNull() && !v.isUndefined()) {
        if (v.isString() && v.toString().isEmpty())
            return out;
        out.append(v);
    }
    return out;
}

QStringList textsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : valuesOf(v)) {
        const QString t = textOf(e).trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

bool boolOf(const QJsonValue &v, bool fallback)
{
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return fallback;
}

// Flags enums: the text form ("Tls, Integrated") or the number Windows PowerShell 5.1 writes.
struct FlagName {
    qint64 value;
    const char *name;
};

QStringList flagsOf(const QJsonValue &v, std::initializer_list<FlagName> names, const QString &what, QStringList *problems)
{
    QStringList out;
    for (const QJsonValue &e : valuesOf(v)) {
        if (e.isDouble()) {
            qint64 n = qint64(e.toDouble());
            if (n == 0)
                continue;
            for (const FlagName &f : names) {
                if (f.value != 0 && (n & f.value) == f.value) {
                    out.append(QLatin1String(f.name));
                    n &= ~f.value;
                }
            }
            if (n != 0)
                problems->append(QStringLiteral("%1: flag value %2 not known").arg(what).arg(n));
            continue;
        }
        for (const QString &part : textOf(e).split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
            if (part.compare(QLatin1String("None"), Qt::CaseInsensitive) != 0)
                out.append(part);
    }
    return out;
}

// AuthMechanisms and PermissionGroups (Microsoft.Exchange.Data): values of the enums as documented
// for Set-ReceiveConnector; the collection script writes names, so numbers only come from dumps.
const std::initializer_list<FlagName> kAuthMechanisms = {
    {1, "Tls"}, {2, "Integrated"}, {4, "BasicAuth"}, {8, "BasicAuthRequireTLS"}, {16, "ExchangeServer"}, {32, "ExternalAuthoritative"}};
const std::initializer_list<FlagName> kPermissionGroups = {
    {1, "AnonymousUsers"}, {2, "ExchangeUsers"}, {4, "ExchangeServers"}, {8, "ExchangeLegacyServers"}, {16, "Partners"}, {32, "Custom"}};
const std::initializer_list<FlagName> kAllowedServices = {
    {1, "IMAP"}, {2, "POP"}, {4, "UM"}, {8, "IIS"}, {16, "SMTP"}, {32, "Federation"}, {64, "UMCallRouter"}};

// "35 MB (36,700,160 bytes)", "Unlimited", a number, or {IsUnlimited, Value}.
qint64 bytesOf(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (boolOf(o.value(QLatin1String("IsUnlimited")), false))
            return -1;
        return bytesOf(o.value(QLatin1String("Value")));
    }
    qint64 n = -1;
    return parseByteQuantifiedSize(v.toString(), &n) ? n : -1;
}

} // namespace

bool parseByteQuantifiedSize(const QString &text, qint64 *bytes)
{
    const QString s = text.trimmed();
    // Exchange's own text: the exact count in parentheses (thousands separators of any locale).
    static const QRegularExpression inParens(QStringLiteral("\\(([\\d.,\\s\\x{00A0}\\x{202F}']+)\\s*bytes?\\)"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = inParens.match(s);
    if (m.hasMatch()) {
        QString digits = m.captured(1);
        digits.remove(QRegularExpression(QStringLiteral("[^\\d]")));
        bool ok = false;
        const qint64 n = digits.toLongLong(&ok);
        if (ok)
            *bytes = n;
        return ok;
    }
    static const QRegularExpression quantity(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch q = quantity.match(s);
    if (!q.hasMatch())
        return false;
    static const QStringList units = {QStringLiteral("B"), QStringLiteral("KB"), QStringLiteral("MB"), QStringLiteral("GB"), QStringLiteral("TB")};
    const int power = q.captured(2).isEmpty() ? 0 : int(units.indexOf(q.captured(2).toUpper()));
    const double value = q.captured(1).toDouble() * std::pow(1024.0, power);
    if (value > 9.0e18)
        return false;
    *bytes = qint64(value);
    return true;
}

namespace {

// ISO 8601, "\/Date(1733568000000)\/" (ConvertTo-Json of a DateTime in Windows PowerShell 5.1),
// or {"value": …, "DateTime": …} objects.
QDateTime timeOf(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"value", "Value", "DateTime"})
            if (o.contains(QLatin1String(key)))
                return timeOf(o.value(QLatin1String(key)));
        return {};
    }
    if (v.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), QTimeZone::utc());
    const QString s = v.toString().trimmed();
    static const QRegularExpression msDate(QStringLiteral("^/?Date\\((-?\\d+)(?:[+-]\\d{4})?\\)/?$"));
    QString inner = s;
    if (inner.startsWith(u'\\'))
        inner.remove(u'\\');
    const QRegularExpressionMatch m = msDate.match(inner);
    if (m.hasMatch())
        return QDateTime::fromMSecsSinceEpoch(m.captured(1).toLongLong(), QTimeZone::utc());
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (t.isValid()) {
        if (t.timeSpec() == Qt::LocalTime)
            t.setTimeZone(QTimeZone::utc());
        return t.toUTC();
    }
    return {};
}

QJsonValue field(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isUndefined())
        return v;
    // Property names are case-insensitive in PowerShell; a hand-made export may differ in case.
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key().compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return it.value();
    return QJsonValue(QJsonValue::Undefined);
}

QString str(const QJsonObject &o, const char *name)
{
    return textOf(field(o, name)).trimmed();
}

QByteArray toUtf8(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return bytes.mid(3);
    if (bytes.startsWith("\xFF\xFE")) {
        QStringDecoder d(QStringDecoder::Utf16LE);
        return QString(d(bytes.mid(2))).toUtf8();
    }
    if (bytes.startsWith("\xFE\xFF")) {
        QStringDecoder d(QStringDecoder::Utf16BE);
        return QString(d(bytes.mid(2))).toUtf8();
    }
    return bytes;
}

QString rangeTextOf(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QString low = textOf(field(o, "LowerBound"));
        const QString high = textOf(field(o, "UpperBound"));
        if (!low.isEmpty() && !high.isEmpty())
            return low == high ? low : low + u'-' + high;
        return textOf(v);
    }
    return textOf(v).trimmed();
}

QString bindingTextOf(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QString address = textOf(field(o, "Address"));
        const QString port = textOf(field(o, "Port"));
        if (!address.isEmpty() && !port.isEmpty())
            return address.contains(u':') ? u'[' + address + QStringLiteral("]:") + port : address + u':' + port;
    }
    return textOf(v).trimmed();
}

QString describe(const QString &file, const QString &who)
{
    return who.isEmpty() ? file : QStringLiteral("%1 (%2)").arg(file, who);
}

void readReceiveConnector(Configuration &c, const QJsonObject &o, const QString &file)
{
    ReceiveConnector r;
    r.identity = str(o, "Identity");
    r.name = str(o, "Name");
    r.server = str(o, "Server");
    if (r.name.isEmpty() && r.identity.contains(u'\\'))
        r.name = r.identity.section(u'\\', 1);
    if (r.server.isEmpty() && r.identity.contains(u'\\'))
        r.server = r.identity.section(u'\\', 0, 0);
    if (r.identity.isEmpty())
        r.identity = r.server.isEmpty() ? r.name : r.server + u'\\' + r.name;
    const QString who = describe(file, r.identity);
    r.enabled = boolOf(field(o, "Enabled"), true);
    const QJsonValue role = field(o, "TransportRole");
    r.transportRole = role.isDouble() ? QString() : textOf(role).trimmed();
    for (const QJsonValue &b : valuesOf(field(o, "Bindings"))) {
        Binding binding;
        const QString t = bindingTextOf(b);
        if (parseBinding(t, &binding))
            r.bindings.append(binding);
        else
            c.problems.append(QStringLiteral("%1: binding '%2' not read").arg(who, t.left(80)));
    }
    for (const QJsonValue &v : valuesOf(field(o, "RemoteIPRanges"))) {
        IpRange range;
        const QString t = rangeTextOf(v);
        if (parseIpRange(t, &range))
            r.remoteIpRanges.append(range);
        else
            c.problems.append(QStringLiteral("%1: RemoteIPRanges entry '%2' not read").arg(who, t.left(80)));
    }
    if (r.transportRole.isEmpty()) {
        // A number we cannot name (ServerRole): the ports tell the service apart on a Mailbox server.
        bool hub = false;
        for (const Binding &b : r.bindings)
            hub = hub || b.port == 2525 || b.port == 465;
        r.transportRole = hub ? QStringLiteral("HubTransport") : QStringLiteral("FrontendTransport");
        if (role.isDouble())
            c.problems.append(QStringLiteral("%1: TransportRole %2 read from the bindings as %3").arg(who).arg(role.toDouble()).arg(r.transportRole));
    }
    r.authMechanism = flagsOf(field(o, "AuthMechanism"), kAuthMechanisms, who + QStringLiteral(" AuthMechanism"), &c.problems);
    r.permissionGroups = flagsOf(field(o, "PermissionGroups"), kPermissionGroups, who + QStringLiteral(" PermissionGroups"), &c.problems);
    r.fqdn = str(o, "Fqdn");
    r.tlsCertificateName = str(o, "TlsCertificateName");
    r.requireTls = boolOf(field(o, "RequireTLS"), false);
    r.maxMessageSize = bytesOf(field(o, "MaxMessageSize"));
    c.receiveConnectors.append(r);
}

void readSendConnector(Configuration &c, const QJsonObject &o, const QString &file)
{
    SendConnector s;
    s.identity = str(o, "Identity");
    s.name = str(o, "Name");
    if (s.name.isEmpty())
        s.name = s.identity;
    if (s.identity.isEmpty())
        s.identity = s.name;
    const QString who = describe(file, s.identity);
    s.enabled = boolOf(field(o, "Enabled"), true);
    for (const QJsonValue &v : valuesOf(field(o, "AddressSpaces"))) {
        AddressSpace a;
        QString t = textOf(v);
        if (v.isObject()) {   // {"Type": "SMTP", "Address": "contoso.com", "Cost": 1}
            const QJsonObject ao = v.toObject();
            t = QStringLiteral("%1:%2;%3").arg(str(ao, "Type").isEmpty() ? QStringLiteral("SMTP") : str(ao, "Type"), str(ao, "Address"),
                                               str(ao, "Cost").isEmpty() ? QStringLiteral("1") : str(ao, "Cost"));
        }
        if (parseAddressSpace(t, &a))
            s.addressSpaces.append(a);
        else
            c.problems.append(QStringLiteral("%1: address space '%2' not read").arg(who, t.left(80)));
    }
    s.sourceTransportServers = textsOf(field(o, "SourceTransportServers"));
    s.smartHosts = textsOf(field(o, "SmartHosts"));
    s.dnsRoutingEnabled = boolOf(field(o, "DNSRoutingEnabled"), s.smartHosts.isEmpty());
    s.maxMessageSize = bytesOf(field(o, "MaxMessageSize"));
    s.requireTls = boolOf(field(o, "RequireTLS"), false);
    // Plain ConvertTo-Json writes the enum as a number; its values are not documented, so it is left
    // unnamed and said (the collection script writes the name).
    if (field(o, "TlsAuthLevel").isDouble())
        c.problems.append(QStringLiteral("%1: TlsAuthLevel %2 not named (write enums as text)").arg(who).arg(field(o, "TlsAuthLevel").toDouble()));
    else
        s.tlsAuthLevel = str(o, "TlsAuthLevel");
    s.tlsDomain = str(o, "TlsDomain");
    s.tlsCertificateName = str(o, "TlsCertificateName");
    s.fqdn = str(o, "Fqdn");
    s.isScopedConnector = boolOf(field(o, "IsScopedConnector"), false);
    c.sendConnectors.append(s);
}

void readCertificate(Configuration &c, const QJsonObject &o, const QString &file)
{
    Certificate k;
    k.server = str(o, "Server");
    k.thumbprint = str(o, "Thumbprint").toUpper().remove(u' ');
    k.subject = str(o, "Subject");
    k.issuer = str(o, "Issuer");
    k.alternateNames = textsOf(field(o, "CertificateDomains"));
    k.services = flagsOf(field(o, "Services"), kAllowedServices, describe(file, k.thumbprint) + QStringLiteral(" Services"), &c.problems);
    const QDateTime notBefore = timeOf(field(o, "NotBefore"));
    const QDateTime notAfter = timeOf(field(o, "NotAfter"));
    k.notBeforeMs = notBefore.isValid() ? notBefore.toMSecsSinceEpoch() : kNoTime;
    k.notAfterMs = notAfter.isValid() ? notAfter.toMSecsSinceEpoch() : kNoTime;
    if (!notAfter.isValid())
        c.problems.append(QStringLiteral("%1: NotAfter not read").arg(describe(file, k.thumbprint)));
    k.selfSigned = boolOf(field(o, "IsSelfSigned"), false);
    k.status = str(o, "Status");
    c.certificates.append(k);
}

void readServer(Configuration &c, const QJsonObject &o)
{
    ExchangeServer s;
    s.name = str(o, "Name");
    s.fqdn = str(o, "Fqdn");
    s.roles = flagsOf(field(o, "ServerRole"), {}, QStringLiteral("ServerRole"), &c.problems);
    s.version = str(o, "AdminDisplayVersion");
    s.site = str(o, "Site");
    s.edge = boolOf(field(o, "IsEdgeServer"), s.roles.contains(QStringLiteral("Edge"), Qt::CaseInsensitive));
    c.servers.append(s);
}

void readManifest(Configuration &c, const QJsonObject &o)
{
    if (!str(o, "tool").startsWith(QLatin1String("mwb collect-script"))) {
        c.problems.append(QStringLiteral("a manifest.json that the collection script did not write was ignored"));
        return;
    }
    Manifest &m = c.manifest;
    m.present = true;
    m.ranBy = str(o, "ranBy");
    m.computer = str(o, "computer");
    m.started = timeOf(field(o, "started"));
    m.finished = timeOf(field(o, "finished"));
    m.windowStart = timeOf(field(o, "windowStart"));
    m.windowEnd = timeOf(field(o, "windowEnd"));
    for (const QJsonValue &v : valuesOf(field(o, "servers"))) {
        const QJsonObject so = v.toObject();
        m.servers.append({str(so, "name"), str(so, "status"), str(so, "error"), field(so, "files").toInt()});
    }
    for (const QJsonValue &v : valuesOf(field(o, "configuration"))) {
        const QString error = str(v.toObject(), "error");
        if (!error.isEmpty())
            c.problems.append(QStringLiteral("the collection could not read %1: %2").arg(str(v.toObject(), "name"), error.left(200)));
    }
}

bool parseAddress(QString text, QHostAddress *out)
{
    text = text.trimmed();
    if (text.startsWith(u'[') && text.endsWith(u']'))
        text = text.mid(1, text.size() - 2);
    QHostAddress a;
    if (!a.setAddress(text))
        return false;
    *out = a;
    return true;
}

int compare(const Address128 &a, const Address128 &b)
{
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

} // namespace

Address128 toAddress128(const QHostAddress &address)
{
    Address128 out{};
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        out[10] = 0xff;
        out[11] = 0xff;
        out[12] = quint8(v4 >> 24);
        out[13] = quint8(v4 >> 16);
        out[14] = quint8(v4 >> 8);
        out[15] = quint8(v4);
        return out;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    for (int i = 0; i < 16; ++i)
        out[size_t(i)] = v6[i];
    return out;
}

bool IpRange::contains(const QHostAddress &address) const
{
    const Address128 a = toAddress128(address);
    return compare(low, a) <= 0 && compare(a, high) <= 0;
}

std::pair<quint64, quint64> IpRange::span() const
{
    quint64 hiH = 0, hiL = 0, loH = 0, loL = 0;
    for (int i = 0; i < 8; ++i) {
        hiH = (hiH << 8) | high[size_t(i)];
        loH = (loH << 8) | low[size_t(i)];
        hiL = (hiL << 8) | high[size_t(i + 8)];
        loL = (loL << 8) | low[size_t(i + 8)];
    }
    const quint64 lo = hiL - loL;
    const quint64 hi = hiH - loH - (hiL < loL ? 1 : 0);
    return {hi, lo};
}

bool parseIpRange(const QString &input, IpRange *out)
{
    const QString text = input.trimmed();
    IpRange r;
    r.text = text;
    QHostAddress low, high;
    const qsizetype slash = text.indexOf(u'/');
    const qsizetype dash = text.indexOf(u'-');
    if (slash > 0) {
        bool ok = false;
        const int prefix = text.mid(slash + 1).toInt(&ok);
        if (!ok || !parseAddress(text.left(slash), &low))
            return false;
        const bool v4 = low.protocol() == QAbstractSocket::IPv4Protocol;
        const int bits = (v4 ? 96 : 0) + prefix;
        if (prefix < 0 || bits > 128 || (v4 && prefix > 32))
            return false;
        r.low = toAddress128(low);
        r.high = r.low;
        for (int i = 0; i < 128; ++i) {
            const size_t byte = size_t(i / 8);
            const quint8 bit = quint8(0x80 >> (i % 8));
            if (i >= bits) {
                r.low[byte] &= quint8(~bit);
                r.high[byte] |= bit;
            }
        }
    } else if (dash > 0) {
        if (!parseAddress(text.left(dash), &low) || !parseAddress(text.mid(dash + 1), &high))
            return false;
        if (low.protocol() != high.protocol())
            return false;
        r.low = toAddress128(low);
        r.high = toAddress128(high);
        if (compare(r.low, r.high) > 0)
            return false;
    } else {
        if (!parseAddress(text, &low))
            return false;
        r.low = toAddress128(low);
        r.high = r.low;
    }
    *out = r;
    return true;
}

bool parseBinding(const QString &input, Binding *out)
{
    const QString text = input.trimmed();
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    if (!ok || port <= 0 || port > 65535)
        return false;
    QHostAddress address;
    if (!parseAddress(text.left(colon), &address))
        return false;
    Binding b;
    b.text = text;
    b.address = address;
    b.port = port;
    b.anyAddress = address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6);
    *out = b;
    return true;
}

bool parseAddressSpace(const QString &input, AddressSpace *out)
{
    QString text = input.trimmed();
    AddressSpace a;
    a.text = text;
    const qsizetype colon = text.indexOf(u':');
    if (colon > 0 && !text.left(colon).contains(u'.')) {
        a.type = text.left(colon).toUpper();
        text = text.mid(colon + 1);
    }
    const qsizetype semi = text.lastIndexOf(u';');
    if (semi >= 0) {
        bool ok = false;
        a.cost = text.mid(semi + 1).trimmed().toInt(&ok);
        if (!ok)
            return false;
        text = text.left(semi);
    }
    a.domain = text.trimmed().toLower();
    if (a.domain.isEmpty())
        return false;
    *out = a;
    return true;
}

bool ReceiveConnector::isDefault() const
{
    return name.startsWith(QLatin1String("Default "), Qt::CaseInsensitive) || name.startsWith(QLatin1String("Client "), Qt::CaseInsensitive)
           || name.startsWith(QLatin1String("Outbound Proxy Frontend"), Qt::CaseInsensitive);
}

bool Certificate::enabledForSmtp() const
{
    return services.contains(QStringLiteral("SMTP"), Qt::CaseInsensitive);
}

const ExchangeServer *Configuration::server(const QString &name) const
{
    for (const ExchangeServer &s : servers)
        if (s.name.compare(name, Qt::CaseInsensitive) == 0 || (!s.fqdn.isEmpty() && s.fqdn.compare(name, Qt::CaseInsensitive) == 0))
            return &s;
    return nullptr;
}

const QStringList &collectionConfigurationNames()
{
    static const QStringList names = {
        QStringLiteral("ExchangeServer"), QStringLiteral("TransportService"), QStringLiteral("FrontendTransportService"),
        QStringLiteral("ReceiveConnector"), QStringLiteral("SendConnector"), QStringLiteral("ExchangeCertificate"),
        QStringLiteral("AcceptedDomain"), QStringLiteral("RemoteDomain"), QStringLiteral("EdgeSubscription"),
        QStringLiteral("InboundConnector"), QStringLiteral("OutboundConnector"),
    };
    return names;
}

bool isCollectionFile(const QString &memberPath, QString *name)
{
    QString p = memberPath;
    p.replace(u'\\', u'/');
    const qsizetype bang = p.lastIndexOf(QLatin1String("!/"));
    if (bang >= 0)
        p = p.mid(bang + 2);
    const QStringList parts = p.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return false;
    const QString file = parts.last();
    if (file.compare(QLatin1String("manifest.json"), Qt::CaseInsensitive) == 0) {
        if (name)
            *name = QStringLiteral("manifest");
        return true;
    }
    if (parts.size() < 2 || parts.at(parts.size() - 2).compare(QLatin1String("config"), Qt::CaseInsensitive) != 0
        || !file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return false;
    const QString base = file.left(file.size() - 5);
    if (!collectionConfigurationNames().contains(base, Qt::CaseInsensitive))
        return false;   // some other config/*.json: not ours, left to the log loader
    if (name)
        *name = base;
    return true;
}

Configuration configurationFromCopies(const QList<CollectionFileCopy> &copies)
{
    Configuration c;
    for (const CollectionFileCopy &copy : copies)
        readCollectionFile(c, copy.name, copy.bytes, copy.path);
    return c;
}

QStringList collectionArchivesOf(const QList<CollectionFileCopy> &copies)
{
    QStringList out;
    for (const CollectionFileCopy &copy : copies) {
        const qsizetype bang = copy.path.indexOf(QLatin1String("!/"));
        const QString archive = bang < 0 ? copy.path : copy.path.left(bang);
        if (!out.contains(archive))
            out << archive;
    }
    return out;
}

void readCollectionFile(Configuration &c, const QString &name, const QByteArray &bytes, const QString &displayPath)
{
    c.files.append(displayPath);
    c.copies.append({name, displayPath, bytes});
    QJsonParseError error{};
    const QByteArray utf8 = toUtf8(bytes).trimmed();
    if (utf8.isEmpty())
        return;   // ConvertTo-Json of nothing writes nothing
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (doc.isNull()) {
        c.problems.append(QStringLiteral("%1: not JSON (%2 at byte %3)").arg(displayPath, error.errorString()).arg(error.offset));
        c.unreadableFiles.append(displayPath);
        return;
    }
    if (name.compare(QLatin1String("manifest"), Qt::CaseInsensitive) == 0) {
        readManifest(c, doc.object());
        return;
    }
    QList<QJsonObject> rows;
    if (doc.isArray()) {
        for (const QJsonValue &v : doc.array())
            if (v.isObject())
                rows.append(v.toObject());
    } else if (doc.isObject()) {
        // {"value": [...], "Count": n} is how Windows PowerShell 5.1 writes some arrays piped in whole.
        const QJsonObject o = doc.object();
        if (o.value(QLatin1String("value")).isArray() && o.size() <= 2) {
            for (const QJsonValue &v : o.value(QLatin1String("value")).toArray())
                if (v.isObject())
                    rows.append(v.toObject());
        } else {
            rows.append(o);
        }
    }
    const QString file = displayPath.section(u'/', -1).section(u'\\', -1);
    for (const QJsonObject &o : rows) {
        if (name.compare(QLatin1String("ReceiveConnector"), Qt::CaseInsensitive) == 0)
            readReceiveConnector(c, o, file);
        else if (name.compare(QLatin1String("SendConnector"), Qt::CaseInsensitive) == 0)
            readSendConnector(c, o, file);
        else if (name.compare(QLatin1String("ExchangeCertificate"), Qt::CaseInsensitive) == 0)
            readCertificate(c, o, file);
        else if (name.compare(QLatin1String("ExchangeServer"), Qt::CaseInsensitive) == 0)
            readServer(c, o);
        else if (name.compare(QLatin1String("AcceptedDomain"), Qt::CaseInsensitive) == 0)
            c.acceptedDomains.append({str(o, "Name"), str(o, "DomainName"), str(o, "DomainType"), boolOf(field(o, "Default"), false)});
        // TransportService, FrontendTransportService, RemoteDomain, EdgeSubscription and the Exchange
        // Online connectors are kept in the zip for the admin; nothing reads them yet.
    }
}

QString summaryLine(const Configuration &c)
{
    return QStringLiteral("%1 servers, %2 receive connectors, %3 send connectors, %4 certificates, %5 accepted domains")
        .arg(c.servers.size())
        .arg(c.receiveConnectors.size())
        .arg(c.sendConnectors.size())
        .arg(c.certificates.size())
        .arg(c.acceptedDomains.size());
}

QJsonObject configurationSummaryToJson(const Configuration &c)
{
    QJsonArray servers;
    for (const CollectedServer &s : c.manifest.servers) {
        QJsonObject o{{QStringLiteral("name"), s.name}, {QStringLiteral("status"), s.status}, {QStringLiteral("files"), s.files}};
        if (!s.error.isEmpty())
            o.insert(QStringLiteral("error"), s.error);
        servers.append(o);
    }
    QJsonObject manifest;
    if (c.manifest.present) {
        manifest.insert(QStringLiteral("ranBy"), c.manifest.ranBy);
        manifest.insert(QStringLiteral("computer"), c.manifest.computer);
        manifest.insert(QStringLiteral("finished"), c.manifest.finished.isValid() ? QJsonValue(c.manifest.finished.toString(Qt::ISODateWithMs)) : QJsonValue());
        manifest.insert(QStringLiteral("servers"), servers);
    }
    return QJsonObject{{QStringLiteral("servers"), int(c.servers.size())},
                       {QStringLiteral("receiveConnectors"), int(c.receiveConnectors.size())},
                       {QStringLiteral("sendConnectors"), int(c.sendConnectors.size())},
                       {QStringLiteral("certificates"), int(c.certificates.size())},
                       {QStringLiteral("acceptedDomains"), int(c.acceptedDomains.size())},
                       {QStringLiteral("files"), QJsonArray::fromStringList(c.files)},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(c.problems)},
                       {QStringLiteral("manifest"), c.manifest.present ? QJsonValue(manifest) : QJsonValue()}};
}

} // namespace mwb::config
