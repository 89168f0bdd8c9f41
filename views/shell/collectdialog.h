#pragma once
// File > Collect Evidence…: writes the read-only collection script of `mwb collect-script` for a
// time window (and, when asked, the Exchange Online one beside it). The admin runs it once in the
// Exchange Management Shell and drops the zip it makes; its configuration then shows in the
// Configuration dock and feeds the findings.
#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace mwb::views {

class CollectDialog : public QDialog {
    Q_OBJECT
public:
    explicit CollectDialog(QWidget *parent = nullptr);
    // The window to collect: typically the time span of what is loaded, widened by an hour.
    void setWindow(const QDateTime &from, const QDateTime &to);
    // Writes the script(s) into `folder` without a dialog; false with the reason in statusText().
    bool writeTo(const QString &folder);
    QString statusText() const;

private:
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_servers;
    QCheckBox *m_exo;
    QLabel *m_status;
};

} // namespace mwb::views
