// The real `citytwin --snapshot` with a DEM and an orthophoto (GeoTIFFs
// written here with GDAL, in EPSG:4549 and EPSG:4326): the picture must show
// the orthophoto's two colours draped on the terrain, which the tiles paged
// in by OSG's DatabasePager draw; without the orthophoto those colours are
// absent (negative control). Bad rasters are refused clearly.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>

#include "GuiTestSupport.h"
#include "SyntheticRasters.h"

using namespace citytwin::test;

namespace {

class TerrainSnapshot : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        QString error;
        ASSERT_TRUE(ensureDisplay(&error)) << error.toStdString();
        QDir().mkpath(dir());
        ASSERT_EQ(writeHillDem(dem().toStdString(), HillDem{}), "");
        ASSERT_EQ(writeSplitOrtho(ortho().toStdString(), SplitOrtho{}), "");
        HillDem noCrs;
        noCrs.withCrs = false;
        ASSERT_EQ(writeHillDem(noCrsDem().toStdString(), noCrs), "");
    }
    static void TearDownTestSuite() { QDir(dir()).removeRecursively(); }
    // One folder per process: ctest may run these tests in parallel.
    static QString dir() {
        return outputDir() + "/terrain_" + QString::number(QCoreApplication::applicationPid());
    }
    static QString dem() { return dir() + "/hill_dem.tif"; }
    static QString ortho() { return dir() + "/split_ortho.tif"; }
    static QString noCrsDem() { return dir() + "/no_crs_dem.tif"; }

    static QImage snapshot(const QString& name, const QStringList& data) {
        const QString path = outputDir() + "/" + name;
        QFile::remove(path);
        QStringList args{"--snapshot", path, "--size", "800x500"};
        args << data;
        const ProcessResult r = runProgram("citytwin", args, 180);
        EXPECT_FALSE(r.crashed) << r.err.toStdString();
        EXPECT_FALSE(r.timedOut);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QImage(path);
    }

    /// Shares of pixels in the orthophoto's red and blue (lit, so darker).
    static std::pair<double, double> redAndBlueShares(const QImage& img) {
        long red = 0, blue = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                if (c.red() > 110 && c.red() > 2 * c.green() && c.red() > 2 * c.blue())
                    ++red;
                if (c.blue() > 110 && c.blue() > 2 * c.red() && c.blue() > c.green() * 3 / 2)
                    ++blue;
            }
        const double n = double(img.width()) * img.height();
        return {red / n, blue / n};
    }
};

}  // namespace

TEST_F(TerrainSnapshot, orthophotoIsDrapedOnTheDem) {
    const QImage img = snapshot("terrain_dem_ortho.png", {dem(), ortho()});
    ASSERT_FALSE(img.isNull());
    ASSERT_EQ(img.size(), QSize(800, 500));
    const auto [red, blue] = redAndBlueShares(img);
    EXPECT_GT(red, 0.05);
    EXPECT_GT(blue, 0.05);
    EXPECT_GT(analyseImage(img).differentFromBackground, 0.4);
}

TEST_F(TerrainSnapshot, aDemAloneIsShadedByHeightWithoutTheOrthophotoColours) {
    const QImage img = snapshot("terrain_dem_only.png", {dem()});
    ASSERT_FALSE(img.isNull());
    const ImageStats s = analyseImage(img);
    EXPECT_GT(s.differentFromBackground, 0.4);
    EXPECT_GT(s.luminanceStdDev, 4.0);  // lit slopes of the hill
    const auto [red, blue] = redAndBlueShares(img);
    EXPECT_LT(red, 0.01);
    EXPECT_LT(blue, 0.01);
}

TEST_F(TerrainSnapshot, anOrthophotoAloneLiesOnTheGround) {
    const QImage img = snapshot("terrain_ortho_only.png", {ortho(), "--memory-budget", "64"});
    ASSERT_FALSE(img.isNull());
    const auto [red, blue] = redAndBlueShares(img);
    EXPECT_GT(red, 0.05);
    EXPECT_GT(blue, 0.05);
}

TEST_F(TerrainSnapshot, aDemWithoutCrsAndABadBudgetAreRefused) {
    const ProcessResult r = runProgram(
        "citytwin", {"--snapshot", outputDir() + "/bad.png", "--size", "320x240", noCrsDem()});
    EXPECT_FALSE(r.crashed);
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(noCrsDem())) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("CRS")) << r.err.toStdString();

    const ProcessResult b = runProgram("citytwin", {"--memory-budget", "lots"}, 30);
    EXPECT_EQ(b.exitCode, 2);
    EXPECT_TRUE(b.err.contains("--memory-budget")) << b.err.toStdString();
    const ProcessResult help = runProgram("citytwin", {"--help"}, 30);
    EXPECT_TRUE(help.out.contains("--memory-budget"));
}
