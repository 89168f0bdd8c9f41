#pragma once
// The result of a load: files, sessions, messages, plus the decoded bytes of every file so that
// transcripts and evidence lines can be re-read on demand (no QString per line is kept).
#include "model/core/configuration/configuration.h"
#include "model/core/sessions/types.h"

#include <QByteArrayView>
#include <QHash>
#include <QPair>
#include <memory>
#include <vector>

namespace mwb {

class FileBytes;  // owns a memory map or a decoded buffer (ingest/)

class Store {
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QList<SourceFile> files;
    QList<Session> sessions;   // Session::index == position
    QList<Message> messages;   // Message::index == position
    // The transport configuration of a collection zip (mwb collect-script); empty without one.
    config::Configuration configuration;

    // The earliest first and the latest last record time over the files ({kNoTime, kNoTime} when
    // none has a time): the span the logs cover, whose end is the analysis's "now".
    QPair<qint64, qint64> fileTimeSpan() const;

    // Decoded UTF-8 bytes of file i (empty for unreadable files). Valid while the Store lives.
    QByteArrayView fileBytes(int fileIndex) const;
    void setFileBytes(int fileIndex, std::shared_ptr<const FileBytes> bytes);

    // One line's text (without terminator) for evidence display.
    QString recordText(const RecordRef &ref) const;
    // The session's lines in order (re-read from the spans), fields decoded.
    QList<SessionLine> sessionLines(const Session &session) const;

    // Lookups built by the assembler.
    int messageIndexById(const QString &messageId) const;  // normalised <id>; -1 if unknown
    QList<int> sessionsForMessageId(const QString &messageId) const;
    QHash<QString, int> messageById;
    QHash<QString, QList<int>> sessionsByMessageId;

private:
    std::vector<std::shared_ptr<const FileBytes>> m_bytes;
};

} // namespace mwb
