#include "views/console/consolewidget.h"
#include "model/core/common/timeutil.h"
#include "model/core/smtp/consolecommand.h"

#include "model/core/smtp/probe.h"
#include "views/console/certificateinspector.h"
#include "views/console/dnspanel.h"
#include "views/common/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QMessageBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace mwb::views {

using mwb::smtp::Direction;
using mwb::smtp::Step;
using mwb::smtp::TlsMode;

namespace {

constexpr int kHistoryMax = 200;
constexpr int kHexBytesShown = 512;

// The shared transcript palette (views/common/theme), so the console and the session views agree.
QColor colourFor(Direction d, const TranscriptColors &colors)
{
    switch (d) {
    case Direction::Client: return colors.client;
    case Direction::Server: return colors.server;
    case Direction::Info: return colors.info;
    case Direction::Warning: return colors.warning;
    case Direction::Error: return colors.error;
    case Direction::Connect:
    case Direction::Disconnect: return colors.info;
    }
    return {};
}


QString hexDump(const QByteArray &raw)
{
    const QByteArray shown = raw.left(kHexBytesShown);
    QString hex = QString::fromLatin1(shown.toHex(' ')).toUpper();
    QString ascii;
    for (const char c : shown)
        ascii += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QChar(u'.');
    QString out = hex + QStringLiteral("  |") + ascii + u'|';
    if (raw.size() > shown.size())
        out += QStringLiteral(" … %1 more bytes").arg(raw.size() - shown.size());
    return out;
}

QString modeKey(TlsMode m)
{
    return mwb::smtp::tlsModeName(m);
}

TlsMode modeFromKey(const QString &k)
{
    if (k == u"plain")
        return TlsMode::Plain;
    if (k == u"tls")
        return TlsMode::Implicit;
    return TlsMode::StartTls;
}

} // namespace

QStringList ConsoleWidget::verbs()
{
    return {QStringLiteral("CONNECT"), QStringLiteral("EHLO"), QStringLiteral("HELO"), QStringLiteral("STARTTLS"),
            QStringLiteral("AUTH LOGIN"), QStringLiteral("AUTH PLAIN"), QStringLiteral("MAIL FROM:<"), QStringLiteral("RCPT TO:<"),
            QStringLiteral("DATA"), QStringLiteral("BDAT"), QStringLiteral("RSET"), QStringLiteral("NOOP"), QStringLiteral("VRFY"),
            QStringLiteral("HELP"), QStringLiteral("QUIT"), QStringLiteral("X-ANONYMOUSTLS"), QStringLiteral("X-EXPS GSSAPI"),
            QStringLiteral("QUICKTEST")};
}

ConsoleWidget::ConsoleWidget(QWidget *parent)
    : QWidget(parent),
      m_client(new mwb::smtp::SmtpClient(nullptr, this)),
      m_profiles(new QComboBox(this)),
      m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)),
      m_mode(new QComboBox(this)),
      m_ehlo(new QLineEdit(this)),
      m_expected(new QLineEdit(this)),
      m_connect(new QPushButton(tr("Connect"), this)),
      m_quick(new QPushButton(tr("Quick test"), this)),
      m_abort(new QPushButton(tr("Disconnect"), this)),
      m_save(new QPushButton(tr("Save transcript…"), this)),
      m_saveProfile(new QPushButton(tr("Save profile"), this)),
      m_hex(new QCheckBox(tr("Raw bytes (hex)"), this)),
      m_timings(new QCheckBox(tr("Timings"), this)),
      m_fault(new QCheckBox(tr("Fault: DATA without <CRLF>.<CRLF>"), this)),
      m_allowPlainAuth(new QCheckBox(tr("Allow AUTH without TLS"), this)),
      m_transcript(new QPlainTextEdit(this)),
      m_command(new QLineEdit(this)),
      m_send(new QPushButton(tr("Send"), this)),
      m_state(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_capabilities(new QPlainTextEdit(this)),
      m_message(new QPlainTextEdit(this)),
      m_inspector(new CertificateInspector(this)),
      m_dns(new DnsPanel(this))
{
    setObjectName(QStringLiteral("smtpConsole"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_profiles->setEditable(false);
    m_profiles->setMinimumContentsLength(12);
    m_host->setPlaceholderText(tr("host or IP"));
    m_port->setRange(1, 65535);
    m_port->setValue(25);
    m_mode->addItem(tr("Plain"), modeKey(TlsMode::Plain));
    m_mode->addItem(tr("STARTTLS"), modeKey(TlsMode::StartTls));
    m_mode->addItem(tr("Implicit TLS (465)"), modeKey(TlsMode::Implicit));
    m_mode->setCurrentIndex(1);
    m_ehlo->setPlaceholderText(QStringLiteral("mwb.probe.invalid"));
    m_expected->setPlaceholderText(tr("FQDN the certificate must cover"));
    m_timings->setChecked(true);
    m_allowPlainAuth->setToolTip(tr("Sends the password readable on the network; only for lab servers."));
    m_fault->setToolTip(tr("Reproduces the 354 stall: the body is sent, the terminator is not."));

    m_transcript->setReadOnly(true);
    m_transcript->setFont(mono);
    m_transcript->setLineWrapMode(QPlainTextEdit::WidgetWidth);  // long warnings must be readable whole
    m_transcript->setMaximumBlockCount(20000);
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_capabilities->setReadOnly(true);
    m_capabilities->setFont(mono);
    m_message->setFont(mono);
    m_message->setPlainText(QString::fromUtf8(mwb::smtp::makeTestMessage(m_lastFrom, m_lastTo, tr("Mailflow Workbench test"))));

    m_command->setObjectName(QStringLiteral("commandLine"));
    m_command->setFont(mono);
    m_command->setPlaceholderText(tr("SMTP command, e.g. EHLO, STARTTLS, MAIL FROM:<a@b>, DATA, QUIT — Tab completes, ↑/↓ history"));
    auto *completer = new QCompleter(verbs(), m_command);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::InlineCompletion);
    m_command->setCompleter(completer);
    m_command->installEventFilter(this);

    // Layout: connection bar, splitter (transcript | tabs), command line, options.
    auto *profileLabel = new QLabel(tr("Profile"), this);
    auto *hostLabel = new QLabel(tr("Host"), this);
    auto *portLabel = new QLabel(tr("Port"), this);
    auto *ehloLabel = new QLabel(tr("EHLO as"), this);
    auto *expectedLabel = new QLabel(tr("Expected certificate name"), this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(profileLabel);
    bar->addWidget(m_profiles);
    bar->addWidget(hostLabel);
    bar->addWidget(m_host, 2);
    bar->addWidget(portLabel);
    bar->addWidget(m_port);
    bar->addWidget(m_mode);
    bar->addWidget(m_connect);
    bar->addWidget(m_quick);
    bar->addWidget(m_abort);
    auto *bar2 = new QHBoxLayout;
    bar2->addWidget(ehloLabel);
    bar2->addWidget(m_ehlo, 1);
    bar2->addWidget(expectedLabel);
    bar2->addWidget(m_expected, 1);
    bar2->addWidget(m_saveProfile);

    m_tabs->addTab(m_capabilities, tr("Capabilities"));
    m_tabs->addTab(m_inspector, tr("Certificate"));
    m_tabs->addTab(m_dns, tr("DNS"));
    m_tabs->addTab(m_message, tr("Message"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_transcript);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *cmd = new QHBoxLayout;
    cmd->addWidget(m_command, 1);
    cmd->addWidget(m_send);
    auto *opts = new QHBoxLayout;
    opts->addWidget(m_hex);
    opts->addWidget(m_timings);
    opts->addWidget(m_fault);
    opts->addWidget(m_allowPlainAuth);
    opts->addStretch(1);
    opts->addWidget(m_state);
    opts->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(bar2);
    layout->addWidget(split, 1);
    layout->addLayout(cmd);
    layout->addLayout(opts);
    setUpAccessibility({profileLabel, hostLabel, portLabel, ehloLabel, expectedLabel});

    connect(m_client, &mwb::smtp::SmtpClient::lineAdded, this, &ConsoleWidget::appendLine);
    connect(m_client, &mwb::smtp::SmtpClient::capabilitiesChanged, this, &ConsoleWidget::updateCapabilities);
    connect(m_client, &mwb::smtp::SmtpClient::tlsEstablished, this, [this](const mwb::smtp::TlsInfo &info) {
        m_inspector->setTlsInfo(info, m_expected->text().trimmed());
    });
    connect(m_client, &mwb::smtp::SmtpClient::stepStarted, this, [this](const QString &name) {
        m_stepName = name;
        m_stepClock.start();
        m_tick.start();
        m_state->setText(tr("%1…").arg(name));
        updateState();
    });
    // A silent server is the symptom admins chase (the 354 stall): say how long it has been.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_client->isBusy()) {
            m_tick.stop();
            return;
        }
        const qint64 seconds = m_stepClock.elapsed() / 1000;
        if (seconds >= 1) {
            m_state->setText(tr("%1… no reply for %2 s").arg(m_stepName).arg(seconds));
            m_state->setStyleSheet(seconds >= 2 ? QStringLiteral("color:%1;font-weight:600").arg(statusColors(palette()).bad.name())
                                                : QString());
        }
    });
    connect(m_client, &mwb::smtp::SmtpClient::stepFinished, this, [this] { updateState(); });
    connect(m_client, &mwb::smtp::SmtpClient::connectionClosed, this, [this] { updateState(); });
    connect(m_client, &mwb::smtp::SmtpClient::idle, this, [this] {
        updateState();
        if (!m_mxQueue.isEmpty())
            probeNextMx();
        else
            emit sessionIdle();
    });
    connect(m_inspector, &CertificateInspector::openCertificateScenario, this, &ConsoleWidget::openCertificateScenario);
    connect(m_dns, &DnsPanel::connectRequested, this, [this](const QString &host) {
        setMxTarget(host);
        executeCommand(QStringLiteral("CONNECT"));
    });
    connect(m_dns, &DnsPanel::probeMxInOrderRequested, this, &ConsoleWidget::probeMxInOrder);
    connect(m_connect, &QPushButton::clicked, this, [this] { executeCommand(QStringLiteral("CONNECT")); });
    connect(m_quick, &QPushButton::clicked, this, &ConsoleWidget::runQuickTest);
    connect(m_abort, &QPushButton::clicked, this, &ConsoleWidget::abortSession);
    connect(m_send, &QPushButton::clicked, this, [this] {
        const QString line = m_command->text();
        m_command->clear();
        executeCommand(line);
    });
    connect(m_command, &QLineEdit::returnPressed, m_send, &QPushButton::click);
    connect(m_hex, &QCheckBox::toggled, this, &ConsoleWidget::rerender);
    connect(m_timings, &QCheckBox::toggled, this, &ConsoleWidget::rerender);
    connect(m_save, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Save transcript"), QString(), tr("Text (*.txt)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("txt"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { saveTranscript(path); });
        dialog->open();  // window-modal, no nested event loop
    });
    connect(m_profiles, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            setProfile(loadProfile(m_profiles->itemText(index)));
    });
    connect(m_saveProfile, &QPushButton::clicked, this, [this] {
        auto *dialog = new QInputDialog(this);
        dialog->setLabelText(tr("Profile name"));
        dialog->setTextValue(m_host->text());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
            ConsoleProfile p = currentProfile();
            p.name = name.trimmed();
            if (!p.name.isEmpty())
                saveProfile(p);
        });
        dialog->open();
    });
    refreshProfiles();
    updateState();
}

void ConsoleWidget::setUpAccessibility(const QList<QLabel *> &buddyLabels)
{
    // Screen readers announce these names; the labels in front of the fields are their buddies too.
    const QList<QWidget *> labelled{m_profiles, m_host, m_port, m_ehlo, m_expected};
    for (qsizetype i = 0; i < buddyLabels.size() && i < labelled.size(); ++i)
        buddyLabels.at(i)->setBuddy(labelled.at(i));
    m_profiles->setAccessibleName(tr("Saved connection profile"));
    m_host->setAccessibleName(tr("Host"));
    m_port->setAccessibleName(tr("Port"));
    m_mode->setAccessibleName(tr("Encryption"));
    m_ehlo->setAccessibleName(tr("EHLO as"));
    m_expected->setAccessibleName(tr("Expected certificate name"));
    m_connect->setAccessibleName(tr("Connect"));
    m_quick->setAccessibleName(tr("Quick test"));
    m_abort->setAccessibleName(tr("Disconnect"));
    m_saveProfile->setAccessibleName(tr("Save profile"));
    m_transcript->setAccessibleName(tr("SMTP transcript"));
    m_transcript->setAccessibleDescription(tr("C → lines were sent by this console, S ← lines came from the server, "
                                              "! marks a warning, !! an error"));
    m_tabs->setAccessibleName(tr("Session details"));
    m_capabilities->setAccessibleName(tr("Capabilities"));
    m_message->setAccessibleName(tr("Test message"));
    m_command->setAccessibleName(tr("SMTP command"));
    m_send->setAccessibleName(tr("Send command"));
    m_hex->setAccessibleName(tr("Raw bytes (hex)"));
    m_timings->setAccessibleName(tr("Timings"));
    m_fault->setAccessibleName(tr("Fault: DATA without terminator"));
    m_allowPlainAuth->setAccessibleName(tr("Allow AUTH without TLS"));
    m_state->setAccessibleName(tr("Connection state"));
    m_save->setAccessibleName(tr("Save transcript"));

    // Read-only text can be walked with the keyboard; Tab leaves the text boxes instead of
    // typing a tab character, so nobody is trapped in them.
    m_transcript->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_capabilities->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    for (QPlainTextEdit *edit : {m_transcript, m_capabilities, m_message})
        edit->setTabChangesFocus(true);

    // Tab follows the screen: connection bar, second row, transcript, side tabs, command line,
    // options. (Creation order would jump from the bar to the options and back.)
    const QList<QWidget *> order{m_profiles, m_host,       m_port,  m_mode,  m_connect, m_quick,   m_abort,
                                 m_ehlo,     m_expected,   m_saveProfile,     m_transcript, m_tabs,  m_command,
                                 m_send,     m_hex,        m_timings, m_fault, m_allowPlainAuth, m_save};
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));
}

void ConsoleWidget::changeEvent(QEvent *event)
{
    // A light/dark switch recolours what is already in the transcript.
    if (event->type() == QEvent::PaletteChange)
        rerender();
    QWidget::changeEvent(event);
}

ConsoleWidget::~ConsoleWidget()
{
    // Stop signals into half-destroyed children.
    disconnect(m_client, nullptr, this, nullptr);
}

bool ConsoleWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_command && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) {
            if (m_history.isEmpty())
                return true;
            if (key->key() == Qt::Key_Up)
                m_historyPos = m_historyPos < 0 ? int(m_history.size()) - 1 : std::max(0, m_historyPos - 1);
            else
                m_historyPos = m_historyPos < 0 ? -1 : m_historyPos + 1;
            if (m_historyPos >= int(m_history.size()))
                m_historyPos = -1;
            m_command->setText(m_historyPos < 0 ? QString() : m_history.at(m_historyPos));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConsoleWidget::remember(const QString &line)
{
    if (line.isEmpty() || (!m_history.isEmpty() && m_history.last() == line))
        return;
    m_history.append(line);
    while (m_history.size() > kHistoryMax)
        m_history.removeFirst();
    m_historyPos = -1;
}

ConsoleProfile ConsoleWidget::currentProfile() const
{
    ConsoleProfile p;
    p.name = m_profiles->currentIndex() > 0 ? m_profiles->currentText() : QString();
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.mode = modeFromKey(m_mode->currentData().toString());
    p.ehloName = m_ehlo->text().trimmed();
    p.expectedName = m_expected->text().trimmed();
    return p;
}

void ConsoleWidget::setProfile(const ConsoleProfile &p)
{
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(modeKey(p.mode))));
    m_ehlo->setText(p.ehloName);
    m_expected->setText(p.expectedName);
    if (!p.name.isEmpty()) {
        const int i = m_profiles->findText(p.name);
        if (i > 0)
            m_profiles->setCurrentIndex(i);
    }
}

void ConsoleWidget::saveProfile(const ConsoleProfile &p)
{
    QSettings s;
    s.beginGroup(QStringLiteral("console/profiles"));
    s.beginGroup(p.name);
    s.setValue(QStringLiteral("host"), p.host);
    s.setValue(QStringLiteral("port"), p.port);
    s.setValue(QStringLiteral("mode"), modeKey(p.mode));
    s.setValue(QStringLiteral("ehlo"), p.ehloName);
    s.setValue(QStringLiteral("expectedName"), p.expectedName);
    s.endGroup();
    s.endGroup();
    refreshProfiles();
    m_profiles->setCurrentIndex(std::max(0, m_profiles->findText(p.name)));
}

void ConsoleWidget::deleteProfile(const QString &name)
{
    QSettings s;
    s.beginGroup(QStringLiteral("console/profiles"));
    s.remove(name);
    s.endGroup();
    refreshProfiles();
}

QStringList ConsoleWidget::profileNames() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("console/profiles"));
    return s.childGroups();
}

ConsoleProfile ConsoleWidget::loadProfile(const QString &name) const
{
    QSettings s;
    s.beginGroup(QStringLiteral("console/profiles"));
    s.beginGroup(name);
    ConsoleProfile p;
    p.name = name;
    p.host = s.value(QStringLiteral("host")).toString();
    p.port = s.value(QStringLiteral("port"), 25).toInt();
    p.mode = modeFromKey(s.value(QStringLiteral("mode"), QStringLiteral("starttls")).toString());
    p.ehloName = s.value(QStringLiteral("ehlo")).toString();
    p.expectedName = s.value(QStringLiteral("expectedName")).toString();
    return p;
}

void ConsoleWidget::refreshProfiles()
{
    const QString current = m_profiles->currentText();
    m_profiles->clear();
    m_profiles->addItem(tr("(none)"));
    m_profiles->addItems(profileNames());
    const int i = m_profiles->findText(current);
    m_profiles->setCurrentIndex(i > 0 ? i : 0);
}

void ConsoleWidget::applyOptions()
{
    mwb::smtp::ClientOptions o = m_client->options();
    const ConsoleProfile p = currentProfile();
    o.host = p.host;
    o.port = quint16(p.port);
    o.mode = p.mode;
    o.ehloName = p.ehloName.isEmpty() ? QStringLiteral("mwb.probe.invalid") : p.ehloName;
    o.expectedName = p.expectedName;
    o.allowAuthWithoutTls = m_allowPlainAuth->isChecked();
    m_client->setOptions(o);
}

void ConsoleWidget::setHexView(bool on)
{
    m_hex->setChecked(on);
}

void ConsoleWidget::setFaultNoTerminator(bool on)
{
    m_fault->setChecked(on);
}

void ConsoleWidget::setMessageText(const QString &text)
{
    m_message->setPlainText(text);
}

void ConsoleWidget::executeCommand(const QString &typed)
{
    const smtp::ConsoleCommand c = smtp::parseConsoleCommand(typed);
    if (c.kind == smtp::ConsoleCommand::Empty)
        return;
    if (c.kind == smtp::ConsoleCommand::Auth) {
        // The password never goes into the command line, the history or the transcript: ask for it.
        remember(c.historyText);
        if (!c.needsPassword()) {
            applyOptions();
            m_client->enqueue(Step::raw(c.line));
            return;
        }
        auto *dialog = new QInputDialog(this);
        dialog->setLabelText(tr("Password for %1").arg(c.authUser));
        dialog->setTextEchoMode(QLineEdit::Password);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QString mech = c.argument, user = c.authUser;
        connect(dialog, &QInputDialog::textValueSelected, this,
                [this, mech, user](const QString &password) { authenticate(mech, user, password); });
        dialog->open();
        return;
    }
    if (!m_client->inAuthExchange())
        remember(c.historyText);  // a line typed in answer to 334 is a credential: never in the history
    if (c.sendsMessage() && c.kind != smtp::ConsoleCommand::QuickTest && !confirmSending())
        return;
    applyOptions();
    switch (c.kind) {
    case smtp::ConsoleCommand::Connect:
        if (!c.argument.isEmpty()) {
            m_host->setText(c.argument.section(u':', 0, 0));
            if (c.argument.contains(u':'))
                m_port->setValue(c.argument.section(u':', 1).toInt());
            applyOptions();
        }
        if (m_client->isConnected())
            m_client->enqueue(Step::quit());
        m_inspector->clear();
        m_capabilities->clear();
        m_client->enqueue(Step::connect());
        break;
    case smtp::ConsoleCommand::QuickTest:
        runQuickTest();
        break;
    case smtp::ConsoleCommand::Ehlo:
        m_client->enqueue(Step::ehlo(c.argument));
        break;
    case smtp::ConsoleCommand::Helo: {
        Step s = Step::ehlo(c.argument);
        s.kind = Step::Helo;
        m_client->enqueue(s);
        break;
    }
    case smtp::ConsoleCommand::StartTls:
        m_client->enqueue(Step::startTls());
        break;
    case smtp::ConsoleCommand::MailFrom:
        m_lastFrom = c.mailbox;
        m_client->enqueue(Step::mailFrom(c.argument));
        break;
    case smtp::ConsoleCommand::RcptTo:
        m_lastTo = c.mailbox;
        m_client->enqueue(Step::rcptTo(c.argument));
        break;
    case smtp::ConsoleCommand::Data:
        m_client->enqueue(Step::data(m_message->toPlainText().toUtf8(), !m_fault->isChecked()));
        break;
    case smtp::ConsoleCommand::Bdat: {
        bool ok = false;
        const int chunk = c.argument.toInt(&ok);
        m_client->enqueue(Step::bdat(m_message->toPlainText().toUtf8(), ok ? chunk : 0));
        break;
    }
    case smtp::ConsoleCommand::Quit:
        m_client->enqueue(Step::quit());
        break;
    case smtp::ConsoleCommand::Rset: {
        Step s = Step::raw(QStringLiteral("RSET"));
        s.kind = Step::Rset;
        m_client->enqueue(s);
        break;
    }
    case smtp::ConsoleCommand::Raw:
    case smtp::ConsoleCommand::Auth:
    case smtp::ConsoleCommand::Empty:
        m_client->enqueue(Step::raw(c.line));
        break;
    }
}

bool ConsoleWidget::confirmSending()
{
    // DATA/BDAT with accepted recipients delivers a real message; an admin testing a production
    // path must know before it happens. "Don't ask again" is remembered (and can be undone in the
    // console's settings key console/confirmSend).
    QSettings settings;
    if (!settings.value(QStringLiteral("console/confirmSend"), true).toBool() || !m_confirmSend)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Send a test message?"),
                    tr("This sends the message text below to %1 for real: with accepted recipients (%2) it is delivered "
                       "like any other mail.")
                        .arg(m_host->text().isEmpty() ? tr("the server") : m_host->text(),
                             m_lastTo.isEmpty() ? tr("none given yet") : m_lastTo),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.button(QMessageBox::Yes)->setText(tr("&Send"));
    box.setDefaultButton(QMessageBox::Cancel);
    auto *dontAsk = new QCheckBox(tr("Do not ask again"), &box);
    box.setCheckBox(dontAsk);
    const bool send = box.exec() == QMessageBox::Yes;
    if (send && dontAsk->isChecked())
        settings.setValue(QStringLiteral("console/confirmSend"), false);
    return send;
}

void ConsoleWidget::authenticate(const QString &mechanism, const QString &user, const QString &password)
{
    applyOptions();
    m_client->enqueue(Step::auth(mechanism.toUpper() == u"PLAIN" ? Step::AuthPlain : Step::AuthLogin, user, password));
}

void ConsoleWidget::runQuickTest()
{
    if (!confirmSending())
        return;
    applyOptions();
    m_inspector->clear();
    m_capabilities->clear();
    if (m_client->isConnected())
        m_client->abort();
    const ConsoleProfile p = currentProfile();
    QList<Step> steps = mwb::smtp::quickTestSteps(p.mode, m_lastFrom, m_lastTo, m_message->toPlainText().toUtf8());
    for (Step &s : steps)
        if (s.kind == Step::Data)
            s.terminateData = !m_fault->isChecked();
    m_client->enqueue(steps);
}

void ConsoleWidget::probeMxInOrder(const QStringList &hosts)
{
    m_mxQueue = hosts;
    if (!m_client->isBusy())
        probeNextMx();
}

void ConsoleWidget::setMxTarget(const QString &mxHost)
{
    // Connect to the address the DNS panel found (its resolver may not be the system's) and judge
    // the certificate by the MX name, which is what sending servers do.
    const QString address = m_dns->report().mxAddresses.value(mxHost).value(0);
    m_host->setText(address.isEmpty() ? mxHost : address);
    m_port->setValue(25);
    m_expected->setText(mxHost);
}

void ConsoleWidget::probeNextMx()
{
    if (m_mxQueue.isEmpty())
        return;
    const QString mx = m_mxQueue.takeFirst();
    setMxTarget(mx);
    applyOptions();
    m_inspector->clear();
    if (m_client->isConnected())
        m_client->abort();
    mwb::smtp::ClientOptions o = m_client->options();
    o.stopOnFailure = true;
    m_client->setOptions(o);
    emit mxProbeStarted(mx);
    m_client->enqueue(mwb::smtp::probeSteps(o.mode));
}

void ConsoleWidget::abortSession()
{
    m_mxQueue.clear();
    m_client->abort();
    updateState();
}

QString ConsoleWidget::stateText() const
{
    return m_state->text();
}

void ConsoleWidget::updateState()
{
    const bool connected = m_client->isConnected();
    m_abort->setEnabled(connected || m_client->isBusy());
    if (!m_client->isBusy()) {
        m_tick.stop();
        m_state->setStyleSheet(QString());
    }
    if (!m_client->isBusy())
        m_state->setText(connected ? (m_client->isEncrypted() ? tr("Connected, encrypted") : tr("Connected")) : tr("Not connected"));
}

void ConsoleWidget::updateCapabilities(const mwb::smtp::EhloCapabilities &c)
{
    QStringList lines;
    lines << tr("Greeting: %1").arg(c.greeting);
    const auto yes = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };
    lines << tr("SIZE: %1").arg(c.size < 0 ? tr("not announced") : c.size == 0 ? tr("no limit") : tr("%1 bytes (%2 MB)").arg(c.size).arg(c.size / 1048576.0, 0, 'f', 1));
    lines << tr("STARTTLS: %1    X-ANONYMOUSTLS: %2").arg(yes(c.startTls), yes(c.anonymousTls));
    lines << tr("AUTH: %1").arg(c.authMechanisms.isEmpty() ? tr("none") : c.authMechanisms.join(u' '));
    lines << tr("X-EXPS: %1").arg(c.exps.isEmpty() ? tr("none (no Exchange server authentication offered)") : c.exps.join(u' '));
    lines << tr("8BITMIME: %1  BINARYMIME: %2  CHUNKING: %3").arg(yes(c.eightBitMime), yes(c.binaryMime), yes(c.chunking));
    lines << tr("SMTPUTF8: %1  DSN: %2  PIPELINING: %3  ENHANCEDSTATUSCODES: %4")
                 .arg(yes(c.smtpUtf8), yes(c.dsn), yes(c.pipelining), yes(c.enhancedStatusCodes));
    if (!c.other.isEmpty())
        lines << tr("Other: %1").arg(c.other.join(QStringLiteral(", ")));
    if (!m_client->isEncrypted() && c.startTls)
        lines << tr("Capabilities change after STARTTLS: run EHLO again once encrypted.");
    m_capabilities->setPlainText(lines.join(u'\n'));
}

QString ConsoleWidget::formatLine(const mwb::smtp::TranscriptLine &l) const
{
    // The notation of every transcript (model/core/common/transcripttext): the copy, the saved
    // file and the case write the same words, with the silence on a line of its own.
    const bool wire = l.direction == Direction::Client || l.direction == Direction::Server;
    const QString body = (m_hex->isChecked() && wire && !l.raw.isEmpty()) ? hexDump(l.raw) : l.text;
    // The gap is said in words too: the row's background colour alone would not reach everyone.
    const QString gap = l.sincePreviousMs > kTranscriptGapMs ? QStringLiteral("  ") + tr("after %1").arg(silenceText(l.sincePreviousMs))
                                                             : QString();
    return transcriptTextLine(m_timings->isChecked() ? mwb::smtp::transcriptTimings(l) : QString(), l.direction, body) + gap;
}

void ConsoleWidget::appendLine(const mwb::smtp::TranscriptLine &line)
{
    QTextCharFormat format;
    const TranscriptColors colors = transcriptColors(palette());
    format.setForeground(colourFor(line.direction, colors));
    if (line.direction == Direction::Client)
        format.setFontWeight(QFont::DemiBold);
    // A silence of more than a second is where stalls hide: mark it (formatLine says it in words).
    if (line.sincePreviousMs > kTranscriptGapMs)
        format.setBackground(colors.gap);
    QScrollBar *bar = m_transcript->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    const QString text = formatLine(line);
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_transcript->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(text, format);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ConsoleWidget::rerender()
{
    m_transcript->clear();
    for (const auto &line : m_client->transcript())
        appendLine(line);
}

QString ConsoleWidget::transcriptText() const
{
    return m_client->transcriptText(true);
}

bool ConsoleWidget::saveTranscript(const QString &path) const
{
    // The transcript never held a password (SmtpClient masks it before recording).
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QString header = QStringLiteral("# Mailflow Workbench SMTP console transcript\n# %1 port %2 (%3), saved %4\n")
                         .arg(m_client->options().host)
                         .arg(m_client->options().port)
                         .arg(mwb::smtp::tlsModeName(m_client->options().mode),
                              QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    file.write(header.toUtf8());
    file.write(transcriptText().toUtf8());
    return file.commit();
}

} // namespace mwb::views
