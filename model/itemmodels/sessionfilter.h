#pragma once
// Filtering sessions without QSortFilterProxyModel: the filter runs over the session list (QtCore
// only, no view involved) and yields the row indexes the table model swaps in. A proxy model would
// call filterAcceptsRow through the model API per row, which does not scale to millions of rows.
#include "model/core/common/result.h"
#include "model/core/sessions/types.h"

#include <QBitArray>
#include <QHostAddress>
#include <QObject>
#include <QRegularExpression>
#include <QSet>
#include <QVariantMap>
#include <memory>
#include <optional>
#include <vector>

namespace mwb {

class SessionSearchIndex;

// What the filter bar asks for. Empty / unset fields do not restrict.
struct SessionFilterSpec {
    QString text;                       // free text over id, server, connector, endpoints, EHLO, sender, recipients, ids, reply
    bool textIsRegex = false;
    QString server;                     // exact, case-insensitive
    QString connector;                  // substring, case-insensitive
    std::optional<Direction> direction;
    QString remote;                     // IP, CIDR (10.0.0.0/8, 2001:db8::/32) or a substring of the raw endpoint
    QString code;                       // "4.4.317", "5.7.*", "451", "4.*" — matched against the last reply
    std::optional<SessionOutcome> outcome;
    qint64 fromMs = kNoTime;            // inclusive, over the session start
    qint64 toMs = kNoTime;              // exclusive
    bool onlyTls = false;
    bool onlyWithFinding = false;

    bool isEmpty() const;
    friend bool operator==(const SessionFilterSpec &, const SessionFilterSpec &) = default;
};

// A spec as plain values (strings, bools, qlonglong) for QSettings and case files; enums are stored
// by their contract ids ("receive", "rejected") so the map survives enum reordering. Unknown or
// missing keys read back as "no restriction".
QVariantMap filterSpecToMap(const SessionFilterSpec &spec);
SessionFilterSpec filterSpecFromMap(const QVariantMap &map);

// A validated, ready-to-run filter. Build once per filter change, run over any number of sessions.
class SessionFilter {
public:
    // Fails with a message for the admin on an invalid regex, CIDR or code pattern.
    static Result<SessionFilter> compile(const SessionFilterSpec &spec);

    bool matches(const Session &session) const;
    // Sessions named in findings, for "has finding": bit i is set when Store::sessions[i] is.
    void setFindingSessions(QBitArray sessions) { m_findingSessions = std::move(sessions); }

    // Indexes (positions in `sessions`, offset by `firstIndex`) of every match, in order.
    std::vector<int> apply(const QList<Session> &sessions, int firstIndex = 0) const;
    // Indexes i in [from, to) of sessions that match (for a list shared with a load still streaming).
    // With an index that covers `sessions`, the sessions it describes are filtered through it (the
    // same answer, several times faster); the rest, and every session without one, field by field.
    std::vector<int> applyRange(const QList<Session> &sessions, qsizetype from, qsizetype to,
                                const SessionSearchIndex *index = nullptr) const;

    const SessionFilterSpec &spec() const { return m_spec; }

private:
    void prepareIpv4();
    bool codeMatches(const QString &code) const;
    bool replyCodeMatches(const QString &basic, const QString &enhanced) const;
    bool remoteMatches(const QString &remote) const;
    bool fieldHit(const QString &field) const;          // the text condition on one field
    bool textMatches(const Session &session) const;     // ... on any of the session's fields
    void applyIndexed(const SessionSearchIndex &index, qsizetype from, qsizetype to, std::vector<int> &rows) const;

    bool regexHit(const QString &field) const;
    bool regexMayMatchSession(const Session &session) const;   // the joined-fields pre-filter

    SessionFilterSpec m_spec;
    QRegularExpression m_textRegex;     // validates the pattern (and its error text); matches without PCRE2
    // The same pattern compiled by PCRE2 itself (with JIT), matched without a QRegularExpressionMatch
    // per field: that object's set-up cost ~10x the match itself over millions of sessions.
    struct DirectRegex;
    std::shared_ptr<const DirectRegex> m_directRegex;
    // The text condition as an 8-bit PCRE2 pattern over SessionSearchIndex's UTF-8 chunk text: a
    // caseless literal for an ASCII needle (a hit is a match), or the regex with ^ $ at line ends
    // (a hit is confirmed on the fields). Null when the text cannot be searched there.
    struct IndexPattern;
    std::shared_ptr<const IndexPattern> m_indexPattern;
    QString m_textLower;
    bool m_textAscii = false;           // the needle is ASCII: use the fast case-insensitive search
    QHostAddress m_network;
    int m_prefix = -1;                  // -1: remote is a substring, not an address
    QRegularExpression m_codeRegex;     // validates the pattern; codeMatches() is the fast equivalent
    QString m_codePattern;
    bool m_codeSuffix = false;          // "5.7" / "4.*": further ".digits" groups may follow
    bool m_ipv4 = false;                // remote is an IPv4 network: compare as integers
    quint32 m_network4 = 0;
    quint32 m_mask4 = 0;
    QBitArray m_findingSessions;
};

// "10.1.2.3" or "10.1.2.3:25" as an integer, without allocating; false for anything else (IPv6, names).
bool parseIpv4Endpoint(const QString &endpoint, quint32 &address);

// The remote endpoint's address without the port ("[2001:db8::5]:25" -> 2001:db8::5).
QHostAddress endpointAddress(const QString &endpoint);

// Reply code parts of a reply line: "451 4.7.0 Temporary..." -> {"451", "4.7.0"}.
struct ReplyCode {
    QString basic;
    QString enhanced;
};
ReplyCode parseReplyCode(const QString &reply);

} // namespace mwb
