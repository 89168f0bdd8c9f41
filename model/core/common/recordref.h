#pragma once
// Where one record (log line, CSV row) lives: the evidence behind every finding and transcript line.
#include <QtGlobal>

namespace mwb {

struct RecordRef {
    int fileIndex = -1;    // index into Store::files
    qint64 line = 0;       // 1-based physical line number in the decoded file
    qint64 offset = 0;     // byte offset of the line in the file's decoded bytes
    qint32 length = 0;     // bytes, without the line terminator
    bool isValid() const { return fileIndex >= 0 && line > 0; }
    friend bool operator==(const RecordRef &, const RecordRef &) = default;
};

} // namespace mwb
