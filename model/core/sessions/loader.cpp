#include "model/core/sessions/loader.h"
// Placeholder implementation; the ingest area replaces it.
namespace mwb {
std::shared_ptr<Store> Loader::loadSync(const QStringList &, const LoadOptions &) { return std::make_shared<Store>(); }
struct LoadJob::Private {};
LoadJob::LoadJob(QObject *parent) : QObject(parent), d(std::make_unique<Private>()) {}
LoadJob::~LoadJob() = default;
void LoadJob::start(const QStringList &, SessionObserver *) { Q_EMIT finished(std::make_shared<Store>(), false); }
void LoadJob::cancel() {}
bool LoadJob::isRunning() const { return false; }
} // namespace mwb
