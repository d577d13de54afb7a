#pragma once
// Reads any vector format GDAL/OGR knows (GeoPackage, Shapefile, GeoJSON,
// KML, CSV ...) into FeatureLayers converted to a target CRS. Never throws:
// whatever is wrong with the file comes back as diagnostics naming the file,
// layer and feature. Coordinates that cannot be in the CRS the layer declares
// (degrees under EPSG:3857, far outside the CRS's area of use) are a warning
// (field "crs") naming the CRS they are likely in.

#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo {

struct VectorReadOptions {
    /// CRS the returned coordinates are in (default WGS 84 lon/lat).
    Crs targetCrs = Crs::wgs84();
    /// Used when the source declares no CRS; overrides it if forceSourceCrs.
    std::optional<Crs> maybeSourceCrs;
    bool forceSourceCrs = false;
    /// Source text encoding (e.g. "GBK") for formats that do not declare one.
    std::string encoding;
    /// Only these layers (empty: all).
    std::vector<std::string> layerNames;
    /// CSV: the columns holding x (longitude, easting) and y (latitude,
    /// northing); empty: a CSV is read as GDAL reads it (WKT columns only).
    std::string csvXColumn;
    std::string csvYColumn;
    /// A layer that could be read only in part (a shapefile cut short, a read
    /// error after some features) is an error unless this is set; set, the
    /// features read are returned with a warning (field "partial") saying so.
    bool allowPartial = false;
};

/// A CSV's header and the coordinate columns its names suggest (the same
/// names the importer looks for: lon/lng/longitude/x/经度..., lat/latitude/y/纬度...).
struct CsvColumns {
    std::vector<std::string> names;
    int x = -1;  ///< index into names, -1: none found
    int y = -1;
};
Result<CsvColumns> detectCsvColumns(const std::string& path);

Result<std::vector<FeatureLayer>> readVectorFile(const std::string& path,
                                                 const VectorReadOptions& options = {});

}  // namespace citytwin::geo
