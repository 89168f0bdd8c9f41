// The evidence collection script (issue #31): read-only by construction (every command token is
// on an allow-list of reading and staging commands), values validated and quoted, EXO paging.
#include "model/core/collection/collectionscript.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace mwb;
using namespace mwb::collection;

namespace {

CollectionRequest request(const QStringList &servers = {})
{
    CollectionRequest r;
    r.from = QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc());
    r.to = QDateTime(QDate(2026, 12, 2), QTime(8, 0), QTimeZone::utc());
    r.servers = servers;
    r.toolVersion = QStringLiteral("1.2.0");
    r.generatedAt = QDateTime(QDate(2026, 12, 7), QTime(12, 0), QTimeZone::utc());
    return r;
}

// The command-like tokens (Verb-Noun) of a script, outside comments and single-quoted strings.
QStringList commandTokens(const QString &script)
{
    QString code;
    for (QString line : script.split(u'\n')) {
        line.remove(QRegularExpression(QStringLiteral("'(?:[^']|'')*'")));
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        code += line + u'\n';
    }
    QStringList out;
    static const QRegularExpression token(QStringLiteral("(?<![\\w$.-])([A-Za-z]+-[A-Za-z][A-Za-z0-9]*)\\b"));
    auto it = token.globalMatch(code);
    while (it.hasNext())
        out.append(it.next().captured(1));
    return out;
}

// What the collection may run: reading cmdlets, its own helper functions, pipeline plumbing,
// output, and file-system commands for its staging folder and zip. Everything else fails the test.
bool allowed(const QString &command)
{
    static const QSet<QString> exact = {
        QStringLiteral("new-item"), QStringLiteral("copy-item"), QStringLiteral("compress-archive"), QStringLiteral("out-file"),
        QStringLiteral("export-csv"), QStringLiteral("join-path"), QStringLiteral("test-path"), QStringLiteral("get-location"),
        QStringLiteral("get-date"), QStringLiteral("get-childitem"), QStringLiteral("write-progress"), QStringLiteral("write-warning"),
        QStringLiteral("write-output"), QStringLiteral("where-object"), QStringLiteral("foreach-object"), QStringLiteral("new-object"),
        QStringLiteral("convertto-json"), QStringLiteral("connect-exchangeonline"), QStringLiteral("disconnect-exchangeonline"),
        // the script's own functions (they only convert values and write JSON into the staging folder)
        QStringLiteral("convertto-evidencevalue"), QStringLiteral("select-evidenceproperty"), QStringLiteral("write-evidencejson"),
    };
    const QString c = command.toLower();
    if (exact.contains(c))
        return true;
    // Exchange reading cmdlets only (Get-*), never Set-/New-/Remove-/Enable-/Disable-/Start-/Stop-/Restart-.
    return c.startsWith(QLatin1String("get-"));
}

} // namespace

class TstCollectionScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void serverScriptRunsOnlyAllowedCommands()
    {
        const auto scripts = writeCollectionScripts(request({QStringLiteral("EX01"), QStringLiteral("ex02.contoso.com")}), true);
        QVERIFY2(scripts.ok(), qPrintable(scripts.errorMessage()));
        for (const QString &script : {scripts->server, scripts->exchangeOnline}) {
            const QStringList tokens = commandTokens(script);
            QVERIFY(tokens.size() > 20);
            for (const QString &t : tokens)
                QVERIFY2(allowed(t), qPrintable(QStringLiteral("command not on the read-only allow-list: ") + t));
        }
    }

    void allowListCatchesAChangingCommand()
    {
        // The check itself must be able to fail.
        QVERIFY(!allowed(QStringLiteral("Set-ReceiveConnector")));
        QVERIFY(!allowed(QStringLiteral("Restart-Service")));
        QVERIFY(!allowed(QStringLiteral("Remove-Item")));
        QVERIFY(commandTokens(QStringLiteral("$x = 1; Set-ReceiveConnector -Identity 'a'\n")).contains(QStringLiteral("Set-ReceiveConnector")));
        QVERIFY(!commandTokens(QStringLiteral("# Set-ReceiveConnector in a comment\n$a = 'Remove-Item'\n")).contains(QStringLiteral("Remove-Item")));
    }

    void serverScriptCollectsWhatTheIssueAsks()
    {
        const auto scripts = writeCollectionScripts(request(), false);
        QVERIFY(scripts.ok());
        const QString s = scripts->server;
        QVERIFY(scripts->exchangeOnline.isEmpty());
        for (const char *needle : {"Get-ReceiveConnector -Server", "Get-SendConnector", "Get-TransportService", "Get-FrontendTransportService",
                                   "Get-ExchangeCertificate -Server", "Get-AcceptedDomain", "Get-RemoteDomain", "Get-EdgeSubscription",
                                   "Get-ExchangeServer", "ReceiveProtocolLogPath", "SendProtocolLogPath", "MessageTrackingLogPath",
                                   "ConnectivityLogPath", "Write-Progress", "Compress-Archive", "manifest.json", "ConvertTo-Json",
                                   "LastWriteTimeUtc -ge $WindowStart", "CreationTimeUtc -le $WindowEnd", "Edge", "READ-ONLY"})
            QVERIFY2(s.contains(QLatin1String(needle)), needle);
        QVERIFY(s.startsWith(QLatin1String("# Collect-MailflowEvidence.ps1")));
        QVERIFY(s.contains(QLatin1String("$ErrorActionPreference = 'Stop'")));
        QVERIFY(s.contains(QLatin1String("$WindowStart = ([datetimeoffset]'2026-12-01T08:00:00.000Z').UtcDateTime")));
        QVERIFY(s.contains(QLatin1String("$RequestedServers = @()")));
        // No private key is read: the certificate properties are an explicit list without it.
        QVERIFY(!s.contains(QLatin1String("PrivateKey")));
        QVERIFY(!s.contains(QLatin1String("Export-ExchangeCertificate")));
        // A server that fails is reported and the loop goes on.
        QVERIFY(s.contains(QLatin1String("$entry['status'] = 'failed'")));
    }

    void serversAreValidatedAndQuoted()
    {
        const auto ok = writeCollectionScripts(request({QStringLiteral("EX01"), QStringLiteral("ex01"), QStringLiteral("EX02")}), false);
        QVERIFY(ok.ok());
        QVERIFY(ok->server.contains(QLatin1String("$RequestedServers = @('EX01', 'EX02')")));
        for (const QString &hostile : {QStringLiteral("EX01'; Remove-Item C:\\ -Recurse; '"), QStringLiteral("EX$(Stop-Service x)"),
                                       QStringLiteral("EX01\nRestart-Computer"), QStringLiteral("*")}) {
            const auto bad = writeCollectionScripts(request({hostile}), false);
            QVERIFY2(!bad.ok(), qPrintable(hostile));
            QVERIFY(bad.errorMessage().startsWith(QLatin1String("--servers:")));
            QVERIFY(!bad.errorMessage().contains(u'\n'));
        }
    }

    void windowIsChecked()
    {
        CollectionRequest r = request();
        std::swap(r.from, r.to);
        QVERIFY(!writeCollectionScripts(r, false).ok());
        QVERIFY(parseWindowTime(QStringLiteral("2026-12-01")).ok());
        QCOMPARE(parseWindowTime(QStringLiteral("2026-12-01")).value(), QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(parseWindowTime(QStringLiteral("2026-12-01T10:00:00+02:00")).value(), QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc()));
        QCOMPARE(parseWindowTime(QStringLiteral("2026-12-01T10:00:00")).value(), QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::utc()));
        const auto bad = parseWindowTime(QStringLiteral("yesterday'; Remove-Item"));
        QVERIFY(!bad.ok());
    }

    void exchangeOnlineScriptPagesTheMessageTrace()
    {
        const auto scripts = writeCollectionScripts(request(), true);
        QVERIFY(scripts.ok());
        const QString s = scripts->exchangeOnline;
        for (const char *needle : {"Connect-ExchangeOnline", "Get-InboundConnector", "Get-OutboundConnector", "Get-MessageTraceV2 @query",
                                   "ResultSize = 5000", "StartingRecipientAddress", "$PageEnd = $last.Received", "AddDays(10)",
                                   "AddDays(-90)", "Disconnect-ExchangeOnline", "MessageTraceV2.csv", "manifest.json", "Write-Progress"})
            QVERIFY2(s.contains(QLatin1String(needle)), needle);
    }

    void configurationFileNamesMatchTheScript()
    {
        const auto scripts = writeCollectionScripts(request(), true);
        QVERIFY(scripts.ok());
        for (const QString &name : configurationFileNames())
            QVERIFY2(scripts->server.contains(u'\'' + name + u'\'') || scripts->exchangeOnline.contains(u'\'' + name + u'\''), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TstCollectionScript)
#include "tst_collectionscript.moc"
