#include "model/core/smtp/domaincheck.h"

#include "model/core/common/safetext.h"
#include "model/core/smtp/probe.h"

#include <QJsonArray>
#include <QPointer>

namespace mwb::smtp {

QJsonObject DomainCheckResult::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("result"), result},
                  {QStringLiteral("detail"), detail},
                  {QStringLiteral("scenario"), scenario.isEmpty() ? QJsonValue() : QJsonValue(scenario)}};
    if (!mx.isEmpty())
        o.insert(QStringLiteral("mx"), mx);
    return o;
}

bool DomainCheckReport::failed() const
{
    for (const DomainCheckResult &c : checks)
        if (c.result == u"fail")
            return true;
    return false;
}

QJsonObject DomainCheckReport::toJson() const
{
    QJsonArray arr;
    for (const DomainCheckResult &c : checks)
        arr.append(c.toJson());
    QJsonArray mxArr;
    for (const MxProbe &p : probes) {
        QJsonObject o{{QStringLiteral("exchange"), p.exchange},
                      {QStringLiteral("address"), p.address},
                      {QStringLiteral("banner"), p.banner},
                      {QStringLiteral("startTlsOffered"), p.startTlsOffered},
                      {QStringLiteral("error"), p.error},
                      {QStringLiteral("tls"), p.tls.toJson()}};
        mxArr.append(o);
    }
    return QJsonObject{{QStringLiteral("tool"), QStringLiteral("mwb")},
                       {QStringLiteral("domain"), domain},
                       {QStringLiteral("resolver"), resolver},
                       {QStringLiteral("failed"), failed()},
                       {QStringLiteral("checks"), arr},
                       {QStringLiteral("probes"), mxArr},
                       {QStringLiteral("dns"), dns.toJson()}};
}

QString DomainCheckReport::toText() const
{
    QString t = QStringLiteral("Domain check %1 via %2: %3\n")
                    .arg(escapeControls(domain), escapeControls(resolver), failed() ? QStringLiteral("FAILED") : QStringLiteral("OK"));
    for (const DomainCheckResult &c : checks) {
        t += QStringLiteral("  %1 %2%3: %4").arg(c.result.toUpper().leftJustified(4), c.id,
                                                  c.mx.isEmpty() ? QString() : QStringLiteral(" [") + escapeControls(c.mx) + u']',
                                                  escapeControls(c.detail));
        if (!c.scenario.isEmpty())
            t += QStringLiteral(" (scenario: %1)").arg(c.scenario);
        t += u'\n';
    }
    return t;
}

QString DomainCheckReport::toHtml() const
{
    // Control characters and bidi overrides shown (escapeControls), then HTML-escaped.
    const auto esc = [](const QString &s) { return escapeControls(s).toHtmlEscaped(); };
    QString h = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Domain check %1</title>\n"
                               "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:4px;text-align:left}"
                               "table{border-collapse:collapse}.pass{background:#e6f4e6}.warn{background:#fff4d6}"
                               ".fail{background:#fbe3e3}</style></head><body>\n"
                               "<h1>Domain check %1</h1>\n<p>Resolver %2. Result: <b>%3</b></p>\n"
                               "<table><tr><th>Result</th><th>Check</th><th>MX</th><th>Detail</th><th>Scenario</th></tr>\n")
                    .arg(esc(domain), esc(resolver), failed() ? QStringLiteral("failed") : QStringLiteral("passed"));
    for (const DomainCheckResult &c : checks)
        h += QStringLiteral("<tr class=\"%1\"><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                 .arg(esc(c.result), esc(c.id), esc(c.mx), esc(c.detail), esc(c.scenario));
    h += QStringLiteral("</table>\n</body></html>\n");
    return h;
}

namespace {

DomainCheckResult line(const QString &id, const QString &mx, const QString &result, const QString &detail,
                       const QString &scenario = {})
{
    return DomainCheckResult{id, mx, result, detail, scenario};
}

// "<I>CN=a, O=b<S>CN=c" compared the way Exchange matches TlsCertificateName: case-insensitive,
// spaces after the RDN separators not significant.
QString comparableCertificateName(QString name)
{
    name = name.trimmed().toLower();
    name.replace(QStringLiteral(", "), QStringLiteral(","));
    return name;
}

} // namespace

QList<DomainCheckResult> judgeDomain(const DnsReport &dns, const QList<MxProbe> &probes, const QString &expectedCertificateName,
                                     const QDateTime &now)
{
    QList<DomainCheckResult> out;
    const QString dnsScenario = QStringLiteral("dns-resolution");
    const QString certScenario = QStringLiteral("certificate-smtp");

    // A question that failed is "unknown", never "absent" (DnsProbe records "name: error").
    const auto lookupError = [&dns](const QString &name) {
        for (const QString &e : dns.errors)
            if (e.startsWith(name + QStringLiteral(": ")))
                return e;
        return QString();
    };
    const QString mxError = lookupError(dns.query);
    if (dns.mx.isEmpty() && !mxError.isEmpty())
        out << line(QStringLiteral("mx"), {}, QStringLiteral("fail"),
                    QStringLiteral("The DNS lookup failed (%1): MX records unknown.").arg(mxError), dnsScenario);
    else if (dns.mx.isEmpty())
        out << line(QStringLiteral("mx"), {}, QStringLiteral("fail"),
                    QStringLiteral("No MX record: senders fall back to the domain's A record, or cannot deliver at all."), dnsScenario);
    else
        out << line(QStringLiteral("mx"), {}, QStringLiteral("pass"), QStringLiteral("%1 MX record(s).").arg(dns.mx.size()));

    if (dns.spf.isEmpty() && !mxError.isEmpty())
        out << line(QStringLiteral("spf"), {}, QStringLiteral("warn"), QStringLiteral("Could not be checked: %1").arg(mxError));
    else if (dns.spf.isEmpty())
        out << line(QStringLiteral("spf"), {}, QStringLiteral("warn"), QStringLiteral("No SPF record (v=spf1): receivers cannot tell which hosts may send for the domain."));
    else if (dns.spf.size() > 1)
        out << line(QStringLiteral("spf"), {}, QStringLiteral("fail"), QStringLiteral("%1 SPF records: SPF evaluation ends in permerror (RFC 7208 4.5).").arg(dns.spf.size()));
    else
        out << line(QStringLiteral("spf"), {}, QStringLiteral("pass"), dns.spf.first());

    const QString dmarcError = lookupError(QStringLiteral("_dmarc.") + dns.query);
    if (dns.dmarc.isEmpty() && !dmarcError.isEmpty())
        out << line(QStringLiteral("dmarc"), {}, QStringLiteral("warn"), QStringLiteral("Could not be checked: %1").arg(dmarcError));
    else if (dns.dmarc.isEmpty())
        out << line(QStringLiteral("dmarc"), {}, QStringLiteral("warn"), QStringLiteral("No DMARC record at _dmarc.%1.").arg(dns.query));
    else if (dns.dmarc.size() > 1)
        out << line(QStringLiteral("dmarc"), {}, QStringLiteral("fail"), QStringLiteral("%1 DMARC records: receivers ignore them all (RFC 7489 6.6.3).").arg(dns.dmarc.size()));
    else
        out << line(QStringLiteral("dmarc"), {}, QStringLiteral("pass"), dns.dmarc.first());

    const QString tlsRptError = lookupError(QStringLiteral("_smtp._tls.") + dns.query);
    if (dns.tlsRpt.records.isEmpty() && !tlsRptError.isEmpty())
        out << line(QStringLiteral("tls-rpt"), {}, QStringLiteral("warn"), QStringLiteral("Could not be checked: %1").arg(tlsRptError));
    else if (dns.tlsRpt.record.valid)
        out << line(QStringLiteral("tls-rpt"), {}, QStringLiteral("pass"), QStringLiteral("Reports go to %1.").arg(dns.tlsRpt.record.rua.join(QStringLiteral(", "))));
    else
        out << line(QStringLiteral("tls-rpt"), {}, QStringLiteral("warn"),
                    (dns.tlsRpt.records.isEmpty() ? QStringLiteral("TLS-RPT is not published (no _smtp._tls TXT record)")
                                                  : dns.tlsRpt.record.problem)
                        + QStringLiteral(" (without TLS-RPT nobody tells you when senders fail DANE or MTA-STS)."));

    // MTA-STS: published, fetched, valid, and covering every MX (RFC 8461 4.1).
    const MtaStsReport &sts = dns.mtaSts;
    QString stsMode;
    const QString stsError = lookupError(QStringLiteral("_mta-sts.") + dns.query);
    if (sts.records.isEmpty() && !stsError.isEmpty()) {
        out << line(QStringLiteral("mta-sts"), {}, QStringLiteral("warn"), QStringLiteral("Could not be checked: %1").arg(stsError));
    } else if (sts.records.isEmpty()) {
        out << line(QStringLiteral("mta-sts"), {}, QStringLiteral("warn"), QStringLiteral("MTA-STS is not published (no _mta-sts TXT record)."));
    } else if (!sts.record.valid) {
        out << line(QStringLiteral("mta-sts"), {}, QStringLiteral("fail"), sts.record.problem, dnsScenario);
    } else if (!sts.policy.fetched) {
        out << line(QStringLiteral("mta-sts"), {}, QStringLiteral("fail"),
                    QStringLiteral("The _mta-sts record is published but the policy could not be fetched: %1").arg(sts.policy.error),
                    certScenario);
    } else if (!sts.policy.contentTypeValid) {
        out << line(QStringLiteral("mta-sts"), {}, QStringLiteral("fail"),
                    QStringLiteral("The policy at %1 is not usable: %2. Serve it with Content-Type: text/plain.")
                        .arg(sts.policy.url, sts.policy.contentTypeProblem));
    } else if (!sts.policy.policy.valid) {
        out << line(QStringLiteral("mta-sts"), {}, QStringLiteral("fail"),
                    QStringLiteral("The policy is invalid: %1").arg(sts.policy.policy.problems.join(QStringLiteral("; "))));
    } else {
        stsMode = sts.policy.policy.mode;
        QStringList uncovered;
        for (const DnsMx &mx : dns.mx)
            if (!sts.mxCovered.value(mx.exchange))
                uncovered.append(mx.exchange);
        if (uncovered.isEmpty())
            out << line(QStringLiteral("mta-sts"), {}, QStringLiteral("pass"),
                        QStringLiteral("Policy id %1, mode %2, max_age %3, covers every MX.").arg(sts.record.id, stsMode).arg(sts.policy.policy.maxAge));
        else
            out << line(QStringLiteral("mta-sts"), {}, stsMode == u"enforce" ? QStringLiteral("fail") : QStringLiteral("warn"),
                        QStringLiteral("The policy (mode %1) does not cover MX %2: senders enforcing it will not deliver there "
                                       "(Exchange Online: 4.4.8/5.4.8).").arg(stsMode, uncovered.join(QStringLiteral(", "))),
                        dnsScenario);
    }

    for (const DnsMx &mx : dns.mx) {
        const MxProbe *probe = nullptr;
        for (const MxProbe &p : probes)
            if (p.exchange == mx.exchange)
                probe = &p;
        const QString host = mx.exchange;
        if (!probe) {
            out << line(QStringLiteral("starttls"), host, QStringLiteral("fail"), QStringLiteral("Not probed (more than %1 MX hosts, or no time left).").arg(DomainCheck::kMaxMx));
            continue;
        }
        if (probe->address.isEmpty()) {
            out << line(QStringLiteral("mx-address"), host, QStringLiteral("fail"), QStringLiteral("The MX host has no A or AAAA record."), dnsScenario);
            continue;
        }
        if (!probe->tls.established) {
            out << line(QStringLiteral("starttls"), host, QStringLiteral("fail"),
                        probe->connected && !probe->startTlsOffered
                            ? QStringLiteral("%1 (%2) does not offer STARTTLS.").arg(host, probe->address)
                            : QStringLiteral("STARTTLS to %1 (%2) failed: %3").arg(host, probe->address, probe->error),
                        certScenario);
        } else {
            out << line(QStringLiteral("starttls"), host, QStringLiteral("pass"),
                        QStringLiteral("%1 (%2): %3, %4.").arg(host, probe->address, probe->tls.protocol, probe->tls.cipher));
            const Certificate leaf = probe->tls.chain.value(0);
            // A sender with MTA-STS in enforce mode needs a chain it trusts (RFC 8461 4.2);
            // opportunistic senders do not, DANE-EE needs none (RFC 7672 3.1.1).
            if (probe->tls.verified)
                out << line(QStringLiteral("certificate-chain"), host, QStringLiteral("pass"), probe->tls.verificationSummary);
            else
                out << line(QStringLiteral("certificate-chain"), host, stsMode == u"enforce" ? QStringLiteral("fail") : QStringLiteral("warn"),
                            probe->tls.verificationSummary, certScenario);
            out << line(QStringLiteral("certificate-name"), host, probe->tls.nameCheck.matches ? QStringLiteral("pass") : QStringLiteral("fail"),
                        probe->tls.nameCheck.explanation, probe->tls.nameCheck.matches ? QString() : certScenario);
            const qint64 days = now.daysTo(leaf.notAfter());
            if (leaf.isExpired(now))
                out << line(QStringLiteral("certificate-expiry"), host, QStringLiteral("fail"),
                            QStringLiteral("The certificate expired on %1.").arg(leaf.notAfter().toString(Qt::ISODate)), certScenario);
            else if (days < 30)
                out << line(QStringLiteral("certificate-expiry"), host, QStringLiteral("warn"),
                            QStringLiteral("The certificate expires in %1 day(s), on %2.").arg(days).arg(leaf.notAfter().toString(Qt::ISODate)),
                            certScenario);
            else
                out << line(QStringLiteral("certificate-expiry"), host, QStringLiteral("pass"),
                            QStringLiteral("Valid until %1 (%2 days).").arg(leaf.notAfter().toString(Qt::ISODate)).arg(days));
            if (!expectedCertificateName.isEmpty()) {
                const bool same = comparableCertificateName(leaf.tlsCertificateName()) == comparableCertificateName(expectedCertificateName);
                out << line(QStringLiteral("expected-certificate"), host, same ? QStringLiteral("pass") : QStringLiteral("fail"),
                            same ? QStringLiteral("The MX presents %1.").arg(leaf.tlsCertificateName())
                                 : QStringLiteral("The MX presents %1, not the expected %2: connectors that pin TlsCertificateName "
                                                  "(hybrid, TlsSenderCertificateName) break after a renewal until both sides are updated.")
                                       .arg(leaf.tlsCertificateName(), expectedCertificateName),
                            same ? QString() : QStringLiteral("exo-hybrid-connectors"));
            }
        }
        // DANE: the MX's TLSA records against what it presented (RFC 7672).
        MxTlsa tlsa;
        for (const MxTlsa &t : dns.tlsa)
            if (t.exchange == host)
                tlsa = t;
        const TlsaCheck dane = verifyTlsa(tlsa.records, probe->tls.chain);
        if (!tlsa.error.isEmpty() && tlsa.error.contains(QStringLiteral("SERVFAIL")))
            // RFC 7672 2.2: a TLSA lookup that fails (not "no such record") makes DANE senders defer;
            // with a validating resolver SERVFAIL is typically a bogus signature (Exchange Online 4.7.324).
            out << line(QStringLiteral("dane"), host, QStringLiteral("fail"),
                        QStringLiteral("The TLSA lookup for %1 failed (%2): senders that validate DANE defer mail to this MX; "
                                       "with a validating resolver this usually means broken DNSSEC (expired signatures, a "
                                       "DS record that no longer matches).").arg(tlsa.name, tlsa.error),
                        QStringLiteral("dns-resolution"));
        else if (!tlsa.error.isEmpty())
            out << line(QStringLiteral("dane"), host, QStringLiteral("warn"),
                        QStringLiteral("The TLSA records of %1 could not be read: %2").arg(tlsa.name, tlsa.error));
        else if (dane.result == u"none")
            out << line(QStringLiteral("dane"), host, QStringLiteral("pass"), dane.explanation);
        else if (dane.result == u"mismatch")
            out << line(QStringLiteral("dane"), host, QStringLiteral("fail"), dane.explanation, certScenario);
        else if (tlsa.dnssec != u"validated")
            out << line(QStringLiteral("dane"), host, QStringLiteral("warn"),
                        dane.explanation + QStringLiteral(" But the resolver did not validate the TLSA answer with DNSSEC (%1): "
                                                          "senders use DANE only for signed zones, or this resolver does not validate.")
                                               .arg(tlsa.dnssec));
        else
            out << line(QStringLiteral("dane"), host, QStringLiteral("pass"), dane.explanation + QStringLiteral(" DNSSEC validated."));
        for (const BlocklistResult &b : probe->blocklists) {
            if (b.listed)
                out << line(QStringLiteral("blocklist"), host, QStringLiteral("fail"),
                            QStringLiteral("%1 is listed in %2: %3").arg(probe->address, b.zone, b.meanings.join(u' ')),
                            QStringLiteral("blocklist-smarthost"));
            else if (!b.error.isEmpty())
                out << line(QStringLiteral("blocklist"), host, QStringLiteral("warn"),
                            QStringLiteral("%1 could not be checked in %2: %3").arg(probe->address, b.zone, b.error));
            else
                out << line(QStringLiteral("blocklist"), host, QStringLiteral("pass"),
                            QStringLiteral("%1 is not listed in %2.").arg(probe->address, b.zone));
        }
    }
    return out;
}

DomainCheck::DomainCheck(Resolver resolver, QObject *parent)
    : QObject(parent), m_resolver(resolver), m_zones(defaultBlocklistZones())
{
}

void DomainCheck::start(const QString &domain)
{
    m_report = {};
    m_report.domain = normalisedMailHost(domain);
    m_report.resolver = m_resolver.toString();
    m_dns = new DnsProbe(m_resolver, this);
    m_dns->setTimeoutMs(m_timeoutMs);
    m_dns->setCaCertificates(m_ca);
    connect(m_dns, &DnsProbe::finished, this, [this] {
        m_report.dns = m_dns->report();
        probeMx();
    });
    m_dns->start(m_report.domain);
}

void DomainCheck::probeMx()
{
    m_client = new DnsClient(m_resolver, this);
    m_client->setTimeoutMs(m_timeoutMs);
    m_pending = 1;
    const QList<DnsMx> mxs = m_report.dns.mx.mid(0, kMaxMx);
    for (const DnsMx &mx : mxs) {
        MxProbe probe;
        probe.exchange = mx.exchange;
        const QStringList addresses = m_report.dns.mxAddresses.value(mx.exchange);
        probe.address = addresses.value(0);
        const qsizetype index = m_report.probes.size();
        m_report.probes.append(probe);
        if (probe.address.isEmpty())
            continue;
        // Port 25 with STARTTLS, as a sending server does; the certificate is judged against the MX name.
        ++m_pending;
        auto *transport = new SslSocketTransport;
        transport->addCaCertificates(m_ca);
        auto *client = new SmtpClient(transport, this);
        ClientOptions o;
        o.host = probe.address;
        o.port = 25;
        o.mode = TlsMode::StartTls;
        o.ehloName = QStringLiteral("mwb.check.invalid");
        o.expectedName = mx.exchange;
        o.stepTimeoutMs = m_timeoutMs;
        o.totalTimeoutMs = m_timeoutMs * 3;
        client->setOptions(o);
        connect(client, &SmtpClient::idle, this, [this, client, index] {
            MxProbe &p = m_report.probes[index];
            p.banner = client->bannerText();
            p.tls = client->tlsInfo();
            for (const StepResult &r : client->results()) {
                if (r.kind == Step::Connect && r.ok)
                    p.connected = true;
                if (r.kind == Step::Ehlo && r.ok && EhloCapabilities::parse(r.reply).startTls)
                    p.startTlsOffered = true;
                if (!r.ok && p.error.isEmpty())
                    p.error = r.name + QStringLiteral(": ") + (r.error.isEmpty() ? r.reply.summary() : r.error);
            }
            if (client->isConnected())
                client->abort();
            client->disconnect(this);
            client->deleteLater();
            settle();
        });
        client->enqueue(probeSteps(TlsMode::StartTls));
        // DNS block lists for the MX address.
        const QHostAddress address(probe.address);
        for (const QString &zone : std::as_const(m_zones)) {
            ++m_pending;
            const QString query = reversedLabels(address) + u'.' + zone;
            QPointer<DomainCheck> self(this);
            m_client->lookup(DnsType::A, query, [self, index, zone, query](const DnsAnswer &a) {
                if (!self)
                    return;
                self->m_report.probes[index].blocklists.append(blocklistResult(zone, query, a));
                self->settle();
            });
        }
    }
    settle();
}

void DomainCheck::settle()
{
    if (--m_pending > 0)
        return;
    m_report.checks = judgeDomain(m_report.dns, m_report.probes, m_expected);
    emit finished();
}

} // namespace mwb::smtp
