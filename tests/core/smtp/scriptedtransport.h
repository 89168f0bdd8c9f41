#pragma once
// A Transport the test drives by hand: it records what the client writes and delivers what the
// test says the server sends, so every protocol state can be reached without a network.
#include "model/core/smtp/transport.h"

class ScriptedTransport : public mwb::smtp::Transport {
    Q_OBJECT
public:
    using Transport::Transport;
    void connectToHost(const QString &, quint16, bool implicitTls, const QString &) override
    {
        m_open = true;
        QMetaObject::invokeMethod(this, [this, implicitTls] {
            emit connected();
            if (implicitTls) {
                m_encrypted = true;
                emit encrypted();
            }
        }, Qt::QueuedConnection);
    }
    void startClientEncryption(const QString &) override
    {
        QMetaObject::invokeMethod(this, [this] {
            m_encrypted = true;
            emit encrypted();
        }, Qt::QueuedConnection);
    }
    void write(const QByteArray &bytes) override { written += bytes; }
    void close() override
    {
        if (!m_open)
            return;
        m_open = false;
        emit closed();
    }
    bool isOpen() const override { return m_open; }
    bool isEncrypted() const override { return m_encrypted; }
    mwb::smtp::TlsInfo tlsInfo() const override
    {
        mwb::smtp::TlsInfo t;
        t.established = m_encrypted;
        t.protocol = QStringLiteral("TLS 1.3");
        t.verified = true;
        return t;
    }
    QString peerDescription() const override { return QStringLiteral("127.0.0.1:25"); }

    void serverSends(const QByteArray &bytes) { emit received(bytes); }
    void serverCloses() { m_open = false; emit closed(); }

    QByteArray written;

private:
    bool m_open = false;
    bool m_encrypted = false;
};
