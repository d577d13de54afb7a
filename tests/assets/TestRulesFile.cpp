// The rules file: the shipped defaults, strict parsing, and a changed distance
// changing the answer.

#include <fstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "AssetTestSupport.h"
#include "citytwin/assets/AssetProjectBuilder.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;
using nlohmann::json;

TEST(RulesFile, shippedDefaultsHaveEveryRuleWithArticleAndMessages) {
    const RuleSet& r = defaultRules();
    EXPECT_EQ(r.version, "shanghai-2023.1");
    for (const auto& code : rulecodes::all()) {
        const auto* d = r.find(code);
        ASSERT_TRUE(d) << code;
        EXPECT_FALSE(d->article.empty());
        EXPECT_FALSE(d->messageZh.empty());
        EXPECT_FALSE(d->messageEn.empty());
    }
    EXPECT_EQ(r.facilitySearchRadiusM, 200.0);
    EXPECT_EQ(r.shareRadiusM, 100.0);
    EXPECT_EQ(r.publicPlaceRadiusM, 300.0);
    EXPECT_EQ(r.worksNoticeDistanceM, 50.0);
    EXPECT_EQ(r.decommissionGraceDays, 90);
    EXPECT_EQ(r.interferenceDistanceM, 100.0);
    EXPECT_EQ(r.halfWidthM(CableClass::Submarine, Waters::Open), 500.0);
    EXPECT_EQ(r.halfWidthM(CableClass::Submarine, Waters::Bay), 100.0);
    EXPECT_EQ(r.halfWidthM(CableClass::Submarine, Waters::Port), 50.0);
    EXPECT_EQ(r.halfWidthM(CableClass::Submarine, std::nullopt), 500.0);
    EXPECT_EQ(r.find("SH-11")->severity, RuleSeverity::Advice);
    EXPECT_EQ(r.find("SH-21")->severity, RuleSeverity::Violation);
    EXPECT_EQ(r.find("SH-25")->severity, RuleSeverity::Warning);
    EXPECT_EQ(r.networkSnapToleranceM, 30.0);
    EXPECT_EQ(r.coverageRadiusFor(HostType::Tower), 500.0);
    EXPECT_EQ(r.coverageRadiusFor(HostType::Indoor), 50.0);
    EXPECT_EQ(r.coverageRadiusFor(std::nullopt), 300.0);  // SH-17's default
    EXPECT_EQ(r.anchorSogThresholdKn, 0.5);
    EXPECT_EQ(r.anchorMinDurationS, 600.0);
    EXPECT_EQ(r.typhoonExposureMinWindMs, 17.2);
}

TEST(RulesFile, theFileInTheSourceTreeIsTheCompiledIn) {
    std::ifstream in(std::string(citytwin::test::kRepoDataDir) +
                     "/../assets/rules/shanghai-2023.json");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), std::string(defaultRulesText()));
}

namespace {
std::string withEdit(const std::function<void(json&)>& edit) {
    json doc = json::parse(defaultRulesText());
    edit(doc);
    return doc.dump(2);
}
json& ruleEntry(json& doc, const std::string& code) {
    for (auto& r : doc["rules"])
        if (r["code"] == code)
            return r;
    throw std::logic_error(code);
}
}  // namespace

TEST(RulesFile, errorsNameTheField) {
    struct Case {
        std::function<void(json&)> edit;
        std::string field;
    };
    const std::vector<Case> cases = {
        {[](json& d) { ruleEntry(d, "SH-11")["severity"] = "fatal"; }, "rules[0].severity"},
        {[](json& d) { ruleEntry(d, "SH-11")["search_radius_m"] = -5; },
         "rules[0].search_radius_m"},
        {[](json& d) { ruleEntry(d, "SH-11")["search_radius"] = 5; }, "rules[0].search_radius"},
        {[](json& d) { ruleEntry(d, "SH-11")["search_radius_m"] = "200"; },
         "rules[0].search_radius_m"},
        {[](json& d) { d["rules"].erase(1); }, "rules"},
        {[](json& d) { d["protection_zones"]["submarine_half_width_m"].erase("bay"); },
         "protection_zones.submarine_half_width_m.bay"},
        {[](json& d) { d["protection_zones"]["land_half_width_m"]["fibre"] = 3; },
         "protection_zones.land_half_width_m.fibre"},
        {[](json& d) {
             ruleEntry(d, "SCP-8")["works_kinds"] = {"anchoring", "fishing"};
         },
         "rules[13].works_kinds[1]"},
        {[](json& d) { d["format_version"] = 2; }, "format_version"},
        {[](json& d) { d["network"]["snap_tolerance_m"] = -1; }, "network.snap_tolerance_m"},
        {[](json& d) { d["network"]["coverage_radius_by_host_m"]["mast"] = 100; },
         "network.coverage_radius_by_host_m.mast"},
        {[](json& d) { d["network"]["coverage_radius_by_host_m"]["tower"] = 0; },
         "network.coverage_radius_by_host_m.tower"},
        {[](json& d) { d["scenario"]["anchor_kn"] = 1; }, "scenario.anchor_kn"},
        {[](json& d) { d["scenario"]["anchor_min_duration_min"] = "ten"; },
         "scenario.anchor_min_duration_min"},
        {[](json& d) { d["network"] = 30; }, "network"},
        {[](json& d) { d.erase("version"); }, "version"},
    };
    for (const auto& c : cases) {
        auto r = parseRules(withEdit(c.edit), "custom.json");
        ASSERT_FALSE(r.ok()) << c.field;
        EXPECT_EQ(r.diagnostics()[0].source, "custom.json");
        EXPECT_EQ(r.diagnostics()[0].field, c.field) << r.messages();
    }
}

TEST(RulesFile, syntaxErrorsNameTheLine) {
    auto r = parseRules("{\n  \"format\": \"citytwin-rules\",\n  \"name\": oops\n}", "broken.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].line, 3);
    EXPECT_FALSE(parseRules("", "empty.json").ok());
    EXPECT_FALSE(parseRules("[]", "array.json").ok());
    EXPECT_FALSE(loadRules("/nonexistent/rules.json").ok());
}

TEST(RulesFile, aCustomDistanceAndDisabledRuleChangeTheCheck) {
    ProjectBuilder b;
    b.point(layers::kPublicFacilities, 0, 250, {{"id", "F"}, {"kind", "lamp_pole"}});
    b.point(layers::kInterferenceSources, 0, 50, {{"id", "I"}, {"kind", "radar"}});
    auto custom = parseRules(withEdit([](json& d) {
                                 ruleEntry(d, "SH-11")["search_radius_m"] = 260.0;
                                 ruleEntry(d, "SH-24-4")["enabled"] = false;
                                 d["version"] = "test-1";
                             }),
                             "custom.json");
    ASSERT_TRUE(custom.ok()) << custom.messages();
    auto project = buildAssetProject(b.layers(), "p");
    auto ctx = InspectionContext::fromProject(project.value(), custom.value());
    SiteProposal p;
    p.position = b.at(0, 0);
    auto findings = ctx->siteChecker().check(p).value();
    EXPECT_EQ(rulesOf(findings), std::vector<std::string>{"SH-11"});
    EXPECT_NE(findings[0].messageEn.find("within 260 m"), std::string::npos);
    // The defaults see the radar and not the facility.
    EXPECT_EQ(rulesOf(b.context()->siteChecker().check(p).value()),
              std::vector<std::string>{"SH-24-4"});
}

TEST(RulesFile, networkAndScenarioSectionsAreOptional) {
    auto r = parseRules(withEdit([](json& d) {
                            d.erase("network");
                            d["scenario"] = {{"anchor_min_duration_min", 15}};
                        }),
                        "custom.json");
    ASSERT_TRUE(r.ok()) << r.messages();
    EXPECT_EQ(r.value().networkSnapToleranceM, 30.0);
    EXPECT_TRUE(r.value().coverageRadiusByHostM.empty());
    EXPECT_EQ(r.value().coverageRadiusFor(HostType::Tower), 300.0);
    EXPECT_EQ(r.value().anchorMinDurationS, 900.0);
    EXPECT_EQ(r.value().anchorSogThresholdKn, 0.5);
}

TEST(RulesFile, aNumberNoDoubleHoldsIsAnErrorNamingItsPathNotAnAbort) {
    std::string text(defaultRulesText());
    const auto at = text.find("\"format_version\"");
    ASSERT_NE(at, std::string::npos);
    const auto value = text.find_first_of("0123456789", at);
    text.replace(value, 1, "1e999");
    const auto r = parseRules(text, "big.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics().front().field, "format_version") << r.messages();
    EXPECT_NE(r.messages().find("out of range"), std::string::npos) << r.messages();
    EXPECT_GT(r.diagnostics().front().line, 0);
    // A wrong type is an error too, not an exception.
    std::string typed(defaultRulesText());
    typed.replace(typed.find_first_of("0123456789", typed.find("\"format_version\"")), 1, "[1]");
    const auto wrongType = parseRules(typed, "type.json");
    EXPECT_FALSE(wrongType.ok());
    EXPECT_EQ(wrongType.diagnostics().front().field, "format_version") << wrongType.messages();
}

TEST(RulesFile, theWorksAreaLimitIsConfigurable) {
    std::string text(defaultRulesText());
    const auto rules = text.find("\"rules\"");
    ASSERT_NE(rules, std::string::npos);
    text.insert(rules, "\"works\": {\"max_area_km2\": 2500},\n");
    const auto r = parseRules(text, "works.json");
    ASSERT_TRUE(r.ok()) << r.messages();
    EXPECT_DOUBLE_EQ(r->maxWorksAreaKm2, 2500.0);
    EXPECT_DOUBLE_EQ(defaultRules().maxWorksAreaKm2, 100.0);
    std::string bad(defaultRulesText());
    bad.insert(bad.find("\"rules\""), "\"works\": {\"max_area_km2\": -1},\n");
    const auto refused = parseRules(bad, "bad.json");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.diagnostics().front().field, "works.max_area_km2");
}
