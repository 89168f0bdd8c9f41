#include "views/shell/shellstatus.h"

#include "model/core/common/timeutil.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace mwb::views {

ShellStatus::ShellStatus(QMainWindow *window, QWidget *central, QAction *cancel)
    : QObject(window), m_central(central), m_cancel(cancel),
      m_status(new QLabel(tr("Ready \u2014 drop Exchange logs on the window or open them from the File menu"), window)),
      m_progress(new QProgressBar(window)), m_cancelButton(new QToolButton(window)), m_bar(new MessageBar(central))
{
    m_status->setObjectName(QStringLiteral("statusText"));
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancelButton->setDefaultAction(cancel);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancelButton->hide();
    window->statusBar()->addWidget(m_status, 1);
    window->statusBar()->addPermanentWidget(m_progress);
    window->statusBar()->addPermanentWidget(m_cancelButton);
    // The bar floats over the bottom of the central area instead of taking a layout row: a banner
    // that appeared at the end of a load moved the table under the pointer (issue #28).
    m_bar->hide();
    central->installEventFilter(this);
    connect(m_bar, &MessageBar::shown, this, &ShellStatus::placeBar);
}

void ShellStatus::placeBar()
{
    const int width = m_central->width();
    const int wanted = m_bar->heightForWidth(width) > 0 ? m_bar->heightForWidth(width) : m_bar->sizeHint().height();
    const int h = std::min(wanted, std::max(m_bar->minimumSizeHint().height(), m_central->height() / 3));
    m_bar->setGeometry(0, m_central->height() - h, width, h);
    m_bar->raise();
}

bool ShellStatus::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_central && event->type() == QEvent::Resize)
        placeBar();
    return QObject::eventFilter(watched, event);
}

void ShellStatus::say(const QString &text)
{
    m_status->setText(text);
}

QString ShellStatus::text() const
{
    return m_status->text();
}

void ShellStatus::message(const QString &text, MessageBar::Kind kind)
{
    m_bar->showMessage(text, kind);
}

QString ShellStatus::messageText() const
{
    return m_bar->text();
}

void ShellStatus::showProgressWidgets(bool on)
{
    m_progress->setVisible(on);
    m_cancelButton->setVisible(on);
    m_cancel->setEnabled(on);
}

void ShellStatus::loadStarted(int items)
{
    m_bar->hide();
    say(tr("Loading %n item(s)\u2026", nullptr, items));
    m_progress->setRange(0, 0);
    m_progress->setFormat(QString());
    showProgressWidgets(true);
}

void ShellStatus::progress(const LoadProgress &progress)
{
    const QLocale locale;
    if (progress.percent < 0) {
        m_progress->setRange(0, 0);   // busy: this phase has no measure
    } else {
        m_progress->setRange(0, 100);
        m_progress->setValue(progress.percent);
        m_progress->setFormat(QStringLiteral("%p%"));
    }
    // One line, never wrapped: phase, what it counts, and the estimate when there is one.
    QString text;
    if (progress.phase == LoadPhase::Reading && progress.bytesTotal > 0) {
        text = tr("Loading: %1 \u2014 %2 of %3").arg(loadPhaseText(progress.phase), locale.formattedDataSize(progress.bytesDone),
                                                     locale.formattedDataSize(progress.bytesTotal));
    } else if (progress.sessionsTotal >= 0) {
        text = tr("Loading: %1 \u2014 %2 of %3 sessions").arg(loadPhaseText(progress.phase), locale.toString(progress.sessionsDone),
                                                              locale.toString(progress.sessionsTotal));
    } else {
        text = tr("Loading: %1\u2026").arg(loadPhaseText(progress.phase));
    }
    if (progress.remainingMs >= 0)
        text += tr(" (about %1 left)").arg(formatDuration(progress.remainingMs));
    say(text);
}

void ShellStatus::idle()
{
    showProgressWidgets(false);
}

void ShellStatus::reportSkipped(const Investigation &investigation)
{
    const QStringList skipped = investigation.skippedPaths();
    if (skipped.isEmpty())
        return;
    message(tr("Skipped %n item(s): %1", nullptr, int(skipped.size())).arg(skipped.join(QStringLiteral("; "))), MessageBar::Warning);
    if (!investigation.isLoading())
        say(investigation.paths().isEmpty() ? tr("Nothing to load") : tr("Nothing new to load: what is loaded stays"));
}

void ShellStatus::loadFinished(const Investigation &investigation, bool cancelled)
{
    showProgressWidgets(false);
    const std::shared_ptr<const Store> store = investigation.store();
    const QList<Finding> &findings = investigation.findings();
    if (!investigation.diagnosisProblem().isEmpty())
        message(tr("Diagnosis is off for this load: %1").arg(investigation.diagnosisProblem()), MessageBar::Warning);

    const int files = int(store->files.size());
    int errors = 0;
    QStringList unreadable;
    for (const SourceFile &f : store->files) {
        errors += int(f.errors.size());
        if (f.format == LogFormat::Unknown)
            unreadable << QFileInfo(f.path).fileName();
    }
    int problems = 0;
    for (const Finding &f : findings)
        problems += f.severity == Severity::Error ? 1 : 0;
    QString text = tr("Loaded %n file(s)", nullptr, files) + QStringLiteral(": ")
        + tr("%n session(s)", nullptr, int(store->sessions.size())) + QStringLiteral(", ")
        + tr("%n message(s)", nullptr, int(store->messages.size())) + QStringLiteral(", ")
        + tr("%n finding(s)", nullptr, int(findings.size()));
    if (problems > 0)
        text += tr(" (%n error(s))", nullptr, problems);
    if (cancelled)
        text = tr("Loading cancelled \u2014 ") + text;
    say(text);
    const QStringList skipped = investigation.skippedPaths();
    if (!unreadable.isEmpty() || errors > 0 || !skipped.isEmpty()) {
        // Files inside opened folders that are not logs (READMEs, manifests) are normal: info only.
        QString msg = unreadable.isEmpty() ? QString() : tr("Ignored (not Exchange logs): %1. ").arg(unreadable.join(QStringLiteral(", ")));
        if (errors > 0)
            msg += tr("%n line(s) could not be read; the rest loaded.", nullptr, errors);
        if (!skipped.isEmpty())
            msg = tr("Skipped %1. ").arg(skipped.join(QStringLiteral("; "))) + msg;
        message(msg.trimmed(), (errors > 0 || !skipped.isEmpty()) ? MessageBar::Warning : MessageBar::Info);
    }
    // Export files whose times carry no zone were read as UTC: ask for the zone once per load.
    if (!investigation.exportTimeZone().isValid()) {
        int zoneless = 0;
        for (const SourceFile &f : store->files)
            zoneless += f.warnings.isEmpty() ? 0 : 1;
        // Added to what the bar already says (a relocated source, ignored files), not instead of it.
        const QString before = m_bar->text();
        if (zoneless > 0)
            message((before.isEmpty() ? QString() : before + QLatin1Char(' '))
                        + tr("%n exported file(s) have times without a time zone; they were read as UTC. If they were "
                             "exported on a machine in another zone, choose it in Settings > Time Zone of Exported Logs "
                             "and open them again.", nullptr, zoneless),
                    MessageBar::Warning);
    }
    if (files == 0 && store->sessions.isEmpty() && !cancelled && skipped.isEmpty())
        message(tr("No Exchange log was found in what was opened."), MessageBar::Info);
}

void ShellStatus::setAccessibleNames()
{
    m_status->setAccessibleName(tr("Status"));
    m_progress->setAccessibleName(tr("Loading progress"));
    m_cancelButton->setAccessibleName(tr("Cancel loading"));
    m_bar->setAccessibleName(tr("Messages"));
}

} // namespace mwb::views
