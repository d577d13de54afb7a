#pragma once
// Decides when a sensor is in alert: above/below a threshold, changing faster
// than max_rate, or silent longer than stale_s (SensorThresholds). Pure logic:
// no store, no clock of its own, so it is tested directly; the StoreWriter
// runs it on the readings it stores and persists the events.
//
// Readings older than the latest already seen for a series (late arrivals)
// are stored but do not move the alert state: alerts follow the live edge.
// Thread safety: not thread-safe; one owner thread.

#include <map>
#include <vector>

#include "citytwin/sensors/Alert.h"
#include "citytwin/sensors/SensorRegistry.h"

namespace citytwin::sensors {

class AlertEngine {
public:
    explicit AlertEngine(SensorRegistry registry);

    /// Evaluates one reading (of any metric; rules apply to the sensor's
    /// registered metric). Returns the raise/clear events it causes.
    std::vector<AlertEvent> onReading(const Reading& reading);

    /// Raises Stale for registered sensors with stale_s silent for longer
    /// than that at ingest time nowMs (sensors never heard from count from
    /// the engine's start, startMs).
    std::vector<AlertEvent> checkStaleness(TimeMs nowMs);

    /// Marks alerts already open in the store as active (after a restart),
    /// so they are cleared, not raised again.
    void restoreOpenAlerts(const std::vector<AlertRecord>& open);

    /// Ingest time from which never-heard sensors count as silent.
    void setStartMs(TimeMs startMs) { _startMs = startMs; }

    const SensorRegistry& registry() const { return _registry; }
    std::size_t activeCount() const;

private:
    struct SeriesState {
        bool seen = false;
        TimeMs lastTs = 0;
        double lastValue = 0.0;
    };
    struct SensorState {
        bool seen = false;
        TimeMs lastIngestMs = 0;
    };
    using ActiveKey = std::pair<std::string, AlertKind>;  // sensor, kind

    void setActive(const SensorInfo& s, AlertKind kind, bool active, const Reading& r, double limit,
                   std::string message, std::vector<AlertEvent>& out);

    SensorRegistry _registry;
    std::map<std::string, SeriesState> _series;  // registered sensor's metric
    std::map<std::string, SensorState> _sensors;
    std::map<ActiveKey, bool> _active;
    TimeMs _startMs = 0;
};

}  // namespace citytwin::sensors
