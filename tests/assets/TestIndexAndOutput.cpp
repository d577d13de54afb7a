// The packed R-tree gives the same answers as a brute-force scan, the metric
// plane measures metres, and the JSON output has exactly the issue's shape.

#include <random>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "AssetTestSupport.h"
#include "citytwin/assets/FindingsFormat.h"
#include "citytwin/assets/InspectionReport.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;

TEST(PackedRTree, queriesMatchALinearScan) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<PackedRTree::Item> items;
    for (std::uint32_t i = 0; i < 5000; ++i) {
        citytwin::geo::Extent e;
        const double x = u(rng), y = u(rng), w = u(rng) * 0.01;
        e.add(x, y);
        e.add(x + w, y + w);
        items.push_back({e, i});
    }
    const PackedRTree tree(items);
    EXPECT_EQ(tree.size(), items.size());
    for (int q = 0; q < 200; ++q) {
        citytwin::geo::Extent box;
        const double x = u(rng), y = u(rng);
        box.add(x, y);
        box.add(x + 0.02, y + 0.03);
        std::vector<std::uint32_t> got;
        tree.query(box, got);
        std::sort(got.begin(), got.end());
        std::vector<std::uint32_t> want;
        for (const auto& it : items)
            if (it.box.minX <= box.maxX && box.minX <= it.box.maxX && it.box.minY <= box.maxY &&
                box.minY <= it.box.maxY)
                want.push_back(it.value);
        EXPECT_EQ(got, want);
    }
    std::vector<std::uint32_t> none;
    PackedRTree().query(items[0].box, none);
    EXPECT_TRUE(none.empty());
}

TEST(AssetIndex, rTreeAndBruteForceGiveTheSameFindings) {
    ProjectBuilder b;
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-1500.0, 1500.0);
    for (int i = 0; i < 300; ++i) {
        b.point(layers::kBaseStations, u(rng), u(rng),
                {{"id", "S" + std::to_string(i)},
                 {"status", i % 4 == 0 ? "removed" : "active"},
                 {"spare_capacity", std::to_string(i % 3)}});
        b.point(layers::kPublicFacilities, u(rng), u(rng),
                {{"id", "F" + std::to_string(i)}, {"kind", "lamp_pole"}});
    }
    for (int i = 0; i < 20; ++i) {
        const double y = u(rng);
        b.line(layers::kCables, {{-1500, y}, {0, y + 3}, {1500, y}},
               {{"id", "C" + std::to_string(i)}, {"class", "duct"}, {"operator", "op"}});
        b.point(layers::kPublicPlaces, u(rng), u(rng),
                {{"id", "P" + std::to_string(i)}, {"kind", "metro"}});
    }
    auto fast = b.context(AssetIndex::Mode::RTree);
    auto slow = b.context(AssetIndex::Mode::BruteForce);
    for (int q = 0; q < 50; ++q) {
        SiteProposal p;
        p.position = b.at(u(rng), u(rng));
        const auto a = fast->siteChecker().check(p).value();
        const auto c = slow->siteChecker().check(p).value();
        EXPECT_EQ(findingsToJson(a), findingsToJson(c));
        WorksProposal w;
        w.kind = WorksKind::Excavation;
        w.polygons = {b.square(u(rng), u(rng), 30)};
        EXPECT_EQ(findingsToJson(fast->worksChecker().check(w).value()),
                  findingsToJson(slow->worksChecker().check(w).value()));
    }
}

TEST(MetricPlane, measuresMetresLikeTheGeodesic) {
    // 1' of latitude at 31.25 N is 1847.9 m (WGS 84 meridian radius 6352.6 km), not 1852.
    const MetricPlane plane({121.5, 31.24, 0});
    EXPECT_NEAR(plane.distanceFromOrigin(citytwin::geo::GeoPoint{121.5, 31.24 + 1.0 / 60.0, 0}),
                1847.9, 0.2);
    // Round trip.
    const auto g = plane.toGeographic({123.4, -56.7});
    const auto back = plane.toPlane(g);
    EXPECT_NEAR(back.east, 123.4, 1e-6);
    EXPECT_NEAR(back.north, -56.7, 1e-6);
}

TEST(FindingsFormat, jsonHasExactlyTheIssuesShape) {
    ProjectBuilder b;
    b.point(layers::kPublicFacilities, 0, 80.23, {{"id", "F\"1"}, {"kind", "lamp_pole"}});
    auto findings =
        b.context()->siteChecker().check({b.at(0, 0), "China Mobile", HostType::Tower}).value();
    const auto doc = nlohmann::json::parse(findingsToJson(findings));
    ASSERT_EQ(doc.size(), 1u);
    ASSERT_EQ(doc["findings"].size(), 1u);
    const auto& f = doc["findings"][0];
    std::vector<std::string> keys;
    for (const auto& [k, v] : f.items())
        keys.push_back(k);
    EXPECT_EQ(keys, (std::vector<std::string>{"article", "message_en", "message_zh", "related",
                                              "rule", "severity"}));
    EXPECT_EQ(f["rule"], "SH-11");
    EXPECT_EQ(f["severity"], "advice");
    const auto& r = f["related"][0];
    EXPECT_EQ(r.size(), 3u);
    EXPECT_EQ(r["layer"], "public_facilities");
    EXPECT_EQ(r["id"], "F\"1");
    EXPECT_DOUBLE_EQ(r["distance_m"].get<double>(), 80.2);
    EXPECT_EQ(nlohmann::json::parse(findingsToJson({})),
              nlohmann::json::parse(R"({"findings":[]})"));
    EXPECT_NE(findingsToText(findings).find("SH-11"), std::string::npos);
}

TEST(InspectionReport, htmlCitesArticlesCoordinatesRulesVersionAndDate) {
    ProjectBuilder b;
    b.point(layers::kPublicFacilities, 0, 80, {{"id", "F<1>"}, {"kind", "lamp_pole"}});
    auto ctx = b.context();
    InspectionReport report;
    report.title = "Siting check";
    report.checkKind = CheckKind::Site;
    report.date = *IsoDate::parse("2026-06-30");
    report.projectPath = "demo.gpkg";
    setRules(report, ctx->rules());
    report.maybeLocation = b.at(0, 0);
    report.snapshotImagePath = "snapshot.png";
    report.findings = ctx->siteChecker().check({b.at(0, 0), "", HostType::Tower}).value();
    const std::string html = writeInspectionReportHtml(report);
    for (const char* needle :
         {"<meta charset=\"utf-8\">", "选址核查", "2026-06-30", "shanghai-2023.1", "SH Art. 11",
          "第十一条", "WGS 84 (EPSG:4326): 121.5000000 E, 31.2400000 N",
          "CGCS2000 (EPSG:4490): 121.5000000 E", "3-degree Gauss-Kruger CM", "snapshot.png",
          "F&lt;1&gt;", "80"})
        EXPECT_NE(html.find(needle), std::string::npos) << needle;
    EXPECT_EQ(html.find("F<1>"), std::string::npos);
    // East of 121.5 E the 123 E zone is used.
    EXPECT_NE(describeCoordinates({121.6, 31.2, 0})[2].find("EPSG:4550"), std::string::npos);
}
