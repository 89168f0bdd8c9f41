// Screenshots of the session views with the bundled samples loaded (issue 5): the sessions table
// with a filter, a transcript with a TLS card and a highlighted gap, a message journey across three
// servers, the charts. Written under <build>/screenshots; also to $MWB_SCREENSHOT_DIR when set
// (docs/screenshots is refreshed that way, never implicitly by a test run).
#include "model/itemmodels/transcriptmodel.h"
#include "views/sessions/chartsview.h"
#include "views/sessions/journeyview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"
#include "views/sessions/workspace.h"
#include "views/shell/mainwindow.h"
#include "tests/views/shell/screenshot.h"

#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace mwb;
using mwb::views::MainWindow;

class TestScreenshots : public QObject {
    Q_OBJECT
private:
    MainWindow *m_window = nullptr;

    void save(const QString &name) { QVERIFY(testing::saveScreenshot(m_window, name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MailflowWorkbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_screenshots"));
        m_window = new MainWindow;
        m_window->resize(1440, 900);
        m_window->show();
        QSignalSpy finished(m_window, &MainWindow::loadFinished);
        m_window->openPaths({QStringLiteral(MWB_SOURCE_DIR "/resources/samples")});
        QVERIFY(finished.wait(120'000));
        QVERIFY(m_window->store());
        QVERIFY(!m_window->store()->sessions.isEmpty());
    }

    void cleanupTestCase() { delete m_window; }

    void sessionsTableWithAFilter()
    {
        views::SessionsView *sessions = m_window->workspace()->sessions();
        QSignalSpy applied(sessions, &views::SessionsView::filterApplied);
        SessionFilterSpec spec;
        spec.outcome = SessionOutcome::Rejected;
        sessions->setFilterSpec(spec);
        QVERIFY(applied.count() > 0 || applied.wait(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(!sessions->isFiltering(), 10'000);
        const int shown = sessions->model()->rowCount();
        if (shown == 0)
            QSKIP("the samples have no rejected session");
        QVERIFY(shown < sessions->model()->totalCount());
        for (int r = 0; r < shown; ++r)
            QCOMPARE(sessions->model()->sessionAt(r)->outcome, SessionOutcome::Rejected);
        sessions->table()->selectRow(0);
        save(QStringLiteral("sessions-filter.png"));
        sessions->setFilterSpec({});
    }

    void transcriptWithTlsCardAndGap()
    {
        const Store *store = m_window->store().get();
        int pick = -1;
        for (const Session &s : store->sessions) {
            if (!s.certificates.isEmpty() && s.maxGapMs > kTranscriptGapMs) {
                pick = s.index;
                break;
            }
        }
        if (pick < 0)
            QSKIP("the samples have no TLS session with a gap over 1 s");
        m_window->workspace()->openSession(pick);
        views::TranscriptView *transcript = m_window->workspace()->transcript();
        QCOMPARE(transcript->model()->session().index, pick);
        QVERIFY(!transcript->tlsCardText().isEmpty());
        int gapRow = -1;
        for (int r = 0; r < transcript->model()->rowCount() && gapRow < 0; ++r) {
            if (transcript->model()->index(r, 0).data(TranscriptModel::GapRole).toLongLong() > 0)
                gapRow = r;
        }
        QVERIFY(gapRow >= 0);
        transcript->table()->scrollTo(transcript->model()->index(gapRow, 0));
        save(QStringLiteral("transcript-tls-gap.png"));
    }

    void messageJourneyAcrossThreeServers()
    {
        const Store *store = m_window->store().get();
        QString id;
        for (const Message &m : store->messages) {
            QSet<QString> servers;
            for (const MessageHop &h : m.hops)
                servers.insert(h.server.toLower());
            if (servers.size() >= 3) {
                id = m.messageId;
                break;
            }
        }
        if (id.isEmpty())
            QSKIP("the samples have no message across three servers");
        QVERIFY(m_window->workspace()->openMessage(id));
        QCOMPARE(m_window->workspace()->currentIndex(), int(views::Workspace::JourneyTab));
        QVERIFY(m_window->workspace()->journey()->model()->rowCount() >= 3);
        save(QStringLiteral("message-journey.png"));
    }

    void charts()
    {
        m_window->workspace()->setCurrentIndex(views::Workspace::ChartsTab);
        QVERIFY(m_window->workspace()->charts()->histogram().binCount() > 0);
        save(QStringLiteral("charts.png"));
        m_window->workspace()->setCurrentIndex(views::Workspace::SessionsTab);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
