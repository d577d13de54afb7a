#pragma once
// Whether a layer's coordinates can belong to the CRS it declares: degrees
// under a CRS in metres (a .prj of EPSG:3857 on longitude/latitude data
// lands in the Gulf of Guinea), metres under a geographic CRS, or a position
// far outside the CRS's area of use (PROJ's proj_get_area_of_use). Each is a
// warning that names the CRS the numbers are likely in.

#include <optional>
#include <string>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/GeoTypes.h"

namespace citytwin::geo::detail {

/// The warning for coordinates spanning `sourceExtent` (in `declared`'s
/// units, GIS axis order), or nullopt when they are plausible.
std::optional<std::string> crsPlausibilityWarning(const Crs& declared, const Extent& sourceExtent);

}  // namespace citytwin::geo::detail
