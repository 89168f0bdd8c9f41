// Case files: round trip, migrations, crash safety (kill -9 of a writer), relocation, and
// clear errors for files that are not (or no longer) case files.
#include "model/core/cases/casefile.h"
#include "model/core/cases/redaction.h"
#include "model/core/sessions/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace mwb;

namespace {

constexpr auto kWriterArg = "--case-writer";

// Child mode: writes bookmarks (and a note per bookmark, in one transaction each) forever and
// prints the number of every write after it returned, until it is killed.
int runWriter(const char *path)
{
    auto c = CaseFile::create(QString::fromLocal8Bit(path));
    if (!c) {
        std::fprintf(stderr, "%s\n", qPrintable(c.errorMessage()));
        return 1;
    }
    const QString padding(400, QLatin1Char('x'));  // bigger rows: more pages per commit
    for (qint64 i = 1; i < 1000000; ++i) {
        Bookmark b;
        b.sessionId = QStringLiteral("08DC%1").arg(i, 12, 16, QLatin1Char('0')).toUpper();
        b.file = QStringLiteral("/logs/RECV%1.LOG").arg(i);
        b.line = i;
        b.label = padding;
        if (!(*c)->addBookmark(b) || !(*c)->setNote(NoteTarget::Session, b.sessionId, padding))
            return 1;
        std::printf("committed %lld\n", static_cast<long long>(i));
        std::fflush(stdout);
    }
    return 0;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace

class TestCaseFile : public QObject {
    Q_OBJECT
private slots:
    void createdCaseRoundTripsEveryKindOfContent();
    void createRefusesToOverwriteAnExistingFile();
    void twoCasesOpenAtOnceStayIndependent();
    void openMigratesAVersion1CaseToTheCurrentSchema();
    void saveAsContinuesOnTheCopyAndKeepsTheOriginal();
    void redactedCopyHidesNamesEverywhereInTheFile();
    void checkSourcesReportsMissingResizedAndChangedFiles();
    void relocateSourcePointsTheCaseAtTheMovedFile();
    void archiveMemberSourcesAreHashedThroughTheArchive();
    void sourcesOfALoadAreRecordedTogether();
    void consoleTranscriptNeverStoresAuthSecrets();
    void scrubKeepsCapabilityLinesAndRepliesIntact();
    void scrubHandlesTheConsoleTranscriptFormat();
    void killedWriterLosesNothingItHadCommitted();
    void openRejectsRandomBytesClearly();
    void openRejectsATruncatedCaseClearly();
    void openRejectsAForeignSqliteDatabase();
    void openRejectsAnEmptyOrMissingFile();
    void openRejectsACaseFromANewerVersion();
    void openRejectsAValidHeaderWithMissingTables();
    void openRejectsATableWithoutItsColumns();
};

void TestCaseFile::createdCaseRoundTripsEveryKindOfContent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("round.mwbcase"));
    qint64 bookmarkId = 0;
    {
        auto c = CaseFile::create(path);
        QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
        CaseFile &cf = *c.value();
        QCOMPARE(cf.schemaVersion(), CaseFile::kSchemaVersion);
        QVERIFY(cf.addSource({QStringLiteral("/logs/RECV2024011512-1.LOG"), 1234, QStringLiteral("ab12"), QStringLiteral("smtp-receive")}));
        QVERIFY(cf.addSource({QStringLiteral("/logs/MSGTRK2024011512-1.LOG"), 99, QStringLiteral("cd34"), QStringLiteral("message-tracking")}));
        Bookmark b{0, QStringLiteral("08DC1A2B3C4D5E6F"), QStringLiteral("/logs/RECV2024011512-1.LOG"), 812, QStringLiteral("Stalls after 354 — ünïcode"), 1700000000000};
        auto id = cf.addBookmark(b);
        QVERIFY(id.ok());
        bookmarkId = id.value();
        QVERIFY(cf.addBookmark({0, {}, QStringLiteral("/logs/x.log"), 3, QStringLiteral("second"), 1700000000001}));
        QVERIFY(cf.setNote(NoteTarget::Session, QStringLiteral("08DC1A2B3C4D5E6F"), QStringLiteral("Firewall cuts here")));
        QVERIFY(cf.setNote(NoteTarget::Message, QStringLiteral("<a@contoso.com>"), QStringLiteral("CEO's mail")));
        QVERIFY(cf.setNote(NoteTarget::Finding, QStringLiteral("dns-prx2|EX01"), QStringLiteral("NIC DNS wrong")));
        QVERIFY(cf.setFindingState(QStringLiteral("dns-prx2"), QStringLiteral("EX01"), FindingState::Confirmed));
        QVERIFY(cf.setFindingState(QStringLiteral("session-unused"), QStringLiteral(""), FindingState::Dismissed));
        QJsonObject answers{{QStringLiteral("Server"), QStringLiteral("EX01")}, {QStringLiteral("steps"), QJsonArray{QStringLiteral("yes"), QStringLiteral("no")}}};
        QVERIFY(cf.addWizardRun({0, QStringLiteral("dns-resolution"), answers, QStringLiteral("Get-TransportService -Identity 'EX01'"), 1700000000002}));
        QVERIFY(cf.addConsoleTranscript(QStringLiteral("mail.contoso.com:25"), QStringLiteral("S: 220 ready\nC: EHLO x\nS: 250 ok")));
        QVERIFY(cf.setViewState(QByteArray("\x00\x01\xffstate", 8)));
        QVERIFY(cf.setMeta(QStringLiteral("title"), QStringLiteral("Drafts stuck at Contoso")));
    }
    auto c = CaseFile::open(path);
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    const CaseFile &cf = *c.value();

    const auto sources = cf.sources();
    QVERIFY(sources.ok());
    QCOMPARE(sources->size(), 2);
    QCOMPARE(sources->at(0).path, QStringLiteral("/logs/RECV2024011512-1.LOG"));
    QCOMPARE(sources->at(0).size, 1234);
    QCOMPARE(sources->at(0).sha256, QStringLiteral("ab12"));
    QCOMPARE(sources->at(1).format, QStringLiteral("message-tracking"));

    const auto bookmarks = cf.bookmarks();
    QVERIFY(bookmarks.ok());
    QCOMPARE(bookmarks->size(), 2);
    QCOMPARE(bookmarks->at(0), (Bookmark{bookmarkId, QStringLiteral("08DC1A2B3C4D5E6F"), QStringLiteral("/logs/RECV2024011512-1.LOG"), 812, QStringLiteral("Stalls after 354 — ünïcode"), 1700000000000}));
    QCOMPARE(bookmarks->at(1).sessionId, QString());

    QCOMPARE(cf.note(NoteTarget::Session, QStringLiteral("08DC1A2B3C4D5E6F")).value(), QStringLiteral("Firewall cuts here"));
    QCOMPARE(cf.note(NoteTarget::Message, QStringLiteral("<a@contoso.com>")).value(), QStringLiteral("CEO's mail"));
    QCOMPARE(cf.notes()->size(), 3);
    QCOMPARE(cf.findingState(QStringLiteral("dns-prx2"), QStringLiteral("EX01")).value(), FindingState::Confirmed);
    QCOMPARE(cf.findingState(QStringLiteral("session-unused"), QString()).value(), FindingState::Dismissed);
    QCOMPARE(cf.findingState(QStringLiteral("relay-denied"), QStringLiteral("EX02")).value(), FindingState::New);
    QCOMPARE(cf.findingStates()->size(), 2);

    const auto runs = cf.wizardRuns();
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->at(0).scenario, QStringLiteral("dns-resolution"));
    QCOMPARE(runs->at(0).answers.value(QStringLiteral("Server")).toString(), QStringLiteral("EX01"));
    QCOMPARE(runs->at(0).answers.value(QStringLiteral("steps")).toArray().size(), 2);
    QCOMPARE(runs->at(0).script, QStringLiteral("Get-TransportService -Identity 'EX01'"));

    const auto transcripts = cf.consoleTranscripts();
    QCOMPARE(transcripts->size(), 1);
    QCOMPARE(transcripts->at(0).host, QStringLiteral("mail.contoso.com:25"));
    QCOMPARE(transcripts->at(0).text, QStringLiteral("S: 220 ready\nC: EHLO x\nS: 250 ok"));
    QCOMPARE(cf.viewState().value(), QByteArray("\x00\x01\xffstate", 8));
    QCOMPARE(cf.meta(QStringLiteral("title")).value(), QStringLiteral("Drafts stuck at Contoso"));
}

void TestCaseFile::createRefusesToOverwriteAnExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("exists.mwbcase"));
    writeFile(path, "keep me");
    auto c = CaseFile::create(path);
    QVERIFY(!c.ok());
    QVERIFY(c.errorMessage().contains(QStringLiteral("already exists")));
    QCOMPARE(readAll(path), QByteArray("keep me"));
}

void TestCaseFile::twoCasesOpenAtOnceStayIndependent()
{
    QTemporaryDir dir;
    auto a = CaseFile::create(dir.filePath(QStringLiteral("a.mwbcase")));
    auto b = CaseFile::create(dir.filePath(QStringLiteral("b.mwbcase")));
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value()->setNote(NoteTarget::Session, QStringLiteral("S1"), QStringLiteral("in a")));
    QVERIFY(b.value()->setNote(NoteTarget::Session, QStringLiteral("S1"), QStringLiteral("in b")));
    QCOMPARE(a.value()->note(NoteTarget::Session, QStringLiteral("S1")).value(), QStringLiteral("in a"));
    QCOMPARE(b.value()->note(NoteTarget::Session, QStringLiteral("S1")).value(), QStringLiteral("in b"));
    a = Result<std::unique_ptr<CaseFile>>::fail(QStringLiteral("closed"));  // closing one keeps the other usable
    QCOMPARE(b.value()->note(NoteTarget::Session, QStringLiteral("S1")).value(), QStringLiteral("in b"));
}

void TestCaseFile::openMigratesAVersion1CaseToTheCurrentSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.mwbcase"));
    QVERIFY(casefile_detail::createAtSchemaVersion(path, 1));
    auto c = CaseFile::open(path);
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c.value()->schemaVersion(), CaseFile::kSchemaVersion);
    // Tables added by version 2 are usable after the upgrade.
    QVERIFY(c.value()->addConsoleTranscript(QStringLiteral("h"), QStringLiteral("S: 220 ok")));
    QVERIFY(c.value()->setViewState("v"));
    QCOMPARE(c.value()->viewState().value(), QByteArray("v"));
}

void TestCaseFile::saveAsContinuesOnTheCopyAndKeepsTheOriginal()
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.mwbcase"));
    const QString second = dir.filePath(QStringLiteral("second.mwbcase"));
    auto c = CaseFile::create(first);
    QVERIFY(c.ok());
    QVERIFY(c.value()->setNote(NoteTarget::Session, QStringLiteral("S"), QStringLiteral("before")));
    QVERIFY2(c.value()->saveAs(second), qPrintable(c.value()->saveAs(second).errorMessage()));
    QCOMPARE(c.value()->path(), second);
    QVERIFY(c.value()->setNote(NoteTarget::Session, QStringLiteral("S"), QStringLiteral("after")));
    QVERIFY(!c.value()->saveAs(first).ok());  // never overwrites
    c = Result<std::unique_ptr<CaseFile>>::fail(QStringLiteral("closed"));

    QCOMPARE(CaseFile::open(first).value()->note(NoteTarget::Session, QStringLiteral("S")).value(), QStringLiteral("before"));
    QCOMPARE(CaseFile::open(second).value()->note(NoteTarget::Session, QStringLiteral("S")).value(), QStringLiteral("after"));
}

void TestCaseFile::redactedCopyHidesNamesEverywhereInTheFile()
{
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("orig.mwbcase"));
    const QString shared = dir.filePath(QStringLiteral("shared.mwbcase"));
    auto c = CaseFile::create(original);
    QVERIFY(c.ok());
    CaseFile &cf = *c.value();
    QVERIFY(cf.addSource({QStringLiteral("/srv/logs/ex01.contoso.com/RECV1.LOG"), 10, QStringLiteral("ab"), QStringLiteral("smtp-receive")}));
    QVERIFY(cf.addBookmark({0, QStringLiteral("08DC1A2B3C4D5E6F"), QStringLiteral("/srv/logs/ex01.contoso.com/RECV1.LOG"), 4,
                            QStringLiteral("jane.doe@contoso.com stalls"), 0}));
    QVERIFY(cf.setNote(NoteTarget::Message, QStringLiteral("<a1@ex01.contoso.com>"), QStringLiteral("from 198.51.100.7")));
    QVERIFY(cf.setNote(NoteTarget::Session, QStringLiteral("08DC1A2B3C4D5E6F"), QStringLiteral("see mx.fabrikam.com")));
    QVERIFY(cf.setFindingState(QStringLiteral("dns-prx2"), QStringLiteral("ex01.contoso.com"), FindingState::Confirmed));
    QVERIFY(cf.addWizardRun({0, QStringLiteral("certificate-smtp"), QJsonObject{{QStringLiteral("Fqdn"), QStringLiteral("mail.contoso.com")}},
                             QStringLiteral("Get-ExchangeCertificate -Server 'ex01.contoso.com'"), 0}));
    QVERIFY(cf.addConsoleTranscript(QStringLiteral("mail.contoso.com:25"), QStringLiteral("S< 220 mail.contoso.com ESMTP")));
    QVERIFY(cf.setViewState("selected=ex01.contoso.com"));
    QVERIFY(cf.setMeta(QStringLiteral("title"), QStringLiteral("Contoso outage, ask jane.doe@contoso.com")));

    Redactor redactor;
    auto r = cf.saveRedactedCopy(shared, redactor);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    const QByteArray raw = readAll(shared);
    QVERIFY(!raw.isEmpty());
    for (const char *name : {"contoso", "fabrikam", "jane.doe", "198.51.100.7"})
        QVERIFY2(!raw.contains(name), name);
    // The original is untouched and still open; the copy is a valid, readable case.
    QCOMPARE(cf.meta(QStringLiteral("title")).value(), QStringLiteral("Contoso outage, ask jane.doe@contoso.com"));
    auto copy = CaseFile::open(shared);
    QVERIFY2(copy.ok(), qPrintable(copy.errorMessage()));
    const CaseFile &cc = *copy.value();
    QCOMPARE(cc.bookmarks()->at(0).sessionId, QStringLiteral("08DC1A2B3C4D5E6F"));
    QCOMPARE(cc.bookmarks()->at(0).label, redactor.redactText(QStringLiteral("jane.doe@contoso.com stalls")));
    QCOMPARE(cc.note(NoteTarget::Session, QStringLiteral("08DC1A2B3C4D5E6F")).value(), redactor.redactText(QStringLiteral("see mx.fabrikam.com")));
    QCOMPARE(cc.note(NoteTarget::Message, redactor.redactText(QStringLiteral("<a1@ex01.contoso.com>"))).value(),
             redactor.redactText(QStringLiteral("from 198.51.100.7")));
    QCOMPARE(cc.findingState(QStringLiteral("dns-prx2"), redactor.redactHost(QStringLiteral("ex01.contoso.com"))).value(), FindingState::Confirmed);
    QCOMPARE(cc.wizardRuns()->at(0).answers.value(QStringLiteral("Fqdn")).toString(), redactor.redactHost(QStringLiteral("mail.contoso.com")));
    QCOMPARE(cc.consoleTranscripts()->at(0).host, redactor.redactHost(QStringLiteral("mail.contoso.com:25")));
    QCOMPARE(cc.viewState().value(), QByteArray());
    QCOMPARE(cc.sources()->at(0).sha256, QStringLiteral("ab"));
    QVERIFY(!cf.saveRedactedCopy(shared, redactor).ok());  // never overwrites
}

void TestCaseFile::checkSourcesReportsMissingResizedAndChangedFiles()
{
    QTemporaryDir dir;
    const QString same = dir.filePath(QStringLiteral("same.log"));
    const QString gone = dir.filePath(QStringLiteral("gone.log"));
    const QString grown = dir.filePath(QStringLiteral("grown.log"));
    const QString edited = dir.filePath(QStringLiteral("edited.log"));
    for (const QString &p : {same, gone, grown, edited})
        writeFile(p, "2024-01-15T12:00:00.000Z,EX01\\Default,08DC,0,,,+,,\n");
    auto c = CaseFile::create(dir.filePath(QStringLiteral("c.mwbcase")));
    QVERIFY(c.ok());
    for (const QString &p : {same, gone, grown, edited}) {
        auto s = describeSourceFile(p, QStringLiteral("smtp-receive"));
        QVERIFY(s.ok());
        QCOMPARE(s->sha256.size(), 64);
        QVERIFY(c.value()->addSource(s.value()));
    }
    QVERIFY(QFile::remove(gone));
    writeFile(grown, "2024-01-15T12:00:00.000Z,EX01\\Default,08DC,0,,,+,,\nmore\n");
    writeFile(edited, "2024-01-15T12:00:00.000Z,EX01\\Default,08DC,0,,,-,,\n");  // same size, other bytes

    auto checks = c.value()->checkSources();
    QVERIFY(checks.ok());
    QCOMPARE(checks->size(), 4);
    QHash<QString, SourceStatus> byPath;
    for (const SourceCheck &ch : checks.value())
        byPath.insert(ch.recorded.path, ch.status);
    QCOMPARE(byPath.value(same), SourceStatus::Unchanged);
    QCOMPARE(byPath.value(gone), SourceStatus::Missing);
    QCOMPARE(byPath.value(grown), SourceStatus::SizeChanged);
    QCOMPARE(byPath.value(edited), SourceStatus::ContentChanged);
}

void TestCaseFile::relocateSourcePointsTheCaseAtTheMovedFile()
{
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("RECV1.LOG"));
    writeFile(original, "content of the log\n");
    auto c = CaseFile::create(dir.filePath(QStringLiteral("c.mwbcase")));
    QVERIFY(c.ok());
    QVERIFY(c.value()->addSource(describeSourceFile(original, QStringLiteral("smtp-receive")).value()));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("moved")));
    const QString moved = dir.filePath(QStringLiteral("moved/RECV1.LOG"));
    QVERIFY(QFile::rename(original, moved));
    QCOMPARE(c.value()->checkSources()->at(0).status, SourceStatus::Missing);

    QVERIFY(!c.value()->relocateSource(original, dir.filePath(QStringLiteral("nowhere.log"))).ok());
    QVERIFY(!c.value()->relocateSource(QStringLiteral("/not/in/case"), moved).ok());
    auto r = c.value()->relocateSource(original, moved);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->status, SourceStatus::Unchanged);
    QCOMPARE(c.value()->sources()->at(0).path, moved);
    QCOMPARE(c.value()->sources()->at(0).format, QStringLiteral("smtp-receive"));
    QCOMPARE(c.value()->checkSources()->at(0).status, SourceStatus::Unchanged);

    // Relocating to a file with other content is allowed but reported.
    const QString other = dir.filePath(QStringLiteral("other.log"));
    writeFile(other, "CONTENT OF THE LOG\n");
    auto r2 = c.value()->relocateSource(moved, other);
    QVERIFY(r2.ok());
    QCOMPARE(r2->status, SourceStatus::ContentChanged);
}

void TestCaseFile::archiveMemberSourcesAreHashedThroughTheArchive()
{
    QTemporaryDir dir;
    const QString zip = dir.filePath(QStringLiteral("logs.zip"));
    writeFile(zip, "PK\x03\x04 pretend archive");
    auto s = describeSourceFile(zip + QStringLiteral("!/EX01/RECV1.LOG"), QStringLiteral("smtp-receive"));
    QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
    QCOMPARE(s->path, zip + QStringLiteral("!/EX01/RECV1.LOG"));
    QCOMPARE(s->size, QFileInfo(zip).size());
    QCOMPARE(s->sha256, describeSourceFile(zip).value().sha256);
}

void TestCaseFile::sourcesOfALoadAreRecordedTogether()
{
    QTemporaryDir dir;
    const QString recv = dir.filePath(QStringLiteral("RECV1.LOG"));
    const QString trk = dir.filePath(QStringLiteral("MSGTRK1.LOG"));
    writeFile(recv, "receive\n");
    writeFile(trk, "tracking\n");
    Store store;
    SourceFile a;
    a.path = recv;
    a.format = LogFormat::SmtpReceive;
    SourceFile b;
    b.path = trk;
    b.format = LogFormat::MessageTracking;
    SourceFile gone;
    gone.path = dir.filePath(QStringLiteral("vanished.log"));
    store.files = {a, b, gone, a};
    auto c = CaseFile::create(dir.filePath(QStringLiteral("c.mwbcase")));
    QVERIFY(c.ok());
    auto r = c.value()->addSourcesFromStore(store);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r.value(), QStringList{gone.path});
    const auto sources = c.value()->sources().value();
    QCOMPARE(sources.size(), 2);
    QCOMPARE(sources.at(0).format, QStringLiteral("smtp-receive"));
    QCOMPARE(sources.at(1).format, QStringLiteral("message-tracking"));
    QCOMPARE(sources.at(1).sha256, describeSourceFile(trk).value().sha256);
}

void TestCaseFile::consoleTranscriptNeverStoresAuthSecrets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.mwbcase"));
    const QString password = QStringLiteral("S3cr3t!pass");
    const QString userB64 = QString::fromLatin1(QByteArray("admin@contoso.com").toBase64());
    const QString passB64 = QString::fromLatin1(password.toUtf8().toBase64());
    const QString plainB64 = QString::fromLatin1(QByteArray("\0admin\0hunter2", 14).toBase64());
    const QString transcript = QStringLiteral(
        "S: 220 mail.contoso.com Microsoft ESMTP MAIL Service ready\n"
        "C: EHLO probe.contoso.com\n"
        "S: 250-AUTH LOGIN PLAIN\n"
        "S: 250 CHUNKING\n"
        "C: AUTH LOGIN\n"
        "S: 334 VXNlcm5hbWU6\n"
        "C: %1\n"
        "S: 334 UGFzc3dvcmQ6\n"
        "C: %2\n"
        "S: 535 5.7.3 Authentication unsuccessful\n"
        "C: AUTH PLAIN %3\n"
        "S: 235 2.7.0 Authentication successful\n"
        "C: MAIL FROM:<admin@contoso.com>\n"
        "S: 250 2.1.0 Sender OK\n"
        "C: NOTE typed the password %4 by mistake\n").arg(userB64, passB64, plainB64, password);
    {
        auto c = CaseFile::create(path);
        QVERIFY(c.ok());
        QVERIFY(c.value()->addConsoleTranscript(QStringLiteral("mail.contoso.com:587"), transcript, {password}));
    }
    const QByteArray raw = readAll(path);
    QVERIFY(!raw.isEmpty());
    QVERIFY(!raw.contains(password.toUtf8()));
    QVERIFY(!raw.contains(passB64.toUtf8()));
    QVERIFY(!raw.contains(plainB64.toUtf8()));
    QVERIFY(!raw.contains(userB64.toUtf8()));
    const QString stored = CaseFile::open(path).value()->consoleTranscripts().value().at(0).text;
    QVERIFY(stored.contains(QStringLiteral("C: AUTH PLAIN ***\n")));
    QVERIFY(stored.contains(QStringLiteral("S: 535 5.7.3 Authentication unsuccessful\n")));
    QVERIFY(stored.contains(QStringLiteral("C: MAIL FROM:<admin@contoso.com>\n")));  // after AUTH: kept
    QVERIFY(stored.contains(QStringLiteral("S: 334 VXNlcm5hbWU6\nC: ***\n")));
}

void TestCaseFile::scrubKeepsCapabilityLinesAndRepliesIntact()
{
    const QString text = QStringLiteral(
        ">,250  ex01.contoso.com Hello [203.0.113.9] SIZE 37748736 AUTH NTLM X-EXPS GSSAPI NTLM 8BITMIME,\n"
        "S: 250-AUTH LOGIN PLAIN\n"
        "C: MAIL FROM:<a@contoso.com>");
    QCOMPARE(scrubAuthSecrets(text), text);
}

void TestCaseFile::scrubHandlesTheConsoleTranscriptFormat()
{
    // The SMTP console's transcriptText(): timings, then C> / S< / * / ! markers.
    const QString plain = QString::fromLatin1(QByteArray("\0admin\0hunter2", 14).toBase64());
    const QString text = QStringLiteral(
        "      +0       @0 S< 220 mail.contoso.com ESMTP\n"
        "     +12      @12 C> AUTH PLAIN %1\n"
        "    +250     @262 S< 235 2.7.0 Authentication successful\n"
        "      +1     @263 C> AUTH LOGIN\n"
        "     +30     @293 S< 334 VXNlcm5hbWU6\n"
        "      +1     @294 C> YWRtaW4=\n"
        "     +30     @324 S< 334 UGFzc3dvcmQ6\n"
        "      +1     @325 C> aHVudGVyMg==\n"
        "    +100     @425 S< 535 5.7.3 Authentication unsuccessful\n"
        "      +1     @426 C> QUIT\n").arg(plain);
    const QString out = scrubAuthSecrets(text);
    QVERIFY(!out.contains(plain));
    QVERIFY(!out.contains(QStringLiteral("YWRtaW4=")));
    QVERIFY(!out.contains(QStringLiteral("aHVudGVyMg==")));
    QVERIFY(out.contains(QStringLiteral("C> AUTH PLAIN ***\n")));
    QVERIFY(out.contains(QStringLiteral("S< 334 UGFzc3dvcmQ6\n")));
    QVERIFY(out.contains(QStringLiteral("C> QUIT\n")));
    QCOMPARE(out.count(QLatin1Char('\n')), text.count(QLatin1Char('\n')));
}

void TestCaseFile::killedWriterLosesNothingItHadCommitted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("killed.mwbcase"));
    QProcess writer;
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kWriterArg), path});
    QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

    // Read acknowledgements until enough writes are done; everything acknowledged must survive.
    qint64 lastCommitted = 0;
    QByteArray pending;
    for (int waits = 0; lastCommitted < 60 && waits < 600; ++waits) {
        if (!writer.waitForReadyRead(1000) && writer.state() != QProcess::Running)
            break;
        pending += writer.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.startsWith("committed "))
                lastCommitted = line.mid(10).toLongLong();
        }
    }
    QVERIFY2(lastCommitted >= 60, writer.readAllStandardError().constData());
    writer.kill();  // SIGKILL: no destructor, no close, possibly mid-transaction
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    // Acknowledgements written after the last one read also count.
    pending += writer.readAllStandardOutput();
    for (const QByteArray &line : pending.split('\n'))
        if (line.startsWith("committed "))
            lastCommitted = line.mid(10).toLongLong();

    auto c = CaseFile::open(path);
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    const auto bookmarks = c.value()->bookmarks();
    QVERIFY(bookmarks.ok());
    QVERIFY2(bookmarks->size() >= lastCommitted,
             qPrintable(QStringLiteral("%1 acknowledged, %2 found").arg(lastCommitted).arg(bookmarks->size())));
    for (qint64 i = 0; i < lastCommitted; ++i) {
        QCOMPARE(bookmarks->at(i).line, i + 1);
        const QString note = c.value()->note(NoteTarget::Session, bookmarks->at(i).sessionId).value();
        QCOMPARE(note.size(), 400);
    }
    // The reopened file is consistent and still writable.
    QVERIFY(c.value()->addBookmark({0, {}, QStringLiteral("after"), 1, {}, 0}));
}

void TestCaseFile::openRejectsRandomBytesClearly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("random.mwbcase"));
    QByteArray bytes(8192, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (char &b : bytes)
        b = char(gen.bounded(256));
    writeFile(path, bytes);
    auto c = CaseFile::open(path);
    QVERIFY(!c.ok());
    QVERIFY2(c.errorMessage().contains(QStringLiteral("not a Mailflow Workbench case file")), qPrintable(c.errorMessage()));

    // Random bytes behind a genuine SQLite header.
    writeFile(path, QByteArray("SQLite format 3\0", 16) + bytes);
    auto c2 = CaseFile::open(path);
    QVERIFY(!c2.ok());
    QVERIFY2(!c2.errorMessage().isEmpty(), "an error must say what is wrong");
}

void TestCaseFile::openRejectsATruncatedCaseClearly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trunc.mwbcase"));
    {
        auto c = CaseFile::create(path);
        QVERIFY(c.ok());
        const QString padding(2000, QLatin1Char('n'));
        for (int i = 0; i < 200; ++i)
            QVERIFY(c.value()->setNote(NoteTarget::Message, QStringLiteral("<m%1@contoso.com>").arg(i), padding));
    }
    const QByteArray whole = readAll(path);
    QVERIFY(whole.size() > 100000);
    for (qsizetype cut : {whole.size() / 2, qsizetype(100), qsizetype(4096 + 17)}) {
        writeFile(path, whole.left(cut));
        auto c = CaseFile::open(path);
        QVERIFY2(!c.ok(), qPrintable(QStringLiteral("truncated at %1 opened").arg(cut)));
        QVERIFY2(c.errorMessage().contains(QStringLiteral("damaged")) || c.errorMessage().contains(QStringLiteral("not")),
                 qPrintable(c.errorMessage()));
    }
}

void TestCaseFile::openRejectsAForeignSqliteDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("places.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO moz_places (url) VALUES ('https://example.org')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    auto c = CaseFile::open(path);
    QVERIFY(!c.ok());
    QVERIFY2(c.errorMessage().contains(QStringLiteral("not a Mailflow Workbench case file")), qPrintable(c.errorMessage()));
}

void TestCaseFile::openRejectsAnEmptyOrMissingFile()
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.mwbcase"));
    writeFile(empty, QByteArray());
    auto c = CaseFile::open(empty);
    QVERIFY(!c.ok());
    QVERIFY(c.errorMessage().contains(QStringLiteral("not a Mailflow Workbench case file")));
    QCOMPARE(QFileInfo(empty).size(), 0);  // opening never writes into a foreign file

    const QString missing = dir.filePath(QStringLiteral("missing.mwbcase"));
    auto m = CaseFile::open(missing);
    QVERIFY(!m.ok());
    QVERIFY(m.errorMessage().contains(QStringLiteral("does not exist")));
    QVERIFY(!QFileInfo::exists(missing));  // and never creates one
    QVERIFY(!CaseFile::open(dir.path()).ok());
}

void TestCaseFile::openRejectsACaseFromANewerVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.mwbcase"));
    QVERIFY(CaseFile::create(path).ok());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    auto c = CaseFile::open(path);
    QVERIFY(!c.ok());
    QVERIFY2(c.errorMessage().contains(QStringLiteral("newer version")), qPrintable(c.errorMessage()));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], kWriterArg) == 0)
        return runWriter(argv[2]);
    TestCaseFile test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_casefile.moc"

namespace {

// An SQLite file with the case header (application id, current user_version) and only the given
// statements run: what a crashed tool or a hand edit can leave behind.
bool writeCaseShell(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("shell"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        ok = ok && q.exec(QStringLiteral("PRAGMA application_id = %1").arg(0x4D574243));
        ok = ok && q.exec(QStringLiteral("PRAGMA user_version = %1").arg(CaseFile::kSchemaVersion));
        for (const QString &sql : statements)
            ok = ok && q.exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("shell"));
    return ok;
}

} // namespace

void TestCaseFile::openRejectsAValidHeaderWithMissingTables()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shell.mwbcase"));
    QVERIFY(writeCaseShell(path, {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")}));
    const QByteArray before = [&] { QFile f(path); return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(); }();
    auto c = CaseFile::open(path);
    QVERIFY(!c.ok());
    const QString error = c.errorMessage();
    QVERIFY2(error.contains(QStringLiteral("incomplete")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("the table bookmarks is missing")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("the table console_transcripts is missing")), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("the table meta")), qPrintable(error));
    // Opening a broken case does not write into it.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestCaseFile::openRejectsATableWithoutItsColumns()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("columns.mwbcase"));
    QVERIFY(CaseFile::create(path).ok());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DROP TABLE notes")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (target TEXT NOT NULL, key TEXT NOT NULL)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    auto c = CaseFile::open(path);
    QVERIFY(!c.ok());
    QVERIFY2(c.errorMessage().contains(QStringLiteral("the table notes lacks the column(s) text, modified_ms")), qPrintable(c.errorMessage()));
    // A complete case still opens.
    const QString good = dir.filePath(QStringLiteral("good.mwbcase"));
    QVERIFY(CaseFile::create(good).ok());
    auto g = CaseFile::open(good);
    QVERIFY2(g.ok(), qPrintable(g.errorMessage()));
}
