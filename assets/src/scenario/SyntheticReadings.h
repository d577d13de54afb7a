#pragma once
// Private: the scenario sensors' readings. Only their noise depends on the
// seed: each (asset, metric) has its own std::mt19937_64, seeded from the
// scenario seed and a hash of the asset id and metric, mapped to [0, 1) by
// its top 53 bits (std's distributions differ between libraries).

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "citytwin/assets/scenario/ScenarioEngine.h"

namespace citytwin::assets::detail {

/// A reproducible stream of numbers in [0, 1) for one asset's metric.
class NoiseStream {
public:
    NoiseStream(std::uint64_t seed, const std::string& assetId, const std::string& metric);
    double next();

private:
    std::mt19937_64 _engine;
};

/// load_pct every step from start to end: 0 while !serving(t), else a noisy
/// baseline of 30 to 70 %.
std::vector<SyntheticReading> siteLoadReadings(const std::string& siteId, std::uint64_t seed,
                                               geo::TimeMs start, geo::TimeMs end, geo::TimeMs step,
                                               const std::function<bool(geo::TimeMs)>& serving);

/// strain_ue every step: 20 to 30 µε while intact, 0 while cut (no tension),
/// and a spike of 1500 to 2500 µε at each cut instant.
std::vector<SyntheticReading> cableStrainReadings(const std::string& cableId, std::uint64_t seed,
                                                  geo::TimeMs start, geo::TimeMs end,
                                                  geo::TimeMs step,
                                                  const std::vector<geo::TimeMs>& cuts,
                                                  const std::function<bool(geo::TimeMs)>& down);

}  // namespace citytwin::assets::detail
