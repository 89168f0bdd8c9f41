#include "model/core/smtp/tlsinspect.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;
using namespace mwb::smtp;

class TestTlsInspect : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QSslCertificate m_cert;
    QString m_opensslSha1;

    static QByteArray run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return {};
        return p.readAllStandardOutput();
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
        const QString key = m_dir.filePath(QStringLiteral("k.pem"));
        const QString crt = m_dir.filePath(QStringLiteral("c.pem"));
        run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), crt,
             QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-sha256"),
             QStringLiteral("-subj"), QStringLiteral("/C=US/O=Contoso/CN=mail.contoso.test"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:mail.contoso.test,DNS:*.edge.contoso.test,IP:127.0.0.1")});
        const auto certs = QSslCertificate::fromPath(crt);
        QCOMPARE(certs.size(), 1);
        m_cert = certs.first();
        m_opensslSha1 = QString::fromLatin1(run({QStringLiteral("x509"), QStringLiteral("-in"), crt, QStringLiteral("-noout"),
                                                 QStringLiteral("-fingerprint"), QStringLiteral("-sha1")}))
                            .section(u'=', 1).trimmed().remove(u':');
    }
    void certificateDetailsAreExtracted()
    {
        const Certificate c = Certificate::fromQSslCertificate(m_cert);
        QCOMPARE(c.subject, QStringLiteral("CN=mail.contoso.test, O=Contoso, C=US"));
        QCOMPARE(c.issuer, c.subject);
        QVERIFY(c.selfSigned);
        QCOMPARE(c.alternateNames,
                 (QStringList{QStringLiteral("mail.contoso.test"), QStringLiteral("*.edge.contoso.test"), QStringLiteral("127.0.0.1")}));
        QCOMPARE(c.key().type, QStringLiteral("RSA"));
        QCOMPARE(c.key().bits, 2048);
        QVERIFY(!c.key().subjectPublicKeyInfo.isEmpty());
        QCOMPARE(c.signatureAlgorithm(), QStringLiteral("sha256WithRSAEncryption"));
        QCOMPARE(c.thumbprint, m_opensslSha1.toUpper());
        QCOMPARE(c.thumbprint.size(), 40);
        QCOMPARE(c.thumbprint, c.thumbprint.toUpper());
        QCOMPARE(c.sha256().size(), 64);
        QCOMPARE(c.commonName(), QStringLiteral("mail.contoso.test"));
        QVERIFY(!c.isExpired());
        QCOMPARE(c.tlsCertificateName(),
                 QStringLiteral("<I>CN=mail.contoso.test, O=Contoso, C=US<S>CN=mail.contoso.test, O=Contoso, C=US"));
    }
    void nameCheckMatchesSanAndWildcard()
    {
        const Certificate c = Certificate::fromQSslCertificate(m_cert);
        QVERIFY(checkName(c, QStringLiteral("MAIL.contoso.test.")).matches);
        const NameCheck wild = checkName(c, QStringLiteral("ex01.edge.contoso.test"));
        QVERIFY(wild.matches);
        QCOMPARE(wild.matchedBy, QStringLiteral("SAN DNS:*.edge.contoso.test"));
        QVERIFY(checkName(c, QStringLiteral("127.0.0.1")).matches);
        QVERIFY(!checkName(c, QStringLiteral("")).checked);
    }
    void nameCheckMismatchExplainsSubjectMismatch()
    {
        const NameCheck n = checkName(Certificate::fromQSslCertificate(m_cert), QStringLiteral("smtp.fabrikam.test"));
        QVERIFY(n.checked);
        QVERIFY(!n.matches);
        QVERIFY(n.explanation.startsWith(QStringLiteral("SubjectMismatch")));
        QVERIFY(n.explanation.contains(QStringLiteral("mail.contoso.test")));
        QVERIFY(n.explanation.contains(QStringLiteral("4.4.317")));
    }
    void sslErrorsAreDescribedInPlainWords()
    {
        QVERIFY(describeSslError(QSslError(QSslError::CertificateExpired)).contains(QStringLiteral("expired")));
        QVERIFY(describeSslError(QSslError(QSslError::SelfSignedCertificate)).contains(QStringLiteral("self-signed")));
        QVERIFY(describeSslError(QSslError(QSslError::HostNameMismatch)).contains(QStringLiteral("SubjectMismatch")));
    }
};

QTEST_GUILESS_MAIN(TestTlsInspect)
#include "tst_tls_inspect.moc"
