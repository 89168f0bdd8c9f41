#include "views/shell/reportexport.h"

#include <QMap>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPageLayout>
#include <QPrinter>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace mwb::views {

namespace {

// QTextDocument does not decode data: URLs itself; the report embeds its chart images that way.
class ReportDocument : public QTextDocument {
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("data")) {
            const QString spec = name.toString(QUrl::FullyEncoded);
            const int comma = spec.indexOf(QLatin1Char(','));
            if (comma > 0 && spec.left(comma).endsWith(QLatin1String(";base64"))) {
                QImage image;
                if (image.loadFromData(QByteArray::fromBase64(spec.mid(comma + 1).toLatin1(), QByteArray::Base64Encoding)))
                    return image;
            }
            return {};
        }
        return QTextDocument::loadResource(type, name);
    }
};

QString kindText(RedactionKind kind)
{
    switch (kind) {
    case RedactionKind::Email:
        return ExportReportDialog::tr("Address");
    case RedactionKind::User:
        return ExportReportDialog::tr("User");
    case RedactionKind::Domain:
        return ExportReportDialog::tr("Domain");
    case RedactionKind::Host:
        return ExportReportDialog::tr("Host");
    case RedactionKind::IPv4:
    case RedactionKind::IPv6:
        return ExportReportDialog::tr("IP address");
    case RedactionKind::Subject:
        return ExportReportDialog::tr("Subject");
    case RedactionKind::Guid:
        return ExportReportDialog::tr("GUID");
    case RedactionKind::Tenant:
        return ExportReportDialog::tr("Tenant (provider name)");
    case RedactionKind::Connector:
        return ExportReportDialog::tr("Connector");
    }
    return redactionKindId(kind);
}

} // namespace

QString buildReport(const Analysis &analysis, ReportOptions options, const ReportExportSettings &settings,
                    QList<Replacement> *replacements)
{
    options.redact = settings.redact;
    options.redaction.allowedDomains = settings.allowedDomains;
    if (!settings.redact) {
        options.redactor = nullptr;
        if (replacements)
            replacements->clear();
        return buildHtmlReport(analysis, options);
    }
    Redactor redactor(options.redaction);
    options.redactor = &redactor;
    const QString html = buildHtmlReport(analysis, options);
    if (replacements)
        *replacements = redactor.replacements();
    return html;
}

Result<void> writeReportPdf(const QString &html, const QString &path)
{
    ReportDocument document;
    document.setHtml(html);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    printer.setDocName(document.metaInformation(QTextDocument::DocumentTitle));
    printer.setCreator(QStringLiteral("Mailflow Workbench"));
    document.print(&printer);
    // QPrinter reports no write errors: check that a PDF arrived.
    const QFileInfo written(path);
    if (!written.exists() || written.size() == 0)
        return Result<void>::fail(QObject::tr("Could not write the PDF %1.").arg(path));
    return {};
}

ExportReportDialog::ExportReportDialog(ReportFormat format, Previewer previewer, QWidget *parent)
    : QDialog(parent), m_previewer(std::move(previewer))
{
    setObjectName(QStringLiteral("exportReportDialog"));
    setWindowTitle(format == ReportFormat::Pdf ? tr("Export Report as PDF") : tr("Export Report as HTML"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The report contains the summary, the findings with evidence, message journeys, charts, "
                                "generated scripts and your notes."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_redact = new QCheckBox(tr("&Redact for sharing (replace addresses, user names, domains, IP addresses, host names "
                                "and subjects with pseudonyms)"), this);
    m_redact->setObjectName(QStringLiteral("redactCheck"));
    m_redact->setAccessibleName(tr("Redact for sharing"));
    layout->addWidget(m_redact);

    auto *form = new QFormLayout;
    m_allowed = new QLineEdit(RedactionOptions::defaultAllowedDomains().join(QStringLiteral(", ")), this);
    m_allowed->setObjectName(QStringLiteral("allowedDomains"));
    m_allowed->setAccessibleName(tr("Domains kept as they are"));
    m_allowed->setToolTip(tr("Comma-separated; sub-domains are kept too"));
    auto *allowedLabel = new QLabel(tr("&Keep these domains:"), this);
    allowedLabel->setBuddy(m_allowed);
    form->addRow(allowedLabel, m_allowed);
    layout->addLayout(form);

    m_previewButton = new QPushButton(tr("&Preview Replacements"), this);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    layout->addWidget(m_previewButton, 0, Qt::AlignLeft);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("redactionPreview"));
    m_table->setAccessibleName(tr("Replacements: original and pseudonym"));
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Original"), tr("Pseudonym")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setMinimumSize(560, 240);
    layout->addWidget(m_table, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *exportButton = buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::AcceptRole);
    exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto sync = [this] {
        const bool on = m_redact->isChecked();
        m_allowed->setEnabled(on);
        m_previewButton->setEnabled(on);
        m_table->setEnabled(on);
        if (!on) {
            m_table->setRowCount(0);
            m_summary->setText(tr("Nothing is replaced: the report shows the logs as they are."));
        }
    };
    connect(m_redact, &QCheckBox::toggled, this, [this, sync](bool on) {
        sync();
        if (on)
            updatePreview();
    });
    connect(m_previewButton, &QPushButton::clicked, this, &ExportReportDialog::updatePreview);
    connect(m_allowed, &QLineEdit::editingFinished, this, [this] {
        if (m_redact->isChecked())
            updatePreview();
    });
    setTabOrder(m_redact, m_allowed);
    setTabOrder(m_allowed, m_previewButton);
    setTabOrder(m_previewButton, m_table);
    sync();
}

ReportExportSettings ExportReportDialog::settings() const
{
    ReportExportSettings s;
    s.redact = m_redact->isChecked();
    s.allowedDomains.clear();
    for (const QString &part : m_allowed->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString domain = part.trimmed().toLower();
        if (!domain.isEmpty())
            s.allowedDomains << domain;
    }
    return s;
}

void ExportReportDialog::setRedact(bool redact)
{
    m_redact->setChecked(redact);
}

void ExportReportDialog::setAllowedDomains(const QStringList &domains)
{
    m_allowed->setText(domains.join(QStringLiteral(", ")));
}

void ExportReportDialog::updatePreview()
{
    const QList<Replacement> replacements = m_previewer ? m_previewer(settings()) : QList<Replacement>{};
    m_table->setRowCount(int(replacements.size()));
    for (int row = 0; row < replacements.size(); ++row) {
        const Replacement &r = replacements.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(kindText(r.kind)));
        m_table->setItem(row, 1, new QTableWidgetItem(r.original));
        m_table->setItem(row, 2, new QTableWidgetItem(r.pseudonym));
    }
    m_table->resizeColumnsToContents();
    // Every class with its count, in a fixed order, so a missing class is as visible as a present one.
    QMap<QString, int> counts;
    for (const Replacement &r : replacements)
        ++counts[kindText(r.kind)];
    QStringList perClass;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        perClass << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    m_summary->setText(tr("%n value(s) will be replaced; SMTP codes, times and the structure stay as they are.", nullptr,
                          int(replacements.size()))
                       + (perClass.isEmpty() ? QString() : QStringLiteral("\n") + perClass.join(QStringLiteral(" \u00b7 "))));
}

} // namespace mwb::views
