#pragma once
// Navigation as CesiumJS, QGIS and Google Earth do it: the wheel zooms
// toward the point under the cursor, and the camera keeps within limits so
// the city cannot be lost (a floor above the ground, a ceiling on the
// distance, a tilt range, an orbit centre that stays near the data).
// Plain geometry on look-at triples in the local frame (z up, metres).

#include <osg/BoundingBox>
#include <osg/BoundingSphere>

#include <functional>
#include <vector>

#include "citytwin/render/CameraPose.h"
#include "citytwin/render/LocalVertical.h"

namespace citytwin::render {

struct NavigationLimits {
    double minEyeHeight = 10.0;    ///< metres above the point orbited or zoomed to
    double minDistance = 20.0;     ///< eye to orbit centre, metres
    double maxDistance = 2.0e6;    ///< eye to orbit centre, metres
    double steepestPitch = -90.0;  ///< degrees; -90 looks straight down
    double flattestPitch = -5.0;   ///< degrees; never at or above the horizon
    /// Where the orbit centre may be (x, y); invalid: anywhere.
    osg::BoundingBox centreRegion;
    /// Up, north and the ground where the camera looks (pitch, heading and
    /// heights are measured against it); empty: the frame's own axes.
    std::function<LocalVertical(const osg::Vec3d&)> verticalAt;

    LocalVertical vertical(const osg::Vec3d& p) const {
        return verticalAt ? verticalAt(p) : frameVerticalAt(p);
    }
};

/// Limits for data bounded by `data` (local frame): the centre stays within
/// the data grown by the largest distance, which is a few times the data's
/// size (at least 5 km, at most 1,000 km).
NavigationLimits limitsForData(const osg::BoundingSphere& data);

/// The look-at moved into the limits: distance, pitch, centre region and
/// the eye's height clamped; heading kept. Pitch, heading and height are
/// those of the vertical under the centre (limits.vertical).
LookAt limitedLookAt(const LookAt& in, const NavigationLimits& limits);

/// Zooms by `factor` (< 1 closer, > 1 farther) toward `point`: eye and
/// centre move along their lines to the point, so the point stays under the
/// same pixel. The factor is first reduced so that the limits hold.
LookAt zoomTowardPoint(const LookAt& in, const osg::Vec3d& point, double factor,
                       const NavigationLimits& limits);

/// Where an extent is seen from the side (south, tilted 35°), whole: centre
/// on the ground under its middle, distance fitting its radius.
LookAt sideViewOf(const osg::BoundingSphere& bound);

/// The view's vertical field of view (degrees), OsgView's projection.
constexpr double kFieldOfViewY = 35.0;

/// A bound seen whole from the side: from the south of its own vertical
/// (`v`, taken under its centre), tilted 35° down, the sphere in the middle
/// of the view and inside the narrower of the two fields of view (vertical
/// kFieldOfViewY, horizontal from `aspect` = width / height) with `margin`
/// (a share of the half-field left free at each edge).
LookAt sideViewOf(const osg::BoundingSphere& bound, const LocalVertical& v, double aspect,
                  double margin = 0.1);

/// A box seen whole from the side (#13 item 3): from the south of `v`,
/// tilted 35° down, looking at the box's middle from as close as lets all
/// eight corners inside both fields of view (vertical kFieldOfViewY,
/// horizontal from `aspect`) with `margin` (a share of each half-field left
/// free). Unlike a sphere's fit, a flat extent is framed tight and a small
/// or tall model whole, top included.
LookAt sideViewOf(const osg::BoundingBox& box, const LocalVertical& v, double aspect,
                  double margin = 0.1);

/// The same for any points (a box's corners taken in another frame):
/// looking at their box's middle from as close as lets all inside. Empty:
/// the view of the ground under v.
LookAt sideViewOf(const std::vector<osg::Vec3d>& points, const LocalVertical& v, double aspect,
                  double margin = 0.1);

}  // namespace citytwin::render
