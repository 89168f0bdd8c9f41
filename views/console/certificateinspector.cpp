#include "views/console/certificateinspector.h"

#include "views/common/theme.h"
#include "model/core/common/safetext.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mwb::views {
namespace {

QString badge(bool good, const QString &text, const QPalette &palette)
{
    // Colour plus a word, so the state does not depend on colour alone. The shared verdict colours
    // stay readable on a dark palette too.
    const StatusColors colors = statusColors(palette);
    const QString colour = (good ? colors.good : colors.bad).name();
    return QStringLiteral("<span style='color:%1;font-weight:600'>%2</span>").arg(colour, text.toHtmlEscaped());
}

} // namespace

CertificateInspector::CertificateInspector(QWidget *parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_verification(new QLabel(this)),
      m_nameCheck(new QLabel(this)),
      m_chain(new QTreeWidget(this)),
      m_tlsName(new QLineEdit(this)),
      m_copyThumbprint(new QPushButton(tr("Copy thumbprint"), this)),
      m_copyTlsName(new QPushButton(tr("Copy"), this)),
      m_scenario(new QPushButton(tr("Fix in the certificate scenario…"), this))
{
    setObjectName(QStringLiteral("certificateInspector"));
    for (QLabel *l : {m_summary, m_verification, m_nameCheck}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_chain->setColumnCount(2);
    m_chain->setHeaderLabels({tr("Field"), tr("Value")});
    m_chain->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_chain->setAlternatingRowColors(true);
    m_chain->setUniformRowHeights(true);
    m_tlsName->setReadOnly(true);
    m_tlsName->setPlaceholderText(tr("<I>issuer<S>subject appears after STARTTLS"));
    m_tlsName->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *tlsNameLabel = new QLabel(tr("TlsCertificateName:"), this);
    tlsNameLabel->setBuddy(m_tlsName);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(tlsNameLabel);
    nameRow->addWidget(m_tlsName, 1);
    nameRow->addWidget(m_copyTlsName);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyThumbprint);
    buttons->addStretch(1);
    buttons->addWidget(m_scenario);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_verification);
    layout->addWidget(m_nameCheck);
    layout->addWidget(m_chain, 1);
    layout->addLayout(nameRow);
    layout->addLayout(buttons);

    // Names for screen readers; Tab goes down the page as it is laid out.
    m_summary->setAccessibleName(tr("TLS summary"));
    m_verification->setAccessibleName(tr("Certificate verification"));
    m_nameCheck->setAccessibleName(tr("Certificate name check"));
    m_chain->setAccessibleName(tr("Certificate chain"));
    m_tlsName->setAccessibleName(tr("TlsCertificateName"));
    m_copyTlsName->setAccessibleName(tr("Copy TlsCertificateName"));
    m_copyThumbprint->setAccessibleName(tr("Copy thumbprint"));
    m_scenario->setAccessibleName(tr("Fix in the certificate scenario"));
    setTabOrder(m_chain, m_tlsName);
    setTabOrder(m_tlsName, m_copyTlsName);
    setTabOrder(m_copyTlsName, m_copyThumbprint);
    setTabOrder(m_copyThumbprint, m_scenario);

    connect(m_copyTlsName, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(escapeControls(m_tlsName->text())); });
    connect(m_copyThumbprint, &QPushButton::clicked, this, [this] {
        if (!m_info.chain.isEmpty())
            QApplication::clipboard()->setText(m_info.chain.first().thumbprint);
    });
    connect(m_scenario, &QPushButton::clicked, this, [this] { emit openCertificateScenario(scenarioParameters()); });
    clear();
}

void CertificateInspector::clear()
{
    m_info = {};
    m_summary->setText(tr("No TLS session yet. Connect with STARTTLS or implicit TLS to inspect the certificate."));
    m_verification->clear();
    m_nameCheck->clear();
    m_chain->clear();
    m_tlsName->clear();
    m_copyThumbprint->setEnabled(false);
    m_copyTlsName->setEnabled(false);
    m_scenario->setEnabled(false);
}

QMap<QString, QString> CertificateInspector::scenarioParameters() const
{
    QMap<QString, QString> p;
    if (m_info.chain.isEmpty())
        return p;
    const auto &leaf = m_info.chain.first();
    p.insert(QStringLiteral("Thumbprint"), leaf.thumbprint);
    p.insert(QStringLiteral("Fqdn"), m_fqdn.isEmpty() ? leaf.commonName() : m_fqdn);
    p.insert(QStringLiteral("TlsCertificateName"), leaf.tlsCertificateName());
    return p;
}

void CertificateInspector::setTlsInfo(const mwb::smtp::TlsInfo &info, const QString &fqdn)
{
    clear();
    m_info = info;
    m_fqdn = fqdn;
    if (!info.established)
        return;
    m_summary->setText(tr("<b>%1</b>, cipher <b>%2</b> (%3 bits), %4 certificate(s) in the chain")
                           .arg(info.protocol.toHtmlEscaped(), info.cipher.toHtmlEscaped())
                           .arg(info.cipherBits)
                           .arg(info.chain.size()));
    m_verification->setText(tr("Verification: %1").arg(badge(info.verified, info.verificationSummary, palette())));
    if (info.nameCheck.checked)
        m_nameCheck->setText(tr("Name check for %1: %2")
                                 .arg(info.nameCheck.expected.toHtmlEscaped(),
                                      badge(info.nameCheck.matches, info.nameCheck.explanation, palette())));
    else
        m_nameCheck->setText(tr("Name check: enter the FQDN you expect (the connector's FQDN) to check the names."));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < info.chain.size(); ++i) {
        const auto &c = info.chain.at(i);
        auto *top = new QTreeWidgetItem(m_chain, {i == 0 ? tr("Server certificate") : tr("Issuer %1").arg(i), c.subject});
        top->setFirstColumnSpanned(false);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        const CertificateKey key = c.key();
        const QString validity = QStringLiteral("%1 → %2").arg(c.notBefore().toString(Qt::ISODate), c.notAfter().toString(Qt::ISODate))
                                 + (c.isExpired(now) ? tr("  (EXPIRED)") : c.isNotYetValid(now) ? tr("  (not yet valid)") : QString());
        const QList<QPair<QString, QString>> rows = {
            {tr("Subject"), c.subject},
            {tr("Issuer"), c.issuer},
            {tr("Alternative names"), c.alternateNames.join(QStringLiteral(", "))},
            {tr("Valid"), validity},
            {tr("Key"), QStringLiteral("%1 %2 bits").arg(key.type).arg(key.bits)},
            {tr("Signature"), c.signatureAlgorithm()},
            {tr("Serial number"), c.serial},
            {tr("Thumbprint (SHA-1)"), c.thumbprint},
            {tr("SHA-256"), c.sha256()},
            {tr("Self-signed"), c.selfSigned ? tr("yes") : tr("no")},
        };
        for (const auto &row : rows) {
            auto *item = new QTreeWidgetItem(top, {row.first, row.second});
            item->setToolTip(1, row.second);
            if (row.first == tr("Valid") && (c.isExpired(now) || c.isNotYetValid(now)))
                item->setForeground(1, statusColors(palette()).bad);
        }
        top->setExpanded(i == 0);
    }
    if (!info.chain.isEmpty()) {
        m_tlsName->setText(info.chain.first().tlsCertificateName());
        m_tlsName->setCursorPosition(0);
        m_copyThumbprint->setEnabled(true);
        m_copyTlsName->setEnabled(true);
        m_scenario->setEnabled(true);
    }
}

} // namespace mwb::views
