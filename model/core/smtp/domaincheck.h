#pragma once
// The whole-domain mail transport check (`mwb check DOMAIN`, the console's "Check domain…"): the
// domain's DNS (MX, SPF, DMARC, MTA-STS, TLS-RPT, TLSA), then every MX probed on port 25 with
// STARTTLS, judged the way a sending server and an admin before/after a certificate renewal would:
// one pass/warn/fail line per check, each with the remediation scenario to open.
#include "model/core/smtp/dns.h"
#include "model/core/smtp/smtpclient.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>

namespace mwb::smtp {

struct DomainCheckResult {
    QString id;                    // stable check id (docs/cli.md): "mx", "starttls", "dane", …
    QString mx;                    // the MX host a per-MX check is about; empty for domain checks
    QString result;                // "pass" | "warn" | "fail"
    QString detail;                // plain words
    QString scenario;              // remediation scenario id, or empty
    QJsonObject toJson() const;
};

struct MxProbe {
    QString exchange;
    QString address;               // the address probed (first A, else AAAA)
    QString banner;
    bool connected = false;
    bool startTlsOffered = false;
    QString error;
    TlsInfo tls;
    QList<BlocklistResult> blocklists;
};

struct DomainCheckReport {
    QString domain;
    QString resolver;
    DnsReport dns;
    QList<MxProbe> probes;
    QList<DomainCheckResult> checks;
    bool failed() const;
    QJsonObject toJson() const;
    QString toText() const;        // for a terminal: every value through escapeControls
    QString toHtml() const;        // standalone page: every value HTML-escaped
};

// Builds the check lines from what was collected (public for tests and the console).
QList<DomainCheckResult> judgeDomain(const DnsReport &dns, const QList<MxProbe> &probes, const QString &expectedCertificateName,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());

class DomainCheck : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxMx = 10;  // bounded work for a domain with absurdly many MX records
    explicit DomainCheck(Resolver resolver = {}, QObject *parent = nullptr);
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_ca = certificates; }
    void setExpectedCertificateName(const QString &tlsCertificateName) { m_expected = tlsCertificateName; }
    void setBlocklistZones(const QStringList &zones) { m_zones = zones; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }  // per DNS question / per SMTP step
    void start(const QString &domain);
    const DomainCheckReport &report() const { return m_report; }

signals:
    void finished();

private:
    void probeMx();
    void settle();
    Resolver m_resolver;
    QList<QSslCertificate> m_ca;
    QString m_expected;
    QStringList m_zones;
    int m_timeoutMs = 8000;
    int m_pending = 0;
    DnsProbe *m_dns = nullptr;
    DnsClient *m_client = nullptr;
    DomainCheckReport m_report;
};

} // namespace mwb::smtp
