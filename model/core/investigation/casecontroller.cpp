#include "model/core/investigation/casecontroller.h"

#include "model/core/sessions/store.h"

#include <QDir>
#include <algorithm>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace mwb {

namespace {

constexpr int kMaxRecentCases = 10;
const QString kRecentKey = QStringLiteral("recent/cases");

QString archiveSeparator()
{
    return QStringLiteral("!/");
}

} // namespace

CaseController::CaseController(QObject *parent) : QObject(parent) {}

QString CaseController::displayName() const
{
    return m_path.isEmpty() ? tr("Unsaved case") : QFileInfo(m_path).completeBaseName();
}

CaseState &CaseController::edit()
{
    setModified(true);
    return m_state;
}

void CaseController::setModified(bool modified)
{
    if (modified)
        m_autosaved = false;
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT changed();
}

void CaseController::setView(const QJsonObject &view)
{
    if (m_state.view == view)
        return;
    m_state.view = view;
    m_autosaved = false;
}

void CaseController::newCase()
{
    m_state = CaseState();
    m_path.clear();
    m_modified = false;
    m_autosaved = false;
    Q_EMIT changed();
}

void CaseController::setSourcesFromStore(const Store &store)
{
    QList<CaseSource> sources;
    for (const SourceFile &f : store.files) {
        const QString onDisk = f.path.section(archiveSeparator(), 0, 0);
        const QFileInfo info(onDisk);
        // Hashing a large log takes a while: do it once per file version.
        const QString cacheKey = f.path + QLatin1Char('|') + QString::number(info.size()) + QLatin1Char('|')
            + QString::number(info.lastModified().toMSecsSinceEpoch());
        auto cached = m_describedCache.constFind(cacheKey);
        if (cached != m_describedCache.cend()) {
            sources << cached.value();
            continue;
        }
        auto described = describeSourceFile(f.path, formatId(f.format));
        if (!described)
            continue;   // gone since the load: nothing to record
        m_describedCache.insert(cacheKey, described.value());
        sources << described.value();
    }
    if (sources != m_state.sources)
        edit().sources = sources;
    if (store.configuration.copies != m_state.configurationFiles)
        edit().configurationFiles = store.configuration.copies;
}

QStringList CaseController::loadPathsFor(const QList<CaseSource> &sources)
{
    QStringList paths;
    for (const CaseSource &s : sources) {
        const QString onDisk = s.path.section(archiveSeparator(), 0, 0);
        if (!paths.contains(onDisk))
            paths << onDisk;
    }
    return paths;
}

Result<CaseController::Opened> CaseController::openFile(const QString &path, const SourceResolver &resolve)
{
    auto opened = CaseFile::open(path);
    if (!opened)
        return opened.error();
    CaseFile &file = *opened.value();
    auto checks = file.checkSources();
    if (!checks)
        return checks.error();
    Opened result;
    QStringList excluded;
    QStringList relocatedArchives;   // as recorded
    for (const SourceCheck &check : checks.value()) {
        if (check.status == SourceStatus::Unchanged)
            continue;
        const SourceDecision decision = resolve ? resolve(check) : SourceDecision{};
        const QString name = QDir::toNativeSeparators(check.recorded.path);
        if (decision.action == SourceDecision::Relocate && !decision.newPath.isEmpty()) {
            // An archive member moves with its archive.
            QString target = decision.newPath;
            const int member = check.recorded.path.indexOf(archiveSeparator());
            if (member >= 0 && !target.contains(archiveSeparator()))
                target += check.recorded.path.mid(member);
            auto moved = file.relocateSource(check.recorded.path, target);
            if (!moved) {
                result.skipped << name;
                excluded << check.recorded.path;
                continue;
            }
            result.relocated << tr("%1 \u2192 %2").arg(name, QDir::toNativeSeparators(target));
            relocatedArchives << check.recorded.path.section(archiveSeparator(), 0, 0);
            if (moved.value().status != SourceStatus::Unchanged)
                result.changed << QDir::toNativeSeparators(target);
        } else if (decision.action == SourceDecision::LoadAnyway && check.status != SourceStatus::Missing) {
            result.changed << name;
        } else {
            result.skipped << name;
            excluded << check.recorded.path;
        }
    }
    auto state = readCaseState(file);
    if (!state)
        return state.error();
    QList<CaseSource> toLoad;
    for (const CaseSource &s : state.value().sources) {
        if (!excluded.contains(s.path))
            toLoad << s;
    }
    result.loadPaths = loadPathsFor(toLoad);
    // A zip that held only configuration has no log source: it is looked for on disk.
    for (const QString &archive : config::collectionArchivesOf(state.value().configurationFiles)) {
        if (result.loadPaths.contains(archive) || relocatedArchives.contains(archive))
            continue;
        if (!excluded.contains(archive) && !archive.contains(archiveSeparator()) && QFileInfo(archive).isFile()
            && std::none_of(excluded.cbegin(), excluded.cend(), [&](const QString &p) { return p.startsWith(archive + archiveSeparator()); })) {
            result.loadPaths << archive;
            continue;
        }
        result.configurationFromCopy << QDir::toNativeSeparators(archive);
    }
    m_state = state.value();
    m_autosaved = false;
    return result;
}

Result<CaseController::Opened> CaseController::open(const QString &path, const SourceResolver &resolve)
{
    auto result = openFile(path, resolve);
    if (!result)
        return result;
    m_path = QFileInfo(path).absoluteFilePath();
    // A relocation is written to the file already; anything else is as saved.
    m_modified = false;
    addRecent(m_path);
    Q_EMIT changed();
    return result;
}

Result<void> CaseController::save()
{
    if (m_path.isEmpty())
        return Result<void>::fail(tr("The case has not been saved yet: choose a file with Save Case As."));
    if (auto r = writeCaseState(m_path, m_state); !r)
        return r;
    setModified(false);
    m_autosaved = true;
    return {};
}

Result<void> CaseController::saveAs(const QString &path)
{
    QString target = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(target).suffix().isEmpty())
        target += QLatin1Char('.') + QLatin1String(kCaseFileSuffix);
    if (auto r = writeCaseState(target, m_state); !r)
        return r;
    const bool wasUnsaved = m_path.isEmpty();
    m_path = target;
    setModified(false);
    m_autosaved = true;
    addRecent(m_path);
    if (wasUnsaved)
        discardAutosave();   // the work now lives in a real case file
    Q_EMIT changed();
    return {};
}

Result<void> CaseController::autosave()
{
    if (m_autosaved || (!m_modified && !m_path.isEmpty()))
        return {};
    if (m_path.isEmpty()) {
        if (m_state.isEmpty())
            return {};
        const QString target = autosavePath();
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (auto r = writeCaseState(target, m_state); !r)
            return r;
        m_autosaved = true;
        return {};
    }
    return save();
}

QString CaseController::autosavePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave.")
        + QLatin1String(kCaseFileSuffix);
}

bool CaseController::hasAutosave()
{
    return QFileInfo::exists(autosavePath());
}

Result<CaseController::Opened> CaseController::recoverAutosave(const SourceResolver &resolve)
{
    auto result = openFile(autosavePath(), resolve);
    if (!result)
        return result;
    // Recovered work is still unsaved: it needs a real file from Save Case As.
    m_path.clear();
    m_modified = true;
    Q_EMIT changed();
    return result;
}

void CaseController::discardAutosave()
{
    QFile::remove(autosavePath());
}

QStringList CaseController::recentCases() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void CaseController::clearRecentCases()
{
    QSettings().remove(kRecentKey);
}

void CaseController::addRecent(const QString &path)
{
    QStringList recent = recentCases();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentCases)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
}

} // namespace mwb
