#include "scenario/ScenarioSensorBinding.h"

#include <map>
#include <set>

#include "citytwin/sensors/SensorStore.h"

namespace citytwin::app {
namespace {

constexpr const char* kLoadMetric = "load_pct";
constexpr const char* kStrainMetric = "strain_ue";

/// Where an asset's sensor stands: the site, the cut point of the cable, its middle.
std::optional<geo::GeoPoint> positionOf(const std::string& assetId, const assets::ScenarioRun& run,
                                        const assets::NetworkModel& network) {
    if (auto node = network.findNode(assetId))
        return network.nodes()[*node].position;
    if (!network.hasCable(assetId))
        return std::nullopt;
    for (const auto& e : run.log)
        if (e.kind == assets::LogEventKind::CableDown && e.id == assetId && e.maybePosition)
            return e.maybePosition;
    return network.pointAlong(assetId, network.cableLengthM(assetId) / 2);
}

sensors::SensorInfo sensorFor(const std::string& assetId, const std::string& metric,
                              const geo::GeoPoint& position) {
    sensors::SensorInfo info;
    info.id = scenarioSensorId(assetId, metric);
    info.position = position;
    info.metric = metric;
    info.name = "scenario " + metric + " of " + assetId;
    if (metric == kLoadMetric) {
        info.kind = sensors::SensorKind::BaseStationLoad;
        info.unit = "%";
        info.thresholds.low = 1.0;
    } else {
        info.kind = sensors::SensorKind::CableStrain;
        info.unit = "ue";
        if (metric == kStrainMetric)
            info.thresholds.high = 1000.0;
    }
    return info;
}

}  // namespace

std::string scenarioSensorId(const std::string& assetId, const std::string& metric) {
    return "scenario:" + assetId + ":" + metric;
}

std::vector<sensors::SensorInfo> scenarioSensors(const assets::ScenarioRun& run,
                                                 const assets::NetworkModel& network) {
    std::set<std::pair<std::string, std::string>> series;
    for (const auto& r : run.readings)
        series.emplace(r.assetId, r.metric);
    std::vector<sensors::SensorInfo> out;
    for (const auto& [assetId, metric] : series)
        if (auto position = positionOf(assetId, run, network))
            out.push_back(sensorFor(assetId, metric, *position));
    return out;
}

std::vector<sensors::Reading> scenarioReadings(const assets::ScenarioRun& run) {
    std::vector<sensors::Reading> out;
    out.reserve(run.readings.size());
    for (const auto& r : run.readings)
        out.push_back({scenarioSensorId(r.assetId, r.metric), r.metric, r.t, r.value, r.t});
    return out;
}

geo::Result<std::size_t> writeScenarioReadings(const std::string& storePath,
                                               const assets::ScenarioRun& run,
                                               const assets::NetworkModel& network) {
    auto store = sensors::SensorStore::open(storePath);
    CITYTWIN_RETURN_IF_FAILED(store);
    auto registry = store.value().loadRegistry();
    CITYTWIN_RETURN_IF_FAILED(registry);
    bool added = false;
    for (auto& sensor : scenarioSensors(run, network))
        if (!registry.value().find(sensor.id)) {
            registry.value().add(std::move(sensor));
            added = true;
        }
    if (added) {
        const geo::Status saved = store.value().saveRegistry(registry.value());
        CITYTWIN_RETURN_IF_FAILED(saved);
    }
    const std::vector<sensors::Reading> readings = scenarioReadings(run);
    auto written = store.value().write(readings);
    CITYTWIN_RETURN_IF_FAILED(written);
    return written.value().inserted;
}

}  // namespace citytwin::app
