#pragma once
// One session as a "follow stream": client and server lines, relative/absolute time, gaps, folded
// multi-line replies, TLS/certificate context. Built from Store::sessionLines (or given lines).
#include "model/core/common/transcripttext.h"
#include "model/core/sessions/types.h"
#include "model/itemmodels/timeformat.h"

#include <QAbstractTableModel>
#include <QSet>

namespace mwb {

class Redactor;

class Store;

// Who spoke a line. Receive logs: '<' is the remote client, '>' Exchange as server.
// Send logs flip it: '>' is Exchange as client, '<' the remote server.
Speaker speakerOf(Direction direction, char event);

struct TranscriptEntry {
    QList<SessionLine> lines;   // > 1 when a multi-line reply was folded
    Speaker speaker = Speaker::Info;
    qint64 gapBeforeMs = 0;     // silence since the previous entry
    bool isCertificate = false; // certificate / TLS negotiation context
};

class TranscriptModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AbsoluteTime, RelativeTime, Arrow, Text, ColumnCount };
    enum Role {
        SpeakerRole = Qt::UserRole + 1,  // int(Speaker)
        GapRole,                         // qint64 ms of silence before the line (0 when < threshold)
        FoldedCountRole,                 // int: lines folded into this entry (1 = not folded)
        FullTextRole,                    // all folded lines, newline-separated
        FileLineRole,                    // "file:line" of the first record
        RefRole,                         // QVariant of the first RecordRef (fileIndex, line) as QPoint-like list
        RawRole,                         // the raw log line as written (when the store has the bytes)
        FilePathRole,                    // full path of the first record's file (empty when unknown)
        LineRole,                        // qint64 line number of the first record
        BookmarkedRole,                  // bool: one of the entry's lines is bookmarked
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Store may be null (then raw lines and file names are unknown).
    void setSession(const Store *store, const Session &session);
    void setLines(const Session &session, const QList<SessionLine> &lines, const QStringList &filePaths = {});
    void clear();

    void setTimeDisplay(TimeDisplay display);
    const Session &session() const { return m_session; }
    const QList<TranscriptEntry> &entries() const { return m_entries; }
    int rowOfLine(qint64 fileLine) const;
    // Lines bookmarked as (file path, line); entries holding one get a bookmark icon.
    void setBookmarkedLines(const QSet<QPair<QString, qint64>> &lines);

    // Plain text ("follow stream"): one line per record with time, arrow and text.
    // With a redactor, every value from the logs goes through it (a redacted export).
    QString toText(Redactor *redactor = nullptr) const;
    // Self-contained HTML, every log-derived string escaped.
    QString toHtml(Redactor *redactor = nullptr) const;

    // "file.log:123" of a record (empty when unknown).
    QString location(const RecordRef &ref) const { return fileLabel(ref); }
    // The line as written in the log; rebuilt from its fields when the bytes are not at hand.
    QString rawText(const SessionLine &line) const;

private:
    QString fileLabel(const RecordRef &ref) const;
    QString filePath(const RecordRef &ref) const;
    bool isBookmarked(const TranscriptEntry &e) const;

    const Store *m_store = nullptr;
    Session m_session;
    QStringList m_filePaths;
    QSet<QPair<QString, qint64>> m_bookmarked;
    QList<TranscriptEntry> m_entries;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
};

// Groups raw session lines into entries: "250-" continuations and the Exchange 2010 one-line-per-
// continuation style fold into the final "250 " line; certificate/TLS '*' lines are flagged.
QList<TranscriptEntry> buildTranscript(Direction direction, const QList<SessionLine> &lines);

} // namespace mwb
