// The main window in German: menus translated, sample logs loaded, a screenshot written to
// <build>/screenshots/mainwindow_de.png.
#include "app/gui/translations.h"
#include "views/shell/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

class TestGermanUi : public QObject {
    Q_OBJECT
private slots:
    void mainWindowShowsGermanMenusAndIsCaptured();
};

void TestGermanUi::mainWindowShowsGermanMenusAndIsCaptured()
{
    QCOMPARE(mwb::installTranslations(*qApp, QStringLiteral("de")), QStringLiteral("de"));
    mwb::views::MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text();
    QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(u'|')));
    QVERIFY2(menus.contains(QStringLiteral("&Hilfe")), qPrintable(menus.join(u'|')));
    QVERIFY(!menus.contains(QStringLiteral("&File")));

    const QString samples = QStringLiteral(MWB_SOURCE_DIR "/resources/samples");
    if (QDir(samples).exists()) {
        QSignalSpy finished(&window, &mwb::views::MainWindow::loadFinished);
        window.openPaths({samples});
        QVERIFY(finished.count() > 0 || finished.wait(120000));
    }
    QTest::qWait(200);  // one paint of the loaded views before grabbing

    const QString dir = QStringLiteral(MWB_BUILD_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/mainwindow_de.png");
    QVERIFY(window.grab().save(path));
    QVERIFY(QFileInfo(path).size() > 1000);
    qInfo("German UI screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestGermanUi)
#include "tst_german_ui.moc"
