#include "citytwin/assets/ReportModelBuilder.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "citytwin/assets/ArticleTexts.h"
#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/ReportBaseMap.h"
#include "citytwin/assets/ReportCrs.h"
#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::assets {
namespace {

struct FeatureFacts {
    DisplayName kind;
    std::string name, operatorName;
    std::vector<geo::LineString> lines;  ///< cables
};

using FeatureKey = std::pair<std::string, std::string>;

template <typename E>
DisplayName kindOr(const std::optional<E>& maybe, const std::string& layer) {
    return maybe ? displayName(*maybe) : layerDisplayName(layer);
}

/// Everything the report says about a feature beyond its id, by (layer, id).
std::map<FeatureKey, FeatureFacts> collectFacts(const AssetProject& p) {
    std::map<FeatureKey, FeatureFacts> facts;
    for (const auto& s : p.baseStations)
        facts[{layers::kBaseStations, s.id}] = {
            s.maybeHostType ? DisplayName{displayName(*s.maybeHostType).en + " site",
                                          displayName(*s.maybeHostType).zh + "站"}
                            : layerDisplayName(layers::kBaseStations),
            {},
            s.operatorName,
            {}};
    for (const auto& f : p.publicFacilities)
        facts[{layers::kPublicFacilities, f.id}] = {
            kindOr(f.maybeKind, layers::kPublicFacilities), f.name, {}, {}};
    for (const auto& f : p.publicPlaces)
        facts[{layers::kPublicPlaces, f.id}] = {
            kindOr(f.maybeKind, layers::kPublicPlaces), f.name, {}, {}};
    for (const auto& c : p.cables)
        facts[{layers::kCables, c.id}] = {
            kindOr(c.maybeCableClass, layers::kCables), {}, c.operatorName, c.lines};
    for (const auto& n : p.coreNodes)
        facts[{layers::kCoreNodes, n.id}] = {displayName(n.kind), n.name, n.operatorName, {}};
    for (const auto& w : p.works)
        facts[{layers::kWorks, w.id}] = {kindOr(w.maybeKind, layers::kWorks), {}, w.applicant, {}};
    for (const auto& s : p.interferenceSources) {
        const DisplayName layer = layerDisplayName(layers::kInterferenceSources);
        const DisplayName kind = interferenceKindDisplayName(s.kind);
        facts[{layers::kInterferenceSources, s.id}] = {
            s.kind.empty()
                ? layer
                : DisplayName{layer.en + " (" + kind.en + ")", layer.zh + "（" + kind.zh + "）"},
            {},
            {},
            {}};
    }
    for (const auto& t : p.coverageTargets)
        facts[{layers::kCoverageTargets, t.id}] = {
            kindOr(t.maybeKind, layers::kCoverageTargets), t.name, {}, {}};
    return facts;
}

int severityRank(RuleSeverity s) {
    switch (s) {
        case RuleSeverity::Violation:
            return 0;
        case RuleSeverity::Warning:
            return 1;
        case RuleSeverity::Advice:
            return 2;
    }
    return 3;
}

ReportPoint pointOf(const ReportProjector& projector, const geo::GeoPoint& wgs84) {
    const geo::GeoPoint q = projector.project(wgs84);
    return {q.x, q.y, wgs84.x, wgs84.y};
}

geo::GeoPoint metres(const ReportPoint& p) {
    return {p.x, p.y, 0.0};
}

/// The case's centre in WGS 84: the site, the works' centre, else the middle of the findings.
geo::GeoPoint caseCentre(const InspectionReport& r, const AssetProject& project) {
    if (r.maybeLocation)
        return *r.maybeLocation;
    geo::Extent e;
    for (const auto& f : r.findings)
        for (const auto& item : f.related)
            e.add(item.position.x, item.position.y);
    if (!std::isfinite(e.minX))
        e = project.extent();
    if (!std::isfinite(e.minX))
        return {121.5, 31.2, 0.0};
    return {e.centerX(), e.centerY(), 0.0};
}

std::string labelOf(const ReportFeature& f) {
    return f.name.empty() ? f.id : f.name;
}

void addSiteShapes(ReportModel& m, const RuleSet& rules) {
    if (!m.maybeCentre)
        return;
    const geo::GeoPoint c = metres(*m.maybeCentre);
    // One ring per distinct radius, labelled with the rules that use it.
    std::map<double, std::string> radii;
    const std::pair<const char*, double> used[] = {
        {rulecodes::kPublicFacilityFirst, rules.facilitySearchRadiusM},
        {rulecodes::kShareFirst, rules.shareRadiusM},
        {rulecodes::kPublicPlaces, rules.publicPlaceRadiusM},
        {rulecodes::kInterference, rules.interferenceDistanceM}};
    for (const auto& [code, r] : used) {
        if (!rules.find(code) || r <= 0.0)
            continue;
        std::string& label = radii[r];
        label += (label.empty() ? "" : ", ") + std::string(code);
    }
    for (const auto& [r, codes] : radii) {
        MapShape ring;
        ring.kind = MapShape::Kind::Circle;
        ring.role = MapShape::Role::SearchRadius;
        ring.points = {c};
        ring.radiusM = r;
        ring.label = codes + " " + formatMetres(r) + " m";
        m.mapShapes.push_back(ring);
        m.mapExtent.add(c.x - r, c.y - r);
        m.mapExtent.add(c.x + r, c.y + r);
    }
}

void addWorksShapes(ReportModel& m, const ReportProjector& projector,
                    const std::vector<ProtectionZone>& zones, const InspectionReport& r) {
    for (const auto& zone : zones)
        for (const auto& polygon : zone.polygons) {
            if (polygon.rings.empty())
                continue;
            MapShape s;
            s.kind = MapShape::Kind::Polygon;
            s.role = MapShape::Role::Zone;
            s.label = zone.cableId + " " + formatMetres(zone.halfWidthM) + " m";
            s.layer = zone.ruleCode;
            for (const auto& q : polygon.rings[0])
                s.points.push_back(metres(pointOf(projector, q)));
            m.mapShapes.push_back(std::move(s));
        }
    for (const auto& polygon : r.worksArea) {
        if (polygon.rings.empty())
            continue;
        MapShape s;
        s.kind = MapShape::Kind::Polygon;
        s.role = MapShape::Role::WorksArea;
        for (const auto& q : polygon.rings[0]) {
            s.points.push_back(metres(pointOf(projector, q)));
            m.mapExtent.add(s.points.back().x, s.points.back().y);
        }
        m.mapShapes.push_back(std::move(s));
    }
}

void addFeatureShapes(ReportModel& m, const ReportProjector& projector,
                      const std::map<FeatureKey, FeatureFacts>& facts) {
    std::set<FeatureKey> drawn;
    for (const auto& f : m.findings) {
        for (std::size_t i = 0; i < f.related.size(); ++i) {
            const ReportFeature& item = f.related[i];
            const bool audit = m.checkKind == CheckKind::Audit;
            m.mapExtent.add(item.at.x, item.at.y);
            if (audit && i == 0) {
                MapShape mark;
                mark.role = MapShape::Role::Finding;
                mark.points = {metres(item.at)};
                mark.label = f.rule;
                mark.layer = f.rule;
                mark.severity = f.severity;
                m.mapShapes.push_back(mark);
                continue;
            }
            if (!drawn.insert({item.layer, item.id}).second)
                continue;
            auto it = facts.find({item.layer, item.id});
            if (item.layer == layers::kCables && it != facts.end()) {
                for (const auto& line : it->second.lines) {
                    MapShape s;
                    s.kind = MapShape::Kind::Line;
                    s.role = MapShape::Role::Feature;
                    s.layer = item.layer;
                    s.label = labelOf(item);
                    for (const auto& q : line)
                        s.points.push_back(metres(pointOf(projector, q)));
                    m.mapShapes.push_back(std::move(s));
                }
                continue;
            }
            MapShape s;
            s.role = MapShape::Role::Feature;
            s.layer = item.layer;
            s.label = labelOf(item);
            s.points = {metres(item.at)};
            m.mapShapes.push_back(std::move(s));
        }
    }
}

/// The case itself in report metres: the site, the works area's bounding
/// box, else the findings' marks (audits).
geo::Extent caseBox(const ReportModel& m) {
    geo::Extent box;
    if (m.maybeCentre)
        box.add(m.maybeCentre->x, m.maybeCentre->y);
    for (const auto& p : m.worksArea)
        box.add(p.x, p.y);
    if (!std::isfinite(box.minX))
        for (const auto& s : m.mapShapes)
            if (s.role == MapShape::Role::Finding)
                for (const auto& p : s.points)
                    box.add(p.x, p.y);
    return box;
}

/// Frames the map centred on the case: everything drawn fits, padded (8 %,
/// at least 100 m), and the case's centre is the extent's centre, so the map
/// page shows the case in its middle whatever lies to one side.
void frameExtent(ReportModel& m) {
    const geo::Extent box = caseBox(m);
    if (!std::isfinite(box.minX) && !std::isfinite(m.mapExtent.minX))
        return;
    const geo::Extent& around = std::isfinite(box.minX) ? box : m.mapExtent;
    const double cx = around.centerX(), cy = around.centerY();
    double hx = 0.0, hy = 0.0;
    const geo::Extent& drawn = m.mapExtent;
    for (const geo::Extent* e : {&box, &drawn})
        if (std::isfinite(e->minX)) {
            hx = std::max({hx, cx - e->minX, e->maxX - cx});
            hy = std::max({hy, cy - e->minY, e->maxY - cy});
        }
    const double pad = std::max(100.0, 0.08 * 2.0 * std::max(hx, hy));
    m.mapExtent = geo::Extent();
    m.mapExtent.add(cx - hx - pad, cy - hy - pad);
    m.mapExtent.add(cx + hx + pad, cy + hy + pad);
}

/// The closest points of two polylines (a single point is a polyline of one
/// vertex): a vertex of one and its foot on the other.
std::pair<geo::GeoPoint, geo::GeoPoint> closestPair(const std::vector<geo::GeoPoint>& a,
                                                    const std::vector<geo::GeoPoint>& b) {
    std::pair<geo::GeoPoint, geo::GeoPoint> best{a.front(), b.front()};
    double bestD = std::numeric_limits<double>::infinity();
    const auto footOn = [](const geo::GeoPoint& p, const std::vector<geo::GeoPoint>& line) {
        geo::GeoPoint foot = line.front();
        double d = std::hypot(p.x - foot.x, p.y - foot.y);
        for (std::size_t i = 1; i < line.size(); ++i) {
            const geo::GeoPoint& u = line[i - 1];
            const geo::GeoPoint& v = line[i];
            const double dx = v.x - u.x, dy = v.y - u.y, len2 = dx * dx + dy * dy;
            const double t =
                len2 > 0.0 ? std::clamp(((p.x - u.x) * dx + (p.y - u.y) * dy) / len2, 0.0, 1.0)
                           : 0.0;
            const geo::GeoPoint q{u.x + t * dx, u.y + t * dy, 0.0};
            const double dq = std::hypot(p.x - q.x, p.y - q.y);
            if (dq < d) {
                d = dq;
                foot = q;
            }
        }
        return std::pair(foot, d);
    };
    for (const auto& p : a)
        if (auto [q, d] = footOn(p, b); d < bestD) {
            bestD = d;
            best = {p, q};
        }
    for (const auto& p : b)
        if (auto [q, d] = footOn(p, a); d < bestD) {
            bestD = d;
            best = {q, p};
        }
    return best;
}

/// At most this many measured lines on one detail map (nearest first).
constexpr std::size_t kDetailFeatures = 5;
/// A measured distance this short is "inside": formatMetres prints it as 0.
constexpr double kContainedM = 0.05;

/// The case outlined on a detail map where a feature measured 0 m: the works
/// area inside a cable's protection zone (zone rules), a feature inside the
/// works area (SH-19) or at the site (site rules).
MapShape containmentShape(const std::string& rule, const std::string& layer,
                          const std::vector<geo::GeoPoint>& origin) {
    MapShape s;
    s.role = MapShape::Role::Containment;
    s.kind = origin.size() > 1 ? MapShape::Kind::Polygon : MapShape::Kind::Point;
    s.points = origin;
    s.layer = layer;
    const bool zoneRule =
        rule == rulecodes::kLandProtection || rule == rulecodes::kUnderwaterProhibited ||
        rule == rulecodes::kSubmarineZone || rule == rulecodes::kSubmarineProhibited;
    if (zoneRule)
        s.label = "Inside the protection zone / 位于保护范围内";
    else if (origin.size() > 1)
        s.label = layer == layers::kCables ? "Crosses the works area / 穿越作业范围"
                                           : "Inside the works area / 位于作业范围内";
    else
        s.label = "At the site / 位于站址处";
    return s;
}

/// A detail map for each finding that measures distances in a site or works
/// check: the case (site or works area), the finding's nearest features and a
/// line from the case to each, labelled with the rule's measured distance.
void addDetailMaps(ReportModel& m, const std::map<FeatureKey, FeatureFacts>& facts,
                   const ReportProjector& projector) {
    if (m.checkKind == CheckKind::Audit)
        return;
    std::vector<geo::GeoPoint> origin;
    if (!m.worksArea.empty())
        for (const auto& p : m.worksArea)
            origin.push_back(metres(p));
    else if (m.maybeCentre)
        origin.push_back(metres(*m.maybeCentre));
    if (origin.empty())
        return;
    for (auto& f : m.findings) {
        geo::Extent e;
        for (const auto& p : origin)
            e.add(p.x, p.y);
        std::size_t n = 0;
        bool contained = false;
        for (const auto& item : f.related) {
            if (!item.maybeDistanceM || n == kDetailFeatures)
                continue;
            ++n;
            // 0 m: the feature lies in (or crosses) the case, so there is no
            // line to draw; the case is outlined with the wording instead.
            if (*item.maybeDistanceM <= kContainedM) {
                if (!contained)
                    f.detailShapes.push_back(containmentShape(f.rule, item.layer, origin));
                contained = true;
                continue;
            }
            std::vector<std::vector<geo::GeoPoint>> parts;
            auto it = facts.find({item.layer, item.id});
            if (item.layer == layers::kCables && it != facts.end())
                for (const auto& line : it->second.lines) {
                    parts.emplace_back();
                    for (const auto& q : line)
                        parts.back().push_back(metres(pointOf(projector, q)));
                }
            if (parts.empty())
                parts.push_back({metres(item.at)});
            std::pair<geo::GeoPoint, geo::GeoPoint> best{origin.front(), parts.front().front()};
            double bestD = std::numeric_limits<double>::infinity();
            for (const auto& part : parts) {
                if (part.empty())
                    continue;
                const auto pair = closestPair(origin, part);
                const double d =
                    std::hypot(pair.first.x - pair.second.x, pair.first.y - pair.second.y);
                if (d < bestD) {
                    bestD = d;
                    best = pair;
                }
            }
            MapShape line;
            line.kind = MapShape::Kind::Line;
            line.role = MapShape::Role::Measure;
            line.layer = item.layer;
            line.points = {best.first, best.second};
            line.label = formatMetres(*item.maybeDistanceM) + " m";
            f.detailShapes.push_back(std::move(line));
            // The feature's nearest point, not a cable's far midpoint.
            e.add(best.second.x, best.second.y);
        }
        if (n == 0)
            continue;
        const double w = e.maxX - e.minX, h = e.maxY - e.minY;
        const double pad = std::max(40.0, 0.15 * std::max(w, h));
        e.add(e.minX - pad, e.minY - pad);
        e.add(e.maxX + pad, e.maxY + pad);
        f.maybeDetailExtent = e;
    }
}

void countFindings(ReportModel& m) {
    std::map<std::tuple<int, std::string, std::string>, ReportCount> counts;
    for (const auto& f : m.findings) {
        ++m.countsBySeverity[f.severity];
        const std::string op = m.checkKind == CheckKind::Audit ? f.operatorName : std::string();
        auto& c = counts[{severityRank(f.severity), f.rule, op}];
        c.rule = f.rule;
        c.operatorName = op;
        c.severity = f.severity;
        ++c.count;
    }
    for (auto& [key, c] : counts)
        m.counts.push_back(c);
}

}  // namespace

const char* conclusionEn(Conclusion c) {
    switch (c) {
        case Conclusion::Compliant:
            return "Compliant";
        case Conclusion::CompliantWithNotices:
            return "Compliant with notices";
        case Conclusion::NonCompliant:
            return "Non-compliant";
    }
    return "";
}

const char* conclusionZh(Conclusion c) {
    switch (c) {
        case Conclusion::Compliant:
            return "合规";
        case Conclusion::CompliantWithNotices:
            return "合规但有提示";
        case Conclusion::NonCompliant:
            return "不合规";
    }
    return "";
}

const char* mapViewName(MapView v) {
    switch (v) {
        case MapView::TopDown:
            return "top-down";
        case MapView::Oblique:
            return "oblique";
        case MapView::Both:
            return "both";
    }
    return "top-down";
}

std::optional<MapView> parseMapView(const std::string& name) {
    for (MapView v : {MapView::TopDown, MapView::Oblique, MapView::Both})
        if (name == mapViewName(v))
            return v;
    return std::nullopt;
}

const char* severityZh(RuleSeverity s) {
    switch (s) {
        case RuleSeverity::Advice:
            return "建议";
        case RuleSeverity::Warning:
            return "警告";
        case RuleSeverity::Violation:
            return "违规";
    }
    return "";
}

void sortFindings(std::vector<ReportFinding>& findings) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const ReportFinding& a, const ReportFinding& b) {
                         const std::string ida = a.related.empty() ? "" : a.related[0].id;
                         const std::string idb = b.related.empty() ? "" : b.related[0].id;
                         return std::tuple(severityRank(a.severity), a.rule, a.operatorName, ida) <
                                std::tuple(severityRank(b.severity), b.rule, b.operatorName, idb);
                     });
}

Conclusion concludeFrom(const std::vector<ReportFinding>& findings) {
    Conclusion c = Conclusion::Compliant;
    for (const auto& f : findings) {
        if (f.severity != RuleSeverity::Advice)
            return Conclusion::NonCompliant;
        c = Conclusion::CompliantWithNotices;
    }
    return c;
}

bool ruleMeasuresDistance(const std::string& code) {
    static const std::set<std::string> kMeasured = {
        rulecodes::kPublicFacilityFirst, rulecodes::kShareFirst,
        rulecodes::kPublicPlaces,        rulecodes::kWorksNotice,
        rulecodes::kInterference,        rulecodes::kLandProtection,
        rulecodes::kSubmarineZone,       rulecodes::kUnderwaterProhibited,
        rulecodes::kSubmarineProhibited};
    return kMeasured.count(code) > 0;
}

geo::Result<ReportModel> buildReportModel(const ReportInputs& in) {
    const InspectionReport& r = *in.report;
    const geo::GeoPoint centre = caseCentre(r, *in.project);
    // One system for the whole report, chosen from the centre alone.
    auto projector = ReportProjector::create(in.crsDefinition, centre);
    CITYTWIN_RETURN_IF_FAILED(projector);
    const ReportProjector& proj = projector.value();

    ReportModel m;
    m.checkKind = r.checkKind;
    m.titleEn = r.title;
    // The report's own title: 选址核查报告, 施工作业核查报告, 设施合规审查报告.
    m.titleZh = std::string(r.checkKind == CheckKind::Audit ? "设施合规审查"
                                                            : checkKindTitleZh(r.checkKind)) +
                "报告";
    m.header = in.header;
    m.date = r.date.toString();
    m.projectPath = geo::maskedLocation(r.projectPath);  // a database password is never printed
    m.rulesName = r.rulesName;
    m.rulesVersion = r.rulesVersion;
    m.rulesSource = r.rulesSource;
    m.crsCode = proj.code();
    m.crsLabel = proj.label();
    m.parameters = r.parameters;
    if (r.maybeLocation)
        m.maybeCentre = pointOf(proj, *r.maybeLocation);
    if (!r.worksArea.empty() && !r.worksArea[0].rings.empty())
        for (const auto& q : r.worksArea[0].rings[0])
            m.worksArea.push_back(pointOf(proj, q));

    const auto facts = collectFacts(*in.project);
    for (const auto& f : r.findings) {
        ReportFinding out;
        out.rule = f.rule;
        out.article = f.article;
        const ArticleText text = articleSummary(f.rule);
        out.articleTextZh = text.zh;
        out.articleTextEn = text.en;
        out.severity = f.severity;
        out.messageZh = f.messageZh;
        out.messageEn = f.messageEn;
        const bool measured = ruleMeasuresDistance(f.rule) && r.checkKind != CheckKind::Audit;
        for (const auto& item : f.related) {
            ReportFeature feature;
            feature.layer = item.layer;
            feature.id = item.id;
            auto it = facts.find({item.layer, item.id});
            const DisplayName kind =
                it != facts.end() ? it->second.kind : layerDisplayName(item.layer);
            feature.kindEn = kind.en;
            feature.kindZh = kind.zh;
            if (it != facts.end()) {
                feature.name = it->second.name;
                feature.operatorName = it->second.operatorName;
            }
            if (measured)
                feature.maybeDistanceM = item.distanceM;
            feature.at = pointOf(proj, item.position);
            out.related.push_back(std::move(feature));
        }
        if (!out.related.empty())
            out.operatorName = out.related.front().operatorName;
        m.findings.push_back(std::move(out));
    }
    sortFindings(m.findings);
    countFindings(m);
    m.conclusion = concludeFrom(m.findings);

    if (r.checkKind == CheckKind::Site)
        addSiteShapes(m, *in.rules);
    addWorksShapes(m, proj, in.zones, r);
    addFeatureShapes(m, proj, facts);
    if (m.maybeCentre && r.checkKind == CheckKind::Site) {
        MapShape site;
        site.role = MapShape::Role::Site;
        site.points = {metres(*m.maybeCentre)};
        site.label = "Proposed site / 拟建站址";
        m.mapShapes.push_back(site);
    }
    frameExtent(m);
    addDetailMaps(m, facts, proj);
    // The base map under the case: what the map frame can show at its page's
    // aspect (A4 and A3 alike, portrait), so twice the extent's larger side.
    {
        const double half =
            std::max(m.mapExtent.maxX - m.mapExtent.minX, m.mapExtent.maxY - m.mapExtent.minY);
        geo::Extent cut;
        cut.add(m.mapExtent.centerX() - half, m.mapExtent.centerY() - half);
        cut.add(m.mapExtent.centerX() + half, m.mapExtent.centerY() + half);
        auto base = baseMapShapes(in.baseLayers, proj, cut, m.baseMapSources);
        m.mapShapes.insert(m.mapShapes.begin(), std::make_move_iterator(base.begin()),
                           std::make_move_iterator(base.end()));
    }
    const std::string project = r.projectPath.empty() ? ""
                                : geo::isPostgresLocation(r.projectPath)
                                    ? geo::maskedLocation(r.projectPath)
                                    : std::filesystem::path(r.projectPath).filename().string();
    std::string base;
    for (const auto& source : m.baseMapSources)
        base += (base.empty() ? "; base map / 底图: " : ", ") + source;
    m.attribution = "Data / 数据: " + (project.empty() ? std::string("project") : project) + base +
                    "; features from openstreetmap.org © OpenStreetMap contributors (ODbL 1.0). "
                    "Drawn by citytwin in " +
                    m.crsCode + ".";
    return m;
}

geo::Result<ReportModel> buildReportModel(const InspectionReport& report,
                                          const InspectionContext& context,
                                          const ReportHeader& header,
                                          const std::string& crsDefinition) {
    ReportInputs in;
    in.report = &report;
    in.project = &context.project();
    in.rules = &context.rules();
    in.header = header;
    in.crsDefinition = crsDefinition;
    in.baseLayers = findBaseMapLayers(report.projectPath);
    if (report.checkKind == CheckKind::Works) {
        std::set<std::string> cables;
        for (const auto& f : report.findings)
            for (const auto& item : f.related)
                if (item.layer == layers::kCables)
                    cables.insert(item.id);
        if (!cables.empty())
            if (auto zones = context.buildZones())
                for (auto& z : std::move(zones).value())
                    if (cables.count(z.cableId))
                        in.zones.push_back(std::move(z));
    }
    return buildReportModel(in);
}

}  // namespace citytwin::assets
