#include "citytwin/assets/ProtectionZoneBuilder.h"

#include <cstdio>
#include <memory>

#include "OgrGeometry.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/GdalSupport.h"

namespace citytwin::assets {

ProtectionZoneBuilder::ProtectionZoneBuilder(const RuleSet& rules) : _rules(rules) {}

geo::Result<ProtectionZone> ProtectionZoneBuilder::build(const Cable& cable) const {
    using R = geo::Result<ProtectionZone>;
    const std::string where = std::string(layers::kCables);
    if (!cable.maybeCableClass)
        return R::failure("cable '" + cable.id + "' has no known class: no protection zone", where,
                          0, "class");
    ProtectionZone zone;
    zone.cableId = cable.id;
    zone.operatorName = cable.operatorName;
    zone.cableClass = *cable.maybeCableClass;
    zone.maybeWaters = cable.maybeWaters;
    if (zone.cableClass == CableClass::Submarine && !zone.maybeWaters)
        zone.maybeWaters = Waters::Open;
    zone.halfWidthM = _rules.halfWidthM(cable.maybeCableClass, zone.maybeWaters);
    zone.ruleCode = zone.cableClass == CableClass::Submarine ? rulecodes::kSubmarineZone
                                                             : rulecodes::kLandProtection;

    geo::Extent e;
    for (const auto& l : cable.lines)
        for (const auto& q : l)
            e.add(q.x, q.y);
    if (e.isEmpty())
        return R::failure("cable '" + cable.id + "' has no geometry", where, 0, "geometry");
    char def[256];
    std::snprintf(
        def, sizeof def,
        "+proj=tmerc +lat_0=%.9f +lon_0=%.9f +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
        e.centerY(), e.centerX());
    auto local = geo::Crs::fromString(def);
    if (!local)
        return R::failure(local.messages(), where, 0, "geometry");
    auto forward = geo::CrsTransform::create(geo::Crs::wgs84(), local.value());
    auto backward = geo::CrsTransform::create(local.value(), geo::Crs::wgs84());
    if (!forward || !backward)
        return R::failure("cannot set up the local metric frame", where, 0, "geometry");

    geo::ensureGdalInitialised();
    geo::GdalErrorCapture capture;
    OGRMultiLineString lines;
    for (const auto& l : cable.lines) {
        std::vector<double> xs, ys;
        for (const auto& q : l) {
            xs.push_back(q.x);
            ys.push_back(q.y);
        }
        if (forward->transformInPlace(xs, ys) != 0)
            return R::failure("cable '" + cable.id + "' cannot be projected", where, 0, "geometry");
        auto ogr = std::make_unique<OGRLineString>();
        for (std::size_t i = 0; i < xs.size(); ++i)
            ogr->addPoint(xs[i], ys[i]);
        lines.addGeometryDirectly(ogr.release());
    }
    std::unique_ptr<OGRGeometry> buffer(
        lines.Buffer(zone.halfWidthM, _rules.bufferQuadrantSegments));
    if (!buffer || buffer->IsEmpty())
        return R::failure(
            "cannot buffer cable '" + cable.id + "': " + capture.lastError("GEOS failed"), where, 0,
            "geometry");
    zone.polygons = detail::polygonsOf(*buffer);
    for (auto& polygon : zone.polygons)
        for (auto& ring : polygon.rings) {
            std::vector<double> xs, ys;
            for (const auto& q : ring) {
                xs.push_back(q.x);
                ys.push_back(q.y);
            }
            backward->transformInPlace(xs, ys);
            for (std::size_t i = 0; i < ring.size(); ++i)
                ring[i] = {xs[i], ys[i], 0.0};
        }
    return zone;
}

geo::Result<std::vector<ProtectionZone>> ProtectionZoneBuilder::build(
    const std::vector<Cable>& cables) const {
    std::vector<ProtectionZone> zones;
    std::vector<geo::Diagnostic> problems;
    for (const auto& c : cables) {
        auto z = build(c);
        if (z)
            zones.push_back(std::move(z).value());
        else
            problems.insert(problems.end(), z.diagnostics().begin(), z.diagnostics().end());
    }
    geo::Result<std::vector<ProtectionZone>> result(std::move(zones));
    for (auto& d : problems) {
        d.severity = geo::Severity::Warning;
        result.addDiagnostic(d);
    }
    return result;
}

geo::FeatureLayer zonesToFeatureLayer(const std::vector<ProtectionZone>& zones,
                                      const RuleSet& rules) {
    geo::FeatureLayer layer;
    layer.name = "protection_zones";
    layer.crs = geo::Crs::wgs84();
    layer.sourceCrs = geo::Crs::wgs84();
    std::int64_t fid = 1;
    for (const auto& z : zones) {
        geo::Feature f;
        f.id = fid++;
        f.geometry.polygons = z.polygons;
        const auto* rule = rules.find(z.ruleCode);
        f.attributes = {
            {"cable_id", z.cableId},
            {"operator", z.operatorName},
            {"class", std::string(toString(z.cableClass))},
            {"waters", z.maybeWaters ? std::string(toString(*z.maybeWaters)) : std::string()},
            {"half_width_m", formatMetres(z.halfWidthM)},
            {"rule", z.ruleCode},
            {"article", rule ? rule->article : std::string()},
        };
        layer.features.push_back(std::move(f));
    }
    return layer;
}

}  // namespace citytwin::assets
