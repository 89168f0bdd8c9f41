#include "model/core/cases/casestate.h"

#include <QFile>
#include <QJsonDocument>
#include <QObject>

#include <cstdio>

namespace mwb {

bool CaseState::isEmpty() const
{
    return sources.isEmpty() && bookmarks.isEmpty() && notes.isEmpty() && findingStates.isEmpty() && wizardRuns.isEmpty()
        && consoleTranscripts.isEmpty() && configurationFiles.isEmpty();
}

void CaseState::setFindingState(const QString &rule, const QString &key, FindingState state)
{
    for (auto it = findingStates.begin(); it != findingStates.end(); ++it) {
        if (it->rule == rule && it->key == key) {
            // "New" is the default: no entry needed.
            if (state == FindingState::New)
                findingStates.erase(it);
            else
                it->state = state;
            return;
        }
    }
    if (state != FindingState::New)
        findingStates.append({rule, key, state});
}

FindingState CaseState::findingState(const QString &rule, const QString &key) const
{
    for (const FindingStateEntry &e : findingStates) {
        if (e.rule == rule && e.key == key)
            return e.state;
    }
    return FindingState::New;
}

void CaseState::setNote(NoteTarget target, const QString &key, const QString &text)
{
    for (auto it = notes.begin(); it != notes.end(); ++it) {
        if (it->target == target && it->key == key) {
            if (text.isEmpty())
                notes.erase(it);
            else
                it->text = text;
            return;
        }
    }
    if (!text.isEmpty())
        notes.append({target, key, text, 0});
}

QString CaseState::note(NoteTarget target, const QString &key) const
{
    for (const Note &n : notes) {
        if (n.target == target && n.key == key)
            return n.text;
    }
    return {};
}

Result<CaseState> readCaseState(const CaseFile &file)
{
    CaseState state;
    auto sources = file.sources();
    if (!sources)
        return sources.error();
    state.sources = sources.value();
    auto bookmarks = file.bookmarks();
    if (!bookmarks)
        return bookmarks.error();
    state.bookmarks = bookmarks.value();
    auto notes = file.notes();
    if (!notes)
        return notes.error();
    state.notes = notes.value();
    auto findingStates = file.findingStates();
    if (!findingStates)
        return findingStates.error();
    state.findingStates = findingStates.value();
    auto runs = file.wizardRuns();
    if (!runs)
        return runs.error();
    state.wizardRuns = runs.value();
    auto transcripts = file.consoleTranscripts();
    if (!transcripts)
        return transcripts.error();
    state.consoleTranscripts = transcripts.value();
    auto configuration = file.configurationFiles();
    if (!configuration)
        return configuration.error();
    state.configurationFiles = configuration.value();
    auto view = file.viewState();
    if (!view)
        return view.error();
    // A damaged view state only costs the layout, not the case.
    const QJsonDocument doc = QJsonDocument::fromJson(view.value());
    if (doc.isObject())
        state.view = doc.object();
    return state;
}

Result<void> writeCaseState(const QString &path, const CaseState &state)
{
    const QString temp = path + QStringLiteral(".saving");
    // A left-over from a save that was killed: it never replaced anything, drop it.
    QFile::remove(temp);
    QFile::remove(temp + QStringLiteral("-journal"));
    {
        auto created = CaseFile::create(temp);
        if (!created)
            return created.error();
        CaseFile &file = *created.value();
        for (const CaseSource &s : state.sources) {
            if (auto r = file.addSource(s); !r)
                return r.error();
        }
        for (const Bookmark &b : state.bookmarks) {
            if (auto r = file.addBookmark(b); !r)
                return r.error();
        }
        for (const Note &n : state.notes) {
            if (auto r = file.setNote(n.target, n.key, n.text); !r)
                return r.error();
        }
        for (const FindingStateEntry &e : state.findingStates) {
            if (auto r = file.setFindingState(e.rule, e.key, e.state); !r)
                return r.error();
        }
        for (const WizardRun &w : state.wizardRuns) {
            if (auto r = file.addWizardRun(w); !r)
                return r.error();
        }
        for (const ConsoleTranscript &t : state.consoleTranscripts) {
            if (auto r = file.addConsoleTranscript(t.host, t.text); !r)
                return r.error();
        }
        if (auto r = file.setViewState(QJsonDocument(state.view).toJson(QJsonDocument::Compact)); !r)
            return r.error();
        if (auto r = file.setConfigurationFiles(state.configurationFiles); !r)
            return r.error();
    }  // closed before the rename, so no connection points at the old name
    // rename(2) replaces the target atomically; QFile::rename refuses an existing target.
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temp);
        return Result<void>::fail(QObject::tr("Cannot write the case file %1.").arg(path));
    }
    return {};
}

} // namespace mwb
