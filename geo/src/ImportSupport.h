#pragma once
// The pieces of a vector import that are not its sequence of steps (see
// VectorImporter.cpp): how a source file is opened and its layer chosen, how
// a repaired geometry keeps its dimension, and the coarse "far from the other
// layers" distance.

#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo::detail {

std::string lowerAscii(std::string s);

/// ext: lower-case file extension without the dot.
bool isShapefile(const std::string& ext);

/// Open options that make the common cases work without the user asking:
/// CSV longitude/latitude columns by their usual names (English and Chinese).
/// The CSV column names taken for x and y, in GDAL's X/Y_POSSIBLE_NAMES form.
inline constexpr const char* kCsvXNames = "longitude,lon,lng,long,x,经度,lon_*,lng_*,*_lon,*_lng";
inline constexpr const char* kCsvYNames = "latitude,lat,y,纬度,lat_*,*_lat";
/// Whether a column name matches one of those comma-separated patterns
/// (case-insensitive; "name", "prefix*", "*suffix").
bool matchesColumnPattern(const std::string& column, const std::string& patterns);

CPLStringList openOptionsFor(const std::string& ext, const std::string& encoding);

/// The source layer to import, or an error listing the candidates.
Result<OGRLayer*> pickSourceLayer(GDALDataset& ds, const std::string& wanted,
                                  const std::string& path);

/// Distance in km between two lon/lat boxes (0 if they overlap); a flat-earth
/// approximation, good to a few percent at the 100 km scale it is used for.
double boxDistanceKm(const Extent& a, const Extent& b);

/// The box e (in the transform's source CRS) in WGS 84, from its corners and
/// edge midpoints: enough for the coarse distance check.
Extent extentToWgs84(const Extent& e, const CrsTransform& toWgs);

/// Parts of a MakeValid result with the original's dimension, so that a
/// polygon layer does not receive stray lines and points.
std::unique_ptr<OGRGeometry> keepDimension(std::unique_ptr<OGRGeometry> g, int dimension);

}  // namespace citytwin::geo::detail
