// The report model of issue 18: one Gauss-Kruger zone per report chosen from
// the case's centre, findings sorted and counted, the conclusion, distances
// only where a rule measures one, display names, and the JSON the PDF
// renderer reads.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "AssetTestSupport.h"
#include "citytwin/assets/ArticleTexts.h"
#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/ReportCrs.h"
#include "citytwin/assets/ReportHtml.h"
#include "citytwin/assets/ReportMap.h"
#include "citytwin/assets/ReportModelBuilder.h"
#include "citytwin/assets/ReportModelJson.h"
#include "citytwin/assets/SvgMapCanvas.h"
#include "citytwin/geo/Crs.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::assets;

namespace {

std::unique_ptr<InspectionContext> demoContext() {
    const auto repository =
        openAssetRepository(std::string(citytwin::test::kRepoDataDir) + "/demo/demo.gpkg");
    auto ctx = InspectionContext::open(*repository);
    EXPECT_TRUE(ctx.ok()) << ctx.messages();
    return ctx.ok() ? std::move(ctx).value() : nullptr;
}

InspectionReport siteReport(const InspectionContext& ctx, geo::GeoPoint at,
                            std::optional<HostType> host) {
    InspectionReport r;
    r.title = "Siting check";
    r.checkKind = CheckKind::Site;
    r.maybeLocation = at;
    r.projectPath = "demo.gpkg";
    setRules(r, ctx.rules());
    auto findings = ctx.siteChecker().check({at, "China Mobile", host});
    EXPECT_TRUE(findings.ok());
    r.findings = findings.value();
    return r;
}

}  // namespace

TEST(ReportCrs, theZoneComesFromTheLongitudeWithTheBorderInTheWest) {
    EXPECT_EQ(gaussKrugerZone(120.0), 40);
    EXPECT_EQ(gaussKrugerZone(121.5), 40);
    EXPECT_EQ(gaussKrugerZone(121.5001), 41);
    EXPECT_EQ(gaussKrugerZone(123.0), 41);
    EXPECT_EQ(gaussKrugerZone(118.6), 40);
    EXPECT_EQ(gaussKrugerZone(118.4), 39);
    EXPECT_EQ(gaussKrugerEpsg(40), 4549);
    EXPECT_EQ(gaussKrugerEpsg(41), 4550);
    EXPECT_EQ(gaussKrugerEpsg(25), 4534);
    EXPECT_EQ(gaussKrugerEpsg(45), 4554);
    auto p = ReportProjector::create("", {121.49, 31.2, 0});
    ASSERT_TRUE(p.ok()) << p.messages();
    EXPECT_EQ(p.value().code(), "EPSG:4549");
    // Central meridian 120 E: false easting 500 km, so 121.49 E lies ~142 km east of it.
    const geo::GeoPoint q = p.value().project({121.49, 31.2, 0});
    EXPECT_NEAR(q.x, 500000.0 + 142000.0, 2000.0);
    EXPECT_FALSE(ReportProjector::create("EPSG:999999", {121.49, 31.2, 0}).ok());
}

TEST(ReportModel, aSiteWestOfTheBorderPutsEveryCoordinateInItsZoneEvenFeaturesEastOfIt) {
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    // 121.4998 E: zone 40, while some related features lie east of 121.5 E.
    const InspectionReport r = siteReport(*ctx, {121.4998, 31.238967, 0}, HostType::Rooftop);
    auto model = buildReportModel(r, *ctx, {"C-1", "Wang", "Office"}, "");
    ASSERT_TRUE(model.ok()) << model.messages();
    const ReportModel& m = model.value();
    EXPECT_EQ(m.crsCode, "EPSG:4549");
    auto to4549 =
        geo::CrsTransform::create(geo::Crs::wgs84(), geo::Crs::fromString("EPSG:4549").value());
    ASSERT_TRUE(to4549.ok());
    bool eastOfBorder = false;
    for (const auto& f : m.findings)
        for (const auto& item : f.related) {
            eastOfBorder |= item.at.lon > 121.5;
            const auto q = to4549.value().transform({item.at.lon, item.at.lat, 0});
            ASSERT_TRUE(q.ok());
            EXPECT_NEAR(item.at.x, q.value().x, 1e-3) << item.id;
            EXPECT_NEAR(item.at.y, q.value().y, 1e-3) << item.id;
        }
    EXPECT_TRUE(eastOfBorder) << "the case should straddle 121.5 E";
    const std::string html = reportHtmlDocument(m, reportMapSvg(m, 180, 150));
    EXPECT_EQ(html.find("EPSG:4550"), std::string::npos);
}

TEST(ReportModel, findingsAreSortedBySeverityThenRuleAndCountedWithTheConclusion) {
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    InspectionReport r;
    r.title = "Audit";
    r.checkKind = CheckKind::Audit;
    r.date = *IsoDate::parse("2026-06-30");
    setRules(r, ctx->rules());
    r.findings = ctx->auditor().audit(r.date);
    ASSERT_FALSE(r.findings.empty());
    auto model = buildReportModel(r, *ctx, {}, "");
    ASSERT_TRUE(model.ok());
    const ReportModel& m = model.value();
    ASSERT_EQ(m.findings.size(), r.findings.size());
    auto rank = [](RuleSeverity s) {
        return s == RuleSeverity::Violation ? 0 : s == RuleSeverity::Warning ? 1 : 2;
    };
    for (std::size_t i = 1; i < m.findings.size(); ++i) {
        const auto& a = m.findings[i - 1];
        const auto& b = m.findings[i];
        EXPECT_TRUE(rank(a.severity) < rank(b.severity) ||
                    (rank(a.severity) == rank(b.severity) && a.rule <= b.rule))
            << a.rule << " before " << b.rule;
    }
    int counted = 0, bySeverity = 0;
    for (const auto& c : m.counts)
        counted += c.count;
    for (const auto& [s, n] : m.countsBySeverity)
        bySeverity += n;
    EXPECT_EQ(counted, int(m.findings.size()));
    EXPECT_EQ(bySeverity, int(m.findings.size()));
    EXPECT_EQ(m.conclusion, Conclusion::NonCompliant);  // the demo has SH-20 violations
    // Audits measure no distance: none is printed.
    for (const auto& f : m.findings)
        for (const auto& item : f.related)
            EXPECT_FALSE(item.maybeDistanceM) << f.rule << " " << item.id;
    // Grouped by operator: every audit count names one where the asset has one.
    bool anyOperator = false;
    for (const auto& c : m.counts)
        anyOperator |= !c.operatorName.empty();
    EXPECT_TRUE(anyOperator);
}

TEST(ReportModel, relatedFeaturesCarryKindNameAndOperatorAndSiteDistances) {
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    const InspectionReport r = siteReport(*ctx, {121.504481, 31.238967, 0}, std::nullopt);
    auto model = buildReportModel(r, *ctx, {}, "EPSG:4550");
    ASSERT_TRUE(model.ok());
    bool named = false, withOperator = false;
    for (const auto& f : model.value().findings)
        for (const auto& item : f.related) {
            EXPECT_FALSE(item.kindEn.empty());
            EXPECT_FALSE(item.kindZh.empty());
            EXPECT_NE(item.kindEn, item.layer) << "a raw layer id as the kind";
            named |= !item.name.empty();
            withOperator |= !item.operatorName.empty();
            EXPECT_TRUE(item.maybeDistanceM) << f.rule << ": site rules measure distances";
        }
    EXPECT_TRUE(named);
    EXPECT_TRUE(withOperator);
}

TEST(ReportModel, concludesCompliantWithoutFindingsAndWithNoticesOnAdviceOnly) {
    std::vector<ReportFinding> findings;
    EXPECT_EQ(concludeFrom(findings), Conclusion::Compliant);
    findings.push_back({});
    findings.back().severity = RuleSeverity::Advice;
    EXPECT_EQ(concludeFrom(findings), Conclusion::CompliantWithNotices);
    findings.push_back({});
    findings.back().severity = RuleSeverity::Warning;
    EXPECT_EQ(concludeFrom(findings), Conclusion::NonCompliant);
}

TEST(ReportModel, theJsonForThePdfRendererRoundTripsAndNamesBadFields) {
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    InspectionReport r = siteReport(*ctx, {121.504481, 31.238967, 0}, HostType::Rooftop);
    // The real project path: its base map (files beside it) travels too.
    r.projectPath = std::string(citytwin::test::kRepoDataDir) + "/demo/demo.gpkg";
    auto model = buildReportModel(r, *ctx, {"案件-7", "王伟", "通信管理局"}, "");
    ASSERT_TRUE(model.ok());
    const auto& shapes = model.value().mapShapes;
    EXPECT_GT(std::count_if(shapes.begin(), shapes.end(),
                            [](const MapShape& s) { return s.role == MapShape::Role::Base; }),
              20);
    EXPECT_EQ(model.value().baseMapSources,
              (std::vector<std::string>{"water.geojson", "buildings.geojson", "roads.geojson"}));
    const std::string json = reportModelToJson(model.value());
    auto back = parseReportModelJson(json, "model.json");
    ASSERT_TRUE(back.ok()) << back.messages();
    EXPECT_EQ(reportModelToJson(back.value()), json);
    EXPECT_EQ(back.value().header.caseNumber, "案件-7");
    std::string broken = json;
    const auto at = broken.find("\"severity\":\"");
    ASSERT_NE(at, std::string::npos);
    broken.replace(at, 12, "\"severity\":\"x");
    auto bad = parseReportModelJson(broken, "model.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.messages().find("model.json"), std::string::npos) << bad.messages();
    EXPECT_NE(bad.messages().find("severity"), std::string::npos) << bad.messages();
}

TEST(ReportMap, theMapHasLegendScaleBarNorthArrowAndAttribution) {
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    const InspectionReport r = siteReport(*ctx, {121.504481, 31.238967, 0}, std::nullopt);
    auto model = buildReportModel(r, *ctx, {}, "");
    ASSERT_TRUE(model.ok());
    const std::string svg = reportMapSvg(model.value(), 180, 150);
    EXPECT_NE(svg.find("Legend / 图例"), std::string::npos);
    EXPECT_NE(svg.find(">N</text>"), std::string::npos);
    EXPECT_NE(svg.find("OpenStreetMap"), std::string::npos);
    EXPECT_NE(svg.find("Proposed site / 拟建站址"), std::string::npos);
    // The search radii are on the map: the framing holds the widest (SH-16, 300 m).
    const auto& e = model.value().mapExtent;
    const auto& c = *model.value().maybeCentre;
    EXPECT_GE(c.x - e.minX, 300.0);
    EXPECT_GE(e.maxY - c.y, 300.0);
    EXPECT_DOUBLE_EQ(roundScaleBarMetres(740.0), 500.0);
    EXPECT_DOUBLE_EQ(roundScaleBarMetres(199.0), 100.0);
    EXPECT_DOUBLE_EQ(roundScaleBarMetres(2.5), 2.0);
}

TEST(AssetDisplayNames, hostTypesAndSitesHaveBothLanguages) {
    EXPECT_EQ(displayName(HostType::IntegratedPole).both(), "Integrated road pole / 道路综合杆");
    EXPECT_EQ(hostTypeDisplayName("lamp_pole")->zh, "路灯杆");
    EXPECT_FALSE(hostTypeDisplayName("nonsense"));
    EXPECT_EQ(proposedSiteWording(HostType::Rooftop).en, "rooftop site");
    EXPECT_EQ(proposedSiteWording(std::nullopt).en, "stand-alone site");
    EXPECT_EQ(proposedSiteWording(HostType::LampPole).en, "site on a street-lamp pole");
    EXPECT_EQ(layerDisplayName("public_facilities").zh, "公共设施");
}

TEST(MessageWords, pluralsFollowTheCountAndSh11NamesTheHostOfTheSite) {
    EXPECT_EQ(fillTemplate("{count} {count|site|sites}", {{"count", "1"}}), "1 site");
    EXPECT_EQ(fillTemplate("{count} {count|site|sites}", {{"count", "3"}}), "3 sites");
    EXPECT_EQ(fillTemplate("{n|a|b} {x}", {}), "{n|a|b} {x}");  // unknown names stay
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    for (const auto& [host, wording] : std::vector<std::pair<std::optional<HostType>, std::string>>{
             {HostType::Rooftop, "the proposed rooftop site"},
             {std::nullopt, "the proposed stand-alone site"},
             {HostType::Tower, "the proposed stand-alone site"}}) {
        const InspectionReport r = siteReport(*ctx, {121.504481, 31.238967, 0}, host);
        bool sawSh11 = false;
        for (const auto& f : r.findings) {
            if (f.rule == rulecodes::kPublicFacilityFirst) {
                sawSh11 = true;
                EXPECT_NE(f.messageEn.find(wording), std::string::npos) << f.messageEn;
                EXPECT_EQ(f.messageEn.find("{"), std::string::npos) << f.messageEn;
                EXPECT_EQ(f.messageZh.find("{"), std::string::npos) << f.messageZh;
            }
            // No "1 things": a count of one takes the singular.
            EXPECT_EQ(f.messageEn.find(" 1 existing sites"), std::string::npos) << f.messageEn;
            EXPECT_EQ(f.messageEn.find("(s)"), std::string::npos) << f.messageEn;
        }
        EXPECT_TRUE(sawSh11);
    }
}

TEST(ArticleTexts, everyRuleTheChecksUseHasItsTextInBothLanguages) {
    for (const char* code :
         {rulecodes::kPublicFacilityFirst, rulecodes::kShareFirst, rulecodes::kPublicPlaces,
          rulecodes::kCoverageGap, rulecodes::kInspection, rulecodes::kWorksNotice,
          rulecodes::kRemovedWithoutReplacement, rulecodes::kDecommissioned, rulecodes::kSigns,
          rulecodes::kLandProtection, rulecodes::kUnderwaterProhibited, rulecodes::kInterference,
          rulecodes::kSubmarineZone, rulecodes::kSubmarineProhibited, rulecodes::kIncident}) {
        const ArticleText t = articleSummary(code);
        EXPECT_FALSE(t.zh.empty()) << code;
        EXPECT_FALSE(t.en.empty()) << code;
    }
    // The shipped rules name no rule without a text.
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    for (const auto& [code, rule] : ctx->rules().rules)
        EXPECT_FALSE(articleSummary(code).zh.empty()) << code;
}

TEST(AssetDisplayNames, operatorsHaveBothLanguages) {
    EXPECT_EQ(operatorDisplayName("China Mobile").both(), "China Mobile / 中国移动");
    EXPECT_EQ(operatorDisplayName("中国铁塔").en, "China Tower");
    EXPECT_EQ(operatorDisplayName("Pudong Fibre Co.").zh, "Pudong Fibre Co.");
}

TEST(ReportMap, aDistanceFindingHasADetailMapWithItsMeasuredLines) {
    auto ctx = demoContext();
    ASSERT_TRUE(ctx);
    const InspectionReport r = siteReport(*ctx, {121.504481, 31.238967, 0}, HostType::Rooftop);
    auto model = buildReportModel(r, *ctx, {}, "");
    ASSERT_TRUE(model.ok());
    const ReportFinding* sh11 = nullptr;
    for (const auto& f : model.value().findings)
        if (f.rule == rulecodes::kPublicFacilityFirst)
            sh11 = &f;
    ASSERT_TRUE(sh11);
    ASSERT_TRUE(sh11->maybeDetailExtent);
    ASSERT_FALSE(sh11->detailShapes.empty());
    // Each measured line runs from the site to its feature, as long as the
    // distance the rule measured (points: both in the same report plane).
    const auto& site = *model.value().maybeCentre;
    for (std::size_t i = 0; i < sh11->detailShapes.size(); ++i) {
        const MapShape& line = sh11->detailShapes[i];
        ASSERT_EQ(line.points.size(), 2u);
        EXPECT_NEAR(line.points[0].x, site.x, 1e-6);
        const double len =
            std::hypot(line.points[1].x - line.points[0].x, line.points[1].y - line.points[0].y);
        EXPECT_NEAR(len, *sh11->related[i].maybeDistanceM, 0.05 * len + 0.5);
        const auto& e = *sh11->maybeDetailExtent;
        EXPECT_TRUE(line.points[1].x > e.minX && line.points[1].x < e.maxX);
    }
    EXPECT_LE(sh11->detailShapes.size(), 5u);
    // Findings that measure nothing have none.
    for (const auto& f : model.value().findings)
        if (!ruleMeasuresDistance(f.rule)) {
            EXPECT_FALSE(f.maybeDetailExtent) << f.rule;
        }
    // The map frames the site in its middle.
    const auto& e = model.value().mapExtent;
    EXPECT_NEAR(e.centerX(), site.x, 1e-6);
    EXPECT_NEAR(e.centerY(), site.y, 1e-6);
}

TEST(ReportModelJson, theMapViewTheObliqueImageAndBuildingHeightsRoundTrip) {
    ReportModel m;
    m.crsCode = "EPSG:4550";
    m.mapView = MapView::Both;
    // Binary bytes, every value once: the PNG travels as base64.
    for (int i = 0; i < 256; ++i)
        m.obliquePng += char(i);
    MapShape building;
    building.kind = MapShape::Kind::Polygon;
    building.role = MapShape::Role::Base;
    building.layer = "buildings";
    building.heightM = 42.5;
    building.points = {{0, 0, 0}, {10, 0, 0}, {10, 10, 0}, {0, 0, 0}};
    m.mapShapes.push_back(building);
    ReportFinding f;
    f.rule = "SH-24-2";
    f.maybeDetailExtent = geo::Extent();
    f.maybeDetailExtent->add(0, 0);
    f.maybeDetailExtent->add(10, 10);
    MapShape inside = building;
    inside.role = MapShape::Role::Containment;
    inside.heightM = 0.0;
    inside.label = "Inside the protection zone / 位于保护范围内";
    f.detailShapes.push_back(inside);
    f.detailOblique.png = "\x89PNG detail";
    f.detailOblique.labels.push_back({0.25, 0.75, "12.5 m"});
    f.detailOblique.keepClear.push_back({0.5, 0.125});
    m.findings.push_back(f);
    auto back = parseReportModelJson(reportModelToJson(m), "model.json");
    ASSERT_TRUE(back.ok()) << back.messages();
    EXPECT_EQ(back.value().mapView, MapView::Both);
    EXPECT_EQ(back.value().obliquePng, m.obliquePng);
    ASSERT_EQ(back.value().mapShapes.size(), 1u);
    EXPECT_DOUBLE_EQ(back.value().mapShapes[0].heightM, 42.5);
    ASSERT_EQ(back.value().findings.at(0).detailShapes.size(), 1u);
    EXPECT_EQ(back.value().findings[0].detailShapes[0].role, MapShape::Role::Containment);
    const ObliqueView& detail = back.value().findings[0].detailOblique;
    EXPECT_EQ(detail.png, f.detailOblique.png);
    ASSERT_EQ(detail.labels.size(), 1u);
    EXPECT_DOUBLE_EQ(detail.labels[0].u, 0.25);
    EXPECT_DOUBLE_EQ(detail.labels[0].v, 0.75);
    EXPECT_EQ(detail.labels[0].text, "12.5 m");
    ASSERT_EQ(detail.keepClear.size(), 1u);
    EXPECT_DOUBLE_EQ(detail.keepClear[0].v, 0.125);
    // Bad values name their field.
    std::string text = reportModelToJson(m);
    const std::string view = "\"map_view\":\"both\"";
    ASSERT_NE(text.find(view), std::string::npos);
    auto badView = parseReportModelJson(
        std::string(text).replace(text.find(view), view.size(), "\"map_view\":\"side\""),
        "model.json");
    ASSERT_FALSE(badView.ok());
    EXPECT_NE(badView.messages().find("$.map_view"), std::string::npos) << badView.messages();
    const std::size_t png = text.find("\"oblique_png_base64\":\"") + 22;
    auto badPng = parseReportModelJson(std::string(text).replace(png, 1, "*"), "model.json");
    ASSERT_FALSE(badPng.ok());
    EXPECT_NE(badPng.messages().find("$.oblique_png_base64"), std::string::npos);
    // A label anchored outside its image names its path.
    const std::string u = "\"u\":0.25";
    ASSERT_NE(text.find(u), std::string::npos) << text;
    auto badLabel = parseReportModelJson(
        std::string(text).replace(text.find(u), u.size(), "\"u\":1.5"), "model.json");
    ASSERT_FALSE(badLabel.ok());
    EXPECT_NE(badLabel.messages().find("$.findings[0].detail_oblique.labels[0]"), std::string::npos)
        << badLabel.messages();
    EXPECT_FALSE(decodeBase64("abc"));  // not a multiple of four
    EXPECT_EQ(decodeBase64(base64("citytwin")).value_or(""), "citytwin");
}

// Detail maps follow the map view: top-down, oblique (where rendered), or
// both, one number per finding.
TEST(ReportMapView, detailPanelsFollowTheChosenView) {
    ReportModel m;
    for (int i = 0; i < 3; ++i) {
        ReportFinding f;
        f.rule = "SH-" + std::to_string(11 + i);
        if (i != 1) {  // the second finding measures nothing: no detail map
            f.maybeDetailExtent = geo::Extent();
            f.maybeDetailExtent->add(0, 0);
            f.maybeDetailExtent->add(10, 10);
        }
        m.findings.push_back(f);
    }
    auto kinds = [&m] {
        std::string out;
        for (const auto& p : detailPanels(m))
            out += p.finding->rule + (p.oblique ? "o" : "t") + std::to_string(p.number) + " ";
        return out;
    };
    m.mapView = MapView::TopDown;
    EXPECT_EQ(kinds(), "SH-11t1 SH-13t2 ");
    // Oblique asked for but not rendered: the top-down map stands in.
    m.mapView = MapView::Oblique;
    EXPECT_EQ(kinds(), "SH-11t1 SH-13t2 ");
    for (auto& f : m.findings)
        if (f.maybeDetailExtent)
            f.detailOblique.png = "png";
    EXPECT_EQ(kinds(), "SH-11o1 SH-13o2 ");
    m.mapView = MapView::Both;
    EXPECT_EQ(kinds(), "SH-11t1 SH-11o1 SH-13t2 SH-13o2 ");
    m.mapView = MapView::TopDown;
    EXPECT_EQ(kinds(), "SH-11t1 SH-13t2 ");
    const auto panels = detailPanels(m);
    EXPECT_EQ(detailPanelTitle(panels[0]), detailMapTitle(m.findings[0], 1));
    EXPECT_NE(detailPanelTitle({&m.findings[0], true, 1}).find("oblique 3D view / 斜视三维图"),
              std::string::npos);
    // The oblique detail map: the image and its labels as text over it.
    m.mapView = MapView::Oblique;
    m.findings[0].detailOblique.labels = {{0.5, 0.5, "12.5 m"}};
    const auto svgs = reportDetailMapSvgs(m, 180, 110);
    ASSERT_EQ(svgs.size(), 2u);
    EXPECT_NE(svgs[0].find("<image"), std::string::npos);
    EXPECT_NE(svgs[0].find(">12.5 m</text>"), std::string::npos);
    EXPECT_EQ(svgs[1].find(">12.5 m</text>"), std::string::npos);
}

TEST(ReportMapView, namesParseBackAndNothingElse) {
    for (MapView v : {MapView::TopDown, MapView::Oblique, MapView::Both})
        EXPECT_EQ(parseMapView(mapViewName(v)), v);
    EXPECT_FALSE(parseMapView("Oblique"));
    EXPECT_FALSE(parseMapView(""));
    EXPECT_TRUE(showsTopDown(MapView::Both) && showsOblique(MapView::Both));
    EXPECT_FALSE(showsOblique(MapView::TopDown));
    EXPECT_FALSE(showsTopDown(MapView::Oblique));
}
