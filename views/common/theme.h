#pragma once
// Icons and colours that follow the system palette (light or dark), shared by every view.
#include <QColor>
#include <QIcon>
#include <QPalette>

namespace mwb::views {

// ":/icons/actions/<name>.svg" — SVG, so it stays sharp at any device pixel ratio.
QIcon actionIcon(const QString &name);
bool isDark(const QPalette &palette);

struct TranscriptColors {
    QColor client;       // text of client lines
    QColor server;       // text of server lines
    QColor info;         // '*', '+', '-' lines
    QColor gap;          // background of a row after a silence > 1 s
    QColor clientBack;
    QColor serverBack;
};
TranscriptColors transcriptColors(const QPalette &palette);

} // namespace mwb::views
