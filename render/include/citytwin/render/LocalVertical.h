#pragma once
// Which way is up where the camera looks. The render frame is one
// east-north-up plane (Shanghai's); data far round the globe lies tilted in
// it, so navigation there takes east, north and up from the ellipsoid at
// the point looked at, as CesiumJS and osgEarth do (their cameras orbit
// about the surface normal under the target).

#include <osg/Matrixd>
#include <osg/Vec3d>

#include "citytwin/geo/LocalFrame.h"

namespace citytwin::render {

struct LocalVertical {
    osg::Vec3d ground;  ///< the ground under the point asked about (height 0)
    osg::Vec3d east{1, 0, 0}, north{0, 1, 0}, up{0, 0, 1};

    /// Height of `p` above the ground plane through `ground`.
    double heightOf(const osg::Vec3d& p) const { return (p - ground) * up; }

    /// East-north-up at `origin` to the frame: rows east, north, up, origin
    /// (osg::EllipsoidModel's layout of a coordinate frame).
    osg::Matrixd toFrameAt(const osg::Vec3d& origin) const {
        return osg::Matrixd(east.x(), east.y(), east.z(), 0.0, north.x(), north.y(), north.z(), 0.0,
                            up.x(), up.y(), up.z(), 0.0, origin.x(), origin.y(), origin.z(), 1.0);
    }
};

/// The frame's own axes, the ground at z = 0 (the city's ground plane).
LocalVertical frameVerticalAt(const osg::Vec3d& local);

/// East, north and up of the WGS 84 ellipsoid under a local point, in the
/// frame's coordinates, the ground on the ellipsoid (height 0). Near the
/// frame's origin (within kFrameVerticalRange) the frame's own axes: the
/// city's ground plane is z = 0 there and the ellipsoid turns away by less
/// than half a degree.
LocalVertical verticalAt(const geo::LocalFrame& frame, const osg::Vec3d& local);

constexpr double kFrameVerticalRange = 50e3;  ///< metres from the origin, horizontally

}  // namespace citytwin::render
