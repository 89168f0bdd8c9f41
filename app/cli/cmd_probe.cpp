// `mwb probe` and `mwb dns`: the console's Quick test (without sending mail) and DNS probes,
// headless, on the same core objects (model/core/smtp).
#include "app/cli/commands.h"

#include "model/core/common/safetext.h"
#include "model/core/smtp/dns.h"
#include "model/core/smtp/mtastsfetcher.h"
#include "model/core/smtp/probe.h"
#include "model/core/smtp/smtpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace mwb::cli {
namespace {

const QString kProbeUsage = QStringLiteral(
    "usage: mwb probe HOST[:PORT] [--starttls|--x-anonymoustls|--tls] [--ehlo NAME] [--expect-name FQDN] [--resolver IP[:PORT]]\n"
    "                 [--tls-version 1.2|1.3] [--auth xoauth2 --user U] [--mta-sts DOMAIN] [--ca-file PEM] [--timeout S] [--json]\n"
    "  --x-anonymoustls: Exchange's X-ANONYMOUSTLS verb instead of STARTTLS (where EHLO offers it)\n"
    "  --tls-version offers only that TLS version, and says what the outcome means for Exchange\n"
    "  --mta-sts DOMAIN: fetch DOMAIN's MTA-STS policy and say whether HOST is an MX it allows (mx: patterns)\n"
    "    and, in enforce mode, whether the certificate is valid for HOST (needs --starttls)\n"
    "  --ca-file PEM adds trusted roots (the SMTP certificate and the MTA-STS policy's HTTPS)\n"
    "  --timeout S is the limit for the whole probe (default 30 s)\n"
    "  --auth xoauth2 --user U: AUTH XOAUTH2 after TLS; the OAuth access token is read from the first line\n"
    "    of standard input (never an argument), sent only on the wire and masked in every output\n"
    "  exit 0 when every step worked and the certificate name matched, 1 otherwise, 2 bad usage\n");
const QString kDnsUsage = QStringLiteral(
    "usage: mwb dns NAME|IP [--resolver IP[:PORT]] [--ca-file PEM] [--blocklist ZONE]... [--dkim-selector S]\n"
    "               [--timeout S] [--json]\n"
    "  --ca-file PEM adds trusted roots for the MTA-STS policy's HTTPS connection\n"
    "  --timeout S is the limit for the whole command (default 12 s)\n");

// "host", "host:port", "[v6]", "[v6]:port", bare IPv6.
bool splitHostPort(const QString &text, QString *host, int *port, QString *error)
{
    *port = -1;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0) {
            *error = QStringLiteral("missing ']' in '%1'").arg(text);
            return false;
        }
        *host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (rest.isEmpty())
            return true;
        if (!rest.startsWith(u':')) {
            *error = QStringLiteral("unexpected text after ']' in '%1'").arg(text);
            return false;
        }
        bool ok = false;
        *port = rest.mid(1).toInt(&ok);
        if (!ok || *port <= 0 || *port > 65535) {
            *error = QStringLiteral("bad port in '%1'").arg(text);
            return false;
        }
        return true;
    }
    if (text.count(u':') == 1) {
        *host = text.section(u':', 0, 0);
        bool ok = false;
        *port = text.section(u':', 1).toInt(&ok);
        if (!ok || *port <= 0 || *port > 65535) {
            *error = QStringLiteral("bad port in '%1'").arg(text);
            return false;
        }
    } else {
        *host = text;  // a name, an IPv4 address or a bare IPv6 address
    }
    if (host->isEmpty()) {
        *error = QStringLiteral("the host is empty");
        return false;
    }
    return true;
}

bool takeValue(const QStringList &args, qsizetype &i, QString *value)
{
    if (i + 1 >= args.size())
        return false;
    *value = args.at(++i);
    return true;
}

bool parseSeconds(const QString &text, int *ms)
{
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (!ok || s <= 0 || s > 3600)
        return false;
    *ms = int(s * 1000);
    return true;
}

// Resolves `host` through the chosen resolver (A, then AAAA); empty on failure.
QString resolveWith(const smtp::Resolver &resolver, const QString &host, int timeoutMs, QString *error)
{
    smtp::DnsClient client(resolver);
    client.setTimeoutMs(timeoutMs);
    QEventLoop loop;
    QString address;
    int pending = 2;
    QStringList v4, v6;
    auto done = [&](const smtp::DnsAnswer &a, QStringList *into) {
        if (!a.ok)
            *error = a.error;
        *into = a.values;
        if (--pending == 0)
            loop.quit();
    };
    client.lookup(smtp::DnsType::A, host, [&](const smtp::DnsAnswer &a) { done(a, &v4); });
    client.lookup(smtp::DnsType::Aaaa, host, [&](const smtp::DnsAnswer &a) { done(a, &v6); });
    if (pending > 0)
        loop.exec();
    if (!v4.isEmpty())
        return v4.first();
    if (!v6.isEmpty())
        return v6.first();
    if (error->isEmpty())
        *error = QStringLiteral("%1 has no A or AAAA record").arg(host);
    return {};
}

} // namespace

bool loadCaFile(const QString &path, QList<QSslCertificate> *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read --ca-file %1: %2").arg(path, file.errorString());
        return false;
    }
    *out = QSslCertificate::fromData(file.read(4 * 1024 * 1024), QSsl::Pem);
    if (out->isEmpty()) {
        *error = QStringLiteral("--ca-file %1 holds no PEM certificate").arg(path);
        return false;
    }
    return true;
}

int runProbe(const QStringList &args, Io io)
{
    QElapsedTimer wallClock;  // --timeout is a hard wall-clock limit for everything from here on
    wallClock.start();
    smtp::ClientOptions options;
    QString target, resolverText, error, authMechanism, authUser, tlsVersion, mtaStsDomain, caFile;
    bool json = false;
    bool anonymousTls = false;
    options.stepTimeoutMs = 30000;
    options.ehloName = QStringLiteral("mwb.probe.invalid");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        QString value;
        if (a == u"--json") {
            json = true;
        } else if (a == u"--starttls" || a == u"--x-anonymoustls") {
            anonymousTls = anonymousTls || a == u"--x-anonymoustls";
            if (options.mode == smtp::TlsMode::Implicit)
                return usageError(io, QStringLiteral("probe"), QStringLiteral("--starttls and --tls exclude each other"), kProbeUsage);
            options.mode = smtp::TlsMode::StartTls;
        } else if (a == u"--tls") {
            if (options.mode == smtp::TlsMode::StartTls)
                return usageError(io, QStringLiteral("probe"), QStringLiteral("--starttls and --tls exclude each other"), kProbeUsage);
            options.mode = smtp::TlsMode::Implicit;
        } else if (a == u"--ehlo" || a == u"--expect-name" || a == u"--resolver" || a == u"--timeout" || a == u"--auth"
                   || a == u"--user" || a == u"--tls-version" || a == u"--mta-sts" || a == u"--ca-file") {
            if (!takeValue(args, i, &value) || value.isEmpty())
                return usageError(io, QStringLiteral("probe"), QStringLiteral("%1 needs a value").arg(a), kProbeUsage);
            if (a == u"--tls-version") {
                if (value != u"1.2" && value != u"1.3")
                    return usageError(io, QStringLiteral("probe"), QStringLiteral("--tls-version takes 1.2 or 1.3"), kProbeUsage);
                tlsVersion = value;
            } else if (a == u"--mta-sts")
                mtaStsDomain = value;
            else if (a == u"--ca-file")
                caFile = value;
            else if (a == u"--auth")
                authMechanism = value.toLower();
            else if (a == u"--user")
                authUser = value;
            else if (a == u"--ehlo")
                options.ehloName = value;
            else if (a == u"--expect-name")
                options.expectedName = value;
            else if (a == u"--resolver")
                resolverText = value;
            else if (!parseSeconds(value, &options.stepTimeoutMs))
                return usageError(io, QStringLiteral("probe"), QStringLiteral("--timeout wants seconds (0 < S <= 3600), not '%1'").arg(value), kProbeUsage);
        } else if (a.startsWith(u'-') && a.size() > 1) {
            return usageError(io, QStringLiteral("probe"), QStringLiteral("unknown option '%1'").arg(a), kProbeUsage);
        } else if (target.isEmpty()) {
            target = a;
        } else {
            return usageError(io, QStringLiteral("probe"), QStringLiteral("one HOST only ('%1' is extra)").arg(a), kProbeUsage);
        }
    }
    if (target.isEmpty())
        return usageError(io, QStringLiteral("probe"), QStringLiteral("HOST is required"), kProbeUsage);
    if (!tlsVersion.isEmpty() && options.mode == smtp::TlsMode::Plain)
        return usageError(io, QStringLiteral("probe"), QStringLiteral("--tls-version needs --starttls or --tls"), kProbeUsage);
    if (!mtaStsDomain.isEmpty() && options.mode != smtp::TlsMode::StartTls)
        return usageError(io, QStringLiteral("probe"), QStringLiteral("--mta-sts needs --starttls: MTA-STS is about STARTTLS to an MX"), kProbeUsage);
    QList<QSslCertificate> ca;
    if (!caFile.isEmpty() && !loadCaFile(caFile, &ca, &error))
        return usageError(io, QStringLiteral("probe"), error, kProbeUsage);
    if (!authMechanism.isEmpty() && authMechanism != u"xoauth2")
        return usageError(io, QStringLiteral("probe"), QStringLiteral("--auth takes xoauth2 (basic AUTH is being retired; see scenario smtp-client-submission)"), kProbeUsage);
    if (authMechanism.isEmpty() != authUser.isEmpty())
        return usageError(io, QStringLiteral("probe"), QStringLiteral("--auth xoauth2 and --user U go together"), kProbeUsage);
    if (!authMechanism.isEmpty() && options.mode == smtp::TlsMode::Plain)
        return usageError(io, QStringLiteral("probe"), QStringLiteral("--auth needs --starttls or --tls: the token never crosses the network in clear"), kProbeUsage);
    QString token;
    if (!authMechanism.isEmpty()) {
        // The token comes from standard input: an argument would be visible in the process list
        // and in shell history. It lives in this variable and the client's current step only.
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return usageError(io, QStringLiteral("probe"), QStringLiteral("cannot read the token from standard input"), kProbeUsage);
        token = QString::fromUtf8(in.readLine(64 * 1024)).trimmed();
        if (token.isEmpty())
            return usageError(io, QStringLiteral("probe"), QStringLiteral("no token on standard input (--auth xoauth2 reads it from there)"), kProbeUsage);
    }
    QString host;
    int port = -1;
    if (!splitHostPort(target, &host, &port, &error))
        return usageError(io, QStringLiteral("probe"), error, kProbeUsage);
    options.port = quint16(port > 0 ? port : (options.mode == smtp::TlsMode::Implicit ? 465 : 25));
    options.host = host;

    if (!resolverText.isEmpty() && QHostAddress(host).isNull()) {
        smtp::Resolver resolver;
        if (!smtp::Resolver::parse(resolverText, &resolver, &error))
            return usageError(io, QStringLiteral("probe"), error, kProbeUsage);
        QString dnsError;
        const QString address = resolveWith(resolver, host, std::min(options.stepTimeoutMs / 2, 10000), &dnsError);
        if (address.isEmpty()) {
            io.err << "mwb probe: cannot resolve " << escapeControls(host) << " through " << resolver.toString() << ": "
                   << escapeControls(dnsError) << "\n";
            return 1;
        }
        // Connect to the resolved address; with TLS the host name stays the one the certificate
        // is judged by (and the SNI name).
        if (options.expectedName.isEmpty() && options.mode != smtp::TlsMode::Plain)
            options.expectedName = host;
        options.host = address;
    }

    // The whole run (name resolution above included) ends within --timeout: the client enforces
    // what is left as its total limit, and each step gets at most that.
    const qint64 limitMs = options.stepTimeoutMs;
    options.totalTimeoutMs = int(std::max<qint64>(1, limitMs - wallClock.elapsed()));
    options.stepTimeoutMs = options.totalTimeoutMs;
    auto *transport = new smtp::SslSocketTransport;
    if (!ca.isEmpty())
        transport->addCaCertificates(ca);
    if (!tlsVersion.isEmpty())
        transport->setProtocol(tlsVersion == u"1.3" ? QSsl::TlsV1_3 : QSsl::TlsV1_2);
    smtp::SmtpClient client(transport);
    client.setOptions(options);
    QEventLoop loop;
    QObject::connect(&client, &smtp::SmtpClient::idle, &loop, &QEventLoop::quit);
    // Last guard, in case the client's own limit could not act: the contract allows 10 % or 1 s.
    QTimer guard;
    guard.setSingleShot(true);
    guard.setTimerType(Qt::PreciseTimer);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(std::chrono::milliseconds(options.totalTimeoutMs + std::max<qint64>(limitMs / 20, 500)));
    QList<smtp::Step> steps = smtp::probeSteps(options.mode, anonymousTls);
    if (!token.isEmpty())
        steps.insert(steps.size() - 1, smtp::Step::auth(smtp::Step::AuthXoauth2, authUser, token));
    token.fill(u'\0');
    token.clear();
    client.enqueue(steps);
    loop.exec();
    if (client.isConnected())
        client.abort();
    smtp::ProbeSummary summary = smtp::summariseProbe(client);
    if (!tlsVersion.isEmpty())
        smtp::addTlsVersionVerdict(&summary, client, tlsVersion);
    // DANE (RFC 7672): the TLSA records of _PORT._tcp.HOST, asked through the same resolver, judged
    // against the chain the server presented. Only for a host name (TLSA hangs off names) with TLS.
    if (options.mode != smtp::TlsMode::Plain && QHostAddress(host).isNull()) {
        smtp::Resolver tlsaResolver;
        if (!resolverText.isEmpty())
            smtp::Resolver::parse(resolverText, &tlsaResolver, &error);
        const qint64 left = limitMs - wallClock.elapsed();
        if (left > 100) {
            smtp::DnsClient dns(tlsaResolver);
            dns.setTimeoutMs(int(std::min<qint64>(left, 4000)));
            smtp::MxTlsa lookup;
            bool answered = false;
            QEventLoop tlsaLoop;
            dns.lookup(smtp::DnsType::Tlsa, QStringLiteral("_%1._tcp.%2").arg(options.port).arg(host), [&](const smtp::DnsAnswer &a) {
                lookup.exchange = host;
                lookup.name = a.name;
                lookup.records = a.tlsa;
                lookup.error = a.ok ? QString() : a.error;
                lookup.dnssec = !a.ok ? QStringLiteral("unknown") : (a.authenticated ? QStringLiteral("validated") : QStringLiteral("not-validated"));
                answered = true;
                tlsaLoop.quit();
            });
            if (!answered)
                tlsaLoop.exec();
            smtp::addTlsaVerdict(&summary, client, lookup);
        }
    }
    // MTA-STS (RFC 8461): the domain's policy, read the way `mwb dns` and `mwb check` read it,
    // against the probed host name and the certificate it presented.
    if (!mtaStsDomain.isEmpty()) {
        smtp::Resolver stsResolver;
        if (!resolverText.isEmpty())
            smtp::Resolver::parse(resolverText, &stsResolver, &error);
        const qint64 left = limitMs - wallClock.elapsed();
        smtp::MtaStsLookup lookup(stsResolver);
        lookup.setCaCertificates(ca);
        lookup.setDnsTimeoutMs(int(std::clamp<qint64>(left / 3, 100, 4000)));
        lookup.setPolicyTimeoutMs(int(std::clamp<qint64>(left * 2 / 3, 100, 8000)));
        bool finished = false;
        QEventLoop stsLoop;
        QObject::connect(&lookup, &smtp::MtaStsLookup::finished, &stsLoop, [&] {
            finished = true;
            stsLoop.quit();
        });
        QTimer stsGuard;   // the lookup's own limits end it; this only keeps --timeout
        stsGuard.setSingleShot(true);
        QObject::connect(&stsGuard, &QTimer::timeout, &stsLoop, &QEventLoop::quit);
        stsGuard.start(std::chrono::milliseconds(std::max<qint64>(left, 100)));
        lookup.start(mtaStsDomain);
        if (!finished)
            stsLoop.exec();
        QStringList errors = lookup.errors();
        if (!finished)
            errors.append(QStringLiteral("the time limit ran out before the MTA-STS policy was read"));
        smtp::addMtaStsVerdict(&summary, client, mtaStsDomain, smtp::normalisedMailHost(host), lookup.report(), errors);
    }
    if (json)
        io.out << escapeJsonControls(QString::fromUtf8(QJsonDocument(summary.json).toJson(QJsonDocument::Indented)));
    else
        io.out << escapeControls(summary.text, LineBreaks::Keep);  // values were escaped one by one; this is the last guard
    io.out.flush();
    return summary.ok ? 0 : 1;
}

int runDns(const QStringList &args, Io io)
{
    QString query, resolverText, error, caFile, dkimSelector;
    QStringList zones;
    bool json = false;
    int timeoutMs = 12000;  // --timeout: the limit for the whole command
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        QString value;
        if (a == u"--json") {
            json = true;
        } else if (a == u"--resolver" || a == u"--blocklist" || a == u"--timeout" || a == u"--ca-file" || a == u"--dkim-selector") {
            if (!takeValue(args, i, &value) || value.isEmpty())
                return usageError(io, QStringLiteral("dns"), QStringLiteral("%1 needs a value").arg(a), kDnsUsage);
            if (a == u"--ca-file")
                caFile = value;
            else if (a == u"--dkim-selector")
                dkimSelector = value;
            else if (a == u"--resolver")
                resolverText = value;
            else if (a == u"--blocklist")
                zones.append(value);
            else if (!parseSeconds(value, &timeoutMs))
                return usageError(io, QStringLiteral("dns"), QStringLiteral("--timeout wants seconds, not '%1'").arg(value), kDnsUsage);
        } else if (a.startsWith(u'-') && a.size() > 1) {
            return usageError(io, QStringLiteral("dns"), QStringLiteral("unknown option '%1'").arg(a), kDnsUsage);
        } else if (query.isEmpty()) {
            query = a;
        } else {
            return usageError(io, QStringLiteral("dns"), QStringLiteral("one NAME or IP only ('%1' is extra)").arg(a), kDnsUsage);
        }
    }
    if (query.isEmpty())
        return usageError(io, QStringLiteral("dns"), QStringLiteral("NAME or IP is required"), kDnsUsage);
    smtp::Resolver resolver;
    if (!resolverText.isEmpty() && !smtp::Resolver::parse(resolverText, &resolver, &error))
        return usageError(io, QStringLiteral("dns"), error, kDnsUsage);

    // --timeout is a hard wall-clock limit: each lookup gets a third of it (MX, then the MX hosts'
    // addresses, and a TCP retry after a truncated answer may follow each other), and whatever has
    // not answered when it runs out is reported as such (exit 1).
    QList<QSslCertificate> ca;
    if (!caFile.isEmpty() && !loadCaFile(caFile, &ca, &error))
        return usageError(io, QStringLiteral("dns"), error, kDnsUsage);

    smtp::DnsProbe probe(resolver);
    probe.setTimeoutMs(std::max(200, std::min(4000, timeoutMs / 3)));
    probe.setCaCertificates(ca);
    probe.setDkimSelector(dkimSelector);
    if (!zones.isEmpty())
        probe.setBlocklistZones(zones);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&probe, &smtp::DnsProbe::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer guard;
    guard.setSingleShot(true);
    guard.setTimerType(Qt::PreciseTimer);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(timeoutMs);
    probe.start(query);
    if (!finished)
        loop.exec();
    smtp::DnsReport r = probe.report();
    if (!finished)
        r.errors.append(QStringLiteral("the time limit of %1 s ran out before every answer came").arg(timeoutMs / 1000.0));
    if (json) {
        io.out << escapeJsonControls(QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented)));
    } else {
        // Answers are the resolver's (TXT records, PTR names): each value through the one escaper.
        const auto safe = [](const QString &v) { return escapeControls(v); };
        const auto safeList = [](const QStringList &v) { return escapeControls(v.join(u' ')); };
        io.out << "DNS " << safe(r.query) << " via " << safe(r.resolver) << "\n";
        for (const smtp::DnsMx &mx : r.mx)
            io.out << "  MX " << mx.preference << " " << safe(mx.exchange) << " " << safeList(r.mxAddresses.value(mx.exchange)) << "\n";
        for (const QString &a : r.a)
            io.out << "  A " << safe(a) << "\n";
        for (const QString &a : r.aaaa)
            io.out << "  AAAA " << safe(a) << "\n";
        for (const smtp::PtrResult &p : r.ptr)
            io.out << "  PTR " << safe(p.address) << " -> " << (p.names.isEmpty() ? QStringLiteral("(none)") : safeList(p.names))
                   << ": " << safe(p.explanation) << "\n";
        for (const QString &s : r.spf)
            io.out << "  SPF " << safe(s) << "\n";
        for (const QString &s : r.dmarc)
            io.out << "  DMARC " << safe(s) << "\n";
        if (!r.isAddress) {
            const smtp::MtaStsReport &sts = r.mtaSts;
            io.out << "  MTA-STS " << (sts.records.isEmpty() ? QStringLiteral("(none)") : safeList(sts.records))
                   << (sts.record.valid ? QString() : QStringLiteral(": ") + safe(sts.record.problem)) << "\n";
            if (sts.policyAsked) {
                if (!sts.policy.fetched)
                    io.out << "    policy " << safe(sts.policy.url) << ": " << safe(sts.policy.error) << "\n";
                else
                    io.out << "    policy mode " << safe(sts.policy.policy.mode) << ", max_age " << sts.policy.policy.maxAge
                           << ", mx " << safeList(sts.policy.policy.mx)
                           << (sts.policy.policy.valid ? QString() : QStringLiteral("; invalid: ") + safeList(sts.policy.policy.problems))
                           << "\n";
                if (sts.policy.fetched && !sts.policy.contentTypeValid)
                    io.out << "    policy NOT USABLE: " << safe(sts.policy.contentTypeProblem) << "\n";
                for (auto it = sts.mxCovered.cbegin(); it != sts.mxCovered.cend(); ++it)
                    io.out << "    MX " << safe(it.key()) << (it.value() ? " covered by the policy" : " NOT covered by the policy") << "\n";
            }
            io.out << "  TLS-RPT " << (r.tlsRpt.records.isEmpty() ? QStringLiteral("(none)") : safeList(r.tlsRpt.records))
                   << (r.tlsRpt.record.valid ? QString() : QStringLiteral(": ") + safe(r.tlsRpt.record.problem)) << "\n";
            for (const smtp::MxTlsa &t : r.tlsa) {
                io.out << "  TLSA " << safe(t.name) << " (DNSSEC " << t.dnssec << "):";
                if (t.records.isEmpty())
                    io.out << (t.error.isEmpty() ? QStringLiteral(" (none)") : QStringLiteral(" error: ") + safe(t.error));
                for (const smtp::TlsaRecord &rec : t.records)
                    io.out << " [" << rec.toString() << "]";
                io.out << "\n";
            }
            if (!r.dkimSelector.isEmpty())
                io.out << "  DKIM " << safe(r.dkimSelector) << ": " << (r.dkim.isEmpty() ? QStringLiteral("(none)") : safeList(r.dkim)) << "\n";
        }
        for (const smtp::BlocklistResult &b : r.blocklists)
            io.out << "  DNSBL " << safe(b.zone) << ": "
                   << (b.listed ? QStringLiteral("LISTED ") + safeList(b.answers) + u' ' + safeList(b.meanings)
                                : (b.error.isEmpty() ? QStringLiteral("not listed") : QStringLiteral("error: ") + safe(b.error)))
                   << "\n";
        for (const QString &e : r.errors)
            io.out << "  error: " << safe(e) << "\n";
    }
    io.out.flush();
    return r.errors.isEmpty() ? 0 : 1;
}

} // namespace mwb::cli
