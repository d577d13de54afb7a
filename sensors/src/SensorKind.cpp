#include "citytwin/sensors/SensorKind.h"

#include <array>
#include <utility>

namespace citytwin::sensors {
namespace {
struct KindInfo {
    SensorKind kind;
    std::string_view name;
    std::string_view unit;
};
constexpr std::array<KindInfo, 8> kKinds{{
    {SensorKind::AirQuality, "air_quality", "ug/m3"},
    {SensorKind::Noise, "noise", "dB(A)"},
    {SensorKind::TrafficCount, "traffic_count", "vehicles/min"},
    {SensorKind::WaterLevel, "water_level", "m"},
    {SensorKind::ManholeCover, "manhole_cover", "state"},
    {SensorKind::BaseStationLoad, "base_station_load", "%"},
    {SensorKind::CableTemperature, "cable_temperature", "degC"},
    {SensorKind::CableStrain, "cable_strain", "microstrain"},
}};
}  // namespace

std::string_view toString(SensorKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.name;
    return "unknown";
}

std::optional<SensorKind> parseSensorKind(std::string_view text) {
    for (const auto& k : kKinds)
        if (k.name == text) return k.kind;
    return std::nullopt;
}

std::string_view defaultUnit(SensorKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.unit;
    return "";
}

}  // namespace citytwin::sensors
