#include "views/sessions/transcriptview.h"

#include "model/itemmodels/outcomestyle.h"
#include "views/common/smtphighlighter.h"
#include "views/common/theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QIcon>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace mwb::views {

QFont transcriptFont(const QFont &base)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() : mono.pointSizeF());
    return mono;
}

namespace {

// Paints the transcript: speaker colours, highlighted text, gap badge, folded marker.
class TranscriptDelegate : public QStyledItemDelegate {
public:
    explicit TranscriptDelegate(TranscriptView *view) : QStyledItemDelegate(view), m_view(view) {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto speaker = Speaker(index.data(TranscriptModel::SpeakerRole).toInt());
        const qint64 gap = index.data(TranscriptModel::GapRole).toLongLong();
        const TranscriptColors colors = transcriptColors(option.palette);
        painter->save();
        QColor back = speaker == Speaker::Client ? colors.clientBack : speaker == Speaker::Server ? colors.serverBack : QColor();
        if (gap > 0)
            back = colors.gap;
        if (option.state & QStyle::State_Selected)
            back = option.palette.color(QPalette::Highlight);
        if (back.isValid())
            painter->fillRect(option.rect, back);

        const QColor fore = (option.state & QStyle::State_Selected) ? option.palette.color(QPalette::HighlightedText)
            : speaker == Speaker::Client ? colors.client : speaker == Speaker::Server ? colors.server : colors.info;
        QRect r = option.rect.adjusted(4, 1, -4, -1);
        const QFont font = (index.column() == TranscriptModel::Text || index.column() == TranscriptModel::Arrow)
            ? transcriptFont(option.font) : option.font;
        painter->setFont(font);
        painter->setPen(fore);
        if (index.column() == TranscriptModel::Text) {
            if (gap > 0) {
                // The gap badge sits at the right: how long the line was waited for.
                // A word, not the stopwatch glyph: Debian's default fonts draw U+23F1 as an empty box.
                const QString badge = TranscriptView::tr(" waited %1 ").arg(formatDuration(gap));
                QFont bold = option.font;
                bold.setBold(true);
                const int w = QFontMetrics(bold).horizontalAdvance(badge) + 6;
                const QRect badgeRect(r.right() - w, r.top() + 1, w, QFontMetrics(bold).height());
                painter->setBrush(QColor(0xd0, 0x8a, 0x00));
                painter->setPen(Qt::NoPen);
                painter->drawRoundedRect(badgeRect, 4, 4);
                painter->setPen(Qt::white);
                painter->setFont(bold);
                painter->drawText(badgeRect, Qt::AlignCenter, badge);
                painter->setFont(font);
                painter->setPen(fore);
                r.setRight(badgeRect.left() - 4);
            }
            const bool expanded = m_view->isExpanded(index.row());
            const QString text = expanded ? index.data(TranscriptModel::FullTextRole).toString() : index.data().toString();
            const QStringList lines = text.split(QLatin1Char('\n'));
            const int lh = QFontMetrics(font).height();
            int y = r.top();
            for (const QString &line : lines) {
                QTextLayout layout(line, font);
                if (!(option.state & QStyle::State_Selected))
                    layout.setFormats(smtpFormats(line, option.palette));
                layout.beginLayout();
                QTextLine tl = layout.createLine();
                if (tl.isValid())
                    tl.setPosition(QPointF(0, 0));
                layout.endLayout();
                painter->save();
                painter->setClipRect(r);
                layout.draw(painter, QPointF(r.left(), y));
                painter->restore();
                y += lh;
            }
        } else {
            // The bookmark marker is an icon, readable without colour.
            const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
            if (!icon.isNull()) {
                const int side = std::min(r.height(), QFontMetrics(font).height());
                icon.paint(painter, QRect(r.left(), r.top(), side, side));
                r.setLeft(r.left() + side + 3);
            }
            painter->drawText(r, Qt::AlignLeft | Qt::AlignTop, index.data().toString());
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() == TranscriptModel::Text && m_view->isExpanded(index.row())) {
            const int lines = index.data(TranscriptModel::FoldedCountRole).toInt();
            s.setHeight(QFontMetrics(transcriptFont(option.font)).height() * std::max(1, lines) + 4);
        }
        return s;
    }

private:
    TranscriptView *m_view;
};

} // namespace

TranscriptView::TranscriptView(QWidget *parent)
    : QWidget(parent), m_model(new TranscriptModel(this)), m_header(new QLabel(this)), m_version(new QLabel(this)),
      m_card(new QFrame(this)),
      m_cardText(new QLabel(m_card)), m_cardToggle(new QToolButton(m_card)), m_expectedRow(new QWidget(m_card)),
      m_expected(new QLineEdit(m_expectedRow)), m_stack(new QStackedWidget(this)),
      m_table(new QTableView(this)), m_raw(new QPlainTextEdit(this)), m_rawButton(new QToolButton(this)),
      m_journeyButton(new QToolButton(this))
{
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setObjectName(QStringLiteral("transcriptHeader"));
    m_version->setTextFormat(Qt::PlainText);
    m_version->setWordWrap(true);
    m_version->setObjectName(QStringLiteral("serverVersion"));
    m_version->setAccessibleName(tr("Exchange version of the session's server"));
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_version->hide();

    auto *card = static_cast<QFrame *>(m_card);
    card->setObjectName(QStringLiteral("tlsCard"));
    card->setFrameShape(QFrame::StyledPanel);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(8, 6, 8, 6);
    m_cardText->setTextFormat(Qt::RichText);
    m_cardText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cardText->setWordWrap(true);
    m_cardText->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *expectedRow = new QHBoxLayout(m_expectedRow);
    auto *expectedLabel = new QLabel(tr("E&xpected FQDN:"), m_expectedRow);
    expectedLabel->setBuddy(m_expected);
    m_expected->setPlaceholderText(tr("name clients use, e.g. mail.contoso.com"));
    m_expected->setObjectName(QStringLiteral("expectedFqdn"));
    expectedRow->addWidget(expectedLabel);
    expectedRow->addWidget(m_expected, 1);
    // The card folds to its first line (padlock, protocol, a failure in red), so that a long
    // certificate chain does not take the transcript's room; the choice is remembered.
    m_cardToggle->setObjectName(QStringLiteral("tlsCardToggle"));
    m_cardToggle->setCheckable(true);
    m_cardToggle->setAutoRaise(true);
    m_cardToggle->setChecked(QSettings().value(QStringLiteral("view/tlsCardExpanded"), true).toBool());
    auto syncToggle = [this] {
        const bool expanded = m_cardToggle->isChecked();
        m_cardToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
        const QString text = expanded ? tr("Hide the certificate details") : tr("Show the certificate details");
        m_cardToggle->setToolTip(text);
        m_cardToggle->setAccessibleName(text);
    };
    syncToggle();
    connect(m_cardToggle, &QToolButton::toggled, this, [this, syncToggle](bool expanded) {
        QSettings().setValue(QStringLiteral("view/tlsCardExpanded"), expanded);
        syncToggle();
        refreshCard();
    });
    auto *cardTop = new QHBoxLayout;
    cardTop->addWidget(m_cardToggle, 0, Qt::AlignTop);
    cardTop->addWidget(m_cardText, 1);
    cardLayout->addLayout(cardTop);
    cardLayout->addWidget(m_expectedRow);
    expectedRow->setContentsMargins(0, 0, 0, 0);
    connect(m_expected, &QLineEdit::textChanged, this, &TranscriptView::refreshCard);
    card->hide();

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("transcriptTable"));
    m_table->setAccessibleName(tr("Transcript"));
    m_table->setAccessibleDescription(tr("Lines of the selected session; Enter unfolds a reply, Ctrl+B bookmarks a line"));
    m_table->setItemDelegate(new TranscriptDelegate(this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(transcriptFont(font())).height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setColumnWidth(TranscriptModel::AbsoluteTime, 170);
    m_table->setColumnWidth(TranscriptModel::RelativeTime, 70);
    m_table->setColumnWidth(TranscriptModel::Arrow, 44);
    auto *unfold = new QAction(tr("Unfold / fold reply"), m_table);
    unfold->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    unfold->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(unfold);
    connect(unfold, &QAction::triggered, this, [this] { toggleExpanded(m_table->currentIndex().row()); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &idx) { toggleExpanded(idx.row()); });

    m_raw->setReadOnly(true);
    m_raw->setObjectName(QStringLiteral("rawLines"));
    m_raw->setAccessibleName(tr("Raw log lines"));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(transcriptFont(font()));
    attachLogHighlighter(m_raw->document(), palette());

    m_stack->addWidget(m_table);
    m_stack->addWidget(m_raw);

    m_rawButton->setText(tr("&Raw lines"));
    m_rawButton->setCheckable(true);
    m_rawButton->setToolTip(tr("Show the log lines as written, with file and line number"));
    connect(m_rawButton, &QToolButton::toggled, this, &TranscriptView::setRawMode);
    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("copyTranscript"));
    copy->setIcon(actionIcon(QStringLiteral("copy")));
    copy->setText(tr("Copy as text"));
    copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    copy->setToolTip(tr("Copy the whole transcript as plain text"));
    connect(copy, &QToolButton::clicked, this, &TranscriptView::copyAsText);

    m_journeyButton->setIcon(actionIcon(QStringLiteral("journey")));
    m_journeyButton->setText(tr("&Journey"));
    m_journeyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_journeyButton->setToolTip(tr("Follow the message this session carried across the servers"));
    m_journeyButton->setObjectName(QStringLiteral("journeyButton"));
    m_journeyButton->setEnabled(false);
    connect(m_journeyButton, &QToolButton::clicked, this, [this] {
        if (!m_model->session().messageIds.isEmpty())
            Q_EMIT messageIdActivated(m_model->session().messageIds.first());
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_journeyButton);
    top->addWidget(m_rawButton);
    top->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_version);
    layout->addWidget(m_card);
    layout->addWidget(m_stack, 1);
}

void TranscriptView::setSession(const Store *store, const Session &session)
{
    m_expanded.clear();
    m_model->setSession(store, session);
    showGuessedExpectedName(session);
    refreshCard();
    refreshRaw();
}

void TranscriptView::setServerVersions(const QList<ServerVersion> &versions)
{
    m_versions = versions;
    refreshCard();
}

QString TranscriptView::serverVersionText() const
{
    return m_version->isHidden() ? QString() : m_version->text();
}

void TranscriptView::setLines(const Session &session, const QList<SessionLine> &lines, const QStringList &filePaths)
{
    m_expanded.clear();
    m_model->setLines(session, lines, filePaths);
    showGuessedExpectedName(session);
    refreshCard();
    refreshRaw();
}

void TranscriptView::clear()
{
    m_expanded.clear();
    m_model->clear();
    m_header->clear();
    m_version->hide();
    m_card->hide();
    m_raw->clear();
}

void TranscriptView::setTimeDisplay(TimeDisplay display)
{
    m_model->setTimeDisplay(display);
    refreshCard();
}

void TranscriptView::setExpectedFqdn(const QString &fqdn)
{
    m_expectedGuessed.clear();
    m_expected->setText(fqdn);
}

void TranscriptView::showGuessedExpectedName(const Session &session)
{
    // Until evidence names it (a finding's FQDN, the name the peer asked for), the only name at
    // hand is the server's own banner name: a guess, and exactly the wrong one when a sender
    // expects the MX or smart host name. The card says so instead of showing a plain green tick.
    const QString guess = !session.greetingName.isEmpty() ? session.greetingName : session.ehlo;
    m_expectedGuessed = guess;
    m_expected->blockSignals(true);
    m_expected->setText(guess);
    m_expected->blockSignals(false);
}

void TranscriptView::setRawMode(bool raw)
{
    m_rawButton->blockSignals(true);
    m_rawButton->setChecked(raw);
    m_rawButton->blockSignals(false);
    m_stack->setCurrentIndex(raw ? 1 : 0);
}

bool TranscriptView::isRawMode() const
{
    return m_stack->currentIndex() == 1;
}

void TranscriptView::scrollToLine(qint64 fileLine)
{
    const int row = m_model->rowOfLine(fileLine);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
}

void TranscriptView::toggleExpanded(int row)
{
    if (row < 0 || row >= m_model->rowCount() || m_model->index(row, 0).data(TranscriptModel::FoldedCountRole).toInt() < 2)
        return;
    const int lineHeight = QFontMetrics(transcriptFont(font())).height();
    if (!m_expanded.remove(row)) {
        m_expanded.insert(row);
        const int lines = m_model->index(row, 0).data(TranscriptModel::FoldedCountRole).toInt();
        m_table->setRowHeight(row, lineHeight * lines + 4);
    } else {
        m_table->setRowHeight(row, lineHeight + 4);
    }
    m_table->viewport()->update();
}

QString TranscriptView::tlsCardText() const
{
    return m_card->isVisible() || !m_card->isHidden() ? m_cardText->text() : QString();
}

void TranscriptView::setTlsCardExpanded(bool expanded)
{
    m_cardToggle->setChecked(expanded);
}

bool TranscriptView::isTlsCardExpanded() const
{
    return m_cardToggle->isChecked();
}

QString TranscriptView::rawText() const
{
    return m_raw->toPlainText();
}

void TranscriptView::copyAsText() const
{
    QApplication::clipboard()->setText(m_model->toText());
}

void TranscriptView::refreshCard()
{
    const Session &s = m_model->session();
    const QString expected = m_expected->text().trimmed();
    QString header = tr("Session %1 \u2014 %2, %3 \u2014 %4 \u2192 %5").arg(s.id, s.server, s.connector, s.remote, s.local);
    if (!s.ehlo.isEmpty())
        header += tr(" \u2014 EHLO %1").arg(s.ehlo);
    m_header->setText(s.id.isEmpty() && s.server.isEmpty() ? QString() : header);
    // The server's version as its logs name it: the words carry the support status, the colour
    // only repeats it.
    const ServerVersion *version = nullptr;
    for (const ServerVersion &v : std::as_const(m_versions)) {
        if (!s.server.isEmpty() && v.server.compare(s.server, Qt::CaseInsensitive) == 0)
            version = &v;
    }
    if (version) {
        m_version->setText(tr("%1 runs %2").arg(s.server, exchangeVersionLabel(version->build)));
        m_version->setToolTip(version->build.explanation());
        QPalette pal = palette();
        if (version->build.outOfSupport())
            pal.setColor(QPalette::WindowText, statusColors(palette()).bad);
        m_version->setPalette(pal);
        m_version->show();
    } else {
        m_version->hide();
    }
    m_journeyButton->setEnabled(!s.messageIds.isEmpty());

    if (!s.tls && s.certificates.isEmpty()) {
        m_card->hide();
        return;
    }
    auto esc = [](const QString &t) { return t.toHtmlEscaped(); };
    // The padlock is green only for a completed handshake; a failed one is red and says why.
    const bool failed = !s.tlsFailure.isEmpty();
    const QString icon = s.tlsEstablished ? QStringLiteral("lock") : failed ? QStringLiteral("tls-failed") : QStringLiteral("lock-attempted");
    QString html = QStringLiteral("<img src=\":/icons/status/%1.svg\" width=\"14\" height=\"14\"> <b>%2</b> %3 %4")
                       .arg(icon, esc(tr("TLS")), esc(s.tlsVerb),
                            esc(QStringList{s.tlsProtocol, s.tlsCipher}.join(QLatin1Char(' ')).trimmed()));
    if (failed)
        html += QStringLiteral(" <b style=\"color:#c83737\">%1</b> %2").arg(esc(tr("handshake failed:")), esc(s.tlsFailure));
    else if (!s.tlsEstablished)
        html += QStringLiteral(" <i>%1</i>").arg(esc(tr("attempted; the log does not show the handshake completing")));
    const bool expanded = m_cardToggle->isChecked();
    m_expectedRow->setVisible(expanded);
    if (!expanded) {
        html += QStringLiteral("<br><i>%1</i>").arg(esc(tr("%n certificate(s); unfold the card to see them and check a name.", nullptr,
                                                            int(s.certificates.size()))));
        m_cardText->setText(html);
        m_card->show();
        fitCardText();
        return;
    }
    if (s.certificates.isEmpty())
        html += QStringLiteral("<br>") + esc(tr("No certificate details in the log (enable verbose protocol logging)."));
    // What the peer said it expected of Exchange's own certificate: Exchange Online defers with
    // "450 4.4.317 … SubjectMismatch. Expected: mail.contoso.com, Presented: CN=…" when the
    // organisation presents the wrong one. A Send session's card then judges the sending certificate
    // by that name; without it the card showed a tick for the peer's certificate and nothing wrong.
    static const QRegularExpression peerExpects(QStringLiteral("SubjectMismatch\\b.*?\\bExpected:\\s*([^,;\\s]+)"),
                                                QRegularExpression::CaseInsensitiveOption);
    const QString peerExpected = s.direction == Direction::Send ? peerExpects.match(s.lastReply).captured(1) : QString();
    // One column per certificate: the card stays short and the transcript keeps the room.
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\"><tr>");
    for (const Certificate &c : s.certificates) {
        html += QStringLiteral("<td valign=\"top\" style=\"padding-right:18px\"><table cellspacing=\"0\" cellpadding=\"1\">");
        auto row = [&](const QString &label, const QString &value) {
            if (!value.isEmpty())
                html += QStringLiteral("<tr><td><i>%1</i>&nbsp;</td><td>%2</td></tr>").arg(esc(label), esc(value));
        };
        html += QStringLiteral("<tr><td colspan=\"2\"><b>%1</b></td></tr>")
                    .arg(esc(c.role == CertificateRole::Received ? tr("Received certificate") : tr("Sending certificate")));
        row(tr("Subject"), c.subject);
        row(tr("Issuer"), c.issuer);
        row(tr("Thumbprint"), c.thumbprint);
        row(tr("SANs"), c.alternateNames.join(QStringLiteral(", ")));
        if (c.notAfterMs != kNoTime)
            row(tr("Valid"), tr("%1 to %2").arg(formatTime(c.notBeforeMs, TimeDisplay::Utc).left(10), formatTime(c.notAfterMs, TimeDisplay::Utc).left(10)));
        const bool namesKnown = !c.subject.isEmpty() || !c.alternateNames.isEmpty();
        const bool covered = namesKnown && c.coversName(expected);
        // The expected name is the server's: it is checked against the certificate the server side
        // presented (Exchange's own in a Receive log, the peer's in a Send log), never against the
        // client's certificate of a mutual-TLS session (that showed a red cross for a healthy one).
        const CertificateRole serverRole = s.direction == Direction::Send ? CertificateRole::Received : CertificateRole::Sending;
        const bool presentedByServer = c.role == CertificateRole::Unknown || c.role == serverRole;
        QString verdict;
        if (expected.isEmpty() || !presentedByServer)
            verdict.clear();
        else if (!namesKnown)
            verdict = QStringLiteral("<span>%1</span>").arg(esc(tr("Names not in the log (only the thumbprint)")));
        else if (covered && expected == m_expectedGuessed)
            verdict = QStringLiteral("<span>\u2714 %1<br><i>%2</i></span>")
                          .arg(esc(tr("Names contain %1, the name in the server's banner.").arg(expected)),
                               esc(s.tlsFailure.isEmpty() ? tr("Senders may expect another name (MX, smart host): type it above to check.")
                                                          : tr("The handshake failed all the same: type the name the sender expects (MX, smart host) above.")));
        else if (covered)
            verdict = QStringLiteral("<span style=\"color:#1f9d55\">\u2714 %1</span>").arg(esc(tr("Names contain %1").arg(expected)));
        else
            verdict = QStringLiteral("<span style=\"color:#c83737\"><b>\u2718 %1</b></span>").arg(esc(tr("Names do NOT contain %1").arg(expected)));
        if (verdict.isEmpty() && !peerExpected.isEmpty() && c.role == CertificateRole::Sending && namesKnown) {
            verdict = c.coversName(peerExpected)
                ? QStringLiteral("<span style=\"color:#1f9d55\">\u2714 %1</span>").arg(esc(tr("Names contain %1, the name the peer expects").arg(peerExpected)))
                : QStringLiteral("<span style=\"color:#c83737\"><b>\u2718 %1</b><br>%2</span>")
                      .arg(esc(tr("Names do NOT contain %1, the name the peer expects").arg(peerExpected)),
                           esc(tr("Its reply: %1").arg(s.lastReply)));
        }
        if (!verdict.isEmpty())
            html += QStringLiteral("<tr><td colspan=\"2\">%1</td></tr>").arg(verdict);
        html += QStringLiteral("</table></td>");
    }
    html += QStringLiteral("</tr></table>");
    m_cardText->setText(html);
    m_card->show();
    fitCardText();
}

void TranscriptView::fitCardText()
{
    // A squeezed rich-text label cut its last line (the verdict): reserve the height the text
    // needs at the card's width, so that the transcript below gives way instead.
    if (m_card->isHidden())
        return;
    const QMargins margins = m_card->layout() ? m_card->layout()->contentsMargins() : QMargins();
    const int toggle = m_cardToggle->sizeHint().width() + 6;
    const int width = std::max(200, (m_card->width() > 50 ? m_card->width() : this->width()) - margins.left() - margins.right() - toggle - 4);
    m_cardText->setMinimumHeight(m_cardText->heightForWidth(width));
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitCardText();
}

void TranscriptView::refreshRaw()
{
    QStringList out;
    for (const TranscriptEntry &e : m_model->entries()) {
        for (const SessionLine &l : e.lines)
            out << QStringLiteral("%1  %2").arg(m_model->location(l.ref), -28).arg(m_model->rawText(l));
    }
    m_raw->setPlainText(out.join(QLatin1Char('\n')));
}

void TranscriptView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        if (auto *h = m_raw->document()->findChild<SmtpHighlighter *>())
            h->setPalette(palette());
    }
    QWidget::changeEvent(event);
}

} // namespace mwb::views
