// The rules of 2025-2026 (sender authentication, basic SMTP AUTH, DANE/MTA-STS, IP reputation,
// expiring certificates) against their look-alikes, and the generic delivery-failed /
// delivery-deferred findings: nothing that failed goes unmentioned, nothing a specific rule
// explains is mentioned twice, and scanner noise is not a failure.
#include "fixtures.h"

#include "model/core/diagnosis/knowledgebase.h"

#include <QTest>

using namespace mwb;
using namespace fixtures;

namespace {


// A Receive session: MAIL accepted, then RCPT answered with `rcptReply`.
SessionBuilder receiveRcpt(const QString &id, const QString &rcptReply, const QString &client = QStringLiteral("mail.fabrikam.com"))
{
    SessionBuilder b(Direction::Receive, id);
    b.greet(client);
    b.command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
    b.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(rcptReply);
    b.quit();
    return b;
}

// A Send session from EX01 to a remote MX whose RCPT answer is `rcptReply`.
SessionBuilder sendRcpt(const QString &id, const QString &rcptReply, const QString &peer = QStringLiteral("mx.fabrikam.com"),
                        const QString &messageId = {})
{
    SessionBuilder b(Direction::Send, id);
    b.greet(QStringLiteral("ex01.contoso.com"), peer);
    if (!messageId.isEmpty()) {
        b.line('*', QStringLiteral("sending message with RecordId 167503004549 and InternetMessageId %1").arg(messageId));
        b.session.messageIds << messageId;
    }
    b.command(QStringLiteral("MAIL FROM:<a@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
    b.command(QStringLiteral("RCPT TO:<b@fabrikam.com>")).reply(rcptReply);
    b.quit();
    return b;
}

SourceFile receiveFile(qint64 lastFromBase)
{
    SourceFile f;
    f.path = QStringLiteral("EX01/RECV2026112008-1.LOG");
    f.format = LogFormat::SmtpReceive;
    f.server = QStringLiteral("EX01");
    f.firstMs = baseMs();
    f.lastMs = baseMs() + lastFromBase;
    return f;
}

// A Receive session on EX01 presenting its own certificate (packed 2019 line) valid until notAfter.
SessionBuilder withOwnCertificate(const QString &id, const QString &thumbprint, const QString &notAfter,
                                  const QString &role = QStringLiteral("Sending"))
{
    SessionBuilder b(Direction::Receive, id);
    b.greet(QStringLiteral("mail.fabrikam.com"), QStringLiteral("mail.contoso.com"));
    b.command(QStringLiteral("STARTTLS")).reply(QStringLiteral("220 2.0.0 SMTP server ready"));
    b.line('*', QStringLiteral(" CN=mail.contoso.com CN=R3, O=Let's Encrypt, C=US 0400A1B2C3 %1 2026-01-17T15:15:33.000Z %2 mail.contoso.com")
                    .arg(thumbprint, notAfter),
           role + QStringLiteral(" certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names"));
    b.deliver(QStringLiteral("<%1@fabrikam.com>").arg(id)).quit();
    return b;
}

} // namespace

class TestDiagnosisFailures : public QObject {
    Q_OBJECT
private slots:
    // --- sender-authentication-failed ------------------------------------------------------------
    void senderAuthenticationFailedForItsCodesAndTexts()
    {
        const Run r = run({sendRcpt(QStringLiteral("08DC000000000301"),
                                    QStringLiteral("550 5.7.515 Access denied, sending domain [contoso.com] doesn't meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender."),
                                    QStringLiteral("outlook-com.olc.protection.outlook.com")),
                           sendRcpt(QStringLiteral("08DC000000000302"), QStringLiteral("550 5.7.509 Access denied, sending domain contoso.com does not pass DMARC verification and has a DMARC policy of reject.")),
                           sendRcpt(QStringLiteral("08DC000000000303"), QStringLiteral("550 5.7.23 The message was rejected because of Sender Policy Framework violation")),
                           sendRcpt(QStringLiteral("08DC000000000304"), QStringLiteral("550 5.7.1 Email rejected per DMARC policy for contoso.com"))});
        EXPECT_RULES(r, QStringLiteral("sender-authentication-failed"));
        const Finding f = r.of(QStringLiteral("sender-authentication-failed")).first();
        QCOMPARE(f.severity, Severity::Error);
        QCOMPARE(f.sessions.size(), 4);
        QCOMPARE(f.codes, (QStringList{QStringLiteral("550 5.7.515"), QStringLiteral("550 5.7.509"), QStringLiteral("550 5.7.23"), QStringLiteral("550 5.7.1")}));
        QCOMPARE(f.parameters.value(QStringLiteral("Domain")), QStringLiteral("contoso.com"));
        QCOMPARE(f.parameters.value(QStringLiteral("Server")), QStringLiteral("EX01"));
    }

    void senderAuthenticationFoundInTheTextOutlookComReallySends()
    {
        // As quoted from real bounces (May 2025): no brackets around the domain, SPF/DKIM/DMARC verdicts.
        const Message m = makeMessage(QStringLiteral("<hv1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("FAIL"), 0,
                                        QStringLiteral("550 5.7.515 Access denied, sending domain CONTOSO.COM doesn't meet the required authentication level. "
                                                       "The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender. "
                                                       "To learn how to fix this see: https://go.microsoft.com/fwlink/p/?linkid=2319303 Spf= Fail , Dkim= Pass , DMARC= Pass"),
                                        {}, {}, {}}});
        const Run r = run({}, {m});
        EXPECT_RULES(r, QStringLiteral("sender-authentication-failed"));
        QCOMPARE(r.of(QStringLiteral("sender-authentication-failed")).first().parameters.value(QStringLiteral("Domain")), QStringLiteral("CONTOSO.COM"));
        QCOMPARE(r.of(QStringLiteral("sender-authentication-failed")).first().messageIds, QStringList{QStringLiteral("<hv1@contoso.com>")});
    }

    void senderAuthenticationNotRaisedForBlockListsOrOtherPolicyCodes()
    {
        const Run blocked = run({sendRcpt(QStringLiteral("08DC000000000305"),
                                          QStringLiteral("550 5.7.1 Service unavailable, Client host [203.0.113.25] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/203.0.113.25"))});
        EXPECT_RULES(blocked, QStringLiteral("blocklisted"));
        // 5.7.51x is not 5.7.515: an unknown 5.7.510 is a generic failure, not an authentication one.
        const Run ipv6 = run({sendRcpt(QStringLiteral("08DC000000000306"), QStringLiteral("550 5.7.510 Access denied, contoso.com does not accept email over IPv6"))});
        EXPECT_RULES(ipv6, QStringLiteral("delivery-failed"));
    }

    // --- smtp-auth-basic-disabled ------------------------------------------------------------------
    void basicAuthRefusedIsNotAPasswordProblem()
    {
        SessionBuilder b(Direction::Send, QStringLiteral("08DC000000000310"));
        b.session.connector = QStringLiteral("Outbound via smtp.office365.com");
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("smtp.office365.com"));
        b.command(QStringLiteral("AUTH LOGIN")).reply(QStringLiteral("334 <authentication response>"));
        b.reply(QStringLiteral("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [AM0PR02CA0001.eurprd02.prod.outlook.com]"));
        b.line('*', {}, QStringLiteral("Outbound Authentication failed with LogonDenied"));
        b.quit();
        SessionBuilder retired(Direction::Send, QStringLiteral("08DC000000000311"));
        retired.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("smtp.office365.com"));
        retired.command(QStringLiteral("AUTH LOGIN")).reply(QStringLiteral("334 <authentication response>"));
        retired.reply(QStringLiteral("550 5.7.30 Basic authentication is not supported for Client Submission.")).quit();
        const Run r = run({b, retired});
        // auth-failed would send the admin to reset a password: the more precise rule silences it.
        EXPECT_RULES(r, QStringLiteral("smtp-auth-basic-disabled"));
        const Finding f = r.of(QStringLiteral("smtp-auth-basic-disabled")).first();
        QCOMPARE(f.scenario, QStringLiteral("smtp-client-submission"));
        QCOMPARE(f.severity, Severity::Error);
        QCOMPARE(f.sessions.size(), 2);
        QCOMPARE(f.codes, (QStringList{QStringLiteral("535 5.7.139"), QStringLiteral("550 5.7.30")}));
    }

    void wrongPasswordIsStillAuthFailed()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000312"));
        b.greet().command(QStringLiteral("AUTH LOGIN")).reply(QStringLiteral("334 <authentication response>"));
        b.line('*', {}, QStringLiteral("Inbound AUTH LOGIN failed because of LogonDenied"));
        b.reply(QStringLiteral("535 5.7.3 Authentication unsuccessful")).quit();
        EXPECT_RULES(run({b}), QStringLiteral("auth-failed"));
    }

    // --- dane-mta-sts-failed --------------------------------------------------------------------------
    void daneAndMtaStsFailuresFoundInTraces()
    {
        const Message dane = makeMessage(QStringLiteral("<dane1@contoso.com>"),
                                         {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                          {QStringLiteral("EX01"), QStringLiteral("DEFER"), 60000,
                                           QStringLiteral("451 4.7.323 tlsa-invalid: The domain failed DANE validation"), {}, {}, {}}});
        const Message expired = makeMessage(QStringLiteral("<dane2@contoso.com>"),
                                            {{QStringLiteral("EX01"), QStringLiteral("FAIL"), 60000,
                                              QStringLiteral("550 5.7.322 certificate-expired: Destination mail server's certificate is expired"), {}, {}, {}}});
        const Message sts = makeMessage(QStringLiteral("<sts1@contoso.com>"),
                                        {{QStringLiteral("EX01"), QStringLiteral("FAIL"), 60000,
                                          QStringLiteral("550 5.4.8 MX hosts of fabrikam.com failed MTA-STS validation."), {}, {}, {}}});
        const Message stsCert = makeMessage(QStringLiteral("<sts2@contoso.com>"),
                                            {{QStringLiteral("EX01"), QStringLiteral("DEFER"), 60000,
                                              QStringLiteral("454 4.7.5 Remote certificate failed MTA-STS validation. Reason: CertificateExpired"), {}, {}, {}}});
        const Run r = run({}, {dane, expired, sts, stsCert});
        // Neither tls-certificate-not-found (4.7.5, "certificate expired") nor a generic finding.
        EXPECT_RULES(r, QStringLiteral("dane-mta-sts-failed"));
        const QList<Finding> found = r.of(QStringLiteral("dane-mta-sts-failed"));
        QStringList messages;
        for (const Finding &f : found) {
            QCOMPARE(f.severity, Severity::Error);
            messages << f.messageIds;
        }
        messages.sort();
        QCOMPARE(messages, (QStringList{QStringLiteral("<dane1@contoso.com>"), QStringLiteral("<dane2@contoso.com>"),
                                        QStringLiteral("<sts1@contoso.com>"), QStringLiteral("<sts2@contoso.com>")}));
        // One finding per destination domain (all four go to fabrikam.com here).
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().parameters.value(QStringLiteral("Domain")), QStringLiteral("fabrikam.com"));
    }

    void tlsCertificateNameWithout_MtaSts_IsNotDane()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000320"));
        b.greet().command(QStringLiteral("STARTTLS")).reply(QStringLiteral("454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.")).quit();
        EXPECT_RULES(run({b}), QStringLiteral("tls-certificate-not-found"));
        SessionBuilder send(Direction::Send, QStringLiteral("08DC000000000321"));
        send.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
        send.command(QStringLiteral("STARTTLS")).reply(QStringLiteral("454 4.7.5 Certificate validation failure"));
        send.quit();
        EXPECT_RULES(run({send}), QStringLiteral("tls-certificate-not-found"));
    }

    // --- ip-reputation-blocked ----------------------------------------------------------------------
    void ipReputationBlockedIsNotABlockList()
    {
        const Run r = run({sendRcpt(QStringLiteral("08DC000000000330"),
                                    QStringLiteral("550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7468) [BN8NAM11FT063.eop-nam11.prod.protection.outlook.com]"),
                                    QStringLiteral("contoso-com.mail.protection.outlook.com"))});
        EXPECT_RULES(r, QStringLiteral("ip-reputation-blocked"));
        const Finding f = r.of(QStringLiteral("ip-reputation-blocked")).first();
        QCOMPARE(f.scenario, QStringLiteral("blocklist-smarthost"));
        QCOMPARE(f.codes, QStringList{QStringLiteral("550 5.7.708")});
        QCOMPARE(f.parameters.value(QStringLiteral("RemoteIp")), QStringLiteral("198.51.100.7"));
    }

    void bannedSendingIpStaysBlocklisted()
    {
        const Run r = run({sendRcpt(QStringLiteral("08DC000000000331"),
                                    QStringLiteral("550 5.7.606 Access denied, banned sending IP [203.0.113.25]. To request removal from this list please visit https://sender.office.com/"))});
        EXPECT_RULES(r, QStringLiteral("blocklisted"));
    }

    // --- certificate-expiring -----------------------------------------------------------------------
    void ownCertificateExpiringSoonIsAWarningAndExpiredAnError()
    {
        // The logs end on 2026-11-21 08:00.
        const SourceFile file = receiveFile(86400000LL);
        const Run soon = run({withOwnCertificate(QStringLiteral("08DC000000000340"), QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCC01"), QStringLiteral("2026-12-10T12:00:00.000Z")),
                              withOwnCertificate(QStringLiteral("08DC000000000341"), QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCC01"), QStringLiteral("2026-12-10T12:00:00.000Z"))},
                             {}, {file});
        EXPECT_RULES(soon, QStringLiteral("certificate-expiring"));
        const Finding f = soon.of(QStringLiteral("certificate-expiring")).first();
        QCOMPARE(f.severity, Severity::Warning);
        QCOMPARE(f.servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(f.sessions, (QStringList{QStringLiteral("08DC000000000340"), QStringLiteral("08DC000000000341")}));
        QCOMPARE(f.parameters.value(QStringLiteral("Thumbprint")), QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCC01"));
        QCOMPARE(f.parameters.value(QStringLiteral("DaysLeft")), QStringLiteral("19"));
        QCOMPARE(f.parameters.value(QStringLiteral("NotAfter")), QStringLiteral("2026-12-10T12:00:00Z"));
        QCOMPARE(f.scenario, QStringLiteral("certificate-smtp"));
        QVERIFY(!f.evidence.isEmpty());

        const Run expired = run({withOwnCertificate(QStringLiteral("08DC000000000342"), QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCC02"), QStringLiteral("2026-11-01T00:00:00.000Z"))},
                                {}, {file});
        EXPECT_RULES(expired, QStringLiteral("certificate-expiring"));
        QCOMPARE(expired.of(QStringLiteral("certificate-expiring")).first().severity, Severity::Error);
    }

    void certificateExpiringNotRaisedWhenValidForeignOrWithoutDates()
    {
        const SourceFile file = receiveFile(86400000LL);
        // Valid for a year.
        QVERIFY(run({withOwnCertificate(QStringLiteral("08DC000000000343"), QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCC03"), QStringLiteral("2027-11-01T00:00:00.000Z"))},
                    {}, {file}).findings.isEmpty());
        // A partner's certificate (received from the peer) is the partner's to renew.
        const Run foreign = run({withOwnCertificate(QStringLiteral("08DC000000000344"), QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCC04"),
                                                    QStringLiteral("2026-11-25T00:00:00.000Z"), QStringLiteral("Received"))},
                                {}, {file});
        QVERIFY(!foreign.has(QStringLiteral("certificate-expiring")));
        // Separate certificate lines carry no validity: nothing to judge.
        SessionBuilder noDates(Direction::Receive, QStringLiteral("08DC000000000345"));
        noDates.greet(QStringLiteral("mail.fabrikam.com"), QStringLiteral("mail.contoso.com"));
        noDates.line('*', {}, QStringLiteral("Sending certificate"));
        noDates.line('*', QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCC05"), QStringLiteral("Certificate thumbprint"));
        noDates.line('*', QStringLiteral("CN=mail.contoso.com"), QStringLiteral("Certificate subject"));
        noDates.deliver().quit();
        QVERIFY(run({noDates}, {}, {file}).findings.isEmpty());
    }

    // --- delivery-failed / delivery-deferred --------------------------------------------------------
    void unknownPermanentRejectionIsNoLongerSilent()
    {
        SessionBuilder b = receiveRcpt(QStringLiteral("08DC000000000350"), QStringLiteral("550 5.7.999 Something the knowledge base has never seen"));
        const RecordRef rejection = b.lines.at(b.lines.size() - 4).ref;   // the 550, before QUIT, 221, disconnect
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("delivery-failed"));
        const Finding f = r.of(QStringLiteral("delivery-failed")).first();
        QCOMPARE(f.severity, Severity::Warning);   // once: a warning
        QCOMPARE(f.codes, QStringList{QStringLiteral("550 5.7.999")});
        QCOMPARE(f.sessions, QStringList{QStringLiteral("08DC000000000350")});
        QCOMPARE(f.servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(f.parameters.value(QStringLiteral("Code")), QStringLiteral("5.7.999"));
        QCOMPARE(f.parameters.value(QStringLiteral("Server")), QStringLiteral("EX01"));
        QCOMPARE(f.parameters.value(QStringLiteral("Remote")), QStringLiteral("mail.fabrikam.com"));
        QCOMPARE(f.evidence, QList<RecordRef>{rejection});
    }

    void explainedRejectionGetsNoGenericFinding()
    {
        const Run r = run({receiveRcpt(QStringLiteral("08DC000000000351"), QStringLiteral("550 5.1.1 User unknown")),
                           receiveRcpt(QStringLiteral("08DC000000000352"), QStringLiteral("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")),
                           receiveRcpt(QStringLiteral("08DC000000000353"), QStringLiteral("451 4.7.0 Temporary server error. Please try again later. PRX2"))});
        EXPECT_RULES(r, QStringLiteral("recipient-unknown"), QStringLiteral("relay-denied"), QStringLiteral("dns-prx2"));
    }

    void scannerNoiseIsNotAFailure()
    {
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000354"));
        b.line('+').reply(QStringLiteral("220 ex01.contoso.com Microsoft ESMTP MAIL Service ready"));
        b.command(QStringLiteral("GET / HTTP/1.1")).reply(QStringLiteral("500 5.3.3 Unrecognized command 'GET'"));
        b.command(QStringLiteral("EHLO")).reply(QStringLiteral("501 5.5.4 Invalid domain name"));
        b.command(QStringLiteral("MAIL FROM:test")).reply(QStringLiteral("501 5.5.4 Invalid arguments"));
        b.command(QStringLiteral("RCPT TO:<x@y>")).reply(QStringLiteral("503 5.5.2 Need mail command"));
        b.command(QStringLiteral("BDAT 12")).reply(QStringLiteral("503 5.5.1 Bad sequence of commands"));
        b.line('-', {}, QStringLiteral("Remote"));
        const Run r = run({b});
        QVERIFY2(!r.has(QStringLiteral("delivery-failed")) && !r.has(QStringLiteral("delivery-deferred")), qPrintable(r.rules().join(QLatin1Char(','))));
        QCOMPARE(r.errorsOrWarnings(), 0);
    }

    void echoOfAnEarlierRefusalIsNotASecondFailure()
    {
        // Every RCPT refused (block list), the pipelined DATA then gets Postfix's "no valid recipients".
        SessionBuilder b(Direction::Send, QStringLiteral("08DC000000000357"));
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
        b.command(QStringLiteral("MAIL FROM:<a@contoso.com>"));
        b.command(QStringLiteral("RCPT TO:<b@fabrikam.com>"));
        b.command(QStringLiteral("DATA"));
        b.reply(QStringLiteral("250 2.1.0 Ok"));
        b.reply(QStringLiteral("554 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using zen.spamhaus.org"));
        b.reply(QStringLiteral("554 5.5.1 Error: no valid recipients"));
        b.quit();
        SessionBuilder tooMany = receiveRcpt(QStringLiteral("08DC000000000358"), QStringLiteral("452 4.5.3 Too many recipients"));
        const Run r = run({b, tooMany});
        EXPECT_RULES(r, QStringLiteral("blocklisted"));
    }

    void spamVerdictsAndStallTimeoutsAreNotGenericFailures()
    {
        SessionBuilder spam(Direction::Receive, QStringLiteral("08DC000000000355"));
        spam.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        spam.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        spam.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        spam.reply(QStringLiteral("550 5.7.1 Message rejected as spam by Content Filtering.")).quit();
        SessionBuilder stall(Direction::Receive, QStringLiteral("08DC000000000356"));
        stall.greet().command(QStringLiteral("MAIL FROM:<app@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        stall.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        stall.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
        stall.wait(10 * 60 * 1000).reply(QStringLiteral("451 4.7.0 Timeout waiting for client input"));
        stall.line('-', {}, QStringLiteral("Local"));
        const Message quarantined = makeMessage(QStringLiteral("<q1@fabrikam.com>"), {{QStringLiteral("EXO"), QStringLiteral("FAIL"), 0, QStringLiteral("Quarantined"), {}, {}, {}}});
        const Run r = run({spam, stall}, {quarantined});
        EXPECT_RULES(r, QStringLiteral("smtp-data-not-terminated"));
    }

    void temporaryRejectionIsDeferredAndRepeatsRaiseTheSeverity()
    {
        auto backPressure = [](const QString &id) {
            SessionBuilder b(Direction::Send, id);
            b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
            b.command(QStringLiteral("MAIL FROM:<a@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
            b.command(QStringLiteral("RCPT TO:<b@fabrikam.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
            b.command(QStringLiteral("DATA")).reply(QStringLiteral("354 Start mail input; end with <CRLF>.<CRLF>"));
            b.reply(QStringLiteral("452 4.3.1 Insufficient system resources")).quit();
            return b;
        };
        const Run once = run({backPressure(QStringLiteral("08DC000000000360"))});
        EXPECT_RULES(once, QStringLiteral("delivery-deferred"));
        QCOMPARE(once.of(QStringLiteral("delivery-deferred")).first().severity, Severity::Info);
        QCOMPARE(once.of(QStringLiteral("delivery-deferred")).first().parameters.value(QStringLiteral("Remote")), QStringLiteral("mx.fabrikam.com"));

        const Run repeated = run({backPressure(QStringLiteral("08DC000000000361")), backPressure(QStringLiteral("08DC000000000362")),
                                  backPressure(QStringLiteral("08DC000000000363"))});
        QCOMPARE(repeated.of(QStringLiteral("delivery-deferred")).size(), 1);
        const Finding f = repeated.of(QStringLiteral("delivery-deferred")).first();
        QCOMPARE(f.severity, Severity::Warning);
        QCOMPARE(f.sessions.size(), 3);
        QCOMPARE(f.count, 3);
    }

    void genericFailuresAreGroupedByCodeServerAndRemoteParty()
    {
        QList<SessionBuilder> sessions;
        for (int i = 0; i < 3; ++i)
            sessions << sendRcpt(QStringLiteral("08DC00000000037%1").arg(i), QStringLiteral("550 5.7.999 Denied by policy"));
        sessions << sendRcpt(QStringLiteral("08DC000000000375"), QStringLiteral("550 5.7.999 Denied by policy"), QStringLiteral("mx.northwind.com"));
        sessions << sendRcpt(QStringLiteral("08DC000000000376"), QStringLiteral("554 5.6.999 Content not accepted"));
        const Run r = run(sessions);
        const QList<Finding> failed = r.of(QStringLiteral("delivery-failed"));
        QCOMPARE(failed.size(), 3);
        // Each keeps its own identity (case file state, notes): the grouping values besides the server.
        QStringList groupKeys;
        for (const Finding &f : failed)
            groupKeys << f.groupKey;
        groupKeys.sort();
        QCOMPARE(groupKeys, (QStringList{QStringLiteral("5.6.999|mx.fabrikam.com"), QStringLiteral("5.7.999|mx.fabrikam.com"),
                                         QStringLiteral("5.7.999|mx.northwind.com")}));
        for (const Finding &f : failed) {
            const QString remote = f.parameters.value(QStringLiteral("Remote"));
            const QString code = f.parameters.value(QStringLiteral("Code"));
            if (code == QLatin1String("5.7.999") && remote == QLatin1String("mx.fabrikam.com")) {
                QCOMPARE(f.sessions.size(), 3);
                QCOMPARE(f.severity, Severity::Error);   // it repeats: a pattern, not one bad address
            } else {
                QCOMPARE(f.sessions.size(), 1);
                QCOMPARE(f.severity, Severity::Warning);
                QVERIFY2((code == QLatin1String("5.7.999") && remote == QLatin1String("mx.northwind.com"))
                             || (code == QLatin1String("5.6.999") && remote == QLatin1String("mx.fabrikam.com")),
                         qPrintable(code + QLatin1Char(' ') + remote));
            }
        }
    }

    void trackingFailAndDeferNoRuleExplainsAreReported()
    {
        const Message fail = makeMessage(QStringLiteral("<f1@contoso.com>"),
                                         {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                          {QStringLiteral("EX01"), QStringLiteral("FAIL"), 5000, QStringLiteral("550 5.7.999 Blocked by the recipient's policy"), {}, {}, {}}});
        const Message defer = makeMessage(QStringLiteral("<f2@contoso.com>"),
                                          {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                           {QStringLiteral("EX01"), QStringLiteral("DEFER"), 5000, QStringLiteral("451 4.4.399 Something new"), {}, QStringLiteral("mx.fabrikam.com"), {}},
                                           {QStringLiteral("EX01"), QStringLiteral("SEND"), 60000, QStringLiteral("250 2.6.0 Queued mail for delivery"), {}, QStringLiteral("mx.fabrikam.com"), {}}});
        const Message known = makeMessage(QStringLiteral("<f3@contoso.com>"),
                                          {{QStringLiteral("EX01"), QStringLiteral("FAIL"), 0, QStringLiteral("550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found"), {}, {}, {}}});
        const Message noCode = makeMessage(QStringLiteral("<f4@contoso.com>"), {{QStringLiteral("EXO"), QStringLiteral("FAIL"), 0, QStringLiteral("Failed"), {}, {}, {}}});
        const Run r = run({}, {fail, defer, known, noCode});
        EXPECT_RULES(r, QStringLiteral("delivery-failed"), QStringLiteral("delivery-deferred"), QStringLiteral("recipient-unknown"));
        const QList<Finding> failed = r.of(QStringLiteral("delivery-failed"));
        QCOMPARE(failed.size(), 2);
        const Finding &coded = failed.at(0).parameters.value(QStringLiteral("Code")) == QLatin1String("5.7.999") ? failed.at(0) : failed.at(1);
        const Finding &bare = failed.at(0).parameters.value(QStringLiteral("Code")) == QLatin1String("5.7.999") ? failed.at(1) : failed.at(0);
        QCOMPARE(coded.messageIds, QStringList{QStringLiteral("<f1@contoso.com>")});
        QCOMPARE(coded.servers, QStringList{QStringLiteral("EX01")});
        QCOMPARE(coded.parameters.value(QStringLiteral("Remote")), QStringLiteral("fabrikam.com"));   // the recipient domain
        QCOMPARE(bare.parameters.value(QStringLiteral("Code")), QStringLiteral("FAIL"));
        QCOMPARE(bare.messageIds, QStringList{QStringLiteral("<f4@contoso.com>")});
        const Finding deferred = r.of(QStringLiteral("delivery-deferred")).first();
        QCOMPARE(deferred.messageIds, QStringList{QStringLiteral("<f2@contoso.com>")});
        QCOMPARE(deferred.parameters.value(QStringLiteral("Remote")), QStringLiteral("mx.fabrikam.com"));
        QCOMPARE(deferred.codes, QStringList{QStringLiteral("451 4.4.399")});
    }

    void deferralsBeforeAnExplainedFailureAreItsHistory()
    {
        const Message m = makeMessage(QStringLiteral("<x1@contoso.com>"),
                                      {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                       {QStringLiteral("EX01"), QStringLiteral("DEFER"), 600000,
                                        QStringLiteral("451 4.4.397 Error communicating with target host. -> 421 4.4.2 Connection dropped"), {}, QStringLiteral("mx.fabrikam.com"), {}},
                                       {QStringLiteral("EX01"), QStringLiteral("DEFER"), 3600000,
                                        QStringLiteral("451 4.4.397 Error communicating with target host."), {}, QStringLiteral("mx.fabrikam.com"), {}},
                                       {QStringLiteral("EX01"), QStringLiteral("FAIL"), 2 * 86400000LL,
                                        QStringLiteral("550 4.4.7 QUEUE.Expired; message expired"), {}, {}, {}}});
        EXPECT_RULES(run({}, {m}), QStringLiteral("queue-expired"));
        // The same deferrals without the expiry are reported.
        const Message pending = makeMessage(QStringLiteral("<x2@contoso.com>"),
                                            {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                             {QStringLiteral("EX01"), QStringLiteral("DEFER"), 600000,
                                              QStringLiteral("451 4.4.397 Error communicating with target host."), {}, QStringLiteral("mx.fabrikam.com"), {}}});
        EXPECT_RULES(run({}, {pending}), QStringLiteral("delivery-deferred"));
    }

    void trackingSideOfAProtocolFaultIsThatFault()
    {
        // A dropped connection on EDGE01, and the DEFER EDGE01's tracking log writes for it.
        const QString id = QStringLiteral("<drop1@contoso.com>");
        SessionBuilder b(Direction::Receive, QStringLiteral("08DC000000000393"), QStringLiteral("EDGE01"));
        b.session.messageIds << id;
        b.greet().command(QStringLiteral("MAIL FROM:<a@fabrikam.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        b.command(QStringLiteral("RCPT TO:<b@contoso.com>")).reply(QStringLiteral("250 2.1.5 Recipient OK"));
        b.line('-', {}, QStringLiteral("Remote(ConnectionReset)"));
        const Message m = makeMessage(id, {{QStringLiteral("EDGE01"), QStringLiteral("DEFER"), 60000,
                                            QStringLiteral("451 4.4.397 Error communicating with target host."), {}, {}, {}}});
        EXPECT_RULES(run({b}, {m}), QStringLiteral("connection-dropped"));
        // On another server the same message's DEFER is its own event.
        Message elsewhere = m;
        elsewhere.hops.first().server = QStringLiteral("EX01");
        EXPECT_RULES(run({b}, {elsewhere}), QStringLiteral("connection-dropped"), QStringLiteral("delivery-deferred"));
    }

    void greylistingIsNotAFailure()
    {
        const Run r = run({sendRcpt(QStringLiteral("08DC000000000390"), QStringLiteral("451 4.7.1 Greylisted, please try again in 300 seconds"))});
        QVERIFY2(r.findings.isEmpty(), qPrintable(r.rules().join(QLatin1Char(','))));
    }

    void multiLineRejectionOf2010IsOneFailureWithAllItsLines()
    {
        SessionBuilder b(Direction::Send, QStringLiteral("08DC000000000391"));
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
        b.command(QStringLiteral("MAIL FROM:<a@contoso.com>")).reply(QStringLiteral("250 2.1.0 Sender OK"));
        b.command(QStringLiteral("RCPT TO:<b@fabrikam.com>"));
        b.reply(QStringLiteral("550-5.7.999 The recipient's organisation does not accept"));
        b.reply(QStringLiteral("550 5.7.999 mail from your organisation"));
        const RecordRef first = b.lines.at(b.lines.size() - 2).ref;
        const RecordRef last = b.lines.last().ref;
        b.quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("delivery-failed"));
        const Finding f = r.of(QStringLiteral("delivery-failed")).first();
        QCOMPARE(f.evidence, (QList<RecordRef>{first, last}));
        QCOMPARE(f.count, 1);
    }

    void pipelinedRejectionsArePairedWithTheirCommands()
    {
        // MAIL and two RCPTs sent at once (PIPELINING): the third reply belongs to the second RCPT.
        SessionBuilder b(Direction::Send, QStringLiteral("08DC000000000392"));
        b.greet(QStringLiteral("ex01.contoso.com"), QStringLiteral("mx.fabrikam.com"));
        b.command(QStringLiteral("MAIL FROM:<a@contoso.com>"));
        b.command(QStringLiteral("RCPT TO:<b@fabrikam.com>"));
        b.command(QStringLiteral("RCPT TO:<c@fabrikam.com>"));
        b.reply(QStringLiteral("250 2.1.0 Sender OK"));
        b.reply(QStringLiteral("250 2.1.5 Recipient OK"));
        b.reply(QStringLiteral("550 5.2.999 Mailbox frozen"));
        b.quit();
        const Run r = run({b});
        EXPECT_RULES(r, QStringLiteral("delivery-failed"));
        QCOMPARE(r.of(QStringLiteral("delivery-failed")).first().codes, QStringList{QStringLiteral("550 5.2.999")});
    }

    void sameEventInProtocolAndTrackingIsOneFinding()
    {
        const QString id = QStringLiteral("<j1@contoso.com>");
        const SessionBuilder s = sendRcpt(QStringLiteral("08DC000000000380"), QStringLiteral("550 5.7.999 Denied by policy"), QStringLiteral("mx.fabrikam.com"), id);
        const Message m = makeMessage(id, {{QStringLiteral("EX01"), QStringLiteral("RECEIVE"), 0, {}, {}, {}, {}},
                                           {QStringLiteral("EX01"), QStringLiteral("FAIL"), 5000, QStringLiteral("550 5.7.999 Denied by policy"), {}, {}, {}}});
        const Run r = run({s}, {m});
        EXPECT_RULES(r, QStringLiteral("delivery-failed"));
        const QList<Finding> failed = r.of(QStringLiteral("delivery-failed"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().sessions, QStringList{QStringLiteral("08DC000000000380")});
        QCOMPARE(failed.first().messageIds, QStringList{id});
        QCOMPARE(failed.first().evidence.size(), 2);   // the reply and the FAIL event
        QCOMPARE(failed.first().severity, Severity::Warning);   // one message, not a repeat
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisFailures)
#include "tst_diagnosis_failures.moc"
