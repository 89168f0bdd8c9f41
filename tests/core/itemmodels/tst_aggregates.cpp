#include "fixtures.h"
#include "model/itemmodels/aggregates.h"

#include <QDateTime>
#include <QTest>

using namespace mwb;

class TestAggregates : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void binsStayWithinTheLimitAndCountByOutcome()
    {
        const QList<Session> all = fixtures::sample();
        const auto range = sessionTimeRange(all);
        QCOMPARE(range.first, fixtures::at("2026-11-20T08:00:00.000Z"));
        const TimeHistogram h = binSessions(all, {}, true, range.first, range.second, 10);
        QVERIFY(h.binCount() > 0);
        QVERIFY(h.binCount() <= 11);
        int total = 0;
        int rejected = 0;
        int fiveHundreds = 0;
        for (int b = 0; b < h.binCount(); ++b) {
            for (int o = 0; o < kOutcomeCount; ++o)
                total += h.byOutcome[size_t(b)][size_t(o)];
            rejected += h.byOutcome[size_t(b)][size_t(SessionOutcome::Rejected)];
            fiveHundreds += h.errorsByClass[size_t(b)][1];
        }
        QCOMPARE(total, 5);
        QCOMPARE(rejected, 2);
        QCOMPARE(fiveHundreds, 2);
    }

    void binWidthIsRoundAndGrowsWithTheSpan()
    {
        QCOMPARE(niceBinWidth(60'000, 120), qint64(1000));
        QCOMPARE(niceBinWidth(3'600'000, 120), qint64(60'000));
        QVERIFY(niceBinWidth(365LL * 86'400'000, 120) >= 86'400'000);
    }

    void rowsRestrictTheAggregation()
    {
        const QList<Session> all = fixtures::sample();
        const auto codes = topErrorCodes(all, {1, 2}, false, 10);
        QCOMPARE(codes.size(), 2);
        const auto hosts = topRemoteHosts(all, {}, true, 2);
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts.first().second, 1);
        const auto allCodes = topErrorCodes(all, {}, true, 10);
        QVERIFY(allCodes.contains(qMakePair(QStringLiteral("451 4.4.317"), 1)));
    }

    void noTimesGiveAnEmptyHistogram()
    {
        QList<Session> all = fixtures::sample();
        for (Session &s : all)
            s.startMs = s.endMs = kNoTime;
        const auto range = sessionTimeRange(all);
        QCOMPARE(range.first, kNoTime);
        QCOMPARE(binSessions(all, {}, true, range.first, range.second).binCount(), 0);
    }

    void countAxisTicksAreWholeNumbers()
    {
        // The case that printed "0, 0, 1, 1, 2": a maximum of 2 must give ticks 0, 1, 2.
        const CountAxisTicks two = countAxisTicks(2);
        QCOMPARE(two.step, 1);
        QCOMPARE(two.top, 2);
        QCOMPARE(two.tickCount(), 3);
        QCOMPARE(countAxisTicks(0).top, 1);
        const CountAxisTicks seven = countAxisTicks(7);
        QCOMPARE(seven.step, 2);
        QCOMPARE(seven.top, 8);
        const CountAxisTicks big = countAxisTicks(1'234'567);
        QVERIFY(big.top >= 1'234'567);
        QVERIFY(big.top / big.step <= 5);
        QCOMPARE(big.top % big.step, 0);
        for (int v = 1; v < 2000; v += 7) {
            const CountAxisTicks t = countAxisTicks(v);
            QVERIFY(t.top >= v);
            QVERIFY(t.tickCount() <= 6);
            QCOMPARE(t.top % t.step, 0);
        }
    }
    void timeAxisTicksFallOnRoundTimes()
    {
        const qint64 base = QDateTime(QDate(2026, 12, 7), QTime(8, 18, 48, 123), Qt::UTC).toMSecsSinceEpoch();
        struct Case {
            qint64 spanMs;
            qint64 expectedStep;
        };
        // Spans from seconds to weeks: the step grows, the ticks stay round and few.
        for (const Case c : {Case{7'000, 2'000}, Case{40'000, 10'000}, Case{11 * 60'000, 2 * 60'000}, Case{50 * 60'000, 10 * 60'000},
                             Case{5 * 3'600'000LL, 3'600'000}, Case{3 * 86'400'000LL, 86'400'000}, Case{30 * 86'400'000LL, 7 * 86'400'000LL}}) {
            const TimeAxisTicks t = roundTimeAxis(base, base + c.spanMs);
            QCOMPARE(t.stepMs, c.expectedStep);
            QVERIFY(t.fromMs <= base);
            QVERIFY(t.toMs >= base + c.spanMs);
            QCOMPARE(t.fromMs % t.stepMs, 0);   // 08:18:48 never appears as a tick
            QCOMPARE((t.toMs - t.fromMs) % t.stepMs, 0);
            QVERIFY2(t.tickCount() >= 2 && t.tickCount() <= 7, qPrintable(QString::number(t.tickCount())));
        }
        // Minutes without seconds in the labels; seconds when the step needs them.
        QCOMPARE(roundTimeAxis(base, base + 50 * 60'000).labelFormat, QStringLiteral("HH:mm"));
        QCOMPARE(roundTimeAxis(base, base + 40'000).labelFormat, QStringLiteral("HH:mm:ss"));
        // Rounding happens in the displayed zone: at UTC+05:30 an hourly tick is on the local hour.
        const qint64 offset = (5 * 60 + 30) * 60'000LL;
        const TimeAxisTicks local = roundTimeAxis(base, base + 5 * 3'600'000LL, offset);
        QCOMPARE((local.fromMs + offset) % 3'600'000LL, 0);
        // An empty or reversed range still gives an axis.
        QVERIFY(roundTimeAxis(base, base).tickCount() >= 2);
    }
};

QTEST_GUILESS_MAIN(TestAggregates)
#include "tst_aggregates.moc"
