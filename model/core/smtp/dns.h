#pragma once
// DNS probes for mail flow: MX by priority, A/AAAA, PTR with forward confirmation, SPF, DMARC and
// DNS block list answers. Lookups go through QDnsLookup (system resolver, or a chosen resolver on
// port 53 via QDnsLookup::setNameserver). Qt 6.4 cannot send to another port, so a resolver with
// an explicit port other than 53 is asked by a small UDP client of our own (DnsUdpQuery).
#include "model/core/smtp/mailpolicy.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QTimer>
#include <QTcpSocket>
#include <QUdpSocket>
#include <functional>

namespace mwb::smtp {

enum class DnsType : quint16 { A = 1, Ptr = 12, Mx = 15, Txt = 16, Aaaa = 28, Tlsa = 52 };


struct DnsMx {
    int preference = 0;
    QString exchange;
};

struct DnsAnswer {
    QString name;
    DnsType type = DnsType::A;
    bool ok = false;               // the server answered (NOERROR or NXDOMAIN)
    bool nxDomain = false;
    bool truncated = false;        // the response had TC set (parseDnsResponse); the client then asks over TCP
    bool overTcp = false;          // the answer came over TCP after a truncated UDP answer
    bool authenticated = false;    // AD bit: the resolver says it validated the answer with DNSSEC
    QString error;                 // plain words when !ok
    QStringList values;            // A/AAAA addresses, PTR names, TXT strings (joined per record)
    QList<DnsMx> mx;
    QList<TlsaRecord> tlsa;
};

struct Resolver {
    QHostAddress address;          // null = the system resolver
    quint16 port = 53;
    bool isSystem() const { return address.isNull(); }
    QString toString() const;
    // "IP", "IP:PORT", "[v6]:PORT"; fails on anything else.
    static bool parse(const QString &text, Resolver *out, QString *error);
    // The first nameserver of /etc/resolv.conf, for questions QDnsLookup cannot ask (TLSA in Qt
    // 6.4); null when there is none (Windows, or an empty file).
    static Resolver firstSystemNameserver();
};

// One question, one answer, asynchronously; `done` is called exactly once.
class DnsClient : public QObject {
    Q_OBJECT
public:
    explicit DnsClient(Resolver resolver = {}, QObject *parent = nullptr);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void lookup(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done);
    const Resolver &resolver() const { return m_resolver; }

private:
    void lookupWithQt(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done);
    void lookupWithUdp(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done);
    // RFC 1035 4.2.2 / RFC 7766: the same question over TCP after a truncated (TC) UDP answer.
    void lookupWithTcp(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done);
    Resolver m_resolver;
    int m_timeoutMs = 4000;
};

// DNS wire format helpers, public for tests. With `dnssecOk` the query carries an EDNS0 OPT record
// with DO set and the AD bit (RFC 6840 5.7), so a validating resolver says whether it validated.
QByteArray buildDnsQuery(quint16 id, DnsType type, const QString &name, bool dnssecOk = false);
// Parses a response into `answer`; returns false (with answer.error) on a malformed packet. A
// response with TC set sets answer.truncated (its records are kept, but they may be incomplete).
bool parseDnsResponse(const QByteArray &packet, quint16 expectedId, DnsAnswer *answer);
// "4.3.2.1.in-addr.arpa" / nibble form for IPv6.
QString reverseName(const QHostAddress &address);
// Reversed octets/nibbles without the arpa suffix, for block list zones: "4.3.2.1".
QString reversedLabels(const QHostAddress &address);

struct BlocklistResult {
    QString zone;
    QString query;                 // 4.3.2.1.zen.spamhaus.org
    bool listed = false;
    QStringList answers;           // 127.0.0.x
    QStringList meanings;          // plain words per answer
    QString error;
    QJsonObject toJson() const;
};
// What 127.0.0.x means for a zone (Spamhaus ZEN codes; generic for others).
QString explainBlocklistAnswer(const QString &zone, const QString &answer);
// The result of one block list question: listed when an answer is in 127/8 except 127.255.255.x,
// which the lists use for errors (query refused, over quota), not for a listing.
BlocklistResult blocklistResult(const QString &zone, const QString &query, const DnsAnswer &answer);
QStringList defaultBlocklistZones();

struct PtrResult {
    QString address;
    QStringList names;
    bool forwardConfirmed = false; // some PTR name resolves back to the address
    QString explanation;
};

// TLSA records of one MX host (`_25._tcp.HOST`, RFC 7672 2.2) and what the resolver said about
// their DNSSEC status.
struct MxTlsa {
    QString exchange;
    QString name;                  // _25._tcp.mail.contoso.com
    QList<TlsaRecord> records;
    QString dnssec;                // "validated" (AD=1) | "not-validated" (AD=0) | "unknown" (no answer)
    QString error;
    QJsonObject toJson() const;
};

// MTA-STS as published: the `_mta-sts` TXT record(s), the policy fetched over HTTPS, and which MX
// hosts the policy covers.
struct MtaStsReport {
    QStringList records;           // every TXT string at _mta-sts.DOMAIN that starts with v=STSv1
    MtaStsRecord record;           // the one that counts (valid only when exactly one, RFC 8461 3.1)
    bool policyAsked = false;      // the policy was fetched (only with a valid TXT record)
    MtaStsFetch policy;
    QMap<QString, bool> mxCovered; // MX host -> covered by the policy's mx patterns
    QJsonObject toJson() const;
};

struct TlsRptReport {
    QStringList records;           // TXT strings at _smtp._tls.DOMAIN that start with v=TLSRPTv1
    TlsRptRecord record;           // valid only when exactly one (RFC 8460 3)
    QJsonObject toJson() const;
};

struct DnsReport {
    QString query;
    bool isAddress = false;
    QString resolver;
    QList<DnsMx> mx;               // sorted by preference
    QMap<QString, QStringList> mxAddresses;
    QStringList a;
    QStringList aaaa;
    QList<PtrResult> ptr;
    QStringList spf;
    QStringList dmarc;
    MtaStsReport mtaSts;
    TlsRptReport tlsRpt;
    QList<MxTlsa> tlsa;            // one per MX, in MX order
    QString dkimSelector;          // asked only when set
    QStringList dkim;              // TXT at SELECTOR._domainkey.DOMAIN
    QList<BlocklistResult> blocklists;
    QStringList errors;
    QJsonObject toJson() const;
};

// Runs every probe that fits the query (a name or an IP) and emits finished() once.
class DnsProbe : public QObject {
    Q_OBJECT
public:
    explicit DnsProbe(Resolver resolver = {}, QObject *parent = nullptr);
    void setBlocklistZones(const QStringList &zones) { m_zones = zones; }
    void setTimeoutMs(int ms)
    {
        m_client->setTimeoutMs(ms);
        m_dnsTimeoutMs = ms;
        m_policyTimeoutMs = std::max(ms, 1000);
    }
    // Trusted roots added for the MTA-STS policy's HTTPS connection (`--ca-file`).
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_ca = certificates; }
    void setDkimSelector(const QString &selector) { m_dkimSelector = selector; }
    void start(const QString &nameOrAddress);
    const DnsReport &report() const { return m_report; }

signals:
    void finished();

private:
    void ask(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> then);
    void probeAddress(const QHostAddress &address);
    void done();
    void fetchMtaSts(const QString &domain);  // MtaStsLookup: the TXT record, then the policy
    DnsClient *m_client;
    QStringList m_zones;
    QList<QSslCertificate> m_ca;
    QString m_dkimSelector;
    int m_policyTimeoutMs = 4000;
    int m_dnsTimeoutMs = 4000;
    DnsReport m_report;
    int m_pending = 0;
};

} // namespace mwb::smtp
