// CaseState: the in-memory case written as a whole file and read back, one entry per key for
// finding states and notes, and an atomic replace of an existing file.
#include "model/core/cases/casestate.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

class TestCaseState : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writtenStateReadsBackEntryForEntry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.mwbcase"));
        CaseState state;
        state.sources << CaseSource{QStringLiteral("/logs/RECV1.LOG"), 42, QStringLiteral("ab12"), QStringLiteral("smtp-receive")};
        state.bookmarks << Bookmark{0, QStringLiteral("08DC1"), QString(), 0, QStringLiteral("first"), 5};
        state.setNote(NoteTarget::Finding, QStringLiteral("rule|EX01"), QStringLiteral("checked with the network team"));
        state.setFindingState(QStringLiteral("rule"), QStringLiteral("EX01"), FindingState::Dismissed);
        state.wizardRuns << WizardRun{0, QStringLiteral("certificate-smtp"), QJsonObject{{QStringLiteral("a"), 1}},
                                      QStringLiteral("Get-ExchangeCertificate"), 7};
        state.consoleTranscripts << ConsoleTranscript{0, QStringLiteral("mx.example"), QStringLiteral("C: EHLO x\nS: 250 ok"), 9};
        state.view.insert(QStringLiteral("tab"), 2);
        QVERIFY(writeCaseState(path, state).ok());

        auto file = CaseFile::open(path);
        QVERIFY2(file.ok(), qPrintable(file.errorMessage()));
        auto read = readCaseState(*file.value());
        QVERIFY(read.ok());
        const CaseState &back = read.value();
        QCOMPARE(back.sources, state.sources);
        QCOMPARE(back.bookmarks.size(), 1);
        QCOMPARE(back.bookmarks.first().label, QStringLiteral("first"));
        QCOMPARE(back.note(NoteTarget::Finding, QStringLiteral("rule|EX01")), QStringLiteral("checked with the network team"));
        QCOMPARE(back.findingState(QStringLiteral("rule"), QStringLiteral("EX01")), FindingState::Dismissed);
        QCOMPARE(back.wizardRuns.size(), 1);
        QCOMPARE(back.wizardRuns.first().answers.value(QStringLiteral("a")).toInt(), 1);
        QCOMPARE(back.consoleTranscripts.size(), 1);
        QCOMPARE(back.consoleTranscripts.first().host, QStringLiteral("mx.example"));
        QCOMPARE(back.view.value(QStringLiteral("tab")).toInt(), 2);
    }

    void findingStatesAndNotesKeepOneEntryPerKey()
    {
        CaseState state;
        state.setFindingState(QStringLiteral("r"), QStringLiteral("k"), FindingState::Confirmed);
        state.setFindingState(QStringLiteral("r"), QStringLiteral("k"), FindingState::Dismissed);
        QCOMPARE(state.findingStates.size(), 1);
        QCOMPARE(state.findingState(QStringLiteral("r"), QStringLiteral("k")), FindingState::Dismissed);
        state.setFindingState(QStringLiteral("r"), QStringLiteral("k"), FindingState::New);
        QVERIFY(state.findingStates.isEmpty());
        state.setNote(NoteTarget::Session, QStringLiteral("s"), QStringLiteral("one"));
        state.setNote(NoteTarget::Session, QStringLiteral("s"), QStringLiteral("two"));
        QCOMPARE(state.notes.size(), 1);
        state.setNote(NoteTarget::Session, QStringLiteral("s"), QString());
        QVERIFY(state.notes.isEmpty());
        QVERIFY(state.isEmpty());
    }

    void writingOverAnExistingCaseReplacesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.mwbcase"));
        CaseState first;
        first.setNote(NoteTarget::Session, QStringLiteral("s"), QStringLiteral("old"));
        QVERIFY(writeCaseState(path, first).ok());
        CaseState second;
        second.setNote(NoteTarget::Session, QStringLiteral("s"), QStringLiteral("new"));
        QVERIFY(writeCaseState(path, second).ok());
        auto file = CaseFile::open(path);
        QVERIFY(file.ok());
        QCOMPARE(readCaseState(*file.value()).value().note(NoteTarget::Session, QStringLiteral("s")), QStringLiteral("new"));
        QVERIFY(!QFile::exists(path + QStringLiteral(".saving")));
    }

    void unwritableTargetGivesAnErrorAndKeepsNothingHalfWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing-folder/c.mwbcase"));
        CaseState state;
        state.setNote(NoteTarget::Session, QStringLiteral("s"), QStringLiteral("x"));
        const auto written = writeCaseState(path, state);
        QVERIFY(!written.ok());
        QVERIFY(!written.errorMessage().isEmpty());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestCaseState)
#include "tst_casestate.moc"
