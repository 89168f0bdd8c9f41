#include "views/sessions/bookmarksview.h"

#include "views/common/theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mwb::views {

BookmarksView::BookmarksView(BookmarksModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_table(new QTableView(this)), m_open(new QToolButton(this)),
      m_remove(new QToolButton(this))
{
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("bookmarksTable"));
    m_table->setAccessibleName(tr("Bookmarks"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(BookmarksModel::Label, 360);
    m_table->setColumnWidth(BookmarksModel::Location, 240);

    m_open->setText(tr("&Open"));
    m_open->setIcon(actionIcon(QStringLiteral("details")));
    m_open->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_open->setToolTip(tr("Show the bookmarked session or line (Enter)"));
    m_open->setAccessibleName(tr("Open bookmark"));
    m_remove->setText(tr("Re&move"));
    m_remove->setIcon(actionIcon(QStringLiteral("clear")));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setToolTip(tr("Remove the selected bookmark (Delete)"));
    m_remove->setAccessibleName(tr("Remove bookmark"));
    auto *hint = new QLabel(tr("Ctrl+B bookmarks the selected session or transcript line. F2 renames a bookmark."), this);
    hint->setWordWrap(true);

    auto *remove = new QAction(tr("Remove bookmark"), m_table);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(remove);
    auto *open = new QAction(tr("Open bookmark"), m_table);
    open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    open->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(open);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(remove, &QAction::triggered, this, &BookmarksView::removeCurrent);
    connect(open, &QAction::triggered, this, &BookmarksView::openCurrent);
    connect(m_open, &QToolButton::clicked, this, &BookmarksView::openCurrent);
    connect(m_remove, &QToolButton::clicked, this, &BookmarksView::removeCurrent);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        // A double-click on the label edits it; elsewhere it opens.
        if (index.column() != BookmarksModel::Label)
            openCurrent();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BookmarksView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BookmarksView::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &BookmarksView::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &BookmarksView::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);
    updateButtons();
}

void BookmarksView::openCurrent()
{
    const Bookmark *b = m_model->bookmarkAt(m_table->currentIndex().row());
    if (b)
        Q_EMIT bookmarkActivated(*b);
}

void BookmarksView::removeCurrent()
{
    const int row = m_table->currentIndex().row();
    if (row >= 0)
        m_model->removeRows(row, 1);
}

void BookmarksView::updateButtons()
{
    const bool has = m_table->currentIndex().isValid();
    m_open->setEnabled(has);
    m_remove->setEnabled(has);
}

} // namespace mwb::views
