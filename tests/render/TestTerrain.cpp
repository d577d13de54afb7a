// Terrain layers from generated GeoTIFFs: a hill DEM in EPSG:4549 and an
// orthophoto in EPSG:4326 around central Shanghai. Tiles must land where
// the hill is, at its height, with the orthophoto's colours; bad rasters
// give errors that name the file.

#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/NodeVisitor>
#include <osg/Switch>
#include <osg/Texture2D>
#include <osgDB/ReadFile>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "HeadlessPaging.h"
#include "SyntheticRasters.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/render/CityScene.h"
#include "citytwin/render/TerrainLayer.h"
#include "citytwin/render/TerrainSource.h"
#include "citytwin/render/TerrainTileBuilder.h"

using namespace citytwin;
using namespace citytwin::render;
namespace fs = std::filesystem;

namespace {

class TerrainTest : public ::testing::Test {
protected:
    void SetUp() override {
        _dir = fs::temp_directory_path() / ("citytwin_terrain_" + std::to_string(::getpid()));
        fs::create_directories(_dir);
        ASSERT_EQ(test::writeHillDem(demPath(), _dem), "");
        ASSERT_EQ(test::writeSplitOrtho(orthoPath(), {}), "");
        test::toGaussKruger120(_dem.centreLon, _dem.centreLat, _e0, _n0);
    }
    void TearDown() override { fs::remove_all(_dir); }

    std::string demPath() const { return (_dir / "hill_dem.tif").string(); }
    std::string orthoPath() const { return (_dir / "split_ortho.tif").string(); }
    geo::LocalFrame frame() const { return geo::LocalFrame({_dem.centreLon, _dem.centreLat, 0}); }

    std::shared_ptr<const TerrainSource> open(const std::string& dem, const std::string& ortho) {
        TerrainOptions o;
        o.demPath = dem;
        o.imageryPath = ortho;
        auto s = TerrainSource::open(o);
        EXPECT_TRUE(s.ok()) << s.messages();
        return s.ok() ? s.value() : nullptr;
    }

    static const osg::Geometry* meshOf(const TerrainTile& tile) {
        const auto* geode = dynamic_cast<const osg::Geode*>(tile.node->getChild(0));
        return geode ? geode->getDrawable(0)->asGeometry() : nullptr;
    }

    fs::path _dir;
    test::HillDem _dem;
    double _e0 = 0, _n0 = 0;
};

}  // namespace

TEST_F(TerrainTest, sourceReadsTheDemInItsOwnProjectedCrs) {
    auto src = open(demPath(), "");
    ASSERT_TRUE(src);
    EXPECT_EQ(src->workingCrs().authorityCode(), "EPSG:4549");
    EXPECT_NEAR(src->maxHeight(), 100.0, 1.5);
    EXPECT_NEAR(src->minHeight(), 10.0, 0.5);
    EXPECT_TRUE(src->wgs84Extent().contains(_dem.centreLon, _dem.centreLat));
    // 2010 m over 32 grid steps reaches the DEM's 10 m pixels at level 3.
    EXPECT_EQ(src->maxLevel(), 3);
    const geo::Extent root = src->tileExtent({});
    EXPECT_NEAR(root.centerX(), _e0, 0.01);
    EXPECT_NEAR(root.centerY(), _n0, 0.01);
}

TEST_F(TerrainTest, tileVerticesLieAtTheirLocalPositionAndHeight) {
    auto src = open(demPath(), "");
    ASSERT_TRUE(src);
    TerrainTileBuilder builder(src, frame());
    auto toWgs84 =
        geo::CrsTransform::create(geo::Crs::fromString("EPSG:4549").value(), geo::Crs::wgs84());
    ASSERT_TRUE(toWgs84.ok());
    for (const TerrainTileKey key :
         {TerrainTileKey{0, 0, 0}, TerrainTileKey{3, 3, 4}, TerrainTileKey{2, 1, 1}}) {
        auto tile = builder.build(key);
        ASSERT_TRUE(tile.ok()) << tile.messages();
        const osg::Geometry* mesh = meshOf(tile.value());
        ASSERT_TRUE(mesh);
        const auto* v = static_cast<const osg::Vec3Array*>(mesh->getVertexArray());
        const int n = src->options().gridSize;
        const geo::Extent ext = src->tileExtent(key);
        const double step = (ext.maxX - ext.minX) / (n - 1);
        const osg::Matrixd m = tile->node->getMatrix();
        int checked = 0;
        double worstHeight = 0, worstPlace = 0;
        std::set<unsigned> used;
        for (unsigned i = 0; i < mesh->getPrimitiveSet(0)->getNumIndices(); ++i)
            used.insert(mesh->getPrimitiveSet(0)->index(i));
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i) {
                const unsigned k = unsigned(j * n + i);
                if (!used.count(k))
                    continue;
                const double e = ext.minX + i * step, no = ext.minY + j * step;
                const double h = test::hillHeight(_dem, e - _e0, no - _n0);
                auto g = toWgs84->transform({e, no, 0});
                ASSERT_TRUE(g.ok());
                const geo::Vec3d want = frame().toLocal({g->x, g->y, h});
                const osg::Vec3d got = osg::Vec3d((*v)[k]) * m;
                worstPlace = std::max(worstPlace, std::hypot(got.x() - want.x, got.y() - want.y));
                worstHeight = std::max(worstHeight, std::abs(got.z() - want.z));
                ++checked;
            }
        EXPECT_GT(checked, n * n / 2) << "level " << key.level;
        EXPECT_LT(worstPlace, 0.05) << "level " << key.level;
        EXPECT_LT(worstHeight, 1.0) << "level " << key.level;
    }
    // The hill top is at the frame's origin, 100 m up.
    auto top = builder.build({3, 3, 3});
    ASSERT_TRUE(top.ok());
    const osg::Geometry* mesh = meshOf(top.value());
    const auto* v = static_cast<const osg::Vec3Array*>(mesh->getVertexArray());
    osg::Vec3d highest(0, 0, -1e9);
    for (const auto& p : *v)
        if ((osg::Vec3d(p) * top->node->getMatrix()).z() > highest.z())
            highest = osg::Vec3d(p) * top->node->getMatrix();
    EXPECT_NEAR(highest.z(), 100.0, 1.0);
    EXPECT_LT(std::hypot(highest.x(), highest.y()), 10.0);
}

TEST_F(TerrainTest, aDemInDegreesIsTiledInMetresAroundItsCentre) {
    test::HillDem degrees = _dem;
    degrees.geographic = true;
    const std::string path = (_dir / "hill_4326.tif").string();
    ASSERT_EQ(test::writeHillDem(path, degrees), "");
    auto src = open(path, "");
    ASSERT_TRUE(src);
    EXPECT_EQ(src->sourceCrs().authorityCode(), "EPSG:4326");
    EXPECT_FALSE(src->workingCrs().isGeographic());  // a transverse Mercator at the centre
    const geo::Extent root = src->tileExtent({});
    EXPECT_NEAR(root.maxX - root.minX, 2010.0, 30.0);  // metres, not degrees
    TerrainTileBuilder builder(src, frame());
    // The hill top sits at the frame's origin, 100 m up, as in EPSG:4549.
    double top = -1e9;
    osg::Vec3d at;
    for (const TerrainTileKey key : {TerrainTileKey{3, 3, 3}, TerrainTileKey{3, 4, 4},
                                     TerrainTileKey{3, 3, 4}, TerrainTileKey{3, 4, 3}}) {
        auto tile = builder.build(key);
        ASSERT_TRUE(tile.ok()) << tile.messages();
        const auto* v = static_cast<const osg::Vec3Array*>(meshOf(tile.value())->getVertexArray());
        for (const auto& p : *v) {
            const osg::Vec3d w = osg::Vec3d(p) * tile->node->getMatrix();
            if (w.z() > top) {
                top = w.z();
                at = w;
            }
        }
    }
    EXPECT_NEAR(top, 100.0, 1.5);
    EXPECT_LT(std::hypot(at.x(), at.y()), 15.0);
}

TEST_F(TerrainTest, noDataPixelsLeaveAHoleNotASpike) {
    auto src = open(demPath(), "");
    ASSERT_TRUE(src);
    TerrainTileBuilder builder(src, frame());
    // The north-west corner tile holds the 200 m square of no-data pixels.
    auto tile = builder.build({3, 0, 7});
    ASSERT_TRUE(tile.ok()) << tile.messages();
    const int n = src->options().gridSize;
    EXPECT_GT(tile->validVertices, 0);
    EXPECT_LT(tile->validVertices, n * n);
    const osg::Geometry* mesh = meshOf(tile.value());
    const auto* v = static_cast<const osg::Vec3Array*>(mesh->getVertexArray());
    const osg::PrimitiveSet* tris = mesh->getPrimitiveSet(0);
    for (unsigned i = 0; i < tris->getNumIndices(); ++i) {
        const osg::Vec3d p = osg::Vec3d((*v)[tris->index(i)]) * tile->node->getMatrix();
        EXPECT_GT(p.z(), 0.0 - 300.0);  // skirts hang below, never -9999
    }
}

TEST_F(TerrainTest, orthophotoInAnotherCrsIsDrapedWithItsColours) {
    auto src = open(demPath(), orthoPath());
    ASSERT_TRUE(src);
    TerrainTileBuilder builder(src, frame());
    auto tile = builder.build({0, 0, 0});
    ASSERT_TRUE(tile.ok()) << tile.messages();
    const osg::Geometry* mesh = meshOf(tile.value());
    const auto* texture = dynamic_cast<const osg::Texture2D*>(
        mesh->getStateSet()->getTextureAttribute(0, osg::StateAttribute::TEXTURE));
    ASSERT_TRUE(texture);
    const osg::Image* image = texture->getImage();
    ASSERT_TRUE(image);
    auto colourAt = [&](double u, double v) {
        const int s = std::clamp(int(u * image->s()), 0, image->s() - 1);
        const int t = std::clamp(int(v * image->t()), 0, image->t() - 1);
        return image->getColor(s, t);
    };
    // The orthophoto splits at the hill's longitude (the frame's origin):
    // every vertex west of it must show red, east of it blue, whatever the
    // warp between EPSG:4326 and the DEM's EPSG:4549 did.
    const auto* v = static_cast<const osg::Vec3Array*>(mesh->getVertexArray());
    const auto* uv = static_cast<const osg::Vec2Array*>(mesh->getTexCoordArray(0));
    ASSERT_TRUE(uv);
    const int n = src->options().gridSize;
    int west = 0, east = 0;
    for (int k = 0; k < n * n; ++k) {
        const osg::Vec3d p = osg::Vec3d((*v)[k]) * tile->node->getMatrix();
        const osg::Vec4 c = colourAt((*uv)[k].x(), (*uv)[k].y());
        if (p.x() < -40) {  // beyond a few 9 m texels of the split
            EXPECT_GT(c.r(), 0.8f) << "west vertex at x=" << p.x();
            EXPECT_LT(c.b(), 0.3f);
            ++west;
        } else if (p.x() > 40) {
            EXPECT_GT(c.b(), 0.8f) << "east vertex at x=" << p.x();
            EXPECT_LT(c.r(), 0.3f);
            ++east;
        }
    }
    EXPECT_GT(west, n * n / 3);
    EXPECT_GT(east, n * n / 3);
}

TEST_F(TerrainTest, orthophotoAloneLiesOnTheGroundPlane) {
    auto src = open("", orthoPath());
    ASSERT_TRUE(src);
    EXPECT_EQ(src->sourceCrs().authorityCode(), "EPSG:4326");
    TerrainTileBuilder builder(src, frame());
    auto tile = builder.build({0, 0, 0});
    ASSERT_TRUE(tile.ok()) << tile.messages();
    const auto* v = static_cast<const osg::Vec3Array*>(meshOf(tile.value())->getVertexArray());
    const int n = src->options().gridSize;
    for (int k = 0; k < n * n; ++k) {
        const osg::Vec3d p = osg::Vec3d((*v)[k]) * tile->node->getMatrix();
        ASSERT_NEAR(p.z(), 0.0, 0.5);  // the Earth's curvature over 1.5 km: 0.2 m
    }
}

TEST_F(TerrainTest, badRastersGiveErrorsNamingTheFile) {
    test::HillDem noCrs = _dem;
    noCrs.withCrs = false;
    const std::string noCrsPath = (_dir / "no_crs.tif").string();
    ASSERT_EQ(test::writeHillDem(noCrsPath, noCrs), "");
    test::HillDem empty = _dem;
    empty.allNoData = true;
    const std::string emptyPath = (_dir / "all_nodata.tif").string();
    ASSERT_EQ(test::writeHillDem(emptyPath, empty), "");
    const std::string missing = (_dir / "missing.tif").string();

    struct Case {
        std::string dem, ortho, names, mentions;
    };
    for (const Case& c :
         {Case{noCrsPath, "", noCrsPath, "CRS"}, Case{emptyPath, "", emptyPath, "no-data"},
          Case{missing, "", missing, "no such file"}, Case{demPath(), noCrsPath, noCrsPath, "CRS"},
          Case{"", "", "", "DEM or an orthophoto"}}) {
        TerrainOptions o;
        o.demPath = c.dem;
        o.imageryPath = c.ortho;
        auto s = TerrainSource::open(o);
        EXPECT_FALSE(s.ok()) << c.names;
        EXPECT_NE(s.messages().find(c.names), std::string::npos) << s.messages();
        EXPECT_NE(s.messages().find(c.mentions), std::string::npos) << s.messages();
    }
}

TEST_F(TerrainTest, thePagerLoadsFinerTilesThroughThePseudoLoader) {
    auto src = open(demPath(), orthoPath());
    ASSERT_TRUE(src);
    auto layer = buildTerrainLayer(src, frame());
    ASSERT_TRUE(layer.ok()) << layer.messages();
    osg::ref_ptr<osg::Group> root = new osg::Group;
    osg::ref_ptr<osg::Switch> sw = new osg::Switch;
    sw->setName("terrain");
    sw->addChild(layer.value());
    root->addChild(sw);

    auto levelsLoaded = [&] {
        struct Levels : osg::NodeVisitor {
            Levels() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
            std::set<int> levels;
            void apply(osg::Transform& t) override {
                int level = -1;
                if (std::sscanf(t.getName().c_str(), "terrain %d/", &level) == 1)
                    levels.insert(level);
                traverse(t);
            }
        } v;
        root->accept(v);
        return v.levels;
    };
    EXPECT_EQ(levelsLoaded(), std::set<int>{0});
    test::HeadlessPaging paging(root);
    // Low over the hill top, looking at it: the finest level is wanted there.
    paging.settle({0, -150, 250}, {0, 0, 90});
    EXPECT_EQ(levelsLoaded(), (std::set<int>{0, 1, 2, 3}));
    // A tile of a layer that does not exist (any more) is not found, quietly.
    EXPECT_FALSE(osgDB::readRefNodeFile(terrainChildrenFileName(987654, {})));
}

// Issue #19 item 3: raster reads stop when the layer goes or the window
// closes (the pager's threads must not keep either waiting).
TEST_F(TerrainTest, cancelledReadsFailWithoutReadingAndOpenHonoursItsFlag) {
    auto src = open(demPath(), orthoPath());
    ASSERT_TRUE(src);
    ASSERT_TRUE(src->readHeights({}).ok());
    src->cancelReads();
    auto heights = src->readHeights({1, 0, 0});
    ASSERT_FALSE(heights.ok());
    EXPECT_EQ(heights.diagnostics().front().field, "cancelled") << heights.messages();
    auto texture = src->readTexture({1, 0, 0});
    ASSERT_FALSE(texture.ok());
    EXPECT_EQ(texture.diagnostics().front().field, "cancelled") << texture.messages();

    std::atomic<bool> closing{true};
    TerrainOptions o;
    o.demPath = demPath();
    auto opened = TerrainSource::open(o, &closing);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.diagnostics().front().field, "cancelled") << opened.messages();
}

TEST_F(TerrainTest, removingTheLayerOrCancellingTheSceneStopsItsPagedReads) {
    CityScene scene;
    auto removed = open(demPath(), orthoPath());
    auto kept = open(demPath(), {});
    ASSERT_TRUE(removed && kept);
    for (const auto& [id, src] : {std::pair{"removed", removed}, std::pair{"kept", kept}}) {
        auto layer = buildTerrainLayer(src, frame());
        ASSERT_TRUE(layer.ok()) << layer.messages();
        scene.enqueueLayer(id, layer.value());
    }
    while (scene.pendingCount() > 0)
        scene.mergePending();
    ASSERT_TRUE(scene.hasLayer("removed") && scene.hasLayer("kept"));
    EXPECT_FALSE(removed->readsCancelled());
    scene.removeLayer("removed");
    EXPECT_TRUE(removed->readsCancelled());
    EXPECT_FALSE(kept->readsCancelled());
    scene.cancelPagedReads();  // the window closing
    EXPECT_TRUE(kept->readsCancelled());
}
