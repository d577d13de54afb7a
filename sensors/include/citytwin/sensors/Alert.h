#pragma once
// Alerts: what the AlertEngine raises and clears, and what the store keeps.

#include <optional>
#include <string>

#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

enum class AlertKind {
    High,          ///< value above the high threshold
    Low,           ///< value below the low threshold
    RateOfChange,  ///< |change per minute| above max_rate
    Stale,         ///< sensor silent longer than stale_s
};

std::string_view toString(AlertKind kind);
std::optional<AlertKind> parseAlertKind(std::string_view text);

/// A change of alert state, produced by the AlertEngine.
struct AlertEvent {
    enum class Type { Raised, Cleared };
    Type type = Type::Raised;
    AlertKind kind = AlertKind::High;
    std::string sensorId;
    std::string metric;  ///< empty for Stale (a sensor-wide alert)
    TimeMs at = 0;       ///< sensor time of the reading, or ingest clock for Stale
    double value = 0.0;  ///< the offending value (Stale: seconds silent)
    double limit = 0.0;  ///< the threshold crossed
    std::string message;
};

/// An alert as persisted: raised, maybe cleared, maybe acknowledged.
struct AlertRecord {
    std::int64_t id = 0;
    AlertKind kind = AlertKind::High;
    std::string sensorId;
    std::string metric;
    TimeMs raisedMs = 0;
    std::optional<TimeMs> maybeClearedMs;
    std::optional<TimeMs> maybeAckMs;
    std::string ackBy;  ///< operator name, empty until acknowledged
    double value = 0.0;
    double limit = 0.0;
    std::string message;

    bool isActiveAt(TimeMs t) const {
        return raisedMs <= t && (!maybeClearedMs || *maybeClearedMs > t);
    }
};

}  // namespace citytwin::sensors
