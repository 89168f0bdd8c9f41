#include "views/shell/pathdrops.h"

#include <QCoreApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace mwb::views {

PathDrops::PathDrops(QWidget *window, Handler dropped) : QObject(window), m_window(window), m_dropped(std::move(dropped))
{
    QCoreApplication::instance()->installEventFilter(this);
}

PathDrops::~PathDrops()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

bool PathDrops::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QObject::eventFilter(watched, event);
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || (widget != m_window && widget->window() != m_window))
        return QObject::eventFilter(watched, event);
    auto *drop = static_cast<QDropEvent *>(event);   // QDragEnterEvent and QDragMoveEvent are QDropEvents
    if (!drop->mimeData()->hasUrls())
        return false;
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    if (type != QEvent::Drop)
        return true;
    QStringList local;
    QStringList remote;
    for (const QUrl &url : drop->mimeData()->urls()) {
        if (url.isLocalFile())
            local << url.toLocalFile();
        else
            remote << url.toDisplayString();
    }
    m_dropped(local, remote);
    return true;
}

} // namespace mwb::views
