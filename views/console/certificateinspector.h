#pragma once
// Shows a TLS session the way an Exchange admin needs it: protocol and cipher, the chain with
// every field, verification and the name check in plain words, and the values Exchange wants
// (upper-case thumbprint, TlsCertificateName) with a jump to the wizard's certificate scenario.
#include "model/core/smtp/tlsinspect.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace mwb::views {

class CertificateInspector : public QWidget {
    Q_OBJECT
public:
    explicit CertificateInspector(QWidget *parent = nullptr);
    void setTlsInfo(const mwb::smtp::TlsInfo &info, const QString &fqdn);
    void clear();
    const mwb::smtp::TlsInfo &tlsInfo() const { return m_info; }
    // Thumbprint, Fqdn and TlsCertificateName of the leaf certificate (empty without TLS).
    QMap<QString, QString> scenarioParameters() const;
    QTreeWidget *chainTree() const { return m_chain; }
    QPushButton *scenarioButton() const { return m_scenario; }

signals:
    // Routed by the main window to the wizard, scenario id "certificate-smtp".
    void openCertificateScenario(const QMap<QString, QString> &parameters);

private:
    mwb::smtp::TlsInfo m_info;
    QString m_fqdn;
    QLabel *m_summary;
    QLabel *m_verification;
    QLabel *m_nameCheck;
    QTreeWidget *m_chain;
    QLineEdit *m_tlsName;
    QPushButton *m_copyThumbprint;
    QPushButton *m_copyTlsName;
    QPushButton *m_scenario;
};

} // namespace mwb::views
