// The Edge certificate name mismatch, seen from both sides (issue #24): Exchange Online defers mail
// to mail.contoso.com with 450 4.4.317 SubjectMismatch, and the Edge's own receive log shows the
// handshakes that failed behind it. The finding must name the Edge (never "EXO"), list its failed
// sessions, and the sessions table must show them as TLS failed, not as healthy "no mail".
// Screenshots at 1366x768 (sessions table, TLS card, finding, wizard first page) go to
// <build>/screenshots and, with MWB_SCREENSHOT_DIR, to that folder (docs/screenshots).
#include "model/core/diagnosis/finding.h"
#include "model/itemmodels/findingsmodel.h"
#include "views/sessions/findingsview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"
#include "views/sessions/workspace.h"
#include "views/shell/mainwindow.h"
#include "tests/views/shell/screenshot.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

using namespace mwb;
using mwb::views::MainWindow;

namespace {

QByteArray edgeReceiveLog()
{
    QByteArray log = "#Software: Microsoft Exchange Server\r\n#Version: 15.02.1544.004\r\n"
                     "#Log-type: SMTP Receive Protocol Log\r\n#Date: 2026-11-20T08:00:00.000Z\r\n"
                     "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n";
    auto session = [&](const char *id, const char *minute, const char *remote, bool fails) {
        const QByteArray connector = "EDGE01\\Default internal receive connector EDGE01";
        int seq = 0;
        auto line = [&](const char *second, const char *event, const QByteArray &data, const QByteArray &context = {}) {
            log += QByteArray("2026-11-20T08:") + minute + ":" + second + "Z," + connector + "," + id + ","
                + QByteArray::number(seq++) + ",192.0.2.10:25," + remote + "," + event + "," + data + "," + context + "\r\n";
        };
        line("00.000", "+", "");
        line("00.001", ">", "\"220 EDGE01.contoso.com Microsoft ESMTP MAIL Service ready at Fri, 20 Nov 2026 08:00:00 +0000\"");
        line("00.050", "<", "EHLO DB5EUR03FT012.mail.protection.outlook.com");
        line("00.051", ">", "250  EDGE01.contoso.com Hello [40.107.22.51] SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS "
                            "X-ANONYMOUSTLS AUTH X-EXPS GSSAPI NTLM 8BITMIME BINARYMIME CHUNKING XRDST");
        line("00.100", "<", "STARTTLS");
        line("00.101", ">", "220 2.0.0 SMTP server ready");
        line("00.102", "*", "", "Sending certificate");
        line("00.102", "*", "CN=EDGE01", "Certificate subject");
        line("00.102", "*", "CN=EDGE01", "Certificate issuer name");
        line("00.102", "*", "6D2A1F43C1D7B5A3", "Certificate serial number");
        line("00.102", "*", "8E3C5D1A2B4F6E7D8C9B0A1F2E3D4C5B6A798081", "Certificate thumbprint");
        line("00.102", "*", "EDGE01;EDGE01.contoso.com", "Certificate alternate names");
        if (fails) {
            line("00.180", "*", "", "TLS negotiation failed with error SocketError");
            line("00.181", "-", "", "Remote(SocketError)");
        } else {
            line("00.150", "*", "", "TLS protocol SP_PROT_TLS1_2_SERVER negotiated with bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA_384 with strength 0 bits and key exchange algorithm CALG_ECDHE with strength 384 bits");
            line("00.200", "<", "EHLO mx.fabrikam.com");
            line("00.201", ">", "250  EDGE01.contoso.com Hello [198.51.100.20] SIZE 37748736 PIPELINING AUTH");
            line("00.300", "<", "QUIT");
            line("00.301", ">", "221 2.0.0 Service closing transmission channel");
            line("00.302", "-", "", "Local");
        }
    };
    session("08DE2A1B3C4D5E01", "00", "40.107.22.51:41001", true);
    session("08DE2A1B3C4D5E02", "05", "198.51.100.20:51000", false);
    session("08DE2A1B3C4D5E03", "10", "40.107.22.52:41002", true);
    session("08DE2A1B3C4D5E04", "20", "40.107.23.7:41003", true);
    return log;
}

QByteArray exoExtendedReport()
{
    QByteArray csv = "date_time_utc,client_ip,client_hostname,server_ip,server_hostname,source_context,connector_id,source,"
                     "event_id,internal_message_id,message_id,network_message_id,recipient_address,recipient_status,total_bytes,"
                     "recipient_count,related_recipient_address,reference,message_subject,sender_address,return_path,"
                     "message_info,directionality,tenant_id,original_client_ip,original_server_ip,custom_data\r\n";
    const char *minutes[] = {"00", "10", "20"};
    for (int i = 0; i < 3; ++i) {
        csv += QByteArray("2026-11-20T08:") + minutes[i] + ":01.0000000Z,,,192.0.2.10,mail.contoso.com,,"
               "Outbound to contoso.com (hybrid),SMTP,DEFER,,<order" + QByteArray::number(i) + "@fabrikam.com>,"
               "aaaaaaaa-0000-0000-0000-00000000000" + QByteArray::number(i) + ",bob@contoso.com,"
               "\"450 4.4.317 Cannot establish session - SubjectMismatch. Expected: mail.contoso.com, Presented: CN=EDGE01\","
               "5000,1,,,Order,alice@fabrikam.com,alice@fabrikam.com,,Outbound,tenant,,,\r\n";
    }
    return csv;
}

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestEdgeMismatch : public QObject {
    Q_OBJECT
    MainWindow *m_window = nullptr;
    QTemporaryDir m_dir;

    void save(QWidget *widget, const QString &name) { QVERIFY(testing::saveScreenshot(widget, name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MailflowWorkbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_edge_mismatch"));
        QVERIFY(m_dir.isValid());
        QVERIFY(write(m_dir.filePath(QStringLiteral("EDGE01/SmtpReceive/RECV2026112008-1.LOG")), edgeReceiveLog()));
        QVERIFY(write(m_dir.filePath(QStringLiteral("EXO/ExtendedReport.csv")), exoExtendedReport()));
        m_window = new MainWindow;
        m_window->resize(1366, 768);
        m_window->show();
        QSignalSpy finished(m_window, &MainWindow::loadFinished);
        m_window->openPaths({m_dir.path()});
        QVERIFY(finished.wait(120'000));
        QVERIFY(m_window->store());
    }
    void cleanupTestCase() { delete m_window; }

    void failedHandshakesAreTlsFailed()
    {
        int failed = 0;
        for (const Session &s : m_window->store()->sessions) {
            if (s.remote.startsWith(QLatin1String("40.107."))) {
                QCOMPARE(s.outcome, SessionOutcome::TlsFailed);
                QVERIFY(!s.tlsEstablished);
                QVERIFY(!s.lastReply.startsWith(QLatin1String("220")));
                ++failed;
            } else {
                QVERIFY(s.tlsEstablished);
            }
        }
        QCOMPARE(failed, 3);
    }

    void findingNamesTheEdgeWithItsSessions()
    {
        const QList<Finding> findings = m_window->findings();
        const auto it = std::find_if(findings.cbegin(), findings.cend(),
                                     [](const Finding &f) { return f.rule == QLatin1String("tls-subject-mismatch"); });
        QVERIFY(it != findings.cend());
        QCOMPARE(it->servers, QStringList{QStringLiteral("EDGE01")});
        QCOMPARE(it->sessionIndexes.size(), 3);
        QCOMPARE(it->parameters.value(QStringLiteral("Server")), QStringLiteral("EDGE01"));
        QCOMPARE(it->parameters.value(QStringLiteral("Fqdn")), QStringLiteral("mail.contoso.com"));
        QCOMPARE(it->parameters.value(QStringLiteral("Thumbprint")), QStringLiteral("8E3C5D1A2B4F6E7D8C9B0A1F2E3D4C5B6A798081"));
        for (const QString &v : it->parameters)
            QVERIFY2(v.compare(QLatin1String("EXO"), Qt::CaseInsensitive) != 0, qPrintable(v));
    }

    void screenshots()
    {
        m_window->findingsView()->selectRule(QStringLiteral("tls-subject-mismatch"));
        QTest::qWait(100);
        save(m_window, QStringLiteral("edge-mismatch-finding.png"));

        // "Show sessions": the table with the finding's sessions, the first one's transcript.
        auto *show = m_window->findingDetails()->findChild<QPushButton *>();
        QVERIFY(show);
        QVERIFY(show->isEnabled());
        show->click();
        views::SessionsView *sessions = m_window->workspace()->sessions();
        QTRY_VERIFY_WITH_TIMEOUT(!sessions->isFiltering(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(sessions->model()->rowCount(), 3, 10'000);
        sessions->table()->selectRow(0);
        QTest::qWait(100);
        views::TranscriptView *transcript = m_window->workspace()->transcript();
        QVERIFY(transcript->tlsCardText().contains(QLatin1String("handshake failed")));
        // The name the sender expected comes from the finding, without typing: the card shows
        // the cross for the Edge's CN=EDGE01 certificate (issue #24).
        auto *expected = transcript->findChild<QLineEdit *>(QStringLiteral("expectedFqdn"));
        QVERIFY(expected);
        QCOMPARE(expected->text(), QStringLiteral("mail.contoso.com"));
        QVERIFY2(transcript->tlsCardText().contains(QLatin1String("do NOT contain")), qPrintable(transcript->tlsCardText()));
        save(m_window, QStringLiteral("edge-mismatch-sessions.png"));
        save(m_window, QStringLiteral("edge-mismatch-tls-card.png"));

        // The wizard opens on the Edge with the evidence's name and thumbprint.
        QPushButton *wizardButton = nullptr;
        for (QPushButton *b : m_window->findingDetails()->findChildren<QPushButton *>()) {
            if (b->text().contains(QLatin1String("wizard"), Qt::CaseInsensitive))
                wizardButton = b;
        }
        QVERIFY(wizardButton);
        wizardButton->click();
        QWizard *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((wizard = m_window->findChild<QWizard *>()) != nullptr, 10'000);
        wizard->resize(1000, 700);
        QTest::qWait(200);
        save(wizard, QStringLiteral("edge-mismatch-wizard.png"));
        wizard->close();
    }
};

QTEST_MAIN(TestEdgeMismatch)
#include "tst_edge_mismatch.moc"
