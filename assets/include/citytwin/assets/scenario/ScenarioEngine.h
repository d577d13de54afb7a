#pragma once
// Computes a scenario's event log from the project, the scenario and its seed:
// failures and repairs, backhaul and coverage lost and regained (with the
// cause chain), excavations entering protection zones (SH-24-2, to the
// second), vessels anchoring in submarine zones (SH-24-3 / SCP-8),
// interference (SH-24-4), typhoon exposure (SH-25) and the scenario sensors'
// readings. Deterministic: the same inputs give the same log bytes for any
// thread count. The seed drives only the synthetic readings' noise.
//
// Thread safety: run() is const; one engine may run several scenarios at once.

#include <string>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/assets/scenario/EventLog.h"
#include "citytwin/assets/scenario/Scenario.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

/// A synthetic reading of a scenario sensor. assetId is the site or cable it
/// measures; app/ binds it to a sensor id of the store.
struct SyntheticReading {
    std::string assetId;
    std::string metric;  ///< "load_pct" (sites), "strain_ue" (cables)
    geo::TimeMs t = 0;
    double value = 0;
};

/// Where synthetic readings go (the app's sensor store). assets does not know sensors.
class SyntheticReadingSink {
public:
    virtual ~SyntheticReadingSink() = default;
    virtual void accept(const SyntheticReading& reading) = 0;
};

/// The lost coverage from time t until the next snapshot.
struct CoverageSnapshot {
    geo::TimeMs t = 0;
    CoverageLoss loss;
};

struct ScenarioRun {
    std::vector<LogEntry> log;               ///< logOrderLess order
    std::vector<CoverageSnapshot> coverage;  ///< time-ordered, first at scenario start
    std::vector<SyntheticReading> readings;  ///< time-ordered
    std::string sha256;                      ///< eventLogSha256(log)
};

struct EngineOptions {
    unsigned threads = 1;                ///< 0: hardware concurrency
    geo::TimeMs readingStepMs = 600000;  ///< synthetic readings every 10 min for affected assets
};

class ScenarioEngine {
public:
    ScenarioEngine(const AssetProject& project, const RuleSet& rules, const NetworkModel& network,
                   EngineOptions options = {});
    /// Errors: the scenario names something the project lacks (checkScenarioAgainst).
    geo::Result<ScenarioRun> run(const Scenario& scenario,
                                 SyntheticReadingSink* sink = nullptr) const;

private:
    const AssetProject& _project;
    const RuleSet& _rules;
    const NetworkModel& _network;
    EngineOptions _options;
};

}  // namespace citytwin::assets
