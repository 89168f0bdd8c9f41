#include "model/core/common/hostnames.h"

#include <QRegularExpression>
#include <QUrl>

namespace mwb::hostnames {

namespace {

// Lower case, no trailing dot, A-labels: "Bücher.Example." → "xn--bcher-kva.example".
QString normalized(const QString &name)
{
    QString n = name.trimmed();
    if (n.endsWith(u'.'))
        n.chop(1);
    bool ascii = true;
    for (QChar c : std::as_const(n)) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (!ascii) {
        const QByteArray ace = QUrl::toAce(n);
        if (!ace.isEmpty())
            n = QString::fromLatin1(ace);
    }
    return n.toLower();
}

} // namespace

bool matchesPattern(const QString &hostName, const QString &pattern)
{
    const QString host = normalized(hostName);
    const QString pat = normalized(pattern);
    if (host.isEmpty() || pat.isEmpty())
        return false;
    if (!pat.contains(u'*'))
        return host == pat;
    if (!pat.startsWith(QLatin1String("*.")) || pat.count(u'*') != 1)
        return false;
    const QString suffix = pat.mid(1);   // ".contoso.com"
    if (suffix.count(u'.') < 2)
        return false;
    if (!host.endsWith(suffix))
        return false;
    const QString leftLabel = host.left(host.size() - suffix.size());
    return !leftLabel.isEmpty() && !leftLabel.contains(u'.');
}

QString commonNameOf(const QString &subject)
{
    static const QRegularExpression cn(QStringLiteral(R"((?:^|[,/;\s])\s*CN\s*=\s*("[^"]*"|[^,/;+]+))"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto match = cn.match(subject);
    if (!match.hasMatch())
        return {};
    QString v = match.captured(1).trimmed();
    if (v.size() >= 2 && v.startsWith(u'"') && v.endsWith(u'"'))
        v = v.mid(1, v.size() - 2);
    return v;
}

} // namespace mwb::hostnames
