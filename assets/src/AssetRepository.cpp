#include "citytwin/assets/AssetRepository.h"

#include "citytwin/assets/AssetProjectBuilder.h"
#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/VectorReader.h"

namespace citytwin::assets {

GeoPackageAssetRepository::GeoPackageAssetRepository(std::string path) : _path(std::move(path)) {}

std::string GeoPackageAssetRepository::description() const {
    return geo::maskedLocation(_path);
}

geo::Result<AssetProject> GeoPackageAssetRepository::load() const {
    geo::VectorReadOptions options;
    options.targetCrs = geo::Crs::wgs84();
    options.layerNames = layers::all();
    options.layerNames.push_back(layers::kCoreNodes);
    auto read = geo::readVectorFile(_path, options);
    if (!read) {
        geo::Result<AssetProject> failed;
        failed.addDiagnostics(read.diagnostics());
        if (!failed.hasErrors())
            failed.addDiagnostic(geo::makeError("cannot read the project", description()));
        return failed;
    }
    auto project = buildAssetProject(read.value(), description());
    project.addDiagnostics(read.diagnostics());
    return project;
}

std::unique_ptr<AssetRepository> openAssetRepository(const std::string& path) {
    return std::make_unique<GeoPackageAssetRepository>(path);
}

}  // namespace citytwin::assets
