// The byte-view tokenizer and the encoding sniffer.
#include "model/core/ingest/csv.h"
#include "model/core/ingest/filebytes.h"

#include <QStringDecoder>
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
    // nextRecord jumps from quote to quote; this reference steps through every byte with the
    // RFC 4180 state machine (a quote opens a field only at its start, "" inside stays in it). On
    // random rows of quotes, delimiters, line breaks and text both must cut the same records.
    void recordsMatchByteByByteReference()
    {
        auto reference = [](QByteArrayView b, qsizetype pos, int maxLines, char delim) {
            RecordSpan r;
            r.begin = pos;
            const qsizetype n = b.size();
            auto lineEnd = [&](qsizetype from) {
                const qsizetype i = b.sliced(std::min(from, n)).indexOf('\n');
                return i < 0 ? n : from + i;
            };
            auto finish = [&](qsizetype lastNl, int lines) {
                r.terminated = lastNl < n;
                r.next = r.terminated ? lastNl + 1 : n;
                r.end = (lastNl > r.begin && b[lastNl - 1] == '\r') ? lastNl - 1 : lastNl;
                r.physicalLines = lines;
            };
            bool fieldStart = true, inQuote = false;
            int lines = 1;
            qsizetype i = pos, nl = lineEnd(pos);
            for (;;) {
                for (; i < nl; ++i) {
                    const char c = b[i];
                    if (inQuote) {
                        if (c == '"') {
                            if (i + 1 < nl && b[i + 1] == '"')
                                ++i;
                            else
                                inQuote = false;
                        }
                        continue;
                    }
                    if (c == delim) {
                        fieldStart = true;
                        continue;
                    }
                    if (fieldStart && c == '"')
                        inQuote = true;
                    fieldStart = false;
                }
                if (!inQuote) {
                    finish(nl, lines);
                    return r;
                }
                if (nl >= n || lines >= maxLines) {
                    finish(lineEnd(pos), 1);
                    r.openQuote = true;
                    return r;
                }
                ++lines;
                nl = lineEnd(nl + 1);
            }
        };
        quint32 seed = 2026;
        auto next = [&seed] { seed = seed * 1664525u + 1013904223u; return seed >> 16; };
        const char alphabet[] = {'"', '"', '"', ',', ';', '\n', '\r', 'a', 'b', ' '};
        for (int round = 0; round < 20000; ++round) {
            QByteArray buf;
            const int len = int(next() % 40);
            for (int k = 0; k < len; ++k)
                buf.append(alphabet[next() % sizeof alphabet]);
            const char delim = (round & 1) ? ';' : ',';
            const int maxLines = 1 + int(next() % 4);
            qsizetype pos = 0;
            while (pos < buf.size()) {
                const RecordSpan got = nextRecord(buf, pos, maxLines, delim);
                const RecordSpan want = reference(buf, pos, maxLines, delim);
                const QByteArray where = buf.toPercentEncoding() + " at " + QByteArray::number(pos);
                QVERIFY2(got.end == want.end && got.next == want.next && got.physicalLines == want.physicalLines
                             && got.openQuote == want.openQuote && got.terminated == want.terminated,
                         where.constData());
                pos = got.next;
            }
        }
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
    // UTF-16LE converts straight from the bytes; it must give what decoding to a QString first
    // gives, also for lone surrogates, a second byte order mark, an odd last byte and UTF-16BE.
    void utf16ConversionMatchesTheDecoder()
    {
        const QByteArray body = QByteArray("#\0F\0i\0e\0l\0d\0s\0:\0 \0a\0,\0b\0\r\0\n\0", 28);
        const QList<QByteArray> tails = {
            QByteArray("\xC4\0r\0\n\0", 6),                  // Ä
            QByteArray("\x3D\xD8\x00\xDE\n\0", 6),          // a surrogate pair (U+1F600)
            QByteArray("\x3D\xD8x\0\n\0", 6),                // a lone high surrogate
            QByteArray("\x00\xDEx\0\n\0", 6),                // a lone low surrogate
            QByteArray("x\0\n\0y", 5),                         // an odd last byte
        };
        for (const QByteArray &tail : tails) {
            for (const QByteArray &head : {QByteArray("\xFF\xFE"), QByteArray("\xFF\xFE\xFF\xFE"), QByteArray()}) {
                const QByteArray raw = head + body + tail;
                auto fb = mwb::FileBytes::fromBuffer(raw);
                QVERIFY(fb->encoding().startsWith(QLatin1String("UTF-16LE")));
                QByteArrayView text = QByteArrayView(raw).sliced(head.isEmpty() ? 0 : 2);
                if (text.size() % 2)
                    text.chop(1);
                QStringDecoder decoder(QStringDecoder::Utf16LE, QStringDecoder::Flag::Stateless);
                QCOMPARE(fb->view(), QByteArrayView(QString(decoder.decode(text)).toUtf8()));
            }
        }
        // UTF-16BE keeps the decoder.
        QByteArray be("\xFE\xFF");
        for (qsizetype i = 0; i + 1 < body.size(); i += 2)
            be += QByteArray(1, body[i + 1]) + QByteArray(1, body[i]);
        auto fbBe = mwb::FileBytes::fromBuffer(be);
        QCOMPARE(fbBe->encoding(), QStringLiteral("UTF-16BE BOM"));
        QCOMPARE(fbBe->view(), QByteArrayView("#Fields: a,b\r\n"));
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
