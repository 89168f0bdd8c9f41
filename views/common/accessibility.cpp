#include "views/common/accessibility.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QToolBar>
#include <QToolButton>

namespace mwb::views {

void nameUnnamedControls(QWidget *window)
{
    for (QToolBar *bar : window->findChildren<QToolBar *>())
        bar->setAccessibleName(bar->windowTitle());
    for (QDockWidget *dock : window->findChildren<QDockWidget *>())
        dock->setAccessibleName(dock->windowTitle());
    for (QAction *a : window->actions()) {
        const QString plain = QString(a->text()).remove(QLatin1Char('&')).remove(QChar(0x2026));
        if (a->toolTip().isEmpty() || a->toolTip() == a->text())
            a->setToolTip(plain);
        a->setStatusTip(plain);
    }
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->accessibleName().isEmpty())
            continue;
        if (auto *button = qobject_cast<QToolButton *>(w)) {
            if (button->defaultAction())
                button->setAccessibleName(QString(button->defaultAction()->text()).remove(QLatin1Char('&')));
        } else if (auto *edit = qobject_cast<QLineEdit *>(w); edit && !edit->placeholderText().isEmpty()) {
            edit->setAccessibleName(edit->placeholderText());
        } else if (!w->toolTip().isEmpty()) {
            w->setAccessibleName(w->toolTip());
        }
    }
}

} // namespace mwb::views
