#pragma once
// Names for screen readers where the visible text is not enough: icon-only tool buttons, fields
// known only by their placeholder, actions read with their mnemonic ampersand.
class QWidget;

namespace mwb::views {

// Toolbars and docks by their titles; actions by their text without '&' and '…' (tool and status
// tips); every focusable control still without a name from its action, placeholder or tool tip,
// so that none is announced as just "button" or "edit". Call once the window is built.
void nameUnnamedControls(QWidget *window);

} // namespace mwb::views
