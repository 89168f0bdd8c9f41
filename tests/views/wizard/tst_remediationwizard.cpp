// The remediation wizard walked offscreen like an admin would: symptom → steps with pasted
// output (answers picked by the parsers) → summary → highlighted script; Back restores the
// previous question; Save writes UTF-8 with BOM. Screenshots of the walk go to <build>/screenshots.
#include "model/core/remediation/walker.h"
#include "views/wizard/remediationwizard.h"

#include <QAccessible>
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QRegularExpression>
#include <QTest>

using mwb::views::RemediationWizard;
using namespace mwb::remediation;

namespace {

const char kCertificateOutput[] =
    "\n"
    "Thumbprint         : 6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B\n"
    "Services           : IMAP, POP, IIS\n"
    "Subject            : CN=mail.contoso.com\n"
    "Issuer             : CN=R3, O=Let's Encrypt, C=US\n"
    "CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}\n"
    "NotAfter           : 2/1/2099 11:59:59 PM\n"
    "Status             : Valid\n"
    "IsSelfSigned       : False\n"
    "\n"
    "Thumbprint         : 0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F\n"
    "Services           : SMTP\n"
    "Subject            : CN=EX01\n"
    "Issuer             : CN=EX01\n"
    "CertificateDomains : {EX01, EX01.contoso.local}\n"
    "NotAfter           : 6/14/2021 4:22:10 PM\n"
    "Status             : DateInvalid\n"
    "IsSelfSigned       : True\n";

const char kSendConnectorOutput[] =
    "Name               : Outbound to Office 365\n"
    "AddressSpaces      : {smtp:contoso.mail.onmicrosoft.com;1}\n"
    "TlsDomain          : contoso.com\n"
    "TlsAuthLevel       : CertificateValidation\n"
    "Fqdn               : mail.contoso.com\n"
    "TlsCertificateName :\n"
    "RequireTLS         : True\n";

template <typename T>
T *child(QWidget *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

void screenshot(QWidget *w, const QString &name)
{
    // Under <build>/screenshots; also to $MWB_SCREENSHOT_DIR when set (docs/screenshots is
    // refreshed that way, never implicitly by a test run).
    QApplication::processEvents();  // test only: let layouts settle before grabbing
    const QImage image = w->grab().toImage();
    QVERIFY(!image.isNull());
    QStringList dirs{QStringLiteral(MWB_BUILD_DIR "/screenshots")};
    if (!qEnvironmentVariable("MWB_SCREENSHOT_DIR").isEmpty())
        dirs << qEnvironmentVariable("MWB_SCREENSHOT_DIR");
    for (const QString &dir : dirs) {
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + u'/' + name));
    }
}

void answer(QWizard &w, const char *which)
{
    auto *radio = child<QRadioButton>(w.currentPage(), QStringLiteral("answer_%1").arg(QLatin1String(which)));
    QVERIFY(radio);
    radio->click();
    QVERIFY(w.button(QWizard::NextButton)->isEnabled());
    w.next();
}

} // namespace

class TestRemediationWizard : public QObject {
    Q_OBJECT
private slots:
    void walksCertificateScenarioFromSymptomToScriptAndSavesScreenshots()
    {
        RemediationWizard w(QStringLiteral("certificate-smtp"), {{QStringLiteral("Server"), QStringLiteral("EX01")}});
        w.setEvidence({QStringLiteral("SmtpSend/SEND2026112008-1.LOG:812 454 4.7.5 Certificate validation failure, Reason: SubjectMismatch")});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // Start page: symptoms of every scenario, the finding's scenario chosen, its value filled in.
        QCOMPARE(w.currentId(), int(RemediationWizard::StartPageId));
        auto *symptoms = child<QTreeWidget>(&w, QStringLiteral("symptomList"));
        QVERIFY(symptoms);
        QCOMPARE(symptoms->topLevelItemCount(), int(builtInScenarios().size()));  // one heading per scenario
        for (int i = 0; i < symptoms->topLevelItemCount(); ++i) {
            const Scenario &s = builtInScenarios().at(i);
            QCOMPARE(symptoms->topLevelItem(i)->text(0), s.title);
            QVERIFY(!(symptoms->topLevelItem(i)->flags() & Qt::ItemIsSelectable));
            QCOMPARE(symptoms->topLevelItem(i)->childCount(), int(s.symptoms.size()));
        }
        QCOMPARE(symptoms->currentItem()->data(0, Qt::UserRole).toString(), QStringLiteral("certificate-smtp"));
        QCOMPARE(child<QLineEdit>(w.currentPage(), QStringLiteral("param_Server"))->text(), QStringLiteral("EX01"));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        screenshot(&w, QStringLiteral("wizard-1-start.png"));
        w.next();

        // Step 1: the command carries the quoted server; pasted output answers "No" by itself.
        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_smtp-certificate"));
        auto *command = child<QPlainTextEdit>(w.currentPage(), QStringLiteral("commandView"));
        QVERIFY(command->toPlainText().startsWith(QStringLiteral("Get-ExchangeCertificate -Server 'EX01'")));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        child<QPlainTextEdit>(w.currentPage(), QStringLiteral("pasteBox"))->setPlainText(QString::fromUtf8(kCertificateOutput));
        QVERIFY(child<QRadioButton>(w.currentPage(), QStringLiteral("answer_no"))->isChecked());
        QVERIFY(child<QLabel>(w.currentPage(), QStringLiteral("parsedSummary"))->text().contains(QStringLiteral("1 enabled for SMTP")));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        screenshot(&w, QStringLiteral("wizard-2-step-pasted-output.png"));
        w.next();

        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_single-certificate"));
        answer(w, "no");
        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_receive-fqdn"));
        answer(w, "yes");
        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_send-tls"));
        child<QPlainTextEdit>(w.currentPage(), QStringLiteral("pasteBox"))->setPlainText(QString::fromUtf8(kSendConnectorOutput));
        QVERIFY(child<QRadioButton>(w.currentPage(), QStringLiteral("answer_no"))->isChecked());
        screenshot(&w, QStringLiteral("wizard-3-step-send-connector.png"));
        w.next();

        // Summary: answers listed, the thumbprint taken from the pasted output, values editable.
        QCOMPARE(w.currentId(), int(RemediationWizard::SummaryPageId));
        QVERIFY(child<QLabel>(w.currentPage(), QStringLiteral("answerSummary"))->text().contains(QStringLiteral("Is a valid certificate enabled for SMTP?")));
        QCOMPARE(child<QLineEdit>(w.currentPage(), QStringLiteral("param_CertificateThumbprint"))->text(),
                 QStringLiteral("6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B"));
        child<QLineEdit>(w.currentPage(), QStringLiteral("param_SendConnector"))->setText(QStringLiteral("Outbound to Office 365"));
        child<QLineEdit>(w.currentPage(), QStringLiteral("param_TlsDomain"))->setText(QStringLiteral("mail.protection.outlook.com"));
        child<QLineEdit>(w.currentPage(), QStringLiteral("param_Fqdn"))->setText(QStringLiteral("bad name!"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(child<QLabel>(w.currentPage(), QStringLiteral("parameterProblems"))->text().contains(QStringLiteral("Fqdn")));
        child<QLineEdit>(w.currentPage(), QStringLiteral("param_Fqdn"))->setText(QStringLiteral("mail.contoso.com"));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(child<QCheckBox>(w.currentPage(), QStringLiteral("dryRunCheck"))->isChecked());
        screenshot(&w, QStringLiteral("wizard-4-summary.png"));
        w.next();

        // Script: header, evidence, -WhatIf, highlighted preview.
        QCOMPARE(w.currentId(), int(RemediationWizard::ScriptPageId));
        auto *view = child<QPlainTextEdit>(w.currentPage(), QStringLiteral("scriptView"));
        const QString script = view->toPlainText();
        QVERIFY(script.contains(QStringLiteral("# Scenario  : certificate-smtp")));
        QVERIFY(script.contains(QStringLiteral("SEND2026112008-1.LOG:812")));
        QVERIFY(script.contains(QStringLiteral("Enable-ExchangeCertificate -Server 'EX01' -Thumbprint '6A1C2F0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B' -Services SMTP -WhatIf")));
        QVERIFY(script.contains(QStringLiteral("Set-SendConnector -Identity 'Outbound to Office 365' -RequireTLS $true -TlsAuthLevel DomainValidation -TlsDomain 'mail.protection.outlook.com' -WhatIf")));
        QVERIFY(script.contains(QStringLiteral("Set-SendConnector -Identity 'Outbound to Office 365' -Fqdn 'mail.contoso.com' -WhatIf")));
        QVERIFY(script.contains(QStringLiteral("\n$ErrorActionPreference = 'Stop'\n")));
        QVERIFY(script.contains(QStringLiteral("\nif ($env:COMPUTERNAME -ne 'EX01') { throw (")));
        QVERIFY(!script.contains(QStringLiteral("Set-ReceiveConnector")));  // receive-fqdn was answered Yes
        QVERIFY(view->document()->firstBlock().layout()->formats().size() > 0);  // highlighted
        screenshot(&w, QStringLiteral("wizard-5-script-preview.png"));
        // The changes part, with -WhatIf marked.
        QTextCursor changes = view->document()->find(QStringLiteral("# --- 2. Changes"));
        QVERIFY(!changes.isNull());
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        changes.clearSelection();
        view->setTextCursor(changes);
        view->ensureCursorVisible();
        screenshot(&w, QStringLiteral("wizard-6-script-changes.png"));

        // Dry run off: no -WhatIf; the default SMTP certificate is never replaced silently (no -Force),
        // and the restart that belongs to the new binding carries its disruption note.
        child<QCheckBox>(w.currentPage(), QStringLiteral("scriptDryRunCheck"))->setChecked(false);
        QVERIFY(!view->toPlainText().contains(QStringLiteral("-WhatIf")));
        QVERIFY(view->toPlainText().contains(QStringLiteral("-Services SMTP\n")));
        QVERIFY(!view->toPlainText().contains(QStringLiteral("-Force")));
        QVERIFY(view->toPlainText().contains(QStringLiteral("# DISRUPTIVE: mail flow through this server pauses")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fix.ps1"));
        QString error;
        QVERIFY2(w.saveScript(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF#"));
        QCOMPARE(QString::fromUtf8(bytes.mid(3)), view->toPlainText().replace(u'\n', QStringLiteral("\r\n")));
    }

    void openedFromAFindingMapsItsParametersAndKeepsTheRestAsEvidence()
    {
        RemediationWizard w(QStringLiteral("certificate-smtp"),
                            {{QStringLiteral("Server"), QStringLiteral("EX01")},
                             {QStringLiteral("Connector"), QStringLiteral("EX01\\Default Frontend EX01")},
                             {QStringLiteral("Thumbprint"), QStringLiteral("0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F")}});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(child<QLineEdit>(w.currentPage(), QStringLiteral("param_ReceiveConnector"))->text(), QStringLiteral("EX01\\Default Frontend EX01"));
        QVERIFY(child<QLineEdit>(w.currentPage(), QStringLiteral("param_CertificateThumbprint"))->text().isEmpty());
        w.next();
        QVERIFY(w.script().contains(QStringLiteral("finding parameter Thumbprint = 0B9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B6A1C2F")));
    }
    void everyScenarioCanBeWalkedToAScriptInTheWizard()
    {
        for (const Scenario &s : builtInScenarios()) {
            QMap<QString, QString> required;
            for (const ParameterSpec &p : s.parameters)
                if (p.required)
                    required.insert(p.name, p.example);
            RemediationWizard w(s.id, required);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY2(w.button(QWizard::NextButton)->isEnabled(), qPrintable(s.id));
            w.next();
            for (int guard = 0; guard < 20 && w.currentId() >= RemediationWizard::FirstStepPageId; ++guard)
                answer(w, "unknown");
            QCOMPARE(w.currentId(), int(RemediationWizard::SummaryPageId));
            w.next();
            QCOMPARE(w.currentId(), int(RemediationWizard::ScriptPageId));
            const QString script = child<QPlainTextEdit>(w.currentPage(), QStringLiteral("scriptView"))->toPlainText();
            QVERIFY2(script.contains(QStringLiteral("# Scenario  : ") + s.id), qPrintable(s.id));
            QVERIFY2(script.contains(QStringLiteral("DRY RUN")), qPrintable(s.id));
            // In a dry run no changing command runs for real.
            static const QRegularExpression changing(QStringLiteral("^\\s*(Set|New|Remove|Restart|Enable|Add|Import|Start|Mount)-[A-Za-z]+ "));
            for (const QString &line : script.split(u'\n'))
                if (changing.match(line).hasMatch())
                    QVERIFY2(line.contains(QStringLiteral("-WhatIf")), qPrintable(s.id + QStringLiteral(": ") + line));
        }
    }
    void everyControlOnEveryPageHasAnAccessibleName()
    {
        const Scenario s = builtInScenarios().first();
        QMap<QString, QString> required;
        for (const ParameterSpec &p : s.parameters)
            if (p.required)
                required.insert(p.name, p.example);
        RemediationWizard w(s.id, required);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto unnamedOnPage = [&w] {
            QStringList unnamed;
            for (QWidget *c : w.findChildren<QWidget *>()) {
                if (c->focusPolicy() == Qt::NoFocus || !c->isVisible())
                    continue;
                QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(c);
                if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << QString::fromLatin1(c->metaObject()->className()) + u' ' + c->objectName();
            }
            return unnamed;
        };
        int pages = 0;
        QStringList unnamed;
        for (int guard = 0; guard < 30 && w.currentId() != int(RemediationWizard::ScriptPageId); ++guard) {
            unnamed << unnamedOnPage();
            ++pages;
            if (w.currentId() >= RemediationWizard::FirstStepPageId)
                answer(w, "unknown");
            else
                w.next();
        }
        unnamed << unnamedOnPage();
        QCOMPARE(w.currentId(), int(RemediationWizard::ScriptPageId));
        QVERIFY(pages >= 2);
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void backReturnsToThePreviousQuestionAndForgetsItsAnswer()
    {
        RemediationWizard w(QStringLiteral("drafts-stuck"), {{QStringLiteral("Server"), QStringLiteral("EX01")}});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.next();
        answer(w, "no");
        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_components"));
        QCOMPARE(w.walker()->history(), QStringList{QStringLiteral("services")});
        w.back();
        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_services"));
        QCOMPARE(w.walker()->currentStep()->id, QStringLiteral("services"));
        QVERIFY(w.walker()->history().isEmpty());
        for (int i = 0; i < 5; ++i)
            answer(w, "yes");  // healthy queues end the walk
        QCOMPARE(w.currentId(), int(RemediationWizard::SummaryPageId));
        QCOMPARE(w.walker()->history(), (QStringList{"services", "components", "databases", "back-pressure", "queues"}));
        w.back();
        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_queues"));
        QVERIFY(!w.walker()->isFinished());
    }

    void startPageNeedsASymptomAndValidRequiredValues()
    {
        RemediationWizard w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        auto *symptoms = child<QTreeWidget>(&w, QStringLiteral("symptomList"));
        for (int i = 0; i < symptoms->topLevelItemCount(); ++i) {
            QTreeWidgetItem *heading = symptoms->topLevelItem(i);
            if (heading->child(0)->data(0, Qt::UserRole).toString() == u"edgesync-ldap")
                symptoms->setCurrentItem(heading->child(1));
        }
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());  // MailboxServer and EdgeServer missing
        child<QLineEdit>(w.currentPage(), QStringLiteral("param_MailboxServer"))->setText(QStringLiteral("EX01"));
        child<QLineEdit>(w.currentPage(), QStringLiteral("param_EdgeServer"))->setText(QStringLiteral("EDGE01'; calc"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        child<QLineEdit>(w.currentPage(), QStringLiteral("param_EdgeServer"))->setText(QStringLiteral("EDGE01"));
        QVERIFY2(w.button(QWizard::NextButton)->isEnabled(),
                 qPrintable(child<QLabel>(w.currentPage(), QStringLiteral("parameterProblems"))->text()));
        w.next();
        QCOMPARE(w.scenarioId(), QStringLiteral("edgesync-ldap"));
        QCOMPARE(w.currentPage()->objectName(), QStringLiteral("step_sync-status"));
    }
};

QTEST_MAIN(TestRemediationWizard)
#include "tst_remediationwizard.moc"
