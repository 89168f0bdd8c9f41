// The traffic simulation: journeys of messages across the servers, each SMTP hop written as the
// matching Send log session on the sending server and Receive log session on the receiving server
// (same timestamps), message tracking events on every server, EXO exports, and the injected faults.
//
// Output is produced by a time-ordered event loop: a journey starting at time T only creates
// sessions and tracking events at times >= T, so every line earlier than the next journey's start
// can be written immediately. That keeps memory bounded for the 1 GiB benchmark and interleaves
// the sessions in every file exactly as a busy transport service would.
#include "generator.h"
#include "output.h"
#include "textutil.h"
#include "world.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace loggen {

const std::vector<std::string> &faultRules()
{
    static const std::vector<std::string> v{
        "smtp-data-not-terminated", "tls-subject-mismatch", "tls-certificate-not-found", "starttls-required",
        "exchange-auth-failed", "dns-prx2", "dns-query-failed", "no-matching-connector", "blocklisted",
        "relay-denied", "auth-failed", "recipient-unknown", "message-too-large", "queue-expired",
        "message-delayed", "session-idle-gap", "session-unused", "connection-dropped",
        // Added by the knowledge base beyond the contract's table:
        "message-hop-missing"};
    return v;
}

void appendIsoTime(std::string &out, std::int64_t ms) { appendIso(out, ms); }

std::int64_t parseByteSize(std::string_view text)
{
    if (text.empty())
        return -1;
    std::int64_t mult = 1;
    char last = text.back();
    if (last == 'B' || last == 'b') {
        text.remove_suffix(1);
        if (text.empty())
            return -1;
        last = text.back();
        if (last == 'i' || last == 'I') {
            text.remove_suffix(1);
            if (text.empty())
                return -1;
            last = text.back();
        }
    }
    switch (last) {
    case 'k': case 'K': mult = 1024; break;
    case 'm': case 'M': mult = 1024 * 1024; break;
    case 'g': case 'G': mult = 1024LL * 1024 * 1024; break;
    case 't': case 'T': mult = 1024LL * 1024 * 1024 * 1024; break;
    default: break;
    }
    if (mult != 1)
        text.remove_suffix(1);
    if (text.empty() || text.size() > 15)
        return -1;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v * mult;
}

namespace {

const char *kProtocolFields =
    "date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context";

enum Tf {
    TDateTime, TClientIp, TClientHost, TServerIp, TServerHost, TSourceContext, TConnector, TSource, TEvent,
    TInternalId, TMessageId, TNetworkId, TRecipients, TRecipientStatus, TTotalBytes, TRecipientCount, TRelated,
    TReference, TSubject, TSender, TReturnPath, TMessageInfo, TDirectionality, TTenantId, TOrigClientIp,
    TOrigServerIp, TCustomData, TTrafficType, TLogId, TSchemaVersion, TCount
};

const char *const kTrackingFieldNames[TCount] = {
    "date-time", "client-ip", "client-hostname", "server-ip", "server-hostname", "source-context", "connector-id",
    "source", "event-id", "internal-message-id", "message-id", "network-message-id", "recipient-address",
    "recipient-status", "total-bytes", "recipient-count", "related-recipient-address", "reference",
    "message-subject", "sender-address", "return-path", "message-info", "directionality", "tenant-id",
    "original-client-ip", "original-server-ip", "custom-data", "transport-traffic-type", "log-id",
    "schema-version"};

struct PLine {
    std::int64_t t;
    bool noLocal;
    std::string body;   // "event,data,context", already quoted
};

struct Session {
    int stream = -1;
    int server = -1;
    std::string connector, id, local, remote;
    std::vector<PLine> lines;
    std::size_t next = 0;
    std::int64_t startMs = 0;
    bool receive = false;
};

struct HeapItem {
    std::int64_t t;
    std::uint64_t order;
    Session *s;
};
struct HeapLater {
    bool operator()(const HeapItem &a, const HeapItem &b) const
    {
        return a.t != b.t ? a.t > b.t : a.order > b.order;
    }
};

struct TItem {
    std::int64_t t;
    std::uint64_t order;
    int stream;
    std::string line;
};
struct TLater {
    bool operator()(const TItem &a, const TItem &b) const { return a.t != b.t ? a.t > b.t : a.order > b.order; }
};

struct Msg {
    std::string id, netId, sender, subject, direction;
    std::vector<std::string> rcpts;
    std::int64_t size = 0;
    std::int64_t firstMs = 0;
    std::map<int, std::uint64_t> internalIds;
    bool counted = false;
};

struct ExoRecord {
    std::int64_t t;
    unsigned extra;
    std::string sender, rcpt, status, events, subject, mid, netId, clientIp, toIp, direction, connector;
    std::int64_t size;
};

struct FaultRec {
    std::string rule;
    std::vector<std::pair<int, std::string>> sessions;   // server index, session id
    std::vector<std::string> messageIds;
    std::set<int> servers;
    std::int64_t firstMs = std::numeric_limits<std::int64_t>::max();
    std::int64_t lastMs = std::numeric_limits<std::int64_t>::min();
    bool background = false;
    std::int64_t count = 0;
    // The configuration fault behind this occurrence, for the faults one configuration error causes
    // on several servers: occurrences with the same cause are one fault (one thing to fix).
    std::string cause;
};

// What each injected fault looks like in the logs, for the manifest's readers.
std::pair<std::vector<const char *>, const char *> expectedEvidence(const std::string &rule)
{
    static const std::map<std::string, std::pair<std::vector<const char *>, const char *>> table{
        {"smtp-data-not-terminated", {{"354", "451 4.7.0", "421 4.4.2"}, "354 then silence, then a time-out (Receive: 451 4.7.0 Timeout waiting for client input; Send side as in seed 000: the remote 421 4.4.2 timeout and tracking DEFER) or a remote reset; no 250"}},
        {"tls-subject-mismatch", {{"450 4.4.317"}, "450 4.4.317 Cannot establish session - SubjectMismatch; tracking DEFER"}},
        {"tls-certificate-not-found", {{"454 4.7.5"}, "TlsCertificateName ... was not found or is not valid; 454 4.7.5 to STARTTLS"}},
        {"starttls-required", {{"530 5.7.3", "451 5.7.3"}, "5.7.3 STARTTLS is required"}},
        {"exchange-auth-failed", {{"451 5.7.3"}, "EHLO without X-EXPS/X-ANONYMOUSTLS between Exchange servers; 451 5.7.3 Cannot achieve Exchange Server authentication; tracking DEFER"}},
        {"dns-prx2", {{"451 4.7.0"}, "451 4.7.0 Temporary server error. Please try again later. PRX2 (Receive and Send side; tracking DEFER)"}},
        {"dns-query-failed", {{"451 4.4.0"}, "tracking DEFER: DNS query failed ... DnsQueryFailed: ErrorRetry"}},
        {"no-matching-connector", {{"451 4.4.0"}, "tracking DEFER: Unreachable: A matching connector cannot be found to route the external recipient"}},
        {"blocklisted", {{"550 5.7.1"}, "550 5.7.1 Service unavailable, Client host [...] blocked using Spamhaus; tracking FAIL"}},
        {"relay-denied", {{"550 5.7.54", "550 5.7.64", "550 5.7.1"}, "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain (a device on Default Frontend), or 550 5.7.64 TenantAttribution; Relay Access Denied / 550 5.7.1 Unable to relay from Exchange Online (the gateway's Send log, tracking FAIL)"}},
        {"auth-failed", {{"535 5.7.3"}, "Inbound AUTH LOGIN failed because of LogonDenied; 535 5.7.3 Authentication unsuccessful"}},
        {"recipient-unknown", {{"550 5.1.10", "550 5.1.1"}, "550 5.1.10 RESOLVER.ADR.RecipientNotFound at RCPT; tracking FAIL 550 5.1.1 RESOLVER.ADR.ExRecipNotFound"}},
        {"message-too-large", {{"552 5.3.4"}, "552 5.3.4 Message size exceeds fixed maximum message size after MAIL FROM SIZE="}},
        {"queue-expired", {{"550 4.4.7"}, "RECEIVE two days earlier (own tracking file), DEFER, then FAIL 550 4.4.7 QUEUE.Expired"}},
        {"message-delayed", {{}, "about 47 minutes between first RECEIVE and the final SEND"}},
        {"session-idle-gap", {{}, "about 4 minutes of silence inside a session that then completes with 250 2.6.0"}},
        {"session-unused", {{}, "connections without MAIL: banner then reset, or EHLO then QUIT"}},
        {"connection-dropped", {{}, "Remote(ConnectionReset) after RCPT, or Remote(SocketError) during BDAT with tracking DEFER 451 4.4.397"}},
        {"message-hop-missing", {{}, "SEND from EX01 to EX02 (Send session queued by EX02), but no RECEIVE or Receive session on EX02"}},
    };
    auto it = table.find(rule);
    if (it == table.end())
        return {{}, ""};
    return it->second;
}

std::string isoOf(std::int64_t ms)
{
    std::string s;
    appendIso(s, ms);
    return s;
}

std::string fmtKbps(std::int64_t bytes, int millis)
{
    // "11511 bytes in 0.102, 109,173 KB/sec" — the rate printed with a comma before three decimals.
    std::string s;
    appendUInt(s, static_cast<std::uint64_t>(bytes));
    s.append(" bytes in ");
    appendUInt(s, static_cast<std::uint64_t>(millis / 1000));
    s.push_back('.');
    appendPadded(s, static_cast<std::uint64_t>(millis % 1000), 3);
    s.append(", ");
    const double kbps = static_cast<double>(bytes) / 1024.0 / (millis / 1000.0);
    const auto milli = static_cast<std::uint64_t>(kbps * 1000.0);
    appendUInt(s, milli / 1000);
    s.push_back(',');
    appendPadded(s, milli % 1000, 3);
    s.append(" KB/sec");
    return s;
}

} // namespace

class Generator::Impl {
public:
    explicit Impl(const Options &o) : opt(o), rng(o.seed * 0x2545F4914F6CDD1DULL + 0x1234567ULL), out(o.outDir, o.maxFileBytes) {}

    bool run(std::string &error);

    // ---- world -------------------------------------------------------------------------------
    const Options &opt;
    Rng rng;
    Output out;
    std::vector<Server> servers;
    std::vector<int> mailboxes, edges;
    Cert publicCert, exoCert, wrongCert;
    std::string trackingVersion;
    std::vector<int> trackingColumns;
    std::vector<RemoteHost> internetHosts;
    RemoteHost exoTarget;     // EXO as the server for hybrid/cloud mailboxes
    std::uint64_t nextRecordId = 167503004549ULL;

    // ---- event loop state ---------------------------------------------------------------------
    std::vector<HeapItem> heap;
    std::vector<TItem> theap;
    std::vector<TItem> backlog;
    std::uint64_t order = 0;
    std::int64_t frontier = std::numeric_limits<std::int64_t>::min();
    std::int64_t sessionsCreated = 0, receiveSessions = 0, sendSessions = 0, messagesCreated = 0;
    std::vector<FaultRec> faults;
    std::vector<std::string> skipped;
    int silentServer = -1;   // message-hop-missing: this server's records of the journey are lost
    FaultRec *cur = nullptr;
    FaultRec probeBackground;
    std::vector<ExoRecord> exoRecords;
    // The first server's hub tracking rows again, for its Get-MessageTrackingLog | Export-Csv.
    std::vector<std::pair<std::int64_t, std::array<std::string, TCount>>> emsRows;
    std::string lineBuf;

    bool edgePresent() const { return !edges.empty(); }
    int gateway() const { return mailboxes.empty() ? -1 : mailboxes.back(); }

    void setupWorld();
    void addStreams(Server &s);
    Session *newSession(int server, LogKind kind, std::string connector, std::string local, std::string remote,
                        std::int64_t t, int service);
    void schedule(Session *s);
    void drain(std::int64_t limit);
    void emitProtocol(Session *s);
    void track(int server, LogKind kind, std::int64_t t, std::array<std::string, TCount> &f, Msg &m);
    void evidence(Session *s)
    {
        if (cur && s) {
            cur->sessions.emplace_back(s->server, s->id);
            cur->servers.insert(s->server);
            cur->firstMs = std::min(cur->firstMs, s->lines.empty() ? s->startMs : s->lines.front().t);
            cur->lastMs = std::max(cur->lastMs, s->lines.empty() ? s->startMs : s->lines.back().t);
        }
    }
    void evidenceMsg(const Msg &m, int server, std::int64_t t)
    {
        if (!cur)
            return;
        if (std::find(cur->messageIds.begin(), cur->messageIds.end(), m.id) == cur->messageIds.end())
            cur->messageIds.push_back(m.id);
        if (server >= 0)
            cur->servers.insert(server);
        cur->firstMs = std::min(cur->firstMs, t);
        cur->lastMs = std::max(cur->lastMs, t);
    }

    // ---- building blocks ----------------------------------------------------------------------
    Msg newMessage(std::int64_t t, const std::string &sender, std::vector<std::string> rcpts, bool fromInternet,
                   int origin = -1);
    std::string user() { return rng.pick(firstNames()) + "." + rng.pick(firstNames()); }
    std::string internalAddress() { return user() + "@" + kDomain; }
    std::string externalAddress() { return user() + "@" + rng.pick(externalDomains()); }
    std::string ephemeralPort() { std::string s; appendUInt(s, static_cast<std::uint64_t>(rng.range(49152, 65535))); return s; }
    std::uint64_t internalId(Msg &m, int server);
    std::string queuedReply(Msg &m, int server, const std::string &hostname, std::int64_t &durationMs);

    // tracking rows
    std::array<std::string, TCount> row(const Msg &m, const char *event, const char *source);
    void trkReceiveSmtp(int server, std::int64_t t, Msg &m, const std::string &clientIp, const std::string &clientHost,
                        const std::string &serverIp, const std::string &sessionRef, const std::string &connector);
    void trkSubmitAndReceive(int server, std::int64_t t, Msg &m);
    void trkSend(int server, std::int64_t t, Msg &m, const std::string &serverIp, const std::string &serverHost,
                 const std::string &reply, const std::string &connector, const std::string &localIp);
    void trkDeliver(int server, std::int64_t t, Msg &m);
    void trkAgentInfo(int server, std::int64_t t, Msg &m);
    void trkStatus(int server, std::int64_t t, Msg &m, const char *event, const char *source,
                   const std::string &status, const std::string &connector);

    // journeys; each returns nothing and schedules everything it creates
    void healthy(std::int64_t t);
    void inboundFromExo(std::int64_t t, int failure);
    void outbound(std::int64_t t, int failure, bool toCloud);
    std::int64_t hopExchange(int from, int to, Msg &m, std::int64_t t, bool toFrontEnd, int failure = 0,
                             Session **sendOut = nullptr, Session **recvOut = nullptr);
    void internalMail(std::int64_t t, bool crossServer);
    void clientSubmission(std::int64_t t, int failure);
    void probe(std::int64_t t, int kind);
    void benchProbe(std::int64_t t);
    void fault(const std::string &rule, int occurrence, std::int64_t t);

    // the manifest and the EXO files
    void writeExo();
    bool writeManifest(std::string &error);
};

// ===============================================================================================
// Conversation: one SMTP connection, written to the client's Send log and/or the server's Receive
// log (whichever side is an Exchange server of ours), with the same clock.
// ===============================================================================================
namespace {

struct Conv {
    Conv(Rng &r, bool multilineEhlo) : rng(r), multiline(multilineEhlo) {}
    Rng &rng;
    bool multiline = false;   // Receive log writes the EHLO reply as 250- lines (2010, or forced)
    Session *cli = nullptr;
    Session *srv = nullptr;
    std::int64_t t = 0;
    int srvVersion = 2019;   // style of the Receive log
    std::string clientName, clientIp, serverFqdn, serverIp;
    int msgIndex = 0;
    std::int64_t rtt = 1;   // round trip: every client command reaches the log this much later

    void add(Session *s, char ev, std::string_view data, std::string_view ctx, bool noLocal = false)
    {
        if (!s)
            return;
        PLine l{t, noLocal, {}};
        l.body.reserve(data.size() + ctx.size() + 6);
        l.body.push_back(ev);
        l.body.push_back(',');
        appendCsvField(l.body, data);
        l.body.push_back(',');
        appendCsvField(l.body, ctx);
        s->lines.push_back(std::move(l));
    }
    void wait(std::int64_t lo, std::int64_t hi) { t += rng.range(lo, hi); }
    void S(std::string_view d) { add(srv, '>', d, {}); add(cli, '<', d, {}); }
    void C(std::string_view d)
    {
        t += rng.range(0, rtt);
        add(cli, '>', d, {});
        add(srv, '<', d, {});
    }
    void noteS(std::string_view d, std::string_view c) { add(srv, '*', d, c); }
    void noteC(std::string_view d, std::string_view c) { add(cli, '*', d, c); }

    std::string sessionRef() const
    {
        std::string r = srv ? srv->id : std::string("0000000000000000");
        r.push_back(';');
        appendIso(r, srv ? srv->startMs : t);
        r.push_back(';');
        appendUInt(r, static_cast<std::uint64_t>(msgIndex));
        return r;
    }

    void open(std::string_view recvPerms, std::string_view sendPerms)
    {
        if (cli) {
            add(cli, '*', sendPerms, "Set Session Permissions", true);
            add(cli, '*', {}, "attempting to connect", true);
            t += rng.range(0, 3);
            add(cli, '+', {}, {});
        }
        if (srv) {
            add(srv, '+', {}, {});
            add(srv, '*', recvPerms, "Set Session Permissions");
        }
    }
    void exchangeBanner()
    {
        std::string b = "220 " + serverFqdn + " Microsoft ESMTP MAIL Service ready at ";
        appendRfc822(b, t);
        S(b);
    }
    void ehlo(const std::string &caps, const std::string &greeting = {})
    {
        wait(1, 40);
        C("EHLO " + clientName);
        wait(0, 3);
        const std::string g = greeting.empty() ? serverFqdn + " Hello [" + clientIp + "]" : greeting;
        if (srv) {
            if (srvVersion == 2010 || multiline) {
                add(srv, '>', "250-" + g, {});
                std::size_t pos = 0;
                std::vector<std::string> parts;
                while (pos < caps.size()) {
                    std::size_t sp = caps.find(' ', pos);
                    std::string word = caps.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
                    // AUTH and X-EXPS carry their mechanisms on the same line.
                    if (!parts.empty() && (word == "NTLM" || word == "GSSAPI" || word == "LOGIN" ||
                                           word == "EXCHANGEAUTH" || word == "37748736"))
                        parts.back() += " " + word;
                    else
                        parts.push_back(word);
                    if (sp == std::string::npos)
                        break;
                    pos = sp + 1;
                }
                for (std::size_t i = 0; i < parts.size(); ++i)
                    add(srv, '>', (i + 1 < parts.size() ? "250-" : "250 ") + parts[i], {});
            } else {
                add(srv, '>', "250  " + g + " " + caps, {});
            }
        }
        add(cli, '<', "250  " + g + " " + caps, {});
    }
    static std::string negotiation(const char *side, int version, int strength)
    {
        std::string s = "TLS protocol SP_PROT_";
        s.append(version == 2010 ? "TLS1_0_" : "TLS1_2_");
        s.append(side);
        if (strength == 256)
            s.append(" negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC "
                     "hash algorithm CALG_SHA_384 with strength 0 bits and key exchange algorithm CALG_ECDH_EPHEM "
                     "with strength 384 bits");
        else
            s.append(" negotiation succeeded using bulk encryption algorithm CALG_AES_128 with strength 128 bits, MAC "
                     "hash algorithm CALG_SHA_256 with strength 0 bits and key exchange algorithm CALG_ECDH_EPHEM "
                     "with strength 256 bits");
        return s;
    }
    void certLines(Session *s, const char *label, const Cert &c)
    {
        add(s, '*', {}, label);
        add(s, '*', c.subject, "Certificate subject");
        add(s, '*', c.issuer, "Certificate issuer name");
        add(s, '*', c.serial, "Certificate serial number");
        add(s, '*', c.thumbprint, "Certificate thumbprint");
        add(s, '*', c.sans, "Certificate alternate names");
    }
    void tls(bool anonymousTls, const Cert &serverCert, const Cert *clientCert, int cliVersion)
    {
        wait(1, 30);
        C(anonymousTls ? "X-ANONYMOUSTLS" : "STARTTLS");
        S("220 2.0.0 SMTP server ready");
        wait(5, 60);
        const int strength = rng.chance(0.5) ? 256 : 128;
        if (srv) {
            if (srvVersion >= 2016) {
                // One packed line: values in data (leading space), labels in context.
                std::string packed = " " + serverCert.subject + " " + serverCert.issuer + " " + serverCert.serial + " " +
                                     serverCert.thumbprint + " " + serverCert.notBefore + " " + serverCert.notAfter +
                                     " " + serverCert.sans;
                add(srv, '*', packed,
                    "Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject "
                    "alternate names");
            } else {
                certLines(srv, "Sending certificate", serverCert);
            }
            add(srv, '*', {}, negotiation("SERVER", srvVersion, strength));
            if (clientCert) {
                add(srv, '*', {}, "Received certificate");
                add(srv, '*', clientCert->thumbprint, "Certificate thumbprint");
            }
        }
        if (cli) {
            add(cli, '*', {}, negotiation("CLIENT", cliVersion, strength));
            certLines(cli, "Received certificate", serverCert);
            if (clientCert)
                certLines(cli, "Sending certificate", *clientCert);
        }
    }
    void exchangeAuth(bool edgeAuth, const std::string &clientAccount)
    {
        wait(1, 20);
        if (edgeAuth) {
            C("X-EXPS EXCHANGEAUTH SHA256");
            wait(1, 15);
            S("235 <authentication response>");
        } else {
            C("X-EXPS GSSAPI");
            S("334 <authentication response>");
            wait(1, 15);
            C("<authentication response>");
            wait(1, 15);
            S("235 <authentication response>");
        }
        noteS(clientAccount, "authenticated");
        noteS(permsExchange(), "Set Session Permissions");
    }
    void mailFrom(const Msg &m, bool withAuthParam)
    {
        wait(1, 30);
        std::string c = "MAIL FROM:<" + m.sender + "> SIZE=";
        appendUInt(c, static_cast<std::uint64_t>(m.size));
        if (withAuthParam)
            c.append(" AUTH=<>");
        C(c);
        noteS(sessionRef(), "receiving message");
    }
    void quit(const char *srvCtx = "Local", const char *cliCtx = "Local")
    {
        wait(1, 40);
        C("QUIT");
        wait(0, 3);
        S("221 2.0.0 Service closing transmission channel");
        wait(0, 2);
        add(srv, '-', {}, srvCtx);
        add(cli, '-', {}, cliCtx);
    }
    void drop(const char *srvCtx, const char *cliCtx)
    {
        add(srv, '-', {}, srvCtx);
        add(cli, '-', {}, cliCtx);
    }
};

} // namespace

// ===============================================================================================
// World
// ===============================================================================================
void Generator::Impl::setupWorld()
{
    const std::int64_t start = opt.startMs;
    auto isoDate = [](std::int64_t ms) {
        std::string s;
        appendIso(s, ms - ms % 1000);
        return s;
    };
    auto serial = [this](int bytes) {
        std::string s;
        for (int i = 0; i < bytes; i += 8)
            appendHex(s, rng.next(), std::min(16, (bytes - i) * 2));
        return s;
    };
    publicCert = {"CN=mail.contoso.com", "CN=R11, O=Let's Encrypt, C=US", serial(18), thumbprint(rng),
                  isoDate(start - 40LL * 86400000), isoDate(start + 50LL * 86400000),
                  "mail.contoso.com;autodiscover.contoso.com"};
    exoCert = {"CN=mail.protection.outlook.com, O=Microsoft Corporation, L=Redmond, S=Washington, C=US",
               "CN=DigiCert Cloud Services CA-1, O=DigiCert Inc, C=US", serial(16), thumbprint(rng),
               isoDate(start - 120LL * 86400000), isoDate(start + 240LL * 86400000),
               "mail.protection.outlook.com;*.mail.protection.outlook.com;*.outbound.protection.outlook.com;"
               "*.mail.eo.outlook.com;"
               "mail.messaging.microsoft.com"};

    switch (opt.exchange) {
    case 2010: trackingVersion = "14.03.0513.000"; break;
    case 2013: trackingVersion = "15.00.1497.048"; break;
    case 2016: trackingVersion = "15.01.2507.039"; break;
    default: trackingVersion = "15.02.1544.009"; break;
    }
    for (int c = 0; c < TCount; ++c) {
        if (opt.exchange == 2010 && c == TNetworkId)
            continue;
        if (opt.exchange <= 2013 && c >= TTrafficType)
            continue;
        trackingColumns.push_back(c);
    }
    int mailboxNo = 0;
    for (std::size_t i = 0; i < opt.servers.size(); ++i) {
        Server s;
        s.name = opt.servers[i];
        std::string lower = s.name;
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        s.fqdn = s.name + "." + kDomain;
        s.edge = lower.rfind("edge", 0) == 0;
        if (s.edge) {
            const auto n = edges.size();
            s.ip = "10.0.1." + std::to_string(25 + n);
            s.extIp = "203.0.113." + std::to_string(25 + n);
            edges.push_back(static_cast<int>(i));
        } else {
            s.ip = "10.0.0." + std::to_string(5 + mailboxNo++);
            s.extIp = s.ip;
            mailboxes.push_back(static_cast<int>(i));
        }
        for (auto &id : s.nextSessionId)
            id = ticksFromMs(start - rng.range(2LL * 3600000, 20LL * 86400000)) & 0xFFFFFFFFFFFFFF00ULL;
        s.nextInternalId = 1000000000000ULL + rng.below(900000000000ULL);
        s.selfSigned = {"CN=" + s.name, "CN=" + s.name, serial(16), thumbprint(rng),
                        isoDate(start - 700LL * 86400000), isoDate(start + 1125LL * 86400000),
                        s.name + ";" + s.fqdn};
        servers.push_back(std::move(s));
    }
    for (Server &s : servers)
        addStreams(s);
    // The certificate of the tls-subject-mismatch fault: a real, valid certificate, but for the Edge's
    // own name instead of the name the partner expects.
    std::string wrongName = edges.empty() ? (servers.empty() ? std::string("ex01") : servers.front().name)
                                          : servers[static_cast<std::size_t>(edges.front())].name;
    for (char &c : wrongName)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    wrongCert = {"CN=" + wrongName + ".contoso.com", "CN=R10, O=Let's Encrypt, C=US", serial(18), thumbprint(rng),
                 isoDate(start - 20LL * 86400000), isoDate(start + 70LL * 86400000), wrongName + ".contoso.com"};

    // Remote hosts on the internet (MX targets) and Exchange Online.
    auto host = [&](std::string fqdn, std::string ip, std::string banner, std::string greeting, std::string caps,
                    bool exo, bool chunking) {
        RemoteHost h;
        h.cert = exo ? exoCert
                     : Cert{"CN=" + fqdn, "CN=R10, O=Let's Encrypt, C=US", serial(18), thumbprint(rng),
                            isoDate(start - 30LL * 86400000), isoDate(start + 60LL * 86400000), fqdn};
        h.fqdn = std::move(fqdn);
        h.ip = std::move(ip);
        h.banner = std::move(banner);
        h.ehloGreeting = std::move(greeting);
        h.caps = std::move(caps);
        h.exchangeOnline = exo;
        h.chunking = chunking;
        return h;
    };
    internetHosts.push_back(host("mx1.fabrikam.com", "198.51.100.20", "220 mx1.fabrikam.com ESMTP Postfix",
                                 "mx1.fabrikam.com",
                                 "PIPELINING SIZE 52428800 ETRN STARTTLS ENHANCEDSTATUSCODES 8BITMIME DSN SMTPUTF8",
                                 false, false));
    internetHosts.push_back(host("wingtiptoys-com.mail.protection.outlook.com", "104.47.55.110",
                                 "220 BN8NAM12FT034.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready",
                                 "BN8NAM12FT034.mail.protection.outlook.com",
                                 "SIZE 157286400 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS 8BITMIME BINARYMIME "
                                 "CHUNKING SMTPUTF8",
                                 true, true));
    internetHosts.push_back(host("mx.adatum.com", "192.0.2.45", "220 mx.adatum.com ESMTP ready",
                                 "mx.adatum.com", "SIZE 36700160 8BITMIME PIPELINING CHUNKING STARTTLS ENHANCEDSTATUSCODES",
                                 false, true));
    exoTarget = host("contoso-com.mail.protection.outlook.com", "104.47.58.33",
                     "220 DM6NAM12FT021.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready",
                     "DM6NAM12FT021.mail.protection.outlook.com",
                     "SIZE 157286400 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS 8BITMIME BINARYMIME CHUNKING SMTPUTF8",
                     true, true);

}

void Generator::Impl::addStreams(Server &s)
{
    s.streams.fill(-1);
    const bool v2010 = opt.exchange == 2010;
    const std::string protoVersion = v2010 ? "14.0.0.0" : "15.0.0.0";
    auto proto = [&](const std::string &dir, bool receive) {
        StreamSpec spec;
        spec.dir = s.name + "/" + dir + (receive ? "/SmtpReceive" : "/SmtpSend");
        spec.prefix = receive ? "RECV" : "SEND";
        spec.version = protoVersion;
        spec.logType = receive ? "SMTP Receive Protocol Log" : "SMTP Send Protocol Log";
        spec.fields = kProtocolFields;
        spec.format = receive ? "smtp-receive" : "smtp-send";
        spec.server = s.name;
        return out.addStream(spec);
    };
    if (v2010) {
        s.streams[FrontRecv] = s.streams[HubRecv] = s.streams[EdgeRecv] = proto("ProtocolLog", true);
        s.streams[FrontSend] = s.streams[HubSend] = s.streams[EdgeSend] = proto("ProtocolLog", false);
    } else if (s.edge) {
        s.streams[FrontRecv] = s.streams[HubRecv] = s.streams[EdgeRecv] = proto("Edge/ProtocolLog", true);
        s.streams[FrontSend] = s.streams[HubSend] = s.streams[EdgeSend] = proto("Edge/ProtocolLog", false);
    } else {
        s.streams[FrontRecv] = proto("FrontEnd/ProtocolLog", true);
        s.streams[FrontSend] = proto("FrontEnd/ProtocolLog", false);
        s.streams[HubRecv] = proto("Hub/ProtocolLog", true);
        s.streams[HubSend] = proto("Hub/ProtocolLog", false);
    }
    std::string fields;
    for (int c : trackingColumns) {
        if (!fields.empty())
            fields.push_back(',');
        fields.append(kTrackingFieldNames[c]);
    }
    auto trk = [&](const char *prefix) {
        StreamSpec spec;
        spec.dir = s.name + "/MessageTracking";
        spec.prefix = prefix;
        spec.version = trackingVersion;
        spec.logType = "Message Tracking Log";
        spec.fields = fields;
        spec.format = "message-tracking";
        spec.server = s.name;
        spec.protocol = false;
        return out.addStream(spec);
    };
    s.streams[Trk] = trk("MSGTRK");
    if (!v2010 && !s.edge) {
        s.streams[TrkMd] = trk("MSGTRKMD");
        s.streams[TrkMs] = trk("MSGTRKMS");
    } else {
        s.streams[TrkMd] = s.streams[TrkMs] = s.streams[Trk];
    }
    s.streams[TrkBacklog] = trk("MSGTRK");
}

// ===============================================================================================
// Sessions and the event loop
// ===============================================================================================
Session *Generator::Impl::newSession(int server, LogKind kind, std::string connector, std::string local,
                                     std::string remote, std::int64_t t, int service)
{
    Server &sv = servers[static_cast<std::size_t>(server)];
    auto *s = new Session;
    s->stream = sv.streams[kind];
    s->server = server;
    s->connector = std::move(connector);
    appendHex(s->id, sv.nextSessionId[static_cast<std::size_t>(service)]++, 16);
    s->local = std::move(local);
    s->remote = std::move(remote);
    s->startMs = t;
    s->lines.reserve(24);
    ++sessionsCreated;
    s->receive = kind == FrontRecv || kind == HubRecv || kind == EdgeRecv;
    ++(s->receive ? receiveSessions : sendSessions);
    return s;
}

void Generator::Impl::schedule(Session *s)
{
    if (!s)
        return;
    if (s->server == silentServer) {   // never written: not counted either
        --sessionsCreated;
        --(s->receive ? receiveSessions : sendSessions);
    }
    if (s->lines.empty() || s->server == silentServer) {
        delete s;
        return;
    }
    heap.push_back({s->lines.front().t, order++, s});
    std::push_heap(heap.begin(), heap.end(), HeapLater());
}

void Generator::Impl::emitProtocol(Session *s)
{
    const PLine &l = s->lines[s->next];
    std::string &b = lineBuf;
    b.clear();
    appendIso(b, l.t);
    b.push_back(',');
    appendCsvField(b, s->connector);
    b.push_back(',');
    b.append(s->id);
    b.push_back(',');
    appendUInt(b, s->next);
    b.push_back(',');
    if (!l.noLocal)
        b.append(s->local);
    b.push_back(',');
    b.append(s->remote);
    b.push_back(',');
    b.append(l.body);
    b.append("\r\n");
    out.write(s->stream, l.t, b);
}

void Generator::Impl::drain(std::int64_t limit)
{
    while (!heap.empty() && heap.front().t < limit) {
        std::pop_heap(heap.begin(), heap.end(), HeapLater());
        HeapItem it = heap.back();
        heap.pop_back();
        emitProtocol(it.s);
        if (++it.s->next < it.s->lines.size()) {
            heap.push_back({it.s->lines[it.s->next].t, order++, it.s});
            std::push_heap(heap.begin(), heap.end(), HeapLater());
        } else {
            delete it.s;
        }
    }
    while (!theap.empty() && theap.front().t < limit) {
        std::pop_heap(theap.begin(), theap.end(), TLater());
        TItem it = std::move(theap.back());
        theap.pop_back();
        out.write(it.stream, it.t, it.line);
    }
    frontier = std::max(frontier, limit);
}

void Generator::Impl::track(int server, LogKind kind, std::int64_t t, std::array<std::string, TCount> &f, Msg &m)
{
    if (server == silentServer)
        return;
    Server &sv = servers[static_cast<std::size_t>(server)];
    f[TDateTime].clear();
    appendIso(f[TDateTime], t);
    if (f[TServerHost].empty())
        f[TServerHost] = sv.name;
    if (server == 0 && kind == Trk && opt.exo)
        emsRows.emplace_back(t, f);
    TItem it;
    it.t = t;
    it.order = order++;
    it.line.reserve(600);
    bool first = true;
    for (int c : trackingColumns) {
        if (!first)
            it.line.push_back(',');
        first = false;
        appendCsvField(it.line, f[static_cast<std::size_t>(c)]);
    }
    it.line.append("\r\n");
    if (!m.counted) {
        m.counted = true;
        ++messagesCreated;
    }
    if (t < frontier) {
        // Older than what is already written (a message queued for days): its own files.
        it.stream = sv.streams[TrkBacklog];
        backlog.push_back(std::move(it));
        return;
    }
    it.stream = sv.streams[kind];
    theap.push_back(std::move(it));
    std::push_heap(theap.begin(), theap.end(), TLater());
}

// ===============================================================================================
// Messages and tracking rows
// ===============================================================================================
Msg Generator::Impl::newMessage(std::int64_t t, const std::string &sender, std::vector<std::string> rcpts,
                                bool fromInternet, int origin)
{
    Msg m;
    m.sender = sender;
    m.rcpts = std::move(rcpts);
    m.subject = rng.pick(subjects());
    m.firstMs = t;
    m.netId = guid(rng);
    m.direction = fromInternet ? "Incoming" : "Originating";
    // Sizes: mostly small, a long tail of attachments.
    const double u = rng.unit();
    m.size = static_cast<std::int64_t>(2500 + std::pow(u, 4.0) * 4000000.0) + rng.range(0, 999);
    if (fromInternet) {
        std::string id = "<";
        appendHex(id, rng.next(), 16, false);
        appendHex(id, rng.next() >> 32, 8, false);
        id.append(rng.chance(0.5) ? "@PH0PR12MB5432.namprd12.prod.outlook.com>" : "@mail.gmail.com>");
        m.id = id;
    } else {
        std::string id = "<";
        appendHex(id, rng.next(), 16, false);
        appendHex(id, rng.next(), 16, false);
        id.push_back('@');
        // Exchange names the Message-ID after the server that created the message.
        if (origin < 0)
            origin = mailboxes.empty() ? -1 : mailboxes.front();
        id.append(origin < 0 ? std::string("EX01.contoso.com") : servers[static_cast<std::size_t>(origin)].fqdn);
        id.push_back('>');
        m.id = id;
    }
    return m;
}

std::uint64_t Generator::Impl::internalId(Msg &m, int server)
{
    auto it = m.internalIds.find(server);
    if (it != m.internalIds.end())
        return it->second;
    Server &sv = servers[static_cast<std::size_t>(server)];
    sv.nextInternalId += static_cast<std::uint64_t>(rng.range(1, 40));
    m.internalIds[server] = sv.nextInternalId;
    return sv.nextInternalId;
}

std::string Generator::Impl::queuedReply(Msg &m, int server, const std::string &hostname, std::int64_t &durationMs)
{
    const int millis = static_cast<int>(8 + m.size / rng.range(400, 4000));
    durationMs = millis;
    std::string r = "250 2.6.0 " + m.id + " [InternalId=";
    if (server >= 0) {
        appendUInt(r, internalId(m, server));
    } else {
        appendUInt(r, 200000000000000ULL + rng.below(90000000000000ULL));
    }
    r.append(", Hostname=");
    r.append(hostname);
    r.append("] ");
    r.append(fmtKbps(m.size, millis));
    r.append(" Queued mail for delivery");
    return r;
}

std::array<std::string, TCount> Generator::Impl::row(const Msg &m, const char *event, const char *source)
{
    std::array<std::string, TCount> f;
    f[TEvent] = event;
    f[TSource] = source;
    f[TMessageId] = m.id;
    f[TNetworkId] = m.netId;
    f[TSubject] = m.subject;
    f[TSender] = m.sender;
    f[TReturnPath] = m.sender;
    f[TDirectionality] = m.direction;
    appendUInt(f[TTotalBytes], static_cast<std::uint64_t>(m.size));
    appendUInt(f[TRecipientCount], m.rcpts.size());
    for (std::size_t i = 0; i < m.rcpts.size(); ++i) {
        if (i)
            f[TRecipients].push_back(';');
        f[TRecipients].append(m.rcpts[i]);
    }
    f[TTrafficType] = "Email";
    f[TLogId] = guid(rng);
    f[TSchemaVersion] = trackingVersion;
    return f;
}

void Generator::Impl::trkReceiveSmtp(int server, std::int64_t t, Msg &m, const std::string &clientIp,
                                     const std::string &clientHost, const std::string &serverIp,
                                     const std::string &sessionRef, const std::string &connector)
{
    auto f = row(m, "RECEIVE", "SMTP");
    f[TClientIp] = clientIp;
    f[TClientHost] = clientHost;
    f[TServerIp] = serverIp;
    f[TServerHost] = servers[static_cast<std::size_t>(server)].fqdn;
    f[TSourceContext] = sessionRef;
    f[TConnector] = connector;
    appendUInt(f[TInternalId], internalId(m, server));
    f[TCustomData] = "S:FirstForestHop=" + servers[static_cast<std::size_t>(server)].fqdn +
                     ";S:DeliveryPriority=Normal;S:AccountForest=contoso.com";
    track(server, Trk, t, f, m);
}

void Generator::Impl::trkSubmitAndReceive(int server, std::int64_t t, Msg &m)
{
    Server &sv = servers[static_cast<std::size_t>(server)];
    std::string ctx = "MDB:" + guid(rng) + ", Mailbox:" + guid(rng) + ", Event:";
    appendUInt(ctx, 1000000 + rng.below(9000000));
    ctx.append(", MessageClass:IPM.Note, CreationTime:");
    appendIso(ctx, t - rng.range(200, 1500));
    ctx.append(rng.chance(0.6) ? ", ClientType:OWA" : ", ClientType:MOMT");
    ctx.append(", SubmissionAssistantThrottlingPolicyName:DefaultThrottlingPolicy");
    auto f = row(m, "SUBMIT", "STOREDRIVER");
    f[TServerHost] = sv.fqdn;
    f[TSourceContext] = ctx;
    f[TDirectionality] = {};
    track(server, TrkMs, t, f, m);

    auto r = row(m, "RECEIVE", "STOREDRIVER");
    r[TClientIp] = sv.ip;
    r[TClientHost] = sv.fqdn;
    r[TServerHost] = sv.name;
    r[TSourceContext] = "MDB:" + guid(rng) + ", Mailbox:" + guid(rng) + ", Event:" + std::to_string(rng.range(1000000, 9999999)) +
                        ", MessageClass:IPM.Note, CreationTime:" + isoOf(t) + ", ClientType:OWA";
    appendUInt(r[TInternalId], internalId(m, server));
    r[TCustomData] = "S:DeliveryPriority=Normal;S:AccountForest=contoso.com";
    track(server, Trk, t + rng.range(20, 300), r, m);
}

void Generator::Impl::trkSend(int server, std::int64_t t, Msg &m, const std::string &serverIp,
                              const std::string &serverHost, const std::string &reply, const std::string &connector,
                              const std::string &localIp)
{
    Server &sv = servers[static_cast<std::size_t>(server)];
    auto f = row(m, "SEND", "SMTP");
    f[TClientIp] = localIp;
    f[TClientHost] = sv.fqdn;
    f[TServerIp] = serverIp;
    f[TServerHost] = serverHost;
    f[TSourceContext] = ";" + reply + ";ClientSubmitTime:";
    f[TConnector] = connector;
    appendUInt(f[TInternalId], internalId(m, server));
    for (std::size_t i = 0; i < m.rcpts.size(); ++i)
        f[TRecipientStatus].append(i ? ";250 2.1.5 Recipient OK" : "250 2.1.5 Recipient OK");
    const std::int64_t total = t - m.firstMs;
    std::string info;
    appendIso(info, m.firstMs);
    info.append(";LSRV=" + sv.fqdn + ":TOTAL-HUB=");
    appendUInt(info, static_cast<std::uint64_t>(total / 1000));
    info.push_back('.');
    appendPadded(info, static_cast<std::uint64_t>(total % 1000), 3);
    info.append("|SMR=0.0");
    appendPadded(info, static_cast<std::uint64_t>(rng.range(10, 99)), 2);
    info.append("(SMRDE=0.001|SMRC=0.0");
    appendPadded(info, static_cast<std::uint64_t>(rng.range(10, 99)), 2);
    info.append(")|SMS=0.00");
    appendUInt(info, static_cast<std::uint64_t>(rng.range(1, 9)));
    f[TMessageInfo] = info;
    f[TCustomData] = "S:E2ELatency=" + std::to_string(total / 1000) + "." + std::to_string(100 + total % 900) +
                     ";S:ExternalSendLatency=0." + std::to_string(rng.range(100, 999)) +
                     ";S:DeliveryPriority=Normal;S:AccountForest=contoso.com";
    track(server, Trk, t, f, m);
}

// Transport agents (content filter, attachment filter) report per message: custom-data values with
// '|' and '=' inside, as real logs have.
void Generator::Impl::trkAgentInfo(int server, std::int64_t t, Msg &m)
{
    Server &sv = servers[static_cast<std::size_t>(server)];
    auto f = row(m, "AGENTINFO", "AGENT");
    f[TServerHost] = sv.name;
    appendUInt(f[TInternalId], internalId(m, server));
    f[TCustomData] = "S:CFA=SUM|v=0|action=|error=|atch=0;S:AMA=SUM|v=1|action=|error=|atch=0;S:DPA=SUM|v=1|"
                     "action=|error=|atch=0;S:SpamFilter=SCL=" + std::to_string(rng.range(-1, 1)) +
                     "|PCL=" + std::to_string(rng.range(1, 3)) + ";S:DeliveryPriority=Normal";
    track(server, Trk, t, f, m);
}

void Generator::Impl::trkDeliver(int server, std::int64_t t, Msg &m)
{
    Server &sv = servers[static_cast<std::size_t>(server)];
    auto f = row(m, "DELIVER", "STOREDRIVER");
    f[TClientIp] = sv.ip;
    f[TClientHost] = sv.fqdn;
    f[TServerHost] = sv.name;
    f[TSourceContext] = "MDB:" + guid(rng) + ", Mailbox:" + guid(rng) + ", Event:" +
                        std::to_string(rng.range(1000000, 9999999)) + ", MessageClass:IPM.Note, CreationTime:" +
                        isoOf(m.firstMs) + ", ClientType:User, SubmissionAssistant:MailboxTransportDelivery";
    appendUInt(f[TInternalId], internalId(m, server));
    std::string info;
    appendIso(info, m.firstMs);
    info.append(";SRV=" + sv.fqdn + ":TOTAL-SUB=0.");
    appendUInt(info, static_cast<std::uint64_t>(rng.range(100, 999)));
    f[TMessageInfo] = info;
    f[TCustomData] = "S:DeliveryPriority=Normal;S:AccountForest=contoso.com";
    track(server, TrkMd, t, f, m);
}

void Generator::Impl::trkStatus(int server, std::int64_t t, Msg &m, const char *event, const char *source,
                                const std::string &status, const std::string &connector)
{
    Server &sv = servers[static_cast<std::size_t>(server)];
    auto f = row(m, event, source);
    f[TServerHost] = sv.name;
    f[TConnector] = connector;
    appendUInt(f[TInternalId], internalId(m, server));
    for (std::size_t i = 0; i < m.rcpts.size(); ++i) {
        if (i)
            f[TRecipientStatus].push_back(';');
        f[TRecipientStatus].append(status);
    }
    f[TCustomData] = "S:DeliveryPriority=Normal;S:AccountForest=contoso.com";
    track(server, Trk, t, f, m);
    evidenceMsg(m, server, t);
}

// ===============================================================================================
// Journeys
// ===============================================================================================

// failure codes shared by the journey builders
enum Failure {
    FNone = 0, FExchangeAuth, FPrx2, FSubjectMismatch, FBlocklisted, FDnsQuery, FDropped, FDelayed,
    FRecipientUnknown, FTooLarge, FIdleGap, FAuthFailed, FDataStall, FRelayExo, FRelayExoPlain
};

// One SMTP hop between two of our servers: the Send session on `from`, the Receive session on `to`,
// SEND and RECEIVE tracking events. Returns the time the receiver queued the message (or -1 on failure).
std::int64_t Generator::Impl::hopExchange(int from, int to, Msg &m, std::int64_t t, bool toFrontEnd, int failure,
                                          Session **sendOut, Session **recvOut)
{
    Server &a = servers[static_cast<std::size_t>(from)];
    Server &b = servers[static_cast<std::size_t>(to)];
    const bool v2010 = opt.exchange == 2010;
    std::string sendConnector = a.edge ? "EdgeSync - Inbound to Default-First-Site-Name"
                                       : "Intra-Organization SMTP Send Connector";
    std::string recvConnector;
    int port = 25;
    LogKind rk = HubRecv;
    int service = 1;
    if (b.edge) {
        recvConnector = b.name + "\\Default internal receive connector " + b.name;
        rk = EdgeRecv;
        service = 2;
    } else if (toFrontEnd && !v2010) {
        recvConnector = b.name + "\\Default Frontend " + b.name;
        rk = FrontRecv;
        service = 0;
    } else {
        recvConnector = b.name + "\\Default " + b.name;
        port = v2010 ? 25 : 2525;
    }
    const std::string cport = ephemeralPort();
    const std::string serverEp = b.ip + ":" + std::to_string(port);
    const std::string clientEp = a.ip + ":" + cport;
    Session *cs = newSession(from, a.edge ? EdgeSend : HubSend, sendConnector, clientEp, serverEp, t, a.edge ? 2 : 1);
    Session *ss = newSession(to, rk, recvConnector, serverEp, clientEp, t, service);
    Conv c{rng, opt.multilineEhlo};
    c.cli = cs;
    c.srv = ss;
    c.t = t;
    c.srvVersion = opt.exchange;
    c.clientName = a.fqdn;
    c.clientIp = a.ip;
    c.serverFqdn = b.fqdn;
    c.serverIp = b.ip;
    c.open(permsAnonymous(), permsSendInternal());
    c.exchangeBanner();
    const bool noAuth = failure == FExchangeAuth;
    const char *preCaps = noAuth ? capsNoExchangeAuth() : (b.edge ? capsEdgePreTls() : (rk == FrontRecv ? capsFrontendPreTls() : capsHubPreTls()));
    c.ehlo(preCaps);
    if (noAuth) {
        // The firewall (or a connector without Exchange Server authentication) hides X-EXPS and
        // X-ANONYMOUSTLS; the hop can only try STARTTLS and is then refused.
        c.tls(false, b.selfSigned, nullptr, opt.exchange);
        c.ehlo(capsNoExchangeAuthPostTls());
        c.noteC({}, "sending message with RecordId " + std::to_string(nextRecordId++) + " and InternetMessageId " + m.id);
        c.mailFrom(m, false);
        c.wait(1, 20);
        c.S("451 5.7.3 Cannot achieve Exchange Server authentication");
        c.quit();
        evidence(cs);
        evidence(ss);
        schedule(cs);
        schedule(ss);
        if (sendOut)
            *sendOut = nullptr;
        return -c.t;
    }
    c.tls(true, b.selfSigned, &a.selfSigned, opt.exchange);
    c.ehlo(b.edge ? capsEdgePostTls() : (rk == FrontRecv ? capsFrontendPostTls() : capsHubPostTls()));
    c.exchangeAuth(a.edge || b.edge, "CONTOSO\\" + a.name + "$");
    c.noteC({}, "sending message with RecordId " + std::to_string(internalId(m, from)) + " and InternetMessageId " + m.id);
    c.mailFrom(m, true);
    c.wait(0, 5);
    c.S("250 2.1.0 Sender OK");
    for (const std::string &r : m.rcpts) {
        c.C("RCPT TO:<" + r + ">");
        c.S("250 2.1.5 Recipient OK");
    }
    std::string bdat = "BDAT ";
    appendUInt(bdat, static_cast<std::uint64_t>(m.size));
    bdat.append(" LAST");
    c.wait(1, 10);
    c.C(bdat);
    if (failure == FPrx2) {
        c.wait(20, 300);
        c.S("451 4.7.0 Temporary server error. Please try again later. PRX2");
        c.quit();
        evidence(cs);
        evidence(ss);
        schedule(cs);
        schedule(ss);
        return -c.t;
    }
    std::int64_t dur = 0;
    const std::string reply = queuedReply(m, to, b.fqdn, dur);
    c.t += dur;
    c.S(reply);
    const std::int64_t queued = c.t;
    const std::string ref = c.sessionRef();
    ++c.msgIndex;
    c.quit();
    if (sendOut)
        *sendOut = cs;
    if (recvOut)
        *recvOut = ss;
    schedule(cs);
    schedule(ss);
    trkSend(from, queued + rng.range(1, 15), m, b.ip, b.fqdn, reply, sendConnector, a.ip);
    trkReceiveSmtp(to, queued + rng.range(0, 5), m, a.ip, a.fqdn, b.ip, ref, recvConnector);
    return queued;
}

// Internet (via Exchange Online) → Edge (or a mailbox server's front end) → mailbox server → DELIVER.
void Generator::Impl::inboundFromExo(std::int64_t t, int failure)
{
    const bool toEdge = edgePresent();
    const int first = toEdge ? edges[rng.below(edges.size())]
                             : (mailboxes.empty() ? -1 : mailboxes[rng.below(mailboxes.size())]);
    if (first < 0)
        return;
    Server &fs = servers[static_cast<std::size_t>(first)];
    std::vector<std::string> rcpts{internalAddress()};
    if (rng.chance(0.25))
        rcpts.push_back(internalAddress());
    if (failure == FRecipientUnknown)
        rcpts = {"n.nobody@contoso.com"};
    Msg m = newMessage(t, externalAddress(), rcpts, true);
    if (failure == FTooLarge)
        m.size = 52428800 + rng.range(1000, 900000);

    const std::string connector = toEdge ? fs.name + "\\Default internal receive connector " + fs.name
                                         : fs.name + "\\Default Frontend " + fs.name;
    const std::string serverEp = fs.extIp + ":25";
    const std::string exoIp = "40.107." + std::to_string(rng.range(2, 250)) + "." + std::to_string(rng.range(2, 250));
    const std::string clientEp = exoIp + ":" + std::to_string(rng.range(1024, 65000));
    Session *ss = newSession(first, toEdge ? EdgeRecv : FrontRecv, connector, serverEp, clientEp, t, toEdge ? 2 : 0);
    Conv c{rng, opt.multilineEhlo};
    c.srv = ss;
    c.t = t;
    c.srvVersion = opt.exchange;
    c.clientName = std::string(rng.chance(0.5) ? "NAM12-BN8-obe" : "EUR05-AM6-obe") + ".outbound.protection.outlook.com";
    c.rtt = rng.range(20, 160);
    c.clientIp = exoIp;
    c.serverFqdn = "mail.contoso.com";
    c.serverIp = fs.extIp;
    c.open(permsAnonymous(), {});
    c.exchangeBanner();
    c.ehlo(toEdge ? capsEdgePreTls() : capsFrontendPreTls());
    c.tls(false, publicCert, &exoCert, 2019);
    c.ehlo(toEdge ? capsEdgePostTls() : capsFrontendPostTls());
    c.mailFrom(m, false);
    c.wait(0, 5);
    if (failure == FTooLarge) {
        c.S("552 5.3.4 Message size exceeds fixed maximum message size");
        c.quit();
        evidence(ss);
        schedule(ss);
        return;
    }
    c.S("250 2.1.0 Sender OK");
    for (const std::string &r : m.rcpts) {
        c.C("RCPT TO:<" + r + ">");
        c.wait(0, 30);
        if (failure == FRecipientUnknown) {
            c.S("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient " + r + " not found by SMTP address lookup");
            // Exchange slows down senders of bad recipients on anonymous connections.
            c.noteS("Tarpit for '0.00:00:05'", {});
            c.t += 5000;
        } else {
            c.S("250 2.1.5 Recipient OK");
        }
    }
    if (failure == FRecipientUnknown) {
        c.quit();
        evidence(ss);
        schedule(ss);
        return;
    }
    if (failure == FDropped) {
        c.wait(100, 900);
        c.drop("Remote(ConnectionReset)", "");
        evidence(ss);
        schedule(ss);
        return;
    }
    std::string bdat = "BDAT ";
    appendUInt(bdat, static_cast<std::uint64_t>(m.size));
    bdat.append(" LAST");
    c.C(bdat);
    std::int64_t dur = 0;
    const std::string reply = queuedReply(m, first, fs.fqdn, dur);
    c.t += dur;
    c.S(reply);
    const std::int64_t queued = c.t;
    const std::string ref = c.sessionRef();
    c.quit();
    schedule(ss);
    trkReceiveSmtp(first, queued + rng.range(0, 5), m, exoIp, c.clientName, fs.extIp, ref, connector);
    trkAgentInfo(first, queued + rng.range(6, 30), m);

    if (opt.exo) {
        ExoRecord e;
        e.t = t - rng.range(400, 2500);
        e.extra = static_cast<unsigned>(rng.below(10000));
        e.sender = m.sender;
        for (std::size_t i = 0; i < m.rcpts.size(); ++i) {
            if (i)
                e.status.push_back(';');
            e.status.append(m.rcpts[i] + "##Receive, Send");
        }
        e.rcpt = m.rcpts.front();
        e.events = "Delivered";
        e.subject = m.subject;
        e.mid = m.id;
        e.netId = m.netId;
        e.clientIp = "198.51.100." + std::to_string(rng.range(2, 250));
        e.toIp = fs.extIp;
        e.direction = "Incoming";
        e.connector = "Outbound to contoso.com on-premises";
        e.size = m.size;
        exoRecords.push_back(std::move(e));
    }

    // Next hop: the Edge hands the message to a mailbox server; a mailbox server delivers or relays.
    std::int64_t now = queued + rng.range(30, 900);
    int at = first;
    if (toEdge) {
        if (mailboxes.empty())
            return;
        const int mb = mailboxes[rng.below(mailboxes.size())];
        if (failure == FPrx2) {
            // The Front End Transport of `mb` cannot resolve where to proxy: its DNS is the fault.
            if (cur)
                cur->cause = "frontend-dns:" + servers[static_cast<std::size_t>(mb)].name;
            Session *cs = nullptr;
            Session *rs = nullptr;
            std::int64_t r = hopExchange(first, mb, m, now, true, FPrx2, &cs, &rs);
            trkStatus(first, -r + rng.range(2, 20), m, "DEFER", "SMTP",
                      "451 4.4.0 Primary target IP address responded with: \"451 4.7.0 Temporary server error. Please "
                      "try again later. PRX2\" Attempted failover to alternate host, but that did not succeed. Either "
                      "there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint "
                      "attempted was " + servers[static_cast<std::size_t>(mb)].ip + ":25",
                      "EdgeSync - Inbound to Default-First-Site-Name");
            return;
        }
        now = hopExchange(first, mb, m, now, true);
        at = mb;
        now += rng.range(30, 900);
    }
    if (mailboxes.size() > 1 && rng.chance(0.4)) {
        int other = mailboxes[rng.below(mailboxes.size())];
        if (other != at) {
            now = hopExchange(at, other, m, now, false) + rng.range(30, 900);
            at = other;
        }
    }
    trkDeliver(at, now, m);
}

// A mailbox user sends to the internet (or to Exchange Online): EX01 → EX02 (the site's gateway)
// → EDGE01 → the remote MX.
void Generator::Impl::outbound(std::int64_t t, int failure, bool toCloud)
{
    if (mailboxes.empty())
        return;
    const int origin = mailboxes[rng.below(mailboxes.size())];
    std::vector<std::string> rcpts;
    const RemoteHost *target = nullptr;
    std::string domainRcpt;
    if (toCloud && (failure == FRelayExo || failure == FRelayExoPlain)) {
        // Internet mail routed through Exchange Online (centralized transport), which no longer
        // attributes the organisation's connections to the tenant: relay to the internet refused.
        target = &exoTarget;
        rcpts.push_back(user() + "@" + rng.pick(externalDomains()));
    } else if (toCloud) {
        target = &exoTarget;
        rcpts.push_back(user() + "@contoso.mail.onmicrosoft.com");
    } else {
        target = &internetHosts[rng.below(internetHosts.size())];
        if (failure == FBlocklisted)
            target = &internetHosts[1];
        if (failure == FDropped)
            target = &internetHosts[2];   // a CHUNKING peer: the reset comes during BDAT
        if (failure == FDataStall)
            target = &internetHosts[0];   // a DATA peer (no CHUNKING)
        std::string domain = target->fqdn;
        if (domain.rfind("mx1.", 0) == 0)
            domain = domain.substr(4);
        else if (domain.rfind("mx.", 0) == 0)
            domain = domain.substr(3);
        else if (auto p = domain.find(".mail.protection"); p != std::string::npos) {
            domain = domain.substr(0, p);
            std::replace(domain.begin(), domain.end(), '-', '.');
        }
        rcpts.push_back(user() + "@" + domain);
        if (rng.chance(0.2))
            rcpts.push_back(user() + "@" + domain);
    }
    Msg m = newMessage(t, internalAddress(), rcpts, false, origin);
    trkSubmitAndReceive(origin, t, m);
    std::int64_t now = t + rng.range(300, 1500);
    int at = origin;
    const int gw = gateway();
    if (at != gw) {
        now = hopExchange(at, gw, m, now, false) + rng.range(30, 900);
        at = gw;
    }
    if (failure == FDelayed) {
        // The message sits in the gateway's queue (suspended queue, back-pressure) for ~47 minutes.
        now += 47LL * 60000 + rng.range(0, 60000);
        evidenceMsg(m, at, now);
    }
    if (edgePresent() && !toCloud) {
        const int e = edges[rng.below(edges.size())];
        now = hopExchange(at, e, m, now, false) + rng.range(30, 900);
        at = e;
    }
    Server &sv = servers[static_cast<std::size_t>(at)];
    const std::string connector = toCloud ? "Outbound to Office 365"
                                          : (sv.edge ? "EdgeSync - Default-First-Site-Name to Internet" : "Internet");
    if (failure == FDnsQuery) {
        trkStatus(at, now + rng.range(50, 400), m, "DEFER", "SMTP",
                  "451 4.4.0 DNS query failed. The error was: DNS query failed with error ErrorRetry -> "
                  "DnsQueryFailed: ErrorRetry",
                  connector);
        return;
    }
    const std::string localIp = sv.edge ? sv.extIp : sv.ip;
    const std::string clientEp = localIp + ":" + ephemeralPort();
    const std::string serverEp = target->ip + ":25";
    Session *cs = newSession(at, sv.edge ? EdgeSend : HubSend, connector, clientEp, serverEp, now, sv.edge ? 2 : 1);
    Conv c{rng, opt.multilineEhlo};
    c.cli = cs;
    c.t = now;
    c.clientName = "mail.contoso.com";
    c.clientIp = localIp;
    c.rtt = rng.range(20, 200);
    c.serverFqdn = target->fqdn;
    c.serverIp = target->ip;
    c.open({}, permsSendExternal());
    c.wait(20, 160);
    std::string banner = target->banner;
    if (target->exchangeOnline) {
        banner.append(" at ");
        appendRfc822(banner, c.t);
    }
    c.S(banner);
    const std::string greeting =
        target->exchangeOnline ? target->ehloGreeting + " Hello [" + localIp + "]" : target->ehloGreeting;
    c.ehlo(target->caps, greeting);
    c.tls(false, target->cert, failure == FSubjectMismatch ? &wrongCert : &publicCert,
          opt.exchange);
    c.ehlo(target->caps, greeting);
    c.noteC({}, "sending message with RecordId " + std::to_string(internalId(m, at)) + " and InternetMessageId " + m.id);
    c.mailFrom(m, false);
    c.wait(20, 150);
    // The remote refused: the session ends, the gateway's tracking log records the deferral or failure.
    auto refused = [&](const std::string &text, const char *event) {
        c.quit();
        evidence(cs);
        schedule(cs);
        trkStatus(at, c.t + rng.range(5, 50), m, event, "SMTP", text, connector);
    };
    if (failure == FSubjectMismatch) {
        const std::string text = "450 4.4.317 Cannot establish session - SubjectMismatch. Expected: mail.contoso.com, "
                                 "Presented: " + wrongCert.subject;
        c.S(text);
        refused(text, "DEFER");
        return;
    }
    if (failure == FBlocklisted) {
        if (cur)
            cur->cause = "listed-ip:" + localIp;   // the block list lists this address
        const std::string text = "550 5.7.1 Service unavailable, Client host [" + localIp +
                                 "] blocked using Spamhaus. To request removal from this list see "
                                 "https://www.spamhaus.org/query/ip/" + localIp +
                                 " (AS3130). [BN8NAM12FT034.eop-nam12.prod.protection.outlook.com]";
        c.S(text);
        refused(text, "FAIL");
        return;
    }
    c.S(target->exchangeOnline ? "250 2.1.0 Sender OK" : "250 2.1.0 Ok");
    if (failure == FRelayExo || failure == FRelayExoPlain) {
        // Exchange Online does not always say why: besides 5.7.64 TenantAttribution, a plain relay
        // refusal that only the peer (Exchange Online) tells apart from a receive connector's.
        const std::string text = failure == FRelayExoPlain
                                     ? "550 5.7.1 Unable to relay"
                                     : "550 5.7.64 TenantAttribution; Relay Access Denied [BN8NAM12FT034.eop-nam12.prod.protection.outlook.com]";
        for (const std::string &r : m.rcpts) {
            c.C("RCPT TO:<" + r + ">");
            c.wait(10, 120);
            c.S(text);
        }
        refused(text, "FAIL");
        return;
    }
    for (const std::string &r : m.rcpts) {
        c.C("RCPT TO:<" + r + ">");
        c.wait(10, 120);
        c.S(target->exchangeOnline ? "250 2.1.5 Recipient OK" : "250 2.1.5 Ok");
    }
    std::string reply;
    std::int64_t dur = 0;
    if (target->chunking) {
        std::string bdat = "BDAT ";
        appendUInt(bdat, static_cast<std::uint64_t>(m.size));
        bdat.append(" LAST");
        c.C(bdat);
        if (failure == FDropped) {
            c.wait(200, 2000);
            c.drop("", "Remote(SocketError)");
            evidence(cs);
            schedule(cs);
            trkStatus(at, c.t + rng.range(5, 50), m, "DEFER", "SMTP",
                      "451 4.4.397 Error communicating with target host. -> 421 4.4.2 Connection dropped due to "
                      "SocketError. Target host responded with: 421 4.4.2 Connection dropped due to SocketError",
                      connector);
            return;
        }
        if (target->exchangeOnline) {
            reply = queuedReply(m, -1, "DM6PR12MB4321.namprd12.prod.outlook.com", dur);
        } else {
            dur = 20 + m.size / 20000;
            reply = "250 2.0.0 OK " + std::to_string(1795000000 + rng.range(0, 9999999)) + " - gsmtp";
        }
    } else {
        c.C("DATA");
        c.wait(20, 80);
        c.S("354 End data with <CR><LF>.<CR><LF>");
        if (failure == FDataStall) {
            // Seed 000: the remote said 354, the body never ends with <CRLF>.<CRLF> (an SMTP-inspecting
            // firewall holds it back); the remote times out after ten minutes.
            c.t += 10LL * 60000 + rng.range(0, 2000);
            const std::string text = "421 4.4.2 " + target->fqdn + " Error: timeout exceeded";
            c.S(text);
            c.drop("", "Remote");
            evidence(cs);
            schedule(cs);
            trkStatus(at, c.t + rng.range(5, 50), m, "DEFER", "SMTP",
                      "451 4.4.397 Error communicating with target host. -> " + text, connector);
            return;
        }
        dur = 20 + m.size / 15000;
        std::string q = "250 2.0.0 Ok: queued as 4Q";
        appendHex(q, rng.next(), 10);
        reply = q;
    }
    c.t += dur;
    c.S(reply);
    const std::int64_t sent = c.t;
    c.quit("Local", "Local");
    schedule(cs);
    trkSend(at, sent + rng.range(1, 15), m, target->ip, target->fqdn, reply, connector, localIp);
    if (toCloud && opt.exo) {
        ExoRecord e;
        e.t = sent - rng.range(0, 40);
        e.extra = static_cast<unsigned>(rng.below(10000));
        e.sender = m.sender;
        for (std::size_t i = 0; i < m.rcpts.size(); ++i) {
            if (i)
                e.status.push_back(';');
            e.status.append(m.rcpts[i] + "##Receive, Deliver");
        }
        e.rcpt = m.rcpts.front();
        e.events = "Delivered";
        e.subject = m.subject;
        e.mid = m.id;
        e.netId = m.netId;
        e.clientIp = localIp;
        e.toIp = {};
        e.direction = "Incoming";
        e.connector = "Inbound from contoso.com on-premises";
        e.size = m.size;
        exoRecords.push_back(std::move(e));
    }
}

void Generator::Impl::internalMail(std::int64_t t, bool crossServer)
{
    if (mailboxes.empty())
        return;
    const int origin = mailboxes[rng.below(mailboxes.size())];
    std::vector<std::string> rcpts{internalAddress()};
    if (rng.chance(0.3))
        rcpts.push_back(internalAddress());
    Msg m = newMessage(t, internalAddress(), rcpts, false, origin);
    trkSubmitAndReceive(origin, t, m);
    std::int64_t now = t + rng.range(300, 1200);
    int at = origin;
    if (crossServer && mailboxes.size() > 1) {
        int other = origin;
        while (other == origin)
            other = mailboxes[rng.below(mailboxes.size())];
        now = hopExchange(origin, other, m, now, false) + rng.range(30, 600);
        at = other;
    }
    trkDeliver(at, now, m);
}

// An application or device submitting on the client front end (587): STARTTLS, AUTH LOGIN, DATA.
void Generator::Impl::clientSubmission(std::int64_t t, int failure)
{
    if (mailboxes.empty())
        return;
    const int mb = mailboxes[rng.below(mailboxes.size())];
    Server &sv = servers[static_cast<std::size_t>(mb)];
    const bool v2010 = opt.exchange == 2010;
    const std::string connector = sv.name + (v2010 ? "\\Client " : "\\Client Frontend ") + sv.name;
    // Some application servers talk IPv6 to the client front end.
    const bool v6 = rng.chance(0.15);
    const std::string clientIp = v6 ? "2001:db8:30::" + std::to_string(rng.range(10, 200))
                                    : "10.0.30." + std::to_string(rng.range(10, 200));
    const std::string clientEp = v6 ? "[" + clientIp + "]:" + ephemeralPort() : clientIp + ":" + ephemeralPort();
    const std::string serverEp = v6 ? "[2001:db8:10::" + std::to_string(5 + mb) + "]:587" : sv.ip + ":587";
    Session *ss = newSession(mb, FrontRecv, connector, serverEp, clientEp, t, 0);
    const std::string account = "svc-" + rng.pick(std::vector<std::string>{"erp", "crm", "scan", "hr", "billing"});
    Conv c{rng, opt.multilineEhlo};
    c.srv = ss;
    c.t = t;
    c.srvVersion = opt.exchange;
    c.clientName = "APP" + std::to_string(rng.range(1, 9)) + ".contoso.com";
    c.rtt = rng.range(2, 40);
    c.clientIp = clientIp;
    c.serverFqdn = "mail.contoso.com";   // the client connector's FQDN matches its certificate
    c.serverIp = sv.ip;
    c.open(permsAnonymous(), {});
    c.exchangeBanner();
    c.ehlo(capsClientPreTls());
    c.tls(false, publicCert, nullptr, opt.exchange);
    c.ehlo(capsClientPostTls());
    c.wait(5, 60);
    c.C("AUTH LOGIN");
    c.S("334 <authentication response>");
    c.wait(100, 600);
    if (failure == FAuthFailed) {
        c.noteS({}, "Inbound AUTH LOGIN failed because of LogonDenied");
        c.noteS({}, "User Name: " + account + "@contoso.com");
        c.wait(0, 5);
        c.S("535 5.7.3 Authentication unsuccessful");
        c.wait(100, 900);
        c.drop("Remote(ConnectionReset)", "");
        evidence(ss);
        schedule(ss);
        return;
    }
    c.S("235 2.7.0 Authentication successful");
    c.noteS("CONTOSO\\" + account, "authenticated");
    if (failure == FIdleGap) {
        // The application opens the connection, authenticates, then idles for minutes before sending.
        c.t += 4LL * 60000 + rng.range(5000, 20000);
    }
    std::vector<std::string> rcpts{internalAddress()};
    Msg m = newMessage(c.t, account + "@contoso.com", rcpts, false, mb);
    c.mailFrom(m, false);
    c.S("250 2.1.0 Sender OK");
    for (const std::string &r : m.rcpts) {
        c.C("RCPT TO:<" + r + ">");
        c.S("250 2.1.5 Recipient OK");
    }
    c.C("DATA");
    c.S("354 Start mail input; end with <CRLF>.<CRLF>");
    std::int64_t dur = 0;
    const std::string reply = queuedReply(m, mb, sv.fqdn, dur);
    c.t += dur + 20;
    c.S(reply);
    const std::int64_t queued = c.t;
    m.firstMs = queued;
    const std::string ref = c.sessionRef();
    c.quit();
    if (failure == FIdleGap) {
        evidence(ss);
        evidenceMsg(m, mb, queued);
    }
    schedule(ss);
    trkReceiveSmtp(mb, queued + rng.range(0, 5), m, clientIp, c.clientName, sv.ip, ref, connector);
    trkDeliver(mb, queued + rng.range(200, 1500), m);
}

// Connections that never send MAIL: load-balancer health checks and scanners.
void Generator::Impl::probe(std::int64_t t, int kind)
{
    if (mailboxes.empty() && edges.empty())
        return;
    const int srvIdx = !mailboxes.empty() ? mailboxes.front() : edges.front();
    Server &sv = servers[static_cast<std::size_t>(srvIdx)];
    const bool edge = sv.edge;
    const std::string connector = sv.name + (edge ? "\\Default internal receive connector " : "\\Default Frontend ") + sv.name;
    const std::string clientIp = kind == 0 ? "10.0.50.10" : "192.0.2." + std::to_string(rng.range(100, 200));
    Session *ss = newSession(srvIdx, edge ? EdgeRecv : FrontRecv, connector, sv.extIp + ":25",
                             clientIp + ":" + std::to_string(rng.range(1024, 65000)), t, edge ? 2 : 0);
    Conv c{rng, opt.multilineEhlo};
    c.srv = ss;
    c.t = t;
    c.srvVersion = opt.exchange;
    c.clientName = kind == 0 ? "lb01.contoso.com" : "scanner.example";
    c.clientIp = clientIp;
    c.serverFqdn = sv.fqdn;
    c.open(permsAnonymous(), {});
    c.exchangeBanner();
    if (kind == 0) {
        c.wait(1, 20);
        c.drop("Remote(ConnectionReset)", "");
    } else {
        c.ehlo(edge ? capsEdgePreTls() : capsFrontendPreTls());
        c.quit();
    }
    evidence(ss);
    schedule(ss);
}

// The densest realistic session: a health probe that connects, reads the banner and resets.
void Generator::Impl::benchProbe(std::int64_t t)
{
    const int srvIdx = !mailboxes.empty() ? mailboxes[rng.below(mailboxes.size())] : edges.front();
    Server &sv = servers[static_cast<std::size_t>(srvIdx)];
    Session *ss = newSession(srvIdx, sv.edge ? EdgeRecv : FrontRecv,
                             sv.name + (sv.edge ? "\\Default internal receive connector " : "\\Default Frontend ") + sv.name,
                             sv.extIp + ":25", "10.0.50." + std::to_string(10 + rng.range(0, 1)) + ":" + ephemeralPort(), t,
                             sv.edge ? 2 : 0);
    Conv c{rng, opt.multilineEhlo};
    c.srv = ss;
    c.t = t;
    c.serverFqdn = sv.fqdn;
    c.add(ss, '+', {}, {});
    c.exchangeBanner();
    c.wait(1, 15);
    c.drop("Remote(ConnectionReset)", "");
    ++probeBackground.count;
    if (probeBackground.sessions.size() < 1000)
        probeBackground.sessions.emplace_back(srvIdx, ss->id);
    probeBackground.servers.insert(srvIdx);
    schedule(ss);
}

void Generator::Impl::healthy(std::int64_t t)
{
    const auto pickKind = rng.below(100);
    if (pickKind < 34)
        inboundFromExo(t, FNone);
    else if (pickKind < 56)
        outbound(t, FNone, false);
    else if (pickKind < 66)
        outbound(t, FNone, true);
    else if (pickKind < 78)
        internalMail(t, true);
    else if (pickKind < 86)
        internalMail(t, false);
    else
        clientSubmission(t, FNone);
}

// ===============================================================================================
// Faults
// ===============================================================================================
void Generator::Impl::fault(const std::string &rule, int occurrence, std::int64_t t)
{
    faults.push_back({});
    cur = &faults.back();
    cur->rule = rule;
    const int mb = mailboxes.empty() ? (edges.empty() ? -1 : edges.front()) : mailboxes.front();
    auto receiveSessionOn = [&](int at, const std::string &connectorSuffix, int port, const std::string &clientIp,
                                const std::string &clientName, Conv &c) {
        Server &sv = servers[static_cast<std::size_t>(at)];
        const std::string connector = sv.name + "\\" + connectorSuffix + " " + sv.name;
        Session *ss = newSession(at, sv.edge ? EdgeRecv : FrontRecv, connector, sv.extIp + ":" + std::to_string(port),
                                 clientIp + ":" + ephemeralPort(), t, sv.edge ? 2 : 0);
        c.srv = ss;
        c.t = t;
        c.srvVersion = opt.exchange;
        c.clientName = clientName;
        c.clientIp = clientIp;
        c.serverFqdn = sv.fqdn;
        c.serverIp = sv.extIp;
        c.open(permsAnonymous(), {});
        c.exchangeBanner();
        return ss;
    };
    auto receiveSession = [&](const std::string &connectorSuffix, int port, const std::string &clientIp,
                              const std::string &clientName, Conv &c) {
        return receiveSessionOn(mb, connectorSuffix, port, clientIp, clientName, c);
    };

    if (mb < 0) {
        faults.pop_back();
        skipped.push_back(rule);
        cur = nullptr;
        return;
    }

    if (rule == "smtp-data-not-terminated" && occurrence % 3 == 1 && gateway() >= 0) {
        outbound(t, FDataStall, false);
    } else if (rule == "smtp-data-not-terminated") {
        Conv c{rng, opt.multilineEhlo};
        Session *ss = receiveSession("Application Relay", 25, "10.0.20." + std::to_string(15 + occurrence % 200),
                                     "app01.contoso.com", c);
        c.ehlo(capsRelay());
        Msg m = newMessage(t, "noreply-erp@contoso.com", {internalAddress()}, false);
        c.mailFrom(m, false);
        c.S("250 2.1.0 Sender OK");
        c.C("RCPT TO:<" + m.rcpts.front() + ">");
        c.S("250 2.1.5 Recipient OK");
        c.wait(1, 20);
        c.C("DATA");
        c.S("354 Start mail input; end with <CRLF>.<CRLF>");
        if (occurrence % 3 == 0) {
            // The body arrives, the final <CRLF>.<CRLF> never does: the connector's inactivity time-out.
            c.t += 5LL * 60000 + rng.range(0, 900);
            c.S("451 4.7.0 Timeout waiting for client input");
            c.drop("Local", "");
        } else {
            c.t += 100000 + rng.range(0, 20000);
            c.drop("Remote(ConnectionReset)", "");
        }
        evidence(ss);
        schedule(ss);
    } else if (rule == "tls-subject-mismatch") {
        outbound(t, FSubjectMismatch, true);
    } else if (rule == "tls-certificate-not-found") {
        Conv c{rng, opt.multilineEhlo};
        Session *ss = receiveSession("Default Frontend", 25, "40.107.220." + std::to_string(30 + occurrence % 200),
                                     "NAM12-DM6-obe.outbound.protection.outlook.com", c);
        c.ehlo(capsFrontendPreTls());
        c.wait(1, 30);
        c.C("STARTTLS");
        c.noteS({}, "TlsCertificateName '<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com' of connector " +
                        ss->connector + " was not found or is not valid; cannot offer TLS");
        c.S("454 4.7.5 Certificate validation failure");
        c.quit();
        evidence(ss);
        schedule(ss);
    } else if (rule == "starttls-required") {
        if (occurrence % 2 == 0 || gateway() < 0) {
            Conv c{rng, opt.multilineEhlo};
            Session *ss = receiveSession("Partner TLS", 25, "198.51.100." + std::to_string(23 + occurrence % 100),
                                         "mail.fabrikam.com", c);
            c.ehlo(capsRelay());
            Msg m = newMessage(t, externalAddress(), {internalAddress()}, true);
            c.mailFrom(m, false);
            c.wait(0, 5);
            c.S("530 5.7.3 STARTTLS is required");
            c.quit();
            evidence(ss);
            schedule(ss);
        } else {
            // Our gateway sends to a partner that insists on TLS after a failed negotiation.
            const int gw = gateway();
            Server &sv = servers[static_cast<std::size_t>(gw)];
            Session *cs = newSession(gw, HubSend, "Partner fabrikam", sv.ip + ":" + ephemeralPort(),
                                     "198.51.100.20:25", t, 1);
            Conv c{rng, opt.multilineEhlo};
            c.cli = cs;
            c.t = t;
            c.clientName = "mail.contoso.com";
            c.clientIp = sv.ip;
            c.open({}, permsSendExternal());
            c.S("220 mx1.fabrikam.com ESMTP Postfix");
            c.ehlo("PIPELINING SIZE 52428800 ETRN ENHANCEDSTATUSCODES 8BITMIME DSN", "mx1.fabrikam.com");
            Msg m = newMessage(t, internalAddress(), {user() + "@fabrikam.com"}, false, gw);
            c.mailFrom(m, false);
            c.S("451 5.7.3 STARTTLS is required");
            c.quit();
            evidence(cs);
            schedule(cs);
            trkStatus(gw, c.t + 10, m, "DEFER", "SMTP", "451 5.7.3 STARTTLS is required", "Partner fabrikam");
        }
    } else if (rule == "exchange-auth-failed") {
        if (mailboxes.empty() || (mailboxes.size() < 2 && edges.empty())) {
            cur = nullptr;
            faults.pop_back();
            skipped.push_back(rule);
            return;
        }
        const int from = mailboxes.front();
        const int to = mailboxes.size() > 1 ? mailboxes[1] : edges.front();
        Msg m = newMessage(t, internalAddress(), {internalAddress()}, false, from);
        trkSubmitAndReceive(from, t, m);
        const std::int64_t end = -hopExchange(from, to, m, t + rng.range(300, 900), false, FExchangeAuth);
        const Server &b = servers[static_cast<std::size_t>(to)];
        trkStatus(from, end + rng.range(5, 40), m, "DEFER", "SMTP",
                  "451 4.4.0 Primary target IP address responded with: \"451 5.7.3 Cannot achieve Exchange Server "
                  "authentication.\" Attempted failover to alternate host, but that did not succeed. Either there are "
                  "no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was " +
                      b.ip + (opt.exchange == 2010 || b.edge ? ":25" : ":2525"),
                  "Intra-Organization SMTP Send Connector");
    } else if (rule == "dns-prx2") {
        if (edgePresent()) {
            inboundFromExo(t, FPrx2);
        } else {
            // Exchange Online delivers to the Front End of each mailbox server in turn; the one whose
            // Front End cannot resolve answers PRX2.
            const int at = mailboxes.empty() ? mb : mailboxes[static_cast<std::size_t>(occurrence) % mailboxes.size()];
            cur->cause = "frontend-dns:" + servers[static_cast<std::size_t>(at)].name;
            Conv c{rng, opt.multilineEhlo};
            Session *ss = receiveSessionOn(at, "Default Frontend", 25, "40.107.221.17", "NAM12-BN8-obe.outbound.protection.outlook.com", c);
            c.ehlo(capsFrontendPreTls());
            Msg m = newMessage(t, externalAddress(), {internalAddress()}, true);
            c.mailFrom(m, false);
            c.S("250 2.1.0 Sender OK");
            c.C("RCPT TO:<" + m.rcpts.front() + ">");
            c.wait(200, 900);
            c.S("451 4.7.0 Temporary server error. Please try again later. PRX2");
            c.quit();
            evidence(ss);
            schedule(ss);
        }
    } else if (rule == "dns-query-failed") {
        outbound(t, FDnsQuery, false);
    } else if (rule == "no-matching-connector") {
        // No send connector covers the tenant's routing domains (the connector has
        // contoso.mail.onmicrosoft.com, not contoso.onmicrosoft.com): one organisation-wide fault.
        // Users on every mailbox server send such mail; in 2013+ a message may be categorised on
        // another server of the site than its mailbox's (Mailbox Transport Submission hands it over
        // by SMTP), and it then waits in that server's Unreachable queue.
        cur->cause = "send-connector-address-spaces";
        static const char *const domains[] = {"fabrikam.onmicrosoft.com", "contoso.onmicrosoft.com"};
        const std::size_t n = mailboxes.empty() ? 1 : mailboxes.size();
        const int origin = mailboxes.empty() ? mb : mailboxes[static_cast<std::size_t>(occurrence) % n];
        std::vector<std::string> rcpts{std::string("ramki@") + domains[static_cast<std::size_t>(occurrence / 2) % 2]};
        if (occurrence % 4 == 3)
            rcpts.push_back(std::string("it-ops@") + domains[0]);
        Msg m = newMessage(t, internalAddress(), rcpts, false, origin);
        trkSubmitAndReceive(origin, t, m);
        int queuedOn = origin;
        std::int64_t at = t + rng.range(400, 1500);
        if (n > 1 && opt.exchange != 2010 && occurrence % 3 == 2) {
            queuedOn = mailboxes[(static_cast<std::size_t>(occurrence) + 1) % n];
            at = hopExchange(origin, queuedOn, m, t + rng.range(200, 800), false) + rng.range(200, 900);
        }
        trkStatus(queuedOn, at, m, "DEFER", "ROUTING",
                  "451 4.4.0 Unreachable: A matching connector cannot be found to route the external recipient",
                  {});
    } else if (rule == "blocklisted") {
        outbound(t, FBlocklisted, false);
    } else if (rule == "relay-denied" && occurrence % 2 == 1 && !mailboxes.empty()) {
        // The other cause: Exchange Online refuses to relay for the organisation (its public IP
        // changed, the inbound OnPremises connector no longer recognises it).
        cur->cause = "exo-inbound-connector";
        // Every second one without the 5.7.64 text (occurrences 3, 7, …).
        outbound(t, occurrence % 4 == 3 ? FRelayExoPlain : FRelayExo, true);
    } else if (rule == "relay-denied") {
        // A multifunction printer relays through the Default Frontend connector, which does not let
        // anonymous senders relay.
        cur->cause = "relay-connector:" + servers[static_cast<std::size_t>(mb)].name + "\\Default Frontend";
        Conv c{rng, opt.multilineEhlo};
        Session *ss = receiveSession("Default Frontend", 25, "10.0.30." + std::to_string(50 + occurrence % 100),
                                     "MFP-3F.contoso.com", c);
        c.ehlo(capsFrontendPreTls());
        Msg m = newMessage(t, "mfp-3f@contoso.com", {user() + "@litwareinc.com"}, true);
        c.mailFrom(m, false);
        c.S("250 2.1.0 Sender OK");
        c.C("RCPT TO:<" + m.rcpts.front() + ">");
        c.wait(0, 10);
        c.S("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain");
        c.quit();
        evidence(ss);
        schedule(ss);
    } else if (rule == "auth-failed") {
        clientSubmission(t, FAuthFailed);
    } else if (rule == "recipient-unknown") {
        inboundFromExo(t, FRecipientUnknown);
        // And an internal message to a removed mailbox, rejected by the resolver.
        if (!mailboxes.empty()) {
            Msg m = newMessage(t + 2000, internalAddress(), {"former.employee@contoso.com"}, false);
            trkSubmitAndReceive(mailboxes.front(), t + 2000, m);
            trkStatus(mailboxes.front(), t + 2000 + rng.range(400, 900), m, "FAIL", "ROUTING",
                      "550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", {});
        }
    } else if (rule == "message-too-large") {
        inboundFromExo(t, FTooLarge);
    } else if (rule == "queue-expired") {
        const int at = mailboxes.empty() ? mb : gateway();
        const std::int64_t queuedAt = t - 2LL * 86400000 + rng.range(0, 60000);
        Msg m = newMessage(queuedAt, internalAddress(), {user() + "@proseware.com"}, false, at);
        trkSubmitAndReceive(at, queuedAt, m);
        trkStatus(at, queuedAt + 62000, m, "DEFER", "SMTP",
                  "451 4.4.397 Error communicating with target host. -> 421 4.2.1 Unable to connect", "Internet");
        trkStatus(at, t, m, "FAIL", "SMTP",
                  "550 4.4.7 QUEUE.Expired; message expired [LastAttemptedServerName=mx.proseware.com]", "Internet");
    } else if (rule == "message-delayed") {
        outbound(t, FDelayed, false);
    } else if (rule == "session-idle-gap") {
        clientSubmission(t, FIdleGap);
    } else if (rule == "session-unused") {
        probe(t, 0);
        probe(t + rng.range(500, 3000), 1);
        probe(t + rng.range(3000, 6000), 0);
    } else if (rule == "message-hop-missing") {
        // EX01 hands a message to EX02 (Send log and SEND event on EX01); EX02's logs are loaded but
        // hold no trace of it: its records of this journey are lost.
        if (mailboxes.size() < 2) {
            faults.pop_back();
            skipped.push_back(rule);
            cur = nullptr;
            return;
        }
        const int from = mailboxes.front();
        const int to = mailboxes[1];
        Msg m = newMessage(t, internalAddress(), {internalAddress()}, false, from);
        trkSubmitAndReceive(from, t, m);
        Session *cs = nullptr;
        silentServer = to;
        const std::int64_t queued = hopExchange(from, to, m, t + rng.range(300, 900), false, FNone, &cs, nullptr);
        silentServer = -1;
        evidence(cs);
        evidenceMsg(m, from, queued);
        cur->servers.insert(to);
    } else if (rule == "connection-dropped") {
        if (occurrence % 2 == 0 || !edgePresent())
            inboundFromExo(t, FDropped);
        else
            outbound(t, FDropped, false);
    }
    // Some faults need servers this run does not have (e.g. a mailbox server for outbound mail).
    if (cur && cur->sessions.empty() && cur->messageIds.empty()) {
        skipped.push_back(rule);
        faults.pop_back();
    }
    cur = nullptr;
}

// ===============================================================================================
// Run
// ===============================================================================================
bool Generator::Impl::run(std::string &error)
{
    if (opt.servers.empty()) {
        error = "no servers given";
        return false;
    }
    setupWorld();
    std::vector<std::string> faultList;
    if (!opt.healthyOnly) {
        if (opt.faultsGiven) {
            for (const auto &[rule, n] : opt.faults)
                for (int i = 0; i < n; ++i)
                    faultList.push_back(rule);
        } else if (opt.targetBytes <= 0) {
            faultList = {"smtp-data-not-terminated", "recipient-unknown", "session-unused", "dns-prx2"};
        }
    }
    std::map<std::string, int> occurrences;
    const bool bench = opt.targetBytes > 0;
    const double budget = bench ? (1024.0 * 1024.0 * 1024.0) / static_cast<double>(opt.sessionsPerGiB) : 0.0;
    std::int64_t t = opt.startMs;
    std::size_t injected = 0;
    const std::size_t faultCount = faultList.size();
    while (true) {
        double progress;
        if (bench)
            progress = static_cast<double>(out.protocolBytes()) / static_cast<double>(opt.targetBytes);
        else
            progress = opt.sessions <= 0 ? 1.0 : static_cast<double>(sessionsCreated) / opt.sessions;
        if (progress >= 1.0 && injected >= faultCount)
            break;
        if (out.failed())
            break;
        const double gap = -opt.meanGapMs * std::log(1.0 - rng.unit() * 0.999999);
        t += std::max<std::int64_t>(1, static_cast<std::int64_t>(gap));
        drain(t);
        if (injected < faultCount &&
            progress >= static_cast<double>(injected + 1) / static_cast<double>(faultCount + 1)) {
            const std::string &rule = faultList[injected++];
            fault(rule, occurrences[rule]++, t);
        } else if (bench && sessionsCreated > 0 &&
                   static_cast<double>(out.protocolBytes()) / static_cast<double>(sessionsCreated) > budget) {
            benchProbe(t);
        } else {
            healthy(t);
        }
    }
    if (bench) {
        const std::int64_t trackingTarget = opt.trackingBytes >= 0 ? opt.trackingBytes : opt.targetBytes / 5;
        while (out.trackingBytes() < trackingTarget && !out.failed()) {
            t += std::max<std::int64_t>(1, static_cast<std::int64_t>(-opt.meanGapMs * std::log(1.0 - rng.unit() * 0.999999)));
            drain(t);
            internalMail(t, false);
        }
    }
    drain(std::numeric_limits<std::int64_t>::max());
    std::stable_sort(backlog.begin(), backlog.end(),
                     [](const TItem &a, const TItem &b) { return a.t != b.t ? a.t < b.t : a.order < b.order; });
    for (const TItem &it : backlog)
        out.write(it.stream, it.t, it.line);
    backlog.clear();
    for (const std::string &r : skipped)
        std::fprintf(stderr, "mwb-loggen: fault %s needs servers this run does not have (see --servers); skipped\n",
                     r.c_str());
    if (opt.exo)
        writeExo();
    if (!out.finish(error))
        return false;
    if (!opt.manifestPath.empty())
        return writeManifest(error);
    return true;
}

void Generator::Impl::writeExo()
{
    std::stable_sort(exoRecords.begin(), exoRecords.end(),
                     [](const ExoRecord &a, const ExoRecord &b) { return a.t < b.t; });
    if (exoRecords.size() > 200000)
        exoRecords.resize(200000);
    // Historical search summary: UTF-16LE without BOM, every field quoted, CRLF.
    std::string csv = "\"origin_timestamp_utc\",\"sender_address\",\"recipient_status\",\"message_subject\","
                      "\"total_bytes\",\"message_id\",\"network_message_id\",\"original_client_ip\","
                      "\"directionality\",\"connector_id\",\"delivery_priority\"\r\n";
    for (const ExoRecord &e : exoRecords) {
        std::string ts;
        appendIso(ts, e.t, 7, e.extra);
        appendQuotedField(csv, ts);
        csv.push_back(',');
        appendQuotedField(csv, e.sender);
        csv.push_back(',');
        appendQuotedField(csv, e.status);
        csv.push_back(',');
        appendQuotedField(csv, e.subject);
        csv.push_back(',');
        appendQuotedField(csv, std::to_string(e.size));
        csv.push_back(',');
        appendQuotedField(csv, e.mid);
        csv.push_back(',');
        appendQuotedField(csv, e.netId);
        csv.push_back(',');
        appendQuotedField(csv, e.clientIp);
        csv.push_back(',');
        appendQuotedField(csv, e.direction);
        csv.push_back(',');
        appendQuotedField(csv, e.connector);
        csv.push_back(',');
        appendQuotedField(csv, "Normal");
        csv.append("\r\n");
    }
    const QString text = QString::fromStdString(csv);
    std::string utf16;
    utf16.reserve(static_cast<std::size_t>(text.size()) * 2);
    for (QChar ch : text) {
        const char16_t u = ch.unicode();
        utf16.push_back(static_cast<char>(u & 0xFF));
        utf16.push_back(static_cast<char>(u >> 8));
    }
    const std::int64_t first = exoRecords.empty() ? -1 : exoRecords.front().t;
    const std::int64_t last = exoRecords.empty() ? -1 : exoRecords.back().t;
    const auto n = static_cast<std::int64_t>(exoRecords.size());
    out.writeWholeFile("EXO/MessageTrace_summary.csv", "exo-message-trace", "EXO", utf16, n, first, last);

    // Get-MessageTrace | Export-Csv -NoTypeInformation on Windows PowerShell 5.1: UTF-8 with BOM, all quoted.
    std::string ps = "\xEF\xBB\xBF";
    ps.append("\"PSComputerName\",\"RunspaceId\",\"PSShowComputerName\",\"Organization\",\"MessageId\",\"Received\","
              "\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"ToIP\",\"FromIP\",\"Size\","
              "\"MessageTraceId\",\"StartDate\",\"EndDate\",\"Index\"\r\n");
    const std::string runspace = guid(rng);
    std::string startDate, endDate;
    appendIso(startDate, opt.startMs - 3600000, 3, 0, false);
    appendIso(endDate, (last < 0 ? opt.startMs : last) + 3600000, 3, 0, false);
    std::int64_t index = 0;
    // Get-MessageTrace lists newest first.
    for (auto it = exoRecords.rbegin(); it != exoRecords.rend(); ++it) {
        const ExoRecord &e = *it;
        std::string received;
        appendIso(received, e.t, 7, e.extra, false);   // no Z: Export-Csv of a DateTime
        const std::vector<std::string> fields{"outlook.office365.com", runspace, "False", "contoso.onmicrosoft.com",
                                              e.mid, received, e.sender, e.rcpt, e.subject, e.events, e.toIp,
                                              e.clientIp, std::to_string(e.size), e.netId, startDate, endDate,
                                              std::to_string(index++)};
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i)
                ps.push_back(',');
            appendQuotedField(ps, fields[i]);
        }
        ps.append("\r\n");
    }
    out.writeWholeFile("EXO/get-messagetrace.csv", "exo-get-messagetrace", "EXO", ps, n, first, last);

    // Get-MessageTraceV2 | Export-Csv -NoTypeInformation -UseCulture on a German machine: ';' and
    // dd.MM.yyyy HH:mm:ss, UTF-8 with BOM, newest first, no Organization/StartDate/EndDate/Index.
    auto culture = [](std::int64_t ms, bool german) {
        const Civil c = civilFromMs(ms);
        std::string s;
        if (german) {
            appendPadded(s, c.day, 2);
            s.push_back('.');
            appendPadded(s, c.month, 2);
            s.push_back('.');
            appendPadded(s, static_cast<std::uint64_t>(c.year), 4);
            s.push_back(' ');
            appendPadded(s, c.hour, 2);
        } else {   // en-US: M/d/yyyy h:mm:ss tt
            s += std::to_string(c.month) + "/" + std::to_string(c.day) + "/" + std::to_string(c.year) + " ";
            s += std::to_string(c.hour % 12 == 0 ? 12 : c.hour % 12);
        }
        s.push_back(':');
        appendPadded(s, c.minute, 2);
        s.push_back(':');
        appendPadded(s, c.second, 2);
        if (!german)
            s += c.hour < 12 ? " AM" : " PM";
        return s;
    };
    std::string v2 = "\xEF\xBB\xBF";
    v2.append("\"Received\";\"SenderAddress\";\"RecipientAddress\";\"Subject\";\"Status\";\"ToIP\";\"FromIP\";"
              "\"Size\";\"MessageId\";\"MessageTraceId\"\r\n");
    for (auto it = exoRecords.rbegin(); it != exoRecords.rend(); ++it) {
        const ExoRecord &e = *it;
        const std::vector<std::string> fields{culture(e.t, true), e.sender, e.rcpt, e.subject, e.events, e.toIp,
                                              e.clientIp, std::to_string(e.size), e.mid, e.netId};
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i)
                v2.push_back(';');
            appendQuotedField(v2, fields[i]);
        }
        v2.append("\r\n");
    }
    out.writeWholeFile("EXO/get-messagetracev2.csv", "exo-message-trace-v2", "EXO", v2, n, first, last);

    // Get-MessageTrackingLog -Server <first server> | Export-Csv -Encoding Unicode (Windows
    // PowerShell 5.1): UTF-16LE with BOM, a #TYPE line, en-US dates, Recipients and RecipientStatus
    // not joined ("System.String[]"): the same events as that server's hub tracking log.
    if (!emsRows.empty() && !servers.empty()) {
        std::stable_sort(emsRows.begin(), emsRows.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        static const char *const props[] = {"Timestamp", "ClientIp", "ClientHostname", "ServerIp", "ServerHostname",
            "SourceContext", "ConnectorId", "Source", "EventId", "InternalMessageId", "MessageId", "NetworkMessageId",
            "Recipients", "RecipientStatus", "TotalBytes", "RecipientCount", "RelatedRecipientAddress", "Reference",
            "MessageSubject", "Sender", "ReturnPath", "MessageInfo", "Directionality", "TenantId", "OriginalClientIp",
            "OriginalServerIp", "EventData", "TransportTrafficType", "LogId", "SchemaVersion"};
        std::string ems = "#TYPE Microsoft.Exchange.Management.TransportLogSearchTasks.MessageTrackingEvent\r\n";
        for (int c = 0; c < TCount; ++c) {
            if (c)
                ems.push_back(',');
            appendQuotedField(ems, props[c]);
        }
        ems.append("\r\n");
        std::int64_t emsFirst = -1, emsLast = -1;
        for (const auto &[t, row] : emsRows) {
            if (emsFirst < 0)
                emsFirst = t - t % 1000;
            emsLast = t - t % 1000;
            for (int c = 0; c < TCount; ++c) {
                if (c)
                    ems.push_back(',');
                std::string v = row[static_cast<std::size_t>(c)];
                if (c == TDateTime)
                    v = culture(t, false);
                else if ((c == TRecipients || c == TRecipientStatus) && !v.empty())
                    v = "System.String[]";
                appendQuotedField(ems, v);
            }
            ems.append("\r\n");
        }
        const QString text = QString::fromStdString(ems);
        std::string u16 = "\xFF\xFE";
        for (QChar ch : text) {
            u16.push_back(static_cast<char>(ch.unicode() & 0xFF));
            u16.push_back(static_cast<char>(ch.unicode() >> 8));
        }
        out.writeWholeFile(servers[0].name + "/get-messagetrackinglog.csv", "ems-message-tracking-csv", servers[0].name,
                           u16, static_cast<std::int64_t>(emsRows.size()), emsFirst, emsLast);
    }
}

bool Generator::Impl::writeManifest(std::string &error)
{
    auto iso = [](std::int64_t ms) {
        std::string s;
        if (ms >= 0 && ms != std::numeric_limits<std::int64_t>::max())
            appendIso(s, ms);
        return QString::fromStdString(s);
    };
    QJsonObject root;
    root.insert("generator", "mwb-loggen");
    root.insert("seed", QString::number(opt.seed));
    root.insert("exchange", opt.exchange);
    root.insert("healthyOnly", opt.healthyOnly);
    QJsonArray srv;
    for (const Server &s : servers) {
        QJsonObject o;
        o.insert("name", QString::fromStdString(s.name));
        o.insert("fqdn", QString::fromStdString(s.fqdn));
        o.insert("ip", QString::fromStdString(s.ip));
        o.insert("role", s.edge ? "edge" : "mailbox");
        srv.append(o);
    }
    root.insert("servers", srv);
    QJsonArray files;
    std::int64_t lines = 0, bytes = 0;
    for (const FileRecord &f : out.files()) {
        QJsonObject o;
        o.insert("path", QString::fromStdString(f.path));
        o.insert("format", QString::fromStdString(f.format));
        o.insert("server", QString::fromStdString(f.server));
        o.insert("dataLines", static_cast<qint64>(f.dataLines));
        o.insert("bytes", static_cast<qint64>(f.bytes));
        o.insert("first", iso(f.firstMs));
        o.insert("last", iso(f.lastMs));
        if (f.format == "exo-message-trace")
            o.insert("encoding", "utf-16le");
        else if (f.format == "exo-get-messagetrace" || f.format == "exo-message-trace-v2")
            o.insert("encoding", "utf-8-bom");
        else if (f.format == "ems-message-tracking-csv")
            o.insert("encoding", "utf-16le-bom");
        else
            o.insert("encoding", "utf-8");
        lines += f.dataLines;
        bytes += f.bytes;
        files.append(o);
    }
    root.insert("files", files);
    QJsonObject totals;
    totals.insert("files", static_cast<qint64>(out.files().size()));
    totals.insert("dataLines", static_cast<qint64>(lines));
    totals.insert("bytes", static_cast<qint64>(bytes));
    totals.insert("protocolBytes", static_cast<qint64>(out.protocolBytes()));
    totals.insert("trackingBytes", static_cast<qint64>(out.trackingBytes()));
    totals.insert("sessions", static_cast<qint64>(sessionsCreated));
    totals.insert("receiveSessions", static_cast<qint64>(receiveSessions));
    totals.insert("sendSessions", static_cast<qint64>(sendSessions));
    totals.insert("messages", static_cast<qint64>(messagesCreated));
    totals.insert("exoRecords", static_cast<qint64>(exoRecords.size()));
    root.insert("totals", totals);

    auto faultJson = [&](const FaultRec &f) {
        QJsonObject o;
        o.insert("rule", QString::fromStdString(f.rule));
        if (!f.cause.empty())
            o.insert("cause", QString::fromStdString(f.cause));
        QJsonArray ss;
        for (const auto &[server, id] : f.sessions) {
            QJsonObject s;
            s.insert("server", QString::fromStdString(servers[static_cast<std::size_t>(server)].name));
            s.insert("id", QString::fromStdString(id));
            ss.append(s);
        }
        o.insert("sessions", ss);
        QJsonArray ids;
        for (const std::string &id : f.messageIds)
            ids.append(QString::fromStdString(id));
        o.insert("messageIds", ids);
        QJsonArray sv;
        for (int s : f.servers)
            sv.append(QString::fromStdString(servers[static_cast<std::size_t>(s)].name));
        o.insert("servers", sv);
        o.insert("first", iso(f.firstMs));
        o.insert("last", iso(f.lastMs));
        if (f.background) {
            o.insert("background", true);
            o.insert("count", static_cast<qint64>(f.count));
            o.insert("sessionsListed", static_cast<qint64>(f.sessions.size()));
        }
        return o;
    };
    QJsonArray fa;
    for (const FaultRec &f : faults) {
        QJsonObject o = faultJson(f);
        const auto [codes, text] = expectedEvidence(f.rule);
        QJsonArray c;
        for (const char *code : codes)
            c.append(QString::fromLatin1(code));
        o.insert("codes", c);
        o.insert("evidence", QString::fromUtf8(text));
        fa.append(o);
    }
    if (probeBackground.count > 0) {
        probeBackground.rule = "session-unused";
        probeBackground.background = true;
        fa.append(faultJson(probeBackground));
    }
    root.insert("faults", fa);
    QJsonArray sk;
    for (const std::string &r : skipped)
        sk.append(QString::fromStdString(r));
    root.insert("skippedFaults", sk);

    QFile file(QString::fromStdString(opt.manifestPath));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        error = "cannot write manifest " + opt.manifestPath + ": " + file.errorString().toStdString();
        return false;
    }
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (file.write(json) != json.size()) {
        error = "cannot write manifest " + opt.manifestPath;
        return false;
    }
    return true;
}

Generator::Generator(const Options &options) : impl_(new Impl(options)) {}
Generator::~Generator()
{
    for (HeapItem &h : impl_->heap)
        delete h.s;
    delete impl_;
}
bool Generator::run(std::string &error) { return impl_->run(error); }

bool generate(const Options &options, std::string &error)
{
    Generator g(options);
    return g.run(error);
}

} // namespace loggen
