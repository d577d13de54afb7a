// The three demo scenarios over the shipped demo project (data/demo): each
// shows what docs/scenarios.md says it shows.

#include <set>

#include <gtest/gtest.h>

#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/assets/scenario/ScenarioFile.h"
#include "citytwin/assets/scenario/ScenarioPlayback.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::assets;

namespace {

class DemoScenarios : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const auto repository =
            openAssetRepository(std::string(test::kRepoDataDir) + "/demo/demo.gpkg");
        auto context = InspectionContext::open(*repository);
        ASSERT_TRUE(context.ok()) << context.messages();
        _context = std::move(context).value().release();
        NetworkBuildReport report;
        auto network = NetworkBuilder(_context->rules()).build(_context->project(), report);
        ASSERT_TRUE(network.ok()) << network.messages();
        _network = new NetworkModel(std::move(network).value());
    }

    static ScenarioPlayback play(const std::string& name) {
        auto s = loadScenario(std::string(test::kRepoDataDir) + "/demo/scenarios/" + name);
        EXPECT_TRUE(s.ok()) << s.messages();
        const ScenarioEngine engine(_context->project(), _context->rules(), *_network);
        auto r = engine.run(s.value());
        EXPECT_TRUE(r.ok()) << r.messages();
        return ScenarioPlayback(s.value(), r.ok() ? r.value() : ScenarioRun{});
    }

    static std::set<std::string> idsOf(const ScenarioRun& run, LogEventKind kind) {
        std::set<std::string> out;
        for (const auto& e : run.log)
            if (e.kind == kind)
                out.insert(e.id);
        return out;
    }
    static const LogEntry* first(const ScenarioRun& run, LogEventKind kind) {
        for (const auto& e : run.log)
            if (e.kind == kind)
                return &e;
        return nullptr;
    }

    static InspectionContext* _context;
    static NetworkModel* _network;
};

InspectionContext* DemoScenarios::_context = nullptr;
NetworkModel* DemoScenarios::_network = nullptr;

geo::TimeMs shanghai(const char* hhmm) {
    return *geo::parseIso8601(std::string("2026-06-15T") + hhmm + ":00+08:00");
}

}  // namespace

TEST_F(DemoScenarios, lujiazuiCutLosesTheFeedersSitesAndKeepsTheOneWithASecondPath) {
    const auto p = play("lujiazui-cable-cut.json");
    const auto& run = p.run();
    const auto lost = idsOf(run, LogEventKind::BackhaulLost);
    EXPECT_EQ(lost, (std::set<std::string>{"SYN-BS-003", "SYN-BS-004", "SYN-BS-032"}));
    EXPECT_EQ(idsOf(run, LogEventKind::BackhaulRestored), lost);
    const auto* down = first(run, LogEventKind::CableDown);
    ASSERT_NE(down, nullptr);
    EXPECT_EQ(down->id, "SYN-DT-LJZ-F1");
    EXPECT_EQ(down->t, shanghai("10:00"));
    EXPECT_EQ(down->rule, "SH-25");
    const auto* restored = first(run, LogEventKind::BackhaulRestored);
    ASSERT_NE(restored, nullptr);
    EXPECT_EQ(restored->t, shanghai("14:00"));
    EXPECT_EQ(restored->maybeDurationS.value(), 4 * 3600.0);
    const auto* lostEntry = first(run, LogEventKind::BackhaulLost);
    ASSERT_NE(lostEntry, nullptr);
    EXPECT_EQ(lostEntry->cause, std::vector<std::string>{"SYN-DT-LJZ-F1"});

    const auto at11 = p.stateAt(shanghai("11:00"));
    EXPECT_EQ(at11.cablesDown, std::vector<std::string>{"SYN-DT-LJZ-F1"});
    ASSERT_EQ(at11.cuts.size(), 1u);
    EXPECT_EQ(at11.sitesWithoutBackhaul,
              (std::vector<std::string>{"SYN-BS-003", "SYN-BS-004", "SYN-BS-032"}));
    EXPECT_GT(at11.coverageLost.areaKm2, 0.0);
    const auto at15 = p.stateAt(shanghai("15:00"));
    EXPECT_TRUE(at15.cablesDown.empty());
    EXPECT_TRUE(at15.sitesWithoutBackhaul.empty());
    EXPECT_EQ(at15.coverageLost.areaKm2, 0.0);
}

TEST_F(DemoScenarios, vesselAnchorsInsideTheOpenWaterZoneOfTheNanhuiCable) {
    const auto p = play("vessel-anchor-drag.json");
    const auto* in = first(p.run(), LogEventKind::ZoneEntered);
    const auto* anchor = first(p.run(), LogEventKind::AnchoringInZone);
    ASSERT_NE(in, nullptr);
    ASSERT_NE(anchor, nullptr);
    EXPECT_EQ(anchor->related, std::vector<std::string>{"SYN-SUB-NH"});
    EXPECT_EQ(anchor->maybeZoneHalfWidthM.value(), 500.0);
    EXPECT_EQ(anchor->t, in->t + 600000);  // anchored from the entry on: ten minutes later
    EXPECT_EQ(anchor->rules, (std::vector<std::string>{"SCP-8", "SH-24-3"}));
    ASSERT_NE(first(p.run(), LogEventKind::ZoneLeft), nullptr);
    const auto during = p.stateAt(anchor->t + 1000);
    ASSERT_EQ(during.vessels.size(), 1u);
    EXPECT_TRUE(during.vessels[0].anchoringViolation);
    EXPECT_EQ(during.zonesViolated, std::vector<std::string>{"SYN-SUB-NH"});
}

TEST_F(DemoScenarios, excavationCreepsIntoTheDuctsRangeBetweenTwoKeyframes) {
    const auto p = play("excavation-creep.json");
    const auto* in = first(p.run(), LogEventKind::ZoneEntered);
    ASSERT_NE(in, nullptr);
    EXPECT_EQ(in->related, std::vector<std::string>{"SYN-DT-LJZ-N"});
    EXPECT_EQ(in->rule, "SH-24-2");
    EXPECT_EQ(in->t % 1000, 0);
    EXPECT_GT(in->t, shanghai("11:00"));
    EXPECT_LT(in->t, shanghai("12:00"));
    const auto* out = first(p.run(), LogEventKind::ZoneLeft);
    ASSERT_NE(out, nullptr);
    EXPECT_GT(out->t, shanghai("12:00"));
    EXPECT_LT(out->t, shanghai("14:00"));
    const auto inside = p.stateAt(in->t);
    ASSERT_EQ(inside.excavations.size(), 1u);
    EXPECT_EQ(inside.excavations[0].zonesEntered, std::vector<std::string>{"SYN-DT-LJZ-N"});
    EXPECT_TRUE(p.stateAt(in->t - 1000).excavations[0].zonesEntered.empty());
}
