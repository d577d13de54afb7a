// The point under a pixel where no scene is (render/FeaturePicker's
// pickLocalPoint): the ground plane it falls back to. At data far round the
// globe the frame's z = 0 plane is met thousands of km away, which is what
// made the wheel lose a far tileset; the ground of the vertical there is met
// right below the camera.

#include <gtest/gtest.h>

#include <osg/Camera>
#include <osg/Math>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/FeaturePicker.h"
#include "citytwin/render/LocalVertical.h"

using namespace citytwin;
using namespace citytwin::render;

namespace {

/// A camera with nothing to draw, 400 m from `v.ground`, looking down 35°
/// from the south of that vertical.
osg::ref_ptr<osg::Camera> cameraAbove(const LocalVertical& v) {
    osg::ref_ptr<osg::Camera> cam = new osg::Camera;
    cam->setViewport(0, 0, 800, 500);
    cam->setProjectionMatrixAsPerspective(35.0, 800.0 / 500.0, 1.0, 1e5);
    const double pitch = osg::DegreesToRadians(-35.0);
    const osg::Vec3d dir = v.north * std::cos(pitch) + v.up * std::sin(pitch);
    cam->setViewMatrixAsLookAt(v.ground - dir * 400.0, v.ground, v.up);
    return cam;
}

}  // namespace

TEST(PickLocalPoint, overNoSceneTheCityGroundIsTheFramesPlane) {
    const auto cam = cameraAbove(frameVerticalAt({100.0, 200.0, 0.0}));
    const auto p = pickLocalPoint(*cam, 400.0, 250.0);  // the view's centre
    ASSERT_TRUE(p.has_value());
    EXPECT_NEAR(p->x(), 100.0, 1e-3);
    EXPECT_NEAR(p->y(), 200.0, 1e-3);
    EXPECT_NEAR(p->z(), 0.0, 1e-3);
    // Looking up from the ground: the sky.
    osg::ref_ptr<osg::Camera> up = new osg::Camera(*cam);
    up->setViewMatrixAsLookAt({0, 0, 10}, {0, 100, 60}, {0, 0, 1});
    EXPECT_FALSE(pickLocalPoint(*up, 400.0, 250.0).has_value());
}

TEST(PickLocalPoint, farRoundTheGlobeTheGroundOfTheVerticalThereIsMetBelowTheCamera) {
    const geo::LocalFrame shanghai({121.47, 31.23, 0.0});
    const geo::Vec3d philadelphia = shanghai.toLocal({-75.61, 40.05, 0.0});
    const LocalVertical there =
        verticalAt(shanghai, {philadelphia.x, philadelphia.y, philadelphia.z});
    const auto cam = cameraAbove(there);
    // Off the centre, as a cursor between two buildings would be.
    const double x = 250.0, y = 180.0;
    const auto onItsGround = pickLocalPoint(*cam, x, y, there);
    ASSERT_TRUE(onItsGround.has_value());
    EXPECT_LT((*onItsGround - there.ground).length(), 2000.0) << "the ground there, near";
    EXPECT_NEAR(there.heightOf(*onItsGround), 0.0, 1e-3);
    // The frame's own plane (Shanghai's z = 0) is met 8,900 km away: the
    // old zoom target, a fifth of the way to which lost the tileset.
    const auto onTheFramesPlane = pickLocalPoint(*cam, x, y);
    ASSERT_TRUE(onTheFramesPlane.has_value());
    EXPECT_GT((*onTheFramesPlane - there.ground).length(), 1000e3);
}
