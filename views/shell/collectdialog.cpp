#include "views/shell/collectdialog.h"

#include "model/core/collection/collectionscript.h"
#include "model/core/remediation/powershellwriter.h"
#include "views/common/filedialogs.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace mwb::views {

CollectDialog::CollectDialog(QWidget *parent)
    : QDialog(parent), m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)), m_servers(new QLineEdit(this)),
      m_exo(new QCheckBox(tr("Also write the &Exchange Online script (connectors, message trace of the window)"), this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("collectDialog"));
    setWindowTitle(tr("Collect Evidence"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setCalendarPopup(true);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    setWindow(now.addSecs(-24 * 3600), now);
    m_servers->setPlaceholderText(tr("empty: every transport server Get-TransportService lists; else EX01,EX02"));
    auto *intro = new QLabel(tr("The script copies the SMTP protocol, message tracking and connectivity logs of every transport "
                                "server for the window, and the transport configuration (connectors, certificates without "
                                "private keys, accepted domains, servers) as JSON, into one zip with a manifest. It only reads: "
                                "it changes nothing in Exchange, Active Directory, services, the registry or the firewall. Run "
                                "it in the Exchange Management Shell; run it on each Edge server separately."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Servers:"), m_servers);
    form->addRow(QString(), m_exo);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("collectStatus"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("&Write Script\u2026"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString folder = filedialogs::folder(this, tr("Folder for the collection script"), filedialogs::Purpose::Scripts);
        if (!folder.isEmpty())
            writeTo(folder);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 380);
}

void CollectDialog::setWindow(const QDateTime &from, const QDateTime &to)
{
    m_from->setDateTime(from.toUTC());
    m_to->setDateTime(to.toUTC());
}

bool CollectDialog::writeTo(const QString &folder)
{
    collection::CollectionRequest request;
    request.from = m_from->dateTime().toUTC();
    request.to = m_to->dateTime().toUTC();
    for (const QString &s : m_servers->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        request.servers << s.trimmed();
    request.toolVersion = QStringLiteral(MWB_VERSION);
    const auto scripts = collection::writeCollectionScripts(request, m_exo->isChecked());
    if (!scripts.ok()) {
        m_status->setText(scripts.errorMessage());
        return false;
    }
    QStringList written;
    auto write = [&](const QString &name, const QString &text) {
        const QString path = QDir(folder).filePath(name);
        QSaveFile file(path);
        // UTF-8 with BOM and CRLF: what Windows PowerShell 5.1 reads right (remediation's writer).
        if (!file.open(QIODevice::WriteOnly) || file.write(remediation::scriptFileBytes(text)) < 0 || !file.commit()) {
            m_status->setText(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            return false;
        }
        written << QDir::toNativeSeparators(path);
        return true;
    };
    if (!write(QStringLiteral("Collect-MailflowEvidence.ps1"), scripts->server))
        return false;
    if (m_exo->isChecked() && !write(QStringLiteral("Collect-ExchangeOnlineEvidence.ps1"), scripts->exchangeOnline))
        return false;
    m_status->setText(tr("Wrote %1. Copy it to an Exchange server, run it in the Exchange Management Shell, then drop the zip it "
                         "makes on this window.")
                          .arg(written.join(QStringLiteral(", "))));
    return true;
}

QString CollectDialog::statusText() const
{
    return m_status->text();
}

} // namespace mwb::views
