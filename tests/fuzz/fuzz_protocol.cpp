// Fuzz entry for what peers send over the network (#29.10): the SMTP reply parser (fed in pieces,
// with small limits, checking that they hold), the EHLO capability parser, the DNS message parser
// for every record type, and the text escaper and CSV writer that peer text goes through.
// Any invariant broken traps. Replayed by mwb_fuzz_protocol_replay (CTest fuzz_protocol_replay);
// with -DMWB_FUZZ=ON the libFuzzer target mwb_fuzz_protocol is built too.
#include "model/core/common/csvwriter.h"
#include "model/core/common/safetext.h"
#include "model/core/smtp/dns.h"
#include "model/core/smtp/reply.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace mwb;
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));

    // SMTP replies, in pieces whose size the first byte chooses (a TCP stream split anywhere).
    {
        const smtp::ReplyLimits limits{64, 8, 256};
        smtp::ReplyParser parser(limits);
        const qsizetype piece = raw.isEmpty() ? 1 : 1 + quint8(raw.at(0)) % 97;
        for (qsizetype pos = 0; pos < raw.size(); pos += piece) {
            parser.feed(raw.mid(pos, piece));
            if (parser.pendingBytes() > limits.lineBytes)
                __builtin_trap();  // a line kept past its cap
            for (const QByteArray &line : parser.takeRawLines())
                if (line.size() > limits.lineBytes + 2)
                    __builtin_trap();
            while (parser.hasReply()) {
                const smtp::SmtpReply reply = parser.takeReply();
                if (reply.lines.size() > limits.replyLines)
                    __builtin_trap();  // a reply grown past its line limit
                (void)reply.summary();
                (void)smtp::EhloCapabilities::parse(reply);
            }
        }
    }

    // DNS responses: the id is the packet's own, so the body is parsed; every record type.
    if (raw.size() >= 2) {
        const quint16 id = quint16((quint8(raw.at(0)) << 8) | quint8(raw.at(1)));
        for (smtp::DnsType type : {smtp::DnsType::A, smtp::DnsType::Aaaa, smtp::DnsType::Mx, smtp::DnsType::Ptr, smtp::DnsType::Txt}) {
            smtp::DnsAnswer answer;
            answer.type = type;
            (void)smtp::parseDnsResponse(raw, id, &answer);
        }
    }

    // Peer text on its way to a terminal or a spreadsheet: nothing unsafe may come out.
    const QString text = QString::fromUtf8(raw);
    const QString shown = escapeControls(text);
    for (const QChar c : shown)
        if (c == u'\n' || isUnsafeControl(c.unicode()))
            __builtin_trap();
    const QString cell = csvCell(text, CsvKind::Text);
    const QString unquoted = cell.startsWith(u'"') ? cell.mid(1) : cell;
    if (!unquoted.isEmpty() && (unquoted.front() == u'=' || unquoted.front() == u'+' || unquoted.front() == u'-' || unquoted.front() == u'@'))
        __builtin_trap();
    return 0;
}
