#pragma once
// The kinds of city sensor citytwin knows, with their usual metric and unit.

#include <optional>
#include <span>
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
/// The metric name a sensor of this kind reports by default, e.g. "pm25".
std::string_view defaultMetric(SensorKind kind);
/// Every kind, in declaration order.
std::span<const SensorKind> allSensorKinds();

}  // namespace citytwin::sensors
