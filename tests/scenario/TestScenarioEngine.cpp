// The engine over a small network: cuts losing and keeping sites, repair,
// outages on battery, determinism across runs, thread counts and seeds, and
// playback's seek equals play.

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "ScenarioTestSupport.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/scenario/ScenarioPlayback.h"

using namespace citytwin;
using namespace citytwin::assets;
using namespace citytwin::assets::test;

namespace {

constexpr geo::TimeMs kHour = 3600000;

CableCutEvent cut(const std::string& cable, geo::TimeMs at, std::optional<geo::TimeMs> repair) {
    CableCutEvent c;
    c.cable = cable;
    c.at = at;
    c.maybeArcM = 400.0;
    c.maybeRepairAt = repair;
    c.cause = "excavator";
    return c;
}

std::set<std::string> idsOf(const std::vector<LogEntry>& entries) {
    std::set<std::string> out;
    for (const auto& e : entries)
        out.insert(e.id);
    return out;
}

class EngineTest : public ::testing::Test {
protected:
    ScenarioRun run(const Scenario& s, unsigned threads = 1, SyntheticReadingSink* sink = nullptr) {
        EngineOptions o;
        o.threads = threads;
        const ScenarioEngine engine(project, defaultRules(), network, o);
        auto r = engine.run(s, sink);
        EXPECT_TRUE(r.ok()) << r.messages();
        return r.ok() ? r.value() : ScenarioRun{};
    }

    /// Every kind of event over the ring network.
    Scenario everything(std::uint64_t seed) const {
        auto s = emptyScenario(6.0);
        s.seed = seed;
        s.events.push_back(cut("E", kT0 + kHour, kT0 + 4 * kHour));
        s.events.push_back(cut("A", kT0 + 2 * kHour, kT0 + 3 * kHour));
        s.events.push_back(cut("D", kT0 + 2 * kHour + 1800000, std::nullopt));
        SiteOutageEvent o;
        o.at = kT0 + kHour;
        o.site = "S6";
        o.cause = "power";
        o.maybeBatteryH = 1.5;
        o.maybeRestoreAt = kT0 + 5 * kHour;
        s.events.push_back(o);
        ExcavationEvent w;
        w.id = "W1";
        w.keyframes.push_back({kT0, squareAt(500, 60, 5)});
        w.keyframes.push_back({kT0 + 2 * kHour, squareAt(500, -60, 5)});
        s.events.push_back(w);
        VesselEvent v;
        v.id = "V1";
        v.track.push_back({kT0, metresAt(3000, -900), 8.0, VesselStatus::Underway});
        v.track.push_back({kT0 + kHour, metresAt(3000, 0), 0.2, VesselStatus::Anchored});
        v.track.push_back({kT0 + 2 * kHour, metresAt(3100, 100), 0.3, VesselStatus::Anchored});
        s.events.push_back(v);
        InterferenceEvent x;
        x.at = kT0 + kHour;
        x.id = "JAM";
        x.position = metresAt(1000, 50);
        x.powerW = 50;
        x.maybeUntil = kT0 + 2 * kHour;
        s.events.push_back(x);
        SensorFaultEvent f;
        f.at = kT0 + kHour;
        f.sensor = "SEN-1";
        f.maybeUntil = kT0 + 3 * kHour;
        s.events.push_back(f);
        return s;
    }

    NetworkModel network = ringNetwork();
    AssetProject project = projectWithCables(
        {straightCable("A", CableClass::Duct, 0, 0, 1000, 0),
         straightCable("SUB-1", CableClass::Submarine, 2000, 0, 6000, 0, Waters::Bay)});
};

}  // namespace

TEST_F(EngineTest, aCutOnTheRingKeepsEverySiteASpurCutLosesItsSite) {
    auto s = emptyScenario();
    s.events.push_back(cut("A", kT0 + kHour, kT0 + 2 * kHour));  // ring: S1 keeps via B-D
    s.events.push_back(cut("G", kT0 + kHour, kT0 + 3 * kHour));  // chain: S6 loses
    const auto r = run(s);
    const auto lost = entriesOf(r, LogEventKind::BackhaulLost);
    ASSERT_EQ(lost.size(), 1u);
    EXPECT_EQ(lost[0].id, "S6");
    EXPECT_EQ(lost[0].t, kT0 + kHour);
    EXPECT_EQ(lost[0].cause, std::vector<std::string>{"G"});
    EXPECT_EQ(lost[0].rule, "SH-25");
    EXPECT_EQ(lost[0].scenarioEvent, 1u);
    const auto restored = entriesOf(r, LogEventKind::BackhaulRestored);
    ASSERT_EQ(restored.size(), 1u);
    EXPECT_EQ(restored[0].id, "S6");
    EXPECT_EQ(restored[0].t, kT0 + 3 * kHour);
    EXPECT_EQ(restored[0].maybeDurationS.value(), 7200.0);
    EXPECT_EQ(restored[0].related, std::vector<std::string>{"G"});
    const auto down = entriesOf(r, LogEventKind::CableDown);
    ASSERT_EQ(down.size(), 2u);
    EXPECT_EQ(down[0].rule, "SH-25");
    ASSERT_TRUE(down[0].maybePosition.has_value());
    EXPECT_EQ(entriesOf(r, LogEventKind::CableUp).size(), 2u);
    // Coverage: S6's disc is lost (S5's covers part of it) and comes back.
    const auto covLost = entriesOf(r, LogEventKind::CoverageLost);
    ASSERT_EQ(covLost.size(), 1u);
    EXPECT_EQ(covLost[0].related, std::vector<std::string>{"S6"});
    EXPECT_GT(covLost[0].maybeAreaKm2.value(), 0.05);
    EXPECT_LT(covLost[0].maybeAreaKm2.value(), 0.2828);  // below the whole disc
    EXPECT_FALSE(covLost[0].wkt.empty());
    EXPECT_EQ(entriesOf(r, LogEventKind::CoverageRestored).size(), 1u);
    ASSERT_EQ(r.coverage.size(), 4u);  // start, the cuts, A repaired, G repaired
    EXPECT_EQ(r.coverage.front().loss.areaKm2, 0.0);
    EXPECT_EQ(r.log.front().kind, LogEventKind::ScenarioStart);
    EXPECT_EQ(r.log.back().kind, LogEventKind::ScenarioEnd);
}

TEST_F(EngineTest, cuttingBothRingPathsLosesTheRingAndItsSpurWithBothCauses) {
    auto s = emptyScenario();
    s.events.push_back(cut("A", kT0 + kHour, std::nullopt));
    s.events.push_back(cut("D", kT0 + 2 * kHour, std::nullopt));
    const auto r = run(s);
    const auto lost = entriesOf(r, LogEventKind::BackhaulLost);
    EXPECT_EQ(idsOf(lost), (std::set<std::string>{"S1", "S2", "S3"}));
    for (const auto& e : lost) {
        EXPECT_EQ(e.t, kT0 + 2 * kHour);
        EXPECT_EQ(e.cause, (std::vector<std::string>{"A", "D"}));
        EXPECT_EQ(e.scenarioEvent, 1u);
    }
    EXPECT_TRUE(entriesOf(r, LogEventKind::BackhaulRestored).empty());
}

TEST_F(EngineTest, anOutageRunsOnBatteryThenGoesDownAndComesBack) {
    auto s = emptyScenario(6.0);
    SiteOutageEvent o;
    o.at = kT0 + kHour;
    o.site = "S5";
    o.cause = "power";
    o.maybeBatteryH = 2.0;
    o.maybeRestoreAt = kT0 + 5 * kHour;
    s.events.push_back(o);
    const auto r = run(s);
    ASSERT_EQ(entriesOf(r, LogEventKind::PowerLost).size(), 1u);
    const auto down = entriesOf(r, LogEventKind::SiteDown);
    ASSERT_EQ(down.size(), 1u);
    EXPECT_EQ(down[0].t, kT0 + 3 * kHour);
    // S5 down also cuts S6 off (it is the chain's middle).
    const auto lost = entriesOf(r, LogEventKind::BackhaulLost);
    EXPECT_EQ(idsOf(lost), (std::set<std::string>{"S5", "S6"}));
    for (const auto& e : lost) {
        if (e.id == "S6") {
            EXPECT_EQ(e.cause, std::vector<std::string>{"S5"});
        }
    }
    const auto up = entriesOf(r, LogEventKind::SiteUp);
    ASSERT_EQ(up.size(), 1u);
    EXPECT_EQ(up[0].t, kT0 + 5 * kHour);
    EXPECT_EQ(up[0].maybeDurationS.value(), 7200.0);
    // Load drops to exactly 0 while down, and is positive before.
    for (const auto& reading : r.readings) {
        if (reading.assetId != "S5")
            continue;
        const bool isDown = reading.t >= kT0 + 3 * kHour && reading.t < kT0 + 5 * kHour;
        if (isDown) {
            EXPECT_EQ(reading.value, 0.0) << reading.t;
        } else {
            EXPECT_GT(reading.value, 0.0) << reading.t;
        }
    }
}

TEST_F(EngineTest, aCutCableSpikesItsStrainAtTheCut) {
    auto s = emptyScenario();
    s.events.push_back(cut("G", kT0 + kHour + 123000, kT0 + 3 * kHour));
    const auto r = run(s);
    bool spike = false;
    for (const auto& reading : r.readings)
        if (reading.assetId == "G" && reading.metric == "strain_ue") {
            if (reading.t == kT0 + kHour + 123000) {
                EXPECT_GE(reading.value, 1500.0);
                spike = true;
            } else if (reading.t > kT0 + kHour + 123000 && reading.t < kT0 + 3 * kHour) {
                EXPECT_EQ(reading.value, 0.0);
            } else {
                EXPECT_GT(reading.value, 0.0);
                EXPECT_LT(reading.value, 100.0);
            }
        }
    EXPECT_TRUE(spike);
}

TEST_F(EngineTest, typhoonExposesAndDamagesAerialCables) {
    project.cables.push_back(straightCable("G", CableClass::Aerial, -1000, 0, -2000, 0));
    auto s = emptyScenario(12.0);
    TyphoonEvent t;
    t.id = "T1";
    t.track.push_back({kT0, metresAt(-1500, -200000), 80.0, 35.0});
    t.track.push_back({kT0 + 10 * kHour, metresAt(-1500, 200000), 80.0, 35.0});
    t.maybeDamageWindMs = 30.0;
    t.repairAfterH = 1.0;
    s.events.push_back(t);
    const auto r = run(s);
    const auto x = entriesOf(r, LogEventKind::TyphoonExposure);
    ASSERT_EQ(x.size(), 1u);
    EXPECT_EQ(x[0].id, "G");
    EXPECT_EQ(x[0].rule, "SH-25");
    // The centre comes within 80 km at 120 km travelled of 400 km: 3 h.
    EXPECT_NEAR(static_cast<double>(x[0].t - kT0) / kHour, 3.0, 0.01);
    const auto down = entriesOf(r, LogEventKind::CableDown);
    ASSERT_EQ(down.size(), 1u);
    EXPECT_EQ(down[0].t, x[0].t);
    EXPECT_EQ(entriesOf(r, LogEventKind::CableUp)[0].t, down[0].t + kHour);
    EXPECT_EQ(idsOf(entriesOf(r, LogEventKind::BackhaulLost)), std::set<std::string>{"S6"});
}

TEST_F(EngineTest, interferenceNamesTheSitesWithinTheDistance) {
    auto s = emptyScenario();
    InterferenceEvent x;
    x.at = kT0 + kHour;
    x.id = "JAM";
    x.position = metresAt(1000, 99);  // 99 m from S1, far from the rest
    x.powerW = 10;
    s.events.push_back(x);
    const auto e = entriesOf(run(s), LogEventKind::Interference);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].related, std::vector<std::string>{"S1"});
    EXPECT_EQ(e[0].rule, "SH-24-4");
}

TEST_F(EngineTest, anUnknownCableIsAnErrorNamingTheEvent) {
    auto s = emptyScenario();
    s.events.push_back(cut("NOPE", kT0, std::nullopt));
    const ScenarioEngine engine(project, defaultRules(), network);
    const auto r = engine.run(s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].field, "events[0].cable");
}

TEST_F(EngineTest, theSameInputsGiveTheSameBytesForAnyThreadCount) {
    const auto s = everything(11);
    const auto a = run(s, 1);
    const auto b = run(s, 1);
    const auto c = run(s, 2);
    EXPECT_EQ(a.sha256.size(), 64u);
    EXPECT_EQ(a.sha256, b.sha256);
    EXPECT_EQ(a.sha256, c.sha256);
    EXPECT_EQ(writeEventLog(a.log), writeEventLog(c.log));
    // The scenario exercises every detector.
    for (const auto kind :
         {LogEventKind::ZoneEntered, LogEventKind::AnchoringInZone, LogEventKind::BackhaulLost,
          LogEventKind::Interference, LogEventKind::SensorFault, LogEventKind::SiteDown,
          LogEventKind::CoverageLost, LogEventKind::SensorReading})
        EXPECT_FALSE(entriesOf(a, kind).empty()) << toString(kind);
}

TEST_F(EngineTest, aDifferentSeedChangesOnlyTheSensorReadings) {
    const auto a = run(everything(11));
    const auto b = run(everything(12));
    EXPECT_NE(a.sha256, b.sha256);
    ASSERT_EQ(a.log.size(), b.log.size());
    std::size_t readingsDiffering = 0;
    for (std::size_t i = 0; i < a.log.size(); ++i) {
        const auto la = toJsonLine(a.log[i]);
        const auto lb = toJsonLine(b.log[i]);
        if (a.log[i].kind == LogEventKind::SensorReading) {
            EXPECT_EQ(a.log[i].id, b.log[i].id);
            readingsDiffering += la != lb;
        } else {
            EXPECT_EQ(la, lb);
        }
    }
    EXPECT_GT(readingsDiffering, 0u);
}

TEST_F(EngineTest, theSinkReceivesTheReadingsInTimeOrder) {
    struct Sink : SyntheticReadingSink {
        std::vector<SyntheticReading> got;
        void accept(const SyntheticReading& r) override { got.push_back(r); }
    } sink;
    const auto r = run(everything(3), 1, &sink);
    ASSERT_EQ(sink.got.size(), r.readings.size());
    ASSERT_FALSE(sink.got.empty());
    for (std::size_t i = 1; i < sink.got.size(); ++i)
        EXPECT_LE(sink.got[i - 1].t, sink.got[i].t);
    EXPECT_EQ(entriesOf(r, LogEventKind::SensorReading).size(), r.readings.size());
}

TEST_F(EngineTest, seekingEqualsPlaying) {
    const auto s = everything(5);
    const ScenarioPlayback playback(s, run(s));
    ScenarioState played = playback.stateAt(s.start);
    std::size_t checks = 0;
    // Play in uneven steps (17 s to 20 min) and compare with a direct seek.
    geo::TimeMs step = 17000;
    for (geo::TimeMs t = s.start; t <= s.end; t += step, step = step * 3 % 1200000 + 17000) {
        playback.advance(played, t);
        const ScenarioState seeked = playback.stateAt(t);
        ASSERT_TRUE(played == seeked) << "at " << geo::formatIso8601(t);
        ++checks;
    }
    EXPECT_GT(checks, 20u);
    // Backwards seeks start again and still agree.
    playback.advance(played, s.start + kHour);
    EXPECT_TRUE(played == playback.stateAt(s.start + kHour));

    // What the state shows in the middle of the incident.
    const auto mid = playback.stateAt(kT0 + 2 * kHour + 1800000 + 1);
    EXPECT_EQ(mid.cablesDown, (std::vector<std::string>{"A", "D", "E"}));
    EXPECT_EQ(mid.cuts.size(), 3u);
    EXPECT_EQ(mid.sitesDown, std::vector<std::string>{"S6"});
    EXPECT_EQ(mid.sitesWithoutBackhaul, (std::vector<std::string>{"S1", "S2", "S3", "S6"}));
    EXPECT_GT(mid.coverageLost.areaKm2, 0.0);
    ASSERT_EQ(mid.vessels.size(), 0u);  // the track ended at 2 h
    ASSERT_EQ(mid.excavations.size(), 1u);
    const auto early = playback.stateAt(kT0 + kHour + 1800000);
    ASSERT_EQ(early.vessels.size(), 1u);
    EXPECT_EQ(early.vessels[0].zonesEntered, std::vector<std::string>{"SUB-1"});
    EXPECT_TRUE(early.vessels[0].anchoringViolation);
    EXPECT_EQ(early.faultySensors, std::vector<std::string>{"SEN-1"});
    EXPECT_NE(std::find(early.zonesViolated.begin(), early.zonesViolated.end(), "SUB-1"),
              early.zonesViolated.end());
}
