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
};

QTEST_GUILESS_MAIN(TestAggregates)
#include "tst_aggregates.moc"
