#pragma once
// Redaction for sharing a case: replaces what identifies people and organisations (addresses,
// user names, domains, IP addresses, host names, subjects) with consistent pseudonyms, and keeps
// what a support engineer needs (SMTP and enhanced status codes, times, session ids, thumbprints,
// the shape of every line).
//
// One Redactor = one pseudonym space: the same input always gets the same pseudonym from it, so
// a redacted report still shows which sessions share a host or which hops carry one message.
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mwb {

class Store;

enum class RedactionKind { Email, User, Domain, Host, IPv4, IPv6, Subject, Guid, Tenant, Connector };
// "email" | "user" | "domain" | "host" | "ipv4" | "ipv6" | "subject" | "guid" | "tenant" | "connector"
QString redactionKindId(RedactionKind k);
inline constexpr int kRedactionKinds = 10;

struct Replacement {
    QString original;
    QString pseudonym;
    RedactionKind kind = RedactionKind::Host;
    friend bool operator==(const Replacement &, const Replacement &) = default;
};

struct RedactionOptions {
    // Domains kept as they are, with their sub-domains. Local parts of addresses are still
    // replaced, and so is the customer part of a provider name (providerSuffixes) under them.
    QStringList allowedDomains = defaultAllowedDomains();
    bool subjects = true;
    bool keepLoopback = true;   // 127.0.0.0/8, ::1, 0.0.0.0 identify nobody

    // Public service domains that identify no customer.
    static QStringList defaultAllowedDomains();
    // Provider names whose leading labels name the customer: "contoso-com.mail.protection.outlook.com",
    // "contoso.onmicrosoft.com". Only the suffix is kept; the labels before it become "tenant-N".
    QStringList providerSuffixes = defaultProviderSuffixes();
    static QStringList defaultProviderSuffixes();
};

class Redactor {
public:
    explicit Redactor(RedactionOptions options = {});

    // Free text (a log line, a transcript, an explanation): every address, IP, host name and
    // learned name (servers, subjects, user names) in it is replaced; everything else is kept.
    QString redactText(const QString &text);

    // Structured values, when the caller knows what a field is.
    QString redactEmail(const QString &address);
    QString redactUser(const QString &user);       // "jdoe", "CONTOSO\jdoe", "jdoe@contoso.com"
    QString redactHost(const QString &host);       // "EX01", "ex01.contoso.com", "203.0.113.9", "[2001:db8::5]:25"
    QString redactEndpoint(const QString &endpoint) { return redactHost(endpoint); }
    QString redactSubject(const QString &subject);
    QString redactGuid(const QString &guid);       // tenant, connector, network-message ids
    // Every string value (not the keys) of a JSON value through redactText.
    QJsonValue redactJson(const QJsonValue &value);

    // Teaches the redactor names that free text cannot recognise by shape: server names,
    // subjects, user names of AUTH lines, certificate subjects. Call before redacting lines.
    void learnFromStore(const Store &store);
    void learnHost(const QString &singleLabelHost);   // "EX01"
    void learnSubject(const QString &subject);
    void learnUser(const QString &user);
    // A dotted name seen in a structured field (an address's domain, an EHLO or banner name):
    // replaced in free text whatever its top-level domain ("contoso.xyz" has none a shape test
    // would trust), also as the tail of a longer name.
    void learnDomain(const QString &name);
    // A connector identity ("EX01\Partner fabrikam", "EdgeSync - Inbound to Munich-HQ"): the
    // server part is a host, Exchange's default names are kept, anything else (a custom name, an
    // AD site) becomes "Connector N" wherever it appears.
    void learnConnector(const QString &connector);

    // What redactText(text) would replace, without changing this redactor's pseudonyms.
    QList<Replacement> preview(const QString &text) const;
    // Every replacement made (or learned) so far, in first-use order.
    QList<Replacement> replacements() const { return m_replacements; }

private:
    QString pseudonymFor(RedactionKind kind, const QString &key, const QString &original);
    QString redactDomainName(const QString &name);   // a dotted name: domain or host
    QString redactIPv4(const QString &ip);
    QString redactIPv6(const QString &ip);
    QString redactProviderName(const QString &lowerName, const QString &suffix);
    bool isAllowedDomain(const QString &lowerName) const;
    const QRegularExpression &pattern();
    void note(const QString &original, const QString &pseudonym, RedactionKind kind);

    RedactionOptions m_options;
    QHash<QString, QString> m_map[kRedactionKinds];  // per kind: normalised original -> pseudonym
    QList<Replacement> m_replacements;
    int m_privateIPv4Count = 0;
    int m_publicIPv4Count = 0;
    QSet<QString> m_noted;                  // kind + original of every entry in m_replacements
    QStringList m_literalHosts;             // learned single-label host names
    QStringList m_literalSubjects;
    QStringList m_literalUsers;
    QStringList m_literalDomains;           // learned dotted names
    QStringList m_literalConnectors;        // learned custom connector / site names
    QRegularExpression m_pattern;
    bool m_patternDirty = true;
};

} // namespace mwb
