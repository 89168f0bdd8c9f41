#include "views/common/messagebar.h"

#include "views/common/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace mwb::views {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent), m_icon(new QLabel(this)), m_label(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setIcon(actionIcon(QStringLiteral("clear")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(const QString &text, Kind kind, const QString &details)
{
    const char *icon = kind == Error ? "error" : kind == Warning ? "warning" : "info";
    m_icon->setPixmap(QIcon(QStringLiteral(":/icons/status/%1.svg").arg(QLatin1String(icon))).pixmap(20, 20));
    m_label->setText(text);
    m_label->setToolTip(details);
    QPalette p = palette();
    const QColor base = kind == Error ? QColor(0xc8, 0x37, 0x37) : kind == Warning ? QColor(0xd0, 0x8a, 0x00) : QColor(0x2f, 0x7b, 0xd8);
    // Blend over the window colour so it reads on light and dark palettes.
    const QColor window = parentWidget() ? parentWidget()->palette().color(QPalette::Window) : QColor(Qt::white);
    p.setColor(QPalette::Window, QColor::fromRgbF(window.redF() * 0.82f + base.redF() * 0.18f,
                                                  window.greenF() * 0.82f + base.greenF() * 0.18f,
                                                  window.blueF() * 0.82f + base.blueF() * 0.18f));
    setPalette(p);
    show();
    Q_EMIT shown();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

} // namespace mwb::views
