#pragma once
// Private: conversions between geo's plain geometry and OGR's, so that GEOS
// (through OGR) can validate polygons and compute buffers.

#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "citytwin/geo/Feature.h"

namespace citytwin::assets::detail {

std::unique_ptr<OGRPolygon> toOgrPolygon(const geo::Polygon& polygon);
/// A MultiPolygon of all parts.
std::unique_ptr<OGRMultiPolygon> toOgrMultiPolygon(const std::vector<geo::Polygon>& polygons);
std::unique_ptr<OGRLineString> toOgrLineString(const geo::LineString& line);

/// Polygons of a Polygon or MultiPolygon (other types give nothing).
std::vector<geo::Polygon> polygonsOf(const OGRGeometry& geometry);

/// Empty if the polygons are valid (OGC simple features), else GEOS's reason
/// (e.g. "Self-intersection at or near point ...").
std::string invalidityReason(const std::vector<geo::Polygon>& polygons);

/// Parses WKT (POLYGON or MULTIPOLYGON); error text on failure.
bool polygonsFromWkt(const std::string& wkt, std::vector<geo::Polygon>& out, std::string& error);

}  // namespace citytwin::assets::detail
