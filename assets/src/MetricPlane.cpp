#include "citytwin/assets/MetricPlane.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace citytwin::assets {

namespace plane {
namespace {
double cross(PlanePoint o, PlanePoint a, PlanePoint b) {
    return (a.east - o.east) * (b.north - o.north) - (a.north - o.north) * (b.east - o.east);
}
bool onSegment(PlanePoint p, PlanePoint a, PlanePoint b) {
    return std::min(a.east, b.east) <= p.east && p.east <= std::max(a.east, b.east) &&
           std::min(a.north, b.north) <= p.north && p.north <= std::max(a.north, b.north);
}
bool segmentsIntersect(PlanePoint a, PlanePoint b, PlanePoint c, PlanePoint d) {
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    if (d1 == 0 && onSegment(a, c, d))
        return true;
    if (d2 == 0 && onSegment(b, c, d))
        return true;
    if (d3 == 0 && onSegment(c, a, b))
        return true;
    if (d4 == 0 && onSegment(d, a, b))
        return true;
    return false;
}
}  // namespace

double pointSegmentDistance(PlanePoint p, PlanePoint a, PlanePoint b) {
    const double dx = b.east - a.east, dy = b.north - a.north;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0.0 ? ((p.east - a.east) * dx + (p.north - a.north) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.east - (a.east + t * dx), p.north - (a.north + t * dy));
}

double segmentSegmentDistance(PlanePoint a, PlanePoint b, PlanePoint c, PlanePoint d) {
    if (segmentsIntersect(a, b, c, d))
        return 0.0;
    return std::min({pointSegmentDistance(a, c, d), pointSegmentDistance(b, c, d),
                     pointSegmentDistance(c, a, b), pointSegmentDistance(d, a, b)});
}

bool pointInRing(PlanePoint p, const std::vector<PlanePoint>& ring) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const PlanePoint& a = ring[i];
        const PlanePoint& b = ring[j];
        if ((a.north > p.north) != (b.north > p.north) &&
            p.east < (b.east - a.east) * (p.north - a.north) / (b.north - a.north) + a.east)
            inside = !inside;
    }
    return inside;
}

bool pointInPolygon(PlanePoint p, const PlanePolygon& polygon) {
    if (polygon.rings.empty() || !pointInRing(p, polygon.rings[0]))
        return false;
    for (std::size_t i = 1; i < polygon.rings.size(); ++i)
        if (pointInRing(p, polygon.rings[i]))
            return false;
    return true;
}

double pointPolygonDistance(PlanePoint p, const PlanePolygon& polygon) {
    if (pointInPolygon(p, polygon))
        return 0.0;
    double best = std::numeric_limits<double>::infinity();
    for (const auto& ring : polygon.rings)
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            best = std::min(best, pointSegmentDistance(p, ring[i], ring[i + 1]));
    for (const auto& ring : polygon.rings)
        if (ring.size() > 1)
            best = std::min(best, pointSegmentDistance(p, ring.back(), ring.front()));
    return best;
}

double polylinePolygonDistance(const std::vector<PlanePoint>& line, const PlanePolygon& polygon) {
    if (line.empty())
        return std::numeric_limits<double>::infinity();
    if (pointInPolygon(line.front(), polygon))
        return 0.0;
    double best = std::numeric_limits<double>::infinity();
    for (const auto& ring : polygon.rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const PlanePoint& c = ring[i];
            const PlanePoint& d = ring[(i + 1) % n];
            if (line.size() == 1) {
                best = std::min(best, pointSegmentDistance(line[0], c, d));
                continue;
            }
            for (std::size_t k = 0; k + 1 < line.size(); ++k) {
                best = std::min(best, segmentSegmentDistance(line[k], line[k + 1], c, d));
                if (best == 0.0)
                    return 0.0;
            }
        }
    }
    return best;
}
}  // namespace plane

MetricPlane::MetricPlane(const geo::GeoPoint& originLonLat)
    : _frame(geo::GeoPoint{originLonLat.x, originLonLat.y, 0.0}) {}

PlanePoint MetricPlane::toPlane(const geo::GeoPoint& lonLat) const {
    // Height is ignored: distances are along the ground.
    const geo::Vec3d v = _frame.toLocal(geo::GeoPoint{lonLat.x, lonLat.y, 0.0});
    return {v.x, v.y};
}

geo::GeoPoint MetricPlane::toGeographic(const PlanePoint& p) const {
    // The plane point lies d^2/2R above the ellipsoid; dropping it along the
    // normal moves it sideways by about d^3/2R^2 (0.01 mm at 1 km).
    geo::GeoPoint g = _frame.toGeographic(geo::Vec3d{p.east, p.north, 0.0});
    g.z = 0.0;
    return g;
}

std::vector<PlanePoint> MetricPlane::toPlane(const geo::LineString& line) const {
    std::vector<PlanePoint> out;
    out.reserve(line.size());
    for (const auto& q : line)
        out.push_back(toPlane(q));
    return out;
}

double MetricPlane::distanceFromOrigin(const geo::GeoPoint& lonLat) const {
    const PlanePoint p = toPlane(lonLat);
    return std::hypot(p.east, p.north);
}

double MetricPlane::distanceFromOrigin(const geo::LineString& line) const {
    if (line.empty())
        return std::numeric_limits<double>::infinity();
    const auto pts = toPlane(line);
    if (pts.size() == 1)
        return std::hypot(pts[0].east, pts[0].north);
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i + 1 < pts.size(); ++i)
        best = std::min(best, plane::pointSegmentDistance({0.0, 0.0}, pts[i], pts[i + 1]));
    return best;
}

double MetricPlane::distanceFromOrigin(const geo::Polygon& polygon) const {
    plane::PlanePolygon p;
    for (const auto& ring : polygon.rings)
        p.rings.push_back(toPlane(ring));
    return plane::pointPolygonDistance({0.0, 0.0}, p);
}

double MetricPlane::distanceFromOrigin(const geo::Geometry& geometry) const {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& q : geometry.points)
        best = std::min(best, distanceFromOrigin(q));
    for (const auto& l : geometry.lines)
        best = std::min(best, distanceFromOrigin(l));
    for (const auto& pg : geometry.polygons)
        best = std::min(best, distanceFromOrigin(pg));
    return best;
}

}  // namespace citytwin::assets
