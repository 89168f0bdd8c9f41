#pragma once
// Charts over the sessions (Qt Charts): sessions over time stacked by outcome, errors over time by
// SMTP code class, top remote hosts, top error codes. Aggregation happens in the item-model layer
// (model/itemmodels/aggregates.h) with bins sized to the visible range, so a chart never holds more
// than a few hundred points whatever the size of the load. Clicks and rubber-band zooms filter.
#include "model/itemmodels/aggregates.h"
#include "model/itemmodels/timeformat.h"

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;

namespace mwb::views {

class ChartsView : public QWidget {
    Q_OBJECT
public:
    explicit ChartsView(QWidget *parent = nullptr);
    void setSessions(const QList<Session> &sessions);
    void clear();
    // Re-bins the time charts for [fromMs, toMs) (zoom); kNoTime = the whole load.
    void setTimeWindow(qint64 fromMs, qint64 toMs);
    qint64 timeWindowFrom() const { return m_fromMs; }
    qint64 timeWindowTo() const { return m_toMs; }
    void setTimeDisplay(TimeDisplay display);
    bool exportImage(const QString &path);  // .png or .svg by suffix
    const TimeHistogram &histogram() const { return m_histogram; }
    QList<QPair<QString, int>> topHosts() const { return m_topHosts; }
    QList<QPair<QString, int>> topCodes() const { return m_topCodes; }

Q_SIGNALS:
    void timeRangeSelected(qint64 fromMs, qint64 toMs);
    void codeSelected(const QString &codePattern);
    void remoteSelected(const QString &remote);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void rebuildTimeCharts();
    void onTimeAxisChanged(QDateTimeAxis *axis);

    QList<Session> m_sessions;
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
