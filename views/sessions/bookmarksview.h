#pragma once
// The list of bookmarks (sessions and transcript lines): open one with Enter or a double-click,
// rename it in place (F2), remove it with Delete.
#include "model/itemmodels/bookmarksmodel.h"

#include <QWidget>

class QTableView;
class QToolButton;

namespace mwb::views {

class BookmarksView : public QWidget {
    Q_OBJECT
public:
    explicit BookmarksView(BookmarksModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    void openCurrent();
    void removeCurrent();

Q_SIGNALS:
    void bookmarkActivated(const mwb::Bookmark &bookmark);

private:
    void updateButtons();

    BookmarksModel *m_model;
    QTableView *m_table;
    QToolButton *m_open;
    QToolButton *m_remove;
};

} // namespace mwb::views
