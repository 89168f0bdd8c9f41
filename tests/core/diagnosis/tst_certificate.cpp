// One certificate truth (issue #24): the product's one certificate value (model/core/common/
// certificate.h) and its one name matcher, and the same certificate judged alike by the log
// diagnosis (an Exchange protocol log's certificate line, read by the loader) and by the live side
// (the QSslCertificate of a handshake, judged by smtp::checkName for the console, the certificate
// inspector and `mwb probe`).
#include "model/core/common/certificate.h"
#include "model/core/diagnosis/engine.h"
#include "model/core/sessions/loader.h"
#include "model/core/smtp/tlsinspect.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {

Certificate withNames(const QString &subject, const QStringList &alternateNames)
{
    Certificate c;
    c.subject = subject;
    c.alternateNames = alternateNames;
    return c;
}

// A certificate openssl makes for the test; empty when openssl failed.
QSslCertificate opensslCertificate(const QTemporaryDir &dir, const QString &name, const QString &subject, const QString &sans)
{
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), dir.filePath(name + QStringLiteral(".key")), QStringLiteral("-out"), dir.filePath(name + QStringLiteral(".pem")),
                     QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-sha256"), QStringLiteral("-subj"), subject};
    if (!sans.isEmpty())
        args << QStringLiteral("-addext") << QStringLiteral("subjectAltName=") + sans;
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QSslCertificate();
    return QSslCertificate::fromPath(dir.filePath(name + QStringLiteral(".pem"))).value(0);
}

QString logTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString csvField(const QString &value)
{
    return value.contains(u',') ? u'"' + QString(value).replace(u'"', QStringLiteral("\"\"")) + u'"' : value;
}

} // namespace

class TestCertificate : public QObject {
    Q_OBJECT
private slots:
    void nameMatching_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QStringList>("sans");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<bool>("viaCommonName");
        const QStringList wildcard{QStringLiteral("*.a.example")};
        QTest::newRow("wildcard covers one label") << "CN=x.a.example" << wildcard << "x.a.example" << true << false;
        QTest::newRow("wildcard never the apex") << "CN=a.example" << wildcard << "a.example" << false << false;
        QTest::newRow("wildcard never two labels") << "CN=x.a.example" << wildcard << "x.y.a.example" << false << false;
        QTest::newRow("partial-label wildcard rejected") << "CN=x" << QStringList{QStringLiteral("f*.example")} << "foo.example" << false << false;
        QTest::newRow("IDN U-label against A-label SAN") << "CN=x" << QStringList{QStringLiteral("xn--bcher-kva.example")} << QStringLiteral("bücher.example") << true << false;
        QTest::newRow("IDN A-label against U-label SAN") << "CN=x" << QStringList{QStringLiteral("bücher.example")} << "xn--bcher-kva.example" << true << false;
        QTest::newRow("trailing dot") << "CN=x" << QStringList{QStringLiteral("mail.contoso.com.")} << "mail.contoso.com" << true << false;
        QTest::newRow("case") << "CN=x" << QStringList{QStringLiteral("Mail.Contoso.COM")} << "mail.CONTOSO.com" << true << false;
        QTest::newRow("CN-only certificate: the CN, said so") << "CN=ex01.contoso.com, O=Contoso" << QStringList{} << "EX01.contoso.com" << true << true;
        QTest::newRow("CN ignored beside a DNS SAN") << "CN=ex01.contoso.com" << QStringList{QStringLiteral("mail.contoso.com")} << "ex01.contoso.com" << false << false;
        QTest::newRow("CN counted beside an IP SAN only") << "CN=ex01.contoso.com" << QStringList{QStringLiteral("192.0.2.7")} << "ex01.contoso.com" << true << true;
        QTest::newRow("IP against an IP SAN") << "CN=x" << QStringList{QStringLiteral("mail.contoso.com"), QStringLiteral("2001:db8::1")} << "2001:DB8:0::1" << true << false;
        QTest::newRow("IP never against the CN") << "CN=192.0.2.7" << QStringList{} << "192.0.2.7" << false << false;
        QTest::newRow("DNS: prefix as some logs write it") << "CN=x" << QStringList{QStringLiteral("DNS:mail.contoso.com")} << "mail.contoso.com" << true << false;
        QTest::newRow("no name asked") << "CN=mail.contoso.com" << QStringList{} << "" << false << false;
    }
    void nameMatching()
    {
        QFETCH(QString, subject);
        QFETCH(QStringList, sans);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QFETCH(bool, viaCommonName);
        const CertificateNameMatch m = withNames(subject, sans).matchName(name);
        QCOMPARE(m.matches, matches);
        QCOMPARE(m.viaCommonName, viaCommonName);
    }

    void logReaderKeepsRedactionMarksOut()
    {
        // Separate lines (2013, Send side): a redaction mark is no thumbprint and no serial number.
        QList<Certificate> certs;
        CertificateLogReader reader(CertificateRole::Sending);
        QVERIFY(reader.read(QStringLiteral("Received certificate"), QString(), RecordRef{0, 7, 0, 1}, certs));
        QVERIFY(reader.read(QStringLiteral("Certificate thumbprint"), QStringLiteral("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), RecordRef{}, certs));
        QVERIFY(reader.read(QStringLiteral("Certificate serial number"), QStringLiteral("<redacted>"), RecordRef{}, certs));
        QVERIFY(reader.read(QStringLiteral("Certificate alternate names"), QStringLiteral("DNS Name=mail.contoso.com, DNS Name=autodiscover.contoso.com"), RecordRef{}, certs));
        QVERIFY(!reader.read(QStringLiteral("TLS negotiation failed"), QString(), RecordRef{}, certs));
        QCOMPARE(certs.size(), 1);
        QCOMPARE(certs.first().role, CertificateRole::Received);
        QCOMPARE(certs.first().ref.line, 7);
        QVERIFY(certs.first().thumbprint.isEmpty());
        QVERIFY(certs.first().serial.isEmpty());
        QCOMPARE(certs.first().alternateNames, (QStringList{QStringLiteral("mail.contoso.com"), QStringLiteral("autodiscover.contoso.com")}));
        // Field lines with no announcing line: the reader's role for them.
        QList<Certificate> own;
        CertificateLogReader receive(CertificateRole::Sending);
        QVERIFY(receive.read(QStringLiteral("Certificate thumbprint"), QStringLiteral("ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01"), RecordRef{}, own));
        QCOMPARE(own.first().role, CertificateRole::Sending);
        QCOMPARE(own.first().thumbprint, QStringLiteral("ABCDEF0123456789ABCDEF0123456789ABCDEF01"));
    }

    // The same certificates through the log path (an Exchange Receive log that the loader reads
    // and the diagnosis judges against the name the server announces) and through the live path
    // (Certificate::fromQSslCertificate and smtp::checkName, as the console and `mwb probe` do):
    // the same verdict for every name, for a certificate with SANs and one with only a CN.
    void logAndLivePathsAgree()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QSslCertificate withSans = opensslCertificate(dir, QStringLiteral("sans"), QStringLiteral("/C=US/O=Contoso/CN=ex01.contoso.test"),
                                                            QStringLiteral("DNS:mail.contoso.test,DNS:*.edge.contoso.test"));
        const QSslCertificate cnOnly = opensslCertificate(dir, QStringLiteral("cn"), QStringLiteral("/CN=legacy.contoso.test"), QString());
        QVERIFY(!withSans.isNull() && !cnOnly.isNull());
        const QStringList names{QStringLiteral("mail.contoso.test"), QStringLiteral("ex01.contoso.test"), QStringLiteral("a.edge.contoso.test"),
                                QStringLiteral("x.y.edge.contoso.test"), QStringLiteral("edge.contoso.test"), QStringLiteral("legacy.contoso.test"),
                                QStringLiteral("LEGACY.contoso.test")};

        // One session per certificate and announced name, the certificate logged as Exchange 2019
        // does (the packed line); the CN-only one also as 2013 separate lines.
        QDir(dir.path()).mkpath(QStringLiteral("EX01"));
        QFile log(dir.filePath(QStringLiteral("EX01/RECV2026112008-1.LOG")));
        QVERIFY(log.open(QIODevice::WriteOnly));
        QString text = QStringLiteral("#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n"
                                      "#Date: 2026-11-20T08:00:00.000Z\r\n#Fields: date-time,connector-id,session-id,sequence-number,"
                                      "local-endpoint,remote-endpoint,event,data,context\r\n");
        const qint64 start = QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        int session = 0;
        QHash<QString, bool> liveVerdict;   // thumbprint + name -> checkName's verdict
        for (const QSslCertificate &qc : {withSans, cnOnly}) {
            const Certificate live = Certificate::fromQSslCertificate(qc);
            for (const QString &name : names) {
                liveVerdict.insert(live.thumbprint + u'|' + name.toLower(), smtp::checkName(live, name).matches);
                for (bool separateLines : {false, true}) {
                    if (separateLines && !live.alternateNames.isEmpty())
                        continue;
                    const QString id = QStringLiteral("08DF3E09074A%1").arg(++session, 4, 16, QLatin1Char('0')).toUpper();
                    int seq = 0;
                    qint64 t = start + session * 60000;
                    auto line = [&](const QString &event, const QString &data, const QString &context) {
                        text += QStringLiteral("%1,EX01\\Default Frontend EX01,%2,%3,10.0.0.5:25,10.0.1.25:5%4,%5,%6,%7\r\n")
                                    .arg(logTime(t), id).arg(seq++).arg(session, 4, 10, QLatin1Char('0'))
                                    .arg(event, csvField(data), csvField(context));
                        t += 5;
                    };
                    line(QStringLiteral("+"), QString(), QString());
                    line(QStringLiteral(">"), QStringLiteral("220 %1 Microsoft ESMTP MAIL Service ready at Fri, 20 Nov 2026 08:00:01 +0000").arg(name), QString());
                    line(QStringLiteral("<"), QStringLiteral("EHLO relay.fabrikam.test"), QString());
                    line(QStringLiteral(">"), QStringLiteral("250  %1 Hello [10.0.1.25] SIZE 37748736 PIPELINING STARTTLS").arg(name), QString());
                    line(QStringLiteral("<"), QStringLiteral("STARTTLS"), QString());
                    line(QStringLiteral(">"), QStringLiteral("220 2.0.0 SMTP server ready"), QString());
                    if (separateLines) {
                        line(QStringLiteral("*"), QString(), QStringLiteral("Sending certificate"));
                        line(QStringLiteral("*"), live.subject, QStringLiteral("Certificate subject"));
                        line(QStringLiteral("*"), live.issuer, QStringLiteral("Certificate issuer name"));
                        line(QStringLiteral("*"), live.serial, QStringLiteral("Certificate serial number"));
                        line(QStringLiteral("*"), live.thumbprint, QStringLiteral("Certificate thumbprint"));
                    } else {
                        line(QStringLiteral("*"),
                             QStringLiteral(" %1 %2 %3 %4 %5 %6 %7").arg(live.subject, live.issuer, live.serial, live.thumbprint,
                                                                       logTime(live.notBeforeMs), logTime(live.notAfterMs),
                                                                       live.alternateNames.join(u';')).trimmed().prepend(u' '),
                             QStringLiteral("Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names"));
                    }
                    line(QStringLiteral("*"), QString(),
                         QStringLiteral("TLS protocol SP_PROT_TLS1_2_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits"));
                    line(QStringLiteral("<"), QStringLiteral("QUIT"), QString());
                    line(QStringLiteral(">"), QStringLiteral("221 2.0.0 Closing connection"), QString());
                    line(QStringLiteral("-"), QString(), QStringLiteral("Local"));
                }
            }
        }
        log.write(text.toUtf8());
        log.close();

        auto engine = DiagnosisEngine::create();
        QVERIFY2(engine, qPrintable(engine.errorMessage()));
        LoadOptions options;
        options.observer = engine.value().get();
        const std::shared_ptr<Store> store = Loader::loadSync({dir.path()}, options);
        QVERIFY(store);
        QCOMPARE(store->sessions.size(), session);
        const QList<CertificateSighting> sightings = engine.value()->certificates();
        int judged = 0;
        for (const CertificateSighting &s : sightings) {
            QVERIFY(s.own);
            const QString key = s.certificate.thumbprint + u'|' + s.host.toLower();
            QVERIFY2(liveVerdict.contains(key), qPrintable(key));
            QVERIFY2(s.namesMatch == liveVerdict.value(key),
                     qPrintable(QStringLiteral("%1 for %2: log path %3, live path %4").arg(s.certificate.subject, s.host)
                                    .arg(s.namesMatch).arg(liveVerdict.value(key))));
            ++judged;
        }
        // One sighting per certificate and name (the name without case; the CN-only certificate's
        // two log forms are one), each judged.
        QCOMPARE(judged, int(liveVerdict.size()));
        // The cases that make the test worth having: each verdict occurs.
        QVERIFY(liveVerdict.value(Certificate::fromQSslCertificate(withSans).thumbprint + QStringLiteral("|a.edge.contoso.test")));
        QVERIFY(!liveVerdict.value(Certificate::fromQSslCertificate(withSans).thumbprint + QStringLiteral("|x.y.edge.contoso.test")));
        QVERIFY(!liveVerdict.value(Certificate::fromQSslCertificate(withSans).thumbprint + QStringLiteral("|ex01.contoso.test")));   // CN beside SANs
        QVERIFY(liveVerdict.value(Certificate::fromQSslCertificate(cnOnly).thumbprint + QStringLiteral("|legacy.contoso.test")));
    }
};

QTEST_GUILESS_MAIN(TestCertificate)
#include "tst_certificate.moc"
