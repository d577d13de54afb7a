// scenario/ScenarioSensorBinding: the demo cable cut's synthetic readings in a
// real sensor store file: registered beside the store's own sensors, a lost
// site's load is 0 during the cut and not before, the cut cable's strain
// spikes, and writing the same run twice adds nothing.

#include <gtest/gtest.h>

#include <filesystem>

#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/assets/scenario/ScenarioFile.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/test/TestPaths.h"
#include "scenario/ScenarioSensorBinding.h"

using namespace citytwin;

namespace {

geo::TimeMs shanghai(const char* hhmm) {
    return *geo::parseIso8601(std::string("2026-06-15T") + hhmm + ":00+08:00");
}

class ScenarioSensorBinding : public ::testing::Test {
protected:
    void SetUp() override {
        const auto repository =
            assets::openAssetRepository(std::string(test::kRepoDataDir) + "/demo/demo.gpkg");
        auto context = assets::InspectionContext::open(*repository);
        ASSERT_TRUE(context.ok()) << context.messages();
        _context = std::move(context).value();
        assets::NetworkBuildReport report;
        auto network = assets::NetworkBuilder(_context->rules()).build(_context->project(), report);
        ASSERT_TRUE(network.ok()) << network.messages();
        _network = std::make_unique<assets::NetworkModel>(std::move(network).value());
        auto scenario = assets::loadScenario(std::string(test::kRepoDataDir) +
                                             "/demo/scenarios/lujiazui-cable-cut.json");
        ASSERT_TRUE(scenario.ok()) << scenario.messages();
        auto run = assets::ScenarioEngine(_context->project(), _context->rules(), *_network)
                       .run(scenario.value());
        ASSERT_TRUE(run.ok()) << run.messages();
        _run = std::move(run).value();
        ASSERT_FALSE(_run.readings.empty());

        _dir = std::filesystem::temp_directory_path() /
               ("citytwin-binding-" + std::to_string(::getpid()));
        std::filesystem::create_directories(_dir);
        _store = (_dir / "sensors.sqlite").string();
        // The store already holds a sensor of its own, which must stay.
        auto store = sensors::SensorStore::open(_store);
        ASSERT_TRUE(store.ok()) << store.messages();
        sensors::SensorRegistry own;
        sensors::SensorInfo aq;
        aq.id = "aq-0001";
        aq.metric = "pm25";
        aq.position = {121.5, 31.24, 0};
        own.add(aq);
        ASSERT_TRUE(store.value().saveRegistry(own).ok());
    }
    void TearDown() override { std::filesystem::remove_all(_dir); }

    double valueAt(sensors::SensorStore& store, const std::string& id, const std::string& metric,
                   geo::TimeMs from, geo::TimeMs to, bool highest) {
        auto h = store.history(id, metric, from, to, sensors::Aggregation::Raw);
        EXPECT_TRUE(h.ok()) << h.messages();
        EXPECT_FALSE(h.value().empty()) << id << " has no readings in the range";
        double v = highest ? -1e300 : 1e300;
        for (const auto& p : h.value())
            v = highest ? std::max(v, p.max) : std::min(v, p.min);
        return v;
    }

    std::unique_ptr<assets::InspectionContext> _context;
    std::unique_ptr<assets::NetworkModel> _network;
    assets::ScenarioRun _run;
    std::filesystem::path _dir;
    std::string _store;
};

}  // namespace

TEST_F(ScenarioSensorBinding, theCutsReadingsReachTheStoreBesideItsOwnSensors) {
    auto written = app::writeScenarioReadings(_store, _run, *_network);
    ASSERT_TRUE(written.ok()) << written.messages();
    EXPECT_EQ(written.value(), _run.readings.size());

    auto store = sensors::SensorStore::open(_store);
    ASSERT_TRUE(store.ok()) << store.messages();
    auto registry = store.value().loadRegistry();
    ASSERT_TRUE(registry.ok()) << registry.messages();
    EXPECT_NE(registry.value().find("aq-0001"), nullptr) << "the store's own sensor was dropped";
    const std::string load = app::scenarioSensorId("SYN-BS-003", "load_pct");
    const sensors::SensorInfo* site = registry.value().find(load);
    ASSERT_NE(site, nullptr);
    const auto node = _network->findNode("SYN-BS-003");
    ASSERT_TRUE(node);
    EXPECT_DOUBLE_EQ(site->position.x, _network->nodes()[*node].position.x);
    EXPECT_DOUBLE_EQ(site->position.y, _network->nodes()[*node].position.y);

    // SYN-BS-003 hangs off the cut feeder (10:00-14:00): carrying traffic before, nothing during.
    EXPECT_GT(valueAt(store.value(), load, "load_pct", shanghai("09:30"), shanghai("09:59"), false),
              1.0);
    EXPECT_EQ(valueAt(store.value(), load, "load_pct", shanghai("10:30"), shanghai("13:30"), true),
              0.0);
    const std::string strain = app::scenarioSensorId("SYN-DT-LJZ-F1", "strain_ue");
    ASSERT_NE(registry.value().find(strain), nullptr);
    EXPECT_GT(
        valueAt(store.value(), strain, "strain_ue", shanghai("09:59"), shanghai("10:01"), true),
        valueAt(store.value(), strain, "strain_ue", shanghai("09:30"), shanghai("09:50"), true));

    // The same run again: nothing new (the store ignores duplicates).
    auto again = app::writeScenarioReadings(_store, _run, *_network);
    ASSERT_TRUE(again.ok()) << again.messages();
    EXPECT_EQ(again.value(), 0u);
}

TEST_F(ScenarioSensorBinding, anUnwritableStoreIsAnErrorNamingIt) {
    const std::string bad = (_dir / "no-such-dir" / "sensors.sqlite").string();
    auto written = app::writeScenarioReadings(bad, _run, *_network);
    ASSERT_FALSE(written.ok());
    EXPECT_NE(written.messages().find("no-such-dir"), std::string::npos) << written.messages();
}
