#include "model/core/ingest/csv.h"

#include <cstring>

namespace mwb::ingest {

QByteArray FieldView::bytes() const
{
    if (!hasDoubledQuotes)
        return QByteArray(data, size);
    QByteArray out;
    out.reserve(size);
    for (qsizetype i = 0; i < size; ++i) {
        out.append(data[i]);
        if (data[i] == '"' && i + 1 < size && data[i + 1] == '"')
            ++i;
    }
    return out;
}

QString FieldView::text() const
{
    if (!hasDoubledQuotes)
        return QString::fromUtf8(data, size);
    return QString::fromUtf8(bytes());
}

void FieldView::textInto(QString &out) const
{
    // ASCII (nearly every protocol-log field) is widened into the buffer out already has.
    uchar any = 0;
    for (qsizetype i = 0; i < size; ++i)
        any |= uchar(data[i]);
    if (hasDoubledQuotes || any >= 0x80) {
        out = text();
        return;
    }
    if (size == 0) {
        if (!out.isEmpty())
            out.resize(0);   // keeps the buffer; a null string is left null (resize would allocate)
        return;
    }
    out.resize(size);
    char16_t *to = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0; i < size; ++i)
        to[i] = char16_t(uchar(data[i]));
}

namespace {

// Scans [from, to) with the quote state machine; returns true when a quoted field is still open
// at `to`. `fieldStart` and `inQuote` carry the state across physical lines. Only quotes change the
// state, so it jumps from quote to quote with memchr: stepping byte by byte through every quoted
// row was a third of counting tracking logs (issue #25). A quote outside a quoted field opens one
// only at a field's start: the scan's first byte with `fieldStart` carried in, or after a delimiter.
bool scanQuotes(const char *p, qsizetype from, qsizetype to, bool &fieldStart, bool &inQuote, char delim)
{
    qsizetype i = from;
    while (i < to) {
        const void *q = std::memchr(p + i, '"', size_t(to - i));
        if (!q) {
            if (!inQuote)
                fieldStart = p[to - 1] == delim;   // the state after the last byte
            return inQuote;
        }
        const qsizetype at = static_cast<const char *>(q) - p;
        if (inQuote) {
            if (at + 1 < to && p[at + 1] == '"') {
                i = at + 2;   // a doubled quote inside the field
                continue;
            }
            inQuote = false;
            fieldStart = false;   // the closing quote is no delimiter
            i = at + 1;
            continue;
        }
        const bool opens = at == from ? fieldStart : p[at - 1] == delim;
        inQuote = opens;
        fieldStart = false;
        i = at + 1;
    }
    return inQuote;
}

} // namespace

RecordSpan nextRecord(QByteArrayView buffer, qsizetype pos, int maxLines, char delim)
{
    const char *p = buffer.data();
    const qsizetype n = buffer.size();
    RecordSpan r;
    r.begin = pos;
    auto lineEnd = [&](qsizetype from) -> qsizetype {
        const void *nl = from < n ? std::memchr(p + from, '\n', size_t(n - from)) : nullptr;
        return nl ? static_cast<const char *>(nl) - p : n;
    };
    qsizetype nl = lineEnd(pos);
    auto finish = [&](qsizetype lastNl, int lines) {
        r.terminated = lastNl < n;
        r.next = r.terminated ? lastNl + 1 : n;
        qsizetype e = lastNl;
        if (e > r.begin && p[e - 1] == '\r')
            --e;
        r.end = e;
        r.physicalLines = lines;
    };
    // Fast path: no quote on the line means no multi-line record.
    if (!std::memchr(p + pos, '"', size_t(nl - pos))) {
        finish(nl, 1);
        return r;
    }
    bool fieldStart = true, inQuote = false;
    int lines = 1;
    qsizetype cur = pos, curNl = nl;
    while (scanQuotes(p, cur, curNl, fieldStart, inQuote, delim)) {
        if (curNl >= n || lines >= maxLines) {
            // Never closed: keep the first line alone so the rest of the file still parses.
            finish(nl, 1);
            r.openQuote = true;
            return r;
        }
        cur = curNl;   // the line break itself belongs to the quoted field
        curNl = lineEnd(curNl + 1);
        ++lines;
    }
    finish(curNl, lines);
    return r;
}

int splitFields(QByteArrayView record, FieldView *out, int maxFields, char delim)
{
    const char *p = record.data();
    const qsizetype n = record.size();
    int count = 0;
    qsizetype i = 0;
    for (;;) {
        FieldView f;
        if (i < n && p[i] == '"') {
            const qsizetype start = ++i;
            bool doubled = false;
            while (i < n) {
                if (p[i] == '"') {
                    if (i + 1 < n && p[i + 1] == '"') {
                        doubled = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            f.data = p + start;
            f.size = i - start;
            f.hasDoubledQuotes = doubled;
            // Skip the closing quote and anything up to the next comma (lenient).
            const void *c = i < n ? std::memchr(p + i, delim, size_t(n - i)) : nullptr;
            i = c ? static_cast<const char *>(c) - p : n;
        } else {
            const void *c = i < n ? std::memchr(p + i, delim, size_t(n - i)) : nullptr;
            const qsizetype e = c ? static_cast<const char *>(c) - p : n;
            f.data = p + i;
            f.size = e - i;
            i = e;
        }
        if (count < maxFields)
            out[count] = f;
        ++count;
        if (i >= n)
            break;
        ++i;   // the comma
    }
    return count;
}

QByteArrayView trimmedView(QByteArrayView v)
{
    qsizetype b = 0, e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t' || v[b] == '\r' || v[b] == '\n'))
        ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t' || v[e - 1] == '\r' || v[e - 1] == '\n'))
        --e;
    return v.sliced(b, e - b);
}

bool parseInt(QByteArrayView v, qint32 &out)
{
    v = trimmedView(v);
    if (v.isEmpty() || v.size() > 9)
        return false;
    qint32 r = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        r = r * 10 + (c - '0');
    }
    out = r;
    return true;
}

static inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (lower(text[i]) != lower(prefix[i]))
            return false;
    }
    return true;
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && startsWithNoCase(a, b);
}

qsizetype indexOfNoCase(QByteArrayView text, QByteArrayView needle, qsizetype from)
{
    if (needle.isEmpty())
        return from;
    for (qsizetype i = from; i + needle.size() <= text.size(); ++i) {
        if (lower(text[i]) == lower(needle[0]) && startsWithNoCase(text.sliced(i), needle))
            return i;
    }
    return -1;
}

} // namespace mwb::ingest
