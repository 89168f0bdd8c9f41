#pragma once
// Charts over the sessions (Qt Charts): sessions over time stacked by outcome, errors over time by
// SMTP code class, top remote hosts, top error codes. Aggregation happens in the item-model layer
// (model/itemmodels/aggregates.h) with bins sized to the visible range, so a chart never holds more
// than a few hundred points whatever the size of the load. Clicks and rubber-band zooms filter.
#include "model/itemmodels/aggregates.h"
#include "model/itemmodels/timeformat.h"

#include <QImage>
#include <QWidget>
#include <functional>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QPushButton;

namespace mwb::views {

class ChartsView : public QWidget {
    Q_OBJECT
public:
    explicit ChartsView(QWidget *parent = nullptr);
    void setSessions(const QList<Session> &sessions);
    // The sessions the filter lets through (indexes into the sessions); allRows: no filter. The
    // charts count only those, like the table shows only them.
    void setRows(std::vector<int> rows, bool allRows);
    void clear();
    // Re-bins the time charts for [fromMs, toMs) (zoom); kNoTime = the whole load.
    void setTimeWindow(qint64 fromMs, qint64 toMs);
    qint64 timeWindowFrom() const { return m_fromMs; }
    qint64 timeWindowTo() const { return m_toMs; }
    void setTimeDisplay(TimeDisplay display);
    bool exportImage(const QString &path);  // .png or .svg by suffix
    // The four charts in a 2×2 grid of `size`, drawn from their scenes, so it works whether or not
    // the tab was ever shown; text labels (remote hosts) go through `label` (a report's redaction).
    QImage renderImage(const QSize &size, const std::function<QString(const QString &)> &label = {});
    const TimeHistogram &histogram() const { return m_histogram; }
    QList<QPair<QString, int>> topHosts() const { return m_topHosts; }
    QList<QPair<QString, int>> topCodes() const { return m_topCodes; }

Q_SIGNALS:
    void timeRangeSelected(qint64 fromMs, qint64 toMs);
    void codeSelected(const QString &codePattern);
    void remoteSelected(const QString &remote);
    void timeWindowZoomed(qint64 fromMs, qint64 toMs);   // rubber band: the table follows, the tab stays
    void zoomReset();   // the admin reset the zoom: the time filter it set goes too

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void rebuildTimeCharts();
    void onTimeAxisChanged(QDateTimeAxis *axis);
    void updateHeader();

    QList<Session> m_sessions;
    std::function<QString(const QString &)> m_label;   // while renderImage draws
    std::vector<int> m_rows;
    bool m_allRows = true;
    QLabel *m_header = nullptr;
    QPushButton *m_resetZoom = nullptr;
    qint64 m_fromMs = kNoTime;
    qint64 m_toMs = kNoTime;
    TimeDisplay m_timeDisplay = TimeDisplay::Utc;
    bool m_dirty = false;
    bool m_rebuilding = false;
    TimeHistogram m_histogram;
    QList<QPair<QString, int>> m_topHosts;
    QList<QPair<QString, int>> m_topCodes;
    QChartView *m_sessionsChart;
    QChartView *m_errorsChart;
    QChartView *m_hostsChart;
    QChartView *m_codesChart;
};

} // namespace mwb::views
