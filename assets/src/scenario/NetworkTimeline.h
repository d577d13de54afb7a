#pragma once
// Private: the network's state through a scenario. Failures and repairs are
// applied in time order; at every instant where something changed, backhaul
// (computeBackhaul) and lost coverage (computeCoverageLoss) are recomputed
// (the instants in parallel: each depends only on the failures then) and the
// differences from the previous instant become backhaul_lost /
// backhaul_restored / coverage_lost / coverage_restored entries.

#include <cstddef>
#include <string>
#include <vector>

#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/assets/scenario/EventLog.h"
#include "citytwin/assets/scenario/ScenarioEngine.h"

namespace citytwin::assets::detail {

/// Something failing (down) or being repaired (up) at t.
struct FailureChange {
    geo::TimeMs t = 0;
    std::size_t scenarioEvent = 0;
    bool down = true;
    std::vector<std::size_t> edges;
    std::vector<std::size_t> nodes;
    std::string elementId;  ///< the cable or site, for backhaul_restored's related
    LogEntry entry;         ///< the cable_down / cable_up / site_down / site_up line
};

/// The network after the changes at t.
struct NetworkStep {
    geo::TimeMs t = 0;
    std::vector<bool> serving;  ///< per node: an in-service site, up, with backhaul
    CoverageLoss coverage;
};

struct NetworkTimeline {
    std::vector<NetworkStep> steps;  ///< first at the scenario's start (nothing failed)
    std::vector<LogEntry> entries;   ///< the changes' own entries and the derived ones

    /// The step in force at t (the last one at or before it).
    const NetworkStep& at(geo::TimeMs t) const;
};

NetworkTimeline computeNetworkTimeline(const NetworkModel& network,
                                       std::vector<FailureChange> changes, geo::TimeMs start,
                                       unsigned threads);

}  // namespace citytwin::assets::detail
