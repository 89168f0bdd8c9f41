#include "views/console/domaincheckdialog.h"

#include "model/core/smtp/domaincheck.h"
#include "views/common/filedialogs.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mwb::views {

DomainCheckDialog::DomainCheckDialog(QWidget *parent)
    : QDialog(parent), m_domain(new QLineEdit(this)), m_expected(new QLineEdit(this)), m_resolver(new QLineEdit(this)),
      m_run(new QPushButton(tr("&Check"), this)), m_save(new QPushButton(tr("&Save Report\u2026"), this)), m_state(new QLabel(this)),
      m_table(new QTableWidget(0, 4, this))
{
    setObjectName(QStringLiteral("domainCheckDialog"));
    setWindowTitle(tr("Check Domain"));
    m_domain->setObjectName(QStringLiteral("checkDomain"));
    m_domain->setPlaceholderText(tr("contoso.com"));
    m_expected->setPlaceholderText(tr("optional: <I>issuer<S>subject the hybrid connectors expect"));
    m_resolver->setPlaceholderText(tr("optional: resolver IP[:port]; empty = the system's"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Domain:"), m_domain);
    form->addRow(tr("E&xpected certificate:"), m_expected);
    form->addRow(tr("&Resolver:"), m_resolver);
    m_table->setObjectName(QStringLiteral("checkResults"));
    m_table->setHorizontalHeaderLabels({tr("Check"), tr("MX"), tr("Result"), tr("Detail")});
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_save->setEnabled(false);
    auto *openScenarioButton = new QPushButton(tr("Open &Scenario"), this);
    openScenarioButton->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_state, 1);
    buttons->addWidget(openScenarioButton);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    resize(980, 560);

    connect(m_run, &QPushButton::clicked, this, &DomainCheckDialog::startCheck);
    connect(m_domain, &QLineEdit::returnPressed, this, &DomainCheckDialog::startCheck);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this, openScenarioButton] {
        const int row = m_table->currentRow();
        openScenarioButton->setEnabled(row >= 0 && m_table->item(row, 0) && !m_table->item(row, 0)->data(Qt::UserRole).toString().isEmpty());
    });
    connect(openScenarioButton, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || !m_table->item(row, 0))
            return;
        QMap<QString, QString> parameters;
        if (const QString mx = m_table->item(row, 1)->text(); !mx.isEmpty())
            parameters.insert(QStringLiteral("Fqdn"), mx);
        Q_EMIT openScenario(m_table->item(row, 0)->data(Qt::UserRole).toString(), parameters);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!m_check)
            return;
        const QString path = filedialogs::saveFile(this, tr("Save domain check report"), filedialogs::Purpose::Exports,
                                                   tr("domain-check.html"), tr("HTML (*.html)"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_check->report().toHtml().toUtf8()) < 0 || !file.commit())
            m_state->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
        else
            m_state->setText(tr("Saved the report to %1").arg(path));
    });
}

DomainCheckDialog::~DomainCheckDialog() = default;

void DomainCheckDialog::setDomain(const QString &domain)
{
    m_domain->setText(domain);
}

void DomainCheckDialog::startCheck()
{
    const QString domain = m_domain->text().trimmed();
    if (domain.isEmpty()) {
        m_state->setText(tr("Type the domain to check."));
        return;
    }
    smtp::Resolver resolver;
    QString error;
    if (!m_resolver->text().trimmed().isEmpty() && !smtp::Resolver::parse(m_resolver->text().trimmed(), &resolver, &error)) {
        m_state->setText(tr("Resolver: %1").arg(error));
        return;
    }
    m_check = std::make_unique<smtp::DomainCheck>(resolver);
    m_check->setExpectedCertificateName(m_expected->text().trimmed());
    connect(m_check.get(), &smtp::DomainCheck::finished, this, &DomainCheckDialog::showResults);
    m_table->setRowCount(0);
    m_run->setEnabled(false);
    m_save->setEnabled(false);
    m_state->setText(tr("Checking %1: DNS, then every MX with STARTTLS\u2026").arg(domain));
    m_check->start(domain);
}

void DomainCheckDialog::showResults()
{
    m_run->setEnabled(true);
    m_save->setEnabled(true);
    const smtp::DomainCheckReport &report = m_check->report();
    m_table->setRowCount(int(report.checks.size()));
    int fails = 0, warns = 0;
    for (int row = 0; row < report.checks.size(); ++row) {
        const smtp::DomainCheckResult &c = report.checks.at(row);
        auto *id = new QTableWidgetItem(c.id);
        id->setData(Qt::UserRole, c.scenario);
        auto *result = new QTableWidgetItem(c.result == QLatin1String("fail")   ? tr("fail")
                                            : c.result == QLatin1String("warn") ? tr("warn")
                                                                                 : tr("pass"));
        // Colour and an icon, not colour alone.
        const QString icon = c.result == QLatin1String("fail") ? QStringLiteral("error") : c.result == QLatin1String("warn") ? QStringLiteral("warning") : QStringLiteral("delivered");
        result->setIcon(QIcon(QStringLiteral(":/icons/status/%1.svg").arg(icon)));
        result->setForeground(c.result == QLatin1String("fail") ? QColor(0xc8, 0x37, 0x37)
                              : c.result == QLatin1String("warn") ? QColor(0xa0, 0x6a, 0x00)
                                                                  : palette().color(QPalette::Text));
        fails += c.result == QLatin1String("fail");
        warns += c.result == QLatin1String("warn");
        auto *detail = new QTableWidgetItem(c.detail);
        detail->setToolTip(c.scenario.isEmpty() ? c.detail : tr("%1\nScenario: %2").arg(c.detail, c.scenario));
        m_table->setItem(row, 0, id);
        m_table->setItem(row, 1, new QTableWidgetItem(c.mx));
        m_table->setItem(row, 2, result);
        m_table->setItem(row, 3, detail);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->resizeRowsToContents();
    m_state->setText(tr("%1: %2 failed, %3 warned, %4 checks").arg(report.domain).arg(fails).arg(warns).arg(report.checks.size()));
    Q_EMIT finished();
}

int DomainCheckDialog::resultCount() const
{
    return m_table->rowCount();
}

QString DomainCheckDialog::resultText(int row) const
{
    QStringList cells;
    for (int c = 0; c < m_table->columnCount(); ++c)
        cells << (m_table->item(row, c) ? m_table->item(row, c)->text() : QString());
    return cells.join(QStringLiteral(" | "));
}

} // namespace mwb::views
