// The real `citytwin --snapshot` on 3D Tiles: a point cloud (pnts), an
// implicit quadtree (1.1 subtrees) and a tileset over HTTP from a local
// python3 server. Each picture must show the model, not just the sky.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../render/LocalHttpServer.h"
#include "GuiTestSupport.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSamples = fs::path(kSharedDataDir) / "06_3dtiles_gltf/3d-tiles-samples";

class TilesSnapshot : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        QString error;
        ASSERT_TRUE(ensureDisplay(&error)) << error.toStdString();
    }
    void SetUp() override { CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples); }
    static QString out(const QString& name) { return outputDir() + "/" + name; }

    static QImage snapshot(const QString& name, const QString& tileset) {
        const QString path = out(name);
        QFile::remove(path);
        const ProcessResult r =
            runProgram("citytwin", {"--snapshot", path, "--size", "800x500", tileset}, 300,
                       {"CITYTWIN_TILE_CACHE=" + outputDir() + "/tilecache"});
        EXPECT_FALSE(r.crashed) << r.err.toStdString();
        EXPECT_FALSE(r.timedOut);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QImage(path);
    }

    /// Not an empty sky: a real share of the picture is drawn.
    static void expectDrawn(const QImage& img, double minShare, int minColours) {
        ASSERT_FALSE(img.isNull());
        EXPECT_EQ(img.size(), QSize(800, 500));
        const ImageStats s = analyseImage(img);
        EXPECT_GT(s.differentFromBackground, minShare);
        EXPECT_GE(s.distinctColours, minColours);
    }

    /// A scratch copy of a sample folder under the tests' output folder.
    static fs::path copySample(const std::string& sample, const std::string& as) {
        const fs::path to = fs::path(outputDir().toStdString()) / "tiles" / as;
        fs::remove_all(to);
        fs::create_directories(to.parent_path());
        fs::copy(kSamples / sample, to, fs::copy_options::recursive);
        for (const auto& e : fs::recursive_directory_iterator(to))
            fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
        fs::permissions(to, fs::perms::owner_write, fs::perm_options::add);
        return to;
    }
};

/// The point cloud of the request-volume sample alone, with its own transform.
fs::path pointCloudTileset() {
    const fs::path dir = fs::path(outputDir().toStdString()) / "tiles/points";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(kSamples / "1.0/TilesetWithRequestVolume/points.pnts", dir / "points.pnts");
    std::ifstream in(kSamples / "1.0/TilesetWithRequestVolume/tileset.json");
    const auto doc = nlohmann::json::parse(in);
    nlohmann::json points;
    for (const auto& child : doc["root"]["children"])
        if (child["content"]["uri"] == "points.pnts")
            points = child;
    points.erase("viewerRequestVolume");
    const nlohmann::json tileset = {
        {"asset", {{"version", "1.0"}}}, {"geometricError", 10}, {"root", points}};
    std::ofstream(dir / "tileset.json") << tileset.dump(2);
    return dir / "tileset.json";
}

}  // namespace

TEST_F(TilesSnapshot, drawsThePointCloudTileset) {
    const QImage img =
        snapshot("tiles_points.png", QString::fromStdString(pointCloudTileset().string()));
    expectDrawn(img, 0.02, 8);  // points of many colours
}

TEST_F(TilesSnapshot, drawsTheImplicitQuadtreePlacedInShanghai) {
    // The sample is a unit square at the earth's centre (viewers place it
    // with a model matrix); a root transform puts it at People's Square,
    // 200 m a side, as its README does for Philadelphia.
    const fs::path dir = copySample("1.1/SparseImplicitQuadtree", "implicit");
    std::ifstream in(dir / "tileset.json");
    auto doc = nlohmann::json::parse(in);
    in.close();
    const double lon = 121.4737 * M_PI / 180.0, lat = 31.2304 * M_PI / 180.0, s = 200.0;
    constexpr double a = 6378137.0, e2 = 6.69437999014e-3;
    const double n = a / std::sqrt(1.0 - e2 * std::sin(lat) * std::sin(lat));
    const double x = (n + 10.0) * std::cos(lat) * std::cos(lon),
                 y = (n + 10.0) * std::cos(lat) * std::sin(lon),
                 z = (n * (1.0 - e2) + 10.0) * std::sin(lat);
    // Columns: east, north, up (scaled), then the origin; column-major.
    doc["root"]["transform"] = {-std::sin(lon) * s,
                                std::cos(lon) * s,
                                0.0,
                                0.0,
                                -std::sin(lat) * std::cos(lon) * s,
                                -std::sin(lat) * std::sin(lon) * s,
                                std::cos(lat) * s,
                                0.0,
                                std::cos(lat) * std::cos(lon) * s,
                                std::cos(lat) * std::sin(lon) * s,
                                std::sin(lat) * s,
                                0.0,
                                x,
                                y,
                                z,
                                1.0};
    std::ofstream(dir / "tileset.json") << doc.dump(2);
    const QImage img =
        snapshot("tiles_implicit.png", QString::fromStdString((dir / "tileset.json").string()));
    expectDrawn(img, 0.05, 2);  // 32 flat blue squares
}

TEST_F(TilesSnapshot, drawsATilesetServedOverHttp) {
    const fs::path dir = copySample("1.0/TilesetWithRequestVolume", "http/city");
    LocalHttpServer server(dir.parent_path().string());
    ASSERT_TRUE(server.ok()) << "python3 -m http.server did not start";
    const QImage img =
        snapshot("tiles_http.png", QString::fromStdString(server.url("city/tileset.json")));
    expectDrawn(img, 0.05, 4);  // shaded buildings
}

// A public sample without georeference (no root transform, houses around the
// Earth's centre): drawn at the frame's origin, with a warning that names
// the file and the missing georeference, not an empty view.
TEST_F(TilesSnapshot, aTilesetWithoutGeoreferenceIsDrawnAtTheFrameOriginWithAWarning) {
    const fs::path dir = copySample("1.1/MetadataGranularities", "local");
    const QString path = out("tiles_local.png");
    QFile::remove(path);
    const ProcessResult r = runProgram("citytwin",
                                       {"--snapshot", path, "--size", "800x500",
                                        QString::fromStdString((dir / "tileset.json").string())},
                                       300);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_NE(r.err.indexOf("local/tileset.json"), -1) << r.err.toStdString();
    EXPECT_NE(r.err.indexOf("no georeference"), -1) << r.err.toStdString();
    expectDrawn(QImage(path), 0.15, 16);  // houses and trees fill a good part of the view
}
