#include "citytwin/assets/GroundMeasure.h"

#include <cmath>

#include "citytwin/geo/LocalFrame.h"

namespace citytwin::assets {

namespace {

// GRS80 (CGCS2000); WGS 84 differs in the flattening's tenth digit.
constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257222101;
constexpr double kE2 = kF * (2.0 - kF);
constexpr double kDegree = 3.14159265358979323846 / 180.0;

double planeLength(const geo::GeoPoint& p, const geo::GeoPoint& q) {
    return std::hypot(q.x - p.x, q.y - p.y);
}

}  // namespace

geo::Result<GroundMeasure> GroundMeasure::create(const std::string& definition,
                                                 const geo::GeoPoint& centreWgs84) {
    auto projector = ReportProjector::create(definition, centreWgs84);
    CITYTWIN_RETURN_IF_FAILED(projector);
    GroundMeasure m(std::move(projector).value());
    const double k = m.scaleAt(centreWgs84);
    // A geographic or non-metric CRS would give degrees or feet: refuse it.
    if (!std::isfinite(k) || k < 0.9 || k > 1.1)
        return geo::Result<GroundMeasure>::failure(
            "the CRS " + m.crsCode() + " is not a metric projection here (scale " +
                std::to_string(k) + "): measurements need metres",
            {}, 0, "crs");
    return m;
}

double GroundMeasure::scaleAt(const geo::GeoPoint& wgs84) const {
    // A conformal plane stretches all directions alike: one small east step
    // (about 10 m) gives the scale. Its ellipsoid length is N cos(phi) dlambda.
    constexpr double kStepDeg = 1e-4;
    const double phi = wgs84.y * kDegree;
    const double sinPhi = std::sin(phi);
    const double n = kA / std::sqrt(1.0 - kE2 * sinPhi * sinPhi);
    const geo::GeoPoint west{wgs84.x - kStepDeg / 2, wgs84.y, 0.0};
    const geo::GeoPoint east{wgs84.x + kStepDeg / 2, wgs84.y, 0.0};
    const double ellipsoid = n * std::cos(phi) * kStepDeg * kDegree;
    return planeLength(_projector.project(west), _projector.project(east)) / ellipsoid;
}

double GroundMeasure::groundDistance(const geo::GeoPoint& a, const geo::GeoPoint& b) const {
    const geo::GeoPoint mid{(a.x + b.x) / 2, (a.y + b.y) / 2, 0.0};
    const double inverseScale = (1.0 / scaleAt(a) + 4.0 / scaleAt(mid) + 1.0 / scaleAt(b)) / 6.0;
    return planeLength(_projector.project({a.x, a.y, 0.0}), _projector.project({b.x, b.y, 0.0})) *
           inverseScale;
}

PathMeasurement GroundMeasure::measurePath(const std::vector<geo::GeoPoint>& points) const {
    PathMeasurement out;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const geo::GeoPoint& a = points[i - 1];
        const geo::GeoPoint& b = points[i];
        MeasuredSegment s;
        s.groundM = groundDistance(a, b);
        const geo::Vec3d ea = geo::LocalFrame::geographicToEcef(a);
        const geo::Vec3d eb = geo::LocalFrame::geographicToEcef(b);
        s.straightM = std::sqrt((eb.x - ea.x) * (eb.x - ea.x) + (eb.y - ea.y) * (eb.y - ea.y) +
                                (eb.z - ea.z) * (eb.z - ea.z));
        s.riseM = b.z - a.z;
        out.groundTotalM += s.groundM;
        out.straightTotalM += s.straightM;
        out.segments.push_back(s);
    }
    return out;
}

AreaMeasurement GroundMeasure::measureArea(const std::vector<geo::GeoPoint>& ringIn) const {
    AreaMeasurement out;
    std::vector<geo::GeoPoint> ring = ringIn;
    if (ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y)
        ring.pop_back();
    if (ring.size() < 3)
        return out;
    std::vector<geo::GeoPoint> plane;
    plane.reserve(ring.size());
    for (const auto& p : ring)
        plane.push_back(_projector.project({p.x, p.y, 0.0}));
    // A fan of triangles about the first vertex; each triangle's plane area
    // is divided by the squared scale at its centroid (mean of its corners'
    // degrees: the map is linear to 1e-4 over a triangle, the scale varies
    // 1e-8 per metre), so a scale varying across the polygon is followed.
    const geo::GeoPoint o = plane.front();
    double twicePlane = 0.0, twiceGround = 0.0;
    for (std::size_t i = 0; i < plane.size(); ++i) {
        const std::size_t j = (i + 1) % plane.size();
        out.perimeterM += groundDistance(ring[i], ring[j]);
        if (i == 0 || j == 0)
            continue;
        const double cross =
            (plane[i].x - o.x) * (plane[j].y - o.y) - (plane[j].x - o.x) * (plane[i].y - o.y);
        const geo::GeoPoint c{(ring[0].x + ring[i].x + ring[j].x) / 3.0,
                              (ring[0].y + ring[i].y + ring[j].y) / 3.0, 0.0};
        const double k = scaleAt(c);
        twicePlane += cross;
        twiceGround += cross / (k * k);
    }
    out.planeAreaM2 = std::fabs(twicePlane) / 2.0;
    out.areaM2 = std::fabs(twiceGround) / 2.0;
    return out;
}

}  // namespace citytwin::assets
