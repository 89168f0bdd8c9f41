#include "model/core/common/certificate.h"
#include "model/core/common/hostnames.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>

#include <algorithm>

namespace mwb {

namespace {

// Qt gives subject/issuer attributes one by one; Exchange shows them most specific first,
// comma-separated ("CN=mail.contoso.com, OU=IT, O=Contoso, L=Town, S=State, C=US"), as Windows'
// X500DistinguishedName does (reversed DER order for typical certificates).
QString distinguishedName(const QSslCertificate &cert, bool issuer)
{
    const QList<QByteArray> attrs = issuer ? cert.issuerInfoAttributes() : cert.subjectInfoAttributes();
    QStringList parts;
    const QList<QByteArray> preferred = {"CN", "OU", "O", "L", "ST", "C", "emailAddress"};
    QList<QByteArray> ordered;
    for (const QByteArray &p : preferred)
        if (attrs.contains(p))
            ordered.append(p);
    for (const QByteArray &a : attrs)
        if (!ordered.contains(a))
            ordered.append(a);
    for (const QByteArray &attr : ordered) {
        const QStringList values = issuer ? cert.issuerInfo(attr) : cert.subjectInfo(attr);
        QString label = QString::fromLatin1(attr);
        if (label == u"ST")
            label = QStringLiteral("S");  // Windows prints state as S=
        else if (label == u"emailAddress")
            label = QStringLiteral("E");
        for (const QString &v : values)
            parts.append(label + u'=' + v);
    }
    return parts.join(QStringLiteral(", "));
}

QString hexOnly(const QString &text, qsizetype minDigits, qsizetype maxDigits)
{
    QString t = text.trimmed();
    t.remove(u' ');
    if (t.size() < minDigits || t.size() > maxDigits)
        return {};
    for (QChar c : std::as_const(t)) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F') || (c >= u'a' && c <= u'f')))
            return {};
    }
    return t.toUpper();
}

QDateTime utc(qint64 ms)
{
    return ms == kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

qint64 msOf(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : kNoTime;
}

QSslCertificate parsed(const QByteArray &der)
{
    return der.isEmpty() ? QSslCertificate() : QSslCertificate(der, QSsl::Der);
}

bool isLogDate(const QString &token)
{
    return parseTimestampMs(QByteArrayView(token.toLatin1())) != kNoTime;
}

bool isDnStart(const QString &token)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z0-9.]*="));
    return re.match(token).hasMatch();
}

// "mail.contoso.com;autodiscover.contoso.com", "DNS Name=a.example, DNS Name=b.example",
// "DNS:a.example": the names alone; entries of other kinds (URL=, RFC822 Name=) are left out.
QStringList splitAlternateNames(const QString &text)
{
    static const QRegularExpression separator(QStringLiteral("[;,]"));
    static const QRegularExpression kind(QStringLiteral("^(DNS( Name)?|IP( Address)?)\\s*[:=]\\s*"), QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    for (const QString &raw : text.split(separator, Qt::SkipEmptyParts)) {
        QString name = raw.trimmed();
        name.remove(kind);
        if (!name.isEmpty() && !name.contains(u'='))
            names.append(name);
    }
    return names;
}

CertificateRole announcedRole(const QString &context)
{
    if (context.startsWith(QLatin1String("Sending certificate"), Qt::CaseInsensitive))
        return CertificateRole::Sending;
    if (context.startsWith(QLatin1String("Received certificate"), Qt::CaseInsensitive)
        || context.startsWith(QLatin1String("Receiving certificate"), Qt::CaseInsensitive)
        || context.startsWith(QLatin1String("Remote certificate"), Qt::CaseInsensitive))
        return CertificateRole::Received;
    return CertificateRole::Unknown;
}

} // namespace

QString certificateRoleId(CertificateRole role)
{
    switch (role) {
    case CertificateRole::Sending: return QStringLiteral("sending");
    case CertificateRole::Received: return QStringLiteral("received");
    case CertificateRole::Unknown: break;
    }
    return {};
}

Certificate Certificate::fromQSslCertificate(const QSslCertificate &cert)
{
    Certificate c;
    c.subject = distinguishedName(cert, false);
    c.issuer = distinguishedName(cert, true);
    // QMultiMap hands back the values of one key newest first; reverse to the certificate's order.
    const auto sans = cert.subjectAlternativeNames();
    for (const QSsl::AlternativeNameEntryType type : {QSsl::DnsEntry, QSsl::IpAddressEntry}) {
        QStringList names = sans.values(type);
        std::reverse(names.begin(), names.end());
        c.alternateNames += names;
    }
    c.notBeforeMs = msOf(cert.effectiveDate());
    c.notAfterMs = msOf(cert.expiryDate());
    c.serial = QString::fromLatin1(cert.serialNumber()).remove(u':').toUpper();
    c.thumbprint = QString::fromLatin1(cert.digest(QCryptographicHash::Sha1).toHex()).toUpper();
    c.selfSigned = cert.isSelfSigned();
    c.der = cert.toDer();
    return c;
}

QString Certificate::commonName() const
{
    return hostnames::commonNameOf(subject);
}

QDateTime Certificate::notBefore() const
{
    return utc(notBeforeMs);
}

QDateTime Certificate::notAfter() const
{
    return utc(notAfterMs);
}

bool Certificate::isExpired(const QDateTime &now) const
{
    return notAfterMs != kNoTime && now.toMSecsSinceEpoch() > notAfterMs;
}

bool Certificate::isNotYetValid(const QDateTime &now) const
{
    return notBeforeMs != kNoTime && now.toMSecsSinceEpoch() < notBeforeMs;
}

QString Certificate::tlsCertificateName() const
{
    return QStringLiteral("<I>") + issuer + QStringLiteral("<S>") + subject;
}

CertificateNameMatch Certificate::matchName(const QString &expected) const
{
    CertificateNameMatch m;
    const QString want = expected.trimmed();
    if (want.isEmpty())
        return m;
    const QHostAddress wantIp(want);
    bool hasDnsSan = false;
    for (const QString &raw : alternateNames) {
        QString san = raw.trimmed();
        if (san.startsWith(QLatin1String("DNS:"), Qt::CaseInsensitive) || san.startsWith(QLatin1String("DNS="), Qt::CaseInsensitive))
            san = san.mid(4).trimmed();
        if (san.isEmpty())
            continue;
        const QHostAddress sanIp(san);
        if (!sanIp.isNull()) {
            if (!wantIp.isNull() && sanIp.isEqual(wantIp)) {
                m.matches = true;
                m.matchedBy = QStringLiteral("SAN IP:") + san;
                return m;
            }
            continue;
        }
        hasDnsSan = true;
        if (wantIp.isNull() && hostnames::matchesPattern(want, san)) {
            m.matches = true;
            m.matchedBy = QStringLiteral("SAN DNS:") + san;
            return m;
        }
    }
    // The CN only without DNS SANs, and only because Exchange relies on it (see the header).
    const QString cn = commonName();
    if (!hasDnsSan && wantIp.isNull() && hostnames::matchesPattern(want, cn)) {
        m.matches = true;
        m.viaCommonName = true;
        m.matchedBy = QStringLiteral("subject CN=") + cn.trimmed();
    }
    return m;
}

QString Certificate::sha256() const
{
    return der.isEmpty() ? QString() : QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex()).toUpper();
}

CertificateKey Certificate::key() const
{
    CertificateKey k;
    const QSslCertificate cert = parsed(der);
    if (cert.isNull())
        return k;
    const QSslKey key = cert.publicKey();
    switch (key.algorithm()) {
    case QSsl::Rsa: k.type = QStringLiteral("RSA"); break;
    case QSsl::Ec: k.type = QStringLiteral("EC"); break;
    case QSsl::Dsa: k.type = QStringLiteral("DSA"); break;
    case QSsl::Dh: k.type = QStringLiteral("DH"); break;
    default: k.type = QStringLiteral("unknown"); break;
    }
    k.bits = key.isNull() ? 0 : key.length();
    k.subjectPublicKeyInfo = key.isNull() ? QByteArray() : key.toDer();   // a public QSslKey's DER is the SPKI
    return k;
}

QString Certificate::signatureAlgorithm() const
{
    // Qt has no accessor for the signature algorithm; OpenSSL's text dump names it.
    static const QRegularExpression sigRe(QStringLiteral("Signature Algorithm:\\s*(\\S+)"));
    const QSslCertificate cert = parsed(der);
    const auto m = cert.isNull() ? QRegularExpressionMatch() : sigRe.match(cert.toText());
    return m.hasMatch() ? m.captured(1) : QString();
}

QString normalizedThumbprint(const QString &text)
{
    return hexOnly(text, 40, 40);
}

QString normalizedSerial(const QString &text)
{
    return hexOnly(text, 1, 64);
}

Certificate parsePackedCertificate(const QString &data)
{
    Certificate c;
    QStringList toks = data.split(u' ', Qt::SkipEmptyParts);
    // From the end: [SANs] notAfter notBefore thumbprint serial; DNs contain spaces.
    if (!toks.isEmpty() && !isLogDate(toks.last()) && normalizedThumbprint(toks.last()).isEmpty())
        c.alternateNames = splitAlternateNames(toks.takeLast());
    if (!toks.isEmpty() && isLogDate(toks.last()))
        c.notAfterMs = parseTimestampMs(QByteArrayView(toks.takeLast().toLatin1()));
    if (!toks.isEmpty() && isLogDate(toks.last()))
        c.notBeforeMs = parseTimestampMs(QByteArrayView(toks.takeLast().toLatin1()));
    // Only what has the shape of a thumbprint / serial is one: a redaction mark stays text.
    if (!toks.isEmpty() && !normalizedThumbprint(toks.last()).isEmpty())
        c.thumbprint = normalizedThumbprint(toks.takeLast());
    if (!toks.isEmpty() && !normalizedSerial(toks.last()).isEmpty())
        c.serial = normalizedSerial(toks.takeLast());
    // What is left is "subject issuer"; a DN continues while a token ends with ','.
    qsizetype split = -1;
    for (qsizetype i = 1; i < toks.size(); ++i) {
        if (isDnStart(toks[i]) && !toks[i - 1].endsWith(u',')) {
            split = i;
            break;
        }
    }
    if (split < 0) {
        c.subject = toks.join(u' ');
    } else {
        c.subject = toks.mid(0, split).join(u' ');
        c.issuer = toks.mid(split).join(u' ');
    }
    return c;
}

bool CertificateLogReader::read(const QString &context, const QString &data, const RecordRef &ref, QList<Certificate> &into)
{
    const QString ctx = context.trimmed();
    const CertificateRole announced = announcedRole(ctx);
    if (announced != CertificateRole::Unknown) {
        // 2016 CU / 2019: the whole certificate on this line, its labels in the context.
        Certificate c = ctx.contains(QLatin1String("Thumbprint"), Qt::CaseInsensitive) && !data.trimmed().isEmpty()
                            ? parsePackedCertificate(data)
                            : Certificate();
        c.role = announced;
        c.ref = ref;
        into.append(c);
        m_current = into.size() - 1;
        return true;
    }
    if (!ctx.startsWith(QLatin1String("Certificate "), Qt::CaseInsensitive))
        return false;
    if (m_current < 0 || m_current >= into.size()) {
        Certificate c;
        c.role = m_unannounced;
        c.ref = ref;
        into.append(c);
        m_current = into.size() - 1;
    }
    Certificate &c = into[m_current];
    const QString label = ctx.mid(12).trimmed().toLower();
    // Get-ExchangeCertificate and some exports group the hex digits with spaces; redaction marks
    // ("xxxxxxxx…", "<redacted>", "***") must never reach the wizard as a Thumbprint.
    if (label.startsWith(QLatin1String("thumbprint")))
        c.thumbprint = normalizedThumbprint(data);
    else if (label.startsWith(QLatin1String("alternate")) || label.startsWith(QLatin1String("subject alternate")))
        c.alternateNames = splitAlternateNames(data);
    else if (label.startsWith(QLatin1String("subject")))
        c.subject = data.trimmed();
    else if (label.startsWith(QLatin1String("issuer")))
        c.issuer = data.trimmed();
    else if (label.startsWith(QLatin1String("serial")))
        c.serial = normalizedSerial(data);
    return true;
}

} // namespace mwb
