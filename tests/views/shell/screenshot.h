#pragma once
// Where the view tests put their screenshots: <build>/screenshots always, and $MWB_SCREENSHOT_DIR
// too when set (docs/screenshots is refreshed that way, never implicitly by a test run).
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTest>
#include <QWidget>

namespace mwb::testing {

// Grabs `widget` after letting queued paints run; false when the image could not be written.
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    QTest::qWait(50);   // bounded: lets queued paints of the offscreen window run
    const QImage image = widget->grab().toImage();
    if (image.isNull())
        return false;
    const QString buildPath = QStringLiteral(MWB_BUILD_DIR "/screenshots/") + name;
    QDir().mkpath(QFileInfo(buildPath).path());
    if (!image.save(buildPath))
        return false;
    const QString extra = qEnvironmentVariable("MWB_SCREENSHOT_DIR");
    if (!extra.isEmpty()) {
        QDir().mkpath(extra);
        if (!image.save(extra + QLatin1Char('/') + name))
            return false;
    }
    return true;
}

} // namespace mwb::testing
