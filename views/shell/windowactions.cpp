#include "views/shell/windowactions.h"

#include "views/common/theme.h"

#include <QAction>
#include <QWidget>

namespace mwb::views {

QAction *addWindowAction(QWidget *window, const QString &text, const QString &icon, const QKeySequence &key)
{
    auto *action = new QAction(icon.isEmpty() ? QIcon() : actionIcon(icon), text, window);
    action->setShortcutContext(Qt::WindowShortcut);
    if (!key.isEmpty()) {
        action->setShortcut(key);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
    }
    window->addAction(action);
    return action;
}

QKeySequence standardOr(QKeySequence::StandardKey key, const char *fallback)
{
    const QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    return bindings.isEmpty() ? QKeySequence(QString::fromLatin1(fallback)) : bindings.first();
}

} // namespace mwb::views
