#pragma once
// A scenario (docs/scenarios.md, schema version 1): timed incidents over a
// project. Times are epoch milliseconds (UTC); positions WGS 84 degrees.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "citytwin/assets/AssetEnums.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/IsoTime.h"

namespace citytwin::assets {

struct CableCutEvent {
    geo::TimeMs at = 0;
    std::string cable;
    std::optional<double> maybeArcM;           ///< "position_m": metres along the cable
    std::optional<geo::GeoPoint> maybeLonLat;  ///< "lon"/"lat": the cut point, snapped to the cable
    std::optional<geo::TimeMs> maybeRepairAt;
    std::string cause;  ///< free text ("excavator", "anchor")
};

struct SiteOutageEvent {
    geo::TimeMs at = 0;
    std::string site;
    std::string cause;                    ///< "power", "equipment", ...
    std::optional<double> maybeBatteryH;  ///< the site keeps serving this long on battery
    std::optional<geo::TimeMs> maybeRestoreAt;
};

struct ExcavationKeyframe {
    geo::TimeMs at = 0;
    geo::Polygon polygon;  ///< from WKT
};

struct ExcavationEvent {
    std::string id;
    WorksKind kind = WorksKind::Excavation;
    /// Time-ordered. Between two keyframes whose outer rings have the same
    /// vertex count the vertices move linearly; otherwise the earlier shape
    /// holds until the later keyframe's time. The works exist from the first
    /// keyframe to the scenario's end, holding the last shape.
    std::vector<ExcavationKeyframe> keyframes;
};

enum class VesselStatus { Underway, Anchored, Moored };
/// "underway", "anchored", "moored".
const char* toString(VesselStatus status);
std::optional<VesselStatus> parseVesselStatus(std::string_view text);

struct VesselFix {
    geo::TimeMs at = 0;
    geo::GeoPoint position;
    double sogKn = 0;
    VesselStatus status = VesselStatus::Underway;
};

struct VesselEvent {
    std::string id;  ///< MMSI or name
    std::string name;
    std::vector<VesselFix> track;  ///< time-ordered
};

struct TyphoonFix {
    geo::TimeMs at = 0;
    geo::GeoPoint centre;
    double radiusKm = 0;  ///< radius of damaging wind
    double windMs = 0;    ///< maximum sustained wind
};

struct TyphoonEvent {
    std::string id;  ///< e.g. "2026-In-Fa"
    std::vector<TyphoonFix> track;
    /// Aerial cables inside the radius while the wind is at least this go
    /// down (repaired repairAfterH later); nullopt: exposure is only logged.
    std::optional<double> maybeDamageWindMs;
    double repairAfterH = 6;
};

enum class SensorFaultMode { Offline, Stuck, Spike };
/// "offline", "stuck", "spike".
const char* toString(SensorFaultMode mode);
std::optional<SensorFaultMode> parseSensorFaultMode(std::string_view text);

struct SensorFaultEvent {
    geo::TimeMs at = 0;
    std::string sensor;
    SensorFaultMode mode = SensorFaultMode::Offline;
    std::optional<geo::TimeMs> maybeUntil;
};

struct InterferenceEvent {
    geo::TimeMs at = 0;
    std::string id;
    geo::GeoPoint position;
    double powerW = 0;
    std::optional<geo::TimeMs> maybeUntil;
};

using ScenarioEvent = std::variant<CableCutEvent, SiteOutageEvent, ExcavationEvent, VesselEvent,
                                   TyphoonEvent, SensorFaultEvent, InterferenceEvent>;

struct Scenario {
    int version = 1;
    std::string sourcePath;
    std::string nameZh;
    std::string nameEn;
    std::string description;
    std::uint64_t seed = 0;
    geo::TimeMs start = 0;
    geo::TimeMs end = 0;
    std::vector<ScenarioEvent> events;  ///< in file order; log entries cite the index
};

/// "cable_cut", "site_outage", "excavation", "vessel", "typhoon", "sensor_fault", "interference".
const char* eventTypeName(const ScenarioEvent& event);

}  // namespace citytwin::assets
