#pragma once
// A non-modal message strip (like an info bar): tells what happened without stopping the work.
#include <QFrame>

class QLabel;
class QToolButton;

namespace mwb::views {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum Kind { Info, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);
    void showMessage(const QString &text, Kind kind = Info, const QString &details = {});
    QString text() const;

Q_SIGNALS:
    void shown();   // a message was set: the owner places the bar for its new height

private:
    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_close;
};

} // namespace mwb::views
