#include "views/sessions/findingsview.h"

#include "model/core/diagnosis/knowledgebase.h"
#include "model/core/sessions/store.h"
#include "model/itemmodels/outcomestyle.h"
#include "views/common/theme.h"

#include <QApplication>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace mwb::views {

namespace {

// The finding's title, elided in the middle, with its servers and count as a grey badge at the
// right edge, so that ten look-alike rows stay distinct at the dock's default width; a symptom is
// indented under its cause with an arrow.
class FindingTitleDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        const QString badge = index.data(FindingsModel::BadgeRole).toString();
        const bool symptom = index.data(FindingsModel::CausedByRole).toInt() >= 0;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -4, 0);
        // The severity's icon leads the row (its own column is hidden to give the title the room;
        // the colour and the tooltip carry it too).
        const QIcon severity = index.siblingAtColumn(FindingsModel::SeverityColumn).data(Qt::DecorationRole).value<QIcon>();
        if (!severity.isNull()) {
            const int side = std::min(r.height() - 2, 16);
            severity.paint(painter, QRect(r.left(), r.top() + (r.height() - side) / 2, side, side));
            r.setLeft(r.left() + side + 6);
        }
        const QFontMetrics fm(opt.font);
        QString prefix;
        if (symptom)
            prefix = QStringLiteral("\u21b3 ");
        const int badgeWidth = badge.isEmpty() ? 0 : std::min(fm.horizontalAdvance(badge), r.width() * 2 / 5) + 10;
        const int room = std::max(0, r.width() - badgeWidth - fm.horizontalAdvance(prefix));
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, prefix + fm.elidedText(title, Qt::ElideMiddle, room));
        if (!badge.isEmpty()) {
            QColor grey = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
            painter->setPen(grey);
            painter->drawText(r, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(badge, Qt::ElideRight, std::max(0, r.width() * 2 / 5)));
        }
        painter->restore();
    }
};

} // namespace

FindingsView::FindingsView(QWidget *parent)
    : QWidget(parent), m_model(new FindingsModel(this)), m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FindingsModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("findingsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FindingsModel::SeverityColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    // The title takes what the dock has: its badge (servers, count) stands at the dock's right edge
    // at any width. Count, servers and time span are in the badge, the tooltip and the details;
    // their columns are hidden unless the admin shows them (header menu).
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FindingsModel::Title, QHeaderView::Stretch);
    header->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(FindingsModel::Count, 60);
    for (int c : {int(FindingsModel::SeverityColumn), int(FindingsModel::Count), int(FindingsModel::Servers), int(FindingsModel::TimeSpan)})
        header->setSectionHidden(c, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QHeaderView *h = m_table->horizontalHeader();
        QMenu menu(this);
        for (int c : {int(FindingsModel::SeverityColumn), int(FindingsModel::Count), int(FindingsModel::Servers), int(FindingsModel::TimeSpan)}) {
            QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
            a->setCheckable(true);
            a->setChecked(!h->isSectionHidden(c));
            connect(a, &QAction::toggled, h, [h, c](bool on) { h->setSectionHidden(c, !on); });
        }
        menu.exec(h->viewport()->mapToGlobal(pos));
    });
    m_table->setWordWrap(false);
    m_table->setItemDelegateForColumn(FindingsModel::Title, new FindingTitleDelegate(m_table));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentFindingChanged(currentFinding()); });
}

void FindingsView::setFindings(const QList<Finding> &findings)
{
    // Titles and explanations in the UI language (the engine keeps English for the CLI contract).
    m_model->setFindings(KnowledgeBase::localized(findings));
    Q_EMIT currentFindingChanged(nullptr);
}

const Finding *FindingsView::currentFinding() const
{
    const QModelIndex idx = m_table->currentIndex();
    return idx.isValid() ? m_model->findingAt(m_proxy->mapToSource(idx).row()) : nullptr;
}

void FindingsView::selectRule(const QString &rule)
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->findingAt(r)->rule == rule) {
            const QModelIndex idx = m_proxy->mapFromSource(m_model->index(r, 0));
            m_table->setCurrentIndex(idx);
            m_table->selectRow(idx.row());
            return;
        }
    }
}

FindingDetails::FindingDetails(QWidget *parent)
    : QWidget(parent), m_text(new QTextBrowser(this)), m_showSessions(new QPushButton(tr("Show &sessions"), this)),
      m_wizard(new QPushButton(actionIcon(QStringLiteral("wizard")), tr("Open in &wizard"), this))
{
    m_text->setObjectName(QStringLiteral("findingDetails"));
    m_text->setOpenLinks(false);
    m_showSessions->setIcon(actionIcon(QStringLiteral("filter")));
    m_showSessions->setToolTip(tr("Show the sessions of this finding in the sessions table"));
    m_wizard->setToolTip(tr("Open the remediation wizard with the scenario and parameters of this finding"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showSessions);
    buttons->addWidget(m_wizard);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    connect(m_showSessions, &QPushButton::clicked, this, [this] {
        if (m_finding)
            Q_EMIT showSessions(*m_finding);
    });
    connect(m_wizard, &QPushButton::clicked, this, [this] {
        if (m_finding && !m_finding->scenario.isEmpty())
            Q_EMIT openInWizard(m_finding->scenario, m_finding->parameters);
    });
    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (!m_finding || url.scheme() != QLatin1String("evidence"))
            return;
        const int i = url.path().toInt();
        if (i >= 0 && i < m_finding->evidence.size())
            Q_EMIT evidenceActivated(m_finding->evidence.at(i));
    });
    setFinding(nullptr);
}

void FindingDetails::setFinding(const Finding *finding)
{
    if (!finding) {
        m_finding.reset();
        m_text->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Select a finding to see what it means and the log lines that prove it.").toHtmlEscaped()));
        m_showSessions->setEnabled(false);
        m_wizard->setEnabled(false);
        return;
    }
    m_finding = *finding;
    const Finding &f = *finding;
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<h3 style=\"color:%1\">%2</h3>").arg(severityColor(f.severity).name(), esc(f.title.isEmpty() ? f.rule : f.title));
    html += QStringLiteral("<p><code>%1</code> \u2014 %2 \u2014 %3</p>")
                .arg(esc(f.rule), esc(severityLabel(f.severity)), esc(tr("%n occurrence(s)", nullptr, f.count)));
    // Explanations are written with blank lines between paragraphs.
    for (const QString &para : f.explanation.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>%1</p>").arg(esc(para).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    QStringList facts;
    if (!f.servers.isEmpty())
        facts << tr("Servers: %1").arg(f.servers.join(QStringLiteral(", ")));
    if (!f.codes.isEmpty())
        facts << tr("Codes: %1").arg(f.codes.join(QStringLiteral(", ")));
    if (f.firstMs != kNoTime)
        facts << tr("From %1 to %2 (UTC)").arg(formatTime(f.firstMs, TimeDisplay::Utc), formatTime(f.lastMs, TimeDisplay::Utc));
    if (!f.messageIds.isEmpty())
        facts << tr("Messages: %1").arg(f.messageIds.mid(0, 10).join(QStringLiteral(", ")));
    if (!f.scenario.isEmpty())
        facts << tr("Remediation scenario: %1").arg(f.scenario);
    if (!facts.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const QString &fact : facts)
            html += QStringLiteral("<li>%1</li>").arg(esc(fact));
        html += QStringLiteral("</ul>");
    }
    if (!f.evidence.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"2\">").arg(esc(tr("Evidence")));
        for (int i = 0; i < f.evidence.size(); ++i) {
            const RecordRef &ref = f.evidence.at(i);
            QString file = tr("file %1").arg(ref.fileIndex);
            QString line;
            if (m_store && ref.fileIndex >= 0 && ref.fileIndex < m_store->files.size()) {
                file = QFileInfo(m_store->files.at(ref.fileIndex).path).fileName();
                line = m_store->recordText(ref);
            }
            html += QStringLiteral("<tr><td><a href=\"evidence:%1\">%2:%3</a></td><td><code>%4</code></td></tr>")
                        .arg(i).arg(esc(file)).arg(ref.line).arg(esc(line));
        }
        html += QStringLiteral("</table>");
    }
    m_text->setHtml(html);
    m_showSessions->setEnabled(!f.sessionIndexes.isEmpty() || !f.sessions.isEmpty());
    m_wizard->setEnabled(!f.scenario.isEmpty());
}

QString FindingDetails::text() const
{
    return m_text->toPlainText();
}

} // namespace mwb::views
