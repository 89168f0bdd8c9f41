#pragma once
// The interactive SMTP console: a command line with history and verb completion, macros (Quick
// test), a timed transcript with client/server colours and a raw hex view, profiles kept in
// QSettings, the certificate inspector and the DNS panel. Everything runs asynchronously on the
// SmtpClient state machine; nothing here waits or blocks the UI.
#include "model/core/smtp/smtpclient.h"

#include <QElapsedTimer>
#include <QMap>
#include <QTimer>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace mwb::views {

class CertificateInspector;
class DnsPanel;

struct ConsoleProfile {
    QString name;
    QString host;
    int port = 25;
    mwb::smtp::TlsMode mode = mwb::smtp::TlsMode::StartTls;
    QString ehloName;
    QString expectedName;
};

class ConsoleWidget : public QWidget {
    Q_OBJECT
public:
    explicit ConsoleWidget(QWidget *parent = nullptr);
    ~ConsoleWidget() override;

    // --- programmatic control (used by the main window and tests) ---
    void setProfile(const ConsoleProfile &profile);
    ConsoleProfile currentProfile() const;
    // Runs one command line as typed ("EHLO x", "MAIL FROM:<a@b>", "DATA", "STARTTLS", "QUIT", ...).
    void executeCommand(const QString &line);
    void runQuickTest();
    // DATA, BDAT and the quick test ask before a message goes out (default); tests and scripted
    // use turn that off.
    void setConfirmSending(bool confirm) { m_confirmSend = confirm; }
    // AUTH with a password that goes to the wire only (masked in transcript, history, files).
    void authenticate(const QString &mechanism, const QString &user, const QString &password);
    void abortSession();
    bool saveTranscript(const QString &path) const;
    QString transcriptText() const;

    // Profiles in QSettings ("console/profiles/<name>").
    void saveProfile(const ConsoleProfile &profile);
    void deleteProfile(const QString &name);
    QStringList profileNames() const;
    ConsoleProfile loadProfile(const QString &name) const;

    void setHexView(bool on);
    void setFaultNoTerminator(bool on);
    void setMessageText(const QString &text);
    QStringList history() const { return m_history; }
    static QStringList verbs();

    mwb::smtp::SmtpClient *client() const { return m_client; }
    CertificateInspector *certificateInspector() const { return m_inspector; }
    DnsPanel *dnsPanel() const { return m_dns; }
    QLineEdit *commandLine() const { return m_command; }
    QPlainTextEdit *transcriptView() const { return m_transcript; }
    QTabWidget *sideTabs() const { return m_tabs; }
    QString stateText() const;
    // Probes each MX host of the DNS panel's last report in priority order (connect, EHLO, QUIT).
    void probeMxInOrder(const QStringList &hosts);

signals:
    // Scenario id "certificate-smtp"; parameters Thumbprint, Fqdn, TlsCertificateName.
    void openCertificateScenario(const QMap<QString, QString> &parameters);
    void sessionIdle();
    void mxProbeStarted(const QString &mxHost);  // "Probe MX in priority order", one per host

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool confirmSending();
    bool m_confirmSend = true;
    void applyOptions();
    void setUpAccessibility(const QList<QLabel *> &buddyLabels);
    void appendLine(const mwb::smtp::TranscriptLine &line);
    void rerender();
    QString formatLine(const mwb::smtp::TranscriptLine &line) const;
    void updateCapabilities(const mwb::smtp::EhloCapabilities &caps);
    void updateState();
    void refreshProfiles();
    void remember(const QString &line);
    void probeNextMx();
    void setMxTarget(const QString &mxHost);

    mwb::smtp::SmtpClient *m_client;
    QComboBox *m_profiles;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_mode;
    QLineEdit *m_ehlo;
    QLineEdit *m_expected;
    QPushButton *m_connect;
    QPushButton *m_quick;
    QPushButton *m_abort;
    QPushButton *m_save;
    QPushButton *m_saveProfile;
    QCheckBox *m_hex;
    QCheckBox *m_timings;
    QCheckBox *m_fault;
    QCheckBox *m_allowPlainAuth;
    QPlainTextEdit *m_transcript;
    QLineEdit *m_command;
    QPushButton *m_send;
    QLabel *m_state;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_capabilities;
    QPlainTextEdit *m_message;
    CertificateInspector *m_inspector;
    DnsPanel *m_dns;
    QStringList m_history;
    int m_historyPos = -1;
    QString m_lastFrom = QStringLiteral("postmaster@mailflow-workbench.invalid");
    QString m_lastTo = QStringLiteral("postmaster@mailflow-workbench.invalid");
    QStringList m_mxQueue;
    QTimer m_tick;                // refreshes "no reply for N s" while a step waits
    QElapsedTimer m_stepClock;
    QString m_stepName;
};

} // namespace mwb::views
