#include "fixtures.h"
#include "model/itemmodels/aggregates.h"

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
};

QTEST_GUILESS_MAIN(TestAggregates)
#include "tst_aggregates.moc"
