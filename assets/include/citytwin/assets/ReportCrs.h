#pragma once
// The one coordinate system of an inspection report (issue 18, item 2): by
// default the CGCS2000 3-degree Gauss-Kruger zone of the case's centre, chosen
// once from the centre's longitude, so that every coordinate of one report is
// in the same zone even where the case straddles a zone border (121.5 E runs
// through Shanghai). WGS 84 is printed beside it.

#include <memory>
#include <string>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo {
class CrsTransform;
}

namespace citytwin::assets {

/// The 3-degree zone number (25..45 over China) whose central meridian is
/// nearest `longitudeDeg`; a longitude exactly on a border (121.5) belongs to
/// the western zone (zone 40, CM 120 E). Clamped to 25..45.
int gaussKrugerZone(double longitudeDeg);
/// EPSG code of the CGCS2000 3-degree GK zone without the zone prefix in the
/// easting: zone 25 (CM 75 E) EPSG:4534 ... zone 40 (CM 120 E) EPSG:4549 ...
/// zone 45 (CM 135 E) EPSG:4554.
int gaussKrugerEpsg(int zone);

/// Converts WGS 84 points into the report's system. Owns a PROJ transform:
/// one per thread (CrsTransform's contract).
class ReportProjector {
public:
    /// The system named by `definition` (EPSG code, WKT, PROJ string); empty:
    /// the GK zone of `centreWgs84`. Fails on an unknown or geographic-only
    /// definition PROJ cannot reach from WGS 84.
    static geo::Result<ReportProjector> create(const std::string& definition,
                                               const geo::GeoPoint& centreWgs84);
    ReportProjector(ReportProjector&&) noexcept;
    ReportProjector& operator=(ReportProjector&&) noexcept;
    ~ReportProjector();

    /// "EPSG:4549" (or the definition the user gave).
    const std::string& code() const { return _code; }
    /// "CGCS2000 / 3-degree Gauss-Kruger CM 120E" as PROJ names it.
    const std::string& label() const { return _label; }
    /// Easting/northing (or x/y) in the report's system; NaN where PROJ fails.
    geo::GeoPoint project(const geo::GeoPoint& wgs84) const;

private:
    ReportProjector() = default;
    std::string _code, _label;
    std::unique_ptr<geo::CrsTransform> _transform;
};

}  // namespace citytwin::assets
