#pragma once
// Where an AssetProject comes from. The engine and the CLI only see this
// interface, so the reader can move to the project store (issue 3) without
// touching the rules.

#include <memory>
#include <string>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

class AssetRepository {
public:
    virtual ~AssetRepository() = default;
    /// Reads and validates every asset layer (diagnostics as AssetProjectBuilder).
    virtual geo::Result<AssetProject> load() const = 0;
    /// What the project is, for messages ("project.gpkg").
    virtual std::string description() const = 0;
};

/// A project GeoPackage (or any OGR dataset, a PostGIS project database
/// "PG:..." / "postgresql://..." included: geo/PostgresLocation.h) holding the
/// fixed layer names; features are converted to WGS 84 on read.
class GeoPackageAssetRepository final : public AssetRepository {
public:
    explicit GeoPackageAssetRepository(std::string path);
    geo::Result<AssetProject> load() const override;
    /// The path, or the database with its password masked.
    std::string description() const override;

private:
    std::string _path;
};

/// The repository for a project path or PostgreSQL location (one reader
/// serves both, through GDAL).
std::unique_ptr<AssetRepository> openAssetRepository(const std::string& path);

}  // namespace citytwin::assets
