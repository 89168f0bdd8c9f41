#pragma once
// SMTP replies: a byte-stream parser that survives replies split across TCP segments and absurdly
// long lines, plus the EHLO capability set.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace mwb::smtp {

struct SmtpReply {
    int code = 0;                 // 0 when the server sent something that is not an SMTP reply
    QString enhanced;             // "2.0.0" when the server uses RFC 3463 enhanced status codes
    QStringList lines;            // text of each line after "NNN-" / "NNN "
    bool truncated = false;       // a line exceeded the cap and was cut
    bool malformed = false;       // a line did not start with three digits

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    bool isPermanent() const { return code >= 500; }
    QString text() const { return lines.join(u' '); }
    // "250 2.0.0 Ok" style one-line summary (first line, enhanced code included).
    QString summary() const;
};

// Bounds of one reply. A real server's longest reply (EHLO) has a few dozen lines of < 100 bytes;
// RFC 5321 4.5.3.1.5 allows 512 bytes per reply line.
struct ReplyLimits {
    qsizetype lineBytes = 64 * 1024;   // a longer line is cut here, the rest of it discarded
    int replyLines = 256;              // lines in one multi-line reply
    qsizetype replyBytes = 256 * 1024; // bytes kept of one reply (after the line cut)
};

// Feeds raw bytes, yields complete replies. A reply line longer than lineCap is cut at the cap
// (the rest up to CRLF is discarded) so a hostile peer cannot make us buffer without limit. A reply
// with more lines or bytes than its limits is not kept growing: the parser stops storing it and
// reports overflowed(), and the client ends the connection.
class ReplyParser {
public:
    explicit ReplyParser(qsizetype lineCap = 64 * 1024) : m_lineCap(lineCap) { m_limits.lineBytes = lineCap; }
    explicit ReplyParser(const ReplyLimits &limits) : m_lineCap(limits.lineBytes), m_limits(limits) {}
    // True once a reply went over replyLines or replyBytes; stays true until reset().
    bool overflowed() const { return m_overflow; }
    const ReplyLimits &limits() const { return m_limits; }
    void feed(const QByteArray &bytes);
    bool hasReply() const { return !m_ready.isEmpty(); }
    SmtpReply takeReply() { return m_ready.takeFirst(); }
    // Complete raw lines seen since the last call, with the terminator as received (CRLF or a bare
    // LF), capped, for the transcript's hex view.
    QList<QByteArray> takeRawLines() { return std::exchange(m_rawLines, {}); }
    qsizetype pendingBytes() const { return m_partial.size(); }
    void reset();

private:
    void finishLine(QByteArray line, bool truncated);

    qsizetype m_lineCap;
    ReplyLimits m_limits;
    bool m_overflow = false;
    qsizetype m_currentBytes = 0;  // bytes kept of the reply being read
    QByteArray m_partial;
    bool m_discarding = false;     // inside an over-long line, waiting for its LF
    bool m_partialTruncated = false;
    SmtpReply m_current;
    bool m_inReply = false;
    QList<SmtpReply> m_ready;
    QList<QByteArray> m_rawLines;
};

// What an EHLO reply advertises. Unknown keywords are kept in `other`.
struct EhloCapabilities {
    QString greeting;              // first line: "mail.contoso.com Hello [203.0.113.9]"
    qint64 size = -1;              // SIZE limit in bytes; 0 = no limit announced; -1 = no SIZE
    bool startTls = false;
    bool anonymousTls = false;     // X-ANONYMOUSTLS (Exchange server to server)
    QStringList authMechanisms;    // AUTH PLAIN LOGIN NTLM ...
    QStringList exps;              // X-EXPS GSSAPI NTLM (Exchange server authentication)
    bool eightBitMime = false;
    bool binaryMime = false;
    bool chunking = false;
    bool smtpUtf8 = false;
    bool dsn = false;
    bool pipelining = false;
    bool enhancedStatusCodes = false;
    QStringList other;
    QStringList keywords;          // every capability line as sent, in order

    static EhloCapabilities parse(const SmtpReply &reply);
    bool has(const QString &keyword) const;
};

QString enhancedCodeFromText(const QString &text);

} // namespace mwb::smtp
