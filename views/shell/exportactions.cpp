#include "views/shell/exportactions.h"

#include "model/core/investigation/investigation.h"
#include "views/common/filedialogs.h"
#include "views/common/theme.h"
#include "views/sessions/chartsview.h"
#include "views/sessions/journeyview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"
#include "views/sessions/workspace.h"
#include "views/shell/shellstatus.h"
#include "views/shell/windowactions.h"

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QPointer>
#include <QSaveFile>

namespace mwb::views {

namespace {

bool isHtmlName(const QString &path)
{
    return path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
}

} // namespace

ExportActions::ExportActions(QWidget *window, Investigation *investigation, Workspace *workspace, ShellStatus *status,
                             std::function<void()> beforeReport)
    : QObject(window), m_window(window), m_investigation(investigation), m_workspace(workspace), m_status(status),
      m_beforeReport(std::move(beforeReport))
{
    m_table = addWindowAction(window, tr("Export Sessions Table as &CSV\u2026"), QStringLiteral("export"), QKeySequence(tr("Ctrl+E")));
    connect(m_table, &QAction::triggered, this, &ExportActions::exportTable);
    m_transcript = addWindowAction(window, tr("Export &Transcript\u2026"), QString(), QKeySequence(tr("Ctrl+Shift+E")));
    connect(m_transcript, &QAction::triggered, this, &ExportActions::exportTranscript);
    m_journey = addWindowAction(window, tr("Export &Journey\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+J")));
    connect(m_journey, &QAction::triggered, this, &ExportActions::exportJourney);
    m_chart = addWindowAction(window, tr("Export C&harts as Image\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+E")));
    connect(m_chart, &QAction::triggered, this, &ExportActions::exportChart);
    m_redact = addWindowAction(window, tr("&Redact Exports"), QString(), QKeySequence());
    m_redact->setCheckable(true);
    m_redact->setToolTip(tr("Replace addresses, domains, IP addresses, host and connector names, GUIDs, user names and "
                            "subjects with pseudonyms in the CSV, transcript, journey and chart exports"));
    m_html = addWindowAction(window, tr("Report as &HTML\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+H")));
    connect(m_html, &QAction::triggered, this, [this] { exportReport(ReportFormat::Html); });
    m_pdf = addWindowAction(window, tr("Report as &PDF\u2026"), QString(), QKeySequence(tr("Ctrl+Alt+P")));
    connect(m_pdf, &QAction::triggered, this, [this] { exportReport(ReportFormat::Pdf); });
}

void ExportActions::addToFileMenu(QMenu *file)
{
    QMenu *exportMenu = file->addMenu(actionIcon(QStringLiteral("export")), tr("E&xport"));
    exportMenu->addAction(m_table);
    exportMenu->addAction(m_transcript);
    exportMenu->addAction(m_journey);
    exportMenu->addAction(m_chart);
    exportMenu->addSeparator();
    exportMenu->addAction(m_redact);
    QMenu *reportMenu = file->addMenu(tr("Export &Report"));
    reportMenu->addAction(m_html);
    reportMenu->addAction(m_pdf);
}

std::unique_ptr<Redactor> ExportActions::exportRedactor() const
{
    if (!m_redact->isChecked())
        return nullptr;
    auto redactor = std::make_unique<Redactor>();
    if (const auto store = m_investigation->store())
        redactor->learnFromStore(*store);
    return redactor;
}

bool ExportActions::writeText(const QString &path, const QString &text, const QString &done)
{
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok) {
        file.write(text.toUtf8());
        ok = file.commit();
    }
    if (!ok) {
        m_status->message(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), MessageBar::Error);
        return false;
    }
    m_status->say(done);
    return true;
}

void ExportActions::exportTable()
{
    const QString path = filedialogs::saveFile(m_window, tr("Export sessions as CSV"), filedialogs::Purpose::Exports, tr("sessions.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const SessionTableModel *model = m_workspace->sessions()->model();
    writeText(path, model->toCsv(exportRedactor().get()), tr("Exported %n session(s) to %1", nullptr, model->rowCount()).arg(path));
}

void ExportActions::exportDocument(const QString &title, const QString &fileName, const Renderer &render, const QString &done)
{
    const QString path = filedialogs::saveFile(m_window, title, filedialogs::Purpose::Exports, fileName, tr("HTML (*.html);;Text (*.txt)"));
    if (path.isEmpty())
        return;
    const std::unique_ptr<Redactor> redactor = exportRedactor();
    writeText(path, render(isHtmlName(path), redactor.get()), done.arg(path));
}

void ExportActions::exportTranscript()
{
    const TranscriptModel *model = m_workspace->transcript()->model();
    exportDocument(tr("Export transcript"), tr("transcript.html"),
                   [model](bool html, Redactor *r) { return html ? model->toHtml(r) : model->toText(r); },
                   tr("Exported the transcript to %1"));
}

void ExportActions::exportJourney()
{
    const JourneyModel *model = m_workspace->journey()->model();
    exportDocument(tr("Export message journey"), tr("journey.html"),
                   [model](bool html, Redactor *r) { return html ? model->toHtml(r) : model->toText(r); },
                   tr("Exported the journey to %1"));
}

void ExportActions::exportChart()
{
    const QString path = filedialogs::saveFile(m_window, tr("Export charts"), filedialogs::Purpose::Exports, tr("charts.png"),
                                               tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    bool written = false;
    if (const std::unique_ptr<Redactor> redactor = exportRedactor()) {
        // Redacted: drawn again with pseudonyms on the labels (the top remote hosts are addresses),
        // as a PNG whatever the name says, since a drawing would carry the real texts.
        const QImage image = m_workspace->charts()->renderImage(QSize(1400, 900), [&redactor](const QString &t) { return redactor->redactText(t); });
        const QString pngPath = QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0 ? path : path + QStringLiteral(".png");
        written = image.save(pngPath, "PNG");
    } else {
        written = m_workspace->charts()->exportImage(path);
    }
    if (!written)
        m_status->message(tr("Could not write %1").arg(path), MessageBar::Error);
    else
        m_status->say(tr("Exported the charts to %1").arg(path));
}

ReportOptions ExportActions::reportOptions() const
{
    const CaseController *caseController = m_investigation->caseController();
    ReportOptions options;
    options.title = caseController->path().isEmpty() ? QString() : tr("Mail flow investigation: %1").arg(caseController->displayName());
    const CaseState &state = caseController->state();
    options.notes = state.notes;
    options.findingStates = state.findingStates;
    for (const WizardRun &run : state.wizardRuns)
        options.scripts.append({tr("Remediation script (%1)").arg(run.scenario), run.scenario, run.script});
    if (m_investigation->store() && !m_investigation->store()->sessions.isEmpty()) {
        // The charts as the admin sees them (same filter and zoom), drawn when the report asks,
        // with the report's pseudonyms on their labels.
        QPointer<ChartsView> charts = m_workspace->charts();
        options.chartImage = [charts](const std::function<QString(const QString &)> &label) {
            QByteArray png;
            if (!charts)
                return png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            charts->renderImage(QSize(1400, 900), label).save(&buffer, "PNG");
            return png;
        };
    }
    return options;
}

Analysis ExportActions::currentAnalysis() const
{
    Analysis analysis;
    // buildHtmlReport only reads the store; Analysis holds it non-const for the loader's sake.
    analysis.store = std::const_pointer_cast<Store>(m_investigation->store());
    analysis.findings = m_investigation->findings();
    return analysis;
}

QList<Replacement> ExportActions::reportRedactionPreview(const ReportExportSettings &settings) const
{
    if (!m_investigation->store())
        return {};
    QList<Replacement> replacements;
    ReportOptions options = reportOptions();
    options.chartImage = nullptr;   // the chart labels are names the store taught the redactor already
    buildReport(currentAnalysis(), options, settings, &replacements);
    return replacements;
}

bool ExportActions::exportReportTo(const QString &path, ReportFormat format, const ReportExportSettings &settings)
{
    if (!m_investigation->store()) {
        m_status->message(tr("Load logs first: the report describes what is loaded."), MessageBar::Info);
        return false;
    }
    m_beforeReport();
    ReportOptions options = reportOptions();
    // QTextDocument, which prints the PDF, cannot draw inline SVG: the PDF has the chart image only.
    options.svgCharts = format == ReportFormat::Html;
    const QString html = buildReport(currentAnalysis(), options, settings);
    const QString done = settings.redact ? tr("Exported the redacted report to %1").arg(QDir::toNativeSeparators(path))
                                         : tr("Exported the report to %1").arg(QDir::toNativeSeparators(path));
    if (format == ReportFormat::Html)
        return writeText(path, html, done);
    if (auto written = writeReportPdf(html, path); !written) {
        m_status->message(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), written.errorMessage()), MessageBar::Error);
        return false;
    }
    m_status->say(done);
    return true;
}

void ExportActions::exportReport(ReportFormat format)
{
    if (!m_investigation->store()) {
        m_status->message(tr("Load logs first: the report describes what is loaded."), MessageBar::Info);
        return;
    }
    ExportReportDialog dialog(format, [this](const ReportExportSettings &s) { return reportRedactionPreview(s); }, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool pdf = format == ReportFormat::Pdf;
    const QString path = filedialogs::saveFile(m_window, pdf ? tr("Export report as PDF") : tr("Export report as HTML"), filedialogs::Purpose::Exports,
                                               pdf ? tr("report.pdf") : tr("report.html"), pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html)"));
    if (!path.isEmpty())
        exportReportTo(path, format, dialog.settings());
}

} // namespace mwb::views
