#pragma once
// A ground under data the city's ground plane does not reach. The city's
// ground is one plane in the render frame (Shanghai's east-north-up); a
// tileset opened thousands of kilometres away lies tilted in that frame,
// far off the plane, and would stand over the sky's horizon colour with
// nothing under it. CesiumJS and osgEarth draw the globe there; we draw a
// plane of the same ground colour tangent to the ellipsoid under the data,
// at the data's lowest point, so that it reads as standing on the ground.

#include <osg/BoundingBox>
#include <osg/BoundingSphere>
#include <osg/Matrixd>
#include <osg/Node>
#include <osg/ref_ptr>

#include "citytwin/geo/LocalFrame.h"

namespace citytwin::render {

/// Where a layer is given a ground of its own: all of it farther than this
/// from the frame's origin, horizontally (where LocalVertical stops using
/// the frame's own axes: the city's plane z = 0 is not the ground there). A
/// layer that reaches nearer (a submarine cable from the city out to sea)
/// stands on the city's ground.
constexpr double kFarGroundFrom = 50e3;
/// Its half-size: this many times the layer's size, at least the minimum (a
/// view of a small model sees ground to its haze) and at most the maximum
/// (the depth range: OSG's near plane follows the farthest thing in view).
constexpr double kFarGroundSizeFactor = 10.0;
constexpr double kFarGroundMinHalfM = 20e3;
constexpr double kFarGroundMaxHalfM = 100e3;

/// The east-north-up frame in which a far layer's ground lies: rows east,
/// north, up, origin on the ellipsoid under `centre` (LocalVertical).
osg::Matrixd farGroundFrameAt(const geo::LocalFrame& frame, const osg::Vec3d& centre);

/// Whether a layer with this bound (render frame) lies where the city's
/// ground plane is not the ground: all of it beyond kFarGroundFrom.
bool needsFarGround(const osg::BoundingSphere& bound);

/// The ground under a layer whose box, taken in `enuToFrame`'s frame, is
/// `enuBox`: a plane of the city ground's colour at the box's lowest point,
/// centred under it, kFarGroundSizeFactor times its size each way (within
/// kFarGroundMinHalfM..kFarGroundMaxHalfM), in render-frame coordinates (a
/// transform above it).
osg::ref_ptr<osg::Node> buildFarGround(const osg::BoundingBoxd& enuBox,
                                       const osg::Matrixd& enuToFrame);

}  // namespace citytwin::render
