#include "citytwin/render/FeaturePicker.h"

#include <osg/Drawable>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>
#include <osgUtil/PolytopeIntersector>

#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/MapLabels.h"

#include <cmath>

namespace citytwin::render {
namespace {

std::optional<PickHit> hitFromData(const FeaturePickData* data, unsigned primitiveIndex,
                                   const osg::Vec3d& point) {
    if (!data || !data->layer())
        return std::nullopt;
    auto fi = data->featureAt(primitiveIndex);
    if (!fi || *fi >= data->layer()->features.size())
        return std::nullopt;
    return PickHit{data->layerId(), data->layer(), *fi, point};
}

/// The drawable's own pick data, else that of the nearest node above it
/// (instanced models: one transform per instance, one shared mesh).
std::optional<PickHit> hitFromDrawable(const osg::Drawable* d, const osg::NodePath& path,
                                       unsigned primitiveIndex, const osg::Vec3d& point) {
    if (!d)
        return std::nullopt;
    if (auto hit = hitFromData(dynamic_cast<const FeaturePickData*>(d->getUserData()),
                               primitiveIndex, point))
        return hit;
    for (auto it = path.rbegin(); it != path.rend(); ++it)
        if (auto* data = dynamic_cast<const FeaturePickData*>((*it)->getUserData()))
            return hitFromData(data, 0, point);
    return std::nullopt;
}

/// Map labels float over what they name: never what a click hits.
constexpr unsigned kNotLabels = ~kMapLabelMask;

}  // namespace

std::optional<PickHit> pickFeature(osg::Camera& camera, double x, double y) {
    // Pins drawn on top first: what the user sees in front is what they meant.
    constexpr double kPinTolerance = 7.0;  // pixels: a pin is ~12 px wide
    osg::ref_ptr<osgUtil::PolytopeIntersector> pins =
        new osgUtil::PolytopeIntersector(osgUtil::Intersector::WINDOW, x - kPinTolerance,
                                         y - kPinTolerance, x + kPinTolerance, y + kPinTolerance);
    pins->setPrimitiveMask(osgUtil::PolytopeIntersector::POINT_PRIMITIVES);
    osgUtil::IntersectionVisitor pinVisitor(pins.get());
    pinVisitor.setTraversalMask(kNotLabels);
    camera.accept(pinVisitor);
    for (const auto& h : pins->getIntersections()) {
        auto* data = h.drawable.valid()
                         ? dynamic_cast<const FeaturePickData*>(h.drawable->getUserData())
                         : nullptr;
        if (!data || !data->drawnOnTop())
            continue;
        osg::Vec3d p = h.localIntersectionPoint;
        if (h.matrix.valid())
            p = p * (*h.matrix);
        if (auto hit = hitFromDrawable(h.drawable.get(), h.nodePath, h.primitiveIndex, p))
            return hit;
    }

    osg::ref_ptr<osgUtil::LineSegmentIntersector> surfaces =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::WINDOW, x, y);
    osgUtil::IntersectionVisitor iv(surfaces.get());
    iv.setTraversalMask(kNotLabels);
    camera.accept(iv);
    for (const auto& h : surfaces->getIntersections()) {
        if (auto hit = hitFromDrawable(h.drawable.get(), h.nodePath, h.primitiveIndex,
                                       h.getWorldIntersectPoint()))
            return hit;
    }

    constexpr double kTolerance = 4.0;  // pixels
    osg::ref_ptr<osgUtil::PolytopeIntersector> lines =
        new osgUtil::PolytopeIntersector(osgUtil::Intersector::WINDOW, x - kTolerance,
                                         y - kTolerance, x + kTolerance, y + kTolerance);
    // Points too: point cloud tiles carry their features per point.
    lines->setPrimitiveMask(osgUtil::PolytopeIntersector::LINE_PRIMITIVES |
                            osgUtil::PolytopeIntersector::POINT_PRIMITIVES);
    osgUtil::IntersectionVisitor iv2(lines.get());
    iv2.setTraversalMask(kNotLabels);
    camera.accept(iv2);
    for (const auto& h : lines->getIntersections()) {
        osg::Vec3d p = h.localIntersectionPoint;
        if (h.matrix.valid())
            p = p * (*h.matrix);
        if (auto hit = hitFromDrawable(h.drawable.get(), h.nodePath, h.primitiveIndex, p))
            return hit;
    }
    return std::nullopt;
}

std::optional<osg::Vec3d> pickLocalPoint(osg::Camera& camera, double x, double y,
                                         const LocalVertical& ground) {
    osg::ref_ptr<osgUtil::LineSegmentIntersector> li =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::WINDOW, x, y);
    osgUtil::IntersectionVisitor iv(li.get());
    iv.setTraversalMask(kNotLabels);
    camera.accept(iv);
    if (li->containsIntersections())
        return li->getFirstIntersection().getWorldIntersectPoint();

    if (!camera.getViewport())
        return std::nullopt;
    const osg::Matrixd vpw = camera.getViewMatrix() * camera.getProjectionMatrix() *
                             camera.getViewport()->computeWindowMatrix();
    osg::Matrixd inv;
    if (!inv.invert(vpw))
        return std::nullopt;
    const osg::Vec3d nearP = osg::Vec3d(x, y, 0.0) * inv;
    const osg::Vec3d farP = osg::Vec3d(x, y, 1.0) * inv;
    const osg::Vec3d dir = farP - nearP;
    const double along = dir * ground.up;
    if (std::abs(along) < 1e-12)
        return std::nullopt;
    const double t = (ground.ground - nearP) * ground.up / along;
    if (t < 0.0)
        return std::nullopt;
    return nearP + dir * t;
}

}  // namespace citytwin::render
