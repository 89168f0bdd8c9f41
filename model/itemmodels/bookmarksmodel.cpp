#include "model/itemmodels/bookmarksmodel.h"

#include "model/itemmodels/timeformat.h"

#include <QFileInfo>
#include <QIcon>

namespace mwb {

BookmarksModel::BookmarksModel(QObject *parent) : QAbstractTableModel(parent) {}

int BookmarksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bookmarks.size());
}

int BookmarksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString locationText(const Bookmark &b)
{
    if (b.file.isEmpty())
        return QObject::tr("session %1").arg(b.sessionId);
    return QStringLiteral("%1:%2").arg(QFileInfo(b.file).fileName()).arg(b.line);
}

QVariant BookmarksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bookmark &b = m_bookmarks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Label:
            if (role == Qt::DisplayRole && b.label.isEmpty())
                return locationText(b);
            return b.label;
        case Location: return locationText(b);
        case Created: return role == Qt::DisplayRole ? formatTime(b.createdMs, TimeDisplay::Utc, true) : QVariant(b.createdMs);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == Label)
            return QIcon(QStringLiteral(":/icons/actions/bookmark.svg"));
        return {};
    case Qt::ToolTipRole:
        // The kind in words too: the icon alone does not tell a line from a session.
        return b.file.isEmpty() ? tr("Session %1").arg(b.sessionId)
                                : tr("Line %1 of %2 (session %3)").arg(b.line).arg(b.file, b.sessionId);
    case BookmarkIdRole: return b.id;
    case SessionIdRole: return b.sessionId;
    case FileRole: return b.file;
    case LineRole: return b.line;
    }
    return {};
}

bool BookmarksModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || role != Qt::EditRole
        || index.column() != Label)
        return false;
    Bookmark &b = m_bookmarks[index.row()];
    const QString label = value.toString().trimmed();
    if (b.label == label)
        return true;
    b.label = label;
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags BookmarksModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Label)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant BookmarksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label: return tr("Bookmark");
    case Location: return tr("Where");
    case Created: return tr("Created");
    }
    return {};
}

bool BookmarksModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_bookmarks.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_bookmarks.remove(row, count);
    endRemoveRows();
    return true;
}

void BookmarksModel::setBookmarks(const QList<Bookmark> &bookmarks)
{
    beginResetModel();
    m_bookmarks = bookmarks;
    endResetModel();
}

const Bookmark *BookmarksModel::bookmarkAt(int row) const
{
    return row >= 0 && row < m_bookmarks.size() ? &m_bookmarks.at(row) : nullptr;
}

int BookmarksModel::find(const QString &sessionId, const QString &file, qint64 line) const
{
    for (qsizetype i = 0; i < m_bookmarks.size(); ++i) {
        const Bookmark &b = m_bookmarks.at(i);
        if (b.sessionId == sessionId && b.file == file && (file.isEmpty() || b.line == line))
            return int(i);
    }
    return -1;
}

bool BookmarksModel::toggle(Bookmark bookmark, qint64 nowMs)
{
    const int existing = find(bookmark.sessionId, bookmark.file, bookmark.line);
    if (existing >= 0) {
        removeRows(existing, 1);
        return false;
    }
    if (bookmark.id == 0) {
        // Ids stay unique within the list; a case file may renumber them when it stores them.
        qint64 maxId = 0;
        for (const Bookmark &b : m_bookmarks)
            maxId = std::max(maxId, b.id);
        bookmark.id = maxId + 1;
    }
    if (bookmark.createdMs == 0)
        bookmark.createdMs = nowMs;
    const int row = int(m_bookmarks.size());
    beginInsertRows({}, row, row);
    m_bookmarks << bookmark;
    endInsertRows();
    return true;
}

QSet<QString> BookmarksModel::bookmarkedSessions() const
{
    QSet<QString> ids;
    for (const Bookmark &b : m_bookmarks) {
        if (b.file.isEmpty())
            ids.insert(b.sessionId);
    }
    return ids;
}

} // namespace mwb
