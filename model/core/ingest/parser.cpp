#include "model/core/ingest/parser.h"
#include "model/core/common/exchangebuild.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>
#include <string_view>
#include <thread>

namespace mwb::ingest {

namespace {

constexpr int kMaxFields = 64;
constexpr qint64 kProgressStep = 1 << 20;

QByteArray normaliseName(QByteArrayView raw)
{
    QByteArray n = trimmedView(raw).toByteArray().toLower();
    n.replace('_', '-');
    return n;
}

QList<QByteArray> splitNames(QByteArrayView text, char delim = ',')
{
    FieldView f[kMaxFields];
    const int n = std::min(splitFields(text, f, kMaxFields, delim), kMaxFields);
    QList<QByteArray> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append(normaliseName(f[i].bytes()));
    return out;
}

// splitNames(text, delim) == names without building the list: every data row of an Export-Csv is
// compared with the header (a repeated header row is skipped), and the list cost a fifth of reading
// one (issue #25).
bool sameNames(QByteArrayView text, char delim, const QList<QByteArray> &names)
{
    FieldView f[kMaxFields];
    const int n = std::min(splitFields(text, f, kMaxFields, delim), kMaxFields);
    if (n != names.size())
        return false;
    for (int i = 0; i < n; ++i) {
        QByteArray collapsed;
        const QByteArrayView v = trimmedView(f[i].hasDoubledQuotes ? QByteArrayView(collapsed = f[i].bytes()) : f[i].view());
        const QByteArray &name = names[i];
        if (v.size() != name.size())
            return false;
        for (qsizetype k = 0; k < v.size(); ++k) {
            char c = v[k];
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');   // QByteArray::toLower: ASCII only
            else if (c == '_')
                c = '-';
            if (c != name[k])
                return false;
        }
    }
    return true;
}

// QByteArrayView::contains as std::string_view::find (memchr for the first byte, then a compare):
// Qt 6.4's search set up per call cost more per row than the rest of reading a tracking row.
bool containsBytes(QByteArrayView text, std::string_view needle)
{
    return std::string_view(text.data(), size_t(text.size())).find(needle) != std::string_view::npos;
}

bool isHex16(QByteArrayView v)
{
    if (v.size() != 16)
        return false;
    for (char c : v) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

QString shortHost(const QString &host)
{
    const qsizetype dot = host.indexOf(u'.');
    // An IP address is not a host name to shorten.
    if (dot > 0 && !host.at(0).isDigit())
        return host.left(dot);
    return host;
}

// Header line without its '#': "Fields: a,b" → key "fields", value "a,b". Pasted copies lose '#'.
bool headerLine(QByteArrayView line, QByteArrayView &key, QByteArrayView &value)
{
    QByteArrayView l = line;
    if (!l.isEmpty() && l[0] == '#')
        l = l.sliced(1);
    static const char *const keys[] = {"Software:", "Version:", "Log-type:", "Date:", "Fields:"};
    for (const char *k : keys) {
        const QByteArrayView kv(k);
        if (startsWithNoCase(l, kv)) {
            key = l.first(kv.size() - 1);
            value = trimmedView(l.sliced(kv.size()));
            return true;
        }
    }
    return false;
}

LogFormat formatFromLogType(QByteArrayView v)
{
    if (indexOfNoCase(v, "Receive Protocol") >= 0)
        return LogFormat::SmtpReceive;
    if (indexOfNoCase(v, "Send Protocol") >= 0)
        return LogFormat::SmtpSend;
    if (indexOfNoCase(v, "Message Tracking") >= 0)
        return LogFormat::MessageTracking;
    if (indexOfNoCase(v, "Connectivity") >= 0)
        return LogFormat::TransportConnectivity;
    return LogFormat::Unknown;
}

bool isProtocol(LogFormat f) { return f == LogFormat::SmtpReceive || f == LogFormat::SmtpSend; }

// Columns of tracking-like files, found by (normalised) name.
struct TrackColumns {
    int time = -1, clientIp = -1, clientHost = -1, serverIp = -1, serverHost = -1, sourceContext = -1, connector = -1,
        source = -1, eventId = -1, internalId = -1, messageId = -1, networkId = -1, recipients = -1, recipientStatus = -1,
        subject = -1, sender = -1, status = -1, detail = -1, data = -1, customData = -1;
    int count = 0;
};

TrackColumns trackColumnsFromNames(const QList<QByteArray> &names)
{
    TrackColumns c;
    c.count = int(names.size());
    auto idx = [&](std::initializer_list<const char *> alts) {
        for (const char *a : alts) {
            const qsizetype i = names.indexOf(QByteArray(a));
            if (i >= 0)
                return int(i);
        }
        return -1;
    };
    // Log-file names (date-time …), EXO report names (date_time_utc …) and the property names of
    // PowerShell objects (Get-MessageTrackingLog: Timestamp, EventId …; Get-MessageTraceV2 and
    // Get-MessageTraceDetailV2: Received, Date, Event, Detail, Data …).
    c.time = idx({"date-time", "date-time-utc", "origin-timestamp-utc", "received", "timestamp", "date"});
    c.clientIp = idx({"client-ip", "clientip", "fromip", "original-client-ip"});
    c.clientHost = idx({"client-hostname", "clienthostname"});
    c.serverIp = idx({"server-ip", "serverip", "toip"});
    c.serverHost = idx({"server-hostname", "serverhostname"});
    c.sourceContext = idx({"source-context", "sourcecontext"});
    c.connector = idx({"connector-id", "connectorid"});
    c.source = idx({"source"});
    c.eventId = idx({"event-id", "eventid", "event"});
    c.internalId = idx({"internal-message-id", "internalmessageid"});
    c.messageId = idx({"message-id", "messageid"});
    c.networkId = idx({"network-message-id", "networkmessageid", "messagetraceid"});
    c.recipients = idx({"recipient-address", "recipientaddress", "recipients"});
    c.recipientStatus = idx({"recipient-status", "recipientstatus"});
    c.subject = idx({"message-subject", "messagesubject", "subject"});
    c.sender = idx({"sender-address", "senderaddress", "sender"});
    c.status = idx({"status"});
    c.detail = idx({"detail"});
    c.data = idx({"data"});
    c.customData = idx({"custom-data", "customdata"});
    return c;
}

const QList<QByteArray> &defaultTrackingNames(int count)
{
    static const QList<QByteArray> v2010 = {
        "date-time", "client-ip", "client-hostname", "server-ip", "server-hostname", "source-context", "connector-id",
        "source", "event-id", "internal-message-id", "message-id", "recipient-address", "recipient-status",
        "total-bytes", "recipient-count", "related-recipient-address", "reference", "message-subject",
        "sender-address", "return-path", "message-info", "directionality", "tenant-id", "original-client-ip",
        "original-server-ip", "custom-data"};
    static const QList<QByteArray> v2013 = [] {
        QList<QByteArray> v = v2010;
        v.insert(11, "network-message-id");
        return v;
    }();
    static const QList<QByteArray> v2016 = [] {
        QList<QByteArray> v = v2013;
        v << "transport-traffic-type" << "log-id" << "schema-version";
        return v;
    }();
    // Exchange 2007: 21 fields, the 2010 layout up to message-info.
    static const QList<QByteArray> v2007 = v2010.mid(0, 21);
    return count == 21 ? v2007 : count == 26 ? v2010 : count == 27 ? v2013 : v2016;
}

struct Detection {
    LogFormat format = LogFormat::Unknown;
    bool fieldsFromHeader = false;
    QString why;
};

// Decides between Receive and Send for protocol lines without a #Log-type: in Receive logs the
// server ('>') answers with codes, in Send logs '>' carries Exchange's commands.
int sendVote(const ProtocolFields &f)
{
    const QByteArrayView d = trimmedView(f.data.view());
    if (d.isEmpty())
        return 0;
    const bool code = d.size() >= 3 && d[0] >= '2' && d[0] <= '5' && d[1] >= '0' && d[1] <= '9';
    if (f.eventChar == '>')
        return code ? -1 : 1;
    if (f.eventChar == '<')
        return code ? 1 : -1;
    return 0;
}

// The port of "ip:port" / "[v6]:port", or -1.
int portOf(QByteArrayView endpoint)
{
    const QByteArrayView e = trimmedView(endpoint);
    const qsizetype colon = e.lastIndexOf(':');
    if (colon < 0 || colon + 1 >= e.size() || e.size() - colon > 6)
        return -1;
    qint32 port = -1;
    return parseInt(e.sliced(colon + 1), port) && port <= 65535 ? port : -1;
}

bool isSmtpPort(int p) { return p == 25 || p == 587 || p == 465 || p == 2525 || p == 475 || p == 717; }

// Endpoints as direction evidence: Exchange's side of a Send session is an ephemeral local port
// talking to a remote :25 (16547 → :25); a Receive session listens on :25/:587/:2525/:465.
int endpointVote(const ProtocolFields &f)
{
    const int local = portOf(f.local.view()), remote = portOf(f.remote.view());
    if (local < 0 || remote < 0)
        return 0;
    if (isSmtpPort(remote) && !isSmtpPort(local))
        return 2;
    if (isSmtpPort(local) && !isSmtpPort(remote))
        return -2;
    return 0;
}

// Markdown / e-mail quoting around pasted log lines (issue #25.6): "> " prefixes, a common indent
// (4-space code blocks), code fences and backticks, backslash escapes (\* \_ \\), ** bold markers,
// trailing blanks. Each line stays a line (blank lines too), so line numbers are the original's.
// False when nothing looked quoted or escaped.
// Whether the first 64 KiB look like a paste: most non-blank lines quoted, indented log lines or
// carrying Markdown escapes. Ordinary logs (and 1 GiB of them) answer no after one short scan.
bool looksPasted(QByteArrayView text)
{
    const QByteArrayView head = text.first(std::min<qsizetype>(text.size(), 64 * 1024));
    int marked = 0, nonBlank = 0;
    qsizetype pos = 0;
    while (pos < head.size()) {
        const qsizetype nl = head.indexOf('\n', pos);
        const QByteArrayView l = head.sliced(pos, (nl < 0 ? head.size() : nl) - pos);
        pos = nl < 0 ? head.size() : nl + 1;
        if (trimmedView(l).isEmpty())
            continue;
        ++nonBlank;
        qsizetype k = 0;
        while (k < l.size() && (l[k] == ' ' || l[k] == '\t'))
            ++k;
        const bool quoted = k < l.size() && l[k] == '>';
        const bool indentedLog = k > 0 && k < l.size() && ((l[k] >= '0' && l[k] <= '9') || l[k] == '#');
        const bool escaped = l.contains("\\*") || l.contains("\\_") || l.contains('`')
            || (l.contains("**") && !l.contains("***"));
        marked += quoted || indentedLog || escaped;
    }
    return nonBlank > 0 && marked * 2 >= nonBlank;
}

bool unwrapPasted(QByteArrayView text, QByteArray &out)
{
    std::vector<std::pair<qsizetype, qsizetype>> lines;   // [begin, end) without the line break
    qsizetype pos = 0;
    int quoted = 0, escaped = 0, nonBlank = 0;
    qsizetype minIndent = std::numeric_limits<qsizetype>::max();
    while (pos < text.size()) {
        const qsizetype nl = text.indexOf('\n', pos);
        qsizetype e = nl < 0 ? text.size() : nl;
        if (e > pos && text[e - 1] == '\r')
            --e;
        lines.emplace_back(pos, e);
        const QByteArrayView l = text.sliced(pos, e - pos);
        if (!trimmedView(l).isEmpty()) {
            ++nonBlank;
            qsizetype k = 0;
            while (k < l.size() && (l[k] == ' ' || l[k] == '\t'))
                ++k;
            if (k < l.size() && l[k] == '>')
                ++quoted;
            else if (k < l.size() && ((l[k] >= '0' && l[k] <= '9') || l[k] == '#'))
                minIndent = std::min(minIndent, k);   // log lines start with a date or a header
            if (l.contains("\\*") || l.contains("\\_") || l.contains("**") || l.contains('`') || l.contains("\\\\"))
                ++escaped;
        }
        pos = nl < 0 ? text.size() : nl + 1;
    }
    if (nonBlank == 0 || minIndent == std::numeric_limits<qsizetype>::max())
        minIndent = 0;
    if (quoted == 0 && escaped == 0 && minIndent == 0)
        return false;
    out.clear();
    out.reserve(text.size());
    for (const auto &[b, e] : lines) {
        QByteArrayView l = text.sliced(b, e - b);
        // "> > " quote levels (also after a little indent)
        qsizetype k = 0;
        while (k < l.size() && (l[k] == ' ' || l[k] == '\t'))
            ++k;
        if (k < l.size() && l[k] == '>') {
            while (k < l.size() && (l[k] == '>' || l[k] == ' '))
                ++k;
            // One space after the last '>' belongs to the quote; the rest may be an indent.
            l = l.sliced(k);
        } else {
            l = l.sliced(std::min(minIndent, k));
        }
        while (!l.isEmpty() && (l.back() == ' ' || l.back() == '\t'))
            l.chop(1);
        if (l.startsWith("```") || l.startsWith("~~~"))
            l = QByteArrayView();
        for (qsizetype i = 0; i < l.size(); ++i) {
            const char c = l[i];
            if (c == '`')
                continue;
            if (c == '*' && i + 1 < l.size() && l[i + 1] == '*' && !(i + 2 < l.size() && l[i + 2] == '*')
                && !(i > 0 && l[i - 1] == '*')) {
                ++i;   // ** bold marker (not a *** redaction)
                continue;
            }
            if (c == '\\' && i + 1 < l.size() && std::strchr("\\`*_{}[]()#+-.!<>|~", l[i + 1])) {
                out.append(l[i + 1]);   // a Markdown escape
                ++i;
                continue;
            }
            out.append(c);
        }
        out.append('\n');
    }
    return true;
}

// Position of a CR that no LF follows, or -1.
qsizetype bareCarriageReturn(QByteArrayView rec)
{
    const char *p = rec.data();
    qsizetype from = 0;
    while (from < rec.size()) {
        const void *c = std::memchr(p + from, '\r', size_t(rec.size() - from));
        if (!c)
            return -1;
        const qsizetype i = static_cast<const char *>(c) - p;
        if (i + 1 >= rec.size() || p[i + 1] != '\n')
            return i;
        from = i + 2;
    }
    return -1;
}

FieldView fieldAt(const FieldView *f, int n, int i)
{
    return (i >= 0 && i < n) ? f[i] : FieldView{};
}

QStringList splitList(const FieldView &v)
{
    QStringList out;
    if (v.isEmpty())
        return out;
    for (const QString &s : v.text().split(u';', Qt::SkipEmptyParts)) {
        const QString t = s.trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

// Multi-valued properties as PowerShell exports them: "System.String[]" (not joined: nothing to
// read), "{a, b}" (Format-List), or joined by ';', ',' or blanks.
QStringList splitMultiValue(const QString &raw)
{
    QString t = raw.trimmed();
    if (t.startsWith(u'{') && t.endsWith(u'}'))
        t = t.mid(1, t.size() - 2);
    if (t.isEmpty() || (t.startsWith(QLatin1String("System.")) && t.endsWith(QLatin1String("[]"))))
        return {};
    QStringList out;
    if (t.contains(u'<') && t.contains(u'@')) {
        // "Smith, John <john@contoso.com>; Jane Roe <jane@…>": the addresses are the recipients. A
        // display name (commas and blanks inside) is no recipient, and its words alone would be no
        // address that redaction could recognise.
        static const QRegularExpression angle(QStringLiteral("<([^<>\\s]+@[^<>\\s]+)>"));
        for (auto it = angle.globalMatch(t); it.hasNext();)
            out.append(it.next().captured(1));
        if (!out.isEmpty())
            return out;
    }
    QString cur;
    auto flush = [&] {
        if (cur.endsWith(QLatin1String("...")))   // Format-List shows the first four, then "..."
            cur.chop(3);
        if (!cur.isEmpty())
            out.append(cur);
        cur.clear();
    };
    for (QChar ch : std::as_const(t)) {
        if (ch == u';' || ch == u',' || ch.isSpace())
            flush();
        else
            cur.append(ch);
    }
    flush();
    return out;
}

// Dates written in a machine's culture (Export-Csv, Format-List): day and month order is decided
// once per file from all its dates, never per line.
enum class DateOrder { Unknown, DayFirst, MonthFirst };

struct DateVotes {
    int dayFirst = 0, monthFirst = 0, dot = 0, ampm = 0, slash = 0;
    DateOrder decide() const
    {
        if (dayFirst > monthFirst)
            return DateOrder::DayFirst;
        if (monthFirst > dayFirst)
            return DateOrder::MonthFirst;
        if (dot > 0)
            return DateOrder::DayFirst;   // de-DE and friends: dd.MM.yyyy
        if (ampm > 0)
            return DateOrder::MonthFirst; // en-US: M/d/yyyy h:mm:ss tt
        if (slash > 0)
            return DateOrder::DayFirst;   // a 24-hour clock with '/': fr-FR, en-GB dd/MM/yyyy
        return DateOrder::MonthFirst;
    }
};

struct CultureDate {
    int a = 0, b = 0, y = 0, h = 0, mi = 0, s = 0, ms = 0;
    char sep = 0;
    int ampm = 0;   // 0 none, 1 AM, 2 PM
};

bool readNumber(QByteArrayView t, qsizetype &p, int maxDigits, int &out)
{
    int v = 0, n = 0;
    while (p < t.size() && n < maxDigits && t[p] >= '0' && t[p] <= '9') {
        v = v * 10 + (t[p] - '0');
        ++p;
        ++n;
    }
    out = v;
    return n > 0;
}

// a<sep>b<sep>yyyy h:mm[:ss[.fff]] [AM|PM], sep one of . / -
bool splitCultureDate(QByteArrayView raw, CultureDate &d)
{
    const QByteArrayView t = trimmedView(raw);
    qsizetype p = 0;
    if (!readNumber(t, p, 2, d.a) || p >= t.size())
        return false;
    d.sep = t[p];
    if (d.sep != '.' && d.sep != '/' && d.sep != '-')
        return false;
    ++p;
    if (!readNumber(t, p, 2, d.b) || p >= t.size() || t[p] != d.sep)
        return false;
    ++p;
    const qsizetype ys = p;
    if (!readNumber(t, p, 4, d.y) || p - ys != 4)
        return false;
    if (p < t.size() && t[p] == '.')
        ++p;   // "07.12.2026. 09:01" (some cultures end the date with a dot)
    if (p >= t.size() || (t[p] != ' ' && t[p] != 'T'))
        return false;
    while (p < t.size() && (t[p] == ' ' || t[p] == 'T'))
        ++p;
    if (!readNumber(t, p, 2, d.h) || p >= t.size() || (t[p] != ':' && t[p] != '.'))
        return false;
    ++p;
    if (!readNumber(t, p, 2, d.mi))
        return false;
    if (p < t.size() && (t[p] == ':' || t[p] == '.') && p + 1 < t.size() && t[p + 1] >= '0' && t[p + 1] <= '9') {
        ++p;
        if (!readNumber(t, p, 2, d.s))
            return false;
        if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
            ++p;
            int scale = 100;
            while (p < t.size() && t[p] >= '0' && t[p] <= '9') {
                d.ms += (t[p] - '0') * scale;
                scale /= 10;
                ++p;
            }
        }
    }
    while (p < t.size() && t[p] == ' ')
        ++p;
    if (p < t.size()) {
        const QByteArrayView rest = t.sliced(p);
        if (equalsNoCase(rest, "AM") || equalsNoCase(rest, "a.m."))
            d.ampm = 1;
        else if (equalsNoCase(rest, "PM") || equalsNoCase(rest, "p.m."))
            d.ampm = 2;
        else if (rest != "Z" && !equalsNoCase(rest, "UTC"))
            return false;
    }
    return true;
}

void voteDate(QByteArrayView raw, DateVotes &v)
{
    CultureDate d;
    if (!splitCultureDate(raw, d))
        return;
    if (d.a > 12 && d.b <= 12)
        ++v.dayFirst;
    else if (d.b > 12 && d.a <= 12)
        ++v.monthFirst;
    if (d.sep == '.')
        ++v.dot;
    else if (d.ampm)
        ++v.ampm;
    else if (d.sep == '/')
        ++v.slash;
}

// ISO and the forms parseTimestampMs knows first; a culture date then in the file's order.
// *zoned: whether the text named its zone (Z, UTC, an offset).
qint64 parseCultureTimestamp(QByteArrayView raw, DateOrder order, bool *zoned = nullptr)
{
    const QByteArrayView t = trimmedView(raw);
    if (zoned)
        *zoned = timestampHasZone(t);
    if (order == DateOrder::Unknown || (t.size() >= 5 && t[4] == '-'))
        return parseTimestampMs(t);
    CultureDate d;
    if (!splitCultureDate(t, d))
        return parseTimestampMs(t);
    const int day = order == DateOrder::DayFirst ? d.a : d.b;
    const int month = order == DateOrder::DayFirst ? d.b : d.a;
    int h = d.h;
    if (d.ampm) {
        if (h < 1 || h > 12)
            return kNoTime;
        h = (h % 12) + (d.ampm == 2 ? 12 : 0);
    }
    if (day < 1 || day > 31 || month < 1 || month > 12 || h > 23 || d.mi > 59 || d.s > 60)
        return kNoTime;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.y, month, day, h, d.mi, d.s, d.ms);
    return parseTimestampMs(QByteArrayView(buf, qsizetype(std::strlen(buf))));
}

// One "Name : value" line of Format-List output (padding may be collapsed to nothing).
bool listPropertyLine(QByteArrayView line, QByteArrayView &name, QByteArrayView &value)
{
    qsizetype p = 0;
    const qsizetype n = line.size();
    if (n == 0 || !((line[0] >= 'A' && line[0] <= 'Z') || (line[0] >= 'a' && line[0] <= 'z')))
        return false;
    while (p < n && ((line[p] >= 'A' && line[p] <= 'Z') || (line[p] >= 'a' && line[p] <= 'z')
                     || (line[p] >= '0' && line[p] <= '9') || line[p] == '_' || line[p] == '-'))
        ++p;
    name = line.first(p);
    while (p < n && line[p] == ' ')
        ++p;
    if (p >= n || line[p] != ':')
        return false;
    ++p;
    if (p < n && line[p] != ' ' && line[p] != '\t')
        return false;
    value = trimmedView(line.sliced(p));
    return true;
}

// The format a CSV header row names (after normaliseName), or Unknown.
LogFormat formatFromCsvHeader(const QList<QByteArray> &names, bool *detailRows)
{
    if (detailRows)
        *detailRows = false;
    if (names.contains("origin-timestamp-utc") || names.contains("date-time-utc"))
        return LogFormat::ExoMessageTrace;
    if (names.contains("received") && names.contains("senderaddress") && names.contains("recipientaddress")) {
        // Get-MessageTrace (2014-2025) carries Organization, StartDate, EndDate and Index; V2 does not.
        if (names.contains("startdate") || names.contains("enddate") || names.contains("index")
            || names.contains("organization"))
            return LogFormat::ExoGetMessageTrace;
        return LogFormat::ExoMessageTraceV2;
    }
    if ((names.contains("date") || names.contains("received")) && names.contains("event")
        && (names.contains("messagetraceid") || names.contains("detail"))) {
        if (detailRows)
            *detailRows = true;
        return LogFormat::ExoMessageTraceV2;   // Get-MessageTraceDetail(V2)
    }
    if (names.contains("timestamp") && names.contains("eventid") && names.contains("messageid"))
        return LogFormat::EmsMessageTrackingCsv;
    if (names.contains("date-time") && names.contains("event-id") && names.contains("message-id"))
        return LogFormat::MessageTracking;   // a tracking log exported with a plain header row
    return LogFormat::Unknown;
}

bool isCsvExport(LogFormat f)
{
    return f == LogFormat::ExoMessageTrace || f == LogFormat::ExoGetMessageTrace || f == LogFormat::ExoMessageTraceV2
        || f == LogFormat::EmsMessageTrackingCsv;
}

bool isTrackingLike(LogFormat f)
{
    return f == LogFormat::MessageTracking || f == LogFormat::EmsMessageTrackingCsv || f == LogFormat::EmsMessageTrackingList;
}

// The address of "203.0.113.5:25", "[2001:db8::5]:25", "2001:db8::5" or "203.0.113.5".
QString hostOfAttempt(QStringView endpoint)
{
    endpoint = endpoint.trimmed();
    if (endpoint.startsWith(u'[')) {
        const qsizetype close = endpoint.indexOf(u']');
        return (close > 0 ? endpoint.sliced(1, close - 1) : endpoint.sliced(1)).toString();
    }
    if (endpoint.count(u':') == 1)
        return endpoint.first(endpoint.indexOf(u':')).toString();
    return endpoint.toString();
}

// Get-MessageTraceDetailV2's Data: <root><MEP Name="ConnectorId" String="…"/>…</root>
void readTraceDetailData(const QString &xml, TrackEvent &e)
{
    if (!xml.contains(u'<'))
        return;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement || r.name() != QLatin1String("MEP"))
            continue;
        const QXmlStreamAttributes a = r.attributes();
        const QString name = a.value(QLatin1String("Name")).toString().toLower();
        QString value;
        for (const char *k : {"String", "Integer", "Long", "Boolean", "Blob", "Value"}) {
            if (a.hasAttribute(QLatin1String(k))) {
                value = a.value(QLatin1String(k)).toString().trimmed();
                break;
            }
        }
        if (name.isEmpty() || value.isEmpty())
            continue;
        if (name.startsWith(QLatin1String("lastattempted"))) {
            // LastAttemptedServerName / LastAttemptedIP (or ServerIP): the on-premises host
            // Exchange Online tried last, which is also the event's server side.
            const bool ip = name.endsWith(QLatin1String("ip"));
            QString &slot = ip ? e.attemptedIp : e.attemptedHost;
            if (slot.isEmpty())
                slot = ip ? hostOfAttempt(value) : value.toLower();
            (ip ? e.serverIp : e.serverHost) = ip ? e.attemptedIp : value;
        } else if (name.contains(QLatin1String("connector"))) {
            if (e.connector.isEmpty())
                e.connector = value;
        } else if (name == QLatin1String("clientip") || name == QLatin1String("originalclientip")) {
            if (e.clientIp.isEmpty())
                e.clientIp = value;
        } else if (name == QLatin1String("clientname") || name == QLatin1String("clienthostname")) {
            e.clientHost = value;
        } else if (name.contains(QLatin1String("server")) && name.endsWith(QLatin1String("ip"))) {
            e.serverIp = value;
        } else if (name.contains(QLatin1String("server"))) {
            e.serverHost = value;   // ServerHostName, LastAttemptedServerName …: the on-premises peer
        } else if (name == QLatin1String("sourcecontext")) {
            e.sourceContext = value;
        } else if (name.contains(QLatin1String("response")) || name.contains(QLatin1String("error"))) {
            if (!e.recipientStatus.contains(value))
                e.recipientStatus += (e.recipientStatus.isEmpty() ? QString() : QStringLiteral("; ")) + value;
        }
    }
}

struct KeyBits {
    quint64 id = 0;
    int connector = -1;
    int remote = -1;
    int opaque = -1;
    friend bool operator==(const KeyBits &, const KeyBits &) = default;
};

class FileParser {
public:
    FileParser(std::shared_ptr<FileBytes> bytes, const QString &path, const QString &hint, int fileIndex,
               const ParseControl &control)
        : m_control(control)
    {
        m_out.bytes = std::move(bytes);
        m_out.meta.path = path;
        m_out.meta.server = QString();
        m_out.meta.bytes = m_out.bytes ? m_out.bytes->rawSize() : 0;
        m_out.meta.encoding = m_out.bytes ? m_out.bytes->encoding() : QString();
        m_hint = hint;
        m_fileIndex = fileIndex;
        m_text = m_out.bytes ? m_out.bytes->view() : QByteArrayView();
    }

    ParsedFile run()
    {
        if (m_text.isEmpty()) {
            m_out.meta.errors.append({0, QStringLiteral("empty file")});
            return std::move(m_out);
        }
        if (parseGraphJson()) {
            finish();
            return std::move(m_out);
        }
        Detection d = detect();
        if (looksPasted(m_text)) {
            // A paste from Markdown or a quoted e-mail? Unwrapped line by line (line numbers kept),
            // then detected again; the unwrapped text is what sessions and transcripts re-read.
            QByteArray clean;
            if (unwrapPasted(m_text, clean)) {
                auto fb = FileBytes::fromBuffer(std::move(clean));
                const QByteArrayView saved = m_text;
                m_text = fb->view();
                m_csvNames.clear();
                m_delim = ',';
                m_traceDetail = false;
                m_formatList = false;
                m_headerlessTracking = false;
                m_protoCols = ProtocolColumns{};
                const Detection again = detect();
                if (again.format != LogFormat::Unknown) {
                    d = again;
                    m_out.bytes = std::move(fb);
                } else {
                    m_text = saved;
                }
            }
        }
        m_out.meta.format = d.format;
        if (d.format == LogFormat::Unknown) {
            m_out.meta.errors.append({0, d.why});
            return std::move(m_out);
        }
        if (isCsvExport(d.format))
            decideCsvDateOrder();
        if (m_formatList)
            parseFormatList();
        else if (isProtocol(d.format) && !m_control.keepLines && m_control.chunks > 1
            && m_text.size() >= 2 * std::max<qint64>(1, m_control.minChunkBytes))
            parseChunked();
        else
            parseAll(0, m_text.size());
        finish();
        return std::move(m_out);
    }

private:
    FileParser(const FileParser &main, const ProtocolColumns &cols)
        : m_control(main.m_control)
    {
        m_out.bytes = main.m_out.bytes;
        m_out.meta.path = main.m_out.meta.path;
        m_out.meta.bytes = main.m_out.meta.bytes;
        m_out.meta.format = main.m_out.meta.format;
        m_hint = main.m_hint;
        m_fileIndex = main.m_fileIndex;
        m_text = main.m_text;
        m_protoCols = cols;
        m_startCols = cols;
    }

    // One big protocol log, counted in byte ranges on their own threads. A range starts after a
    // line break; the range before it reads on past its end until its last record is complete.
    // When that record ends elsewhere (a quoted field spans the break) or a #Fields header changed
    // the columns, the next range is read again from the right place with the right columns, so
    // the result is always the one a single pass gives.
    void parseChunked()
    {
        const qsizetype size = m_text.size();
        const int n = int(std::clamp<qint64>(size / std::max<qint64>(1, m_control.minChunkBytes), 1, m_control.chunks));
        struct Piece {
            qsizetype begin = 0, end = 0, stop = 0;
            qint64 lines = 0;   // physical lines read
            ProtocolColumns endCols;   // columns in effect where the range ended
            std::unique_ptr<FileParser> parser;
        };
        std::vector<Piece> pieces(static_cast<size_t>(n));
        qsizetype prev = 0;
        for (int k = 0; k < n; ++k) {
            qsizetype b = k == 0 ? 0 : size * k / n;
            if (k > 0) {
                const void *nl = std::memchr(m_text.data() + b, '\n', size_t(size - b));
                b = nl ? static_cast<const char *>(nl) - m_text.data() + 1 : size;
            }
            pieces[size_t(k)].begin = std::max(b, prev);
            prev = pieces[size_t(k)].begin;
        }
        for (int k = 0; k < n; ++k)
            pieces[size_t(k)].end = k + 1 < n ? pieces[size_t(k) + 1].begin : size;
        auto runPiece = [this](Piece &pc, const ProtocolColumns &cols) {
            pc.parser.reset(new FileParser(*this, cols));
            qint64 lineNo = 1;
            pc.stop = pc.parser->parseRange(pc.begin, pc.end, lineNo);
            pc.lines = lineNo - 1;
        };
        {
            // Plain threads: mwb_ingest stays free of QtConcurrent; this thread reads the first range.
            std::vector<std::thread> helpers;
            helpers.reserve(size_t(n - 1));
            for (int k = 1; k < n; ++k)
                helpers.emplace_back([&, k] { runPiece(pieces[size_t(k)], m_protoCols); });
            runPiece(pieces[0], m_protoCols);
            for (std::thread &t : helpers)
                t.join();
        }
        m_out.layouts.push_back({0, m_protoCols});
        qint64 lineBase = 0;
        for (int k = 0; k < n; ++k) {
            Piece &pc = pieces[size_t(k)];
            if (k > 0) {
                const Piece &before = pieces[size_t(k) - 1];
                const ProtocolColumns cols = before.endCols;
                if (before.stop != pc.begin || !(cols == pc.parser->m_startCols)) {
                    // Read again from where the previous record really ended, with its columns.
                    pc.begin = std::min(before.stop, size);
                    if (pc.begin < pc.end) {
                        runPiece(pc, cols);
                    } else {
                        pc.parser.reset(new FileParser(*this, cols));
                        pc.stop = pc.begin;
                        pc.lines = 0;
                    }
                }
            }
            absorb(*pc.parser, lineBase);
            lineBase += pc.lines;
            pc.endCols = pc.parser->m_protoCols;
            pc.parser.reset();   // its keys are merged: free them before the next range's merge
        }
        m_protoCols = pieces.back().endCols;
    }

    // Adds a later range's results: issues (line numbers shifted), times, keys, interned strings.
    void absorb(FileParser &o, qint64 lineBase)
    {
        ParsedFile &src = o.m_out;
        for (const ParseIssue &e : std::as_const(src.meta.errors)) {
            if (m_out.meta.errors.size() < kMaxIssuesPerFile)
                m_out.meta.errors.append({e.line > 0 ? e.line + lineBase : e.line, e.message});
        }
        m_issueCount += o.m_issueCount;
        m_out.meta.lines += src.meta.lines;
        if (!src.meta.exchangeBuild.isEmpty()) {   // the last "#Version:" with a build, as unchunked
            m_out.meta.exchangeBuild = src.meta.exchangeBuild;
            m_out.meta.exchangeBuildLine = src.meta.exchangeBuildLine;
            m_out.meta.exchangeBuildLine.line += lineBase;
        }
        noteTime(src.meta.firstMs);
        noteTime(src.meta.lastMs);
        m_out.cancelled = m_out.cancelled || src.cancelled;
        for (const auto &l : src.layouts)
            m_out.layouts.push_back(l);
        std::vector<int> conn(size_t(src.connectors.size())), remote(size_t(src.remotes.size())),
            opaque(size_t(src.opaqueIds.size()));
        for (qsizetype o = 0; o < src.opaqueIds.size(); ++o)
            opaque[size_t(o)] = internString(src.opaqueIds[o], m_out.opaqueIds, m_opaqueIndex, m_lastOpaque);
        for (qsizetype c = 0; c < src.connectors.size(); ++c)
            conn[size_t(c)] = internString(src.connectors[c], m_out.connectors, m_connectorIndex, m_lastConnector);
        for (qsizetype r = 0; r < src.remotes.size(); ++r)
            remote[size_t(r)] = internString(src.remotes[r], m_out.remotes, m_remoteIndex, m_lastRemote);
        // Appended, not merged: a session on both sides of a range boundary keeps one key per range,
        // in file order. Counting folds equal keys anyway (sorted ids; redacted tallies in order),
        // and a merge through the key index was the largest serial step of a big file.
        m_out.protoMessageIds.insert(m_out.protoMessageIds.end(), src.protoMessageIds.begin(), src.protoMessageIds.end());
        m_out.keys.reserve(m_out.keys.size() + src.keys.size());
        for (const ProtoKey &k : src.keys) {
            ProtoKey nk = k;
            nk.connector = k.connector >= 0 ? conn[size_t(k.connector)] : -1;
            nk.remote = k.remote >= 0 ? remote[size_t(k.remote)] : -1;
            nk.opaque = k.opaque >= 0 ? opaque[size_t(k.opaque)] : -1;
            m_out.keys.push_back(nk);
        }
        m_lastKey = -1;
    }

    void issue(qint64 line, QString message)
    {
        ++m_issueCount;
        if (m_out.meta.errors.size() < kMaxIssuesPerFile)
            m_out.meta.errors.append({line, std::move(message)});
    }

    Detection detect()
    {
        Detection d;
        qsizetype pos = 0;
        int examined = 0;
        int protoShape = 0, trackShape = 0, votes = 0, backslash = 0, nonEmpty = 0;
        LogFormat logType = LogFormat::Unknown;
        QList<QByteArray> fieldNames;
        QSet<QByteArray> listProps;   // Format-List property names seen
        bool binary = false;
        while (pos < m_text.size() && examined < 64) {
            const RecordSpan r = nextRecord(m_text, pos);
            pos = r.next;
            const QByteArrayView rec = m_text.sliced(r.begin, r.end - r.begin);
            if (trimmedView(rec).isEmpty())
                continue;
            ++nonEmpty;
            if (std::memchr(rec.data(), 0, size_t(rec.size()))) {
                binary = true;
                ++examined;
                continue;
            }
            QByteArrayView key, value;
            if (headerLine(rec, key, value)) {
                if (equalsNoCase(key, "Log-type"))
                    logType = formatFromLogType(value);
                else if (equalsNoCase(key, "Fields"))
                    fieldNames = splitNames(value);
                continue;
            }
            if (rec.startsWith('#'))
                continue;   // "#TYPE Deserialized…" of PowerShell 5.1 and other comments
            ++examined;
            if (examined == 1 && fieldNames.isEmpty()) {
                // A CSV header row of an export (Export-Csv of a cmdlet, an EXO report)? Its
                // delimiter is the one that makes it a known header: ',' or -Delimiter/-UseCulture.
                for (const char delim : {',', ';', '\t', '|'}) {
                    if (delim != ',' && !rec.contains(delim))
                        continue;
                    const QList<QByteArray> names = splitNames(rec, delim);
                    bool detail = false;
                    const LogFormat f = formatFromCsvHeader(names, &detail);
                    if (f != LogFormat::Unknown) {
                        m_csvNames = names;
                        m_delim = delim;
                        m_traceDetail = detail;
                        d.format = f;
                        return d;
                    }
                }
            }
            {
                QByteArrayView pn, pv;
                if (listPropertyLine(rec, pn, pv))
                    listProps.insert(pn.toByteArray().toLower());
            }
            FieldView f[kMaxFields];
            const int n = splitFields(rec, f, kMaxFields);
            if (n < 2 || parseTimestampMs(f[0].view()) == kNoTime)
                continue;
            if (n == 21 || n == 26 || n == 27 || n == 30) {
                ++trackShape;
                if (fieldNames.isEmpty())
                    continue;   // a headerless tracking line, not a protocol line with an odd id
            }
            ProtocolFields pf;
            ProtocolColumns cols;
            bool ok = true;
            if (!fieldNames.isEmpty())
                cols = protocolColumnsFromNames(fieldNames, &ok);
            if (ok && splitProtocolRecord(rec, cols, pf)) {
                ++protoShape;
                votes += sendVote(pf) + endpointVote(pf);
                const QByteArrayView ctx = pf.context.view();
                if (indexOfNoCase(ctx, "attempting to connect") >= 0 || indexOfNoCase(ctx, "sending message with RecordId") >= 0)
                    votes += 3;   // lines only a Send log writes
                if (pf.connector.view().contains('\\'))
                    ++backslash;
            }
        }
        if (logType == LogFormat::TransportConnectivity) {
            d.format = logType;
            return d;
        }
        if (logType == LogFormat::Unknown && fieldNames.isEmpty() && protoShape == 0 && listProps.contains("eventid")
            && listProps.contains("messageid") && listProps.contains("timestamp")) {
            d.format = LogFormat::EmsMessageTrackingList;
            m_formatList = true;
            return d;
        }
        if (logType == LogFormat::Unknown && fieldNames.isEmpty() && protoShape == 0 && !listProps.isEmpty()) {
            // Get-MessageTraceV2 / Get-MessageTraceDetailV2 (and the old Get-MessageTrace) | Format-List:
            // the same property names as their Export-Csv header, so the same format, read as a list.
            bool detail = false;
            const LogFormat f = formatFromCsvHeader(QList<QByteArray>(listProps.cbegin(), listProps.cend()), &detail);
            if (f == LogFormat::ExoMessageTraceV2 || f == LogFormat::ExoGetMessageTrace) {
                d.format = f;
                m_traceDetail = detail;
                m_formatList = true;
                return d;
            }
        }
        if (logType == LogFormat::MessageTracking || (logType == LogFormat::Unknown && !fieldNames.isEmpty()
                                                        && fieldNames.contains("event-id"))) {
            m_csvNames = fieldNames;
            m_headerlessTracking = fieldNames.isEmpty();
            d.format = LogFormat::MessageTracking;
            d.fieldsFromHeader = !fieldNames.isEmpty();
            return d;
        }
        if (isProtocol(logType) || !fieldNames.isEmpty() || protoShape > 0) {
            if (!fieldNames.isEmpty()) {
                bool ok = false;
                m_protoCols = protocolColumnsFromNames(fieldNames, &ok);
                if (!ok) {
                    d.why = QStringLiteral("format not recognised: #Fields lacks the protocol-log columns");
                    return d;
                }
                d.fieldsFromHeader = true;
            }
            if (isProtocol(logType))
                d.format = logType;
            else if (protoShape > 0 || !fieldNames.isEmpty())
                // A Receive connector is SERVER\Name; a Send connector has no server part, but a
                // copy may carry one: strong content votes (endpoints, roles) outweigh the name.
                d.format = (votes > 0 && (backslash == 0 || votes >= 2 * protoShape)) ? LogFormat::SmtpSend
                                                                                    : LogFormat::SmtpReceive;
            if (d.format != LogFormat::Unknown)
                return d;
        }
        if (trackShape > 0) {
            m_csvNames.clear();   // chosen per row by field count
            m_headerlessTracking = true;
            d.format = LogFormat::MessageTracking;
            return d;
        }
        if (nonEmpty == 0)
            d.why = QStringLiteral("empty file");
        else if (binary)
            d.why = QStringLiteral("format not recognised: binary data (NUL bytes)");
        else
            d.why = QStringLiteral("format not recognised: no #Log-type or #Fields header, no message-trace CSV "
                                   "header and no protocol or tracking line shape");
        return d;
    }

    // Microsoft Graph message traces as an admin saves them: GET /admin/exchange/tracing/messageTraces
    // ({"value": [{id, messageId, receivedDateTime, senderAddress, recipientAddress, subject, status,
    // fromIP, toIP, size}], "@odata.nextLink": …}) and getDetailsByRecipient ({"value": [{dateTime,
    // event, action, description, data, messageId, id}]}); one document, a JSON array, or several
    // pages one after the other. Rows repeated by overlapping pages (same id) are read once.
    // False when the text is no such JSON.
    bool parseGraphJson()
    {
        const QByteArrayView t = trimmedView(m_text.first(std::min<qsizetype>(m_text.size(), 4096)));
        if (t.isEmpty() || (t[0] != '{' && t[0] != '['))
            return false;
        if (!m_text.contains("\"receivedDateTime\"") && !m_text.contains("\"dateTime\""))
            return false;
        // Pages one after the other: split at top-level object ends.
        std::vector<std::pair<qsizetype, qsizetype>> docs;
        {
            int depth = 0;
            bool inString = false;
            qsizetype start = -1;
            for (qsizetype i = 0; i < m_text.size(); ++i) {
                const char c = m_text[i];
                if (inString) {
                    if (c == '\\')
                        ++i;
                    else if (c == '"')
                        inString = false;
                    continue;
                }
                if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    if (depth++ == 0)
                        start = i;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0 && start >= 0) {
                        docs.emplace_back(start, i + 1);
                        start = -1;
                    }
                    if (depth < 0)
                        return false;
                }
            }
        }
        QList<QJsonObject> rows;
        for (const auto &[b, e] : docs) {
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(m_text.sliced(b, e - b).toByteArray(), &err);
            if (err.error != QJsonParseError::NoError)
                continue;
            const QJsonArray items = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("value")).toArray();
            for (const QJsonValue &v : items) {
                if (v.isObject())
                    rows.append(v.toObject());
            }
        }
        if (rows.isEmpty())
            return false;
        m_out.meta.format = LogFormat::ExoGraphMessageTrace;
        QSet<QString> seen;
        qsizetype searchFrom = 0;
        for (const QJsonObject &o : std::as_const(rows)) {
            const bool detail = o.contains(QLatin1String("event"));
            const QString timeText = o.value(detail ? QLatin1String("dateTime") : QLatin1String("receivedDateTime")).toString();
            // Evidence: the row's time text in the file, found in order.
            const QByteArray needle = timeText.toUtf8();
            qsizetype at = needle.isEmpty() ? -1 : m_text.indexOf(needle, searchFrom);
            if (at >= 0)
                searchFrom = at + needle.size();
            const qint64 lineNo = at >= 0 ? qint64(m_text.first(at).count('\n')) + 1 : 0;
            const QString id = o.value(QLatin1String("id")).toString();
            if (!id.isEmpty() && seen.contains(id + (detail ? u'd' : u's')))
                continue;   // the same row on two overlapping pages
            seen.insert(id + (detail ? u'd' : u's'));
            const qint64 t = parseTimestampMs(QByteArrayView(needle));
            if (t == kNoTime) {
                issue(lineNo, QStringLiteral("exo-graph-message-trace row without a readable date-time"));
                continue;
            }
            noteTime(t);
            ++m_out.meta.lines;
            TrackEvent e;
            e.timeMs = t;
            e.ref = RecordRef{m_fileIndex, std::max<qint64>(lineNo, 1), std::max<qsizetype>(at, 0), qint32(needle.size())};
            e.messageId = normaliseMessageId(o.value(QLatin1String("messageId")).toString());
            e.server = QStringLiteral("EXO");
            e.source = QStringLiteral("EXO");
            if (!m_control.keepLines) {
                TrackKeys k;
                hashId(e.messageId, k.messageId);
                k.server = internTrackServer(e.server);
                m_out.trackKeys.push_back(k);
                continue;
            }
            if (detail) {
                e.event = o.value(QLatin1String("event")).toString().trimmed().toUpper();
                e.recipientStatus = o.value(QLatin1String("description")).toString().trimmed();
                readTraceDetailData(o.value(QLatin1String("data")).toString(), e);
                readAttemptedServer(e.recipientStatus, e);
            } else {
                e.sender = o.value(QLatin1String("senderAddress")).toString().trimmed();
                e.recipients = splitMultiValue(o.value(QLatin1String("recipientAddress")).toString());
                e.subject = o.value(QLatin1String("subject")).toString();
                e.clientIp = o.value(QLatin1String("fromIP")).toString();
                e.serverIp = o.value(QLatin1String("toIP")).toString();
                const QString status = o.value(QLatin1String("status")).toString().trimmed().toLower();
                e.recipientStatus = o.value(QLatin1String("status")).toString().trimmed();
                if (status == QLatin1String("delivered"))
                    e.event = QStringLiteral("DELIVER");
                else if (status == QLatin1String("expanded"))
                    e.event = QStringLiteral("EXPAND");
                else if (status == QLatin1String("failed") || status == QLatin1String("quarantined")
                         || status == QLatin1String("filteredasspam"))
                    e.event = QStringLiteral("FAIL");
                else if (status == QLatin1String("pending") || status == QLatin1String("gettingstatus") || status.isEmpty())
                    e.event = QStringLiteral("PENDING");
                else
                    e.event = status.toUpper();
            }
            if (e.event.isEmpty())
                e.event = QStringLiteral("RECEIVE");
            m_out.events.append(e);
        }
        if (m_control.progress)
            m_control.progress(m_out.meta.bytes);
        return true;
    }

    // Day or month first: decided from every date of the time column (exports are small).
    void decideCsvDateOrder()
    {
        const TrackColumns c = trackColumnsFromNames(m_csvNames);
        if (c.time < 0)
            return;
        DateVotes votes;
        FieldView f[kMaxFields];
        qsizetype pos = 0;
        while (pos < m_text.size()) {
            const RecordSpan r = nextRecord(m_text, pos, 64, m_delim);
            pos = r.next;
            const QByteArrayView rec = m_text.sliced(r.begin, r.end - r.begin);
            if (rec.isEmpty() || rec.startsWith('#'))
                continue;
            const int n = std::min(splitFields(rec, f, kMaxFields, m_delim), kMaxFields);
            if (c.time < n)
                voteDate(f[c.time].view(), votes);
        }
        m_dateOrder = votes.decide();
    }

    // Get-MessageTrackingLog, Get-MessageTraceV2 and Get-MessageTraceDetailV2 | Format-List (the
    // format detect() chose; each record's names map to columns as an Export-Csv header's would):
    // records of "Name : value" lines separated by blank
    // lines; a value wrapped at the console width goes on in indented lines; pasted copies may
    // lose the padding or the blank lines (a repeated name then starts the next record).
    // Joining a wrapped value: in en/de/fr/it/pt/es cultures PowerShell wraps at spaces (the space
    // ends the line, and a console copy drops it), and splits a word wider than the line by
    // characters, which fills the line to the last column; other cultures split every value by
    // characters. So a line that ended in a space, or that stops short of the output's width (its
    // longest line), broke at a space: one space joins it to the next. A full line broke inside a
    // token (message id, GUID, address list): joined as it is.
    void parseFormatList()
    {
        // Display columns of a line without its trailing blanks (UTF-8 continuation bytes take none).
        auto columns = [](QByteArrayView line) {
            qsizetype n = line.size();
            while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
                --n;
            qsizetype cols = 0;
            for (qsizetype i = 0; i < n; ++i)
                cols += (uchar(line[i]) & 0xC0) != 0x80;
            return cols;
        };
        // The console width the output was wrapped at: its longest "Name : value" or indented line
        // (not the prompt and command line above it, which the console does not wrap).
        qsizetype width = 0;
        for (qsizetype at = 0; at < m_text.size();) {
            const void *nl = std::memchr(m_text.data() + at, '\n', size_t(m_text.size() - at));
            const qsizetype e = nl ? static_cast<const char *>(nl) - m_text.data() : m_text.size();
            const QByteArrayView line = m_text.sliced(at, e - at);
            QByteArrayView n, v;
            if (!line.isEmpty() && (line[0] == ' ' || line[0] == '\t' || listPropertyLine(line, n, v)))
                width = std::max(width, columns(line));
            at = e + 1;
        }
        qsizetype lastColumns = 0;        // of the line before a continuation
        bool lastEndedBlank = false;      // that line kept its trailing space
        struct Prop {
            QByteArray name, value;
        };
        struct Rec {
            qint64 line = 0;
            qsizetype begin = 0, end = 0;
            int lines = 0;
            bool terminated = true;
            std::vector<Prop> props;
        };
        std::vector<Rec> recs;
        Rec cur;
        auto close = [&] {
            if (!cur.props.empty())
                recs.push_back(std::move(cur));
            cur = Rec{};
        };
        const char *p = m_text.data();
        const qsizetype size = m_text.size();
        qsizetype pos = 0;
        qint64 lineNo = 1;
        while (pos < size) {
            const void *nl = std::memchr(p + pos, '\n', size_t(size - pos));
            const qsizetype e = nl ? static_cast<const char *>(nl) - p : size;
            qsizetype le = e;
            if (le > pos && p[le - 1] == '\r')
                --le;
            const QByteArrayView line(p + pos, le - pos);
            const qsizetype begin = pos;
            const qint64 thisLine = lineNo++;
            pos = nl ? e + 1 : size;
            if (trimmedView(line).isEmpty()) {
                close();
                continue;
            }
            if (std::memchr(line.data(), 0, size_t(line.size()))) {
                issue(thisLine, QStringLiteral("line contains NUL bytes (binary data)"));
                continue;
            }
            QByteArrayView name, value;
            const bool indented = line[0] == ' ' || line[0] == '\t';
            if (!indented && listPropertyLine(line, name, value)) {
                const QByteArray key = name.toByteArray().toLower();
                const bool repeated = std::any_of(cur.props.begin(), cur.props.end(), [&](const Prop &pr) { return pr.name == key; });
                if (repeated)
                    close();
                if (cur.props.empty()) {
                    cur.line = thisLine;
                    cur.begin = begin;
                }
                cur.props.push_back({key, value.toByteArray()});
            } else if (!cur.props.empty()) {
                QByteArray &v = cur.props.back().value;   // a wrapped value
                if ((lastEndedBlank || lastColumns < width) && !v.isEmpty())
                    v += ' ';
                v += trimmedView(line).toByteArray();
            } else {
                if (!line.startsWith("PS "))   // the prompt and command line above the output
                    issue(thisLine, QStringLiteral("not a Format-List line (Name : value)"));
                continue;
            }
            lastColumns = columns(line);
            lastEndedBlank = line.back() == ' ' || line.back() == '\t';
            cur.end = le;
            cur.lines = int(thisLine - cur.line + 1);
            cur.terminated = nl != nullptr;
        }
        close();
        DateVotes votes;
        for (const Rec &r : recs) {
            for (const Prop &pr : r.props) {
                if (pr.name == "timestamp" || pr.name == "received" || pr.name == "date")
                    voteDate(pr.value, votes);
            }
        }
        m_dateOrder = votes.decide();
        FieldView f[kMaxFields];
        for (const Rec &r : recs) {
            if (m_control.cancel && m_control.cancel->load(std::memory_order_relaxed)) {
                m_out.cancelled = true;
                return;
            }
            QList<QByteArray> names;
            const int n = int(std::min<size_t>(r.props.size(), kMaxFields));
            for (int i = 0; i < n; ++i) {
                names.append(r.props[size_t(i)].name);
                f[i] = FieldView{r.props[size_t(i)].value.constData(), r.props[size_t(i)].value.size(), false};
            }
            const TrackColumns track = trackColumnsFromNames(names);
            RecordSpan span;
            span.begin = r.begin;
            span.end = r.end;
            span.next = r.end;
            span.physicalLines = r.lines;
            span.terminated = r.terminated;
            // A tracking or detail record needs its event; a V2 summary record has a Status instead.
            const bool summary = m_out.meta.format != LogFormat::EmsMessageTrackingList && !m_traceDetail;
            if (track.time < 0 || (track.eventId < 0 && !summary)) {
                lineIssue(r.line, span,
                          summary || m_traceDetail ? QStringLiteral("Format-List record without Received, Date or Event")
                                                   : QStringLiteral("Format-List record without Timestamp or EventId"));
                continue;
            }
            parseTrackRow(f, n, std::max(n, 2), track, span, r.line);
        }
        if (m_control.progress)
            m_control.progress(m_out.meta.bytes);
    }

    void parseAll(qsizetype begin, qsizetype end)
    {
        if (isProtocol(m_out.meta.format))
            m_out.layouts.push_back({0, m_protoCols});
        qint64 lineNo = 1;
        parseRange(begin, end, lineNo);
    }

    // Reads the records that start in [begin, end); returns where the last one ended. lineNo is
    // the number of the first line on entry, one past the last line read on return.
    qsizetype parseRange(qsizetype begin, qsizetype end, qint64 &lineNo)
    {
        const LogFormat fmt = m_out.meta.format;
        TrackColumns track = trackColumnsFromNames(m_csvNames);
        bool csvHeaderPending = isCsvExport(fmt) || (fmt == LogFormat::MessageTracking && !m_csvNames.isEmpty());
        qsizetype pos = begin;
        qint64 lastProgress = begin;
        const qint64 raw = m_out.meta.bytes;
        const qint64 size = m_text.size();
        FieldView f[kMaxFields];
        const bool fastCount = isProtocol(fmt) && !m_control.keepLines;
        while (pos < end) {
            if (pos - lastProgress >= kProgressStep) {
                if (m_control.cancel && m_control.cancel->load(std::memory_order_relaxed)) {
                    m_out.cancelled = true;
                    return pos;
                }
                if (m_control.progress && size > 0)
                    m_control.progress((pos - lastProgress) * raw / size);
                lastProgress = pos;
            }
            if (fastCount && countLineFast(pos, lineNo))
                continue;
            const RecordSpan r = nextRecord(m_text, pos, 64, m_delim);
            const qint64 thisLine = lineNo;
            lineNo += r.physicalLines;
            pos = r.next;
            const QByteArrayView rec = m_text.sliced(r.begin, r.end - r.begin);
            if (rec.isEmpty() || trimmedView(rec).isEmpty())
                continue;
            if (std::memchr(rec.data(), 0, size_t(rec.size()))) {
                issue(thisLine, QStringLiteral("line contains NUL bytes (binary data)"));
                continue;
            }
            if (r.openQuote)
                issue(thisLine, QStringLiteral("quoted field never closed; read as a single line"));
            QByteArrayView hk, hv;
            if (headerLine(rec, hk, hv)) {
                if (equalsNoCase(hk, "Fields")) {
                    const QList<QByteArray> names = splitNames(hv);
                    if (isProtocol(fmt)) {
                        bool ok = false;
                        const ProtocolColumns cols = protocolColumnsFromNames(names, &ok);
                        if (ok) {
                            m_protoCols = cols;
                            m_out.layouts.push_back({r.begin, cols});
                        } else {
                            issue(thisLine, QStringLiteral("#Fields header without the protocol-log columns"));
                        }
                    } else if (fmt == LogFormat::MessageTracking) {
                        m_csvNames = names;
                        m_headerlessTracking = false;
                        track = trackColumnsFromNames(names);
                    }
                } else if (equalsNoCase(hk, "Version")) {
                    // The server's build (product, update, support: common/exchangebuild); 15.0.0.0
                    // (the protocol log format's version) is no build and stays empty.
                    const ExchangeBuild build = identifyExchangeBuild(QString::fromLatin1(hv.data(), hv.size()));
                    if (!build.product.isEmpty()) {
                        m_out.meta.exchangeBuild = build.build;
                        // The evidence of a finding about that build (server-out-of-support).
                        RecordRef &at = m_out.meta.exchangeBuildLine;
                        at.line = thisLine;
                        at.offset = r.begin;
                        at.length = qint32(std::min<qsizetype>(r.end - r.begin, std::numeric_limits<qint32>::max()));
                    }
                }
                continue;
            }
            if (rec.startsWith('#'))
                continue;
            if (csvHeaderPending) {
                csvHeaderPending = false;
                const QList<QByteArray> names = splitNames(rec, m_delim);
                if (names == m_csvNames || names.contains("date-time") || names.contains("received")
                    || names.contains("origin-timestamp-utc") || names.contains("date-time-utc"))
                    continue;   // the header row itself
            }
            if (isProtocol(fmt)) {
                parseProtocol(rec, r, thisLine);
            } else if (fmt == LogFormat::TransportConnectivity) {
                const int n = splitFields(rec, f, kMaxFields);
                const qint64 t = n > 0 ? parseTimestampMs(f[0].view()) : kNoTime;
                if (t == kNoTime) {
                    lineIssue(thisLine, r, QStringLiteral("not a connectivity-log line: unreadable date-time"));
                    continue;
                }
                noteTime(t);
                ++m_out.meta.lines;
            } else {
                // Repeated CSV header rows (concatenated exports) are skipped. Both EXO header
                // names end in "_utc": one memmem for it spares most rows the two searches.
                if ((containsBytes(rec, "_utc") && (containsBytes(rec, "origin_timestamp_utc") || containsBytes(rec, "date_time_utc")))
                    || (fmt == LogFormat::ExoGetMessageTrace && containsBytes(rec, "SenderAddress"))
                    || ((fmt == LogFormat::ExoMessageTraceV2 || fmt == LogFormat::EmsMessageTrackingCsv)
                        && sameNames(rec, m_delim, m_csvNames)))
                    continue;
                const int n = splitFields(rec, f, kMaxFields, m_delim);
                if (m_headerlessTracking) {
                    if (n != 21 && n != 26 && n != 27 && n != 30) {
                        lineIssue(thisLine, r, QStringLiteral("not a message-tracking line: %1 fields (expected 21, 26, 27 or 30)").arg(n));
                        continue;
                    }
                    track = trackColumnsFromNames(defaultTrackingNames(n));
                }
                parseTrackRow(f, std::min(n, kMaxFields), n, track, r, thisLine);
            }
        }
        if (m_control.progress && size > 0)
            m_control.progress((pos - lastProgress) * raw / size);
        return pos;
    }

    // The counting path's shortcut for one ordinary protocol line: the same checks and aggregates
    // as the general path (nextRecord, header test, NUL test, parseProtocol) minus the work counting
    // does not need. Returns false, consuming nothing, for every line the general path has to see:
    // header-like lines, records spanning lines, NUL bytes, anything it would report as a problem.
    bool countLineFast(qsizetype &pos, qint64 &lineNo)
    {
        const char *p = m_text.data();
        const qsizetype size = m_text.size();
        const char *b = p + pos;
        const void *nlp = std::memchr(b, '\n', size_t(size - pos));
        if (!nlp)
            return false;   // an unterminated last line gets the general path's "truncated" wording
        const char *nl = static_cast<const char *>(nlp);
        const char *e = (nl > b && nl[-1] == '\r') ? nl - 1 : nl;
        const qsizetype len = e - b;
        if (len == 0 || len > kMaxProtocolLine)
            return false;
        switch (*b) {   // header lines, also pasted ones without '#': Software, Version, Log-type, Date, Fields
        case '#': case 'S': case 's': case 'V': case 'v': case 'L': case 'l': case 'D': case 'd': case 'F': case 'f':
        case ' ': case '\t':
            return false;
        default:
            break;
        }
        if (const void *q = std::memchr(b, '"', size_t(len)); q && !quotesCloseOnLine(b, static_cast<const char *>(q), e))
            return false;   // a quoted field carries the line break: nextRecord joins the lines
        if (std::memchr(b, 0, size_t(len)))
            return false;
        // Fields up to the last column counting reads, as splitFields would cut them; a quoted one
        // among them goes the general way. The data column only has to exist.
        const ProtocolColumns &cols = m_protoCols;
        const int last = std::max({cols.time, cols.connector, cols.session, cols.event, cols.remote, cols.data});
        if (last >= kMaxFields)
            return false;
        const char *start[kMaxFields + 1];
        const char *c = b;
        for (int k = 0; k < last; ++k) {
            if (*c == '"' && c < e)
                return false;
            start[k] = c;
            while (c < e && *c != ',')
                ++c;
            if (c == e)
                return false;   // fewer fields than the columns: the general path words the problem
            ++c;
        }
        start[last] = c;
        if (*c == '"' && c < e && last != cols.data)
            return false;
        // The whole record may have at most kMaxFields fields (splitProtocolRecord's limit).
        FieldView tail[2];
        // More fields than the layout has (a bare CR joined two records, …) goes the general way too.
        const int tailCount = splitFields(QByteArrayView(c, e - c), tail, 2);
        if (last + tailCount > std::min(kMaxFields, std::max(cols.count, last + 1)))
            return false;
        // Message ids are read from the data and context columns: other layouts go the general way.
        if (cols.data != last || cols.context != last + 1)
            return false;
        auto field = [&](int k) -> QByteArrayView {
            if (k < 0)
                return {};
            if (k == last)
                return QByteArrayView(start[k], tail[0].size);   // unquoted here (checked above)
            return QByteArrayView(start[k], start[k + 1] - 1 - start[k]);
        };
        // event: as splitProtocolRecord
        const QByteArrayView ev = trimmedView(field(cols.event));
        char eventChar = '*';
        if (ev.size() == 1 && std::strchr("+-<>*", ev[0]))
            eventChar = ev[0];
        else if (!ev.isEmpty())
            return false;
        // session-id: 16 hex digits, converted on the way
        const QByteArrayView idText = trimmedView(field(cols.session));
        if (idText.size() != 16)
            return false;
        quint64 id = 0;
        for (char h : idText) {
            unsigned v;
            if (h >= '0' && h <= '9')
                v = unsigned(h - '0');
            else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
                v = unsigned((h | 0x20) - 'a' + 10);
            else
                return false;
            id = (id << 4) | v;
        }
        const qint64 t = m_times.parse(field(cols.time));
        if (t == kNoTime)
            return false;
        noteTime(t);
        internKeyId(id, field(cols.connector), id == 0 ? field(cols.remote) : QByteArrayView(), eventChar);
        if (eventChar != '+' && eventChar != '-')
            noteProtoMessageId(eventChar, tail[0].view(), tailCount > 1 ? tail[1].view() : QByteArrayView());
        ++m_out.meta.lines;
        pos = (nl - p) + 1;
        ++lineNo;
        return true;
    }

    // nextRecord's quote rule (a quote opens a field only at the field's start; "" inside is a
    // quote), jumping from quote to quote: true when no quoted field is open at the line's end.
    static bool quotesCloseOnLine(const char *b, const char *q, const char *e)
    {
        while (q) {
            if (q == b || q[-1] == ',') {
                const char *c = q + 1;
                for (;;) {
                    const void *n = std::memchr(c, '"', size_t(e - c));
                    if (!n)
                        return false;
                    c = static_cast<const char *>(n);
                    if (c + 1 < e && c[1] == '"') {
                        c += 2;
                        continue;
                    }
                    break;
                }
                q = c + 1;   // after the closing quote; a quote right behind it is literal
                if (q >= e)
                    return true;
                if (*q == '"') {
                    // scanQuotes: fieldStart is false after the opening quote, so this one is plain.
                    ++q;
                }
            } else {
                ++q;
            }
            const void *n = q < e ? std::memchr(q, '"', size_t(e - q)) : nullptr;
            q = static_cast<const char *>(n);
        }
        return true;
    }

    void lineIssue(qint64 line, const RecordSpan &r, const QString &message)
    {
        if (!r.terminated)
            issue(line, QStringLiteral("truncated last line (file still being written?): ") + message);
        else
            issue(line, message);
    }

    void noteTime(qint64 t)
    {
        if (t == kNoTime)
            return;
        if (m_out.meta.firstMs == kNoTime || t < m_out.meta.firstMs)
            m_out.meta.firstMs = t;
        if (m_out.meta.lastMs == kNoTime || t > m_out.meta.lastMs)
            m_out.meta.lastMs = t;
    }

    void parseProtocol(QByteArrayView rec, const RecordSpan &r, qint64 lineNo)
    {
        // Partial and joined lines are reported and never used as evidence (issue #25.7).
        if (rec.size() > kMaxProtocolLine) {
            issue(lineNo, QStringLiteral("line of %1 bytes exceeds the %2 KiB limit of a protocol-log line; not used")
                              .arg(rec.size()).arg(kMaxProtocolLine / 1024));
            return;
        }
        if (const qsizetype cr = bareCarriageReturn(rec); cr >= 0) {
            issue(lineNo, QStringLiteral("carriage return without line feed at byte %1: the line holds more than one "
                                         "record (a re-saved or pasted copy?); not used").arg(cr + 1));
            return;
        }
        ProtocolFields pf;
        QString why;
        if (!splitProtocolRecord(rec, m_protoCols, pf, &why)) {
            lineIssue(lineNo, r, QStringLiteral("not a protocol-log line: ") + why);
            return;
        }
        if (!r.terminated) {
            // The last line of a file still being written: a record with fewer fields than the
            // layout is cut, and half a record is no evidence.
            FieldView all[kMaxFields];
            const int n = splitFields(rec, all, kMaxFields);
            if (n < m_protoCols.count) {
                issue(lineNo, QStringLiteral("truncated last line (file still being written?): %1 of %2 fields; not used")
                                  .arg(n).arg(m_protoCols.count));
                return;
            }
        }
        const qint64 t = parseTimestampMs(pf.time.view());
        if (t == kNoTime) {
            lineIssue(lineNo, r, QStringLiteral("not a protocol-log line: unreadable date-time '%1'")
                                     .arg(QString::fromUtf8(pf.time.view().first(std::min<qsizetype>(pf.time.size, 40)))));
            return;
        }
        noteTime(t);
        ProtoLine pl;
        pl.offset = r.begin;
        pl.length = qint32(std::min<qsizetype>(r.end - r.begin, std::numeric_limits<qint32>::max()));
        pl.line = quint32(lineNo);
        pl.event = pf.eventChar;
        qint32 seq;
        if (parseInt(pf.sequence.view(), seq))
            pl.sequence = seq;
        pl.key = internKey(pf, pf.eventChar);
        // The data field's raw start: its opening quote when quoted (an unquoted field follows a
        // comma, or starts the line).
        const char *dataRaw = pf.data.data;
        if (dataRaw && dataRaw > rec.data() && dataRaw[-1] == '"')
            --dataRaw;
        if (dataRaw && dataRaw >= rec.data() && dataRaw - rec.data() < ProtoLine::kNoDataStart)
            pl.dataStart = quint16(dataRaw - rec.data());
        if (m_control.keepLines)
            m_out.lines.push_back(pl);
        else if (pf.eventChar != '+' && pf.eventChar != '-')
            noteProtoMessageId(pf.eventChar, pf.data.view(), pf.context.view());
        ++m_out.meta.lines;
    }

    int internString(QByteArrayView v, QList<QByteArray> &table, QHash<QByteArray, int> &index, int &last)
    {
        if (last >= 0 && table[last] == v)
            return last;
        const QByteArray key = v.toByteArray();
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            it = index.insert(key, int(table.size()));
            table.append(key);
        }
        last = it.value();
        return last;
    }

    quint32 internKey(const ProtocolFields &pf, char event)
    {
        const QByteArrayView idText = trimmedView(pf.session.view());
        if (!isHex16(idText)) {
            // An opaque id (hand-anonymised, another product's): kept verbatim, grouped by its text.
            const int opaque = internString(idText, m_out.opaqueIds, m_opaqueIndex, m_lastOpaque);
            return internKeyId(0, pf.connector.view(), pf.remote.view(), event, opaque, isRedactedSessionId(idText));
        }
        quint64 id = 0;
        for (char c : idText)
            id = (id << 4) | quint64(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        return internKeyId(id, pf.connector.view(), pf.remote.view(), event);
    }

    quint32 internKeyId(quint64 id, QByteArrayView connector, QByteArrayView remoteView, char event, int opaque = -1,
                        bool opaqueRedacted = false)
    {
        const bool redacted = opaque >= 0 ? opaqueRedacted : id == 0;
        const int conn = internString(connector, m_out.connectors, m_connectorIndex, m_lastConnector);
        const int remote = redacted ? internString(remoteView, m_out.remotes, m_remoteIndex, m_lastRemote) : -1;
        const KeyBits bits{id, conn, remote, opaque};
        int idx;
        if (m_lastKey >= 0 && m_lastBits == bits) {
            idx = m_lastKey;
        } else {
            idx = findKey(bits);
            if (idx < 0) {
                ProtoKey k;
                k.id = id;
                k.connector = conn;
                k.remote = remote;
                k.opaque = opaque;
                k.redacted = redacted;
                idx = int(m_out.keys.size());
                m_out.keys.push_back(k);
                insertKey(bits, idx);
            }
            m_lastKey = idx;
            m_lastBits = bits;
        }
        ProtoKey &k = m_out.keys[size_t(idx)];
        ++k.lines;
        k.lastDash = event == '-';
        k.dashes += event == '-';
        return quint32(idx);
    }

    // Key index: open addressing over indexes into m_out.keys (a QHash per key cost a seventh of
    // the counting path: interleaved sessions defeat the last-key shortcut on most lines).
    static size_t keySlot(const KeyBits &b, size_t mask)
    {
        quint64 h = b.id ^ (quint64(quint32(b.connector)) << 40) ^ (quint64(quint32(b.remote)) << 20)
            ^ (quint64(quint32(b.opaque + 1)) * 0xFF51AFD7ED558CCDull);
        h *= 0x9E3779B97F4A7C15ull;
        return size_t(h >> 32) & mask;
    }
    int findKey(const KeyBits &b) const
    {
        if (m_keySlots.empty())
            return -1;
        const size_t mask = m_keySlots.size() - 1;
        for (size_t s = keySlot(b, mask);; s = (s + 1) & mask) {
            const int idx = m_keySlots[s];
            if (idx < 0)
                return -1;
            const ProtoKey &k = m_out.keys[size_t(idx)];
            if (k.id == b.id && k.connector == b.connector && k.remote == b.remote)
                return idx;
        }
    }
    void insertKey(const KeyBits &b, int idx)
    {
        if ((m_out.keys.size()) * 2 > m_keySlots.size()) {
            std::vector<int> old = std::move(m_keySlots);
            m_keySlots.assign(std::max<size_t>(1024, old.size() * 2), -1);
            const size_t mask = m_keySlots.size() - 1;
            for (int o : old) {
                if (o < 0)
                    continue;
                const ProtoKey &k = m_out.keys[size_t(o)];
                size_t s = keySlot(KeyBits{k.id, k.connector, k.remote, k.opaque}, mask);
                while (m_keySlots[s] >= 0)
                    s = (s + 1) & mask;
                m_keySlots[s] = o;
            }
        }
        const size_t mask = m_keySlots.size() - 1;
        size_t s = keySlot(b, mask);
        while (m_keySlots[s] >= 0)
            s = (s + 1) & mask;
        m_keySlots[s] = idx;
    }

    // Get-MessageTrackingLog's Timestamp is the local time of the machine that ran the cmdlet, and
    // Export-Csv / Format-List write it without a zone; every other format is UTC by definition
    // (logs, EXO traces) or says so.
    bool localTimeFormat() const
    {
        return m_out.meta.format == LogFormat::EmsMessageTrackingCsv || m_out.meta.format == LogFormat::EmsMessageTrackingList;
    }

    qint64 rowTime(QByteArrayView raw)
    {
        bool zoned = true;
        qint64 t = parseCultureTimestamp(raw, m_dateOrder, &zoned);
        if (t != kNoTime && !zoned && localTimeFormat()) {
            if (m_control.timeZone.isValid())
                t = wallTimeToUtcMs(t, m_control.timeZone);
            else
                ++m_zoneLessTimes;
        }
        return t;
    }

    void parseTrackRow(const FieldView *f, int stored, int n, const TrackColumns &c, const RecordSpan &r, qint64 lineNo)
    {
        const qint64 t = rowTime(fieldAt(f, stored, c.time).view());
        if (t == kNoTime || n < 2) {
            lineIssue(lineNo, r, QStringLiteral("not a %1 row: unreadable date-time").arg(formatIdLocal()));
            return;
        }
        noteTime(t);
        ++m_out.meta.lines;
        TrackEvent e;
        e.timeMs = t;
        e.ref = RecordRef{m_fileIndex, lineNo, r.begin, qint32(std::min<qsizetype>(r.end - r.begin, std::numeric_limits<qint32>::max()))};
        e.messageId = normaliseMessageId(fieldAt(f, stored, c.messageId).view());
        e.networkMessageId = trimmedView(fieldAt(f, stored, c.networkId).view()).isEmpty() ? QString()
                                                                                         : fieldAt(f, stored, c.networkId).text().trimmed();
        e.internalMessageId = fieldAt(f, stored, c.internalId).text().trimmed();
        const LogFormat fmt = m_out.meta.format;
        if (!m_control.keepLines) {
            // Counting: only what correlation needs, hashed.
            QString server;
            if (isTrackingLike(fmt)) {
                const QString event = fieldAt(f, stored, c.eventId).text().trimmed().toUpper();
                const QString host = event == QLatin1String("SEND") ? fieldAt(f, stored, c.clientHost).text()
                                                                     : fieldAt(f, stored, c.serverHost).text();
                server = shortHost(host.trimmed());
                if (!server.isEmpty())
                    ++m_serverVotes[server];
            } else {
                server = QStringLiteral("EXO");
            }
            TrackKeys k;
            hashId(e.messageId, k.messageId);
            hashId(e.networkMessageId.toLower(), k.networkId);
            hashId(e.internalMessageId, k.internalId);
            k.server = internTrackServer(server);
            m_out.trackKeys.push_back(k);
            return;
        }
        e.sender = fieldAt(f, stored, c.sender).text().trimmed();
        e.subject = fieldAt(f, stored, c.subject).text();
        e.connector = fieldAt(f, stored, c.connector).text();
        e.clientIp = fieldAt(f, stored, c.clientIp).text();
        e.serverIp = fieldAt(f, stored, c.serverIp).text();
        if (isTrackingLike(fmt)) {
            e.clientHost = fieldAt(f, stored, c.clientHost).text();
            e.serverHost = fieldAt(f, stored, c.serverHost).text();
            e.sourceContext = fieldAt(f, stored, c.sourceContext).text();
            e.source = fieldAt(f, stored, c.source).text().trimmed().toUpper();
            e.event = fieldAt(f, stored, c.eventId).text().trimmed().toUpper();
            if (fmt == LogFormat::MessageTracking) {
                e.recipients = splitList(fieldAt(f, stored, c.recipients));
                e.recipientStatus = fieldAt(f, stored, c.recipientStatus).text();
            } else {
                // Export-Csv / Format-List of Get-MessageTrackingLog: "System.String[]" unless joined.
                e.recipients = splitMultiValue(fieldAt(f, stored, c.recipients).text());
                const QString status = fieldAt(f, stored, c.recipientStatus).text().trimmed();
                if (!status.startsWith(QLatin1String("System.")))
                    e.recipientStatus = status.startsWith(u'{') && status.endsWith(u'}') ? status.mid(1, status.size() - 2) : status;
            }
            // The server of the event: a SEND is logged by its client side.
            const QString host = (e.event == QLatin1String("SEND") && !e.clientHost.isEmpty()) ? e.clientHost : e.serverHost;
            e.server = shortHost(host.trimmed());
            if (!e.server.isEmpty())
                ++m_serverVotes[e.server];
            readAttemptedServer(e.recipientStatus, e);
            m_out.events.append(e);
            return;
        }
        if (fmt == LogFormat::ExoMessageTraceV2 && m_traceDetail) {
            // Get-MessageTraceDetailV2: one row per event; Detail is the free text, Data the XML
            // that names the connector and the remote server (what ties a deferral to on-premises).
            e.server = QStringLiteral("EXO");
            e.source = QStringLiteral("EXO");
            e.event = fieldAt(f, stored, c.eventId).text().trimmed().toUpper();
            if (e.event.isEmpty())
                e.event = QStringLiteral("RECEIVE");
            e.recipients = splitMultiValue(fieldAt(f, stored, c.recipients).text());
            e.recipientStatus = fieldAt(f, stored, c.detail).text().trimmed();
            readTraceDetailData(fieldAt(f, stored, c.data).text(), e);
            readAttemptedServer(e.recipientStatus, e);
            m_out.events.append(e);
            return;
        }
        if (fmt == LogFormat::ExoGetMessageTrace || fmt == LogFormat::ExoMessageTraceV2) {
            e.server = QStringLiteral("EXO");
            e.source = QStringLiteral("EXO");
            const QString status = fieldAt(f, stored, c.status).text().trimmed().toLower();
            e.recipientStatus = fieldAt(f, stored, c.status).text().trimmed();
            e.recipients = splitList(fieldAt(f, stored, c.recipients));
            if (status == QLatin1String("delivered") || status == QLatin1String("expanded"))
                e.event = status == QLatin1String("expanded") ? QStringLiteral("EXPAND") : QStringLiteral("DELIVER");
            else if (status == QLatin1String("failed") || status == QLatin1String("quarantined")
                     || status == QLatin1String("filteredasspam"))
                e.event = QStringLiteral("FAIL");
            else if (status == QLatin1String("pending") || status == QLatin1String("gettingstatus"))
                e.event = QStringLiteral("PENDING");
            else
                e.event = status.toUpper();
            m_out.events.append(e);
            return;
        }
        // EXO message trace: the extended report carries event_id; the summary packs the events
        // of every recipient into recipient_status: a@x##Receive, Deliver;b@y##Receive, Fail
        e.server = QStringLiteral("EXO");
        e.source = c.source >= 0 ? fieldAt(f, stored, c.source).text().trimmed().toUpper() : QStringLiteral("EXO");
        if (e.source.isEmpty())
            e.source = QStringLiteral("EXO");
        if (c.eventId >= 0) {
            e.event = fieldAt(f, stored, c.eventId).text().trimmed().toUpper();
            e.recipients = splitList(fieldAt(f, stored, c.recipients));
            e.recipientStatus = fieldAt(f, stored, c.recipientStatus).text();
            // The extended report carries the tracking columns, source_context with its session
            // reference (08D8…;time;n) among them: it links the hop to a protocol-log session.
            e.sourceContext = fieldAt(f, stored, c.sourceContext).text();
            // Which on-premises server Exchange Online tried: in the deferral text, else in custom_data.
            readAttemptedServer(e.recipientStatus, e);
            if (c.customData >= 0)
                readAttemptedServer(fieldAt(f, stored, c.customData).text(), e);
            m_out.events.append(e);
            return;
        }
        const QString packed = fieldAt(f, stored, c.recipientStatus).text();
        QMap<QString, QStringList> byEvent;   // event → recipients, in first-seen order below
        QStringList order;
        for (const QString &entry : packed.split(u';', Qt::SkipEmptyParts)) {
            const qsizetype sep = entry.indexOf(QLatin1String("##"));
            const QString addr = (sep >= 0 ? entry.left(sep) : entry).trimmed();
            const QString events = sep >= 0 ? entry.mid(sep + 2) : QString();
            for (const QString &ev : events.split(u',', Qt::SkipEmptyParts)) {
                const QString name = ev.trimmed().toUpper();
                if (name.isEmpty())
                    continue;
                if (!byEvent.contains(name))
                    order.append(name);
                if (!addr.isEmpty())
                    byEvent[name].append(addr);
            }
            if (events.trimmed().isEmpty() && !addr.isEmpty()) {
                if (!byEvent.contains(QStringLiteral("RECEIVE")))
                    order.append(QStringLiteral("RECEIVE"));
                byEvent[QStringLiteral("RECEIVE")].append(addr);
            }
        }
        if (order.isEmpty()) {
            e.event = QStringLiteral("RECEIVE");
            m_out.events.append(e);
            return;
        }
        for (const QString &name : order) {
            TrackEvent ev = e;
            ev.event = name;
            ev.recipients = byEvent.value(name);
            ev.recipientStatus = packed;
            m_out.events.append(ev);
        }
    }

    // As the session builder: the first <…> after "2.6.0 <" in a reply, or after "InternetMessageId"
    // on a '*' line (data, then context).
    void noteProtoMessageId(char ev, QByteArrayView data, QByteArrayView context)
    {
        auto add = [&](QByteArrayView text) {
            const qsizetype b = text.indexOf('<');
            if (b < 0)
                return;
            const qsizetype e = text.indexOf('>', b);
            if (e < 0)
                return;
            quint64 h[2] = {0, 0};
            hashId(QString::fromUtf8(text.sliced(b, e - b + 1)), h);
            m_out.protoMessageIds.push_back({h[0], h[1]});
        };
        if (ev == '>' || ev == '<') {
            if (data.size() < 12 || data[0] != '2' || !std::memchr(data.data(), '<', size_t(data.size())))
                return;
            const qsizetype p = data.indexOf("2.6.0 <");
            if (p >= 0)
                add(data.sliced(p));
            return;
        }
        const bool angleInData = data.size() > 0 && std::memchr(data.data(), '<', size_t(data.size()));
        const bool angleInContext = context.size() > 0 && std::memchr(context.data(), '<', size_t(context.size()));
        if (!angleInData && !angleInContext)
            return;
        if (const qsizetype p = data.indexOf("InternetMessageId"); p >= 0)
            add(data.sliced(p));
        else if (const qsizetype q = context.indexOf("InternetMessageId"); q >= 0)
            add(context.sliced(q));
    }

    static void hashId(const QString &id, quint64 (&out)[2])
    {
        if (id.isEmpty())
            return;
        // Two independent 64-bit hashes: a false match among millions of ids is out of reach.
        out[0] = quint64(qHash(id, size_t(0x51ED270B27FA3C9Dull)));
        out[1] = quint64(qHash(id, size_t(0x2545F4914F6CDD1Dull))) | 1u;   // never all zero
    }

    int internTrackServer(const QString &server)
    {
        if (m_lastTrackServer >= 0 && m_out.trackServers[m_lastTrackServer] == server)
            return m_lastTrackServer;
        qsizetype i = m_out.trackServers.indexOf(server);
        if (i < 0) {
            i = m_out.trackServers.size();
            m_out.trackServers.append(server);
        }
        m_lastTrackServer = int(i);
        return m_lastTrackServer;
    }

    QString formatIdLocal() const
    {
        switch (m_out.meta.format) {
        case LogFormat::MessageTracking: return QStringLiteral("message-tracking");
        case LogFormat::ExoMessageTrace: return QStringLiteral("exo-message-trace");
        case LogFormat::ExoGetMessageTrace: return QStringLiteral("exo-get-messagetrace");
        case LogFormat::ExoMessageTraceV2: return QStringLiteral("exo-message-trace-v2");
        case LogFormat::EmsMessageTrackingCsv: return QStringLiteral("ems-message-tracking-csv");
        case LogFormat::EmsMessageTrackingList: return QStringLiteral("ems-message-tracking-list");
        default: break;
        }
        return QStringLiteral("log");
    }

    void finish()
    {
        if (m_out.bytes)
            m_out.bytes->setLayouts(m_out.layouts);
        if (m_issueCount > kMaxIssuesPerFile)
            m_out.meta.errors.append({0, QStringLiteral("%1 more unreadable lines not listed").arg(m_issueCount - kMaxIssuesPerFile)});
        if (m_zoneLessTimes > 0)
            m_out.meta.warnings.append({0, QStringLiteral("%1 times carry no time zone (the local time of the machine that "
                                                          "exported them) and were read as UTC; give their zone with "
                                                          "--timezone (e.g. Europe/Berlin or UTC+01:00)")
                                               .arg(m_zoneLessTimes)});
        // Server of the file: connector-id (EX01\Default Frontend EX01), server-hostname, folder.
        QString server;
        for (const QByteArray &c : std::as_const(m_out.connectors)) {
            const qsizetype bs = c.indexOf('\\');
            if (bs > 0) {
                server = QString::fromUtf8(c.left(bs)).trimmed();
                break;
            }
        }
        if (server.isEmpty() && !m_serverVotes.isEmpty()) {
            int best = 0;
            for (auto it = m_serverVotes.cbegin(); it != m_serverVotes.cend(); ++it) {
                if (it.value() > best || (it.value() == best && it.key() < server)) {
                    best = it.value();
                    server = it.key();
                }
            }
        }
        if (m_out.meta.format == LogFormat::ExoMessageTrace || m_out.meta.format == LogFormat::ExoGetMessageTrace
            || m_out.meta.format == LogFormat::ExoMessageTraceV2 || m_out.meta.format == LogFormat::ExoGraphMessageTrace)
            server = QStringLiteral("EXO");
        if (server.isEmpty())
            server = m_hint;
        m_out.meta.server = server;
        for (const QByteArray &c : std::as_const(m_out.connectors)) {
            const qsizetype bs = c.indexOf('\\');
            m_out.connectorServers.append(bs > 0 ? QString::fromUtf8(c.left(bs)).trimmed() : server);
        }
        if (m_out.meta.format == LogFormat::MessageTracking && !server.isEmpty()) {
            // Every event of a tracking file happened on the file's server.
            for (TrackEvent &e : m_out.events)
                e.server = server;
            if (!m_out.trackKeys.empty()) {
                const int idx = internTrackServer(server);
                for (TrackKeys &k : m_out.trackKeys)
                    k.server = idx;
            }
        }
    }

    ParsedFile m_out;
    ParseControl m_control;
    QString m_hint;
    int m_fileIndex = -1;
    QByteArrayView m_text;
    ProtocolColumns m_protoCols;
    ProtocolColumns m_startCols;   // a range parser's columns at its start
    QList<QByteArray> m_csvNames;
    char m_delim = ',';              // CSV exports: the delimiter of their header row
    bool m_traceDetail = false;      // Get-MessageTraceDetail(V2) rows, not message rows
    bool m_formatList = false;       // "Name : value" records (Format-List), whatever the cmdlet
    DateOrder m_dateOrder = DateOrder::Unknown;   // culture dates of an export, decided per file
    bool m_headerlessTracking = false;
    std::vector<int> m_keySlots;   // power-of-two table of key indexes, -1 = free
    KeyBits m_lastBits;
    int m_lastKey = -1;
    QHash<QByteArray, int> m_connectorIndex, m_remoteIndex;
    int m_lastConnector = -1, m_lastRemote = -1;
    QHash<QByteArray, int> m_opaqueIndex;
    int m_lastOpaque = -1;
    qint64 m_issueCount = 0;
    qint64 m_zoneLessTimes = 0;   // local-time export rows read as UTC (no ParseControl::timeZone)
    QHash<QString, int> m_serverVotes;
    int m_lastTrackServer = -1;
    RepeatedTimestampParser m_times;   // the counting shortcut's date-times
};

} // namespace

void readAttemptedServer(const QString &text, TrackEvent &e)
{
    // Exchange Online: "[LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.5:25]"
    // inside the error text, and "{FQDN=mail.contoso.com};{IP=203.0.113.5}" beside it in a deferral's
    // recipient status; Exchange Server's queue errors: "The last endpoint attempted was 10.0.0.6:25".
    if (!text.contains(QLatin1String("ttempted"), Qt::CaseInsensitive) && !text.contains(QLatin1String("{FQDN="), Qt::CaseInsensitive)
        && !text.contains(QLatin1String("{IP="), Qt::CaseInsensitive))
        return;
    static const QRegularExpression host(QStringLiteral("LastAttemptedServerName\\s*[=:]\\s*([A-Za-z0-9_][A-Za-z0-9_.-]*)|\\{FQDN=([A-Za-z0-9_][A-Za-z0-9_.-]*)\\}"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ip(QStringLiteral("LastAttemptedIP\\s*[=:]\\s*(\\[[0-9A-Fa-f:.]+\\](?::\\d+)?|[0-9A-Fa-f:.]+)"
                                                      "|\\{IP=(\\[?[0-9A-Fa-f:.]+\\]?)\\}"
                                                      "|last endpoint attempted was\\s+(\\[[0-9A-Fa-f:.]+\\](?::\\d+)?|[0-9A-Fa-f:.]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    auto captured = [](const QRegularExpressionMatch &m) {
        for (int i = 1; i <= m.lastCapturedIndex(); ++i) {
            if (m.capturedLength(i) > 0)
                return m.captured(i);
        }
        return QString();
    };
    if (e.attemptedHost.isEmpty()) {
        const QRegularExpressionMatch m = host.match(text);
        if (m.hasMatch())
            e.attemptedHost = captured(m).toLower();
    }
    if (e.attemptedIp.isEmpty()) {
        const QRegularExpressionMatch m = ip.match(text);
        if (m.hasMatch()) {
            QString address = captured(m);
            while (address.endsWith(u'.'))
                address.chop(1);   // the end of the sentence
            address = hostOfAttempt(address);
            const bool v4 = address.count(u'.') == 3 && std::all_of(address.cbegin(), address.cend(), [](QChar c) { return c == u'.' || c.isDigit(); });
            if (v4 || address.count(u':') >= 2)
                e.attemptedIp = address;
        }
    }
}

ProtocolColumns protocolColumnsFromNames(const QList<QByteArray> &names, bool *ok)
{
    ProtocolColumns c;
    auto idx = [&](const char *n) { return int(names.indexOf(QByteArray(n))); };
    c.time = idx("date-time");
    c.connector = idx("connector-id");
    c.session = idx("session-id");
    c.sequence = idx("sequence-number");
    c.local = idx("local-endpoint");
    c.remote = idx("remote-endpoint");
    c.event = idx("event");
    c.data = idx("data");
    c.context = idx("context");
    c.count = int(names.size());
    const bool good = c.time >= 0 && c.session >= 0 && c.event >= 0 && c.data >= 0;
    if (ok)
        *ok = good;
    return good ? c : ProtocolColumns{};
}

bool splitProtocolRecord(QByteArrayView record, const ProtocolColumns &cols, ProtocolFields &out, QString *why)
{
    FieldView f[kMaxFields];
    const int n = splitFields(record, f, kMaxFields);
    // The context column may be missing on '>' lines cut short; the data column must be there.
    const int needed = std::max({cols.time, cols.session, cols.event, cols.data}) + 1;
    if (n < needed || n > kMaxFields) {
        if (why)
            *why = QStringLiteral("%1 fields, expected %2").arg(n).arg(cols.count);
        return false;
    }
    auto get = [&](int i) { return (i >= 0 && i < n) ? f[i] : FieldView{}; };
    out.time = get(cols.time);
    out.connector = get(cols.connector);
    out.session = get(cols.session);
    out.sequence = get(cols.sequence);
    out.local = get(cols.local);
    out.remote = get(cols.remote);
    out.event = get(cols.event);
    out.data = get(cols.data);
    out.context = get(cols.context);
    const QByteArrayView ev = trimmedView(out.event.view());
    if (ev.isEmpty()) {
        out.eventChar = '*';   // pasted copies lose the '*'
    } else if (ev.size() == 1 && std::strchr("+-<>*", ev[0])) {
        out.eventChar = ev[0];
    } else {
        if (why)
            *why = QStringLiteral("event column is '%1', expected one of + - > < *")
                       .arg(QString::fromUtf8(ev.first(std::min<qsizetype>(ev.size(), 20))));
        return false;
    }
    // A session-id is 16 hex digits in real logs; hand-anonymised copies carry other tokens, which
    // are kept verbatim. An empty or blank id, or one with blanks inside, is not a protocol line.
    const QByteArrayView id = trimmedView(out.session.view());
    if (!isHex16(id) && !isSessionIdToken(id)) {
        if (why)
            *why = id.isEmpty() ? QStringLiteral("empty session-id")
                                : QStringLiteral("session-id '%1' is not an id (blanks, control characters or over 128 characters)")
                                      .arg(QString::fromUtf8(id.first(std::min<qsizetype>(id.size(), 24))));
        return false;
    }
    return true;
}

bool isSessionIdToken(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (char c : id) {
        if (uchar(c) <= ' ' || c == 0x7f || c == '"')
            return false;
    }
    return true;
}

bool isRedactedSessionId(QByteArrayView id)
{
    if (id.isEmpty())
        return false;
    for (char c : id) {
        if (c != id[0])
            return false;
    }
    return true;
}

QString sessionIdText(const ProtoKey &key, const QList<QByteArray> &opaqueIds)
{
    if (key.opaque >= 0 && key.opaque < opaqueIds.size())
        return QString::fromUtf8(opaqueIds[key.opaque]);
    return sessionIdText(key.id);
}

QString sessionIdText(quint64 id)
{
    return QStringLiteral("%1").arg(id, 16, 16, QLatin1Char('0')).toUpper();
}

ProtocolColumns layoutAt(const std::vector<std::pair<qint64, ProtocolColumns>> &layouts, qint64 offset)
{
    ProtocolColumns c;
    for (const auto &l : layouts) {
        if (l.first > offset)
            break;
        c = l.second;
    }
    return c;
}

QString normaliseMessageId(QByteArrayView raw)
{
    QByteArrayView v = trimmedView(raw);
    if (v.isEmpty())
        return {};
    if (v.startsWith('<') && v.endsWith('>'))
        return QString::fromUtf8(v);
    if (v.startsWith('<'))
        v = v.sliced(1);
    if (v.endsWith('>'))
        v.chop(1);
    return QStringLiteral("<") + QString::fromUtf8(v) + QStringLiteral(">");
}

QString normaliseMessageId(const QString &raw)
{
    return normaliseMessageId(QByteArrayView(raw.toUtf8()));
}

ParsedFile parseBytes(std::shared_ptr<FileBytes> bytes, const QString &displayPath, const QString &serverHint,
                      int fileIndex, const ParseControl &control)
{
    FileParser p(std::move(bytes), displayPath, serverHint, fileIndex, control);
    return p.run();
}

} // namespace mwb::ingest
