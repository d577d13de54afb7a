// The network model: graph building (explicit joins, snapping, junctions),
// backhaul after failures, the what-if impact and the coverage it loses.
// Distances are stated in metres from the test origin.

#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "AssetTestSupport.h"
#include "citytwin/assets/AssetProjectBuilder.h"
#include "citytwin/assets/AssetRepository.h"
#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;
using citytwin::geo::Attribute;

namespace {

using Strings = std::vector<std::string>;

void room(ProjectBuilder& b, const std::string& id, double e, double n) {
    b.point(layers::kCoreNodes, e, n, {{"id", id}, {"kind", "machine_room"}, {"operator", "CT"}});
}
void site(ProjectBuilder& b, const std::string& id, double e, double n,
          std::vector<Attribute> extra = {}) {
    // Given fields first: a feature's first field of a name is the one read.
    std::vector<Attribute> a = std::move(extra);
    a.insert(a.end(), {{"id", id}, {"status", "active"}, {"operator", "CT"}});
    b.point(layers::kBaseStations, e, n, a);
}
void cable(ProjectBuilder& b, const std::string& id, std::vector<std::pair<double, double>> pts,
           std::vector<Attribute> extra = {}) {
    std::vector<Attribute> a = {{"id", id}, {"class", "duct"}, {"operator", "CT"}};
    a.insert(a.end(), extra.begin(), extra.end());
    b.line(layers::kCables, std::move(pts), a);
}

AssetProject projectOf(const ProjectBuilder& b) {
    auto p = buildAssetProject(b.layers(), "test");
    if (!p || p.hasErrors())
        throw std::runtime_error(p.messages());
    return std::move(p).value();
}

struct Built {
    AssetProject project;
    NetworkModel model;
    NetworkBuildReport report;
};

std::unique_ptr<Built> build(const ProjectBuilder& b, double toleranceM = 30.0) {
    auto out = std::make_unique<Built>();
    out->project = projectOf(b);
    RuleSet rules = defaultRules();
    rules.networkSnapToleranceM = toleranceM;
    auto m = NetworkBuilder(rules).build(out->project, out->report);
    if (!m)
        throw std::runtime_error(m.messages());
    out->model = std::move(m).value();
    return out;
}

bool hasBackhaul(const NetworkModel& m, const std::vector<bool>& backhaul, const std::string& id) {
    return backhaul[*m.findNode(id)];
}

/// MR --A--> S1 --B--> S2: a chain, one path.
ProjectBuilder chain() {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    site(b, "S1", 1000, 0);
    site(b, "S2", 2000, 0);
    cable(b, "A", {{0, 0}, {1000, 0}}, {{"from", "MR"}, {"to", "S1"}});
    cable(b, "B", {{1000, 0}, {2000, 0}}, {{"from", "S1"}, {"to", "S2"}});
    return b;
}

}  // namespace

TEST(Network, singlePathLostWithItsCause) {
    auto net = build(chain());
    EXPECT_EQ(net->report.explicitEnds, 4u);
    EXPECT_TRUE(net->report.snapped.empty());
    ImpactAnalyzer analyzer(net->model);
    auto impact = analyzer.cableCut("A", std::nullopt);
    ASSERT_TRUE(impact);
    EXPECT_EQ(impact->sitesLost, (Strings{"S1", "S2"}));
    EXPECT_EQ(impact->sitesLostByOperator.at("CT"), 2);
    EXPECT_TRUE(impact->sitesKeptByRedundancy.empty());

    auto failures = NetworkFailures::none(net->model);
    for (auto e : net->model.edgesOfCable("A"))
        failures.edgeDown[e] = true;
    const auto backhaul = computeBackhaul(net->model, failures);
    EXPECT_FALSE(hasBackhaul(net->model, backhaul, "S2"));
    EXPECT_EQ(backhaulCause(net->model, failures, *net->model.findNode("S2")), Strings{"A"});
    EXPECT_TRUE(hasBackhaul(net->model, backhaul, "MR"));
    EXPECT_TRUE(backhaulCause(net->model, failures, *net->model.findNode("MR")).empty());
}

TEST(Network, aDownSiteCarriesNoTraffic) {
    auto net = build(chain());
    ImpactAnalyzer analyzer(net->model);
    auto impact = analyzer.siteOutage("S1");
    ASSERT_TRUE(impact);
    EXPECT_EQ(impact->sitesLost, (Strings{"S1", "S2"}));
    auto failures = NetworkFailures::none(net->model);
    failures.nodeDown[*net->model.findNode("S1")] = true;
    EXPECT_EQ(backhaulCause(net->model, failures, *net->model.findNode("S2")), Strings{"S1"});
    EXPECT_FALSE(analyzer.siteOutage("MR"));  // a core node is not a site
    EXPECT_FALSE(analyzer.siteOutage("NOPE"));
}

TEST(Network, redundantPathKeepsBackhaulAndRepairRestores) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    site(b, "S1", 1000, 0);
    cable(b, "SHORT", {{0, 0}, {1000, 0}}, {{"from", "MR"}, {"to", "S1"}});
    cable(b, "LONG", {{0, 0}, {0, 800}, {1000, 800}, {1000, 0}}, {{"from", "MR"}, {"to", "S1"}});
    auto net = build(b);
    ImpactAnalyzer analyzer(net->model);
    auto cutShort = analyzer.cableCut("SHORT", 500.0);
    ASSERT_TRUE(cutShort);
    EXPECT_TRUE(cutShort->sitesLost.empty());
    EXPECT_EQ(cutShort->sitesKeptByRedundancy, Strings{"S1"});  // its primary path was SHORT
    EXPECT_EQ(cutShort->coverage.areaKm2, 0.0);
    auto cutLong = analyzer.cableCut("LONG", std::nullopt);
    EXPECT_TRUE(cutLong->sitesLost.empty());
    EXPECT_TRUE(cutLong->sitesKeptByRedundancy.empty());  // not on its primary path

    auto both = NetworkFailures::none(net->model);
    for (const auto& id : {"SHORT", "LONG"})
        for (auto e : net->model.edgesOfCable(id))
            both.edgeDown[e] = true;
    EXPECT_FALSE(hasBackhaul(net->model, computeBackhaul(net->model, both), "S1"));
    EXPECT_EQ(backhaulCause(net->model, both, *net->model.findNode("S1")),
              (Strings{"LONG", "SHORT"}));
    // Repair of one of them restores it.
    for (auto e : net->model.edgesOfCable("LONG"))
        both.edgeDown[e] = false;
    EXPECT_TRUE(hasBackhaul(net->model, computeBackhaul(net->model, both), "S1"));
    EXPECT_EQ(analyzer.impactOf(NetworkFailures::none(net->model)).sitesLost, Strings{});
}

TEST(Network, unconnectedAndCorelessSitesAreReported) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    site(b, "S1", 1000, 0);
    site(b, "FAR", 5000, 5000);
    site(b, "ISLAND1", 0, 3000);
    site(b, "ISLAND2", 500, 3000);
    site(b, "PLANNED", 9000, 9000, {{"status", "planned"}});
    cable(b, "A", {{0, 0}, {1000, 0}});
    cable(b, "I", {{0, 3000}, {500, 3000}});
    auto net = build(b);
    EXPECT_EQ(net->report.unconnectedSites, Strings{"FAR"});  // planned sites are not listed
    EXPECT_EQ(net->report.sitesWithoutCorePath, (Strings{"ISLAND1", "ISLAND2"}));
    EXPECT_TRUE(net->report.looseCableEnds.empty());
    ImpactAnalyzer analyzer(net->model);
    EXPECT_FALSE(analyzer.baselineServing()[*net->model.findNode("FAR")]);
    EXPECT_FALSE(analyzer.baselineServing()[*net->model.findNode("PLANNED")]);
}

TEST(Network, endsSnapWithinTheToleranceAndStayLooseOutside) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    site(b, "NEAR", 1000, 29.0);
    site(b, "OUT", 0, 2000);
    cable(b, "IN", {{0, 0}, {1000, 0}});    // to end 29 m from NEAR
    cable(b, "MISS", {{0, 0}, {0, 1969}});  // to end 31 m from OUT
    auto net = build(b, 30.0);
    const auto& snapped = net->report.snapped;
    auto find = [&](const std::string& cableId, const std::string& end) {
        return std::find_if(snapped.begin(), snapped.end(), [&](const SnapRecord& r) {
            return r.cableId == cableId && r.end == end;
        });
    };
    ASSERT_NE(find("IN", "to"), snapped.end());
    EXPECT_EQ(find("IN", "to")->target, "NEAR");
    EXPECT_NEAR(find("IN", "to")->distanceM, 29.0, 0.05);
    EXPECT_EQ(find("IN", "from")->target, "MR");
    EXPECT_EQ(find("MISS", "to"), snapped.end());
    EXPECT_EQ(net->report.looseCableEnds, Strings{"MISS:to"});
    EXPECT_EQ(net->report.unconnectedSites, Strings{"OUT"});
    EXPECT_EQ(net->report.toleranceM, 30.0);
    // With 35 m the loose end reaches OUT.
    auto wide = build(b, 35.0);
    EXPECT_TRUE(wide->report.looseCableEnds.empty());
    EXPECT_TRUE(wide->report.unconnectedSites.empty());
}

TEST(Network, aBranchEndingOnACableSplitsItAtAJunction) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    site(b, "EAST", 2000, 0);
    site(b, "NORTH", 600, 1000);
    cable(b, "TRUNK", {{0, 0}, {2000, 0}});
    cable(b, "BRANCH", {{600, 1000}, {600, 10}});  // ends 10 m north of TRUNK at 600 m
    auto net = build(b);
    const auto j = net->model.findNode("J:TRUNK:1");
    ASSERT_TRUE(j);
    EXPECT_EQ(net->model.nodes()[*j].kind, NetworkNodeKind::Junction);
    const auto& trunk = net->model.edgesOfCable("TRUNK");
    ASSERT_EQ(trunk.size(), 2u);
    EXPECT_NEAR(net->model.edges()[trunk[0]].endM, 600.0, 0.05);
    EXPECT_NEAR(net->model.edges()[trunk[1]].startM, 600.0, 0.05);
    ImpactAnalyzer analyzer(net->model);
    EXPECT_EQ(analyzer.cableCut("TRUNK", 300.0)->sitesLost, (Strings{"EAST", "NORTH"}));
    EXPECT_EQ(analyzer.cableCut("TRUNK", 1200.0)->sitesLost, Strings{"EAST"});
    EXPECT_EQ(analyzer.cableCut("BRANCH", 500.0)->sitesLost, Strings{"NORTH"});
    EXPECT_FALSE(analyzer.cableCut("TRUNK", 2500.0));  // beyond its end
    EXPECT_FALSE(analyzer.cableCut("NONE", std::nullopt));
}

TEST(Network, aCutAtAnArcFailsOnlyThatStretch) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    for (int i = 1; i <= 3; ++i)
        site(b, "S" + std::to_string(i), 500.0 * i, 12.0);  // 12 m beside the line
    site(b, "S4", 1800.0, -12.0);
    cable(b, "LINE", {{0, 0}, {1000, 0}, {2000, 0}});
    auto net = build(b);
    EXPECT_EQ(net->model.edgesOfCable("LINE").size(), 5u);  // MR, S1..S4 and the loose end
    EXPECT_EQ(net->report.looseCableEnds, Strings{"LINE:to"});
    std::size_t attached = 0;
    for (const auto& r : net->report.snapped)
        attached += r.end == "site" && r.cableId == "LINE" ? 1 : 0;
    EXPECT_EQ(attached, 4u);
    ImpactAnalyzer analyzer(net->model);
    EXPECT_EQ(analyzer.cableCut("LINE", 1200.0)->sitesLost, (Strings{"S3", "S4"}));
    EXPECT_EQ(analyzer.cableCut("LINE", 1600.0)->sitesLost, Strings{"S4"});
    const auto atEnd = analyzer.cableCut("LINE", 2000.0);
    ASSERT_TRUE(atEnd);
    EXPECT_TRUE(atEnd->sitesLost.empty()) << ::testing::PrintToString(atEnd->sitesLost);
    EXPECT_EQ(analyzer.cableCut("LINE", 10.0)->sitesLost, (Strings{"S1", "S2", "S3", "S4"}));
    // Model geometry along the line.
    EXPECT_NEAR(net->model.cableLengthM("LINE"), 2000.0, 0.05);
    const auto mid = net->model.pointAlong("LINE", 1500.0);
    ASSERT_TRUE(mid);
    const auto back = net->model.locate("LINE", *mid);
    EXPECT_NEAR(back->arcM, 1500.0, 0.01);
    EXPECT_EQ(*net->model.edgeAt("LINE", 1200.0), net->model.edgesOfCable("LINE")[2]);
}

TEST(Network, explicitJoinsNamingUnknownIdsAreErrors) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    cable(b, "C9", {{0, 0}, {100, 0}}, {{"from", "MR"}, {"to", "GHOST"}});
    auto project = projectOf(b);
    NetworkBuildReport report;
    auto r = NetworkBuilder(defaultRules()).build(project, report);
    ASSERT_FALSE(r.ok());
    const auto& d = r.diagnostics().front();
    EXPECT_EQ(d.source, "cables");
    EXPECT_EQ(d.field, "to");
    EXPECT_NE(d.message.find("'C9'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("'GHOST'"), std::string::npos) << d.message;

    ProjectBuilder dup;
    room(dup, "X1", 0, 0);
    site(dup, "X1", 10, 0);
    auto r2 = NetworkBuilder(defaultRules()).build(projectOf(dup), report);
    ASSERT_FALSE(r2.ok());
    EXPECT_NE(r2.messages().find("duplicate node id"), std::string::npos) << r2.messages();

    AssetProject noGeometry = projectOf(chain());
    noGeometry.cables[0].lines.clear();
    auto r3 = NetworkBuilder(defaultRules()).build(noGeometry, report);
    ASSERT_FALSE(r3.ok());
    EXPECT_EQ(r3.diagnostics().front().field, "geometry");
}

TEST(Network, coreNodesLayerIsValidated) {
    ProjectBuilder b;
    b.point(layers::kCoreNodes, 0, 0, {{"id", "MR-X"}, {"kind", "switch_room"}});
    b.point(layers::kCoreNodes, 10, 0, {{"id", "DC-1"}, {"kind", "data_centre"}, {"name", "DC"}});
    auto r = buildAssetProject(b.layers(), "p.gpkg");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.value().coreNodes.size(), 1u);
    EXPECT_EQ(r.value().coreNodes[0].kind, CoreNodeKind::DataCentre);
    bool named = false;
    for (const auto& d : r.diagnostics())
        named = named || (d.source == "core_nodes" && d.field == "kind" &&
                          d.message.find("'MR-X'") != std::string::npos &&
                          d.message.find("landing_station") != std::string::npos);
    EXPECT_TRUE(named) << r.messages();
    EXPECT_EQ(parseCoreNodeKind("landing_station"), CoreNodeKind::LandingStation);
    EXPECT_EQ(toString(CoreNodeKind::MachineRoom), "machine_room");
    EXPECT_EQ(coreNodeKindNames().size(), 3u);
}

TEST(Network, coverageLossOfOneIsolatedDiscIsPiRSquared) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    site(b, "ALONE", 5000, 0, {{"coverage_radius_m", "400"}});
    site(b, "OTHER", 0, 10, {{"host_type", "indoor"}});
    cable(b, "A", {{0, 0}, {5000, 0}});
    auto net = build(b);
    EXPECT_EQ(net->model.nodes()[*net->model.findNode("OTHER")].coverageRadiusM, 50.0);
    ImpactAnalyzer analyzer(net->model);
    auto impact = analyzer.cableCut("A", 4000.0);
    ASSERT_TRUE(impact);
    EXPECT_EQ(impact->sitesLost, Strings{"ALONE"});
    const double expected = M_PI * 0.4 * 0.4;
    EXPECT_NEAR(impact->coverage.areaKm2, expected, expected * 0.005);
    EXPECT_EQ(impact->coverage.sites, Strings{"ALONE"});
    ASSERT_EQ(impact->coverage.polygons.size(), 1u);
    // Back in WGS 84: the ring's first vertex is ~400 m from the site.
    const auto& q = impact->coverage.polygons[0].rings[0][0];
    MetricPlane plane(net->model.nodes()[*net->model.findNode("ALONE")].position);
    EXPECT_NEAR(plane.distanceFromOrigin(q), 400.0, 2.0);
}

TEST(Network, coverageKeptByANeighbourIsNotLost) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    site(b, "LOST", 3000, 0, {{"coverage_radius_m", "300"}});
    site(b, "KEEPS", 3000, 300, {{"coverage_radius_m", "300"}});
    cable(b, "A", {{0, 0}, {3000, 0}});
    cable(b, "B", {{0, 0}, {0, 300}, {3000, 300}});
    auto net = build(b);
    ImpactAnalyzer analyzer(net->model);
    auto impact = analyzer.cableCut("A", 100.0);
    ASSERT_TRUE(impact);
    EXPECT_EQ(impact->sitesLost, Strings{"LOST"});
    // Two discs r at distance r overlap by r^2 (2 pi / 3 - sqrt(3) / 2).
    const double r = 0.3;
    const double overlap = r * r * (2.0 * M_PI / 3.0 - std::sqrt(3.0) / 2.0);
    const double expected = M_PI * r * r - overlap;
    EXPECT_NEAR(impact->coverage.areaKm2, expected, expected * 0.01);
}

TEST(Network, buildIsDeterministicWhateverTheLayerOrder) {
    ProjectBuilder b;
    room(b, "MR", 0, 0);
    room(b, "MR2", 3000, 0);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0.0, 3000.0);
    for (int i = 0; i < 40; ++i)
        site(b, "S" + std::to_string(i), u(rng), u(rng) / 3.0);
    cable(b, "RING-N", {{0, 0}, {0, 1000}, {3000, 1000}, {3000, 0}});
    cable(b, "RING-S", {{0, 0}, {3000, 0}});
    for (int i = 0; i < 6; ++i)
        cable(b, "SPUR" + std::to_string(i), {{500.0 * i + 100, 0}, {500.0 * i + 100, 1000}});
    auto first = build(b);
    auto layersShuffled = b.layers();
    for (auto& l : layersShuffled)
        std::reverse(l.features.begin(), l.features.end());
    auto project = buildAssetProject(layersShuffled, "test");
    NetworkBuildReport report;
    auto second = NetworkBuilder(defaultRules()).build(project.value(), report);
    ASSERT_TRUE(second.ok());
    auto key = [](const NetworkModel& m) {
        std::vector<std::string> out;
        for (const auto& e : m.edges())
            out.push_back(e.cableId + " " + m.nodes()[e.from].id + " " + m.nodes()[e.to].id + " " +
                          std::to_string(std::lround(e.startM * 1000)));
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(key(first->model), key(second.value()));
    auto snaps = [](const NetworkBuildReport& r) {
        std::vector<std::string> out;
        for (const auto& s : r.snapped)
            out.push_back(s.cableId + s.end + s.target);
        return out;
    };
    EXPECT_EQ(snaps(first->report), snaps(report));
    EXPECT_EQ(first->report.unconnectedSites, report.unconnectedSites);
    EXPECT_GT(first->model.edges().size(), 10u);
    ImpactAnalyzer a1(first->model), a2(second.value());
    auto i1 = a1.cableCut("RING-S", 1500.0), i2 = a2.cableCut("RING-S", 1500.0);
    EXPECT_EQ(i1->sitesLost, i2->sitesLost);
    EXPECT_EQ(i1->sitesKeptByRedundancy, i2->sitesKeptByRedundancy);
    EXPECT_DOUBLE_EQ(i1->coverage.areaKm2, i2->coverage.areaKm2);
}

TEST(Network, geoPackageWithCoreNodesAndJoins) {
    const std::string cores = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"MR-A","kind":"machine_room","name":"A","operator":"CT"},
       "geometry":{"type":"Point","coordinates":[121.50,31.24]}}]})";
    const std::string sites = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"BS-1","status":"active","host_type":"tower"},
       "geometry":{"type":"Point","coordinates":[121.51,31.24]}}]})";
    const std::string cables = R"({"type":"FeatureCollection","features":[{"type":"Feature",
      "properties":{"id":"C1","class":"duct","from":"MR-A","to":"BS-1"},
      "geometry":{"type":"MultiLineString","coordinates":[[[121.50,31.24],[121.505,31.24]],
        [[121.505,31.24],[121.51,31.24]]]}}]})";
    const std::string gpkg = makeGeoPackage(
        "network", {{"core_nodes", cores}, {"base_stations", sites}, {"cables", cables}});
    auto loaded = GeoPackageAssetRepository(gpkg).load();
    ASSERT_TRUE(loaded.ok()) << loaded.messages();
    ASSERT_EQ(loaded.value().coreNodes.size(), 1u);
    EXPECT_EQ(loaded.value().cables[0].fromId, "MR-A");
    EXPECT_EQ(loaded.value().cables[0].toId, "BS-1");
    NetworkBuildReport report;
    auto model = NetworkBuilder(defaultRules()).build(loaded.value(), report);
    ASSERT_TRUE(model.ok()) << model.messages();
    EXPECT_EQ(report.explicitEnds, 2u);
    EXPECT_EQ(model.value().edges().size(), 1u);                // the two parts joined
    EXPECT_NEAR(model.value().cableLengthM("C1"), 952.0, 5.0);  // 0.01 deg at 31.24 N
    EXPECT_EQ(model.value().nodes()[*model.value().findNode("BS-1")].coverageRadiusM, 500.0);
}

TEST(Network, theDemoFeederCutLosesSomeSitesAndKeepsOthers) {
    auto loaded =
        GeoPackageAssetRepository(std::string(citytwin::test::kRepoDataDir) + "/demo/demo.gpkg")
            .load();
    ASSERT_TRUE(loaded.ok()) << loaded.messages();
    EXPECT_EQ(loaded.value().coreNodes.size(), 7u);
    NetworkBuildReport report;
    auto model = NetworkBuilder(defaultRules()).build(loaded.value(), report);
    ASSERT_TRUE(model.ok()) << model.messages();
    // Every in-service demo site reaches a core node.
    EXPECT_EQ(report.unconnectedSites, Strings{});
    EXPECT_EQ(report.sitesWithoutCorePath, Strings{});
    ImpactAnalyzer analyzer(model.value());
    auto feeder = analyzer.cableCut("SYN-DT-LJZ-F1", std::nullopt);
    ASSERT_TRUE(feeder);
    EXPECT_EQ(feeder->sitesLost, (Strings{"SYN-BS-003", "SYN-BS-004", "SYN-BS-032"}));
    EXPECT_EQ(feeder->sitesKeptByRedundancy, (Strings{"SYN-BS-022", "SYN-BS-035"}));
    EXPECT_GT(feeder->coverage.areaKm2, 0.0);
    // The ring keeps every site when one of its sides is cut.
    EXPECT_TRUE(analyzer.cableCut("SYN-CB-1", 900.0)->sitesLost.empty());
}
