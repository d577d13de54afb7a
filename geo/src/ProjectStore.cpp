#include "citytwin/geo/ProjectStore.h"

#include <filesystem>

#include "PgProject.h"
#include "ProjectMetadata.h"
#include "VectorImporter.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/ProjectBookmarks.h"
#include "citytwin/geo/VectorReader.h"

namespace citytwin::geo {

namespace fs = std::filesystem;

Result<ProjectStore> ProjectStore::create(const std::string& path, const Crs& projectCrs) {
    using R = Result<ProjectStore>;
    ensureGdalInitialised();
    if (isPostgresLocation(path)) {
        if (auto srs = detail::ogrSrsFor(projectCrs); !srs)
            return R::failure("project CRS: " + srs.messages(), maskedLocation(path), 0, "crs");
        auto created = detail::createPgProject(path, projectCrs);
        CITYTWIN_RETURN_IF_FAILED(created);
        return ProjectStore(path, projectCrs);
    }
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec)))
        return R::failure("already exists; open it instead (nothing is overwritten)", path);
    const fs::path parent = fs::absolute(path, ec).parent_path();
    if (!fs::is_directory(parent, ec))
        return R::failure("folder does not exist", parent.string());
    auto srs = detail::ogrSrsFor(projectCrs);
    if (!srs)
        return R::failure("project CRS: " + srs.messages(), path, 0, "crs");

    GdalErrorCapture capture;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return R::failure("GDAL was built without the GeoPackage driver", path);
    detail::DatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return R::failure("cannot create: " + capture.lastError("GDAL refused"), path);
    ds->SetMetadataItem(detail::kProjectCrsKey, projectCrs.definition().c_str());
    ds->SetMetadataItem(detail::kProjectFormatKey, "1");
    ds.reset();  // flushes the metadata
    if (!capture.errors().empty()) {
        fs::remove(path, ec);
        return R::failure("cannot create: " + capture.lastError(""), path);
    }
    return ProjectStore(path, projectCrs);
}

Result<ProjectStore> ProjectStore::open(const std::string& path) {
    auto opened = detail::openProject(path, /*update=*/false);
    CITYTWIN_RETURN_IF_FAILED(opened);
    return ProjectStore(path, opened->crs);
}

Result<ProjectStore> ProjectStore::openOrCreate(const std::string& path, const Crs& projectCrs) {
    if (isPostgresLocation(path)) {
        // The database must exist (with PostGIS); the project's tables are made here.
        auto isProject = detail::isPgProject(path);
        CITYTWIN_RETURN_IF_FAILED(isProject);
        return isProject.value() ? open(path) : create(path, projectCrs);
    }
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec)))
        return create(path, projectCrs);
    return open(path);
}

Result<std::vector<LayerInfo>> ProjectStore::layers() const {
    auto opened = detail::openProject(_path, /*update=*/false);
    CITYTWIN_RETURN_IF_FAILED(opened);
    GdalErrorCapture capture;
    std::vector<LayerInfo> out;
    GDALDataset& ds = *opened->dataset;
    const bool isPostgres = isPostgresLocation(_path);
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* layer = ds.GetLayer(i);
        // A database lists every spatial table in it: a project's are in the default schema.
        if (!layer || (isPostgres && std::string(layer->GetName()).find('.') != std::string::npos))
            continue;
        if (std::string(layer->GetName()) == ProjectBookmarks::kTable)
            continue;  // the saved views, not a layer
        LayerInfo info;
        info.name = layer->GetName();
        info.crs = _crs;
        if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
            // A layer written by another tool may differ from the project CRS.
            auto expected = detail::ogrSrsFor(_crs);
            if (!(expected && srs->IsSame(&expected.value()))) {
                if (auto c = detail::crsFromOgr(*srs))
                    info.crs = c.value();
            }
        }
        info.geometryType = OGRGeometryTypeToName(layer->GetGeomType());
        info.featureCount = layer->GetFeatureCount(TRUE);
        OGREnvelope env;
        if (layer->GetGeomType() != wkbNone && layer->GetExtent(&env, TRUE) == OGRERR_NONE &&
            info.featureCount > 0) {
            info.extent.add(env.MinX, env.MinY);
            info.extent.add(env.MaxX, env.MaxY);
        }
        info.imports =
            isPostgres
                ? detail::readPgImportRecords(ds, info.name)
                : detail::readImportRecords(layer->GetMetadataItem(detail::kLayerImportsKey));
        out.push_back(std::move(info));
    }
    return out;
}

Result<FeatureLayer> ProjectStore::readLayer(const std::string& name) const {
    using R = Result<FeatureLayer>;
    auto all = layers();
    CITYTWIN_RETURN_IF_FAILED(all);
    const LayerInfo* info = nullptr;
    for (const auto& l : all.value())
        if (l.name == name)
            info = &l;
    if (!info)
        return R::failure("project has no layer '" + name + "'", maskedLocation(_path), 0, "layer");

    VectorReadOptions options;
    options.targetCrs = info->crs;
    options.maybeSourceCrs = info->crs;
    options.forceSourceCrs = true;
    options.layerNames = {name};
    auto read = readVectorFile(_path, options);
    if (!read || read->empty()) {
        R r;
        r.addDiagnostics(read.diagnostics());
        if (!r.hasErrors())
            r.addDiagnostic(makeError("layer could not be read", maskedLocation(_path), 0, name));
        return r;
    }
    FeatureLayer layer = std::move(read->front());
    layer.sourceCrs = info->crs;
    if (!info->imports.empty()) {
        if (auto c = Crs::fromString(info->imports.back().sourceCrs))
            layer.sourceCrs = c.value();
    }
    R r(std::move(layer));
    r.addDiagnostics(read.diagnostics());
    return r;
}

Result<ImportReport> ProjectStore::importVector(const std::string& sourcePath,
                                                const ImportOptions& options) const {
    return detail::importVectorFile(_path, sourcePath, options);
}

}  // namespace citytwin::geo
