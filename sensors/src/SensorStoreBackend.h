#pragma once
// The storage engine behind SensorStore: SQLite (a file) or PostgreSQL (a
// server). SensorStore forwards every call; each backend keeps the same
// contract (tests/sensors/TestSensorStore.cpp runs against both).

#include <algorithm>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "citytwin/sensors/SensorStore.h"

namespace citytwin::sensors {

inline constexpr TimeMs kMinuteMs = 60'000;
inline constexpr TimeMs kHourMs = 3'600'000;
inline constexpr TimeMs kDayMs = 86'400'000;

/// Floor division, so that times before 1970 land in the right period.
inline TimeMs periodStart(TimeMs t, TimeMs period) {
    TimeMs q = t / period;
    if (t % period != 0 && t < 0)
        --q;
    return q * period;
}

class SensorStoreBackend {
public:
    virtual ~SensorStoreBackend() = default;

    virtual const std::string& path() const = 0;
    virtual geo::Result<WriteSummary> write(std::span<const Reading> readings,
                                            std::span<const RejectedPayload> rejected,
                                            std::span<const StreamGap> gaps,
                                            std::span<const AlertEvent> alertEvents) = 0;
    virtual geo::Status saveRegistry(const SensorRegistry& registry) = 0;
    virtual geo::Status acknowledgeAlert(std::int64_t alertId, const std::string& operatorName,
                                         TimeMs atMs) = 0;
    virtual geo::Status applyRetention(TimeMs nowMs) = 0;
    virtual geo::Result<SensorRegistry> loadRegistry() = 0;
    virtual geo::Result<std::vector<HistoryPoint>> history(const std::string& sensorId,
                                                           const std::string& metric, TimeMs fromMs,
                                                           TimeMs toMs,
                                                           Aggregation aggregation) = 0;
    virtual geo::Result<std::vector<std::string>> metricsOf(const std::string& sensorId) = 0;
    virtual geo::Result<SceneState> sceneStateAt(TimeMs t) = 0;
    virtual geo::Result<std::vector<AlertRecord>> alerts(TimeMs fromMs, TimeMs toMs) = 0;
    virtual geo::Result<std::vector<AlertRecord>> openAlerts() = 0;
    virtual geo::Result<std::vector<StreamGap>> gaps() = 0;
    virtual geo::Result<std::vector<RejectedPayload>> rejected(std::size_t limit) = 0;
    virtual geo::Result<std::vector<Coverage>> coverage(TimeMs fromMs, TimeMs toMs,
                                                        TimeMs resolutionMs) = 0;
    virtual geo::Result<std::pair<TimeMs, TimeMs>> timeRange() = 0;
    virtual geo::Result<StoreStats> stats() = 0;
    virtual geo::Status integrityCheck() = 0;
    virtual bool quickCheckComplete() const = 0;
    virtual geo::Status markIngestAlive(TimeMs nowMs) = 0;
    virtual geo::Result<std::optional<TimeMs>> lastIngestAliveMs() = 0;
};

/// Count, sum, min, max and last value of the readings of one period.
struct Rollup {
    std::int64_t n = 0;
    double sum = 0, min = 0, max = 0;
    TimeMs lastTs = 0;
    double lastValue = 0;
    void add(TimeMs ts, double v) {
        if (n == 0) {
            min = max = v;
            lastTs = ts;
            lastValue = v;
        } else {
            min = std::min(min, v);
            max = std::max(max, v);
            if (ts >= lastTs) {
                lastTs = ts;
                lastValue = v;
            }
        }
        ++n;
        sum += v;
    }
};

/// The timeline's coverage walk, the same for both backends: `next(a, b)`
/// is the first period key with data in [a, b), `last(a)` the last one
/// before a; keys are period starts (hours) or minute numbers (minutes),
/// `unit` the period, `hours` which. Each returns false on a query error.
struct CoverageProbe {
    bool hours = true;
    TimeMs unit = kHourMs;
    std::function<bool(std::int64_t, std::int64_t, std::optional<std::int64_t>&)> next;
    std::function<bool(std::int64_t, std::optional<std::int64_t>&)> last;
};
/// nullopt on a query error.
std::optional<std::vector<Coverage>> walkCoverage(const CoverageProbe& probe, TimeMs fromMs,
                                                  TimeMs toMs, TimeMs resolutionMs);

}  // namespace citytwin::sensors
