#pragma once
// Exchange Server build numbers mapped to product and update (2013, 2016, 2019, SE; CU/SU/HU) from
// the data file resources/exchange/builds.json (Microsoft's "Exchange Server build numbers and
// release dates" table), and the places a build shows up: SMTP banners ("… Version: 15.2.1544.4"),
// Received headers ("with Microsoft SMTP Server (…) id 15.2.1544.4"), log headers
// ("#Version: 15.02.1544.004" under "#Software: Microsoft Exchange Server").
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace mwb {

struct ExchangeBuild {
    QString build;                 // normalised "15.2.1544.4"; empty when the text was not a 15.x build
    QString product;               // "Exchange Server 2019", "Exchange Server SE"; empty when unknown
    QString update;                // "CU14", "CU15 Aug25SU"; "CU14 or a later fix" between listed builds
    bool exact = false;            // the build is one the table lists
    QDate released;                // of the listed build
    QDate supportEnds;             // null = in support under the modern lifecycle (SE)
    bool outOfSupport(const QDate &today = QDate::currentDate()) const
    {
        return supportEnds.isValid() && today > supportEnds;
    }
    // "Exchange Server 2019 CU14 (15.2.1544.4)"; the bare build when the product is unknown, empty
    // for no build. Says nothing about support: outOfSupport() does (shown next to it, in words).
    QString displayName() const;
    QString explanation(const QDate &today = QDate::currentDate()) const;  // one sentence for the admin
    QJsonObject toJson(const QDate &today = QDate::currentDate()) const;
};

// "15.2.1544.4" or "15.02.1544.004" (leading zeros allowed); anything else gives an empty build.
ExchangeBuild identifyExchangeBuild(QStringView version);
// Version order of two builds in any spelling identifyExchangeBuild takes (15.02.1544.004 = 15.2.1544.4);
// a text that is no build sorts first.
bool exchangeBuildLess(QStringView a, QStringView b);
// Get-ExchangeServer's AdminDisplayVersion ("Version 15.2 (Build 1544.4)") as a build
// ("15.2.1544.4"); empty for anything else. AdminDisplayVersion names the CU, not the SU installed.
QString buildFromAdminDisplayVersion(QStringView text);
// The first Exchange build (15.x.y.z) in a banner, Received header or "#Version:" log header line;
// empty when there is none.
QString findExchangeBuild(QStringView text);

} // namespace mwb
