#include "model/core/smtp/dns.h"
#include "model/core/smtp/mtastsfetcher.h"

#include <QDnsLookup>
#include <QFile>
#include <QNetworkDatagram>
#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <algorithm>

namespace mwb::smtp {

QString Resolver::toString() const
{
    if (isSystem())
        return QStringLiteral("system");
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']'
                                                                              : address.toString();
    return host + u':' + QString::number(port);
}

bool Resolver::parse(const QString &text, Resolver *out, QString *error)
{
    QString host = text.trimmed();
    quint16 port = 53;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0) {
            *error = QStringLiteral("missing ']' in resolver '%1'").arg(text);
            return false;
        }
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!rest.isEmpty()) {
            bool ok = false;
            const uint p = rest.startsWith(u':') ? rest.mid(1).toUInt(&ok) : 0;
            if (!ok || p == 0 || p > 65535) {
                *error = QStringLiteral("bad port in resolver '%1'").arg(text);
                return false;
            }
            port = quint16(p);
        }
    } else if (host.count(u':') == 1) {
        bool ok = false;
        const uint p = host.section(u':', 1).toUInt(&ok);
        if (!ok || p == 0 || p > 65535) {
            *error = QStringLiteral("bad port in resolver '%1'").arg(text);
            return false;
        }
        port = quint16(p);
        host = host.section(u':', 0, 0);
    }
    const QHostAddress address(host);
    if (address.isNull()) {
        *error = QStringLiteral("the resolver must be an IP address, not '%1'").arg(text);
        return false;
    }
    out->address = address;
    out->port = port;
    return true;
}

Resolver Resolver::firstSystemNameserver()
{
    Resolver r;
    QFile file(QStringLiteral("/etc/resolv.conf"));
    if (!file.open(QIODevice::ReadOnly))
        return r;
    const QList<QByteArray> lines = file.read(64 * 1024).split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> words = line.simplified().split(' ');
        if (words.size() >= 2 && words.at(0) == "nameserver") {
            const QHostAddress address(QString::fromLatin1(words.at(1)));
            if (!address.isNull()) {
                r.address = address;
                return r;
            }
        }
    }
    return r;
}

// ---- wire format -------------------------------------------------------------------------------

QByteArray buildDnsQuery(quint16 id, DnsType type, const QString &name, bool dnssecOk)
{
    QByteArray q;
    const auto put16 = [&q](quint16 v) { q.append(char(v >> 8)).append(char(v & 0xff)); };
    put16(id);
    put16(dnssecOk ? 0x0120 : 0x0100);  // standard query, recursion desired (+ AD, RFC 6840 5.7)
    put16(1);
    put16(0);
    put16(0);
    put16(dnssecOk ? 1 : 0);
    QString n = name;
    if (n.endsWith(u'.'))
        n.chop(1);
    for (const QString &label : n.split(u'.', Qt::SkipEmptyParts)) {
        const QByteArray l = label.toUtf8().left(63);
        q.append(char(l.size())).append(l);
    }
    q.append('\0');
    put16(quint16(type));
    put16(1);  // IN
    if (dnssecOk) {
        // EDNS0 OPT (RFC 6891): root name, type 41, UDP payload 1232, extended RCODE/version 0,
        // flags with DO (RFC 3225), no options.
        q.append('\0');
        put16(41);
        put16(1232);
        put16(0);
        put16(0x8000);
        put16(0);
    }
    return q;
}

namespace {

struct Reader {
    const QByteArray &p;
    qsizetype pos = 0;
    bool bad = false;
    quint16 u16()
    {
        if (pos + 2 > p.size()) {
            bad = true;
            return 0;
        }
        const quint16 v = quint16((quint8(p[pos]) << 8) | quint8(p[pos + 1]));
        pos += 2;
        return v;
    }
    quint32 u32()
    {
        const quint32 hi = u16();
        return (hi << 16) | u16();
    }
    // A possibly compressed name starting at `at`; returns the position after it.
    QString nameAt(qsizetype at, qsizetype *after)
    {
        QStringList labels;
        qsizetype cur = at;
        qsizetype end = -1;
        int jumps = 0;
        while (true) {
            if (cur >= p.size()) {
                bad = true;
                return {};
            }
            const quint8 len = quint8(p[cur]);
            if ((len & 0xC0) == 0xC0) {
                if (cur + 1 >= p.size() || ++jumps > 32) {
                    bad = true;  // truncated or a pointer loop
                    return {};
                }
                if (end < 0)
                    end = cur + 2;
                cur = ((len & 0x3F) << 8) | quint8(p[cur + 1]);
                continue;
            }
            if (len == 0) {
                if (end < 0)
                    end = cur + 1;
                break;
            }
            if (cur + 1 + len > p.size()) {
                bad = true;
                return {};
            }
            labels.append(QString::fromUtf8(p.constData() + cur + 1, len));
            cur += 1 + len;
        }
        *after = end;
        return labels.join(u'.');
    }
    QString name()
    {
        qsizetype after = pos;
        const QString n = nameAt(pos, &after);
        pos = after;
        return n;
    }
};

} // namespace

bool parseDnsResponse(const QByteArray &packet, quint16 expectedId, DnsAnswer *answer)
{
    Reader r{packet};
    const quint16 id = r.u16();
    const quint16 flags = r.u16();
    const quint16 qd = r.u16();
    const quint16 an = r.u16();
    r.u16();
    r.u16();
    if (r.bad || id != expectedId || !(flags & 0x8000)) {
        answer->error = QStringLiteral("malformed or foreign DNS response");
        return false;
    }
    answer->truncated = (flags & 0x0200) != 0;
    answer->authenticated = (flags & 0x0020) != 0;
    const int rcode = flags & 0x000F;
    if (rcode == 3) {
        answer->ok = true;
        answer->nxDomain = true;
        return true;
    }
    if (rcode != 0) {
        static const char *names[] = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"};
        answer->error = QStringLiteral("the resolver answered %1").arg(rcode < 6 ? QString::fromLatin1(names[rcode]) : QString::number(rcode));
        return false;
    }
    for (int i = 0; i < qd && !r.bad; ++i) {
        r.name();
        r.u16();
        r.u16();
    }
    for (int i = 0; i < an && !r.bad; ++i) {
        r.name();
        const quint16 type = r.u16();
        r.u16();
        r.u32();
        const quint16 len = r.u16();
        if (r.bad || r.pos + len > packet.size()) {
            r.bad = true;
            break;
        }
        const qsizetype start = r.pos;
        if (type == quint16(answer->type)) {
            switch (answer->type) {
            case DnsType::A:
                if (len == 4)
                    answer->values.append(QHostAddress(quint32((quint8(packet[start]) << 24) | (quint8(packet[start + 1]) << 16)
                                                               | (quint8(packet[start + 2]) << 8) | quint8(packet[start + 3])))
                                              .toString());
                break;
            case DnsType::Aaaa:
                if (len == 16)
                    answer->values.append(QHostAddress(reinterpret_cast<const quint8 *>(packet.constData() + start)).toString());
                break;
            case DnsType::Ptr: {
                qsizetype after = 0;
                answer->values.append(r.nameAt(start, &after));
                break;
            }
            case DnsType::Mx: {
                r.pos = start;
                DnsMx mx;
                mx.preference = r.u16();
                mx.exchange = r.name();
                answer->mx.append(mx);
                break;
            }
            case DnsType::Txt: {
                QByteArray text;
                qsizetype p = start;
                while (p < start + len) {
                    const quint8 l = quint8(packet[p]);
                    if (p + 1 + l > start + len)
                        break;
                    text.append(packet.constData() + p + 1, l);
                    p += 1 + l;
                }
                answer->values.append(QString::fromUtf8(text));
                break;
            }
            case DnsType::Tlsa:
                if (len >= 3) {
                    TlsaRecord t;
                    t.usage = quint8(packet[start]);
                    t.selector = quint8(packet[start + 1]);
                    t.matchingType = quint8(packet[start + 2]);
                    t.data = packet.mid(start + 3, len - 3);
                    answer->tlsa.append(t);
                    answer->values.append(t.toString());
                }
                break;
            }
        }
        r.pos = start + len;
    }
    if (r.bad) {
        answer->error = QStringLiteral("truncated DNS response");
        return false;
    }
    answer->ok = true;
    return true;
}

QString reversedLabels(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        QStringList parts = address.toString().split(u'.');
        std::reverse(parts.begin(), parts.end());
        return parts.join(u'.');
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    QStringList nibbles;
    for (int i = 15; i >= 0; --i) {
        nibbles.append(QString::number(v6[i] & 0xF, 16));
        nibbles.append(QString::number(v6[i] >> 4, 16));
    }
    return nibbles.join(u'.');
}

QString reverseName(const QHostAddress &address)
{
    return reversedLabels(address)
           + (address.protocol() == QAbstractSocket::IPv4Protocol ? QStringLiteral(".in-addr.arpa") : QStringLiteral(".ip6.arpa"));
}

// ---- client ------------------------------------------------------------------------------------

DnsClient::DnsClient(Resolver resolver, QObject *parent) : QObject(parent), m_resolver(resolver) {}

void DnsClient::lookup(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done)
{
    // A named resolver, on port 53 too, is asked by the client's own UDP/TCP code: QDnsLookup (the
    // C library's resolver) does retry a truncated answer over TCP, but when that retry fails it
    // reports the same "invalid reply" as an empty NOERROR answer, so a failed check looked like
    // "no such record" with exit 0 (tst_dns_tcp_retry53). QDnsLookup (Qt 6.4) also knows no TLSA
    // and cannot ask for DNSSEC: those go through our own client whatever the resolver.
    if (type != DnsType::Tlsa && m_resolver.isSystem())
        lookupWithQt(type, name, std::move(done));
    else
        lookupWithUdp(type, name, std::move(done));
}

void DnsClient::lookupWithQt(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done)
{
    QDnsLookup::Type qtype = QDnsLookup::A;
    switch (type) {
    case DnsType::A: qtype = QDnsLookup::A; break;
    case DnsType::Aaaa: qtype = QDnsLookup::AAAA; break;
    case DnsType::Mx: qtype = QDnsLookup::MX; break;
    case DnsType::Ptr: qtype = QDnsLookup::PTR; break;
    case DnsType::Txt: qtype = QDnsLookup::TXT; break;
    case DnsType::Tlsa: break;  // never asked through QDnsLookup (see lookup())
    }
    auto *lookup = new QDnsLookup(qtype, name, this);
    if (!m_resolver.isSystem())
        lookup->setNameserver(m_resolver.address);
    auto *timer = new QTimer(lookup);
    timer->setSingleShot(true);
    auto finish = [lookup, timer, type, name, done](bool timedOut) {
        timer->stop();
        QObject::disconnect(lookup, nullptr, nullptr, nullptr);
        DnsAnswer a;
        a.name = name;
        a.type = type;
        if (timedOut) {
            a.error = QStringLiteral("no answer in time");
            lookup->abort();
        } else if (lookup->error() == QDnsLookup::NotFoundError) {
            a.ok = true;
            a.nxDomain = true;
        } else if (lookup->error() == QDnsLookup::InvalidReplyError) {
            // Qt 6.4 on Unix reports an empty NOERROR answer (NODATA, e.g. AAAA of an IPv4-only
            // host) as an invalid reply; for a probe that is "no such record", not a failure.
            a.ok = true;
        } else if (lookup->error() != QDnsLookup::NoError) {
            a.error = lookup->errorString();
        } else {
            a.ok = true;
            for (const auto &r : lookup->hostAddressRecords())
                a.values.append(r.value().toString());
            for (const auto &r : lookup->pointerRecords())
                a.values.append(r.value());
            for (const auto &r : lookup->textRecords()) {
                QByteArray joined;
                for (const QByteArray &part : r.values())
                    joined += part;
                a.values.append(QString::fromUtf8(joined));
            }
            for (const auto &r : lookup->mailExchangeRecords())
                a.mx.append(DnsMx{r.preference(), r.exchange()});
        }
        lookup->deleteLater();
        done(a);
    };
    connect(lookup, &QDnsLookup::finished, lookup, [finish] { finish(false); });
    connect(timer, &QTimer::timeout, lookup, [finish] { finish(true); });
    timer->start(m_timeoutMs);
    lookup->lookup();
}

void DnsClient::lookupWithUdp(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done)
{
    auto *socket = new QUdpSocket(this);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    const quint16 id = quint16(QRandomGenerator::global()->bounded(1, 65535));
    const QByteArray query = buildDnsQuery(id, type, name, type == DnsType::Tlsa);
    const Resolver resolver = m_resolver.isSystem() ? Resolver::firstSystemNameserver() : m_resolver;
    if (resolver.isSystem()) {
        DnsAnswer a;
        a.name = name;
        a.type = type;
        a.error = QStringLiteral("no nameserver in /etc/resolv.conf to ask for this record type; give --resolver");
        QTimer::singleShot(0, this, [done, a] { done(a); });
        socket->deleteLater();
        return;
    }
    auto tries = std::make_shared<int>(0);
    auto finished = std::make_shared<bool>(false);
    QPointer<DnsClient> self(this);
    auto finish = [self, socket, finished, done, type, name](const DnsAnswer &a) {
        if (std::exchange(*finished, true))
            return;
        socket->disconnect();
        socket->deleteLater();
        if (a.truncated && self) {
            self->lookupWithTcp(type, name, done);
            return;
        }
        done(a);
    };
    connect(socket, &QUdpSocket::readyRead, socket, [socket, id, type, name, finish] {
        while (socket->hasPendingDatagrams()) {
            const QByteArray packet = socket->receiveDatagram(65536).data();
            DnsAnswer a;
            a.name = name;
            a.type = type;
            const bool parsed = parseDnsResponse(packet, id, &a);
            if (a.truncated && (parsed || !a.error.startsWith(QStringLiteral("malformed")))) {
                // TC: the UDP answer is incomplete (a long TXT/SPF, many MX): ask again over TCP.
                finish(a);
                return;
            }
            if (parsed || !a.error.startsWith(QStringLiteral("malformed"))) {
                finish(a);
                return;
            }
            // A stray or foreign datagram: keep waiting for ours.
        }
    });
    const int perTry = std::max(200, m_timeoutMs / 2);
    connect(timer, &QTimer::timeout, socket, [socket, timer, tries, query, resolver, perTry, type, name, finish] {
        if (++*tries < 2) {
            socket->writeDatagram(query, resolver.address, resolver.port);
            timer->start(perTry);
            return;
        }
        DnsAnswer a;
        a.name = name;
        a.type = type;
        a.error = QStringLiteral("no answer from %1").arg(resolver.toString());
        finish(a);
    });
    socket->writeDatagram(query, resolver.address, resolver.port);
    timer->start(perTry);
}

void DnsClient::lookupWithTcp(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> done)
{
    auto *socket = new QTcpSocket(this);
    socket->setReadBufferSize(64 * 1024);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    const quint16 id = quint16(QRandomGenerator::global()->bounded(1, 65535));
    QByteArray query = buildDnsQuery(id, type, name, type == DnsType::Tlsa);
    query.prepend(char(query.size() & 0xff)).prepend(char(query.size() >> 8));  // 2-byte length (RFC 1035 4.2.2)
    const Resolver resolver = m_resolver.isSystem() ? Resolver::firstSystemNameserver() : m_resolver;
    auto buffer = std::make_shared<QByteArray>();
    auto finished = std::make_shared<bool>(false);
    auto finish = [socket, finished, done, type, name, resolver](const DnsAnswer *answer, const QString &why) {
        if (std::exchange(*finished, true))
            return;
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        DnsAnswer a;
        if (answer) {
            a = *answer;
        } else {
            a.name = name;
            a.type = type;
            a.truncated = true;
            a.error = QStringLiteral("the answer was truncated (TC) over UDP and the retry over TCP to %1 failed (%2); "
                                     "the records shown may be incomplete")
                          .arg(resolver.toString(), why);
        }
        done(a);
    };
    connect(socket, &QTcpSocket::connected, socket, [socket, query] { socket->write(query); });
    connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, id, type, name, finish] {
        *buffer += socket->readAll();
        if (buffer->size() < 2)
            return;
        const int length = (quint8(buffer->at(0)) << 8) | quint8(buffer->at(1));  // at most 65535: bounded
        if (buffer->size() > 2 + length + 65536) {
            finish(nullptr, QStringLiteral("the server sent more than one message"));
            return;
        }
        if (buffer->size() < 2 + length)
            return;
        DnsAnswer a;
        a.name = name;
        a.type = type;
        if (!parseDnsResponse(buffer->mid(2, length), id, &a)) {
            finish(nullptr, a.error);
            return;
        }
        if (a.truncated) {
            finish(nullptr, QStringLiteral("the TCP answer was truncated too"));
            return;
        }
        a.overTcp = true;
        finish(&a, {});
    });
    connect(socket, &QTcpSocket::errorOccurred, socket, [socket, finish](QAbstractSocket::SocketError) {
        finish(nullptr, socket->errorString());
    });
    connect(timer, &QTimer::timeout, socket, [finish] { finish(nullptr, QStringLiteral("no answer in time")); });
    timer->start(std::max(200, m_timeoutMs / 2));
    socket->connectToHost(resolver.address, resolver.port);
}

// ---- block lists -------------------------------------------------------------------------------

QStringList defaultBlocklistZones()
{
    return {QStringLiteral("zen.spamhaus.org"), QStringLiteral("bl.spamcop.net"), QStringLiteral("b.barracudacentral.org")};
}

BlocklistResult blocklistResult(const QString &zone, const QString &query, const DnsAnswer &a)
{
    BlocklistResult b;
    b.zone = zone;
    b.query = query;
    b.error = a.ok ? QString() : a.error;
    b.answers = a.values;
    for (const QString &v : a.values) {
        b.meanings.append(explainBlocklistAnswer(zone, v));
        if (v.startsWith(QStringLiteral("127.")) && !v.startsWith(QStringLiteral("127.255.255.")))
            b.listed = true;
    }
    return b;
}

QString explainBlocklistAnswer(const QString &zone, const QString &answer)
{
    const QString z = zone.toLower();
    if (answer.startsWith(QStringLiteral("127.255.255.")))
        return QStringLiteral("The list refused the query (%1): it does not answer public/open resolvers or "
                              "this resolver exceeded its limit; the result says nothing about the IP.")
            .arg(answer);
    if (z.contains(QStringLiteral("spamhaus"))) {
        const int last = answer.section(u'.', 3, 3).toInt();
        if (last == 2)
            return QStringLiteral("SBL: a known spam source or spam operation.");
        if (last == 3)
            return QStringLiteral("SBL CSS: snowshoe spam / low-reputation sending.");
        if (last >= 4 && last <= 7)
            return QStringLiteral("XBL: the IP is infected or an open proxy (exploits block list).");
        if (last == 9)
            return QStringLiteral("DROP: a hijacked or criminal netblock.");
        if (last == 10 || last == 11)
            return QStringLiteral("PBL: a dynamic/end-user range that should not send mail directly; "
                                  "send through your provider's smart host.");
    }
    if (answer.startsWith(QStringLiteral("127.")))
        return QStringLiteral("Listed (%1): see the list operator's site for what this code means.").arg(answer);
    return QStringLiteral("Unexpected answer %1: not a block list code, the resolver may rewrite NXDOMAIN.").arg(answer);
}

QJsonObject BlocklistResult::toJson() const
{
    return QJsonObject{{QStringLiteral("zone"), zone},
                       {QStringLiteral("query"), query},
                       {QStringLiteral("listed"), listed},
                       {QStringLiteral("answers"), QJsonArray::fromStringList(answers)},
                       {QStringLiteral("meanings"), QJsonArray::fromStringList(meanings)},
                       {QStringLiteral("error"), error}};
}

QJsonObject MxTlsa::toJson() const
{
    QJsonArray recs;
    for (const TlsaRecord &r : records)
        recs.append(tlsaRecordJson(r));
    return QJsonObject{{QStringLiteral("exchange"), exchange},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("dnssec"), dnssec},
                       {QStringLiteral("records"), recs},
                       {QStringLiteral("error"), error}};
}

QJsonObject MtaStsReport::toJson() const
{
    QJsonObject policyJson{{QStringLiteral("asked"), policyAsked},
                           {QStringLiteral("url"), policy.url},
                           {QStringLiteral("connectedTo"), policy.connectedTo},
                           {QStringLiteral("fetched"), policy.fetched},
                           {QStringLiteral("error"), policy.error}};
    if (policy.fetched) {
        policyJson.insert(QStringLiteral("contentType"), policy.contentType);
        policyJson.insert(QStringLiteral("contentTypeValid"), policy.contentTypeValid);
        policyJson.insert(QStringLiteral("contentTypeProblem"), policy.contentTypeProblem);
        policyJson.insert(QStringLiteral("valid"), policy.policy.valid);
        policyJson.insert(QStringLiteral("version"), policy.policy.version);
        policyJson.insert(QStringLiteral("mode"), policy.policy.mode);
        policyJson.insert(QStringLiteral("mx"), QJsonArray::fromStringList(policy.policy.mx));
        policyJson.insert(QStringLiteral("maxAge"), policy.policy.maxAge);
        policyJson.insert(QStringLiteral("problems"), QJsonArray::fromStringList(policy.policy.problems));
        policyJson.insert(QStringLiteral("text"), QString::fromUtf8(policy.body));
    }
    QJsonArray coverage;
    for (auto it = mxCovered.cbegin(); it != mxCovered.cend(); ++it)
        coverage.append(QJsonObject{{QStringLiteral("exchange"), it.key()}, {QStringLiteral("covered"), it.value()}});
    return QJsonObject{{QStringLiteral("records"), QJsonArray::fromStringList(records)},
                       {QStringLiteral("valid"), record.valid},
                       {QStringLiteral("id"), record.id},
                       {QStringLiteral("problem"), record.problem},
                       {QStringLiteral("policy"), policyJson},
                       {QStringLiteral("mxCoverage"), coverage}};
}

QJsonObject TlsRptReport::toJson() const
{
    return QJsonObject{{QStringLiteral("records"), QJsonArray::fromStringList(records)},
                       {QStringLiteral("valid"), record.valid},
                       {QStringLiteral("rua"), QJsonArray::fromStringList(record.rua)},
                       {QStringLiteral("problem"), record.problem}};
}

QJsonObject DnsReport::toJson() const
{
    QJsonArray mxArr;
    for (const DnsMx &m : mx)
        mxArr.append(QJsonObject{{QStringLiteral("preference"), m.preference},
                                 {QStringLiteral("exchange"), m.exchange},
                                 {QStringLiteral("addresses"), QJsonArray::fromStringList(mxAddresses.value(m.exchange))}});
    QJsonArray ptrArr;
    for (const PtrResult &p : ptr)
        ptrArr.append(QJsonObject{{QStringLiteral("address"), p.address},
                                  {QStringLiteral("names"), QJsonArray::fromStringList(p.names)},
                                  {QStringLiteral("forwardConfirmed"), p.forwardConfirmed},
                                  {QStringLiteral("explanation"), p.explanation}});
    QJsonArray bl;
    for (const BlocklistResult &b : blocklists)
        bl.append(b.toJson());
    QJsonArray tlsaArr;
    for (const MxTlsa &t : tlsa)
        tlsaArr.append(t.toJson());
    QJsonObject out{{QStringLiteral("tool"), QStringLiteral("mwb")},
                       {QStringLiteral("query"), query},
                       {QStringLiteral("kind"), isAddress ? QStringLiteral("address") : QStringLiteral("name")},
                       {QStringLiteral("resolver"), resolver},
                       {QStringLiteral("mx"), mxArr},
                       {QStringLiteral("a"), QJsonArray::fromStringList(a)},
                       {QStringLiteral("aaaa"), QJsonArray::fromStringList(aaaa)},
                       {QStringLiteral("ptr"), ptrArr},
                       {QStringLiteral("spf"), QJsonArray::fromStringList(spf)},
                       {QStringLiteral("dmarc"), QJsonArray::fromStringList(dmarc)},
                       {QStringLiteral("blocklists"), bl},
                       {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}};
    if (!isAddress) {
        out.insert(QStringLiteral("mtaSts"), mtaSts.toJson());
        out.insert(QStringLiteral("tlsRpt"), tlsRpt.toJson());
        out.insert(QStringLiteral("tlsa"), tlsaArr);
        if (!dkimSelector.isEmpty())
            out.insert(QStringLiteral("dkim"), QJsonObject{{QStringLiteral("selector"), dkimSelector},
                                                           {QStringLiteral("name"), dkimSelector + QStringLiteral("._domainkey.") + query},
                                                           {QStringLiteral("records"), QJsonArray::fromStringList(dkim)}});
    }
    return out;
}

// ---- probe -------------------------------------------------------------------------------------

DnsProbe::DnsProbe(Resolver resolver, QObject *parent)
    : QObject(parent), m_client(new DnsClient(resolver, this)), m_zones(defaultBlocklistZones())
{
}

void DnsProbe::ask(DnsType type, const QString &name, std::function<void(const DnsAnswer &)> then)
{
    ++m_pending;
    QPointer<DnsProbe> self(this);
    m_client->lookup(type, name, [self, then](const DnsAnswer &a) {
        if (!self)
            return;
        if (!a.ok)
            self->m_report.errors.append(QStringLiteral("%1: %2").arg(a.name, a.error));
        then(a);
        if (--self->m_pending == 0)
            self->done();
    });
}

void DnsProbe::done()
{
    std::stable_sort(m_report.mx.begin(), m_report.mx.end(),
                     [](const DnsMx &l, const DnsMx &r) { return l.preference < r.preference; });
    std::stable_sort(m_report.tlsa.begin(), m_report.tlsa.end(), [this](const MxTlsa &l, const MxTlsa &r) {
        const auto rank = [this](const QString &host) {
            for (qsizetype i = 0; i < m_report.mx.size(); ++i)
                if (m_report.mx.at(i).exchange == host)
                    return i;
            return m_report.mx.size();
        };
        return rank(l.exchange) < rank(r.exchange);
    });
    if (m_report.mtaSts.policy.fetched)
        for (const DnsMx &mx : std::as_const(m_report.mx))
            m_report.mtaSts.mxCovered.insert(mx.exchange, mtaStsPolicyCoversMx(m_report.mtaSts.policy.policy, mx.exchange));
    emit finished();
}

void DnsProbe::start(const QString &nameOrAddress)
{
    m_report = {};
    m_report.query = nameOrAddress.trimmed();
    m_report.resolver = m_client->resolver().toString();
    const QHostAddress address(m_report.query);
    m_pending = 1;  // held until every first-level question is asked
    if (!address.isNull()) {
        m_report.isAddress = true;
        probeAddress(address);
    } else {
        QString name = m_report.query;
        if (name.endsWith(u'.'))
            name.chop(1);
        ask(DnsType::Mx, name, [this](const DnsAnswer &a) {
            m_report.mx = a.mx;
            for (const DnsMx &mx : a.mx) {
                const QString host = mx.exchange;
                ask(DnsType::A, host, [this, host](const DnsAnswer &h) { m_report.mxAddresses[host] += h.values; });
                ask(DnsType::Aaaa, host, [this, host](const DnsAnswer &h) { m_report.mxAddresses[host] += h.values; });
                // RFC 7672 2.2: TLSA at _25._tcp.<MX host>, with DO set so the AD bit means something.
                // Asked through our own client, which needs a nameserver address: without --resolver
                // on a system with no /etc/resolv.conf (Windows) the records are not asked, said so.
                if (m_client->resolver().isSystem() && Resolver::firstSystemNameserver().isSystem()) {
                    m_report.tlsa.append(MxTlsa{host, QStringLiteral("_25._tcp.") + host, {}, QStringLiteral("unknown"),
                                                QStringLiteral("not asked: no nameserver address known to ask for TLSA "
                                                               "(give --resolver)")});
                    continue;
                }
                ask(DnsType::Tlsa, QStringLiteral("_25._tcp.") + host, [this, host](const DnsAnswer &t) {
                    MxTlsa m;
                    m.exchange = host;
                    m.name = t.name;
                    m.records = t.tlsa;
                    m.error = t.ok ? QString() : t.error;
                    m.dnssec = !t.ok ? QStringLiteral("unknown")
                                     : (t.authenticated ? QStringLiteral("validated") : QStringLiteral("not-validated"));
                    m_report.tlsa.append(m);
                });
            }
        });
        fetchMtaSts(name);
        ask(DnsType::Txt, QStringLiteral("_smtp._tls.") + name, [this](const DnsAnswer &a) {
            for (const QString &t : a.values)
                if (t.trimmed().startsWith(QStringLiteral("v=TLSRPTv1")))
                    m_report.tlsRpt.records.append(t);
            if (m_report.tlsRpt.records.size() == 1)
                m_report.tlsRpt.record = parseTlsRptRecord(m_report.tlsRpt.records.first());
            else if (m_report.tlsRpt.records.size() > 1)
                m_report.tlsRpt.record.problem = QStringLiteral("%1 v=TLSRPTv1 records: senders ignore them all (RFC 8460 3)")
                                                     .arg(m_report.tlsRpt.records.size());
            else
                m_report.tlsRpt.record.problem = QStringLiteral("no _smtp._tls TXT record: TLS-RPT is not published");
        });
        if (!m_dkimSelector.isEmpty()) {
            m_report.dkimSelector = m_dkimSelector;
            ask(DnsType::Txt, m_dkimSelector + QStringLiteral("._domainkey.") + name,
                [this](const DnsAnswer &a) { m_report.dkim = a.values; });
        }
        ask(DnsType::A, name, [this](const DnsAnswer &a) { m_report.a = a.values; });
        ask(DnsType::Aaaa, name, [this](const DnsAnswer &a) { m_report.aaaa = a.values; });
        ask(DnsType::Txt, name, [this](const DnsAnswer &a) {
            for (const QString &t : a.values)
                if (t.trimmed().startsWith(QStringLiteral("v=spf1"), Qt::CaseInsensitive))
                    m_report.spf.append(t);
        });
        ask(DnsType::Txt, QStringLiteral("_dmarc.") + name, [this](const DnsAnswer &a) {
            for (const QString &t : a.values)
                if (t.trimmed().startsWith(QStringLiteral("v=DMARC1"), Qt::CaseInsensitive))
                    m_report.dmarc.append(t);
        });
    }
    if (--m_pending == 0)
        done();
}

void DnsProbe::fetchMtaSts(const QString &domain)
{
    ++m_pending;
    auto *lookup = new MtaStsLookup(m_client->resolver(), this);
    lookup->setCaCertificates(m_ca);
    lookup->setDnsTimeoutMs(m_dnsTimeoutMs);
    lookup->setPolicyTimeoutMs(m_policyTimeoutMs);
    connect(lookup, &MtaStsLookup::finished, this, [this, lookup] {
        m_report.mtaSts = lookup->report();
        m_report.errors.append(lookup->errors());
        lookup->deleteLater();
        if (--m_pending == 0)
            done();
    });
    lookup->start(domain);
}

void DnsProbe::probeAddress(const QHostAddress &address)
{
    const QString ip = address.toString();
    ask(DnsType::Ptr, reverseName(address), [this, address, ip](const DnsAnswer &a) {
        PtrResult p;
        p.address = ip;
        p.names = a.values;
        const int index = int(m_report.ptr.size());
        if (!a.ok)
            p.explanation = QStringLiteral("The PTR lookup failed (%1); reverse DNS is unknown.").arg(a.error);
        else if (p.names.isEmpty())
            p.explanation = QStringLiteral("No PTR record: many receivers reject or score mail from an IP without reverse DNS.");
        else
            p.explanation = QStringLiteral("Not forward-confirmed: no PTR name resolves back to %1.").arg(ip);
        m_report.ptr.append(p);
        const DnsType fwd = address.protocol() == QAbstractSocket::IPv4Protocol ? DnsType::A : DnsType::Aaaa;
        for (const QString &name : a.values) {
            ask(fwd, name, [this, index, address, name](const DnsAnswer &f) {
                for (const QString &v : f.values) {
                    if (QHostAddress(v).isEqual(address)) {
                        PtrResult &pr = m_report.ptr[index];
                        pr.forwardConfirmed = true;
                        pr.explanation = QStringLiteral("Forward-confirmed: %1 resolves back to %2.").arg(name, pr.address);
                    }
                }
            });
        }
    });
    const QString reversed = reversedLabels(address);
    for (const QString &zone : std::as_const(m_zones)) {
        const QString query = reversed + u'.' + zone;
        ask(DnsType::A, query, [this, zone, query](const DnsAnswer &a) {
            m_report.blocklists.append(blocklistResult(zone, query, a));
        });
    }
}

} // namespace mwb::smtp
