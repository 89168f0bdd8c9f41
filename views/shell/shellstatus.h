#pragma once
// The main window's status line, load progress with Cancel, and the message bar that floats over
// the bottom of the central area. The window tells it what happened (a load started, progressed,
// ended; a path was skipped); it words that for the admin on one line, and says the rest in the bar.
#include "model/core/diagnosis/finding.h"
#include "model/core/investigation/investigation.h"
#include "views/common/messagebar.h"

#include <QObject>

class QAction;
class QLabel;
class QMainWindow;
class QProgressBar;
class QToolButton;

namespace mwb::views {

class ShellStatus : public QObject {
    Q_OBJECT
public:
    // Adds its widgets to the window's status bar and the bar over central; cancel is the window's
    // Cancel Loading action (the status bar's button shows it while a load runs).
    ShellStatus(QMainWindow *window, QWidget *central, QAction *cancel);

    void say(const QString &text);
    QString text() const;
    void message(const QString &text, MessageBar::Kind kind = MessageBar::Info);
    QString messageText() const;
    MessageBar *messageBar() const { return m_bar; }

    void loadStarted(int items);
    void progress(const LoadProgress &progress);
    // The summary of a finished (or cancelled) load, and what the admin should know about it.
    void loadFinished(const Investigation &investigation, bool cancelled);
    void idle();   // nothing loads any more (cleared)
    // After open/add: paths that were not loadable, said without stopping the rest.
    void reportSkipped(const Investigation &investigation);
    void setAccessibleNames();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void placeBar();
    void showProgressWidgets(bool on);

    QWidget *m_central;
    QAction *m_cancel;
    QLabel *m_status;
    QProgressBar *m_progress;
    QToolButton *m_cancelButton;
    MessageBar *m_bar;
};

} // namespace mwb::views
