// Widget tests of the session views with hand-built data (no loader): filter bar, transcript with
// TLS card, journey timeline clicks, charts export, highlighter rules, navigation history.
#include "views/common/smtphighlighter.h"
#include "views/sessions/chartsview.h"
#include "views/sessions/findingsview.h"
#include "views/sessions/journeyview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"
#include "views/sessions/workspace.h"

#include <QAccessible>
#include <QAbstractButton>
#include <QAction>
#include <QDateTime>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QHorizontalBarSeries>
#include "views/sessions/bookmarksview.h"
#include <QComboBox>
#include <QHeaderView>
#include <QSettings>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QMenu>
#include <QTest>

using namespace mwb;
using namespace mwb::views;

namespace {

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QList<Session> makeSessions()
{
    QList<Session> list;
    const qint64 t0 = at("2026-11-20T08:00:00.000Z");
    const char *replies[] = {"250 2.6.0 Queued mail for delivery", "451 4.4.317 Cannot connect", "550 5.7.1 blocked",
                             "530 5.7.3 STARTTLS is required", "221 2.0.0 closing"};
    for (int i = 0; i < 40; ++i) {
        Session s;
        s.index = i;
        s.id = QStringLiteral("08DC00000000%1").arg(i, 4, 10, QLatin1Char('0'));
        s.server = i % 2 ? QStringLiteral("EX01") : QStringLiteral("EX02");
        s.connector = s.server + QStringLiteral("\\Default Frontend");
        s.remote = QStringLiteral("203.0.113.%1:25").arg(i);
        s.startMs = t0 + i * 30'000;
        s.endMs = s.startMs + 2000;
        s.lastReply = QString::fromLatin1(replies[i % 5]);
        s.outcome = i % 5 == 0 ? SessionOutcome::Delivered : i % 5 == 1 ? SessionOutcome::Deferred
                  : i % 5 == 4 ? SessionOutcome::NoMail : SessionOutcome::Rejected;
        s.tls = i % 3 == 0;
        s.messageIds = {QStringLiteral("<m%1@fabrikam.com>").arg(i)};
        list << s;
    }
    return list;
}

Certificate certificate()
{
    Certificate c;
    c.role = CertificateRole::Sending;
    c.subject = QStringLiteral("CN=mail.contoso.com");
    c.issuer = QStringLiteral("CN=R3, O=Let's Encrypt, C=US");
    c.thumbprint = QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567");
    c.alternateNames = {QStringLiteral("mail.contoso.com"), QStringLiteral("*.contoso.com")};
    return c;
}

} // namespace

class TestSessionViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filterBarRunsTheFilterAndReportsCounts()
    {
        SessionsView view;
        view.show();
        view.setSessions(makeSessions());
        QSignalSpy applied(&view, &SessionsView::filterApplied);
        SessionFilterSpec spec;
        spec.code = QStringLiteral("5.7.*");
        spec.server = QStringLiteral("EX01");
        view.setFilterSpec(spec);
        QVERIFY(applied.count() > 0 || applied.wait(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFiltering(), 10'000);
        const int rows = view.model()->rowCount();
        QVERIFY(rows > 0);
        for (int r = 0; r < rows; ++r) {
            const Session *s = view.model()->sessionAt(r);
            QCOMPARE(s->server, QStringLiteral("EX01"));
            QVERIFY(s->lastReply.contains(QStringLiteral(" 5.7.")));
        }
        QCOMPARE(applied.last().at(1).toInt(), 40);
    }

    void theLoadedListGetsAFilterIndexThatFiltersAlikeAndGoesWithTheList()
    {
        SessionsView view;
        view.show();
        QSignalSpy ready(&view, &SessionsView::searchIndexReady);
        const QList<Session> sessions = makeSessions();
        view.setSessions(sessions);
        QVERIFY(ready.count() > 0 || ready.wait(10'000));
        const auto index = view.model()->searchIndex();
        QVERIFY(index && index->covers(view.model()->sessions()));
        QCOMPARE(index->size(), sessions.size());

        SessionFilterSpec spec;
        spec.text = QStringLiteral("ex01");
        spec.code = QStringLiteral("5.7.*");
        QSignalSpy applied(&view, &SessionsView::filterApplied);
        view.setFilterSpec(spec);
        QVERIFY(applied.count() > 0 || applied.wait(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFiltering(), 10'000);
        const std::vector<int> expected = SessionFilter::compile(spec).value().apply(sessions);
        QVERIFY(!expected.empty());
        QCOMPARE(view.model()->rowCount(), int(expected.size()));

        // Another list (a second drop) drops the index until its own is built.
        QList<Session> more = sessions;
        more.removeLast();
        view.setSessions(more);
        QVERIFY(!view.model()->searchIndex() || view.model()->searchIndex()->covers(view.model()->sessions()));
        QVERIFY(ready.wait(10'000));
        QCOMPARE(view.model()->searchIndex()->size(), more.size());
        view.clear();
        QVERIFY(!view.model()->searchIndex());
        QVERIFY(!view.isIndexing());
    }

    void clearingTheFilterOfABigListRunsOnTheWorkerAndShowsEveryRowSorted()
    {
        // Clearing the filter rebuilt and sorted all rows on the UI thread: 70 ms at 2 M sessions.
        const QList<Session> base = makeSessions();
        QList<Session> many;
        many.reserve(120'000);
        for (int i = 0; i < 120'000; ++i) {
            Session s = base.at(i % base.size());
            s.index = i;
            s.startMs += i;
            many << s;
        }
        SessionsView view;
        view.show();
        view.setSessions(many);
        view.model()->sort(SessionTableModel::Time, Qt::DescendingOrder);
        // isFiltering() ends when the worker does; the rows land with filterApplied after it.
        QSignalSpy applied(&view, &SessionsView::filterApplied);
        SessionFilterSpec spec;
        spec.code = QStringLiteral("5.7.*");
        view.setFilterSpec(spec);
        QVERIFY(applied.wait(20'000));
        QVERIFY(view.model()->rowCount() > 0);
        QVERIFY(view.model()->rowCount() < view.model()->totalCount());

        applied.clear();
        view.setFilterSpec({});
        QVERIFY(view.isFiltering());   // not done on the UI thread
        QVERIFY(applied.wait(20'000));
        QCOMPARE(view.model()->rowCount(), int(many.size()));
        QVERIFY(!view.model()->filter());
        for (int r = 1; r < 1000; ++r)
            QVERIFY(view.model()->sessionAt(r - 1)->startMs >= view.model()->sessionAt(r)->startMs);
    }

    void typingAnInvalidCodeShowsAnErrorAndKeepsTheRows()
    {
        SessionsView view;
        view.setSessions(makeSessions());
        auto *code = view.findChild<QLineEdit *>(QStringLiteral("filterCode"));
        QVERIFY(code);
        code->setText(QStringLiteral("x.y"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.filterError().isEmpty(), 5'000);
        QCOMPARE(view.model()->rowCount(), 40);
    }

    void showOnlyRestrictsToTheGivenSessions()
    {
        SessionsView view;
        view.setSessions(makeSessions());
        view.showOnly({5, 3, 5}, QStringLiteral("finding"));
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(view.currentSession(), 3);
    }

    void transcriptCardChecksTheExpectedName()
    {
        TranscriptView view;
        view.show();
        Session s = makeSessions().first();
        s.tls = true;
        s.tlsProtocol = QStringLiteral("TLS1_2");
        s.certificates = {certificate()};
        s.greetingName = QStringLiteral("mail.contoso.com");
        SessionLine l;
        l.timeMs = s.startMs;
        l.event = '>';
        l.data = QStringLiteral("220 mail.contoso.com ready");
        view.setLines(s, {l});
        QVERIFY(view.tlsCardText().contains(QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567")));
        QVERIFY(view.tlsCardText().contains(QStringLiteral("Names contain mail.contoso.com")));
        view.setExpectedFqdn(QStringLiteral("smtp.fabrikam.com"));
        QVERIFY(view.tlsCardText().contains(QStringLiteral("do NOT contain")));
        QVERIFY(view.tlsCardText().contains(QStringLiteral("Let&#x27;s Encrypt")) || view.tlsCardText().contains(QStringLiteral("Let's Encrypt")));
        view.setRawMode(true);
        QVERIFY(view.isRawMode());
        QVERIFY(view.rawText().contains(QStringLiteral("220 mail.contoso.com ready")));
    }

    // Issue #30: the session's server with its Exchange version under the header; out of support
    // in words (and colour); no line for a server whose logs name no build.
    void transcriptShowsTheServersExchangeVersion()
    {
        TranscriptView view;
        view.show();
        Session s = makeSessions().first();
        ServerVersion old;
        old.server = s.server.toUpper();
        old.build = identifyExchangeBuild(u"15.02.1544.004");
        view.setServerVersions({old});
        view.setLines(s, {});
        QCOMPARE(view.serverVersionText(),
                 s.server + QStringLiteral(" runs Exchange Server 2019 CU14 (15.2.1544.4) \u2014 OUT OF SUPPORT since 2025-10-14"));
        ServerVersion current = old;
        current.build = identifyExchangeBuild(u"15.2.2562.46");
        view.setServerVersions({current});
        QVERIFY(view.serverVersionText().endsWith(QStringLiteral("Exchange Server SE RTM Aug26SU (15.2.2562.46) \u2014 supported")));
        current.server = QStringLiteral("another-server");
        view.setServerVersions({current});
        QVERIFY(view.serverVersionText().isEmpty());
    }

    // Exchange Online deferred the organisation's mail because of the certificate the organisation
    // presented: the Send session's card judges that (sending) certificate by the name Exchange
    // Online says it expected, instead of a lone tick for Exchange Online's own certificate.
    void transcriptCardJudgesOurCertificateByWhatThePeerExpects()
    {
        TranscriptView view;
        view.resize(900, 600);
        view.show();
        Session s = makeSessions().first();
        s.direction = Direction::Send;
        s.tls = true;
        s.tlsEstablished = true;
        s.tlsProtocol = QStringLiteral("TLS1_2");
        s.lastReply = QStringLiteral("450 4.4.317 Cannot establish session - SubjectMismatch. Expected: mail.contoso.com, Presented: CN=edge01.contoso.com");
        Certificate ours;
        ours.role = CertificateRole::Sending;
        ours.subject = QStringLiteral("CN=edge01.contoso.com");
        ours.alternateNames = {QStringLiteral("edge01.contoso.com")};
        s.certificates = {ours};
        view.setLines(s, {});
        QVERIFY2(view.tlsCardText().contains(QStringLiteral("do NOT contain mail.contoso.com, the name the peer expects")), qPrintable(view.tlsCardText()));
        s.certificates.first().alternateNames = {QStringLiteral("mail.contoso.com")};
        view.setLines(s, {});
        QVERIFY(view.tlsCardText().contains(QStringLiteral("Names contain mail.contoso.com, the name the peer expects")));
        // A Receive session never reads Exchange Online's words as a verdict on its own certificate.
        s.direction = Direction::Receive;
        view.setLines(s, {});
        QVERIFY(!view.tlsCardText().contains(QStringLiteral("the name the peer expects")));
    }

    void transcriptCardFoldsToItsFirstLine()
    {
        TranscriptView view;
        view.resize(900, 600);
        view.show();
        Session s = makeSessions().first();
        s.tls = true;
        s.tlsProtocol = QStringLiteral("TLS1_2");
        s.tlsFailure = QStringLiteral("TLS negotiation failed with error SocketError");
        s.certificates = {certificate()};
        view.setLines(s, {});
        auto *expected = view.findChild<QLineEdit *>(QStringLiteral("expectedFqdn"));
        QVERIFY(expected);
        view.setTlsCardExpanded(false);
        const QString folded = view.tlsCardText();
        // Folded, the card still says the handshake failed; the certificates and the name check wait.
        QVERIFY2(folded.contains(QStringLiteral("handshake failed")), qPrintable(folded));
        QVERIFY(!folded.contains(QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567")));
        QVERIFY(!expected->isVisible());
        view.setTlsCardExpanded(true);
        QVERIFY(view.tlsCardText().contains(QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567")));
        QVERIFY(expected->isVisible());
        QVERIFY(view.isTlsCardExpanded());
    }

    void certificateNameMatchingHonoursOneLabelWildcards()
    {
        const Certificate c = certificate();
        QVERIFY(c.coversName(QStringLiteral("MAIL.contoso.com")));
        QVERIFY(c.coversName(QStringLiteral("autodiscover.contoso.com")));
        QVERIFY(!c.coversName(QStringLiteral("a.b.contoso.com")));
        QVERIFY(!c.coversName(QStringLiteral("contoso.com")));
        QVERIFY(!c.coversName(QString()));
    }

    void foldedRepliesUnfoldOnRequest()
    {
        TranscriptView view;
        Session s = makeSessions().first();
        QList<SessionLine> lines;
        for (const char *text : {"250-ex01 Hello", "250-SIZE 1000", "250 CHUNKING"}) {
            SessionLine l;
            l.timeMs = s.startMs;
            l.event = '>';
            l.data = QString::fromLatin1(text);
            lines << l;
        }
        view.setLines(s, lines);
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(!view.isExpanded(0));
        const int folded = view.table()->rowHeight(0);
        view.toggleExpanded(0);
        QVERIFY(view.isExpanded(0));
        QVERIFY(view.table()->rowHeight(0) > 2 * folded);
        view.toggleExpanded(0);
        QCOMPARE(view.table()->rowHeight(0), folded);
    }

    void clickingAHopWithASessionRequestsIt()
    {
        JourneyView view;
        view.resize(1000, 500);
        view.show();
        Message m;
        m.messageId = QStringLiteral("<j@fabrikam.com>");
        for (int i = 0; i < 3; ++i) {
            MessageHop h;
            h.server = QStringLiteral("EX0%1").arg(i);
            h.event = i == 2 ? QStringLiteral("DELIVER") : QStringLiteral("SEND");
            h.timeMs = at("2026-11-20T08:00:00.000Z") + i * 1000;
            h.sessionIndex = i == 1 ? 7 : -1;
            h.sessionId = QStringLiteral("S%1").arg(i);
            m.hops << h;
        }
        view.setMessages({m});
        QVERIFY(view.showMessageId(QStringLiteral("j@fabrikam.com")));
        QCOMPARE(view.model()->rowCount(), 3);
        QSignalSpy requested(&view, &JourneyView::sessionRequested);
        QTest::mouseClick(view.timeline(), Qt::LeftButton, {}, view.timeline()->hopRect(0).center());
        QCOMPARE(requested.count(), 0);  // no session behind this hop
        QTest::mouseClick(view.timeline(), Qt::LeftButton, {}, view.timeline()->hopRect(1).center());
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().toInt(), 7);
        // Keyboard only: Right moves to the next hop, Enter opens it like a click.
        QCOMPARE(view.timeline()->currentHop(), 0);
        QTest::keyClick(view.timeline(), Qt::Key_Right);
        QTest::keyClick(view.timeline(), Qt::Key_Right);
        QTest::keyClick(view.timeline(), Qt::Key_Right);  // stays on the last hop
        QCOMPARE(view.timeline()->currentHop(), 2);
        QTest::keyClick(view.timeline(), Qt::Key_Left);
        QTest::keyClick(view.timeline(), Qt::Key_Return);
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.last().first().toInt(), 7);
        QVERIFY(!view.showMessageId(QStringLiteral("unknown@x")));
    }

    void chartsAggregateAndExportPngAndSvg()
    {
        ChartsView view;
        view.resize(900, 600);
        view.setSessions(makeSessions());
        view.show();
        QVERIFY(view.histogram().binCount() > 0);
        QCOMPARE(view.topCodes().first().second, 8);
        QTemporaryDir dir;
        QVERIFY(view.exportImage(dir.filePath(QStringLiteral("c.png"))));
        QVERIFY(view.exportImage(dir.filePath(QStringLiteral("c.svg"))));
        QFile svg(dir.filePath(QStringLiteral("c.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("c.png"))).size() > 1000);
    }

    void highlighterColoursReplyCodesByClassAndCommands()
    {
        const QPalette palette;
        auto formatAt = [&](const QString &text, int pos) {
            for (const auto &r : smtpFormats(text, palette)) {
                if (pos >= r.start && pos < r.start + r.length)
                    return r.format;
            }
            return QTextCharFormat();
        };
        const QTextCharFormat ok = formatAt(QStringLiteral("250 2.0.0 OK"), 0);
        const QTextCharFormat transient = formatAt(QStringLiteral("451 4.7.0 Temporary server error"), 0);
        const QTextCharFormat permanent = formatAt(QStringLiteral("550 5.7.1 Relay denied"), 5);
        QVERIFY(ok.foreground().color() != transient.foreground().color());
        QVERIFY(transient.foreground().color() != permanent.foreground().color());
        QCOMPARE(formatAt(QStringLiteral("EHLO mail.fabrikam.com"), 1).fontWeight(), int(QFont::Bold));
        QVERIFY(formatAt(QStringLiteral("MAIL FROM:<a@b.com>"), 12).foreground().style() != Qt::NoBrush);
        QVERIFY(formatAt(QStringLiteral("connect 203.0.113.9:25"), 10).foreground().style() != Qt::NoBrush);
        QVERIFY(smtpFormats(QStringLiteral("plain words only"), palette).isEmpty());
    }

    void findingDetailsOfferSessionsAndWizard()
    {
        FindingDetails details;
        Finding f;
        f.rule = QStringLiteral("tls-subject-mismatch");
        f.severity = Severity::Error;
        f.title = QStringLiteral("Certificate <name> mismatch");
        f.explanation = QStringLiteral("First paragraph.\n\nSecond paragraph.");
        f.sessionIndexes = {1, 2};
        f.scenario = QStringLiteral("certificate-smtp");
        f.parameters = {{QStringLiteral("Server"), QStringLiteral("EX01")}};
        details.setFinding(&f);
        QVERIFY(details.text().contains(QStringLiteral("Certificate <name> mismatch")));
        QVERIFY(details.text().contains(QStringLiteral("Second paragraph.")));
        QSignalSpy sessions(&details, &FindingDetails::showSessions);
        QSignalSpy wizard(&details, &FindingDetails::openInWizard);
        details.showSessionsButton()->click();
        details.wizardButton()->click();
        QCOMPARE(sessions.count(), 1);
        QCOMPARE(wizard.count(), 1);
        QCOMPARE(wizard.first().first().toString(), QStringLiteral("certificate-smtp"));
        details.setFinding(nullptr);
        QVERIFY(!details.wizardButton()->isEnabled());
    }

    void previewRowsAreReplacedByTheFirstBatchOrByTheStore()
    {
        const QList<Session> all = makeSessions();
        auto model = [](Workspace &ws) { return ws.sessions()->model(); };
        {
            Workspace ws;
            ws.showPreview(all.mid(0, 5));
            QVERIFY(ws.isShowingPreview());
            QCOMPARE(model(ws)->rowCount(), 5);
            ws.showPreview(all.mid(5, 5));   // one preview per load
            QCOMPARE(model(ws)->rowCount(), 5);
            ws.appendSessions(all.mid(0, 12));   // the real first batch: no preview row stays
            QVERIFY(!ws.isShowingPreview());
            QCOMPARE(model(ws)->rowCount(), 12);
            QCOMPARE(model(ws)->totalCount(), 12);
            ws.showPreview(all.mid(20, 3));   // too late: real rows are shown
            QCOMPARE(model(ws)->rowCount(), 12);
        }
        {
            // A load that ends before any batch (cancelled): the store replaces the preview, even
            // when it happens to hold as many sessions.
            Workspace ws;
            ws.showPreview(all.mid(30, 4));
            auto store = std::make_shared<Store>();
            store->sessions = all.mid(0, 4);
            ws.setStore(store);
            QVERIFY(!ws.isShowingPreview());
            QCOMPARE(model(ws)->rowCount(), 4);
            QCOMPARE(model(ws)->sessions().at(0).id, all.at(0).id);
        }
    }

    void serverFilterListIsFilledFromAWorkerAndKeepsTheChoice()
    {
        Workspace ws;
        auto *combo = ws.findChild<QComboBox *>(QStringLiteral("filterServer"));
        QVERIFY(combo);
        QSignalSpy updated(ws.sessions(), &SessionsView::serversUpdated);
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        QVERIFY(updated.wait(10'000));
        QCOMPARE(combo->count(), 3);   // "All servers", EX01, EX02 (sorted)
        QCOMPARE(combo->itemText(1), QStringLiteral("EX01"));
        QCOMPARE(combo->itemText(2), QStringLiteral("EX02"));
        combo->setCurrentIndex(2);
        auto second = std::make_shared<Store>();
        second->sessions = makeSessions().mid(0, 2);   // still both servers
        ws.setStore(second);
        QVERIFY(updated.wait(10'000));
        QCOMPARE(combo->currentText(), QStringLiteral("EX02"));
    }

    void backAndForwardWalkTheHistory()
    {
        Workspace ws;
        ws.show();
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        ws.openSession(3);
        ws.openSession(9);
        QCOMPARE(ws.sessions()->currentSession(), 9);
        QVERIFY(ws.canGoBack());
        ws.goBack();
        QCOMPARE(ws.sessions()->currentSession(), 3);
        QVERIFY(ws.canGoForward());
        ws.goForward();
        QCOMPARE(ws.sessions()->currentSession(), 9);
        QVERIFY(!ws.canGoForward());
    }

    void viewStateRoundTripsThroughSettingsBeforeAndAfterLoading()
    {
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        QVariantMap saved;
        {
            Workspace ws;
            ws.show();
            ws.setStore(store);
            SessionFilterSpec spec;
            spec.server = QStringLiteral("EX01");
            spec.code = QStringLiteral("5.7.*");
            spec.fromMs = at("2026-11-20T08:00:00.000Z");
            spec.toMs = at("2026-11-20T08:30:00.000Z");
            spec.onlyTls = false;
            ws.sessions()->setFilterSpec(spec);
            QTRY_VERIFY_WITH_TIMEOUT(ws.sessions()->model()->rowCount() < store->sessions.size(), 10'000);
            ws.sessions()->table()->sortByColumn(SessionTableModel::Remote, Qt::DescendingOrder);
            ws.openSession(7);  // EX01, 550 5.7.1: inside the filter
            ws.setTimeDisplay(TimeDisplay::Local);
            ws.charts()->setTimeWindow(at("2026-11-20T08:05:00.000Z"), at("2026-11-20T08:10:00.000Z"));
            ws.setCurrentIndex(Workspace::ChartsTab);
            saved = ws.viewState();
        }
        // Through QSettings, as the main window stores it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ini = dir.filePath(QStringLiteral("state.ini"));
        {
            QSettings settings(ini, QSettings::IniFormat);
            settings.setValue(QStringLiteral("workspace"), saved);
        }
        const QVariantMap loaded = QSettings(ini, QSettings::IniFormat).value(QStringLiteral("workspace")).toMap();
        QCOMPARE(loaded.value(QStringLiteral("sessionId")).toString(), store->sessions.at(7).id);

        for (const bool beforeLoading : {true, false}) {
            Workspace ws;
            ws.show();
            QSignalSpy timeSpy(&ws, &Workspace::timeDisplayRestored);
            if (!beforeLoading)
                ws.setStore(store);
            ws.restoreViewState(loaded);
            if (beforeLoading)
                ws.setStore(store);
            // The filter runs on a worker; its rows land through the event loop.
            QTRY_VERIFY_WITH_TIMEOUT(ws.sessions()->model()->rowCount() < store->sessions.size(), 10'000);
            QCOMPARE(ws.currentIndex(), int(Workspace::ChartsTab));
            QCOMPARE(ws.sessions()->currentSession(), 7);
            const SessionFilterSpec spec = ws.sessions()->filterSpec();
            QCOMPARE(spec.server, QStringLiteral("EX01"));
            QCOMPARE(spec.code, QStringLiteral("5.7.*"));
            QCOMPARE(spec.fromMs, at("2026-11-20T08:00:00.000Z"));
            QCOMPARE(spec.toMs, at("2026-11-20T08:30:00.000Z"));
            QCOMPARE(ws.sessions()->table()->horizontalHeader()->sortIndicatorSection(), int(SessionTableModel::Remote));
            QCOMPARE(ws.sessions()->table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
            QCOMPARE(ws.timeDisplay(), TimeDisplay::Local);
            QCOMPARE(timeSpy.count(), 1);
            QCOMPARE(ws.charts()->timeWindowFrom(), at("2026-11-20T08:05:00.000Z"));
            QCOMPARE(ws.charts()->timeWindowTo(), at("2026-11-20T08:10:00.000Z"));
            QCOMPARE(ws.viewState(), loaded);
        }
    }

    void restoredSelectionUsesTheServerToTellEqualSessionIdsApart()
    {
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        store->sessions[12].id = store->sessions[11].id;  // 11 is on EX01, 12 on EX02
        Workspace ws;
        ws.show();
        ws.setStore(store);
        ws.restoreViewState({{QStringLiteral("sessionId"), store->sessions[11].id}, {QStringLiteral("sessionServer"), QStringLiteral("EX02")}});
        QCOMPARE(ws.sessions()->currentSession(), 12);
        ws.restoreViewState({{QStringLiteral("sessionId"), store->sessions[11].id}, {QStringLiteral("sessionServer"), QStringLiteral("EX01")}});
        QCOMPARE(ws.sessions()->currentSession(), 11);
    }

    void filterSpecMapRoundTripsEveryField()
    {
        SessionFilterSpec spec;
        spec.text = QStringLiteral("contoso|fabrikam");
        spec.textIsRegex = true;
        spec.server = QStringLiteral("EX01");
        spec.connector = QStringLiteral("Frontend");
        spec.direction = Direction::Send;
        spec.remote = QStringLiteral("10.0.0.0/8");
        spec.code = QStringLiteral("4.4.317");
        spec.outcome = SessionOutcome::Deferred;
        spec.fromMs = 1000;
        spec.toMs = 2000;
        spec.onlyTls = true;
        spec.onlyWithFinding = true;
        QVERIFY(filterSpecFromMap(filterSpecToMap(spec)) == spec);
        QVERIFY(filterSpecToMap({}).isEmpty());
        QVERIFY(filterSpecFromMap({}) == SessionFilterSpec{});
    }

    void everyFocusableControlHasAnAccessibleName()
    {
        Workspace ws;
        ws.resize(1200, 800);
        ws.show();
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        QStringList unnamed;
        for (QWidget *w : ws.findChildren<QWidget *>()) {
            // Internal parts that assistive tools reach through their named owner: a spin box's line edit, calendar popups.
            if (w->focusPolicy() == Qt::NoFocus || w->inherits("QCalendarWidget") || w->parentWidget()->inherits("QCalendarWidget")
                || w->parentWidget()->inherits("QAbstractSpinBox"))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY(iface);
            if (iface->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void ctrlBTogglesASessionBookmarkWithAnIconMarker()
    {
        Workspace ws;
        ws.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ws));
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        ws.openSession(5);
        QSignalSpy changed(&ws, &Workspace::bookmarksChanged);
        QTableView *table = ws.sessions()->table();
        ws.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&ws));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(ws.bookmarks().size(), 1);
        QCOMPARE(ws.bookmarks().first().sessionId, store->sessions.at(5).id);
        QVERIFY(ws.bookmarks().first().file.isEmpty());
        QVERIFY(changed.count() >= 1);
        const QModelIndex time = ws.sessions()->model()->index(ws.sessions()->model()->rowOfSession(5), SessionTableModel::Time);
        QVERIFY(time.data(SessionTableModel::BookmarkedRole).toBool());
        QVERIFY(!time.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(time.data(Qt::ToolTipRole).toString().contains(QStringLiteral("bookmarked")));
        // The action is in the table's context menu too.
        bool inMenu = false;
        for (QAction *a : table->actions())
            inMenu = inMenu || a->shortcut() == QKeySequence(QStringLiteral("Ctrl+B"));
        QVERIFY(inMenu);
        QCOMPARE(table->contextMenuPolicy(), Qt::CustomContextMenu);
        QCOMPARE(ws.bookmarksView()->table()->model()->rowCount(), 1);
        QTest::keyClick(table, Qt::Key_B, Qt::ControlModifier);
        QVERIFY(ws.bookmarks().isEmpty());
        QVERIFY(!time.data(SessionTableModel::BookmarkedRole).toBool());
        QVERIFY(time.data(Qt::DecorationRole).isNull());
        {
            // The row menu: the bookmark action, and "Apply as Filter" on the server cell filters
            // the table to that server.
            const QModelIndex server = ws.sessions()->model()->index(time.row(), SessionTableModel::Server);
            std::unique_ptr<QMenu> menu(ws.sessionMenu(server, table->actions().value(0)));
            QVERIFY(menu);
            QAction *apply = menu->findChild<QAction *>(QStringLiteral("applyAsFilter"));
            QVERIFY(apply);
            QVERIFY(apply->isEnabled());
            const QString wanted = ws.sessions()->model()->sessionAt(time.row())->server;
            apply->trigger();
            QCOMPARE(ws.sessions()->filterSpec().server, wanted);
            ws.sessions()->setFilterSpec({});
            QTRY_VERIFY_WITH_TIMEOUT(!ws.sessions()->isFiltering(), 10'000);
        }
    }

    void lineBookmarksMarkTheTranscriptAndJumpBack()
    {
        Workspace ws;
        ws.show();
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        const Session s = store->sessions.at(4);
        QList<SessionLine> lines;
        for (int i = 0; i < 3; ++i) {
            SessionLine l;
            l.timeMs = s.startMs + i;
            l.event = i % 2 ? '<' : '>';
            l.data = QStringLiteral("line %1").arg(i);
            l.ref.fileIndex = 0;
            l.ref.line = 100 + i;
            lines << l;
        }
        ws.transcript()->setLines(s, lines, {QStringLiteral("/logs/EX01/RECV2026112008-1.LOG")});
        QVERIFY(ws.toggleLineBookmark(1));
        const Bookmark b = ws.bookmarks().value(0);
        QCOMPARE(b.sessionId, s.id);
        QCOMPARE(b.file, QStringLiteral("/logs/EX01/RECV2026112008-1.LOG"));
        QCOMPARE(b.line, qint64(101));
        const TranscriptModel *tm = ws.transcript()->model();
        QVERIFY(tm->index(1, 0).data(TranscriptModel::BookmarkedRole).toBool());
        QVERIFY(!tm->index(1, TranscriptModel::AbsoluteTime).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!tm->index(0, 0).data(TranscriptModel::BookmarkedRole).toBool());

        // Case files hand the list back: the markers follow, and a session bookmark opens its session.
        Bookmark session;
        session.id = 7;
        session.sessionId = store->sessions.at(12).id;
        QSignalSpy changed(&ws, &Workspace::bookmarksChanged);
        ws.setBookmarks({session, b});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ws.bookmarks(), (QList<Bookmark>{session, b}));
        ws.openSession(0);
        ws.setCurrentIndex(Workspace::BookmarksTab);
        ws.bookmarksView()->table()->setCurrentIndex(ws.bookmarksView()->table()->model()->index(0, 0));
        ws.bookmarksView()->openCurrent();
        QCOMPARE(ws.currentIndex(), int(Workspace::SessionsTab));
        QCOMPARE(ws.sessions()->currentSession(), 12);
        Bookmark unknown;
        unknown.sessionId = QStringLiteral("FFFF");
        QVERIFY(!ws.openBookmark(unknown));
    }

    void f6MovesTheFocusThroughThePanes()
    {
        Workspace ws;
        ws.show();
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        ws.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&ws));
        ws.sessions()->table()->setFocus();
        QTRY_COMPARE_WITH_TIMEOUT(ws.focusedPane(), static_cast<QWidget *>(ws.sessions()->table()), 5000);
        QTest::keyClick(ws.sessions()->table(), Qt::Key_F6);
        QCOMPARE(ws.focusedPane(), static_cast<QWidget *>(ws.transcript()->table()));
        ws.focusNextPane();
        QCOMPARE(ws.currentIndex(), int(Workspace::JourneyTab));
        ws.focusNextPane();
        QCOMPARE(ws.currentIndex(), int(Workspace::ChartsTab));
        ws.focusNextPane();
        QCOMPARE(ws.currentIndex(), int(Workspace::BookmarksTab));
        QCOMPARE(ws.focusedPane(), static_cast<QWidget *>(ws.bookmarksView()->table()));
        ws.focusNextPane(true);
        QCOMPARE(ws.currentIndex(), int(Workspace::ChartsTab));
    }

    void rubberBandOnTheSessionsChartFiltersTheTableToThatRange()
    {
        Workspace ws;
        ws.resize(1200, 800);
        ws.show();
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        ws.setCurrentIndex(Workspace::ChartsTab);
        QChartView *view = ws.charts()->findChildren<QChartView *>().value(0);
        QVERIFY(view);
        QVERIFY(view->chart()->title().contains(QStringLiteral("Sessions")));
        auto *axis = qobject_cast<QDateTimeAxis *>(view->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        const qint64 from = at("2026-11-20T08:05:00.000Z");
        const qint64 to = at("2026-11-20T08:10:00.000Z");
        // The chart draws UTC values shifted into local time (Qt Charts labels in local time).
        const qint64 shift = -qint64(QDateTime::fromMSecsSinceEpoch(from).offsetFromUtc()) * 1000;
        axis->setRange(QDateTime::fromMSecsSinceEpoch(from + shift), QDateTime::fromMSecsSinceEpoch(to + shift));
        // The table is filtered to the window, and the admin stays on the charts (issue #28).
        QTRY_COMPARE_WITH_TIMEOUT(ws.sessions()->filterSpec().fromMs, from, 5000);
        QCOMPARE(ws.sessions()->filterSpec().toMs, to);
        QCOMPARE(ws.currentIndex(), int(Workspace::ChartsTab));
        // Sessions start every 30 s from 08:00: ten start in [08:05, 08:10).
        QTRY_COMPARE_WITH_TIMEOUT(ws.sessions()->model()->rowCount(), 10, 10'000);
        QCOMPARE(ws.charts()->timeWindowFrom(), from);
        // The charts count what the filter lets through: ten sessions in the histogram.
        const auto counted = [&ws] {
            int c = 0;
            for (const auto &bin : ws.charts()->histogram().byOutcome)
                for (int n : bin)
                    c += n;
            return c;
        };
        QTRY_COMPARE_WITH_TIMEOUT(counted(), 10, 5000);
        // Reset Zoom: the time filter goes, all sessions come back.
        auto *reset = ws.charts()->findChild<QPushButton *>(QStringLiteral("resetZoom"));
        QVERIFY(reset && reset->isEnabled());
        reset->click();
        QTRY_COMPARE_WITH_TIMEOUT(ws.sessions()->filterSpec().fromMs, kNoTime, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(ws.sessions()->model()->rowCount(), int(store->sessions.size()), 10'000);
    }

    void clickingATopCodeBarFiltersTheTableToThatCode()
    {
        Workspace ws;
        ws.resize(1200, 800);
        ws.show();
        auto store = std::make_shared<Store>();
        store->sessions = makeSessions();
        ws.setStore(store);
        ws.setCurrentIndex(Workspace::ChartsTab);
        QChartView *codes = nullptr;
        for (QChartView *v : ws.charts()->findChildren<QChartView *>()) {
            if (v->chart()->title().contains(QStringLiteral("codes")))
                codes = v;
        }
        QVERIFY(codes);
        auto *series = qobject_cast<QHorizontalBarSeries *>(codes->chart()->series().value(0));
        QVERIFY(series);
        // Bars run bottom-up: the last category is the most frequent code.
        const int top = int(ws.charts()->topCodes().size()) - 1;
        QVERIFY(top >= 0);
        Q_EMIT series->clicked(top, series->barSets().value(0));
        const QString expected = parseReplyCode(ws.charts()->topCodes().first().first).enhanced;
        QTRY_COMPARE_WITH_TIMEOUT(ws.currentIndex(), int(Workspace::SessionsTab), 5000);
        QCOMPARE(ws.sessions()->filterSpec().code, expected);
        QTRY_COMPARE_WITH_TIMEOUT(ws.sessions()->model()->rowCount(), ws.charts()->topCodes().first().second, 10'000);
    }
};

QTEST_MAIN(TestSessionViews)
#include "tst_sessionviews.moc"
