// mwb-loggen command line. Exit 0 on success, 2 on bad usage, 1 when writing failed.
#include "loggen.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <string>

namespace {

const char *kUsage =
    "usage: mwb-loggen --out DIR [--seed N] [--sessions N] [--servers EX01,EX02,EDGE01] [--start ISO]\n"
    "                  [--fault RULE[:COUNT]]... [--healthy-only] [--target-bytes SIZE] [--tracking-bytes SIZE]\n"
    "                  [--exchange 2010|2013|2016|2019] [--manifest FILE.json] [--max-file-bytes SIZE]\n"
    "                  [--mean-gap-ms N] [--sessions-per-gib N] [--multiline-ehlo] [--no-exo] [--list-faults]\n"
    "Writes realistic Exchange protocol logs, message tracking logs and EXO message trace exports.\n";

int usage(const std::string &message)
{
    std::fprintf(stderr, "mwb-loggen: %s\n%s", message.c_str(), kUsage);
    return 2;
}

bool parseInt(const QString &text, long long min, long long max, long long &out)
{
    bool ok = false;
    const long long v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    out = v;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    loggen::Options o;
    o.startMs = QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    bool gapGiven = false;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        auto value = [&](QString &v) {
            if (i + 1 >= args.size())
                return false;
            v = args[++i];
            return true;
        };
        QString v;
        long long n = 0;
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--list-faults") {
            for (const std::string &r : loggen::faultRules())
                std::printf("%s\n", r.c_str());
            return 0;
        } else if (a == "--healthy-only") {
            o.healthyOnly = true;
        } else if (a == "--no-exo") {
            o.exo = false;
        } else if (a == "--multiline-ehlo") {
            o.multilineEhlo = true;
        } else if (a == "--out") {
            if (!value(v) || v.isEmpty())
                return usage("--out needs a folder");
            o.outDir = v.toStdString();
        } else if (a == "--seed") {
            if (!value(v) || !parseInt(v, 0, (1LL << 62), n))
                return usage("--seed needs a non-negative number");
            o.seed = static_cast<std::uint64_t>(n);
        } else if (a == "--sessions") {
            if (!value(v) || !parseInt(v, 0, 100000000, n))
                return usage("--sessions needs a number 0..100000000");
            o.sessions = static_cast<int>(n);
        } else if (a == "--servers") {
            if (!value(v))
                return usage("--servers needs a list such as EX01,EX02,EDGE01");
            o.servers.clear();
            for (const QString &s : v.split(',', Qt::SkipEmptyParts)) {
                const QString name = s.trimmed();
                if (name.isEmpty() || name.size() > 15 || name.contains(QLatin1Char('/')) ||
                    name.contains(QLatin1Char('\\')) || name.contains(QLatin1Char('.')))
                    return usage("bad server name '" + s.toStdString() + "'");
                o.servers.push_back(name.toUpper().toStdString());
            }
            if (o.servers.empty())
                return usage("--servers needs at least one name");
        } else if (a == "--start") {
            if (!value(v))
                return usage("--start needs an ISO 8601 UTC time");
            QDateTime dt = QDateTime::fromString(v, Qt::ISODateWithMs);
            if (!dt.isValid())
                return usage("cannot read --start '" + v.toStdString() + "'");
            if (dt.timeSpec() == Qt::LocalTime)
                dt.setTimeSpec(Qt::UTC);
            o.startMs = dt.toMSecsSinceEpoch();
        } else if (a == "--fault") {
            if (!value(v))
                return usage("--fault needs a rule id (see --list-faults)");
            int count = 1;
            QString rule = v;
            if (const qsizetype colon = v.indexOf(':'); colon > 0) {
                rule = v.left(colon);
                if (!parseInt(v.mid(colon + 1), 1, 100000, n))
                    return usage("bad fault count in '" + v.toStdString() + "'");
                count = static_cast<int>(n);
            }
            const auto &rules = loggen::faultRules();
            if (std::find(rules.begin(), rules.end(), rule.toStdString()) == rules.end())
                return usage("unknown fault rule '" + rule.toStdString() + "' (see --list-faults)");
            o.faults.emplace_back(rule.toStdString(), count);
            o.faultsGiven = true;
        } else if (a == "--target-bytes" || a == "--tracking-bytes" || a == "--max-file-bytes") {
            if (!value(v))
                return usage(a.toStdString() + " needs a size such as 1G, 200M or 65536");
            const std::int64_t size = loggen::parseByteSize(v.toStdString());
            if (size < 0)
                return usage("cannot read size '" + v.toStdString() + "'");
            if (a == "--target-bytes")
                o.targetBytes = size;
            else if (a == "--tracking-bytes")
                o.trackingBytes = size;
            else
                o.maxFileBytes = size;
        } else if (a == "--exchange") {
            if (!value(v) || !parseInt(v, 2010, 2019, n) || (n != 2010 && n != 2013 && n != 2016 && n != 2019))
                return usage("--exchange takes 2010, 2013, 2016 or 2019");
            o.exchange = static_cast<int>(n);
        } else if (a == "--manifest") {
            if (!value(v) || v.isEmpty())
                return usage("--manifest needs a file name");
            o.manifestPath = v.toStdString();
        } else if (a == "--mean-gap-ms") {
            if (!value(v) || !parseInt(v, 1, 3600000, n))
                return usage("--mean-gap-ms needs a number 1..3600000");
            o.meanGapMs = static_cast<double>(n);
            gapGiven = true;
        } else if (a == "--sessions-per-gib") {
            if (!value(v) || !parseInt(v, 1000, 100000000, n))
                return usage("--sessions-per-gib needs a number");
            o.sessionsPerGiB = n;
        } else {
            return usage("unknown argument '" + a.toStdString() + "'");
        }
    }
    if (o.outDir.empty())
        return usage("--out DIR is required");
    if (o.healthyOnly && o.faultsGiven)
        return usage("--healthy-only and --fault exclude each other");
    if (o.targetBytes > 0 && !gapGiven)
        o.meanGapMs = 40.0;   // a busy organisation: many concurrent sessions per file
    if (!QDir().mkpath(QString::fromStdString(o.outDir))) {
        std::fprintf(stderr, "mwb-loggen: cannot create %s\n", o.outDir.c_str());
        return 1;
    }
    std::string error;
    if (!loggen::generate(o, error)) {
        std::fprintf(stderr, "mwb-loggen: %s\n", error.c_str());
        return 1;
    }
    return 0;
}
