// The SMTP console offscreen against an in-process scripted SMTP server with STARTTLS and a
// two-certificate chain made by openssl. Also writes <build>/screenshots/console-session.png and
// certificate-inspector.png (and to $MWB_SCREENSHOT_DIR when set).
#include "views/console/certificateinspector.h"
#include "views/console/consolewidget.h"
#include "views/console/dnspanel.h"
#include "views/common/theme.h"
#include "tests/integration/fixtures.h"

#include "model/core/cases/casefile.h"

#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QInputDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QMessageBox>
#include <QTimer>
#include <QTest>
#include <QTreeWidget>

using namespace mwb::views;

namespace {

// The text format of the first transcript row containing `needle` (invalid if there is none).
QTextCharFormat formatOfRow(const QPlainTextEdit *view, const QString &needle)
{
    for (QTextBlock b = view->document()->firstBlock(); b.isValid(); b = b.next()) {
        if (b.text().contains(needle))
            return b.begin().fragment().charFormat();
    }
    return {};
}

// The control a focus widget belongs to: Qt's own inner parts (a spin box's line edit, a tab
// widget's tab bar) are named "qt_…" and stand for their owner.
QWidget *controlOf(QWidget *w)
{
    while (w && w->objectName().startsWith(QLatin1String("qt_")) && w->parentWidget())
        w = w->parentWidget();
    return w;
}

bool openssl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Plain SMTP with STARTTLS; after 354 it swallows the body and stays silent (the stall) unless
// the terminator arrives. AUTH LOGIN accepts anything.
class SmtpPeer : public QTcpServer {
public:
    QList<QSslCertificate> chain;
    QSslKey key;
    QByteArray received;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *s = new QSslSocket(this);
        s->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        auto inData = std::make_shared<bool>(false);
        auto authStage = std::make_shared<int>(0);
        connect(s, &QSslSocket::readyRead, this, [this, s, buffer, inData, authStage] {
            const QByteArray bytes = s->readAll();
            received += bytes;
            *buffer += bytes;
            qsizetype lf;
            while ((lf = buffer->indexOf('\n')) >= 0) {
                const QByteArray line = buffer->left(lf).trimmed();
                buffer->remove(0, lf + 1);
                const QByteArray verb = line.split(' ').first().toUpper();
                if (*inData) {
                    if (line == ".") {
                        *inData = false;
                        s->write("250 2.6.0 <id@peer> Queued mail for delivery\r\n");
                    }
                } else if (*authStage == 1) {
                    *authStage = 2;
                    s->write("334 UGFzc3dvcmQ6\r\n");
                } else if (*authStage == 2) {
                    *authStage = 0;
                    s->write("235 2.7.0 Authentication successful\r\n");
                } else if (verb == "EHLO") {
                    s->write(s->isEncrypted()
                                 ? "250-mail.contoso.com Hello [127.0.0.1]\r\n250-SIZE 37748736\r\n250-PIPELINING\r\n250-DSN\r\n"
                                   "250-ENHANCEDSTATUSCODES\r\n250-AUTH LOGIN\r\n250-X-EXPS GSSAPI NTLM\r\n250-8BITMIME\r\n"
                                   "250-BINARYMIME\r\n250 CHUNKING\r\n"
                                 : "250-mail.contoso.com Hello [127.0.0.1]\r\n250-SIZE 37748736\r\n250-PIPELINING\r\n250-DSN\r\n"
                                   "250-ENHANCEDSTATUSCODES\r\n250-STARTTLS\r\n250-X-ANONYMOUSTLS\r\n250-8BITMIME\r\n"
                                   "250-BINARYMIME\r\n250 CHUNKING\r\n");
                } else if (verb == "STARTTLS") {
                    s->write("220 2.0.0 SMTP server ready\r\n");
                    s->flush();
                    s->setLocalCertificateChain(chain);
                    s->setPrivateKey(key);
                    s->startServerEncryption();
                } else if (verb == "AUTH" && line.split(' ').size() > 2) {
                    s->write("235 2.7.0 Authentication successful\r\n");  // initial response (PLAIN, XOAUTH2)
                } else if (verb == "AUTH" && line.toUpper().startsWith("AUTH CRAM-MD5")) {
                    *authStage = 2;  // one challenge, one response
                    s->write("334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n");
                } else if (verb == "AUTH") {
                    *authStage = 1;
                    s->write("334 VXNlcm5hbWU6\r\n");
                } else if (verb == "MAIL") {
                    s->write("250 2.1.0 Sender OK\r\n");
                } else if (verb == "RCPT") {
                    s->write("250 2.1.5 Recipient OK\r\n");
                } else if (verb == "DATA") {
                    *inData = true;
                    s->write("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
                } else if (verb == "QUIT") {
                    s->write("221 2.0.0 Service closing transmission channel\r\n");
                    s->disconnectFromHost();
                } else {
                    s->write("250 2.0.0 OK\r\n");
                }
            }
        });
        s->write("220 mail.contoso.com Microsoft ESMTP MAIL Service ready\r\n");
    }
};

} // namespace

class TestConsoleWidget : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    SmtpPeer m_peer;
    QString m_leafSha1;

    ConsoleProfile profile() const
    {
        ConsoleProfile p;
        p.host = QStringLiteral("127.0.0.1");
        p.port = m_peer.serverPort();
        p.mode = mwb::smtp::TlsMode::StartTls;
        p.ehloName = QStringLiteral("ex01.fabrikam.com");
        p.expectedName = QStringLiteral("mail.contoso.com");
        return p;
    }
    static void saveShot(QWidget *w, const QString &name)
    {
        // Under <build>/screenshots; also to $MWB_SCREENSHOT_DIR when set (docs/screenshots is
        // refreshed that way, never implicitly by a test run).
        const QImage image = w->grab().toImage();
        QVERIFY(!image.isNull());
        QStringList dirs{QStringLiteral(MWB_BUILD_DIR "/screenshots")};
        if (!qEnvironmentVariable("MWB_SCREENSHOT_DIR").isEmpty())
            dirs << qEnvironmentVariable("MWB_SCREENSHOT_DIR");
        for (const QString &dir : dirs) {
            QDir().mkpath(dir);
            QVERIFY(image.save(dir + u'/' + name));
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MailflowWorkbenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_console_widget"));
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed");
        const QString d = m_dir.path();
        // A small CA and a server certificate it signed, sent as a two-certificate chain.
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-sha256"), QStringLiteral("-days"), QStringLiteral("365"),
                         QStringLiteral("-keyout"), d + QStringLiteral("/ca.key"), QStringLiteral("-out"), d + QStringLiteral("/ca.crt"),
                         QStringLiteral("-subj"), QStringLiteral("/C=US/O=Contoso/CN=Contoso Issuing CA 01")}));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), d + QStringLiteral("/leaf.key"),
                         QStringLiteral("-out"), d + QStringLiteral("/leaf.csr"),
                         QStringLiteral("-subj"), QStringLiteral("/C=US/O=Contoso/CN=mail.contoso.com")}));
        QFile ext(d + QStringLiteral("/san.ext"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=DNS:mail.contoso.com,DNS:autodiscover.contoso.com\n");
        ext.close();
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), d + QStringLiteral("/leaf.csr"),
                         QStringLiteral("-CA"), d + QStringLiteral("/ca.crt"), QStringLiteral("-CAkey"), d + QStringLiteral("/ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("200"), QStringLiteral("-sha256"),
                         QStringLiteral("-extfile"), d + QStringLiteral("/san.ext"), QStringLiteral("-out"), d + QStringLiteral("/leaf.crt")}));
        const QSslCertificate leaf = QSslCertificate::fromPath(d + QStringLiteral("/leaf.crt")).value(0);
        const QSslCertificate ca = QSslCertificate::fromPath(d + QStringLiteral("/ca.crt")).value(0);
        QVERIFY(!leaf.isNull() && !ca.isNull());
        m_leafSha1 = QString::fromLatin1(leaf.digest(QCryptographicHash::Sha1).toHex()).toUpper();
        m_peer.chain = {leaf, ca};
        QFile key(d + QStringLiteral("/leaf.key"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_peer.key = QSslKey(key.readAll(), QSsl::Rsa);
        QVERIFY(m_peer.listen(QHostAddress::LocalHost));
    }

    void stalledSessionKeepsTheUiResponsiveAndIsShownClearly()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.resize(1280, 760);
        console.show();
        console.setProfile(profile());
        console.setFaultNoTerminator(true);
        console.runQuickTest();
        QTRY_VERIFY_WITH_TIMEOUT(console.transcriptView()->toPlainText().contains(QStringLiteral("WITHOUT the <CRLF>.<CRLF>")), 20000);
        // DATA is still waiting for the server, and the UI keeps working meanwhile.
        QVERIFY(console.client()->isBusy());
        QTest::keyClicks(console.commandLine(), QStringLiteral("NOOP"));
        QCOMPARE(console.commandLine()->text(), QStringLiteral("NOOP"));
        console.commandLine()->clear();
        const QString text = console.transcriptView()->toPlainText();
        QVERIFY(text.contains(QStringLiteral("S ← 354 Start mail input")));
        QVERIFY(text.contains(QStringLiteral("C → STARTTLS")));
        QVERIFY(text.contains(QStringLiteral("TLS established")));
        QVERIFY(text.contains(QStringLiteral("ms")));
        console.setHexView(true);
        QVERIFY(console.transcriptView()->toPlainText().contains(QStringLiteral("45 48 4C 4F")));  // "EHLO"
        console.setHexView(false);
        // The silence is counted while the UI stays live.
        // Any count of 2 s or more: under a loaded CI machine the once-a-second update can skip "2 s".
        const QRegularExpression silence(QStringLiteral("no reply for ([0-9]+) s"));
        auto silentSeconds = [&] {
            const QRegularExpressionMatch m = silence.match(console.stateText());
            return m.hasMatch() ? m.captured(1).toInt() : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(silentSeconds() >= 2, 10000);
        QVERIFY(console.stateText().startsWith(QStringLiteral("DATA")));
        console.sideTabs()->setCurrentIndex(0);
        saveShot(&console, QStringLiteral("console-session.png"));
        console.abortSession();
        QTRY_VERIFY_WITH_TIMEOUT(!console.client()->isBusy(), 5000);
        QVERIFY(!console.client()->isConnected());
        QVERIFY(!m_peer.received.contains("\r\n.\r\n"));
        // The abort came after seconds of silence: the row says so in words, not only in colour.
        const QString after = console.transcriptView()->toPlainText();
        QVERIFY(after.contains(QStringLiteral("Aborted by the user")));
        const QString abortRow = after.section(QStringLiteral("Aborted by the user"), 1).section(u'\n', 0, 0);
        QVERIFY2(abortRow.contains(QStringLiteral("after ")) && abortRow.contains(QStringLiteral("of silence")),
                 qPrintable(abortRow));
    }

    void transcriptUsesTheSharedThemeColoursBesideTheArrows()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.resize(1280, 760);
        console.show();
        console.setProfile(profile());
        console.executeCommand(QStringLiteral("CONNECT"));
        console.executeCommand(QStringLiteral("EHLO"));
        console.executeCommand(QStringLiteral("BOGUS"));
        QTRY_VERIFY_WITH_TIMEOUT(console.transcriptView()->toPlainText().contains(QStringLiteral("S ← 250 2.0.0 OK")), 20000);
        const TranscriptColors colors = transcriptColors(console.palette());
        const QTextCharFormat client = formatOfRow(console.transcriptView(), QStringLiteral("C → EHLO"));
        const QTextCharFormat server = formatOfRow(console.transcriptView(), QStringLiteral("S ← 220 mail.contoso.com"));
        QVERIFY(client.isValid());
        QVERIFY(server.isValid());
        QCOMPARE(client.foreground().color(), colors.client);
        QCOMPARE(server.foreground().color(), colors.server);
        QVERIFY(colors.client != colors.server);
        // A dark palette recolours what is already shown, with the dark theme's colours.
        QPalette dark = console.palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        console.setPalette(dark);
        QVERIFY(isDark(console.palette()));
        const TranscriptColors darkColors = transcriptColors(console.palette());
        QVERIFY(darkColors.client != colors.client);
        QCOMPARE(formatOfRow(console.transcriptView(), QStringLiteral("C → EHLO")).foreground().color(), darkColors.client);
        QCOMPARE(formatOfRow(console.transcriptView(), QStringLiteral("S ← 220 mail.contoso.com")).foreground().color(),
                 darkColors.server);
        console.executeCommand(QStringLiteral("QUIT"));
        QTRY_VERIFY_WITH_TIMEOUT(!console.client()->isBusy(), 20000);
    }

    void everyConsoleControlHasAnAccessibleName()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.resize(1280, 760);
        console.show();
        int checked = 0;
        // Every page of the side tabs, so the certificate and DNS controls are visible in turn.
        for (int page = 0; page < console.sideTabs()->count(); ++page) {
            console.sideTabs()->setCurrentIndex(page);
            for (QWidget *w : console.findChildren<QWidget *>()) {
                if (!(w->focusPolicy() & Qt::TabFocus) || !w->isVisibleTo(&console))
                    continue;
                QWidget *control = controlOf(w);
                QVERIFY2(!control->accessibleName().isEmpty(),
                         qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(control->metaObject()->className()),
                                                                 control->objectName())));
                ++checked;
            }
        }
        QVERIFY(checked >= 25);
    }

    void tabMovesThroughTheConsoleInScreenOrder()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.resize(1280, 760);
        console.show();
        QApplication::setActiveWindow(&console);
        QVERIFY(QTest::qWaitForWindowActive(&console));
        console.sideTabs()->setCurrentIndex(0);
        QWidget *first = nullptr;
        for (QWidget *w : console.findChildren<QWidget *>()) {
            if (w->accessibleName() == QLatin1String("Saved connection profile"))
                first = w;
        }
        QVERIFY(first);
        first->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget() ? controlOf(QApplication::focusWidget()) : nullptr, first);
        // "Disconnect" is disabled while not connected, so Tab skips it.
        const QStringList expected{QStringLiteral("Saved connection profile"), QStringLiteral("Host"), QStringLiteral("Port"),
                                   QStringLiteral("Encryption"), QStringLiteral("Connect"), QStringLiteral("Quick test"),
                                   QStringLiteral("EHLO as"), QStringLiteral("Expected certificate name"),
                                   QStringLiteral("Save profile"), QStringLiteral("SMTP transcript"),
                                   QStringLiteral("Session details"), QStringLiteral("Capabilities"),
                                   QStringLiteral("SMTP command"), QStringLiteral("Send command"),
                                   QStringLiteral("Raw bytes (hex)"), QStringLiteral("Timings"),
                                   QStringLiteral("Fault: DATA without terminator"), QStringLiteral("Allow AUTH without TLS"),
                                   QStringLiteral("Save transcript")};
        QStringList seen;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            seen << controlOf(focus)->accessibleName();
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QCOMPARE(seen, expected);
    }

    void certificateInspectorShowsChainAndOpensScenario()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.resize(1280, 760);
        console.show();
        console.setProfile(profile());
        QSignalSpy idle(&console, &ConsoleWidget::sessionIdle);
        console.runQuickTest();
        QVERIFY(idle.wait(30000));
        for (const auto &r : console.client()->results())
            QVERIFY2(r.ok, qPrintable(r.name + u' ' + r.error));
        CertificateInspector *inspector = console.certificateInspector();
        QCOMPARE(inspector->chainTree()->topLevelItemCount(), 2);
        QCOMPARE(inspector->tlsInfo().chain.first().thumbprint, m_leafSha1);
        QVERIFY(inspector->tlsInfo().nameCheck.matches);
        QVERIFY(inspector->scenarioButton()->isEnabled());
        QSignalSpy scenario(&console, &ConsoleWidget::openCertificateScenario);
        QTest::mouseClick(inspector->scenarioButton(), Qt::LeftButton);
        QCOMPARE(scenario.size(), 1);
        const auto params = scenario.first().first().value<QMap<QString, QString>>();
        QCOMPARE(params.value(QStringLiteral("Thumbprint")), m_leafSha1);
        QCOMPARE(params.value(QStringLiteral("Fqdn")), QStringLiteral("mail.contoso.com"));
        QCOMPARE(params.value(QStringLiteral("TlsCertificateName")),
                 QStringLiteral("<I>CN=Contoso Issuing CA 01, O=Contoso, C=US<S>CN=mail.contoso.com, O=Contoso, C=US"));
        console.sideTabs()->setCurrentWidget(inspector);
        inspector->chainTree()->expandAll();
        saveShot(&console, QStringLiteral("certificate-inspector.png"));
    }

    void savedTranscriptNeverContainsThePassword()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.setProfile(profile());
        QSignalSpy idle(&console, &ConsoleWidget::sessionIdle);
        console.executeCommand(QStringLiteral("CONNECT"));
        console.executeCommand(QStringLiteral("EHLO"));
        console.executeCommand(QStringLiteral("STARTTLS"));
        console.executeCommand(QStringLiteral("EHLO"));
        const QString password = QStringLiteral("Pa55word!secret");
        console.authenticate(QStringLiteral("LOGIN"), QStringLiteral("admin@contoso.com"), password);
        console.executeCommand(QStringLiteral("QUIT"));
        QTRY_VERIFY_WITH_TIMEOUT(!console.client()->isBusy() && console.client()->results().size() == 6, 30000);
        QVERIFY(console.client()->results().at(4).ok);
        const QString path = m_dir.filePath(QStringLiteral("transcript.txt"));
        QVERIFY(console.saveTranscript(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        QVERIFY(!saved.contains(password.toUtf8()));
        QVERIFY(!saved.contains(password.toUtf8().toBase64()));
        QVERIFY(saved.contains("********"));
        QVERIFY(saved.contains("334 UGFzc3dvcmQ6"));
        QVERIFY(!console.transcriptView()->toPlainText().contains(password));
        for (const QString &h : console.history())
            QVERIFY(!h.contains(password));
    }

    // #29.7: AUTH PLAIN, LOGIN, XOAUTH2 and CRAM-MD5 in one session; then every file the app
    // writes from it (saved transcript, the copy text, a case file with its WAL, the settings)
    // is searched for each secret, raw and base64-encoded.
    void noAuthSecretOfAnyMechanismReachesAnyFile()
    {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.setProfile(profile());
        console.saveProfile(profile());
        console.executeCommand(QStringLiteral("CONNECT"));
        console.executeCommand(QStringLiteral("EHLO"));
        console.executeCommand(QStringLiteral("STARTTLS"));
        console.executeCommand(QStringLiteral("EHLO"));
        const QString plainPassword = QStringLiteral("PlainPa55!secret");
        const QString loginPassword = QStringLiteral("LoginPa55!secret");
        const QByteArray oauthToken = "ya29.OAUTHTOKENsecretXYZ";
        const QByteArray xoauth = ("user=admin@contoso.com\x01auth=Bearer " + oauthToken + "\x01\x01").toBase64();
        const QByteArray cram = QByteArray("admin@contoso.com 6d4f1f1fdeadbeefCRAMsecret").toBase64();
        console.authenticate(QStringLiteral("PLAIN"), QStringLiteral("admin@contoso.com"), plainPassword);
        console.authenticate(QStringLiteral("LOGIN"), QStringLiteral("admin@contoso.com"), loginPassword);
        console.executeCommand(QStringLiteral("AUTH XOAUTH2 ") + QString::fromLatin1(xoauth));
        console.executeCommand(QStringLiteral("AUTH CRAM-MD5"));
        QTRY_VERIFY_WITH_TIMEOUT(console.client()->inAuthExchange() && !console.client()->isBusy(), 30000);
        console.executeCommand(QString::fromLatin1(cram));
        console.executeCommand(QStringLiteral("QUIT"));
        QTRY_VERIFY_WITH_TIMEOUT(!console.client()->isBusy() && console.client()->results().size() == 10, 30000);
        for (int i = 4; i < 9; ++i)
            QVERIFY2(console.client()->results().at(i).ok, qPrintable(console.client()->results().at(i).name));

        QVERIFY(console.saveTranscript(out.filePath(QStringLiteral("transcript.txt"))));
        {
            QFile copy(out.filePath(QStringLiteral("copy.txt")));  // what Copy puts on the clipboard
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(console.transcriptText().toUtf8());
            copy.write(console.transcriptView()->toPlainText().toUtf8());
            copy.write(console.history().join(u'\n').toUtf8());
        }
        {
            auto created = mwb::CaseFile::create(out.filePath(QStringLiteral("case.mwbcase")));
            QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
            QVERIFY(created.value()->addConsoleTranscript(QStringLiteral("127.0.0.1"), console.transcriptText()).ok());
        }
        QStringList files;
        for (const QFileInfo &fi : QDir(out.path()).entryInfoList(QDir::Files))
            files << fi.filePath();
        QSettings settings;
        settings.sync();
        files << settings.fileName();
        QVERIFY(files.size() >= 4);

        const QList<QByteArray> secrets{
            plainPassword.toUtf8(), plainPassword.toUtf8().toBase64(),
            QByteArray("\0admin@contoso.com\0" + plainPassword.toUtf8()).toBase64(),
            loginPassword.toUtf8(), loginPassword.toUtf8().toBase64(),
            oauthToken, xoauth, cram, QByteArray("CRAMsecret")};
        for (const QString &path : std::as_const(files)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(QStringLiteral("%1 holds %2").arg(path, QString::fromLatin1(secret))));
        }
        // And the secrets did go over the wire, so the test could have failed.
        QVERIFY(m_peer.received.contains(xoauth));
        QVERIFY(m_peer.received.contains(cram));
    }

    void authTypedOnTheCommandLineAsksForThePasswordInstead()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.executeCommand(QStringLiteral("AUTH LOGIN someone"));
        QCOMPARE(console.history().last(), QStringLiteral("AUTH LOGIN someone"));
        QTRY_VERIFY_WITH_TIMEOUT(console.findChild<QInputDialog *>() != nullptr, 5000);
        console.findChild<QInputDialog *>()->reject();
        QVERIFY(console.client()->results().isEmpty());
    }

    void commandHistoryAndVerbCompletion()
    {
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.show();
        console.executeCommand(QStringLiteral("NOOP"));
        console.executeCommand(QStringLiteral("HELP"));
        QCOMPARE(console.history(), (QStringList{QStringLiteral("NOOP"), QStringLiteral("HELP")}));
        console.commandLine()->setFocus();
        QTest::keyClick(console.commandLine(), Qt::Key_Up);
        QCOMPARE(console.commandLine()->text(), QStringLiteral("HELP"));
        QTest::keyClick(console.commandLine(), Qt::Key_Up);
        QCOMPARE(console.commandLine()->text(), QStringLiteral("NOOP"));
        QTest::keyClick(console.commandLine(), Qt::Key_Down);
        QCOMPARE(console.commandLine()->text(), QStringLiteral("HELP"));
        QVERIFY(ConsoleWidget::verbs().contains(QStringLiteral("STARTTLS")));
        QCompleter *completer = console.commandLine()->completer();
        QVERIFY(completer);
        completer->setCompletionPrefix(QStringLiteral("star"));
        QCOMPARE(completer->currentCompletion(), QStringLiteral("STARTTLS"));
        // Without a connection the commands fail cleanly in the transcript.
        QTRY_VERIFY_WITH_TIMEOUT(console.transcriptView()->toPlainText().contains(QStringLiteral("Not connected")), 5000);
    }

    void profilesRoundTripThroughSettings()
    {
        {
            ConsoleWidget console;
            console.setConfirmSending(false);
            ConsoleProfile p = profile();
            p.name = QStringLiteral("EX01 receive");
            console.saveProfile(p);
            QVERIFY(console.profileNames().contains(p.name));
        }
        ConsoleWidget other;
        other.setConfirmSending(false);
        QVERIFY(other.profileNames().contains(QStringLiteral("EX01 receive")));
        const ConsoleProfile loaded = other.loadProfile(QStringLiteral("EX01 receive"));
        QCOMPARE(loaded.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(loaded.port, int(m_peer.serverPort()));
        QCOMPARE(loaded.mode, mwb::smtp::TlsMode::StartTls);
        QCOMPARE(loaded.ehloName, QStringLiteral("ex01.fabrikam.com"));
        QCOMPARE(loaded.expectedName, QStringLiteral("mail.contoso.com"));
        other.setProfile(loaded);
        QCOMPARE(other.currentProfile().host, loaded.host);
        other.deleteProfile(QStringLiteral("EX01 receive"));
        QVERIFY(!other.profileNames().contains(QStringLiteral("EX01 receive")));
    }

    void mxHostsAreProbedInPriorityOrderAtTheirDnsAddresses()
    {
        if (!fixtures::have(QStringLiteral("dnsmasq")))
            QSKIP("dnsmasq is not installed (scripts/install-deps.sh installs dnsmasq-base)");
        SmtpPeer first;
        SmtpPeer second;
        first.chain = second.chain = m_peer.chain;
        first.key = second.key = m_peer.key;
        if (!first.listen(QHostAddress(QStringLiteral("127.0.0.25")), 25) || !second.listen(QHostAddress(QStringLiteral("127.0.0.26")), 25))
            QSKIP("cannot listen on 127.0.0.25:25 / 127.0.0.26:25 (needs root)");
        const QHostAddress listen(QStringLiteral("127.0.0.157"));
        const quint16 port = fixtures::freeUdpPort(listen);
        fixtures::Daemon dns;
        QVERIFY(dns.start(fixtures::program(QStringLiteral("dnsmasq")),
                          {QStringLiteral("--keep-in-foreground"), QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
                           QStringLiteral("--conf-file=/dev/null"), QStringLiteral("--pid-file="), QStringLiteral("--bind-interfaces"),
                           QStringLiteral("--listen-address=") + listen.toString(), QStringLiteral("--port=%1").arg(port),
                           QStringLiteral("--user=root"), QStringLiteral("--local=/test/"),
                           QStringLiteral("--mx-host=contoso.test,backup.contoso.test,20"),
                           QStringLiteral("--mx-host=contoso.test,mail.contoso.test,10"),
                           QStringLiteral("--host-record=mail.contoso.test,127.0.0.25"),
                           QStringLiteral("--host-record=backup.contoso.test,127.0.0.26")}));
        ConsoleWidget console;
        console.setConfirmSending(false);
        console.setProfile(profile());
        DnsPanel *panel = console.dnsPanel();
        const QString resolver = QStringLiteral("%1:%2").arg(listen.toString()).arg(port);
        // dnsmasq needs a moment to bind: ask until it answers (bounded).
        QVERIFY2(QTest::qWaitFor([&] {
                     QSignalSpy done(panel, &DnsPanel::finished);
                     panel->lookup(QStringLiteral("contoso.test"), resolver);
                     return done.wait(15000) && panel->mxHosts().size() == 2;
                 }, 30000),
                 dns.output().constData());
        QCOMPARE(panel->mxHosts(), (QStringList{QStringLiteral("mail.contoso.test"), QStringLiteral("backup.contoso.test")}));
        QSignalSpy started(&console, &ConsoleWidget::mxProbeStarted);
        QSignalSpy idle(&console, &ConsoleWidget::sessionIdle);
        console.probeMxInOrder(panel->mxHosts());
        QVERIFY(idle.wait(60000));
        QCOMPARE(started.size(), 2);
        QCOMPARE(started.at(0).first().toString(), QStringLiteral("mail.contoso.test"));
        QCOMPARE(started.at(1).first().toString(), QStringLiteral("backup.contoso.test"));
        QVERIFY(first.received.startsWith("EHLO"));
        QVERIFY(second.received.startsWith("EHLO"));
        // The certificate was judged by the MX name: it covers mail.contoso.com, not these.
        QCOMPARE(console.certificateInspector()->tlsInfo().nameCheck.expected, QStringLiteral("backup.contoso.test"));
        QVERIFY(!console.certificateInspector()->tlsInfo().nameCheck.matches);
        const QString text = console.transcriptText();
        QVERIFY(text.indexOf(QStringLiteral("Connecting to 127.0.0.25 port 25")) < text.indexOf(QStringLiteral("Connecting to 127.0.0.26 port 25")));
    }

    void dnsPanelRejectsABadResolverWithoutCrashing()
    {
        DnsPanel panel;
        QSignalSpy finished(&panel, &DnsPanel::finished);
        panel.lookup(QStringLiteral("contoso.test"), QStringLiteral("not-an-ip"));
        QCOMPARE(finished.size(), 0);
        panel.lookup(QString());
        QCOMPARE(finished.size(), 0);
        QCOMPARE(panel.results()->topLevelItemCount(), 0);
    }
    void sendingAMessageAsksFirst()
    {
        // DATA and the quick test deliver for real: the console asks, and Cancel sends nothing.
        ConsoleWidget console;
        QSettings().remove(QStringLiteral("console/confirmSend"));
        bool asked = false;
        QTimer::singleShot(0, &console, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = box->text().contains(QStringLiteral("for real"));
            box->reject();
        });
        console.runQuickTest();
        QVERIFY(asked);
        // Nothing was queued: the console did not start connecting.
        QVERIFY(console.transcriptText().trimmed().isEmpty());
        QVERIFY(!console.stateText().startsWith(QStringLiteral("CONNECT")));
    }
};

QTEST_MAIN(TestConsoleWidget)
#include "tst_console_widget.moc"
