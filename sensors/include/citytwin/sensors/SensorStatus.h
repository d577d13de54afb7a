#pragma once
// SensorStatus: what one sensor looks like on the map at one instant — its
// primary metric's latest value and a level (normal, near a threshold, in
// alert, stale, no data) — derived from a SceneState and the registry.
// Pure, so the GUI, the renderer and the tests agree on the colours' meaning.

#include <optional>
#include <string>
#include <vector>

#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/sensors/SensorStore.h"

namespace citytwin::sensors {

enum class SensorLevel {
    NoData,  ///< no reading at or before the time
    Normal,
    Near,   ///< within 10% of the threshold range from a threshold
    Alert,  ///< an alert of this sensor is active at the time
    Stale,  ///< the last reading is older than the sensor's stale_s
};

std::string_view toString(SensorLevel level);

struct SensorStatus {
    SensorLevel level = SensorLevel::NoData;
    std::optional<double> maybeValue;  ///< primary metric's latest value
    TimeMs valueTs = 0;                ///< when it was measured
    std::size_t activeAlerts = 0;
};

/// One status per registry sensor, in registry order.
std::vector<SensorStatus> sensorStatusesAt(const SensorRegistry& registry, const SceneState& state);

}  // namespace citytwin::sensors
