#pragma once
// Which of the paths an admin dropped or opened are worth a load, decided before the load starts
// (so that a dropped .docx is named at once, not after a minute of loading). The decision is the
// parser's own: a file is accepted when its head parses as a known format, so what the GUI
// accepts and what the loader reads cannot drift apart.
#include <QStringList>

namespace mwb::ingest {

struct PathCheck {
    QStringList accepted;   // absolute paths, in the order given
    QStringList skipped;    // "name — reason", for the admin
};

// Folders are accepted as they are (the loader reports what is inside); archives by extension or
// magic; other files by the format their first 64 KiB parse as. Empty entries are ignored.
PathCheck checkPaths(const QStringList &paths);

} // namespace mwb::ingest
