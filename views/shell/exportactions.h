#pragma once
// File > Export and File > Export Report: the sessions table as CSV, the transcript, the journey,
// the charts and the report, each optionally redacted. The writers live with what they write
// (models, ChartsView, model/core/cases/report); this class asks where and says how it went.
#include "model/core/cases/redaction.h"
#include "views/shell/reportexport.h"

#include <QObject>
#include <functional>
#include <memory>

class QAction;
class QMenu;

namespace mwb {
class Investigation;
}

namespace mwb::views {

class ShellStatus;
class Workspace;

class ExportActions : public QObject {
    Q_OBJECT
public:
    // beforeReport brings the case up to date with the window (the report shows notes and states).
    ExportActions(QWidget *window, Investigation *investigation, Workspace *workspace, ShellStatus *status,
                  std::function<void()> beforeReport);

    void addToFileMenu(QMenu *file);
    QAction *exportTableAction() const { return m_table; }

    // Without dialogs; the preview uses the same pseudonyms as the written file.
    QList<Replacement> reportRedactionPreview(const ReportExportSettings &settings) const;
    bool exportReportTo(const QString &path, ReportFormat format, const ReportExportSettings &settings);

private:
    void exportTable();
    // The transcript and the journey: HTML or text by the chosen name, redacted when asked.
    using Renderer = std::function<QString(bool html, Redactor *redactor)>;
    void exportDocument(const QString &title, const QString &fileName, const Renderer &render, const QString &done);
    void exportTranscript();
    void exportJourney();
    void exportChart();
    void exportReport(ReportFormat format);
    // A redactor for one export (names of the load learned), or none when redaction is off.
    std::unique_ptr<Redactor> exportRedactor() const;
    ReportOptions reportOptions() const;
    Analysis currentAnalysis() const;
    // Written atomically; says how it went.
    bool writeText(const QString &path, const QString &text, const QString &done);

    QWidget *m_window;
    Investigation *m_investigation;
    Workspace *m_workspace;
    ShellStatus *m_status;
    std::function<void()> m_beforeReport;

    QAction *m_table;
    QAction *m_transcript;
    QAction *m_journey;
    QAction *m_chart;
    QAction *m_redact;   // the CSV, transcript, journey and chart exports are redacted
    QAction *m_html;
    QAction *m_pdf;
};

} // namespace mwb::views
