#pragma once
// One function per `mwb` sub-command (contract: ../shared/contracts/cli.md). Each gets the
// arguments after the command name and returns the process exit status:
// 0 success, 1 a check failed (probe), 2 bad usage, 3 some input could not be read.
#include <QList>
#include <QSslCertificate>
#include <QStringList>
#include <QTextStream>

namespace mwb::cli {

struct Io {
    QTextStream &out;
    QTextStream &err;
};

int runAnalyze(const QStringList &args, Io io);     // cmd_analyze.cpp
int runStats(const QStringList &args, Io io);       // cmd_analyze.cpp
int runScenarios(const QStringList &args, Io io);   // cmd_remediate.cpp
int runRemediate(const QStringList &args, Io io);   // cmd_remediate.cpp
int runProbe(const QStringList &args, Io io);       // cmd_probe.cpp
int runDns(const QStringList &args, Io io);         // cmd_probe.cpp
int runExport(const QStringList &args, Io io);      // cmd_export.cpp
int runCollectScript(const QStringList &args, Io io);   // cmd_collect.cpp
int runRoute(const QStringList &args, Io io);       // cmd_route.cpp

// Reads the PEM certificates of `--ca-file` (trusted roots added for private CAs and tests).
bool loadCaFile(const QString &path, QList<QSslCertificate> *out, QString *error);  // cmd_probe.cpp
int runCheck(const QStringList &args, Io io);       // cmd_check.cpp

// Shared helper: prints "mwb <command>: <message>" and the command's usage, returns 2.
int usageError(Io io, const QString &command, const QString &message, const QString &usage);

// The value of the option at args[i] (the next argument) into `target`, `i` moved onto it; false
// when the option is the last argument.
bool takeOptionValue(const QStringList &args, int &i, QString &target);

} // namespace mwb::cli
