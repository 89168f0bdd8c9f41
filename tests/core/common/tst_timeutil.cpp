// Timestamps as the logs write them: ISO (protocol, tracking, EXO) and the US form of
// Get-MessageTrace exports, all to UTC milliseconds, and anything else refused.
#include "model/core/common/timeutil.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace mwb;

namespace {
qint64 utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

class TestTimeUtil : public QObject {
    Q_OBJECT
private slots:
    void readsIsoFormsAsUtc()
    {
        QCOMPARE(parseTimestampMs("2024-03-13T09:01:18.723Z"), utc(2024, 3, 13, 9, 1, 18, 723));
        QCOMPARE(parseTimestampMs("2024-03-13T09:01:18.7234567Z"), utc(2024, 3, 13, 9, 1, 18, 723));
        QCOMPARE(parseTimestampMs("2024-03-13 09:01"), utc(2024, 3, 13, 9, 1, 0));
        QCOMPARE(parseTimestampMs("2024-03-13T09:01:18+02:00"), utc(2024, 3, 13, 7, 1, 18));
        QCOMPARE(parseTimestampMs("\"2024-03-13T09:01:18Z\""), utc(2024, 3, 13, 9, 1, 18));
    }

    void readsTheUsFormOfMessageTraceExportsAsUtc()
    {
        QCOMPARE(parseTimestampMs("3/13/2024 9:01:18 AM"), utc(2024, 3, 13, 9, 1, 18));
        QCOMPARE(parseTimestampMs("3/13/2024 9:01:18 PM"), utc(2024, 3, 13, 21, 1, 18));
        QCOMPARE(parseTimestampMs("12/1/2024 12:00:05 AM"), utc(2024, 12, 1, 0, 0, 5));
        QCOMPARE(parseTimestampMs("12/1/2024 12:00:05 PM"), utc(2024, 12, 1, 12, 0, 5));
        QCOMPARE(parseTimestampMs("03/13/2024 21:01:18"), utc(2024, 3, 13, 21, 1, 18));
        QCOMPARE(parseTimestampMs("3/13/2024 9:01 pm"), utc(2024, 3, 13, 21, 1, 0));
        QCOMPARE(parseTimestampMs("3/13/2024 21:01"), utc(2024, 3, 13, 21, 1, 0));
    }

    void refusesWhatIsNotADate()
    {
        for (const char *bad : {"", "mail.contoso.com;autodiscover.contoso.com", "CN=R3,", "0123456789ABCDEF",
                                "2/30/2024 10:00:00", "2/29/2023 10:00:00", "13/1/2024 10:00:00", "3/13/2024 13:00:00 PM",
                                "3/13/2024 0:00:00 AM", "3/13/2024 9:01:18 XM", "3/13/2024 9:01:18 AMX", "3/13/24 9:01:18",
                                "3/13/2024", "2024-02-30T10:00:00Z", "2024-13-01T10:00:00Z"})
            QVERIFY2(parseTimestampMs(QByteArrayView(bad)) == kNoTime, bad);
        QCOMPARE(parseTimestampMs("2/29/2024 10:00:00"), utc(2024, 2, 29, 10, 0, 0));   // a leap year
    }

    void readsTimesThatTheLocalZoneSkips()
    {
        // 2:30 AM on 10 March 2024 does not exist in New York (clocks jump to 3:00). A parser that
        // goes through local time (QDateTime::fromString did) shifts or loses it.
        const QByteArray old = qgetenv("TZ");
        qputenv("TZ", "America/New_York");
        const qint64 us = parseTimestampMs("3/10/2024 2:30:00 AM");
        if (old.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", old);
        QCOMPARE(us, utc(2024, 3, 10, 2, 30, 0));
    }

    // Issue #25: --timezone for the zone-less times of Export-Csv / Format-List.
    void tellsZonedFromZoneLessTimes()
    {
        QVERIFY(timestampHasZone("2026-12-07T09:01:02.123Z"));
        QVERIFY(timestampHasZone("2026-12-07T09:01:02+01:00"));
        QVERIFY(timestampHasZone("2026-12-07 09:01:02 -0500"));
        QVERIFY(timestampHasZone("07.12.2026 09:01:02 UTC"));
        QVERIFY(!timestampHasZone("2026-12-07T09:01:02.123"));
        QVERIFY(!timestampHasZone("2026-12-07 09:01:02"));
        QVERIFY(!timestampHasZone("07.12.2026 09:01:02"));
        QVERIFY(!timestampHasZone("12/7/2026 9:01:02 AM"));
    }
    void timeZoneSpecsAreIanaNamesOrOffsets()
    {
        QString error;
        QVERIFY(timeZoneFromSpec(QStringLiteral("Europe/Berlin"), &error).isValid());
        QCOMPARE(timeZoneFromSpec(QStringLiteral("UTC+01:00")).offsetFromUtc(QDateTime::currentDateTimeUtc()), 3600);
        QCOMPARE(timeZoneFromSpec(QStringLiteral("UTC-3:30")).offsetFromUtc(QDateTime::currentDateTimeUtc()), -12600);
        QCOMPARE(timeZoneFromSpec(QStringLiteral("+0530")).offsetFromUtc(QDateTime::currentDateTimeUtc()), 19800);
        QCOMPARE(timeZoneFromSpec(QStringLiteral("UTC")).offsetFromUtc(QDateTime::currentDateTimeUtc()), 0);
        QVERIFY(error.isEmpty());
        for (const char *bad : {"Mars/Olympus", "UTC+25:00", "", "+1:99", "Europe/Berlin; rm -rf"}) {
            error.clear();
            QVERIFY2(!timeZoneFromSpec(QLatin1String(bad), &error).isValid(), bad);
            QVERIFY(error.contains(QLatin1String("unknown time zone")));
        }
    }
    void wallTimesAreConvertedAcrossDaylightSaving()
    {
        const QTimeZone berlin("Europe/Berlin");
        QVERIFY(berlin.isValid());
        // Winter (CET, +1) and summer (CEST, +2) on either side of 29 March 2026, 02:00 -> 03:00.
        QCOMPARE(wallTimeToUtcMs(utc(2026, 3, 28, 9, 0, 0), berlin), utc(2026, 3, 28, 8, 0, 0));
        QCOMPARE(wallTimeToUtcMs(utc(2026, 3, 29, 1, 59, 59), berlin), utc(2026, 3, 29, 0, 59, 59));
        QCOMPARE(wallTimeToUtcMs(utc(2026, 3, 29, 3, 0, 0), berlin), utc(2026, 3, 29, 1, 0, 0));
        QCOMPARE(wallTimeToUtcMs(utc(2026, 3, 30, 9, 0, 0, 250), berlin), utc(2026, 3, 30, 7, 0, 0, 250));
        // And back on 25 October 2026, 03:00 -> 02:00.
        QCOMPARE(wallTimeToUtcMs(utc(2026, 10, 25, 1, 30, 0), berlin), utc(2026, 10, 24, 23, 30, 0));
        QCOMPARE(wallTimeToUtcMs(utc(2026, 10, 25, 4, 0, 0), berlin), utc(2026, 10, 25, 3, 0, 0));
        // The skipped hour is read with the offset before the change (+1).
        QCOMPARE(wallTimeToUtcMs(utc(2026, 3, 29, 2, 30, 0), berlin), utc(2026, 3, 29, 1, 30, 0));
        // A fixed offset and no zone at all.
        QCOMPARE(wallTimeToUtcMs(utc(2026, 7, 1, 12, 0, 0), timeZoneFromSpec(QStringLiteral("UTC-05:00"))), utc(2026, 7, 1, 17, 0, 0));
        QCOMPARE(wallTimeToUtcMs(utc(2026, 7, 1, 12, 0, 0), QTimeZone()), utc(2026, 7, 1, 12, 0, 0));
    }

    void repeatedParserAnswersAsTheFullParseDoes()
    {
        // The lines of a log share their second; the repeated parser must still give exactly what
        // parseTimestampMs gives, across seconds, other shapes and unreadable text in between.
        const char *texts[] = {
            "2024-03-13T09:01:18.723Z", "2024-03-13T09:01:18.724Z", "2024-03-13T09:01:18.000Z",
            "2024-03-13T09:01:19.001Z", "2024-03-13T09:01:18.999Z", "not a date at all xxxxxx",
            "2024-03-13T09:01:18.72xZ", "2024-03-13 09:01:18.500Z", "3/13/2024 9:01:18 AM",
            "2024-03-13T09:01:18.5Z", "2021-03-23T10:00:09.3284899Z", "2024-03-13T09:01:18.100Z",
            "2024-13-13T09:01:18.100Z", "2024-03-13T09:01:18.100Z", "2024-12-31T23:59:59.999Z",
            "2025-01-01T00:00:00.000Z", "", "2024-03-13T09:01:18.100+01:00",
        };
        RepeatedTimestampParser repeated;
        int valid = 0;
        for (const char *text : texts) {
            const QByteArrayView v(text);
            QCOMPARE(repeated.parse(v), parseTimestampMs(v));
            valid += parseTimestampMs(v) != kNoTime;
        }
        QVERIFY(valid >= 12);   // the sequence mostly holds dates: the cache is exercised
    }
};

QTEST_GUILESS_MAIN(TestTimeUtil)
#include "tst_timeutil.moc"
