#include "model/core/smtp/mailpolicy.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace mwb::smtp {
QString TlsaRecord::toString() const
{
    return QStringLiteral("%1 %2 %3 %4").arg(usage).arg(selector).arg(matchingType).arg(QString::fromLatin1(data.toHex()).toUpper());
}

QString normalisedMailHost(QString host)
{
    host = host.trimmed().toLower();
    while (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

namespace {

// "k=v; k=v" with optional spaces (RFC 8461 3.1 / RFC 8460 3 share this shape).
QList<QPair<QString, QString>> tagValues(const QString &txt)
{
    QList<QPair<QString, QString>> out;
    for (const QString &field : txt.split(u';', Qt::SkipEmptyParts)) {
        const QString f = field.trimmed();
        if (f.isEmpty())
            continue;
        const qsizetype eq = f.indexOf(u'=');
        out.append({eq < 0 ? f : f.left(eq).trimmed(), eq < 0 ? QString() : f.mid(eq + 1).trimmed()});
    }
    return out;
}

} // namespace

MtaStsRecord parseMtaStsRecord(const QString &txt)
{
    MtaStsRecord r;
    const auto tags = tagValues(txt);
    if (tags.isEmpty() || tags.first().first != u"v" || tags.first().second != u"STSv1") {
        r.problem = QStringLiteral("the record does not start with v=STSv1");
        return r;
    }
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9]{1,32}$"));
    for (const auto &t : tags)
        if (t.first == u"id")
            r.id = t.second;
    if (r.id.isEmpty()) {
        r.problem = QStringLiteral("the record has no id= (RFC 8461 3.1)");
        return r;
    }
    if (!idRe.match(r.id).hasMatch()) {
        r.problem = QStringLiteral("the id must be 1 to 32 letters or digits (RFC 8461 3.1)");
        return r;
    }
    r.valid = true;
    return r;
}

MtaStsPolicy parseMtaStsPolicy(const QByteArray &text)
{
    MtaStsPolicy p;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (QString line : lines) {
        line = line.trimmed();  // CRLF and LF both end a line (RFC 8461 3.2)
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0) {
            p.problems.append(QStringLiteral("a line without 'key: value'"));
            continue;
        }
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == u"version") {
            p.version = value;
        } else if (key == u"mode") {
            p.mode = value;
        } else if (key == u"mx") {
            p.mx.append(normalisedMailHost(value));
        } else if (key == u"max_age") {
            bool ok = false;
            p.maxAge = value.toLongLong(&ok);
            if (!ok || p.maxAge < 0 || p.maxAge > 31557600) {
                p.problems.append(QStringLiteral("max_age must be 0 to 31557600 seconds"));
                p.maxAge = -1;
            }
        }  // other keys are extensions and ignored (RFC 8461 3.2)
    }
    if (p.version != u"STSv1")
        p.problems.append(QStringLiteral("version must be STSv1"));
    if (p.mode != u"enforce" && p.mode != u"testing" && p.mode != u"none")
        p.problems.append(QStringLiteral("mode must be enforce, testing or none"));
    if (p.maxAge < 0 && !p.problems.contains(QStringLiteral("max_age must be 0 to 31557600 seconds")))
        p.problems.append(QStringLiteral("max_age is missing"));
    if (p.mx.isEmpty() && p.mode != u"none")
        p.problems.append(QStringLiteral("no mx line: with mode %1 no MX host is allowed").arg(p.mode));
    p.valid = p.problems.isEmpty();
    return p;
}

bool mtaStsMxMatches(const QString &mxHost, const QString &pattern)
{
    const QString host = normalisedMailHost(mxHost);
    const QString pat = normalisedMailHost(pattern);
    if (pat.isEmpty() || host.isEmpty())
        return false;
    if (pat.startsWith(QStringLiteral("*."))) {
        const QString suffix = pat.mid(1);  // ".contoso.com"
        if (!host.endsWith(suffix))
            return false;
        const QString label = host.left(host.size() - suffix.size());
        return !label.isEmpty() && !label.contains(u'.');
    }
    return host == pat;
}

bool mtaStsPolicyCoversMx(const MtaStsPolicy &policy, const QString &mxHost)
{
    for (const QString &pattern : policy.mx)
        if (mtaStsMxMatches(mxHost, pattern))
            return true;
    return false;
}

TlsRptRecord parseTlsRptRecord(const QString &txt)
{
    TlsRptRecord r;
    const auto tags = tagValues(txt);
    if (tags.isEmpty() || tags.first().first != u"v" || tags.first().second != u"TLSRPTv1") {
        r.problem = QStringLiteral("the record does not start with v=TLSRPTv1");
        return r;
    }
    for (const auto &t : tags)
        if (t.first == u"rua")
            for (const QString &uri : t.second.split(u',', Qt::SkipEmptyParts))
                r.rua.append(uri.trimmed());
    if (r.rua.isEmpty()) {
        r.problem = QStringLiteral("the record has no rua= (RFC 8460 3)");
        return r;
    }
    for (const QString &uri : std::as_const(r.rua)) {
        if (!uri.startsWith(QStringLiteral("mailto:"), Qt::CaseInsensitive) && !uri.startsWith(QStringLiteral("https:"), Qt::CaseInsensitive)) {
            r.problem = QStringLiteral("rua takes mailto: or https: URIs only (RFC 8460 3)");
            return r;
        }
    }
    r.valid = true;
    return r;
}

QJsonObject tlsaRecordJson(const TlsaRecord &record)
{
    return QJsonObject{{QStringLiteral("usage"), record.usage},
                       {QStringLiteral("selector"), record.selector},
                       {QStringLiteral("matchingType"), record.matchingType},
                       {QStringLiteral("data"), QString::fromLatin1(record.data.toHex()).toUpper()}};
}

QJsonObject TlsaCheck::toJson() const
{
    return QJsonObject{{QStringLiteral("result"), result},
                       {QStringLiteral("matched"), matched},
                       {QStringLiteral("explanation"), explanation}};
}

static bool tlsaMatchesCertificate(const TlsaRecord &r, const Certificate &c)
{
    const QByteArray selected = r.selector == 0 ? c.der : c.key().subjectPublicKeyInfo;
    if (selected.isEmpty())
        return false;
    switch (r.matchingType) {
    case 0: return selected == r.data;
    case 1: return QCryptographicHash::hash(selected, QCryptographicHash::Sha256) == r.data;
    case 2: return QCryptographicHash::hash(selected, QCryptographicHash::Sha512) == r.data;
    default: return false;
    }
}

TlsaCheck verifyTlsa(const QList<TlsaRecord> &records, const QList<Certificate> &chain)
{
    TlsaCheck c;
    QList<TlsaRecord> usable;
    for (const TlsaRecord &r : records)
        if ((r.usage == 2 || r.usage == 3) && (r.selector == 0 || r.selector == 1) && r.matchingType >= 0 && r.matchingType <= 2)
            usable.append(r);
    if (usable.isEmpty()) {
        c.result = QStringLiteral("none");
        c.explanation = records.isEmpty()
            ? QStringLiteral("No TLSA records: DANE does not apply to this host.")
            : QStringLiteral("Only unusable TLSA records (PKIX-TA/PKIX-EE or unknown parameters, RFC 7672 3.1.3): "
                             "senders treat the host as if it had none.");
        return c;
    }
    if (chain.isEmpty()) {
        c.result = QStringLiteral("mismatch");
        c.explanation = QStringLiteral("TLSA records are published, but no certificate was presented (TLS was not established).");
        return c;
    }
    for (const TlsaRecord &r : usable) {
        if (r.usage == 3 && tlsaMatchesCertificate(r, chain.first())) {
            c.result = QStringLiteral("match");
            c.matched = r.toString();
            c.explanation = QStringLiteral("DANE-EE: the server certificate matches TLSA %1.").arg(c.matched);
            return c;
        }
        if (r.usage == 2) {
            for (qsizetype i = 1; i < chain.size(); ++i) {
                if (tlsaMatchesCertificate(r, chain.at(i))) {
                    c.result = QStringLiteral("match");
                    c.matched = r.toString();
                    c.explanation = QStringLiteral("DANE-TA: the certificate '%1' the server sent matches TLSA %2.")
                                        .arg(chain.at(i).subject, c.matched);
                    return c;
                }
            }
        }
    }
    c.result = QStringLiteral("mismatch");
    c.explanation = QStringLiteral("No TLSA record matches the presented chain: senders that validate DANE (Exchange Online, "
                                   "Postfix) refuse to deliver (Exchange Online: 4.7.323/5.7.323 tlsa-invalid). Publish the "
                                   "new certificate's TLSA record before switching certificates, and keep the old one until "
                                   "the switch is done.");
    return c;
}

bool mtaStsContentTypeIsTextPlain(const QString &contentType, QString *problem)
{
    const QString mediaType = contentType.section(u';', 0, 0).trimmed();
    if (mediaType.compare(QStringLiteral("text/plain"), Qt::CaseInsensitive) == 0)
        return true;
    if (problem)
        *problem = mediaType.isEmpty()
            ? QStringLiteral("the policy was served without a Content-Type; RFC 8461 3.3 requires text/plain, and senders "
                             "treat the domain as having no MTA-STS policy")
            : QStringLiteral("the policy was served as %1, not text/plain (RFC 8461 3.3): senders treat the domain as having "
                             "no MTA-STS policy")
                  .arg(mediaType.left(100));
    return false;
}

} // namespace mwb::smtp
