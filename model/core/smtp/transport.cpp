#include "model/core/smtp/transport.h"

#include <QSslCipher>
#include <QSslConfiguration>

namespace mwb::smtp {

SslSocketTransport::SslSocketTransport(QObject *parent)
    : Transport(parent), m_socket(new QSslSocket(this))
{
    // Read at most 64 KiB per readyRead: a peer that floods us is read (and judged by the client's
    // limits) in small pieces instead of being buffered whole.
    m_socket->setReadBufferSize(64 * 1024);
    connect(m_socket, &QSslSocket::connected, this, [this] {
        m_closedSignalled = false;
        emit connected();
    });
    connect(m_socket, &QSslSocket::encrypted, this, &Transport::encrypted);
    connect(m_socket, &QSslSocket::readyRead, this, [this] { emit received(m_socket->readAll()); });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (!std::exchange(m_closedSignalled, true))
            emit closed();
    });
    // Inspection, not enforcement: record every verification problem and carry on, so the admin
    // sees the whole picture (the name check against the expected FQDN is done separately).
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_errors = errors;
        m_socket->ignoreSslErrors();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return;  // reported by disconnected()
        emit failed(m_socket->errorString());
    });
}

void SslSocketTransport::prepareTls(const QString &peerName)
{
    m_errors.clear();
    m_socket->setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!peerName.isEmpty())
        m_socket->setPeerVerifyName(peerName);
}

void SslSocketTransport::connectToHost(const QString &host, quint16 port, bool implicitTls, const QString &peerName)
{
    m_closedSignalled = false;
    if (implicitTls) {
        prepareTls(peerName);
        m_socket->connectToHostEncrypted(host, port, peerName.isEmpty() ? host : peerName);
    } else {
        m_socket->connectToHost(host, port);
    }
}

void SslSocketTransport::startClientEncryption(const QString &peerName)
{
    prepareTls(peerName);
    m_socket->startClientEncryption();
}

void SslSocketTransport::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

void SslSocketTransport::close()
{
    m_socket->abort();
    if (!std::exchange(m_closedSignalled, true))
        emit closed();
}

bool SslSocketTransport::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool SslSocketTransport::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void SslSocketTransport::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    QSslConfiguration config = m_socket->sslConfiguration();
    config.addCaCertificates(certificates);
    m_socket->setSslConfiguration(config);
}

void SslSocketTransport::setProtocol(QSsl::SslProtocol protocol)
{
    QSslConfiguration config = m_socket->sslConfiguration();
    config.setProtocol(protocol);
    m_socket->setSslConfiguration(config);
}

QString SslSocketTransport::peerDescription() const
{
    const QHostAddress a = m_socket->peerAddress();
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + a.toString() + u']' : a.toString();
    return host + u':' + QString::number(m_socket->peerPort());
}

TlsInfo SslSocketTransport::tlsInfo() const
{
    TlsInfo info;
    info.established = m_socket->isEncrypted();
    if (!info.established)
        return info;
    const QSslCipher cipher = m_socket->sessionCipher();
    info.protocol = protocolName(m_socket->sessionProtocol());
    info.cipher = cipher.name();
    info.cipherBits = cipher.usedBits();
    for (const QSslCertificate &c : m_socket->peerCertificateChain())
        info.chain.append(Certificate::fromQSslCertificate(c));
    for (const QSslError &e : m_errors) {
        if (e.error() == QSslError::HostNameMismatch)
            continue;  // the name is judged against the admin's expected FQDN instead
        const QString text = describeSslError(e);
        if (!info.verificationErrors.contains(text))
            info.verificationErrors.append(text);
    }
    info.verified = info.verificationErrors.isEmpty();
    info.verificationSummary = info.verified
        ? QStringLiteral("The chain verified against the trusted root certificates.")
        : QStringLiteral("The chain did not verify: ") + info.verificationErrors.join(u' ');
    return info;
}

} // namespace mwb::smtp
