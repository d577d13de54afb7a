#include "citytwin/assets/ReportBaseMap.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "citytwin/geo/GdalSupport.h"
#include "citytwin/geo/VectorReader.h"

namespace citytwin::assets {
namespace fs = std::filesystem;
namespace {

struct RoleNames {
    const char* role;
    std::array<const char*, 2> names;
};

constexpr std::array<RoleNames, 4> kRoles{{{"water", {"water", "water"}},
                                           {"buildings", {"buildings", "buildings"}},
                                           {"roads", {"roads", "roads"}},
                                           {"boundaries", {"boundaries", "districts"}}}};

/// Vertices closer than this to the last kept one are dropped (metres): below
/// a tenth of a millimetre on a 1:2000 detail map.
constexpr double kSimplifyM = 0.2;

std::vector<geo::GeoPoint> projected(const ReportProjector& p,
                                     const std::vector<geo::GeoPoint>& in) {
    std::vector<geo::GeoPoint> out;
    out.reserve(in.size());
    for (const auto& q : in) {
        const geo::GeoPoint m = p.project(q);
        if (!std::isfinite(m.x) || !std::isfinite(m.y))
            continue;
        if (!out.empty() && std::hypot(m.x - out.back().x, m.y - out.back().y) < kSimplifyM)
            continue;
        out.push_back({m.x, m.y, 0.0});
    }
    if (!in.empty() && out.size() > 1) {  // keep the last vertex (closes rings)
        const geo::GeoPoint last = p.project(in.back());
        if (std::isfinite(last.x) && (out.back().x != last.x || out.back().y != last.y))
            out.push_back({last.x, last.y, 0.0});
    }
    return out;
}

bool overlaps(const std::vector<geo::GeoPoint>& pts, const geo::Extent& e) {
    geo::Extent b;
    for (const auto& q : pts)
        b.add(q.x, q.y);
    return std::isfinite(b.minX) && b.maxX >= e.minX && b.minX <= e.maxX && b.maxY >= e.minY &&
           b.minY <= e.maxY;
}

std::string roadKind(const geo::Feature& f) {
    for (const char* key : {"kind", "highway", "fclass", "type"})
        if (const std::string* v = f.find(key))
            return *v;
    return {};
}

/// A building's height from its attributes: height (m), else 3 m a level; 0: unknown.
double buildingHeight(const geo::Feature& f) {
    const auto number = [&f](const char* key) {
        const std::string* v = f.find(key);
        if (!v)
            return 0.0;
        char* end = nullptr;
        const double d = std::strtod(v->c_str(), &end);
        return end != v->c_str() && std::isfinite(d) && d > 0.0 && d < 1000.0 ? d : 0.0;
    };
    if (const double h = number("height"); h > 0.0)
        return h;
    return 3.0 * number("building:levels");
}

/// The layer names of a vector dataset (none if it is not one), without reading features.
std::vector<std::string> layerNamesOf(const std::string& path) {
    geo::ensureGdalInitialised();
    const geo::GdalErrorCapture quiet;  // not a vector file: no layers, no message
    std::vector<std::string> names;
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        return names;
    for (int i = 0; i < ds->GetLayerCount(); ++i)
        names.emplace_back(ds->GetLayer(i)->GetName());
    return names;
}

}  // namespace

std::vector<BaseMapLayer> findBaseMapLayers(const std::string& projectPath) {
    std::vector<BaseMapLayer> out;
    if (projectPath.empty())
        return out;
    std::error_code ec;
    const fs::path project(projectPath);
    // Layers of the project GeoPackage first.
    const std::vector<std::string> inProject = layerNamesOf(projectPath);
    for (const auto& r : kRoles) {
        bool found = false;
        for (const char* name : r.names)
            if (!found && std::find(inProject.begin(), inProject.end(), name) != inProject.end()) {
                out.push_back({r.role, projectPath, name});
                found = true;
            }
        for (const char* name : r.names)
            for (const char* ext : {".gpkg", ".geojson", ".shp"}) {
                const fs::path file = project.parent_path() / (std::string(name) + ext);
                if (!found && fs::is_regular_file(file, ec) && file != project) {
                    out.push_back({r.role, file.string(), {}});
                    found = true;
                }
            }
    }
    return out;
}

std::vector<MapShape> baseMapShapes(const std::vector<BaseMapLayer>& layers,
                                    const ReportProjector& projector, const geo::Extent& extentM,
                                    std::vector<std::string>& sources) {
    std::vector<MapShape> out;
    if (!std::isfinite(extentM.minX))
        return out;
    for (const auto& layer : layers) {
        geo::VectorReadOptions options;
        if (!layer.layerName.empty())
            options.layerNames = {layer.layerName};
        auto read = geo::readVectorFile(layer.path, options);
        if (!read.ok())
            continue;
        const std::size_t before = out.size();
        for (const auto& fl : read.value())
            for (const auto& f : fl.features) {
                for (const auto& polygon : f.geometry.polygons) {
                    if (polygon.rings.empty())
                        continue;
                    MapShape s;
                    s.kind =
                        layer.role == "boundaries" ? MapShape::Kind::Line : MapShape::Kind::Polygon;
                    s.role = MapShape::Role::Base;
                    s.layer = layer.role;
                    s.points = projected(projector, polygon.rings[0]);
                    if (layer.role == "buildings")
                        s.heightM = buildingHeight(f);
                    if (s.points.size() >= 3 && overlaps(s.points, extentM))
                        out.push_back(std::move(s));
                }
                for (const auto& line : f.geometry.lines) {
                    MapShape s;
                    s.kind = MapShape::Kind::Line;
                    s.role = MapShape::Role::Base;
                    s.layer = layer.role;
                    s.label = layer.role == "roads" ? roadKind(f) : std::string();
                    s.points = projected(projector, line);
                    if (s.points.size() >= 2 && overlaps(s.points, extentM))
                        out.push_back(std::move(s));
                }
            }
        if (out.size() > before)
            sources.push_back(layer.layerName.empty() ? fs::path(layer.path).filename().string()
                                                      : fs::path(layer.path).filename().string() +
                                                            ":" + layer.layerName);
    }
    return out;
}

}  // namespace citytwin::assets
