#pragma once
// The admin's bookmarks: whole sessions and single transcript lines. The value type is the case
// file's Bookmark, so the list can be saved into and read back from a case unchanged.
#include "model/core/cases/casefile.h"

#include <QAbstractTableModel>
#include <QSet>

namespace mwb {

class BookmarksModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Location, Created, ColumnCount };
    enum Role {
        BookmarkIdRole = Qt::UserRole + 1,  // qint64
        SessionIdRole,                      // QString
        FileRole,                           // QString (empty for a session bookmark)
        LineRole,                           // qint64 (0 for a session bookmark)
    };

    explicit BookmarksModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void setBookmarks(const QList<Bookmark> &bookmarks);
    const QList<Bookmark> &bookmarks() const { return m_bookmarks; }
    const Bookmark *bookmarkAt(int row) const;

    // Row of the bookmark on this session (file empty) or this line, -1 when there is none.
    int find(const QString &sessionId, const QString &file = {}, qint64 line = 0) const;
    // Adds the bookmark (id and time assigned when unset) or removes the one at the same place.
    // Returns true when it was added.
    bool toggle(Bookmark bookmark, qint64 nowMs);

    // Session ids with a session bookmark, for the marker in the sessions table.
    QSet<QString> bookmarkedSessions() const;

private:
    QList<Bookmark> m_bookmarks;
};

} // namespace mwb
