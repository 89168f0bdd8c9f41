// The byte-view tokenizer and the encoding sniffer.
#include "model/core/ingest/csv.h"
#include "model/core/ingest/filebytes.h"

#include <QTest>

using namespace mwb::ingest;

class TstIngestTokenizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsPlainFields()
    {
        FieldView f[16];
        const QByteArray line = "a,,b c,";
        QCOMPARE(splitFields(line, f, 16), 4);
        QCOMPARE(f[0].view(), QByteArrayView("a"));
        QVERIFY(f[1].isEmpty());
        QCOMPARE(f[2].view(), QByteArrayView("b c"));
        QVERIFY(f[3].isEmpty());   // the trailing comma of '>' lines is an empty context
    }
    void quotedFieldKeepsCommas()
    {
        FieldView f[16];
        const QByteArray line = R"(>,"250 2.6.0 <id@x> [InternalId=1, Hostname=ex01] 11511 bytes in 0.102, 109,173 KB/sec Queued mail for delivery",)";
        QCOMPARE(splitFields(line, f, 16), 3);
        QVERIFY(f[1].text().endsWith(QLatin1String("Queued mail for delivery")));
        QVERIFY(f[1].text().contains(QLatin1String("109,173 KB/sec")));
    }
    void doubledQuotesCollapse()
    {
        FieldView f[4];
        const QByteArray line = R"("Budget, ""final"" version",x)";
        QCOMPARE(splitFields(line, f, 4), 2);
        QVERIFY(f[0].hasDoubledQuotes);
        QCOMPARE(f[0].text(), QStringLiteral("Budget, \"final\" version"));
        QCOMPARE(f[1].text(), QStringLiteral("x"));
    }
    void unquotedQuoteInsideFieldIsData()
    {
        FieldView f[4];
        const QByteArray line = R"(<,MAIL FROM:<"john doe"@x.com>,)";
        QCOMPARE(splitFields(line, f, 4), 3);
        QCOMPARE(f[1].text(), QStringLiteral("MAIL FROM:<\"john doe\"@x.com>"));
    }
    void recordSpansEmbeddedLineBreak()
    {
        const QByteArray buf = "a,\"two\r\nlines\",b\r\nnext,1\r\n";
        const RecordSpan r = nextRecord(buf, 0);
        QCOMPARE(r.physicalLines, 2);
        QVERIFY(r.terminated);
        const QByteArrayView rec = QByteArrayView(buf).sliced(r.begin, r.end - r.begin);
        FieldView f[4];
        QCOMPARE(splitFields(rec, f, 4), 3);
        QCOMPARE(f[1].text(), QStringLiteral("two\r\nlines"));
        const RecordSpan r2 = nextRecord(buf, r.next);
        QCOMPARE(QByteArrayView(buf).sliced(r2.begin, r2.end - r2.begin), QByteArrayView("next,1"));
    }
    void unclosedQuoteFallsBackToOneLine()
    {
        const QByteArray buf = "x,\"never closed\nline2\nline3\n";
        const RecordSpan r = nextRecord(buf, 0, 2);
        QVERIFY(r.openQuote);
        QCOMPARE(r.physicalLines, 1);
        QCOMPARE(r.next, qsizetype(buf.indexOf('\n') + 1));
    }
    void lastLineWithoutTerminatorIsFlagged()
    {
        const QByteArray buf = "a,b\nc,d";
        const RecordSpan r = nextRecord(buf, 4);
        QVERIFY(!r.terminated);
        QCOMPARE(r.end, buf.size());
    }
    void crlfAndLfMixed()
    {
        const QByteArray buf = "a\r\nb\nc\r\n";
        RecordSpan r = nextRecord(buf, 0);
        QCOMPARE(r.end - r.begin, qsizetype(1));
        r = nextRecord(buf, r.next);
        QCOMPARE(QByteArrayView(buf).sliced(r.begin, r.end - r.begin), QByteArrayView("b"));
        r = nextRecord(buf, r.next);
        QCOMPARE(QByteArrayView(buf).sliced(r.begin, r.end - r.begin), QByteArrayView("c"));
    }
    void sniffsUtf16WithoutBom()
    {
        const QString text = QStringLiteral("\"origin_timestamp_utc\",\"sender_address\"\r\n");
        QByteArray le(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        QCOMPARE(sniffEncoding(le), Encoding::Utf16LE);
        QByteArray be;
        for (QChar c : text) {
            be.append(char(c.unicode() >> 8));
            be.append(char(c.unicode() & 0xff));
        }
        QCOMPARE(sniffEncoding(be), Encoding::Utf16BE);
        QCOMPARE(sniffEncoding(QByteArray("\xEF\xBB\xBF#Software")), Encoding::Utf8Bom);
        QCOMPARE(sniffEncoding(QByteArray("\xFF\xFE#\0", 4)), Encoding::Utf16LEBom);
        QCOMPARE(sniffEncoding(QByteArray("#Software: Microsoft Exchange Server")), Encoding::Utf8);
    }
    void utf16IsConvertedToUtf8Once()
    {
        const QString text = QStringLiteral("Fields: a,b\r\nÄrger,Straße\r\n");
        QByteArray le(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        auto fb = mwb::FileBytes::fromBuffer(le);
        QCOMPARE(fb->encoding(), QStringLiteral("UTF-16LE"));
        QCOMPARE(QString::fromUtf8(fb->view()), text);
        QByteArray bom("\xFF\xFE");
        bom += le;
        auto fb2 = mwb::FileBytes::fromBuffer(bom);
        QCOMPARE(fb2->encoding(), QStringLiteral("UTF-16LE BOM"));
        QCOMPARE(QString::fromUtf8(fb2->view()), text);
    }
    void utf8BomIsSkipped()
    {
        auto fb = mwb::FileBytes::fromBuffer(QByteArray("\xEF\xBB\xBF#Software: x\n"));
        QCOMPARE(fb->encoding(), QStringLiteral("UTF-8 BOM"));
        QVERIFY(fb->view().startsWith("#Software"));
    }
};

QTEST_GUILESS_MAIN(TstIngestTokenizer)
#include "tst_ingest_tokenizer.moc"
