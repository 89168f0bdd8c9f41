#pragma once
// Format detection from content and the per-file parse: protocol-log lines become compact
// records (offsets, keys), tracking/EXO rows become TrackEvents. Problems become ParseIssues.
#include "model/core/ingest/columns.h"
#include "model/core/ingest/csv.h"
#include "model/core/ingest/filebytes.h"
#include "model/core/sessions/types.h"

#include <QHash>
#include <QTimeZone>
#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace mwb::ingest {

ProtocolColumns protocolColumnsFromNames(const QList<QByteArray> &names, bool *ok);

struct ProtocolFields {
    FieldView time, connector, session, sequence, local, remote, event, data, context;
    char eventChar = '*';
};
// Splits one protocol record; false when it does not have the shape of a protocol line.
bool splitProtocolRecord(QByteArrayView record, const ProtocolColumns &cols, ProtocolFields &out, QString *why = nullptr);

// One protocol line, as compact as possible: everything else is re-read from the bytes.
struct ProtoLine {
    qint64 offset = 0;
    qint32 length = 0;
    qint32 sequence = -1;
    quint32 line = 0;
    quint32 key = 0;       // index into ParsedFile::keys
    char event = '*';
    // Where the data field starts inside the line (its opening quote, if quoted), or kNoDataStart:
    // lets the observer's decoding skip the first fields, which parsing has read already. Kept in
    // the padding after `event`: the record stays 32 bytes.
    quint16 dataStart = 0xFFFF;
    static constexpr quint16 kNoDataStart = 0xFFFF;
};

// What groups lines into one session inside a file: compact, since a GiB holds millions of them.
struct ProtoKey {
    quint64 id = 0;          // the 16 hex digits of the session-id as a number (0 for opaque ids)
    qint32 connector = -1;   // index into ParsedFile::connectors
    qint32 remote = -1;      // index into ParsedFile::remotes (redacted ids only: endpoints break the tie)
    qint32 opaque = -1;      // index into ParsedFile::opaqueIds: an id that is not 16 hex digits, verbatim
    bool redacted = false;   // 0000000000000000, or an opaque id of one repeated character (xxxx…)
    // Aggregates, enough to count sessions without the lines (LoadOptions-free stats path).
    bool lastDash = false;   // the key's last line so far is a disconnect
    qint32 lines = 0;
    qint32 dashes = 0;
};

// "08DC42C8FF236A1F" from the number.
QString sessionIdText(quint64 id);
// The session id of a key: the number's text, or the opaque id verbatim.
QString sessionIdText(const ProtoKey &key, const QList<QByteArray> &opaqueIds);
// A session-id as a protocol line may carry it: 16 hex digits (the fast path), or any other
// non-blank token of at most 128 printable characters (hand-anonymised ids such as 08C8881116H56738).
bool isSessionIdToken(QByteArrayView trimmedId);
// An id shared by many sessions: 0000000000000000, xxxxxxxxxxxxxxxx, ****: one repeated character.
bool isRedactedSessionId(QByteArrayView trimmedId);

// A message tracking / EXO event, normalised across the formats.
struct TrackEvent {
    qint64 timeMs = kNoTime;
    QString server;
    QString event;            // upper-case
    QString source;
    QString messageId;        // <id>
    QString networkMessageId;
    QString internalMessageId;
    QString sender;
    QStringList recipients;
    QString recipientStatus;
    QString subject;
    QString sourceContext;
    QString connector;
    QString clientIp, clientHost, serverIp, serverHost;
    // The host a queue last tried for this event, where the row names it: Exchange Online's
    // LastAttemptedServerName / LastAttemptedIP (extended report, DetailV2 Detail and Data, the
    // {FQDN=…};{IP=…} of a deferral) or a queue error's "The last endpoint attempted was IP:port".
    // For a deferral from Exchange Online it is the on-premises server to look at.
    QString attemptedHost;
    QString attemptedIp;
    RecordRef ref;
};

} // namespace mwb::ingest

// Tracking events are held by the million: QList grows them with realloc (every member is a Qt
// container, a string or a scalar, all relocatable) instead of a second buffer and a move each.
Q_DECLARE_TYPEINFO(mwb::ingest::TrackEvent, Q_RELOCATABLE_TYPE);

namespace mwb::ingest {

// Fills e.attemptedHost / e.attemptedIp (when still empty) from the forms above in `text`.
void readAttemptedServer(const QString &text, TrackEvent &e);

// Counting (ParseControl::keepLines = false): what message correlation needs of one tracking or EXO
// row, as 128-bit hashes of its ids instead of a TrackEvent (≈ 450 bytes of strings per row).
struct TrackKeys {
    quint64 messageId[2] = {0, 0};    // normalised <id>; all zero = empty
    quint64 networkId[2] = {0, 0};    // lower-cased
    quint64 internalId[2] = {0, 0};   // paired with the server below
    qint32 server = -1;               // index into ParsedFile::trackServers
};

struct ParsedFile {
    SourceFile meta;
    std::shared_ptr<FileBytes> bytes;
    std::vector<ProtoLine> lines;
    std::vector<ProtoKey> keys;        // distinct per file; counting in ranges: once per range, in file order
    QList<QByteArray> connectors;      // interned connector-id values (raw)
    QStringList connectorServers;      // server of each connector: EX01\… prefix, else the file's server
    QList<QByteArray> remotes;         // interned remote endpoints of redacted sessions
    QList<QByteArray> opaqueIds;       // interned session ids that are not 16 hex digits
    QList<TrackEvent> events;          // full load only
    std::vector<TrackKeys> trackKeys;  // counting only
    // Counting only: hashed <ids> that protocol lines name ("250 2.6.0 <id>", "InternetMessageId <id>"),
    // so that `mwb stats` counts the messages of protocol-only logs as correlateMessages does.
    std::vector<std::array<quint64, 2>> protoMessageIds;
    QStringList trackServers;
    // Protocol column layout in effect from a byte offset on (a #Fields block may repeat).
    std::vector<std::pair<qint64, ProtocolColumns>> layouts;
    bool cancelled = false;
};

struct ParseControl {
    const std::atomic_bool *cancel = nullptr;
    std::function<void(qint64 rawBytesDelta)> progress;   // called about every MB
    bool keepLines = true;   // false: only per-key aggregates (counting), no ProtoLine per line
    int chunks = 1;          // counting: a big protocol log is read in up to this many ranges at once
    qint64 minChunkBytes = 8 << 20;   // smaller ranges are not worth a thread
    // The zone of zone-less times in exports that write the exporting machine's local time
    // (Get-MessageTrackingLog | Export-Csv / Format-List); invalid: read as UTC, with a warning.
    QTimeZone timeZone;
};

// Detects the format of decoded bytes and parses them. fileIndex is put into RecordRefs.
ParsedFile parseBytes(std::shared_ptr<FileBytes> bytes, const QString &displayPath, const QString &serverHint,
                      int fileIndex, const ParseControl &control = {});

// The layout in effect at an offset.
ProtocolColumns layoutAt(const std::vector<std::pair<qint64, ProtocolColumns>> &layouts, qint64 offset);

// "<id@host>" from "id@host", "<id@host>", " <id@host> ".
QString normaliseMessageId(QByteArrayView raw);
QString normaliseMessageId(const QString &raw);

inline constexpr int kMaxIssuesPerFile = 1000;
// A protocol-log line longer than this is reported and not used (real lines stay under 8 KiB; the
// longest are certificate and EHLO lines). Tracking and export rows have no such limit.
inline constexpr qsizetype kMaxProtocolLine = 64 * 1024;

} // namespace mwb::ingest
