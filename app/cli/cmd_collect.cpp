// mwb collect-script: writes the read-only evidence collection script(s) (issue #31).
#include "app/cli/commands.h"
#include "model/core/collection/collectionscript.h"
#include "model/core/remediation/parameterkinds.h"
#include "model/core/remediation/powershellwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace mwb::cli {

namespace {

const char kCollectUsage[] =
    "usage: mwb collect-script [--from TIME] [--to TIME] [--servers A,B] [--include-exo] [--out FILE.ps1]\n"
    "  --from, --to     the window (ISO 8601 date or date-time, UTC unless an offset is given);\n"
    "                   default: the 24 hours before now\n"
    "  --servers        only these transport servers (default: every one Get-TransportService lists)\n"
    "  --include-exo    also write Collect-ExchangeOnlineEvidence.ps1 next to FILE.ps1 (needs --out)\n"
    "  --out            write the script to FILE.ps1 (UTF-8 with BOM, CRLF) instead of standard output\n"
    "The script is read-only: it runs Get-* cmdlets, copies log files and writes one zip.\n";

bool writeScriptFile(const QString &path, const QString &script, Io io)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(remediation::scriptFileBytes(script)) < 0 || !file.commit()) {
        io.err << "mwb collect-script: cannot write " << path << ": " << file.errorString() << "\n";
        return false;
    }
    io.err << "mwb collect-script: wrote " << path << "\n";
    return true;
}

} // namespace

int runCollectScript(const QStringList &args, Io io)
{
    const QString usage = QString::fromLatin1(kCollectUsage);
    const QString cmd = QStringLiteral("collect-script");
    QString fromText, toText, serversText, outPath;
    bool includeExo = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--include-exo") {
            includeExo = true;
        } else if (a == u"--from" || a == u"--to" || a == u"--servers" || a == u"--out") {
            QString &target = a == u"--from" ? fromText : a == u"--to" ? toText : a == u"--servers" ? serversText : outPath;
            if (!takeOptionValue(args, i, target))
                return usageError(io, cmd, QStringLiteral("%1 needs a value").arg(a), usage);
        } else {
            return usageError(io, cmd, QStringLiteral("unknown argument '%1'").arg(remediation::printableExcerpt(a)), usage);
        }
    }
    collection::CollectionRequest request;
    request.toolVersion = QStringLiteral(MWB_VERSION);
    request.to = QDateTime::currentDateTimeUtc();
    if (!toText.isEmpty()) {
        const auto t = collection::parseWindowTime(toText);
        if (!t.ok())
            return usageError(io, cmd, QStringLiteral("--to: %1").arg(t.errorMessage()), usage);
        request.to = t.value();
    }
    request.from = request.to.addDays(-1);
    if (!fromText.isEmpty()) {
        const auto f = collection::parseWindowTime(fromText);
        if (!f.ok())
            return usageError(io, cmd, QStringLiteral("--from: %1").arg(f.errorMessage()), usage);
        request.from = f.value();
    }
    if (!serversText.isEmpty()) {
        for (const QString &s : serversText.split(u',', Qt::SkipEmptyParts))
            request.servers.append(s.trimmed());
        if (request.servers.isEmpty())
            return usageError(io, cmd, QStringLiteral("--servers names no server"), usage);
    }
    if (includeExo && outPath.isEmpty())
        return usageError(io, cmd, QStringLiteral("--include-exo writes two files and needs --out"), usage);
    const auto scripts = collection::writeCollectionScripts(request, includeExo);
    if (!scripts.ok())
        return usageError(io, cmd, scripts.errorMessage(), usage);
    if (outPath.isEmpty()) {
        io.out << scripts->server;
        return 0;
    }
    if (!writeScriptFile(outPath, scripts->server, io))
        return 3;
    if (includeExo) {
        const QString exoPath = QFileInfo(outPath).absoluteDir().filePath(QStringLiteral("Collect-ExchangeOnlineEvidence.ps1"));
        if (QFileInfo(exoPath).absoluteFilePath() == QFileInfo(outPath).absoluteFilePath())
            return usageError(io, cmd, QStringLiteral("--out must not be named Collect-ExchangeOnlineEvidence.ps1 with --include-exo"), usage);
        if (!writeScriptFile(exoPath, scripts->exchangeOnline, io))
            return 3;
    }
    return 0;
}

} // namespace mwb::cli
