#pragma once
// The byte pipe under SmtpClient. The real one is a QSslSocket; tests inject a scripted one.
#include "model/core/smtp/tlsinspect.h"

#include <QByteArray>
#include <QObject>
#include <QSslSocket>
#include <QString>

namespace mwb::smtp {

class Transport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    // implicitTls: TLS from the first byte (port 465). peerName: the name used for SNI.
    virtual void connectToHost(const QString &host, quint16 port, bool implicitTls, const QString &peerName) = 0;
    virtual void startClientEncryption(const QString &peerName) = 0;
    virtual void write(const QByteArray &bytes) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual bool isEncrypted() const = 0;
    // Valid after encrypted(): protocol, cipher, chain, verification (name check is the client's).
    virtual TlsInfo tlsInfo() const = 0;
    virtual QString peerDescription() const = 0;  // "127.0.0.1:25"

signals:
    void connected();
    void encrypted();
    void received(const QByteArray &bytes);
    void closed();
    void failed(const QString &message);
};

class SslSocketTransport : public Transport {
    Q_OBJECT
public:
    explicit SslSocketTransport(QObject *parent = nullptr);
    void connectToHost(const QString &host, quint16 port, bool implicitTls, const QString &peerName) override;
    void startClientEncryption(const QString &peerName) override;
    void write(const QByteArray &bytes) override;
    void close() override;
    bool isOpen() const override;
    bool isEncrypted() const override;
    TlsInfo tlsInfo() const override;
    QString peerDescription() const override;
    // Extra trust anchors (a private CA); the system store is always used as well.
    void addCaCertificates(const QList<QSslCertificate> &certificates);
    // Offer exactly this TLS version (`mwb probe --tls-version`); the default offers what the system allows.
    void setProtocol(QSsl::SslProtocol protocol);

private:
    void prepareTls(const QString &peerName);
    QSslSocket *m_socket;
    QList<QSslError> m_errors;
    bool m_closedSignalled = false;
};

} // namespace mwb::smtp
