#pragma once
// Icons and colours that follow the system palette (light or dark), shared by every view.
#include <QColor>
#include <QIcon>
#include <QPalette>

namespace mwb::views {

// ":/icons/actions/<name>.svg" — SVG, so it stays sharp at any device pixel ratio.
QIcon actionIcon(const QString &name);
bool isDark(const QPalette &palette);

// Colours of SMTP transcripts: the session views (log transcripts) and the SMTP console (live
// transcripts) use the same ones, so a client line looks the same everywhere. Colour is never the
// only carrier: every view also prints the direction (arrows, "C"/"S") and a gap badge.
struct TranscriptColors {
    QColor client;       // text of client lines
    QColor server;       // text of server lines
    QColor info;         // '*', '+', '-' lines
    QColor gap;          // background of a row after a silence > 1 s
    QColor clientBack;
    QColor serverBack;
    QColor warning;      // text of the console's own warnings (e.g. "DATA sent without the terminator")
    QColor error;        // text of the console's own errors (connection refused, TLS failed)
};
TranscriptColors transcriptColors(const QPalette &palette);

// Verdict colours (certificate checks, DNS answers, "no reply for N s"), readable on the palette's
// base and window colours. Always paired with a word ("yes"/"LISTED"/"EXPIRED") by the caller.
struct StatusColors {
    QColor good;
    QColor bad;
};
StatusColors statusColors(const QPalette &palette);

} // namespace mwb::views
