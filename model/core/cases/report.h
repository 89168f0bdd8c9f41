#pragma once
// The investigation as ONE self-contained HTML file (no external resources, no scripts): summary,
// findings with evidence excerpts, message journeys, charts, generated scripts, notes.
//
// Every string that comes from a log is HTML-escaped, and the page carries a Content-Security-
// Policy that forbids scripts, so hostile log text cannot run in the reader's browser.
//
// PDF is made GUI-side (QTextDocument/QPrinter are QtGui; model/core must not use them): the GUI
// loads buildHtmlReport() into a QTextDocument and prints it to a QPrinter in PdfFormat.
#include "model/core/analysis/analysis.h"
#include "model/core/cases/casefile.h"
#include "model/core/cases/redaction.h"
#include "model/core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

namespace mwb {

struct ReportChart {
    QString title;
    QByteArray png;            // rendered by the GUI (QtCharts); embedded as a data: URL
    QString description;       // alt text for screen readers
};

struct ReportScript {
    QString title;
    QString scenario;
    QString script;            // PowerShell as generated
};

struct ReportOptions {
    QString title;                         // empty: "Mail flow investigation"
    QDateTime generatedAt;                 // empty: now (set it for reproducible output)
    bool redact = false;
    RedactionOptions redaction;            // used when redact is set and no redactor is given
    Redactor *redactor = nullptr;          // optional: share pseudonyms with a preview or an export
    QList<ReportChart> charts;             // PNG charts from the GUI
    bool svgCharts = true;                 // add simple inline SVG bar charts made from the analysis
    // The GUI's charts as PNG, rendered on request with their text labels passed through `label`
    // (the report's redaction when it redacts). QTextDocument (the PDF) cannot draw inline SVG.
    std::function<QByteArray(const std::function<QString(const QString &)> &label)> chartImage;
    QList<ReportScript> scripts;
    QList<Note> notes;                     // from the case file
    QList<FindingStateEntry> findingStates;
    int maxEvidencePerFinding = 10;
    int maxSessionsPerFinding = 20;
    int maxJourneys = 50;
    // Reads one evidence line; defaults to Store::recordText.
    std::function<QString(const RecordRef &)> recordText;
};

// Key under which a finding's state and notes are stored: its servers, or the first session, then
// its groupKey when it has one (findings of one rule on one server that differ by code, party ...).
QString findingKey(const Finding &finding);

QString buildHtmlReport(const Analysis &analysis, const ReportOptions &options = {});

// Writes the report atomically (QSaveFile): an existing file is replaced only when all is written.
Result<void> writeHtmlReport(const Analysis &analysis, const QString &path, const ReportOptions &options = {});

// A horizontal bar chart as inline SVG text; labels are escaped.
QString svgBarChart(const QString &title, const QList<QPair<QString, qint64>> &bars);

} // namespace mwb
