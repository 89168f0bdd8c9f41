#pragma once
// Protocol-log lines → Sessions. SessionBuilder derives every Session field from the lines of one
// session in order (byte views, no QString per line); assembleSessions groups the lines of all
// files (server + log type + session-id, redacted ids split by endpoints and disconnects), orders
// them across rolled files and by sequence-number, and builds the sessions in parallel.
#include "model/core/ingest/parser.h"
#include "model/core/sessions/types.h"

#include <atomic>
#include <vector>

namespace mwb {

class SessionBuilder {
public:
    explicit SessionBuilder(Direction direction);
    ~SessionBuilder();
    void addLine(qint64 timeMs, int sequence, char event, const ingest::FieldView &data, const ingest::FieldView &context,
                 const ingest::FieldView &local, const ingest::FieldView &remote, const RecordRef &ref);
    Session finish();   // the session id, server, connector and spans are set by the caller

private:
    struct State;
    std::unique_ptr<State> d;
};

// Where one line of a session lives: file index into the parsed files, line index in that file.
struct LineLoc {
    qint32 file = 0;
    quint32 line = 0;
};

struct AssembledSessions {
    QList<Session> sessions;               // sorted by start time; Session::index set
    std::vector<std::vector<LineLoc>> lines;   // per session, in session order
};

// files[i] must carry RecordRef file index i. rank[i] orders files in time (rollover order).
AssembledSessions assembleSessions(const std::vector<ingest::ParsedFile> &files, const std::vector<int> &rank,
                                   int threads, const std::atomic_bool *cancel);

// The number of sessions assembleSessions would build, from the per-key aggregates alone (files
// parsed with ParseControl::keepLines = false): the counting path of `mwb stats`.
qint64 countSessions(const std::vector<ingest::ParsedFile> &files, const std::vector<int> &rank, int threads = 1);

// Re-splits one protocol line of a parsed file into a SessionLine (text decoded).
SessionLine decodeSessionLine(QByteArrayView fileText, const ingest::ProtocolColumns &cols, qint64 offset,
                              qint32 length, qint64 lineNo, int fileIndex);
// The same into an existing SessionLine, whose strings keep their buffers: decoding session after
// session into the same lines allocates nothing once the buffers are big enough.
void decodeSessionLineInto(SessionLine &line, QByteArrayView fileText, const ingest::ProtocolColumns &cols,
                           qint64 offset, qint32 length, qint64 lineNo, int fileIndex);

// decodeSessionLineInto for a line as parsing recorded it: the same SessionLine, but the fields
// before data are not split again (sequence and event come from the record, the time from the
// line's start, data and context from ProtoLine::dataStart on). Lines the shortcut cannot take
// (another column order, a quoted date-time, no recorded start) are decoded in full.
void decodeProtoLineInto(SessionLine &line, QByteArrayView fileText, const ingest::ProtocolColumns &cols,
                         const ingest::ProtoLine &record, int fileIndex);

// Capability keywords of an EHLO reply text ("SIZE 37748736 PIPELINING AUTH NTLM X-EXPS GSSAPI NTLM").
QStringList parseCapabilities(const QString &text);

} // namespace mwb
