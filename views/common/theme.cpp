#include "views/common/theme.h"

namespace mwb::views {

QIcon actionIcon(const QString &name)
{
    return QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(name));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

TranscriptColors transcriptColors(const QPalette &palette)
{
    if (isDark(palette)) {
        return {QColor(0x8c, 0xb8, 0xff), QColor(0x8f, 0xe0, 0xa8), QColor(0xa0, 0xa8, 0xb4),
                QColor(0x5a, 0x47, 0x10), QColor(0x1d, 0x2a, 0x3d), QColor(0x1b, 0x33, 0x24)};
    }
    return {QColor(0x1f, 0x4f, 0xa8), QColor(0x1b, 0x6e, 0x36), QColor(0x6b, 0x72, 0x80),
            QColor(0xff, 0xec, 0xb3), QColor(0xee, 0xf4, 0xff), QColor(0xee, 0xfa, 0xf1)};
}

} // namespace mwb::views
