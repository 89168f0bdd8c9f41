#include "views/common/filedialogs.h"

#include "model/core/ingest/exchangefolders.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace mwb::views::filedialogs {

namespace {

QString key(Purpose purpose)
{
    switch (purpose) {
    case Purpose::Logs:
        return QStringLiteral("dialogs/logs");
    case Purpose::Cases:
        return QStringLiteral("dialogs/cases");
    case Purpose::Exports:
        return QStringLiteral("dialogs/exports");
    case Purpose::Scripts:
        return QStringLiteral("dialogs/scripts");
    }
    return QStringLiteral("dialogs/other");
}

} // namespace

QString startFolder(Purpose purpose)
{
    const QString last = QSettings().value(key(purpose)).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    // On an Exchange server the logs are where Exchange writes them: start there the first time.
    if (purpose == Purpose::Logs) {
        const QList<ingest::ExchangeLogFolder> folders = ingest::exchangeLogFoldersOnThisServer();
        if (!folders.isEmpty())
            return folders.first().path;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

void remember(Purpose purpose, const QString &chosen)
{
    if (chosen.isEmpty())
        return;
    const QFileInfo info(chosen);
    QSettings().setValue(key(purpose), info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QStringList openFiles(QWidget *parent, const QString &title, Purpose purpose, const QString &filter)
{
    const QStringList files = QFileDialog::getOpenFileNames(parent, title, startFolder(purpose), filter);
    if (!files.isEmpty())
        remember(purpose, files.first());
    return files;
}

QString openFile(QWidget *parent, const QString &title, Purpose purpose, const QString &filter)
{
    const QString file = QFileDialog::getOpenFileName(parent, title, startFolder(purpose), filter);
    remember(purpose, file);
    return file;
}

QString folder(QWidget *parent, const QString &title, Purpose purpose)
{
    const QString dir = QFileDialog::getExistingDirectory(parent, title, startFolder(purpose));
    remember(purpose, dir);
    return dir;
}

QString saveFile(QWidget *parent, const QString &title, Purpose purpose, const QString &name, const QString &filter,
                 QString *selectedFilter)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, QDir(startFolder(purpose)).filePath(name), filter, selectedFilter);
    remember(purpose, path);
    return path;
}

} // namespace mwb::views::filedialogs
