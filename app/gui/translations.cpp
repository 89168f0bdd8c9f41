#include "app/gui/translations.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace mwb {

namespace {

// Where the .qm files are: installed beside the binary's share/ dir, the build tree (the build
// writes them to <build>/translations, the GUI lives in <build>/app), or compiled-in resources.
QStringList translationDirs()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList dirs;
#ifdef MWB_TRANSLATIONS_DIR
    dirs << QStringLiteral(MWB_TRANSLATIONS_DIR);   // set by builds that know where the .qm files are
#endif
    dirs << QStringList{
        appDir + QStringLiteral("/../share/mailflow-workbench/translations"),
        appDir + QStringLiteral("/../translations"),
        appDir + QStringLiteral("/translations"),   // Windows: beside the .exe
    };
#ifdef MWB_INSTALLED_SAMPLES
    dirs << QStringLiteral(MWB_INSTALLED_SAMPLES "/../translations");
#endif
    dirs << QStringLiteral(":/i18n");
    return dirs;
}

} // namespace

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    for (const QString &dir : translationDirs()) {
        const QStringList files = QDir(dir).entryList({QStringLiteral("mailflow-workbench_*.qm")}, QDir::Files, QDir::Name);
        for (const QString &f : files) {
            const QString lang = f.mid(int(qstrlen("mailflow-workbench_")), f.size() - int(qstrlen("mailflow-workbench_")) - 3);
            if (!languages.contains(lang))
                languages << lang;
        }
    }
    return languages;
}

QString installTranslations(QApplication &app, const QString &languageOverride)
{
    const QLocale locale = languageOverride.trimmed().isEmpty() ? QLocale::system() : QLocale(languageOverride.trimmed());
    if (!languageOverride.trimmed().isEmpty())
        QLocale::setDefault(locale);  // numbers and dates follow the chosen language too
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("en");  // the source strings are English

    // Parented to the application: they live as long as it does.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(&app);
    for (const QString &dir : translationDirs()) {
        if (own->load(locale, QStringLiteral("mailflow-workbench"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(own);
            return own->language().section(QLatin1Char('_'), 0, 0);
        }
    }
    delete own;
    return QStringLiteral("en");
}

} // namespace mwb
