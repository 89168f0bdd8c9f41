// mwb — the headless twin of Mailflow Workbench. Dispatches to one function per sub-command.
#include "app/cli/commands.h"
#include "model/core/common/hugepagemalloc.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace {

const char kUsage[] =
    "usage: mwb <command> [options]\n"
    "\n"
    "commands:\n"
    "  --version                      print the version\n"
    "  analyze [--json] [--sessions] [--messages] [--report FILE.html] PATH...\n"
    "                                 load logs (files, folders, .zip/.gz/.tar.gz) and report findings\n"
    "  stats --json PATH...           load figures: bytes, lines, sessions, messages, speed\n"
    "  scenarios [--json]             list remediation scenarios\n"
    "  remediate SCENARIO [--param NAME=VALUE]... [--from-analysis FILE.json] [--out FILE.ps1] [--apply]\n"
    "                                 print the remediation PowerShell of one scenario\n"
    "  probe HOST[:PORT] [--starttls|--x-anonymoustls|--tls] [--ehlo NAME] [--expect-name FQDN] [--resolver IP]\n"
    "        [--tls-version 1.2|1.3] [--auth xoauth2 --user U (token on stdin)] [--timeout S] [--json]\n"
    "                                 one scripted SMTP check with TLS inspection\n"
    "  dns NAME|IP [--resolver IP[:PORT]] [--ca-file PEM] [--dkim-selector S] [--json]\n"
    "                                 MX, A/AAAA, PTR, SPF, DMARC, MTA-STS, TLS-RPT, TLSA and block list answers\n"
    "  check DOMAIN [--resolver IP[:PORT]] [--ca-file PEM] [--expect-certificate-name '<I>..<S>..'] [--json]\n"
    "               [--report FILE.html]  the whole-domain mail transport check (MX, STARTTLS, certificates, DANE, MTA-STS)\n"
    "  export --format ndjson|csv --what sessions|messages|findings [--redact] PATH...\n"
    "                                 results for Splunk, Elastic or ClickHouse\n"
    "  collect-script [--from TIME] [--to TIME] [--servers A,B] [--include-exo] [--out FILE.ps1]\n"
    "                                 the read-only evidence collection script (logs + configuration)\n"
    "  route --receive IP[:PORT] --server NAME | --send DOMAIN [--server NAME] [--json] PATH...\n"
    "                                 which connector and certificate the collected configuration selects\n";

} // namespace

namespace mwb::cli {

bool takeOptionValue(const QStringList &args, int &i, QString &target)
{
    if (i + 1 >= args.size())
        return false;
    target = args.at(++i);
    return true;
}

int usageError(Io io, const QString &command, const QString &message, const QString &usage)
{
    io.err << "mwb " << command << ": " << message << "\n" << usage;
    if (!usage.endsWith(u'\n'))
        io.err << "\n";
    io.err.flush();
    return 2;
}

} // namespace mwb::cli

int main(int argc, char **argv)
{
    mwb::restartWithHugePageMalloc(argv);   // before any thread: see hugepagemalloc.h
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mwb"));
    QCoreApplication::setOrganizationName(QStringLiteral("MailflowWorkbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MWB_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
    mwb::cli::Io io{out, err};

    QStringList args = app.arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        err << "mwb: a command is required\n" << kUsage;
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        out << "mwb " << MWB_VERSION << "\n";
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        out << kUsage;
        return 0;
    }
    int rc = 2;
    if (command == QLatin1String("analyze"))
        rc = mwb::cli::runAnalyze(args, io);
    else if (command == QLatin1String("stats"))
        rc = mwb::cli::runStats(args, io);
    else if (command == QLatin1String("scenarios"))
        rc = mwb::cli::runScenarios(args, io);
    else if (command == QLatin1String("remediate"))
        rc = mwb::cli::runRemediate(args, io);
    else if (command == QLatin1String("probe"))
        rc = mwb::cli::runProbe(args, io);
    else if (command == QLatin1String("dns"))
        rc = mwb::cli::runDns(args, io);
    else if (command == QLatin1String("check"))
        rc = mwb::cli::runCheck(args, io);
    else if (command == QLatin1String("export"))
        rc = mwb::cli::runExport(args, io);
    else if (command == QLatin1String("collect-script"))
        rc = mwb::cli::runCollectScript(args, io);
    else if (command == QLatin1String("route"))
        rc = mwb::cli::runRoute(args, io);
    else
        err << "mwb: unknown command '" << command << "'\n" << kUsage;
    out.flush();
    err.flush();
    return rc;
}
