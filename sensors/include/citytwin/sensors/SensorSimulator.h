#pragma once
// SensorSimulator: plausible readings for every kind of city sensor, with the
// daily rhythm of Shanghai (UTC+8): rush-hour traffic, noise and PM2.5 peaks,
// semi-diurnal tide in the rivers, base-station load following the working
// day, cables warming with load, rare manhole-cover openings.
//
// Deterministic: a reading is a pure function of (seed, sensor id, time), so
// two runs with the same seed produce the same values whatever the pacing.
// Thread safety: const methods may be called concurrently.

#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/sensors/Reading.h"
#include "citytwin/sensors/SensorRegistry.h"

namespace citytwin::sensors {

class SensorSimulator {
public:
    SensorSimulator(SensorRegistry registry, std::uint64_t seed);

    /// n synthetic sensors of all kinds spread over central Shanghai
    /// (121.480-121.521 E, 31.226-31.251 N), ids "sim-00001"..., with thresholds.
    static SensorRegistry syntheticRegistry(std::size_t n, std::uint64_t seed);

    /// The readings of sensor `index` (all its kind's metrics) at time t,
    /// stamped ts = t and ingestMs = t.
    std::vector<Reading> sample(std::size_t index, TimeMs t) const;
    /// One value of the sensor's metric at t.
    double value(std::size_t index, const std::string& metric, TimeMs t) const;
    /// The metrics a sensor of this index reports.
    std::vector<std::string> metricsOf(std::size_t index) const;

    /// The MQTT payload of one sensor's readings at one time (see PayloadParser).
    static std::string toPayload(const std::vector<Reading>& readingsOfOneSensor);

    const SensorRegistry& registry() const { return _registry; }
    std::size_t size() const { return _registry.size(); }
    std::uint64_t seed() const { return _seed; }

private:
    SensorRegistry _registry;
    std::uint64_t _seed;
    std::vector<std::uint64_t> _sensorHashes;
};

}  // namespace citytwin::sensors
