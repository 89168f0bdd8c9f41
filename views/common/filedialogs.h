#pragma once
// File dialogs that open where the admin was last time for the same kind of file (logs, cases,
// exports, scripts), or the first time in the Exchange log folders (on an Exchange server, for logs)
// or Documents — never in the process's working directory,
// which for a desktop start is the program's folder or the home folder's root.
#include <QString>
#include <QStringList>

class QWidget;

namespace mwb::views::filedialogs {

enum class Purpose { Logs, Cases, Exports, Scripts };

QString startFolder(Purpose purpose);
// Remembers the folder of `chosen` (a file or a folder) for the next dialog of that purpose.
void remember(Purpose purpose, const QString &chosen);

QStringList openFiles(QWidget *parent, const QString &title, Purpose purpose, const QString &filter);
QString openFile(QWidget *parent, const QString &title, Purpose purpose, const QString &filter);
QString folder(QWidget *parent, const QString &title, Purpose purpose);
// `name` is the suggested file name, placed in the start folder.
QString saveFile(QWidget *parent, const QString &title, Purpose purpose, const QString &name, const QString &filter,
                 QString *selectedFilter = nullptr);

} // namespace mwb::views::filedialogs
