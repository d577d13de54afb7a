#include "tiles/TileBoundingVolume.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <variant>

#include "citytwin/geo/LocalFrame.h"

namespace citytwin::render::detail {
namespace {

osg::Vec3d ecefOf(double lonRad, double latRad, double height) {
    constexpr double kDeg = 180.0 / std::numbers::pi;
    const geo::Vec3d p = geo::LocalFrame::geographicToEcef({lonRad * kDeg, latRad * kDeg, height});
    return {p.x, p.y, p.z};
}

}  // namespace

std::optional<TileBoundingVolume> TileBoundingVolume::parse(const nlohmann::json& volume,
                                                            const osg::Matrixd& tileToEcef) {
    const auto parsed = formats::parseBoundingVolume(volume);
    if (!parsed)
        return std::nullopt;
    return from(*parsed, tileToEcef);
}

std::optional<TileBoundingVolume> TileBoundingVolume::from(const formats::BoundingVolume& volume,
                                                           const osg::Matrixd& tileToEcef) {
    TileBoundingVolume out;
    if (const auto* box = std::get_if<formats::BoundingBox>(&volume)) {
        const auto& b = box->values;
        const osg::Vec3d c(b[0], b[1], b[2]);
        const std::array<osg::Vec3d, 3> axes{osg::Vec3d(b[3], b[4], b[5]),
                                             osg::Vec3d(b[6], b[7], b[8]),
                                             osg::Vec3d(b[9], b[10], b[11])};
        out._kind = Kind::Box;
        // Box unit cube -> tile frame -> ECEF; inverted for containment.
        const osg::Matrixd unitToTile(axes[0].x(), axes[0].y(), axes[0].z(), 0.0,  //
                                      axes[1].x(), axes[1].y(), axes[1].z(), 0.0,  //
                                      axes[2].x(), axes[2].y(), axes[2].z(), 0.0,  //
                                      c.x(), c.y(), c.z(), 1.0);
        // A flat box (or a degenerate transform) holds no viewer.
        out._solid = out._toUnit.invert(unitToTile * tileToEcef);
        for (int i = 0; i < 8; ++i) {
            const osg::Vec3d corner = c + axes[0] * ((i & 1) ? 1.0 : -1.0) +
                                      axes[1] * ((i & 2) ? 1.0 : -1.0) +
                                      axes[2] * ((i & 4) ? 1.0 : -1.0);
            out.ecefCorners.push_back(corner * tileToEcef);
        }
        return out;
    }
    if (const auto* sphere = std::get_if<formats::BoundingSphere>(&volume)) {
        const auto& s = sphere->values;
        if (s[3] < 0.0)
            return std::nullopt;
        const osg::Vec3d c(s[0], s[1], s[2]);
        const double r = s[3];
        out._kind = Kind::Sphere;
        out._radius = r;
        // ECEF -> tile frame, centred on the sphere: distances in tile units.
        out._solid = out._toUnit.invert(tileToEcef);
        out._toUnit = out._toUnit * osg::Matrixd::translate(-c);
        for (int i = 0; i < 8; ++i)
            out.ecefCorners.push_back(osg::Vec3d(c.x() + ((i & 1) ? r : -r),
                                                 c.y() + ((i & 2) ? r : -r),
                                                 c.z() + ((i & 4) ? r : -r)) *
                                      tileToEcef);
        return out;
    }
    const auto& r = std::get<formats::BoundingRegion>(volume).values;
    if (r[0] > r[2] + 1e-12 || r[1] > r[3] + 1e-12 || r[4] > r[5])
        return std::nullopt;
    out._kind = Kind::Region;
    std::copy(r.begin(), r.end(), out._region);
    for (int i = 0; i < 8; ++i)
        out.ecefCorners.push_back(
            ecefOf((i & 1) ? r[2] : r[0], (i & 2) ? r[3] : r[1], (i & 4) ? r[5] : r[4]));
    out.ecefCorners.push_back(ecefOf(0.5 * (r[0] + r[2]), 0.5 * (r[1] + r[3]), r[5]));
    return out;
}

bool TileBoundingVolume::containsEcef(const osg::Vec3d& p) const {
    if (!_solid)
        return false;
    switch (_kind) {
        case Kind::Box: {
            const osg::Vec3d u = p * _toUnit;
            constexpr double kEdge = 1.0 + 1e-9;
            return std::abs(u.x()) <= kEdge && std::abs(u.y()) <= kEdge && std::abs(u.z()) <= kEdge;
        }
        case Kind::Sphere:
            return (p * _toUnit).length() <= _radius;
        case Kind::Region: {
            constexpr double kRad = std::numbers::pi / 180.0;
            const geo::GeoPoint g = geo::LocalFrame::ecefToGeographic({p.x(), p.y(), p.z()});
            const double lon = g.x * kRad, lat = g.y * kRad;
            return lon >= _region[0] && lon <= _region[2] && lat >= _region[1] &&
                   lat <= _region[3] && g.z >= _region[4] && g.z <= _region[5];
        }
    }
    return false;
}

osg::BoundingSphered TileBoundingVolume::sphereIn(const osg::Matrixd& ecefToFrame) const {
    osg::BoundingBoxd box;
    std::vector<osg::Vec3d> points;
    for (const auto& c : ecefCorners) {
        points.push_back(c * ecefToFrame);
        box.expandBy(points.back());
    }
    const osg::Vec3d centre = box.center();
    double radius = 0.0;
    for (const auto& p : points)
        radius = std::max(radius, (p - centre).length());
    return {centre, radius};
}

void TileBoundingVolume::addTo(geo::Extent& extent, double& minHeight, double& maxHeight) const {
    for (const auto& c : ecefCorners) {
        const geo::GeoPoint g = geo::LocalFrame::ecefToGeographic({c.x(), c.y(), c.z()});
        extent.add(g.x, g.y);
        minHeight = std::min(minHeight, g.z);
        maxHeight = std::max(maxHeight, g.z);
    }
}

}  // namespace citytwin::render::detail
