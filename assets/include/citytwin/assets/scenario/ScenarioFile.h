#pragma once
// Reads and writes scenario JSON (docs/scenarios.md). Reading validates every
// field; an error names the file, the event index and the field as a JSON
// path ("events[3].track[2].lon"); nothing is half-loaded. Checking against a
// project (ids that must exist) is separate, so a file can be checked alone.

#include <string>
#include <string_view>

#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/assets/scenario/Scenario.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

geo::Result<Scenario> parseScenario(std::string_view text, const std::string& sourceName);
geo::Result<Scenario> loadScenario(const std::string& path);

/// Every id the scenario names exists in the network (cables, sites) and
/// every position lies within the cable's reach; errors name the event index.
geo::Status checkScenarioAgainst(const Scenario& scenario, const NetworkModel& network);

/// The scenario as JSON text that parseScenario reads back to the same value.
std::string writeScenario(const Scenario& scenario);

}  // namespace citytwin::assets
