// Mailflow Workbench GUI: composition root only — builds the main window and hands it the paths.
#include "model/core/common/hugepagemalloc.h"
#include "views/shell/mainwindow.h"

#include "app/gui/translations.h"

#include <QApplication>
#include <QSettings>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace {

QString bundledSamplesDir()
{
    const QStringList candidates{
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/mailflow-workbench/samples"),
        QStringLiteral(MWB_INSTALLED_SAMPLES),
        QStringLiteral(MWB_SOURCE_SAMPLES),
    };
    for (const QString &c : candidates) {
        if (QFileInfo(c).isDir())
            return QDir(c).canonicalPath();
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    mwb::restartWithHugePageMalloc(argv);   // before any thread: see hugepagemalloc.h
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Mailflow Workbench"));
    QApplication::setOrganizationName(QStringLiteral("MailflowWorkbench"));
    QApplication::setApplicationVersion(QStringLiteral(MWB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("mailflow-workbench"));
    // The UI language follows the system unless Settings say otherwise ("language" = de/fr/en).
    mwb::installTranslations(app, QSettings().value(QStringLiteral("language")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Find out why Exchange mail does not flow, and fix it."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption samples(QStringLiteral("samples"), QObject::tr("Load the bundled sample logs."));
    QCommandLineOption quitAfterLoad(QStringLiteral("quit-after-load"), QObject::tr("Exit when loading has finished (smoke tests)."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QObject::tr("Save a PNG of the window after loading."), QObject::tr("file"));
    parser.addOptions({samples, quitAfterLoad, screenshot});
    parser.addPositionalArgument(QStringLiteral("paths"), QObject::tr("Log files, folders or archives to open."), QStringLiteral("[paths...]"));
    parser.process(app);

    QStringList paths = parser.positionalArguments();
    if (parser.isSet(samples)) {
        const QString dir = bundledSamplesDir();
        if (!dir.isEmpty())
            paths << dir;
    }

    mwb::views::MainWindow window;
    window.setSamplesDirectory(bundledSamplesDir());
    window.setLanguages(mwb::availableLanguages(), QSettings().value(QStringLiteral("language")).toString());
    window.show();
    if (parser.isSet(quitAfterLoad) || parser.isSet(screenshot)) {
        const QString shot = parser.value(screenshot);
        const bool quit = parser.isSet(quitAfterLoad);
        QObject::connect(&window, &mwb::views::MainWindow::loadFinished, &app, [&window, shot, quit] {
            // Let the views paint the loaded data once before grabbing or leaving.
            QTimer::singleShot(300, &window, [&window, shot, quit] {
                if (!shot.isEmpty())
                    window.grab().save(shot);
                if (quit)
                    QCoreApplication::exit(0);
            });
        });
    }
    if (paths.isEmpty() && !parser.isSet(quitAfterLoad) && !parser.isSet(screenshot)) {
        // Work of a case that was never saved (crash, power cut) is offered once the window shows.
        QTimer::singleShot(0, &window, [&window] { window.offerAutosaveRecovery(); });
    }
    window.openPaths(paths);
    return app.exec();
}
