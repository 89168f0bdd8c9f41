// mwb::installTranslations: the language override and the system language pick the shipped .qm,
// Qt's own translation comes along, English installs nothing.
#include "app/gui/translations.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void englishInstallsNoTranslator();
    void germanOverrideTranslatesCoreStrings();
    void frenchOverrideTranslatesPluralsToo();
    void qtOwnStringsAreTranslatedWhenQtTranslationsAreInstalled();
    void unknownLanguageFallsBackToEnglish();
    void availableLanguagesListsTheShippedOnes();
};

void TestTranslations::cleanup()
{
    // Destroying a QTranslator removes it from the application.
    qDeleteAll(qApp->findChildren<QTranslator *>());
    QLocale::setDefault(QLocale::c());
}

void TestTranslations::englishInstallsNoTranslator()
{
    QCOMPARE(mwb::installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    QVERIFY(qApp->findChildren<QTranslator *>().isEmpty());
    QCOMPARE(QCoreApplication::translate("mwb::Report", "Summary"), QStringLiteral("Summary"));
}

void TestTranslations::germanOverrideTranslatesCoreStrings()
{
    QCOMPARE(mwb::installTranslations(*qApp, QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("mwb::Report", "Summary"), QStringLiteral("Zusammenfassung"));
    QCOMPARE(QCoreApplication::translate("mwb::Report", "Message journeys"), QStringLiteral("Nachrichtenwege"));
    QCOMPARE(QCoreApplication::translate("QObject", "%1 already exists.").arg(QStringLiteral("x")), QStringLiteral("x existiert bereits."));
    QCOMPARE(QLocale().language(), QLocale::German);  // numbers and dates follow the override
}

void TestTranslations::frenchOverrideTranslatesPluralsToo()
{
    QCOMPARE(mwb::installTranslations(*qApp, QStringLiteral("fr")), QStringLiteral("fr"));
    QCOMPARE(QCoreApplication::translate("mwb::Report", "Summary"), QStringLiteral("Résumé"));
    QCOMPARE(QCoreApplication::translate("mwb::Report", "(and %n more lines)", nullptr, 1), QStringLiteral("(et 1 autre ligne)"));
    QCOMPARE(QCoreApplication::translate("mwb::Report", "(and %n more lines)", nullptr, 5), QStringLiteral("(et 5 autres lignes)"));
}

void TestTranslations::qtOwnStringsAreTranslatedWhenQtTranslationsAreInstalled()
{
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFileInfo::exists(qtDir + QStringLiteral("/qtbase_de.qm")))
        QSKIP("qt6-translations-l10n is not installed");
    mwb::installTranslations(*qApp, QStringLiteral("de"));
    QCOMPARE(qApp->findChildren<QTranslator *>().size(), 2);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

void TestTranslations::unknownLanguageFallsBackToEnglish()
{
    QCOMPARE(mwb::installTranslations(*qApp, QStringLiteral("tlh")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("mwb::Report", "Summary"), QStringLiteral("Summary"));
}

void TestTranslations::availableLanguagesListsTheShippedOnes()
{
    const QStringList languages = mwb::availableLanguages();
    QCOMPARE(languages.value(0), QStringLiteral("en"));
    QVERIFY2(languages.contains(QStringLiteral("de")) && languages.contains(QStringLiteral("fr")), qPrintable(languages.join(u',')));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
