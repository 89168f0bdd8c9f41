#pragma once
// Real peers for integration tests, on loopback only, started and stopped by the tests with
// bounded waits: Postfix (own config and queue dir), aiosmtpd, dnsmasq, and certificates made
// with openssl. Header-only so each test executable stays self-contained.
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

namespace fixtures {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

inline Run run(const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline quint16 freeTcpPort(const QHostAddress &address = QHostAddress::LocalHost)
{
    QTcpServer s;
    if (!s.listen(address, 0))
        return 0;
    return s.serverPort();
}

inline quint16 freeUdpPort(const QHostAddress &address)
{
    QUdpSocket s;
    if (!s.bind(address, 0))
        return 0;
    return s.localPort();
}

inline bool have(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty()
           || !QStandardPaths::findExecutable(program, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty();
}

inline QString program(const QString &name)
{
    QString p = QStandardPaths::findExecutable(name);
    if (p.isEmpty())
        p = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return p;
}

struct CertFiles {
    QString cert;
    QString key;
    QString sha1;  // upper-case hex from openssl, no colons
};

inline QString opensslSha1(const QString &certPath)
{
    const Run r = run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), certPath, QStringLiteral("-noout"),
                                                  QStringLiteral("-fingerprint"), QStringLiteral("-sha1")});
    return QString::fromLatin1(r.out).section(u'=', 1).trimmed().remove(u':').toUpper();
}

// Self-signed certificate with subject "/O=Mailflow Test/CN=<cn>" and the given DNS SANs.
inline CertFiles makeCertificate(const QString &dir, const QString &stem, const QString &cn, const QStringList &sans)
{
    CertFiles f{dir + u'/' + stem + QStringLiteral(".crt"), dir + u'/' + stem + QStringLiteral(".key"), {}};
    QStringList san;
    for (const QString &s : sans)
        san << QStringLiteral("DNS:") + s;
    const Run r = run(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"), QStringLiteral("-sha256"), QStringLiteral("-days"), QStringLiteral("30"),
                       QStringLiteral("-keyout"), f.key, QStringLiteral("-out"), f.cert,
                       QStringLiteral("-subj"), QStringLiteral("/O=Mailflow Test/CN=") + cn,
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + san.join(u',')});
    if (!r.ok())
        return {};
    f.sha1 = opensslSha1(f.cert);
    return f;
}

// A certificate valid from 2020-01-01 to 2020-02-01 (openssl 3.0 `req` cannot back-date, `ca` can).
inline CertFiles makeExpiredCertificate(const QString &dir, const QString &cn)
{
    QDir(dir).mkpath(QStringLiteral("expired-ca"));
    const QString ca = dir + QStringLiteral("/expired-ca");
    QFile(ca + QStringLiteral("/index.txt")).open(QIODevice::WriteOnly);
    {
        QFile serial(ca + QStringLiteral("/serial"));
        if (serial.open(QIODevice::WriteOnly))
            serial.write("01\n");
        QFile cnf(ca + QStringLiteral("/ca.cnf"));
        if (cnf.open(QIODevice::WriteOnly))
            cnf.write(QStringLiteral("[ca]\ndefault_ca = d\n[d]\ndatabase = %1/index.txt\nnew_certs_dir = %1\nserial = %1/serial\n"
                                     "policy = p\ncopy_extensions = copy\ndefault_md = sha256\n[p]\ncommonName = supplied\n")
                          .arg(ca).toUtf8());
    }
    CertFiles f{dir + QStringLiteral("/expired.crt"), dir + QStringLiteral("/expired.key"), {}};
    const QString csr = ca + QStringLiteral("/r.csr");
    Run r = run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                            QStringLiteral("-nodes"), QStringLiteral("-keyout"), f.key, QStringLiteral("-out"), csr,
                                            QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                                            QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:") + cn});
    if (!r.ok())
        return {};
    r = run(QStringLiteral("openssl"), {QStringLiteral("ca"), QStringLiteral("-selfsign"), QStringLiteral("-keyfile"), f.key,
                                        QStringLiteral("-in"), csr, QStringLiteral("-out"), f.cert,
                                        QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                                        QStringLiteral("-enddate"), QStringLiteral("20200201000000Z"),
                                        QStringLiteral("-config"), ca + QStringLiteral("/ca.cnf"), QStringLiteral("-batch"),
                                        QStringLiteral("-notext")});
    if (!r.ok())
        return {};
    f.sha1 = opensslSha1(f.cert);
    return f;
}

// Postfix with its own config, queue and data directories and a private master.cf that listens
// on 127.0.0.1:<port> only. Every client is put on HOLD, so accepted mail stays in queue/hold
// where the test can find it; the log goes to <dir>/maillog (postlogd), not to syslog.
class Postfix {
public:
    ~Postfix() { stop(); }

    QString error;
    quint16 port = 0;
    QString dir;

    bool start(const QString &root, const CertFiles &cert, const QString &hostname)
    {
        dir = root;
        const QString etc = dir + QStringLiteral("/etc");
        QDir().mkpath(etc);
        QDir().mkpath(dir + QStringLiteral("/queue"));
        QDir().mkpath(dir + QStringLiteral("/data"));
        // The daemons run as the postfix user and must reach their directories (QTemporaryDir, the
        // usual parent, is 0700).
        for (const QString &d : {QFileInfo(dir).path(), dir, etc})
            QFile::setPermissions(d, QFile::permissions(d) | QFile::ExeOther | QFile::ReadOther | QFile::ExeGroup | QFile::ReadGroup);
        run(QStringLiteral("chown"), {QStringLiteral("postfix"), dir + QStringLiteral("/data")});
        QFile::setPermissions(cert.key, QFile::ReadOwner | QFile::WriteOwner);
        port = freeTcpPort();
        QFile main(etc + QStringLiteral("/main.cf"));
        if (!main.open(QIODevice::WriteOnly)) {
            error = QStringLiteral("cannot write main.cf");
            return false;
        }
        main.write(QStringLiteral(
                       "compatibility_level = 3.6\n"
                       "queue_directory = %1/queue\n"
                       "data_directory = %1/data\n"
                       "mail_owner = postfix\n"
                       "setgid_group = postdrop\n"
                       "myhostname = %2\n"
                       "mydomain = mwb.test\n"
                       "mydestination =\n"
                       "inet_interfaces = 127.0.0.1\n"
                       "inet_protocols = ipv4\n"
                       "mynetworks = 127.0.0.0/8\n"
                       "smtpd_client_restrictions = check_client_access static:HOLD\n"
                       "smtpd_tls_cert_file = %3\n"
                       "smtpd_tls_key_file = %4\n"
                       "smtpd_tls_security_level = may\n"
                       "maillog_file = %1/maillog\n"
                       "maillog_file_prefixes = %1\n"
                       "alias_maps =\nalias_database =\n"
                       "smtputf8_enable = yes\n")
                       .arg(dir, hostname, cert.cert, cert.key)
                       .toUtf8());
        main.close();
        // Debian's master.cf with chroot off (our queue is no chroot jail) and our own listener.
        QFile sys(QStringLiteral("/etc/postfix/master.cf"));
        QFile master(etc + QStringLiteral("/master.cf"));
        if (!sys.open(QIODevice::ReadOnly) || !master.open(QIODevice::WriteOnly)) {
            error = QStringLiteral("cannot read /etc/postfix/master.cf");
            return false;
        }
        bool havePostlog = false;
        for (QByteArray line : sys.readAll().split('\n')) {
            if (!line.isEmpty() && line[0] != '#' && line[0] != ' ' && line[0] != '\t') {
                QList<QByteArray> cols = line.simplified().split(' ');
                if (cols.size() >= 8) {
                    cols[4] = "n";
                    if (cols[0] == "smtp" && cols[1] == "inet")
                        cols[0] = "127.0.0.1:" + QByteArray::number(port);
                    if (cols[0] == "postlog")
                        havePostlog = true;
                    line = cols.join(' ');
                }
            }
            master.write(line + '\n');
        }
        if (!havePostlog)
            master.write("postlog unix-dgram n - n - 1 postlogd\n");
        master.close();
        const Run r = run(program(QStringLiteral("postfix")), {QStringLiteral("-c"), etc, QStringLiteral("start")});
        if (!r.ok()) {
            error = QStringLiteral("postfix start failed: %1 %2; log: %3")
                        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err), QString::fromUtf8(maillog().right(2000)));
            return false;
        }
        m_started = true;
        QTcpSocket probe;
        if (!QTest::qWaitFor([&] {
                probe.abort();
                probe.connectToHost(QHostAddress::LocalHost, port);
                return probe.waitForConnected(200);
            }, 15000)) {
            error = QStringLiteral("postfix does not listen on %1; log: %2").arg(port).arg(QString::fromUtf8(maillog().right(2000)));
            return false;
        }
        probe.abort();
        return true;
    }

    void stop()
    {
        if (!std::exchange(m_started, false))
            return;
        const Run r = run(program(QStringLiteral("postfix")), {QStringLiteral("-c"), dir + QStringLiteral("/etc"), QStringLiteral("stop")}, 30000);
        if (!r.ok()) {
            // Last resort: the master's own pid file (never a broad kill).
            QFile pid(dir + QStringLiteral("/queue/pid/master.pid"));
            if (pid.open(QIODevice::ReadOnly)) {
                const QByteArray id = pid.readAll().trimmed();
                if (!id.isEmpty())
                    run(QStringLiteral("kill"), {QString::fromLatin1(id)});
            }
        }
    }

    QByteArray maillog() const
    {
        QFile f(dir + QStringLiteral("/maillog"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool held(const QString &queueId) const
    {
        return QFile::exists(dir + QStringLiteral("/queue/hold/") + queueId);
    }

private:
    bool m_started = false;
};

// A child process stopped (terminate, then kill) when the fixture goes away.
class Daemon {
public:
    ~Daemon() { stop(); }
    QProcess process;
    bool start(const QString &program, const QStringList &args)
    {
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, args);
        return process.waitForStarted(10000);
    }
    void stop()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    QByteArray output()
    {
        m_output += process.readAll();
        return m_output;
    }

private:
    QByteArray m_output;
};

inline bool waitForTcp(const QHostAddress &address, quint16 port, int timeoutMs)
{
    QTcpSocket s;
    return QTest::qWaitFor([&] {
        s.abort();
        s.connectToHost(address, port);
        return s.waitForConnected(200);
    }, timeoutMs);
}

} // namespace fixtures
