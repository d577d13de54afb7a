#include "citytwin/sensors/SensorStatus.h"

#include <cmath>
#include <unordered_map>

namespace citytwin::sensors {

std::string_view toString(SensorLevel level) {
    switch (level) {
        case SensorLevel::NoData:
            return "no_data";
        case SensorLevel::Normal:
            return "normal";
        case SensorLevel::Near:
            return "near";
        case SensorLevel::Alert:
            return "alert";
        case SensorLevel::Stale:
            return "stale";
    }
    return "no_data";
}

namespace {

/// Near a threshold: within 10% of the normal band's width (or of the
/// threshold's magnitude when only one side is set).
bool nearThreshold(const SensorThresholds& th, double v) {
    double margin = 0.0;
    if (th.low && th.high)
        margin = 0.1 * (*th.high - *th.low);
    else if (th.high)
        margin = 0.1 * std::abs(*th.high);
    else if (th.low)
        margin = 0.1 * std::abs(*th.low);
    return (th.high && v > *th.high - margin) || (th.low && v < *th.low + margin);
}

}  // namespace

std::vector<SensorStatus> sensorStatusesAt(const SensorRegistry& registry,
                                           const SceneState& state) {
    // Index the state once: a registry of 10,000 sensors against a state of
    // 10,000+ series must stay linear.
    std::unordered_map<std::string, const SeriesValue*> latestBySensorMetric;
    std::unordered_map<std::string, const SeriesValue*> latestBySensor;
    latestBySensorMetric.reserve(state.values.size());
    for (const SeriesValue& v : state.values) {
        latestBySensorMetric[v.sensorId + '\n' + v.metric] = &v;
        auto& any = latestBySensor[v.sensorId];
        if (!any || v.ts > any->ts)
            any = &v;
    }
    std::unordered_map<std::string, std::size_t> alertsBySensor;
    for (const AlertRecord& a : state.activeAlerts)
        if (a.isActiveAt(state.time))
            ++alertsBySensor[a.sensorId];

    std::vector<SensorStatus> out;
    out.reserve(registry.size());
    for (const SensorInfo& s : registry.sensors()) {
        SensorStatus st;
        const SeriesValue* v = nullptr;
        if (auto it = latestBySensorMetric.find(s.id + '\n' + s.metric);
            it != latestBySensorMetric.end())
            v = it->second;
        const SeriesValue* newest = nullptr;
        if (auto it = latestBySensor.find(s.id); it != latestBySensor.end())
            newest = it->second;
        if (v) {
            st.maybeValue = v->value;
            st.valueTs = v->ts;
        }
        if (auto it = alertsBySensor.find(s.id); it != alertsBySensor.end())
            st.activeAlerts = it->second;

        if (st.activeAlerts > 0)
            st.level = SensorLevel::Alert;
        else if (!newest)
            st.level = SensorLevel::NoData;
        else if (s.thresholds.staleAfterSeconds && static_cast<double>(state.time - newest->ts) >
                                                       *s.thresholds.staleAfterSeconds * 1000.0)
            st.level = SensorLevel::Stale;
        else if (v && nearThreshold(s.thresholds, v->value))
            st.level = SensorLevel::Near;
        else
            st.level = SensorLevel::Normal;
        out.push_back(std::move(st));
    }
    return out;
}

}  // namespace citytwin::sensors
