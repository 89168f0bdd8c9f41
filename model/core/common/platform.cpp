// The parts of the platform seam that are the same everywhere.
#include "model/core/common/platform.h"

namespace mwb::platform {

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Missing: return QStringLiteral("missing");
    case FileKind::Regular: return QStringLiteral("file");
    case FileKind::Directory: return QStringLiteral("folder");
    case FileKind::Fifo: return QStringLiteral("named pipe");
    case FileKind::Socket: return QStringLiteral("socket");
    case FileKind::CharDevice: return QStringLiteral("character device");
    case FileKind::BlockDevice: return QStringLiteral("block device");
    case FileKind::Other: return QStringLiteral("special file");
    }
    return QStringLiteral("special file");
}

} // namespace mwb::platform
