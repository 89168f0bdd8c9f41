#pragma once
// The open case behind the main window, without widgets so tests can drive it: the case state in
// memory, its file (none for an unsaved case), Save / Save As / autosave, reopening with a check
// of every recorded source file, recent cases.
//
// Questions to the admin (a moved source) go through a resolver callback: the main window shows
// dialogs, tests answer directly.
#include "model/core/cases/casestate.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>

namespace mwb {

class Store;

struct SourceDecision {
    enum Action { Skip, Relocate, LoadAnyway };
    Action action = Skip;
    QString newPath;           // for Relocate
};

class CaseController : public QObject {
    Q_OBJECT
public:
    using SourceResolver = std::function<SourceDecision(const SourceCheck &)>;

    explicit CaseController(QObject *parent = nullptr);

    QString path() const { return m_path; }        // empty: not saved yet
    QString displayName() const;
    bool isModified() const { return m_modified; }
    const CaseState &state() const { return m_state; }
    // Edits go through here so the case knows it has unsaved changes.
    CaseState &edit();
    void setModified(bool modified);
    // Where the admin is looking is saved with the case but is no unsaved change on its own.
    void setView(const QJsonObject &view);

    void newCase();
    // Records the files behind a finished load (size and SHA-256; cached per path and size) and
    // the configuration files as they were read.
    void setSourcesFromStore(const Store &store);

    // What reopening a case found: the paths to load and what happened to the others.
    struct Opened {
        QStringList loadPaths;
        QStringList skipped;       // recorded sources the admin skipped (missing or changed)
        QStringList relocated;     // "old -> new"
        QStringList changed;       // loaded although they differ from what was recorded
        // The collection zips whose configuration the case holds but that will not be loaded
        // (gone, or skipped): the configuration then comes from the case's copy (LoadJob::
        // setConfigurationFallback), and the admin is told so.
        QStringList configurationFromCopy;
    };
    Result<Opened> open(const QString &path, const SourceResolver &resolve);
    Result<void> save();                          // to path(); fails for an unsaved case
    Result<void> saveAs(const QString &path);
    // To the case file, or to autosavePath() for an unsaved case. Nothing is written for an
    // empty case or when nothing changed since the last write.
    Result<void> autosave();

    // Where an unsaved case is autosaved; recovered on the next start.
    static QString autosavePath();
    static bool hasAutosave();
    Result<Opened> recoverAutosave(const SourceResolver &resolve);
    static void discardAutosave();

    QStringList recentCases() const;
    void clearRecentCases();

    // "Archive.zip!/member" loads through its archive: the paths to give the loader.
    static QStringList loadPathsFor(const QList<CaseSource> &sources);

Q_SIGNALS:
    void changed();   // path or modified flag

private:
    Result<Opened> openFile(const QString &path, const SourceResolver &resolve);
    void addRecent(const QString &path);

    CaseState m_state;
    QString m_path;
    bool m_modified = false;
    bool m_autosaved = false;   // the autosave copy is as current as the state
    QHash<QString, CaseSource> m_describedCache;
};

} // namespace mwb
