#include "model/core/sessions/store.h"
// Placeholder implementation; the ingest area replaces it.
namespace mwb {
class FileBytes {};
Store::Store() = default;
Store::~Store() = default;
QByteArrayView Store::fileBytes(int) const { return {}; }
void Store::setFileBytes(int i, std::shared_ptr<const FileBytes> b) { if (i >= int(m_bytes.size())) m_bytes.resize(i + 1); m_bytes[i] = std::move(b); }
QString Store::recordText(const RecordRef &) const { return {}; }
QList<SessionLine> Store::sessionLines(const Session &) const { return {}; }
int Store::messageIndexById(const QString &id) const { return messageById.value(id, -1); }
QList<int> Store::sessionsForMessageId(const QString &id) const { return sessionsByMessageId.value(id); }
} // namespace mwb
