#pragma once
// The kinds of city sensor citytwin knows, with their usual unit.

#include <optional>
#include <string_view>

namespace citytwin::sensors {

enum class SensorKind {
    AirQuality,
    Noise,
    TrafficCount,
    WaterLevel,
    ManholeCover,
    BaseStationLoad,
    CableTemperature,
    CableStrain,
};

/// Stable identifier used in files and databases, e.g. "air_quality".
std::string_view toString(SensorKind kind);
std::optional<SensorKind> parseSensorKind(std::string_view text);
/// The unit a reading of this kind is given in by default, e.g. "ug/m3".
std::string_view defaultUnit(SensorKind kind);

}  // namespace citytwin::sensors
