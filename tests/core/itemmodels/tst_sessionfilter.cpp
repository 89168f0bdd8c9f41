#include "fixtures.h"
#include "model/itemmodels/sessionfilter.h"

#include <QTest>

using namespace mwb;

class TestSessionFilter : public QObject {
    Q_OBJECT
private:
    static std::vector<int> run(const SessionFilterSpec &spec, const QSet<int> &findings = {})
    {
        auto f = SessionFilter::compile(spec);
        if (!f)
            return {-1};
        SessionFilter filter = f.value();
        filter.setFindingSessions(findings);
        return filter.apply(fixtures::sample());
    }

private Q_SLOTS:
    void emptySpecMatchesEverything()
    {
        QVERIFY(SessionFilterSpec{}.isEmpty());
        QCOMPARE(run({}).size(), size_t(5));
    }

    void freeTextIsCaseInsensitiveOverManyFields()
    {
        SessionFilterSpec spec;
        spec.text = QStringLiteral("SPAMHAUS");
        QCOMPARE(run(spec), std::vector<int>({2}));
        spec.text = QStringLiteral("msg3@");
        QCOMPARE(run(spec), std::vector<int>({3}));
    }

    void regexTextMatchesAndInvalidRegexIsAnError()
    {
        SessionFilterSpec spec;
        spec.text = QStringLiteral("^EX0[12]$");
        spec.textIsRegex = true;
        QCOMPARE(run(spec), std::vector<int>({0, 1, 2, 3}));
        spec.text = QStringLiteral("([unclosed");
        const auto compiled = SessionFilter::compile(spec);
        QVERIFY(!compiled.ok());
        QVERIFY(compiled.errorMessage().contains(QStringLiteral("regular expression")));
    }

    void cidrMatchesRemoteAddressesIncludingIpv6()
    {
        SessionFilterSpec spec;
        spec.remote = QStringLiteral("203.0.113.0/24");
        QCOMPARE(run(spec), std::vector<int>({0, 1}));
        spec.remote = QStringLiteral("2001:db8::/32");
        QCOMPARE(run(spec), std::vector<int>({3}));
        spec.remote = QStringLiteral("10.1.2.3");
        QCOMPARE(run(spec), std::vector<int>({2}));
    }

    void invalidCidrIsAnError()
    {
        SessionFilterSpec spec;
        spec.remote = QStringLiteral("10.0.0.0/99");
        QVERIFY(!SessionFilter::compile(spec).ok());
    }

    void enhancedCodeExactAndWildcard()
    {
        SessionFilterSpec spec;
        spec.code = QStringLiteral("4.4.317");
        QCOMPARE(run(spec), std::vector<int>({1}));
        spec.code = QStringLiteral("5.7.*");
        QCOMPARE(run(spec), std::vector<int>({2, 3}));
        spec.code = QStringLiteral("5.*");
        QCOMPARE(run(spec), std::vector<int>({2, 3}));
        spec.code = QStringLiteral("530");
        QCOMPARE(run(spec), std::vector<int>({3}));
        spec.code = QStringLiteral("5**");
        QCOMPARE(run(spec), std::vector<int>({2, 3}));
    }

    void malformedCodePatternIsAnError()
    {
        SessionFilterSpec spec;
        spec.code = QStringLiteral("abc");
        QVERIFY(!SessionFilter::compile(spec).ok());
        spec.code = QStringLiteral("9.9.9");
        QVERIFY(!SessionFilter::compile(spec).ok());
    }

    void serverDirectionOutcomeTlsAndTimeRangeCombine()
    {
        SessionFilterSpec spec;
        spec.server = QStringLiteral("ex02");
        spec.outcome = SessionOutcome::Rejected;
        spec.onlyTls = true;
        QCOMPARE(run(spec), std::vector<int>({3}));
        SessionFilterSpec dir;
        dir.direction = Direction::Send;
        QCOMPARE(run(dir), std::vector<int>({4}));
        SessionFilterSpec time;
        time.fromMs = fixtures::at("2026-11-20T08:01:00.000Z");
        time.toMs = fixtures::at("2026-11-20T08:03:00.000Z");
        QCOMPARE(run(time), std::vector<int>({1, 2}));
    }

    void reversedTimeRangeIsAnError()
    {
        SessionFilterSpec spec;
        spec.fromMs = 2000;
        spec.toMs = 1000;
        QVERIFY(!SessionFilter::compile(spec).ok());
    }

    void hasFindingUsesTheFindingSessionSet()
    {
        SessionFilterSpec spec;
        spec.onlyWithFinding = true;
        QCOMPARE(run(spec, {1, 4}), std::vector<int>({1, 4}));
        QVERIFY(run(spec, {}).empty());
    }

    void connectorIsASubstring()
    {
        SessionFilterSpec spec;
        spec.connector = QStringLiteral("office 365");
        QCOMPARE(run(spec), std::vector<int>({4}));
    }

    void applyOffsetsIndexesForBatches()
    {
        SessionFilterSpec spec;
        spec.server = QStringLiteral("EX01");
        auto f = SessionFilter::compile(spec);
        QVERIFY(f.ok());
        QCOMPARE(f->apply(fixtures::sample(), 100), std::vector<int>({100, 101}));
    }

    void endpointAddressHandlesPortsBracketsAndJunk()
    {
        QCOMPARE(endpointAddress(QStringLiteral("10.0.0.5:25")), QHostAddress(QStringLiteral("10.0.0.5")));
        QCOMPARE(endpointAddress(QStringLiteral("[2001:db8::5]:25")), QHostAddress(QStringLiteral("2001:db8::5")));
        QVERIFY(endpointAddress(QStringLiteral("x.x.x.x:25")).isNull());
        QVERIFY(endpointAddress(QString()).isNull());
    }

    void replyCodeParsing()
    {
        const ReplyCode c = parseReplyCode(QStringLiteral("451 4.7.0 Temporary server error. Please try again later. PRX2"));
        QCOMPARE(c.basic, QStringLiteral("451"));
        QCOMPARE(c.enhanced, QStringLiteral("4.7.0"));
        QCOMPARE(parseReplyCode(QStringLiteral("250  ex01.contoso.com Hello")).enhanced, QString());
        QCOMPARE(parseReplyCode(QStringLiteral("garbage")).basic, QString());
    }
};

QTEST_GUILESS_MAIN(TestSessionFilter)
#include "tst_sessionfilter.moc"
