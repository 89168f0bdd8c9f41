// server-out-of-support (issue #30): a build of Exchange 2013/2016/2019 in an SMTP banner is an info
// finding; Exchange Server SE (15.2.2562 and later) and the logs' "#Version: 15.0.0.0" are not.
#include "fixtures.h"

#include <QTest>

using namespace mwb;
using namespace fixtures;

class TestServerSupport : public QObject {
    Q_OBJECT

    static SessionBuilder withBanner(const QString &id, const QString &banner)
    {
        SessionBuilder b(Direction::Send, id);
        b.line('*', QString(), QStringLiteral("attempting to connect")).line('+');
        b.reply(banner);
        b.command(QStringLiteral("EHLO ex01.contoso.com")).reply(QStringLiteral("250 mail.fabrikam.com Hello"));
        b.command(QStringLiteral("QUIT")).reply(QStringLiteral("221 2.0.0 Service closing transmission channel"));
        b.line('-', {}, QStringLiteral("Local"));
        return b;
    }

private slots:
    void outOfSupportBuildsInBannersAreFound()
    {
        const Run r = run({withBanner(QStringLiteral("08DC0000000030A1"),
                                      QStringLiteral("220 mail.fabrikam.com Microsoft ESMTP MAIL Service ready at Mon, 7 Dec 2026 "
                                                     "10:00:00 +0000 Version: 15.1.2507.6")),
                           withBanner(QStringLiteral("08DC0000000030A2"),
                                      QStringLiteral("220 old.fabrikam.com Microsoft ESMTP MAIL Service ready Version: 15.02.1544.004"))});
        QVERIFY(r.has(QStringLiteral("server-out-of-support")));
        QStringList builds;
        for (const Finding &f : r.of(QStringLiteral("server-out-of-support"))) {
            QCOMPARE(f.severity, Severity::Info);
            builds.append(f.parameters.value(QStringLiteral("Build")));
        }
        builds.sort();
        QCOMPARE(builds, (QStringList{QStringLiteral("15.02.1544.004"), QStringLiteral("15.1.2507.6")}));
    }

    void supportedOrUnversionedBannersAreNot()
    {
        const Run r = run({withBanner(QStringLiteral("08DC0000000030B1"),
                                      QStringLiteral("220 se.fabrikam.com Microsoft ESMTP MAIL Service ready Version: 15.2.2562.17")),
                           withBanner(QStringLiteral("08DC0000000030B2"),
                                      QStringLiteral("220 mail.fabrikam.com Microsoft ESMTP MAIL Service ready at Mon, 7 Dec 2026 10:00:00 +0000")),
                           withBanner(QStringLiteral("08DC0000000030B3"), QStringLiteral("220 legacy.fabrikam.com ESMTP Version: 15.0.0.0"))});
        QVERIFY(!r.has(QStringLiteral("server-out-of-support")));
    }
};

QTEST_GUILESS_MAIN(TestServerSupport)
#include "tst_server_support.moc"
