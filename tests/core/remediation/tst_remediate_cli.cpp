// `mwb scenarios` and `mwb remediate` as the contract says: JSON listing, parameters from an
// analysis, wrong kinds rejected with exit 2, --out in UTF-8 with BOM, --apply.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run mwb(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(MWB_CLI), args);
    Run r;
    if (!p.waitForStarted(30000) || !p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestRemediateCli : public QObject {
    Q_OBJECT
private slots:
    void scenariosJsonListsIdsTitlesAndParameters()
    {
        const Run r = mwb({QStringLiteral("scenarios"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"scenarios").toArray();
        QCOMPARE(list.size(), 13);
        QStringList ids;
        for (const QJsonValue &v : list)
            ids << v.toObject().value(u"id").toString();
        for (const char *id : {"exo-hybrid-connectors", "relay-connector", "smtp-client-submission"})
            QVERIFY2(ids.contains(QString::fromLatin1(id)), id);
        bool sawThumbprint = false;
        for (const QJsonValue &v : list) {
            const QJsonObject s = v.toObject();
            QVERIFY(!s.value(u"id").toString().isEmpty());
            QVERIFY(!s.value(u"title").toString().isEmpty());
            for (const QJsonValue &pv : s.value(u"parameters").toArray()) {
                const QJsonObject p = pv.toObject();
                QVERIFY(p.contains(u"name") && p.contains(u"kind") && p.contains(u"required") && p.contains(u"example"));
                sawThumbprint = sawThumbprint || p.value(u"kind").toString() == u"thumbprint";
            }
        }
        QVERIFY(sawThumbprint);
        const Run text = mwb({QStringLiteral("scenarios")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("edgesync-ldap")));
    }
    void remediatePrintsADryRunScriptByDefaultAndApplyDropsWhatIf()
    {
        const QStringList base{QStringLiteral("remediate"), QStringLiteral("protocol-logging"), QStringLiteral("--param"), QStringLiteral("Server=EX01")};
        const Run dry = mwb(base);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.startsWith(QStringLiteral("# Mailflow Workbench remediation script")));
        QVERIFY(dry.out.contains(QStringLiteral("Get-ReceiveConnector -Server 'EX01' | Set-ReceiveConnector -ProtocolLoggingLevel Verbose -WhatIf")));
        // Applying needs the answers of the steps that decide about the changes.
        const Run refused = mwb(base + QStringList{QStringLiteral("--apply")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.contains(QStringLiteral("receive-logging")) && refused.err.contains(QStringLiteral("send-logging")), qPrintable(refused.err));
        const Run applied = mwb(base + QStringList{QStringLiteral("--apply"), QStringLiteral("--answer"), QStringLiteral("receive-logging=no"),
                                                   QStringLiteral("--answer"), QStringLiteral("send-logging=no")});
        QCOMPARE(applied.exitCode, 0);
        QVERIFY(!applied.out.contains(QStringLiteral("-WhatIf")));
        QVERIFY(applied.out.contains(QStringLiteral("Get-ReceiveConnector -Server 'EX01' | Set-ReceiveConnector -ProtocolLoggingLevel Verbose\n")));
    }
    void answersSelectTheChanges()
    {
        const QStringList base{QStringLiteral("remediate"), QStringLiteral("drafts-stuck"), QStringLiteral("--param"), QStringLiteral("Server=EX01")};
        QStringList healthyAnswers;
        for (const char *a : {"services=yes", "components=yes", "databases=yes", "back-pressure=yes", "queues=yes"})
            healthyAnswers << QStringLiteral("--answer") << QString::fromLatin1(a);
        const Run healthy = mwb(base + healthyAnswers);
        QCOMPARE(healthy.exitCode, 0);
        QVERIFY(healthy.out.contains(QStringLiteral("No change is needed")));
        QCOMPARE(mwb(base + healthyAnswers + QStringList{QStringLiteral("--apply")}).exitCode, 0);
        const Run stopped = mwb(base + QStringList{QStringLiteral("--answer"), QStringLiteral("services=no")});
        QVERIFY(stopped.out.contains(QStringLiteral("| Start-Service -WhatIf")));
        QCOMPARE(mwb(base + QStringList{QStringLiteral("--answer"), QStringLiteral("nosuchstep=yes")}).exitCode, 2);
    }
    void wrongKindIsExit2WithAClearMessage()
    {
        const Run r = mwb({QStringLiteral("remediate"), QStringLiteral("certificate-smtp"), QStringLiteral("--param"), QStringLiteral("Server=EX01"),
                           QStringLiteral("--param"), QStringLiteral("CertificateThumbprint=12'; calc")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("parameter CertificateThumbprint:")) && r.err.contains(QStringLiteral("40 hexadecimal")), qPrintable(r.err));
        QCOMPARE(mwb({QStringLiteral("remediate"), QStringLiteral("no-such-scenario")}).exitCode, 2);
        QCOMPARE(mwb({QStringLiteral("remediate"), QStringLiteral("drafts-stuck")}).exitCode, 2);  // Server is required
        QCOMPARE(mwb({QStringLiteral("remediate"), QStringLiteral("drafts-stuck"), QStringLiteral("--param")}).exitCode, 2);
        QCOMPARE(mwb({QStringLiteral("remediate"), QStringLiteral("drafts-stuck"), QStringLiteral("--answer"), QStringLiteral("services=maybe")}).exitCode, 2);
    }
    void parametersAndEvidenceComeFromTheMatchingFinding()
    {
        QTemporaryDir dir;
        const QString analysis = dir.filePath(QStringLiteral("analysis.json"));
        QFile f(analysis);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"tool":"mwb","version":"0.1.0","findings":[
          {"rule":"dns-prx2","severity":"error","title":"PRX2","scenario":"dns-resolution","parameters":{"Server":"EX09"}},
          {"rule":"tls-subject-mismatch","severity":"error","title":"SubjectMismatch","codes":["454 4.7.5"],
           "first":"2026-11-20T08:00:01.234Z","last":"2026-11-20T09:00:01.234Z",
           "evidence":[{"file":"SmtpSend/SEND20261120-1.LOG","line":812}],
           "scenario":"certificate-smtp","parameters":{"Server":"EX01","Fqdn":"mail.contoso.com","Unused":"x",
             "Connector":"EX01\\Default Frontend EX01","Thumbprint":"0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F"}},
          {"rule":"tls-subject-mismatch","scenario":"certificate-smtp","parameters":{"Server":"EX02"}}]})");
        f.close();
        const Run r = mwb({QStringLiteral("remediate"), QStringLiteral("certificate-smtp"), QStringLiteral("--from-analysis"), analysis,
                           QStringLiteral("--param"), QStringLiteral("SendConnector=Outbound to Office 365")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Get-ExchangeCertificate -Server 'EX01'")));
        QVERIFY(!r.out.contains(QStringLiteral("EX02")));
        QVERIFY(r.out.contains(QStringLiteral("#   Fqdn = 'mail.contoso.com'")));
        QVERIFY(r.out.contains(QStringLiteral("SmtpSend/SEND20261120-1.LOG:812")));
        QVERIFY(r.out.contains(QStringLiteral("454 4.7.5")));
        QVERIFY(r.err.contains(QStringLiteral("Unused")));
        // The finding's Connector has a backslash: it is a receive connector, not the send connector.
        QVERIFY(r.out.contains(QStringLiteral("#   ReceiveConnector = 'EX01\\Default Frontend EX01'")));
        QVERIFY(r.out.contains(QStringLiteral("#   SendConnector = 'Outbound to Office 365'")));
        // The presented certificate's thumbprint is evidence, never the certificate to enable.
        QVERIFY(r.out.contains(QStringLiteral("finding parameter Thumbprint = 0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F")));
        QVERIFY(!r.out.contains(QStringLiteral("-Thumbprint '0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F'")));

        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"findings":[{"scenario":"certificate-smtp","parameters":{"Server":"EX01","Fqdn":"not a name!"}}]})");
        bad.close();
        const Run wrong = mwb({QStringLiteral("remediate"), QStringLiteral("certificate-smtp"), QStringLiteral("--from-analysis"), bad.fileName()});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains(QStringLiteral("parameter Fqdn:")));
        const Run missing = mwb({QStringLiteral("remediate"), QStringLiteral("certificate-smtp"), QStringLiteral("--from-analysis"), dir.filePath(QStringLiteral("nope.json"))});
        QCOMPARE(missing.exitCode, 3);
        const Run noMatch = mwb({QStringLiteral("remediate"), QStringLiteral("edgesync-ldap"), QStringLiteral("--from-analysis"), analysis});
        QCOMPARE(noMatch.exitCode, 2);
    }
    void scenariosJsonListsStepsTheirAnswersAndWhatEachAnswerGates()
    {
        const Run r = mwb({QStringLiteral("scenarios"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"scenarios").toArray();
        bool sawRemoval = false;
        for (const QJsonValue &v : list) {
            const QJsonObject s = v.toObject();
            QVERIFY(!s.value(u"references").toArray().isEmpty());
            for (const QJsonValue &stv : s.value(u"steps").toArray()) {
                const QJsonObject st = stv.toObject();
                QVERIFY(!st.value(u"id").toString().isEmpty());
                QCOMPARE(st.value(u"answers").toArray(), (QJsonArray{QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("unknown")}));
                const QJsonObject gates = st.value(u"gates").toObject();
                QVERIFY(gates.contains(u"yes") && gates.contains(u"no") && gates.contains(u"unknown"));
                if (s.value(u"id").toString() == u"edgesync-ldap" && st.value(u"id").toString() == u"credentials") {
                    for (const QJsonValue &g : gates.value(u"no").toArray())
                        if (g.toObject().value(u"command").toString() == u"Remove-EdgeSubscription") {
                            sawRemoval = true;
                            QVERIFY(g.toObject().value(u"destructive").toBool());
                            QCOMPARE(g.toObject().value(u"machine").toString(), QStringLiteral("MailboxServer"));
                        }
                    for (const QJsonValue &g : gates.value(u"yes").toArray())
                        QVERIFY(g.toObject().value(u"command").toString() != u"Remove-EdgeSubscription");
                }
            }
        }
        QVERIFY(sawRemoval);
    }
    void applyIsRefusedForEveryScenarioUntilTheGatingStepsAreAnswered()
    {
        const QJsonArray list = QJsonDocument::fromJson(mwb({QStringLiteral("scenarios"), QStringLiteral("--json")}).out.toUtf8())
                                    .object().value(u"scenarios").toArray();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue &v : list) {
            const QJsonObject s = v.toObject();
            QStringList args{QStringLiteral("remediate"), s.value(u"id").toString()};
            for (const QJsonValue &pv : s.value(u"parameters").toArray())
                args << QStringLiteral("--param") << pv.toObject().value(u"name").toString() + u'=' + pv.toObject().value(u"example").toString();
            const Run dry = mwb(args);
            QCOMPARE(dry.exitCode, 0);
            QVERIFY2(dry.out.contains(QStringLiteral("\n$ErrorActionPreference = 'Stop'\n")), qPrintable(s.value(u"id").toString()));
            const Run apply = mwb(args + QStringList{QStringLiteral("--apply")});
            QVERIFY2(apply.exitCode == 2, qPrintable(s.value(u"id").toString()));
            QVERIFY(apply.out.isEmpty());
            QVERIFY2(apply.err.contains(QStringLiteral("refusing to apply")) && apply.err.contains(QStringLiteral("--answer ")), qPrintable(apply.err));
        }
        // The example of the issue: nothing said EdgeSync is broken, so nothing is removed.
        const Run edge = mwb({QStringLiteral("remediate"), QStringLiteral("edgesync-ldap"), QStringLiteral("--param"), QStringLiteral("MailboxServer=EX01"),
                              QStringLiteral("--param"), QStringLiteral("EdgeServer=EDGE01"), QStringLiteral("--apply")});
        QCOMPARE(edge.exitCode, 2);
        QVERIFY(!edge.out.contains(QStringLiteral("Remove-EdgeSubscription")));
        QVERIFY(edge.err.contains(QStringLiteral("sync-status")));
        // Answered "unknown", the removal stays a comment and stderr says so.
        QStringList unknown{QStringLiteral("remediate"), QStringLiteral("edgesync-ldap"), QStringLiteral("--param"), QStringLiteral("MailboxServer=EX01"),
                            QStringLiteral("--param"), QStringLiteral("EdgeServer=EDGE01"), QStringLiteral("--apply")};
        for (const char *a : {"sync-status=no", "adam-service=yes", "ldap-port=yes", "credentials=unknown", "subscription=yes"})
            unknown << QStringLiteral("--answer") << QString::fromLatin1(a);
        const Run held = mwb(unknown);
        QCOMPARE(held.exitCode, 0);
        QVERIFY(!held.out.contains(QStringLiteral("\n    Remove-EdgeSubscription")));
        QVERIFY2(held.err.contains(QStringLiteral("not applied because a step deciding about it was answered unknown")), qPrintable(held.err));
        unknown.replace(unknown.indexOf(QStringLiteral("credentials=unknown")), QStringLiteral("credentials=no"));
        const Run removed = mwb(unknown);
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(removed.out.contains(QStringLiteral("\n    Remove-EdgeSubscription -Identity 'EDGE01' -Confirm:$false\n")));
    }
    void wildcardIdentitiesAreExit2()
    {
        const QList<QStringList> cases = {
            {QStringLiteral("dns-resolution"), QStringLiteral("Server=EX01"), QStringLiteral("PublicInterface=*")},
            {QStringLiteral("unreachable-queue"), QStringLiteral("Server=EX01"), QStringLiteral("SendConnector=*")},
            {QStringLiteral("blocklist-smarthost"), QStringLiteral("Server=EX01"), QStringLiteral("SendConnector=Out*")},
            {QStringLiteral("exchange-auth"), QStringLiteral("ReceivingServer=EX02"), QStringLiteral("RelayConnector=EX02\\*")},
            {QStringLiteral("drafts-stuck"), QStringLiteral("Server=EX0?"), QStringLiteral("Database=DB01")},
        };
        for (const QStringList &c : cases) {
            const Run r = mwb({QStringLiteral("remediate"), c.at(0), QStringLiteral("--param"), c.at(1), QStringLiteral("--param"), c.at(2)});
            QVERIFY2(r.exitCode == 2, qPrintable(c.join(u' ')));
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains(QStringLiteral("parameter ")), qPrintable(r.err));
        }
    }
    void outWritesUtf8WithBom()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("fix.ps1"));
        const Run r = mwb({QStringLiteral("remediate"), QStringLiteral("exchange-auth"), QStringLiteral("--param"), QStringLiteral("ReceivingServer=EX02"),
                           QStringLiteral("--param"), QStringLiteral("RelayConnector=EX02\\Réception d\u2019O'Brien"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF# Mailflow Workbench"));
        // CRLF on every platform, no bare LF.
        QVERIFY(bytes.contains("\r\n$ErrorActionPreference = 'Stop'\r\n"));
        QCOMPARE(bytes.count("\n"), bytes.count("\r\n"));
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("'EX02\\Réception d\u2019\u2019O''Brien'")));
    }
};

QTEST_GUILESS_MAIN(TestRemediateCli)
#include "tst_remediate_cli.moc"
