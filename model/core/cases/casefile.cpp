#include "model/core/cases/casefile.h"

#include "model/core/cases/redaction.h"
#include "model/core/sessions/store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <atomic>
#include <functional>

namespace mwb {

namespace {

// "MWBC": lets a case file be told apart from any other SQLite database without reading tables.
constexpr qint64 kApplicationId = 0x4D574243;
constexpr auto kApplicationName = "mailflow-workbench-case";

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

// One schema step per version; step[i] brings a database from version i to i + 1.
const QList<QStringList> &migrationSteps()
{
    static const QList<QStringList> steps{
        {   // 0 -> 1: the original case file
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE sources (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                           "sha256 TEXT NOT NULL, format TEXT NOT NULL, added_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, "
                           "file TEXT NOT NULL, line INTEGER NOT NULL, label TEXT NOT NULL, created_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE notes (target TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, "
                           "modified_ms INTEGER NOT NULL, PRIMARY KEY (target, key))"),
            QStringLiteral("CREATE TABLE finding_states (rule TEXT NOT NULL, key TEXT NOT NULL, state TEXT NOT NULL, "
                           "modified_ms INTEGER NOT NULL, PRIMARY KEY (rule, key))"),
            QStringLiteral("CREATE TABLE wizard_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, scenario TEXT NOT NULL, "
                           "answers TEXT NOT NULL, script TEXT NOT NULL, saved_ms INTEGER NOT NULL)"),
        },
        {   // 1 -> 2: console transcripts and the view state
            QStringLiteral("CREATE TABLE console_transcripts (id INTEGER PRIMARY KEY AUTOINCREMENT, host TEXT NOT NULL, "
                           "text TEXT NOT NULL, saved_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE view_state (id INTEGER PRIMARY KEY CHECK (id = 1), state BLOB NOT NULL)"),
        },
        {   // 2 -> 3: the collection zip's configuration files as read (issue #31)
            QStringLiteral("CREATE TABLE configuration_files (position INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                           "path TEXT NOT NULL, bytes BLOB NOT NULL)"),
        },
    };
    return steps;
}

// The tables and columns every case file at kSchemaVersion has (what migrationSteps() creates).
// Checked on open, after migration: a file with the right header but missing tables or columns
// is refused with a clear error instead of opening and failing on every read and write.
const QList<std::pair<QString, QStringList>> &expectedSchema()
{
    static const QList<std::pair<QString, QStringList>> schema{
        {QStringLiteral("meta"), {QStringLiteral("key"), QStringLiteral("value")}},
        {QStringLiteral("sources"), {QStringLiteral("path"), QStringLiteral("size"), QStringLiteral("sha256"), QStringLiteral("format"),
                                     QStringLiteral("added_ms")}},
        {QStringLiteral("bookmarks"), {QStringLiteral("id"), QStringLiteral("session_id"), QStringLiteral("file"), QStringLiteral("line"),
                                       QStringLiteral("label"), QStringLiteral("created_ms")}},
        {QStringLiteral("notes"), {QStringLiteral("target"), QStringLiteral("key"), QStringLiteral("text"), QStringLiteral("modified_ms")}},
        {QStringLiteral("finding_states"), {QStringLiteral("rule"), QStringLiteral("key"), QStringLiteral("state"),
                                            QStringLiteral("modified_ms")}},
        {QStringLiteral("wizard_runs"), {QStringLiteral("id"), QStringLiteral("scenario"), QStringLiteral("answers"), QStringLiteral("script"),
                                         QStringLiteral("saved_ms")}},
        {QStringLiteral("console_transcripts"), {QStringLiteral("id"), QStringLiteral("host"), QStringLiteral("text"),
                                                 QStringLiteral("saved_ms")}},
        {QStringLiteral("view_state"), {QStringLiteral("id"), QStringLiteral("state")}},
        {QStringLiteral("configuration_files"), {QStringLiteral("position"), QStringLiteral("name"), QStringLiteral("path"),
                                                 QStringLiteral("bytes")}},
    };
    return schema;
}

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("mwbcase-%1").arg(counter.fetch_add(1));
}

// Runs one statement on db with positional bindings; reports SQLite's text on failure.
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &bind = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return Result<QSqlQuery>::fail(QObject::tr("Case file error: %1").arg(q.lastError().text()));
    for (const QVariant &v : bind) {
        // A null QString binds as SQL NULL; the schema stores absent text as ''.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QStringLiteral(""));
        else
            q.addBindValue(v);
    }
    if (!q.exec())
        return Result<QSqlQuery>::fail(QObject::tr("Case file error: %1").arg(q.lastError().text()));
    return q;
}

Result<qint64> pragmaInt(const QSqlDatabase &db, const QString &name)
{
    auto q = run(db, QStringLiteral("PRAGMA %1").arg(name));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Result<qint64>::fail(QObject::tr("Case file error: PRAGMA %1 returned nothing").arg(name));
    return q.value().value(0).toLongLong();
}

// Every expected table with every expected column (extra ones are tolerated).
Result<void> checkSchema(const QSqlDatabase &db)
{
    QStringList problems;
    for (const auto &[table, columns] : expectedSchema()) {
        auto q = run(db, QStringLiteral("PRAGMA table_info(%1)").arg(table));
        if (!q)
            return q.error();
        QStringList present;
        while (q.value().next())
            present << q.value().value(1).toString();
        if (present.isEmpty()) {
            problems << QObject::tr("the table %1 is missing").arg(table);
            continue;
        }
        QStringList missing;
        for (const QString &c : columns)
            if (!present.contains(c, Qt::CaseInsensitive))
                missing << c;
        if (!missing.isEmpty())
            problems << QObject::tr("the table %1 lacks the column(s) %2").arg(table, missing.join(QStringLiteral(", ")));
    }
    if (!problems.isEmpty())
        return Result<void>::fail(problems.join(QStringLiteral("; ")));
    return {};
}

// Brings db from its version to target inside one transaction: a failed migration leaves the
// file as it was.
Result<void> migrate(QSqlDatabase &db, int from, int target)
{
    if (from >= target)
        return {};
    if (!db.transaction())
        return Result<void>::fail(QObject::tr("Case file error: %1").arg(db.lastError().text()));
    for (int v = from; v < target; ++v) {
        for (const QString &sql : migrationSteps().at(v)) {
            if (auto r = run(db, sql); !r) {
                db.rollback();
                return Result<void>::fail(QObject::tr("Could not upgrade the case file to version %1: %2")
                                              .arg(v + 1).arg(r.errorMessage()));
            }
        }
    }
    QStringList finals{QStringLiteral("PRAGMA user_version = %1").arg(target),
                       QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)};
    for (const QString &sql : finals) {
        if (auto r = run(db, sql); !r) {
            db.rollback();
            return r.error();
        }
    }
    if (from == 0) {
        auto r = run(db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('application', ?), ('created', ?)"),
                     {QString::fromLatin1(kApplicationName), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
        if (!r) {
            db.rollback();
            return r.error();
        }
    }
    if (!db.commit()) {
        const QString text = db.lastError().text();
        db.rollback();
        return Result<void>::fail(QObject::tr("Case file error: %1").arg(text));
    }
    return {};
}

// The first 16 bytes of every SQLite 3 database.
bool hasSqliteHeader(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

QString archiveOf(const QString &sourcePath)
{
    const qsizetype bang = sourcePath.indexOf(QLatin1String("!/"));
    return bang > 0 ? sourcePath.left(bang) : sourcePath;
}

} // namespace

QString sourceStatusId(SourceStatus s)
{
    switch (s) {
    case SourceStatus::Unchanged: return QStringLiteral("unchanged");
    case SourceStatus::Missing: return QStringLiteral("missing");
    case SourceStatus::SizeChanged: return QStringLiteral("size-changed");
    case SourceStatus::ContentChanged: return QStringLiteral("content-changed");
    }
    return QStringLiteral("unchanged");
}

QString noteTargetId(NoteTarget t)
{
    switch (t) {
    case NoteTarget::Session: return QStringLiteral("session");
    case NoteTarget::Message: return QStringLiteral("message");
    case NoteTarget::Finding: return QStringLiteral("finding");
    }
    return QStringLiteral("session");
}

static std::optional<NoteTarget> noteTargetFromId(const QString &id)
{
    for (NoteTarget t : {NoteTarget::Session, NoteTarget::Message, NoteTarget::Finding})
        if (noteTargetId(t) == id)
            return t;
    return std::nullopt;
}

QString findingStateId(FindingState s)
{
    switch (s) {
    case FindingState::New: return QStringLiteral("new");
    case FindingState::Confirmed: return QStringLiteral("confirmed");
    case FindingState::Dismissed: return QStringLiteral("dismissed");
    }
    return QStringLiteral("new");
}

std::optional<FindingState> findingStateFromId(const QString &id)
{
    for (FindingState s : {FindingState::New, FindingState::Confirmed, FindingState::Dismissed})
        if (findingStateId(s) == id)
            return s;
    return std::nullopt;
}

Result<CaseSource> describeSourceFile(const QString &path, const QString &format)
{
    const QString onDisk = archiveOf(path);
    QFile f(onDisk);
    if (!f.open(QIODevice::ReadOnly))
        return Result<CaseSource>::fail(QObject::tr("Cannot read %1: %2").arg(onDisk, f.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return Result<CaseSource>::fail(QObject::tr("Cannot read %1: %2").arg(onDisk, f.errorString()));
    CaseSource s;
    s.path = path;
    s.size = f.size();
    s.sha256 = QString::fromLatin1(hash.result().toHex());
    s.format = format;
    return s;
}

// ---------------------------------------------------------------------------------------------

CaseFile::CaseFile(QString path) : m_path(std::move(path)), m_connection(nextConnectionName()) {}

CaseFile::~CaseFile()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();  // the connection must have no users left before it is removed
    QSqlDatabase::removeDatabase(m_connection);
}

Result<void> CaseFile::connect()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Result<void>::fail(QObject::tr("The SQLite driver of Qt (libqt6sql6-sqlite) is not installed."));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return Result<void>::fail(QObject::tr("Cannot open the case file %1: %2").arg(m_path, m_db.lastError().text()));
    // A rollback journal keeps the case one file (no -wal/-shm to lose when it is copied);
    // synchronous=FULL makes every commit durable before the call returns.
    for (const auto &sql : {QStringLiteral("PRAGMA journal_mode = DELETE"), QStringLiteral("PRAGMA synchronous = FULL")}) {
        if (auto r = run(m_db, sql); !r)
            return Result<void>::fail(QObject::tr("%1 is not a readable case file: %2").arg(m_path, r.errorMessage()));
    }
    return {};
}

Result<std::unique_ptr<CaseFile>> CaseFile::create(const QString &path)
{
    using R = Result<std::unique_ptr<CaseFile>>;
    if (QFileInfo::exists(path))
        return R::fail(QObject::tr("%1 already exists.").arg(path));
    std::unique_ptr<CaseFile> c(new CaseFile(path));
    if (auto r = c->connect(); !r)
        return r.error();
    if (auto r = migrate(c->m_db, 0, kSchemaVersion); !r)
        return r.error();
    return R(std::move(c));
}

Result<std::unique_ptr<CaseFile>> CaseFile::open(const QString &path)
{
    using R = Result<std::unique_ptr<CaseFile>>;
    const QFileInfo info(path);
    if (!info.exists())
        return R::fail(QObject::tr("The case file %1 does not exist.").arg(path));
    if (!info.isFile())
        return R::fail(QObject::tr("%1 is not a file.").arg(path));
    if (!hasSqliteHeader(path))
        return R::fail(QObject::tr("%1 is not a Mailflow Workbench case file (it is not an SQLite database).").arg(path));

    std::unique_ptr<CaseFile> c(new CaseFile(path));
    if (auto r = c->connect(); !r)
        return r.error();
    // A truncated or overwritten file often opens fine and fails only on some pages: check them all.
    auto check = run(c->m_db, QStringLiteral("PRAGMA quick_check"));
    if (!check)
        return R::fail(QObject::tr("The case file %1 is damaged: %2").arg(path, check.errorMessage()));
    QStringList problems;
    while (check.value().next())
        problems << check.value().value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")})
        return R::fail(QObject::tr("The case file %1 is damaged: %2").arg(path, problems.mid(0, 3).join(QStringLiteral("; "))));

    auto appId = pragmaInt(c->m_db, QStringLiteral("application_id"));
    auto version = pragmaInt(c->m_db, QStringLiteral("user_version"));
    if (!appId || !version)
        return R::fail(QObject::tr("The case file %1 is damaged.").arg(path));
    if (appId.value() != kApplicationId || version.value() < 1)
        return R::fail(QObject::tr("%1 is an SQLite database, but not a Mailflow Workbench case file.").arg(path));
    if (version.value() > kSchemaVersion)
        return R::fail(QObject::tr("The case file %1 was written by a newer version of Mailflow Workbench "
                                   "(case format %2; this version reads up to %3).")
                           .arg(path).arg(version.value()).arg(kSchemaVersion));
    if (auto r = migrate(c->m_db, int(version.value()), kSchemaVersion); !r)
        return r.error();
    if (auto r = checkSchema(c->m_db); !r)
        return R::fail(QObject::tr("The case file %1 is incomplete and was not opened: %2").arg(path, r.errorMessage()));
    return R(std::move(c));
}

int CaseFile::schemaVersion() const
{
    auto v = pragmaInt(m_db, QStringLiteral("user_version"));
    return v ? int(v.value()) : -1;
}

Result<void> CaseFile::exec(const QString &sql, const QVariantList &bind) const
{
    auto r = run(m_db, sql, bind);
    if (!r)
        return r.error();
    return {};
}

Result<void> CaseFile::saveAs(const QString &newPath)
{
    if (QFileInfo::exists(newPath))
        return Result<void>::fail(QObject::tr("%1 already exists.").arg(newPath));
    // VACUUM INTO writes a consistent, compacted copy from one read transaction.
    if (auto r = exec(QStringLiteral("VACUUM INTO ?"), {newPath}); !r)
        return Result<void>::fail(QObject::tr("Cannot save the case as %1: %2").arg(newPath, r.errorMessage()));
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    const QString oldPath = m_path;
    m_path = newPath;
    m_connection = nextConnectionName();
    if (auto r = connect(); !r) {
        // Keep working on the original rather than on nothing.
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        m_path = oldPath;
        m_connection = nextConnectionName();
        connect();
        return r;
    }
    return {};
}

namespace {

// Rewrites the text columns of one table through fn, row by row (rowid addressed).
Result<void> rewriteColumns(QSqlDatabase &db, const QString &table, const QStringList &columns,
                            const std::function<QString(int column, const QString &value)> &fn)
{
    auto q = run(db, QStringLiteral("SELECT rowid, %1 FROM %2").arg(columns.join(QStringLiteral(", ")), table));
    if (!q)
        return q.error();
    QList<QVariantList> updates;
    while (q.value().next()) {
        QVariantList values;
        for (int c = 0; c < columns.size(); ++c)
            values << fn(c, q.value().value(c + 1).toString());
        values << q.value().value(0);
        updates << values;
    }
    QStringList sets;
    for (const QString &c : columns)
        sets << c + QStringLiteral(" = ?");
    const QString sql = QStringLiteral("UPDATE OR REPLACE %1 SET %2 WHERE rowid = ?").arg(table, sets.join(QStringLiteral(", ")));
    for (const QVariantList &u : updates) {
        if (auto r = run(db, sql, u); !r)
            return r.error();
    }
    return {};
}

} // namespace

Result<void> CaseFile::saveRedactedCopy(const QString &newPath, Redactor &redactor) const
{
    if (QFileInfo::exists(newPath))
        return Result<void>::fail(QObject::tr("%1 already exists.").arg(newPath));
    if (auto r = exec(QStringLiteral("VACUUM INTO ?"), {newPath}); !r)
        return Result<void>::fail(QObject::tr("Cannot save the case as %1: %2").arg(newPath, r.errorMessage()));

    const QString name = nextConnectionName();
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(newPath);
        auto text = [&redactor](int, const QString &v) { return redactor.redactText(v); };
        auto steps = [&]() -> Result<void> {
            if (!db.open())
                return Result<void>::fail(db.lastError().text());
            // The configuration names every server, connector, address and domain of the organisation
            // in JSON that text replacement cannot be trusted to cover: a shared copy goes without it.
            for (const auto &sql : {QStringLiteral("PRAGMA secure_delete = ON"), QStringLiteral("DELETE FROM view_state"),
                                    QStringLiteral("DELETE FROM configuration_files")})
                if (auto r = run(db, sql); !r)
                    return r.error();
            if (auto r = rewriteColumns(db, QStringLiteral("sources"), {QStringLiteral("path")}, text); !r)
                return r;
            if (auto r = rewriteColumns(db, QStringLiteral("bookmarks"), {QStringLiteral("file"), QStringLiteral("label")}, text); !r)
                return r;
            // Message ids and finding keys (servers) in note keys identify people and hosts too;
            // session ids (16 hex) pass through unchanged.
            if (auto r = rewriteColumns(db, QStringLiteral("notes"), {QStringLiteral("key"), QStringLiteral("text")}, text); !r)
                return r;
            if (auto r = rewriteColumns(db, QStringLiteral("finding_states"), {QStringLiteral("key")}, text); !r)
                return r;
            if (auto r = rewriteColumns(db, QStringLiteral("wizard_runs"), {QStringLiteral("answers"), QStringLiteral("script")},
                                        [&](int c, const QString &v) {
                                            if (c == 1)
                                                return redactor.redactText(v);
                                            const QJsonValue redacted = redactor.redactJson(QJsonDocument::fromJson(v.toUtf8()).object());
                                            return QString::fromUtf8(QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact));
                                        });
                !r)
                return r;
            if (auto r = rewriteColumns(db, QStringLiteral("console_transcripts"), {QStringLiteral("host"), QStringLiteral("text")},
                                        [&](int c, const QString &v) { return c == 0 ? redactor.redactHost(v) : redactor.redactText(v); });
                !r)
                return r;
            if (auto r = rewriteColumns(db, QStringLiteral("meta"), {QStringLiteral("value")}, text); !r)
                return r;
            if (auto r = run(db, QStringLiteral("UPDATE meta SET value = ? WHERE key = 'application'"), {QString::fromLatin1(kApplicationName)}); !r)
                return r.error();
            // Old text may still sit in free pages: rebuild the file without them.
            if (auto r = run(db, QStringLiteral("VACUUM")); !r)
                return r.error();
            return {};
        };
        result = steps();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!result) {
        QFile::remove(newPath);
        return Result<void>::fail(QObject::tr("Cannot write the redacted copy %1: %2").arg(newPath, result.errorMessage()));
    }
    return {};
}

// --- sources ---------------------------------------------------------------------------------

Result<void> CaseFile::addSource(const CaseSource &s)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO sources (path, size, sha256, format, added_ms) VALUES (?, ?, ?, ?, ?)"),
                {s.path, s.size, s.sha256, s.format, nowMs()});
}

Result<QStringList> CaseFile::addSourcesFromStore(const Store &store)
{
    // Hash outside the transaction: reading big logs must not hold the write lock.
    QList<CaseSource> described;
    QStringList unreadable;
    QSet<QString> seen;
    for (const SourceFile &f : store.files) {
        if (seen.contains(f.path))
            continue;
        seen.insert(f.path);
        auto d = describeSourceFile(f.path, formatId(f.format));
        if (d)
            described.append(d.value());
        else
            unreadable.append(f.path);
    }
    if (!m_db.transaction())
        return Result<QStringList>::fail(QObject::tr("Case file error: %1").arg(m_db.lastError().text()));
    for (const CaseSource &s : described) {
        if (auto r = addSource(s); !r) {
            m_db.rollback();
            return r.error();
        }
    }
    if (!m_db.commit()) {
        const QString text = m_db.lastError().text();
        m_db.rollback();
        return Result<QStringList>::fail(QObject::tr("Case file error: %1").arg(text));
    }
    return unreadable;
}

Result<void> CaseFile::removeSource(const QString &path)
{
    return exec(QStringLiteral("DELETE FROM sources WHERE path = ?"), {path});
}

Result<QList<CaseSource>> CaseFile::sources() const
{
    auto q = run(m_db, QStringLiteral("SELECT path, size, sha256, format FROM sources ORDER BY rowid"));
    if (!q)
        return q.error();
    QList<CaseSource> out;
    while (q.value().next())
        out.append({q.value().value(0).toString(), q.value().value(1).toLongLong(), q.value().value(2).toString(),
                    q.value().value(3).toString()});
    return out;
}

static SourceCheck compareSource(const CaseSource &recorded, const QString &pathOnDisk)
{
    SourceCheck c;
    c.recorded = recorded;
    const QFileInfo info(archiveOf(pathOnDisk));
    if (!info.isFile()) {
        c.status = SourceStatus::Missing;
        return c;
    }
    c.currentSize = info.size();
    if (c.currentSize != recorded.size) {
        c.status = SourceStatus::SizeChanged;
        return c;
    }
    auto now = describeSourceFile(pathOnDisk, recorded.format);
    if (!now) {
        c.status = SourceStatus::Missing;
        return c;
    }
    c.currentSha256 = now->sha256;
    c.status = now->sha256.compare(recorded.sha256, Qt::CaseInsensitive) == 0 ? SourceStatus::Unchanged
                                                                              : SourceStatus::ContentChanged;
    return c;
}

Result<QList<SourceCheck>> CaseFile::checkSources() const
{
    auto recorded = sources();
    if (!recorded)
        return recorded.error();
    QList<SourceCheck> out;
    for (const CaseSource &s : recorded.value())
        out.append(compareSource(s, s.path));
    return out;
}

Result<SourceCheck> CaseFile::relocateSource(const QString &oldPath, const QString &newPath)
{
    auto q = run(m_db, QStringLiteral("SELECT path, size, sha256, format FROM sources WHERE path = ?"), {oldPath});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Result<SourceCheck>::fail(QObject::tr("The case has no source %1.").arg(oldPath));
    const CaseSource recorded{q.value().value(0).toString(), q.value().value(1).toLongLong(),
                              q.value().value(2).toString(), q.value().value(3).toString()};
    SourceCheck c = compareSource(recorded, newPath);
    if (c.status == SourceStatus::Missing)
        return Result<SourceCheck>::fail(QObject::tr("Cannot read %1.").arg(newPath));
    if (auto r = exec(QStringLiteral("UPDATE sources SET path = ? WHERE path = ?"), {newPath, oldPath}); !r)
        return r.error();
    c.recorded.path = newPath;
    return c;
}

// --- bookmarks -------------------------------------------------------------------------------

Result<qint64> CaseFile::addBookmark(const Bookmark &b)
{
    auto q = run(m_db, QStringLiteral("INSERT INTO bookmarks (session_id, file, line, label, created_ms) VALUES (?, ?, ?, ?, ?)"),
                 {b.sessionId, b.file, b.line, b.label, b.createdMs ? b.createdMs : nowMs()});
    if (!q)
        return q.error();
    return q.value().lastInsertId().toLongLong();
}

Result<void> CaseFile::removeBookmark(qint64 id)
{
    return exec(QStringLiteral("DELETE FROM bookmarks WHERE id = ?"), {id});
}

Result<QList<Bookmark>> CaseFile::bookmarks() const
{
    auto q = run(m_db, QStringLiteral("SELECT id, session_id, file, line, label, created_ms FROM bookmarks ORDER BY id"));
    if (!q)
        return q.error();
    QList<Bookmark> out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        out.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toLongLong(),
                    r.value(4).toString(), r.value(5).toLongLong()});
    }
    return out;
}

// --- notes -----------------------------------------------------------------------------------

Result<void> CaseFile::setNote(NoteTarget target, const QString &key, const QString &text)
{
    if (text.isEmpty())
        return exec(QStringLiteral("DELETE FROM notes WHERE target = ? AND key = ?"), {noteTargetId(target), key});
    return exec(QStringLiteral("INSERT OR REPLACE INTO notes (target, key, text, modified_ms) VALUES (?, ?, ?, ?)"),
                {noteTargetId(target), key, text, nowMs()});
}

Result<QString> CaseFile::note(NoteTarget target, const QString &key) const
{
    auto q = run(m_db, QStringLiteral("SELECT text FROM notes WHERE target = ? AND key = ?"), {noteTargetId(target), key});
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toString() : QString();
}

Result<QList<Note>> CaseFile::notes() const
{
    auto q = run(m_db, QStringLiteral("SELECT target, key, text, modified_ms FROM notes ORDER BY target, key"));
    if (!q)
        return q.error();
    QList<Note> out;
    while (q.value().next()) {
        const auto target = noteTargetFromId(q.value().value(0).toString());
        if (!target)
            continue;  // written by a newer version: keep it in the file, do not show it
        out.append({*target, q.value().value(1).toString(), q.value().value(2).toString(), q.value().value(3).toLongLong()});
    }
    return out;
}

// --- finding states --------------------------------------------------------------------------

Result<void> CaseFile::setFindingState(const QString &rule, const QString &key, FindingState state)
{
    if (state == FindingState::New)
        return exec(QStringLiteral("DELETE FROM finding_states WHERE rule = ? AND key = ?"), {rule, key});
    return exec(QStringLiteral("INSERT OR REPLACE INTO finding_states (rule, key, state, modified_ms) VALUES (?, ?, ?, ?)"),
                {rule, key, findingStateId(state), nowMs()});
}

Result<FindingState> CaseFile::findingState(const QString &rule, const QString &key) const
{
    auto q = run(m_db, QStringLiteral("SELECT state FROM finding_states WHERE rule = ? AND key = ?"), {rule, key});
    if (!q)
        return q.error();
    if (!q.value().next())
        return FindingState::New;
    return findingStateFromId(q.value().value(0).toString()).value_or(FindingState::New);
}

Result<QList<FindingStateEntry>> CaseFile::findingStates() const
{
    auto q = run(m_db, QStringLiteral("SELECT rule, key, state FROM finding_states ORDER BY rule, key"));
    if (!q)
        return q.error();
    QList<FindingStateEntry> out;
    while (q.value().next())
        out.append({q.value().value(0).toString(), q.value().value(1).toString(),
                    findingStateFromId(q.value().value(2).toString()).value_or(FindingState::New)});
    return out;
}

// --- wizard runs -----------------------------------------------------------------------------

Result<qint64> CaseFile::addWizardRun(const WizardRun &w)
{
    auto q = run(m_db, QStringLiteral("INSERT INTO wizard_runs (scenario, answers, script, saved_ms) VALUES (?, ?, ?, ?)"),
                 {w.scenario, QString::fromUtf8(QJsonDocument(w.answers).toJson(QJsonDocument::Compact)), w.script,
                  w.savedMs ? w.savedMs : nowMs()});
    if (!q)
        return q.error();
    return q.value().lastInsertId().toLongLong();
}

Result<QList<WizardRun>> CaseFile::wizardRuns() const
{
    auto q = run(m_db, QStringLiteral("SELECT id, scenario, answers, script, saved_ms FROM wizard_runs ORDER BY id"));
    if (!q)
        return q.error();
    QList<WizardRun> out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        out.append({r.value(0).toLongLong(), r.value(1).toString(),
                    QJsonDocument::fromJson(r.value(2).toString().toUtf8()).object(), r.value(3).toString(),
                    r.value(4).toLongLong()});
    }
    return out;
}

// --- console transcripts ---------------------------------------------------------------------

Result<qint64> CaseFile::addConsoleTranscript(const QString &host, const QString &text, const QStringList &knownSecrets)
{
    auto q = run(m_db, QStringLiteral("INSERT INTO console_transcripts (host, text, saved_ms) VALUES (?, ?, ?)"),
                 {host, scrubAuthSecrets(text, knownSecrets), nowMs()});
    if (!q)
        return q.error();
    return q.value().lastInsertId().toLongLong();
}

Result<QList<ConsoleTranscript>> CaseFile::consoleTranscripts() const
{
    auto q = run(m_db, QStringLiteral("SELECT id, host, text, saved_ms FROM console_transcripts ORDER BY id"));
    if (!q)
        return q.error();
    QList<ConsoleTranscript> out;
    while (q.value().next())
        out.append({q.value().value(0).toLongLong(), q.value().value(1).toString(), q.value().value(2).toString(),
                    q.value().value(3).toLongLong()});
    return out;
}

// --- configuration ---------------------------------------------------------------------------

Result<void> CaseFile::setConfigurationFiles(const QList<config::CollectionFileCopy> &files)
{
    if (!m_db.transaction())
        return Result<void>::fail(m_db.lastError().text());
    auto steps = [&]() -> Result<void> {
        if (auto r = run(m_db, QStringLiteral("DELETE FROM configuration_files")); !r)
            return r.error();
        for (qsizetype i = 0; i < files.size(); ++i) {
            const config::CollectionFileCopy &f = files.at(i);
            if (auto r = run(m_db, QStringLiteral("INSERT INTO configuration_files (position, name, path, bytes) VALUES (?, ?, ?, ?)"),
                             // An empty file (ConvertTo-Json of nothing) is an empty blob, not NULL.
                             {qint64(i), f.name, f.path, f.bytes.isNull() ? QByteArray("") : f.bytes});
                !r)
                return r.error();
        }
        return {};
    };
    if (auto r = steps(); !r) {
        m_db.rollback();
        return r;
    }
    if (!m_db.commit())
        return Result<void>::fail(m_db.lastError().text());
    return {};
}

Result<QList<config::CollectionFileCopy>> CaseFile::configurationFiles() const
{
    auto q = run(m_db, QStringLiteral("SELECT name, path, bytes FROM configuration_files ORDER BY position"));
    if (!q)
        return q.error();
    QList<config::CollectionFileCopy> out;
    while (q.value().next())
        out.append({q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toByteArray()});
    return out;
}

// --- view state and metadata -----------------------------------------------------------------

Result<void> CaseFile::setViewState(const QByteArray &state)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO view_state (id, state) VALUES (1, ?)"), {state});
}

Result<QByteArray> CaseFile::viewState() const
{
    auto q = run(m_db, QStringLiteral("SELECT state FROM view_state WHERE id = 1"));
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toByteArray() : QByteArray();
}

Result<void> CaseFile::setMeta(const QString &key, const QString &value)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"), {key, value});
}

Result<QString> CaseFile::meta(const QString &key) const
{
    auto q = run(m_db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toString() : QString();
}

namespace casefile_detail {

Result<void> createAtSchemaVersion(const QString &path, int version)
{
    if (version < 1 || version > CaseFile::kSchemaVersion)
        return Result<void>::fail(QStringLiteral("no such schema version"));
    const QString name = nextConnectionName();
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            result = Result<void>::fail(db.lastError().text());
        else
            result = migrate(db, 0, version);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace casefile_detail

} // namespace mwb
