#include "model/core/diagnosis/engine.h"
// Placeholder implementation; the diagnosis area replaces it.
namespace mwb {
struct DiagnosisEngine::Private {};
DiagnosisEngine::DiagnosisEngine() : d(std::make_unique<Private>()) {}
DiagnosisEngine::~DiagnosisEngine() = default;
Result<std::shared_ptr<DiagnosisEngine>> DiagnosisEngine::create(const QString &) { return std::shared_ptr<DiagnosisEngine>(new DiagnosisEngine); }
void DiagnosisEngine::sessionAssembled(const Store &, const Session &, const QList<SessionLine> &) {}
void DiagnosisEngine::loadFinished(const Store &) {}
QList<Finding> DiagnosisEngine::findings() const { return {}; }
} // namespace mwb
