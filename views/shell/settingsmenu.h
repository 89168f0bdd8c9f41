#pragma once
// The Settings menu: the time zone of exported logs (read at the next load) and the UI language
// (applied at the next start). Both are remembered in QSettings.
#include <QMenu>

namespace mwb {
class Investigation;
}

namespace mwb::views {

class ShellStatus;

class SettingsMenu : public QMenu {
    Q_OBJECT
public:
    SettingsMenu(QWidget *window, Investigation *investigation, ShellStatus *status);
    // The shipped UI languages ("en", "de", …) and the one chosen ("" = follow the system).
    void setLanguages(const QStringList &languages, const QString &chosen);

private:
    void chooseExportTimeZone();

    QWidget *m_window;
    Investigation *m_investigation;
    ShellStatus *m_status;
    QMenu *m_languages;
};

} // namespace mwb::views
