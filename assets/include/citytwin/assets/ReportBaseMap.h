#pragma once
// The base map under a report's case map: roads, water, buildings and
// district boundaries, read from the project (layers of those names in the
// project GeoPackage, else files of those names beside it, as the demo
// ships), projected into the report's system and cut to the map's extent.
// Drawn faded under the case, so the inspector sees where it is.

#include <string>
#include <vector>

#include "citytwin/assets/ReportCrs.h"
#include "citytwin/assets/ReportModel.h"

namespace citytwin::assets {

/// One source of the base map: a file (and a layer in it, empty: its only
/// one) and what it shows: "roads", "water", "buildings" or "boundaries".
struct BaseMapLayer {
    std::string role;
    std::string path;
    std::string layerName;
};

/// The base layers found for a project: in the project's GeoPackage a layer
/// named roads / water / buildings / boundaries (or districts); else beside
/// it a file of that name (.gpkg, .geojson, .shp). None if there are none.
std::vector<BaseMapLayer> findBaseMapLayers(const std::string& projectPath);

/// The base layers' shapes inside `extentM` (report-CRS metres), role Base,
/// their layer the BaseMapLayer's role, a road's label its kind. Layers that
/// cannot be read are skipped (the map is a backdrop, not a finding); the
/// files that gave shapes are appended to `sources`.
std::vector<MapShape> baseMapShapes(const std::vector<BaseMapLayer>& layers,
                                    const ReportProjector& projector, const geo::Extent& extentM,
                                    std::vector<std::string>& sources);

}  // namespace citytwin::assets
