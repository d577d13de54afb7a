#include "citytwin/sensors/SensorKind.h"

#include <array>
#include <utility>

namespace citytwin::sensors {
namespace {
struct KindInfo {
    SensorKind kind;
    std::string_view name;
    std::string_view unit;
    std::string_view metric;
};
constexpr std::array<KindInfo, 8> kKinds{{
    {SensorKind::AirQuality, "air_quality", "ug/m3", "pm25"},
    {SensorKind::Noise, "noise", "dB(A)", "noise_db"},
    {SensorKind::TrafficCount, "traffic_count", "vehicles/min", "vehicles"},
    {SensorKind::WaterLevel, "water_level", "m", "level_m"},
    {SensorKind::ManholeCover, "manhole_cover", "state", "open"},
    {SensorKind::BaseStationLoad, "base_station_load", "%", "load_pct"},
    {SensorKind::CableTemperature, "cable_temperature", "degC", "temp_c"},
    {SensorKind::CableStrain, "cable_strain", "microstrain", "strain_ue"},
}};
constexpr std::array<SensorKind, 8> kAll{
    SensorKind::AirQuality,       SensorKind::Noise,        SensorKind::TrafficCount,
    SensorKind::WaterLevel,       SensorKind::ManholeCover, SensorKind::BaseStationLoad,
    SensorKind::CableTemperature, SensorKind::CableStrain,
};

const KindInfo* find(SensorKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind)
            return &k;
    return nullptr;
}
}  // namespace

std::string_view toString(SensorKind kind) {
    const auto* info = find(kind);
    return info ? info->name : "unknown";
}

std::optional<SensorKind> parseSensorKind(std::string_view text) {
    for (const auto& k : kKinds)
        if (k.name == text)
            return k.kind;
    return std::nullopt;
}

std::string_view defaultUnit(SensorKind kind) {
    const auto* info = find(kind);
    return info ? info->unit : "";
}

std::string_view defaultMetric(SensorKind kind) {
    const auto* info = find(kind);
    return info ? info->metric : "value";
}

std::span<const SensorKind> allSensorKinds() {
    return kAll;
}

}  // namespace citytwin::sensors
