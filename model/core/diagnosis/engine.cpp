#include "model/core/diagnosis/engine.h"
#include "model/core/diagnosis/attribution.h"
#include "model/core/diagnosis/causes.h"
#include "model/core/diagnosis/configparameters.h"

#include "model/core/common/background.h"
#include "model/core/configuration/certificatechecks.h"
#include "model/core/configuration/connectortls.h"
#include "model/core/configuration/relayoverlap.h"
#include "model/core/diagnosis/knowledgebase.h"
#include "model/core/diagnosis/sessionfacts.h"
#include "model/core/sessions/serverversions.h"
#include "model/core/sessions/store.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QVarLengthArray>
#include <algorithm>
#include <utility>
#include <vector>
#include <atomic>
#include <limits>
#include <optional>

namespace mwb {

namespace {

constexpr int kEvidenceCap = 50;

// Appends lowerKey(s) to `out` without a string of its own.
void appendLowerKey(QString &out, const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).unicode() >= 0x80) {
            out += s.toLower();
            return;
        }
    }
    const qsizetype at = out.size();
    out += s;
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = at; i < out.size(); ++i) {
        if (p[i] >= u'A' && p[i] <= u'Z')
            p[i] = char16_t(p[i] + 32);
    }
}

// Lower-case for finding keys and server names: ASCII folded by hand, the string itself returned
// when nothing changes (QString::toLower runs every character through the Unicode tables and
// always allocates: it was a tenth of a session's scan).
QString lowerKey(const QString &s)
{
    const bool asIs = std::none_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= 0x80 || (c >= u'A' && c <= u'Z'); });
    if (asIs)
        return s;   // shared, not copied
    QString out;
    appendLowerKey(out, s);
    return out;
}

// Widens [first, last] to take in [from, to]; kNoTime on any side means "not known".
void widenSpan(qint64 &first, qint64 &last, qint64 from, qint64 to)
{
    if (from != kNoTime && (first == kNoTime || from < first))
        first = from;
    if (to != kNoTime && (last == kNoTime || to > last))
        last = to;
}

// One raising of a rule: one session or one message, with the lines that prove it.
struct Occurrence {
    qint64 firstMs = kNoTime;
    qint64 lastMs = kNoTime;
    // Inline room for the usual one server and few lines: an occurrence is made per session that
    // shows a fault, millions of them for load-balancer probes.
    QVarLengthArray<QString, 2> servers;
    int sessionIndex = -1;
    QString sessionId;
    QStringList messageIds;
    QStringList codes;
    QVarLengthArray<RecordRef, 4> evidence;
    QMap<QString, QString> parameters;
    QString scenario;                      // a condition's own scenario (splits the finding); empty = the rule's
    std::optional<Severity> severity;      // above the rule's (an expired certificate)

    void addTime(qint64 t) { widenSpan(firstMs, lastMs, t, t); }
    void addLine(const SessionLine &line)
    {
        addTime(line.timeMs);
        if (line.ref.isValid() && !evidence.contains(line.ref))
            evidence << line.ref;
    }
    void addHop(const MessageHop &hop)
    {
        addTime(hop.timeMs);
        if (hop.ref.isValid() && !evidence.contains(hop.ref))
            evidence << hop.ref;
    }
};

// Appends to `list` the items of `more` until it holds `cap` items.
template <typename List, typename More>
void appendCapped(List &list, const More &more, qsizetype cap)
{
    for (const auto &v : more) {
        if (list.size() >= cap)
            break;
        list << v;
    }
}

// Adds the parameters `into` lacks: the first occurrence to name a parameter gives its value.
void addMissingParameters(QMap<QString, QString> &into, const QMap<QString, QString> &more)
{
    for (auto p = more.begin(); p != more.end(); ++p) {
        if (!into.contains(p.key()))
            into.insert(p.key(), p.value());
    }
}

// Appends to `list` the items of `later` that `seen` does not hold yet, in their order.
template <typename T>
void appendUnseen(QList<T> &list, QSet<T> &seen, const QList<T> &later)
{
    for (const T &v : later) {
        if (!v.isEmpty() && !seen.contains(v)) {
            seen.insert(v);
            list << v;
        }
    }
}

// A list of distinct strings in the order first added. Strings are only appended while a load
// runs; duplicates are dropped once, by dedupe() at the end of the load (or by the first list()
// after more came). A finding of millions of sessions (load-balancer probes) kept a hash of every
// id up to date instead: a cache miss and a growing table per session, most of what the engine
// added to a load (issue #6).
class UniqueStrings {
public:
    const QStringList &list() const
    {
        dedupe();
        return m_list;
    }
    void add(const QString &s) { m_list << s; }
    void addAll(const UniqueStrings &later) { m_list.append(later.m_list); }
    void dedupe() const
    {
        if (m_distinct == m_list.size())
            return;
        // The earlier entries are distinct already: a hash of each string, sorted with its
        // position, finds the later duplicates without a hash table over millions of strings.
        std::vector<std::pair<size_t, qsizetype>> byHash;
        byHash.reserve(size_t(m_list.size()));
        for (qsizetype i = 0; i < m_list.size(); ++i)
            byHash.emplace_back(qHash(m_list.at(i), size_t(0)), i);
        std::sort(byHash.begin(), byHash.end());
        std::vector<char> drop(size_t(m_list.size()), 0);
        qsizetype dropped = 0;
        for (size_t run = 0; run < byHash.size();) {
            size_t end = run + 1;
            while (end < byHash.size() && byHash[end].first == byHash[run].first)
                ++end;
            // Within one hash, in position order: a string equal to an earlier kept one goes. The
            // kept ones are compared, not every earlier entry: a redacted id can repeat a million times.
            QVarLengthArray<qsizetype, 4> kept{byHash[run].second};
            for (size_t k = run + 1; k < end; ++k) {
                const QString &candidate = m_list.at(byHash[k].second);
                const bool seen = std::any_of(kept.cbegin(), kept.cend(), [&](qsizetype j) { return m_list.at(j) == candidate; });
                if (seen) {
                    drop[size_t(byHash[k].second)] = 1;
                    ++dropped;
                } else {
                    kept.append(byHash[k].second);
                }
            }
            run = end;
        }
        if (dropped > 0) {
            QStringList distinct;
            distinct.reserve(m_list.size() - dropped);
            for (qsizetype i = 0; i < m_list.size(); ++i) {
                if (!drop[size_t(i)])
                    distinct << m_list.at(i);
            }
            m_list = std::move(distinct);
        }
        m_distinct = m_list.size();
    }

private:
    mutable QStringList m_list;
    mutable qsizetype m_distinct = 0;   // m_list[0, m_distinct) is known to be free of duplicates
};

struct Accumulator {
    Finding finding;                  // its sessions and messageIds are filled when handed out
    UniqueStrings sessionIds;
    UniqueStrings messageIds;
    // Session indexes come in increasing order (runs are merged in order, a run's sessions are
    // in order), so a new one is normally just appended; the set is built only when one comes
    // out of order, from the entries of finding.sessionIndexes it does not cover yet.
    QSet<int> sessionIndexSet;
    qsizetype sessionIndexSetCovers = 0;
    int maxSessionIndex = -1;
    QSet<QString> serverSet;
    QSet<QString> codeSet;

    // Server names are compared without case; the first spelling is kept.
    void addServer(const QString &s)
    {
        // The exact spelling is almost always there already: skip the lower-casing then.
        if (!s.isEmpty() && !finding.servers.contains(s) && !serverSet.contains(lowerKey(s))) {
            serverSet.insert(lowerKey(s));
            finding.servers << s;
        }
    }
    void addSessionIndex(int index)
    {
        QList<int> &list = finding.sessionIndexes;
        if (index > maxSessionIndex) {
            maxSessionIndex = index;
            list << index;
            return;
        }
        for (; sessionIndexSetCovers < list.size(); ++sessionIndexSetCovers)
            sessionIndexSet.insert(list.at(sessionIndexSetCovers));
        if (sessionIndexSet.contains(index))
            return;
        sessionIndexSet.insert(index);
        list << index;
        ++sessionIndexSetCovers;
    }
    Finding result() const
    {
        Finding f = finding;
        f.sessions = sessionIds.list();
        f.messageIds = messageIds.list();
        return f;
    }
};

// What parameter sources read from.
struct Context {
    const Session *session = nullptr;
    const SessionFacts *facts = nullptr;
    const Message *message = nullptr;
    const MessageHop *hop = nullptr;
    const QRegularExpressionMatch *match = nullptr;
    const SeenCertificate *certificate = nullptr;
    QString failureCode;     // unexplained-failure: the code (enhanced when there is one) ...
    QString failureRemote;   // ... and the remote party
};

const SeenCertificate *certificateOf(const Context &c)
{
    if (c.certificate)
        return c.certificate;
    if (!c.facts || c.facts->certificates.isEmpty())
        return nullptr;
    for (const SeenCertificate &s : c.facts->certificates) {
        if (!s.covered)
            return &s;
    }
    return &c.facts->certificates.first();
}

QString readSource(const QString &src, const Context &c)
{
    if (src.startsWith(QLatin1String("match.")))
        return c.match ? c.match->captured(src.mid(6)).trimmed() : QString();
    if (src == QLatin1String("failure.code"))
        return c.failureCode;
    if (src == QLatin1String("failure.remote"))
        return c.failureRemote;
    if (src.startsWith(QLatin1String("session."))) {
        const Session *s = c.session;
        const SessionFacts *f = c.facts;
        if (!s)
            return {};
        if (src == QLatin1String("session.server"))
            return s->server;
        if (src == QLatin1String("session.connector"))
            return s->connector.trimmed();
        if (src == QLatin1String("session.remoteIp"))
            return hostOfEndpoint(s->remote);
        if (src == QLatin1String("session.localIp"))
            return hostOfEndpoint(s->local);
        if (src == QLatin1String("session.id"))
            return s->id;
        if (src == QLatin1String("session.receiver"))   // the receiving server: this one, or the Send session's peer address
            return s->direction == Direction::Receive ? s->server : hostOfEndpoint(s->remote);
        const QString client = (f && !f->clientName.isEmpty()) ? f->clientName : s->ehlo;
        const QString server = (f && !f->serverName.isEmpty()) ? f->serverName : s->greetingName;
        if (src == QLatin1String("session.ehlo"))
            return client;
        if (src == QLatin1String("session.greeting"))
            return server;
        if (src == QLatin1String("session.peer"))
            return s->direction == Direction::Receive ? client : server;
        return {};
    }
    if (src.startsWith(QLatin1String("cert."))) {
        const SeenCertificate *sc = certificateOf(c);
        if (!sc)
            return {};
        if (src == QLatin1String("cert.thumbprint"))
            return sc->info.thumbprint;
        if (src == QLatin1String("cert.subject"))
            return sc->info.subject;
        if (src == QLatin1String("cert.name"))
            return sc->info.commonName();
        if (src == QLatin1String("cert.issuerSubject"))
            return sc->info.subject.isEmpty() ? QString() : QStringLiteral("<I>%1<S>%2").arg(sc->info.issuer, sc->info.subject);
        if (src == QLatin1String("cert.expectedName"))
            return sc->expectedName;
        return {};
    }
    if (src.startsWith(QLatin1String("message."))) {
        if (!c.message)
            return {};
        if (src == QLatin1String("message.id"))
            return c.message->messageId;
        if (src == QLatin1String("message.senderDomain"))
            return domainOfAddress(c.message->sender);
        if (src == QLatin1String("message.recipientDomain")) {
            QStringList rcpts = c.hop ? c.hop->recipients : QStringList();
            if (rcpts.isEmpty())
                rcpts = c.message->recipients;
            for (const QString &r : std::as_const(rcpts)) {
                const QString d = domainOfAddress(r);
                if (!d.isEmpty())
                    return d;
            }
        }
        return {};
    }
    if (src.startsWith(QLatin1String("hop.")) && c.hop) {
        if (src == QLatin1String("hop.server"))
            return c.hop->server;
        if (src == QLatin1String("hop.nextHop"))
            return c.hop->nextHop;
        if (src == QLatin1String("hop.connector"))
            return c.hop->connector;
        if (src == QLatin1String("hop.clientIp"))
            return c.hop->clientIp;
        if (src == QLatin1String("hop.serverIp"))
            return c.hop->serverIp;
    }
    return {};
}

// The first non-empty value among a parameter's sources, tried in order.
QString readFirstSource(const QStringList &sources, const Context &c)
{
    for (const QString &src : sources) {
        QString v = readSource(src, c);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

QString readParameter(const Rule &rule, const QString &name, const Context &c)
{
    return readFirstSource(rule.parameters.value(name), c);
}

QMap<QString, QString> fillParameters(const Rule &rule, const Context &c)
{
    QMap<QString, QString> out;
    for (auto it = rule.parameters.begin(); it != rule.parameters.end(); ++it) {
        const QString v = readFirstSource(it.value(), c);
        if (!v.isEmpty())
            out.insert(it.key(), v);
    }
    return out;
}

bool codesMatch(const MatchCondition &cond, const QList<StatusCode> &codes, QString *matched)
{
    if (cond.codes.isEmpty() && cond.enhanced.isEmpty())
        return true;
    for (const StatusCode &sc : codes) {
        if (!cond.codes.isEmpty() && !cond.codes.contains(sc.basic))
            continue;
        if (!cond.enhanced.isEmpty() && !cond.enhanced.contains(sc.enhanced))
            continue;
        if (matched)
            *matched = sc.text();
        return true;
    }
    return false;
}

// Runs a pattern condition's regexes; fills *match with the first match (for capture groups).
bool patternsMatch(const MatchCondition &cond, const QString &text, QRegularExpressionMatch *match)
{
    bool any = cond.patterns.isEmpty();
    for (const QRegularExpression &re : cond.patterns) {
        QRegularExpressionMatch m = re.match(text);
        if (m.hasMatch()) {
            if (match)
                *match = m;
            any = true;
            break;
        }
    }
    if (!any)
        return false;
    for (const QRegularExpression &re : cond.excludes) {
        if (re.match(text).hasMatch())
            return false;
    }
    return true;
}

// The status code a text match belongs to: the last code before the matched words (a queue
// error quotes the remote reply after its own code), else the first error code of the text.
QString codeNearMatch(const QList<StatusCode> &codes, const QRegularExpressionMatch &m)
{
    const StatusCode *best = nullptr;
    if (m.hasMatch()) {
        for (const StatusCode &c : codes) {
            if (c.position <= m.capturedStart(0) && c.basic >= 400)
                best = &c;
        }
    }
    if (!best) {
        for (const StatusCode &c : codes) {
            if (c.basic >= 400 && (!best || (best->enhanced.isEmpty() && !c.enhanced.isEmpty())))
                best = &c;
        }
    }
    return best ? best->text() : QString();
}

QString stripNamedGroups(QString pattern)
{
    static const QRegularExpression named(QStringLiteral("\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>"));
    return pattern.replace(named, QStringLiteral("(?:"));
}

// A pattern condition against one text: codes first (cheap, and most texts fail there), then the
// regexes; the match (for capture groups) is made only past the codes, since making one
// allocates. *code is the code that decided, else the one nearest the matched words.
// Does a refusal that Exchange Online gave (or did not) meet the condition's "refusedBy"?
bool refusedByMatches(const MatchCondition &cond, bool byExchangeOnline)
{
    return cond.refusedBy == RefusedBy::Anyone || (cond.refusedBy == RefusedBy::ExchangeOnline) == byExchangeOnline;
}

std::optional<QRegularExpressionMatch> conditionMatch(const MatchCondition &cond, const QString &text,
                                                      const QList<StatusCode> &codes, QString *code)
{
    if (!codesMatch(cond, codes, code))
        return std::nullopt;
    QRegularExpressionMatch match;
    if (!patternsMatch(cond, text, &match))
        return std::nullopt;
    if (code->isEmpty())
        *code = codeNearMatch(codes, match);
    return match;
}

// Pattern hits of one session or one message, one occurrence per rule: protocol lines and
// tracking hops aggregate the same way; the first match feeds the rule's "match.*" parameters.
struct PatternHits {
    struct Hit {
        int rule = -1;
        Occurrence occurrence;
        QRegularExpressionMatch firstMatch;
        const MessageHop *firstHop = nullptr;
    };
    // One hit per rule and condition scenario (a condition with its own scenario is its own fault).
    QHash<QPair<int, QString>, Hit> byRule;

    // The rule's hit, created from base() on its first match; *created says which.
    template <typename Base>
    Hit &record(int rule, const QString &scenario, const QRegularExpressionMatch &m, const QString &code,
                const MessageHop *hop, Base base, bool *created = nullptr)
    {
        const QPair<int, QString> key(rule, scenario);
        auto it = byRule.find(key);
        if (created)
            *created = it == byRule.end();
        if (it == byRule.end()) {
            it = byRule.insert(key, Hit{rule, base(), m, hop});
            it->occurrence.scenario = scenario;
        }
        if (!code.isEmpty() && !it->occurrence.codes.contains(code))
            it->occurrence.codes << code;
        return *it;
    }
    // Drops the hits of rules that another hit's rule supersedes (supersedes[r]: the rules r silences).
    void dropSuperseded(const std::vector<QList<int>> &supersedes)
    {
        if (byRule.size() < 2)
            return;
        QSet<int> silenced;
        for (const Hit &h : std::as_const(byRule)) {
            for (int other : supersedes[size_t(h.rule)])
                silenced.insert(other);
        }
        if (silenced.isEmpty())
            return;
        for (auto it = byRule.begin(); it != byRule.end();) {
            if (silenced.contains(it->rule))
                it = byRule.erase(it);
            else
                ++it;
        }
    }
};

} // namespace

struct DiagnosisEngine::Private {
    KnowledgeBase kb;

    // Protocol pattern conditions, flattened: (rule, condition).
    struct PatternRef {
        int rule;
        const MatchCondition *cond;
    };
    QList<PatternRef> protocolPatterns;
    QList<PatternRef> trackingPatterns;
    QRegularExpression protocolPrefilter;   // union of every protocol pattern: one regex per '*' line
    bool hasProtocolPrefilter = false;
    bool anyLineRules = false;
    bool needsCommands = false;
    QList<PatternRef> codeOnlyProtocol;     // conditions without patterns: codes decide

    struct MatcherRef {
        int rule = -1;
        const MatchCondition *cond = nullptr;
    };
    QMultiHash<QString, MatcherRef> matchers;
    // The same, per matcher, looked up once (sessions are many).
    QList<MatcherRef> dataNotTerminated, droppedMidTransaction, idleGap, missingCapability, certificateNameMismatch,
        certificateMultipleNames, noMail, messageDelayed, missingHop, unexplainedFailure, certificateExpiring,
        relayConnectorOverlap, tlsCertificateNameMissing, exchangeBuildInLogHeader, connectorTlsSettings;
    MatcherRef unexplainedPermanent, unexplainedTemporary;   // rule -1: none
    std::vector<QList<int>> supersedes;   // per rule: the rules it silences in the same session or message
    qint64 minGapMs = std::numeric_limits<qint64>::max();

    mutable QMutex mutex;
    // findings(store) as computed at the end of the load for that store (attribution included).
    QList<Finding> attributed;
    const Store *attributedFor = nullptr;

    // Deferred decisions, resolved in loadFinished when every server is known.
    struct CapabilityCandidate {
        int rule;
        Occurrence occurrence;
        QString peerName;
        QString ownName;
        QString connector;
        bool peerIsExchange;
    };
    struct CertificateNames {
        QSet<QString> names;
        bool anyUncovered = false;
        Occurrence occurrence;
        SeenCertificate sample;
        Session sessionSample;
    };
    // What sessions add up to: the engine's whole result, or one run's part of it, made on a pool
    // thread and merged in order into the whole (merging gives what adding the run's sessions
    // one by one would have given).
    struct Aggregate {
        QHash<QString, Accumulator> findings;   // key: rule id + group values
        QSet<QString> serversSeen;              // lower-case server names of sessions streamed in
        QSet<QString> serverSpellingsSeen;      // the same as logged (few: looked up before lower-casing)
        QList<CapabilityCandidate> capabilityCandidates;
        QHash<QString, CertificateNames> certificatesByThumbprint;
        QMap<QString, CertificateSighting> sightings;   // key: server, host, role, thumbprint
        // Unexplained failures seen in protocol logs: "<session index>\x1f<code>" and
        // "<message id>\x1f<code>" -> finding key, so that the tracking FAIL/DEFER of the same
        // event joins that finding instead of making a second one.
        QHash<QString, QString> unexplainedBySession;
        QHash<QString, QString> unexplainedByMessage;
    };
    Aggregate total;
    struct RunScan : SessionObserver::Scan {
        Aggregate aggregate;
    };

    // What one session adds, worked out by scan() and added to its run's aggregate by commit().
    struct SessionScan {
        SessionFacts facts;
        struct Add {
            int rule = -1;
            Occurrence occurrence;
            std::optional<QRegularExpressionMatch> match;   // feeds the rule's "match.*" parameters
            int certificate = -1;            // index into facts.certificates for "cert.*" parameters
        };
        QVarLengthArray<Add, 1> adds;   // inline: most sessions add nothing or one occurrence
        QList<CapabilityCandidate> candidates;
    };

    void prepare();
    // The finding an occurrence belongs to: rule id plus its group-by values (ctx, when given,
    // supplies the values occ.parameters lacks).
    QString findingKey(int ruleIndex, const Occurrence &occ, const Context *ctx) const;
    void findingKeyInto(QString &key, int ruleIndex, const Occurrence &occ, const Context *ctx) const;
    // ctx: where the rule's parameters are read from (only when needed: for the group key, and
    // for a finding that still lacks some); occ.parameters are taken as they are.
    void add(Aggregate &into, int ruleIndex, Occurrence occ, const Context *ctx = nullptr) const;
    void merge(Aggregate &into, const QString &key, int ruleIndex, Occurrence occ, const Context *ctx) const;
    // Adds a later run's aggregate to an earlier one (the whole, on the load's thread).
    static void absorb(Aggregate &into, Aggregate &&later);
    // The union of every protocol pattern against one text, with the answers for recent texts
    // remembered per thread.
    bool prefilterMatches(const QString &text) const;
    const quint64 id = nextEngineId();   // tells the per-thread memo whose answers it holds
    static quint64 nextEngineId()
    {
        static std::atomic<quint64> counter{0};
        return ++counter;
    }
    // Reads only the session, its lines and the prepared rules: safe on any thread.
    SessionScan scan(const Session &session, const QList<SessionLine> &lines) const;
    void commit(Aggregate &into, const Session &session, SessionScan &scan) const;
    void scanMessages(const Store &store);
    // certificate-expiring: the organisation's certificates with validity dates in the logs.
    void findExpiringCertificates(const Store &store);
    void findRelayConnectorOverlaps(const Store &store);
    void findExpiringConfiguredCertificates(const Store &store);
    void findMissingTlsCertificates(const Store &store);
    // server-out-of-support from the builds the servers' own log headers name.
    void findOutOfSupportLogBuilds(const Store &store);
    void findConnectorTlsMismatches(const Store &store);
    // An occurrence of a finding that the configuration raises about `connector` on `server`, with
    // the rule's parameters filled as for a session of that connector.
    Occurrence configurationOccurrence(int rule, const QString &server, const QString &connector) const;
    std::vector<QList<QStringList>> groupSources;   // per rule, per groupBy name: its sources (looked up once)
};

void DiagnosisEngine::Private::prepare()
{
    QStringList union_;
    const QList<Rule> &rules = kb.rules();
    groupSources.assign(size_t(rules.size()), {});
    for (int r = 0; r < rules.size(); ++r) {
        for (const QString &g : rules.at(r).groupBy)
            groupSources[size_t(r)] << rules.at(r).parameters.value(g);
    }
    for (int r = 0; r < rules.size(); ++r) {
        for (const MatchCondition &cond : rules.at(r).conditions) {
            if (!cond.matcher.isEmpty()) {
                matchers.insert(cond.matcher, MatcherRef{r, &cond});
                if (cond.matcher == QLatin1String("idle-gap"))
                    minGapMs = std::min(minGapMs, qint64(cond.options.value(QStringLiteral("minGapMs")).toDouble()));
                continue;
            }
            if (cond.sources.contains(MatchSource::Protocol)) {
                protocolPatterns << PatternRef{r, &cond};
                needsCommands = needsCommands || cond.anyProtocolLine;
                if (cond.patterns.isEmpty()) {
                    codeOnlyProtocol << PatternRef{r, &cond};
                } else {
                    for (const QRegularExpression &re : cond.patterns)
                        union_ << QStringLiteral("(?:%1)").arg(stripNamedGroups(re.pattern()));
                }
            }
            if (cond.sources.contains(MatchSource::Tracking))
                trackingPatterns << PatternRef{r, &cond};
        }
    }
    const QList<QPair<const char *, QList<MatcherRef> *>> named = {
        {"data-not-terminated", &dataNotTerminated}, {"dropped-mid-transaction", &droppedMidTransaction},
        {"idle-gap", &idleGap}, {"missing-capability", &missingCapability},
        {"certificate-name-mismatch", &certificateNameMismatch}, {"certificate-multiple-names", &certificateMultipleNames},
        {"no-mail", &noMail}, {"message-delayed", &messageDelayed}, {"missing-hop", &missingHop}};
    for (const auto &[name, list] : named)
        *list = matchers.values(QLatin1String(name));
    unexplainedFailure = matchers.values(QStringLiteral("unexplained-failure"));
    certificateExpiring = matchers.values(QStringLiteral("certificate-expiring"));
    relayConnectorOverlap = matchers.values(QStringLiteral("relay-connector-overlap"));
    tlsCertificateNameMissing = matchers.values(QStringLiteral("tls-certificate-name-missing"));
    exchangeBuildInLogHeader = matchers.values(QStringLiteral("exchange-build-in-log-header"));
    connectorTlsSettings = matchers.values(QStringLiteral("connector-tls-settings"));
    for (const MatcherRef &m : std::as_const(unexplainedFailure)) {
        MatcherRef &slot = m.cond->options.value(QStringLiteral("kind")).toString() == QLatin1String("permanent")
            ? unexplainedPermanent : unexplainedTemporary;
        if (slot.rule < 0)
            slot = m;   // one rule per kind: a second one would only repeat the first
    }
    supersedes.assign(size_t(rules.size()), {});
    for (int r = 0; r < rules.size(); ++r) {
        for (const QString &id : rules.at(r).supersedes)
            supersedes[size_t(r)] << kb.indexOf(id);
    }
    if (!union_.isEmpty()) {
        protocolPrefilter = QRegularExpression(union_.join(QLatin1Char('|')), QRegularExpression::CaseInsensitiveOption);
        hasProtocolPrefilter = protocolPrefilter.isValid();
        if (hasProtocolPrefilter)
            protocolPrefilter.optimize();
    }
}

QString DiagnosisEngine::Private::findingKey(int ruleIndex, const Occurrence &occ, const Context *ctx) const
{
    QString key;
    findingKeyInto(key, ruleIndex, occ, ctx);
    return key;
}

void DiagnosisEngine::Private::findingKeyInto(QString &key, int ruleIndex, const Occurrence &occ, const Context *ctx) const
{
    const Rule &rule = kb.rules().at(ruleIndex);
    const QList<QStringList> &sources = groupSources.at(size_t(ruleIndex));
    key.resize(0);   // keeps the buffer of a reused key
    key += rule.id;
    for (qsizetype g = 0; g < rule.groupBy.size(); ++g) {
        QString v = occ.parameters.isEmpty() ? QString() : occ.parameters.value(rule.groupBy.at(g));
        if (v.isEmpty() && ctx)
            v = readFirstSource(sources.at(g), *ctx);
        key += QLatin1Char('\x1f');
        appendLowerKey(key, v);
    }
    if (!occ.scenario.isEmpty()) {
        key += QLatin1Char('\x1e');
        key += occ.scenario;
    }
}

void DiagnosisEngine::Private::add(Aggregate &into, int ruleIndex, Occurrence occ, const Context *ctx) const
{
    const QString key = findingKey(ruleIndex, occ, ctx);
    merge(into, key, ruleIndex, std::move(occ), ctx);
}

void DiagnosisEngine::Private::merge(Aggregate &into, const QString &key, int ruleIndex, Occurrence occ,
                                     const Context *ctx) const
{
    const Rule &rule = kb.rules().at(ruleIndex);
    QHash<QString, Accumulator> &findings = into.findings;
    auto it = findings.find(key);
    if (it == findings.end()) {
        Accumulator a;
        a.finding.rule = rule.id;
        a.finding.severity = rule.severity;
        a.finding.title = rule.title;
        a.finding.explanation = rule.explanation;
        a.finding.scenario = occ.scenario.isEmpty() ? rule.scenario : occ.scenario;
        // The key is "<rule>\x1f<value per groupBy>...[\x1e<condition scenario>]".
        const qsizetype scenarioAt = key.indexOf(QLatin1Char('\x1e'));
        const QStringList values = key.left(scenarioAt).split(QLatin1Char('\x1f')).mid(1);
        QStringList distinct;
        for (qsizetype g = 0; g < rule.groupBy.size() && g < values.size(); ++g) {
            if (rule.groupBy.at(g) != QLatin1String("Server"))
                distinct << values.at(g);
        }
        if (scenarioAt >= 0)
            distinct << key.mid(scenarioAt + 1);
        a.finding.groupKey = distinct.join(QLatin1Char('|'));
        it = findings.insert(QString(key.constData(), key.size()), a);   // not the caller's reused buffer
    }
    Accumulator &a = it.value();
    Finding &f = a.finding;
    ++f.count;
    if (occ.severity && int(*occ.severity) > int(f.severity))
        f.severity = *occ.severity;
    widenSpan(f.firstMs, f.lastMs, occ.firstMs, occ.lastMs);
    for (const QString &s : std::as_const(occ.servers))
        a.addServer(s);
    if (occ.sessionIndex >= 0)
        a.addSessionIndex(occ.sessionIndex);
    if (!occ.sessionId.isEmpty())
        a.sessionIds.add(occ.sessionId);
    for (const QString &m : std::as_const(occ.messageIds)) {
        if (!m.isEmpty())
            a.messageIds.add(m);
    }
    appendUnseen(f.codes, a.codeSet, occ.codes);
    appendCapped(f.evidence, occ.evidence, kEvidenceCap);
    addMissingParameters(f.parameters, occ.parameters);
    if (ctx) {
        for (auto p = rule.parameters.begin(); p != rule.parameters.end(); ++p) {
            if (f.parameters.contains(p.key()))
                continue;
            const QString v = readParameter(rule, p.key(), *ctx);
            if (!v.isEmpty())
                f.parameters.insert(p.key(), v);
        }
    }
}

namespace {

// A later accumulator of the same finding: what merging its occurrences one by one would add.
void absorbAccumulator(Accumulator &a, const Accumulator &later)
{
    Finding &f = a.finding;
    const Finding &g = later.finding;
    f.count += g.count;
    if (int(g.severity) > int(f.severity))
        f.severity = g.severity;
    widenSpan(f.firstMs, f.lastMs, g.firstMs, g.lastMs);
    for (const QString &s : g.servers)
        a.addServer(s);
    for (int index : g.sessionIndexes)
        a.addSessionIndex(index);
    a.sessionIds.addAll(later.sessionIds);
    a.messageIds.addAll(later.messageIds);
    appendUnseen(f.codes, a.codeSet, g.codes);
    appendCapped(f.evidence, g.evidence, kEvidenceCap);
    addMissingParameters(f.parameters, g.parameters);
}

void absorbSighting(CertificateSighting &s, CertificateSighting &&later)
{
    if (s.sessions == 0) {
        s = std::move(later);
        return;
    }
    s.sessions += later.sessions;
    widenSpan(s.firstMs, s.lastMs, later.firstMs, later.lastMs);
    appendCapped(s.sessionIndexes, later.sessionIndexes, kEvidenceCap);
}

} // namespace

void DiagnosisEngine::Private::absorb(Aggregate &into, Aggregate &&later)
{
    for (auto it = later.findings.begin(); it != later.findings.end(); ++it) {
        auto mine = into.findings.find(it.key());
        if (mine == into.findings.end())
            into.findings.insert(it.key(), std::move(it.value()));
        else
            absorbAccumulator(mine.value(), it.value());
    }
    into.serversSeen.unite(later.serversSeen);
    into.serverSpellingsSeen.unite(later.serverSpellingsSeen);
    into.capabilityCandidates.append(std::move(later.capabilityCandidates));
    for (auto it = later.unexplainedBySession.cbegin(); it != later.unexplainedBySession.cend(); ++it)
        into.unexplainedBySession.insert(it.key(), it.value());
    for (auto it = later.unexplainedByMessage.cbegin(); it != later.unexplainedByMessage.cend(); ++it) {
        if (!into.unexplainedByMessage.contains(it.key()))
            into.unexplainedByMessage.insert(it.key(), it.value());
    }
    for (auto it = later.certificatesByThumbprint.begin(); it != later.certificatesByThumbprint.end(); ++it) {
        auto mine = into.certificatesByThumbprint.find(it.key());
        if (mine == into.certificatesByThumbprint.end()) {
            into.certificatesByThumbprint.insert(it.key(), std::move(it.value()));
            continue;
        }
        CertificateNames &names = mine.value();
        const CertificateNames &more = it.value();
        names.names.unite(more.names);
        names.anyUncovered = names.anyUncovered || more.anyUncovered;
        Occurrence &occ = names.occurrence;
        for (const QString &server : more.occurrence.servers) {
            if (!occ.servers.contains(server))
                occ.servers << server;
        }
        occ.addTime(more.occurrence.firstMs);
        occ.addTime(more.occurrence.lastMs);
        appendCapped(occ.evidence, more.occurrence.evidence, kEvidenceCap);
    }
    for (auto it = later.sightings.begin(); it != later.sightings.end(); ++it)
        absorbSighting(into.sightings[it.key()], std::move(it.value()));
}

bool DiagnosisEngine::Private::prefilterMatches(const QString &text) const
{
    // '*' lines repeat from session to session (the same TLS, certificate and permission lines;
    // 25,500 distinct texts among 288,000 in the benchmark's GiB), while the union of ~50 patterns
    // without a common literal costs tens of thousands of instructions per line.
    struct Memo {
        quint64 owner = 0;
        QHash<QString, bool> answers;
    };
    thread_local Memo memo;
    if (memo.owner != id) {
        memo.owner = id;
        memo.answers.clear();
    }
    const auto known = memo.answers.constFind(text);
    if (known != memo.answers.cend())
        return *known;
    const bool hit = protocolPrefilter.match(text).hasMatch();
    if (memo.answers.size() >= 8192)
        memo.answers.clear();   // bounded: a few MB per thread at most
    memo.answers.insert(text, hit);
    return hit;
}

DiagnosisEngine::Private::SessionScan DiagnosisEngine::Private::scan(const Session &session,
                                                                     const QList<SessionLine> &lines) const
{
    SessionScan out;
    const qint64 gapThreshold = idleGap.isEmpty() ? std::numeric_limits<qint64>::max() : minGapMs;
    out.facts = SessionFacts::derive(session, lines, gapThreshold);
    const SessionFacts &facts = out.facts;
    const QList<Rule> &rules = kb.rules();

    auto baseOccurrence = [&]() {
        Occurrence occ;
        occ.servers << session.server;
        occ.sessionIndex = session.index;
        occ.sessionId = session.id;
        occ.messageIds = session.messageIds;
        return occ;
    };
    Context ctx;
    ctx.session = &session;
    ctx.facts = &facts;
    // Queues one occurrence for commit(), which works out its finding (on the same pool thread).
    auto pending = [&](int rule, Occurrence occ, const Context &c, int certificate = -1) {
        SessionScan::Add add;
        add.rule = rule;
        add.occurrence = std::move(occ);
        if (c.match)
            add.match = *c.match;
        add.certificate = certificate;
        out.adds << std::move(add);
    };

    // Lines a specific rule explains, and the codes it found: a rejection among them is not an
    // unexplained failure (only sessions with rejections need to know).
    const bool trackExplained = !facts.rejections.isEmpty() && !unexplainedFailure.isEmpty();
    QVarLengthArray<int, 8> explainedLines;
    QStringList explainedCodes;

    // --- plain patterns over replies and '*' lines -------------------------------------------
    if (!protocolPatterns.isEmpty()) {
        PatternHits hits;
        // The replies of a Send session are its peer's: Exchange Online's when that is the peer.
        const bool refusedByExchangeOnline = sendPeerIsExchangeOnline(session);
        for (int lineIndex = 0; lineIndex < lines.size(); ++lineIndex) {
            const SessionLine &line = lines.at(lineIndex);
            int replyCode = 0;   // 0 = not a reply
            QString text;
            if (line.event == '>' || line.event == '<') {
                replyCode = leadingReplyCode(line.data);
                // Healthy traffic is 2xx/3xx replies and commands: skip them unless a rule asks.
                if (!needsCommands && replyCode < 400)
                    continue;
                text = line.data;
            } else if (line.event == '*') {
                text = line.context.isEmpty() ? line.data : line.data + QLatin1Char(' ') + line.context;
            } else {
                continue;
            }
            const bool isErrorReply = replyCode >= 400;
            const bool prefilterHit = !hasProtocolPrefilter || prefilterMatches(text);
            if (!prefilterHit && codeOnlyProtocol.isEmpty())
                continue;
            const QList<StatusCode> codes = statusCodes(text);
            if (!prefilterHit && codes.isEmpty())
                continue;   // only code conditions are left, and the text has no code
            for (const PatternRef &pr : std::as_const(protocolPatterns)) {
                const MatchCondition &cond = *pr.cond;
                const bool eligible = line.event == '*' || isErrorReply || cond.anyProtocolLine;
                if (!eligible)
                    continue;
                if ((!cond.patterns.isEmpty() && !prefilterHit) || !refusedByMatches(cond, refusedByExchangeOnline))
                    continue;
                QString code;
                const std::optional<QRegularExpressionMatch> m = conditionMatch(cond, text, codes, &code);
                if (!m)
                    continue;
                hits.record(pr.rule, cond.scenario, *m, code, nullptr, baseOccurrence).occurrence.addLine(line);
                if (trackExplained) {
                    if (explainedLines.isEmpty() || explainedLines.last() != lineIndex)
                        explainedLines.append(lineIndex);
                    for (const StatusCode &sc : codes) {
                        if (sc.basic >= 400 && !explainedCodes.contains(sc.text()))
                            explainedCodes << sc.text();
                    }
                }
            }
        }
        hits.dropSuperseded(supersedes);
        // (begin() on an empty hash would allocate it: a cost on every healthy session)
        for (auto it = hits.byRule.isEmpty() ? hits.byRule.end() : hits.byRule.begin(); it != hits.byRule.end(); ++it) {
            Context c = ctx;
            c.match = &it->firstMatch;
            pending(it->rule, std::move(it->occurrence), c);
        }
    }

    // --- named sequence / anomaly matchers -----------------------------------------------------
    auto lineAt = [&](int i) -> const SessionLine * { return (i >= 0 && i < lines.size()) ? &lines.at(i) : nullptr; };

    if (facts.stall != SessionFacts::Stall::None) {
        for (const MatcherRef &m : dataNotTerminated) {
            Occurrence occ = baseOccurrence();
            if (const SessionLine *l = lineAt(facts.stall354Line))
                occ.addLine(*l);
            if (const SessionLine *l = lineAt(facts.stallEndLine)) {
                occ.addLine(*l);
                const StatusCode sc = firstStatusCode(l->data);
                if (sc.basic >= 400)
                    occ.codes << sc.text();
            }
            if (occ.codes.isEmpty())
                occ.codes << QStringLiteral("354");
            pending(m.rule, std::move(occ), ctx);
        }
        if (trackExplained && facts.stallEndLine >= 0)
            explainedLines.append(facts.stallEndLine);   // the time-out reply that ends the stall
    }

    if (facts.droppedInTransaction) {
        for (const MatcherRef &m : droppedMidTransaction) {
            Occurrence occ = baseOccurrence();
            if (const SessionLine *l = lineAt(facts.transactionStartLine))
                occ.addLine(*l);
            if (const SessionLine *l = lineAt(facts.disconnectLine))
                occ.addLine(*l);
            pending(m.rule, std::move(occ), ctx);
        }
    }

    if (!facts.gaps.isEmpty()) {
        for (const MatcherRef &m : idleGap) {
            const qint64 threshold = qint64(m.cond->options.value(QStringLiteral("minGapMs")).toDouble());
            Occurrence occ = baseOccurrence();
            qint64 longest = 0;
            for (const auto &gap : facts.gaps) {
                if (gap.second < threshold)
                    continue;
                longest = std::max(longest, gap.second);
                if (const SessionLine *l = lineAt(gap.first - 1))
                    occ.addLine(*l);
                if (const SessionLine *l = lineAt(gap.first))
                    occ.addLine(*l);
            }
            if (longest == 0)
                continue;
            occ.parameters.insert(QStringLiteral("GapSeconds"), QString::number(longest / 1000));
            pending(m.rule, std::move(occ), ctx);
        }
    }

    if (facts.sawEhloReply) {
        for (const MatcherRef &m : missingCapability) {
            const QString capability = m.cond->options.value(QStringLiteral("capability")).toString().toUpper();
            // Only the sending side sees what the peer really offered (a firewall strips verbs in between).
            if (session.direction != Direction::Send)
                continue;
            // Searched line by line: upper-casing and joining every EHLO reply cost more than
            // the rest of a TLS session's facts.
            const QByteArray wanted = capability.toLatin1();
            const bool offered = std::any_of(facts.ehloReplyLines.cbegin(), facts.ehloReplyLines.cend(), [&](int i) {
                return i >= 0 && i < lines.size() && containsCaseless(lines.at(i).data, QLatin1String(wanted));
            });
            if (offered)
                continue;
            Occurrence occ = baseOccurrence();
            for (int i : facts.ehloReplyLines)
                occ.addLine(lines.at(i));
            occ.parameters = fillParameters(rules.at(m.rule), ctx);
            out.candidates << CapabilityCandidate{m.rule, occ, facts.serverName, facts.clientName,
                                                  session.connector, facts.serverIsExchange};
        }
    }

    for (int i = 0; i < facts.certificates.size(); ++i) {
        const SeenCertificate &cert = facts.certificates.at(i);
        if (cert.expectedName.isEmpty() || cert.covered)
            continue;
        Context c = ctx;
        c.certificate = &cert;
        for (const MatcherRef &m : certificateNameMismatch) {
            Occurrence occ = baseOccurrence();
            occ.addTime(session.startMs);
            if (cert.info.ref.isValid())
                occ.evidence << cert.info.ref;
            pending(m.rule, std::move(occ), c, i);
        }
    }

    // --- rejections no specific rule explains: delivery-failed / delivery-deferred --------------
    if (trackExplained) {
        // One occurrence per rule and code: a session refusing three recipients with the same
        // code is one occurrence with three lines of evidence.
        QVarLengthArray<QPair<int, QString>, 2> made;   // (rule, code) -> index into out.adds
        QVarLengthArray<int, 2> madeAt;
        for (const SessionFacts::Rejection &r : facts.rejections) {
            const bool explained = std::any_of(explainedLines.cbegin(), explainedLines.cend(),
                                               [&](int i) { return i >= r.firstLine && i <= r.lastLine; });
            if (explained)
                continue;
            const SessionLine &last = lines.at(r.lastLine);
            QString text;
            for (int i = r.firstLine; i <= r.lastLine; ++i)
                text += (i > r.firstLine ? QStringLiteral(" ") : QString()) + lines.at(i).data;
            const StatusCode sc = firstStatusCode(last.data).basic == r.code ? firstStatusCode(last.data) : StatusCode{r.code, {}, 0};
            if (explainedCodes.contains(sc.text()))
                continue;   // the same code a specific rule found in this session (a queue error quoting it)
            // Protocol status (x.5.x: bad command, syntax, sequence, too many recipients) and bare
            // 500-504 are noise of scanners and broken clients, or the echo of an earlier refusal
            // ("554 5.5.1 no valid recipients" after every RCPT was refused): not a refused delivery.
            if (sc.enhanced.mid(1, 3) == QLatin1String(".5.") || (sc.enhanced.isEmpty() && r.code >= 500 && r.code <= 504))
                continue;
            const MatcherRef &m = r.code >= 500 ? unexplainedPermanent : unexplainedTemporary;
            if (m.rule < 0)
                continue;
            const bool vetoed = std::any_of(m.cond->excludes.cbegin(), m.cond->excludes.cend(),
                                            [&](const QRegularExpression &re) { return re.match(text).hasMatch(); });
            if (vetoed)
                continue;
            const QString code = sc.enhanced.isEmpty() ? QString::number(sc.basic) : sc.enhanced;
            const QPair<int, QString> key(m.rule, code);
            const qsizetype known = std::find(made.cbegin(), made.cend(), key) - made.cbegin();
            if (known < made.size()) {
                Occurrence &occ = out.adds[madeAt.at(known)].occurrence;
                for (int i = r.firstLine; i <= r.lastLine; ++i)
                    occ.addLine(lines.at(i));
                continue;
            }
            Occurrence occ = baseOccurrence();
            for (int i = r.firstLine; i <= r.lastLine; ++i)
                occ.addLine(lines.at(i));
            occ.codes << sc.text();
            Context c = ctx;
            c.failureCode = code;
            const QString peer = readSource(QStringLiteral("session.peer"), ctx);
            c.failureRemote = (peer.contains(QLatin1Char('.')) ? peer.toLower() : hostOfEndpoint(session.remote));
            occ.parameters = fillParameters(rules.at(m.rule), c);
            made.append(key);
            madeAt.append(int(out.adds.size()));
            pending(m.rule, std::move(occ), c);
        }
    }

    // Probes are only worth mentioning when nothing more specific explains the session (the
    // deferred capability check concerns Send sessions only, which are never probes).
    if (session.direction == Direction::Receive && facts.sawConnect && facts.sawDisconnect && !facts.sawMailCommand
        && out.adds.isEmpty()) {
        for (const MatcherRef &m : noMail) {
            Occurrence occ = baseOccurrence();
            if (!lines.isEmpty())
                occ.addLine(lines.first());
            occ.addTime(session.endMs);
            pending(m.rule, std::move(occ), ctx);
        }
    }
    return out;
}

void DiagnosisEngine::Private::commit(Aggregate &into, const Session &session, SessionScan &scan) const
{
    // Few distinct spellings: look the name up as logged before lower-casing it.
    if (!session.server.isEmpty() && !into.serverSpellingsSeen.contains(session.server)) {
        into.serverSpellingsSeen.insert(session.server);
        into.serversSeen.insert(session.server.toLower());
    }
    const SessionFacts &facts = scan.facts;
    Context ctx;
    ctx.session = &session;
    ctx.facts = &facts;
    // The key is built in a buffer of this thread's: it is only looked up, except the first time.
    thread_local QString key;
    for (SessionScan::Add &add : scan.adds) {
        Context c = ctx;
        if (add.match)
            c.match = &*add.match;
        if (add.certificate >= 0)
            c.certificate = &facts.certificates.at(add.certificate);
        findingKeyInto(key, add.rule, add.occurrence, &c);
        if (add.rule == unexplainedPermanent.rule || add.rule == unexplainedTemporary.rule) {
            // Remembered so that the tracking FAIL/DEFER of the same event joins this finding.
            const QString code = add.occurrence.parameters.value(QStringLiteral("Code"));
            const QString stored(key.constData(), key.size());
            into.unexplainedBySession.insert(QString::number(session.index) + QLatin1Char('\x1f') + code, stored);
            for (const QString &id : std::as_const(add.occurrence.messageIds))
                into.unexplainedByMessage.insert(id.toLower() + QLatin1Char('\x1f') + code, stored);
        }
        merge(into, key, add.rule, std::move(add.occurrence), &c);
    }
    into.capabilityCandidates.append(std::move(scan.candidates));

    for (const SeenCertificate &cert : facts.certificates) {
        const bool own = presentedByLoggingServer(cert.info, session.direction);
        const QString key = session.server.toLower() + QLatin1Char('\x1f') + cert.announcedName.toLower() + QLatin1Char('\x1f')
            + certificateRoleId(cert.info.role) + QLatin1Char('\x1f') + cert.info.thumbprint + QLatin1Char('\x1f') + cert.info.subject;
        CertificateSighting &sighting = into.sightings[key];
        if (sighting.sessions == 0) {
            sighting.server = session.server;
            sighting.host = cert.announcedName;
            sighting.hostIp = hostOfEndpoint(own ? session.local : session.remote);   // own certificate: the local end
            sighting.own = own;
            sighting.certificate = cert.info;
            sighting.namesMatch = cert.covered;
        }
        ++sighting.sessions;
        widenSpan(sighting.firstMs, sighting.lastMs, session.startMs, session.endMs);
        if (session.index >= 0 && sighting.sessionIndexes.size() < kEvidenceCap)
            sighting.sessionIndexes << session.index;
        if (cert.expectedName.isEmpty())
            continue;
        if (!cert.info.thumbprint.isEmpty() && !certificateMultipleNames.isEmpty()) {
            CertificateNames &names = into.certificatesByThumbprint[cert.info.thumbprint];
            if (names.names.isEmpty()) {
                names.sample = cert;
                names.sessionSample = session;
            }
            names.names.insert(cert.expectedName);
            names.anyUncovered = names.anyUncovered || !cert.covered;
            Occurrence &occ = names.occurrence;
            if (!occ.servers.contains(session.server))
                occ.servers << session.server;
            occ.addTime(session.startMs);
            if (cert.info.ref.isValid() && occ.evidence.size() < kEvidenceCap)
                occ.evidence << cert.info.ref;
        }
    }
}

void DiagnosisEngine::Private::scanMessages(const Store &store)
{
    const QList<Rule> &rules = kb.rules();

    // "<message id>\x1f<server>" of every message a specific warning or error finding names
    // (found in the protocol logs so far): its FAIL/DEFER hops on that server are that fault.
    QSet<QString> explainedMessages;
    if (unexplainedPermanent.rule >= 0 || unexplainedTemporary.rule >= 0) {
        const QString failed = unexplainedPermanent.rule >= 0 ? rules.at(unexplainedPermanent.rule).id : QString();
        const QString deferred = unexplainedTemporary.rule >= 0 ? rules.at(unexplainedTemporary.rule).id : QString();
        for (const Accumulator &a : std::as_const(total.findings)) {
            const Finding &f = a.finding;
            if (f.severity == Severity::Info || f.rule == failed || f.rule == deferred)
                continue;
            for (const QString &id : a.messageIds.list()) {
                for (const QString &server : f.servers)
                    explainedMessages.insert(id.toLower() + QLatin1Char('\x1f') + server.toLower());
            }
        }
    }

    // Which servers have tracking logs loaded, and over which time span.
    struct Span {
        qint64 first = kNoTime;
        qint64 last = kNoTime;
    };
    QHash<QString, Span> trackingServers;
    for (const SourceFile &file : store.files) {
        if (file.format != LogFormat::MessageTracking || file.server.isEmpty())
            continue;
        Span &s = trackingServers[file.server.toLower()];
        if (file.firstMs != kNoTime && (s.first == kNoTime || file.firstMs < s.first))
            s.first = file.firstMs;
        if (file.lastMs != kNoTime && (s.last == kNoTime || file.lastMs > s.last))
            s.last = file.lastMs;
    }
    // Server IPs as seen on RECEIVE hops: lets a SEND towards an IP name its server.
    QHash<QString, QString> serverByIp;
    for (const Message &msg : store.messages) {
        for (const MessageHop &hop : msg.hops) {
            if (hop.event == QLatin1String("RECEIVE") && !hop.serverIp.isEmpty() && !hop.server.isEmpty())
                serverByIp.insert(hop.serverIp, hop.server.toLower());
        }
    }

    const QList<MatcherRef> &delayed = messageDelayed;

    // Who refused what a tracking row reports: Exchange Online for its own trace rows, and for an
    // organisation server's FAIL/DEFER of a message that server handed to Exchange Online (its
    // Send session, linked or carrying the message id, had Exchange Online as the peer).
    QSet<QString> sentToExchangeOnline;   // lower-case "server\x1fmessage id"
    bool sentToExchangeOnlineKnown = false;
    auto hopRefusedByExchangeOnline = [&](const Message &msg, const MessageHop &hop) {
        if (hop.server == QLatin1String("EXO"))
            return true;
        if (hop.sessionIndex >= 0 && hop.sessionIndex < store.sessions.size())
            return sendPeerIsExchangeOnline(store.sessions.at(hop.sessionIndex));
        if (!sentToExchangeOnlineKnown) {
            sentToExchangeOnlineKnown = true;
            for (const Session &s : store.sessions) {
                if (!s.messageIds.isEmpty() && sendPeerIsExchangeOnline(s)) {
                    for (const QString &id : s.messageIds)
                        sentToExchangeOnline.insert(s.server.toLower() + QLatin1Char('\x1f') + id.toLower());
                }
            }
        }
        return sentToExchangeOnline.contains(hop.server.toLower() + QLatin1Char('\x1f') + msg.messageId.toLower());
    };

    for (const Message &msg : store.messages) {
        Context ctx;
        ctx.message = &msg;
        auto baseOccurrence = [&](const MessageHop *hop) {
            Occurrence occ;
            if (!msg.messageId.isEmpty())
                occ.messageIds << msg.messageId;
            if (hop) {
                occ.servers << hop->server;
                occ.sessionId = hop->sessionId;
                occ.sessionIndex = hop->sessionIndex;
            }
            return occ;
        };

        // Hops a specific rule explains (by index into msg.hops).
        QVarLengthArray<int, 4> explainedHops;
        const QString messageKey = msg.messageId.toLower() + QLatin1Char('\x1f');
        // Plain patterns over FAIL/DEFER/... hops.
        if (!trackingPatterns.isEmpty()) {
            PatternHits hits;
            for (int hopIndex = 0; hopIndex < msg.hops.size(); ++hopIndex) {
                const MessageHop &hop = msg.hops.at(hopIndex);
                // Built on the first condition that looks at this hop's event, then shared.
                QString text;
                QList<StatusCode> codes;
                for (const PatternRef &pr : std::as_const(trackingPatterns)) {
                    const MatchCondition &cond = *pr.cond;
                    if (!cond.hopEvents.contains(hop.event)
                        || !refusedByMatches(cond, cond.refusedBy != RefusedBy::Anyone && hopRefusedByExchangeOnline(msg, hop)))
                        continue;
                    if (text.isNull()) {
                        text = hop.recipientStatus + QLatin1Char(' ') + hop.sourceContext;
                        codes = statusCodes(text);
                    }
                    QString code;
                    const std::optional<QRegularExpressionMatch> m = conditionMatch(cond, text, codes, &code);
                    if (!m)
                        continue;
                    bool created = false;
                    Occurrence &occ = hits.record(pr.rule, cond.scenario, *m, code, &hop,
                                                  [&] { return baseOccurrence(&hop); }, &created).occurrence;
                    if (!created && !occ.servers.contains(hop.server))
                        occ.servers << hop.server;
                    occ.addHop(hop);
                    if (explainedHops.isEmpty() || explainedHops.last() != hopIndex)
                        explainedHops.append(hopIndex);
                }
            }
            hits.dropSuperseded(supersedes);
            for (auto it = hits.byRule.begin(); it != hits.byRule.end(); ++it) {
                Context c = ctx;
                c.match = &it->firstMatch;
                c.hop = it->firstHop;
                if (c.hop && c.hop->sessionIndex >= 0 && c.hop->sessionIndex < store.sessions.size())
                    c.session = &store.sessions.at(c.hop->sessionIndex);
                it->occurrence.parameters = fillParameters(rules.at(it->rule), c);
                add(total, it->rule, it->occurrence);
            }
        }

        // FAIL and DEFER hops no specific rule explains: delivery-failed / delivery-deferred,
        // joined to the finding of the same event in a protocol log when there is one.
        if (unexplainedPermanent.rule >= 0 || unexplainedTemporary.rule >= 0) {
            for (int hopIndex = 0; hopIndex < msg.hops.size(); ++hopIndex) {
                const MessageHop &hop = msg.hops.at(hopIndex);
                const bool fail = hop.event == QLatin1String("FAIL");
                if ((!fail && hop.event != QLatin1String("DEFER")) || explainedHops.contains(hopIndex))
                    continue;
                // Deferrals before a hop a specific rule explains (the retries before QUEUE.Expired,
                // before a DNS failure ...) are that fault's history, not a second fault.
                if (!fail && std::any_of(explainedHops.cbegin(), explainedHops.cend(), [&](int i) { return i > hopIndex; }))
                    continue;
                // The tracking side of a fault a protocol-log rule reported for this message on this
                // server (the DEFER after a dropped connection, the FAIL after a 5.7.1 block).
                if (!msg.messageId.isEmpty() && explainedMessages.contains(messageKey + hop.server.toLower()))
                    continue;
                const MatcherRef &m = fail ? unexplainedPermanent : unexplainedTemporary;
                if (m.rule < 0)
                    continue;
                const QString text = hop.recipientStatus + QLatin1Char(' ') + hop.sourceContext;
                const bool vetoed = std::any_of(m.cond->excludes.cbegin(), m.cond->excludes.cend(),
                                                [&](const QRegularExpression &re) { return re.match(text).hasMatch(); });
                if (vetoed)
                    continue;
                const StatusCode sc = firstStatusCode(text);
                const QString code = !sc.enhanced.isEmpty() ? sc.enhanced : sc.basic >= 400 ? QString::number(sc.basic) : hop.event;
                Occurrence occ = baseOccurrence(&hop);
                occ.addHop(hop);
                if (sc.basic >= 400)
                    occ.codes << sc.text();
                Context c = ctx;
                c.hop = &hop;
                if (hop.sessionIndex >= 0 && hop.sessionIndex < store.sessions.size())
                    c.session = &store.sessions.at(hop.sessionIndex);
                c.failureCode = code;
                c.failureRemote = !hop.nextHop.isEmpty() ? hop.nextHop.toLower() : readSource(QStringLiteral("message.recipientDomain"), c);
                occ.parameters = fillParameters(rules.at(m.rule), c);
                // The same event already found in a protocol log: join that finding.
                QString joined = total.unexplainedBySession.value(QString::number(hop.sessionIndex) + QLatin1Char('\x1f') + code);
                if (joined.isEmpty() && !msg.messageId.isEmpty())
                    joined = total.unexplainedByMessage.value(msg.messageId.toLower() + QLatin1Char('\x1f') + code);
                const auto existing = joined.isEmpty() ? total.findings.cend() : total.findings.constFind(joined);
                if (existing != total.findings.cend() && existing->finding.rule == rules.at(m.rule).id)
                    merge(total, joined, m.rule, std::move(occ), nullptr);
                else
                    add(total, m.rule, std::move(occ));
            }
        }

        // Delay between the first hop and the final hand-off (DELIVER or SEND).
        if (!delayed.isEmpty() && msg.hops.size() >= 2) {
            qint64 start = kNoTime;
            int finalHop = -1;
            for (int i = 0; i < msg.hops.size(); ++i) {
                const MessageHop &h = msg.hops.at(i);
                if (h.timeMs == kNoTime)
                    continue;
                if (start == kNoTime || h.timeMs < start)
                    start = h.timeMs;
                if (h.event == QLatin1String("DELIVER") || h.event == QLatin1String("SEND"))
                    finalHop = (finalHop < 0 || h.timeMs >= msg.hops.at(finalHop).timeMs) ? i : finalHop;
            }
            if (finalHop >= 0 && start != kNoTime) {
                const qint64 delay = msg.hops.at(finalHop).timeMs - start;
                for (const MatcherRef &m : delayed) {
                    const qint64 threshold = qint64(m.cond->options.value(QStringLiteral("thresholdMs")).toDouble());
                    if (delay < threshold)
                        continue;
                    // Blame the hop after which the message waited longest.
                    int waitedAt = 0;
                    qint64 longest = -1;
                    for (int i = 0; i + 1 < msg.hops.size(); ++i) {
                        const qint64 a = msg.hops.at(i).timeMs, b = msg.hops.at(i + 1).timeMs;
                        if (a != kNoTime && b != kNoTime && b - a > longest) {
                            longest = b - a;
                            waitedAt = i;
                        }
                    }
                    const MessageHop &blamed = msg.hops.at(waitedAt);
                    Occurrence occ = baseOccurrence(&blamed);
                    for (const MessageHop &h : msg.hops) {
                        if (!h.server.isEmpty() && !occ.servers.contains(h.server))
                            occ.servers << h.server;
                    }
                    occ.addHop(msg.hops.at(0));
                    occ.addHop(blamed);
                    if (waitedAt + 1 < msg.hops.size())
                        occ.addHop(msg.hops.at(waitedAt + 1));
                    occ.addHop(msg.hops.at(finalHop));
                    Context c = ctx;
                    c.hop = &blamed;
                    occ.parameters = fillParameters(rules.at(m.rule), c);
                    occ.parameters.insert(QStringLiteral("DelayMinutes"), QString::number(delay / 60000));
                    add(total, m.rule, occ);
                }
            }
        }

        // A SEND towards a server whose tracking log is loaded but shows no RECEIVE.
        if (!missingHop.isEmpty() && trackingServers.size() >= 2) {
            QSet<QString> receivedOn;
            for (const MessageHop &h : msg.hops) {
                if (h.event == QLatin1String("RECEIVE"))
                    receivedOn.insert(h.server.toLower());
            }
            for (const MessageHop &h : msg.hops) {
                if (h.event != QLatin1String("SEND"))
                    continue;
                QString target = firstLabel(h.nextHop);
                if (!trackingServers.contains(target))
                    target = serverByIp.value(h.serverIp);
                if (target.isEmpty() || target == h.server.toLower() || !trackingServers.contains(target)
                    || receivedOn.contains(target))
                    continue;
                const Span span = trackingServers.value(target);
                // The target's log must cover the moment the message left (a minute of slack).
                if (h.timeMs != kNoTime && span.first != kNoTime && span.last != kNoTime
                    && (h.timeMs < span.first - 60000 || h.timeMs > span.last))
                    continue;
                for (const MatcherRef &m : missingHop) {
                    Occurrence occ = baseOccurrence(&h);
                    occ.addHop(h);
                    // Name the silent server as it appears in the store's files.
                    for (const SourceFile &file : store.files) {
                        if (file.server.toLower() == target) {
                            occ.servers << file.server;
                            break;
                        }
                    }
                    Context c = ctx;
                    c.hop = &h;
                    occ.parameters = fillParameters(rules.at(m.rule), c);
                    occ.parameters.insert(QStringLiteral("TargetServer"), occ.servers.value(1));
                    add(total, m.rule, occ);
                }
            }
        }
    }
}

void DiagnosisEngine::Private::findExpiringCertificates(const Store &store)
{
    // "Now" is the end of the logs: the analysis describes the time they cover, and gives the
    // same answer whenever it runs (a certificate that expired since is for mwb check / probe).
    const qint64 end = store.fileTimeSpan().second;
    QHash<QString, QString> serverSpelling;   // lower-case -> as in the files
    for (const SourceFile &f : store.files) {
        if (!f.server.isEmpty())
            serverSpelling.insert(f.server.toLower(), f.server);
    }
    if (end == kNoTime)
        return;
    struct Expiring {
        Occurrence occurrence;
        const CertificateSighting *sample = nullptr;
    };
    QMap<QString, Expiring> byCertificate;   // thumbprint (or subject) -> what the sightings add up to
    for (const CertificateSighting &s : std::as_const(total.sightings)) {
        const Certificate &cert = s.certificate;
        if (cert.notAfterMs == kNoTime)
            continue;   // the log does not record the validity: nothing to judge
        // Only the organisation's certificates: the logging server's own, or a peer that is one of
        // the servers whose logs are loaded. A partner's certificate is the partner's to renew.
        QString presenter;
        if (s.own)
            presenter = s.server;
        else
            presenter = serverSpelling.value(firstLabel(s.host));
        if (presenter.isEmpty())
            continue;
        for (const MatcherRef &m : std::as_const(certificateExpiring)) {
            const qint64 warnMs = qint64(m.cond->options.value(QStringLiteral("warnDays")).toDouble() * 86400000.0);
            const qint64 left = cert.notAfterMs - end;
            if (left > warnMs)
                continue;
            const QString key = QString::number(m.rule) + QLatin1Char('\x1f')
                + (cert.thumbprint.isEmpty() ? cert.subject : cert.thumbprint);
            Expiring &e = byCertificate[key];
            Occurrence &occ = e.occurrence;
            if (!e.sample) {
                e.sample = &s;
                if (left < 0)
                    occ.severity = Severity::Error;
            }
            if (!occ.servers.contains(presenter))
                occ.servers << presenter;
            widenSpan(occ.firstMs, occ.lastMs, s.firstMs, s.lastMs);
            if (cert.ref.isValid() && !occ.evidence.contains(cert.ref))
                occ.evidence << cert.ref;
        }
    }
    for (auto it = byCertificate.begin(); it != byCertificate.end(); ++it) {
        const int rule = it.key().section(QLatin1Char('\x1f'), 0, 0).toInt();
        const CertificateSighting &s = *it->sample;
        SeenCertificate seen;
        seen.info = s.certificate;
        seen.announcedName = s.host;
        Context c;
        c.certificate = &seen;
        Session sample;
        if (!s.sessionIndexes.isEmpty() && s.sessionIndexes.first() < store.sessions.size())
            sample = store.sessions.at(s.sessionIndexes.first());
        sample.server = it->occurrence.servers.value(0);
        c.session = &sample;
        Occurrence occ = it->occurrence;
        occ.parameters = fillParameters(kb.rules().at(rule), c);
        occ.parameters.insert(QStringLiteral("NotAfter"),
                              s.certificate.notAfter().toString(Qt::ISODate));
        occ.parameters.insert(QStringLiteral("DaysLeft"), QString::number((s.certificate.notAfterMs - end) / 86400000));
        // Every session that showed it, on every server.
        const QString key = findingKey(rule, occ, nullptr);
        merge(total, key, rule, occ, nullptr);
        Accumulator &a = total.findings[key];
        for (const CertificateSighting &other : std::as_const(total.sightings)) {
            const bool same = s.certificate.thumbprint.isEmpty() ? other.certificate.subject == s.certificate.subject
                                                                 : other.certificate.thumbprint == s.certificate.thumbprint;
            if (!same)
                continue;
            for (int index : other.sessionIndexes) {
                if (index < 0 || index >= store.sessions.size())
                    continue;
                a.addSessionIndex(index);
                a.sessionIds.add(store.sessions.at(index).id);
            }
        }
    }
}

namespace {

// When the configuration is judged: at the end of the loaded logs (what they show is how things
// stood then), else, for a zip without logs, when the collection ended. Invalid when neither is known.
QDateTime analysisNow(const Store &store)
{
    const qint64 end = store.fileTimeSpan().second;
    return end != kNoTime ? QDateTime::fromMSecsSinceEpoch(end, Qt::UTC) : store.configuration.manifest.finished;
}

} // namespace

// certificate-expiring from a collection zip's Get-ExchangeCertificate: the certificates enabled
// for SMTP (the ones transport presents), judged at the end of the logs like the ones the logs
// show (or, without logs, when the collection ended). Same grouping (Thumbprint): a certificate
// seen in the logs and in the configuration is one finding.
void DiagnosisEngine::Private::findExpiringConfiguredCertificates(const Store &store)
{
    const QDateTime now = analysisNow(store);
    if (!now.isValid())
        return;
    const qint64 end = now.toMSecsSinceEpoch();
    for (const config::Certificate &k : store.configuration.certificates) {
        if (!k.enabledForSmtp() || k.notAfterMs == kNoTime)
            continue;
        for (const MatcherRef &m : std::as_const(certificateExpiring)) {
            const qint64 warnMs = qint64(m.cond->options.value(QStringLiteral("warnDays")).toDouble() * 86400000.0);
            const qint64 left = k.notAfterMs - end;
            if (left > warnMs)
                continue;
            Occurrence occ;
            if (!k.server.isEmpty())
                occ.servers << k.server;
            if (left < 0)
                occ.severity = Severity::Error;
            SeenCertificate seen;
            seen.info = k;
            seen.info.thumbprint = normalizedThumbprint(k.thumbprint);   // a redaction mark is no thumbprint
            seen.announcedName = k.alternateNames.value(0);
            Session sample;
            sample.server = k.server;
            Context c;
            c.certificate = &seen;
            c.session = &sample;
            occ.parameters = fillParameters(kb.rules().at(m.rule), c);
            occ.parameters.insert(QStringLiteral("NotAfter"), k.notAfter().toString(Qt::ISODate));
            occ.parameters.insert(QStringLiteral("DaysLeft"), QString::number(left / 86400000));
            // The renewed certificate already on the server, if any: the one the scenario enables.
            const QString name = k.alternateNames.isEmpty() ? k.commonName() : k.alternateNames.first();
            if (const config::Certificate *next = config::replacementCertificate(store.configuration, k.server, name, now, k.thumbprint, k.notAfter()))
                occ.parameters.insert(QStringLiteral("CertificateThumbprint"), normalizedThumbprint(next->thumbprint));
            merge(total, findingKey(m.rule, occ, nullptr), m.rule, occ, nullptr);
        }
    }
}

// tls-certificate-name-missing: a connector's TlsCertificateName names no valid SMTP certificate on
// the server that uses it (certificatechecks.h), judged at the end of the logs.
void DiagnosisEngine::Private::findMissingTlsCertificates(const Store &store)
{
    const QDateTime now = analysisNow(store);
    if (!now.isValid())
        return;
    for (const config::MissingTlsCertificate &miss : config::findMissingTlsCertificates(store.configuration, now)) {
        for (const MatcherRef &m : std::as_const(tlsCertificateNameMissing)) {
            Occurrence occ = configurationOccurrence(m.rule, miss.server, miss.connector);
            occ.parameters.insert(QStringLiteral("TlsCertificateName"), miss.tlsCertificateName);
            occ.parameters.insert(miss.receive ? QStringLiteral("ReceiveConnector") : QStringLiteral("SendConnector"), miss.connector);
            occ.parameters.insert(QStringLiteral("Problem"), miss.reason);
            // What the certificate-smtp scenario asks for, from the configuration instead of the admin.
            const QString host = config::tlsCertificateNameHost(miss.tlsCertificateName);
            if (!host.isEmpty()) {
                occ.parameters.insert(QStringLiteral("Fqdn"), host);
                if (const config::Certificate *k = config::replacementCertificate(store.configuration, miss.server, host, now))
                    occ.parameters.insert(QStringLiteral("CertificateThumbprint"), normalizedThumbprint(k->thumbprint));
            }
            merge(total, findingKey(m.rule, occ, nullptr), m.rule, occ, nullptr);
        }
    }
}

// A server whose own logs' "#Version:" header names an out-of-support build (serverversions.h:
// the newest build per server, so a server upgraded during the logs' span is judged by what it
// runs now): one finding per server, its evidence the header lines. When an SMTP banner of the
// same server already raised the rule for the same build (in another spelling: 15.02.1544.004),
// the header joins that finding instead of making a second one.
void DiagnosisEngine::Private::findOutOfSupportLogBuilds(const Store &store)
{
    const QDate today = QDate::currentDate();
    for (const ServerVersion &v : serverVersions(store.files)) {
        if (!v.build.outOfSupport(today))
            continue;
        QStringList names;
        Occurrence occ;
        for (int i : v.files) {
            const SourceFile &f = store.files.at(i);
            names << f.path.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
            RecordRef at = f.exchangeBuildLine;
            at.fileIndex = i;
            if (at.isValid() && occ.evidence.size() < kEvidenceCap)
                occ.evidence << at;
        }
        occ.firstMs = v.firstMs;
        occ.lastMs = v.lastMs;
        if (!v.server.isEmpty())
            occ.servers << v.server;
        constexpr qsizetype kNamedFiles = 5;
        QString files = names.mid(0, kNamedFiles).join(QStringLiteral(", "));
        if (names.size() > kNamedFiles)
            files += QStringLiteral(" and %1 more").arg(names.size() - kNamedFiles);
        for (const MatcherRef &m : std::as_const(exchangeBuildInLogHeader)) {
            const Rule &rule = kb.rules().at(m.rule);
            Occurrence o = occ;
            o.parameters.insert(QStringLiteral("Server"), v.server);
            o.parameters.insert(QStringLiteral("Build"), v.build.build);
            o.parameters.insert(QStringLiteral("Version"), v.build.displayName());
            o.parameters.insert(QStringLiteral("SupportEnded"), v.build.supportEnds.toString(Qt::ISODate));
            o.parameters.insert(QStringLiteral("LogFiles"), files);
            QString key = findingKey(m.rule, o, nullptr);
            for (auto it = total.findings.cbegin(); it != total.findings.cend(); ++it) {
                const Finding &f = it->finding;
                if (f.rule == rule.id && f.parameters.value(QStringLiteral("Server")).compare(v.server, Qt::CaseInsensitive) == 0
                    && identifyExchangeBuild(f.parameters.value(QStringLiteral("Build"))).build == v.build.build) {
                    key = it.key();
                    break;
                }
            }
            merge(total, key, m.rule, std::move(o), nullptr);
        }
    }
}

void DiagnosisEngine::Private::findRelayConnectorOverlaps(const Store &store)
{
    // The servers' own addresses: the specific IPs of their bindings, and the local end of the
    // sessions in their own logs (see relayoverlap.h). Each distinct server/IP text parsed once.
    config::ServerAddresses addresses = config::addressesFromBindings(store.configuration);
    QSet<QString> seen;
    for (const Session &s : store.sessions) {
        if (s.server.isEmpty() || s.local.isEmpty())
            continue;
        const QString ip = hostOfEndpoint(s.local);
        const QString key = s.server.toLower() + QLatin1Char('\x1f') + ip;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        QHostAddress a;
        if (a.setAddress(ip) && !a.isLoopback() && !addresses.contains(s.server, a))
            addresses.insert(s.server, a);
    }
    const QList<config::RelayOverlap> overlaps = config::findRelayConnectorOverlaps(store.configuration, addresses);
    for (const config::RelayOverlap &o : overlaps) {
        const config::ReceiveConnector &rc = *o.connector;
        for (const MatcherRef &m : std::as_const(relayConnectorOverlap)) {
            Occurrence occ = configurationOccurrence(m.rule, rc.server, rc.identity);
            // The sessions that show it: the other servers' connections that this connector took.
            QList<int> indexes;
            for (const Session &s : store.sessions) {
                if (s.server.section(u'.', 0, 0).compare(rc.server.section(u'.', 0, 0), Qt::CaseInsensitive) != 0)
                    continue;
                if (s.connector.compare(rc.identity, Qt::CaseInsensitive) != 0 && s.connector.compare(rc.name, Qt::CaseInsensitive) != 0)
                    continue;
                if (!o.addresses.contains(hostOfEndpoint(s.remote)))
                    continue;
                indexes.append(s.index);
                widenSpan(occ.firstMs, occ.lastMs, s.startMs, s.endMs);
                if (s.lastReply.startsWith(QLatin1String("451 5.7.3"))) {
                    occ.severity = Severity::Error;   // not only possible: it is happening
                    if (!occ.codes.contains(QStringLiteral("451 5.7.3")))
                        occ.codes << QStringLiteral("451 5.7.3");
                }
            }
            occ.parameters.insert(QStringLiteral("RelayConnector"), rc.identity);
            occ.parameters.insert(QStringLiteral("RelayConnectorName"), rc.name);
            occ.parameters.insert(QStringLiteral("ExchangeServerIps"), o.addresses.join(QLatin1Char(',')));
            occ.parameters.insert(QStringLiteral("ExchangeServers"), o.servers.join(QLatin1Char(',')));
            occ.parameters.insert(QStringLiteral("RemoteIPRanges"), o.ranges.join(QLatin1Char(',')));
            const QString key = findingKey(m.rule, occ, nullptr);
            merge(total, key, m.rule, occ, nullptr);
            Accumulator &a = total.findings[key];
            for (int index : std::as_const(indexes)) {
                a.addSessionIndex(index);
                a.sessionIds.add(store.sessions.at(index).id);
            }
        }
    }
}

Occurrence DiagnosisEngine::Private::configurationOccurrence(int rule, const QString &server, const QString &connector) const
{
    Occurrence occ;
    if (!server.isEmpty())
        occ.servers << server;
    Session sample;
    sample.server = server;
    sample.connector = connector;
    Context c;
    c.session = &sample;
    occ.parameters = fillParameters(kb.rules().at(rule), c);
    return occ;
}

namespace {

// The domain of the first recipient of a session (what DomainValidation checks without TlsDomain).
QString firstRecipientDomain(const Session &s)
{
    for (const QString &r : s.recipients) {
        const QString domain = domainOfAddress(r);
        if (!domain.isEmpty())
            return domain;
    }
    return {};
}

} // namespace

// connector-tls-settings: what a connector's RequireTLS / TlsAuthLevel / TlsDomain demand
// (connectortls.h, from Set-SendConnector and Set-ReceiveConnector) against what its sessions show.
// Raised ("check" option): a Send session of a connector demanding TLS to a peer whose EHLO answer
// offered no STARTTLS (require-tls: Exchange queues such mail, "STARTTLS is required to send mail");
// a Send session of a DomainValidation connector whose peer certificate does not carry the domain
// validated, or of a smart-host DomainValidation connector without TlsDomain (domain-validation).
// Contract has no rule for a TLS handshake that failed on a connector demanding TLS, nor for a
// rejection by a RequireTLS receive connector beyond starttls-required's own patterns: there the
// connector's settings are added as parameters to the findings that already hold the session.
void DiagnosisEngine::Private::findConnectorTlsMismatches(const Store &store)
{
    const config::Configuration &cfg = store.configuration;
    MatcherRef requireTls, domainValidation;
    for (const MatcherRef &m : std::as_const(connectorTlsSettings)) {
        const QString check = m.cond->options.value(QStringLiteral("check")).toString();
        MatcherRef &slot = check == QLatin1String("require-tls") ? requireTls : domainValidation;
        if (slot.rule < 0)
            slot = m;
    }
    QHash<int, QMap<QString, QString>> factsBySession;   // session index -> the configuration facts for findings holding it
    auto raise = [&](const MatcherRef &m, const Session &s, const config::SendConnector &sc, const QMap<QString, QString> &extra,
                     const RecordRef &evidence = {}) {
        if (m.rule < 0)
            return;
        Occurrence occ = configurationOccurrence(m.rule, s.server, s.connector);
        occ.sessionIndex = s.index;
        occ.sessionId = s.id;
        widenSpan(occ.firstMs, occ.lastMs, s.startMs, s.endMs);
        if (evidence.isValid())
            occ.evidence << evidence;
        occ.parameters.insert(QStringLiteral("SendConnector"), sc.name);
        occ.parameters.insert(QStringLiteral("RemoteIp"), hostOfEndpoint(s.remote));
        occ.parameters.insert(QStringLiteral("SendConnectorTls"), config::describeTlsSettings(sc));
        occ.parameters.insert(QStringLiteral("Reference"), QString::fromLatin1(config::kSetSendConnectorReference));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            occ.parameters.insert(it.key(), it.value());
        merge(total, findingKey(m.rule, occ, nullptr), m.rule, occ, nullptr);
    };
    for (const Session &s : store.sessions) {
        if (s.direction == Direction::Receive) {
            const config::ReceiveConnector *rc = config::receiveConnectorNamed(cfg, s.server, s.connector);
            if (rc && rc->enabled && rc->requireTls && !s.tlsEstablished) {
                factsBySession.insert(s.index, {{QStringLiteral("ReceiveConnector"), rc->identity},
                                                {QStringLiteral("ReceiveConnectorTls"), config::describeTlsSettings(*rc)},
                                                {QStringLiteral("Reference"), QString::fromLatin1(config::kSetReceiveConnectorReference)}});
            }
            continue;
        }
        const config::SendConnector *sc = config::sendConnectorNamed(cfg, s.connector);
        if (!sc || !sc->enabled)
            continue;
        const config::TlsAuthLevel level = config::tlsAuthLevelOf(*sc);
        const bool validates = level == config::TlsAuthLevel::CertificateValidation || level == config::TlsAuthLevel::DomainValidation;
        if (!sc->requireTls && !validates)
            continue;
        // The peer's EHLO answer before any STARTTLS: without STARTTLS in it the connector cannot send.
        const QStringList &offered = s.capabilitiesBeforeTls.isEmpty() ? s.capabilities : s.capabilitiesBeforeTls;
        if (!s.tls && !offered.isEmpty() && !offered.contains(QStringLiteral("STARTTLS"))) {
            raise(requireTls, s, *sc, {{QStringLiteral("Problem"),
                                        QStringLiteral("%1 requires TLS, but %2 did not offer STARTTLS in its EHLO answer")
                                            .arg(sc->name, s.greetingName.isEmpty() ? hostOfEndpoint(s.remote) : s.greetingName)}});
            continue;
        }
        // Asked for (STARTTLS sent, even if refused) or attempted, and never established.
        if (!s.tlsEstablished && (s.tls || !s.tlsVerb.isEmpty())) {
            QString problem = QStringLiteral("%1 requires TLS and the TLS handshake with %2 failed").arg(sc->name, hostOfEndpoint(s.remote));
            const QString failure = s.tlsFailure + QLatin1Char(' ') + s.lastReply;
            static const QRegularExpression untrusted(QStringLiteral("UntrustedRoot|PartialChain|chain|not trusted|untrusted"),
                                                      QRegularExpression::CaseInsensitiveOption);
            if (validates && untrusted.match(failure).hasMatch())
                problem += QStringLiteral("; TlsAuthLevel %1 validates the remote certificate chain, which this server does not trust").arg(sc->tlsAuthLevel);
            factsBySession.insert(s.index, {{QStringLiteral("SendConnector"), sc->name},
                                            {QStringLiteral("SendConnectorTls"), config::describeTlsSettings(*sc)},
                                            {QStringLiteral("ConfigurationProblem"), problem},
                                            {QStringLiteral("Reference"), QString::fromLatin1(config::kSetSendConnectorReference)}});
            continue;
        }
        if (level != config::TlsAuthLevel::DomainValidation)
            continue;
        bool missingTlsDomain = false;
        const QString domain = config::domainToValidate(*sc, firstRecipientDomain(s), &missingTlsDomain);
        if (missingTlsDomain) {
            raise(domainValidation, s, *sc, {{QStringLiteral("Problem"),
                                              QStringLiteral("%1 uses TlsAuthLevel DomainValidation through smart hosts without a TlsDomain, "
                                                             "which Set-SendConnector requires there").arg(sc->name)}});
            continue;
        }
        if (domain.isEmpty())
            continue;
        for (const Certificate &k : s.certificates) {
            if (k.role != CertificateRole::Received || k.isEmpty())
                continue;
            if (config::certificateSatisfiesTlsDomain(k.alternateNames, k.subject, domain))
                break;
            QMap<QString, QString> extra = {
                {QStringLiteral("Problem"), QStringLiteral("%1 validates the domain %2, but the certificate %3 presented (%4) does not carry it")
                                                .arg(sc->name, domain, s.greetingName.isEmpty() ? hostOfEndpoint(s.remote) : s.greetingName,
                                                     k.alternateNames.isEmpty() ? k.subject : k.alternateNames.join(QLatin1Char(',')))},
                {QStringLiteral("PresentedNames"), k.alternateNames.isEmpty() ? k.commonName() : k.alternateNames.join(QLatin1Char(','))}};
            if (!sc->tlsDomain.isEmpty())
                extra.insert(QStringLiteral("TlsDomain"), sc->tlsDomain);
            raise(domainValidation, s, *sc, extra, k.ref);   // the certificate line is the evidence
            break;
        }
    }
    if (factsBySession.isEmpty())
        return;
    for (Accumulator &a : total.findings) {
        for (int index : std::as_const(a.finding.sessionIndexes)) {
            const auto it = factsBySession.constFind(index);
            if (it != factsBySession.cend())
                addMissingParameters(a.finding.parameters, *it);
        }
    }
}

DiagnosisEngine::DiagnosisEngine() : d(std::make_unique<Private>()) {}
DiagnosisEngine::~DiagnosisEngine()
{
    // Findings can list a million probe sessions, and the rules hold JIT-compiled regexes (an
    // munmap each): freeing them took over 120 ms on the UI thread when a load replaced the engine.
    releaseInBackground(std::move(d));
}

Result<std::shared_ptr<DiagnosisEngine>> DiagnosisEngine::create(const QString &kbPath)
{
    Result<KnowledgeBase> kb = KnowledgeBase::load(kbPath);
    if (!kb)
        return Result<std::shared_ptr<DiagnosisEngine>>::fail(kb.errorMessage());
    std::shared_ptr<DiagnosisEngine> engine(new DiagnosisEngine);
    engine->d->kb = std::move(kb).value();
    engine->d->prepare();
    return engine;
}

const KnowledgeBase &DiagnosisEngine::knowledgeBase() const
{
    return d->kb;
}

std::unique_ptr<SessionObserver::Scan> DiagnosisEngine::scanSessions(const QList<Session> &sessions, qsizetype begin,
                                                                      qsizetype end, const LinesOf &linesOf)
{
    // No lock: the run's sessions are added to the run's own aggregate, and scan() and commit()
    // read nothing else but the prepared rules.
    auto run = std::make_unique<Private::RunScan>();
    for (qsizetype i = begin; i < end; ++i) {
        const Session &session = sessions.at(i);
        Private::SessionScan scan = d->scan(session, linesOf(i));
        d->commit(run->aggregate, session, scan);
    }
    return run;
}

void DiagnosisEngine::sessionsScanned(const Store &, std::unique_ptr<Scan> scan)
{
    auto *run = dynamic_cast<Private::RunScan *>(scan.get());
    if (!run)
        return;   // soft: a scan from another observer has nothing for this engine
    QMutexLocker lock(&d->mutex);
    Private::absorb(d->total, std::move(run->aggregate));
}

void DiagnosisEngine::sessionsDone(const Store &)
{
    // The ids of a finding's sessions came in as they were seen; deduplicating millions of them
    // (a load-balancer probe finding holds one per session) took 0.2 s at the end of a 1 GiB load.
    // Here it runs while the loader waits for message correlation; loadFinished then only checks
    // what message rules added.
    QMutexLocker lock(&d->mutex);
    for (Accumulator &a : d->total.findings) {
        a.sessionIds.dedupe();
        a.messageIds.dedupe();
    }
}

void DiagnosisEngine::loadFinished(const Store &store)
{
    QMutexLocker lock(&d->mutex);
    Private::Aggregate &total = d->total;
    for (const SourceFile &f : store.files) {
        if (!f.server.isEmpty())
            total.serversSeen.insert(f.server.toLower());
    }

    for (const Private::CapabilityCandidate &c : std::as_const(total.capabilityCandidates)) {
        const bool intraOrg = c.connector.contains(QLatin1String("Intra-Organization"), Qt::CaseInsensitive)
            || (!c.peerName.isEmpty() && total.serversSeen.contains(firstLabel(c.peerName)))
            || (c.peerIsExchange && !domainOfHost(c.peerName).isEmpty() && domainOfHost(c.peerName) == domainOfHost(c.ownName));
        if (intraOrg)
            d->add(total, c.rule, c.occurrence);
    }
    total.capabilityCandidates.clear();

    d->scanMessages(store);

    for (auto it = total.certificatesByThumbprint.begin(); it != total.certificatesByThumbprint.end(); ++it) {
        if (it->names.size() < 2 || !it->anyUncovered)
            continue;
        for (const Private::MatcherRef &m : d->certificateMultipleNames) {
            Occurrence occ = it->occurrence;
            Context c;
            c.session = &it->sessionSample;
            c.certificate = &it->sample;
            occ.parameters = fillParameters(d->kb.rules().at(m.rule), c);
            QStringList names(it->names.begin(), it->names.end());
            names.sort();
            occ.parameters.insert(QStringLiteral("Names"), names.join(QLatin1Char(',')));
            d->add(total, m.rule, occ);
        }
    }
    total.certificatesByThumbprint.clear();

    if (!d->certificateExpiring.isEmpty())
        d->findExpiringCertificates(store);
    if (!d->certificateExpiring.isEmpty() && !store.configuration.certificates.isEmpty())
        d->findExpiringConfiguredCertificates(store);
    if (!d->tlsCertificateNameMissing.isEmpty() && !store.configuration.certificates.isEmpty())
        d->findMissingTlsCertificates(store);
    if (!d->relayConnectorOverlap.isEmpty() && !store.configuration.receiveConnectors.isEmpty())
        d->findRelayConnectorOverlaps(store);
    if (!d->exchangeBuildInLogHeader.isEmpty())
        d->findOutOfSupportLogBuilds(store);
    if (!store.configuration.sendConnectors.isEmpty() || !store.configuration.receiveConnectors.isEmpty())
        d->findConnectorTlsMismatches(store);
    // The wizard's parameters from the configuration (configparameters.h), for every finding.
    if (!store.configuration.isEmpty()) {
        const QDateTime now = analysisNow(store);
        for (Accumulator &a : total.findings)
            fillParametersFromConfiguration(a.finding.parameters, a.finding.scenario, store.configuration, now);
    }

    // Here, on the load's thread: findings() is read on the UI thread.
    for (Accumulator &a : total.findings) {
        a.sessionIds.dedupe();
        a.messageIds.dedupe();
    }
    lock.unlock();
    // The attribution passes over every session: here, on the load's thread, not when the UI
    // thread asks for the findings.
    QList<Finding> attributed = findings();
    attributeToOrganisation(attributed, store);
    linkCauses(attributed);   // again: the attribution added sessions and messages
    lock.relock();
    d->attributed = std::move(attributed);
    d->attributedFor = &store;
}

QList<CertificateSighting> DiagnosisEngine::certificates() const
{
    QMutexLocker lock(&d->mutex);
    return d->total.sightings.values();
}

QList<Finding> DiagnosisEngine::findings(const Store &store) const
{
    {
        QMutexLocker lock(&d->mutex);
        if (d->attributedFor == &store)
            return d->attributed;
    }
    QList<Finding> out = findings();
    attributeToOrganisation(out, store);
    linkCauses(out);   // again: the attribution added sessions and messages
    return out;
}

QList<Finding> DiagnosisEngine::findings() const
{
    QList<Finding> out;
    {
        QMutexLocker lock(&d->mutex);
        out.reserve(d->total.findings.size());
        for (const Accumulator &a : std::as_const(d->total.findings)) {
            out << a.result();
            // One step up when the fault repeats (the rule's "repeated"): distinct sessions or messages.
            Finding &f = out.last();
            const int r = d->kb.indexOf(f.rule);
            if (r >= 0) {
                const Rule &rule = d->kb.rules().at(r);
                const qsizetype seen = std::max(f.sessions.size(), f.messageIds.size());
                if (rule.repeatAtLeast > 0 && seen >= rule.repeatAtLeast && int(rule.repeatSeverity) > int(f.severity))
                    f.severity = rule.repeatSeverity;
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return int(a.severity) > int(b.severity);
        if (a.firstMs != b.firstMs)
            return a.firstMs < b.firstMs;
        if (a.rule != b.rule)
            return a.rule < b.rule;
        return a.servers.value(0) < b.servers.value(0);
    });
    linkCauses(out);
    return out;
}

} // namespace mwb
