#include "model/core/common/transcripttext.h"

#include "model/core/common/safetext.h"
#include "model/core/common/timeutil.h"

#include <QCoreApplication>

namespace mwb {

QString speakerArrow(Speaker speaker)
{
    switch (speaker) {
    case Speaker::Client: return QStringLiteral("C \u2192");
    case Speaker::Server: return QStringLiteral("S \u2190");
    case Speaker::Info: return QStringLiteral("\u00b7");
    case Speaker::Connect: return QStringLiteral("+");
    case Speaker::Disconnect: return QStringLiteral("\u2013");
    case Speaker::Warning: return QStringLiteral("!");
    case Speaker::Error: return QStringLiteral("!!");
    }
    return {};
}

QString silenceText(qint64 ms)
{
    return QCoreApplication::translate("mwb::Transcript", "%1 of silence").arg(formatDuration(ms));
}

QString transcriptTextLine(const QString &when, Speaker speaker, const QString &text)
{
    const QString arrow = speakerArrow(speaker);
    // Arrows are padded to one width so that the texts line up in a fixed-width font.
    const QString padded = arrow + QString(qMax<qsizetype>(0, 3 - arrow.size()), QLatin1Char(' '));
    return (when.isEmpty() ? QString() : when + QStringLiteral("  ")) + padded + QLatin1Char(' ') + escapeControls(text);
}

QString silenceTextLine(qint64 ms)
{
    return QStringLiteral("        \u2026 %1 \u2026").arg(silenceText(ms));
}

} // namespace mwb
