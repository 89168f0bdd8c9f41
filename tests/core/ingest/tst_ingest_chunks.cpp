// Counting a big protocol log in byte ranges on several threads must give exactly what one pass
// gives: range boundaries land inside sessions, inside quoted fields that carry line breaks, and
// after a repeated #Fields header that reorders the columns.
#include "model/core/ingest/filebytes.h"
#include "model/core/ingest/parser.h"

#include <QMap>
#include <QTest>

using namespace mwb;
using namespace mwb::ingest;

namespace {

QByteArray awkwardLog()
{
    QByteArray out = "#Software: Microsoft Exchange Server\n#Version: 15.0.0.0\n#Log-type: SMTP Receive Protocol Log\n"
                     "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n";
    const QByteArray reordered =
        "#Fields: session-id,date-time,connector-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n";
    bool swapped = false;
    for (int i = 0; i < 900; ++i) {
        if (i == 450) {   // service restart in the middle: header again, columns reordered
            out += "#Software: Microsoft Exchange Server\n" + reordered;
            swapped = true;
        }
        const int session = i / 3 + (i % 7 == 0 ? 5 : 0);   // interleaved, some ids come back later
        const QByteArray id = i % 50 == 0 ? QByteArray("0000000000000000")
                                          : QByteArray::number(0x08DC0000 + session, 16).toUpper().rightJustified(16, '0');
        const QByteArray time = "2026-11-21T02:" + QByteArray::number(10 + i / 60).rightJustified(2, '0') + ":"
                                + QByteArray::number(i % 60).rightJustified(2, '0') + ".123Z";
        const QByteArray conn = i % 11 == 0 ? "EX01\\Client Proxy EX01" : "EX01\\Default Frontend EX01";
        QByteArray data;
        switch (i % 6) {
        case 0: data = "\"250-EX01 Hello\n250-SIZE 37748736\n250 PIPELINING, CHUNKING\""; break;   // line breaks in a quote
        case 1: data = "\"say \"\"hi\"\", then go\""; break;
        case 2: data = "MAIL FROM:<a@b>"; break;
        case 3: data = i % 60 == 3 ? "\"never closed" : "RCPT TO:<c@d>"; break;
        default: data = ""; break;
        }
        const char ev = "+><-*"[i % 5];
        const QByteArray rest = "," + QByteArray::number(i % 9) + ",10.0.0.1:25,10.0.0.9:" + QByteArray::number(4000 + i % 3)
                                + "," + QByteArray(1, ev) + "," + data + ",";
        if (i % 97 == 5)
            out += "garbage line without shape\n";
        if (i % 131 == 7)
            out += QByteArray("NUL\0line\n", 9);
        out += (swapped ? id + "," + time + "," + conn : time + "," + conn + "," + id) + rest + (i % 4 == 0 ? "\r\n" : "\n");
    }
    return out;
}

ParsedFile count(const QByteArray &raw, int chunks, qint64 minChunk)
{
    ParseControl c;
    c.keepLines = false;
    c.chunks = chunks;
    c.minChunkBytes = minChunk;
    return parseBytes(FileBytes::fromBuffer(raw), QStringLiteral("RECV.LOG"), QStringLiteral("HINT"), 0, c);
}

// Per session key: lines, disconnects, whether the last line was one. Ranges may list a key once
// each, in file order: folded here the way countSessions folds them.
QMap<QByteArray, QByteArray> keyTable(const ParsedFile &pf)
{
    struct Agg {
        qint64 lines = 0, dashes = 0;
        bool lastDash = false;
    };
    QMap<QByteArray, Agg> agg;
    for (const ProtoKey &k : pf.keys) {
        const QByteArray name = QByteArray::number(k.id, 16) + '|' + (k.connector >= 0 ? pf.connectors[k.connector] : "")
                                + '|' + (k.remote >= 0 ? pf.remotes[k.remote] : "");
        Agg &a = agg[name];
        a.lines += k.lines;
        a.dashes += k.dashes;
        a.lastDash = k.lastDash;
    }
    QMap<QByteArray, QByteArray> out;
    for (auto it = agg.cbegin(); it != agg.cend(); ++it)
        out.insert(it.key(), QByteArray::number(it->lines) + '/' + QByteArray::number(it->dashes) + '/' + (it->lastDash ? "-" : "."));
    return out;
}

} // namespace

class TstIngestChunks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rangesGiveTheSameCountsAsOnePass_data()
    {
        QTest::addColumn<int>("chunks");
        QTest::addColumn<qint64>("minChunk");
        for (int chunks : {2, 3, 5, 8})
            for (qint64 minChunk : {64, 97, 1000, 4099})
                QTest::addRow("%d ranges of >= %lld bytes", chunks, minChunk) << chunks << minChunk;
    }
    void rangesGiveTheSameCountsAsOnePass()
    {
        QFETCH(int, chunks);
        QFETCH(qint64, minChunk);
        const QByteArray raw = awkwardLog();
        const ParsedFile one = count(raw, 1, minChunk);
        const ParsedFile many = count(raw, chunks, minChunk);
        QCOMPARE(one.meta.format, LogFormat::SmtpReceive);
        QVERIFY2(one.meta.lines > 600, QByteArray::number(one.meta.lines).constData());
        QVERIFY(!one.meta.errors.isEmpty());
        QCOMPARE(many.meta.lines, one.meta.lines);
        QCOMPARE(many.meta.firstMs, one.meta.firstMs);
        QCOMPARE(many.meta.lastMs, one.meta.lastMs);
        QCOMPARE(many.meta.server, one.meta.server);
        QCOMPARE(many.connectors, one.connectors);
        QCOMPARE(many.meta.errors.size(), one.meta.errors.size());
        for (int i = 0; i < one.meta.errors.size(); ++i) {
            QCOMPARE(many.meta.errors[i].line, one.meta.errors[i].line);
            QCOMPARE(many.meta.errors[i].message, one.meta.errors[i].message);
        }
        QCOMPARE(keyTable(many), keyTable(one));
        QCOMPARE(many.layouts.size(), one.layouts.size());
    }
    void countingAgreesWithTheFullParse()
    {
        const QByteArray raw = awkwardLog();
        const ParsedFile full = parseBytes(FileBytes::fromBuffer(raw), QStringLiteral("RECV.LOG"), QString(), 0);
        const ParsedFile many = count(raw, 4, 200);
        QCOMPARE(many.meta.lines, full.meta.lines);
        QCOMPARE(keyTable(many), keyTable(full));
        QCOMPARE(many.meta.errors.size(), full.meta.errors.size());
    }
};

QTEST_GUILESS_MAIN(TstIngestChunks)
#include "tst_ingest_chunks.moc"
