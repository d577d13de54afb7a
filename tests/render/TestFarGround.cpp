// A far layer stands on a ground of its own (FarGround.h): the city's ground
// plane lies in Shanghai's frame, and data opened thousands of kilometres
// away would otherwise float over the sky's horizon colour.

#include <gtest/gtest.h>

#include <osg/ComputeBoundsVisitor>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osg/ShapeDrawable>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include <cmath>
#include <filesystem>

#include "citytwin/render/CityScene.h"
#include "citytwin/render/FarGround.h"
#include "citytwin/render/LocalVertical.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::render;
namespace fs = std::filesystem;

namespace {

const geo::LocalFrame kShanghai({121.4998, 31.2397, 0.0});

/// A 40 x 40 x 30 m block standing `baseM` above the ellipsoid at lon/lat,
/// upright there (its own east-north-up), in Shanghai's frame.
osg::ref_ptr<osg::Node> blockAt(double lon, double lat, double baseM) {
    const geo::Vec3d p = kShanghai.toLocal({lon, lat, baseM});
    const LocalVertical v = verticalAt(kShanghai, {p.x, p.y, p.z});
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(new osg::ShapeDrawable(new osg::Box({0, 0, 15}, 40.f, 40.f, 30.f)));
    osg::ref_ptr<osg::MatrixTransform> xf = new osg::MatrixTransform(v.toFrameAt({p.x, p.y, p.z}));
    xf->addChild(geode);
    return xf;
}

/// The first surface straight down from `height` metres above `p` (along
/// the local vertical there), or nothing.
std::optional<osg::Vec3d> downFrom(osg::Node& root, const LocalVertical& v, const osg::Vec3d& p,
                                   double height) {
    osg::ref_ptr<osgUtil::LineSegmentIntersector> li =
        new osgUtil::LineSegmentIntersector(p + v.up * height, p - v.up * height);
    osgUtil::IntersectionVisitor iv(li.get());
    root.accept(iv);
    if (!li->containsIntersections())
        return std::nullopt;
    return li->getFirstIntersection().getWorldIntersectPoint();
}

}  // namespace

TEST(FarGround, aFarLayerGetsAGroundUnderItsLowestPointUprightThereAndNearOnesDoNot) {
    CityScene scene;
    scene.setFrame(kShanghai);
    // Philadelphia (11,875 km away), the block's base 25 m above the ellipsoid.
    scene.enqueueLayer("far", blockAt(-75.1652, 39.9526, 25.0));
    scene.enqueueLayer("near", blockAt(121.51, 31.24, 0.0));
    scene.enqueueLayer("ground", blockAt(121.4998, 31.2397, 0.0));
    // A submarine cable from the city 200 km out to sea: its centre lies
    // beyond 50 km, but it starts on the city's ground.
    osg::ref_ptr<osg::Geode> cable = new osg::Geode;
    cable->addDrawable(new osg::ShapeDrawable(new osg::Box({100e3, 0, 0}, 200e3f, 10.f, 10.f)));
    scene.enqueueLayer("cable", cable);
    scene.mergePending();
    scene.mergePending();
    EXPECT_EQ(scene.layerGround("near"), nullptr) << "the city's ground is the ground there";
    EXPECT_EQ(scene.layerGround("cable"), nullptr) << "a layer reaching the city needs none";
    EXPECT_EQ(scene.layerGround("ground"), nullptr);
    osg::Node* ground = scene.layerGround("far");
    ASSERT_NE(ground, nullptr) << "no ground under the far layer";

    // Under the block, at its base, level where it stands.
    const osg::Vec3d centre = scene.layerBound("far").center();
    const LocalVertical v = verticalAt(kShanghai, centre);
    osg::Vec3d corner = centre + v.east * 30.0;  // beside the block, not on it
    const auto hit = downFrom(*scene.root(), v, corner, 500.0);
    ASSERT_TRUE(hit) << "nothing under the far layer";
    EXPECT_NEAR(v.heightOf(*hit), 25.0, 0.05) << "the ground is not at the layer's base";
    osg::ComputeBoundsVisitor cbv;
    ground->accept(cbv);
    const osg::BoundingBox gb = cbv.getBoundingBox();
    ASSERT_TRUE(gb.valid());
    // Level there: its corners all at the base's height above the ellipsoid.
    const double half = (osg::Vec3d(gb._max) - osg::Vec3d(gb._min)).length() / 2.0;
    EXPECT_GT(half, kFarGroundMinHalfM) << "too small to stand in a view of the layer";
    EXPECT_LT(half, 2.0 * kFarGroundMaxHalfM) << "too large for the depth range";
    for (const double dx : {-0.9, 0.9})
        for (const double dy : {-0.9, 0.9}) {
            const osg::Vec3d at =
                centre + v.east * (dx * kFarGroundMinHalfM) + v.north * (dy * kFarGroundMinHalfM);
            const auto far = downFrom(*scene.root(), v, at, 500.0);
            ASSERT_TRUE(far) << "the ground does not reach " << dx << ", " << dy;
            EXPECT_NEAR(v.heightOf(*far), 25.0, 0.05);
        }

    // Counted in no bound: framing and "far from the others" see the data.
    EXPECT_LT(scene.layerBound("far").radius(), 100.0f);
    EXPECT_LT(scene.layerBox("far").radius(), 100.0f);

    // Hidden, shown and removed with its layer.
    scene.setLayerVisible("far", false);
    EXPECT_EQ(ground->getNodeMask(), 0u);
    scene.setLayerVisible("far", true);
    EXPECT_NE(ground->getNodeMask(), 0u);
    scene.removeLayer("far");
    EXPECT_EQ(scene.layerGround("far"), nullptr);
    EXPECT_FALSE(downFrom(*scene.root(), v, corner, 500.0)) << "the ground outlived its layer";
}

TEST(FarGround, aLayerMergedBeforeTheFrameIsKnownGetsItsGroundOnceItIs) {
    CityScene scene;
    scene.enqueueLayer("far", blockAt(-75.1652, 39.9526, 0.0));
    scene.mergePending();
    EXPECT_EQ(scene.layerGround("far"), nullptr) << "no frame: no way to tell up";
    scene.setFrame(kShanghai);
    EXPECT_EQ(scene.layerGround("far"), nullptr) << "changed outside the update phase";
    scene.mergePending();
    EXPECT_NE(scene.layerGround("far"), nullptr);
}

TEST(FarGround, thePhiladelphiaSampleStandsOnItsGround) {
    const fs::path city = fs::path(test::kSharedDataDir) /
                          "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume/city";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(city.string());
    TilesetLoadOptions options;
    options.paged = true;
    auto model = loadTileset((city / "tileset.json").string(), kShanghai, options);
    ASSERT_TRUE(model) << model.messages();
    CityScene scene;
    scene.setFrame(kShanghai);
    scene.enqueueLayer("city", model->node);
    scene.mergePending();
    ASSERT_NE(scene.layerGround("city"), nullptr);
    // Straight down beside the root volume (its 400 m square): the ground,
    // at the volume's lowest point (the region's 0 m; its bulge adds cm).
    const osg::Vec3d centre = scene.layerBound("city").center();
    const LocalVertical v = verticalAt(kShanghai, centre);
    const auto hit = downFrom(*scene.root(), v, centre + v.east * 600.0, 2000.0);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(v.heightOf(*hit), 0.0, 1.0);
}
