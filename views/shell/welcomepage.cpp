#include "views/shell/welcomepage.h"

#include "views/common/theme.h"

#include <QAction>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mwb::views {

QWidget *createWelcomePage(QWidget *parent, const std::function<void()> &openSamples, QAction *openLogs, QAction *openFolder,
                           QAction *openCase)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QStringLiteral("welcomePage"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    auto *icon = new QLabel(page);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/app/mailflow-workbench.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(QCoreApplication::translate("mwb::views::WelcomePage", "Drop Exchange logs here"), page);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *subtitle = new QLabel(QCoreApplication::translate("mwb::views::WelcomePage", "SMTP protocol logs (Receive / Send), message tracking logs, Exchange Online message traces \u2014 "
                                   "files, folders or archives (.zip, .gz, .tar.gz)."), page);
    subtitle->setWordWrap(true);
    subtitle->setAlignment(Qt::AlignCenter);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *samples = new QPushButton(actionIcon(QStringLiteral("samples")), QCoreApplication::translate("mwb::views::WelcomePage", "Open &sample logs"), page);
    samples->setObjectName(QStringLiteral("openSamplesButton"));
    samples->setDefault(true);
    auto *open = new QPushButton(actionIcon(QStringLiteral("open-file")), QCoreApplication::translate("mwb::views::WelcomePage", "Open &logs\u2026"), page);
    auto *folder = new QPushButton(actionIcon(QStringLiteral("open-folder")), QCoreApplication::translate("mwb::views::WelcomePage", "Open f&older\u2026"), page);
    auto *openCaseButton = new QPushButton(actionIcon(QStringLiteral("open-file")), QCoreApplication::translate("mwb::views::WelcomePage", "Open c&ase\u2026"), page);
    openCaseButton->setObjectName(QStringLiteral("openCaseButton"));
    for (QPushButton *b : {samples, open, folder, openCaseButton}) {
        b->setIconSize(QSize(22, 22));
        b->setMinimumHeight(36);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    QObject::connect(samples, &QPushButton::clicked, page, openSamples);
    QObject::connect(open, &QPushButton::clicked, openLogs, &QAction::trigger);
    QObject::connect(folder, &QPushButton::clicked, openFolder, &QAction::trigger);
    QObject::connect(openCaseButton, &QPushButton::clicked, openCase, &QAction::trigger);
    auto *hint = new QLabel(QCoreApplication::translate("mwb::views::WelcomePage", "Everything stays on this machine. Shortcuts: Ctrl+O open, Ctrl+F filter, Alt+\u2190/\u2192 back and forward, "
                                "Ctrl+S save the case."), page);
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addSpacing(16);
    layout->addWidget(hint);
    layout->addStretch(3);
    return page;
}

} // namespace mwb::views
