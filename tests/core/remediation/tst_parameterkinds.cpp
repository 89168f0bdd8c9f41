// Parameter kinds: what each accepts, how it normalises, and that errors are clear.
#include "model/core/remediation/parameterkinds.h"

#include <QTest>

using namespace mwb::remediation;

class TestParameterKinds : public QObject {
    Q_OBJECT
private slots:
    void thumbprintIsNormalisedToUpperCaseWithoutBlanksAndMarks()
    {
        const auto r = validateParameterValue(QStringLiteral("thumbprint"),
                                              QStringLiteral("\u200e6a 1c 2f 0b 9e 8d 7c 6b 5a 4f 3e 2d 1c 0b 9a 8f 7e 6d 5c 4b"));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r.value(), QStringList{QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B")});
    }
    void thumbprintOfWrongLengthOrNonHexIsRejected_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("39") << QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4");
        QTest::newRow("41") << QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4BB");
        QTest::newRow("non-hex") << QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4G");
        QTest::newRow("quote") << QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4'");
        QTest::newRow("empty") << QString();
    }
    void thumbprintOfWrongLengthOrNonHexIsRejected()
    {
        QFETCH(QString, value);
        const auto r = validateParameterValue(QStringLiteral("thumbprint"), value);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(QStringLiteral("40 hexadecimal")), qPrintable(r.errorMessage()));
    }
    void fqdnNeedsTwoValidLabels()
    {
        QVERIFY(validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("mail.contoso.com")).ok());
        QCOMPARE(validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("mail.contoso.com.")).value().first(),
                 QStringLiteral("mail.contoso.com"));
        QVERIFY(!validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("EX01")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("-bad.contoso.com")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("mail.contoso.com'; Remove-Item")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("1.2.3.4")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("fqdn"), QString(300, u'a') + QStringLiteral(".com")).ok());
    }
    void domainAcceptsAWildcardPrefix()
    {
        QVERIFY(validateParameterValue(QStringLiteral("domain"), QStringLiteral("*.contoso.com")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("*.contoso.com")).ok());
    }
    void serverAcceptsNetbiosNameOrFqdn()
    {
        QVERIFY(validateParameterValue(QStringLiteral("server"), QStringLiteral("EX01")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("server"), QStringLiteral("ex01.contoso.com")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("server"), QStringLiteral("EX01 EX02")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("server"), QStringLiteral("$(calc)")).ok());
    }
    void ipAddressesOfBothFamilies()
    {
        QVERIFY(isIpv4Address(u"192.168.1.11"));
        QVERIFY(!isIpv4Address(u"192.168.1.256"));
        QVERIFY(!isIpv4Address(u"192.168.1"));
        QVERIFY(!isIpv4Address(u"192.168.01.1"));
        QVERIFY(isIpv6Address(u"2001:db8::1"));
        QVERIFY(isIpv6Address(u"::1"));
        QVERIFY(isIpv6Address(u"fe80:0:0:0:0:0:0:1"));
        QVERIFY(isIpv6Address(u"::ffff:192.0.2.1"));
        QVERIFY(!isIpv6Address(u"2001:db8::1::2"));
        QVERIFY(!isIpv6Address(u"2001:db8:1"));
        QVERIFY(!isIpv6Address(u"12345::1"));
    }
    void ipListIsSplitIntoSingleAddresses()
    {
        const auto r = validateParameterValue(QStringLiteral("ip-list"), QStringLiteral("8.8.8.8, 8.8.4.4;2001:db8::53"));
        QVERIFY(r.ok());
        QCOMPARE(r.value(), (QStringList{QStringLiteral("8.8.8.8"), QStringLiteral("8.8.4.4"), QStringLiteral("2001:db8::53")}));
        const auto bad = validateParameterValue(QStringLiteral("ip-list"), QStringLiteral("8.8.8.8,dns.google"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorMessage().contains(QStringLiteral("dns.google")));
    }
    void cidrNeedsAPrefixInRange()
    {
        QVERIFY(validateParameterValue(QStringLiteral("cidr"), QStringLiteral("192.168.1.0/24")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("cidr"), QStringLiteral("2001:db8::/48")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("cidr"), QStringLiteral("192.168.1.0/33")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("cidr"), QStringLiteral("192.168.1.0")).ok());
    }
    void portIsOneTo65535()
    {
        QCOMPARE(validateParameterValue(QStringLiteral("port"), QStringLiteral("587")).value().first(), QStringLiteral("587"));
        QVERIFY(!validateParameterValue(QStringLiteral("port"), QStringLiteral("0")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("port"), QStringLiteral("65536")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("port"), QStringLiteral("25; calc")).ok());
    }
    void connectorIsServerBackslashNameOrASendConnectorName()
    {
        QVERIFY(validateParameterValue(QStringLiteral("connector"), QStringLiteral("EX01\\Default Frontend EX01")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("connector"), QStringLiteral("Outbound to Office 365")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("connector"), QStringLiteral("EX 01\\Default")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("connector"), QStringLiteral("EX01\\")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("connector"), QString(65, u'x')).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("connector"), QStringLiteral("a\nb")).ok());
    }
    void queueEmailAddressSpaceCertificateNameAndPath()
    {
        QVERIFY(validateParameterValue(QStringLiteral("queue"), QStringLiteral("EX01\\Unreachable")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("queue"), QStringLiteral("EX01\\12")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("queue"), QStringLiteral("EX01\\Unreach able")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("email"), QStringLiteral("o'brien@contoso.com")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("email"), QStringLiteral("no at sign")).ok());
        QCOMPARE(validateParameterValue(QStringLiteral("address-space"), QStringLiteral("contoso.onmicrosoft.com")).value().first(),
                 QStringLiteral("smtp:contoso.onmicrosoft.com;1"));
        QVERIFY(validateParameterValue(QStringLiteral("address-space"), QStringLiteral("smtp:*.contoso.com;10")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("address-space"), QStringLiteral("smtp:contoso.com;1000")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("certificate-name"), QStringLiteral("<I>CN=R3, O=Let's Encrypt<S>CN=mail.contoso.com")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("certificate-name"), QStringLiteral("CN=mail.contoso.com")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("path"), QStringLiteral("C:\\EdgeSub.xml")).ok());
        QVERIFY(validateParameterValue(QStringLiteral("path"), QStringLiteral("\\\\fs01\\share\\x.xml")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("path"), QStringLiteral("EdgeSub.xml")).ok());
        QVERIFY(!validateParameterValue(QStringLiteral("path"), QStringLiteral("C:\\a\"b.xml")).ok());
    }
    void controlCharactersAndHugeValuesAreRejectedForEveryKind()
    {
        for (const ParameterKindInfo &kind : parameterKinds()) {
            const auto lineBreak = validateParameterValue(kind.id, kind.example + QStringLiteral("\nRemove-Item C:\\"));
            QVERIFY2(!lineBreak.ok(), qPrintable(kind.id));
            const auto huge = validateParameterValue(kind.id, QString(10000, u'a'));
            QVERIFY2(!huge.ok(), qPrintable(kind.id));
            QVERIFY2(validateParameterValue(kind.id, kind.example).ok(), qPrintable(kind.id));
        }
    }
    void errorMessagesShowControlCharactersVisiblyAndShortened()
    {
        const auto r = validateParameterValue(QStringLiteral("fqdn"), QStringLiteral("bad\r\nname") + QString(200, u'x'));
        QVERIFY(!r.ok());
        QVERIFY(!r.errorMessage().contains(u'\n'));
        QVERIFY(r.errorMessage().contains(QStringLiteral("\\r\\n")));
        QVERIFY(r.errorMessage().size() < 400);
        QVERIFY(r.errorMessage().contains(QStringLiteral("e.g. mail.contoso.com")));
    }
    void wildcardIdentitiesAreRejected_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("value");
        QTest::newRow("send connector *") << "connector" << "*";
        QTest::newRow("receive connector EX01\\*") << "connector" << "EX01\\*";
        QTest::newRow("connector ?") << "connector" << "Outbound?";
        QTest::newRow("interface *") << "text" << "*";
        QTest::newRow("interface Ether*") << "text" << "Ether*";
        QTest::newRow("database DB*") << "name" << "DB*";
        QTest::newRow("server *") << "server" << "*";
        QTest::newRow("server EX*") << "server" << "EX*";
        QTest::newRow("queue EX01\\*") << "queue" << "EX01\\*";
        QTest::newRow("service MSExchange*") << "transport-service" << "MSExchange*";
    }
    void wildcardIdentitiesAreRejected()
    {
        QFETCH(QString, kind);
        QFETCH(QString, value);
        const auto r = validateParameterValue(kind, value);
        QVERIFY(!r.ok());
    }
    void transportServiceIsOneOfTheTransportServices()
    {
        QCOMPARE(validateParameterValue(QStringLiteral("transport-service"), QStringLiteral("msexchangetransport")).value(),
                 QStringList{QStringLiteral("MSExchangeTransport")});
        QVERIFY(!validateParameterValue(QStringLiteral("transport-service"), QStringLiteral("W3SVC")).ok());
    }
    void unknownKindIsAnError()
    {
        QVERIFY(!validateParameterValue(QStringLiteral("colour"), QStringLiteral("red")).ok());
    }
};

QTEST_GUILESS_MAIN(TestParameterKinds)
#include "tst_parameterkinds.moc"
