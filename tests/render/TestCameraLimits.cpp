// Navigation limits and zoom toward a point (render/CameraLimits): the
// geometry the wheel and the drags keep to, without a window.

#include <gtest/gtest.h>

#include <osg/Math>
#include <osg/Matrixd>

#include <algorithm>
#include <cmath>
#include <vector>

#include "citytwin/render/CameraLimits.h"

using namespace citytwin::render;

namespace {

double pitchOf(const LookAt& la) {
    osg::Vec3d d = la.center - la.eye;
    d.normalize();
    return osg::RadiansToDegrees(std::asin(d.z()));
}

/// Where `p` lies on the line of sight through the eye: its direction from
/// the eye, which is what decides the pixel it is drawn at.
osg::Vec3d directionTo(const LookAt& la, const osg::Vec3d& p) {
    osg::Vec3d d = p - la.eye;
    d.normalize();
    return d;
}

const LookAt kTilted{{0, -1000, 1000}, {0, 0, 0}, {0, 0.7071, 0.7071}};

}  // namespace

TEST(CameraLimits, zoomInTowardAPointKeepsThePointOnTheSameLineOfSight) {
    NavigationLimits limits;
    const osg::Vec3d point(300, 200, 0);  // off the centre, as under a cursor
    const LookAt after = zoomTowardPoint(kTilted, point, 0.8, limits);
    EXPECT_NEAR((after.center - after.eye).length(), 0.8 * (kTilted.center - kTilted.eye).length(),
                1e-6);
    const osg::Vec3d before = directionTo(kTilted, point), now = directionTo(after, point);
    EXPECT_LT((before - now).length(), 1e-9);
    // The view direction does not turn.
    EXPECT_NEAR(pitchOf(after), pitchOf(kTilted), 1e-9);
}

TEST(CameraLimits, zoomStopsAtTheFloorAndTheCeiling) {
    NavigationLimits limits;
    limits.minEyeHeight = 50.0;
    limits.maxDistance = 3000.0;
    LookAt la = kTilted;
    for (int i = 0; i < 100; ++i)
        la = zoomTowardPoint(la, {0, 0, 0}, 0.5, limits);
    EXPECT_GE(la.eye.z(), 50.0 - 1e-6);
    EXPECT_GE((la.center - la.eye).length(), limits.minDistance - 1e-6);
    for (int i = 0; i < 100; ++i)
        la = zoomTowardPoint(la, {0, 0, 0}, 2.0, limits);
    EXPECT_LE((la.center - la.eye).length(), 3000.0 + 1e-6);
}

TEST(CameraLimits, tiltIsKeptBelowTheHorizonAndHeadingIsKept) {
    NavigationLimits limits;
    limits.flattestPitch = -5.0;
    // Eye level with the centre, looking north-east: pitch 0.
    const LookAt level{{-1000, -1000, 0}, {0, 0, 0}, {0, 0, 1}};
    const LookAt fixed = limitedLookAt(level, limits);
    EXPECT_NEAR(pitchOf(fixed), -5.0, 1e-6);
    EXPECT_NEAR(fixed.center.x(), 0.0, 1e-9);
    const osg::Vec3d d = fixed.center - fixed.eye;
    EXPECT_NEAR(std::atan2(d.x(), d.y()), osg::DegreesToRadians(45.0), 1e-9);
    EXPECT_NEAR(d.length(), (level.center - level.eye).length(), 1e-6);
}

TEST(CameraLimits, theOrbitCentreStaysNearTheData) {
    const NavigationLimits limits = limitsForData(osg::BoundingSphere({0, 0, 0}, 2000.0));
    EXPECT_DOUBLE_EQ(limits.maxDistance, 8000.0);
    const LookAt lost{{500000, 500000, 1000}, {500000, 501000, 0}, {0, 0, 1}};
    const LookAt back = limitedLookAt(lost, limits);
    EXPECT_LE(back.center.x(), 2000.0 + 8000.0 + 1e-6);
    EXPECT_LE(back.center.y(), 2000.0 + 8000.0 + 1e-6);
}

TEST(CameraLimits, aSideViewShowsTheWholeBoundFromTheSouth) {
    const osg::BoundingSphere bound({10000, 20000, 50}, 500.0);
    const LookAt la = sideViewOf(bound);
    EXPECT_NEAR(pitchOf(la), -35.0, 1e-6);
    EXPECT_LT(la.eye.y(), la.center.y());  // from the south
    EXPECT_NEAR(la.center.x(), 10000.0, 1e-6);
    // 35° of field of view: the sphere fits if the distance is over r / sin(17.5°).
    EXPECT_GT((la.center - la.eye).length(), 500.0 / std::sin(osg::DegreesToRadians(17.5)));
}

namespace {

/// The corners of `box` in normalised device coordinates of a view from
/// `la` (kFieldOfViewY, `aspect`): x and y in -1..1 are inside the image.
std::vector<osg::Vec3d> cornersOnScreen(const osg::BoundingBox& box, const LookAt& la,
                                        double aspect) {
    const osg::Matrixd vp = osg::Matrixd::lookAt(la.eye, la.center, la.up) *
                            osg::Matrixd::perspective(kFieldOfViewY, aspect, 1.0, 1e7);
    std::vector<osg::Vec3d> out;
    for (unsigned i = 0; i < 8; ++i)
        out.push_back(osg::Vec3d(box.corner(i)) * vp);
    return out;
}

/// The largest |x| or |y| of the corners on screen (1: at the image's edge).
double reachOf(const std::vector<osg::Vec3d>& corners) {
    double reach = 0.0;
    for (const osg::Vec3d& c : corners)
        reach = std::max({reach, std::abs(c.x()), std::abs(c.y())});
    return reach;
}

}  // namespace

TEST(CameraLimits, aSideViewOfABoxHasASmallTallModelWholeAndAFlatExtentTight) {
    const double aspect = 1.6;
    // A tree of a few metres: 3 x 3 m, 8 m tall, standing on the ground.
    const osg::BoundingBox tree(-1.5f, -1.5f, 0.f, 1.5f, 1.5f, 8.f);
    // A flat district: 4 x 3 km, 2 m of relief.
    const osg::BoundingBox flat(-2000.f, -1500.f, 0.f, 2000.f, 1500.f, 2.f);
    for (const osg::BoundingBox& box : {tree, flat}) {
        const LookAt la = sideViewOf(box, frameVerticalAt({}), aspect);
        EXPECT_NEAR(pitchOf(la), -35.0, 1e-6);
        EXPECT_LT(la.eye.y(), la.center.y());  // from the south
        const auto corners = cornersOnScreen(box, la, aspect);
        for (const osg::Vec3d& c : corners)
            EXPECT_LT(c.z(), 1.0) << "a corner behind the eye";
        // Inside with the 10 % margin, and no farther than needs be: the
        // outermost corner reaches the margin.
        EXPECT_NEAR(reachOf(corners), 0.9, 0.01) << box.xMax() - box.xMin() << " m wide";
    }
    // The sphere's fit of the flat extent leaves it far smaller.
    const LookAt sphere = sideViewOf(osg::BoundingSphere(flat), frameVerticalAt({}), aspect, 0.1);
    EXPECT_LT(reachOf(cornersOnScreen(flat, sphere, aspect)), 0.75);
}

TEST(CameraLimits, aSideViewOfABoxFarRoundTheGlobeLooksAlongItsOwnVertical) {
    LocalVertical v;
    v.up = osg::Vec3d(0.3, -0.2, -0.9);
    v.up.normalize();
    v.east = osg::Vec3d(0, 1, 0) ^ v.up;
    v.east.normalize();
    v.north = v.up ^ v.east;
    const osg::Vec3d c(5e6, -3e6, -7e6);
    osg::BoundingBox box;
    box.expandBy(c - osg::Vec3d(200, 200, 200));
    box.expandBy(c + osg::Vec3d(200, 200, 200));
    const LookAt la = sideViewOf(box, v, 1.6);
    EXPECT_GT(la.up * v.up, 0.7) << "upright at the box's vertical";
    EXPECT_GT((la.eye - la.center) * v.up, 0.0) << "the eye above";
    EXPECT_LE(reachOf(cornersOnScreen(box, la, 1.6)), 0.9 + 1e-3);
}
