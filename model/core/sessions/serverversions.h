#pragma once
// Which Exchange build each server runs, as its own logs say: the "#Version:" header of the logs
// Exchange writes with its build (message tracking; protocol logs only carry the format's 15.0.0.0,
// which the parser reads as no build). The one lookup behind the server-out-of-support finding,
// the servers' versions in `mwb analyze` and the GUI's session details and server list.
#include "model/core/common/exchangebuild.h"
#include "model/core/sessions/types.h"

#include <QList>
#include <QString>

namespace mwb {

struct ServerVersion {
    QString server;            // as the first file of it spells it
    ExchangeBuild build;
    QList<int> files;          // indexes into the files: those whose header names this build
    qint64 firstMs = kNoTime;  // the span those files cover
    qint64 lastMs = kNoTime;
};

// One entry per server (names compared without case; files without a server count as the server
// ""): the newest build its files name. Newest is the build of the file with the latest records
// (a server upgraded during the logs' span runs what its last files say), the higher build when
// the times do not tell. Sorted by server name.
QList<ServerVersion> serverVersions(const QList<SourceFile> &files);
// The entry of `server` (without case), or an empty one (build.build empty) when its logs name none.
ServerVersion serverVersion(const QList<SourceFile> &files, const QString &server);

} // namespace mwb
