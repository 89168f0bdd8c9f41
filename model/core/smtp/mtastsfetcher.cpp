#include "model/core/smtp/mtastsfetcher.h"

#include <QPointer>
#include <QSslConfiguration>

namespace mwb::smtp {


MtaStsFetcher::MtaStsFetcher(Resolver resolver, QObject *parent) : QObject(parent), m_resolver(resolver)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { finish(QStringLiteral("no complete answer within the time limit")); });
}

void MtaStsFetcher::start(const QString &domain)
{
    m_result = {};
    m_done = false;
    m_response.clear();
    m_host = QStringLiteral("mta-sts.") + normalisedMailHost(domain);
    m_result.url = QStringLiteral("https://%1/.well-known/mta-sts.txt").arg(m_host);
    m_timer.start(m_timeoutMs);
    if (m_resolver.isSystem()) {
        connectTo(QString());  // QSslSocket resolves through the system
        return;
    }
    m_dns = new DnsClient(m_resolver, this);
    m_dns->setTimeoutMs(std::max(200, m_timeoutMs / 2));
    QPointer<MtaStsFetcher> self(this);
    m_dns->lookup(DnsType::A, m_host, [self](const DnsAnswer &a) {
        if (!self || self->m_done)
            return;
        if (a.values.isEmpty()) {
            self->finish(a.ok ? QStringLiteral("%1 has no A record").arg(self->m_host)
                              : QStringLiteral("cannot resolve %1: %2").arg(self->m_host, a.error));
            return;
        }
        self->connectTo(a.values.first());
    });
}

void MtaStsFetcher::connectTo(const QString &address)
{
    m_socket = new QSslSocket(this);
    m_socket->setReadBufferSize(kMaxBody + 16 * 1024);
    QSslConfiguration config = m_socket->sslConfiguration();
    config.addCaCertificates(m_ca);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(config);
    m_result.connectedTo = address.isEmpty() ? m_host : address;
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_socket->write(QStringLiteral("GET /.well-known/mta-sts.txt HTTP/1.0\r\nHost: %1\r\nUser-Agent: mwb\r\n"
                                       "Connection: close\r\n\r\n").arg(m_host).toLatin1());
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList words;
        for (const QSslError &e : errors)
            words.append(describeSslError(e));
        finish(QStringLiteral("the HTTPS certificate of %1 is not valid (RFC 8461 3.3 requires a valid one): %2")
                   .arg(m_host, words.join(u' ')));
    });
    connect(m_socket, &QSslSocket::readyRead, this, &MtaStsFetcher::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        m_response += m_socket->readAll();
        if (m_response.size() > kMaxBody + 8 * 1024) {
            finish(QStringLiteral("the policy is larger than 64 KiB"));
            return;
        }
        const qsizetype headerEnd = m_response.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            finish(QStringLiteral("the connection closed before a complete HTTP answer"));
            return;
        }
        const QByteArray statusLine = m_response.left(m_response.indexOf("\r\n"));
        const QList<QByteArray> words = statusLine.split(' ');
        const int status = words.size() >= 2 ? words.at(1).toInt() : 0;
        if (status != 200) {
            finish(QStringLiteral("the server answered '%1'%2").arg(QString::fromLatin1(statusLine.left(200)),
                                                                   status >= 300 && status < 400
                                                                       ? QStringLiteral(" (redirects are not followed, RFC 8461 3.3)")
                                                                       : QString()));
            return;
        }
        m_result.body = m_response.mid(headerEnd + 4, kMaxBody);
        m_result.fetched = true;
        m_result.policy = parseMtaStsPolicy(m_result.body);
        finish({});
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return;  // the answer's end; `disconnected` judges it
        finish(QStringLiteral("HTTPS to %1 failed: %2").arg(m_result.connectedTo, m_socket->errorString()));
    });
    if (address.isEmpty())
        m_socket->connectToHostEncrypted(m_host, 443);
    else
        m_socket->connectToHostEncrypted(address, 443, m_host);  // SNI and name check use the policy host
}

void MtaStsFetcher::onReadyRead()
{
    m_response += m_socket->readAll();
    if (m_response.size() > kMaxBody + 8 * 1024)
        finish(QStringLiteral("the policy is larger than 64 KiB"));
}

void MtaStsFetcher::finish(const QString &error)
{
    if (std::exchange(m_done, true))
        return;
    m_timer.stop();
    if (!error.isEmpty()) {
        m_result.error = error;
        m_result.fetched = false;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    emit finished();
}

} // namespace mwb::smtp
