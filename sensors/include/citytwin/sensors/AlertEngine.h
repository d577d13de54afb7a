#pragma once
// Decides when a sensor is in alert: above/below a threshold, changing faster
// than max_rate, or silent longer than stale_s (SensorThresholds). Pure logic:
// no store, no clock of its own, so it is tested directly; the StoreWriter
// runs it on the readings it stores and persists the events.
//
// The rate of change is the slope from the newest reading at least a minute
// old (kRateWindowMs): between readings seconds apart, sensor noise would
// read as a steep trend (a 0.2-degree jitter every 5 s is 2.4 degrees a
// minute).
//
// Readings older than the latest already seen for a series (late arrivals)
// are stored but do not move the alert state: alerts follow the live edge.
// Thread safety: not thread-safe; one owner thread.

#include <deque>
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
        /// Readings of the last rate window, oldest first, plus the newest
        /// one older than the window: the rate's reference.
        std::deque<std::pair<TimeMs, double>> recent;
    };
    struct SensorState {
        bool seen = false;
        TimeMs lastIngestMs = 0;
    };
    using ActiveKey = std::pair<std::string, AlertKind>;  // sensor, kind
    static constexpr TimeMs kRateWindowMs = 60000;

    void setActive(const SensorInfo& s, AlertKind kind, bool active, const Reading& r, double limit,
                   std::string message, std::vector<AlertEvent>& out);
    /// Whether a high/low condition seen at `ts` should be active, given the
    /// sensor's on-delay: true once it has held that long, or while active.
    bool heldLongEnough(const SensorInfo& s, AlertKind kind, bool condition, TimeMs ts);

    SensorRegistry _registry;
    std::map<std::string, SeriesState> _series;  // registered sensor's metric
    std::map<std::string, SensorState> _sensors;
    std::map<ActiveKey, bool> _active;
    std::map<ActiveKey, TimeMs> _conditionSince;  ///< high/low held, not yet raised
    TimeMs _startMs = 0;
};

}  // namespace citytwin::sensors
