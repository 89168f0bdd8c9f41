#pragma once
// Tools > Check Domain…: the whole-domain check of `mwb check` in a window (smtp::DomainCheck):
// MX → STARTTLS probe of every MX → chain, names, expiry, DANE/MTA-STS, SPF/DMARC/TLS-RPT, block
// lists, and the certificate name a hybrid connector expects. One line per check with pass / warn /
// fail, the remediation scenario to open, and the HTML report to save.
#include <QDialog>
#include <QMap>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mwb::smtp {
class DomainCheck;
}

namespace mwb::views {

class DomainCheckDialog : public QDialog {
    Q_OBJECT
public:
    explicit DomainCheckDialog(QWidget *parent = nullptr);
    ~DomainCheckDialog() override;
    void setDomain(const QString &domain);
    void startCheck();
    int resultCount() const;
    QString resultText(int row) const;   // "id | mx | result | detail" (tests)

Q_SIGNALS:
    void finished();
    void openScenario(const QString &scenario, const QMap<QString, QString> &parameters);

private:
    void showResults();

    QLineEdit *m_domain;
    QLineEdit *m_expected;
    QLineEdit *m_resolver;
    QPushButton *m_run;
    QPushButton *m_save;
    QLabel *m_state;
    QTableWidget *m_table;
    std::unique_ptr<smtp::DomainCheck> m_check;
};

} // namespace mwb::views
