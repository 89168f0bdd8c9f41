#pragma once
// The document behind a window: what the admin is investigating. It owns the load (the job, the
// diagnosis engine the job's worker scans with, kept alive until that worker ends), the loaded
// Store and its findings, the case (notes, states, bookmarks, sources; CaseController), the
// session filter and the selection. Views subscribe to its lifecycle signals and render what it
// holds; nothing here knows a widget (the way Wireshark's CaptureFile is the document its views
// follow). Tests drive a whole load → second load → cancel → case reopen without a window.
#include "model/core/diagnosis/finding.h"
#include "model/core/ingest/pathcheck.h"
#include "model/core/investigation/casecontroller.h"
#include "model/core/sessions/loader.h"
#include "model/core/sessions/store.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimeZone>
#include <QVariantMap>
#include <memory>

namespace mwb {

class DiagnosisEngine;

// Where a load is, for the status bar: phase, counts and an estimate of what is left.
struct LoadProgress {
    LoadPhase phase = LoadPhase::Reading;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qint64 sessionsDone = 0;      // handed to the views so far
    qint64 sessionsTotal = -1;    // once assembly knows it
    int percent = -1;             // of the current phase, -1 when it has no measure
    // Estimate for the rest of the current phase, from its rate so far; -1 when unknown. Only the
    // phases with a measure (bytes read, sessions delivered) have one: the others' length does not
    // follow from anything known before they end.
    qint64 remainingMs = -1;
};

class Investigation : public QObject {
    Q_OBJECT
public:
    enum class State { Empty, Loading, Loaded };

    explicit Investigation(QObject *parent = nullptr);
    ~Investigation() override;

    // Loading. open() replaces what is loaded, add() adds to it. Paths the loader would not read are
    // named in skippedPaths() (with the reason) and the rest loads; when nothing is left to load,
    // nothingToLoad() comes (queued) instead of a load, so a caller waiting never hangs. A load started
    // while one runs cancels and replaces it: the replaced load's signals never arrive.
    void open(const QStringList &paths);
    void add(const QStringList &paths);
    // Text the admin pasted (a ticket excerpt, a forum post): kept as a file under
    // pastedTextFolder() so that a saved case can reload it, then loaded like a dropped file.
    // Returns the file's path, or an error when it cannot be written.
    Result<QString> addPastedText(const QString &text);
    static QString pastedTextFolder();
    void cancel();
    // The zone of export times written without one (Get-MessageTrackingLog | Export-Csv on a
    // machine in that zone); invalid = read them as UTC and say so per file. For the next load.
    void setExportTimeZone(const QTimeZone &zone) { m_exportTimeZone = zone; }
    QTimeZone exportTimeZone() const { return m_exportTimeZone; }
    // Cancels any load and forgets everything: a new, empty case.
    void newCase();

    State state() const { return m_state; }
    bool isLoading() const { return m_state == State::Loading; }
    QStringList paths() const { return m_paths; }
    QStringList skippedPaths() const { return m_skipped; }
    LoadProgress progress() const { return m_progress; }
    // Shown while loading: what is loaded so far is in the views' batches, not here.
    std::shared_ptr<const Store> store() const { return m_store; }
    const QList<Finding> &findings() const { return m_findings; }
    // Why the last load ran without diagnosis (the knowledge base could not be read), or empty.
    QString diagnosisProblem() const { return m_diagnosisProblem; }

    // The case: notes, finding states, bookmarks, recorded sources, saved view.
    CaseController *caseController() const { return m_case; }
    // Opens a case file and loads its recorded sources (questions go through `resolve`). The view
    // saved with the case is for the views to apply when caseRestored() comes.
    Result<CaseController::Opened> openCase(const QString &path, const CaseController::SourceResolver &resolve);
    Result<CaseController::Opened> recoverAutosavedCase(const CaseController::SourceResolver &resolve);
    bool isRestoringCase() const { return m_restoringCase; }

    // What the admin is looking at, shared by the views (the sessions table filters with it, the
    // charts count what it lets through) and saved with the case.
    // The filter as plain values (the item models' filterSpecToMap), so that this QtCore-only
    // class can hold it and a case can save it.
    QVariantMap sessionFilter() const { return m_sessionFilter; }
    void setSessionFilter(const QVariantMap &filter);
    // The selected finding (by its stable key) and session (by its index in store()->sessions).
    QString selectedFindingKey() const { return m_selectedFindingKey; }
    void setSelectedFindingKey(const QString &key);
    qsizetype selectedSession() const { return m_selectedSession; }
    void setSelectedSession(qsizetype index);

Q_SIGNALS:
    // Lifecycle, in this order for every load: loadStarted, then any of phaseChanged/progressChanged
    // and the session signals, then loadFinished (cancelled or not).
    void loadStarted(const QStringList &paths);
    void progressChanged(const mwb::LoadProgress &progress);
    void sessionsPreview(const QList<mwb::Session> &preview);
    void sessionsExpected(qsizetype total);
    void sessionsAdded(const QList<mwb::Session> &all, qsizetype begin, qsizetype end);
    // store() and findings() hold the result; a cancelled load keeps what it reached. While a case
    // is reopened, isRestoringCase() is still true here and caseRestored follows.
    void loadFinished(bool cancelled);
    // open()/add() found nothing to load (skippedPaths() says why); what was loaded stays.
    void nothingToLoad();
    // A reopened case is loaded as far as its sources allowed: the views apply
    // caseController()->state().view now.
    void caseRestored();
    // The investigation was emptied (new case, or a case without loadable sources).
    void cleared();
    void sessionFilterChanged(const QVariantMap &filter);
    void selectionChanged();

private:
    void addChecked(const ingest::PathCheck &check);
    void startLoad();
    void finishLoad(std::shared_ptr<Store> store, bool cancelled);
    void dropJob();
    void updateEstimate();
    void afterCaseOpened(const CaseController::Opened &opened);

    State m_state = State::Empty;
    QStringList m_paths;
    QStringList m_skipped;
    LoadJob *m_job = nullptr;
    std::shared_ptr<DiagnosisEngine> m_engine;
    std::shared_ptr<const Store> m_store;
    QList<Finding> m_findings;
    QString m_diagnosisProblem;
    QTimeZone m_exportTimeZone;
    LoadProgress m_progress;
    QElapsedTimer m_phaseClock;   // since the current phase began
    CaseController *m_case = nullptr;
    bool m_restoringCase = false;
    QVariantMap m_sessionFilter;
    QString m_selectedFindingKey;
    qsizetype m_selectedSession = -1;
};

QString loadPhaseText(LoadPhase phase);

} // namespace mwb

Q_DECLARE_METATYPE(mwb::LoadProgress)
