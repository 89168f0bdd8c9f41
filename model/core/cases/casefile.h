#pragma once
// An investigation saved as one SQLite file (.mwbcase): the sources it was built from, bookmarks,
// notes, finding states, wizard runs, console transcripts and the view state.
//
// Every write is its own transaction (rollback journal, synchronous=FULL), so "save" is implicit:
// whatever a call reported as written survives a crash or kill -9 of the process. Save As copies
// the whole file consistently (VACUUM INTO) and continues on the copy.
#include "model/core/common/result.h"
#include "model/core/common/secretscrub.h"
#include "model/core/configuration/configuration.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

namespace mwb {

class Redactor;
class Store;

inline constexpr auto kCaseFileSuffix = "mwbcase";

struct CaseSource {
    QString path;          // as loaded; an archive member keeps "archive.zip!/inner/path"
    qint64 size = 0;       // bytes of the file on disk (the archive for a member)
    QString sha256;        // lower-case hex of the file on disk (the archive for a member)
    QString format;        // contract format id (formatId())
    friend bool operator==(const CaseSource &, const CaseSource &) = default;
};

// Size and SHA-256 of the file behind a source path (the archive for "a.zip!/member").
Result<CaseSource> describeSourceFile(const QString &path, const QString &format = {});

enum class SourceStatus { Unchanged, Missing, SizeChanged, ContentChanged };
QString sourceStatusId(SourceStatus s);  // "unchanged" | "missing" | "size-changed" | "content-changed"

struct SourceCheck {
    CaseSource recorded;
    SourceStatus status = SourceStatus::Unchanged;
    qint64 currentSize = -1;   // -1 when missing
    QString currentSha256;     // empty when missing or when the size already differs
};

struct Bookmark {
    qint64 id = 0;             // assigned by addBookmark
    QString sessionId;         // a protocol-log session, or empty
    QString file;              // a file + line, or empty
    qint64 line = 0;
    QString label;
    qint64 createdMs = 0;
    friend bool operator==(const Bookmark &, const Bookmark &) = default;
};

enum class NoteTarget { Session, Message, Finding };
QString noteTargetId(NoteTarget t);  // "session" | "message" | "finding"

struct Note {
    NoteTarget target = NoteTarget::Session;
    QString key;               // session id, message id, or "<rule>|<finding key>"
    QString text;
    qint64 modifiedMs = 0;
};

enum class FindingState { New, Confirmed, Dismissed };
QString findingStateId(FindingState s);  // "new" | "confirmed" | "dismissed"
std::optional<FindingState> findingStateFromId(const QString &id);

struct FindingStateEntry {
    QString rule;
    QString key;               // what tells two findings of one rule apart (e.g. server)
    FindingState state = FindingState::New;
};

struct WizardRun {
    qint64 id = 0;
    QString scenario;
    QJsonObject answers;
    QString script;            // the generated PowerShell
    qint64 savedMs = 0;
};

struct ConsoleTranscript {
    qint64 id = 0;
    QString host;
    QString text;              // AUTH secrets already removed (see scrubAuthSecrets)
    qint64 savedMs = 0;
};

// scrubAuthSecrets (model/core/common/secretscrub.h) is the one transcript scrubber; console
// transcripts go through it before they are stored.

class CaseFile {
public:
    // 3: configuration_files (issue #31). Older files are migrated when opened.
    static constexpr int kSchemaVersion = 3;

    // Creates a new case file; fails if the path exists.
    static Result<std::unique_ptr<CaseFile>> create(const QString &path);
    // Opens an existing case file, migrating an older schema. A file that is not a case file,
    // is damaged, or was made by a newer version gives an error (never a crash).
    static Result<std::unique_ptr<CaseFile>> open(const QString &path);

    ~CaseFile();
    CaseFile(const CaseFile &) = delete;
    CaseFile &operator=(const CaseFile &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const;

    // Writes a consistent copy to newPath (must not exist) and continues on the copy.
    Result<void> saveAs(const QString &newPath);

    // Writes a copy for sharing (colleague, vendor support) in which every name in paths, labels,
    // notes, wizard answers, scripts and transcripts is replaced through redactor; the view state
    // is dropped. The copy is vacuumed so no original text survives in free pages. This case is
    // unchanged and stays open.
    Result<void> saveRedactedCopy(const QString &newPath, Redactor &redactor) const;

    // Sources
    Result<void> addSource(const CaseSource &source);  // replaces an entry with the same path
    // Records every file of a load (size and SHA-256 read from disk) in one transaction. Files
    // that cannot be read are left out and named in the returned list.
    Result<QStringList> addSourcesFromStore(const Store &store);
    Result<void> removeSource(const QString &path);
    Result<QList<CaseSource>> sources() const;
    Result<QList<SourceCheck>> checkSources() const;
    // Points the recorded source at a new location; returns how the new file compares.
    Result<SourceCheck> relocateSource(const QString &oldPath, const QString &newPath);

    // Bookmarks
    Result<qint64> addBookmark(const Bookmark &bookmark);
    Result<void> removeBookmark(qint64 id);
    Result<QList<Bookmark>> bookmarks() const;

    // Notes; an empty text removes the note.
    Result<void> setNote(NoteTarget target, const QString &key, const QString &text);
    Result<QString> note(NoteTarget target, const QString &key) const;
    Result<QList<Note>> notes() const;

    // Finding states; unknown findings are New.
    Result<void> setFindingState(const QString &rule, const QString &key, FindingState state);
    Result<FindingState> findingState(const QString &rule, const QString &key) const;
    Result<QList<FindingStateEntry>> findingStates() const;

    // Wizard answers and generated scripts
    Result<qint64> addWizardRun(const WizardRun &run);
    Result<QList<WizardRun>> wizardRuns() const;

    // Console transcripts: the text is scrubbed before it is stored.
    Result<qint64> addConsoleTranscript(const QString &host, const QString &text,
                                        const QStringList &knownSecrets = {});
    Result<QList<ConsoleTranscript>> consoleTranscripts() const;

    // The collection zip's configuration files as they were read (config::CollectionFileCopy), so
    // that the case reopens with its configuration when the zip moved or is gone. Replaces what
    // was stored. Not in a redacted copy (saveRedactedCopy).
    Result<void> setConfigurationFiles(const QList<config::CollectionFileCopy> &files);
    Result<QList<config::CollectionFileCopy>> configurationFiles() const;

    // Opaque view state (splitter sizes, selected session, filters) owned by the GUI.
    Result<void> setViewState(const QByteArray &state);
    Result<QByteArray> viewState() const;

    // Free-form metadata (title, analyst).
    Result<void> setMeta(const QString &key, const QString &value);
    Result<QString> meta(const QString &key) const;

private:
    explicit CaseFile(QString path);
    Result<void> connect();
    Result<void> exec(const QString &sql, const QVariantList &bind = {}) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
};

namespace casefile_detail {
// Test hook: writes an empty case file at an older schema version, to exercise migrations.
Result<void> createAtSchemaVersion(const QString &path, int version);
} // namespace casefile_detail

} // namespace mwb
