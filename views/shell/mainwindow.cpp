#include "views/shell/mainwindow.h"

#include <QLabel>
#include <QTimer>

namespace mwb::views {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Mailflow Workbench"));
    setCentralWidget(new QLabel(tr("Drop Exchange logs here"), this));
}

void MainWindow::openPaths(const QStringList &)
{
    QTimer::singleShot(0, this, &MainWindow::loadFinished);
}

} // namespace mwb::views
