// The box framing fits: what a layer draws and what it declares (a paged
// tileset's root volume, before its tiles are read), taken in the frame of
// the place it lies, where a far layer's box is tight.

#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osg/Shape>
#include <osg/ShapeDrawable>

#include <cmath>
#include <filesystem>

#include "citytwin/render/CityScene.h"
#include "citytwin/render/DeclaredHull.h"
#include "citytwin/render/LocalVertical.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::render;
namespace fs = std::filesystem;

namespace {

const fs::path kFarCity = fs::path(test::kSharedDataDir) /
                          "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume/city";

}  // namespace

TEST(DeclaredHull, countsThroughTransformsWithTheDrawablesAndIsReplacedNotAdded) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    osg::ref_ptr<osg::MatrixTransform> moved =
        new osg::MatrixTransform(osg::Matrixd::translate(100, 0, 0));
    root->addChild(moved);
    osg::ref_ptr<osg::Group> paged = new osg::Group;
    moved->addChild(paged);
    declareHull(*paged, {{0, 0, 0}, {50, 50, 50}});
    declareHull(*paged, {{0, 0, 0}, {10, 20, 30}});  // the second replaces the first
    ASSERT_NE(declaredHullOf(*paged), nullptr);
    EXPECT_EQ(declaredHullOf(*paged)->size(), 2u);
    EXPECT_EQ(declaredHullOf(*root), nullptr);

    osg::BoundingBoxd box = boundsIn(*root, osg::Matrixd::identity());
    ASSERT_TRUE(box.valid());
    EXPECT_EQ(box._min, osg::Vec3d(100, 0, 0));
    EXPECT_EQ(box._max, osg::Vec3d(110, 20, 30));
    // A drawable beside it widens the box; another frame moves it all.
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(new osg::ShapeDrawable(new osg::Box({-5, 0, 0}, 2.f)));
    root->addChild(geode);
    box = boundsIn(*root, osg::Matrixd::translate(0, 0, -1000));
    EXPECT_NEAR(box.xMin(), -6.0, 1e-5);
    EXPECT_NEAR(box.xMax(), 110.0, 1e-9);
    EXPECT_NEAR(box.zMin(), -1001.0, 1e-5);
    EXPECT_NEAR(box.zMax(), -970.0, 1e-9);
}

TEST(DeclaredHull, aFarPagedTilesetIsBoxedByItsRootVolumeInItsOwnEastNorthUp) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kFarCity.string());
    // Shanghai's frame; the tileset lies in Philadelphia, 11,875 km away.
    const geo::LocalFrame frame({121.4998, 31.2397, 0.0});
    TilesetLoadOptions options;
    options.paged = true;
    auto model = loadTileset((kFarCity / "tileset.json").string(), frame, options);
    ASSERT_TRUE(model) << model.messages();
    CityScene scene;
    scene.enqueueLayer("city", model->node);
    scene.mergePending();
    ASSERT_NE(declaredHullOf(*model->node), nullptr) << "a paged tileset declares its root volume";

    const osg::BoundingBox cityBox = scene.layerBox("city");
    ASSERT_TRUE(cityBox.valid());
    const LocalVertical v = verticalAt(frame, osg::Vec3d(cityBox.center()));
    EXPECT_LT(v.up * osg::Vec3d(0, 0, 1), 0.0) << "Philadelphia's up is not Shanghai's";
    const osg::Matrixd toCity = v.toFrameAt(osg::Vec3d(cityBox.center()));
    const osg::BoundingBoxd local = scene.layerBoxIn("city", osg::Matrixd::inverse(toCity));
    ASSERT_TRUE(local.valid());
    // The root region: 8.19e-5 rad of longitude by 6.32e-5 rad of latitude
    // at 40.04°N, 0 to 20 m high (the region's bulge adds centimetres).
    const double lat = 0.69887;
    const double eastWest = 8.1918e-5 * 6378137.0 * std::cos(lat);
    const double northSouth = 6.3156e-5 * 6356752.0;
    EXPECT_NEAR(local.xMax() - local.xMin(), eastWest, 0.02 * eastWest);
    EXPECT_NEAR(local.yMax() - local.yMin(), northSouth, 0.02 * northSouth);
    EXPECT_NEAR(local.zMax() - local.zMin(), 20.0, 2.0);
    // In Shanghai's frame the same volume, tilted 107°, has a larger box,
    // and the box of the bound sphere (all there was before) a larger still.
    const double cityDiagonal = (cityBox._max - cityBox._min).length();
    const double localDiagonal = (local._max - local._min).length();
    EXPECT_GT(cityDiagonal, 1.15 * localDiagonal);
    const double sphereBoxDiagonal = 2.0 * std::sqrt(3.0) * model->node->getBound().radius();
    EXPECT_GT(sphereBoxDiagonal, 1.6 * localDiagonal);
}
