// Mail transport security against real peers on 127.0.30.x (issue #30): dnsmasq serves MX, A,
// SPF/DMARC, MTA-STS and TLS-RPT TXT records and TLSA records (--dns-rr type 52); a Python HTTPS
// server on 127.0.30.44:443 serves the MTA-STS policy under a test CA given through --ca-file;
// two aiosmtpd servers with STARTTLS on port 25 are the MX hosts: mx1 with a CA-signed certificate
// its TLSA record matches (3 1 1, hash computed by openssl), mx2 with an expired self-signed one
// and a TLSA record that does not match. Ports 443/25 need root (the tests skip otherwise).
// Two more policy hosts: fabrikam.test serves its policy as text/html (RFC 8461 3.3: no policy),
// northwind.test allows mx: *.contoso.test (a wildcard that matches mx2, whose certificate is bad).
// DNSSEC validation itself is not tested: dnsmasq answers AD=0, so only the "not-validated" path is.
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {
const QString kPeers = QStringLiteral(MWB_SOURCE_DIR "/tests/integration/peers/mail_security_peers.py");
const QString kDomain = QStringLiteral("contoso.test");

fixtures::Run sh(const QString &command)
{
    return fixtures::run(QStringLiteral("sh"), {QStringLiteral("-c"), command});
}
} // namespace

class TestMailSecurity : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fixtures::Daemon m_dnsmasq, m_https, m_mx1, m_mx2, m_httpsWrongType, m_httpsWildcard;
    QString m_resolver;
    QString m_ca;
    QString m_mx1Spki;      // SHA-256 of mx1's SubjectPublicKeyInfo, upper-case hex (openssl)

    QString path(const QString &name) const { return m_dir.path() + u'/' + name; }

    bool startPeer(fixtures::Daemon &d, const QStringList &args)
    {
        if (!d.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral("-u"), kPeers} + args))
            return false;
        return QTest::qWaitFor([&] { return d.output().contains("ready") || d.process.state() == QProcess::NotRunning; }, 15000)
               && d.output().contains("ready");
    }

    fixtures::Run mwb(const QStringList &args) { return fixtures::run(QStringLiteral(MWB_CLI_PATH), args, 40000); }

    static QJsonObject parse(const fixtures::Run &r)
    {
        return QJsonDocument::fromJson(r.out).object();
    }

private slots:
    void initTestCase()
    {
        if (!fixtures::have(QStringLiteral("dnsmasq")))
            QSKIP("dnsmasq is not installed (scripts/install-deps.sh installs dnsmasq-base)");
        if (!fixtures::run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}).ok())
            QSKIP("python3-aiosmtpd is not installed (scripts/install-deps.sh installs it)");
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress(QStringLiteral("127.0.30.44")), 443))
                QSKIP("cannot listen on 127.0.30.44:443 (needs root): the MTA-STS policy host must be on port 443");
        }
        QVERIFY(m_dir.isValid());
        // Test CA, and certificates it signs for the policy host and mx1.
        m_ca = path(QStringLiteral("ca.crt"));
        QVERIFY(sh(QStringLiteral("cd '%1' && openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -keyout ca.key -out ca.crt "
                                  "-subj '/O=Mailflow Test/CN=Mailflow Test CA' -addext basicConstraints=critical,CA:TRUE "
                                  "-addext keyUsage=critical,keyCertSign,cRLSign 2>&1").arg(m_dir.path())).ok());
        for (const QString &host : {QStringLiteral("mta-sts.contoso.test"), QStringLiteral("mx1.contoso.test"),
                                    QStringLiteral("mta-sts.fabrikam.test"), QStringLiteral("mta-sts.northwind.test")}) {
            const fixtures::Run r = sh(QStringLiteral("cd '%1' && openssl req -new -newkey rsa:2048 -nodes -keyout %2.key -out %2.csr "
                                                      "-subj '/O=Contoso/CN=%2' 2>&1 && printf 'subjectAltName=DNS:%2\\n' > %2.ext && "
                                                      "openssl x509 -req -in %2.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 60 "
                                                      "-sha256 -extfile %2.ext -out %2.crt 2>&1")
                                           .arg(m_dir.path(), host));
            QVERIFY2(r.ok(), r.out.constData());
        }
        const fixtures::Run spki = sh(QStringLiteral("openssl x509 -in '%1' -pubkey -noout | openssl pkey -pubin -outform DER | "
                                                     "openssl dgst -sha256 -r").arg(path(QStringLiteral("mx1.contoso.test.crt"))));
        QVERIFY(spki.ok());
        m_mx1Spki = QString::fromLatin1(spki.out).section(u' ', 0, 0).trimmed().toUpper();
        QCOMPARE(m_mx1Spki.size(), 64);
        const fixtures::CertFiles expired = fixtures::makeExpiredCertificate(m_dir.path(), QStringLiteral("mx2.contoso.test"));
        QVERIFY(!expired.cert.isEmpty());
        {
            QFile policy(path(QStringLiteral("policy.txt")));
            QVERIFY(policy.open(QIODevice::WriteOnly));
            policy.write("version: STSv1\r\nmode: enforce\r\nmx: mx1.contoso.test\r\nmax_age: 86400\r\n");
            QFile wildcard(path(QStringLiteral("wildcard-policy.txt")));
            QVERIFY(wildcard.open(QIODevice::WriteOnly));
            wildcard.write("version: STSv1\r\nmode: enforce\r\nmx: *.contoso.test\r\nmax_age: 86400\r\n");
        }

        const QHostAddress listen(QStringLiteral("127.0.30.53"));
        const quint16 port = fixtures::freeUdpPort(listen);
        QVERIFY(port != 0);
        m_resolver = QStringLiteral("127.0.30.53:%1").arg(port);
        const QString wrongHash = QString(64, u'A');
        QVERIFY(m_dnsmasq.start(fixtures::program(QStringLiteral("dnsmasq")),
                                {QStringLiteral("--keep-in-foreground"), QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
                                 QStringLiteral("--conf-file=/dev/null"), QStringLiteral("--pid-file="), QStringLiteral("--bind-interfaces"),
                                 QStringLiteral("--except-interface=nonexisting"), QStringLiteral("--listen-address=127.0.30.53"),
                                 QStringLiteral("--port=%1").arg(port), QStringLiteral("--user=root"), QStringLiteral("--local=/test/"),
                                 QStringLiteral("--mx-host=contoso.test,mx1.contoso.test,10"),
                                 QStringLiteral("--mx-host=contoso.test,mx2.contoso.test,20"),
                                 QStringLiteral("--host-record=mx1.contoso.test,127.0.30.25"),
                                 QStringLiteral("--host-record=mx2.contoso.test,127.0.30.26"),
                                 QStringLiteral("--host-record=mta-sts.contoso.test,127.0.30.44"),
                                 QStringLiteral("--txt-record=contoso.test,v=spf1 ip4:127.0.30.0/24 -all"),
                                 QStringLiteral("--txt-record=_dmarc.contoso.test,v=DMARC1; p=reject"),
                                 QStringLiteral("--txt-record=_mta-sts.contoso.test,v=STSv1; id=20261207T1"),
                                 QStringLiteral("--mx-host=fabrikam.test,mx1.contoso.test,10"),
                                 QStringLiteral("--host-record=mta-sts.fabrikam.test,127.0.30.45"),
                                 QStringLiteral("--txt-record=_mta-sts.fabrikam.test,v=STSv1; id=20261208T1"),
                                 QStringLiteral("--host-record=mta-sts.northwind.test,127.0.30.46"),
                                 QStringLiteral("--txt-record=_mta-sts.northwind.test,v=STSv1; id=20261208T2"),
                                 QStringLiteral("--txt-record=_smtp._tls.contoso.test,v=TLSRPTv1; rua=mailto:tlsrpt@contoso.test"),
                                 QStringLiteral("--txt-record=s1._domainkey.contoso.test,v=DKIM1; k=rsa; p=MIIB"),
                                 QStringLiteral("--dns-rr=_25._tcp.mx1.contoso.test,52,030101") + m_mx1Spki,
                                 QStringLiteral("--dns-rr=_25._tcp.mx2.contoso.test,52,030101") + wrongHash,
                                 QStringLiteral("--host-record=26.30.0.127.zen.spamhaus.test,127.0.0.2")}));
        QVERIFY(startPeer(m_https, {QStringLiteral("https"), QStringLiteral("127.0.30.44"), path(QStringLiteral("mta-sts.contoso.test.crt")),
                                    path(QStringLiteral("mta-sts.contoso.test.key")), path(QStringLiteral("policy.txt"))}));
        QVERIFY(startPeer(m_httpsWrongType, {QStringLiteral("https"), QStringLiteral("127.0.30.45"), path(QStringLiteral("mta-sts.fabrikam.test.crt")),
                                             path(QStringLiteral("mta-sts.fabrikam.test.key")), path(QStringLiteral("policy.txt")),
                                             QStringLiteral("text/html; charset=utf-8")}));
        QVERIFY(startPeer(m_httpsWildcard, {QStringLiteral("https"), QStringLiteral("127.0.30.46"), path(QStringLiteral("mta-sts.northwind.test.crt")),
                                            path(QStringLiteral("mta-sts.northwind.test.key")), path(QStringLiteral("wildcard-policy.txt"))}));
        QVERIFY2(startPeer(m_mx1, {QStringLiteral("smtp"), QStringLiteral("127.0.30.25:25"), path(QStringLiteral("mx1.contoso.test.crt")),
                                   path(QStringLiteral("mx1.contoso.test.key")), path(QStringLiteral("mx1.log"))}),
                 m_mx1.output().constData());
        QVERIFY2(startPeer(m_mx2, {QStringLiteral("smtp"), QStringLiteral("127.0.30.26:25"), expired.cert, expired.key,
                                   path(QStringLiteral("mx2.log")), QStringLiteral("tls12")}),
                 m_mx2.output().constData());
        // dnsmasq is ready when it answers.
        QVERIFY2(QTest::qWaitFor([&] {
                     return mwb({QStringLiteral("dns"), QStringLiteral("mx1.contoso.test"), QStringLiteral("--resolver"), m_resolver,
                                 QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--json")})
                         .out.contains("127.0.30.25");
                 }, 15000),
                 m_dnsmasq.output().constData());
    }

    void cleanupTestCase()
    {
        m_mx1.stop();
        m_mx2.stop();
        m_https.stop();
        m_httpsWrongType.stop();
        m_httpsWildcard.stop();
        m_dnsmasq.stop();
    }

    void dnsReportsMtaStsTlsRptAndTlsaPerMx()
    {
        const fixtures::Run r = mwb({QStringLiteral("dns"), kDomain, QStringLiteral("--resolver"), m_resolver, QStringLiteral("--ca-file"),
                                     m_ca, QStringLiteral("--dkim-selector"), QStringLiteral("s1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        const QJsonObject o = parse(r);
        const QJsonObject sts = o.value(QStringLiteral("mtaSts")).toObject();
        QCOMPARE(sts.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(sts.value(QStringLiteral("id")).toString(), QStringLiteral("20261207T1"));
        const QJsonObject policy = sts.value(QStringLiteral("policy")).toObject();
        QVERIFY2(policy.value(QStringLiteral("fetched")).toBool(), qPrintable(policy.value(QStringLiteral("error")).toString()));
        QCOMPARE(policy.value(QStringLiteral("connectedTo")).toString(), QStringLiteral("127.0.30.44"));
        QCOMPARE(policy.value(QStringLiteral("mode")).toString(), QStringLiteral("enforce"));
        QCOMPARE(policy.value(QStringLiteral("maxAge")).toInt(), 86400);
        QCOMPARE(policy.value(QStringLiteral("mx")).toArray(), QJsonArray{QStringLiteral("mx1.contoso.test")});
        const QJsonArray coverage = sts.value(QStringLiteral("mxCoverage")).toArray();
        QCOMPARE(coverage.size(), 2);
        for (const QJsonValue &c : coverage)
            QCOMPARE(c[QStringLiteral("covered")].toBool(), c[QStringLiteral("exchange")].toString() == u"mx1.contoso.test");

        const QJsonObject rpt = o.value(QStringLiteral("tlsRpt")).toObject();
        QVERIFY(rpt.value(QStringLiteral("valid")).toBool());
        QCOMPARE(rpt.value(QStringLiteral("rua")).toArray(), QJsonArray{QStringLiteral("mailto:tlsrpt@contoso.test")});

        const QJsonArray tlsa = o.value(QStringLiteral("tlsa")).toArray();
        QCOMPARE(tlsa.size(), 2);
        QCOMPARE(tlsa[0][QStringLiteral("exchange")].toString(), QStringLiteral("mx1.contoso.test"));
        QCOMPARE(tlsa[0][QStringLiteral("name")].toString(), QStringLiteral("_25._tcp.mx1.contoso.test"));
        const QJsonObject rec = tlsa[0][QStringLiteral("records")].toArray().at(0).toObject();
        QCOMPARE(rec.value(QStringLiteral("usage")).toInt(), 3);
        QCOMPARE(rec.value(QStringLiteral("selector")).toInt(), 1);
        QCOMPARE(rec.value(QStringLiteral("matchingType")).toInt(), 1);
        QCOMPARE(rec.value(QStringLiteral("data")).toString(), m_mx1Spki);
        // dnsmasq does not validate: the AD bit is clear, and the report says so plainly.
        QCOMPARE(tlsa[0][QStringLiteral("dnssec")].toString(), QStringLiteral("not-validated"));
        QCOMPARE(o.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("records")).toArray(),
                 QJsonArray{QStringLiteral("v=DKIM1; k=rsa; p=MIIB")});

        // The text form carries the same records.
        const fixtures::Run text = mwb({QStringLiteral("dns"), kDomain, QStringLiteral("--resolver"), m_resolver, QStringLiteral("--ca-file"), m_ca});
        QVERIFY(text.out.contains("MTA-STS v=STSv1; id=20261207T1"));
        QVERIFY(text.out.contains("MX mx2.contoso.test NOT covered by the policy"));
        QVERIFY(text.out.contains("TLS-RPT v=TLSRPTv1"));
        QVERIFY(text.out.contains("[3 1 1 " + m_mx1Spki.toLatin1() + "]"));
    }

    // RFC 8461 3.3: a policy served as anything but text/plain is no policy. `mwb dns` says what was
    // served, `mwb check` fails its MTA-STS line with the reason; text/plain (contoso.test) passes.
    void policyServedWithTheWrongContentTypeIsNoPolicy()
    {
        const fixtures::Run r = mwb({QStringLiteral("dns"), QStringLiteral("fabrikam.test"), QStringLiteral("--resolver"), m_resolver,
                                     QStringLiteral("--ca-file"), m_ca, QStringLiteral("--json")});
        const QJsonObject policy = parse(r)[QStringLiteral("mtaSts")][QStringLiteral("policy")].toObject();
        QVERIFY2(policy.value(QStringLiteral("fetched")).toBool(), qPrintable(policy.value(QStringLiteral("error")).toString()));
        QCOMPARE(policy.value(QStringLiteral("contentType")).toString(), QStringLiteral("text/html; charset=utf-8"));
        QCOMPARE(policy.value(QStringLiteral("contentTypeValid")).toBool(), false);
        QVERIFY(policy.value(QStringLiteral("contentTypeProblem")).toString().contains(QStringLiteral("not text/plain")));
        const fixtures::Run good = mwb({QStringLiteral("dns"), kDomain, QStringLiteral("--resolver"), m_resolver,
                                        QStringLiteral("--ca-file"), m_ca, QStringLiteral("--json")});
        const QJsonObject goodPolicy = parse(good)[QStringLiteral("mtaSts")][QStringLiteral("policy")].toObject();
        QCOMPARE(goodPolicy.value(QStringLiteral("contentType")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(goodPolicy.value(QStringLiteral("contentTypeValid")).toBool(), true);
        const fixtures::Run text = mwb({QStringLiteral("dns"), QStringLiteral("fabrikam.test"), QStringLiteral("--resolver"), m_resolver,
                                        QStringLiteral("--ca-file"), m_ca});
        QVERIFY2(text.out.contains("policy NOT USABLE: the policy was served as text/html"), text.out.constData());

        const fixtures::Run check = mwb({QStringLiteral("check"), QStringLiteral("fabrikam.test"), QStringLiteral("--resolver"), m_resolver,
                                         QStringLiteral("--ca-file"), m_ca, QStringLiteral("--blocklist"), QStringLiteral("zen.spamhaus.test"),
                                         QStringLiteral("--timeout"), QStringLiteral("5"), QStringLiteral("--json")});
        bool seen = false;
        for (const QJsonValue &c : parse(check).value(QStringLiteral("checks")).toArray()) {
            if (c[QStringLiteral("id")].toString() != u"mta-sts")
                continue;
            seen = true;
            QCOMPARE(c[QStringLiteral("result")].toString(), QStringLiteral("fail"));
            QVERIFY2(c[QStringLiteral("detail")].toString().contains(QStringLiteral("text/html")), qPrintable(c[QStringLiteral("detail")].toString()));
        }
        QVERIFY2(seen, check.out.constData());
    }

    // `mwb probe --mta-sts DOMAIN`: the probed host against the policy's mx patterns (RFC 8461 4.1)
    // and, in enforce mode, its certificate (4.2).
    void probeMatchesTheHostAgainstTheMtaStsPolicy()
    {
        const auto probe = [&](const QString &host, const QString &domain, bool json) {
            QStringList args{QStringLiteral("probe"), host + QStringLiteral(":25"), QStringLiteral("--starttls"), QStringLiteral("--resolver"),
                             m_resolver, QStringLiteral("--ca-file"), m_ca, QStringLiteral("--mta-sts"), domain};
            if (json)
                args << QStringLiteral("--json");
            return mwb(args);
        };
        // mx1 is the policy's MX and presents a certificate of the test CA for its name.
        const fixtures::Run match = probe(QStringLiteral("mx1.contoso.test"), kDomain, true);
        const QJsonObject m = parse(match)[QStringLiteral("mtaSts")].toObject();
        QCOMPARE(m.value(QStringLiteral("result")).toString(), QStringLiteral("match"));
        QCOMPARE(m.value(QStringLiteral("mode")).toString(), QStringLiteral("enforce"));
        QCOMPARE(m.value(QStringLiteral("mxMatch")).toBool(), true);
        QCOMPARE(m.value(QStringLiteral("matchedPattern")).toString(), QStringLiteral("mx1.contoso.test"));
        QCOMPARE(m.value(QStringLiteral("certificateValid")).toBool(), true);
        QVERIFY2(match.exitCode == 0, match.out.constData());

        // mx2 is not in the enforced policy: a problem, and the text says so.
        const fixtures::Run mismatch = probe(QStringLiteral("mx2.contoso.test"), kDomain, true);
        const QJsonObject mm = parse(mismatch)[QStringLiteral("mtaSts")].toObject();
        QCOMPARE(mm.value(QStringLiteral("result")).toString(), QStringLiteral("mismatch"));
        QCOMPARE(mm.value(QStringLiteral("mxMatch")).toBool(), false);
        QCOMPARE(mismatch.exitCode, 1);
        bool listed = false;
        for (const QJsonValue &p : parse(mismatch).value(QStringLiteral("problems")).toArray())
            listed = listed || p.toString().startsWith(QStringLiteral("MTA-STS mismatch: mx2.contoso.test matches no mx pattern"));
        QVERIFY2(listed, mismatch.out.constData());
        const fixtures::Run text = probe(QStringLiteral("mx2.contoso.test"), kDomain, false);
        QVERIFY2(text.out.contains("MTA-STS contoso.test (mode enforce): mismatch - mx2.contoso.test matches no mx pattern"), text.out.constData());

        // mx2 matches northwind's "*.contoso.test", but its certificate (expired, self-signed) is
        // not valid for it: senders enforcing the policy refuse it all the same.
        const fixtures::Run wildcard = probe(QStringLiteral("mx2.contoso.test"), QStringLiteral("northwind.test"), true);
        const QJsonObject w = parse(wildcard)[QStringLiteral("mtaSts")].toObject();
        QCOMPARE(w.value(QStringLiteral("mxMatch")).toBool(), true);
        QCOMPARE(w.value(QStringLiteral("matchedPattern")).toString(), QStringLiteral("*.contoso.test"));
        QCOMPARE(w.value(QStringLiteral("certificateValid")).toBool(), false);
        QCOMPARE(w.value(QStringLiteral("result")).toString(), QStringLiteral("mismatch"));

        // fabrikam's policy is served as text/html: no policy to match against, not a failure.
        const fixtures::Run none = probe(QStringLiteral("mx1.contoso.test"), QStringLiteral("fabrikam.test"), true);
        const QJsonObject n = parse(none)[QStringLiteral("mtaSts")].toObject();
        QCOMPARE(n.value(QStringLiteral("result")).toString(), QStringLiteral("no-policy"));
        QVERIFY(n.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("text/plain")));
        QVERIFY2(none.exitCode == 0, none.out.constData());

        // Without STARTTLS there is nothing to judge: a usage error.
        QCOMPARE(mwb({QStringLiteral("probe"), QStringLiteral("mx1.contoso.test:25"), QStringLiteral("--mta-sts"), kDomain}).exitCode, 2);
    }

    void policyFetchWithoutTheTestCaFailsOnTheCertificate()
    {
        const fixtures::Run r = mwb({QStringLiteral("dns"), kDomain, QStringLiteral("--resolver"), m_resolver, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject policy = parse(r)[QStringLiteral("mtaSts")][QStringLiteral("policy")].toObject();
        QCOMPARE(policy.value(QStringLiteral("fetched")).toBool(), false);
        QVERIFY2(policy.value(QStringLiteral("error")).toString().contains(QStringLiteral("certificate")),
                 qPrintable(policy.value(QStringLiteral("error")).toString()));
    }

    void probeReportsTlsaMatchAndMismatch()
    {
        const fixtures::Run good = mwb({QStringLiteral("probe"), QStringLiteral("mx1.contoso.test:25"), QStringLiteral("--starttls"),
                                        QStringLiteral("--resolver"), m_resolver, QStringLiteral("--json")});
        const QJsonObject g = parse(good);
        QCOMPARE(g[QStringLiteral("tlsa")][QStringLiteral("result")].toString(), QStringLiteral("match"));
        QCOMPARE(g[QStringLiteral("tlsa")][QStringLiteral("matched")].toString(), QStringLiteral("3 1 1 ") + m_mx1Spki);
        QCOMPARE(g[QStringLiteral("tlsa")][QStringLiteral("dnssec")].toString(), QStringLiteral("not-validated"));
        QVERIFY2(good.exitCode == 0, good.out.constData());

        const fixtures::Run bad = mwb({QStringLiteral("probe"), QStringLiteral("mx2.contoso.test:25"), QStringLiteral("--starttls"),
                                       QStringLiteral("--resolver"), m_resolver, QStringLiteral("--json")});
        QCOMPARE(parse(bad)[QStringLiteral("tlsa")][QStringLiteral("result")].toString(), QStringLiteral("mismatch"));
        QCOMPARE(bad.exitCode, 1);
        const fixtures::Run text = mwb({QStringLiteral("probe"), QStringLiteral("mx2.contoso.test:25"), QStringLiteral("--starttls"),
                                        QStringLiteral("--resolver"), m_resolver});
        QVERIFY2(text.out.contains("TLSA _25._tcp.mx2.contoso.test (DNSSEC not-validated): mismatch"), text.out.constData());
    }

    void checkGivesOneResultPerCheck()
    {
        const QString report = path(QStringLiteral("report.html"));
        const fixtures::Run r = mwb({QStringLiteral("check"), kDomain, QStringLiteral("--resolver"), m_resolver, QStringLiteral("--ca-file"), m_ca,
                                     QStringLiteral("--blocklist"), QStringLiteral("zen.spamhaus.test"), QStringLiteral("--timeout"),
                                     QStringLiteral("5"), QStringLiteral("--json"), QStringLiteral("--report"), report});
        QCOMPARE(r.exitCode, 1);  // mx2 fails (expired, TLSA mismatch, not in the enforced policy, listed)
        const QJsonObject o = parse(r);
        QCOMPARE(o.value(QStringLiteral("domain")).toString(), kDomain);
        QMap<QString, QString> results;  // "id mx" -> result
        for (const QJsonValue &c : o.value(QStringLiteral("checks")).toArray()) {
            const QString result = c[QStringLiteral("result")].toString();
            QVERIFY2(result == u"pass" || result == u"warn" || result == u"fail", qPrintable(result));
            QVERIFY(c.toObject().contains(QStringLiteral("detail")));
            QVERIFY(c.toObject().contains(QStringLiteral("scenario")));
            const QString key = c[QStringLiteral("id")].toString() + u' ' + c[QStringLiteral("mx")].toString();
            QVERIFY2(!results.contains(key), qPrintable(key));  // one result per check
            results.insert(key, result);
        }
        QCOMPARE(results.value(QStringLiteral("mx ")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("spf ")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("dmarc ")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("tls-rpt ")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("mta-sts ")), QStringLiteral("fail"));  // enforce, mx2 not covered
        QCOMPARE(results.value(QStringLiteral("starttls mx1.contoso.test")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("certificate-chain mx1.contoso.test")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("certificate-name mx1.contoso.test")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("certificate-expiry mx1.contoso.test")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("dane mx1.contoso.test")), QStringLiteral("warn"));  // matches, but AD=0
        QCOMPARE(results.value(QStringLiteral("blocklist mx1.contoso.test")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("starttls mx2.contoso.test")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("certificate-expiry mx2.contoso.test")), QStringLiteral("fail"));
        QCOMPARE(results.value(QStringLiteral("certificate-chain mx2.contoso.test")), QStringLiteral("fail"));
        QCOMPARE(results.value(QStringLiteral("dane mx2.contoso.test")), QStringLiteral("fail"));
        QCOMPARE(results.value(QStringLiteral("blocklist mx2.contoso.test")), QStringLiteral("fail"));

        QFile html(report);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("<td>dane</td>"));
        QVERIFY(page.contains("mx2.contoso.test"));
    }

    void checkComparesTheExpectedCertificateName()
    {
        // The name mx1 presents, in Exchange's form, as the probe reports it.
        const fixtures::Run probe = mwb({QStringLiteral("probe"), QStringLiteral("mx1.contoso.test:25"), QStringLiteral("--starttls"),
                                         QStringLiteral("--resolver"), m_resolver, QStringLiteral("--json")});
        const QString name = parse(probe)[QStringLiteral("tls")][QStringLiteral("chain")][0][QStringLiteral("tlsCertificateName")].toString();
        QVERIFY2(name.startsWith(QStringLiteral("<I>")) && name.contains(QStringLiteral("CN=Mailflow Test CA")), qPrintable(name));
        const fixtures::Run r = mwb({QStringLiteral("check"), kDomain, QStringLiteral("--resolver"), m_resolver, QStringLiteral("--ca-file"), m_ca,
                                     QStringLiteral("--blocklist"), QStringLiteral("zen.spamhaus.test"), QStringLiteral("--expect-certificate-name"),
                                     name, QStringLiteral("--json")});
        QMap<QString, QString> results;
        for (const QJsonValue &c : parse(r).value(QStringLiteral("checks")).toArray())
            results.insert(c[QStringLiteral("id")].toString() + u' ' + c[QStringLiteral("mx")].toString(), c[QStringLiteral("result")].toString());
        QCOMPARE(results.value(QStringLiteral("expected-certificate mx1.contoso.test")), QStringLiteral("pass"));
        QCOMPARE(results.value(QStringLiteral("expected-certificate mx2.contoso.test")), QStringLiteral("fail"));
    }

    void tlsVersionIsTriedOnRequestAndExplained()
    {
        const auto probe = [this](const QString &host, const QString &version) {
            return mwb({QStringLiteral("probe"), host + QStringLiteral(":25"), QStringLiteral("--starttls"), QStringLiteral("--resolver"),
                        m_resolver, QStringLiteral("--tls-version"), version, QStringLiteral("--json")});
        };
        const QJsonObject mx1 = parse(probe(QStringLiteral("mx1.contoso.test"), QStringLiteral("1.3")));
        QCOMPARE(mx1[QStringLiteral("tls")][QStringLiteral("protocol")].toString(), QStringLiteral("TLS 1.3"));
        QCOMPARE(mx1[QStringLiteral("tlsVersion")][QStringLiteral("outcome")].toString(), QStringLiteral("negotiated"));
        const QJsonObject mx1v12 = parse(probe(QStringLiteral("mx1.contoso.test"), QStringLiteral("1.2")));
        QCOMPARE(mx1v12[QStringLiteral("tls")][QStringLiteral("protocol")].toString(), QStringLiteral("TLS 1.2"));
        // mx2 stops at TLS 1.2: offering only 1.3 fails, and the report says what that means.
        const fixtures::Run r = probe(QStringLiteral("mx2.contoso.test"), QStringLiteral("1.3"));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject mx2 = parse(r);
        QCOMPARE(mx2[QStringLiteral("tlsVersion")][QStringLiteral("outcome")].toString(), QStringLiteral("refused"));
        QVERIFY(mx2[QStringLiteral("tlsVersion")][QStringLiteral("explanation")].toString().contains(QStringLiteral("Expected for Exchange")));
        // The banner's build, mapped to product and update.
        QCOMPARE(mx2[QStringLiteral("exchange")][QStringLiteral("product")].toString(), QStringLiteral("Exchange Server 2019"));
        QCOMPARE(mx2[QStringLiteral("exchange")][QStringLiteral("update")].toString(), QStringLiteral("CU14"));
        QVERIFY(mx2[QStringLiteral("exchange")][QStringLiteral("outOfSupport")].toBool());
        QVERIFY(!mx1.contains(QStringLiteral("exchange")));
    }

    void xAnonymousTlsIsPerformedLikeStartTls()
    {
        const fixtures::Run r = mwb({QStringLiteral("probe"), QStringLiteral("mx1.contoso.test:25"), QStringLiteral("--x-anonymoustls"),
                                     QStringLiteral("--resolver"), m_resolver, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        const QJsonObject o = parse(r);
        QVERIFY(o[QStringLiteral("capabilitiesBeforeTls")][QStringLiteral("anonymousTls")].toBool());
        QVERIFY(o[QStringLiteral("tls")][QStringLiteral("established")].toBool());
        QCOMPARE(o[QStringLiteral("steps")][2][QStringLiteral("step")].toString(), QStringLiteral("X-ANONYMOUSTLS"));
        QFile log(path(QStringLiteral("mx1.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("x-anonymoustls"));
    }

    // A validating unbound on loopback serving zones the test signs (ldns-keygen/ldns-signzone) as
    // auth-zones, with their keys as trust anchors: AD=1 for secure.test, SERVFAIL for bogus.test
    // (a TLSA record changed after signing).
    void dnssecStatusFromAValidatingResolver()
    {
        if (!fixtures::have(QStringLiteral("unbound")) || !fixtures::have(QStringLiteral("ldns-signzone")))
            QSKIP("unbound or ldnsutils is not installed (scripts/install-deps.sh installs them)");
        const QString dir = path(QStringLiteral("unbound"));
        QVERIFY(QDir().mkpath(dir));
        QStringList anchors;
        for (const QString &zone : {QStringLiteral("secure.test"), QStringLiteral("bogus.test")}) {
            QFile f(dir + u'/' + zone + QStringLiteral(".zone"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("$ORIGIN %1.\n$TTL 300\n@ IN SOA ns.%1. admin.%1. 1 3600 600 86400 300\n@ IN NS ns\n"
                                   "ns IN A 127.0.30.60\n@ IN MX 10 mx1\nmx1 IN A 127.0.30.25\n_25._tcp.mx1 IN TLSA 3 1 1 %2\n")
                        .arg(zone, m_mx1Spki).toLatin1());
            f.close();
            const fixtures::Run keys = sh(QStringLiteral("cd '%1' && K=$(ldns-keygen -a ECDSAP256SHA256 -k %2) && Z=$(ldns-keygen -a ECDSAP256SHA256 %2) "
                                                         "&& ldns-signzone %2.zone $Z $K && echo $K").arg(dir, zone));
            QVERIFY2(keys.ok(), keys.err.constData());
            anchors << dir + u'/' + QString::fromLatin1(keys.out).trimmed() + QStringLiteral(".key");
        }
        // bogus.test: the TLSA data no longer matches its signature.
        const fixtures::Run tamper = sh(QStringLiteral("cd '%1' && sed -i 's/3 1 1 %2/3 1 1 %3/I' bogus.test.zone.signed && grep -qi '3 1 1 %3' bogus.test.zone.signed")
                                            .arg(dir, m_mx1Spki, QString(64, u'B')));
        QVERIFY2(tamper.ok(), tamper.err.constData());
        const quint16 port = fixtures::freeUdpPort(QHostAddress(QStringLiteral("127.0.30.60")));
        QVERIFY(port != 0);
        QString conf = QStringLiteral("server:\n  interface: 127.0.30.60\n  port: %1\n  do-daemonize: no\n  username: \"\"\n  chroot: \"\"\n"
                                      "  directory: \"%2\"\n  pidfile: \"\"\n  use-syslog: no\n  logfile: \"\"\n  do-ip6: no\n"
                                      "  so-reuseport: no\n  access-control: 127.0.0.0/8 allow\n  module-config: \"validator iterator\"\n"
                                      "  local-zone: \"test.\" nodefault\n").arg(port).arg(dir);
        for (const QString &a : anchors)
            conf += QStringLiteral("  trust-anchor-file: \"%1\"\n").arg(a);
        for (const QString &zone : {QStringLiteral("secure.test"), QStringLiteral("bogus.test")})
            conf += QStringLiteral("auth-zone:\n  name: \"%1\"\n  zonefile: \"%2/%1.zone.signed\"\n  for-upstream: yes\n"
                                   "  for-downstream: no\n  fallback-enabled: no\n").arg(zone, dir);
        QFile confFile(dir + QStringLiteral("/unbound.conf"));
        QVERIFY(confFile.open(QIODevice::WriteOnly));
        confFile.write(conf.toLatin1());
        confFile.close();
        fixtures::Daemon unbound;
        QVERIFY(unbound.start(fixtures::program(QStringLiteral("unbound")), {QStringLiteral("-d"), QStringLiteral("-c"), confFile.fileName()}));
        const QString resolver = QStringLiteral("127.0.30.60:%1").arg(port);
        QVERIFY2(QTest::qWaitFor([&] { return unbound.output().contains("start of service") || unbound.process.state() == QProcess::NotRunning; }, 15000)
                     && unbound.process.state() == QProcess::Running,
                 unbound.output().constData());

        const fixtures::Run secure = mwb({QStringLiteral("dns"), QStringLiteral("secure.test"), QStringLiteral("--resolver"), resolver, QStringLiteral("--json")});
        QVERIFY2(secure.exitCode == 0, secure.out.constData());
        const QJsonArray tlsa = parse(secure)[QStringLiteral("tlsa")].toArray();
        QCOMPARE(tlsa.size(), 1);
        QCOMPARE(tlsa[0][QStringLiteral("dnssec")].toString(), QStringLiteral("validated"));
        QCOMPARE(tlsa[0][QStringLiteral("records")][0][QStringLiteral("data")].toString(), m_mx1Spki);

        // The probe: DANE-EE match over a validated answer (the name is mx1's certificate name).
        const QJsonObject probe = parse(mwb({QStringLiteral("probe"), QStringLiteral("mx1.secure.test:25"), QStringLiteral("--starttls"),
                                             QStringLiteral("--expect-name"), QStringLiteral("mx1.contoso.test"), QStringLiteral("--resolver"),
                                             resolver, QStringLiteral("--json")}));
        QCOMPARE(probe[QStringLiteral("tlsa")][QStringLiteral("result")].toString(), QStringLiteral("match"));
        QCOMPARE(probe[QStringLiteral("tlsa")][QStringLiteral("dnssec")].toString(), QStringLiteral("validated"));

        // bogus.test: the validating resolver refuses the forged TLSA answer (SERVFAIL).
        const fixtures::Run bogus = mwb({QStringLiteral("dns"), QStringLiteral("bogus.test"), QStringLiteral("--resolver"), resolver, QStringLiteral("--json")});
        QCOMPARE(bogus.exitCode, 1);
        const QJsonObject b = parse(bogus)[QStringLiteral("tlsa")].toArray().at(0).toObject();
        QCOMPARE(b.value(QStringLiteral("dnssec")).toString(), QStringLiteral("unknown"));
        QVERIFY2(b.value(QStringLiteral("error")).toString().contains(QStringLiteral("SERVFAIL")), qPrintable(b.value(QStringLiteral("error")).toString()));
        const fixtures::Run check = mwb({QStringLiteral("check"), QStringLiteral("bogus.test"), QStringLiteral("--resolver"), resolver,
                                         QStringLiteral("--blocklist"), QStringLiteral("zen.spamhaus.test"), QStringLiteral("--json")});
        bool daneFailed = false;
        for (const QJsonValue &c : parse(check)[QStringLiteral("checks")].toArray())
            daneFailed = daneFailed || (c[QStringLiteral("id")].toString() == u"dane" && c[QStringLiteral("result")].toString() == u"fail");
        QVERIFY2(daneFailed, check.out.constData());
        unbound.stop();
    }

    void xoauth2TokenIsSentButWrittenNowhere()
    {
        const QByteArray token = "good-token";
        const QByteArray onWire = QByteArray("user=app@contoso.test\x01" "auth=Bearer " + token + "\x01\x01").toBase64();
        for (const QByteArray &given : {token, QByteArray("bad-token")}) {
            QProcess p;
            p.start(QStringLiteral(MWB_CLI_PATH), {QStringLiteral("probe"), QStringLiteral("mx1.contoso.test:25"), QStringLiteral("--starttls"),
                                                   QStringLiteral("--resolver"), m_resolver, QStringLiteral("--auth"), QStringLiteral("xoauth2"),
                                                   QStringLiteral("--user"), QStringLiteral("app@contoso.test"), QStringLiteral("--json")});
            QVERIFY(p.waitForStarted(10000));
            p.write(given + "\n");
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(40000));
            const QByteArray out = p.readAllStandardOutput();
            const QByteArray err = p.readAllStandardError();
            QCOMPARE(p.exitCode(), given == token ? 0 : 1);
            QVERIFY2(out.contains("AUTH XOAUTH2 ********"), out.constData());
            // Everything the application wrote (stdout, stderr, the JSON saved as a case file would be).
            QFile saved(path(QStringLiteral("probe-") + QString::fromLatin1(given) + QStringLiteral(".json")));
            QVERIFY(saved.open(QIODevice::WriteOnly));
            saved.write(out + err);
        }
        QFile log(path(QStringLiteral("mx1.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray peerLog = log.readAll();
        QVERIFY2(peerLog.contains("xoauth2 accepted") && peerLog.contains("xoauth2 rejected"), peerLog.constData());
        // No file in the test directory holds the token, raw or base64 (the peer logs outcomes only).
        const QStringList files = QDir(m_dir.path()).entryList(QDir::Files);
        QVERIFY(files.size() > 5);
        for (const QString &name : files) {
            QFile f(path(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(token) && !bytes.contains(onWire) && !bytes.contains("bad-token"), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestMailSecurity)
#include "tst_mail_security.moc"
