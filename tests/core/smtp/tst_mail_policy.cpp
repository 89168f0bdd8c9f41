// MTA-STS (RFC 8461), TLS-RPT (RFC 8460) and TLSA (RFC 6698 / 7672) parsing and matching, and
// the DNS wire bits DANE needs (EDNS0 DO + AD in the query, AD and TLSA in the answer).
#include "model/core/smtp/dns.h"
#include "model/core/smtp/domaincheck.h"
#include "model/core/smtp/mailpolicy.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;
using namespace mwb::smtp;

namespace {

// A self-signed certificate made by openssl for this test (DANE matching needs real DER and SPKI).
Certificate opensslCertificate(const QTemporaryDir &dir, const QString &name)
{
    QProcess p;
    const QString crt = dir.filePath(name + QStringLiteral(".pem"));
    p.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                        QStringLiteral("-keyout"), dir.filePath(name + QStringLiteral(".key")), QStringLiteral("-out"), crt,
                                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(crt);
    return certs.isEmpty() ? Certificate() : Certificate::fromQSslCertificate(certs.first());
}

} // namespace

class TestMailPolicy : public QObject {
    Q_OBJECT
private slots:
    void mtaStsRecord()
    {
        QVERIFY(parseMtaStsRecord(QStringLiteral("v=STSv1; id=20160831085700Z;")).valid);
        QCOMPARE(parseMtaStsRecord(QStringLiteral("v=STSv1;id=abc")).id, QStringLiteral("abc"));
        QVERIFY(!parseMtaStsRecord(QStringLiteral("v=STSv1;")).valid);                         // no id
        QVERIFY(!parseMtaStsRecord(QStringLiteral("id=abc; v=STSv1")).valid);                  // v= must come first
        QVERIFY(!parseMtaStsRecord(QStringLiteral("v=STSv1; id=has-dash")).valid);             // letters and digits only
        QVERIFY(!parseMtaStsRecord(QStringLiteral("v=STSv1; id=") + QString(33, u'a')).valid); // 1..32
    }

    void mtaStsPolicy()
    {
        const MtaStsPolicy p = parseMtaStsPolicy("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\n"
                                                 "mx: MX.Example.ORG.\nmax_age: 604800\r\nextension: ignored\r\n");
        QVERIFY2(p.valid, qPrintable(p.problems.join(u';')));
        QCOMPARE(p.mode, QStringLiteral("enforce"));
        QCOMPARE(p.maxAge, qint64(604800));
        QCOMPARE(p.mx, (QStringList{QStringLiteral("mail.example.com"), QStringLiteral("*.example.net"), QStringLiteral("mx.example.org")}));
        QVERIFY(!parseMtaStsPolicy("version: STSv1\nmode: enforce\nmax_age: 10\n").valid);           // no mx with enforce
        QVERIFY(parseMtaStsPolicy("version: STSv1\nmode: none\nmax_age: 10\n").valid);               // none needs no mx
        QVERIFY(!parseMtaStsPolicy("version: STSv1\nmode: strict\nmx: a\nmax_age: 10\n").valid);     // unknown mode
        QVERIFY(!parseMtaStsPolicy("version: STSv1\nmode: testing\nmx: a\nmax_age: 31557601\n").valid);
        QVERIFY(!parseMtaStsPolicy("version: STSv2\nmode: testing\nmx: a\nmax_age: 1\n").valid);
    }

    void mxPatterns()
    {
        // RFC 8461 4.1: "*.example.com" stands for exactly one label.
        QVERIFY(mtaStsMxMatches(QStringLiteral("mail.example.com"), QStringLiteral("*.example.com")));
        QVERIFY(mtaStsMxMatches(QStringLiteral("MAIL.example.com."), QStringLiteral("*.Example.com")));
        QVERIFY(!mtaStsMxMatches(QStringLiteral("example.com"), QStringLiteral("*.example.com")));
        QVERIFY(!mtaStsMxMatches(QStringLiteral("a.b.example.com"), QStringLiteral("*.example.com")));
        QVERIFY(!mtaStsMxMatches(QStringLiteral("mailexample.com"), QStringLiteral("*.example.com")));
        QVERIFY(mtaStsMxMatches(QStringLiteral("mx1.contoso.com"), QStringLiteral("mx1.contoso.com")));
        QVERIFY(!mtaStsMxMatches(QStringLiteral("mx2.contoso.com"), QStringLiteral("mx1.contoso.com")));
    }

    // RFC 8461 3.3: text/plain, in any case, with parameters; anything else (or nothing) is no policy.
    void policyContentType()
    {
        QVERIFY(mtaStsContentTypeIsTextPlain(QStringLiteral("text/plain")));
        QVERIFY(mtaStsContentTypeIsTextPlain(QStringLiteral("Text/Plain; charset=utf-8")));
        QVERIFY(mtaStsContentTypeIsTextPlain(QStringLiteral(" text/plain ;charset=\"us-ascii\"")));
        QString problem;
        QVERIFY(!mtaStsContentTypeIsTextPlain(QStringLiteral("text/html; charset=utf-8"), &problem));
        QVERIFY2(problem.contains(QStringLiteral("text/html")) && problem.contains(QStringLiteral("no MTA-STS policy")), qPrintable(problem));
        QVERIFY(!mtaStsContentTypeIsTextPlain(QStringLiteral("application/octet-stream")));
        QVERIFY(!mtaStsContentTypeIsTextPlain(QStringLiteral("text/plainx")));
        QVERIFY(!mtaStsContentTypeIsTextPlain(QString(), &problem));
        QVERIFY(problem.contains(QStringLiteral("without a Content-Type")));
    }

    void tlsRpt()
    {
        const TlsRptRecord r = parseTlsRptRecord(QStringLiteral("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.com/x"));
        QVERIFY(r.valid);
        QCOMPARE(r.rua.size(), 2);
        QVERIFY(!parseTlsRptRecord(QStringLiteral("v=TLSRPTv1;")).valid);
        QVERIFY(!parseTlsRptRecord(QStringLiteral("v=TLSRPTv1; rua=ftp://x")).valid);
        QVERIFY(!parseTlsRptRecord(QStringLiteral("rua=mailto:a@b; v=TLSRPTv1")).valid);
    }

    void tlsaMatching()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        const Certificate leaf = opensslCertificate(dir, QStringLiteral("mx.contoso.test"));
        const Certificate ca = opensslCertificate(dir, QStringLiteral("Test CA"));
        QVERIFY(!leaf.der.isEmpty() && !ca.der.isEmpty());
        const QByteArray leafSpki = leaf.key().subjectPublicKeyInfo, caSpki = ca.key().subjectPublicKeyInfo;
        QVERIFY(!leafSpki.isEmpty() && leafSpki != caSpki);
        const auto sha256 = [](const QByteArray &b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha256); };
        const auto sha512 = [](const QByteArray &b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha512); };
        QCOMPARE(verifyTlsa({TlsaRecord{3, 1, 1, sha256(leafSpki)}}, {leaf, ca}).result, QStringLiteral("match"));
        QCOMPARE(verifyTlsa({TlsaRecord{3, 0, 1, sha256(leaf.der)}}, {leaf, ca}).result, QStringLiteral("match"));
        QCOMPARE(verifyTlsa({TlsaRecord{3, 1, 2, sha512(leafSpki)}}, {leaf}).result, QStringLiteral("match"));
        QCOMPARE(verifyTlsa({TlsaRecord{3, 1, 0, leafSpki}}, {leaf}).result, QStringLiteral("match"));
        QCOMPARE(verifyTlsa({TlsaRecord{2, 1, 1, sha256(caSpki)}}, {leaf, ca}).result, QStringLiteral("match"));
        QCOMPARE(verifyTlsa({TlsaRecord{2, 0, 1, sha256(ca.der)}}, {leaf, ca}).result, QStringLiteral("match"));
        // DANE-TA never matches the leaf itself, DANE-EE never a CA.
        QCOMPARE(verifyTlsa({TlsaRecord{2, 1, 1, sha256(leafSpki)}}, {leaf, ca}).result, QStringLiteral("mismatch"));
        QCOMPARE(verifyTlsa({TlsaRecord{3, 1, 1, sha256(caSpki)}}, {leaf, ca}).result, QStringLiteral("mismatch"));
        // PKIX usages are unusable for SMTP (RFC 7672 3.1.3): as if there were none.
        QCOMPARE(verifyTlsa({TlsaRecord{1, 1, 1, sha256(leafSpki)}}, {leaf}).result, QStringLiteral("none"));
        QCOMPARE(verifyTlsa({}, {leaf}).result, QStringLiteral("none"));
        QCOMPARE(verifyTlsa({TlsaRecord{3, 1, 1, sha256(leafSpki)}}, {}).result, QStringLiteral("mismatch"));
        // One matching record among stale ones is enough (a rollover in progress).
        const TlsaCheck c = verifyTlsa({TlsaRecord{3, 1, 1, QByteArray(32, 'x')}, TlsaRecord{3, 1, 1, sha256(leafSpki)}}, {leaf});
        QCOMPARE(c.result, QStringLiteral("match"));
        QVERIFY(c.matched.startsWith(QStringLiteral("3 1 1 ")));
    }

    void dnssecQueryAndAnswer()
    {
        const QByteArray q = buildDnsQuery(0x1234, DnsType::Tlsa, QStringLiteral("_25._tcp.mx.example"), true);
        QCOMPARE(quint8(q[2]) << 8 | quint8(q[3]), 0x0120);  // RD + AD
        QCOMPARE(quint8(q[10]) << 8 | quint8(q[11]), 1);     // one additional record: OPT
        QVERIFY(q.endsWith(QByteArray("\x00\x00\x29\x04\xd0\x00\x00\x80\x00\x00\x00", 11)));  // root, OPT, 1232, DO
        const QByteArray plain = buildDnsQuery(1, DnsType::A, QStringLiteral("a.example"));
        QCOMPARE(quint8(plain[3]), quint8(0x00));  // no AD
        QCOMPARE(quint8(plain[11]), quint8(0));   // no OPT

        // A response: header with QR, RD, RA, AD; the question; one TLSA answer 3 1 1 <2 bytes>.
        QByteArray r = q.left(q.size() - 11);
        r[2] = char(0x81);
        r[3] = char(0xa0);
        r[6] = 0;
        r[7] = 1;  // ANCOUNT
        r[10] = 0;
        r[11] = 0;
        r += QByteArray("\xc0\x0c\x00\x34\x00\x01\x00\x00\x0e\x10\x00\x05\x03\x01\x01\xab\xcd", 17);
        DnsAnswer a;
        a.type = DnsType::Tlsa;
        QVERIFY2(parseDnsResponse(r, 0x1234, &a), qPrintable(a.error));
        QVERIFY(a.authenticated);
        QCOMPARE(a.tlsa.size(), 1);
        QCOMPARE(a.tlsa.first().toString(), QStringLiteral("3 1 1 ABCD"));
        r[3] = char(0x80);
        DnsAnswer b;
        b.type = DnsType::Tlsa;
        QVERIFY(parseDnsResponse(r, 0x1234, &b));
        QVERIFY(!b.authenticated);
    }

    void domainJudgement()
    {
        DnsReport dns;
        dns.query = QStringLiteral("contoso.test");
        dns.mx = {DnsMx{10, QStringLiteral("mx1.contoso.test")}};
        MxProbe probe;
        probe.exchange = QStringLiteral("mx1.contoso.test");
        probe.address = QStringLiteral("192.0.2.1");
        probe.tls.established = true;
        probe.tls.verified = true;
        probe.tls.nameCheck.matches = true;
        Certificate leaf;
        leaf.issuer = QStringLiteral("CN=CA, O=X");
        leaf.subject = QStringLiteral("CN=mx1.contoso.test");
        const QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
        leaf.notAfterMs = now.addDays(10).toMSecsSinceEpoch();
        probe.tls.chain = {leaf};
        const auto result = [](const QList<DomainCheckResult> &checks, const QString &id) {
            for (const DomainCheckResult &c : checks)
                if (c.id == id)
                    return c.result;
            return QString();
        };
        QList<DomainCheckResult> checks = judgeDomain(dns, {probe}, QStringLiteral("<i>cn=ca,o=x<s>cn=mx1.contoso.test"), now);
        QCOMPARE(result(checks, QStringLiteral("certificate-expiry")), QStringLiteral("warn"));   // 10 days < 30
        QCOMPARE(result(checks, QStringLiteral("expected-certificate")), QStringLiteral("pass")); // case and ", " ignored
        QCOMPARE(result(checks, QStringLiteral("spf")), QStringLiteral("warn"));
        QCOMPARE(result(checks, QStringLiteral("mta-sts")), QStringLiteral("warn"));
        QCOMPARE(result(checks, QStringLiteral("dane")), QStringLiteral("pass"));                // no TLSA: DANE does not apply
        probe.tls.chain[0].notAfterMs = now.addDays(-1).toMSecsSinceEpoch();
        checks = judgeDomain(dns, {probe}, QStringLiteral("<I>CN=Other<S>CN=mx1.contoso.test"), now);
        QCOMPARE(result(checks, QStringLiteral("certificate-expiry")), QStringLiteral("fail"));
        QCOMPARE(result(checks, QStringLiteral("expected-certificate")), QStringLiteral("fail"));
        for (const DomainCheckResult &c : checks)
            if (c.id == u"expected-certificate")
                QCOMPARE(c.scenario, QStringLiteral("exo-hybrid-connectors"));

        // Failed questions are "unknown", not "absent".
        DnsReport broken;
        broken.query = QStringLiteral("contoso.test");
        broken.errors = {QStringLiteral("contoso.test: no answer from 127.0.0.1:1"), QStringLiteral("_dmarc.contoso.test: no answer from 127.0.0.1:1")};
        checks = judgeDomain(broken, {}, {}, now);
        QCOMPARE(result(checks, QStringLiteral("mx")), QStringLiteral("fail"));
        QCOMPARE(result(checks, QStringLiteral("spf")), QStringLiteral("warn"));
        for (const DomainCheckResult &c : checks) {
            if (c.id == u"mx")
                QVERIFY(c.detail.contains(QStringLiteral("lookup failed")));
            if (c.id == u"spf" || c.id == u"dmarc")
                QVERIFY2(c.detail.startsWith(QStringLiteral("Could not be checked")), qPrintable(c.detail));
            if (c.id == u"tls-rpt")
                QVERIFY(c.detail.contains(QStringLiteral("not published")));  // that question did not fail
        }
    }

    void reportsEscapeHostileText()
    {
        // A TXT record (the SPF line) is the domain owner's text: it reaches the HTML and the terminal escaped.
        DnsReport dns;
        dns.query = QStringLiteral("contoso.test");
        dns.spf = {QStringLiteral("v=spf1 <script>alert(1)</script> \x1b[31m&amp; -all")};
        DomainCheckReport report;
        report.domain = QStringLiteral("contoso.test");
        report.dns = dns;
        report.checks = judgeDomain(dns, {}, {});
        const QString html = report.toHtml();
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("&amp;amp;")));
        QVERIFY(!html.contains(QChar(0x1b)));
        const QString text = report.toText();
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(text.contains(QStringLiteral("\\x1b[31m")));
        QVERIFY(report.failed());  // no MX
    }
};

QTEST_GUILESS_MAIN(TestMailPolicy)
#include "tst_mail_policy.moc"
