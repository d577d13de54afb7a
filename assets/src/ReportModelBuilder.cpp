#include "citytwin/assets/ReportModelBuilder.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "citytwin/assets/ArticleTexts.h"
#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/ReportCrs.h"

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
    for (const auto& s : p.interferenceSources)
        facts[{layers::kInterferenceSources, s.id}] = {
            {layerDisplayName(layers::kInterferenceSources).en +
                 (s.kind.empty() ? "" : " (" + s.kind + ")"),
             layerDisplayName(layers::kInterferenceSources).zh +
                 (s.kind.empty() ? "" : "（" + s.kind + "）")},
            {},
            {},
            {}};
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

/// Pads the case's extent (8 %, at least 100 m around a single point).
void frameExtent(ReportModel& m) {
    if (m.maybeCentre)
        m.mapExtent.add(m.maybeCentre->x, m.maybeCentre->y);
    if (!std::isfinite(m.mapExtent.minX))
        return;
    const double w = m.mapExtent.maxX - m.mapExtent.minX;
    const double h = m.mapExtent.maxY - m.mapExtent.minY;
    const double pad = std::max(100.0, 0.08 * std::max(w, h));
    m.mapExtent.add(m.mapExtent.minX - pad, m.mapExtent.minY - pad);
    m.mapExtent.add(m.mapExtent.maxX + pad, m.mapExtent.maxY + pad);
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
            return "符合";
        case Conclusion::CompliantWithNotices:
            return "符合（有提示事项）";
        case Conclusion::NonCompliant:
            return "不符合";
    }
    return "";
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
    m.titleZh = checkKindTitleZh(r.checkKind);
    m.header = in.header;
    m.date = r.date.toString();
    m.projectPath = r.projectPath;
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
    const std::string project =
        r.projectPath.empty() ? "" : std::filesystem::path(r.projectPath).filename().string();
    m.attribution = "Data / 数据: " + (project.empty() ? std::string("project") : project) +
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
