#include "model/core/remediation/cmdletoutput.h"

#include "model/core/remediation/parameterkinds.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace mwb::remediation {

namespace {

QString boolFact(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QStringList normalizedLines(const QString &text)
{
    QString t = text;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    t.replace(u'\r', u'\n');
    return t.split(u'\n');
}

// "{a, b, c}" or "a, b" -> [a, b, c]
QStringList listValue(const QString &value)
{
    QString v = value.trimmed();
    if (v.startsWith(u'{') && v.endsWith(u'}'))
        v = v.mid(1, v.size() - 2);
    QStringList out;
    for (const QString &item : v.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty() && trimmed != QStringLiteral("..."))
            out << trimmed;
    }
    return out;
}

QString field(const OutputRecord &record, const QString &name)
{
    // Case-insensitive: admins sometimes paste `Select-Object name, status` output.
    for (auto it = record.begin(); it != record.end(); ++it)
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    return {};
}

bool hasField(const QList<OutputRecord> &records, const QString &name)
{
    for (const OutputRecord &r : records)
        for (auto it = r.begin(); it != r.end(); ++it)
            if (it.key().compare(name, Qt::CaseInsensitive) == 0)
                return true;
    return false;
}

bool isPrivateAddress(const QString &ip)
{
    if (isIpv4Address(ip)) {
        const QStringList o = ip.split(u'.');
        const int a = o.at(0).toInt();
        const int b = o.at(1).toInt();
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 169 && b == 254);
    }
    const QString l = ip.toLower();
    return l == u"::1" || l.startsWith(QStringLiteral("fc")) || l.startsWith(QStringLiteral("fd")) ||
           l.startsWith(QStringLiteral("fe80"));
}

bool servicesIncludeSmtp(const QString &services)
{
    if (services.contains(QStringLiteral("SMTP"), Qt::CaseInsensitive))
        return true;
    // The table form abbreviates services as flags, e.g. "IP.WS.": S is SMTP.
    static const QRegularExpression flags(QStringLiteral("^[IPUWSF.]{4,8}$"));
    return flags.match(services.trimmed()).hasMatch() && services.contains(u'S');
}

std::optional<QDateTime> parseShellDate(const QString &text)
{
    const QString t = text.trimmed();
    const QStringList formats = {QStringLiteral("M/d/yyyy h:mm:ss AP"), QStringLiteral("M/d/yyyy H:mm:ss"),
                                 QStringLiteral("d.M.yyyy H:mm:ss"), QStringLiteral("d/M/yyyy H:mm:ss"),
                                 QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-ddTHH:mm:ss")};
    const QLocale c = QLocale::c();
    for (const QString &f : formats) {
        const QDateTime dt = c.toDateTime(t, f);
        if (dt.isValid())
            return dt;
    }
    return std::nullopt;
}

void parseCertificates(ParsedOutput &out)
{
    int smtp = 0, validSmtp = 0, expiredSmtp = 0;
    const QDateTime now = QDateTime::currentDateTime();
    const OutputRecord *best = nullptr;
    QDateTime bestNotAfter;
    for (const OutputRecord &r : std::as_const(out.records)) {
        const QString status = field(r, QStringLiteral("Status"));
        const auto notAfter = parseShellDate(field(r, QStringLiteral("NotAfter")));
        const bool expired = (notAfter && *notAfter < now) || status.compare(QStringLiteral("DateInvalid"), Qt::CaseInsensitive) == 0;
        const bool valid = !expired && (status.isEmpty() || status.compare(QStringLiteral("Valid"), Qt::CaseInsensitive) == 0);
        const bool isSmtp = servicesIncludeSmtp(field(r, QStringLiteral("Services")));
        if (isSmtp) {
            ++smtp;
            if (valid)
                ++validSmtp;
            if (expired)
                ++expiredSmtp;
        }
        const bool selfSigned = field(r, QStringLiteral("IsSelfSigned")).compare(QStringLiteral("True"), Qt::CaseInsensitive) == 0;
        if (valid && !selfSigned && validateParameterValue(QStringLiteral("thumbprint"), field(r, QStringLiteral("Thumbprint"))).ok()) {
            const QDateTime na = notAfter.value_or(QDateTime());
            if (!best || (na.isValid() && (!bestNotAfter.isValid() || na > bestNotAfter))) {
                best = &r;
                bestNotAfter = na;
            }
        }
    }
    out.facts.insert(QStringLiteral("certificates"), QString::number(out.records.size()));
    out.facts.insert(QStringLiteral("smtpCertificates"), QString::number(smtp));
    out.facts.insert(QStringLiteral("validSmtp"), boolFact(validSmtp > 0));
    out.facts.insert(QStringLiteral("singleValidSmtp"), boolFact(validSmtp == 1 && smtp == 1));
    out.facts.insert(QStringLiteral("expiredSmtp"), boolFact(expiredSmtp > 0));
    if (best) {
        out.facts.insert(QStringLiteral("bestThumbprint"), field(*best, QStringLiteral("Thumbprint")));
        const QString issuer = field(*best, QStringLiteral("Issuer"));
        const QString subject = field(*best, QStringLiteral("Subject"));
        if (!issuer.isEmpty() && !subject.isEmpty())
            out.facts.insert(QStringLiteral("bestTlsCertificateName"), QStringLiteral("<I>%1<S>%2").arg(issuer, subject));
    }
    out.summary = QStringLiteral("%1 certificate(s); %2 enabled for SMTP, %3 of them valid%4.")
                      .arg(out.records.size())
                      .arg(smtp)
                      .arg(validSmtp)
                      .arg(expiredSmtp ? QStringLiteral(", %1 expired").arg(expiredSmtp) : QString());
}

void parseServices(ParsedOutput &out)
{
    QStringList stopped, running;
    for (const OutputRecord &r : std::as_const(out.records)) {
        const QString name = field(r, QStringLiteral("Name"));
        const QString status = field(r, QStringLiteral("Status"));
        if (status.compare(QStringLiteral("Running"), Qt::CaseInsensitive) == 0)
            running << name;
        else
            stopped << QStringLiteral("%1 (%2)").arg(name, status);
    }
    out.facts.insert(QStringLiteral("allRunning"), boolFact(stopped.isEmpty() && !running.isEmpty()));
    out.facts.insert(QStringLiteral("notRunning"), stopped.join(QStringLiteral(", ")));
    out.summary = stopped.isEmpty() ? QStringLiteral("All %1 service(s) are running.").arg(running.size())
                                    : QStringLiteral("Not running: %1.").arg(stopped.join(QStringLiteral(", ")));
}

void parseQueues(ParsedOutput &out)
{
    int unreachable = 0, retry = 0, submission = 0, total = 0, blocklist = 0, exchangeAuth = 0;
    QString unreachableQueue;
    static const QRegularExpression blocked(QStringLiteral("spamhaus|block ?list|blocklist|blacklist|blocked using"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (const OutputRecord &r : std::as_const(out.records)) {
        const QString identity = field(r, QStringLiteral("Identity"));
        const int count = field(r, QStringLiteral("MessageCount")).toInt();
        const QString status = field(r, QStringLiteral("Status"));
        const QString lastError = field(r, QStringLiteral("LastError"));
        total += count;
        if (identity.endsWith(QStringLiteral("\\Unreachable"), Qt::CaseInsensitive)) {
            unreachable += count;
            unreachableQueue = identity;
        }
        if (identity.endsWith(QStringLiteral("\\Submission"), Qt::CaseInsensitive))
            submission += count;
        if (status.compare(QStringLiteral("Retry"), Qt::CaseInsensitive) == 0)
            ++retry;
        if (blocked.match(lastError).hasMatch())
            ++blocklist;
        if (lastError.contains(QStringLiteral("5.7.3")))
            ++exchangeAuth;
    }
    out.facts.insert(QStringLiteral("queues"), QString::number(out.records.size()));
    out.facts.insert(QStringLiteral("messages"), QString::number(total));
    out.facts.insert(QStringLiteral("unreachableMessages"), boolFact(unreachable > 0));
    out.facts.insert(QStringLiteral("retryQueues"), boolFact(retry > 0));
    out.facts.insert(QStringLiteral("healthy"), boolFact(unreachable == 0 && retry == 0 && submission == 0));
    out.facts.insert(QStringLiteral("blocklistError"), boolFact(blocklist > 0));
    out.facts.insert(QStringLiteral("exchangeAuthError"), boolFact(exchangeAuth > 0));
    if (!unreachableQueue.isEmpty())
        out.facts.insert(QStringLiteral("unreachableQueue"), unreachableQueue);
    out.summary = QStringLiteral("%1 queue(s), %2 message(s); %3 in Unreachable, %4 queue(s) in Retry.")
                      .arg(out.records.size())
                      .arg(total)
                      .arg(unreachable)
                      .arg(retry);
}

void parseEdgeSyncTest(ParsedOutput &out)
{
    bool allNormal = !out.records.isEmpty();
    bool ldapUnavailable = false;
    int credentials = -1;
    static const QRegularExpression number(QStringLiteral("(\\d+)"));
    for (const OutputRecord &r : std::as_const(out.records)) {
        const QString status = field(r, QStringLiteral("SyncStatus"));
        if (status.compare(QStringLiteral("Normal"), Qt::CaseInsensitive) != 0)
            allNormal = false;
        if (field(r, QStringLiteral("FailureDetail")).contains(QStringLiteral("LDAP server is unavailable"), Qt::CaseInsensitive))
            ldapUnavailable = true;
        const auto m = number.match(field(r, QStringLiteral("CredentialRecords")));
        if (m.hasMatch())
            credentials = credentials < 0 ? m.captured(1).toInt() : qMin(credentials, m.captured(1).toInt());
    }
    out.facts.insert(QStringLiteral("syncNormal"), boolFact(allNormal));
    out.facts.insert(QStringLiteral("ldapUnavailable"), boolFact(ldapUnavailable));
    if (credentials >= 0) {
        out.facts.insert(QStringLiteral("credentialRecords"), QString::number(credentials));
        out.facts.insert(QStringLiteral("credentialsPresent"), boolFact(credentials > 0));
    }
    QString name = field(out.records.value(0), QStringLiteral("Name"));
    if (!name.isEmpty())
        out.facts.insert(QStringLiteral("edgeServer"), name);
    out.summary = QStringLiteral("SyncStatus %1%2%3.")
                      .arg(allNormal ? QStringLiteral("Normal") : QStringLiteral("not Normal"),
                           ldapUnavailable ? QStringLiteral(", the LDAP server is unavailable") : QString(),
                           credentials >= 0 ? QStringLiteral(", %1 credential record(s)").arg(credentials) : QString());
}

void parseReceiveConnectors(ParsedOutput &out)
{
    static const QRegularExpression port25(QStringLiteral(":(25|2525)\\b"));
    int withoutExchangeAuth = 0, notVerbose = 0;
    QString firstWithoutAuth, firstNotVerbose;
    for (const OutputRecord &r : std::as_const(out.records)) {
        QString identity = field(r, QStringLiteral("Identity"));
        if (identity.isEmpty())
            identity = field(r, QStringLiteral("Name"));
        const QString bindings = field(r, QStringLiteral("Bindings"));
        const QString auth = field(r, QStringLiteral("AuthMechanism"));
        if (!auth.isEmpty() && (bindings.isEmpty() || port25.match(bindings).hasMatch()) &&
            !auth.contains(QStringLiteral("ExchangeServer"), Qt::CaseInsensitive)) {
            ++withoutExchangeAuth;
            if (firstWithoutAuth.isEmpty())
                firstWithoutAuth = identity;
        }
        const QString level = field(r, QStringLiteral("ProtocolLoggingLevel"));
        if (!level.isEmpty() && level.compare(QStringLiteral("Verbose"), Qt::CaseInsensitive) != 0) {
            ++notVerbose;
            if (firstNotVerbose.isEmpty())
                firstNotVerbose = identity;
        }
    }
    if (hasField(out.records, QStringLiteral("AuthMechanism")))
        out.facts.insert(QStringLiteral("exchangeAuthAll"), boolFact(withoutExchangeAuth == 0));
    if (hasField(out.records, QStringLiteral("ProtocolLoggingLevel")))
        out.facts.insert(QStringLiteral("allVerbose"), boolFact(notVerbose == 0));
    if (!firstWithoutAuth.isEmpty())
        out.facts.insert(QStringLiteral("withoutExchangeAuth"), firstWithoutAuth);
    if (!firstNotVerbose.isEmpty())
        out.facts.insert(QStringLiteral("notVerbose"), firstNotVerbose);
    out.summary = QStringLiteral("%1 receive connector(s); %2 on port 25 without Exchange Server authentication; %3 without verbose logging.")
                      .arg(out.records.size())
                      .arg(withoutExchangeAuth)
                      .arg(notVerbose);
}

void parseSendConnectors(ParsedOutput &out)
{
    int notVerbose = 0, smartHosts = 0;
    QString firstNotVerbose, firstName;
    QStringList spaces;
    for (const OutputRecord &r : std::as_const(out.records)) {
        QString name = field(r, QStringLiteral("Name"));
        if (name.isEmpty())
            name = field(r, QStringLiteral("Identity"));
        if (firstName.isEmpty())
            firstName = name;
        const QString level = field(r, QStringLiteral("ProtocolLoggingLevel"));
        if (!level.isEmpty() && level.compare(QStringLiteral("Verbose"), Qt::CaseInsensitive) != 0) {
            ++notVerbose;
            if (firstNotVerbose.isEmpty())
                firstNotVerbose = name;
        }
        if (!listValue(field(r, QStringLiteral("SmartHosts"))).isEmpty())
            ++smartHosts;
        spaces << listValue(field(r, QStringLiteral("AddressSpaces")));
    }
    if (hasField(out.records, QStringLiteral("ProtocolLoggingLevel")))
        out.facts.insert(QStringLiteral("allVerbose"), boolFact(notVerbose == 0));
    if (!firstNotVerbose.isEmpty())
        out.facts.insert(QStringLiteral("notVerbose"), firstNotVerbose);
    if (!firstName.isEmpty())
        out.facts.insert(QStringLiteral("firstConnector"), firstName);
    out.facts.insert(QStringLiteral("usesSmartHost"), boolFact(smartHosts > 0));
    out.facts.insert(QStringLiteral("addressSpaces"), spaces.join(QStringLiteral(", ")));
    const OutputRecord first = out.records.value(0);
    const QString tlsDomain = field(first, QStringLiteral("TlsDomain"));
    if (hasField(out.records, QStringLiteral("TlsAuthLevel")))
        out.facts.insert(QStringLiteral("domainValidation"),
                         boolFact(field(first, QStringLiteral("TlsAuthLevel")).compare(QStringLiteral("DomainValidation"), Qt::CaseInsensitive) == 0 &&
                                  !tlsDomain.isEmpty()));
    QString tls;
    if (hasField(out.records, QStringLiteral("TlsAuthLevel")) || hasField(out.records, QStringLiteral("TlsDomain")))
        tls = QStringLiteral("; first connector: TlsAuthLevel %1, TlsDomain %2")
                  .arg(field(first, QStringLiteral("TlsAuthLevel")).isEmpty() ? QStringLiteral("(empty)") : field(first, QStringLiteral("TlsAuthLevel")),
                       tlsDomain.isEmpty() ? QStringLiteral("(empty)") : tlsDomain);
    out.summary = QStringLiteral("%1 send connector(s); address spaces: %2%3%4.")
                      .arg(out.records.size())
                      .arg(spaces.isEmpty() ? QStringLiteral("none shown") : spaces.join(QStringLiteral(", ")),
                           smartHosts ? QStringLiteral("; %1 route through a smart host").arg(smartHosts) : QString(), tls);
}

void parseTransportService(ParsedOutput &out)
{
    const OutputRecord r = out.records.value(0);
    const QStringList internal = listValue(field(r, QStringLiteral("InternalDNSServers")));
    const QStringList external = listValue(field(r, QStringLiteral("ExternalDNSServers")));
    QStringList privateOnes, publicOnes;
    for (const QString &ip : internal)
        (isPrivateAddress(ip) ? privateOnes : publicOnes) << ip;
    if (hasField(out.records, QStringLiteral("InternalDNSServers"))) {
        out.facts.insert(QStringLiteral("internalDnsSet"), boolFact(!internal.isEmpty()));
        if (!internal.isEmpty())
            out.facts.insert(QStringLiteral("internalDnsPrivateOnly"), boolFact(publicOnes.isEmpty()));
        if (!privateOnes.isEmpty())
            out.facts.insert(QStringLiteral("privateInternalDns"), privateOnes.join(u','));
    }
    if (hasField(out.records, QStringLiteral("ExternalDNSServers")))
        out.facts.insert(QStringLiteral("externalDnsSet"), boolFact(!external.isEmpty()));
    const QString receivePath = field(r, QStringLiteral("ReceiveProtocolLogPath"));
    const QString sendPath = field(r, QStringLiteral("SendProtocolLogPath"));
    if (hasField(out.records, QStringLiteral("ReceiveProtocolLogPath")) || hasField(out.records, QStringLiteral("SendProtocolLogPath")))
        out.facts.insert(QStringLiteral("hasLogPaths"), boolFact(!receivePath.isEmpty() && !sendPath.isEmpty()));
    QStringList parts;
    if (!internal.isEmpty())
        parts << QStringLiteral("internal DNS %1%2").arg(internal.join(QStringLiteral(", ")),
                                                           publicOnes.isEmpty() ? QString() : QStringLiteral(" (public servers mixed in: %1)").arg(publicOnes.join(QStringLiteral(", "))));
    else if (hasField(out.records, QStringLiteral("InternalDNSServers")))
        parts << QStringLiteral("internal DNS from the network adapter");
    if (!external.isEmpty())
        parts << QStringLiteral("external DNS %1").arg(external.join(QStringLiteral(", ")));
    if (!receivePath.isEmpty())
        parts << QStringLiteral("receive log %1").arg(receivePath);
    if (!sendPath.isEmpty())
        parts << QStringLiteral("send log %1").arg(sendPath);
    out.summary = parts.isEmpty() ? QStringLiteral("No DNS or log settings shown.") : parts.join(QStringLiteral("; ")) + u'.';
}

void parseResolveDns(ParsedOutput &out, const QString &text)
{
    static const QRegularExpression failure(QStringLiteral("DNS name does not exist|No DNS servers configured|timeout period expired|DNS server failure|ServerFailure"),
                                            QRegularExpression::CaseInsensitiveOption);
    QStringList addresses, exchangers;
    for (const OutputRecord &r : std::as_const(out.records)) {
        const QString ip = field(r, QStringLiteral("IPAddress"));
        if (!ip.isEmpty() && field(r, QStringLiteral("Section")).compare(QStringLiteral("Additional"), Qt::CaseInsensitive) != 0)
            addresses << ip;
        const QString mx = field(r, QStringLiteral("NameExchange"));
        if (!mx.isEmpty())
            exchangers << mx;
    }
    const bool failed = failure.match(text).hasMatch();
    if (failed)
        out.recognized = true;  // an error message is an answer too: the name does not resolve
    const bool resolved = !failed && (!addresses.isEmpty() || !exchangers.isEmpty());
    out.facts.insert(QStringLiteral("resolved"), boolFact(resolved));
    bool privateOnly = !addresses.isEmpty();
    for (const QString &a : addresses)
        privateOnly = privateOnly && isPrivateAddress(a);
    if (!addresses.isEmpty())
        out.facts.insert(QStringLiteral("privateOnly"), boolFact(privateOnly));
    out.facts.insert(QStringLiteral("addresses"), addresses.join(QStringLiteral(", ")));
    out.facts.insert(QStringLiteral("mailExchangers"), exchangers.join(QStringLiteral(", ")));
    if (failed)
        out.summary = QStringLiteral("The name did not resolve.");
    else
        out.summary = QStringLiteral("Resolved%1%2.")
                          .arg(addresses.isEmpty() ? QString() : QStringLiteral(" to %1").arg(addresses.join(QStringLiteral(", "))),
                               exchangers.isEmpty() ? QString() : QStringLiteral(" MX %1").arg(exchangers.join(QStringLiteral(", "))));
}

void parseEdgeSubscriptions(ParsedOutput &out)
{
    QStringList names;
    for (const OutputRecord &r : std::as_const(out.records)) {
        const QString n = field(r, QStringLiteral("Name"));
        if (!n.isEmpty())
            names << n;
    }
    out.facts.insert(QStringLiteral("subscribed"), boolFact(!names.isEmpty()));
    if (!names.isEmpty() && isHostLabel(names.first()))
        out.facts.insert(QStringLiteral("edgeServer"), names.first());
    out.summary = names.isEmpty() ? QStringLiteral("No Edge subscription.")
                                  : QStringLiteral("Edge subscription(s): %1.").arg(names.join(QStringLiteral(", ")));
}

void parseMailboxDatabases(ParsedOutput &out)
{
    QStringList dismounted;
    for (const OutputRecord &r : std::as_const(out.records))
        if (field(r, QStringLiteral("Mounted")).compare(QStringLiteral("True"), Qt::CaseInsensitive) != 0)
            dismounted << field(r, QStringLiteral("Name"));
    out.facts.insert(QStringLiteral("allMounted"), boolFact(dismounted.isEmpty()));
    if (!dismounted.isEmpty())
        out.facts.insert(QStringLiteral("dismounted"), dismounted.first());
    out.summary = dismounted.isEmpty() ? QStringLiteral("All %1 database(s) are mounted.").arg(out.records.size())
                                       : QStringLiteral("Not mounted: %1.").arg(dismounted.join(QStringLiteral(", ")));
}

void parseTestNetConnection(ParsedOutput &out)
{
    const OutputRecord r = out.records.value(0);
    const QString tcp = field(r, QStringLiteral("TcpTestSucceeded"));
    out.facts.insert(QStringLiteral("tcpSucceeded"), boolFact(tcp.compare(QStringLiteral("True"), Qt::CaseInsensitive) == 0));
    out.summary = QStringLiteral("TCP connection to %1 port %2 %3.")
                      .arg(field(r, QStringLiteral("ComputerName")), field(r, QStringLiteral("RemotePort")),
                           tcp.compare(QStringLiteral("True"), Qt::CaseInsensitive) == 0 ? QStringLiteral("succeeded")
                                                                                           : QStringLiteral("failed"));
}

} // namespace

QList<OutputRecord> parseFormatList(const QString &text)
{
    static const QRegularExpression property(QStringLiteral("^([A-Za-z][A-Za-z0-9_.-]*)\\s*: ?(.*)$"));
    QList<OutputRecord> records;
    OutputRecord current;
    QString lastKey;
    for (const QString &rawLine : normalizedLines(text)) {
        const QString line = rawLine;
        if (line.trimmed().isEmpty()) {
            if (!current.isEmpty())
                records << current;
            current.clear();
            lastKey.clear();
            continue;
        }
        const auto m = property.match(line);
        if (m.hasMatch()) {
            lastKey = m.captured(1);
            if (current.contains(lastKey)) {  // a new object without a blank line in between
                records << current;
                current.clear();
            }
            current.insert(lastKey, m.captured(2).trimmed());
        } else if (!lastKey.isEmpty() && line.front().isSpace()) {
            QString &value = current[lastKey];
            const QString more = line.trimmed();
            // Values wrapped at the console width continue on indented lines.
            value += (value.endsWith(u',') || value.endsWith(u'{')) ? u' ' + more : (value.isEmpty() ? more : u' ' + more);
        }
    }
    if (!current.isEmpty())
        records << current;
    return records;
}

QList<OutputRecord> parseFormatTable(const QString &text)
{
    const QStringList lines = normalizedLines(text);
    static const QRegularExpression dashes(QStringLiteral("^\\s*-+(\\s+-+)*\\s*$"));
    QList<OutputRecord> records;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!dashes.match(lines.at(i)).hasMatch() || lines.at(i - 1).trimmed().isEmpty())
            continue;
        const QString &header = lines.at(i - 1);
        const QString &rule = lines.at(i);
        // Column starts: where each run of dashes begins.
        QList<qsizetype> starts;
        for (qsizetype c = 0; c < rule.size(); ++c)
            if (rule.at(c) == u'-' && (c == 0 || rule.at(c - 1) == u' '))
                starts << c;
        QStringList names;
        for (qsizetype k = 0; k < starts.size(); ++k) {
            const qsizetype end = k + 1 < starts.size() ? starts.at(k + 1) : header.size();
            names << header.mid(starts.at(k), end - starts.at(k)).trimmed();
        }
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            const QString &row = lines.at(j);
            if (row.trimmed().isEmpty())
                break;
            OutputRecord record;
            for (qsizetype k = 0; k < starts.size(); ++k) {
                const qsizetype begin = k == 0 ? 0 : starts.at(k);
                const qsizetype end = k + 1 < starts.size() ? starts.at(k + 1) : row.size();
                if (begin < row.size() && !names.at(k).isEmpty())
                    record.insert(names.at(k), row.mid(begin, end - begin).trimmed());
            }
            // A row with an empty first column continues the row above (a value wrapped at
            // the console width, e.g. a long NameExchange of Resolve-DnsName).
            if (!records.isEmpty() && !names.isEmpty() && record.value(names.first()).isEmpty()) {
                OutputRecord &previous = records.last();
                for (auto it = record.begin(); it != record.end(); ++it)
                    if (!it.value().isEmpty())
                        previous[it.key()] += it.value();
            } else if (!record.isEmpty()) {
                records << record;
            }
            i = j;
        }
    }
    return records;
}

QList<OutputRecord> parseListOrTable(const QString &text)
{
    static const QRegularExpression listLine(QStringLiteral("^[A-Za-z][A-Za-z0-9_.-]*\\s*: "), QRegularExpression::MultilineOption);
    static const QRegularExpression ruleLine(QStringLiteral("^\\s*-{2,}(\\s+-{2,})*\\s*$"), QRegularExpression::MultilineOption);
    if (ruleLine.match(text).hasMatch() && !listLine.match(text).hasMatch())
        return parseFormatTable(text);
    const QList<OutputRecord> list = parseFormatList(text);
    if (!list.isEmpty())
        return list;
    return parseFormatTable(text);
}

QStringList cmdletOutputParsers()
{
    return {QStringLiteral("exchange-certificate"), QStringLiteral("service"), QStringLiteral("queue"),
            QStringLiteral("edgesync-test"), QStringLiteral("receive-connector"), QStringLiteral("send-connector"),
            QStringLiteral("transport-service"), QStringLiteral("resolve-dns"), QStringLiteral("edge-subscription"),
            QStringLiteral("mailbox-database"), QStringLiteral("test-netconnection"), QStringLiteral("boolean")};
}

bool isKnownCmdletOutputParser(const QString &id)
{
    return cmdletOutputParsers().contains(id);
}

ParsedOutput parseCmdletOutput(const QString &parser, const QString &text)
{
    ParsedOutput out;
    out.parser = parser;
    if (text.size() > 4 * 1024 * 1024) {
        out.summary = QStringLiteral("The pasted text is too large to read (over 4 MB).");
        return out;
    }
    if (parser == u"boolean") {
        const QString t = text.trimmed();
        if (t.compare(QStringLiteral("True"), Qt::CaseInsensitive) == 0 || t.compare(QStringLiteral("False"), Qt::CaseInsensitive) == 0) {
            out.recognized = true;
            out.facts.insert(QStringLiteral("value"), t.toLower());
            out.summary = QStringLiteral("The command answered %1.").arg(t);
        }
        return out;
    }
    out.records = parseListOrTable(text);
    // Which property marks output of this cmdlet (so a wrong paste is not misread).
    static const QMap<QString, QString> marker = {
        {QStringLiteral("exchange-certificate"), QStringLiteral("Thumbprint")},
        {QStringLiteral("service"), QStringLiteral("Status")},
        {QStringLiteral("queue"), QStringLiteral("Identity")},
        {QStringLiteral("edgesync-test"), QStringLiteral("SyncStatus")},
        {QStringLiteral("receive-connector"), QStringLiteral("Identity")},
        {QStringLiteral("send-connector"), QStringLiteral("AddressSpaces")},
        {QStringLiteral("transport-service"), QString()},
        {QStringLiteral("resolve-dns"), QStringLiteral("Type")},
        {QStringLiteral("edge-subscription"), QStringLiteral("Name")},
        {QStringLiteral("mailbox-database"), QStringLiteral("Mounted")},
        {QStringLiteral("test-netconnection"), QStringLiteral("TcpTestSucceeded")},
    };
    const QString needed = marker.value(parser);
    if (parser == u"transport-service") {
        out.recognized = hasField(out.records, QStringLiteral("InternalDNSServers")) || hasField(out.records, QStringLiteral("ExternalDNSServers")) ||
                         hasField(out.records, QStringLiteral("ReceiveProtocolLogPath")) || hasField(out.records, QStringLiteral("SendProtocolLogPath"));
    } else if (parser == u"receive-connector" || parser == u"send-connector") {
        out.recognized = hasField(out.records, QStringLiteral("Identity")) || hasField(out.records, QStringLiteral("Name"));
        out.recognized = out.recognized && (hasField(out.records, QStringLiteral("AuthMechanism")) || hasField(out.records, QStringLiteral("ProtocolLoggingLevel")) ||
                                            hasField(out.records, QStringLiteral("Bindings")) || hasField(out.records, QStringLiteral("AddressSpaces")) ||
                                            hasField(out.records, QStringLiteral("TlsDomain")) || hasField(out.records, QStringLiteral("Fqdn")));
    } else if (parser == u"queue") {
        out.recognized = hasField(out.records, QStringLiteral("Identity")) &&
                         (hasField(out.records, QStringLiteral("MessageCount")) || hasField(out.records, QStringLiteral("LastError")));
    } else if (parser == u"service") {
        out.recognized = hasField(out.records, QStringLiteral("Status")) && hasField(out.records, QStringLiteral("Name"));
    } else if (!needed.isEmpty()) {
        out.recognized = hasField(out.records, needed);
    }
    if (parser == u"resolve-dns") {
        out.records.erase(std::remove_if(out.records.begin(), out.records.end(),
                                         [](const OutputRecord &r) { return field(r, QStringLiteral("Type")).isEmpty(); }),
                          out.records.end());
        parseResolveDns(out, text);
        return out;
    }
    if (!out.recognized) {
        out.records.clear();
        out.summary = QStringLiteral("This does not look like the output of the command above; answer the question by hand.");
        return out;
    }
    if (parser == u"exchange-certificate")
        parseCertificates(out);
    else if (parser == u"service")
        parseServices(out);
    else if (parser == u"queue")
        parseQueues(out);
    else if (parser == u"edgesync-test")
        parseEdgeSyncTest(out);
    else if (parser == u"receive-connector")
        parseReceiveConnectors(out);
    else if (parser == u"send-connector")
        parseSendConnectors(out);
    else if (parser == u"transport-service")
        parseTransportService(out);
    else if (parser == u"edge-subscription")
        parseEdgeSubscriptions(out);
    else if (parser == u"mailbox-database")
        parseMailboxDatabases(out);
    else if (parser == u"test-netconnection")
        parseTestNetConnection(out);
    return out;
}

} // namespace mwb::remediation
