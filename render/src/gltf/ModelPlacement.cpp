#include "citytwin/render/ModelPlacement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>

#include "citytwin/geo/CrsTransform.h"

namespace citytwin::render {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct EnuBasis {
    osg::Vec3d east, north, up;
};

/// Unit vectors of the east-north-up frame at a WGS 84 point, in ECEF.
EnuBasis enuBasisAt(const geo::GeoPoint& lonLatH) {
    const double sl = std::sin(lonLatH.x * kDeg), cl = std::cos(lonLatH.x * kDeg);
    const double sp = std::sin(lonLatH.y * kDeg), cp = std::cos(lonLatH.y * kDeg);
    return {{-sl, cl, 0.0}, {-sp * cl, -sp * sl, cp}, {cp * cl, cp * sl, sp}};
}

osg::Vec3d toOsg(const geo::Vec3d& v) {
    return {v.x, v.y, v.z};
}

}  // namespace

osg::Matrixd ecefPlacement(const geo::LocalFrame& frame) {
    const EnuBasis b = enuBasisAt(frame.origin());
    const osg::Vec3d o = toOsg(geo::LocalFrame::geographicToEcef(frame.origin()));
    // city = R (ecef - o); with row vectors the matrix's columns are R's rows.
    osg::Matrixd rotation(b.east.x(), b.north.x(), b.up.x(), 0.0,  //
                          b.east.y(), b.north.y(), b.up.y(), 0.0,  //
                          b.east.z(), b.north.z(), b.up.z(), 0.0,  //
                          0.0, 0.0, 0.0, 1.0);
    return osg::Matrixd::translate(-o) * rotation;
}

osg::Matrixd enuPlacement(const geo::GeoPoint& lonLatH, double headingDegrees,
                          const geo::LocalFrame& frame) {
    const EnuBasis b = enuBasisAt(lonLatH);
    const osg::Vec3d p = toOsg(geo::LocalFrame::geographicToEcef(lonLatH));
    const osg::Matrixd enuToEcef(b.east.x(), b.east.y(), b.east.z(), 0.0,     //
                                 b.north.x(), b.north.y(), b.north.z(), 0.0,  //
                                 b.up.x(), b.up.y(), b.up.z(), 0.0,           //
                                 p.x(), p.y(), p.z(), 1.0);
    // Clockwise from north = a negative turn about up.
    const osg::Matrixd heading = osg::Matrixd::rotate(-headingDegrees * kDeg, osg::Vec3d(0, 0, 1));
    return heading * enuToEcef * ecefPlacement(frame);
}

osg::Matrixd gltfYUpToZUp() {
    return osg::Matrixd(1.0, 0.0, 0.0, 0.0,   //
                        0.0, 0.0, 1.0, 0.0,   //
                        0.0, -1.0, 0.0, 0.0,  //
                        0.0, 0.0, 0.0, 1.0);
}

geo::Result<Placement> fitProjectedPlacement(const geo::Crs& crs, const geo::GeoPoint& origin,
                                             const osg::BoundingBox& localBounds,
                                             const geo::LocalFrame& frame,
                                             const std::string& source) {
    auto transform = geo::CrsTransform::create(crs, geo::Crs::wgs84());
    if (!transform) {
        auto r = geo::Result<Placement>::failure(
            "cannot transform the model's SRS (" + crs.label() + ") to WGS 84", source, 0, "SRS");
        r.addDiagnostics(transform.diagnostics());
        return r;
    }
    // The exact transform of a model point into the city frame.
    std::string failure;
    auto exact = [&](const osg::Vec3d& local) -> std::optional<osg::Vec3d> {
        auto g = transform->transform(
            {origin.x + local.x(), origin.y + local.y(), origin.z + local.z()});
        if (!g || !std::isfinite(g->x) || !std::isfinite(g->y)) {
            failure = g ? "not finite" : g.messages();
            return std::nullopt;
        }
        return toOsg(frame.toLocal(g.value()));
    };

    osg::Vec3d centre(0.0, 0.0, 0.0);
    double step = 50.0;
    if (localBounds.valid()) {
        centre = osg::Vec3d(localBounds.center());
        const osg::Vec3d size = osg::Vec3d(localBounds._max) - osg::Vec3d(localBounds._min);
        step = std::max({1.0, 0.5 * size.x(), 0.5 * size.y(), 0.5 * size.z()});
    }
    const auto atCentre = exact(centre);
    if (!atCentre)
        return geo::Result<Placement>::failure(
            "the model origin cannot be transformed from " + crs.label() + " to WGS 84: " + failure,
            source, 0, "SRSOrigin");

    // Central differences: the Jacobian of the exact transform at the centre.
    std::array<osg::Vec3d, 3> axes;
    for (int i = 0; i < 3; ++i) {
        osg::Vec3d d(0.0, 0.0, 0.0);
        d[i] = step;
        const auto plus = exact(centre + d);
        const auto minus = exact(centre - d);
        if (!plus || !minus)
            return geo::Result<Placement>::failure(
                "the model extent cannot be transformed from " + crs.label() + ": " + failure,
                source, 0, "SRS");
        axes[i] = (*plus - *minus) / (2.0 * step);
    }
    Placement placement;
    const osg::Vec3d t =
        *atCentre - (axes[0] * centre.x() + axes[1] * centre.y() + axes[2] * centre.z());
    placement.localToCity.set(axes[0].x(), axes[0].y(), axes[0].z(), 0.0,  //
                              axes[1].x(), axes[1].y(), axes[1].z(), 0.0,  //
                              axes[2].x(), axes[2].y(), axes[2].z(), 0.0,  //
                              t.x(), t.y(), t.z(), 1.0);
    if (localBounds.valid()) {
        for (unsigned i = 0; i < 8; ++i) {
            const osg::Vec3d corner(localBounds.corner(i));
            if (const auto e = exact(corner))
                placement.maxErrorMetres = std::max(placement.maxErrorMetres,
                                                    (corner * placement.localToCity - *e).length());
        }
    }
    return placement;
}

}  // namespace citytwin::render
