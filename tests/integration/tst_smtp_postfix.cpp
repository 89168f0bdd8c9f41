// Against a real Postfix on loopback: EHLO, STARTTLS, EHLO, MAIL, RCPT, DATA and BDAT accepted
// and found in Postfix's hold queue and log; certificate details and the name check; `mwb probe`.
#include "fixtures.h"
#include "model/core/smtp/probe.h"
#include "model/core/smtp/smtpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace mwb;
using namespace mwb::smtp;

class TestSmtpPostfix : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir{QStringLiteral(MWB_BUILD_DIR "/tests/integration/postfix-XXXXXX")};
    fixtures::CertFiles m_cert;
    fixtures::Postfix m_postfix;
    const QString m_name = QStringLiteral("mail.postfix.mwb.test");

    ClientOptions options(const QString &expected = {}) const
    {
        ClientOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_postfix.port;
        o.mode = TlsMode::StartTls;
        o.ehloName = QStringLiteral("client.mwb.test");
        o.expectedName = expected;
        o.stepTimeoutMs = 20000;
        return o;
    }
    static bool runToIdle(SmtpClient &client, const QList<Step> &steps)
    {
        QSignalSpy idle(&client, &SmtpClient::idle);
        client.enqueue(steps);
        return idle.wait(90000);
    }
    static QString queueId(const StepResult &r)
    {
        static const QRegularExpression re(QStringLiteral("queued as ([0-9A-Za-z]+)"));
        return re.match(r.reply.text()).captured(1);
    }

private slots:
    void initTestCase()
    {
        if (!fixtures::have(QStringLiteral("postfix")))
            QSKIP("postfix is not installed (scripts/install-deps.sh installs it)");
        if (!fixtures::have(QStringLiteral("openssl")))
            QSKIP("openssl is not installed");
        QVERIFY(m_dir.isValid());
        m_cert = fixtures::makeCertificate(m_dir.path(), QStringLiteral("postfix"), m_name,
                                           {m_name, QStringLiteral("smtp.postfix.mwb.test")});
        QVERIFY(!m_cert.sha1.isEmpty());
        QVERIFY2(m_postfix.start(m_dir.path() + QStringLiteral("/pf"), m_cert, m_name), qPrintable(m_postfix.error));
    }
    void cleanupTestCase() { m_postfix.stop(); }

    void starttlsSessionDeliversDataAndBdatIntoPostfixQueue()
    {
        SmtpClient client;
        client.setOptions(options(m_name));
        const QByteArray body = makeTestMessage(QStringLiteral("sender@client.mwb.test"), QStringLiteral("rcpt@remote.mwb.test"),
                                                QStringLiteral("DATA via Postfix"))
                                + ".line starting with a dot\nbare LF line\n";
        const QByteArray bdatBody = makeTestMessage(QStringLiteral("sender@client.mwb.test"), QStringLiteral("rcpt@remote.mwb.test"),
                                                    QStringLiteral("BDAT via Postfix"))
                                    + QByteArray(300, 'b') + "\r\n";
        QList<Step> steps{Step::connect(), Step::ehlo(), Step::startTls(), Step::ehlo(),
                          Step::mailFrom(QStringLiteral("sender@client.mwb.test")), Step::rcptTo(QStringLiteral("rcpt@remote.mwb.test")),
                          Step::data(body),
                          Step::mailFrom(QStringLiteral("sender@client.mwb.test")), Step::rcptTo(QStringLiteral("rcpt@remote.mwb.test")),
                          Step::bdat(bdatBody, 128), Step::quit()};
        QVERIFY(runToIdle(client, steps));
        const QList<StepResult> &results = client.results();
        QCOMPARE(results.size(), steps.size());
        for (const StepResult &r : results)
            QVERIFY2(r.ok, qPrintable(r.name + QStringLiteral(": ") + r.error + u' ' + r.reply.summary()));
        // STARTTLS answered 220 with an enhanced code and capabilities changed after TLS.
        QCOMPARE(results.at(2).reply.code, 220);
        QVERIFY(EhloCapabilities::parse(results.at(1).reply).startTls);
        QVERIFY(!client.capabilities().startTls);
        QVERIFY(client.capabilities().chunking);
        QVERIFY(client.capabilities().pipelining);
        QVERIFY(client.capabilities().enhancedStatusCodes);
        QVERIFY(client.capabilities().size > 0);
        QVERIFY(client.isEncrypted() || !client.isConnected());

        const QString dataId = queueId(results.at(6));
        const QString bdatId = queueId(results.at(9));
        QVERIFY2(!dataId.isEmpty(), qPrintable(results.at(6).reply.summary()));
        QVERIFY2(!bdatId.isEmpty(), qPrintable(results.at(9).reply.summary()));
        QVERIFY(dataId != bdatId);
        QTRY_VERIFY_WITH_TIMEOUT(m_postfix.held(dataId), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_postfix.held(bdatId), 15000);
        // Postfix's own session summary proves every verb went through.
        QTRY_VERIFY_WITH_TIMEOUT(QRegularExpression(QStringLiteral("ehlo=2 starttls=1 mail=2 rcpt=2 data=1 bdat=[1-9][0-9]* quit=1")).match(QString::fromUtf8(m_postfix.maillog())).hasMatch(), 15000);
        QVERIFY(m_postfix.maillog().contains(dataId.toLatin1() + ": client=localhost[127.0.0.1]"));
        QVERIFY(m_postfix.maillog().contains(bdatId.toLatin1() + ": client=localhost[127.0.0.1]"));
    }

    void certificateDetailsMatchTheGeneratedCertificate()
    {
        SmtpClient client;
        client.setOptions(options(m_name));
        QVERIFY(runToIdle(client, probeSteps(TlsMode::StartTls)));
        const TlsInfo &tls = client.tlsInfo();
        QVERIFY(tls.established);
        QVERIFY(tls.protocol.startsWith(QStringLiteral("TLS 1.")));
        QVERIFY(!tls.cipher.isEmpty());
        QVERIFY(tls.cipherBits >= 128);
        QCOMPARE(tls.chain.size(), 1);
        const Certificate &c = tls.chain.first();
        QCOMPARE(c.subject, QStringLiteral("CN=%1, O=Mailflow Test").arg(m_name));
        QCOMPARE(c.issuer, c.subject);
        QCOMPARE(c.alternateNames, (QStringList{m_name, QStringLiteral("smtp.postfix.mwb.test")}));
        QCOMPARE(c.thumbprint, m_cert.sha1);
        QCOMPARE(c.key().type, QStringLiteral("RSA"));
        QCOMPARE(c.key().bits, 2048);
        QCOMPARE(c.signatureAlgorithm(), QStringLiteral("sha256WithRSAEncryption"));
        QCOMPARE(c.tlsCertificateName(), QStringLiteral("<I>CN=%1, O=Mailflow Test<S>CN=%1, O=Mailflow Test").arg(m_name));
        QVERIFY(!tls.verified);  // self-signed: said in plain words
        QVERIFY(tls.verificationSummary.contains(QStringLiteral("self-signed")));
        QVERIFY(tls.nameCheck.checked);
        QVERIFY(tls.nameCheck.matches);
        QCOMPARE(tls.nameCheck.matchedBy, QStringLiteral("SAN DNS:") + m_name);
        QVERIFY(summariseProbe(client).ok);
    }

    void nameCheckReportsSubjectMismatchForAnotherName()
    {
        SmtpClient client;
        client.setOptions(options(QStringLiteral("mail.fabrikam.test")));
        QVERIFY(runToIdle(client, probeSteps(TlsMode::StartTls)));
        const TlsInfo &tls = client.tlsInfo();
        QVERIFY(tls.established);
        QVERIFY(tls.nameCheck.checked);
        QVERIFY(!tls.nameCheck.matches);
        QVERIFY(tls.nameCheck.explanation.startsWith(QStringLiteral("SubjectMismatch")));
        QVERIFY(tls.nameCheck.explanation.contains(m_name));
        const ProbeSummary s = summariseProbe(client);
        QVERIFY(!s.ok);
        QVERIFY(s.problems.join(u' ').contains(QStringLiteral("SubjectMismatch")));
    }

    void cliProbeJsonReportsMatchAndMismatch_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("matches");
        QTest::newRow("matching") << m_name << true;
        QTest::newRow("wildcard-free other name") << QStringLiteral("mail.fabrikam.test") << false;
    }
    void cliProbeJsonReportsMatchAndMismatch()
    {
        QFETCH(QString, expected);
        QFETCH(bool, matches);
        const fixtures::Run r = fixtures::run(QStringLiteral(MWB_CLI_PATH),
                                              {QStringLiteral("probe"), QStringLiteral("127.0.0.1:%1").arg(m_postfix.port),
                                               QStringLiteral("--starttls"), QStringLiteral("--expect-name"), expected,
                                               QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("--json")},
                                              90000);
        QCOMPARE(r.exitCode, matches ? 0 : 1);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), matches);
        QVERIFY(o.value(QStringLiteral("banner")).toString().startsWith(m_name));
        QVERIFY(o.value(QStringLiteral("capabilities")).toObject().value(QStringLiteral("chunking")).toBool());
        QVERIFY(!o.value(QStringLiteral("capabilities")).toObject().value(QStringLiteral("startTls")).toBool());
        QVERIFY(o.value(QStringLiteral("capabilitiesBeforeTls")).toObject().value(QStringLiteral("startTls")).toBool());
        const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
        QVERIFY(tls.value(QStringLiteral("protocol")).toString().startsWith(QStringLiteral("TLS 1.")));
        const QJsonObject leaf = tls.value(QStringLiteral("chain")).toArray().first().toObject();
        QCOMPARE(leaf.value(QStringLiteral("thumbprint")).toString(), m_cert.sha1);
        QCOMPARE(leaf.value(QStringLiteral("sha256")).toString().size(), 64);
        QCOMPARE(leaf.value(QStringLiteral("alternateNames")).toArray().first().toString(), m_name);
        QVERIFY(leaf.value(QStringLiteral("tlsCertificateName")).toString().startsWith(QStringLiteral("<I>CN=") + m_name));
        const QJsonObject name = o.value(QStringLiteral("nameCheck")).toObject();
        QCOMPARE(name.value(QStringLiteral("expected")).toString(), expected);
        QCOMPARE(name.value(QStringLiteral("matches")).toBool(), matches);
        const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 5);
        for (const QJsonValue &s : steps) {
            QVERIFY(s.toObject().value(QStringLiteral("ok")).toBool());
            QVERIFY(s.toObject().contains(QStringLiteral("ms")));
        }
    }

    void cliProbeRejectsBadUsage()
    {
        QCOMPARE(fixtures::run(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("probe")}).exitCode, 2);
        QCOMPARE(fixtures::run(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("probe"), QStringLiteral("h:99999")}).exitCode, 2);
        QCOMPARE(fixtures::run(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("probe"), QStringLiteral("h"), QStringLiteral("--tls"),
                                                              QStringLiteral("--starttls")}).exitCode, 2);
        QCOMPARE(fixtures::run(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("probe"), QStringLiteral("h"), QStringLiteral("--timeout"),
                                                              QStringLiteral("soon")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestSmtpPostfix)
#include "tst_smtp_postfix.moc"
