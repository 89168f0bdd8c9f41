#include "model/core/common/csvwriter.h"

#include "model/core/common/safetext.h"

namespace mwb {
namespace {

bool isNumber(const QString &v)
{
    // -12, 3.5, 1e6: what ClickHouse/DuckDB parse as a number. Nothing else is exempt.
    qsizetype i = 0;
    const qsizetype n = v.size();
    if (i < n && (v[i] == u'-' || v[i] == u'+'))
        ++i;
    const qsizetype digitsStart = i;
    while (i < n && v[i].isDigit() && v[i].unicode() < 0x80)
        ++i;
    if (i == digitsStart)
        return false;
    if (i < n && v[i] == u'.') {
        ++i;
        const qsizetype frac = i;
        while (i < n && v[i].unicode() >= u'0' && v[i].unicode() <= u'9')
            ++i;
        if (i == frac)
            return false;
    }
    if (i < n && (v[i] == u'e' || v[i] == u'E')) {
        ++i;
        if (i < n && (v[i] == u'-' || v[i] == u'+'))
            ++i;
        const qsizetype exp = i;
        while (i < n && v[i].unicode() >= u'0' && v[i].unicode() <= u'9')
            ++i;
        if (i == exp)
            return false;
    }
    return i == n;
}

QString quoted(const QString &v)
{
    if (!v.contains(u',') && !v.contains(u'"') && !v.contains(u'\n') && !v.contains(u'\r'))
        return v;
    QString q = v;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

bool csvLooksLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case u'=': case u'+': case u'-': case u'@': case u'\t': case u'\r':
    case 0xff1d: case 0xff0b: case 0xff0d: case 0xff20:   // full-width = + - @
        return true;
    default:
        return false;
    }
}

QString csvCell(const QString &value, CsvKind kind)
{
    if (kind == CsvKind::Typed && (isNumber(value) || !csvLooksLikeFormula(value)))
        return quoted(value);
    // Text from input: neutralise a formula start first (CR included, before it is escaped), then
    // make control characters visible; line breaks stay (the cell is quoted).
    QString v = csvLooksLikeFormula(value) ? u'\'' + value : value;
    return quoted(escapeControls(v, LineBreaks::Keep));
}

QString CsvWriter::header() const
{
    QStringList cells;
    cells.reserve(m_columns.size());
    for (const CsvColumn &c : m_columns)
        cells.append(csvCell(c.name, CsvKind::Text));
    return cells.join(u',') + QStringLiteral("\r\n");
}

QString CsvWriter::row(const QStringList &values) const
{
    QStringList cells;
    const qsizetype n = std::max(values.size(), m_columns.size());
    cells.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const CsvKind kind = i < m_columns.size() ? m_columns.at(i).kind : CsvKind::Text;
        cells.append(csvCell(i < values.size() ? values.at(i) : QString(), kind));
    }
    return cells.join(u',') + QStringLiteral("\r\n");
}

} // namespace mwb
