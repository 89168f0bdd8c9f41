// Placeholder: implemented by its area (see docs/architecture.md).
#include "app/cli/commands.h"

namespace mwb::cli {

int runExport(const QStringList &args, Io io)
{
    Q_UNUSED(args);
    io.err << "mwb: this command is not implemented yet\n";
    return 2;
}

} // namespace mwb::cli
