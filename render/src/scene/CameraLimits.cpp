#include "citytwin/render/CameraLimits.h"

#include <osg/Math>

#include <algorithm>
#include <cmath>

namespace citytwin::render {
namespace {

osg::Vec3d upFor(const osg::Vec3d& dir, const osg::Vec3d& vertical = {0, 0, 1}) {
    osg::Vec3d right = dir ^ vertical;
    if (right.length2() < 1e-12)
        right = osg::Vec3d(1, 0, 0);
    right.normalize();
    osg::Vec3d up = right ^ dir;
    up.normalize();
    return up;
}

}  // namespace

NavigationLimits limitsForData(const osg::BoundingSphere& data) {
    NavigationLimits l;
    if (!data.valid())
        return l;
    const double r = std::max(1.0, double(data.radius()));
    l.maxDistance = std::clamp(4.0 * r, 5000.0, 1.0e6);
    const osg::Vec3d c = data.center();
    const double grow = r + l.maxDistance;
    l.centreRegion =
        osg::BoundingBox(c.x() - grow, c.y() - grow, -1.0e6, c.x() + grow, c.y() + grow, 1.0e6);
    return l;
}

LookAt limitedLookAt(const LookAt& in, const NavigationLimits& limits) {
    osg::Vec3d dir = in.center - in.eye;
    double dist = dir.normalize();
    if (!(dist > 0.0) || !std::isfinite(dist))
        return in;
    dist = std::clamp(dist, limits.minDistance, limits.maxDistance);
    const LocalVertical v = limits.vertical(in.center);
    // Heading from the view direction, or from up when looking straight down.
    const double along = dir * v.up;
    osg::Vec3d horizontal = dir - v.up * along;
    if (horizontal.length2() < 1e-10)
        horizontal = in.up - v.up * (in.up * v.up);
    if (horizontal.normalize() <= 0.0)
        horizontal = v.north;
    const double pitch = std::clamp(osg::RadiansToDegrees(std::asin(std::clamp(along, -1.0, 1.0))),
                                    limits.steepestPitch, limits.flattestPitch);
    // Straight down loses the heading: stop a hair short of it.
    const double p = osg::DegreesToRadians(std::max(pitch, -89.9));
    const osg::Vec3d newDir = horizontal * std::cos(p) + v.up * std::sin(p);

    osg::Vec3d centre = in.center;
    if (limits.centreRegion.valid()) {
        centre.x() = std::clamp(centre.x(), double(limits.centreRegion.xMin()),
                                double(limits.centreRegion.xMax()));
        centre.y() = std::clamp(centre.y(), double(limits.centreRegion.yMin()),
                                double(limits.centreRegion.yMax()));
    }
    osg::Vec3d eye = centre - newDir * dist;
    // Above the surface it orbits (not the ground: a rooftop, or data far
    // round the globe, lies above or below it).
    if (const double above = (eye - centre) * v.up; above < limits.minEyeHeight)
        eye += v.up * (limits.minEyeHeight - above);
    osg::Vec3d finalDir = centre - eye;
    finalDir.normalize();
    return {eye, centre, upFor(finalDir, v.up)};
}

LookAt zoomTowardPoint(const LookAt& in, const osg::Vec3d& point, double factor,
                       const NavigationLimits& limits) {
    if (!(factor > 0.0) || !std::isfinite(factor))
        return in;
    const double dist = (in.center - in.eye).length();
    if (!(dist > 0.0))
        return in;
    double f = factor;
    // Distance eye → centre scales by f too: keep it in range.
    f = std::clamp(f, std::min(1.0, limits.minDistance / dist),
                   std::max(1.0, limits.maxDistance / dist));
    // The eye must stay above the floor over the ground (it moves toward a
    // point below it).
    const LocalVertical v = limits.vertical(point);
    const double above = (in.eye - point) * v.up;
    if (f < 1.0 && above > 0.0)
        f = std::max(f, std::min(1.0, (limits.minEyeHeight - v.heightOf(point)) / above));
    LookAt out;
    out.eye = point + (in.eye - point) * f;
    out.center = point + (in.center - point) * f;
    out.up = in.up;
    return limitedLookAt(out, limits);
}

LookAt sideViewOf(const osg::BoundingSphere& bound) {
    const double pitch = osg::DegreesToRadians(-35.0);
    // The view's 35° (vertical) field of view holds the sphere from r / sin(17.5°).
    const double dist = std::max(150.0, double(bound.radius()) * 3.4);
    const osg::Vec3d dir(0.0, std::cos(pitch), std::sin(pitch));
    osg::Vec3d centre = bound.center();
    centre.z() = std::max(0.0, centre.z() - double(bound.radius()) * 0.5);
    const osg::Vec3d eye = centre - dir * dist;
    return {eye, centre, upFor(dir)};
}

LookAt sideViewOf(const osg::BoundingSphere& bound, const LocalVertical& v, double aspect,
                  double margin) {
    const double pitch = osg::DegreesToRadians(-35.0);
    const double halfY = osg::DegreesToRadians(kFieldOfViewY / 2.0);
    const double halfX = std::atan(std::tan(halfY) * std::max(0.1, aspect));
    // The sphere's outline seen from d subtends asin(r / d): inside the
    // narrower half-field, less the margin.
    const double half = std::min(halfX, halfY) * std::clamp(1.0 - margin, 0.1, 1.0);
    const double r = std::max(1.0, double(bound.radius()));
    const double dist = std::max(150.0, r / std::sin(half));
    const osg::Vec3d dir = v.north * std::cos(pitch) + v.up * std::sin(pitch);
    const osg::Vec3d centre = bound.center();
    return {centre - dir * dist, centre, upFor(dir, v.up)};
}

LookAt sideViewOf(const osg::BoundingBox& box, const LocalVertical& v, double aspect,
                  double margin) {
    std::vector<osg::Vec3d> corners;
    for (unsigned i = 0; i < 8; ++i)
        corners.emplace_back(box.corner(i));
    return sideViewOf(corners, v, aspect, margin);
}

LookAt sideViewOf(const std::vector<osg::Vec3d>& points, const LocalVertical& v, double aspect,
                  double margin) {
    const double pitch = osg::DegreesToRadians(-35.0);
    const double keep = std::clamp(1.0 - margin, 0.1, 1.0);
    const double tanY = std::tan(osg::DegreesToRadians(kFieldOfViewY / 2.0)) * keep;
    const double tanX =
        std::tan(osg::DegreesToRadians(kFieldOfViewY / 2.0)) * std::max(0.1, aspect) * keep;
    const osg::Vec3d dir = v.north * std::cos(pitch) + v.up * std::sin(pitch);
    const osg::Vec3d up = upFor(dir, v.up);
    osg::Vec3d right = dir ^ up;
    right.normalize();
    osg::BoundingBoxd around;
    for (const osg::Vec3d& p : points)
        around.expandBy(p);
    const osg::Vec3d centre = around.valid() ? around.center() : v.ground;
    // A point q (from the centre) seen from centre - dir * d lies at depth
    // q.dir + d, across q.right and q.up: inside while both are within
    // the half-fields, so d is at least |q.right| / tanX - q.dir (and the
    // same for up).
    double dist = 1.0;
    for (const osg::Vec3d& p : points) {
        const osg::Vec3d q = p - centre;
        const double along = q * dir;
        dist = std::max({dist, std::abs(q * right) / tanX - along, std::abs(q * up) / tanY - along,
                         1.0 - along});  // and a metre in front of the eye
    }
    return {centre - dir * dist, centre, up};
}

}  // namespace citytwin::render
