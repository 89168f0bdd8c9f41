#pragma once
// UI language: the application's own translation (mailflow-workbench_<lang>.qm) plus Qt's own
// (qtbase_<lang>.qm, for standard dialogs and buttons). Call before any window is created.
#include <QStringList>

class QApplication;
class QString;

namespace mwb {

// languageOverride: "de", "fr", "en" … from Settings; empty follows the system locale.
// Returns the language actually used ("en" when no translation matched).
QString installTranslations(QApplication &app, const QString &languageOverride);

// Languages the UI ships, as ISO 639-1 codes, for the Settings switch ("en" first).
QStringList availableLanguages();

} // namespace mwb
