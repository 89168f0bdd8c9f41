#include "model/core/sessions/serverversions.h"

#include <QHash>
#include <algorithm>

namespace mwb {

QList<ServerVersion> serverVersions(const QList<SourceFile> &files)
{
    QHash<QString, ServerVersion> byServer;   // lower-case server name
    for (int i = 0; i < files.size(); ++i) {
        const SourceFile &f = files.at(i);
        if (f.exchangeBuild.isEmpty())
            continue;
        ServerVersion &v = byServer[f.server.toLower()];
        const bool first = v.files.isEmpty();
        bool replace = first;
        if (!first && v.build.build != f.exchangeBuild) {
            const ExchangeBuild other = identifyExchangeBuild(f.exchangeBuild);
            replace = f.lastMs != kNoTime && v.lastMs != kNoTime && f.lastMs != v.lastMs
                ? f.lastMs > v.lastMs
                : exchangeBuildLess(v.build.build, other.build);
            if (!replace)
                continue;
        }
        if (replace) {
            if (first)
                v.server = f.server;
            v.build = identifyExchangeBuild(f.exchangeBuild);
            v.files.clear();
            v.firstMs = v.lastMs = kNoTime;
        }
        v.files << i;
        if (f.firstMs != kNoTime && (v.firstMs == kNoTime || f.firstMs < v.firstMs))
            v.firstMs = f.firstMs;
        if (f.lastMs != kNoTime && (v.lastMs == kNoTime || f.lastMs > v.lastMs))
            v.lastMs = f.lastMs;
    }
    QList<ServerVersion> out = byServer.values();
    std::sort(out.begin(), out.end(), [](const ServerVersion &a, const ServerVersion &b) {
        return a.server.compare(b.server, Qt::CaseInsensitive) < 0;
    });
    return out;
}

ServerVersion serverVersion(const QList<SourceFile> &files, const QString &server)
{
    for (const ServerVersion &v : serverVersions(files)) {
        if (v.server.compare(server, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

} // namespace mwb
