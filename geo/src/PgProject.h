#pragma once
// How a project lives in a PostgreSQL/PostGIS database (docs/deployment.md):
// each layer one table (GDAL's PostgreSQL driver: geometry column "geom",
// FID "fid", a GiST index), and two tables of ours, since PostgreSQL has no
// gpkg_metadata:
//   citytwin_project        (key text primary key, value text)  CRS, format
//   citytwin_layer_imports  (one row per import, oldest first)
// Each layer table has a statement trigger that sends
//   NOTIFY citytwin_layer_changed, '<layer name>'
// on INSERT, UPDATE, DELETE and TRUNCATE (delivered at commit, once per
// transaction and layer), which ProjectChangeWatcher listens for.
// All statements go through the GDAL dataset, so that an import's rows, its
// history row and its trigger commit or roll back together.

#include <optional>
#include <string>
#include <vector>

#include "OgrSupport.h"
#include "ProjectMetadata.h"

namespace citytwin::geo::detail {

inline constexpr const char* kPgProjectTable = "citytwin_project";
inline constexpr const char* kPgImportsTable = "citytwin_layer_imports";

/// 'text' with quotes doubled; "name" likewise.
std::string sqlLiteral(const std::string& text);
std::string sqlIdentifier(const std::string& name);

/// Opens the database through GDAL, checking that it answers and has PostGIS;
/// messages name the masked location and libpq's reason.
Result<DatasetPtr> openPgDataset(const std::string& location, bool update);

/// A statement without a result; false with `error` set (GDAL's message).
bool pgExecute(GDALDataset& ds, const std::string& sql, std::string& error);
/// The first column of every row of a query (NULL as nullopt).
Result<std::vector<std::optional<std::string>>> pgColumn(GDALDataset& ds, const std::string& sql);

/// A project in the database: its CRS from citytwin_project.
Result<OpenedProject> openPgProject(const std::string& location, bool update);
/// Makes the database a project: our tables and the CRS, in one transaction;
/// fails if it already is one.
Result<Crs> createPgProject(const std::string& location, const Crs& crs);
/// Whether the database holds citytwin_project (fails if it cannot be asked).
Result<bool> isPgProject(const std::string& location);

/// The layer's import history, oldest first.
std::vector<LayerImportRecord> readPgImportRecords(GDALDataset& ds, const std::string& layer);
/// Records one import (dropping the history first when the layer was
/// replaced) and (re)installs the layer's NOTIFY trigger; inside the import's
/// transaction.
bool recordPgImport(GDALDataset& ds, const std::string& layer, const LayerImportRecord& record,
                    bool replacedHistory, std::string& error);

/// Layer names a PostgreSQL project cannot take (identifier length, our
/// tables' prefix), or empty.
std::string pgLayerNameProblem(const std::string& name);

}  // namespace citytwin::geo::detail
