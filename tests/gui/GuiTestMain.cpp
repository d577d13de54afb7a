// main() of the in-process window tests: gtest, a display (the caller's or
// our own Xvfb), the GL surface format OSG needs, a QApplication in English.

#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>

#include "GuiTestSupport.h"
#include "shell/Translations.h"
#include "view/OsgView.h"

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    // Test discovery lists tests at build time, where there may be no display.
    if (GTEST_FLAG_GET(list_tests))
        return RUN_ALL_TESTS();
    QString error;
    if (!citytwin::test::ensureDisplay(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // The remembered setup (QSettings) of these tests is their own, fresh
    // each run: never the user's, never another test binary's.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    citytwin::app::OsgView::setDefaultSurfaceFormat();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("citytwin");
    // The sun follows the scene clock, which is the wall clock: pictures
    // taken at 19:00 would be of a night city. The tests' light is fixed,
    // as a user sets it (View > Lighting); TestSceneLighting sets the time.
    QSettings().setValue("view/lighting", "fixed");
    citytwin::app::installTranslators(app, "en");
    return RUN_ALL_TESTS();
}
