// The engine's geometric detectors on hand-computed geometry: an excavation
// entering a duct's 5 m range to the second, and the anchoring rule at its
// speed and duration thresholds and at each zone width from both sides.

#include <gtest/gtest.h>

#include "ScenarioTestSupport.h"
#include "citytwin/assets/RuleSet.h"

using namespace citytwin;
using namespace citytwin::assets;
using namespace citytwin::assets::test;

namespace {

ScenarioRun runOn(const AssetProject& project, const Scenario& s,
                  const RuleSet& rules = defaultRules()) {
    static const NetworkModel empty;
    const ScenarioEngine engine(project, rules, empty);
    auto r = engine.run(s);
    EXPECT_TRUE(r.ok()) << r.messages();
    return r.ok() ? r.value() : ScenarioRun{};
}

geo::TimeMs seconds(double s) {
    return static_cast<geo::TimeMs>(s * 1000.0);
}

/// A vessel holding still `north` metres from a cable along north = 0, at
/// sogKn, from kT0 for durationS seconds.
VesselEvent stillVessel(double north, double sogKn, double durationS,
                        VesselStatus status = VesselStatus::Underway) {
    VesselEvent v;
    v.id = "413000001";
    v.track.push_back({kT0, metresAt(0, north), sogKn, status});
    v.track.push_back({kT0 + seconds(durationS), metresAt(0, north), sogKn, status});
    return v;
}

}  // namespace

TEST(ExcavationDetector, entersTheDuctRangeAtTheHandComputedSecond) {
    // Duct along north = 0 (half width 5 m by default). A 10 m square moves
    // south at 0.1 m/s: its south edge starts at 95.05 m and reaches 5 m at
    // 900.5 s, so the first whole second inside is 901 s (4.95 m); its north
    // edge passes -5 m at 1100.5 s, so it has left at 1101 s.
    ASSERT_EQ(defaultRules().halfWidthM(CableClass::Duct, std::nullopt), 5.0);
    const auto project =
        projectWithCables({straightCable("DUCT-1", CableClass::Duct, -500, 0, 500, 0)});
    auto s = emptyScenario(1.0);
    ExcavationEvent e;
    e.id = "W1";
    e.kind = WorksKind::Trenching;
    e.keyframes.push_back({kT0, squareAt(0, 100.05, 5)});
    e.keyframes.push_back({kT0 + seconds(2000), squareAt(0, -99.95, 5)});
    s.events.push_back(e);
    const auto run = runOn(project, s);
    const auto in = entriesOf(run, LogEventKind::ZoneEntered);
    const auto out = entriesOf(run, LogEventKind::ZoneLeft);
    ASSERT_EQ(in.size(), 1u);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(in[0].t, kT0 + seconds(901));
    EXPECT_EQ(out[0].t, kT0 + seconds(1101));
    EXPECT_EQ(in[0].id, "W1");
    EXPECT_EQ(in[0].rule, "SH-24-2");
    EXPECT_EQ(in[0].rules, (std::vector<std::string>{"SH-24-2", "SH-19"}));
    EXPECT_EQ(in[0].related, std::vector<std::string>{"DUCT-1"});
    EXPECT_EQ(in[0].operatorName, "China Telecom");
    EXPECT_EQ(in[0].maybeZoneHalfWidthM.value(), 5.0);
    EXPECT_EQ(out[0].maybeDurationS.value(), 200.0);
}

TEST(ExcavationDetector, unequalVertexCountsHoldThePreviousShapeUntilTheNextKeyframe) {
    const auto project =
        projectWithCables({straightCable("DUCT-1", CableClass::Duct, -500, 0, 500, 0)});
    auto s = emptyScenario(1.0);
    ExcavationEvent e;
    e.id = "W2";
    e.kind = WorksKind::Excavation;
    e.keyframes.push_back({kT0, squareAt(0, 100, 5)});
    // A triangle over the duct at 600 s: different vertex count, so the
    // square stays put until then and the entry is at exactly 600 s.
    geo::Polygon triangle;
    triangle.rings.push_back({metresAt(-5, -2), metresAt(5, -2), metresAt(0, 8), metresAt(-5, -2)});
    e.keyframes.push_back({kT0 + seconds(600), triangle});
    s.events.push_back(e);
    const auto in = entriesOf(runOn(project, s), LogEventKind::ZoneEntered);
    ASSERT_EQ(in.size(), 1u);
    EXPECT_EQ(in[0].t, kT0 + seconds(600));
}

TEST(ExcavationDetector, worksOutsideEveryRangeLogNothing) {
    const auto project =
        projectWithCables({straightCable("DUCT-1", CableClass::Duct, -500, 0, 500, 0)});
    auto s = emptyScenario(1.0);
    ExcavationEvent e;
    e.id = "W3";
    e.keyframes.push_back({kT0, squareAt(0, 10.1, 5)});  // south edge 5.1 m away
    s.events.push_back(e);
    EXPECT_TRUE(entriesOf(runOn(project, s), LogEventKind::ZoneEntered).empty());
}

TEST(AnchoringDetector, speedThresholdIsStrictlyBelow) {
    const auto project = projectWithCables(
        {straightCable("SUB-1", CableClass::Submarine, -5000, 0, 5000, 0, Waters::Open)});
    const double threshold = defaultRules().anchorSogThresholdKn;
    ASSERT_EQ(threshold, 0.5);
    for (const auto& [sog, fires] : std::vector<std::pair<double, bool>>{
             {threshold, false}, {threshold - 0.01, true}, {0.0, true}, {5.0, false}}) {
        auto s = emptyScenario(1.0);
        s.events.push_back(stillVessel(100, sog, 1200));
        const auto run = runOn(project, s);
        EXPECT_EQ(entriesOf(run, LogEventKind::ZoneEntered).size(), 1u) << sog;
        EXPECT_EQ(entriesOf(run, LogEventKind::AnchoringInZone).size(), fires ? 1u : 0u) << sog;
    }
    // Status anchored counts whatever the speed.
    auto s = emptyScenario(1.0);
    s.events.push_back(stillVessel(100, 3.0, 1200, VesselStatus::Anchored));
    EXPECT_EQ(entriesOf(runOn(project, s), LogEventKind::AnchoringInZone).size(), 1u);
}

TEST(AnchoringDetector, firesAtTheSecondTheDurationIsReached) {
    const auto project = projectWithCables(
        {straightCable("SUB-1", CableClass::Submarine, -5000, 0, 5000, 0, Waters::Open)});
    ASSERT_EQ(defaultRules().anchorMinDurationS, 600.0);
    auto s = emptyScenario(1.0);
    s.events.push_back(stillVessel(-100, 0.1, 599));  // one second short
    EXPECT_TRUE(entriesOf(runOn(project, s), LogEventKind::AnchoringInZone).empty());

    s = emptyScenario(1.0);
    s.events.push_back(stillVessel(-100, 0.1, 600));
    const auto run = runOn(project, s);
    const auto a = entriesOf(run, LogEventKind::AnchoringInZone);
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].t, kT0 + seconds(600));
    EXPECT_EQ(a[0].rule, "SCP-8");
    EXPECT_EQ(a[0].rules, (std::vector<std::string>{"SCP-8", "SH-24-3"}));
    EXPECT_EQ(a[0].related, std::vector<std::string>{"SUB-1"});
    EXPECT_EQ(a[0].maybeZoneHalfWidthM.value(), 500.0);
    EXPECT_EQ(a[0].maybeDurationS.value(), 600.0);

    // A configured duration moves the firing second with it.
    RuleSet rules = defaultRules();
    rules.anchorMinDurationS = 120;
    rules.anchorSogThresholdKn = 0.05;
    const auto slower = entriesOf(runOn(project, s, rules), LogEventKind::AnchoringInZone);
    EXPECT_TRUE(slower.empty());  // 0.1 kn is not below 0.05 kn
    rules.anchorSogThresholdKn = 0.5;
    const auto shorter = entriesOf(runOn(project, s, rules), LogEventKind::AnchoringInZone);
    ASSERT_EQ(shorter.size(), 1u);
    EXPECT_EQ(shorter[0].t, kT0 + seconds(120));
}

TEST(AnchoringDetector, speedDroppingBelowTheThresholdStartsTheClock) {
    // Underway at 2 kn, then slowing linearly to 0 kn over 300 s: below
    // 0.5 kn from 225 s on (2 - 2 * t / 300 < 0.5 <=> t > 225), so the first
    // second is 226 s and the rule fires at 826 s.
    const auto project = projectWithCables(
        {straightCable("SUB-1", CableClass::Submarine, -5000, 0, 5000, 0, Waters::Open)});
    auto s = emptyScenario(1.0);
    VesselEvent v;
    v.id = "V";
    v.track.push_back({kT0, metresAt(0, 50), 2.0, VesselStatus::Underway});
    v.track.push_back({kT0 + seconds(300), metresAt(0, 50), 0.0, VesselStatus::Underway});
    v.track.push_back({kT0 + seconds(1500), metresAt(0, 50), 0.0, VesselStatus::Underway});
    s.events.push_back(v);
    const auto a = entriesOf(runOn(project, s), LogEventKind::AnchoringInZone);
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].t, kT0 + seconds(826));
}

TEST(AnchoringDetector, eachZoneWidthFromBothSides) {
    for (const auto& [waters, width] : std::vector<std::pair<Waters, double>>{
             {Waters::Open, 500.0}, {Waters::Bay, 100.0}, {Waters::Port, 50.0}}) {
        ASSERT_EQ(defaultRules().halfWidthM(CableClass::Submarine, waters), width);
        const auto project = projectWithCables(
            {straightCable("SUB", CableClass::Submarine, -5000, 0, 5000, 0, waters)});
        for (const double side : {1.0, -1.0})
            for (const auto& [offset, inside] :
                 std::vector<std::pair<double, bool>>{{width - 0.5, true}, {width + 0.5, false}}) {
                auto s = emptyScenario(1.0);
                s.events.push_back(stillVessel(side * offset, 0.0, 900));
                const auto run = runOn(project, s);
                const auto a = entriesOf(run, LogEventKind::AnchoringInZone);
                EXPECT_EQ(a.size(), inside ? 1u : 0u) << width << " " << side * offset;
                EXPECT_EQ(entriesOf(run, LogEventKind::ZoneEntered).size(), inside ? 1u : 0u);
                if (inside && !a.empty()) {
                    EXPECT_EQ(a[0].maybeZoneHalfWidthM.value(), width);
                }
            }
    }
}

TEST(AnchoringDetector, crossingTheZoneLogsEntryAndExitAtTheSecond) {
    // Sailing north at 1 m/s from -600 m to +600 m across a 500 m zone:
    // inside from -500 m (t = 100 s) to +500 m (t = 1100 s), left at 1101 s.
    const auto project = projectWithCables(
        {straightCable("SUB-1", CableClass::Submarine, -5000, 0, 5000, 0, Waters::Open)});
    auto s = emptyScenario(1.0);
    VesselEvent v;
    v.id = "V";
    v.track.push_back({kT0, metresAt(0, -600.0), 1.94, VesselStatus::Underway});
    v.track.push_back({kT0 + seconds(1200), metresAt(0, 600.0), 1.94, VesselStatus::Underway});
    s.events.push_back(v);
    const auto run = runOn(project, s);
    const auto in = entriesOf(run, LogEventKind::ZoneEntered);
    const auto out = entriesOf(run, LogEventKind::ZoneLeft);
    ASSERT_EQ(in.size(), 1u);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_NEAR(static_cast<double>(in[0].t - kT0), 100000.0, 1000.0);
    EXPECT_NEAR(static_cast<double>(out[0].t - kT0), 1101000.0, 1000.0);
    EXPECT_EQ(in[0].rule, "SCP-7");
    EXPECT_TRUE(entriesOf(run, LogEventKind::AnchoringInZone).empty());
}
