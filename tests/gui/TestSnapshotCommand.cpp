// The real `citytwin --snapshot` under X (Xvfb), checked as a user would:
// the picture shows the city, options change it, bad input is refused
// clearly without a crash.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>

#include "GuiTestSupport.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::test;

namespace {

class SnapshotCommand : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        QString error;
        ASSERT_TRUE(ensureDisplay(&error)) << error.toStdString();
    }
    static QString out(const QString& name) { return outputDir() + "/" + name; }
    static QString testData(const QString& name) { return QString(kTestDataDir) + "/gui/" + name; }

    /// Runs a snapshot that must succeed and returns the image.
    static QImage snapshot(const QString& name, QStringList extra) {
        return snapshotImage(name, extra, QSize(800, 500));
    }
};

}  // namespace

TEST_F(SnapshotCommand, drawsTheShanghaiDemo) {
    const QImage img = snapshot("demo.png", {});
    ASSERT_FALSE(img.isNull());
    EXPECT_EQ(img.size(), QSize(800, 500));
    const ImageStats s = analyseImage(img);
    QString why;
    EXPECT_TRUE(looksLikeACity(s, &why)) << why.toStdString();
}

TEST_F(SnapshotCommand, theCityCheckFailsOnAnEmptyView) {
    // Negative control: with every layer hidden only the sky is left, and the
    // check that passes for the demo must fail here.
    const QImage img = snapshot(
        "empty.png", {"--hide-layer", "ground",        "--hide-layer", "buildings",
                      "--hide-layer", "roads",         "--hide-layer", "water",
                      "--hide-layer", "landuse",       "--hide-layer", "public_facilities",
                      "--hide-layer", "base_stations", "--hide-layer", "cables",
                      "--hide-layer", "works",         "--hide-layer", "protection_zones"});
    ASSERT_FALSE(img.isNull());
    EXPECT_FALSE(looksLikeACity(analyseImage(img)));
}

TEST_F(SnapshotCommand, hidingTheBuildingsLayerChangesThePicture) {
    const QImage with = snapshot("with_buildings.png", {"--view", "lujiazui"});
    const QImage without =
        snapshot("without_buildings.png", {"--view", "lujiazui", "--hide-layer", "buildings"});
    ASSERT_FALSE(with.isNull());
    ASSERT_FALSE(without.isNull());
    // The Lujiazui towers fill a good part of this view.
    EXPECT_GT(shareOfDifferentPixels(with, without), 0.05);
}

TEST_F(SnapshotCommand, namedViewAndCameraPlaceTheCamera) {
    const QImage top = snapshot("view_top.png", {"--view", "top"});
    const QImage cam = snapshot("camera.png", {"--camera", "121.4990,31.2330,300,30,-15"});
    ASSERT_FALSE(top.isNull());
    ASSERT_FALSE(cam.isNull());
    EXPECT_GT(shareOfDifferentPixels(top, cam), 0.3);
    // Straight down there is no sky and little shading, but a map's worth of colours.
    const ImageStats s = analyseImage(top);
    EXPECT_GT(s.differentFromBackground, 0.9);
    EXPECT_GT(s.distinctColours, 20);
}

TEST_F(SnapshotCommand, aNamedViewShowsItsNamesInTheChosenLanguage) {
    // The Huangpu, the major roads and the towers of Lujiazui, named.
    const QStringList view{"--view", "lujiazui", "--no-sensors"};
    const QImage en = snapshot("labels_en.png", view + QStringList{"--lang", "en"});
    const QImage zh = snapshot("labels_zh.png", view + QStringList{"--lang", "zh_CN"});
    const QImage none =
        snapshot("labels_none.png", view + QStringList{"--lang", "en", "--no-labels"});
    ASSERT_FALSE(en.isNull() || zh.isNull() || none.isNull());
    // Negative control: without labels the picture lacks the names' pixels.
    int named = 0;
    const QRect where = differingRegion(en, none, 24, &named);
    EXPECT_GT(named, 1000) << "no names drawn";
    EXPECT_GT(where.width(), 400) << "names in one spot only";
    // Another language: other names in the same places, nothing else changed.
    int renamed = 0;
    const QRect changed = differingRegion(en, zh, 24, &renamed);
    EXPECT_GT(renamed, 500) << "the names are the same in both languages";
    EXPECT_GT(changed.width(), 400);
    EXPECT_LT(shareOfDifferentPixels(en, zh), 0.05);  // the names, not the city
    int zhNamed = 0;
    differingRegion(zh, none, 24, &zhNamed);
    EXPECT_GT(zhNamed, 1000) << "no Chinese names drawn";
}

TEST_F(SnapshotCommand, dataGivenOnTheCommandLineIsFramed) {
    // Berlin blocks: far from the demo; the view must frame them.
    const QImage img = snapshot("berlin.png", {testData("berlin_blocks.geojson")});
    ASSERT_FALSE(img.isNull());
    const ImageStats s = analyseImage(img);
    EXPECT_GT(s.differentFromBackground, 0.3);
    EXPECT_GT(s.luminanceStdDev, 8.0);  // lit roofs and shaded walls, not a flat fill
}

TEST_F(SnapshotCommand, unreadableFilesGiveAClearErrorAndExitCode) {
    const QStringList bad{"/no/such/file.geojson", testData("truncated.geojson"),
                          testData("garbage.shp"), testData("no_crs.csv"), QString(kTestDataDir)};
    for (const QString& file : bad) {
        const ProcessResult r =
            runProgram("citytwin", {"--snapshot", out("bad.png"), "--size", "320x240", file});
        EXPECT_FALSE(r.crashed) << file.toStdString();
        EXPECT_FALSE(r.timedOut) << file.toStdString();
        EXPECT_EQ(r.exitCode, 1) << file.toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(file))
            << "stderr does not name " << file.toStdString() << ": " << r.err.toStdString();
    }
}

TEST_F(SnapshotCommand, badOptionsAreRefusedBeforeAnyWindowOpens) {
    struct Case {
        QStringList args;
        QString mentions;
    };
    const std::vector<Case> cases{{{"--size", "big"}, "--size"},
                                  {{"--camera", "121.5,31.2,900,0"}, "5 comma-separated"},
                                  {{"--camera", "121.5,north,900,0,-30"}, "lat"},
                                  {{"--view", "moon"}, "moon"},
                                  {{"--frobnicate"}, "--frobnicate"},
                                  {{"--snapshot"}, "--snapshot"}};
    for (const auto& c : cases) {
        const ProcessResult r = runProgram("citytwin", c.args, 30);
        EXPECT_EQ(r.exitCode, 2) << c.args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains(c.mentions)) << r.err.toStdString();
    }
}

TEST_F(SnapshotCommand, helpDocumentsEveryOption) {
    const ProcessResult r = runProgram("citytwin", {"--help"}, 30);
    EXPECT_EQ(r.exitCode, 0);
    for (const char* opt : {"--snapshot", "--size", "--view", "--camera", "--lang", "--hide-layer",
                            "--no-labels", "DATA"})
        EXPECT_TRUE(r.out.contains(opt)) << opt;
}

TEST(Translations, chineseCatalogueTranslatesEveryMessage) {
    QFile ts(QString(kRepoDataDir) + "/../app/i18n/citytwin_zh_CN.ts");
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly)) << ts.fileName().toStdString();
    const QString text = QString::fromUtf8(ts.readAll());
    EXPECT_GT(text.count("<message>"), 50);
    EXPECT_EQ(text.count("type=\"unfinished\""), 0) << "run update_translations and translate";
    EXPECT_EQ(text.count("type=\"vanished\""), 0);
}

TEST_F(SnapshotCommand, obliquePhotogrammetryAndGltfOpenFromTheCommandLine) {
    const QString shared(kSharedDataDir);
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(shared.toStdString() + "/07_oblique_osgb_citygml");
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(shared.toStdString() + "/06_3dtiles_gltf");
    // A real ContextCapture OSGB pyramid (tests only): textured photo mesh.
    const QImage osgb = snapshot(
        "osgb.png", {shared + "/07_oblique_osgb_citygml/osgb_Production_5_subset/metadata.xml"});
    ASSERT_FALSE(osgb.isNull());
    const ImageStats o = analyseImage(osgb);
    EXPECT_GT(o.differentFromBackground, 0.4);
    EXPECT_GT(o.distinctColours, 300);  // photo texture, not flat colours
    // A glTF model with no georeference, framed where it is placed.
    const QImage truck =
        snapshot("gltf.png", {shared + "/06_3dtiles_gltf/gltf_samples_from_google_draco/"
                                       "CesiumMilkTruck/glTF/CesiumMilkTruck.gltf"});
    ASSERT_FALSE(truck.isNull());
    EXPECT_GT(analyseImage(truck).distinctColours, 30);
}

TEST_F(SnapshotCommand, cityGmlBuildingsOpenFromTheCommandLine) {
    // Our own CityGML 2.0 file in EPSG:4549 (an LoD1 block and an LoD2 hall
    // by the Huangpu), framed where its CRS puts it. Negative control: the
    // same view with the layer hidden must differ where the buildings are.
    const QString file = QString(kTestDataDir) + "/citygml/shanghai_epsg4549_lod1_lod2.gml";
    const QImage with = snapshot("citygml.png", {file});
    const QImage without =
        snapshot("citygml_hidden.png", {file, "--hide-layer", "shanghai_epsg4549_lod1_lod2"});
    ASSERT_FALSE(with.isNull());
    ASSERT_FALSE(without.isNull());
    int changed = 0;
    const QRect region = differingRegion(with, without, 24, &changed);
    EXPECT_GT(changed, 400) << "the CityGML buildings drew nothing";
    EXPECT_FALSE(region.isEmpty());
    // Red-brown roofs among the changed pixels: the semantic colours reach the screen.
    int roofish = 0;
    for (int y = region.top(); y <= region.bottom(); ++y)
        for (int x = region.left(); x <= region.right(); ++x) {
            const QColor c = with.pixelColor(x, y);
            roofish += c.red() > c.green() + 40 && c.red() > c.blue() + 40 ? 1 : 0;
        }
    EXPECT_GT(roofish, 20);
}

TEST_F(SnapshotCommand, cityGmlSampleFromBerlinDraws) {
    const QString sample = QString(kSharedDataDir) +
                           "/07_oblique_osgb_citygml/citygml_from_libcitygml/"
                           "berlin_open_data_sample_data.citygml";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(sample.toStdString());
    const QImage with = snapshot("citygml_berlin.png", {sample});
    const QImage without = snapshot("citygml_berlin_hidden.png",
                                    {sample, "--hide-layer", "berlin_open_data_sample_data"});
    ASSERT_FALSE(with.isNull());
    ASSERT_FALSE(without.isNull());
    // 61 LoD2 buildings framed: a good part of the view, lit and shaded.
    EXPECT_GT(shareOfDifferentPixels(with, without), 0.05);
    EXPECT_GT(analyseImage(with).luminanceStdDev, 8.0);
}

TEST_F(SnapshotCommand, hiDpiDrawsTheWholeViewInDevicePixels) {
    // At a device pixel ratio of 2 the view is 400x250 logical pixels and the
    // framebuffer 800x500: the viewport must fill all of it, not a quarter.
    const QString path = out("hidpi.png");
    QFile::remove(path);
    const ProcessResult r = runProgram("citytwin", {"--snapshot", path, "--size", "400x250"}, 120,
                                       {"QT_SCALE_FACTOR=2"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QImage img(path);
    ASSERT_EQ(img.size(), QSize(800, 500));
    // Each quadrant shows city, not sky (a viewport of logical size would leave three empty).
    for (const QRect q : {QRect(0, 250, 400, 250), QRect(400, 250, 400, 250)}) {
        const ImageStats s = analyseImage(img.copy(q));
        EXPECT_GT(s.differentFromBackground, 0.5) << q.x() << "," << q.y();
    }
}

TEST_F(SnapshotCommand, helpDocumentsTheLogFileAndWhatTheMemoryBudgetCovers) {
    const ProcessResult r = runProgram("citytwin", {"--help"}, 30);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("--log-file")) << r.out.toStdString();
    // The README's wording: OSGB pyramids, terrain, 3D Tiles.
    EXPECT_TRUE(r.out.simplified().contains("OSGB pyramids, terrain, 3D Tiles"))
        << r.out.toStdString();
}

TEST_F(SnapshotCommand, logFileGetsWhatStderrGets) {
    const QString log = out("snapshot.log");
    QFile::remove(log);
    const QString missing = "/no/such/file.geojson";
    const ProcessResult r = runProgram("citytwin", {"--snapshot", out("logged.png"), "--size",
                                                    "320x240", "--log-file", log, missing});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(missing)) << r.err.toStdString();
    QFile file(log);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << log.toStdString();
    EXPECT_TRUE(QString::fromUtf8(file.readAll()).contains(missing));
    // A log file that cannot be written: exit 1, named, before any window.
    const ProcessResult bad =
        runProgram("citytwin", {"--log-file", "/no/such/dir/citytwin.log", "--version"}, 30);
    EXPECT_EQ(bad.exitCode, 0);  // --version exits before the log is opened
    const ProcessResult unwritable =
        runProgram("citytwin",
                   {"--snapshot", out("never.png"), "--log-file", "/no/such/dir/citytwin.log"}, 30);
    EXPECT_EQ(unwritable.exitCode, 1);
    EXPECT_TRUE(unwritable.err.contains("/no/such/dir/citytwin.log"))
        << unwritable.err.toStdString();
}

// Issue #19 item 6: a shapefile cut short (its .dbf here) fails a snapshot
// with exit 1 naming --allow-partial; with it, the features read are drawn.
TEST_F(SnapshotCommand, aTruncatedShapefileFailsUnlessPartialDataIsAllowed) {
    const QString dir = out("truncated_shapefile");
    QDir().mkpath(dir);
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) {
        QFile::remove(dir + "/three_squares" + ext);
        ASSERT_TRUE(
            QFile::copy(testData(QString("three_squares") + ext), dir + "/three_squares" + ext));
    }
    QFile dbf(dir + "/three_squares.dbf");
    ASSERT_TRUE(dbf.resize(dbf.size() - 10));  // into the last record
    const QString shp = dir + "/three_squares.shp";
    const ProcessResult refused =
        runProgram("citytwin", {"--snapshot", out("partial.png"), "--size", "320x240", shp});
    EXPECT_FALSE(refused.crashed) << refused.err.toStdString();
    EXPECT_EQ(refused.exitCode, 1) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("three_squares.dbf")) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("--allow-partial")) << refused.err.toStdString();

    const QImage img = snapshot("partial.png", {"--allow-partial", shp});
    ASSERT_FALSE(img.isNull());
    EXPECT_GT(analyseImage(img).differentFromBackground, 0.05);
    EXPECT_TRUE(runProgram("citytwin", {"--help"}).out.contains("--allow-partial"));
}

// Issue #19 item 6: longitude/latitude under a .prj of EPSG:3857 (ogr2ogr
// -a_srs on the demo's facilities) would be drawn in the Gulf of Guinea: the
// window's run says so naming WGS 84, and the same data under its own CRS
// draws without that warning.
TEST_F(SnapshotCommand, degreesUnderAWebMercatorPrjWarnNamingWgs84) {
    const QString dir = out("degrees_in_3857");
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString source = QString(kRepoDataDir) + "/demo/public_facilities.geojson";
    const QString wrong = dir + "/facilities3857.shp";
    const QString right = dir + "/facilities4326.shp";
    ASSERT_EQ(QProcess::execute("ogr2ogr", {"-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8",
                                            "-a_srs", "EPSG:3857", wrong, source}),
              0);
    ASSERT_EQ(QProcess::execute("ogr2ogr",
                                {"-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", right, source}),
              0);
    const ProcessResult warned = runProgram(
        "citytwin", {"--snapshot", out("degrees_in_3857.png"), "--size", "320x240", wrong});
    EXPECT_FALSE(warned.crashed) << warned.err.toStdString();
    EXPECT_EQ(warned.exitCode, 0) << warned.err.toStdString();  // a warning, not an error
    EXPECT_TRUE(warned.err.contains("look like degrees")) << warned.err.toStdString();
    EXPECT_TRUE(warned.err.contains("likely in EPSG:4326")) << warned.err.toStdString();
    EXPECT_TRUE(warned.err.contains("facilities3857.shp")) << warned.err.toStdString();

    const ProcessResult fine = runProgram(
        "citytwin", {"--snapshot", out("degrees_in_4326.png"), "--size", "320x240", right});
    EXPECT_EQ(fine.exitCode, 0) << fine.err.toStdString();
    EXPECT_FALSE(fine.err.contains("look like degrees")) << fine.err.toStdString();
}
