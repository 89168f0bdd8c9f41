// Redaction: consistent pseudonyms for people and organisations in real Exchange log lines,
// with codes, times, session ids, thumbprints and the line structure kept.
#include "model/core/cases/redaction.h"
#include "model/core/sessions/store.h"

#include <QTest>

using namespace mwb;

class TestRedaction : public QObject {
    Q_OBJECT
private slots:
    void receiveProtocolLineKeepsStructureCodesAndTimes();
    void samePersonGetsTheSamePseudonymEverywhere();
    void allowListedDomainsStayButTheirUsersDoNot();
    void privateAddressesStayPrivateAndPublicStayPublic();
    void ipv6AddressesAreReplacedButTimesAreNot();
    void certificateLineKeepsThumbprintAndDates();
    void trackingLineHidesSubjectLearnedFromTheStore();
    void authUserNameIsReplaced();
    void versionNumbersAndFileNamesAreNotMistakenForAddresses();
    void loopbackAndPlaceholdersAreKept();
    void previewListsReplacementsWithoutChangingNumbering();
    void structuredFieldsUseTheSamePseudonymsAsText();
    void providerNamesKeepOnlyTheirSuffix();
    void unusualLocalPartsLoseNameAndDomain();
    void guidsAreReplacedConsistently();
    void domainsLearnedFromTheStoreAreReplacedWhateverTheirTld();
    void customConnectorNamesAndAccountsAreReplaced();
    void unquotedDisplayNamesAreReplaced();
};

void TestRedaction::receiveProtocolLineKeepsStructureCodesAndTimes()
{
    Redactor r;
    const QString line = QStringLiteral(
        "2024-01-25T15:16:09.544Z,EX01\\Default Frontend EX01,08DC1DB12C345BE5,7,10.0.0.5:25,203.0.113.9:51234,>,"
        "\"250 2.6.0 <a1b2c3@ex01.contoso.com> [InternalId=237172389052427, Hostname=ex01.contoso.com] 11511 bytes in 0.102, "
        "109,173 KB/sec Queued mail for delivery\",");
    r.learnHost(QStringLiteral("EX01"));
    const QString out = r.redactText(line);
    QVERIFY2(!out.contains(QStringLiteral("contoso")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("EX01")), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("203.0.113.9:")) || out.contains(QStringLiteral("203.0.113.")));
    QVERIFY(!out.contains(QStringLiteral("10.0.0.5")));
    QVERIFY(out.startsWith(QStringLiteral("2024-01-25T15:16:09.544Z,")));
    QVERIFY(out.contains(QStringLiteral(",08DC1DB12C345BE5,7,")));
    QVERIFY(out.contains(QStringLiteral("\"250 2.6.0 <")));
    QVERIFY(out.contains(QStringLiteral("[InternalId=237172389052427, Hostname=")));
    QVERIFY(out.contains(QStringLiteral("11511 bytes in 0.102, 109,173 KB/sec Queued mail for delivery\",")));
    QCOMPARE(out.count(QLatin1Char(',')), line.count(QLatin1Char(',')));
    QVERIFY(out.contains(QStringLiteral(":25,")));
    QVERIFY(out.contains(QStringLiteral(":51234,")));
}

void TestRedaction::samePersonGetsTheSamePseudonymEverywhere()
{
    Redactor r;
    const QString a = r.redactText(QStringLiteral("<,MAIL FROM:<Jane.Doe@contoso.com> SIZE=1234,"));
    const QString b = r.redactText(QStringLiteral("<,RCPT TO:<jane.doe@contoso.com>,"));
    const QString c = r.redactText(QStringLiteral("<,RCPT TO:<bob@fabrikam.com>,"));
    const QString pseudonym = r.redactEmail(QStringLiteral("jane.doe@contoso.com"));
    QVERIFY(pseudonym.endsWith(QStringLiteral(".example.invalid")));
    QVERIFY(pseudonym.startsWith(QStringLiteral("user-1@domain-1.")));
    QCOMPARE(a, QStringLiteral("<,MAIL FROM:<%1> SIZE=1234,").arg(pseudonym));
    QCOMPARE(b, QStringLiteral("<,RCPT TO:<%1>,").arg(pseudonym));
    QVERIFY(!c.contains(QStringLiteral("bob")));
    QVERIFY(!c.contains(pseudonym));
    // A host of the same domain shares the domain pseudonym.
    const QString host = r.redactText(QStringLiteral("ex01.contoso.com"));
    QCOMPARE(host.section(QLatin1Char('.'), 1), pseudonym.section(QLatin1Char('@'), 1));
    // A second redactor is a new pseudonym space, but numbered the same way for the same input order.
    Redactor other;
    QCOMPARE(other.redactText(QStringLiteral("<,MAIL FROM:<Jane.Doe@contoso.com> SIZE=1234,")), a);
}

void TestRedaction::allowListedDomainsStayButTheirUsersDoNot()
{
    RedactionOptions options;
    options.allowedDomains << QStringLiteral("Contoso.com");
    Redactor r(options);
    const QString out = r.redactText(QStringLiteral(
        "<,RCPT TO:<ceo@contoso.com>, next hop contoso-com.mail.protection.outlook.com via mail.fabrikam.com"));
    QVERIFY2(out.contains(QStringLiteral("@contoso.com>")), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("ceo@")));
    // outlook.com is allow-listed, but the customer label of an EOP name is not kept.
    QVERIFY2(out.contains(QStringLiteral(" tenant-1.mail.protection.outlook.com ")), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("contoso-com")));
    QVERIFY(!out.contains(QStringLiteral("fabrikam")));
}

void TestRedaction::providerNamesKeepOnlyTheirSuffix()
{
    Redactor r;
    const QString out = r.redactText(QStringLiteral(
        "MX contoso-com.mail.protection.outlook.com; admin@contoso.onmicrosoft.com; fabrikam.mail.onmicrosoft.com; "
        "CONTOSO-COM.mail.protection.outlook.com; mail-db8eur05on2139.outbound.protection.outlook.com; www.microsoft.com"));
    QVERIFY2(!out.contains(QStringLiteral("contoso"), Qt::CaseInsensitive), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("fabrikam")));
    QVERIFY(out.startsWith(QStringLiteral("MX tenant-1.mail.protection.outlook.com; ")));
    QVERIFY(out.contains(QStringLiteral("@tenant-2.onmicrosoft.com; ")));
    QVERIFY(out.contains(QStringLiteral("; tenant-3.mail.onmicrosoft.com; ")));
    QVERIFY(out.contains(QStringLiteral("; tenant-1.mail.protection.outlook.com; ")));  // same tenant, any case
    QVERIFY(out.contains(QStringLiteral(".outbound.protection.outlook.com; ")));
    QVERIFY(out.endsWith(QStringLiteral("www.microsoft.com")));  // allow-listed, no customer in it
    bool tenantListed = false;
    for (const Replacement &rep : r.replacements())
        tenantListed = tenantListed || rep.kind == RedactionKind::Tenant;
    QVERIFY(tenantListed);
}

void TestRedaction::unusualLocalPartsLoseNameAndDomain()
{
    Redactor r;
    const QString out = r.redactText(QStringLiteral(
        "<,RCPT TO:<SystemMailbox{e0dc1c29-89c3-4034-b678-e6c29d823ed9}@contoso.com>,\n"
        "<,MAIL FROM:<\"Fname LName<fname.lname\"@domain.com>,\n"
        "\"x\",\"\"Jane Roe<jane.roe\"\"@fabrikam.com\",\n"
        "o'brien+tag@northwind.com prvs=1234abcd=ceo@adatum.com SRS0=HHH=TT=tailspin.com=bob@relay.litware.com "
        "kim(Kim Akers, finance)@wingtiptoys.com (comment)lee@proseware.com \"Molly Dempsey\" <molly@coho.com>"));
    for (const char *leak : {"SystemMailbox", "e0dc1c29", "contoso", "Fname", "LName", "fname.lname", "domain.com", "Jane",
                             "jane.roe", "fabrikam", "brien", "northwind", "ceo", "adatum", "tailspin", "bob", "litware",
                             "Akers", "finance", "wingtiptoys", "lee@", "proseware", "Molly", "Dempsey", "coho"})
        QVERIFY2(!out.contains(QLatin1String(leak), Qt::CaseInsensitive), qPrintable(QStringLiteral("%1 in %2").arg(QLatin1String(leak), out)));
    QVERIFY(out.startsWith(QStringLiteral("<,RCPT TO:<user-1@domain-1.example.invalid>,\n")));
    QCOMPARE(out.count(u'\n'), 3);
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\"user-\\d+\" <user-\\d+@domain-\\d+\\.example\\.invalid>$"))), qPrintable(out));
}

void TestRedaction::guidsAreReplacedConsistently()
{
    Redactor r;
    const QString out = r.redactText(QStringLiteral(
        "Inbound from 6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d; NetworkMessageId=CCCCCCCC-1111-2222-3333-444444444444, "
        "tenant {6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D} session 08DC1DB12C345BE5"));
    QVERIFY2(!out.contains(QStringLiteral("6a1b2c3d"), Qt::CaseInsensitive), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("cccccccc"), Qt::CaseInsensitive));
    QVERIFY(out.contains(QStringLiteral("Inbound from 00000000-0000-4000-8000-000000000001;")));
    QVERIFY(out.contains(QStringLiteral("NetworkMessageId=00000000-0000-4000-8000-000000000002,")));
    QVERIFY(out.contains(QStringLiteral("tenant {00000000-0000-4000-8000-000000000001}")));  // same GUID, same pseudonym
    QVERIFY(out.endsWith(QStringLiteral("session 08DC1DB12C345BE5")));  // session ids are kept
}

void TestRedaction::privateAddressesStayPrivateAndPublicStayPublic()
{
    Redactor r;
    const QString priv = r.redactHost(QStringLiteral("192.168.17.4"));
    const QString pub = r.redactHost(QStringLiteral("8.8.8.8"));
    // Both from 198.18.0.0/15 (RFC 2544), which no real mail peer uses: 198.18 = was private,
    // 198.19 = was public.
    QVERIFY2(priv.startsWith(QStringLiteral("198.18.")), qPrintable(priv));
    QVERIFY2(pub.startsWith(QStringLiteral("198.19.")), qPrintable(pub));
    QVERIFY(r.redactHost(QStringLiteral("10.0.0.1")).startsWith(QStringLiteral("198.18.")));
    QCOMPARE(r.redactHost(QStringLiteral("192.168.17.4")), priv);
    QVERIFY(r.redactHost(QStringLiteral("192.168.17.5")) != priv);
    QCOMPARE(r.redactText(QStringLiteral("Connecting to 8.8.8.8:25 from 192.168.17.4")),
             QStringLiteral("Connecting to %1:25 from %2").arg(pub, priv));
}

void TestRedaction::ipv6AddressesAreReplacedButTimesAreNot()
{
    Redactor r;
    const QString out = r.redactText(QStringLiteral(
        "2024-03-13T09:01:18.723Z,Outbound,08DC42C8FF236A1F,2,[2a01:111:f400:fe0b::700]:25,fe80::1%3,*,Tarpit for '0.00:00:05',"));
    QVERIFY2(out.startsWith(QStringLiteral("2024-03-13T09:01:18.723Z,Outbound,08DC42C8FF236A1F,2,[2001:db8::")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("]:25,")));
    QVERIFY(!out.contains(QStringLiteral("2a01")));
    QVERIFY(!out.contains(QStringLiteral("fe80")));
    QVERIFY(out.endsWith(QStringLiteral(",*,Tarpit for '0.00:00:05',")));
}

void TestRedaction::certificateLineKeepsThumbprintAndDates()
{
    Redactor r;
    const QString line = QStringLiteral(
        "2024-01-25T15:16:09.600Z,EX01\\Default Frontend EX01,08DC1DB12C345BE5,5,10.0.0.5:25,203.0.113.9:51234,*,"
        " CN=mail.contoso.com CN=R3, O=Let's Encrypt, C=US 04A1B2C3D4E5F6 0123456789ABCDEF0123456789ABCDEF01234567 "
        "2025-01-17T15:15:33.000Z 2026-01-17T15:15:33.000Z mail.contoso.com;autodiscover.contoso.com,"
        "Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names");
    const QString out = r.redactText(line);
    QVERIFY(!out.contains(QStringLiteral("contoso")));
    QVERIFY(out.contains(QStringLiteral(" 0123456789ABCDEF0123456789ABCDEF01234567 2025-01-17T15:15:33.000Z 2026-01-17T15:15:33.000Z ")));
    QVERIFY(out.contains(QStringLiteral("CN=R3, O=Let's Encrypt, C=US 04A1B2C3D4E5F6")));
    QVERIFY(out.contains(QStringLiteral(" CN=host-")));
    QVERIFY(out.contains(QLatin1Char(';')));
    QVERIFY(out.endsWith(QStringLiteral("Not before Not after Subject alternate names")));
}

void TestRedaction::trackingLineHidesSubjectLearnedFromTheStore()
{
    Store store;
    Message m;
    m.subject = QStringLiteral("Q3 payroll, confidential");
    m.sender = QStringLiteral("hr@contoso.com");
    store.messages.append(m);
    Session s;
    s.server = QStringLiteral("EX02");
    store.sessions.append(s);
    Redactor r;
    r.learnFromStore(store);
    const QString line = QStringLiteral(
        "2024-01-25T15:16:10.101Z,10.0.0.5,EX02,10.0.0.6,EX02.contoso.com,08DC1DB12C345BE5;2024-01-25T15:16:09.544Z;0,"
        "EX02\\Default EX02,SMTP,RECEIVE,237172389052427,<a1b2c3@ex02.contoso.com>,,pat@fabrikam.com,250 2.1.5 Recipient OK,1,11511,,,"
        "\"Q3 payroll, confidential\",hr@contoso.com,hr@contoso.com,,Incoming,,,,");
    const QString out = r.redactText(line);
    QVERIFY2(!out.contains(QStringLiteral("payroll")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("\"Subject 1\"")));
    QVERIFY(!out.contains(QStringLiteral("EX02")));
    QVERIFY(!out.contains(QStringLiteral("hr@")));
    QVERIFY(out.contains(QStringLiteral(",250 2.1.5 Recipient OK,1,11511,")));
    QVERIFY(out.contains(QStringLiteral(",SMTP,RECEIVE,237172389052427,")));
    QVERIFY(out.contains(QStringLiteral("08DC1DB12C345BE5;2024-01-25T15:16:09.544Z;0")));
}

void TestRedaction::authUserNameIsReplaced()
{
    Redactor r;
    const QString a = r.redactText(QStringLiteral("2024-01-25T15:16:11.000Z,EX01\\Client Proxy EX01,08DC1DB12C345BE6,9,10.0.0.5:587,198.51.100.7:50000,*,,User Name: CONTOSO\\jdoe"));
    QVERIFY2(!a.contains(QStringLiteral("jdoe")), qPrintable(a));
    QVERIFY(!a.contains(QStringLiteral("CONTOSO")));
    QVERIFY(a.contains(QStringLiteral("User Name: ")));
    const QString b = r.redactText(QStringLiteral("*,,User Name: jdoe@contoso.com"));
    QVERIFY(!b.contains(QStringLiteral("jdoe")));
    QVERIFY(r.redactText(QStringLiteral("*,,Inbound AUTH LOGIN failed because of LogonDenied"))
            == QStringLiteral("*,,Inbound AUTH LOGIN failed because of LogonDenied"));
}

void TestRedaction::versionNumbersAndFileNamesAreNotMistakenForAddresses()
{
    Redactor r;
    const QStringList unchanged{
        QStringLiteral("#Version: 15.0.0.0"),
        QStringLiteral("#Version: 15.01.2375.007"),
        QStringLiteral("#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context"),
        QStringLiteral("Loaded RECV2024012515-1.LOG and Microsoft.Exchange.Transport.dll"),
        QStringLiteral(">,451 4.7.0 Temporary server error. Please try again later. PRX2,"),
        QStringLiteral(">,550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup,"),
        QStringLiteral("*,,\"TLS protocol SP_PROT_TLS1_2_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_128 with strength 128 bits\""),
    };
    for (const QString &line : unchanged)
        QCOMPARE(r.redactText(line), line);
}

void TestRedaction::loopbackAndPlaceholdersAreKept()
{
    Redactor r;
    QCOMPARE(r.redactText(QStringLiteral("127.0.0.1:25 ::1 x.x.x.x:25 0.0.0.0")), QStringLiteral("127.0.0.1:25 ::1 x.x.x.x:25 0.0.0.0"));
    QCOMPARE(r.redactHost(QStringLiteral("x.x.x.x:25")), QStringLiteral("x.x.x.x:25"));
}

void TestRedaction::previewListsReplacementsWithoutChangingNumbering()
{
    Redactor r;
    const QString text = QStringLiteral("<,MAIL FROM:<a@contoso.com> from 203.0.113.50 via mx.fabrikam.com");
    const QList<Replacement> preview = r.preview(text);
    QVERIFY(r.replacements().isEmpty());  // nothing handed out yet
    auto find = [&preview](RedactionKind k) {
        for (const Replacement &p : preview)
            if (p.kind == k)
                return p;
        return Replacement{};
    };
    QCOMPARE(find(RedactionKind::Email).original, QStringLiteral("a@contoso.com"));
    QCOMPARE(find(RedactionKind::IPv4).original, QStringLiteral("203.0.113.50"));
    QCOMPARE(find(RedactionKind::Host).original, QStringLiteral("mx.fabrikam.com"));
    const QString redacted = r.redactText(text);
    for (const Replacement &p : preview)
        QVERIFY2(redacted.contains(p.pseudonym), qPrintable(p.pseudonym + QStringLiteral(" not in ") + redacted));
    // A second preview after the real run lists the same (already known) mappings again.
    const QList<Replacement> again = r.preview(text);
    QCOMPARE(again.size(), preview.size());
}

void TestRedaction::structuredFieldsUseTheSamePseudonymsAsText()
{
    Redactor r;
    const QString host = r.redactHost(QStringLiteral("ex01.contoso.com"));
    const QString endpoint = r.redactEndpoint(QStringLiteral("[2001:4860::8888]:25"));
    QCOMPARE(r.redactText(QStringLiteral("EHLO ex01.contoso.com")), QStringLiteral("EHLO ") + host);
    QVERIFY(endpoint.startsWith(QStringLiteral("[2001:db8::")));
    QVERIFY(endpoint.endsWith(QStringLiteral("]:25")));
    QCOMPARE(r.redactSubject(QStringLiteral("Hello")), QStringLiteral("Subject 1"));
    QCOMPARE(r.redactSubject(QStringLiteral("Hello")), QStringLiteral("Subject 1"));
    QCOMPARE(r.redactSubject(QStringLiteral("Other")), QStringLiteral("Subject 2"));
    QCOMPARE(r.redactUser(QStringLiteral("CONTOSO\\jdoe")), r.redactUser(QStringLiteral("contoso\\JDOE")));
}

// Issue #29: display names without quotes, in headers, tracking fields and lists.
void TestRedaction::unquotedDisplayNamesAreReplaced()
{
    Redactor r;
    const QString out = r.redactText(QStringLiteral(
        "From: John Smith <john.smith@contoso.com>\n"
        "To: Jane Roe <jane@fabrikam.com>, Müller, Hans <hans.mueller@fabrikam.com>; O'Neil-Brady Jr. <ob@fabrikam.com>\n"
        "\"Ann Beck <ann@northwind.com>\",Carl Dahl<carl@northwind.com>\n"
        "Sender: =?utf-8?Q?J=C3=BCrgen_Wei=C3=9F?= <jw@adatum.com>\n"));
    for (const char *leak : {"John", "Smith", "Jane", "Roe", "Müller", "Hans", "O'Neil", "Brady", "Ann Beck", "Carl", "Dahl",
                             "J=C3=BCrgen", "contoso", "fabrikam", "northwind", "adatum"})
        QVERIFY2(!out.contains(QString::fromUtf8(leak), Qt::CaseInsensitive), qPrintable(QStringLiteral("%1 in %2").arg(QString::fromUtf8(leak), out)));
    // Header names, separators and the line structure stay; the same person is the same pseudonym.
    QVERIFY2(out.startsWith(QStringLiteral("From: user-")), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("\nTo: user-")));
    QVERIFY(out.contains(QLatin1String("\nSender: user-")));
    QCOMPARE(out.count(u'\n'), 4);
    QCOMPARE(r.redactText(QStringLiteral("Cc: John Smith <john.smith@contoso.com>")).section(u' ', 1, 1),
             out.section(u'\n', 0, 0).section(u' ', 1, 1));
    // What is not a name stays: message ids after their keyword, status codes, protocol verbs.
    Redactor k;
    const QString kept = k.redactText(QStringLiteral("*,,InternetMessageId <a1@fabrikam.com>,\n"
                                                     ">,250 2.6.0 <a1@fabrikam.com> [InternalId=123] Queued mail for delivery,\n"
                                                     "<,MAIL FROM:<carl@fabrikam.com> SIZE=100,"));
    for (const char *stays : {"InternetMessageId <", "250 2.6.0 <", "Queued mail for delivery", "MAIL FROM:<", "SIZE=100"})
        QVERIFY2(kept.contains(QLatin1String(stays)), qPrintable(QStringLiteral("%1 lost in %2").arg(QLatin1String(stays), kept)));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"

void TestRedaction::domainsLearnedFromTheStoreAreReplacedWhateverTheirTld()
{
    Store store;
    Session s;
    s.ehlo = QStringLiteral("gw01.Northwind.XYZ");
    s.mailFrom = QStringLiteral("alerts@tailspin.shop");
    store.sessions.append(s);
    Message m;
    m.sender = QStringLiteral("<ops@litware.bank>");
    store.messages.append(m);
    Redactor r;
    r.learnFromStore(store);
    const QString out = r.redactText(QStringLiteral(
        "EHLO gw01.northwind.xyz; relay mx.Northwind.Xyz; sent by tailspin.shop for litware.bank; Microsoft.Exchange.Transport"));
    for (const char *leak : {"northwind", "tailspin", "litware", "gw01"})
        QVERIFY2(!out.contains(QLatin1String(leak), Qt::CaseInsensitive), qPrintable(QStringLiteral("%1 in %2").arg(QLatin1String(leak), out)));
    QVERIFY(out.endsWith(QStringLiteral("; Microsoft.Exchange.Transport")));  // not a learned name: kept
}

void TestRedaction::customConnectorNamesAndAccountsAreReplaced()
{
    Store store;
    for (const char *c : {"EX01\\Partner fabrikam", "EX01\\Default Frontend EX01", "EdgeSync - Inbound to Munich-HQ",
                          "Intra-Organization SMTP Send Connector"}) {
        Session s;
        s.server = QStringLiteral("EX01");
        s.connector = QString::fromLatin1(c);
        store.sessions.append(s);
    }
    Redactor r;
    r.learnFromStore(store);
    const QString out = r.redactText(QStringLiteral(
        "2026-11-20T08:00:08.396Z,EX01\\Partner fabrikam,08DF40BF531A6600,15,10.0.0.6:25,10.0.1.25:64612,*,CONTOSO\\svc-scan,authenticated\n"
        "EX01\\Default Frontend EX01; EdgeSync - Inbound to Munich-HQ; Intra-Organization SMTP Send Connector; CONTOSO\\EDGE01$"));
    for (const char *leak : {"fabrikam", "Munich", "CONTOSO", "svc-scan", "EX01", "EDGE01"})
        QVERIFY2(!out.contains(QLatin1String(leak), Qt::CaseInsensitive), qPrintable(QStringLiteral("%1 in %2").arg(QLatin1String(leak), out)));
    QVERIFY2(out.contains(QStringLiteral("\\Connector 1,08DF40BF531A6600,15,")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral(",*,DOMAIN-1\\user-")));
    QVERIFY(out.contains(QStringLiteral("\\Default Frontend host-1;")));          // Exchange's own names stay
    QVERIFY(out.contains(QStringLiteral("EdgeSync - Inbound to Connector 2;")));
    QVERIFY(out.contains(QStringLiteral("; Intra-Organization SMTP Send Connector;")));
}
