#pragma once
// The project store: one GeoPackage (SQLite) file per project holding every
// imported layer, reprojected to the project CRS, with the GeoPackage R*Tree
// spatial index. The project CRS and, per layer, the source file, source CRS,
// encoding and import time (UTC) are kept in the GeoPackage metadata
// (gpkg_metadata, GDAL's metadata domain), readable by QGIS as well.
//
// A project may instead live in a PostgreSQL/PostGIS database shared by
// several workstations: wherever a path is taken, a "PG:..." connection
// string or a "postgresql://" URI works (PostgresLocation.h). There each
// layer is a table of the database's default schema, the CRS and import
// history are in tables of ours (citytwin_project, citytwin_layer_imports),
// and a trigger on each layer table NOTIFYs citytwin_layer_changed with the
// layer name (ProjectChangeWatcher.h; docs/deployment.md). The database must
// exist and have PostGIS; the project's tables are created on first import.
//
// Thread safety: a ProjectStore holds only the path and CRS; every call opens
// the file itself, so separate instances (e.g. one importing on a worker, one
// listing on the GUI thread) may be used concurrently; SQLite serialises the
// writes. One instance must not be used by two threads at once.

#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"
#include "citytwin/geo/VectorImport.h"

namespace citytwin::geo {

/// One import of data into a layer, as recorded in the layer's metadata.
struct LayerImportRecord {
    std::string sourcePath;
    std::string sourceCrs;       ///< definition (EPSG code, WKT, PROJ string, GCJ02 ...)
    std::string sourceCrsLabel;  ///< e.g. "GCJ-02 (Chinese web-map offset of WGS 84)"
    std::string encoding;        ///< as given with the import; empty if none
    std::string importedAtUtc;   ///< ISO 8601, e.g. "2026-11-26T06:10:00Z"
    std::int64_t featuresWritten = 0;
};

struct LayerInfo {
    std::string name;
    Crs crs;                   ///< the project CRS the layer is stored in
    std::string geometryType;  ///< OGR name, e.g. "Multi Polygon"
    std::int64_t featureCount = 0;
    Extent extent;  ///< in crs; empty for a layer without geometry
    /// Oldest first; empty for layers not imported by citytwin.
    std::vector<LayerImportRecord> imports;
};

class ProjectStore {
public:
    /// Creates a new project file (or the project tables in a PostgreSQL
    /// database); fails if the path already exists (nothing is overwritten). The CRS must be one PROJ knows (not GCJ02/BD09: those
    /// are converted on import, never stored).
    static Result<ProjectStore> create(const std::string& path,
                                       const Crs& projectCrs = Crs::wgs84());
    /// Opens an existing project; fails if the file is not a citytwin project
    /// GeoPackage.
    static Result<ProjectStore> open(const std::string& path);
    /// Opens the project at path, creating it with projectCrs if there is no file.
    static Result<ProjectStore> openOrCreate(const std::string& path,
                                             const Crs& projectCrs = Crs::wgs84());

    const std::string& path() const { return _path; }
    const Crs& crs() const { return _crs; }

    /// Every layer with its CRS, feature count, extent and import history.
    Result<std::vector<LayerInfo>> layers() const;

    /// Reads a layer back; coordinates in the project CRS, sourceCrs set from
    /// the latest import record (else the project CRS).
    Result<FeatureLayer> readLayer(const std::string& name) const;

    /// Imports one layer of a vector file (GeoPackage, Shapefile, GeoJSON,
    /// KML, CSV with lon/lat or WKT columns, anything OGR reads) into
    /// options.layerName, reprojected to the project CRS, in one transaction:
    /// on failure or cancellation the file is left as it was.
    /// Diagnostics: every invalid/skipped/repaired feature by id (source FID),
    /// a warning if the layer lands > 100 km from the project's other layers,
    /// a warning for text that is not valid in the assumed encoding.
    /// Call from a worker thread for long imports; onProgress runs there too.
    Result<ImportReport> importVector(const std::string& sourcePath,
                                      const ImportOptions& options) const;

private:
    ProjectStore(std::string path, Crs crs) : _path(std::move(path)), _crs(std::move(crs)) {}
    std::string _path;
    Crs _crs;
};

}  // namespace citytwin::geo
