#pragma once
// An independent RFC 4180 reader for tests: rows of cells, quoted cells with doubled quotes and
// embedded line breaks. `ok` is false on a malformed quote.
#include <QList>
#include <QString>
#include <QStringList>

namespace testcsv {

inline QList<QStringList> parse(const QString &text, bool *ok = nullptr)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool inQuotes = false, quotedCell = false, good = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                cell += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!cell.isEmpty() || quotedCell)
                good = false;  // a quote in the middle of an unquoted cell
            inQuotes = quotedCell = true;
        } else if (c == u',') {
            row.append(cell);
            cell.clear();
            quotedCell = false;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            quotedCell = false;
            ++i;
        } else if (c == u'\r' || c == u'\n') {
            good = false;  // a bare line break outside quotes
        } else {
            cell += c;
        }
    }
    if (inQuotes)
        good = false;
    if (!cell.isEmpty() || !row.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    if (ok)
        *ok = good;
    return rows;
}

// What OWASP names as formula starts (and the full-width forms spreadsheets also accept).
inline bool startsLikeFormula(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    const char16_t c = cell.front().unicode();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r' || c == 0xff1d || c == 0xff0b
           || c == 0xff0d || c == 0xff20;
}

} // namespace testcsv
