#pragma once
// The page shown before anything is loaded: what to drop, and buttons for the first steps.
#include <functional>

class QAction;
class QWidget;

namespace mwb::views {

QWidget *createWelcomePage(QWidget *parent, const std::function<void()> &openSamples, QAction *openLogs, QAction *openFolder,
                           QAction *openCase);

} // namespace mwb::views
