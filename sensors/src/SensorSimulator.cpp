#include "citytwin/sensors/SensorSimulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace citytwin::sensors {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr TimeMs kShanghaiOffsetMs = 8LL * 3600 * 1000;

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hashString(const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (const unsigned char c : s)
        h = (h ^ c) * 1099511628211ULL;
    return h;
}

/// Uniform in [0, 1) from a key.
double unit(std::uint64_t key) {
    return static_cast<double>(splitmix(key) >> 11) * 0x1.0p-53;
}

/// Smooth noise in [-1, 1] varying over `scaleMs`, a pure function of t.
double smoothNoise(std::uint64_t key, TimeMs t, TimeMs scaleMs) {
    const TimeMs cell = t >= 0 ? t / scaleMs : (t - scaleMs + 1) / scaleMs;
    const double f = static_cast<double>(t - cell * scaleMs) / static_cast<double>(scaleMs);
    const double a = unit(key ^ splitmix(static_cast<std::uint64_t>(cell)));
    const double b = unit(key ^ splitmix(static_cast<std::uint64_t>(cell + 1)));
    const double s = f * f * (3 - 2 * f);
    return (a + (b - a) * s) * 2.0 - 1.0;
}

/// Per-sample jitter in [-1, 1].
double jitter(std::uint64_t key, TimeMs t) {
    return unit(key ^ splitmix(static_cast<std::uint64_t>(t) * 0x2545f4914f6cdd1dULL)) * 2.0 - 1.0;
}

/// Hours since local (Shanghai) midnight, [0, 24).
double localHour(TimeMs t) {
    const TimeMs local = t + kShanghaiOffsetMs;
    const TimeMs inDay = ((local % 86400000) + 86400000) % 86400000;
    return static_cast<double>(inDay) / 3600000.0;
}

TimeMs localDay(TimeMs t) {
    const TimeMs local = t + kShanghaiOffsetMs;
    return local >= 0 ? local / 86400000 : (local - 86399999) / 86400000;
}

/// A bump centred on hour h0 of width w hours (wrapping around midnight).
double bump(double h, double h0, double w) {
    double d = std::fabs(h - h0);
    d = std::min(d, 24.0 - d);
    return std::exp(-0.5 * (d / w) * (d / w));
}

/// 0 at night, 1 in the working day, smooth edges.
double daytime(double h) {
    auto sig = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
    return sig((h - 7.0) * 2.0) * sig((22.5 - h) * 2.0);
}

std::string metricOrDefault(const SensorInfo& s) {
    return s.metric.empty() ? std::string(defaultMetric(s.kind)) : s.metric;
}

}  // namespace

SensorSimulator::SensorSimulator(SensorRegistry registry, std::uint64_t seed)
    : _registry(std::move(registry)), _seed(seed) {
    _sensorHashes.reserve(_registry.size());
    for (const auto& s : _registry.sensors())
        _sensorHashes.push_back(splitmix(hashString(s.id) ^ splitmix(seed)));
}

SensorRegistry SensorSimulator::syntheticRegistry(std::size_t n, std::uint64_t seed) {
    SensorRegistry registry;
    const auto kinds = allSensorKinds();
    for (std::size_t i = 0; i < n; ++i) {
        SensorInfo s;
        char id[32];
        std::snprintf(id, sizeof id, "sim-%05zu", i + 1);
        s.id = id;
        s.kind = kinds[i % kinds.size()];
        const std::uint64_t h = splitmix(seed * 7919 + i);
        s.position = {121.480 + 0.041 * unit(h), 31.226 + 0.025 * unit(h ^ 0x5bd1e995), 0.0};
        s.metric = std::string(defaultMetric(s.kind));
        s.unit = std::string(defaultUnit(s.kind));
        s.thresholds.staleAfterSeconds = 600;
        switch (s.kind) {
            case SensorKind::AirQuality:
                s.thresholds.high = 75;
                break;
            case SensorKind::Noise:
                s.thresholds.high = 70;
                break;
            case SensorKind::TrafficCount:
                s.thresholds.high = 60;
                break;
            case SensorKind::WaterLevel:
                s.thresholds.high = 4.2;
                s.thresholds.low = 0.8;
                break;
            case SensorKind::ManholeCover:
                s.thresholds.high = 0.5;
                break;
            case SensorKind::BaseStationLoad:
                s.thresholds.high = 90;
                break;
            case SensorKind::CableTemperature:
                s.thresholds.high = 70;
                s.thresholds.maxRatePerMinute = 2;
                break;
            case SensorKind::CableStrain:
                s.thresholds.high = 400;
                s.thresholds.maxRatePerMinute = 50;
                break;
        }
        registry.add(std::move(s));
    }
    return registry;
}

std::vector<std::string> SensorSimulator::metricsOf(std::size_t index) const {
    const auto& s = _registry.sensors().at(index);
    std::vector<std::string> metrics{metricOrDefault(s)};
    if (s.kind == SensorKind::AirQuality)
        metrics.push_back("pm10");
    if (s.kind == SensorKind::ManholeCover)
        metrics.push_back("tilt_deg");
    return metrics;
}

double SensorSimulator::value(std::size_t index, const std::string& metric, TimeMs t) const {
    const auto& s = _registry.sensors().at(index);
    const std::uint64_t k = _sensorHashes.at(index) ^ hashString(metric);
    const double site = unit(_sensorHashes[index]);  // a fixed trait of the site, [0, 1)
    const double h = localHour(t);
    const bool primary = metric == metricOrDefault(s);
    switch (s.kind) {
        case SensorKind::AirQuality: {
            // Traffic peaks plus slow weather-driven swings (hours to days).
            const double base = 22.0 + 20.0 * site;
            double pm25 = base * (1.0 + 0.45 * bump(h, 8.5, 1.5) + 0.6 * bump(h, 19.0, 2.0)) +
                          18.0 * smoothNoise(_sensorHashes[index] ^ 0xa1, t, 6 * 3600000) +
                          6.0 * smoothNoise(_sensorHashes[index] ^ 0xa2, t, 1800000) +
                          1.5 * jitter(k, t);
            pm25 = std::max(2.0, pm25);
            return primary ? pm25 : std::max(4.0, pm25 * (1.5 + 0.2 * site) + 2.0 * jitter(k, t));
        }
        case SensorKind::Noise:
            return 43.0 + 8.0 * site + 17.0 * daytime(h) + 4.0 * bump(h, 8.0, 1.0) +
                   3.0 * bump(h, 18.0, 1.2) + 2.0 * smoothNoise(k, t, 600000) + 2.5 * jitter(k, t);
        case SensorKind::TrafficCount: {
            const double v =
                (6.0 + 30.0 * site) *
                    (0.15 + 0.6 * daytime(h) + 0.9 * bump(h, 8.0, 1.1) + 0.8 * bump(h, 18.0, 1.4)) *
                    (1.0 + 0.15 * smoothNoise(k, t, 900000)) +
                3.0 * jitter(k, t);
            return std::max(0.0, std::round(v));
        }
        case SensorKind::WaterLevel: {
            // Semi-diurnal tide of the Huangpu (M2, 12.42 h) and a spring-neap swing.
            const double days = static_cast<double>(t) / 86400000.0;
            const double m2 = std::sin(2 * kPi * (days * 24.0 / 12.4206) + 6.28 * site);
            const double springNeap = 1.0 + 0.3 * std::sin(2 * kPi * days / 14.77);
            return std::round((2.6 + 1.1 * m2 * springNeap + 0.15 * smoothNoise(k, t, 3 * 3600000) +
                               0.01 * jitter(k, t)) *
                              1000.0) /
                   1000.0;
        }
        case SensorKind::ManholeCover: {
            // About one opening in ten days per cover, for 10-40 minutes.
            const TimeMs day = localDay(t);
            const std::uint64_t dk =
                _sensorHashes[index] ^ splitmix(static_cast<std::uint64_t>(day));
            const bool eventDay = unit(dk) < 0.1;
            const double start = 8.0 + 10.0 * unit(dk ^ 1);
            const double length = (10.0 + 30.0 * unit(dk ^ 2)) / 60.0;
            const bool open = eventDay && h >= start && h < start + length;
            if (primary)
                return open ? 1.0 : 0.0;
            return open ? 35.0 + 20.0 * unit(dk ^ 3) : std::fabs(0.3 * jitter(k, t));
        }
        case SensorKind::BaseStationLoad: {
            const double v = 12.0 +
                             (45.0 + 25.0 * site) * (0.35 * daytime(h) + 0.5 * bump(h, 12.5, 2.0) +
                                                     0.65 * bump(h, 20.5, 1.8)) +
                             6.0 * smoothNoise(k, t, 1200000) + 2.0 * jitter(k, t);
            return std::clamp(v, 0.0, 100.0);
        }
        case SensorKind::CableTemperature:
            // Follows the load with a lag of about two hours (wrapped: no
            // step at midnight, which read as a 5-degree jump in a minute).
            return 24.0 + 4.0 * site +
                   14.0 * (0.5 * daytime(std::fmod(h + 22.0, 24.0)) + 0.6 * bump(h, 22.0, 2.5)) +
                   1.0 * smoothNoise(k, t, 1800000) + 0.1 * jitter(k, t);
        case SensorKind::CableStrain:
            return 150.0 + 60.0 * site + 25.0 * std::sin(2 * kPi * (h - 15.0) / 24.0) +
                   10.0 * smoothNoise(k, t, 3600000) + 3.0 * jitter(k, t);
    }
    return 0.0;
}

std::vector<Reading> SensorSimulator::sample(std::size_t index, TimeMs t) const {
    const auto& s = _registry.sensors().at(index);
    std::vector<Reading> out;
    for (const auto& metric : metricsOf(index))
        out.push_back(Reading{s.id, metric, t, value(index, metric, t), t});
    return out;
}

std::string SensorSimulator::toPayload(const std::vector<Reading>& readings) {
    nlohmann::json payload;
    if (readings.empty())
        return "{}";
    payload["sensor"] = readings.front().sensorId;
    payload["ts"] = readings.front().ts;
    auto& values = payload["values"];
    values = nlohmann::json::object();
    for (const auto& r : readings)
        values[r.metric] = r.value;
    return payload.dump();
}

}  // namespace citytwin::sensors
