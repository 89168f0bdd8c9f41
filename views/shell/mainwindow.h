#pragma once
#include <QMainWindow>
#include <QStringList>

namespace mwb::views {

// The main window shell (placeholder until the views area lands).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    void openPaths(const QStringList &paths);
Q_SIGNALS:
    void loadFinished();
};

} // namespace mwb::views
