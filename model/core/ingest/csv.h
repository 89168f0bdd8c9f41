#pragma once
// RFC-4180-ish tokenizer over byte views, tuned for Exchange logs: fields are quoted only when they
// contain a comma (then the whole field), quotes inside are doubled, and a quoted field may span
// physical lines. Nothing here allocates unless a doubled quote has to be collapsed.
#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mwb::ingest {

struct FieldView {
    const char *data = nullptr;
    qsizetype size = 0;
    bool hasDoubledQuotes = false;   // needs collapsing before use as text

    QByteArrayView view() const { return {data, size}; }
    QByteArray bytes() const;        // doubled quotes collapsed
    QString text() const;            // UTF-8 decoded, doubled quotes collapsed
    void textInto(QString &out) const;   // as text(), into out's own buffer when it is big enough
    bool isEmpty() const { return size == 0; }
};

// One logical record (CSV row) inside a buffer.
struct RecordSpan {
    qsizetype begin = 0;       // first byte of the record
    qsizetype end = 0;         // one past the last byte, without the line terminator
    qsizetype next = 0;        // where the next record starts
    int physicalLines = 1;     // lines the record covers (embedded line breaks)
    bool terminated = true;    // ended by a line break (false: last line of a file still being written)
    bool openQuote = false;    // a quoted field never closed (record cut back to its first line)
};

// Finds the record starting at pos. A quoted field may carry line breaks; a quote that never
// closes within maxLines lines falls back to a single-line record with openQuote set.
// delim: the field separator (',' in logs; ';', tab or '|' in Export-Csv -Delimiter / -UseCulture).
RecordSpan nextRecord(QByteArrayView buffer, qsizetype pos, int maxLines = 64, char delim = ',');

// Splits a record into fields. Returns the number of fields found (may exceed maxFields; only the
// first maxFields are stored).
int splitFields(QByteArrayView record, FieldView *out, int maxFields, char delim = ',');

// Trims ASCII blanks on both ends.
QByteArrayView trimmedView(QByteArrayView v);
// A plain non-negative number of at most 9 digits between blanks (sequence-number and the like).
bool parseInt(QByteArrayView v, qint32 &out);
bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix);
bool equalsNoCase(QByteArrayView a, QByteArrayView b);
qsizetype indexOfNoCase(QByteArrayView text, QByteArrayView needle, qsizetype from = 0);

} // namespace mwb::ingest
