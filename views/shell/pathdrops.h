#pragma once
// Files and folders dropped anywhere on a window. Drops land on child widgets (tables, line edits)
// first, so the filter watches the whole application and takes the drags meant for its window.
#include <QObject>
#include <QStringList>
#include <functional>

class QWidget;

namespace mwb::views {

class PathDrops : public QObject {
public:
    // dropped: the local paths, and what could not be loaded (remote URLs) to be named.
    using Handler = std::function<void(const QStringList &local, const QStringList &remote)>;
    PathDrops(QWidget *window, Handler dropped);
    ~PathDrops() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    Handler m_dropped;
};

} // namespace mwb::views
