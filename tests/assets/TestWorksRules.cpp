// check-works rules: SH-19 notice distance, SH-24-2 land zones, SH-24-3 and
// SCP-8 submarine zones, with both sides of every boundary.

#include <gtest/gtest.h>

#include "AssetTestSupport.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;

namespace {

std::vector<Finding> checkWorks(const ProjectBuilder& b, WorksKind kind,
                                const citytwin::geo::Polygon& area) {
    auto ctx = b.context();
    WorksProposal w;
    w.kind = kind;
    w.polygons = {area};
    auto r = ctx->worksChecker().check(w);
    EXPECT_TRUE(r.ok()) << r.messages();
    return r.ok() ? r.value() : std::vector<Finding>{};
}

}  // namespace

TEST(WorksRules, sh19NoticeListGroupedByOperatorIncludingTenants) {
    ProjectBuilder b;
    // Works: a 20 m square (edges at +-10 m).
    b.point(layers::kBaseStations, 59.9, 0,
            {{"id", "S-IN"},
             {"operator", "China Tower"},
             {"tenants", "China Mobile, China Unicom"},
             {"status", "active"}});
    b.point(layers::kBaseStations, -60.1, 0,
            {{"id", "S-OUT"}, {"operator", "China Tower"}, {"status", "active"}});
    b.point(layers::kBaseStations, 0, 20,
            {{"id", "S-GONE"}, {"operator", "China Telecom"}, {"status", "removed"}});
    b.line(layers::kCables, {{-100, -59.9}, {100, -59.9}},
           {{"id", "C-IN"}, {"operator", "China Mobile"}, {"class", "duct"}});
    b.line(layers::kCables, {{-100, 60.1}, {100, 60.1}},
           {{"id", "C-OUT"}, {"operator", "China Unicom"}, {"class", "duct"}});
    const auto findings = checkWorks(b, WorksKind::Construction, b.square(0, 0, 10));
    std::map<std::string, std::vector<std::string>> byOperator;
    for (const auto& f : findings) {
        ASSERT_EQ(f.rule, "SH-19");
        const auto pos = f.messageEn.find("operator '");
        const auto end = f.messageEn.find('\'', pos + 10);
        byOperator[f.messageEn.substr(pos + 10, end - pos - 10)] = relatedIds(f);
    }
    EXPECT_EQ(byOperator["China Tower"], std::vector<std::string>{"S-IN"});
    EXPECT_EQ(byOperator["China Unicom"], std::vector<std::string>{"S-IN"});
    EXPECT_EQ(byOperator["China Mobile"], (std::vector<std::string>{"C-IN", "S-IN"}));
    EXPECT_EQ(byOperator.size(), 3u);
    EXPECT_NEAR(findings.front().related.front().distanceM, 49.9, 0.01);
}

TEST(WorksRules, sh24_2ExcavationTouchingALandZone) {
    ProjectBuilder b;
    // Duct half-width 5 m: the works edge at 10 m, cable at 14.9 (in) and -15.1 (out).
    b.line(layers::kCables, {{-100, 14.9}, {100, 14.9}},
           {{"id", "DUCT-IN"}, {"class", "duct"}, {"operator", "A"}});
    b.line(layers::kCables, {{-100, -15.1}, {100, -15.1}},
           {{"id", "DUCT-OUT"}, {"class", "duct"}, {"operator", "A"}});
    for (WorksKind k :
         {WorksKind::Excavation, WorksKind::Piling, WorksKind::Drilling, WorksKind::Trenching}) {
        const auto f = findingFor(checkWorks(b, k, b.square(0, 0, 10)), "SH-24-2");
        ASSERT_TRUE(f) << toString(k);
        EXPECT_EQ(relatedIds(*f), std::vector<std::string>{"DUCT-IN"});
        EXPECT_EQ(f->severity, RuleSeverity::Violation);
    }
    // Works that are not excavation-type only get the notice list.
    EXPECT_FALSE(
        findingFor(checkWorks(b, WorksKind::HazardousMaterial, b.square(0, 0, 10)), "SH-24-2"));
}

TEST(WorksRules, sh24_2CableCrossingTheAreaIsDistanceZero) {
    ProjectBuilder b;
    b.line(layers::kCables, {{-100, 0}, {100, 0}}, {{"id", "CROSS"}, {"class", "buried"}});
    const auto f = findingFor(checkWorks(b, WorksKind::Excavation, b.square(0, 0, 10)), "SH-24-2");
    ASSERT_TRUE(f);
    EXPECT_DOUBLE_EQ(f->related[0].distanceM, 0.0);
}

TEST(WorksRules, submarineZoneMarineWorksBothArticles) {
    ProjectBuilder b;
    // Works square edges at +-100 m; open-water zone 500 m.
    b.line(layers::kCables, {{-5000, 599.9}, {5000, 599.9}},
           {{"id", "SUB-IN"}, {"class", "submarine"}, {"waters", "open"}, {"operator", "A"}});
    b.line(layers::kCables, {{-5000, -600.1}, {5000, -600.1}},
           {{"id", "SUB-OUT"}, {"class", "submarine"}, {"waters", "open"}, {"operator", "B"}});
    b.line(layers::kCables, {{-5000, 199}, {5000, 199}},
           {{"id", "RIVER"}, {"class", "underwater"}, {"operator", "C"}});
    for (WorksKind k : {WorksKind::Anchoring, WorksKind::Trawling, WorksKind::SandDigging,
                        WorksKind::Blasting, WorksKind::Piling, WorksKind::Drilling}) {
        const auto findings = checkWorks(b, k, b.square(0, 0, 100));
        const auto scp = findingFor(findings, "SCP-8");
        const auto sh = findingFor(findings, "SH-24-3");
        ASSERT_TRUE(scp) << toString(k);
        ASSERT_TRUE(sh) << toString(k);
        EXPECT_EQ(relatedIds(*scp), std::vector<std::string>{"SUB-IN"});
        EXPECT_EQ(relatedIds(*sh), (std::vector<std::string>{"RIVER", "SUB-IN"}));
        EXPECT_NE(scp->article.find("SCP Art. 8"), std::string::npos);
    }
    EXPECT_FALSE(findingFor(checkWorks(b, WorksKind::Construction, b.square(0, 0, 100)), "SCP-8"));
}

TEST(WorksRules, portAndBayZonesAreNarrower) {
    ProjectBuilder b;
    b.line(layers::kCables, {{-500, 60.1}, {500, 60.1}},
           {{"id", "PORT-OUT"}, {"class", "submarine"}, {"waters", "port"}});
    b.line(layers::kCables, {{-500, -59.9}, {500, -59.9}},
           {{"id", "PORT-IN"}, {"class", "submarine"}, {"waters", "port"}});
    b.line(layers::kCables, {{109.9, -500}, {109.9, 500}},
           {{"id", "BAY-IN"}, {"class", "submarine"}, {"waters", "bay"}});
    b.line(layers::kCables, {{-110.1, -500}, {-110.1, 500}},
           {{"id", "BAY-OUT"}, {"class", "submarine"}, {"waters", "bay"}});
    const auto f = findingFor(checkWorks(b, WorksKind::Anchoring, b.square(0, 0, 10)), "SCP-8");
    ASSERT_TRUE(f);
    EXPECT_EQ(relatedIds(*f), (std::vector<std::string>{"PORT-IN", "BAY-IN"}));
}

TEST(WorksRules, badAreasAreErrors) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0, {{"id", "S"}});
    auto ctx = b.context();
    WorksProposal w;
    w.kind = WorksKind::Excavation;
    EXPECT_FALSE(ctx->worksChecker().check(w).ok());  // empty
    citytwin::geo::Polygon bowtie;
    bowtie.rings.push_back({b.at(0, 0), b.at(20, 20), b.at(20, 0), b.at(0, 20), b.at(0, 0)});
    w.polygons = {bowtie};
    auto r = ctx->worksChecker().check(w);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.messages().find("not valid"), std::string::npos) << r.messages();
    EXPECT_EQ(r.diagnostics()[0].field, "polygon");
    w.polygons = {b.square(0, 0, 10)};
    w.maybeStart = IsoDate::parse("2026-05-02");
    w.maybeEnd = IsoDate::parse("2026-05-01");
    EXPECT_FALSE(ctx->worksChecker().check(w).ok());
    w.maybeEnd.reset();
    for (auto& q : w.polygons[0].rings[0])
        q.x -= 10.0;  // 1000 km west
    r = ctx->worksChecker().check(w);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.messages().find("outside the project extent"), std::string::npos);
}

TEST(WorksRules, anAreaLargerThanTheRulesLimitIsRefusedNotAnsweredEmpty) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0, {{"id", "S"}});
    auto ctx = b.context();
    WorksProposal w;
    w.kind = WorksKind::Excavation;
    // 150 degrees of longitude around the project (the polygon).
    const auto o = b.at(0, 0);
    citytwin::geo::Polygon huge;
    huge.rings.push_back({{o.x - 140, o.y - 1, 0},
                          {o.x + 10, o.y - 1, 0},
                          {o.x + 10, o.y + 1, 0},
                          {o.x - 140, o.y + 1, 0},
                          {o.x - 140, o.y - 1, 0}});
    w.polygons = {huge};
    const auto r = ctx->worksChecker().check(w);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].field, "polygon");
    EXPECT_NE(r.messages().find("larger than the limit of 100 km²"), std::string::npos)
        << r.messages();
    EXPECT_NE(r.messages().find("works.max_area_km2"), std::string::npos);
    // A 1 km square is well inside it.
    w.polygons = {b.square(0, 0, 1000)};
    EXPECT_TRUE(ctx->worksChecker().check(w).ok());
}
