// `mwb check DOMAIN`: the whole-domain mail transport check on the core's DomainCheck, the same
// object the console's "Check domain…" runs.
#include "app/cli/commands.h"

#include "model/core/common/safetext.h"
#include "model/core/smtp/domaincheck.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

namespace mwb::cli {
namespace {

const QString kCheckUsage = QStringLiteral(
    "usage: mwb check DOMAIN [--resolver IP[:PORT]] [--ca-file PEM] [--expect-certificate-name '<I>issuer<S>subject']\n"
    "                        [--blocklist ZONE]... [--timeout S] [--json] [--report FILE.html]\n"
    "  --timeout S is the limit for each DNS question and each SMTP step (default 8 s)\n"
    "  exit 0 when no check failed (warnings allowed), 1 when one failed, 2 bad usage\n");

} // namespace

int runCheck(const QStringList &args, Io io)
{
    QString domain, resolverText, caFile, expected, reportPath, error;
    QStringList zones;
    bool json = false;
    int timeoutMs = 8000;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--json") {
            json = true;
        } else if (a == u"--resolver" || a == u"--ca-file" || a == u"--expect-certificate-name" || a == u"--report"
                   || a == u"--blocklist" || a == u"--timeout") {
            if (i + 1 >= args.size() || args.at(i + 1).isEmpty())
                return usageError(io, QStringLiteral("check"), QStringLiteral("%1 needs a value").arg(a), kCheckUsage);
            const QString value = args.at(++i);
            if (a == u"--resolver") {
                resolverText = value;
            } else if (a == u"--ca-file") {
                caFile = value;
            } else if (a == u"--expect-certificate-name") {
                expected = value;
            } else if (a == u"--report") {
                reportPath = value;
            } else if (a == u"--blocklist") {
                zones.append(value);
            } else {
                bool ok = false;
                const double s = value.toDouble(&ok);
                if (!ok || s <= 0 || s > 600)
                    return usageError(io, QStringLiteral("check"), QStringLiteral("--timeout wants seconds (0 < S <= 600), not '%1'").arg(value), kCheckUsage);
                timeoutMs = int(s * 1000);
            }
        } else if (a.startsWith(u'-') && a.size() > 1) {
            return usageError(io, QStringLiteral("check"), QStringLiteral("unknown option '%1'").arg(a), kCheckUsage);
        } else if (domain.isEmpty()) {
            domain = a;
        } else {
            return usageError(io, QStringLiteral("check"), QStringLiteral("one DOMAIN only ('%1' is extra)").arg(a), kCheckUsage);
        }
    }
    if (domain.isEmpty())
        return usageError(io, QStringLiteral("check"), QStringLiteral("DOMAIN is required"), kCheckUsage);
    if (!QHostAddress(domain).isNull())
        return usageError(io, QStringLiteral("check"), QStringLiteral("DOMAIN must be a domain name, not an address"), kCheckUsage);
    if (!expected.isEmpty() && (!expected.startsWith(QStringLiteral("<I>")) || !expected.contains(QStringLiteral("<S>"))))
        return usageError(io, QStringLiteral("check"), QStringLiteral("--expect-certificate-name wants '<I>issuer<S>subject'"), kCheckUsage);
    smtp::Resolver resolver;
    if (!resolverText.isEmpty() && !smtp::Resolver::parse(resolverText, &resolver, &error))
        return usageError(io, QStringLiteral("check"), error, kCheckUsage);
    QList<QSslCertificate> ca;
    if (!caFile.isEmpty() && !loadCaFile(caFile, &ca, &error))
        return usageError(io, QStringLiteral("check"), error, kCheckUsage);

    smtp::DomainCheck check(resolver);
    check.setTimeoutMs(timeoutMs);
    check.setCaCertificates(ca);
    check.setExpectedCertificateName(expected);
    if (!zones.isEmpty())
        check.setBlocklistZones(zones);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&check, &smtp::DomainCheck::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    // Last guard: DNS (a third of the limit per step, in at most three rounds), the MTA-STS fetch,
    // then the SMTP probes in parallel (three steps' worth at most), with a margin.
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(timeoutMs * 8);
    check.start(domain);
    if (!finished)
        loop.exec();
    if (!finished) {
        io.err << "mwb check: the check did not finish within " << timeoutMs * 8 / 1000 << " s\n";
        return 1;
    }
    const smtp::DomainCheckReport &report = check.report();
    if (!reportPath.isEmpty()) {
        QSaveFile file(reportPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(report.toHtml().toUtf8()) < 0 || !file.commit()) {
            io.err << "mwb check: cannot write " << escapeControls(reportPath) << ": " << escapeControls(file.errorString()) << "\n";
            return 3;
        }
    }
    if (json)
        io.out << escapeJsonControls(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)));
    else
        io.out << report.toText();
    io.out.flush();
    return report.failed() ? 1 : 0;
}

} // namespace mwb::cli
