#include "views/shell/settingsmenu.h"

#include "model/core/investigation/investigation.h"
#include "views/shell/shellstatus.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QLocale>
#include <QSettings>
#include <QTimeZone>

namespace mwb::views {

// Alt+S belongs to the Sessions tab: the menu's mnemonic is G.
SettingsMenu::SettingsMenu(QWidget *window, Investigation *investigation, ShellStatus *status)
    : QMenu(tr("Settin&gs"), window), m_window(window), m_investigation(investigation), m_status(status)
{
    QAction *zone = addAction(tr("Time &Zone of Exported Logs\u2026"));
    zone->setObjectName(QStringLiteral("exportTimeZone"));
    zone->setShortcut(QKeySequence(tr("Ctrl+Alt+Z")));
    window->addAction(zone);
    zone->setStatusTip(tr("The zone of the machine that ran Get-MessageTrackingLog | Export-Csv: its times carry no zone"));
    connect(zone, &QAction::triggered, this, &SettingsMenu::chooseExportTimeZone);
    m_languages = addMenu(tr("&Language"));
    m_languages->setObjectName(QStringLiteral("languageMenu"));
    setLanguages({QStringLiteral("en")}, QString());
}

void SettingsMenu::chooseExportTimeZone()
{
    QStringList zones{tr("UTC (times as written)")};
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones << QString::fromLatin1(id);
    const QString current = m_investigation->exportTimeZone().isValid() ? QString::fromLatin1(m_investigation->exportTimeZone().id())
                                                                         : zones.first();
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, tr("Time zone of exported logs"),
                                                 tr("Export-Csv and Format-List output of Get-MessageTrackingLog is written in the local "
                                                    "time of the machine that ran it, without a zone. Read such times in:"),
                                                 zones, int(std::max<qsizetype>(0, zones.indexOf(current))), false, &ok);
    if (!ok)
        return;
    const QTimeZone tz = chosen == zones.first() ? QTimeZone() : QTimeZone(chosen.toLatin1());
    m_investigation->setExportTimeZone(tz);
    QSettings().setValue(QStringLiteral("import/timeZone"), tz.isValid() ? chosen : QString());
    if (!m_investigation->paths().isEmpty())
        m_status->message(tr("The zone applies from the next load: open the logs again to read their times in %1.").arg(chosen), MessageBar::Info);
}

void SettingsMenu::setLanguages(const QStringList &languages, const QString &chosen)
{
    m_languages->clear();
    auto *group = new QActionGroup(m_languages);
    auto add = [&](const QString &code, const QString &label) {
        QAction *a = m_languages->addAction(label);
        a->setObjectName(QStringLiteral("language-") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setActionGroup(group);
        connect(a, &QAction::triggered, this, [this, code] {
            QSettings settings;
            if (settings.value(QStringLiteral("language")).toString() == code)
                return;
            settings.setValue(QStringLiteral("language"), code);
            m_status->message(tr("The language changes when Mailflow Workbench is started again."), MessageBar::Info);
        });
    };
    add(QString(), tr("&System Default"));
    m_languages->addSeparator();
    for (const QString &code : languages) {
        // Each language in its own name, so that an admin who cannot read the current UI finds theirs.
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        add(code, name.isEmpty() ? code : QStringLiteral("%1 (%2)").arg(name, code));
    }
}

} // namespace mwb::views
