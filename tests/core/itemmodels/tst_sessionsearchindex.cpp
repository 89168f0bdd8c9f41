// SessionSearchIndex: a filter run through the index answers exactly as the same filter reading the
// sessions field by field, for every kind of condition and for fields that are awkward in UTF-8 or
// in one joined buffer (line breaks, NUL, lone surrogates, non-ASCII case folding, empty fields).
#include "fixtures.h"
#include "model/itemmodels/sessionfilter.h"
#include "model/itemmodels/sessionsearchindex.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mwb;

namespace {

// Sessions of many shapes; every 97th gets an awkward field somewhere.
QList<Session> varied(int count)
{
    QList<Session> list;
    list.reserve(count);
    QRandomGenerator rng(4711);
    const qint64 t0 = fixtures::at("2026-11-20T00:00:00.000Z");
    const QString servers[] = {QStringLiteral("EX01"), QStringLiteral("EX02"), QStringLiteral("EDGE01"), QStringLiteral("mx.Kontoso.de")};
    const QString replies[] = {QStringLiteral("250 2.6.0 <%1@contoso.com> Queued mail for delivery"),
                               QStringLiteral("451 4.4.317 Cannot connect to remote server [%1]"),
                               QStringLiteral("550 5.7.1 Unable to relay %1"),
                               QStringLiteral("530 5.7.3 STARTTLS is required %1"),
                               QStringLiteral("421 4.3.2 Service not available"),
                               QStringLiteral("%1"),
                               QString()};
    const QString awkward[] = {QStringLiteral("line one\nline two user7@"),
                               QStringLiteral("nul\u0000inside user7@"),
                               QString(QChar(0xD800)) + QStringLiteral("lone surrogate user7@"),
                               QStringLiteral("Grüße an Jürgen"),
                               QStringLiteral("\u212Aelvin sign"),   // folds to 'k' in Unicode, not in ASCII
                               QStringLiteral("\U0001F600 emoji user7@"),
                               QStringLiteral("ends with newline\n")};
    for (int i = 0; i < count; ++i) {
        const quint32 r = rng.generate();
        Session s;
        s.index = i;
        s.id = QStringLiteral("08DC%1").arg(quint64(i) * 2654435761u % 0xFFFFFFFFFull, 12, 16, QLatin1Char('0')).toUpper();
        s.server = servers[r % 4];
        s.connector = s.server + (i % 2 ? QStringLiteral("\\Default Frontend ") : QStringLiteral("\\Client Proxy ")) + s.server;
        s.direction = i % 4 == 0 ? Direction::Send : Direction::Receive;
        s.local = QStringLiteral("10.0.0.5:%1").arg(25 + int(r % 3));
        switch ((r >> 3) % 6) {
        case 0: s.remote = QStringLiteral("[2001:db8::%1]:25").arg(r % 300, 0, 16); break;
        case 1: s.remote = QStringLiteral("mail.fabrikam.com:25"); break;
        case 2: s.remote = QStringLiteral("10.%1.%2.%3").arg((r >> 8) & 255).arg((r >> 16) & 255).arg(r >> 24); break;
        default: s.remote = QStringLiteral("203.0.%1.%2:%3").arg((r >> 8) & 255).arg((r >> 16) & 255).arg(1024 + (r >> 20)); break;
        }
        s.startMs = (r % 50) == 0 ? kNoTime : t0 + qint64(i) * 1000;
        s.ehlo = (r % 7) == 0 ? QString() : QStringLiteral("mail%1.fabrikam.com").arg(r % 500);
        s.tls = (r >> 5) % 3 == 0;
        s.mailFrom = QStringLiteral("user%1@fabrikam.com").arg(r % 1000);
        s.authUser = (r % 11) == 0 ? QStringLiteral("CONTOSO\\svc-scan") : QString();
        for (quint32 k = 0; k < r % 4; ++k)
            s.recipients << QStringLiteral("alice%1@contoso.com").arg((r >> 4) % 50 + k);
        if ((r >> 9) % 2)
            s.messageIds << QStringLiteral("<%1@fabrikam.com>").arg(i);
        const QString &reply = replies[(r >> 12) % 7];
        s.lastReply = reply.contains(QLatin1String("%1")) ? reply.arg(i) : reply;
        s.outcome = SessionOutcome((r >> 14) % 5);
        if (i % 97 == 5) {
            QString *fields[] = {&s.ehlo, &s.mailFrom, &s.lastReply, &s.authUser, &s.remote, &s.id};
            *fields[(r >> 16) % 6] = awkward[(r >> 20) % 7];
        }
        if (i % 389 == 7)
            s.server = awkward[(r >> 20) % 7];
        list << s;
    }
    return list;
}

QList<SessionFilterSpec> specs()
{
    QList<SessionFilterSpec> out;
    auto text = [&out](const QString &t, bool regex = false) {
        SessionFilterSpec s;
        s.text = t;
        s.textIsRegex = regex;
        out << s;
    };
    // Literal text: ASCII (the index's literal search) and not (the fields).
    for (const QString &t : {QStringLiteral("user7@"), QStringLiteral("USER1"), QStringLiteral("ex01"), QStringLiteral("frontend ex02"),
                             QStringLiteral("4.4.317"), QStringLiteral("@contoso.com>"), QStringLiteral("k"), QStringLiteral("kelvin"),
                             QStringLiteral("line one\nline"), QStringLiteral("two user"), QStringLiteral("fabrikam.com\nuser"),
                             QStringLiteral("grüße"), QStringLiteral("GRÜSSE"), QStringLiteral("nul"), QStringLiteral("svc-scan"),
                             QStringLiteral("10.0.0.5:26"), QStringLiteral("2001:db8::1f"), QStringLiteral("kontoso"), QStringLiteral("08DC0000")})
        text(t);
    // Regexes: anchors at field edges, classes, alternation, empty matches, Unicode, and the kinds
    // the index cannot search (lookaround, \C, inline options) that go to the fields.
    for (const QString &t : {QStringLiteral("user1[0-9]{2}@"), QStringLiteral("^user"), QStringLiteral("com$"), QStringLiteral("^$"),
                             QStringLiteral("x*"), QStringLiteral("\\bEX0[12]\\b"), QStringLiteral("com\\s+user"), QStringLiteral("frontend|relay"),
                             QStringLiteral("gr(ü|ue)(ß|ss)e"), QStringLiteral("\\x{1F600}"), QStringLiteral("^line two"), QStringLiteral("newline$"),
                             QStringLiteral("two user7@(?=)"), QStringLiteral("(?i)EX02"), QStringLiteral("\\C\\Cser"), QStringLiteral("^\\w+\\\\"),
                             QStringLiteral("[^\\n]{40,}"), QStringLiteral("\\d{3} [45]\\.\\d\\.\\d+"), QStringLiteral("elvin"), QStringLiteral("\\p{Lu}\\p{Ll}+")})
        text(t, true);
    auto add = [&out](auto fill) {
        SessionFilterSpec s;
        fill(s);
        out << s;
    };
    add([](SessionFilterSpec &s) { s.remote = QStringLiteral("10.0.0.0/8"); });
    add([](SessionFilterSpec &s) { s.remote = QStringLiteral("203.0.17.0/24"); });
    add([](SessionFilterSpec &s) { s.remote = QStringLiteral("2001:db8::/120"); });
    add([](SessionFilterSpec &s) { s.remote = QStringLiteral("fabrikam"); });
    add([](SessionFilterSpec &s) { s.remote = QStringLiteral("0.0.0.0/0"); });
    add([](SessionFilterSpec &s) { s.code = QStringLiteral("5.7.*"); });
    add([](SessionFilterSpec &s) { s.code = QStringLiteral("451"); });
    add([](SessionFilterSpec &s) { s.code = QStringLiteral("4.*"); });
    add([](SessionFilterSpec &s) { s.server = QStringLiteral("ex02"); });
    add([](SessionFilterSpec &s) { s.connector = QStringLiteral("client proxy"); });
    add([](SessionFilterSpec &s) { s.direction = Direction::Send; s.outcome = SessionOutcome::Deferred; });
    add([](SessionFilterSpec &s) { s.onlyTls = true; s.onlyWithFinding = true; });
    add([](SessionFilterSpec &s) {
        s.fromMs = fixtures::at("2026-11-20T05:00:00.000Z");
        s.toMs = fixtures::at("2026-11-20T09:00:00.000Z");
    });
    add([](SessionFilterSpec &s) {
        s.text = QStringLiteral("fabrikam");
        s.server = QStringLiteral("EX01");
        s.code = QStringLiteral("4.*");
        s.onlyTls = true;
    });
    add([](SessionFilterSpec &s) {
        s.text = QStringLiteral("user[0-9]+@");
        s.textIsRegex = true;
        s.remote = QStringLiteral("10.0.0.0/8");
        s.direction = Direction::Receive;
    });
    return out;
}

QBitArray everyThird(qsizetype size)
{
    QBitArray bits(size);
    for (qsizetype i = 0; i < size; i += 3)
        bits.setBit(i);
    return bits;
}

QString describe(const SessionFilterSpec &spec)
{
    return QStringLiteral("text=%1 regex=%2 remote=%3 code=%4 server=%5").arg(spec.text, spec.textIsRegex ? QStringLiteral("1") : QStringLiteral("0"),
                                                                               spec.remote, spec.code, spec.server);
}

} // namespace

class TestSessionSearchIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFilterGivesTheSameRowsWithAndWithoutTheIndex()
    {
        // More than one chunk, so hits at chunk edges and the per-chunk dictionaries are covered.
        const QList<Session> sessions = varied(int(SessionSearchIndex::kChunkSessions) + 3000);
        const auto index = SessionSearchIndex::build(sessions);
        QVERIFY(index);
        QVERIFY(index->covers(sessions));
        QCOMPARE(index->chunks().size(), size_t(2));
        int nonEmpty = 0;
        for (const SessionFilterSpec &spec : specs()) {
            auto compiled = SessionFilter::compile(spec);
            QVERIFY2(compiled.ok(), qPrintable(describe(spec) + compiled.errorMessage()));
            SessionFilter filter = compiled.value();
            filter.setFindingSessions(everyThird(sessions.size()));
            const std::vector<int> plain = filter.applyRange(sessions, 0, sessions.size());
            const std::vector<int> indexed = filter.applyRange(sessions, 0, sessions.size(), index.get());
            QVERIFY2(plain == indexed, qPrintable(QStringLiteral("%1: %2 rows reading the sessions, %3 via the index")
                                                      .arg(describe(spec)).arg(plain.size()).arg(indexed.size())));
            nonEmpty += plain.empty() ? 0 : 1;
            if (plain.empty())
                qInfo("no rows: %s", qPrintable(describe(spec)));
        }
        // The battery is not vacuous: every spec matches something but the five that must not (text
        // across two fields: "fabrikam.com\nuser", "com\s+user", "^line two"; "kelvin" and "GRÜSSE",
        // which Qt's case folding does not equate with U+212A and "ß").
        QCOMPARE(nonEmpty, specs().size() - 5);
    }

    void rangesThatCutChunksGiveTheSameRows()
    {
        const QList<Session> sessions = varied(int(SessionSearchIndex::kChunkSessions) + 500);
        const auto index = SessionSearchIndex::build(sessions, nullptr, 1);
        QVERIFY(index);
        const qsizetype edge = SessionSearchIndex::kChunkSessions;
        const std::pair<qsizetype, qsizetype> ranges[] = {{0, 1}, {1, 2}, {edge - 1, edge + 1}, {edge, edge + 500}, {17, edge - 17}, {300, 300}};
        for (const QString &t : {QStringLiteral("user7@"), QStringLiteral("^user"), QStringLiteral("x*")}) {
            SessionFilterSpec spec;
            spec.text = t;
            spec.textIsRegex = t != QLatin1String("user7@");
            const SessionFilter filter = SessionFilter::compile(spec).value();
            for (const auto &[from, to] : ranges) {
                const std::vector<int> plain = filter.applyRange(sessions, from, to);
                QCOMPARE(filter.applyRange(sessions, from, to, index.get()), plain);
                for (int row : plain)
                    QVERIFY(row >= from && row < to);
            }
        }
    }

    void aSessionWithSeveralHitsIsListedOnce()
    {
        QList<Session> sessions = fixtures::sample();
        sessions[1].mailFrom = QStringLiteral("hit hit hit");
        sessions[1].ehlo = QStringLiteral("hit");
        sessions[1].recipients = {QStringLiteral("hit"), QStringLiteral("hit")};
        sessions[2].lastReply = QStringLiteral("hit");
        const auto index = SessionSearchIndex::build(sessions);
        SessionFilterSpec spec;
        spec.text = QStringLiteral("HIT");
        QCOMPARE(SessionFilter::compile(spec).value().applyRange(sessions, 0, sessions.size(), index.get()), std::vector<int>({1, 2}));
        spec.textIsRegex = true;
        spec.text = QStringLiteral("h.t");
        QCOMPARE(SessionFilter::compile(spec).value().applyRange(sessions, 0, sessions.size(), index.get()), std::vector<int>({1, 2}));
    }

    void aMatchRunningIntoTheNextSessionDoesNotHideIt()
    {
        // "ab\ncd" spans the end of session 0 and the start of session 1 in the chunk text; session
        // 1 matches on its own field ("cd" then "ab\ncd"-free text), session 0 does not.
        QList<Session> sessions;
        for (int i = 0; i < 3; ++i) {
            Session s;
            s.index = i;
            sessions << s;
        }
        sessions[0].messageIds = {QStringLiteral("xxab")};
        sessions[1].id = QStringLiteral("cd");
        sessions[1].messageIds = {QStringLiteral("ab")};
        sessions[2].id = QStringLiteral("cdab");
        const auto index = SessionSearchIndex::build(sessions);
        SessionFilterSpec spec;
        spec.textIsRegex = true;
        spec.text = QStringLiteral("ab\\s+cd|^cd");
        const SessionFilter filter = SessionFilter::compile(spec).value();
        const std::vector<int> plain = filter.applyRange(sessions, 0, sessions.size());
        QCOMPARE(plain, std::vector<int>({1, 2}));
        QCOMPARE(filter.applyRange(sessions, 0, sessions.size(), index.get()), plain);
    }

    void sessionsAfterAFailedScanAreDecidedOnTheirFields()
    {
        // A capturing repeat over a 200,000-character field exhausts PCRE2's stack in the chunk scan
        // (and on that field alone, which therefore does not match, as with QRegularExpression); the
        // sessions after it must still be found on their own fields.
        QList<Session> sessions;
        for (int i = 0; i < 4; ++i) {
            Session s;
            s.index = i;
            s.id = QStringLiteral("s%1").arg(i);
            sessions << s;
        }
        sessions[1].lastReply = QStringLiteral("ab").repeated(100'000) + QLatin1Char('c');
        sessions[2].mailFrom = QStringLiteral("abc");
        sessions[3].mailFrom = QStringLiteral("bbc");
        const auto index = SessionSearchIndex::build(sessions);
        SessionFilterSpec spec;
        spec.textIsRegex = true;
        spec.text = QStringLiteral("^(a|b)*c");
        const SessionFilter filter = SessionFilter::compile(spec).value();
        const std::vector<int> plain = filter.applyRange(sessions, 0, sessions.size());
        QCOMPARE(plain, std::vector<int>({2, 3}));
        QCOMPARE(filter.applyRange(sessions, 0, sessions.size(), index.get()), plain);
    }

    void theChunkTextIsValidUtf8WithFieldsOnLines()
    {
        QList<Session> sessions = fixtures::sample();
        sessions[0].ehlo = QString(QChar(0xDC00)) + QStringLiteral("x\u00E9\u20AC") + QString::fromUcs4(U"\U0001F600");
        const auto index = SessionSearchIndex::build(sessions);
        QVERIFY(index);
        const SessionSearchIndex::Chunk &chunk = index->chunks().front();
        QCOMPARE(chunk.starts.size(), size_t(sessions.size() + 1));
        QCOMPARE(qsizetype(chunk.starts.back()), chunk.text.size());
        const QByteArray first = chunk.text.mid(chunk.starts[0], chunk.starts[1] - chunk.starts[0]);
        QVERIFY(first.contains("\xEF\xBF\xBDx\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\n"));   // U+FFFD for the lone surrogate
        QVERIFY(first.startsWith(sessions[0].id.toUtf8() + '\n'));
        QVERIFY(!first.contains("EX01"));   // servers are searched through their dictionary
        QCOMPARE(index->serverNames, QStringList({QStringLiteral("EX01"), QStringLiteral("EX02"), QStringLiteral("EDGE01")}));
        QCOMPARE(index->codes.size(), qsizetype(5));
        QCOMPARE(index->codes.at(index->codeId[1]).enhanced, QStringLiteral("4.4.317"));
        QVERIFY(index->flags[2] & SessionSearchIndex::RemoteIsIpv4);
        QVERIFY(!(index->flags[3] & SessionSearchIndex::RemoteIsIpv4));   // IPv6
        QCOMPARE(index->remoteIpv4[2], quint32(0x0A010203));
    }

    void anIndexOfAnotherListIsNotUsed()
    {
        const QList<Session> sessions = fixtures::sample();
        const auto index = SessionSearchIndex::build(sessions);
        QList<Session> other = sessions;
        other[0].mailFrom = QStringLiteral("changed");   // detaches: other data
        QVERIFY(!index->covers(other));
        SessionFilterSpec spec;
        spec.text = QStringLiteral("changed");
        QCOMPARE(SessionFilter::compile(spec).value().applyRange(other, 0, other.size(), index.get()), std::vector<int>({0}));
    }

    void cancelledBuildGivesNoIndex()
    {
        const QList<Session> sessions = fixtures::sample();
        std::atomic_bool cancel{true};
        QVERIFY(!SessionSearchIndex::build(sessions, &cancel));
        const auto empty = SessionSearchIndex::build({});
        QVERIFY(empty && empty->chunks().empty() && !empty->covers({}));
    }

    void buildingAndFilteringDoNotRewriteTheSessionsTheyRead()
    {
        // QString::utf16() re-allocates strings without their own heap data (literals, null
        // strings) to add a terminator: from a worker that was a write to sessions the UI thread
        // reads, and it copied every such field (+300 MB at 2 M sessions).
        Session s;
        s.index = 0;
        s.id = QStringLiteral("08DC000000000001");
        s.lastReply = QStringLiteral("250 2.6.0 <a@b> Queued mail for delivery");
        static const char16_t raw[] = u"raw.fabrikam.com";
        s.ehlo = QString::fromRawData(reinterpret_cast<const QChar *>(raw), 16);
        QList<Session> sessions{s};
        const QChar *id = sessions[0].id.constData();
        const QChar *reply = sessions[0].lastReply.constData();
        const QChar *ehlo = sessions[0].ehlo.constData();
        const auto index = SessionSearchIndex::build(sessions);
        SessionFilterSpec spec;
        spec.text = QStringLiteral("queued|raw");
        spec.textIsRegex = true;
        QCOMPARE(SessionFilter::compile(spec).value().applyRange(sessions, 0, 1), std::vector<int>({0}));
        QCOMPARE(SessionFilter::compile(spec).value().applyRange(sessions, 0, 1, index.get()), std::vector<int>({0}));
        QCOMPARE(sessions.at(0).id.constData(), id);
        QCOMPARE(sessions.at(0).lastReply.constData(), reply);
        QCOMPARE(sessions.at(0).ehlo.constData(), ehlo);
        QVERIFY(sessions.at(0).authUser.isNull());
    }
};

QTEST_GUILESS_MAIN(TestSessionSearchIndex)
#include "tst_sessionsearchindex.moc"
