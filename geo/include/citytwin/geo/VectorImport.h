#pragma once
// What an import of a vector file into a project store takes and gives back.
// See ProjectStore::importVector.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/GeoTypes.h"

namespace citytwin::geo {

/// What to do with a feature whose geometry is invalid (self-intersecting
/// ring, too few points ...) or unusable (NaN, out of range, untransformable).
enum class InvalidGeometryPolicy {
    Repair,  ///< repair with OGR MakeValid (GEOS); unusable ones are skipped
    Skip,    ///< leave the feature out
    Fail,    ///< import nothing; every bad feature is reported
};

/// What to do when the project already has a layer of the target name.
enum class ExistingLayerPolicy {
    Refuse,     ///< fail, naming --overwrite and --append (nothing is lost silently)
    Overwrite,  ///< replace the layer (atomically: a failed import keeps the old one)
    Append,     ///< add the features to it; new attribute fields are added
};

/// Reported while importing, on the importing thread.
struct ImportProgress {
    std::int64_t featuresDone = 0;
    std::int64_t featuresTotal = -1;  ///< -1 when the source cannot count cheaply
};

struct ImportOptions {
    /// Target layer name in the project (letters, digits, '_', '-', CJK; not
    /// starting with "gpkg_" or "rtree_").
    std::string layerName;
    /// Source layer, for files with several (OSM, KML folders, GeoPackages);
    /// empty: the file's only layer with geometry.
    std::string sourceLayer;
    /// CRS the source coordinates are in, overriding what the file declares
    /// (e.g. GCJ02 for data exported from AMap). Needed when it declares none.
    std::optional<Crs> maybeSourceCrs;
    /// Text encoding of Shapefile .dbf and CSV attributes ("GBK", "UTF-8" ...);
    /// empty: the .cpg / DBF code page if any, else the driver's default.
    std::string encoding;
    InvalidGeometryPolicy invalid = InvalidGeometryPolicy::Repair;
    ExistingLayerPolicy existing = ExistingLayerPolicy::Refuse;
    /// Called every few hundred features and once at the end.
    std::function<void(const ImportProgress&)> onProgress;
    /// Set (from any thread) to cancel: the import stops at the next feature
    /// and the project file is left exactly as it was.
    const std::atomic<bool>* maybeCancel = nullptr;
};

struct ImportReport {
    std::string layerName;
    std::string sourcePath;
    Crs sourceCrs;   ///< the CRS the source coordinates were taken to be in
    Crs projectCrs;  ///< the CRS they were stored in
    std::int64_t featuresRead = 0;
    std::int64_t featuresWritten = 0;
    std::int64_t featuresRepaired = 0;  ///< written after MakeValid
    std::int64_t featuresSkipped = 0;
    Extent extent;  ///< of the written features, in the project CRS
};

}  // namespace citytwin::geo
