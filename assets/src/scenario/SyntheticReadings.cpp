#include "SyntheticReadings.h"

#include <algorithm>

namespace citytwin::assets::detail {
namespace {

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

/// splitmix64's finaliser: spreads nearby seeds apart.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

}  // namespace

NoiseStream::NoiseStream(std::uint64_t seed, const std::string& assetId, const std::string& metric)
    : _engine(mix(seed ^ mix(fnv1a(assetId + "\n" + metric)))) {}

double NoiseStream::next() {
    // mt19937_64's sequence is fixed by the standard; the mapping is ours.
    return static_cast<double>(_engine() >> 11) * 0x1.0p-53;
}

std::vector<SyntheticReading> siteLoadReadings(const std::string& siteId, std::uint64_t seed,
                                               geo::TimeMs start, geo::TimeMs end, geo::TimeMs step,
                                               const std::function<bool(geo::TimeMs)>& serving) {
    std::vector<SyntheticReading> out;
    NoiseStream noise(seed, siteId, "load_pct");
    for (geo::TimeMs t = start; t <= end; t += step) {
        const double u = noise.next();  // drawn every step, so the stream stays aligned
        out.push_back({siteId, "load_pct", t, serving(t) ? 30.0 + 40.0 * u : 0.0});
    }
    return out;
}

std::vector<SyntheticReading> cableStrainReadings(const std::string& cableId, std::uint64_t seed,
                                                  geo::TimeMs start, geo::TimeMs end,
                                                  geo::TimeMs step,
                                                  const std::vector<geo::TimeMs>& cuts,
                                                  const std::function<bool(geo::TimeMs)>& down) {
    std::vector<SyntheticReading> out;
    NoiseStream noise(seed, cableId, "strain_ue");
    std::vector<geo::TimeMs> spikes = cuts;
    std::sort(spikes.begin(), spikes.end());
    spikes.erase(std::unique(spikes.begin(), spikes.end()), spikes.end());
    for (geo::TimeMs t = start; t <= end; t += step) {
        const double u = noise.next();
        // The cut's own reading is the spike (below), not the slack after it.
        if (!std::binary_search(spikes.begin(), spikes.end(), t))
            out.push_back({cableId, "strain_ue", t, down(t) ? 0.0 : 20.0 + 10.0 * u});
    }
    NoiseStream spikeNoise(seed, cableId, "strain_ue spike");
    for (const auto t : spikes)
        if (t >= start && t <= end)
            out.push_back({cableId, "strain_ue", t, 1500.0 + 1000.0 * spikeNoise.next()});
    std::stable_sort(
        out.begin(), out.end(),
        [](const SyntheticReading& a, const SyntheticReading& b) { return a.t < b.t; });
    return out;
}

}  // namespace citytwin::assets::detail
