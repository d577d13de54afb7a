#pragma once
// Distances in metres between WGS 84 features, measured in the east-north
// tangent plane at a query point (geo::LocalFrame). Within the few hundred
// metres the rules look at, this matches the geodesic distance to well under
// a millimetre; degrees are never used as distances.

#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"

namespace citytwin::assets {

struct PlanePoint {
    double east = 0.0;   ///< metres
    double north = 0.0;  ///< metres
};

class MetricPlane {
public:
    /// Tangent plane at a WGS 84 lon/lat (degrees).
    explicit MetricPlane(const geo::GeoPoint& originLonLat);

    const geo::GeoPoint& origin() const { return _frame.origin(); }
    PlanePoint toPlane(const geo::GeoPoint& lonLat) const;
    geo::GeoPoint toGeographic(const PlanePoint& p) const;

    /// Distance (m) from the origin to a point.
    double distanceFromOrigin(const geo::GeoPoint& lonLat) const;
    /// Distance (m) from the origin to a polyline.
    double distanceFromOrigin(const geo::LineString& line) const;
    /// Distance (m) from the origin to a polygon; 0 inside (holes respected).
    double distanceFromOrigin(const geo::Polygon& polygon) const;
    /// Distance (m) from the origin to any part of a geometry (points, lines, polygons).
    double distanceFromOrigin(const geo::Geometry& geometry) const;

    std::vector<PlanePoint> toPlane(const geo::LineString& line) const;

private:
    geo::LocalFrame _frame;
};

/// Planar helpers on metres.
namespace plane {
double pointSegmentDistance(PlanePoint p, PlanePoint a, PlanePoint b);
double segmentSegmentDistance(PlanePoint a, PlanePoint b, PlanePoint c, PlanePoint d);
bool pointInRing(PlanePoint p, const std::vector<PlanePoint>& ring);
/// A polygon in the plane: rings[0] outer, the rest holes.
struct PlanePolygon {
    std::vector<std::vector<PlanePoint>> rings;
};
bool pointInPolygon(PlanePoint p, const PlanePolygon& polygon);
double pointPolygonDistance(PlanePoint p, const PlanePolygon& polygon);
/// 0 if the polyline touches or enters the polygon.
double polylinePolygonDistance(const std::vector<PlanePoint>& line, const PlanePolygon& polygon);
}  // namespace plane

}  // namespace citytwin::assets
