#pragma once
// One way to make a window-wide action, for the main window and the action groups it composes.
#include <QKeySequence>
#include <QString>

class QAction;
class QWidget;

namespace mwb::views {

// An action whose shortcut works anywhere in the window (it is added to the window, so it works
// while menus and toolbars are hidden), with the key in its tool tip.
QAction *addWindowAction(QWidget *window, const QString &text, const QString &icon, const QKeySequence &key);

// Platform themes may leave a standard key empty (the offscreen platform has no Quit binding).
QKeySequence standardOr(QKeySequence::StandardKey key, const char *fallback);

} // namespace mwb::views
