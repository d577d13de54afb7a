#pragma once
// The operator's measurements (issue 17, item 1) in metres: along the ground
// and straight in 3D, per segment and in total; area and perimeter of a
// polygon on the ground. Computed in a metric plane chosen for the place
// (the CGCS2000 3-degree Gauss-Kruger zone of the centre, as the reports
// use: ReportCrs) or in a project CRS, never in degrees. The plane's point
// scale (about 1.0002 at Shanghai's 1.5 degrees from CM 120 E) is measured
// numerically and divided out, so that ground lengths and areas are those on
// the ellipsoid (the plane must be conformal, as Gauss-Kruger and UTM are).
//
// Thread safety: owns a PROJ transform; one instance per thread.

#include <string>
#include <vector>

#include "citytwin/assets/ReportCrs.h"
#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

struct MeasuredSegment {
    double groundM = 0.0;    ///< on the ellipsoid, between the points' footprints
    double straightM = 0.0;  ///< the 3D chord between the points, heights included
    double riseM = 0.0;      ///< height of the end above the start
};

struct PathMeasurement {
    std::vector<MeasuredSegment> segments;
    double groundTotalM = 0.0;
    double straightTotalM = 0.0;
};

struct AreaMeasurement {
    double areaM2 = 0.0;       ///< on the ellipsoid
    double perimeterM = 0.0;   ///< on the ellipsoid, closing edge included
    double planeAreaM2 = 0.0;  ///< in the plane, before the scale is divided out
};

class GroundMeasure {
public:
    /// definition: an EPSG code, WKT or PROJ string of a conformal projected
    /// CRS; empty: the Gauss-Kruger zone of centreWgs84's longitude.
    static geo::Result<GroundMeasure> create(const std::string& definition,
                                             const geo::GeoPoint& centreWgs84);

    /// "EPSG:4549" or the definition given.
    const std::string& crsCode() const { return _projector.code(); }
    const std::string& crsLabel() const { return _projector.label(); }

    /// Points are WGS 84 lon, lat (degrees) and ellipsoidal height (m).
    PathMeasurement measurePath(const std::vector<geo::GeoPoint>& points) const;
    /// A ring of WGS 84 points (closing point optional); heights ignored.
    AreaMeasurement measureArea(const std::vector<geo::GeoPoint>& ring) const;
    /// The plane's point scale at a WGS 84 point (plane length / ellipsoid length).
    double scaleAt(const geo::GeoPoint& wgs84) const;
    /// Ground length of the short line a-b (m): plane length over the line's
    /// mean scale (Simpson's rule over the ends and the middle).
    double groundDistance(const geo::GeoPoint& a, const geo::GeoPoint& b) const;

private:
    explicit GroundMeasure(ReportProjector projector) : _projector(std::move(projector)) {}
    ReportProjector _projector;
};

}  // namespace citytwin::assets
