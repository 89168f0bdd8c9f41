#include "model/core/investigation/investigation.h"

#include "model/core/diagnosis/engine.h"
#include "model/core/ingest/pathcheck.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace mwb {

namespace {

// A pasted excerpt bigger than this is not an excerpt: such logs are dropped as files.
constexpr qsizetype kMaxPastedBytes = 64 * 1024 * 1024;

} // namespace

QString loadPhaseText(LoadPhase phase)
{
    switch (phase) {
    case LoadPhase::Reading:
        return Investigation::tr("reading");
    case LoadPhase::Assembling:
        return Investigation::tr("grouping sessions");
    case LoadPhase::Delivering:
        return Investigation::tr("diagnosing sessions");
    case LoadPhase::Correlating:
        return Investigation::tr("following messages");
    case LoadPhase::Diagnosing:
        return Investigation::tr("finding faults");
    }
    return {};
}

Investigation::Investigation(QObject *parent) : QObject(parent), m_case(new CaseController(this))
{
    qRegisterMetaType<mwb::LoadProgress>();
}

Investigation::~Investigation()
{
    dropJob();
}

void Investigation::open(const QStringList &paths)
{
    const ingest::PathCheck check = ingest::checkPaths(paths);
    // Only a real replacement forgets what is loaded: when none of the new paths can be read, the
    // loaded logs stay and so does their list (a later drop adds to them, a case saves them).
    if (!check.accepted.isEmpty())
        m_paths.clear();
    addChecked(check);
}

void Investigation::add(const QStringList &paths)
{
    addChecked(ingest::checkPaths(paths));
}

void Investigation::addChecked(const ingest::PathCheck &check)
{
    m_skipped = check.skipped;
    for (const QString &p : check.accepted) {
        if (!m_paths.contains(p))
            m_paths << p;
    }
    if (check.accepted.isEmpty()) {
        // Nothing new to load: what is loaded stays, and the caller still hears the end (a case
        // being reopened ends with caseRestored instead).
        if (!m_restoringCase)
            QMetaObject::invokeMethod(this, &Investigation::nothingToLoad, Qt::QueuedConnection);
        return;
    }
    startLoad();
}

QString Investigation::pastedTextFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/pasted");
}

Result<QString> Investigation::addPastedText(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    if (bytes.trimmed().isEmpty())
        return Result<QString>::fail(tr("The clipboard holds no text."));
    if (bytes.size() > kMaxPastedBytes)
        return Result<QString>::fail(tr("The pasted text is larger than 64 MB: save it as a file and open that instead."));
    const QString folder = pastedTextFolder();
    if (!QDir().mkpath(folder))
        return Result<QString>::fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder)));
    // The name says what it is and when; the admin sees it as the source in the case and report.
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString path = folder + QStringLiteral("/pasted-") + stamp + QStringLiteral(".log");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result<QString>::fail(file.errorString());
    file.write(bytes);
    if (!file.commit())
        return Result<QString>::fail(file.errorString());
    // Text that is no log (a mail body, a screenshot's alt text) is named, not loaded, and not kept.
    const ingest::PathCheck check = ingest::checkPaths({path});
    if (check.accepted.isEmpty()) {
        QFile::remove(path);
        return Result<QString>::fail(tr("The pasted text is not an Exchange log, message tracking log or message trace."));
    }
    add({path});
    return path;
}

void Investigation::dropJob()
{
    if (!m_job)
        return;
    // The job keeps the engine alive until its worker ends; its late signals must not arrive.
    m_job->disconnect(this);
    m_job->cancel();
    m_job->deleteLater();
    m_job = nullptr;
}

void Investigation::startLoad()
{
    dropJob();
    m_store.reset();
    m_findings.clear();
    m_diagnosisProblem.clear();
    m_progress = {};
    m_selectedSession = -1;
    m_state = State::Loading;

    auto engine = DiagnosisEngine::create();
    if (engine) {
        m_engine = engine.value();
    } else {
        m_engine.reset();
        m_diagnosisProblem = engine.errorMessage();
    }
    m_job = new LoadJob(this);
    connect(m_job, &LoadJob::progress, this, [this](qint64 done, qint64 total) {
        m_progress.bytesDone = done;
        m_progress.bytesTotal = total;
        updateEstimate();
    });
    connect(m_job, &LoadJob::phaseChanged, this, [this](LoadPhase phase) {
        m_progress.phase = phase;
        m_phaseClock.start();
        updateEstimate();
    });
    connect(m_job, &LoadJob::sessionsPreview, this, &Investigation::sessionsPreview);
    connect(m_job, &LoadJob::sessionsExpected, this, [this](qsizetype total) {
        m_progress.sessionsTotal = total;
        Q_EMIT sessionsExpected(total);
    });
    connect(m_job, &LoadJob::sessionsAdded, this, [this](const QList<Session> &all, qsizetype begin, qsizetype end) {
        m_progress.sessionsDone += end - begin;
        Q_EMIT sessionsAdded(all, begin, end);
        updateEstimate();
    });
    connect(m_job, &LoadJob::finished, this, &Investigation::finishLoad);
    m_phaseClock.start();
    if (m_exportTimeZone.isValid())
        m_job->setTimeZone(m_exportTimeZone);
    // The case's copy of its collection zip's configuration, for when the zip is not loaded.
    m_job->setConfigurationFallback(m_case->state().configurationFiles);
    Q_EMIT loadStarted(m_paths);
    m_job->start(m_paths, std::shared_ptr<SessionObserver>(m_engine));
}

void Investigation::updateEstimate()
{
    qint64 done = 0, total = 0;
    if (m_progress.phase == LoadPhase::Reading) {
        done = m_progress.bytesDone;
        total = m_progress.bytesTotal;
    } else if (m_progress.phase == LoadPhase::Delivering) {
        done = m_progress.sessionsDone;
        total = m_progress.sessionsTotal;
    }
    if (total > 0) {
        done = std::clamp<qint64>(done, 0, total);
        m_progress.percent = int(done * 100 / total);
        const qint64 elapsed = m_phaseClock.isValid() ? m_phaseClock.elapsed() : 0;
        // A rate from the first percent or half second is noise: no estimate before that.
        m_progress.remainingMs = (done * 100 >= total && elapsed >= 500) ? elapsed * (total - done) / std::max<qint64>(done, 1) : -1;
    } else {
        m_progress.percent = -1;
        m_progress.remainingMs = -1;
    }
    Q_EMIT progressChanged(m_progress);
}

void Investigation::finishLoad(std::shared_ptr<Store> store, bool cancelled)
{
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    m_store = store ? std::shared_ptr<const Store>(std::move(store)) : std::make_shared<const Store>();
    // Computed on the load's thread already (DiagnosisEngine::loadFinished); this only copies.
    m_findings = m_engine ? m_engine->findings(*m_store) : QList<Finding>{};
    m_state = State::Loaded;
    if (!m_restoringCase && !cancelled)
        m_case->setSourcesFromStore(*m_store);   // a reopened case keeps its sources as recorded
    // isRestoringCase() still tells the receivers of loadFinished that caseRestored follows.
    Q_EMIT loadFinished(cancelled);
    if (std::exchange(m_restoringCase, false))
        Q_EMIT caseRestored();
}

void Investigation::cancel()
{
    if (m_job)
        m_job->cancel();
}

void Investigation::newCase()
{
    dropJob();
    m_case->newCase();
    m_paths.clear();
    m_skipped.clear();
    m_store.reset();
    m_findings.clear();
    m_progress = {};
    m_state = State::Empty;
    m_restoringCase = false;
    m_sessionFilter.clear();
    m_selectedFindingKey.clear();
    m_selectedSession = -1;
    Q_EMIT cleared();
}

Result<CaseController::Opened> Investigation::openCase(const QString &path, const CaseController::SourceResolver &resolve)
{
    dropJob();
    auto opened = m_case->open(path, resolve);
    if (opened)
        afterCaseOpened(opened.value());
    return opened;
}

Result<CaseController::Opened> Investigation::recoverAutosavedCase(const CaseController::SourceResolver &resolve)
{
    dropJob();
    auto opened = m_case->recoverAutosave(resolve);
    if (opened)
        afterCaseOpened(opened.value());
    return opened;
}

void Investigation::afterCaseOpened(const CaseController::Opened &opened)
{
    m_sessionFilter.clear();
    m_selectedFindingKey.clear();
    m_selectedSession = -1;
    if (opened.loadPaths.isEmpty() && !m_case->state().configurationFiles.isEmpty()) {
        // No log left, but the configuration the case keeps: its findings and dock still show.
        m_restoringCase = true;
        m_paths.clear();
        m_skipped.clear();
        startLoad();
        return;
    }
    if (opened.loadPaths.isEmpty()) {
        // Nothing of the case could be loaded: its notes and view are still worth showing.
        m_paths.clear();
        m_skipped.clear();
        m_store.reset();
        m_findings.clear();
        m_state = State::Empty;
        m_restoringCase = false;
        Q_EMIT cleared();
        QMetaObject::invokeMethod(this, &Investigation::caseRestored, Qt::QueuedConnection);
        return;
    }
    m_restoringCase = true;
    open(opened.loadPaths);
    if (!m_job) {
        // Every recorded path vanished between the check and now: restore on what there is.
        m_restoringCase = false;
        QMetaObject::invokeMethod(this, &Investigation::caseRestored, Qt::QueuedConnection);
    }
}

void Investigation::setSessionFilter(const QVariantMap &filter)
{
    if (filter == m_sessionFilter)
        return;
    m_sessionFilter = filter;
    Q_EMIT sessionFilterChanged(filter);
}

void Investigation::setSelectedFindingKey(const QString &key)
{
    if (key == m_selectedFindingKey)
        return;
    m_selectedFindingKey = key;
    Q_EMIT selectionChanged();
}

void Investigation::setSelectedSession(qsizetype index)
{
    if (index == m_selectedSession)
        return;
    m_selectedSession = index;
    Q_EMIT selectionChanged();
}

} // namespace mwb
