#pragma once
// The MTA-STS policy fetch over HTTPS (RFC 8461 3.3) through the resolver the rest of a check uses.
#include "model/core/smtp/dns.h"
#include "model/core/smtp/mailpolicy.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>

namespace mwb::smtp {

// Fetches the policy of `domain` over HTTPS (RFC 8461 3.3): the host name `mta-sts.DOMAIN` is
// resolved through `resolver` (so a test or split-DNS resolver decides where the connection goes),
// the TLS connection presents and verifies that name (SNI, RFC 9525 name check, chain against the
// system roots plus `caCertificates`), redirects are not followed, the body is read up to 64 KiB
// and the whole fetch ends within the time limit. `finished` is emitted exactly once.
class MtaStsFetcher : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxBody = 64 * 1024;
    explicit MtaStsFetcher(Resolver resolver, QObject *parent = nullptr);
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_ca = certificates; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void start(const QString &domain);
    const MtaStsFetch &result() const { return m_result; }

signals:
    void finished();

private:
    void connectTo(const QString &address);
    void onReadyRead();
    void finish(const QString &error);
    Resolver m_resolver;
    QList<QSslCertificate> m_ca;
    int m_timeoutMs = 8000;
    QString m_host;
    QSslSocket *m_socket = nullptr;
    DnsClient *m_dns = nullptr;
    QTimer m_timer;
    QByteArray m_response;
    bool m_done = false;
    MtaStsFetch m_result;
};

// MTA-STS discovery of one domain (RFC 8461 3): the `_mta-sts` TXT record(s) through `resolver`,
// then, with exactly one valid record, the policy over HTTPS (MtaStsFetcher). The one place a
// domain's MTA-STS is read: `mwb dns`/`mwb check` (DnsProbe) and `mwb probe --mta-sts` use it.
// `finished` is emitted exactly once; report().mxCovered is left to the caller (it knows the MX set).
class MtaStsLookup : public QObject {
    Q_OBJECT
public:
    explicit MtaStsLookup(Resolver resolver, QObject *parent = nullptr);
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_ca = certificates; }
    void setDnsTimeoutMs(int ms) { m_dnsTimeoutMs = ms; }
    void setPolicyTimeoutMs(int ms) { m_policyTimeoutMs = ms; }
    void start(const QString &domain);
    const MtaStsReport &report() const { return m_report; }
    // What failed, one line each: "_mta-sts.DOMAIN: <DNS error>", "MTA-STS policy <url>: <error>".
    const QStringList &errors() const { return m_errors; }

signals:
    void finished();

private:
    Resolver m_resolver;
    QList<QSslCertificate> m_ca;
    int m_dnsTimeoutMs = 4000;
    int m_policyTimeoutMs = 8000;
    MtaStsReport m_report;
    QStringList m_errors;
};

} // namespace mwb::smtp
