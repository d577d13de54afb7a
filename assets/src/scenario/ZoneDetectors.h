#pragma once
// Private: the scenario engine's geometric detectors. Each runs over one
// moving thing (an excavation, a vessel, a typhoon) and returns its log
// entries and, for typhoon damage, the cables it brings down. Times are
// resolved to the whole second: the predicate is sampled every step and
// each change of state is bisected to the first second of the new state.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/scenario/EventLog.h"
#include "citytwin/assets/scenario/Scenario.h"

namespace citytwin::assets::detail {

/// Whole seconds since the epoch where a predicate holds: [begin, end).
struct SecondInterval {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

/// The intervals of [first, last] (whole seconds) where holds(s) is true,
/// sampling every stepS seconds and bisecting each change to the second.
/// A state shorter than the step between two samples of the other state is
/// not seen (docs/scenarios.md gives the steps).
std::vector<SecondInterval> intervalsWhere(const std::function<bool(std::int64_t)>& holds,
                                           std::int64_t first, std::int64_t last,
                                           std::int64_t stepS);

/// Sampling steps (seconds) of the detectors.
inline constexpr std::int64_t kExcavationStepS = 10;
inline constexpr std::int64_t kVesselStepS = 5;
inline constexpr std::int64_t kTyphoonStepS = 60;

/// zone_entered / zone_left of one excavation against every land cable's
/// protection range (SH-24-2, SH-19).
std::vector<LogEntry> detectExcavation(const ExcavationEvent& e, std::size_t eventIndex,
                                       const std::vector<Cable>& cables, const RuleSet& rules,
                                       geo::TimeMs scenarioEnd);

/// zone_entered / zone_left / anchoring_in_zone of one vessel against every
/// submarine cable's zone (SCP-7; SCP-8 and SH-24-3 for anchoring).
std::vector<LogEntry> detectVessel(const VesselEvent& e, std::size_t eventIndex,
                                   const std::vector<Cable>& cables, const RuleSet& rules);

struct CableDamage {
    std::string cableId;
    geo::TimeMs at = 0;
    std::optional<geo::TimeMs> maybeRepairAt;
    double windMs = 0;
};

struct TyphoonResult {
    std::vector<LogEntry> entries;    ///< typhoon_exposure
    std::vector<CableDamage> damage;  ///< aerial cables brought down (sorted by cable)
};

/// typhoon_exposure of aerial cables (SH-25) and the damage that follows
/// when damage_wind_ms is set.
TyphoonResult detectTyphoon(const TyphoonEvent& e, std::size_t eventIndex,
                            const std::vector<Cable>& cables, const RuleSet& rules,
                            geo::TimeMs scenarioEnd);

/// "POLYGON ((x y, ...))" / "MULTIPOLYGON (...)" with 7 decimals (the log's precision).
std::string polygonsToWkt(const std::vector<geo::Polygon>& polygons);

}  // namespace citytwin::assets::detail
