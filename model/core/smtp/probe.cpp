#include "model/core/smtp/probe.h"

#include "model/core/common/exchangebuild.h"
#include "model/core/common/safetext.h"

#include <QHostAddress>
#include <QJsonArray>

namespace mwb::smtp {

QList<Step> probeSteps(TlsMode mode, bool anonymousTls)
{
    QList<Step> steps{Step::connect(), Step::ehlo()};
    if (mode == TlsMode::StartTls)
        steps << (anonymousTls ? Step::anonymousTls() : Step::startTls()) << Step::ehlo();
    steps << Step::quit();
    return steps;
}

QList<Step> quickTestSteps(TlsMode mode, const QString &from, const QString &to, const QByteArray &message,
                           bool useBdat, int bdatChunk)
{
    QList<Step> steps{Step::connect(), Step::ehlo()};
    if (mode == TlsMode::StartTls)
        steps << Step::startTls() << Step::ehlo();
    steps << Step::mailFrom(from) << Step::rcptTo(to);
    steps << (useBdat ? Step::bdat(message, bdatChunk) : Step::data(message));
    steps << Step::quit();
    return steps;
}

QJsonObject capabilitiesJson(const EhloCapabilities &caps)
{
    return QJsonObject{
        {QStringLiteral("greeting"), caps.greeting},
        {QStringLiteral("keywords"), QJsonArray::fromStringList(caps.keywords)},
        {QStringLiteral("size"), caps.size},
        {QStringLiteral("startTls"), caps.startTls},
        {QStringLiteral("anonymousTls"), caps.anonymousTls},
        {QStringLiteral("auth"), QJsonArray::fromStringList(caps.authMechanisms)},
        {QStringLiteral("exps"), QJsonArray::fromStringList(caps.exps)},
        {QStringLiteral("eightBitMime"), caps.eightBitMime},
        {QStringLiteral("binaryMime"), caps.binaryMime},
        {QStringLiteral("chunking"), caps.chunking},
        {QStringLiteral("smtpUtf8"), caps.smtpUtf8},
        {QStringLiteral("dsn"), caps.dsn},
        {QStringLiteral("pipelining"), caps.pipelining},
        {QStringLiteral("enhancedStatusCodes"), caps.enhancedStatusCodes},
    };
}

static QString directionName(Direction d)
{
    switch (d) {
    case Direction::Client: return QStringLiteral("client");
    case Direction::Server: return QStringLiteral("server");
    case Direction::Info: return QStringLiteral("info");
    case Direction::Warning: return QStringLiteral("warning");
    case Direction::Error: return QStringLiteral("error");
    case Direction::Connect:      // not console lines (the log's '+' and '-' records)
    case Direction::Disconnect: return QStringLiteral("info");
    }
    return {};
}

ProbeSummary summariseProbe(const SmtpClient &client)
{
    ProbeSummary s;
    const ClientOptions &o = client.options();
    QList<EhloCapabilities> ehlos;
    QJsonArray steps;
    for (const StepResult &r : client.results()) {
        steps.append(r.toJson());
        if (!r.ok)
            s.problems.append(QStringLiteral("%1 failed: %2").arg(r.name, r.error.isEmpty() ? r.reply.summary() : r.error));
        if (r.kind == Step::Ehlo && r.ok)
            ehlos.append(EhloCapabilities::parse(r.reply));
    }
    if (client.results().isEmpty())
        s.problems.append(QStringLiteral("nothing was run"));
    const TlsInfo &tls = client.tlsInfo();
    if (o.mode != TlsMode::Plain && !tls.established)
        s.problems.append(QStringLiteral("TLS was not established"));
    if (!o.expectedName.isEmpty()) {
        if (!tls.established)
            s.problems.append(QStringLiteral("the name %1 could not be checked without TLS").arg(o.expectedName));
        else if (!tls.nameCheck.matches)
            s.problems.append(tls.nameCheck.explanation);
    }
    s.ok = s.problems.isEmpty();

    QJsonArray transcript;
    for (const TranscriptLine &l : client.transcript())
        transcript.append(QJsonObject{{QStringLiteral("dir"), directionName(l.direction)},
                                      {QStringLiteral("text"), l.text},
                                      {QStringLiteral("sincePreviousMs"), l.sincePreviousMs},
                                      {QStringLiteral("sinceConnectMs"), l.sinceConnectMs}});
    QJsonObject json{
        {QStringLiteral("tool"), QStringLiteral("mwb")},
        {QStringLiteral("host"), o.host},
        {QStringLiteral("port"), int(o.port)},
        {QStringLiteral("mode"), tlsModeName(o.mode)},
        {QStringLiteral("ehlo"), o.ehloName},
        {QStringLiteral("ok"), s.ok},
        {QStringLiteral("banner"), client.bannerText()},
        {QStringLiteral("capabilities"), ehlos.isEmpty() ? QJsonObject() : capabilitiesJson(ehlos.last())},
        {QStringLiteral("tls"), tls.toJson()},
        {QStringLiteral("nameCheck"), tls.nameCheck.toJson()},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("problems"), QJsonArray::fromStringList(s.problems)},
        {QStringLiteral("transcript"), transcript},
    };
    if (ehlos.size() > 1)
        json.insert(QStringLiteral("capabilitiesBeforeTls"), capabilitiesJson(ehlos.first()));
    // An Exchange build in the banner (or the EHLO greeting): product, update and support status.
    QString build = findExchangeBuild(client.bannerText());
    if (build.isEmpty() && !ehlos.isEmpty())
        build = findExchangeBuild(ehlos.last().greeting);
    const ExchangeBuild exchange = build.isEmpty() ? ExchangeBuild() : identifyExchangeBuild(build);
    if (!exchange.build.isEmpty())
        json.insert(QStringLiteral("exchange"), exchange.toJson());
    if (!tls.established && !o.expectedName.isEmpty()) {
        QJsonObject nc = tls.nameCheck.toJson();
        nc.insert(QStringLiteral("expected"), o.expectedName);
        nc.insert(QStringLiteral("checked"), false);
        json.insert(QStringLiteral("nameCheck"), nc);
    }
    s.json = json;

    // Text for a terminal: every value the peer chose (banner, capabilities, certificate fields,
    // replies) goes through the one escaper as a single line, so it can neither drive the terminal
    // nor fake a line of its own.
    const auto safe = [](const QString &v) { return escapeControls(v); };
    QString t;
    t += QStringLiteral("Probe %1 port %2 (%3): %4\n").arg(safe(o.host)).arg(o.port).arg(tlsModeName(o.mode),
                                                                                     s.ok ? QStringLiteral("OK") : QStringLiteral("FAILED"));
    t += QStringLiteral("Banner: %1\n").arg(safe(client.bannerText()));
    if (!exchange.build.isEmpty())
        t += QStringLiteral("Exchange: %1\n").arg(safe(exchange.explanation()));
    if (!ehlos.isEmpty())
        t += QStringLiteral("Capabilities: %1\n").arg(safe(ehlos.last().keywords.join(QStringLiteral(", "))));
    if (tls.established) {
        t += QStringLiteral("TLS: %1, %2 (%3 bits)\n").arg(safe(tls.protocol), safe(tls.cipher)).arg(tls.cipherBits);
        for (int i = 0; i < tls.chain.size(); ++i) {
            const Certificate &c = tls.chain.at(i);
            const CertificateKey key = c.key();
            t += QStringLiteral("Certificate %1: %2\n  issuer      %3\n  SANs        %4\n  valid       %5 .. %6\n"
                                "  key         %7 %8 bits, %9\n  thumbprint  %10\n  SHA-256     %11\n  TlsCertificateName %12\n")
                     .arg(i)
                     .arg(safe(c.subject), safe(c.issuer), safe(c.alternateNames.join(QStringLiteral(", "))),
                          c.notBefore().toString(Qt::ISODate), c.notAfter().toString(Qt::ISODate), safe(key.type))
                     .arg(key.bits)
                     .arg(safe(c.signatureAlgorithm()), c.thumbprint, c.sha256(), safe(c.tlsCertificateName()));
        }
        t += QStringLiteral("Verification: %1\n").arg(safe(tls.verificationSummary));
        t += QStringLiteral("Name check: %1\n").arg(safe(tls.nameCheck.explanation));
    }
    t += QStringLiteral("Steps:\n");
    for (const StepResult &r : client.results())
        t += QStringLiteral("  %1 %2 %3 ms %4\n").arg(r.ok ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), safe(r.name).leftJustified(10))
                 .arg(r.elapsedMs, 6).arg(safe(r.ok ? r.reply.summary() : r.error));
    for (const QString &p : std::as_const(s.problems))
        t += QStringLiteral("Problem: %1\n").arg(safe(p));
    s.text = t;
    return s;
}

void addTlsVersionVerdict(ProbeSummary *summary, const SmtpClient &client, const QString &requested)
{
    const TlsInfo &tls = client.tlsInfo();
    const bool exchange = client.bannerText().contains(QStringLiteral("Microsoft ESMTP MAIL Service"), Qt::CaseInsensitive);
    QString outcome, explanation;
    if (tls.established) {
        outcome = QStringLiteral("negotiated");
        explanation = QStringLiteral("The server accepted TLS %1.").arg(requested);
        if (requested == u"1.3" && exchange)
            explanation += QStringLiteral(" Unusual for Exchange: Exchange 2019 CU15 and Exchange Server SE support TLS 1.3 for "
                                          "HTTPS, not for SMTP (as of 2025); something in front of it (a load balancer, a "
                                          "firewall's SMTP proxy) may terminate TLS.");
    } else {
        outcome = QStringLiteral("refused");
        explanation = QStringLiteral("The handshake with only TLS %1 offered did not succeed.").arg(requested);
        if (requested == u"1.3")
            explanation += exchange ? QStringLiteral(" Expected for Exchange: Exchange 2019 CU15 and Exchange Server SE support TLS 1.3 "
                                                     "for HTTPS only, not for SMTP (as of 2025); SMTP uses TLS 1.2. Not a fault.")
                                    : QStringLiteral(" The server (or its TLS library or OS) does not support TLS 1.3; TLS 1.2 remains "
                                                     "the common version for SMTP.");
        else
            explanation += QStringLiteral(" TLS 1.2 is what Exchange 2016/2019/SE need for SMTP (TLS 1.0/1.1 disabled); check "
                                          "the server's SCHANNEL settings (TLS 1.2 enabled, .NET SchUseStrongCrypto).");
    }
    summary->json.insert(QStringLiteral("tlsVersion"), QJsonObject{{QStringLiteral("requested"), requested},
                                                                   {QStringLiteral("outcome"), outcome},
                                                                   {QStringLiteral("explanation"), explanation}});
    summary->text += QStringLiteral("TLS version %1 requested: %2 - %3\n").arg(requested, outcome, explanation);
}

void addTlsaVerdict(ProbeSummary *summary, const SmtpClient &client, const MxTlsa &lookup)
{
    const TlsaCheck check = verifyTlsa(lookup.records, client.tlsInfo().chain);
    QJsonArray records;
    for (const TlsaRecord &r : lookup.records)
        records.append(tlsaRecordJson(r));
    QJsonObject json = check.toJson();
    json.insert(QStringLiteral("name"), lookup.name);
    json.insert(QStringLiteral("dnssec"), lookup.dnssec);
    json.insert(QStringLiteral("records"), records);
    json.insert(QStringLiteral("error"), lookup.error);
    QString explanation = check.explanation;
    if (check.result != u"none" && lookup.dnssec != u"validated")
        explanation += QStringLiteral(" The resolver did not validate the TLSA answer with DNSSEC (AD=0): senders only use "
                                      "DANE for DNSSEC-signed zones (RFC 7672 2.2), so they would ignore these records.");
    json.insert(QStringLiteral("explanation"), explanation);
    if (check.result == u"mismatch") {
        summary->problems.append(QStringLiteral("TLSA mismatch: ") + check.explanation);
        summary->ok = false;
        summary->json.insert(QStringLiteral("ok"), false);
        summary->json.insert(QStringLiteral("problems"), QJsonArray::fromStringList(summary->problems));
        summary->text.replace(QStringLiteral("): OK\n"), QStringLiteral("): FAILED\n"));
    }
    summary->json.insert(QStringLiteral("tlsa"), json);
    summary->text += QStringLiteral("TLSA %1 (DNSSEC %2): %3 - %4\n")
                         .arg(escapeControls(lookup.name), lookup.dnssec, check.result, escapeControls(explanation));
}

void addMtaStsVerdict(ProbeSummary *summary, const SmtpClient &client, const QString &domain, const QString &host,
                      const MtaStsReport &report, const QStringList &lookupErrors)
{
    const MtaStsFetch &fetch = report.policy;
    const MtaStsPolicy &policy = fetch.policy;
    QJsonObject json{{QStringLiteral("domain"), domain},
                     {QStringLiteral("host"), host},
                     {QStringLiteral("records"), QJsonArray::fromStringList(report.records)},
                     {QStringLiteral("policyUrl"), fetch.url},
                     {QStringLiteral("policyFetched"), fetch.fetched},
                     {QStringLiteral("contentType"), fetch.contentType},
                     {QStringLiteral("errors"), QJsonArray::fromStringList(lookupErrors)}};
    QString result, explanation;
    if (!report.record.valid) {
        result = QStringLiteral("no-policy");
        explanation = report.record.problem.isEmpty() ? QStringLiteral("No MTA-STS record.") : report.record.problem + u'.';
        if (!lookupErrors.isEmpty())
            explanation += QStringLiteral(" (%1)").arg(lookupErrors.join(QStringLiteral("; ")));
    } else if (!fetch.fetched) {
        result = QStringLiteral("no-policy");
        explanation = QStringLiteral("The _mta-sts record is published but the policy could not be fetched: %1. Senders "
                                     "without a cached policy deliver as without MTA-STS.").arg(fetch.error);
    } else if (!fetch.contentTypeValid) {
        result = QStringLiteral("no-policy");
        explanation = QStringLiteral("The policy is not usable: %1.").arg(fetch.contentTypeProblem);
    } else if (!policy.valid) {
        result = QStringLiteral("no-policy");
        explanation = QStringLiteral("The policy is invalid: %1.").arg(policy.problems.join(QStringLiteral("; ")));
    }
    if (result.isEmpty() && !QHostAddress(host).isNull()) {
        result = QStringLiteral("not-checked");
        explanation = QStringLiteral("%1 is an address; MTA-STS matches MX host names (probe the MX by its name).").arg(host);
    }
    bool enforce = false;
    if (result.isEmpty()) {
        enforce = policy.mode == u"enforce";
        json.insert(QStringLiteral("mode"), policy.mode);
        json.insert(QStringLiteral("mx"), QJsonArray::fromStringList(policy.mx));
        QString pattern;
        for (const QString &p : policy.mx)
            if (pattern.isEmpty() && mtaStsMxMatches(host, p))
                pattern = p;
        json.insert(QStringLiteral("mxMatch"), !pattern.isEmpty());
        json.insert(QStringLiteral("matchedPattern"), pattern);
        // RFC 8461 4.2: the certificate must chain to a root the sender trusts, carry the MX host
        // name and be within its dates (the chain verification covers the dates).
        const TlsInfo &tls = client.tlsInfo();
        QString certificateProblem;
        if (!tls.established)
            certificateProblem = QStringLiteral("no TLS session: MTA-STS requires STARTTLS with a valid certificate");
        else if (!tls.verified)
            certificateProblem = tls.verificationSummary;
        else if (const NameCheck name = checkName(tls.chain.value(0), host); !name.matches)
            certificateProblem = name.explanation;
        json.insert(QStringLiteral("certificateValid"), certificateProblem.isEmpty());
        json.insert(QStringLiteral("certificateProblem"), certificateProblem);
        const QString consequence = enforce ? QStringLiteral("senders that enforce the policy (Exchange Online among them) do not "
                                                             "deliver to it (4.4.8/5.4.8)")
                                            : QStringLiteral("in mode %1 senders still deliver and only report it (TLS-RPT)").arg(policy.mode);
        if (pattern.isEmpty()) {
            result = QStringLiteral("mismatch");
            explanation = QStringLiteral("%1 matches no mx pattern of the policy (%2): %3.")
                              .arg(host, policy.mx.join(QStringLiteral(", ")), consequence);
        } else if (!certificateProblem.isEmpty()) {
            result = QStringLiteral("mismatch");
            explanation = QStringLiteral("%1 matches mx: %2, but its certificate is not valid for it (%3): %4.")
                              .arg(host, pattern, certificateProblem, consequence);
        } else {
            result = QStringLiteral("match");
            explanation = QStringLiteral("%1 matches mx: %2 and presents a valid certificate for it.").arg(host, pattern);
        }
    }
    json.insert(QStringLiteral("result"), result);
    json.insert(QStringLiteral("explanation"), explanation);
    if (result == u"mismatch" && enforce) {
        summary->problems.append(QStringLiteral("MTA-STS mismatch: ") + explanation);
        summary->ok = false;
        summary->json.insert(QStringLiteral("ok"), false);
        summary->json.insert(QStringLiteral("problems"), QJsonArray::fromStringList(summary->problems));
        summary->text.replace(QStringLiteral("): OK\n"), QStringLiteral("): FAILED\n"));
    }
    summary->json.insert(QStringLiteral("mtaSts"), json);
    summary->text += QStringLiteral("MTA-STS %1%2: %3 - %4\n")
                         .arg(escapeControls(domain),
                              policy.mode.isEmpty() || !fetch.fetched ? QString() : QStringLiteral(" (mode %1)").arg(escapeControls(policy.mode)),
                              result, escapeControls(explanation));
}

} // namespace mwb::smtp
