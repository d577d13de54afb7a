#include "citytwin/geo/ProjectBookmarks.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "ProjectMetadata.h"
#include "citytwin/geo/GdalSupport.h"
#include "citytwin/json/JsonText.h"

namespace citytwin::geo {
namespace {

struct Range {
    const char* field;
    double min, max;
};
constexpr Range kRanges[] = {{"lon", -180, 180},
                             {"lat", -90, 90},
                             {"height", 1, 100000},
                             {"heading", -360, 360},
                             {"pitch", -90, 90}};

double valueOf(const Bookmark& b, const std::string& field) {
    if (field == "lon")
        return b.lon;
    if (field == "lat")
        return b.lat;
    if (field == "height")
        return b.height;
    if (field == "heading")
        return b.heading;
    return b.pitch;
}

std::string rowSource(const std::string& path, std::int64_t id) {
    return path + ": " + ProjectBookmarks::kTable + " row " + std::to_string(id);
}

/// The table, created with its columns if `create` and absent.
OGRLayer* bookmarkTable(GDALDataset& ds, bool create) {
    if (OGRLayer* layer = ds.GetLayerByName(ProjectBookmarks::kTable))
        return layer;
    if (!create)
        return nullptr;
    OGRLayer* layer = ds.CreateLayer(ProjectBookmarks::kTable, nullptr, wkbNone, nullptr);
    if (!layer)
        return nullptr;
    auto field = [layer](const char* name, OGRFieldType type) {
        OGRFieldDefn defn(name, type);
        return layer->CreateField(&defn) == OGRERR_NONE;
    };
    bool ok = field("name", OFTString);
    for (const Range& r : kRanges)
        ok = ok && field(r.field, OFTReal);
    ok = ok && field("layers", OFTString) && field("sensor_time", OFTString) &&
         field("saved_at", OFTString);
    return ok ? layer : nullptr;
}

std::optional<std::vector<std::string>> layersFrom(const char* text, std::string& problem) {
    const auto parsed = citytwin::json::parseJsonText(text);
    if (!parsed.ok || !parsed.doc.is_array()) {
        problem = "layers: not a JSON array of layer ids";
        return std::nullopt;
    }
    std::vector<std::string> ids;
    for (const auto& id : parsed.doc) {
        if (!id.is_string()) {
            problem = "layers: not a JSON array of layer ids";
            return std::nullopt;
        }
        ids.push_back(id.get<std::string>());
    }
    return ids;
}

}  // namespace

std::string bookmarkProblem(const Bookmark& b) {
    if (b.name.empty())
        return "name: must not be empty";
    for (const Range& r : kRanges) {
        const double v = valueOf(b, r.field);
        if (!std::isfinite(v) || v < r.min || v > r.max) {
            std::ostringstream s;
            s << r.field << ": out of range [" << r.min << ", " << r.max << "]";
            return s.str();
        }
    }
    return {};
}

Result<std::vector<Bookmark>> ProjectBookmarks::list() const {
    auto opened = detail::openProject(_path, /*update=*/false);
    CITYTWIN_RETURN_IF_FAILED(opened);
    GdalErrorCapture capture;
    Result<std::vector<Bookmark>> out{std::vector<Bookmark>{}};
    OGRLayer* table = bookmarkTable(*opened->dataset, false);
    if (!table)
        return out;
    table->ResetReading();
    while (OGRFeature* raw = table->GetNextFeature()) {
        std::unique_ptr<OGRFeature, decltype(&OGRFeature::DestroyFeature)> f(
            raw, &OGRFeature::DestroyFeature);
        Bookmark b;
        b.id = f->GetFID();
        std::string problem;
        const int nameIndex = f->GetFieldIndex("name");
        if (nameIndex >= 0 && f->IsFieldSetAndNotNull(nameIndex))
            b.name = f->GetFieldAsString(nameIndex);
        for (const Range& r : kRanges) {
            const int i = f->GetFieldIndex(r.field);
            if (i < 0 || !f->IsFieldSetAndNotNull(i)) {
                problem = std::string(r.field) + ": missing";
                break;
            }
            const double v = f->GetFieldAsDouble(i);
            const std::string field = r.field;
            if (field == "lon")
                b.lon = v;
            else if (field == "lat")
                b.lat = v;
            else if (field == "height")
                b.height = v;
            else if (field == "heading")
                b.heading = v;
            else
                b.pitch = v;
        }
        if (const int i = f->GetFieldIndex("layers");
            problem.empty() && i >= 0 && f->IsFieldSetAndNotNull(i))
            b.maybeLayers = layersFrom(f->GetFieldAsString(i), problem);
        if (const int i = f->GetFieldIndex("sensor_time");
            problem.empty() && i >= 0 && f->IsFieldSetAndNotNull(i)) {
            b.maybeSensorTimeMs = parseIso8601(f->GetFieldAsString(i));
            if (!b.maybeSensorTimeMs)
                problem = "sensor_time: not ISO 8601 with a zone";
        }
        if (problem.empty())
            problem = bookmarkProblem(b);
        if (!problem.empty()) {
            const auto colon = problem.find(':');
            out.addDiagnostic(makeWarning("bookmark left out: " + problem.substr(colon + 2),
                                          rowSource(_path, b.id), 0, problem.substr(0, colon)));
            continue;
        }
        out->push_back(std::move(b));
    }
    return out;
}

Result<std::int64_t> ProjectBookmarks::add(const Bookmark& b) const {
    using R = Result<std::int64_t>;
    if (const std::string problem = bookmarkProblem(b); !problem.empty()) {
        const auto colon = problem.find(':');
        return R::failure(problem.substr(colon + 2), _path, 0, problem.substr(0, colon));
    }
    auto opened = detail::openProject(_path, /*update=*/true);
    CITYTWIN_RETURN_IF_FAILED(opened);
    GdalErrorCapture capture;
    OGRLayer* table = bookmarkTable(*opened->dataset, true);
    if (!table)
        return R::failure("cannot create the bookmarks table: " + capture.lastError("GDAL refused"),
                          _path, 0, kTable);
    std::unique_ptr<OGRFeature, decltype(&OGRFeature::DestroyFeature)> f(
        OGRFeature::CreateFeature(table->GetLayerDefn()), &OGRFeature::DestroyFeature);
    f->SetField("name", b.name.c_str());
    for (const Range& r : kRanges)
        f->SetField(r.field, valueOf(b, r.field));
    if (b.maybeLayers)
        f->SetField("layers", nlohmann::json(*b.maybeLayers)
                                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                                  .c_str());
    if (b.maybeSensorTimeMs)
        f->SetField("sensor_time", formatIso8601(*b.maybeSensorTimeMs).c_str());
    f->SetField("saved_at", detail::utcNowIso8601().c_str());
    if (table->CreateFeature(f.get()) != OGRERR_NONE)
        return R::failure("cannot store the bookmark: " + capture.lastError("GDAL refused"), _path,
                          0, kTable);
    return std::int64_t(f->GetFID());
}

Status ProjectBookmarks::rename(std::int64_t id, const std::string& name) const {
    if (name.empty())
        return Status::failure("must not be empty", rowSource(_path, id), 0, "name");
    auto opened = detail::openProject(_path, /*update=*/true);
    CITYTWIN_RETURN_IF_FAILED(opened);
    GdalErrorCapture capture;
    OGRLayer* table = bookmarkTable(*opened->dataset, false);
    std::unique_ptr<OGRFeature, decltype(&OGRFeature::DestroyFeature)> f(
        table ? table->GetFeature(id) : nullptr, &OGRFeature::DestroyFeature);
    if (!f)
        return Status::failure("no such bookmark", rowSource(_path, id));
    f->SetField("name", name.c_str());
    if (table->SetFeature(f.get()) != OGRERR_NONE)
        return Status::failure("cannot rename: " + capture.lastError("GDAL refused"),
                               rowSource(_path, id), 0, "name");
    return Done{};
}

Status ProjectBookmarks::remove(std::int64_t id) const {
    auto opened = detail::openProject(_path, /*update=*/true);
    CITYTWIN_RETURN_IF_FAILED(opened);
    GdalErrorCapture capture;
    OGRLayer* table = bookmarkTable(*opened->dataset, false);
    if (!table || table->DeleteFeature(id) != OGRERR_NONE)
        return Status::failure("no such bookmark", rowSource(_path, id));
    return Done{};
}

}  // namespace citytwin::geo
