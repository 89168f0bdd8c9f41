#include "views/sessions/journeyview.h"

#include "model/core/sessions/store.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>

namespace mwb::views {

namespace {
constexpr int kNodeSpacing = 190;
constexpr int kMargin = 70;
constexpr int kNodeRadius = 11;
constexpr int kAxisY = 92;
} // namespace

JourneyTimeline::JourneyTimeline(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("journeyTimeline"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
}

void JourneyTimeline::setMessage(const Message &message)
{
    m_message = message;
    m_currentHop = 0;
    updateGeometry();
    update();
}

void JourneyTimeline::setTimeDisplay(TimeDisplay display)
{
    m_timeDisplay = display;
    update();
}

QSize JourneyTimeline::sizeHint() const
{
    return {kMargin * 2 + std::max<int>(1, int(m_message.hops.size()) - 1) * kNodeSpacing, 190};
}

QSize JourneyTimeline::minimumSizeHint() const
{
    return sizeHint();
}

QRect JourneyTimeline::hopRect(int hop) const
{
    const int x = kMargin + hop * kNodeSpacing;
    return {x - kNodeRadius, kAxisY - kNodeRadius, 2 * kNodeRadius, 2 * kNodeRadius};
}

void JourneyTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor muted = text;
    muted.setAlphaF(0.65f);
    const auto &hops = m_message.hops;
    if (hops.isEmpty()) {
        p.setPen(muted);
        p.drawText(rect(), Qt::AlignCenter, tr("Search a message by id, sender, recipient or subject to see its journey."));
        return;
    }
    // Server bands: consecutive hops on one server share a band, labelled with the server.
    int bandStart = 0;
    int band = 0;
    for (int i = 1; i <= hops.size(); ++i) {
        if (i < hops.size() && hops.at(i).server.compare(hops.at(bandStart).server, Qt::CaseInsensitive) == 0)
            continue;
        const int left = hopRect(bandStart).center().x() - kNodeSpacing / 2 + 8;
        const int right = hopRect(i - 1).center().x() + kNodeSpacing / 2 - 8;
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlphaF(band % 2 ? 0.08f : 0.16f);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(QRect(left, 8, right - left, height() - 16), 8, 8);
        QFont bold = font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.1);
        p.setFont(bold);
        p.setPen(text);
        const QString server = hops.at(bandStart).server.isEmpty() ? tr("(unknown server)") : hops.at(bandStart).server;
        p.drawText(QRect(left, 14, right - left, 22), Qt::AlignCenter, server);
        bandStart = i;
        ++band;
    }
    if (hasFocus() && m_currentHop >= 0 && m_currentHop < hops.size()) {
        // Keyboard position: a dashed frame around the hop that Enter opens.
        QPen focusPen(pal.color(QPalette::Highlight), 2, Qt::DashLine);
        p.setPen(focusPen);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(hopRect(m_currentHop).adjusted(-8, -8, 8, 8), 6, 6);
    }
    // The axis and the delays between hops.
    p.setFont(font());
    for (int i = 0; i < hops.size(); ++i) {
        const QRect node = hopRect(i);
        if (i > 0) {
            const QRect prev = hopRect(i - 1);
            p.setPen(QPen(muted, 2));
            p.drawLine(prev.right() + 3, kAxisY, node.left() - 3, kAxisY);
            QPainterPath head;
            head.moveTo(node.left() - 3, kAxisY);
            head.lineTo(node.left() - 11, kAxisY - 5);
            head.lineTo(node.left() - 11, kAxisY + 5);
            head.closeSubpath();
            p.fillPath(head, muted);
            const qint64 a = hops.at(i - 1).timeMs;
            const qint64 b = hops.at(i).timeMs;
            if (a != kNoTime && b != kNoTime) {
                const qint64 delay = b - a;
                QFont f = font();
                f.setBold(delay >= 60'000);
                p.setFont(f);
                p.setPen(delay >= 60'000 ? QColor(0xc8, 0x37, 0x37) : text);
                p.drawText(QRect(prev.right(), kAxisY - 26, node.left() - prev.right(), 18), Qt::AlignCenter,
                           QStringLiteral("+") + formatDuration(delay));
                p.setFont(font());
            }
        }
        const MessageHop &h = hops.at(i);
        p.setPen(QPen(pal.color(QPalette::Base), 2));
        p.setBrush(hopEventColor(h.event));
        p.drawEllipse(node);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(hopEventColor(h.event));
        const QRect below(node.center().x() - kNodeSpacing / 2 + 10, node.bottom() + 6, kNodeSpacing - 20, 18);
        p.drawText(below, Qt::AlignCenter, h.event + (h.source.isEmpty() ? QString() : QStringLiteral(" \u00b7 ") + h.source));
        p.setFont(font());
        p.setPen(text);
        const QString time = formatTime(h.timeMs, m_timeDisplay).mid(11);
        p.drawText(below.translated(0, 18), Qt::AlignCenter, time);
        p.setPen(muted);
        const QString conn = p.fontMetrics().elidedText(h.connector, Qt::ElideMiddle, below.width());
        p.drawText(below.translated(0, 36), Qt::AlignCenter, conn);
        if (h.sessionIndex >= 0) {
            QFont link = font();
            link.setUnderline(true);
            p.setFont(link);
            p.setPen(pal.color(QPalette::Link));
            p.drawText(below.translated(0, 54), Qt::AlignCenter, tr("session %1").arg(h.sessionId.right(6)));
            p.setFont(font());
        }
    }
}

void JourneyTimeline::keyPressEvent(QKeyEvent *event)
{
    // Keyboard-only use: walk the hops and open the session behind one, as a click does.
    const int count = int(m_message.hops.size());
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (count > 0) {
            m_currentHop = std::clamp(m_currentHop + (event->key() == Qt::Key_Left ? -1 : 1), 0, count - 1);
            update();
        }
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_currentHop >= 0 && m_currentHop < count)
            Q_EMIT hopActivated(m_currentHop);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void JourneyTimeline::mousePressEvent(QMouseEvent *event)
{
    for (int i = 0; i < m_message.hops.size(); ++i) {
        const QRect hit = hopRect(i).adjusted(-kNodeSpacing / 2 + 12, -20, kNodeSpacing / 2 - 12, 90);
        if (hit.contains(event->position().toPoint())) {
            Q_EMIT hopActivated(i);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

JourneyView::JourneyView(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_results(new QListWidget(this)), m_summary(new QLabel(this)),
      m_timeline(new JourneyTimeline(this)), m_model(new JourneyModel(this)), m_table(new QTableView(this))
{
    m_search->setPlaceholderText(tr("Message-ID, sender, recipient or subject\u2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("journeySearch"));
    m_search->setAccessibleName(tr("Search messages"));
    m_results->setObjectName(QStringLiteral("journeyResults"));
    m_results->setAccessibleName(tr("Matching messages"));
    m_timeline->setAccessibleName(tr("Message journey timeline"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("journeyTable"));
    m_table->setAccessibleName(tr("Journey hops"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setColumnWidth(JourneyModel::Time, 170);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_timeline);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(m_timeline->sizeHint().height() + 24);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Message journey timeline"));
    // The timeline takes the focus itself; the scroll area is only its frame.
    scroll->setFocusPolicy(Qt::NoFocus);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_results, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(scroll);
    rightLayout->addWidget(m_table, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    split->setSizes({260, 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    connect(m_results, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showMessage(m_results->item(row)->data(Qt::UserRole).toInt());
    });
    auto openHop = [this](int hop) {
        if (hop >= 0 && hop < m_model->rowCount()) {
            const int session = m_model->index(hop, 0).data(JourneyModel::SessionIndexRole).toInt();
            if (session >= 0)
                Q_EMIT sessionRequested(session);
        }
    };
    connect(m_timeline, &JourneyTimeline::hopActivated, this, openHop);
    connect(m_table, &QTableView::activated, this, [openHop](const QModelIndex &idx) { openHop(idx.row()); });
}

void JourneyView::setMessages(const QList<Message> &messages)
{
    m_messages = messages;
    m_results->clear();
    // Without a search, list the most delayed messages first: the likeliest to be asked about.
    QList<int> order(messages.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return messages.at(a).delayMs > messages.at(b).delayMs; });
    if (order.size() > 500)
        order.resize(500);
    for (int i : order) {
        auto *item = new QListWidgetItem(messages.at(i).messageId + QStringLiteral("\n  ") + messages.at(i).sender, m_results);
        item->setData(Qt::UserRole, i);
        item->setToolTip(messages.at(i).subject);
    }
}

void JourneyView::clear()
{
    m_messages.clear();
    m_results->clear();
    m_model->clear();
    m_timeline->setMessage({});
    m_summary->clear();
    m_current = -1;
}

void JourneyView::search(const QString &text)
{
    m_search->setText(text);
    m_results->clear();
    const QList<int> hits = findMessages(m_messages, text);
    for (int i : hits) {
        auto *item = new QListWidgetItem(m_messages.at(i).messageId + QStringLiteral("\n  ") + m_messages.at(i).sender, m_results);
        item->setData(Qt::UserRole, i);
        item->setToolTip(m_messages.at(i).subject);
    }
    if (hits.size() == 1)
        m_results->setCurrentRow(0);
}

bool JourneyView::showMessageId(const QString &messageId)
{
    QString id = messageId.trimmed();
    if (!id.startsWith(QLatin1Char('<')))
        id = QLatin1Char('<') + id + QLatin1Char('>');
    for (int i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).messageId.compare(id, Qt::CaseInsensitive) == 0) {
            showMessage(i);
            return true;
        }
    }
    return false;
}

void JourneyView::showMessage(int messageIndex)
{
    if (messageIndex < 0 || messageIndex >= m_messages.size())
        return;
    m_current = messageIndex;
    const Message &m = m_messages.at(messageIndex);
    m_model->setMessage(m);
    m_timeline->setMessage(m);
    m_summary->setText(tr("%1\nFrom %2 to %3 \u2014 \"%4\" \u2014 %5, total %6")
                           .arg(m.messageId, m.sender, m.recipients.join(QStringLiteral(", ")), m.subject,
                                messageStatusId(m.status), formatDuration(m.delayMs)));
    Q_EMIT messageShown(messageIndex);
}

void JourneyView::setTimeDisplay(TimeDisplay display)
{
    m_model->setTimeDisplay(display);
    m_timeline->setTimeDisplay(display);
}

} // namespace mwb::views
