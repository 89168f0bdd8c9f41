#include "views/sessions/chartsview.h"

#include "model/itemmodels/outcomestyle.h"
#include "model/itemmodels/sessionfilter.h"
#include "views/common/theme.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QSvgGenerator>
#include <QValueAxis>

namespace mwb::views {

namespace {

QChartView *makeChartView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setAccessibleName(title);
    view->viewport()->setAccessibleName(title);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 220);
    return view;
}

void applyTheme(QChart *chart, const QPalette &palette)
{
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
}

} // namespace

ChartsView::ChartsView(QWidget *parent)
    : QWidget(parent), m_sessionsChart(makeChartView(tr("Sessions over time by outcome"), this)),
      m_errorsChart(makeChartView(tr("Error replies over time by SMTP class"), this)),
      m_hostsChart(makeChartView(tr("Top remote hosts"), this)), m_codesChart(makeChartView(tr("Top error codes"), this))
{
    setObjectName(QStringLiteral("chartsView"));
    m_sessionsChart->setRubberBand(QChartView::HorizontalRubberBand);
    m_errorsChart->setRubberBand(QChartView::HorizontalRubberBand);
    m_sessionsChart->setToolTip(tr("Click a time to filter the sessions to it; drag to zoom and filter to a range; right-click to zoom out"));
    m_errorsChart->setToolTip(m_sessionsChart->toolTip());
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("chartsScope"));
    m_resetZoom = new QPushButton(actionIcon(QStringLiteral("zoom-reset")), tr("&Reset Zoom"), this);
    m_resetZoom->setObjectName(QStringLiteral("resetZoom"));
    m_resetZoom->setToolTip(tr("Show the whole time range again (the sessions filter stays)"));
    m_resetZoom->setEnabled(false);
    connect(m_resetZoom, &QPushButton::clicked, this, [this] {
        setTimeWindow(kNoTime, kNoTime);
        Q_EMIT zoomReset();
    });
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(2, 2, 2, 2);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_header, 1);
    bar->addWidget(m_resetZoom);
    outer->addLayout(bar);
    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_sessionsChart, 0, 0);
    grid->addWidget(m_errorsChart, 0, 1);
    grid->addWidget(m_hostsChart, 1, 0);
    grid->addWidget(m_codesChart, 1, 1);
    outer->addLayout(grid, 1);
}

void ChartsView::setSessions(const QList<Session> &sessions)
{
    m_sessions = sessions;
    m_rows.clear();
    m_allRows = true;
    m_fromMs = kNoTime;
    m_toMs = kNoTime;
    m_dirty = true;
    if (isVisible())
        rebuild();
}

void ChartsView::setRows(std::vector<int> rows, bool allRows)
{
    m_rows = std::move(rows);
    m_allRows = allRows;
    if (m_allRows)
        m_rows.clear();
    m_dirty = true;
    if (isVisible())
        rebuild();
    else
        updateHeader();
}

void ChartsView::updateHeader()
{
    const qsizetype shown = m_allRows ? m_sessions.size() : qsizetype(m_rows.size());
    const QLocale locale;
    m_header->setText(m_allRows ? tr("All %1 sessions").arg(locale.toString(m_sessions.size()))
                                : tr("%1 of %2 sessions: the charts follow the sessions filter")
                                      .arg(locale.toString(shown), locale.toString(m_sessions.size())));
    const bool zoomed = m_fromMs != kNoTime && m_toMs != kNoTime;
    if (zoomed) {
        m_header->setText(m_header->text() + tr(" \u2014 zoomed to %1 \u2013 %2")
                                                 .arg(formatTime(m_fromMs, m_timeDisplay, true), formatTime(m_toMs, m_timeDisplay, true)));
    }
    m_resetZoom->setEnabled(zoomed);
}

void ChartsView::clear()
{
    setSessions({});
}

void ChartsView::setTimeWindow(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    rebuildTimeCharts();
    updateHeader();
}

void ChartsView::setTimeDisplay(TimeDisplay display)
{
    m_timeDisplay = display;
    m_dirty = true;
    if (isVisible())
        rebuild();
}

void ChartsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        rebuild();
}

// Counts on a value axis: whole-number ticks only (see countAxisTicks).
static void setCountRange(QValueAxis *axis, int maxValue)
{
    const CountAxisTicks ticks = countAxisTicks(maxValue);
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setRange(0, ticks.top);
    axis->setTickCount(ticks.tickCount());
    axis->setMinorTickCount(0);
    axis->setLabelFormat(QStringLiteral("%d"));
}

void ChartsView::rebuild()
{
    m_dirty = false;
    m_topHosts = topRemoteHosts(m_sessions, m_rows, m_allRows, 10);
    m_topCodes = topErrorCodes(m_sessions, m_rows, m_allRows, 10);
    updateHeader();

    auto barChart = [this](QChartView *view, const QList<QPair<QString, int>> &rows, const QString &setName, const QColor &color,
                           auto onClick) {
        QChart *chart = view->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        applyTheme(chart, palette());
        auto *series = new QHorizontalBarSeries;
        auto *set = new QBarSet(setName);
        set->setColor(color);
        QStringList categories;
        int maxValue = 1;
        // Largest at the top: horizontal bar categories run bottom-up.
        for (qsizetype i = rows.size() - 1; i >= 0; --i) {
            *set << rows.at(i).second;
            categories << (m_label ? m_label(rows.at(i).first) : rows.at(i).first);
            maxValue = std::max(maxValue, rows.at(i).second);
        }
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto *axisY = new QBarCategoryAxis;
        axisY->append(categories.isEmpty() ? QStringList{tr("(none)")} : categories);
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        auto *axisX = new QValueAxis;
        // Room to the right for the bar labels, still with whole-number ticks.
        setCountRange(axisX, maxValue + std::max(1, maxValue / 8));
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
        chart->legend()->hide();
        connect(series, &QHorizontalBarSeries::clicked, this, [categories, onClick](int index, QBarSet *) {
            if (index >= 0 && index < categories.size())
                onClick(categories.at(index));
        });
    };
    barChart(m_hostsChart, m_topHosts, tr("Sessions"), QColor(0x2f, 0x7b, 0xd8),
             [this](const QString &host) { Q_EMIT remoteSelected(host); });
    barChart(m_codesChart, m_topCodes, tr("Sessions"), QColor(0xc8, 0x37, 0x37), [this](const QString &code) {
        const ReplyCode rc = parseReplyCode(code);
        Q_EMIT codeSelected(rc.enhanced.isEmpty() ? rc.basic : rc.enhanced);
    });
    rebuildTimeCharts();
}

void ChartsView::rebuildTimeCharts()
{
    m_rebuilding = true;
    qint64 from = m_fromMs;
    qint64 to = m_toMs;
    if (from == kNoTime || to == kNoTime) {
        const auto range = sessionTimeRange(m_sessions);
        from = range.first;
        to = range.second;
    }
    const bool local = m_timeDisplay == TimeDisplay::Local;
    // Ticks on round times of the displayed zone: the window is widened to whole steps and binned
    // over exactly that, so bins, ticks and labels line up.
    TimeAxisTicks ticks;
    if (from != kNoTime && to != kNoTime) {
        const qint64 offsetMs = local ? qint64(QDateTime::fromMSecsSinceEpoch(from).offsetFromUtc()) * 1000 : 0;
        ticks = roundTimeAxis(from, to, offsetMs);
        from = ticks.fromMs;
        to = ticks.toMs;
    }
    m_histogram = binSessions(m_sessions, m_rows, m_allRows, from, to, 120);
    // Qt Charts shows QDateTimeAxis values in the machine's zone: UTC values are shifted by the
    // zone's offset so that the labels read UTC; the axis range is shifted the same way.
    const qint64 shift = local ? 0 : -qint64(QDateTime::fromMSecsSinceEpoch(from == kNoTime ? 0 : from).offsetFromUtc()) * 1000;
    auto timeAxis = [&](QChart *chart) {
        auto *axis = new QDateTimeAxis;
        axis->setFormat(ticks.labelFormat.isEmpty() ? QStringLiteral("HH:mm:ss") : ticks.labelFormat);
        if (m_histogram.binCount() > 0) {
            axis->setTickCount(std::clamp(ticks.tickCount(), 2, 32));
            axis->setRange(QDateTime::fromMSecsSinceEpoch(from + shift), QDateTime::fromMSecsSinceEpoch(to + shift));
        }
        axis->setTitleText(local ? tr("local time") : tr("UTC"));
        chart->addAxis(axis, Qt::AlignBottom);
        connect(axis, &QDateTimeAxis::rangeChanged, this, [this, axis] { onTimeAxisChanged(axis); });
        return axis;
    };
    auto xOf = [&](int bin) { return double(m_histogram.binStart(bin) + shift); };

    // Sessions over time: stacked areas, one per outcome (lower bound = the running total below).
    {
        QChart *chart = m_sessionsChart->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        applyTheme(chart, palette());
        QDateTimeAxis *axisX = timeAxis(chart);
        auto *axisY = new QValueAxis;
        axisY->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(axisY, Qt::AlignLeft);
        std::vector<int> below(size_t(m_histogram.binCount()), 0);
        int maxTotal = 1;
        for (int o = 0; o < kOutcomeCount; ++o) {
            auto *lower = new QLineSeries;
            auto *upper = new QLineSeries;
            bool any = false;
            for (int b = 0; b < m_histogram.binCount(); ++b) {
                const int count = m_histogram.byOutcome[size_t(b)][size_t(o)];
                any = any || count > 0;
                // Step shape: each bin is a flat segment from its start to the next bin's start.
                lower->append(xOf(b), below[size_t(b)]);
                lower->append(xOf(b + 1), below[size_t(b)]);
                upper->append(xOf(b), below[size_t(b)] + count);
                upper->append(xOf(b + 1), below[size_t(b)] + count);
                below[size_t(b)] += count;
                maxTotal = std::max(maxTotal, below[size_t(b)]);
            }
            if (!any) {
                delete lower;
                delete upper;
                continue;
            }
            auto *area = new QAreaSeries(upper, lower);
            area->setName(outcomeLabel(SessionOutcome(o)));
            area->setColor(outcomeColor(SessionOutcome(o)));
            area->setBorderColor(outcomeColor(SessionOutcome(o)).darker(120));
            chart->addSeries(area);
            area->attachAxis(axisX);
            area->attachAxis(axisY);
            connect(area, &QAreaSeries::clicked, this, [this, shift](const QPointF &point) {
                const qint64 t = qint64(point.x()) - shift;
                if (m_histogram.binMs <= 0)
                    return;
                const qint64 start = m_histogram.fromMs + ((t - m_histogram.fromMs) / m_histogram.binMs) * m_histogram.binMs;
                Q_EMIT timeRangeSelected(start, start + m_histogram.binMs);
            });
        }
        setCountRange(axisY, maxTotal);
    }
    // Errors over time: one line per reply class.
    {
        QChart *chart = m_errorsChart->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        applyTheme(chart, palette());
        QDateTimeAxis *axisX = timeAxis(chart);
        auto *axisY = new QValueAxis;
        axisY->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(axisY, Qt::AlignLeft);
        int maxValue = 1;
        const QString names[2] = {tr("4xx transient"), tr("5xx permanent")};
        const QColor colors[2] = {QColor(0xd0, 0x8a, 0x00), QColor(0xc8, 0x37, 0x37)};
        const QString patterns[2] = {QStringLiteral("4**"), QStringLiteral("5**")};
        for (int c = 0; c < 2; ++c) {
            auto *series = new QLineSeries;
            series->setName(names[c]);
            series->setColor(colors[c]);
            QPen pen = series->pen();
            pen.setWidth(2);
            series->setPen(pen);
            series->setPointsVisible(m_histogram.binCount() < 40);
            for (int b = 0; b < m_histogram.binCount(); ++b) {
                const int count = m_histogram.errorsByClass[size_t(b)][size_t(c)];
                series->append(xOf(b) + double(m_histogram.binMs) / 2, count);
                maxValue = std::max(maxValue, count);
            }
            chart->addSeries(series);
            series->attachAxis(axisX);
            series->attachAxis(axisY);
            const QString pattern = patterns[c];
            connect(series, &QLineSeries::clicked, this, [this, pattern, shift](const QPointF &point) {
                if (m_histogram.binMs <= 0)
                    return;
                const qint64 t = qint64(point.x()) - shift;
                const qint64 start = m_histogram.fromMs + ((t - m_histogram.fromMs) / m_histogram.binMs) * m_histogram.binMs;
                Q_EMIT codeSelected(pattern);
                Q_EMIT timeRangeSelected(start, start + m_histogram.binMs);
            });
        }
        setCountRange(axisY, maxValue);
    }
    m_rebuilding = false;
}

void ChartsView::onTimeAxisChanged(QDateTimeAxis *axis)
{
    if (m_rebuilding)
        return;
    // A rubber-band zoom (or zoom out): re-bin for the new window and filter the table to it.
    const bool local = m_timeDisplay == TimeDisplay::Local;
    const qint64 shift = local ? 0 : -qint64(axis->min().offsetFromUtc()) * 1000;
    const qint64 from = axis->min().toMSecsSinceEpoch() - shift;
    const qint64 to = axis->max().toMSecsSinceEpoch() - shift;
    const auto whole = sessionTimeRange(m_sessions);
    const bool zoomedOut = whole.first != kNoTime && from <= whole.first && to >= whole.second;
    QMetaObject::invokeMethod(this, [this, from, to, zoomedOut] {
        // Deferred: the chart is still inside its own zoom handling when the axis signals.
        setTimeWindow(zoomedOut ? kNoTime : from, zoomedOut ? kNoTime : to);
        if (zoomedOut)
            Q_EMIT zoomReset();
        else
            Q_EMIT timeWindowZoomed(from, to);
    }, Qt::QueuedConnection);
}

QImage ChartsView::renderImage(const QSize &size, const std::function<QString(const QString &)> &label)
{
    m_label = label;
    rebuild();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QSizeF cell(size.width() / 2.0, size.height() / 2.0);
    const QChartView *views[4] = {m_sessionsChart, m_errorsChart, m_hostsChart, m_codesChart};
    for (int i = 0; i < 4; ++i) {
        QChart *chart = views[i]->chart();
        const QRectF before = chart->geometry();
        chart->resize(cell);
        const QRectF target(QPointF((i % 2) * cell.width(), (i / 2) * cell.height()), cell);
        chart->scene()->render(&painter, target, QRectF(chart->pos(), cell));
        chart->setGeometry(before);   // the view keeps its own layout
    }
    painter.end();
    // The labels on screen are the real ones again.
    m_label = {};
    m_dirty = true;
    if (isVisible())
        rebuild();
    return image;
}

bool ChartsView::exportImage(const QString &path)
{
    const bool svg = QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    if (svg) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size());
        generator.setViewBox(rect());
        generator.setTitle(tr("Mailflow Workbench charts"));
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        render(&painter);
        return painter.end();
    }
    return grab().save(path);
}

} // namespace mwb::views
