// citytwin-cli check-site / check-works / audit / zones on the shipped demo
// project (data/demo/demo.gpkg): the contract of issue 4 (JSON shape, exit
// codes) and that the demo exercises every rule.

#include <array>
#include <cstdio>
#include <set>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "AssetTestSupport.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::assets::test;
using nlohmann::json;

namespace {

CliRun cli(const std::string& args) {
    return runCli(args);
}

std::string demo() {
    return std::string(citytwin::test::kRepoDataDir) + "/demo/demo.gpkg";
}

std::set<std::string> rules(const CliRun& run) {
    std::set<std::string> out;
    const auto doc = json::parse(run.out);
    for (const auto& f : doc["findings"])
        out.insert(f["rule"].get<std::string>());
    return out;
}

// Scenario A of docs/assets.md.
const char* kSiteA = "--lon 121.504481 --lat 31.238967";

}  // namespace

TEST(AssetsCli, checkSiteOnTheDemoFiresTheSitingRules) {
    const CliRun run = cli("check-site --project " + demo() + " " + kSiteA +
                           " --operator 'China Mobile' --host-type tower");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(rules(run), (std::set<std::string>{"SH-11", "SH-12", "SH-16", "SH-24-4", "SH-24-2"}));
    const auto doc = json::parse(run.out);
    for (const auto& f : doc["findings"]) {
        double last = -1.0;
        for (const auto& r : f["related"]) {
            EXPECT_GE(r["distance_m"].get<double>(), last);
            last = r["distance_m"].get<double>();
        }
    }
    // On a lamp pole, SH-11 does not apply.
    EXPECT_EQ(rules(cli("check-site --project " + demo() + " " + kSiteA + " --host-type lamp_pole"))
                  .count("SH-11"),
              0u);
}

TEST(AssetsCli, checkSiteAtSeaAndInAnotherCrs) {
    EXPECT_EQ(rules(cli("check-site --project " + demo() + " --lon 122.4 --lat 31.5575")),
              std::set<std::string>{"SCP-7"});
    // Site A given in CGCS2000 / GK CM 123E (EPSG:4550) easting/northing.
    const CliRun gk = cli("check-site --project " + demo() +
                          " --crs EPSG:4550 --lon 357521.4 --lat 3458433.4 --format text");
    EXPECT_EQ(gk.exitCode, 0);
    EXPECT_NE(gk.out.find("SH-12"), std::string::npos) << gk.out;
}

TEST(AssetsCli, checkWorksOnTheDemoFiresTheWorksRules) {
    const std::string trench =
        "'POLYGON((121.5085223 31.2388317,121.5088373 31.2388317,121.5088373 "
        "31.2391023,121.5085223 "
        "31.2391023,121.5085223 31.2388317))'";
    CliRun run = cli("check-works --project " + demo() + " --wkt " + trench +
                     " --kind excavation --start 2026-07-01 --end 2026-07-20");
    ASSERT_EQ(run.exitCode, 0);
    EXPECT_EQ(rules(run), (std::set<std::string>{"SH-19", "SH-24-2"}));
    const std::string anchorage =
        "'POLYGON((122.3968402 31.5567944,122.4031598 31.5567944,122.4031598 "
        "31.5622056,122.3968402 "
        "31.5622056,122.3968402 31.5567944))'";
    run = cli("check-works --project " + demo() + " --wkt " + anchorage + " --kind anchoring");
    ASSERT_EQ(run.exitCode, 0);
    EXPECT_EQ(rules(run), (std::set<std::string>{"SH-19", "SH-24-3", "SCP-8"}));
}

TEST(AssetsCli, auditOnTheDemoFiresTheAuditRules) {
    const CliRun run = cli("audit --project " + demo() + " --date 2026-06-30");
    ASSERT_EQ(run.exitCode, 0);
    EXPECT_EQ(rules(run), (std::set<std::string>{"SH-17", "SH-18/22", "SH-20", "SH-21", "SH-23"}));
}

TEST(AssetsCli, zonesExport) {
    const std::string out = tempDir("cli_zones") + "/zones.gpkg";
    const CliRun run = cli("zones --project " + demo() + " --out " + out);
    EXPECT_EQ(run.exitCode, 0);
    // One per cable: the 9 of the rule scenarios and the 44 of the synthetic network.
    EXPECT_NE(run.out.find("53 protection zones"), std::string::npos) << run.out;
}

TEST(AssetsCli, exitCodes) {
    // Ran, no findings: 0 and an empty list.
    const CliRun none =
        cli("check-site --project " + demo() + " --lon 121.95 --lat 31.0 --host-type tower");
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_EQ(json::parse(none.out), json::parse(R"({"findings":[]})"));
    // Could not run: 1.
    EXPECT_EQ(cli("check-site --project " + demo() + " --lon 116.39 --lat 39.91").exitCode, 1);
    EXPECT_EQ(cli("check-site --project /nonexistent.gpkg --lon 121.5 --lat 31.2").exitCode, 1);
    EXPECT_EQ(cli("check-works --project " + demo() +
                  " --wkt 'POLYGON((121.50 31.24,121.51 31.25,121.51 31.24,121.50 31.25,121.50 "
                  "31.24))' --kind piling")
                  .exitCode,
              1);
    EXPECT_EQ(cli("audit --project " + demo() + " --rules /nonexistent/rules.json").exitCode, 1);
    // Usage errors: 2.
    EXPECT_EQ(cli("check-site --project " + demo() + " --lon 121.5").exitCode, 2);
    EXPECT_EQ(cli("check-site --project " + demo() + " " + kSiteA + " --host-type towr").exitCode,
              2);
    EXPECT_EQ(cli("check-works --project " + demo() +
                  " --wkt 'POLYGON((0 0,1 0,1 1,0 0))' --kind digging")
                  .exitCode,
              2);
    EXPECT_EQ(cli("audit --project " + demo() + " --date 30/06/2026").exitCode, 2);
    EXPECT_EQ(cli("audit --project " + demo() + " --format xml").exitCode, 2);
    for (const char* c : {"check-site", "check-works", "audit", "zones"}) {
        const CliRun help = cli(std::string(c) + " --help");
        EXPECT_EQ(help.exitCode, 0);
        EXPECT_NE(help.out.find(std::string("usage: citytwin-cli ") + c), std::string::npos);
    }
}

TEST(AssetsCli, checkWorksReadsTheAreaFromAFile) {
    const std::string dir = tempDir("cli_works_file");
    const std::string wkt = dir + "/area.wkt";
    std::FILE* f = std::fopen(wkt.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "POLYGON((121.5085 31.2388,121.5088 31.2388,121.5088 31.2391,121.5085 31.2391,121.5085 "
        "31.2388))\n",
        f);
    std::fclose(f);
    CliRun run = cli("check-works --project " + demo() + " --file " + wkt + " --kind trenching");
    ASSERT_EQ(run.exitCode, 0);
    EXPECT_EQ(rules(run), (std::set<std::string>{"SH-19", "SH-24-2"}));
    const std::string geojson = dir + "/area.geojson";
    f = std::fopen(geojson.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":)"
        R"({"type":"Polygon","coordinates":[[[121.5085,31.2388],[121.5088,31.2388],[121.5088,31.2391],)"
        R"([121.5085,31.2391],[121.5085,31.2388]]]}}]})",
        f);
    std::fclose(f);
    run = cli("check-works --project " + demo() + " --file " + geojson + " --kind construction");
    ASSERT_EQ(run.exitCode, 0);
    EXPECT_EQ(rules(run), std::set<std::string>{"SH-19"});
    EXPECT_EQ(
        cli("check-works --project " + demo() + " --file " + dir + "/missing.wkt --kind piling")
            .exitCode,
        1);
}

TEST(AssetsCli, networkReportsTheDemoGraphAndAWhatIfCut) {
    CliRun run = cli("network --project " + demo() + " --format json");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    auto doc = json::parse(run.out);
    EXPECT_EQ(doc["core_nodes"], 7);
    EXPECT_EQ(doc["sites"], 63);
    EXPECT_EQ(doc["cables"], 53);
    EXPECT_GT(doc["edges"].get<int>(), 53);
    EXPECT_EQ(doc["tolerance_m"], 30.0);
    EXPECT_TRUE(doc["unconnected_sites"].empty());
    EXPECT_TRUE(doc["sites_without_core_path"].empty());
    bool seaEnd = false;
    for (const auto& e : doc["loose_cable_ends"])
        seaEnd = seaEnd || e == "SYN-SUB-CM:to";
    EXPECT_TRUE(seaEnd) << doc["loose_cable_ends"].dump();
    bool siteSnap = false;
    for (const auto& s : doc["snapped"])
        siteSnap = siteSnap || (s["end"] == "site" && s["target"] == "SYN-BS-003");
    EXPECT_TRUE(siteSnap);

    run = cli("network --project " + demo() + " --format json --cut SYN-DT-LJZ-F1");
    ASSERT_EQ(run.exitCode, 0);
    doc = json::parse(run.out);
    EXPECT_EQ(doc["impact"]["sites_lost"], json::array({"SYN-BS-003", "SYN-BS-004", "SYN-BS-032"}));
    EXPECT_EQ(doc["impact"]["sites_kept_by_redundancy"], json::array({"SYN-BS-022", "SYN-BS-035"}));
    EXPECT_GT(doc["impact"]["coverage_lost_km2"].get<double>(), 0.0);

    run = cli("network --project " + demo() + " --cut SYN-DT-LJZ-F1 --arc 200");
    ASSERT_EQ(run.exitCode, 0);
    EXPECT_NE(run.out.find("impact: sites losing backhaul (0)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("SYN-BS-035"), std::string::npos) << run.out;

    EXPECT_EQ(cli("network --project " + demo() + " --cut NO-SUCH-CABLE").exitCode, 1);
    EXPECT_EQ(cli("network --project " + demo() + " --outage SYN-BS-001").exitCode, 0);
    EXPECT_EQ(cli("network --project " + demo() + " --arc 5").exitCode, 2);
    EXPECT_EQ(cli("network --project " + demo() + " --format xml").exitCode, 2);
    EXPECT_EQ(cli("network").exitCode, 2);
    EXPECT_EQ(cli("network --help").exitCode, 0);
    EXPECT_EQ(cli("network --project /nonexistent/p.gpkg").exitCode, 1);
}
