#pragma once
// Everything a case holds, in memory. The GUI edits this while the admin works (an unsaved case
// has no file yet) and writes it as a whole on Save / autosave; reopening reads it back.
//
// Writing goes to a temporary case file next to the target that replaces the target only when
// complete (rename), so a crash or kill -9 during a save leaves the previous save intact.
#include "model/core/cases/casefile.h"
#include "model/core/common/result.h"

#include <QJsonObject>
#include <QList>

namespace mwb {

struct CaseState {
    QList<CaseSource> sources;
    QList<Bookmark> bookmarks;
    QList<Note> notes;
    QList<FindingStateEntry> findingStates;
    QList<WizardRun> wizardRuns;
    QList<ConsoleTranscript> consoleTranscripts;
    QJsonObject view;          // GUI view state (tab, filters, selection), opaque here
    // The configuration of the collection zip loaded, as its files were read (empty without one).
    QList<config::CollectionFileCopy> configurationFiles;

    bool isEmpty() const;

    // Convenience edits that keep one entry per key.
    void setFindingState(const QString &rule, const QString &key, FindingState state);
    FindingState findingState(const QString &rule, const QString &key) const;
    void setNote(NoteTarget target, const QString &key, const QString &text);   // empty text removes
    QString note(NoteTarget target, const QString &key) const;
};

// Reads the whole case (the file stays as it is).
Result<CaseState> readCaseState(const CaseFile &file);

// Writes state as a complete case file at path, replacing an existing file atomically.
Result<void> writeCaseState(const QString &path, const CaseState &state);

} // namespace mwb
