// The one control-character escaper (model/core/common/safetext): hostile values from peers and
// logs must come out visible, never as raw control characters.
#include "model/core/common/safetext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mwb;

namespace {

// Any character a terminal would act on, LF only when allowed.
bool hasRawControl(const QString &s, bool allowLf)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'\n' && allowLf)
            continue;
        if (u == u'\t')
            continue;
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

} // namespace

class TestSafeText : public QObject {
    Q_OBJECT
private slots:
    void hostileValuesComeOutVisible_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ESC clear screen") << QStringLiteral("a\x1b[2Jb") << QStringLiteral("a\\x1b[2Jb");
        QTest::newRow("title change + BEL") << QStringLiteral("\x1b]0;pwned\x07") << QStringLiteral("\\x1b]0;pwned\\x07");
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("x") << QStringLiteral("\\x00x");
        QTest::newRow("backspace overwrite") << QStringLiteral("250 OK\b\b\b\b\b\b550") << QStringLiteral("250 OK\\x08\\x08\\x08\\x08\\x08\\x08550");
        QTest::newRow("OSC 8 hyperlink")
            << QStringLiteral("\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\")
            << QStringLiteral("\\x1b]8;;https://evil.example/\\x1b\\click\\x1b]8;;\\x1b\\");
        QTest::newRow("CR rewrites the line") << QStringLiteral("bad\rgood") << QStringLiteral("bad\\x0dgood");
        QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("a\\x7f");
        QTest::newRow("C1 CSI") << QStringLiteral("a") + QChar(0x9b) + QStringLiteral("2J") << QStringLiteral("a\\x9b2J");
        QTest::newRow("RLO") << QStringLiteral("invoice") + QChar(0x202e) + QStringLiteral("fdp.exe")
                             << QStringLiteral("invoice\\u202efdp.exe");
        QTest::newRow("RLI..PDI") << QString(QChar(0x2067)) + QStringLiteral("x") + QChar(0x2069) << QStringLiteral("\\u2067x\\u2069");
        QTest::newRow("LF in a value") << QStringLiteral("a\nName check: ok") << QStringLiteral("a\\x0aName check: ok");
        QTest::newRow("TAB stays") << QStringLiteral("a\tb") << QStringLiteral("a\tb");
        QTest::newRow("plain Unicode stays") << QStringLiteral("Grüße 日本 C:\\logs") << QStringLiteral("Grüße 日本 C:\\logs");
    }
    void hostileValuesComeOutVisible()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString out = escapeControls(input);
        QCOMPARE(out, expected);
        QVERIFY(!hasRawControl(out, false));
        QCOMPARE(hasUnsafeControls(input), input != expected);
    }

    void multiLineTextKeepsLineFeedsOnly()
    {
        const QString in = QStringLiteral("line 1\r\nline 2 \x1b[31mred\n");
        const QString out = escapeControls(in, LineBreaks::Keep);
        QCOMPARE(out, QStringLiteral("line 1\\x0d\nline 2 \\x1b[31mred\n"));
        QVERIFY(!hasRawControl(out, true));
        QCOMPARE(out.count(u'\n'), 2);
    }

    void everyCodeUnitBelow0x100IsSafeAfterwards()
    {
        QString all;
        for (char16_t c = 0; c < 0x100; ++c)
            all.append(QChar(c));
        for (char16_t c = 0x2000; c < 0x2070; ++c)
            all.append(QChar(c));
        QVERIFY(!hasRawControl(escapeControls(all), false));
        QVERIFY(!hasRawControl(escapeControls(all, LineBreaks::Keep), true));
        // Escaping is idempotent: the result holds nothing that needs escaping again.
        QCOMPARE(escapeControls(escapeControls(all)), escapeControls(all));
    }

    void jsonKeepsItsValueButShowsNoRawControl()
    {
        const QString value = QStringLiteral("a\x1b[2J") + QChar(0x9b) + QStringLiteral("b") + QChar(0x202e) + QChar(0x7f) + QChar(0x2028);
        const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("v"), value}}).toJson(QJsonDocument::Indented);
        const QString safe = escapeJsonControls(QString::fromUtf8(json));
        for (const QChar c : safe)
            QVERIFY2(c == u'\n' || !isUnsafeControl(c.unicode()), qPrintable(QString::number(c.unicode(), 16)));
        QVERIFY(safe.contains(QStringLiteral("\\u009b")) && safe.contains(QStringLiteral("\\u202e")));
        QJsonParseError error;
        const QJsonDocument back = QJsonDocument::fromJson(safe.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.object().value(QStringLiteral("v")).toString(), value);
    }

    void cleanTextIsReturnedWithoutACopy()
    {
        const QString in = QStringLiteral("250-mail.contoso.com Hello [203.0.113.9]");
        const QString out = escapeControls(in);
        QCOMPARE(out, in);
        QVERIFY(out.constData() == in.constData());
    }
};

QTEST_APPLESS_MAIN(TestSafeText)
#include "tst_safetext.moc"
