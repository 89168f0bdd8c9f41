// The Exchange log folders the open dialog offers on an Exchange server, and UNC paths kept intact
// (issue #32). Runs on Linux with a fake ExchangeInstallPath; the paths are Windows ones on purpose.
#include "model/core/ingest/exchangefolders.h"
#include "model/core/ingest/sources.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

class TestExchangeFolders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { qunsetenv("ExchangeInstallPath"); }

    void defaultFoldersBelowTheInstallPath()
    {
        const QList<ingest::ExchangeLogFolder> folders =
            ingest::exchangeLogFolders(QStringLiteral("C:\\Program Files\\Microsoft\\Exchange Server\\V15\\"));
        QCOMPARE(folders.size(), 9);
        QCOMPARE(folders.first().path,
                 QStringLiteral("C:/Program Files/Microsoft/Exchange Server/V15/TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive"));
        QCOMPARE(folders.last().path, QStringLiteral("C:/Program Files/Microsoft/Exchange Server/V15/TransportRoles/Logs/MessageTracking"));
        QVERIFY(folders.first().label.contains(QLatin1String("Front End")));
        // With or without the final separator, with either separator: the same folders.
        const QList<ingest::ExchangeLogFolder> noSlash =
            ingest::exchangeLogFolders(QStringLiteral("C:/Program Files/Microsoft/Exchange Server/V15"));
        QCOMPARE(noSlash.size(), folders.size());
        for (qsizetype i = 0; i < folders.size(); ++i)
            QCOMPARE(noSlash[i].path, folders[i].path);
        QVERIFY(ingest::exchangeLogFolders(QString()).isEmpty());
        QVERIFY(ingest::exchangeLogFolders(QStringLiteral("  ")).isEmpty());
    }

    void uncPathKeepsItsHost()
    {
        const QList<ingest::ExchangeLogFolder> folders =
            ingest::exchangeLogFolders(QStringLiteral("\\\\EX01\\c$\\Program Files\\Microsoft\\Exchange Server\\V15\\"));
        QCOMPARE(folders.size(), 9);
        QCOMPARE(folders[2].path,
                 QStringLiteral("//EX01/c$/Program Files/Microsoft/Exchange Server/V15/TransportRoles/Logs/Hub/ProtocolLog/SmtpReceive"));
        QCOMPARE(QDir::toNativeSeparators(folders[2].path).left(2), QDir::toNativeSeparators(QStringLiteral("//")));
    }

    void serverNameFromAUncPathIsTheHost()
    {
        const QString unc = QStringLiteral(
            "\\\\EX01\\c$\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\"
            "SmtpReceive\\RECV2026120712-1.LOG");
        QCOMPARE(ingest::serverFromFolders(unc), QStringLiteral("EX01"));
        // A local path below the default folders names no server: not "C:".
        QCOMPARE(ingest::serverFromFolders(QStringLiteral(
                     "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\Hub\\ProtocolLog\\SmtpSend\\SEND1.LOG")),
                 QString());
        QCOMPARE(ingest::serverFromFolders(QStringLiteral("D:\\Cases\\EX03\\SmtpReceive\\RECV1.LOG")), QStringLiteral("EX03"));
    }

    void onlyExistingFoldersOfThisServerAreOffered()
    {
        QVERIFY(ingest::exchangeLogFoldersOnThisServer().isEmpty());   // variable unset: not an Exchange server
        QTemporaryDir install;
        QVERIFY(install.isValid());
        QVERIFY(QDir(install.path()).mkpath(QStringLiteral("TransportRoles/Logs/MessageTracking")));
        QVERIFY(QDir(install.path()).mkpath(QStringLiteral("TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive")));
        qputenv("ExchangeInstallPath", (install.path() + QLatin1Char('/')).toLocal8Bit());   // setup ends it with "\"
        const QList<ingest::ExchangeLogFolder> offered = ingest::exchangeLogFoldersOnThisServer();
        QCOMPARE(offered.size(), 2);
        QCOMPARE(offered[0].path, install.path() + QLatin1String("/TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive"));
        QCOMPARE(offered[1].path, install.path() + QLatin1String("/TransportRoles/Logs/MessageTracking"));
        qputenv("ExchangeInstallPath", QByteArray());
        QVERIFY(ingest::exchangeLogFoldersOnThisServer().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExchangeFolders)
#include "tst_exchangefolders.moc"
