#pragma once
// The scenario engine's output: a time-ordered event log, written as JSON
// Lines in a canonical form (keys sorted, fixed number formatting, UTC times
// to the millisecond) whose SHA-256 identifies the run. Contract in
// docs/scenarios.md: every line has t, event, id; rule and related where a
// rule applies; backhaul_lost has cause.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/IsoTime.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

enum class LogEventKind {
    ScenarioStart,
    CableDown,
    CableUp,
    SiteDown,
    SiteUp,
    PowerLost,  ///< a site on battery
    BackhaulLost,
    BackhaulRestored,
    CoverageLost,
    CoverageRestored,
    ZoneEntered,
    ZoneLeft,
    AnchoringInZone,
    Interference,
    InterferenceEnded,
    TyphoonExposure,
    SensorFault,
    SensorRestored,
    SensorReading,
    ScenarioEnd,
};

/// "cable_down", "backhaul_lost", ... (the log's `event` values).
std::string_view toString(LogEventKind kind);
std::optional<LogEventKind> parseLogEventKind(std::string_view text);

struct LogEntry {
    geo::TimeMs t = 0;
    LogEventKind kind = LogEventKind::ScenarioStart;
    std::string id;                    ///< what the entry is about
    std::string rule;                  ///< rule code (rulecodes::), empty when none applies
    std::vector<std::string> rules;    ///< every rule code cited (rule first), may be empty
    std::vector<std::string> related;  ///< ids of related elements, sorted
    std::vector<std::string> cause;    ///< backhaul_lost: failed elements, sorted
    std::string operatorName;          ///< the affected element's operator
    std::optional<geo::GeoPoint> maybePosition;  ///< cut point, vessel, entry point
    std::optional<double> maybeAreaKm2;          ///< coverage entries
    std::string wkt;                             ///< coverage area / excavation polygon
    std::string metric;                          ///< sensor_reading
    std::optional<double> maybeValue;            ///< sensor_reading value, wind, distance
    std::optional<double> maybeZoneHalfWidthM;   ///< zone entries, anchoring
    std::optional<double> maybeDurationS;        ///< how long a state lasted (anchoring, outage)
    std::string detail;                          ///< short English text for people
    std::size_t scenarioEvent = 0;  ///< index into Scenario::events that caused it (start/end: 0)
};

/// Log order: by t, then kind (enum order), then id: the same on every run.
bool logOrderLess(const LogEntry& a, const LogEntry& b);

/// value with exactly `decimals` decimals, no exponent, no locale, never "-0".
std::string formatFixed(double value, int decimals);

/// One canonical JSON object, no trailing newline.
std::string toJsonLine(const LogEntry& entry);
/// Every entry, one per line, each ending in '\n'.
std::string writeEventLog(const std::vector<LogEntry>& log);
/// SHA-256 (hex) of writeEventLog(log).
std::string eventLogSha256(const std::vector<LogEntry>& log);
/// Reads a log written by writeEventLog (errors name the line).
geo::Result<std::vector<LogEntry>> parseEventLog(std::string_view text,
                                                 const std::string& sourceName);

}  // namespace citytwin::assets
