// The simulated organisation (contoso.com with EX01, EX02, EDGE01 and Exchange Online in front) and
// the text Exchange writes for it: capabilities, certificates, permissions, reply texts.
#pragma once

#include "textutil.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace loggen {

enum LogKind { FrontRecv, FrontSend, HubRecv, HubSend, EdgeRecv, EdgeSend, Trk, TrkMd, TrkMs, TrkBacklog, KindCount };

struct Cert {
    std::string subject, issuer, serial, thumbprint, notBefore, notAfter, sans;
};

struct Server {
    std::string name;     // EX01
    std::string fqdn;     // EX01.contoso.com
    std::string ip;       // internal address
    std::string extIp;    // Edge: the internet-facing address
    bool edge = false;
    std::array<int, KindCount> streams{};
    std::array<std::uint64_t, 3> nextSessionId{};   // FrontEnd, Hub, Edge transport services
    std::uint64_t nextInternalId = 0;
    Cert selfSigned;
};

// A remote SMTP host outside the Exchange organisation.
struct RemoteHost {
    std::string fqdn, ip, banner, ehloGreeting, caps;
    Cert cert;
    bool exchangeOnline = false;
    bool chunking = true;
};

inline const char *kDomain = "contoso.com";

inline const std::vector<std::string> &firstNames()
{
    static const std::vector<std::string> v{"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
                                            "ivan", "judy", "karl", "laura", "mike", "nina", "oscar", "paula",
                                            "quentin", "rita", "sven", "tanja", "ulrich", "vera", "walter", "yuki"};
    return v;
}
inline const std::vector<std::string> &externalDomains()
{
    static const std::vector<std::string> v{"fabrikam.com", "tailspintoys.com", "wingtiptoys.com", "adatum.com",
                                            "litwareinc.com", "northwindtraders.com", "woodgrovebank.com",
                                            "proseware.com"};
    return v;
}
inline const std::vector<std::string> &subjects()
{
    static const std::vector<std::string> v{
        "Quarterly report", "Re: Project kickoff", "Invoice 2026-114, due Friday", "Meeting notes",
        "Réunion budget 2027", "Angebot Nr. 4711 – Rückfrage", "RE: Shipping delay, order 88213",
        "Welcome aboard!", "Password expiry notice", "FW: Contract draft v3", "見積書の送付", "Lunch?",
        "Weekly status", "Your order has shipped", "Re: Re: Holiday schedule", "Scan from MFP-3F"};
    return v;
}

inline std::string guid(Rng &r)
{
    std::string s;
    std::uint64_t a = r.next(), b = r.next();
    appendHex(s, a >> 32, 8, false);
    s.push_back('-');
    appendHex(s, (a >> 16) & 0xFFFF, 4, false);
    s.push_back('-');
    appendHex(s, 0x4000 | (a & 0x0FFF), 4, false);
    s.push_back('-');
    appendHex(s, 0x8000 | ((b >> 48) & 0x3FFF), 4, false);
    s.push_back('-');
    appendHex(s, b & 0xFFFFFFFFFFFFULL, 12, false);
    return s;
}

inline std::string thumbprint(Rng &r)
{
    std::string s;
    appendHex(s, r.next(), 16);
    appendHex(s, r.next(), 16);
    appendHex(s, r.next() >> 32, 8);
    return s;
}

// .NET ticks (100 ns since 0001-01-01): Exchange session ids start from the service's start time.
inline std::uint64_t ticksFromMs(std::int64_t ms)
{
    return static_cast<std::uint64_t>(ms + 62135596800000LL) * 10000ULL;
}

// Capabilities as Exchange advertises them (space separated, without the greeting).
inline const char *capsFrontendPreTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH NTLM X-EXPS GSSAPI NTLM "
           "8BITMIME BINARYMIME CHUNKING SMTPUTF8 XRDST";
}
inline const char *capsFrontendPostTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES AUTH NTLM LOGIN X-EXPS GSSAPI NTLM 8BITMIME BINARYMIME "
           "CHUNKING SMTPUTF8 XRDST";
}
inline const char *capsHubPreTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH NTLM X-EXPS GSSAPI NTLM "
           "8BITMIME BINARYMIME CHUNKING XEXCH50 SMTPUTF8 XRDST XSHADOWREQUEST";
}
inline const char *capsHubPostTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES AUTH NTLM X-EXPS GSSAPI NTLM 8BITMIME BINARYMIME "
           "CHUNKING XEXCH50 SMTPUTF8 XRDST XSHADOWREQUEST";
}
// A receive connector whose Exchange Server authentication is off (or a firewall stripped the verbs).
inline const char *capsNoExchangeAuth()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS AUTH NTLM 8BITMIME BINARYMIME CHUNKING XRDST";
}
inline const char *capsNoExchangeAuthPostTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES AUTH NTLM LOGIN 8BITMIME BINARYMIME CHUNKING XRDST";
}
inline const char *capsEdgePreTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH X-EXPS EXCHANGEAUTH "
           "8BITMIME BINARYMIME CHUNKING XEXCH50 SMTPUTF8 XRDST";
}
inline const char *capsEdgePostTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES AUTH X-EXPS EXCHANGEAUTH 8BITMIME BINARYMIME CHUNKING "
           "XEXCH50 SMTPUTF8 XRDST";
}
inline const char *capsClientPreTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS AUTH GSSAPI NTLM 8BITMIME BINARYMIME CHUNKING "
           "SMTPUTF8";
}
inline const char *capsClientPostTls()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES AUTH GSSAPI NTLM LOGIN 8BITMIME BINARYMIME CHUNKING "
           "SMTPUTF8";
}
inline const char *capsRelay()
{
    return "SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS 8BITMIME BINARYMIME CHUNKING SMTPUTF8";
}

inline const char *permsAnonymous()
{
    return "SMTPSubmit SMTPAcceptAnySender SMTPAcceptAuthoritativeDomainSender AcceptRoutingHeaders";
}
inline const char *permsExchange()
{
    return "SMTPSubmit SMTPAcceptAnyRecipient SMTPAcceptAuthenticationFlag SMTPAcceptAnySender "
           "SMTPAcceptAuthoritativeDomainSender BypassAntiSpam BypassMessageSizeLimit SMTPAcceptEXCH50 "
           "AcceptRoutingHeaders AcceptOrganizationHeaders SendRoutingHeaders SendOrganizationHeaders";
}
inline const char *permsSendInternal() { return "SMTPSendEXCH50 SendRoutingHeaders SendOrganizationHeaders SendForestHeaders"; }
inline const char *permsSendExternal() { return "SendRoutingHeaders"; }

} // namespace loggen
