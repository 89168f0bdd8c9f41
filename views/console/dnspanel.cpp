#include "views/console/dnspanel.h"

#include "views/common/theme.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

namespace mwb::views {

DnsPanel::DnsPanel(QWidget *parent)
    : QWidget(parent),
      m_query(new QLineEdit(this)),
      m_resolver(new QLineEdit(this)),
      m_run(new QPushButton(tr("Look up"), this)),
      m_probeMx(new QPushButton(tr("Probe MX in priority order"), this)),
      m_status(new QLabel(this)),
      m_results(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("dnsPanel"));
    m_query->setPlaceholderText(tr("domain or IP address"));
    m_resolver->setPlaceholderText(tr("resolver IP[:port] (empty = system)"));
    m_results->setColumnCount(2);
    m_results->setHeaderLabels({tr("Record"), tr("Answer")});
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_probeMx->setEnabled(false);
    m_status->setWordWrap(true);
    auto *queryLabel = new QLabel(tr("Name or IP:"), this);
    queryLabel->setBuddy(m_query);
    auto *resolverLabel = new QLabel(tr("Resolver:"), this);
    resolverLabel->setBuddy(m_resolver);
    m_query->setAccessibleName(tr("Name or IP address to look up"));
    m_resolver->setAccessibleName(tr("Resolver"));
    m_run->setAccessibleName(tr("Look up"));
    m_probeMx->setAccessibleName(tr("Probe MX in priority order"));
    m_status->setAccessibleName(tr("DNS status"));
    m_results->setAccessibleName(tr("DNS answers"));
    auto *grid = new QGridLayout(this);
    grid->addWidget(queryLabel, 0, 0);
    grid->addWidget(m_query, 0, 1);
    grid->addWidget(m_run, 0, 2);
    grid->addWidget(resolverLabel, 1, 0);
    grid->addWidget(m_resolver, 1, 1);
    grid->addWidget(m_probeMx, 1, 2);
    grid->addWidget(m_status, 2, 0, 1, 3);
    grid->addWidget(m_results, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    // Tab: what to ask, whom to ask, then the buttons and the answers (not row by row, which
    // would put "Look up" before the resolver field).
    setTabOrder(m_query, m_resolver);
    setTabOrder(m_resolver, m_run);
    setTabOrder(m_run, m_probeMx);
    setTabOrder(m_probeMx, m_results);
    connect(m_run, &QPushButton::clicked, this, [this] { lookup(m_query->text(), m_resolver->text()); });
    connect(m_query, &QLineEdit::returnPressed, m_run, &QPushButton::click);
    connect(m_probeMx, &QPushButton::clicked, this, [this] { emit probeMxInOrderRequested(mxHosts()); });
    connect(m_results, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString host = item->data(0, Qt::UserRole).toString();
        if (!host.isEmpty())
            emit connectRequested(host);
    });
}

QStringList DnsPanel::mxHosts() const
{
    QStringList hosts;
    for (const auto &mx : m_report.mx)
        hosts.append(mx.exchange);
    return hosts;
}

void DnsPanel::lookup(const QString &nameOrAddress, const QString &resolverText)
{
    const QString query = nameOrAddress.trimmed();
    if (query.isEmpty()) {
        m_status->setText(tr("Enter a domain name or an IP address."));
        return;
    }
    mwb::smtp::Resolver resolver;
    QString error;
    if (!resolverText.trimmed().isEmpty() && !mwb::smtp::Resolver::parse(resolverText, &resolver, &error)) {
        m_status->setText(error);
        return;
    }
    m_query->setText(query);
    m_resolver->setText(resolverText);
    if (m_probe)
        m_probe->deleteLater();
    m_probe = new mwb::smtp::DnsProbe(resolver, this);
    connect(m_probe, &mwb::smtp::DnsProbe::finished, this, [this, probe = m_probe.data()] {
        if (probe != m_probe)
            return;
        show(probe->report());
        emit finished();
    });
    m_run->setEnabled(false);
    m_status->setText(tr("Asking %1…").arg(resolver.toString()));
    m_probe->start(query);
}

void DnsPanel::show(const mwb::smtp::DnsReport &r)
{
    m_report = r;
    m_run->setEnabled(true);
    m_results->clear();
    const auto add = [this](const QString &group, const QStringList &values, const QString &empty) {
        auto *top = new QTreeWidgetItem(m_results, {group, values.isEmpty() ? empty : QString::number(values.size())});
        for (const QString &v : values)
            new QTreeWidgetItem(top, {QString(), v});
        top->setExpanded(true);
        return top;
    };
    if (!r.isAddress) {
        auto *mx = new QTreeWidgetItem(m_results, {tr("MX"), r.mx.isEmpty() ? tr("none: mail goes to the A record, if any") : tr("%1 host(s), double-click to connect").arg(r.mx.size())});
        for (const auto &m : r.mx) {
            auto *item = new QTreeWidgetItem(mx, {QString::number(m.preference), m.exchange + QStringLiteral("  ") + r.mxAddresses.value(m.exchange).join(QStringLiteral(", "))});
            item->setData(0, Qt::UserRole, m.exchange);
        }
        mx->setExpanded(true);
        add(tr("A"), r.a, tr("none"));
        add(tr("AAAA"), r.aaaa, tr("none"));
        add(tr("SPF"), r.spf, tr("none: receivers cannot check who may send for this domain"));
        add(tr("DMARC"), r.dmarc, tr("none"));
        // Transport security as sending servers (Exchange Online among them) see it in 2026.
        const StatusColors colors = statusColors(palette());
        auto *sts = new QTreeWidgetItem(m_results, {tr("MTA-STS"), !r.mtaSts.record.valid
                                                         ? (r.mtaSts.records.isEmpty() ? tr("none") : tr("invalid: %1").arg(r.mtaSts.record.problem))
                                                         : !r.mtaSts.policy.fetched
                                                         ? tr("record id=%1, policy not fetched: %2").arg(r.mtaSts.record.id, r.mtaSts.policy.error)
                                                         : tr("mode %1, max_age %2 s").arg(r.mtaSts.policy.policy.mode).arg(r.mtaSts.policy.policy.maxAge)});
        if (r.mtaSts.policy.fetched) {
            if (!r.mtaSts.policy.contentTypeValid) {
                // Words and colour: senders ignore a policy served as anything but text/plain.
                auto *type = new QTreeWidgetItem(sts, {tr("Content-Type"),
                                                       tr("NOT USABLE: %1").arg(r.mtaSts.policy.contentTypeProblem)});
                type->setForeground(1, colors.bad);
                sts->setForeground(1, colors.bad);
            }
            for (const QString &pattern : r.mtaSts.policy.policy.mx)
                new QTreeWidgetItem(sts, {tr("mx"), pattern});
            for (auto it = r.mtaSts.mxCovered.cbegin(); it != r.mtaSts.mxCovered.cend(); ++it) {
                auto *item = new QTreeWidgetItem(sts, {it.key(), it.value() ? tr("covered by the policy") : tr("NOT covered: senders that enforce the policy refuse it")});
                item->setForeground(1, it.value() ? colors.good : colors.bad);
            }
        } else if (r.mtaSts.record.valid) {
            sts->setForeground(1, colors.bad);
        }
        sts->setExpanded(true);
        new QTreeWidgetItem(m_results, {tr("TLS-RPT"), r.tlsRpt.record.valid ? r.tlsRpt.record.rua.join(QStringLiteral(", "))
                                                        : r.tlsRpt.records.isEmpty()
                                                        ? tr("none: nobody receives reports of failed TLS to this domain")
                                                        : tr("invalid: %1").arg(r.tlsRpt.record.problem)});
        auto *tlsa = new QTreeWidgetItem(m_results, {tr("TLSA (DANE)"), QString()});
        int withRecords = 0;
        for (const auto &t : r.tlsa) {
            const QString state = !t.error.isEmpty() ? tr("error: %1").arg(t.error)
                                  : t.records.isEmpty() ? tr("none")
                                                        : tr("%n record(s), DNSSEC %1", nullptr, int(t.records.size())).arg(t.dnssec);
            auto *host = new QTreeWidgetItem(tlsa, {t.exchange, state});
            for (const auto &rec : t.records)
                new QTreeWidgetItem(host, {QString(), rec.toString()});
            if (!t.records.isEmpty()) {
                ++withRecords;
                host->setForeground(1, t.dnssec == QLatin1String("validated") ? colors.good : colors.bad);
            }
        }
        tlsa->setText(1, withRecords ? tr("%1 of %2 MX").arg(withRecords).arg(r.tlsa.size()) : tr("none"));
        tlsa->setExpanded(true);
        if (!r.dkimSelector.isEmpty())
            add(tr("DKIM (%1)").arg(r.dkimSelector), r.dkim, tr("none"));
    } else {
        for (const auto &p : r.ptr) {
            auto *ptr = new QTreeWidgetItem(m_results, {tr("PTR"), p.names.isEmpty() ? tr("none") : p.names.join(QStringLiteral(", "))});
            new QTreeWidgetItem(ptr, {QString(), p.explanation});
            const StatusColors colors = statusColors(palette());
            ptr->setForeground(1, p.forwardConfirmed ? colors.good : colors.bad);
            ptr->setExpanded(true);
        }
        auto *bl = new QTreeWidgetItem(m_results, {tr("Block lists"), QString()});
        int listed = 0;
        for (const auto &b : r.blocklists) {
            const QString state = !b.error.isEmpty() ? tr("error: %1").arg(b.error)
                                  : b.listed          ? tr("LISTED %1 — %2").arg(b.answers.join(u' '), b.meanings.join(u' '))
                                                      : tr("not listed");
            auto *item = new QTreeWidgetItem(bl, {b.zone, state});
            if (b.listed) {
                item->setForeground(1, statusColors(palette()).bad);
                ++listed;
            }
        }
        bl->setText(1, listed ? tr("listed on %1").arg(listed) : tr("not listed"));
        bl->setExpanded(true);
    }
    if (!r.errors.isEmpty())
        add(tr("Errors"), r.errors, QString());
    m_probeMx->setEnabled(!r.mx.isEmpty());
    m_status->setText(tr("%1 via %2").arg(r.query, r.resolver));
}

} // namespace mwb::views
