// The HTML report: self-contained, complete (summary, findings with evidence, journeys, charts,
// scripts), hostile log text escaped, optional redaction.
#include "model/core/cases/report.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {

const QString kHostile = QStringLiteral("<script>alert('x')</script>");

qint64 t(const char *iso) { return parseTimestampMs(QByteArrayView(iso)); }

// A hand-built analysis: two files, three sessions, two messages, two findings.
Analysis sampleAnalysis(const QString &hostileSubject = QStringLiteral("Quarterly numbers"))
{
    auto store = std::make_shared<Store>();
    SourceFile recv;
    recv.path = QStringLiteral("/logs/EX01/RECV2024012515-1.LOG");
    recv.format = LogFormat::SmtpReceive;
    recv.server = QStringLiteral("EX01");
    recv.lines = 120;
    recv.firstMs = t("2024-01-25T15:00:00.000Z");
    recv.lastMs = t("2024-01-25T17:30:00.000Z");
    SourceFile trk;
    trk.path = QStringLiteral("/logs/EX01/MSGTRK2024012515-1.LOG");
    trk.format = LogFormat::MessageTracking;
    trk.server = QStringLiteral("EX01");
    trk.lines = 30;
    trk.firstMs = t("2024-01-25T14:59:00.000Z");
    trk.lastMs = t("2024-01-25T17:00:00.000Z");
    trk.errors.append({17, QStringLiteral("bad line")});
    store->files = {recv, trk};
    for (int i = 0; i < 3; ++i) {
        Session s;
        s.index = i;
        s.id = QStringLiteral("08DC1DB12C345BE%1").arg(i);
        s.server = QStringLiteral("EX01");
        s.remote = QStringLiteral("198.51.100.%1:5123%1").arg(i + 7);
        s.outcome = i == 0 ? SessionOutcome::Delivered : SessionOutcome::Dropped;
        s.startMs = t("2024-01-25T15:10:00.000Z");
        s.endMs = t("2024-01-25T15:11:00.000Z");
        store->sessions.append(s);
    }
    Message ok;
    ok.index = 0;
    ok.messageId = QStringLiteral("<ok1@ex01.contoso.com>");
    ok.status = MessageStatus::Delivered;
    Message failed;
    failed.index = 1;
    failed.messageId = QStringLiteral("<fail1@ex01.contoso.com>");
    failed.sender = QStringLiteral("cfo@contoso.com");
    failed.recipients = {QStringLiteral("auditor@fabrikam.com")};
    failed.subject = hostileSubject;
    failed.status = MessageStatus::Failed;
    failed.delayMs = 3 * 3600 * 1000;
    MessageHop hop;
    hop.server = QStringLiteral("EX01");
    hop.event = QStringLiteral("RECEIVE");
    hop.source = QStringLiteral("SMTP");
    hop.timeMs = t("2024-01-25T15:10:01.000Z");
    MessageHop fail = hop;
    fail.event = QStringLiteral("FAIL");
    fail.recipientStatus = QStringLiteral("550 5.1.10 RESOLVER.ADR.RecipientNotFound");
    fail.timeMs = t("2024-01-25T18:10:01.000Z");
    failed.hops = {hop, fail};
    store->messages = {ok, failed};

    Analysis a;
    a.store = store;
    Finding stall;
    stall.rule = QStringLiteral("smtp-data-not-terminated");
    stall.severity = Severity::Error;
    stall.title = QStringLiteral("DATA never terminated");
    stall.explanation = QStringLiteral("The client sent the body but never <CRLF>.<CRLF>.");
    stall.count = 2;
    stall.sessions = {QStringLiteral("08DC1DB12C345BE1"), QStringLiteral("08DC1DB12C345BE2")};
    stall.servers = {QStringLiteral("EX01")};
    stall.codes = {QStringLiteral("451 4.7.0")};
    stall.firstMs = t("2024-01-25T15:10:00.000Z");
    stall.lastMs = t("2024-01-25T15:11:00.000Z");
    stall.evidence = {{0, 812, 0, 0}, {0, 813, 0, 0}};
    stall.scenario = QStringLiteral("smtp-354-stall");
    Finding unknown;
    unknown.rule = QStringLiteral("recipient-unknown");
    unknown.severity = Severity::Warning;
    unknown.title = QStringLiteral("Recipient not found");
    unknown.count = 1;
    unknown.messageIds = {failed.messageId};
    unknown.evidence = {{1, 17, 0, 0}};
    a.findings = {stall, unknown};
    return a;
}

QString evidenceLine(const RecordRef &ref)
{
    if (ref.fileIndex == 0 && ref.line == 812)
        return QStringLiteral("2024-01-25T15:10:00.100Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,12,10.0.0.5:25,198.51.100.8:51238,>,"
                              "354 Start mail input; end with <CRLF>.<CRLF>,");
    if (ref.fileIndex == 0)
        return QStringLiteral("2024-01-25T15:11:00.100Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,13,10.0.0.5:25,198.51.100.8:51238,-,,Remote(ConnectionReset)");
    return QStringLiteral("2024-01-25T18:10:01.000Z,,EX01,,,,,STOREDRIVER,FAIL,,<fail1@ex01.contoso.com>,,auditor@fabrikam.com,"
                          "550 5.1.10 RESOLVER.ADR.RecipientNotFound,1,,,,Quarterly numbers,cfo@contoso.com");
}

ReportOptions baseOptions()
{
    ReportOptions o;
    o.generatedAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    o.recordText = evidenceLine;
    return o;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void reportIsOneSelfContainedFileWithoutScripts();
    void summaryCountsFilesSessionsMessagesAndTimeSpan();
    void findingsShowEvidenceExcerptsWithFileAndLine();
    void journeysListFailedMessagesWithTheirHops();
    void hostileLogTextIsEscapedEverywhere();
    void pngChartsAreEmbeddedAsDataUrlsAndSvgChartsInline();
    void scriptsNotesAndFindingStatesAppear();
    void redactedReportHidesNamesButKeepsCodesAndTimes();
    void redactionSharesPseudonymsWithAGivenRedactor();
    void emptyAnalysisStillGivesAValidReport();
    void writeHtmlReportWritesUtf8AndFailsClearlyOnABadPath();
    void reportOfARealLoadQuotesTheLoggedLines();
};

void TestReport::reportIsOneSelfContainedFileWithoutScripts()
{
    const QString html = buildHtmlReport(sampleAnalysis(), baseOptions());
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
    QVERIFY(html.contains(QStringLiteral("Content-Security-Policy\" content=\"default-src 'none'")));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
    static const QRegularExpression externalRef(QStringLiteral("(src|href)=\"(?!data:|#)"));
    QVERIFY2(!externalRef.match(html).hasMatch(), qPrintable(externalRef.match(html).captured(0)));
}

void TestReport::summaryCountsFilesSessionsMessagesAndTimeSpan()
{
    const QString html = buildHtmlReport(sampleAnalysis(), baseOptions());
    QVERIFY(html.contains(QStringLiteral("<tr><td>Files</td><td>2</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>Lines</td><td>150</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>Sessions</td><td>3</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>Messages</td><td>2</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>First record</td><td>2024-01-25T14:59:00.000Z</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>Last record</td><td>2024-01-25T17:30:00.000Z</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>Time span</td><td>2 h 31 min</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("<td>/logs/EX01/MSGTRK2024012515-1.LOG</td><td>message-tracking</td><td>EX01</td><td>30</td><td>1</td>")));
}

void TestReport::findingsShowEvidenceExcerptsWithFileAndLine()
{
    const QString html = buildHtmlReport(sampleAnalysis(), baseOptions());
    QVERIFY(html.contains(QStringLiteral("DATA never terminated")));
    QVERIFY(html.contains(QStringLiteral("class=\"finding sev-error\"")));
    QVERIFY(html.contains(QStringLiteral("/logs/EX01/RECV2024012515-1.LOG:812")));
    QVERIFY(html.contains(QStringLiteral("354 Start mail input; end with &lt;CRLF&gt;.&lt;CRLF&gt;,")));
    QVERIFY(html.contains(QStringLiteral("Remote(ConnectionReset)")));
    QVERIFY(html.contains(QStringLiteral("451 4.7.0")));
    QVERIFY(html.contains(QStringLiteral("smtp-354-stall")));

    ReportOptions capped = baseOptions();
    capped.maxEvidencePerFinding = 1;
    const QString short_ = buildHtmlReport(sampleAnalysis(), capped);
    QVERIFY(!short_.contains(QStringLiteral("RECV2024012515-1.LOG:813")));
    QVERIFY(short_.contains(QStringLiteral("(and 1 more lines)")) || short_.contains(QStringLiteral("(and 1 more line")));
}

void TestReport::journeysListFailedMessagesWithTheirHops()
{
    const QString html = buildHtmlReport(sampleAnalysis(), baseOptions());
    QVERIFY(html.contains(QStringLiteral("<h3>&lt;fail1@ex01.contoso.com&gt;</h3>")));
    QVERIFY(!html.contains(QStringLiteral("<h3>&lt;ok1@ex01.contoso.com&gt;</h3>")));  // delivered and unnamed: not a journey
    QVERIFY(html.contains(QStringLiteral("<td>2024-01-25T18:10:01.000Z</td><td>EX01</td><td>FAIL</td><td>SMTP</td>")));
    QVERIFY(html.contains(QStringLiteral("550 5.1.10 RESOLVER.ADR.RecipientNotFound")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>Delay</td><td>3 h 00 min</td></tr>")));
}

void TestReport::hostileLogTextIsEscapedEverywhere()
{
    Analysis a = sampleAnalysis(kHostile);
    a.store->files[0].path = QStringLiteral("/logs/\"><script>alert(1)</script>.log");
    a.store->files[0].server = QStringLiteral("<img src=x onerror=alert(1)>");
    a.store->messages[1].hops[0].server = kHostile;
    a.store->messages[1].sender = QStringLiteral("\"<svg onload=alert(1)>\"@contoso.com");
    a.findings[0].title = QStringLiteral("<b onmouseover=alert(1)>bold</b>");
    a.findings[0].explanation = kHostile;
    a.findings[0].servers = {kHostile};
    a.findings[0].sessions = {kHostile};
    ReportOptions o = baseOptions();
    o.title = kHostile;
    o.recordText = [](const RecordRef &) { return QStringLiteral("</pre><script>alert(2)</script><pre>"); };
    o.scripts = {{kHostile, QStringLiteral("x"), QStringLiteral("Write-Host '</pre><script>'")}};
    o.charts = {{kHostile, QByteArray("\x89PNG"), kHostile}};
    o.notes = {{NoteTarget::Session, kHostile, kHostile, 0}};
    const QString html = buildHtmlReport(a, o);
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<img src=x")));
    QVERIFY(!html.contains(QStringLiteral("<svg onload")));
    QVERIFY(!html.contains(QStringLiteral("<b onmouseover")));
    QVERIFY(!html.contains(QStringLiteral("\"><script")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(")));
    QVERIFY(html.contains(QStringLiteral("&lt;/pre&gt;&lt;script&gt;alert(2)")));
    // The only <pre> and </pre> tags are ours: they stay balanced.
    QCOMPARE(html.count(QStringLiteral("<pre")), html.count(QStringLiteral("</pre>")));
}

void TestReport::pngChartsAreEmbeddedAsDataUrlsAndSvgChartsInline()
{
    ReportOptions o = baseOptions();
    const QByteArray png("\x89PNG\r\n\x1a\n fake chart bytes", 25);
    o.charts = {{QStringLiteral("Sessions per hour"), png, QStringLiteral("Bar chart of sessions per hour")}};
    const QString html = buildHtmlReport(sampleAnalysis(), o);
    QVERIFY(html.contains(QStringLiteral("<img src=\"data:image/png;base64,%1\" alt=\"Bar chart of sessions per hour\">")
                              .arg(QString::fromLatin1(png.toBase64()))));
    QVERIFY(html.contains(QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")));
    QVERIFY(html.contains(QStringLiteral("aria-label=\"Sessions by outcome\"")));
    QVERIFY(html.contains(QStringLiteral(">dropped</text>")));

    o.svgCharts = false;
    o.charts.clear();
    QVERIFY(!buildHtmlReport(sampleAnalysis(), o).contains(QStringLiteral("<svg")));

    const QString svg = svgBarChart(QStringLiteral("A<B"), {{QStringLiteral("x&y"), 3}, {QStringLiteral("z"), 0}});
    QVERIFY(svg.contains(QStringLiteral(">x&amp;y</text>")));
    QVERIFY(svg.contains(QStringLiteral("<title>A&lt;B</title>")));
    QVERIFY(svg.contains(QStringLiteral("width=\"360\"")));   // the largest bar gets the full width
}

void TestReport::scriptsNotesAndFindingStatesAppear()
{
    ReportOptions o = baseOptions();
    o.scripts = {{QStringLiteral("Fix the SMTP certificate"), QStringLiteral("certificate-smtp"),
                  QStringLiteral("Enable-ExchangeCertificate -Thumbprint '0123456789ABCDEF0123456789ABCDEF01234567' -Services SMTP -WhatIf")}};
    o.findingStates = {{QStringLiteral("smtp-data-not-terminated"), QStringLiteral("EX01"), FindingState::Confirmed}};
    o.notes = {{NoteTarget::Finding, QStringLiteral("smtp-data-not-terminated|EX01"), QStringLiteral("Firewall SMTP inspection on"), 0},
               {NoteTarget::Session, QStringLiteral("08DC1DB12C345BE1"), QStringLiteral("Cut after 60 s"), 0}};
    const QString html = buildHtmlReport(sampleAnalysis(), o);
    QVERIFY(html.contains(QStringLiteral("<h3>Fix the SMTP certificate</h3>")));
    QVERIFY(html.contains(QStringLiteral("-Thumbprint '0123456789ABCDEF0123456789ABCDEF01234567' -Services SMTP -WhatIf")));
    QVERIFY(html.contains(QStringLiteral("<span class=\"badge\">confirmed</span>")));
    QVERIFY(html.contains(QStringLiteral("<span class=\"badge\">new</span>")));  // the other finding
    QVERIFY(html.contains(QStringLiteral("Firewall SMTP inspection on")));
    QVERIFY(html.contains(QStringLiteral("<tr><td>08DC1DB12C345BE1</td><td>Cut after 60 s</td></tr>")));
}

void TestReport::redactedReportHidesNamesButKeepsCodesAndTimes()
{
    ReportOptions o = baseOptions();
    o.redact = true;
    o.scripts = {{QStringLiteral("Check"), QStringLiteral("dns-resolution"), QStringLiteral("Get-TransportService -Identity 'EX01.contoso.com'")}};
    const QString html = buildHtmlReport(sampleAnalysis(), o);
    for (const char *secret : {"contoso", "fabrikam", "cfo@", "auditor", "198.51.100.8", "Quarterly numbers", ">EX01<", "EX01\\"})
        QVERIFY2(!html.contains(QLatin1String(secret)), secret);
    QVERIFY(html.contains(QStringLiteral("451 4.7.0")));
    QVERIFY(html.contains(QStringLiteral("550 5.1.10 RESOLVER.ADR.RecipientNotFound")));
    QVERIFY(html.contains(QStringLiteral("2024-01-25T15:10:00.100Z,")));
    QVERIFY(html.contains(QStringLiteral("08DC1DB12C345BE1")));
    QVERIFY(html.contains(QStringLiteral("Redacted for sharing")));
    QVERIFY(html.contains(QStringLiteral("Subject 1")));
    QVERIFY(html.contains(QStringLiteral("domain-1.example.invalid")));
}

void TestReport::redactionSharesPseudonymsWithAGivenRedactor()
{
    Redactor shared;
    const QString pseudonym = shared.redactEmail(QStringLiteral("cfo@contoso.com"));
    ReportOptions o = baseOptions();
    o.redact = true;
    o.redactor = &shared;
    const QString html = buildHtmlReport(sampleAnalysis(), o);
    QVERIFY(html.contains(pseudonym.toHtmlEscaped()));
    bool sawAuditor = false;
    for (const Replacement &r : shared.replacements())
        sawAuditor = sawAuditor || r.original == QStringLiteral("auditor@fabrikam.com");
    QVERIFY(sawAuditor);  // the caller can show what was replaced
}

void TestReport::emptyAnalysisStillGivesAValidReport()
{
    Analysis empty;
    const QString html = buildHtmlReport(empty, baseOptions());
    QVERIFY(html.contains(QStringLiteral("<tr><td>Files</td><td>0</td></tr>")));
    QVERIFY(html.contains(QStringLiteral("No faults were found")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
}

void TestReport::writeHtmlReportWritesUtf8AndFailsClearlyOnABadPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.html"));
    Analysis a = sampleAnalysis(QStringLiteral("Über Größe — ünïcode"));
    auto r = writeHtmlReport(a, path, baseOptions());
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString back = QString::fromUtf8(f.readAll());
    QVERIFY(back.contains(QStringLiteral("Über Größe — ünïcode")));
    QVERIFY(back.contains(QStringLiteral("<meta charset=\"utf-8\">")));

    auto bad = writeHtmlReport(a, dir.filePath(QStringLiteral("no/such/dir/report.html")), baseOptions());
    QVERIFY(!bad.ok());
    QVERIFY(bad.errorMessage().contains(QStringLiteral("Cannot write the report")));
}

void TestReport::reportOfARealLoadQuotesTheLoggedLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("RECV2024012515-1.LOG"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
            "#Date: 2024-01-25T15:00:00.000Z\r\n"
            "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n"
            "2024-01-25T15:10:00.000Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,0,10.0.0.5:25,198.51.100.8:51238,+,,\r\n"
            "2024-01-25T15:10:00.010Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,1,10.0.0.5:25,198.51.100.8:51238,>,"
            "\"220 ex01.contoso.com Microsoft ESMTP MAIL Service ready at Thu, 25 Jan 2024 15:10:00 +0000\",\r\n"
            "2024-01-25T15:10:00.020Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,2,10.0.0.5:25,198.51.100.8:51238,<,EHLO <script>x</script>,\r\n"
            "2024-01-25T15:10:00.030Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,3,10.0.0.5:25,198.51.100.8:51238,<,MAIL FROM:<a@fabrikam.com>,\r\n"
            "2024-01-25T15:10:00.040Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,4,10.0.0.5:25,198.51.100.8:51238,>,250 2.1.0 Sender OK,\r\n"
            "2024-01-25T15:10:00.050Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,5,10.0.0.5:25,198.51.100.8:51238,<,RCPT TO:<b@contoso.com>,\r\n"
            "2024-01-25T15:10:00.060Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,6,10.0.0.5:25,198.51.100.8:51238,>,250 2.1.5 Recipient OK,\r\n"
            "2024-01-25T15:10:00.070Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,7,10.0.0.5:25,198.51.100.8:51238,<,DATA,\r\n"
            "2024-01-25T15:10:00.080Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,8,10.0.0.5:25,198.51.100.8:51238,>,354 Start mail input; end with <CRLF>.<CRLF>,\r\n"
            "2024-01-25T15:20:00.080Z,EX01\\Default Frontend EX01,08DC1DB12C345BE1,9,10.0.0.5:25,198.51.100.8:51238,-,,Remote(ConnectionReset)\r\n");
    f.close();
    const Analysis analysis = analyzePaths({path});
    QVERIFY(analysis.store);
    QCOMPARE(analysis.store->files.size(), 1);
    QVERIFY(analysis.store->sessions.size() >= 1);
    ReportOptions o;
    const QString html = buildHtmlReport(analysis, o);
    QVERIFY(html.contains(QStringLiteral("<tr><td>Sessions</td><td>%1</td></tr>").arg(analysis.store->sessions.size())));
    QVERIFY(!html.contains(QStringLiteral("<script>x")));
    // Every evidence line the engine cites is quoted from the file, escaped.
    int quoted = 0;
    for (const Finding &finding : analysis.findings) {
        for (const RecordRef &ref : finding.evidence.mid(0, o.maxEvidencePerFinding)) {
            const QString line = analysis.store->recordText(ref);
            QVERIFY2(!line.isEmpty(), qPrintable(finding.rule));
            QVERIFY2(html.contains(line.toHtmlEscaped()), qPrintable(line));
            ++quoted;
        }
    }
    if (analysis.findings.isEmpty())
        QSKIP("the diagnosis engine reported no finding for this session");
    QVERIFY(quoted > 0);
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
