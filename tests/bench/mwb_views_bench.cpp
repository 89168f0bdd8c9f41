// Views benchmark (a program, not a timed test): see docs/benchmarks.md "Views (mwb-views-bench)".
//   mwb-views-bench [--sessions N] [--data DIR] [--max-mb N] [--skip-ui]
// (a) Core session filter over N synthesised sessions (default 2,000,000): ms per filter kind.
// (b) The real Workspace offscreen with a 10 ms heartbeat QTimer on the UI thread while it loads
//     (LoadJob with the diagnosis engine over the protocol logs in DIR, as the main window loads, or
//     the synthesised sessions in loader-sized batches),
//     scrolls the sessions table, applies filters and switches sessions: the longest stall per phase
//     and the time until the first sessions are shown.
#include "model/core/common/hugepagemalloc.h"
#include "model/core/diagnosis/engine.h"
#include "model/core/sessions/loader.h"
#include "model/itemmodels/sessionfilter.h"
#include "model/itemmodels/sessionsearchindex.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"
#include "views/sessions/workspace.h"

#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

using namespace mwb;
using namespace mwb::views;

namespace {

// Session shapes like the generator's: several servers and connectors, public and private remotes,
// every outcome, reply codes of all classes, a third with TLS.
QList<Session> synthesise(int count)
{
    QList<Session> list;
    list.reserve(count);
    QRandomGenerator rng(2026);
    const qint64 t0 = QDateTime::fromString(QStringLiteral("2026-11-20T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    const QString servers[] = {QStringLiteral("EX01"), QStringLiteral("EX02"), QStringLiteral("EDGE01")};
    const QString replies[] = {QStringLiteral("250 2.6.0 <id@contoso.com> Queued mail for delivery"),
                               QStringLiteral("451 4.4.317 Cannot connect to remote server"),
                               QStringLiteral("550 5.7.1 Unable to relay"),
                               QStringLiteral("530 5.7.3 Client was not authenticated"),
                               QStringLiteral("421 4.3.2 Service not available"),
                               QStringLiteral("221 2.0.0 Service closing transmission channel")};
    const SessionOutcome outcomes[] = {SessionOutcome::Delivered, SessionOutcome::Deferred, SessionOutcome::Rejected,
                                       SessionOutcome::Rejected, SessionOutcome::Dropped, SessionOutcome::NoMail};
    for (int i = 0; i < count; ++i) {
        Session s;
        s.index = i;
        s.id = QStringLiteral("08DC%1").arg(quint64(i) * 2654435761u % 0xFFFFFFFFFFFull, 12, 16, QLatin1Char('0')).toUpper();
        const QString &server = servers[i % 3];
        s.server = server;
        s.connector = server + (i % 2 ? QStringLiteral("\\Default Frontend ") : QStringLiteral("\\Client Proxy ")) + server;
        s.direction = i % 4 == 0 ? Direction::Send : Direction::Receive;
        s.local = QStringLiteral("10.0.0.5:25");
        const quint32 r = rng.generate();
        s.remote = i % 5 == 0 ? QStringLiteral("10.%1.%2.%3:25").arg((r >> 16) & 255).arg((r >> 8) & 255).arg(r & 255)
                              : QStringLiteral("203.0.%1.%2:%3").arg((r >> 8) & 255).arg(r & 255).arg(1024 + (r >> 20));
        s.startMs = t0 + qint64(i) * 40;  // ~22 h for 2 M sessions
        s.endMs = s.startMs + 300 + (r % 4000);
        s.ehlo = QStringLiteral("mail%1.fabrikam.com").arg(r % 5000);
        s.tls = i % 3 == 0;
        s.mailFrom = QStringLiteral("user%1@fabrikam.com").arg(r % 20000);
        s.recipients = {QStringLiteral("alice%1@contoso.com").arg(i % 300)};
        s.messageIds = {QStringLiteral("<%1@fabrikam.com>").arg(i)};
        const int kind = int(r % 6);
        s.lastReply = replies[kind];
        s.outcome = outcomes[kind];
        s.lineCount = 12;
        list << s;
    }
    return list;
}

qint64 rssAnonKb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("RssAnon:", 0) == 0)
            return std::stoll(line.substr(8));
    }
    return 0;
}

struct Heartbeat {
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    qint64 longestEndedAt = 0;   // ms since reset(): tells which stage stalled
    qint64 since = 0;
    // Every gap over 30 ms (start, end in ms since reset()): with the handler times below it tells
    // which piece of UI work a stall belongs to.
    QList<std::pair<qint64, qint64>> gaps;
    void reset()
    {
        last = since = clock.elapsed();
        longest = longestEndedAt = 0;
        gaps.clear();
    }
    void beat()
    {
        const qint64 now = clock.elapsed();
        if (now - last > 30)
            gaps.append({last - since, now - since});
        if (now - last > longest) {
            longest = now - last;
            longestEndedAt = now - since;
        }
        last = now;
    }
    // A stall that is still going on counts too.
    qint64 finish()
    {
        beat();
        return longest;
    }
};

// Runs the event loop until `done` or the bound; returns false on timeout.
template<typename F>
bool spinUntil(F done, int boundMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > boundMs)
            return false;
        // Sleeps until an event comes (the heartbeat timer fires every 10 ms), as the GUI's event
        // loop does. Polling without waiting kept the UI thread always runnable, and the scheduler
        // then made it wait out whole time slices of the load's threads: 40 ms "stalls" that the
        // GUI, which sleeps in poll() and is woken ahead of them, does not have.
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void spinFor(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
}

} // namespace

// Times every event the UI thread handles; with --trace-events the ones that took 5 ms or more
// are printed (receiver class, event type, when and how long): they name what a stall is made of.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool trace = false;
    QElapsedTimer clock;
    QStringList slow;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!trace)
            return QApplication::notify(receiver, event);
        const qint64 at = clock.elapsed();
        QElapsedTimer t;
        t.start();
        const int type = int(event->type());
        const bool r = QApplication::notify(receiver, event);
        if (t.elapsed() >= 5)
            slow << QStringLiteral("%1 ms: %2 ms in event %3 to %4").arg(at).arg(t.elapsed()).arg(type)
                        .arg(QString::fromLatin1(receiver->metaObject()->className()));
        return r;
    }
};

int main(int argc, char **argv)
{
    mwb::restartWithHugePageMalloc(argv);   // as the GUI starts (app/gui/main.cpp): the same heap
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    TimingApplication app(argc, argv);
    int count = 2'000'000;
    QString data;
    qint64 maxMb = 0;
    bool skipUi = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--sessions") && i + 1 < args.size())
            count = args[++i].toInt();
        else if (args[i] == QLatin1String("--data") && i + 1 < args.size())
            data = args[++i];
        else if (args[i] == QLatin1String("--max-mb") && i + 1 < args.size())
            maxMb = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--skip-ui"))
            skipUi = true;
        else if (args[i] == QLatin1String("--trace-events"))
            app.trace = true;
        else {
            std::fprintf(stderr, "usage: mwb-views-bench [--sessions N] [--data DIR] [--max-mb N] [--skip-ui] [--trace-events]\n");
            return 2;
        }
    }

    // ---- (a) core filter -------------------------------------------------------------------------
    QElapsedTimer t;
    t.start();
    const QList<Session> sessions = synthesise(count);
    std::printf("synthesised %lld sessions in %lld ms\n", qlonglong(sessions.size()), t.elapsed());
    struct Kind {
        const char *name;
        SessionFilterSpec spec;
    };
    QList<Kind> kinds;
    auto add = [&kinds](const char *name, auto fill) {
        SessionFilterSpec spec;
        fill(spec);
        kinds << Kind{name, spec};
    };
    add("text \"user123@\"", [](SessionFilterSpec &s) { s.text = QStringLiteral("user123@"); });
    add("text \"4.4.317\"", [](SessionFilterSpec &s) { s.text = QStringLiteral("4.4.317"); });
    add("regex \"user1[0-9]{3}@\"", [](SessionFilterSpec &s) { s.text = QStringLiteral("user1[0-9]{3}@"); s.textIsRegex = true; });
    add("CIDR 10.0.0.0/8", [](SessionFilterSpec &s) { s.remote = QStringLiteral("10.0.0.0/8"); });
    add("code 5.7.*", [](SessionFilterSpec &s) { s.code = QStringLiteral("5.7.*"); });
    // The middle tenth of the loaded time span.
    const qint64 firstMs = sessions.isEmpty() ? 0 : sessions.first().startMs;
    const qint64 spanMs = sessions.isEmpty() ? 0 : sessions.last().startMs - firstMs;
    add("time range (a tenth of the span)", [&](SessionFilterSpec &s) {
        s.fromMs = firstMs + spanMs / 2;
        s.toMs = s.fromMs + spanMs / 10;
    });
    add("server + code 4.* + TLS", [](SessionFilterSpec &s) {
        s.server = QStringLiteral("EX01");
        s.code = QStringLiteral("4.*");
        s.onlyTls = true;
    });
    // The filter index, as the sessions view builds it for a loaded list.
    const qint64 rssBefore = rssAnonKb();
    t.restart();
    const std::shared_ptr<const SessionSearchIndex> index = SessionSearchIndex::build(sessions);
    const qint64 buildMs = t.elapsed();
    std::printf("search index: built in %lld ms, %lld MB (%.0f bytes per session), RssAnon +%lld MB\n", buildMs,
                qlonglong(index->byteSize() / (1024 * 1024)), double(index->byteSize()) / double(std::max<qsizetype>(1, sessions.size())),
                (rssAnonKb() - rssBefore) / 1024);
    std::printf("\n| filter | matches | ms with the index (best of 3) | ms reading the sessions (best of 3) |\n|---|---:|---:|---:|\n");
    for (const Kind &k : kinds) {
        auto compiled = SessionFilter::compile(k.spec);
        if (!compiled) {
            std::printf("| %s | invalid: %s | | |\n", k.name, qPrintable(compiled.errorMessage()));
            continue;
        }
        const SessionFilter filter = std::move(compiled).value();
        size_t matches = 0;
        auto best = [&](const SessionSearchIndex *idx) {
            qint64 bestMs = -1;
            for (int run = 0; run < 3; ++run) {
                QElapsedTimer ft;
                ft.start();
                const std::vector<int> rows = filter.applyRange(sessions, 0, sessions.size(), idx);
                const qint64 ms = ft.elapsed();
                matches = rows.size();
                bestMs = bestMs < 0 ? ms : std::min(bestMs, ms);
            }
            return bestMs;
        };
        const qint64 plain = best(nullptr);
        const size_t plainMatches = matches;
        const qint64 indexed = best(index.get());
        std::printf("| %s | %zu%s | %lld | %lld |\n", k.name, matches, plainMatches == matches ? "" : " (MISMATCH)", indexed, plain);
    }
    std::fflush(stdout);
    if (skipUi)
        return 0;

    // ---- (b) UI thread heartbeat -----------------------------------------------------------------
    Workspace ws;
    ws.resize(1400, 900);
    ws.show();
    Heartbeat hb;
    hb.clock.start();
    QTimer heartbeat;
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, [&hb] { hb.beat(); });
    heartbeat.start();
    spinFor(200);

    std::printf("\n| phase | longest UI stall (ms) | notes |\n|---|---:|---|\n");
    hb.reset();
    QElapsedTimer load;
    load.start();
    app.clock.start();   // event times in the same scale as the stalls
    qint64 firstShown = -1;
    QObject::connect(ws.sessions()->model(), &QAbstractItemModel::rowsInserted, &ws, [&] {
        if (firstShown < 0)
            firstShown = load.elapsed();
    });
    QObject::connect(ws.sessions()->model(), &QAbstractItemModel::modelReset, &ws, [&] {
        if (firstShown < 0 && ws.sessions()->model()->rowCount() > 0)
            firstShown = load.elapsed();
    });
    QString source;
    if (!data.isEmpty()) {
        QStringList files;
        qint64 bytes = 0;
        QDirIterator it(data, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            const QString base = QFileInfo(f).fileName();
            if (base.startsWith(QLatin1String("RECV")) || base.startsWith(QLatin1String("SEND")))
                files << f;
        }
        files.sort();
        QStringList chosen;
        for (const QString &f : files) {
            if (maxMb > 0 && bytes >= maxMb * 1024 * 1024)
                break;
            chosen << f;
            bytes += QFileInfo(f).size();
        }
        source = QStringLiteral("%1 protocol files, %2 MB").arg(chosen.size()).arg(bytes / (1024 * 1024));
        LoadJob job;
        bool finished = false;
        // Each UI handler's start and duration (ms since the load began), printed beside the stalls.
        QStringList handlers;
        auto timed = [&](const QString &what, auto &&work) {
            const qint64 at = load.elapsed();
            QElapsedTimer ht;
            ht.start();
            work();
            if (ht.elapsed() >= 10)
                handlers << QStringLiteral("%1 at %2 ms took %3 ms").arg(what).arg(at).arg(ht.elapsed());
        };
        QObject::connect(&job, &LoadJob::sessionsPreview, &ws, [&](const QList<Session> &preview) {
            timed(QStringLiteral("preview of %1").arg(preview.size()), [&] { ws.showPreview(preview); });
        });
        QObject::connect(&job, &LoadJob::sessionsExpected, &ws, [&](qsizetype total) {
            timed(QStringLiteral("reserve %1").arg(total), [&] { ws.reserveSessions(total); });
        });
        QObject::connect(&job, &LoadJob::sessionsAdded, &ws, [&](const QList<Session> &all, qsizetype begin, qsizetype end) {
            timed(QStringLiteral("append %1").arg(end - begin), [&] { ws.appendSessions(all, begin, end); });
        });
        // With the diagnosis engine, as the main window loads: its findings reach the views at the end.
        auto engine = DiagnosisEngine::create();
        QObject::connect(&job, &LoadJob::finished, &ws, [&](std::shared_ptr<Store> store, bool) {
            QElapsedTimer st;
            st.start();
            ws.setStore(std::move(store));
            const qint64 setStoreMs = st.restart();
            const QList<Finding> findings = engine ? engine.value()->findings() : QList<Finding>{};
            ws.setFindings(findings);
            std::printf("(setStore %lld ms, findings + setFindings %lld ms, %lld findings)\n", setStoreMs, st.elapsed(),
                        qlonglong(findings.size()));
            handlers << QStringLiteral("finished at %1 ms").arg(load.elapsed());
            finished = true;
        });
        job.start(chosen, engine ? engine.value().get() : nullptr);
        if (!spinUntil([&] { return finished; }, 30 * 60 * 1000)) {
            std::fprintf(stderr, "load did not finish\n");
            return 1;
        }
        for (const QString &h : std::as_const(handlers))
            std::printf("  handler: %s\n", qPrintable(h));
        for (const QString &e : std::as_const(app.slow))
            std::printf("  slow event at %s\n", qPrintable(e));
        app.slow.clear();
    } else {
        // Loader-sized batches (the loader emits about every 100 ms) through the event loop.
        source = QStringLiteral("%1 synthesised sessions in batches of 20,000").arg(sessions.size());
        const int batch = 20'000;
        qint64 slowestAppend = 0;
        int slowestBatch = -1;
        ws.reserveSessions(sessions.size());   // as the main window does on LoadJob::sessionsExpected
        for (qsizetype i = 0; i < sessions.size(); i += batch) {
            // As LoadJob hands them over: the whole list (shared) and the new range.
            QElapsedTimer at;
            at.start();
            ws.appendSessions(sessions, i, std::min(sessions.size(), i + batch));
            if (at.elapsed() > slowestAppend) {
                slowestAppend = at.elapsed();
                slowestBatch = int(i / batch);
            }
            spinFor(10);
        }
        auto store = std::make_shared<Store>();
        store->sessions = sessions;
        QElapsedTimer st;
        st.start();
        ws.setStore(store);
        std::printf("(slowest appendSessions batch %lld ms, batch #%d, setStore %lld ms)\n", slowestAppend, slowestBatch, st.elapsed());
    }
    spinFor(100);
    const qint64 loadMs = load.elapsed();
    // The sessions view builds its filter index after the load; the filters below use it.
    const qint64 rssLoaded = rssAnonKb();
    QElapsedTimer it;
    it.start();
    spinUntil([&] { return !ws.sessions()->isIndexing(); }, 10 * 60 * 1000);
    const qint64 indexMs = it.elapsed();
    const auto built = ws.sessions()->model()->searchIndex();
    const qint64 loadStall = hb.finish();
    for (const auto &[from, to] : std::as_const(hb.gaps))
        std::printf("  stall: %lld-%lld ms (%lld ms)\n", from, to, to - from);
    std::printf("| load (%s) | %lld | %lld sessions in %lld ms; first sessions shown after %lld ms; longest stall ended at %lld ms; "
                "then the filter index in %lld ms more (%lld MB, RssAnon %lld -> %lld MB) |\n",
                qPrintable(source), loadStall, qlonglong(ws.sessions()->model()->totalCount()), loadMs, firstShown,
                hb.longestEndedAt, indexMs, qlonglong(built ? built->byteSize() / (1024 * 1024) : -1), rssLoaded / 1024,
                rssAnonKb() / 1024);
    std::fflush(stdout);

    // Scroll: page through the table the way a held PgDn / a dragged scroll bar does.
    hb.reset();
    QScrollBar *bar = ws.sessions()->table()->verticalScrollBar();
    for (int step = 0; step < 200; ++step) {
        bar->setValue(int(qint64(bar->maximum()) * step / 199));
        ws.sessions()->table()->viewport()->repaint();
        spinFor(5);
    }
    std::printf("| scroll (200 jumps top to bottom, each repainted) | %lld | |\n", hb.finish());
    std::fflush(stdout);

    // Filters, through the filter bar as the admin types them.
    hb.reset();
    qint64 slowestFilter = 0;
    const char *slowestKind = "";
    for (const Kind &k : kinds) {
        QElapsedTimer ft;
        ft.start();
        bool applied = false;
        const auto c = QObject::connect(ws.sessions(), &SessionsView::filterApplied, &ws, [&applied] { applied = true; });
        ws.sessions()->setFilterSpec(k.spec);
        spinUntil([&] { return applied && !ws.sessions()->isFiltering(); }, 60'000);
        QObject::disconnect(c);
        if (ft.elapsed() > slowestFilter) {
            slowestFilter = ft.elapsed();
            slowestKind = k.name;
        }
    }
    ws.sessions()->setFilterSpec({});
    spinFor(100);
    std::printf("| filter (%lld kinds via the filter bar, worker thread) | %lld | slowest filter until rows shown: %lld ms (%s) |\n",
                qlonglong(kinds.size()), hb.finish(), slowestFilter, slowestKind);
    std::fflush(stdout);

    // Switch sessions: select sessions spread over the load; the transcript is read each time.
    hb.reset();
    const int total = ws.sessions()->model()->totalCount();
    QElapsedTimer st;
    st.start();
    for (int i = 0; i < 100 && total > 0; ++i) {
        ws.sessions()->selectSession(int(qint64(total - 1) * i / 99));
        spinFor(5);
    }
    std::printf("| switch sessions (100 selections, transcript each) | %lld | %.1f ms per switch incl. 5 ms of event loop |\n",
                hb.finish(), double(st.elapsed()) / 100.0);
    return 0;
}
