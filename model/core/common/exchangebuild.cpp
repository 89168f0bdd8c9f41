#include "model/core/common/exchangebuild.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QRegularExpression>
#include <algorithm>
#include <array>

namespace mwb {
namespace {

using Version = std::array<int, 4>;

bool parseVersion(QStringView text, Version *out)
{
    const QList<QStringView> parts = text.trimmed().split(u'.');
    if (parts.size() != 4)
        return false;
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        const int v = parts.at(i).toInt(&ok);
        if (!ok || v < 0 || parts.at(i).size() > 6)
            return false;
        (*out)[size_t(i)] = v;
    }
    return true;
}

struct Product {
    QString name;
    int major = 0, minor = 0, fromBuild = 0;
    QDate supportEnds;
};
struct Listed {
    Version version{};
    QString product, update;
    QDate released;
};
struct Table {
    QList<Product> products;
    QList<Listed> builds;  // ascending
};

const Table &table()
{
    static const Table t = [] {
        Table t;
        QFile f(QStringLiteral(":/exchange/builds.json"));
        if (!f.open(QIODevice::ReadOnly))
            return t;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        for (const QJsonValue &p : root.value(QStringLiteral("products")).toArray())
            t.products.append(Product{p[QStringLiteral("product")].toString(), p[QStringLiteral("major")].toInt(),
                                      p[QStringLiteral("minor")].toInt(), p[QStringLiteral("fromBuild")].toInt(),
                                      QDate::fromString(p[QStringLiteral("supportEnds")].toString(), Qt::ISODate)});
        for (const QJsonValue &b : root.value(QStringLiteral("builds")).toArray()) {
            Listed l;
            if (!parseVersion(b[QStringLiteral("build")].toString(), &l.version))
                continue;
            l.product = b[QStringLiteral("product")].toString();
            l.update = b[QStringLiteral("update")].toString();
            l.released = QDate::fromString(b[QStringLiteral("released")].toString(), Qt::ISODate);
            t.builds.append(l);
        }
        std::sort(t.builds.begin(), t.builds.end(), [](const Listed &a, const Listed &b) { return a.version < b.version; });
        return t;
    }();
    return t;
}

} // namespace

ExchangeBuild identifyExchangeBuild(QStringView text)
{
    ExchangeBuild b;
    Version v{};
    // 15.x.0.0 is no build: the protocol logs of every Exchange 2013-SE write "#Version: 15.0.0.0"
    // (the log format's version).
    if (!parseVersion(text, &v) || v[0] != 15 || v[2] == 0)
        return b;
    b.build = QStringLiteral("%1.%2.%3.%4").arg(v[0]).arg(v[1]).arg(v[2]).arg(v[3]);
    const Table &t = table();
    const Product *product = nullptr;
    for (const Product &p : t.products)  // the later entry of a shared major.minor (SE after 2019) wins
        if (p.major == v[0] && p.minor == v[1] && v[2] >= p.fromBuild)
            product = &p;
    if (!product)
        return b;
    b.product = product->name;
    b.supportEnds = product->supportEnds;
    const Listed *below = nullptr;
    for (const Listed &l : t.builds)
        if (l.product == product->name && l.version <= v)
            below = &l;
    if (below) {
        b.exact = below->version == v;
        b.update = b.exact ? below->update : below->update + QStringLiteral(" or a later fix");
        b.released = below->released;
    }
    return b;
}

QString findExchangeBuild(QStringView text)
{
    // "Version: 15.2.1544.4" (banner), "id 15.2.1544.4" (Received), "#Version: 15.02.1544.004".
    static const QRegularExpression re(QStringLiteral("(?:Version:?|\\bid)\\s*(15\\.0?[0-9]\\.[0-9]{1,5}\\.[0-9]{1,5})\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.toString());
    return m.hasMatch() ? m.captured(1) : QString();
}

bool exchangeBuildLess(QStringView a, QStringView b)
{
    Version va{}, vb{};
    const bool okA = parseVersion(a, &va), okB = parseVersion(b, &vb);
    if (okA != okB)
        return okB;
    return okA && va < vb;
}

QString buildFromAdminDisplayVersion(QStringView text)
{
    static const QRegularExpression re(QStringLiteral("Version\\s+(\\d{1,3})\\.(\\d{1,3})\\s*\\(Build\\s+(\\d{1,6})\\.(\\d{1,6})\\)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.toString());
    if (!m.hasMatch())
        return {};
    return QStringLiteral("%1.%2.%3.%4").arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
}

QString ExchangeBuild::displayName() const
{
    if (product.isEmpty())
        return build;
    return update.isEmpty() ? QStringLiteral("%1 (%2)").arg(product, build) : QStringLiteral("%1 %2 (%3)").arg(product, update, build);
}

QString ExchangeBuild::explanation(const QDate &today) const
{
    if (build.isEmpty())
        return QStringLiteral("Not an Exchange Server 2013 or later build number.");
    if (product.isEmpty())
        return QStringLiteral("Build %1 is not in the product's table of Exchange Server builds.").arg(build);
    const QString what = QStringLiteral("%1 %2 (build %3)").arg(product, update.isEmpty() ? QStringLiteral("(update unknown)") : update, build);
    if (outOfSupport(today))
        return QStringLiteral("%1: out of support since %2; no more security updates. Move to Exchange Server SE (%3) or "
                              "Exchange Online.")
            .arg(what, supportEnds.toString(Qt::ISODate),
                 product.endsWith(QStringLiteral("2019")) ? QStringLiteral("an in-place upgrade from 2019 CU14 or CU15")
                                                          : QStringLiteral("a migration: new servers, then move mailboxes and mail flow"));
    if (supportEnds.isValid())
        return QStringLiteral("%1: supported until %2.").arg(what, supportEnds.toString(Qt::ISODate));
    return QStringLiteral("%1: supported under the modern lifecycle while it is kept on a current update.").arg(what);
}

QJsonObject ExchangeBuild::toJson(const QDate &today) const
{
    return QJsonObject{{QStringLiteral("build"), build},
                       {QStringLiteral("product"), product},
                       {QStringLiteral("update"), update},
                       {QStringLiteral("released"), released.isValid() ? released.toString(Qt::ISODate) : QString()},
                       {QStringLiteral("supportEnds"), supportEnds.isValid() ? supportEnds.toString(Qt::ISODate) : QString()},
                       {QStringLiteral("outOfSupport"), outOfSupport(today)},
                       {QStringLiteral("explanation"), explanation(today)}};
}

} // namespace mwb
