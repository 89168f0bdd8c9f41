// Fuzz entry over the whole ingest path: encoding sniff, format detection, tokenizer, parsers,
// session assembly, message correlation and transcript re-reading. Any input must neither crash
// nor hang; bad bytes become ParseIssues. The corpus holds a sample of every reader: protocol and
// tracking logs, EXO reports, Get-MessageTrace(V2/DetailV2) and Get-MessageTrackingLog exports
// (Export-Csv with ',' and ';', Format-List).
#include "model/core/ingest/csv.h"
#include "model/core/ingest/filebytes.h"
#include "model/core/ingest/parser.h"
#include "model/core/sessions/assembler.h"
#include "model/core/sessions/messages.h"
#include "model/core/sessions/store.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace mwb;
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));

    // The tokenizer on its own, over every record, with the log delimiter and the Export-Csv
    // -Delimiter / -UseCulture ones (the readers of EMS and EXO exports use them).
    for (const char delim : {',', ';'}) {
        ingest::FieldView fields[32];
        qsizetype pos = 0;
        int guard = 0;
        while (pos < raw.size() && ++guard < 100000) {
            const ingest::RecordSpan r = ingest::nextRecord(raw, pos, 64, delim);
            if (r.next <= pos)
                __builtin_trap();   // no progress would be a hang
            const int n = ingest::splitFields(QByteArrayView(raw).sliced(r.begin, r.end - r.begin), fields, 32, delim);
            for (int i = 0; i < std::min(n, 32); ++i)
                (void)fields[i].bytes();
            pos = r.next;
        }
    }

    std::vector<ingest::ParsedFile> files;
    files.push_back(ingest::parseBytes(FileBytes::fromBuffer(raw), QStringLiteral("fuzz.log"), QStringLiteral("FUZZ"), 0));
    const AssembledSessions assembled = assembleSessions(files, {0}, 1, nullptr);
    Store store;
    store.files.append(files[0].meta);
    store.setFileBytes(0, files[0].bytes);
    store.sessions = assembled.sessions;
    for (const Session &s : std::as_const(store.sessions)) {
        const QList<SessionLine> lines = store.sessionLines(s);
        if (!lines.isEmpty())
            (void)store.recordText(lines.first().ref);
    }
    correlateMessages(files[0].events, store);
    for (const Message &m : std::as_const(store.messages)) {
        for (const MessageHop &h : m.hops)
            (void)store.recordText(h.ref);
    }
    return 0;
}
