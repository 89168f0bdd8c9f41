#include "fixtures.h"
#include "model/itemmodels/sessionfilter.h"

#include <QRegularExpression>
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
        QBitArray bits;
        for (int i : findings) {
            if (i >= bits.size())
                bits.resize(i + 1);
            bits.setBit(i);
        }
        filter.setFindingSessions(bits);
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

    void freeTextIsFoundAtEveryPositionOfLongFieldsAndNowhereElse()
    {
        // The ASCII search tests 16 positions at a time: needles at every offset around those
        // blocks, of several lengths, in fields of several lengths, against QString::contains.
        const QString filler = QStringLiteral("250 2.6.0 <Queued@Mail.For.Delivery> [InternalId=1234567890] xyz");
        for (const QString &needle : {QStringLiteral("u"), QStringLiteral("Us"), QStringLiteral("user123@"),
                                      QStringLiteral("ABCDEFGHIJKLMNOPQRS")}) {
            SessionFilterSpec spec;
            spec.text = needle;
            auto filter = SessionFilter::compile(spec);
            QVERIFY(filter.ok());
            for (int length = 0; length <= 48; ++length) {
                for (int at = 0; at <= length; ++at) {
                    QString field = filler.left(length);
                    field.insert(at, needle.toUpper());
                    for (const QString &text : {field, filler.left(length)}) {
                        Session s;
                        s.lastReply = text;
                        const bool expected = text.contains(needle, Qt::CaseInsensitive);
                        if (filter.value().matches(s) != expected)
                            QFAIL(qPrintable(QStringLiteral("needle '%1' in '%2'").arg(needle, text)));
                    }
                }
            }
        }
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

    void fastCodeAndAddressPathsAgreeWithTheReferenceRegexes()
    {
        // The filter parses reply codes and IPv4 endpoints by hand for speed; these references are
        // the plain regex / QHostAddress definitions they replace.
        static const QRegularExpression replyRe(QStringLiteral(R"(^\s*([2-5]\d\d)[ -]*(?:([245]\.\d{1,3}\.\d{1,3})\b)?)"));
        const QStringList replies = {
            QStringLiteral("451 4.4.317 Cannot connect"), QStringLiteral("550 5.7.1 Unable to relay"),
            QStringLiteral("  421-4.3.2 busy"), QStringLiteral("250 2.6.0 <x@y> Queued"), QStringLiteral("5.7.1 no basic"),
            QStringLiteral("554 5.7.1234 long"), QStringLiteral("554 5.7.12x word"), QStringLiteral("220 ex01 ESMTP"),
            QStringLiteral("4510"), QStringLiteral("550 5.7.1"), QStringLiteral("452 4.5.3, too many"), QString(),
            QStringLiteral("530 5.7.57 Client not authenticated"), QStringLiteral("250-5.7.1"), QStringLiteral("35 1")};
        for (const QString &r : replies) {
            const QRegularExpressionMatch m = replyRe.match(r);
            const ReplyCode c = parseReplyCode(r);
            QCOMPARE(c.basic, m.hasMatch() ? m.captured(1) : QString());
            QCOMPARE(c.enhanced, m.hasMatch() ? m.captured(2) : QString());
        }
        const QStringList patterns = {QStringLiteral("5.7.*"), QStringLiteral("4.*"), QStringLiteral("451"), QStringLiteral("4**"),
                                      QStringLiteral("5"), QStringLiteral("2.6.0"), QStringLiteral("5.7"), QStringLiteral("*.7.1"),
                                      QStringLiteral("5.*.1"), QStringLiteral("*")};
        for (const QString &pattern : patterns) {
            SessionFilterSpec spec;
            spec.code = pattern;
            auto filter = SessionFilter::compile(spec);
            QVERIFY2(filter, qPrintable(pattern));
            // Reference: the pattern as an anchored regex ('*' = digits, short enhanced patterns as prefixes).
            QString rx;
            for (const QChar ch : pattern)
                rx += ch == QLatin1Char('*') ? QStringLiteral(R"(\d+)") : ch == QLatin1Char('.') ? QStringLiteral(R"(\.)") : QString(ch);
            if ((pattern.contains(QLatin1Char('.')) || pattern.size() == 1) && pattern.count(QLatin1Char('.')) < 2)
                rx += QStringLiteral(R"((\.\d+)*)");
            const QRegularExpression ref(QLatin1Char('^') + rx + QLatin1Char('$'));
            for (const QString &r : replies) {
                Session s;
                s.lastReply = r;
                const ReplyCode c = parseReplyCode(r);
                const bool expected = (!c.enhanced.isEmpty() && ref.match(c.enhanced).hasMatch()) || (!c.basic.isEmpty() && ref.match(c.basic).hasMatch());
                QVERIFY2(filter.value().matches(s) == expected, qPrintable(pattern + QStringLiteral(" / ") + r));
            }
        }
        const QStringList networks = {QStringLiteral("10.0.0.0/8"), QStringLiteral("203.0.113.0/24"), QStringLiteral("0.0.0.0/0"),
                                      QStringLiteral("203.0.113.7"), QStringLiteral("2001:db8::/32")};
        const QStringList endpoints = {QStringLiteral("10.1.2.3:25"), QStringLiteral("10.1.2.3"), QStringLiteral("11.0.0.1:25"),
                                       QStringLiteral("203.0.113.7:587"), QStringLiteral("203.0.114.7:25"), QStringLiteral("[2001:db8::5]:25"),
                                       QStringLiteral("256.1.1.1:25"), QStringLiteral("mail.contoso.com"), QStringLiteral(" 10.9.9.9:25"),
                                       QStringLiteral("10.1.2:25"), QStringLiteral("::ffff:10.1.2.3")};
        for (const QString &net : networks) {
            SessionFilterSpec spec;
            spec.remote = net;
            auto filter = SessionFilter::compile(spec);
            QVERIFY2(filter, qPrintable(net));
            const auto subnet = net.contains(QLatin1Char('/')) ? QHostAddress::parseSubnet(net) : qMakePair(QHostAddress(net), 32);
            for (const QString &e : endpoints) {
                Session s;
                s.remote = e;
                const QHostAddress addr = endpointAddress(e);
                const bool expected = !addr.isNull() && addr.isInSubnet(subnet.first, subnet.second);
                QVERIFY2(filter.value().matches(s) == expected, qPrintable(net + QStringLiteral(" / ") + e));
            }
        }
    }

    void regexFilterAgreesWithQRegularExpressionOnEveryField()
    {
        // The filter matches regexes through PCRE2 directly (when built with it); each pattern must
        // select exactly the sessions QRegularExpression (case-insensitive) selects over the same fields.
        QList<Session> list;
        const QStringList values = {QStringLiteral("EX01"), QStringLiteral("Ex02.contoso.com"), QString(),
                                    QStringLiteral("alice@fabrikam.com"), QStringLiteral("Ünïcödé@beispiel.de"),
                                    QStringLiteral("550 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using Spamhaus"),
                                    QStringLiteral("451 4.4.317 Cannot connect to remote server"), QStringLiteral("[2001:db8::5]:25"),
                                    QStringLiteral("08DC1A2B3C4D5E6F"), QStringLiteral("<m1@x>"), QStringLiteral("a\u00A0b"), QStringLiteral("😀 mail")};
        for (int i = 0; i < 600; ++i) {
            Session s;
            s.index = i;
            s.id = values.at(i % values.size());
            s.server = values.at((i / 3) % values.size());
            s.connector = values.at((i / 5) % values.size());
            s.remote = values.at((i / 7) % values.size());
            s.ehlo = values.at((i / 11) % values.size());
            s.mailFrom = values.at((i / 13) % values.size());
            s.lastReply = values.at((i / 17) % values.size());
            s.authUser = values.at((i / 19) % values.size());
            if (i % 4 == 0)
                s.recipients = {values.at((i / 23) % values.size()), values.at((i / 29) % values.size())};
            if (i % 6 == 0)
                s.messageIds = {values.at((i / 31) % values.size())};
            list << s;
        }
        const QStringList patterns = {QStringLiteral("^ex0[12]$"), QStringLiteral("spamhaus"), QStringLiteral("4\\.4\\.3\\d+"),
                                      QStringLiteral("ünïcödé@"), QStringLiteral("^$"), QStringLiteral("\\p{L}+@beispiel"),
                                      QStringLiteral("[😀]"), QStringLiteral("a\\sb"), QStringLiteral("^\\[2001:db8::"), QStringLiteral("(a|b)*"),
                                      QStringLiteral("(?-i)EX0"), QStringLiteral("\\bmail\\b"), QStringLiteral("x>$"), QStringLiteral(".{60,}"),
                                      QStringLiteral("^(?:ex|alice)"), QStringLiteral("com$"), QStringLiteral("[^@]+@fabrikam"), QStringLiteral("(\\w)\\1"),
                                      QStringLiteral("(?=.*spam)"), QStringLiteral("blocked\\z"), QStringLiteral("^\\s*$"), QStringLiteral("\\n")};
        for (const QString &pattern : patterns) {
            SessionFilterSpec spec;
            spec.text = pattern;
            spec.textIsRegex = true;
            const SessionFilter filter = SessionFilter::compile(spec).value();
            const QRegularExpression reference(pattern, QRegularExpression::CaseInsensitiveOption);
            std::vector<int> expected;
            for (const Session &s : std::as_const(list)) {
                QStringList fields = {s.id, s.server, s.connector, s.remote, s.local, s.ehlo, s.mailFrom, s.lastReply, s.authUser};
                fields << s.recipients << s.messageIds;
                if (std::any_of(fields.cbegin(), fields.cend(), [&](const QString &f) { return reference.match(f).hasMatch(); }))
                    expected.push_back(s.index);
            }
            QCOMPARE(filter.apply(list), expected);
            if (pattern == QLatin1String("^ex0[12]$"))
                QVERIFY(!expected.empty() && expected.size() < size_t(list.size()));   // the check can fail both ways
        }
        // Patterns that could fail over joined fields though one field matches alone (possessive,
        // atomic, lookbehind, \A, inline options) must still find that field.
        {
            Session s;
            s.index = 0;
            s.id = QStringLiteral("ab");
            s.server = QStringLiteral("z");
            s.connector = QStringLiteral("cd");
            for (const QString &pattern : {QStringLiteral("b[^z]*+$"), QStringLiteral("(?>b[^z]*)$"), QStringLiteral("(?<!\\s)cd"),
                                           QStringLiteral("\\Acd"), QStringLiteral("(?-m)^cd$"), QStringLiteral("^z\\z")}) {
                SessionFilterSpec spec;
                spec.text = pattern;
                spec.textIsRegex = true;
                QVERIFY2(SessionFilter::compile(spec).value().matches(s), qPrintable(pattern));
            }
        }
        // A lone surrogate (not valid UTF-16) is left to PCRE2's own check: no crash, no false hit.
        {
            Session s;
            s.id = QString(QChar(0xD800)) + QStringLiteral("abc");
            s.server = QStringLiteral("EX01");
            SessionFilterSpec spec;
            spec.text = QStringLiteral("ex01");
            spec.textIsRegex = true;
            QVERIFY(SessionFilter::compile(spec).value().matches(s));   // the valid field still matches
            spec.text = QStringLiteral("^zzz");
            QVERIFY(!SessionFilter::compile(spec).value().matches(s));
        }
        // The threaded path (≥ 200,000 sessions) keeps its per-thread match data apart.
        QList<Session> big;
        big.reserve(240'000);
        for (int i = 0; i < 240'000; ++i) {
            Session s = list.at(i % list.size());
            s.index = i;
            big << s;
        }
        SessionFilterSpec spec;
        spec.text = QStringLiteral("spamhaus|^ex02");
        spec.textIsRegex = true;
        const SessionFilter filter = SessionFilter::compile(spec).value();
        std::vector<int> sequential;
        for (const Session &s : std::as_const(big)) {
            if (filter.matches(s))
                sequential.push_back(s.index);
        }
        QVERIFY(!sequential.empty());
        QCOMPARE(filter.apply(big), sequential);
    }

    void largeListsSplitOverThreadsGiveTheSameRowsInOrder()
    {
        // Above 200,000 sessions apply() runs in chunks on several threads; the result must equal
        // a plain sequential scan.
        QList<Session> list;
        list.reserve(250'000);
        Session base;
        base.server = QStringLiteral("EX01");
        for (int i = 0; i < 250'000; ++i) {
            base.index = i;
            base.remote = i % 7 == 0 ? QStringLiteral("10.0.0.1:25") : QStringLiteral("203.0.113.9:25");
            base.lastReply = i % 3 == 0 ? QStringLiteral("550 5.7.1 no") : QStringLiteral("250 2.6.0 ok");
            list << base;
        }
        SessionFilterSpec spec;
        spec.remote = QStringLiteral("10.0.0.0/8");
        spec.code = QStringLiteral("5.7.*");
        const SessionFilter filter = SessionFilter::compile(spec).value();
        std::vector<int> expected;
        for (int i = 0; i < list.size(); ++i) {
            if (filter.matches(list.at(i)))
                expected.push_back(i + 5);
        }
        QCOMPARE(expected.size(), size_t((250'000 + 20) / 21));
        QCOMPARE(filter.apply(list, 5), expected);
    }
};

QTEST_GUILESS_MAIN(TestSessionFilter)
#include "tst_sessionfilter.moc"
