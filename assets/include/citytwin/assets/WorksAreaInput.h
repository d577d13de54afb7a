#pragma once
// The works polygon a user gives check-works: WKT text, or a vector file
// (GeoJSON, GeoPackage, Shapefile, KML ...; every polygon of its first
// polygon layer), converted to WGS 84.

#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

/// POLYGON or MULTIPOLYGON WKT whose coordinates are in `crs` (x = lon/easting).
geo::Result<std::vector<geo::Polygon>> parseWorksAreaWkt(const std::string& wkt,
                                                         const geo::Crs& crs = geo::Crs::wgs84());

/// Polygons of a vector file; `crs` is assumed where the file declares none.
/// A file that is not a vector dataset is read as WKT text.
geo::Result<std::vector<geo::Polygon>> readWorksAreaFile(const std::string& path,
                                                         const geo::Crs& crs = geo::Crs::wgs84());

}  // namespace citytwin::assets
