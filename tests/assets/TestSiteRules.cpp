// check-site rules per article, with distances just inside and just outside
// each configured limit (the defaults of assets/rules/shanghai-2023.json).

#include <gtest/gtest.h>

#include <cmath>

#include "AssetTestSupport.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;
using citytwin::geo::Attribute;

namespace {

std::vector<Finding> checkAtOrigin(const ProjectBuilder& b,
                                   std::optional<HostType> host = HostType::Tower) {
    auto ctx = b.context();
    SiteProposal p;
    p.position = b.at(0, 0);
    p.maybeHostType = host;
    auto r = ctx->siteChecker().check(p);
    EXPECT_TRUE(r.ok()) << r.messages();
    return r.ok() ? r.value() : std::vector<Finding>{};
}

ProjectBuilder withAnchor() {
    // A far feature so that every project has an extent around the origin.
    ProjectBuilder b;
    b.point(layers::kBaseStations, 400, 400, {{"id", "FAR"}, {"status", "active"}});
    return b;
}

}  // namespace

TEST(SiteRules, sh11ListsSuitableFacilitiesWithin200mNearestFirst) {
    auto b = withAnchor();
    b.point(layers::kPublicFacilities, 0, 199.9,
            {{"id", "IN-FAR"}, {"kind", "lamp_pole"}, {"suitable", "1"}});
    b.point(layers::kPublicFacilities, 80, 0, {{"id", "IN-NEAR"}, {"kind", "bus_shelter"}});
    b.point(layers::kPublicFacilities, 0, -200.1,
            {{"id", "OUT"}, {"kind", "lamp_pole"}, {"suitable", "1"}});
    b.point(layers::kPublicFacilities, 10, 0,
            {{"id", "UNSUITABLE"}, {"kind", "gantry"}, {"suitable", "0"}});
    const auto findings = checkAtOrigin(b);
    const auto f = findingFor(findings, "SH-11");
    ASSERT_TRUE(f);
    EXPECT_EQ(relatedIds(*f), (std::vector<std::string>{"IN-NEAR", "IN-FAR"}));
    EXPECT_NEAR(f->related[0].distanceM, 80.0, 0.01);
    EXPECT_NEAR(f->related[1].distanceM, 199.9, 0.01);
    EXPECT_EQ(f->severity, RuleSeverity::Advice);
    EXPECT_NE(f->article.find("Art. 11"), std::string::npos);
    EXPECT_NE(f->messageEn.find("2 suitable"), std::string::npos);
}

TEST(SiteRules, sh11SilentWhenTheSiteIsItselfOnAPublicFacility) {
    auto b = withAnchor();
    b.point(layers::kPublicFacilities, 0, 50, {{"id", "F"}, {"kind", "lamp_pole"}});
    for (HostType host :
         {HostType::LampPole, HostType::IntegratedPole, HostType::BusShelter, HostType::Gantry,
          HostType::RoadSign, HostType::PhoneBooth, HostType::ElevatedRoad})
        EXPECT_FALSE(findingFor(checkAtOrigin(b, host), "SH-11")) << toString(host);
    EXPECT_TRUE(findingFor(checkAtOrigin(b, HostType::Rooftop), "SH-11"));
    EXPECT_TRUE(findingFor(checkAtOrigin(b, std::nullopt), "SH-11"));
}

TEST(SiteRules, sh11SilentWhenOnlyJustOutside) {
    auto b = withAnchor();
    b.point(layers::kPublicFacilities, 200.1, 0, {{"id", "OUT"}, {"kind", "lamp_pole"}});
    EXPECT_FALSE(findingFor(checkAtOrigin(b), "SH-11"));
}

TEST(SiteRules, sh12ShareFirstWithin100mWithSpareCapacity) {
    auto b = withAnchor();
    b.point(layers::kBaseStations, 99.9, 0,
            {{"id", "SHARE"}, {"status", "active"}, {"spare_capacity", "1"}});
    b.point(layers::kBaseStations, 100.1, 0,
            {{"id", "TOO-FAR"}, {"status", "active"}, {"spare_capacity", "2"}});
    b.point(layers::kBaseStations, 30, 0,
            {{"id", "FULL"}, {"status", "active"}, {"spare_capacity", "0"}});
    b.point(layers::kBaseStations, 20, 0,
            {{"id", "GONE"}, {"status", "removed"}, {"spare_capacity", "3"}});
    b.point(layers::kBaseStations, 25, 0, {{"id", "UNKNOWN-CAP"}, {"status", "active"}});
    b.point(
        layers::kBaseStations, 0, 40,
        {{"id", "OLD"}, {"status", "decommissioned"}, {"spare_capacity", "1"}, {"operator", "X"}});
    const auto f = findingFor(checkAtOrigin(b), "SH-12");
    ASSERT_TRUE(f);
    EXPECT_EQ(relatedIds(*f), (std::vector<std::string>{"OLD", "SHARE"}));
    EXPECT_NE(f->messageEn.find("nearest: OLD (40 m)"), std::string::npos) << f->messageEn;
}

TEST(SiteRules, sh12SilentWithoutShareableSites) {
    auto b = withAnchor();
    b.point(layers::kBaseStations, 100.1, 0,
            {{"id", "TOO-FAR"}, {"status", "active"}, {"spare_capacity", "2"}});
    EXPECT_FALSE(findingFor(checkAtOrigin(b), "SH-12"));
}

TEST(SiteRules, sh16PublicPlacesWithin300mPointsAndPolygons) {
    auto b = withAnchor();
    b.point(layers::kPublicPlaces, 0, 299.9, {{"id", "METRO"}, {"kind", "metro"}});
    b.point(layers::kPublicPlaces, 0, -300.1, {{"id", "HOSPITAL-OUT"}, {"kind", "hospital"}});
    b.polygon(layers::kPublicPlaces, b.square(0, 0, 50),
              {{"id", "PARK"}, {"kind", "public_green"}});
    // A polygon whose edge is 250 m away though its centre is 400 m away.
    b.polygon(layers::kPublicPlaces, b.square(400, 0, 150),
              {{"id", "HALL"}, {"kind", "exhibition_hall"}});
    const auto f = findingFor(checkAtOrigin(b), "SH-16");
    ASSERT_TRUE(f);
    EXPECT_EQ(relatedIds(*f), (std::vector<std::string>{"PARK", "HALL", "METRO"}));
    EXPECT_DOUBLE_EQ(f->related[0].distanceM, 0.0);
    EXPECT_NEAR(f->related[1].distanceM, 250.0, 0.05);
}

TEST(SiteRules, sh16SilentJustOutside) {
    auto b = withAnchor();
    b.point(layers::kPublicPlaces, -300.1, 0, {{"id", "OUT"}, {"kind", "station"}});
    EXPECT_FALSE(findingFor(checkAtOrigin(b), "SH-16"));
}

TEST(SiteRules, sh24_4InterferenceWithin100m) {
    auto b = withAnchor();
    b.point(layers::kInterferenceSources, 0, 99.9,
            {{"id", "JAMMER"}, {"kind", "jammer"}, {"power_w", "20"}});
    b.point(layers::kInterferenceSources, 0, -100.1,
            {{"id", "RADAR"}, {"kind", "radar"}, {"power_w", "9000"}});
    const auto f = findingFor(checkAtOrigin(b), "SH-24-4");
    ASSERT_TRUE(f);
    EXPECT_EQ(relatedIds(*f), std::vector<std::string>{"JAMMER"});
}

TEST(SiteRules, sh24_4SilentJustOutside) {
    auto b = withAnchor();
    b.point(layers::kInterferenceSources, 100.1, 0, {{"id", "RADAR"}, {"kind", "radar"}});
    EXPECT_FALSE(findingFor(checkAtOrigin(b), "SH-24-4"));
}

TEST(SiteRules, landProtectionZoneByClass) {
    // Defaults: duct 5 m, buried 5 m, aerial 3 m, underwater 100 m.
    auto b = withAnchor();
    b.line(layers::kCables, {{-500, 4.9}, {500, 4.9}}, {{"id", "DUCT-IN"}, {"class", "duct"}});
    b.line(layers::kCables, {{-500, -5.1}, {500, -5.1}},
           {{"id", "BURIED-OUT"}, {"class", "buried"}});
    b.line(layers::kCables, {{2.9, -500}, {2.9, 500}}, {{"id", "AERIAL-IN"}, {"class", "aerial"}});
    b.line(layers::kCables, {{-3.1, -500}, {-3.1, 500}},
           {{"id", "AERIAL-OUT"}, {"class", "aerial"}});
    b.line(layers::kCables, {{-500, 99.9}, {500, 99.9}},
           {{"id", "RIVER-IN"}, {"class", "underwater"}});
    const auto f = findingFor(checkAtOrigin(b), "SH-24-2");
    ASSERT_TRUE(f);
    EXPECT_EQ(relatedIds(*f), (std::vector<std::string>{"AERIAL-IN", "DUCT-IN", "RIVER-IN"}));
    EXPECT_FALSE(findingFor(checkAtOrigin(b), "SCP-7"));
}

TEST(SiteRules, submarineZone500_100_50ByWaters) {
    struct Case {
        const char* waters;
        double offset;
        bool inside;
    };
    for (const Case c :
         {Case{"open", 499.9, true}, Case{"open", 500.1, false}, Case{"bay", 99.9, true},
          Case{"bay", 100.1, false}, Case{"port", 49.9, true}, Case{"port", 50.1, false}}) {
        auto b = withAnchor();
        b.line(layers::kCables, {{-3000, c.offset}, {0, c.offset}, {3000, c.offset + 10}},
               {{"id", "SUB"}, {"class", "submarine"}, {"waters", c.waters}});
        const auto f = findingFor(checkAtOrigin(b), "SCP-7");
        EXPECT_EQ(f.has_value(), c.inside) << c.waters << ' ' << c.offset;
        if (f) {
            EXPECT_NE(f->article.find("SCP Art. 7"), std::string::npos);
        }
    }
}

TEST(SiteRules, pointOutsideTheProjectExtentIsAnError) {
    auto b = withAnchor();
    auto ctx = b.context();
    SiteProposal p;
    p.position = {116.39, 39.91, 0.0};  // Beijing
    auto r = ctx->siteChecker().check(p);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.messages().find("outside the project extent"), std::string::npos) << r.messages();
    p.position = {std::nan(""), 31.2, 0.0};
    EXPECT_FALSE(ctx->siteChecker().check(p).ok());
}

TEST(SiteRules, noFindingsInAnEmptyNeighbourhood) {
    auto b = withAnchor();
    EXPECT_TRUE(checkAtOrigin(b).empty());
}
