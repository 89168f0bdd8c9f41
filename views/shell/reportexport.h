#pragma once
// File > Export Report: the report HTML from the core (model/core/cases/report.h), written as
// HTML or printed to PDF, optionally redacted for sharing, with a preview of the replacements.
#include "model/core/cases/report.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mwb::views {

enum class ReportFormat { Html, Pdf };

struct ReportExportSettings {
    bool redact = false;
    QStringList allowedDomains = RedactionOptions::defaultAllowedDomains();
};

// The report for settings. Pseudonyms depend only on the analysis and the options, so a
// preview made with the same settings shows exactly what the written file will contain.
QString buildReport(const Analysis &analysis, ReportOptions options, const ReportExportSettings &settings,
                    QList<Replacement> *replacements = nullptr);

// Prints report HTML to a PDF file (QTextDocument + QPrinter); embedded data: images are kept.
Result<void> writeReportPdf(const QString &html, const QString &path);

// Asks for redaction and shows what it will replace before anything is written.
class ExportReportDialog : public QDialog {
    Q_OBJECT
public:
    using Previewer = std::function<QList<Replacement>(const ReportExportSettings &)>;
    ExportReportDialog(ReportFormat format, Previewer previewer, QWidget *parent = nullptr);

    ReportExportSettings settings() const;
    void setRedact(bool redact);
    void setAllowedDomains(const QStringList &domains);
    // Fills the preview table (original -> pseudonym) for the current settings.
    void updatePreview();
    QTableWidget *previewTable() const { return m_table; }

private:
    Previewer m_previewer;
    QCheckBox *m_redact;
    QLineEdit *m_allowed;
    QPushButton *m_previewButton;
    QTableWidget *m_table;
    QLabel *m_summary;
};

} // namespace mwb::views
