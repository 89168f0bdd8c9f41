#include "model/core/analysis/analysis.h"
// Placeholder implementation; the ingest area completes it.
#include "model/core/diagnosis/engine.h"

namespace mwb {

bool Analysis::hasUnreadableInput() const
{
    if (!store)
        return false;
    for (const SourceFile &f : store->files) {
        if (!f.errors.isEmpty() || f.format == LogFormat::Unknown)
            return true;
    }
    return false;
}

Analysis analyzePaths(const QStringList &paths, const LoadOptions &options)
{
    Analysis a;
    auto engine = DiagnosisEngine::create();
    LoadOptions o = options;
    if (engine.ok())
        o.observer = engine.value().get();
    a.store = Loader::loadSync(paths, o);
    if (engine.ok())
        a.findings = engine.value()->findings();
    return a;
}

QJsonObject analysisToJson(const Analysis &, const JsonOptions &)
{
    return {};
}

} // namespace mwb
