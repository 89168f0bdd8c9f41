// server-out-of-support (issue #30): a build of Exchange 2013/2016/2019 in an SMTP banner or in a
// server's own log header (message tracking "#Version:") is an info finding, once per server;
// Exchange Server SE (15.2.2562 and later) and the protocol logs' "#Version: 15.0.0.0" are not.
#include "fixtures.h"

#include "model/core/sessions/loader.h"
#include "model/core/sessions/serverversions.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
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

    // A message tracking log of `server` whose header says `version` (the rows name the server in
    // server-hostname, which is where the parser takes the file's server from).
    static bool writeTrackingLog(const QString &dir, const QString &server, const QString &version, const QString &day)
    {
        QDir().mkpath(dir + u'/' + server);
        QFile f(dir + u'/' + server + QStringLiteral("/MSGTRK%1-1.LOG").arg(day));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        const QString date = day.left(4) + u'-' + day.mid(4, 2) + u'-' + day.mid(6, 2);
        QString text = QStringLiteral(
            "#Software: Microsoft Exchange Server\r\n#Version: %1\r\n#Log-type: Message Tracking Log\r\n"
            "#Date: %2T09:00:00.000Z\r\n"
            "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,"
            "event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,"
            "recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,"
            "directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,"
            "schema-version\r\n"
            "%2T09:01:23.100Z,10.0.0.5,%3,,%3.contoso.com,,,STOREDRIVER,DELIVER,237172389052427,<CAF1234@mail.fabrikam.com>,"
            "aaaaaaaa-1111-2222-3333-444444444444,bob@contoso.com,250 2.1.5 Recipient OK,11511,1,,,Quarterly report,"
            "alice@fabrikam.com,alice@fabrikam.com,,Incoming,,,,,Email,,%1\r\n").arg(version, date, server);
        return f.write(text.toUtf8()) > 0;
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

    // Logs read as they come: each server's tracking log header names its build. 2013 (CU23) and an
    // old 2016 (CU22, two files) are out of support, and so is 2019 whatever its SU (support ended
    // October 14, 2025 in builds.json); a current Exchange Server SE is not.
    void outOfSupportBuildsInLogHeadersAreFoundOncePerServer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeTrackingLog(dir.path(), QStringLiteral("EX13"), QStringLiteral("15.00.1497.048"), QStringLiteral("2026120109")));
        QVERIFY(writeTrackingLog(dir.path(), QStringLiteral("EX16"), QStringLiteral("15.01.2375.007"), QStringLiteral("2026120109")));
        QVERIFY(writeTrackingLog(dir.path(), QStringLiteral("EX16"), QStringLiteral("15.01.2375.007"), QStringLiteral("2026120209")));
        QVERIFY(writeTrackingLog(dir.path(), QStringLiteral("EX19"), QStringLiteral("15.02.1748.049"), QStringLiteral("2026120109")));
        QVERIFY(writeTrackingLog(dir.path(), QStringLiteral("EXSE"), QStringLiteral("15.02.2562.046"), QStringLiteral("2026120109")));
        // EXSE was 2019 CU14 on the first day and upgraded in place: what it runs now counts.
        QVERIFY(writeTrackingLog(dir.path(), QStringLiteral("EXSE"), QStringLiteral("15.02.1544.004"), QStringLiteral("2026113009")));

        auto engine = DiagnosisEngine::create();
        QVERIFY(engine);
        LoadOptions options;
        options.observer = engine.value().get();
        const std::shared_ptr<Store> store = Loader::loadSync({dir.path()}, options);
        QVERIFY(store);
        QCOMPARE(store->files.size(), 6);

        const QList<ServerVersion> versions = serverVersions(store->files);
        QStringList seen;
        for (const ServerVersion &v : versions)
            seen << v.server + u'=' + v.build.displayName();
        QCOMPARE(seen, (QStringList{QStringLiteral("EX13=Exchange Server 2013 CU23 Mar23SU (15.0.1497.48)"),
                                    QStringLiteral("EX16=Exchange Server 2016 CU22 (15.1.2375.7)"),
                                    QStringLiteral("EX19=Exchange Server 2019 CU15 Aug26SU (15.2.1748.49)"),
                                    QStringLiteral("EXSE=Exchange Server SE RTM Aug26SU (15.2.2562.46)")}));

        QMap<QString, Finding> byServer;
        for (const Finding &f : engine.value()->findings()) {
            if (f.rule != u"server-out-of-support")
                continue;
            QCOMPARE(f.servers.size(), 1);
            QVERIFY2(!byServer.contains(f.servers.first()), qPrintable(f.servers.first()));   // once per server
            byServer.insert(f.servers.first(), f);
        }
        QCOMPARE(byServer.keys(), (QStringList{QStringLiteral("EX13"), QStringLiteral("EX16"), QStringLiteral("EX19")}));
        const Finding &ex16 = byServer.value(QStringLiteral("EX16"));
        QCOMPARE(ex16.severity, Severity::Info);
        QCOMPARE(ex16.parameters.value(QStringLiteral("Build")), QStringLiteral("15.1.2375.7"));
        QCOMPARE(ex16.parameters.value(QStringLiteral("Version")), QStringLiteral("Exchange Server 2016 CU22 (15.1.2375.7)"));
        QCOMPARE(ex16.parameters.value(QStringLiteral("SupportEnded")), QStringLiteral("2025-10-14"));
        QCOMPARE(ex16.parameters.value(QStringLiteral("LogFiles")), QStringLiteral("MSGTRK2026120109-1.LOG, MSGTRK2026120209-1.LOG"));
        // The evidence is each file's #Version line.
        QCOMPARE(ex16.evidence.size(), 2);
        for (const RecordRef &ref : ex16.evidence) {
            QCOMPARE(ref.line, 2);
            QCOMPARE(store->recordText(ref), QStringLiteral("#Version: 15.01.2375.007"));
        }
        QCOMPARE(byServer.value(QStringLiteral("EX13")).parameters.value(QStringLiteral("Build")), QStringLiteral("15.0.1497.48"));
    }

    // A banner of EX01 (its receive log) and EX01's tracking log header naming the same build, in
    // two spellings: one finding, with the banner line and the header line as evidence.
    void bannerAndHeaderOfTheSameBuildGiveOneFinding()
    {
        SourceFile receive;
        receive.path = QStringLiteral("RECV2026120109-1.LOG");
        receive.format = LogFormat::SmtpReceive;
        receive.server = QStringLiteral("EX01");
        SourceFile tracking;
        tracking.path = QStringLiteral("MSGTRK2026120109-1.LOG");
        tracking.format = LogFormat::MessageTracking;
        tracking.server = QStringLiteral("ex01");
        tracking.exchangeBuild = QStringLiteral("15.1.2507.6");
        tracking.exchangeBuildLine.line = 2;
        const Run r = run({withBanner(QStringLiteral("08DC0000000030C1"),
                                      QStringLiteral("220 ex01.contoso.com Microsoft ESMTP MAIL Service ready Version: 15.01.2507.006"))},
                          {}, {receive, tracking});
        const QList<Finding> found = r.of(QStringLiteral("server-out-of-support"));
        QCOMPARE(found.size(), 1);
        bool headerLine = false;
        for (const RecordRef &ref : found.first().evidence)
            headerLine = headerLine || (ref.fileIndex == 1 && ref.line == 2);
        QVERIFY(headerLine);
        QVERIFY(found.first().evidence.size() >= 2);
        QCOMPARE(found.first().parameters.value(QStringLiteral("LogFiles")), QStringLiteral("MSGTRK2026120109-1.LOG"));
    }
};

QTEST_GUILESS_MAIN(TestServerSupport)
#include "tst_server_support.moc"
