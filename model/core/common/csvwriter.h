#pragma once
// The one CSV writer (`mwb export --format csv`, the GUI's CSV exports). RFC 4180 quoting (a cell
// with a comma, a double quote, CR or LF is quoted, quotes doubled, rows end in CRLF) plus the
// OWASP CSV-injection defence for text that comes from input: a text cell starting with `=`, `+`,
// `-`, `@`, TAB or CR (or their full-width forms) gets a leading `'`, so Excel, LibreOffice and
// Google Sheets show it instead of running it as a formula. Typed columns (numbers, times, booleans,
// the program's own ids) are written as they are, so ClickHouse and DuckDB read them as typed;
// a "typed" value that is not a number and starts like a formula is neutralised all the same.
// Text cells also pass through escapeControls (line breaks kept): no raw ESC or BEL reaches a
// terminal that shows the file. The rules are documented in docs/export-schema.md.
#include <QList>
#include <QString>
#include <QStringList>

namespace mwb {

enum class CsvKind {
    Text,   // from input (logs, peers): neutralised and control characters escaped
    Typed,  // produced by the program: numbers (negative ones too), ISO times, true/false, ids
};

struct CsvColumn {
    QString name;
    CsvKind kind = CsvKind::Text;
};

// One cell, quoted when needed.
QString csvCell(const QString &value, CsvKind kind);
// True when a spreadsheet would read the cell text as a formula (first character `=`, `+`, `-`,
// `@`, TAB, CR or a full-width `＝＋－＠`).
bool csvLooksLikeFormula(const QString &value);

class CsvWriter {
public:
    explicit CsvWriter(QList<CsvColumn> columns) : m_columns(std::move(columns)) {}
    const QList<CsvColumn> &columns() const { return m_columns; }
    // The header row (column names), CRLF-terminated.
    QString header() const;
    // One row; values beyond the schema are written as text, missing ones as empty cells.
    QString row(const QStringList &values) const;

private:
    QList<CsvColumn> m_columns;
};

} // namespace mwb
