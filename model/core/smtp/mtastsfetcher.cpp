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
        // The header lines after the status line: the last Content-Type counts.
        for (const QByteArray &headerLine : m_response.left(headerEnd).split('\n').mid(1)) {
            const qsizetype colon = headerLine.indexOf(':');
            if (colon > 0 && headerLine.left(colon).trimmed().compare("content-type", Qt::CaseInsensitive) == 0)
                m_result.contentType = QString::fromLatin1(headerLine.mid(colon + 1).trimmed().left(200));
        }
        m_result.contentTypeValid = mtaStsContentTypeIsTextPlain(m_result.contentType, &m_result.contentTypeProblem);
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

MtaStsLookup::MtaStsLookup(Resolver resolver, QObject *parent) : QObject(parent), m_resolver(resolver)
{
}

void MtaStsLookup::start(const QString &domain)
{
    m_report = {};
    m_errors.clear();
    QString name = domain.trimmed();
    if (name.endsWith(u'.'))
        name.chop(1);
    auto *dns = new DnsClient(m_resolver, this);
    dns->setTimeoutMs(m_dnsTimeoutMs);
    QPointer<MtaStsLookup> self(this);
    dns->lookup(DnsType::Txt, QStringLiteral("_mta-sts.") + name, [self, dns, name](const DnsAnswer &a) {
        if (!self)
            return;
        dns->deleteLater();
        MtaStsReport &r = self->m_report;
        if (!a.ok)
            self->m_errors.append(QStringLiteral("%1: %2").arg(a.name, a.error));
        for (const QString &t : a.values)
            if (t.trimmed().startsWith(QStringLiteral("v=STSv1"), Qt::CaseSensitive))
                r.records.append(t);
        if (r.records.size() == 1) {
            r.record = parseMtaStsRecord(r.records.first());
        } else if (r.records.size() > 1) {
            r.record.problem = QStringLiteral("%1 v=STSv1 records: senders ignore them all (RFC 8461 3.1)").arg(r.records.size());
        } else {
            r.record.problem = QStringLiteral("no _mta-sts TXT record: MTA-STS is not published");
        }
        if (!r.record.valid) {
            emit self->finished();
            return;
        }
        r.policyAsked = true;
        auto *fetcher = new MtaStsFetcher(self->m_resolver, self);
        fetcher->setCaCertificates(self->m_ca);
        fetcher->setTimeoutMs(self->m_policyTimeoutMs);
        connect(fetcher, &MtaStsFetcher::finished, self, [self, fetcher] {
            self->m_report.policy = fetcher->result();
            if (!self->m_report.policy.fetched)
                self->m_errors.append(QStringLiteral("MTA-STS policy %1: %2").arg(self->m_report.policy.url, self->m_report.policy.error));
            fetcher->deleteLater();
            emit self->finished();
        });
        fetcher->start(name);
    });
}

} // namespace mwb::smtp
