#include "citytwin/assets/WorksChecker.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "CheckSupport.h"
#include "OgrGeometry.h"

namespace citytwin::assets {

std::string_view worksKindZh(WorksKind kind) {
    switch (kind) {
        case WorksKind::Construction:
            return "建设施工";
        case WorksKind::Demolition:
            return "拆除";
        case WorksKind::Excavation:
            return "开挖";
        case WorksKind::Piling:
            return "打桩";
        case WorksKind::Drilling:
            return "钻探";
        case WorksKind::Trenching:
            return "挖沟";
        case WorksKind::PipeLaying:
            return "管线敷设";
        case WorksKind::HazardousMaterial:
            return "危险物品作业";
        case WorksKind::Anchoring:
            return "抛锚";
        case WorksKind::Trawling:
            return "拖网捕捞";
        case WorksKind::SandDigging:
            return "挖沙";
        case WorksKind::Blasting:
            return "爆破";
        case WorksKind::Other:
            return "其他";
    }
    return "其他";
}

WorksChecker::WorksChecker(const AssetIndex& index, const RuleSet& rules)
    : _index(index), _rules(rules) {}

/// Area of WGS 84 polygons (holes taken out), km²: a local equirectangular
/// approximation per ring, plenty to tell works from a continent.
static double approximateAreaKm2(const std::vector<geo::Polygon>& polygons) {
    constexpr double kKmPerDegree = 111.32;
    double total = 0.0;
    for (const auto& p : polygons)
        for (std::size_t r = 0; r < p.rings.size(); ++r) {
            const auto& ring = p.rings[r];
            double meanLat = 0.0;
            for (const auto& q : ring)
                meanLat += q.y / static_cast<double>(ring.size());
            const double k = std::cos(meanLat * M_PI / 180.0);
            double twice = 0.0;
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                twice += ring[i].x * k * ring[i + 1].y - ring[i + 1].x * k * ring[i].y;
            const double a = std::fabs(twice) / 2.0 * kKmPerDegree * kKmPerDegree;
            total += r == 0 ? a : -a;
        }
    return total;
}

geo::Result<std::vector<Finding>> WorksChecker::check(const WorksProposal& works) const {
    using R = geo::Result<std::vector<Finding>>;
    if (works.polygons.empty())
        return R::failure("the works area is empty", {}, 0, "polygon");
    geo::Extent box;
    for (const auto& p : works.polygons) {
        if (p.rings.empty() || p.rings[0].size() < 3)
            return R::failure("the works polygon has fewer than 3 points", {}, 0, "polygon");
        for (const auto& ring : p.rings)
            for (const auto& q : ring) {
                if (!std::isfinite(q.x) || !std::isfinite(q.y) || std::fabs(q.x) > 180 ||
                    std::fabs(q.y) > 90)
                    return R::failure("the works polygon has a point that is not WGS 84 lon/lat",
                                      {}, 0, "polygon");
                box.add(q.x, q.y);
            }
    }
    if (const std::string why = detail::invalidityReason(works.polygons); !why.empty())
        return R::failure("the works polygon is not valid: " + why, {}, 0, "polygon");
    // A polygon spanning half the globe is a mistake (degrees for metres, a
    // wrong CRS), not works: refuse it instead of answering "no findings".
    if (const double km2 = approximateAreaKm2(works.polygons); km2 > _rules.maxWorksAreaKm2) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "the works area is %.0f km², larger than the limit of %.0f km² (rules "
                      "file: works.max_area_km2)",
                      km2, _rules.maxWorksAreaKm2);
        return R::failure(text, {}, 0, "polygon");
    }
    if (works.maybeStart && works.maybeEnd && *works.maybeEnd < *works.maybeStart)
        return R::failure("the works end before they start", {}, 0, "end");
    const double margin = std::max(_rules.worksNoticeDistanceM, _rules.maxHalfWidthM());
    if (auto why = detail::outsideProjectExtent(_index, box, margin))
        return R::failure("the works area is " + *why, {}, 0, "polygon");

    const AssetProject& project = _index.project();
    const MetricPlane plane(geo::GeoPoint{box.centerX(), box.centerY(), 0.0});
    std::vector<plane::PlanePolygon> area;
    for (const auto& p : works.polygons)
        area.push_back(detail::toPlanePolygon(plane, p));
    const auto pointDistance = [&](const geo::GeoPoint& q) {
        double best = std::numeric_limits<double>::infinity();
        for (const auto& a : area)
            best = std::min(best, plane::pointPolygonDistance(plane.toPlane(q), a));
        return best;
    };
    const double cableSearch = margin;
    const auto cableDist = detail::cableDistances(
        plane, project, _index.cableRuns(box, cableSearch),
        [&](const std::vector<PlanePoint>& pts) {
            double best = std::numeric_limits<double>::infinity();
            for (const auto& a : area)
                best = std::min(best, plane::polylinePolygonDistance(pts, a));
            return best;
        });

    std::vector<Finding> findings;

    // SH-19: notice list grouped by operator.
    if (const auto* rule = _rules.find(rulecodes::kWorksNotice)) {
        const double limit = _rules.worksNoticeDistanceM;
        std::map<std::string, std::vector<RelatedItem>> byOperator;
        for (auto i : _index.baseStations(box, limit)) {
            const auto& s = project.baseStations[i];
            if (s.maybeStatus == SiteStatus::Removed)
                continue;
            const double d = pointDistance(s.position);
            if (d > limit)
                continue;
            std::vector<std::string> operators = {s.operatorName};
            for (const auto& t : s.tenants)
                if (std::find(operators.begin(), operators.end(), t) == operators.end())
                    operators.push_back(t);
            for (const auto& op : operators)
                byOperator[op].push_back({layers::kBaseStations, s.id, d, s.position});
        }
        for (const auto& [ci, d] : cableDist) {
            const Cable& c = project.cables[ci];
            if (d > limit || c.status == "removed")
                continue;
            byOperator[c.operatorName].push_back(
                {layers::kCables, c.id, d, detail::cableMidpoint(c)});
        }
        for (auto& [op, related] : byOperator) {
            sortNearestFirst(related);
            findings.push_back(makeFinding(*rule,
                                           {{"operator", op.empty() ? "(unknown)" : op},

                                            {"notice_distance_m", formatMetres(limit)}},
                                           std::move(related)));
        }
    }

    // Zone rules: the works kind must be one the rule names, and the cable's
    // class one it covers.
    const auto zoneRule = [&](const char* code) {
        const auto* rule = _rules.find(code);
        if (!rule || std::find(rule->worksKinds.begin(), rule->worksKinds.end(), works.kind) ==
                         rule->worksKinds.end())
            return;
        std::vector<RelatedItem> related;
        for (const auto& [ci, d] : cableDist) {
            const Cable& c = project.cables[ci];
            if (!c.maybeCableClass ||
                std::find(rule->cableClasses.begin(), rule->cableClasses.end(),
                          *c.maybeCableClass) == rule->cableClasses.end())
                continue;
            if (d <= _rules.halfWidthM(c.maybeCableClass, c.maybeWaters))
                related.push_back({layers::kCables, c.id, d, detail::cableMidpoint(c)});
        }
        if (related.empty())
            return;
        sortNearestFirst(related);
        findings.push_back(makeFinding(*rule,
                                       {{"kind", std::string(toString(works.kind))},
                                        {"kind_zh", std::string(worksKindZh(works.kind))}},
                                       std::move(related)));
    };
    zoneRule(rulecodes::kLandProtection);
    zoneRule(rulecodes::kUnderwaterProhibited);
    zoneRule(rulecodes::kSubmarineProhibited);
    return findings;
}

}  // namespace citytwin::assets
