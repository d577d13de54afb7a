#include "ProjectMetadata.h"

#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "PgProject.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::geo::detail {

Result<OpenedProject> openProject(const std::string& path, bool update) {
    using R = Result<OpenedProject>;
    if (isPostgresLocation(path))
        return openPgProject(path, update);
    ensureGdalInitialised();
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st))
        return R::failure("no such project file", path);
    if (fs::is_directory(st))
        return R::failure("is a directory, not a project GeoPackage", path);

    GdalErrorCapture capture;
    const char* drivers[] = {"GPKG", nullptr};
    const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    DatasetPtr ds(GDALDataset::Open(path.c_str(), flags, drivers, nullptr, nullptr));
    // GDAL will not open a GeoPackage without any table read-only (a new
    // project): it opens for update, where an empty one is fine.
    if (!ds && !update)
        ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr,
                                   nullptr));
    if (!ds) {
        return R::failure(
            "cannot open as a GeoPackage: " + capture.lastError("not a GeoPackage, or damaged"),
            path);
    }
    const char* def = ds->GetMetadataItem(kProjectCrsKey);
    if (!def || !*def) {
        return R::failure("is a GeoPackage but not a citytwin project (no " +
                              std::string(kProjectCrsKey) +
                              " metadata); import into a new project file instead",
                          path);
    }
    auto crs = Crs::fromString(def);
    if (!crs)
        return R::failure("project CRS is not readable: " + crs.messages(), path);
    return OpenedProject{std::move(ds), crs.value()};
}

std::vector<LayerImportRecord> readImportRecords(const char* text) {
    std::vector<LayerImportRecord> out;
    if (!text || !*text)
        return out;
    const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!json.is_array())
        return out;
    for (const auto& j : json) {
        if (!j.is_object())
            continue;
        LayerImportRecord r;
        r.sourcePath = j.value("source", "");
        r.sourceCrs = j.value("source_crs", "");
        r.sourceCrsLabel = j.value("source_crs_label", "");
        r.encoding = j.value("encoding", "");
        r.importedAtUtc = j.value("imported_at", "");
        r.featuresWritten = j.value("features_written", std::int64_t{0});
        out.push_back(std::move(r));
    }
    return out;
}

std::string writeImportRecords(const std::vector<LayerImportRecord>& records) {
    auto json = nlohmann::json::array();
    for (const auto& r : records) {
        json.push_back({{"source", r.sourcePath},
                        {"source_crs", r.sourceCrs},
                        {"source_crs_label", r.sourceCrsLabel},
                        {"encoding", r.encoding},
                        {"imported_at", r.importedAtUtc},
                        {"features_written", r.featuresWritten}});
    }
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string utcNowIso8601() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace citytwin::geo::detail
