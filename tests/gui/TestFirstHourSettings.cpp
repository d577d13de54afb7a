// The remembered setup, the first window's size and the layer names, without
// a window (label unit): QSettings in a private directory per test.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include "layers/LayerSpec.h"
#include "layers/OpenFileFilters.h"
#include "shell/ScreenFit.h"
#include "shell/SetupSettings.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

class SetupSettingsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(_dir.isValid());
        QCoreApplication::setOrganizationName("citytwin");
        QCoreApplication::setApplicationName("citytwin-settings-test");
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, _dir.path());
    }
    QTemporaryDir _dir;
};

}  // namespace

TEST_F(SetupSettingsTest, recentFilesAreMostRecentFirstOnceEachAndBounded) {
    SetupSettings s;
    for (int i = 0; i < SetupSettings::kMaxRecentFiles + 3; ++i)
        s.addRecentFile(QStringLiteral("/data/f%1.gpkg").arg(i));
    s.addRecentFile("/data/f5.gpkg");
    const QStringList files = s.recentFiles();
    ASSERT_EQ(files.size(), SetupSettings::kMaxRecentFiles);
    EXPECT_EQ(files.front(), "/data/f5.gpkg");
    EXPECT_EQ(files.count("/data/f5.gpkg"), 1);
    s.removeRecentFile("/data/f5.gpkg");
    EXPECT_FALSE(s.recentFiles().contains("/data/f5.gpkg"));
}

TEST_F(SetupSettingsTest, theLastViewComesBackOnlyOverTheSameData) {
    SetupSettings s;
    s.setLastView({121.5, 31.24, 850.0, 30.0, -40.0}, "demo");
    auto pose = SetupSettings().lastView("demo");
    ASSERT_TRUE(pose.has_value());
    EXPECT_NEAR(pose->lon, 121.5, 1e-7);
    EXPECT_NEAR(pose->height, 850.0, 0.1);
    EXPECT_NEAR(pose->heading, 30.0, 0.01);
    EXPECT_FALSE(SetupSettings().lastView("/other/file.gpkg").has_value());
    // A damaged entry is not a view.
    QSettings().setValue("view/last", "121.5,north,850");
    EXPECT_FALSE(SetupSettings().lastView("demo").has_value());
}

TEST_F(SetupSettingsTest, layoutLanguageProjectAndZoomSettingPersist) {
    SetupSettings s;
    EXPECT_TRUE(s.zoomToNewLayers());  // on by default
    s.setZoomToNewLayers(false);
    s.setLanguage("zh_CN");
    s.setLastProject("/data/p.gpkg");
    s.saveLayout("geometry", "state");
    SetupSettings again;
    EXPECT_FALSE(again.zoomToNewLayers());
    EXPECT_EQ(again.language(), "zh_CN");
    EXPECT_EQ(again.lastProject(), "/data/p.gpkg");
    EXPECT_EQ(again.windowState(), "state");
    again.clearLayout();
    EXPECT_TRUE(SetupSettings().windowGeometry().isEmpty());
    EXPECT_TRUE(SetupSettings().windowState().isEmpty());
    EXPECT_EQ(SetupSettings().language(), "zh_CN");  // Reset layout keeps the rest
}

TEST(ScreenFit, theFirstWindowFitsTheAvailableAreaAndLeavesTheViewMostOfIt) {
    for (const QRect available : {QRect(0, 0, 1600, 1000), QRect(0, 0, 1280, 800),
                                  QRect(0, 24, 1600, 976), QRect(1600, 0, 1920, 1080)}) {
        const QRect r = fittedWindowRect(available);
        EXPECT_TRUE(available.contains(r)) << available.width() << "x" << available.height();
        EXPECT_GT(r.width(), available.width() * 9 / 10);
        const DockWidths d = dockWidthsFor(r.width());
        // The 3D view keeps at least half the width between the docks.
        EXPECT_GT(r.width() - d.left - d.right, r.width() / 2);
    }
    EXPECT_FALSE(fitsWithin(QRect(0, 0, 1970, 900), QRect(0, 0, 1600, 1000)));
}

TEST(LayerNames, tilesetsAndPyramidsAreNamedAfterTheirFolder) {
    QTemporaryDir dir;
    for (const char* sub : {"downtown", "harbour"}) {
        QDir(dir.path()).mkpath(sub);
        QFile f(dir.filePath(QString(sub) + "/tileset.json"));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    const auto specs = userLayerSpecs(
        {dir.filePath("downtown/tileset.json"), dir.filePath("harbour/tileset.json")});
    ASSERT_EQ(specs.size(), 2u);
    EXPECT_EQ(specs[0].displayName, "downtown/tileset.json");
    EXPECT_EQ(specs[1].displayName, "harbour/tileset.json");
    EXPECT_NE(specs[0].id, specs[1].id);
}

TEST(OpenFileFilters, allSupportedComesFirstAndNamesEveryFormatGroup) {
    const QStringList filters = openFileFilter().split(";;");
    ASSERT_GE(filters.size(), 7);
    EXPECT_TRUE(filters.front().startsWith("All supported ("));
    for (const char* pattern : {"metadata.xml", "tileset.json", "*.glb", "*.gltf", "*.osgb",
                                "*.osm", "*.gml", "*.citygml", "*.xml", "*.csv", "*.gpkg", "*.tif"})
        EXPECT_TRUE(filters.front().contains(pattern)) << pattern;
    EXPECT_TRUE(filters[1].startsWith("Vector data"));
    EXPECT_TRUE(filters[2].startsWith("3D models and tilesets"));
    EXPECT_TRUE(filters[3].startsWith("DEMs and orthophotos"));
    EXPECT_TRUE(filters[4].startsWith("Sensor positions"));
    EXPECT_EQ(filters[5], "CityGML city models (*.gml *.citygml *.xml)");
    EXPECT_EQ(filters.back(), "All files (*)");
}
