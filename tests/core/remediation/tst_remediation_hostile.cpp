// Hostile parameter values (quotes of every kind, $(...), backticks, ;, line breaks, #, 10k
// characters) are either rejected with a clear error or stay one inert literal. The proof is a
// parse: for every scenario and parameter, the script made with the hostile value has exactly
// the syntax tree (string contents aside) and the commands with their parameters of the script
// made with the benign example; and pscheck accepts every hostile script.
#include "model/core/remediation/parameterkinds.h"
#include "model/core/remediation/powershellwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb::remediation;

namespace {

QStringList hostileValues()
{
    const QString quotes = QStringLiteral("'\u2018\u2019\u201A\u201B\"");
    QStringList v = {
        QStringLiteral("'"), QStringLiteral("\u2019"), QStringLiteral("\u2018"), QStringLiteral("\u201A"), QStringLiteral("\u201B"),
        QStringLiteral("\""), QStringLiteral("$(Remove-Item C:\\ -Recurse)"), QStringLiteral("`"), QStringLiteral(";"),
        QStringLiteral("\n"), QStringLiteral("#"),
        QStringLiteral("O'Brien's connector"),
        QStringLiteral("x'; Stop-Service MSExchangeTransport; '"),
        QStringLiteral("x\u2019; Stop-Service MSExchangeTransport; \u2018"),
        QStringLiteral("x\u201A) ; calc ; (\u201B"),
        QStringLiteral("\"; calc; \" $env:COMPUTERNAME ${x} @(1) {0}"),
        QStringLiteral("`'; calc #"),
        QStringLiteral("a\nRemove-Item C:\\ -Recurse"),
        QStringLiteral("a\r\nb"), QStringLiteral("a\rb"), QStringLiteral("a\u2028b"), QStringLiteral("a\tb"),
        QStringLiteral("<# comment #> | Remove-Item & calc"),
        QStringLiteral("''''"),
        QString(10000, u'\''),
        QString(10000, u'a'),
        QStringLiteral("EX01\\") + quotes + QStringLiteral(" $(calc) `; #"),
        QStringLiteral("<I>CN=O'Brien \u2019CA\u2018<S>CN=$(calc); `#"),
        QStringLiteral("C:\\Temp\\O'Brien\u2019s $(calc) `;#.xml"),
        QStringLiteral("o'brien$(x)`{y}@contoso.com"),
    };
    v << QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    return v;
}

QString safeName(const QString &s)
{
    QString out;
    for (QChar c : s)
        out += c.isLetterOrNumber() ? c : u'_';
    return out;
}

} // namespace

class TestRemediationHostile : public QObject {
    Q_OBJECT
private slots:
    void hostileValuesAreRejectedOrStayOneInertLiteral()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir().mkpath(dir.filePath(QStringLiteral("hostile")));
        QDir().mkpath(dir.filePath(QStringLiteral("benign")));
        const QDateTime when(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);

        struct Pair { QString benign, hostile, label; };
        QList<Pair> pairs;
        int rejected = 0;
        QSet<QString> acceptedKinds;
        int pairIndex = 0;
        const QStringList values = hostileValues();
        for (const Scenario &s : builtInScenarios()) {
            QMap<QString, QString> examples;
            for (const ParameterSpec &p : s.parameters)
                examples.insert(p.name, p.example);
            for (const ParameterSpec &p : s.parameters) {
                for (int vi = 0; vi < values.size(); ++vi) {
                    const QString &value = values.at(vi);
                    ScriptRequest request;
                    request.generatedAt = when;
                    request.parameters = examples;
                    request.parameters.insert(p.name, value);
                    const auto hostile = writeScript(s, request);
                    const QString label = QStringLiteral("%1/%2/value %3").arg(s.id, p.name).arg(vi);
                    if (!hostile.ok()) {
                        ++rejected;
                        // A clear error: names the parameter, one line, not the whole 10k value.
                        const QString msg = hostile.errorMessage();
                        QVERIFY2(msg.startsWith(QStringLiteral("parameter %1:").arg(p.name)), qPrintable(label + u' ' + msg));
                        QVERIFY2(!msg.contains(u'\n') && !msg.contains(u'\r') && msg.size() < 600, qPrintable(label));
                        continue;
                    }
                    acceptedKinds.insert(p.kind);
                    // The literal of the value is in the script exactly once per use, doubled quotes and all.
                    const QString literal = powerShellLiteral(validateParameterValue(p.kind, value).value().join(QString()));
                    QVERIFY2(hostile.value().contains(literal), qPrintable(label));
                    request.parameters = examples;
                    const auto benign = writeScript(s, request);
                    QVERIFY2(benign.ok(), qPrintable(label));
                    const QString name = QStringLiteral("%1-%2-%3-%4.ps1").arg(s.id, safeName(p.name)).arg(vi).arg(++pairIndex);
                    const QString hostilePath = dir.filePath(QStringLiteral("hostile/") + name);
                    const QString benignPath = dir.filePath(QStringLiteral("benign/") + name);
                    for (const auto &[path, text] : {std::pair{hostilePath, hostile.value()}, std::pair{benignPath, benign.value()}}) {
                        QFile f(path);
                        QVERIFY(f.open(QIODevice::WriteOnly));
                        f.write(scriptFileBytes(text));
                    }
                    pairs.append({benignPath, hostilePath, label});
                }
            }
        }
        // The proof is not vacuous: free-text kinds take quotes of every kind and stay literals.
        QVERIFY2(pairs.size() >= 50, qPrintable(QString::number(pairs.size())));
        QVERIFY(rejected > 0);
        for (const QString &kind : {QStringLiteral("connector"), QStringLiteral("name"), QStringLiteral("text"),
                                    QStringLiteral("path"), QStringLiteral("certificate-name")})
            QVERIFY2(acceptedKinds.contains(kind), qPrintable(kind));

        // Parse both sides and compare.
        QStringList args{QStringLiteral(MWB_PS_STRUCTURE), QStringLiteral(MWB_PSCHECK_DIR)};
        for (const Pair &p : pairs)
            args << p.benign << p.hostile;
        QProcess node;
        node.start(QStringLiteral(MWB_NODE), args);
        QVERIFY(node.waitForStarted(30000));
        QVERIFY(node.waitForFinished(540000));
        QCOMPARE(node.exitCode(), 0);
        const QJsonArray parsed = QJsonDocument::fromJson(node.readAllStandardOutput()).array();
        QCOMPARE(parsed.size(), pairs.size() * 2);
        for (int i = 0; i < pairs.size(); ++i) {
            const QJsonObject benign = parsed.at(2 * i).toObject();
            const QJsonObject hostile = parsed.at(2 * i + 1).toObject();
            const QString label = pairs.at(i).label;
            QCOMPARE(hostile.value(u"errors").toInt(), 0);
            QVERIFY2(hostile.value(u"shape").toString() == benign.value(u"shape").toString(), qPrintable(label));
            QVERIFY2(hostile.value(u"commands") == benign.value(u"commands"),
                     qPrintable(label + u'\n' + QString::fromUtf8(QJsonDocument(hostile.value(u"commands").toArray()).toJson())));
            QVERIFY(!hostile.value(u"commands").toArray().isEmpty());
        }

        // And pscheck (syntax, cmdlets, parameters, quoting) accepts every hostile script.
        QProcess pscheck;
        // Node writes a large report to a pipe asynchronously and may exit before it is all out;
        // to a file it writes synchronously, so the whole report is there to check.
        const QString reportPath = dir.filePath(QStringLiteral("pscheck-report.json"));
        pscheck.setStandardOutputFile(reportPath);
        pscheck.start(QStringLiteral(MWB_NODE), {QStringLiteral(MWB_PSCHECK_DIR "/pscheck.mjs"), QStringLiteral("--json"),
                                                 QStringLiteral("--exchange"), QStringLiteral("server"),
                                                 dir.filePath(QStringLiteral("hostile"))});
        QVERIFY(pscheck.waitForStarted(30000));
        QVERIFY(pscheck.waitForFinished(540000));
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
        if (pscheck.exitCode() != 0) {
            for (const QJsonValue &f : report.value(u"files").toArray())
                if (!f.toObject().value(u"ok").toBool())
                    qWarning().noquote() << f.toObject().value(u"file").toString()
                                         << QJsonDocument(f.toObject().value(u"diagnostics").toArray()).toJson();
        }
        QCOMPARE(pscheck.exitCode(), 0);
        QCOMPARE(report.value(u"summary").toObject().value(u"files").toInt(), int(pairs.size()));
    }
};

QTEST_GUILESS_MAIN(TestRemediationHostile)
#include "tst_remediation_hostile.moc"
