// analysisToJson: the contract's JSON (../shared/contracts/cli.md), key by key.
#include "model/core/analysis/analysis.h"
#include "model/core/common/safetext.h"
#include "model/core/diagnosis/knowledgebase.h"

#include <QBuffer>
#include <QJsonDocument>

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>

using namespace mwb;

namespace {
const QRegularExpression kIsoMs(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));

void requireKeys(const QJsonObject &o, const QStringList &keys)
{
    for (const QString &k : keys)
        QVERIFY2(o.contains(k), qPrintable(QStringLiteral("missing key ") + k));
}
} // namespace

class TstAnalysisJson : public QObject {
    Q_OBJECT
    Analysis m_a;

private Q_SLOTS:
    void initTestCase() { m_a = analyzePaths({QStringLiteral(INGEST_DATA), QStringLiteral("/nonexistent/x.log")}); }

    void knowledgeBaseLoadErrorIsReportedNotSilent()
    {
        // A knowledge base that cannot be read must not look like "healthy, no findings".
        const Analysis a = analyzePaths({QStringLiteral(INGEST_DATA "/EX02")}, {}, QStringLiteral("/nonexistent/kb/rules.json"));
        QVERIFY(a.diagnosisFailed());
        QVERIFY2(a.knowledgeBaseError.contains(QLatin1String("/nonexistent/kb/rules.json")), qPrintable(a.knowledgeBaseError));
        QVERIFY(a.findings.isEmpty());
        QVERIFY(a.store);
        QCOMPARE(a.store->sessions.size(), 1);   // the logs are still loaded
        const QJsonObject o = analysisToJson(a);
        const QJsonArray errors = o.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("knowledge-base"));
        QVERIFY(errors.at(0).toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("cannot read")));
    }

    void goodKnowledgeBaseAddsNoErrorsEntry()
    {
        QVERIFY(!m_a.diagnosisFailed());
        QVERIFY(!analysisToJson(m_a).contains(QStringLiteral("errors")));
    }

    void findingsInTheJsonStayEnglish()
    {
        // The contract's JSON is English whatever the locale: only the GUI localises.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const Analysis a = analyzePaths({QStringLiteral(INGEST_DATA)});
        QLocale::setDefault(before);
        QVERIFY(!a.findings.isEmpty());
        const Result<KnowledgeBase> kb = KnowledgeBase::load();
        QVERIFY(kb.ok());
        for (const Finding &f : a.findings) {
            const Rule &r = kb->rules().at(kb->indexOf(f.rule));
            QCOMPARE(f.title, r.title);
        }
    }

    void topLevelAndTotals()
    {
        const QJsonObject o = analysisToJson(m_a);
        QCOMPARE(o.value(QStringLiteral("tool")).toString(), QStringLiteral("mwb"));
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral(MWB_VERSION));
        requireKeys(o, {QStringLiteral("files"), QStringLiteral("totals"), QStringLiteral("findings")});
        QVERIFY(!o.contains(QStringLiteral("sessions")));
        QVERIFY(!o.contains(QStringLiteral("messages")));
        const QJsonObject t = o.value(QStringLiteral("totals")).toObject();
        QCOMPARE(t.value(QStringLiteral("files")).toInt(), 11);
        QCOMPARE(t.value(QStringLiteral("sessions")).toInt(), 9);
        // 6 from tracking and traces, and 2 that only the protocol logs name (250 2.6.0 <id> Queued).
        QCOMPARE(t.value(QStringLiteral("messages")).toInt(), 8);
        QCOMPARE(t.value(QStringLiteral("lines")).toInt(), 113);
        QVERIFY(m_a.hasUnreadableInput());
    }
    void filesCarryFormatServerTimesAndErrors()
    {
        const QJsonArray files = analysisToJson(m_a).value(QStringLiteral("files")).toArray();
        bool sawMissing = false, sawSend = false;
        for (const QJsonValue &v : files) {
            const QJsonObject f = v.toObject();
            requireKeys(f, {QStringLiteral("path"), QStringLiteral("format"), QStringLiteral("server"), QStringLiteral("lines"),
                            QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("errors")});
            if (f.value(QStringLiteral("path")).toString() == QLatin1String("/nonexistent/x.log")) {
                sawMissing = true;
                QCOMPARE(f.value(QStringLiteral("format")).toString(), QStringLiteral("unknown"));
                const QJsonObject e = f.value(QStringLiteral("errors")).toArray().at(0).toObject();
                QCOMPARE(e.value(QStringLiteral("line")).toInt(), 0);
                QVERIFY(!e.value(QStringLiteral("message")).toString().isEmpty());
            }
            if (f.value(QStringLiteral("format")).toString() == QLatin1String("smtp-send")) {
                sawSend = true;
                QCOMPARE(f.value(QStringLiteral("server")).toString(), QStringLiteral("EX01"));
                QVERIFY(kIsoMs.match(f.value(QStringLiteral("first")).toString()).hasMatch());
                QCOMPARE(f.value(QStringLiteral("first")).toString(), QStringLiteral("2024-03-13T09:03:00.000Z"));
            }
        }
        QVERIFY(sawMissing);
        QVERIFY(sawSend);
    }
    void sessionsOnlyWithTheFlagAndWithContractKeys()
    {
        JsonOptions opt;
        opt.sessions = true;
        const QJsonObject o = analysisToJson(m_a, opt);
        QVERIFY(!o.contains(QStringLiteral("messages")));
        const QJsonArray sessions = o.value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 9);
        for (const QJsonValue &v : sessions) {
            const QJsonObject s = v.toObject();
            requireKeys(s, {QStringLiteral("id"), QStringLiteral("file"), QStringLiteral("server"), QStringLiteral("connector"),
                            QStringLiteral("direction"), QStringLiteral("local"), QStringLiteral("remote"), QStringLiteral("start"),
                            QStringLiteral("end"), QStringLiteral("tls"), QStringLiteral("messageIds"), QStringLiteral("lastReply"),
                            QStringLiteral("outcome")});
            QVERIFY(kIsoMs.match(s.value(QStringLiteral("start")).toString()).hasMatch());
            QVERIFY(QStringList({QStringLiteral("delivered"), QStringLiteral("rejected"), QStringLiteral("deferred"),
                                 QStringLiteral("dropped"), QStringLiteral("no-mail")})
                        .contains(s.value(QStringLiteral("outcome")).toString()));
            if (s.value(QStringLiteral("id")).toString() == QLatin1String("08DC42C8FF236A1F")) {
                const QJsonObject c = s.value(QStringLiteral("certificate")).toObject();
                requireKeys(c, {QStringLiteral("subject"), QStringLiteral("issuer"), QStringLiteral("thumbprint"),
                                QStringLiteral("alternateNames")});
                QCOMPARE(c.value(QStringLiteral("thumbprint")).toString(), QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567"));
                QCOMPARE(s.value(QStringLiteral("direction")).toString(), QStringLiteral("receive"));
                QVERIFY(s.value(QStringLiteral("file")).toString().endsWith(QLatin1String("RECV2024031309-1.LOG")));
                QCOMPARE(s.value(QStringLiteral("messageIds")).toArray().at(0).toString(), QStringLiteral("<CAF1234@mail.fabrikam.com>"));
            }
        }
    }
    void messagesOnlyWithTheFlagAndWithContractKeys()
    {
        JsonOptions opt;
        opt.messages = true;
        const QJsonObject o = analysisToJson(m_a, opt);
        QVERIFY(!o.contains(QStringLiteral("sessions")));
        const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 8);
        bool sawJourney = false;
        for (const QJsonValue &v : messages) {
            const QJsonObject m = v.toObject();
            requireKeys(m, {QStringLiteral("messageId"), QStringLiteral("sender"), QStringLiteral("recipients"),
                            QStringLiteral("subject"), QStringLiteral("hops"), QStringLiteral("status"), QStringLiteral("delayMs")});
            for (const QJsonValue &h : m.value(QStringLiteral("hops")).toArray())
                requireKeys(h.toObject(), {QStringLiteral("server"), QStringLiteral("event"), QStringLiteral("source"),
                                           QStringLiteral("time"), QStringLiteral("session")});
            if (m.value(QStringLiteral("messageId")).toString() == QLatin1String("<CAF1234@mail.fabrikam.com>")) {
                sawJourney = true;
                const QJsonObject h0 = m.value(QStringLiteral("hops")).toArray().at(0).toObject();
                QCOMPARE(h0.value(QStringLiteral("session")).toString(), QStringLiteral("08DC42C8FF236A1F"));
                QCOMPARE(h0.value(QStringLiteral("time")).toString(), QStringLiteral("2024-03-13T09:01:21.900Z"));
                QCOMPARE(m.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
                QCOMPARE(m.value(QStringLiteral("delayMs")).toInt(), 1200);
            }
        }
        QVERIFY(sawJourney);
    }
    // `mwb analyze --json` streams the document (issue #27): its bytes must be exactly what the
    // whole-document writer gives for the same content (QJsonDocument, indented, sorted keys, the
    // JSON control escapes), for every member kind: empty arrays, nested objects, escapes.
    void streamedDocumentIsTheWholeDocumentByteForByte_data()
    {
        QTest::addColumn<bool>("sessions");
        QTest::addColumn<bool>("messages");
        QTest::addColumn<bool>("hostile");
        QTest::newRow("summary") << false << false << false;
        QTest::newRow("sessions+messages") << true << true << false;
        QTest::newRow("hostile text, empty lists, no rules") << true << true << true;
    }
    void streamedDocumentIsTheWholeDocumentByteForByte()
    {
        QFETCH(bool, sessions);
        QFETCH(bool, messages);
        QFETCH(bool, hostile);
        Analysis a = m_a;
        if (hostile) {
            auto store = std::make_shared<Store>();
            store->files = m_a.store->files;
            store->sessions = m_a.store->sessions;
            Session s = store->sessions.first();
            s.lastReply = QStringLiteral("250 ok \u202eevil\x7f \u0085 \u2028 \x1b[31m \u00e9\u2026");
            s.recipients.clear();
            s.certificates.clear();
            store->sessions.append(s);
            store->messages.clear();
            a.store = store;
            a.findings.clear();
            a.knowledgeBaseError = QStringLiteral("cannot read \u202e kb");
        }
        JsonOptions opt;
        opt.sessions = sessions;
        opt.messages = messages;
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        writeAnalysisJson(a, opt, buffer);
        const QByteArray streamed = buffer.data();
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(streamed, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QByteArray whole = escapeJsonControlsUtf8(parsed.toJson(QJsonDocument::Indented));
        if (streamed != whole) {
            qsizetype i = 0;
            while (i < streamed.size() && i < whole.size() && streamed[i] == whole[i])
                ++i;
            QFAIL(qPrintable(QStringLiteral("differs at byte %1: streamed '%2' whole '%3'")
                                 .arg(i).arg(QString::fromUtf8(streamed.mid(std::max<qsizetype>(0, i - 60), 120)),
                                             QString::fromUtf8(whole.mid(std::max<qsizetype>(0, i - 60), 120)))));
        }
        QCOMPARE(parsed.object().contains(QStringLiteral("sessions")), sessions);
        if (hostile) {
            QVERIFY(streamed.contains("\\u202eevil\\u007f"));
            QVERIFY(!streamed.contains("\xe2\x80\xae"));   // no raw RLO
            QVERIFY(streamed.contains("\"messages\": [\n    ]"));
        }
    }
    void findingsHaveContractKeys()
    {
        const QJsonArray findings = analysisToJson(m_a).value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), m_a.findings.size());
        for (const QJsonValue &v : findings)
            requireKeys(v.toObject(), {QStringLiteral("rule"), QStringLiteral("severity"), QStringLiteral("title"),
                                       QStringLiteral("explanation"), QStringLiteral("sessions"), QStringLiteral("messageIds"),
                                       QStringLiteral("servers"), QStringLiteral("codes"), QStringLiteral("first"),
                                       QStringLiteral("last"), QStringLiteral("evidence"), QStringLiteral("scenario"),
                                       QStringLiteral("parameters")});
    }
};

QTEST_GUILESS_MAIN(TstAnalysisJson)
#include "tst_analysis_json.moc"
