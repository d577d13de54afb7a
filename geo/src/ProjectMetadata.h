#pragma once
// How a project GeoPackage records what citytwin knows about it, in GDAL's
// metadata (stored by the GPKG driver in gpkg_metadata /
// gpkg_metadata_reference): the project CRS on the dataset, the import
// history as a JSON array on each layer.

#include <string>
#include <vector>

#include "OgrSupport.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo::detail {

inline constexpr const char* kProjectCrsKey = "CITYTWIN_PROJECT_CRS";
inline constexpr const char* kProjectFormatKey = "CITYTWIN_PROJECT_FORMAT";
inline constexpr const char* kLayerImportsKey = "CITYTWIN_IMPORTS";

/// Opens a project GeoPackage, or a PostgreSQL project (PgProject.h),
/// read-only or for update, and reads its CRS.
struct OpenedProject {
    DatasetPtr dataset;
    Crs crs;
};
Result<OpenedProject> openProject(const std::string& path, bool update);

/// The layer's import history; a malformed entry is skipped, never fatal.
std::vector<LayerImportRecord> readImportRecords(const char* json);
std::string writeImportRecords(const std::vector<LayerImportRecord>& records);

/// Current time, ISO 8601 UTC with a 'Z'.
std::string utcNowIso8601();

}  // namespace citytwin::geo::detail
