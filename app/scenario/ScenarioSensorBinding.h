#pragma once
// Binds a scenario run's synthetic readings (assets::SyntheticReading: a site's
// load, a cut cable's strain) to the sensor store, where the sensors' history,
// charts and alerts read them. assets and sensors do not know each other;
// this is the one place that maps one onto the other.
//
// Each (asset, metric) becomes a store sensor "scenario:<asset id>:<metric>"
// at the asset's position (a site's, or a cable's cut point else its middle),
// with the thresholds an operator would set: load below 1 % (a site carrying
// nothing) and strain above 1000 µε raise alerts.
//
// Thread safety: opens its own SensorStore connection; call from a worker.

#include <string>
#include <vector>

#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/assets/scenario/ScenarioEngine.h"
#include "citytwin/geo/Result.h"
#include "citytwin/sensors/Reading.h"
#include "citytwin/sensors/SensorRegistry.h"

namespace citytwin::app {

/// The store sensor id of an asset's synthetic metric.
std::string scenarioSensorId(const std::string& assetId, const std::string& metric);

/// The store sensors a run's readings need (sorted by id).
std::vector<sensors::SensorInfo> scenarioSensors(const assets::ScenarioRun& run,
                                                 const assets::NetworkModel& network);

/// The run's readings as store readings (ingest time = sensor time: they are simulated).
std::vector<sensors::Reading> scenarioReadings(const assets::ScenarioRun& run);

/// Registers the scenario's sensors in the store at storePath (beside those
/// it has) and writes the readings; returns how many readings are new.
geo::Result<std::size_t> writeScenarioReadings(const std::string& storePath,
                                               const assets::ScenarioRun& run,
                                               const assets::NetworkModel& network);

}  // namespace citytwin::app
