#include "citytwin/assets/AssetProjectBuilder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

#include "OgrGeometry.h"

namespace citytwin::assets {
namespace {

std::string joinNames(const std::vector<std::string_view>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out;
}

/// Reads typed fields of one feature, reporting problems against it.
class FieldReader {
public:
    FieldReader(const std::string& layer, const geo::Feature& feature,
                std::vector<geo::Diagnostic>& diagnostics)
        : _layer(layer), _feature(feature), _diagnostics(diagnostics) {
        const std::string* id = feature.find("id");
        _id = (id && !id->empty()) ? *id : "fid:" + std::to_string(feature.id);
    }

    const std::string& id() const { return _id; }

    void error(const std::string& field, const std::string& what) const {
        _diagnostics.push_back(geo::makeError("feature '" + _id + "': " + what, _layer,
                                              static_cast<long>(_feature.id), field));
    }

    std::string text(const std::string& field) const {
        const std::string* v = _feature.find(field);
        return v ? *v : std::string{};
    }

    std::optional<double> number(const std::string& field) const {
        const std::string v = text(field);
        if (v.empty())
            return std::nullopt;
        double out = 0.0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
        if (ec != std::errc{} || end != v.data() + v.size() || !std::isfinite(out)) {
            error(field, field + " is not a number: '" + v + "'");
            return std::nullopt;
        }
        return out;
    }

    std::optional<long> integer(const std::string& field) const {
        const auto n = number(field);
        if (!n)
            return std::nullopt;
        if (*n != std::floor(*n) || std::fabs(*n) > 1e15) {
            error(field, field + " is not an integer: '" + text(field) + "'");
            return std::nullopt;
        }
        return static_cast<long>(*n);
    }

    std::optional<IsoDate> date(const std::string& field) const {
        const std::string v = text(field);
        if (v.empty())
            return std::nullopt;
        auto d = IsoDate::parse(v);
        if (!d)
            error(field, field + " is not a date (YYYY-MM-DD): '" + v + "'");
        return d;
    }

    template <typename E>
    std::optional<E> enumValue(const std::string& field,
                               std::optional<E> (*parse)(std::string_view),
                               std::vector<std::string_view> (*names)()) const {
        const std::string v = text(field);
        if (v.empty())
            return std::nullopt;
        auto e = parse(v);
        if (!e)
            error(field,
                  "unknown " + field + " '" + v + "' (expected one of " + joinNames(names()) + ")");
        return e;
    }

    /// The single point of a Point layer; nullopt (reported) otherwise.
    std::optional<geo::GeoPoint> point() const {
        const auto& g = _feature.geometry;
        if (g.isEmpty())
            return geometryError("empty geometry");
        if (g.points.empty() || !g.lines.empty() || !g.polygons.empty())
            return geometryError("expected a Point geometry");
        if (g.points.size() > 1)
            return geometryError("expected one Point, got a MultiPoint");
        if (!std::isfinite(g.points[0].x) || !std::isfinite(g.points[0].y))
            return geometryError("non-finite coordinates");
        return g.points[0];
    }

    std::optional<std::vector<geo::LineString>> lines() const {
        const auto& g = _feature.geometry;
        if (g.isEmpty())
            return geometryError<std::vector<geo::LineString>>("empty geometry");
        if (g.lines.empty() || !g.points.empty() || !g.polygons.empty())
            return geometryError<std::vector<geo::LineString>>("expected a LineString geometry");
        for (const auto& l : g.lines)
            if (l.size() < 2)
                return geometryError<std::vector<geo::LineString>>("line with fewer than 2 points");
        return g.lines;
    }

    std::optional<std::vector<geo::Polygon>> polygons() const {
        const auto& g = _feature.geometry;
        if (g.isEmpty())
            return geometryError<std::vector<geo::Polygon>>("empty geometry");
        if (g.polygons.empty() || !g.points.empty() || !g.lines.empty())
            return geometryError<std::vector<geo::Polygon>>("expected a Polygon geometry");
        const std::string why = detail::invalidityReason(g.polygons);
        if (!why.empty())
            return geometryError<std::vector<geo::Polygon>>("invalid polygon: " + why);
        return g.polygons;
    }

    std::optional<geo::Geometry> pointOrPolygon() const {
        const auto& g = _feature.geometry;
        if (g.isEmpty())
            return geometryError<geo::Geometry>("empty geometry");
        if (!g.lines.empty())
            return geometryError<geo::Geometry>("expected a Point or Polygon geometry");
        if (!g.polygons.empty()) {
            const std::string why = detail::invalidityReason(g.polygons);
            if (!why.empty())
                return geometryError<geo::Geometry>("invalid polygon: " + why);
        }
        return g;
    }

private:
    template <typename T = geo::GeoPoint>
    std::optional<T> geometryError(const std::string& what) const {
        error("geometry", what + "; feature skipped");
        return std::nullopt;
    }

    const std::string& _layer;
    const geo::Feature& _feature;
    std::vector<geo::Diagnostic>& _diagnostics;
    std::string _id;
};

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos)
            end = text.size();
        std::string item = text.substr(start, end - start);
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        if (first != std::string::npos)
            out.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return out;
}

/// Moves a read geometry into place; false (the feature is left out) when
/// there was none to read (the reader has said why).
template <typename T>
bool take(T& into, std::optional<T> maybeRead) {
    if (!maybeRead)
        return false;
    into = std::move(*maybeRead);
    return true;
}

/// One asset per feature of the layer, with its id: fill reads the
/// attributes and the geometry, and returns false to leave the feature out.
template <typename Asset, typename Fill>
void readEach(const geo::FeatureLayer& layer, std::vector<geo::Diagnostic>& d,
              std::vector<Asset>& out, Fill fill) {
    for (const auto& f : layer.features) {
        FieldReader r(layer.name, f, d);
        Asset asset;
        asset.id = r.id();
        if (fill(r, asset))
            out.push_back(std::move(asset));
    }
}

void readBaseStations(const geo::FeatureLayer& layer, AssetProject& p,
                      std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.baseStations, [](FieldReader& r, BaseStation& s) {
        s.operatorName = r.text("operator");
        s.maybeHostType = r.enumValue<HostType>("host_type", parseHostType, hostTypeNames);
        s.maybeStatus = r.enumValue<SiteStatus>("status", parseSiteStatus, siteStatusNames);
        s.maybeStatusDate = r.date("status_date");
        s.tenants = splitList(r.text("tenants"));
        s.maybeSpareCapacity = r.integer("spare_capacity");
        s.maybeAntennaHeightM = r.number("antenna_height_m");
        s.maybeCoverageRadiusM = r.number("coverage_radius_m");
        s.maybeLastInspection = r.date("last_inspection");
        s.maybeInspectionIntervalDays = r.integer("inspection_interval_days");
        s.maybeSignStatus =
            r.enumValue<SignStatus>("sign_status", parseSignStatus, signStatusNames);
        s.replacementId = r.text("replacement_id");
        return take(s.position, r.point());
    });
}

void readPublicFacilities(const geo::FeatureLayer& layer, AssetProject& p,
                          std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.publicFacilities, [](FieldReader& r, PublicFacility& x) {
        x.maybeKind = r.enumValue<FacilityKind>("kind", parseFacilityKind, facilityKindNames);
        x.name = r.text("name");
        if (auto s = r.integer("suitable")) {
            if (*s != 0 && *s != 1)
                r.error("suitable", "suitable must be 0 or 1, got " + std::to_string(*s));
            else
                x.suitable = *s == 1;
        }
        return take(x.position, r.point());
    });
}

void readPublicPlaces(const geo::FeatureLayer& layer, AssetProject& p,
                      std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.publicPlaces, [](FieldReader& r, PublicPlace& x) {
        x.maybeKind = r.enumValue<PlaceKind>("kind", parsePlaceKind, placeKindNames);
        x.name = r.text("name");
        return take(x.geometry, r.pointOrPolygon());
    });
}

void readCables(const geo::FeatureLayer& layer, AssetProject& p, std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.cables, [](FieldReader& r, Cable& c) {
        c.operatorName = r.text("operator");
        c.maybeCableClass = r.enumValue<CableClass>("class", parseCableClass, cableClassNames);
        c.maybeWaters = r.enumValue<Waters>("waters", parseWaters, watersNames);
        c.status = r.text("status");
        c.fromId = r.text("from");
        c.toId = r.text("to");
        if (c.maybeCableClass == CableClass::Submarine && !c.maybeWaters &&
            r.text("waters").empty())
            r.error("waters",
                    "submarine cable without waters (open, bay or port); the open-water "
                    "zone (the widest) is assumed");
        return take(c.lines, r.lines());
    });
}

void readWorks(const geo::FeatureLayer& layer, AssetProject& p, std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.works, [](FieldReader& r, Works& w) {
        w.maybeKind = r.enumValue<WorksKind>("kind", parseWorksKind, worksKindNames);
        w.maybeStart = r.date("start");
        w.maybeEnd = r.date("end");
        if (w.maybeStart && w.maybeEnd && *w.maybeEnd < *w.maybeStart)
            r.error("end", "end " + w.maybeEnd->toString() + " is before start " +
                               w.maybeStart->toString());
        w.applicant = r.text("applicant");
        return take(w.polygons, r.polygons());
    });
}

void readInterferenceSources(const geo::FeatureLayer& layer, AssetProject& p,
                             std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.interferenceSources, [](FieldReader& r, InterferenceSource& x) {
        x.kind = r.text("kind");
        x.maybePowerW = r.number("power_w");
        return take(x.position, r.point());
    });
}

void readCoverageTargets(const geo::FeatureLayer& layer, AssetProject& p,
                         std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.coverageTargets, [](FieldReader& r, CoverageTarget& x) {
        x.maybeKind = r.enumValue<CoverageKind>("kind", parseCoverageKind, coverageKindNames);
        x.name = r.text("name");
        return take(x.polygons, r.polygons());
    });
}

void readCoreNodes(const geo::FeatureLayer& layer, AssetProject& p,
                   std::vector<geo::Diagnostic>& d) {
    readEach(layer, d, p.coreNodes, [](FieldReader& r, CoreNode& n) {
        const auto kind = r.enumValue<CoreNodeKind>("kind", parseCoreNodeKind, coreNodeKindNames);
        if (!kind) {
            if (r.text("kind").empty())
                r.error("kind", "core node without kind (expected one of " +
                                    joinNames(coreNodeKindNames()) + "); feature skipped");
            return false;  // a core node of unknown kind would be a guess
        }
        n.kind = *kind;
        n.name = r.text("name");
        n.operatorName = r.text("operator");
        return take(n.position, r.point());
    });
}

}  // namespace

namespace layers {
const std::vector<std::string>& all() {
    static const std::vector<std::string> kAll = {
        kBaseStations, kPublicFacilities,    kPublicPlaces,   kCables,
        kWorks,        kInterferenceSources, kCoverageTargets};
    return kAll;
}
}  // namespace layers

geo::Result<AssetProject> buildAssetProject(const std::vector<geo::FeatureLayer>& input,
                                            const std::string& sourcePath) {
    using Reader = void (*)(const geo::FeatureLayer&, AssetProject&, std::vector<geo::Diagnostic>&);
    const std::vector<std::pair<std::string, Reader>> readers = {
        {layers::kBaseStations, readBaseStations},
        {layers::kPublicFacilities, readPublicFacilities},
        {layers::kPublicPlaces, readPublicPlaces},
        {layers::kCables, readCables},
        {layers::kWorks, readWorks},
        {layers::kInterferenceSources, readInterferenceSources},
        {layers::kCoverageTargets, readCoverageTargets},
    };
    AssetProject project;
    project.sourcePath = sourcePath;
    std::vector<geo::Diagnostic> diagnostics;
    for (const auto& [layerName, reader] : readers) {
        // A named reference: C++20 lets a lambda capture a structured binding,
        // but clang before 16 does not implement it.
        const std::string& name = layerName;
        const auto it = std::find_if(input.begin(), input.end(),
                                     [&](const geo::FeatureLayer& l) { return l.name == name; });
        if (it == input.end()) {
            project.missingLayers.push_back(name);
            continue;
        }
        reader(*it, project, diagnostics);
    }
    // core_nodes is optional and read by the network model only: its absence
    // is not one of the seven missing layers (NetworkBuilder warns instead).
    const auto core = std::find_if(input.begin(), input.end(), [](const geo::FeatureLayer& l) {
        return l.name == layers::kCoreNodes;
    });
    if (core != input.end())
        readCoreNodes(*core, project, diagnostics);
    if (project.missingLayers.size() == readers.size()) {
        return geo::Result<AssetProject>::failure(
            "not an asset project: none of the layers base_stations, public_facilities, "
            "public_places, cables, works, interference_sources, coverage_targets is present",
            sourcePath);
    }
    geo::Result<AssetProject> result(std::move(project));
    for (const auto& name : result.value().missingLayers)
        result.addDiagnostic(
            geo::makeWarning("layer missing from the project; the rules that read it "
                             "find nothing",
                             sourcePath, 0, name));
    result.addDiagnostics(diagnostics);
    return result;
}

geo::Extent AssetProject::extent() const {
    geo::Extent e;
    for (const auto& s : baseStations)
        e.add(s.position.x, s.position.y);
    for (const auto& f : publicFacilities)
        e.add(f.position.x, f.position.y);
    for (const auto& pl : publicPlaces)
        e.add(pl.geometry.extent());
    for (const auto& c : cables)
        for (const auto& l : c.lines)
            for (const auto& q : l)
                e.add(q.x, q.y);
    for (const auto& w : works)
        for (const auto& poly : w.polygons)
            for (const auto& q : poly.rings.front())
                e.add(q.x, q.y);
    for (const auto& s : interferenceSources)
        e.add(s.position.x, s.position.y);
    for (const auto& t : coverageTargets)
        for (const auto& poly : t.polygons)
            for (const auto& q : poly.rings.front())
                e.add(q.x, q.y);
    for (const auto& n : coreNodes)
        e.add(n.position.x, n.position.y);
    return e;
}

}  // namespace citytwin::assets
