#pragma once
// Runs the project's log generator (tests/tools/loggen, path in MWB_LOGGEN_EXE) for the end-to-end
// diagnosis tests: logs into DIR/logs, the ground-truth manifest read back.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace loggenrun {

struct Generated {
    QString error;          // empty when the logs and the manifest were written
    QJsonObject manifest;
};

inline Generated generate(const QString &dir, const QStringList &extra)
{
    Generated g;
    QProcess p;
    const QString manifest = dir + QStringLiteral("/manifest.json");
    p.start(QStringLiteral(MWB_LOGGEN_EXE),
            QStringList{QStringLiteral("--out"), dir + QStringLiteral("/logs"), QStringLiteral("--manifest"), manifest} + extra);
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        g.error = QStringLiteral("mwb-loggen failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
        p.kill();
        p.waitForFinished(5000);
        return g;
    }
    QFile f(manifest);
    if (!f.open(QIODevice::ReadOnly)) {
        g.error = QStringLiteral("no manifest written");
        return g;
    }
    g.manifest = QJsonDocument::fromJson(f.readAll()).object();
    return g;
}

// The fault rules the generator knows (--list-faults), in its order.
inline QStringList faultRules()
{
    QProcess p;
    p.start(QStringLiteral(MWB_LOGGEN_EXE), {QStringLiteral("--list-faults")});
    if (!p.waitForFinished(30000))
        return {};
    QStringList rules;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QString id = QString::fromUtf8(line).trimmed().section(QLatin1Char(' '), 0, 0);
        if (!id.isEmpty())
            rules << id;
    }
    return rules;
}

} // namespace loggenrun
