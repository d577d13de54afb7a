// A paged tileset reads only its root at load; OSG's real DatabasePager
// reads the children of the tiles the camera comes near (through the
// pseudo-loader, on its own threads), and the memory budget expires the
// least recently seen ones again. The tileset is a synthetic quadtree of
// point tiles whose point counts tell the levels apart.

#include <gtest/gtest.h>

#include <osg/Group>
#include <osgDB/ReadFile>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "HeadlessPaging.h"
#include "TileTestBytes.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/PagedMemoryBudget.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"
#include "tiles/TileBoundingVolume.h"

#include <nlohmann/json.hpp>

using namespace citytwin;
using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

const geo::GeoPoint kCentre{121.5, 31.24, 0.0};
constexpr double kHalf = 10000.0;  // the root is 20 km square
constexpr int kLevel1Points = 10, kLevel2Points = 100;

/// `count` points on a line across a square tile (centre, half size), in
/// the tileset's east-north-up frame.
std::string pointTile(double cx, double cy, double half, int count) {
    std::string bin;
    for (int i = 0; i < count; ++i) {
        const double t = count == 1 ? 0.0 : -half + 2.0 * half * i / (count - 1);
        appendValues<float>(bin, {float(cx + 0.9 * t), float(cy + 0.9 * t), 10.0f});
    }
    while (bin.size() % 8)
        bin.push_back('\0');
    return makeTile(
        "pnts", R"({"POINTS_LENGTH":)" + std::to_string(count) + R"(,"POSITION":{"byteOffset":0}})",
        bin, "", "", "");
}

std::string box(double cx, double cy, double half) {
    return "[" + std::to_string(cx) + "," + std::to_string(cy) + ",10," + std::to_string(half) +
           ",0,0,0," + std::to_string(half) + ",0,0,0,50]";
}

/// Root (1 point), four level-1 tiles (10 points each), each with four
/// level-2 leaves (100 points each): 1,641 points when all is read.
class QuadtreeTileset {
public:
    explicit QuadtreeTileset(const std::string& refine, bool withVolumes = true)
        : _dir(fs::temp_directory_path() / ("citytwin_paging_" + std::to_string(::getpid()))) {
        fs::remove_all(_dir);
        fs::create_directories(_dir);
        write("root.pnts", pointTile(0, 0, kHalf, 1));
        std::string level1;
        for (int i = 0; i < 4; ++i) {
            const double x1 = (i & 1 ? 0.5 : -0.5) * kHalf, y1 = (i & 2 ? 0.5 : -0.5) * kHalf;
            std::string level2;
            for (int j = 0; j < 4; ++j) {
                const double x2 = x1 + (j & 1 ? 0.25 : -0.25) * kHalf;
                const double y2 = y1 + (j & 2 ? 0.25 : -0.25) * kHalf;
                const std::string name = "l2_" + std::to_string(i) + std::to_string(j) + ".pnts";
                write(name, pointTile(x2, y2, kHalf / 4, kLevel2Points));
                level2 += std::string(j ? "," : "") + R"({"geometricError":0,)" +
                          volume(x2, y2, kHalf / 4, withVolumes) + R"("content":{"uri":")" + name +
                          R"("}})";
            }
            const std::string name = "l1_" + std::to_string(i) + ".pnts";
            write(name, pointTile(x1, y1, kHalf / 2, kLevel1Points));
            level1 += std::string(i ? "," : "") + R"({"geometricError":20,)" +
                      volume(x1, y1, kHalf / 2, withVolumes) + R"("content":{"uri":")" + name +
                      R"("},"children":[)" + level2 + "]}";
        }
        // The root's transform puts the east-north-up frame at kCentre.
        const osg::Matrixd enu =
            render::enuPlacement(kCentre, 0.0, geo::LocalFrame({0, 0, 0})) *
            osg::Matrixd::inverse(render::ecefPlacement(geo::LocalFrame({0, 0, 0})));
        std::string transform = "[";
        for (int i = 0; i < 16; ++i)
            transform += (i ? "," : "") + std::to_string(enu.ptr()[i]);
        transform += "]";
        write("tileset.json", R"({"asset":{"version":"1.0"},"geometricError":500,"root":{)"
                              R"("geometricError":200,"refine":")" +
                                  refine + R"(","transform":)" + transform + "," +
                                  volume(0, 0, kHalf, true) +
                                  R"("content":{"uri":"root.pnts"},"children":[)" + level1 + "]}}");
    }
    ~QuadtreeTileset() { fs::remove_all(_dir); }
    std::string tileset() const { return (_dir / "tileset.json").string(); }

private:
    static std::string volume(double cx, double cy, double half, bool with) {
        return with ? R"("boundingVolume":{"box":)" + box(cx, cy, half) + "}," : "";
    }
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(_dir / name, std::ios::binary) << bytes;
    }
    fs::path _dir;
};

std::size_t pointsOf(osg::Node& node) {
    return render::surveyModel(node).points;
}

}  // namespace

TEST(TilesetPaging, onlyTheRootIsReadAtLoadAndTheNearTilesArePagedIn) {
    QuadtreeTileset tiles("REPLACE");
    const geo::LocalFrame frame(kCentre);
    // Read at once, everything is there.
    auto eager = render::loadTileset(tiles.tileset(), frame);
    ASSERT_TRUE(eager) << eager.messages();
    EXPECT_EQ(pointsOf(*eager->node), 1u + 4 * kLevel1Points + 16 * kLevel2Points);

    render::TilesetLoadOptions options;
    options.paged = true;
    auto paged = render::loadTileset(tiles.tileset(), frame, options);
    ASSERT_TRUE(paged) << paged.messages();
    EXPECT_FALSE(paged.hasErrors()) << paged.messages();
    EXPECT_EQ(pointsOf(*paged->node), 1u);
    EXPECT_EQ(render::surveyModel(*paged->node).unloadedChildFiles, 1u);
    // Its extent is the root's volume: 20 km around the centre.
    EXPECT_NEAR(paged->wgs84Extent.centerX(), kCentre.x, 1e-4);
    EXPECT_NEAR(paged->wgs84Extent.centerY(), kCentre.y, 1e-4);
    EXPECT_NEAR((paged->wgs84Extent.maxY - paged->wgs84Extent.minY) * 111195.0, 2 * kHalf, 200.0);

    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->addChild(paged->node);
    HeadlessPaging paging(root);
    // From 40 km up the root's error is small enough: nothing more is read.
    paging.settle({0, 0, 40000}, {0, 0, 0});
    EXPECT_EQ(pointsOf(*root), 1u);
    // Low over the south-west quarter: the level-1 tiles, then the leaves
    // of that quarter only (the others' centres are 10 km or more away,
    // beyond their 8.2 km switch distance).
    paging.settle({-5000, -5000, 500}, {-5000, -4990, 0});
    EXPECT_EQ(pointsOf(*root), 1u + 4 * kLevel1Points + 4 * kLevel2Points);
}

TEST(TilesetPaging, theBudgetExpiresTheTilesLeftBehind) {
    QuadtreeTileset tiles("ADD");
    const geo::LocalFrame frame(kCentre);
    render::TilesetLoadOptions options;
    options.paged = true;
    auto paged = render::loadTileset(tiles.tileset(), frame, options);
    ASSERT_TRUE(paged) << paged.messages();
    paged->node->setName("tiles");

    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->addChild(paged->node);
    osg::ref_ptr<render::PagedMemoryBudget> budget =
        new render::PagedMemoryBudget(std::size_t(1) << 30);
    root->addUpdateCallback(budget->makeUpdateCallback());
    HeadlessPaging paging(root);
    budget->setPager(paging.pager());
    budget->setCamera(paging.camera());

    paging.settle({-5000, -5000, 500}, {-5000, -4990, 0});
    const std::size_t oneQuarter = 1u + 4 * kLevel1Points + 4 * kLevel2Points;
    ASSERT_EQ(pointsOf(*root), oneQuarter);
    const std::size_t bytes = budget->pagedBytes();
    ASSERT_GT(bytes, 0u);
    // Room for one quarter's leaves, not two: flying to the north-east
    // quarter expires the south-west leaves, and the level-1 tiles stay.
    budget->setBudgetBytes(bytes + bytes / 4);
    paging.settle({5000, 5000, 500}, {5000, 5010, 0});
    EXPECT_EQ(pointsOf(*root), oneQuarter);
    EXPECT_GE(budget->expiredChildren(), 1u);
    EXPECT_LE(budget->pagedBytes(), bytes + bytes / 4);
    // And back: the south-west leaves are read again.
    paging.settle({-5000, -5000, 500}, {-5000, -4990, 0});
    EXPECT_EQ(pointsOf(*root), oneQuarter);
}

TEST(TilesetPaging, tilesWithoutABoundingVolumeAreReadAtOnceWithAWarning) {
    QuadtreeTileset tiles("REPLACE", /*withVolumes=*/false);
    render::TilesetLoadOptions options;
    options.paged = true;
    auto paged = render::loadTileset(tiles.tileset(), geo::LocalFrame(kCentre), options);
    ASSERT_TRUE(paged) << paged.messages();
    // The root has a volume and pages its children; those have none, so
    // their own children come with them.
    EXPECT_EQ(pointsOf(*paged->node), 1u);
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->addChild(paged->node);
    HeadlessPaging paging(root);
    paging.settle({-5000, -5000, 500}, {-5000, -4990, 0});
    EXPECT_EQ(pointsOf(*root), 1u + 4 * kLevel1Points + 16 * kLevel2Points);
}

TEST(TilesetPaging, aTileOfARemovedTilesetIsNotFoundQuietly) {
    std::string name;
    {
        QuadtreeTileset tiles("REPLACE");
        render::TilesetLoadOptions options;
        options.paged = true;
        auto paged = render::loadTileset(tiles.tileset(), geo::LocalFrame(kCentre), options);
        ASSERT_TRUE(paged) << paged.messages();
        struct FileName : osg::NodeVisitor {
            FileName() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
            std::string name;
            void apply(osg::PagedLOD& p) override { name = p.getFileName(1); }
        } v;
        paged->node->accept(v);
        name = v.name;
        ASSERT_NE(name.find(".citytwin_tiles"), std::string::npos) << name;
        // While the layer lives its tiles are found.
        EXPECT_TRUE(osgDB::readRefNodeFile(name));
    }
    EXPECT_FALSE(osgDB::readRefNodeFile(name));
    EXPECT_FALSE(osgDB::readRefNodeFile("12x_3.citytwin_tiles"));
}

TEST(TilesetPaging, aViewerRequestVolumeShowsItsTileOnlyFromInside) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(fs::path(kSharedDataDir) /
                                      "06_3dtiles_gltf/3d-tiles-samples");
    // The sample's point cloud has a 15 m request sphere around its origin.
    const fs::path dir =
        fs::path(kSharedDataDir) / "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume";
    const auto doc = nlohmann::json::parse(readText(dir / "tileset.json"));
    nlohmann::json points;
    for (const auto& child : doc["root"]["children"])
        if (child["content"]["uri"] == "points.pnts")
            points = child;
    ASSERT_TRUE(points.contains("viewerRequestVolume"));
    const auto& t = points["transform"];
    const geo::GeoPoint origin = geo::LocalFrame::ecefToGeographic(
        {t[12].get<double>(), t[13].get<double>(), t[14].get<double>()});
    // The city frame at the cloud's origin: the sphere is 15 m around (0, 0, 0).
    const geo::LocalFrame frame(origin);
    for (const bool paged : {false, true}) {
        SCOPED_TRACE(paged ? "paged" : "read at once");
        render::TilesetLoadOptions options;
        options.paged = paged;
        auto model = render::loadTileset((dir / "tileset.json").string(), frame, options);
        ASSERT_TRUE(model) << model.messages();
        osg::ref_ptr<osg::Group> root = new osg::Group;
        root->addChild(model->node);
        HeadlessPaging paging(root);
        paging.settle({0, -6, 3}, {0, 0, 0});
        paging.frame({0, -6, 3}, {0, 0, 0});
        EXPECT_EQ(paging.culledPoints(), 125000u);
        // 40 m away, looking at the same spot: outside the sphere, not drawn.
        paging.settle({0, -36, 18}, {0, 0, 0});
        paging.frame({0, -36, 18}, {0, 0, 0});
        EXPECT_EQ(paging.culledPoints(), 0u);
    }
}

TEST(TilesetPaging, boxSphereAndRegionVolumesHoldTheirInsideOnly) {
    // A box 20 x 10 x 4 m turned 90° about z, 1 km east of the origin,
    // under a transform that moves it 100 m north.
    const osg::Matrixd move = osg::Matrixd::translate(0, 100, 0);
    auto box = render::detail::TileBoundingVolume::parse(
        nlohmann::json::parse(R"({"box":[1000,0,0, 0,10,0, -5,0,0, 0,0,2]})"), move);
    ASSERT_TRUE(box);
    EXPECT_TRUE(box->containsEcef({1000, 100, 0}));
    EXPECT_TRUE(box->containsEcef({1004.9, 109.9, 1.9}));
    EXPECT_FALSE(box->containsEcef({1009, 100, 0}));  // x is the 5 m axis
    EXPECT_FALSE(box->containsEcef({1000, 111, 0}));
    EXPECT_FALSE(box->containsEcef({1000, 0, 0}));  // where it stood before the move
    EXPECT_EQ(box->ecefCorners.size(), 8u);

    auto sphere = render::detail::TileBoundingVolume::parse(
        nlohmann::json::parse(R"({"sphere":[0,0,0,15]})"), osg::Matrixd::scale(2, 2, 2) * move);
    ASSERT_TRUE(sphere);
    EXPECT_TRUE(sphere->containsEcef({0, 129, 0}));  // 29 m: inside 15 tile units of 2 m
    EXPECT_FALSE(sphere->containsEcef({0, 131, 0}));

    // Around Lujiazui, 0.01 rad a side, 0-100 m: the transform does not apply.
    const double w = 121.5 * M_PI / 180, s = 31.24 * M_PI / 180;
    nlohmann::json region = {{"region", {w, s, w + 0.01, s + 0.01, 0.0, 100.0}}};
    auto r = render::detail::TileBoundingVolume::parse(region, move);
    ASSERT_TRUE(r);
    auto ecef = [](double lon, double lat, double h) {
        const geo::Vec3d p = geo::LocalFrame::geographicToEcef({lon, lat, h});
        return osg::Vec3d(p.x, p.y, p.z);
    };
    EXPECT_TRUE(r->containsEcef(ecef(121.5 + 0.2, 31.24 + 0.2, 50)));
    EXPECT_FALSE(r->containsEcef(ecef(121.5 + 0.2, 31.24 + 0.2, 150)));
    EXPECT_FALSE(r->containsEcef(ecef(121.4, 31.24 + 0.2, 50)));

    EXPECT_FALSE(render::detail::TileBoundingVolume::parse(
        nlohmann::json::parse(R"({"box":[1,2,3]})"), move));
    EXPECT_FALSE(render::detail::TileBoundingVolume::parse(
        nlohmann::json::parse(R"({"region":[1,0,0,1,0,10]})"), move));  // west > east
    EXPECT_FALSE(render::detail::TileBoundingVolume::parse(nlohmann::json::parse("{}"), move));
}
