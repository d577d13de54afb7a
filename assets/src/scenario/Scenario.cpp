#include "citytwin/assets/scenario/Scenario.h"

namespace citytwin::assets {

const char* eventTypeName(const ScenarioEvent& event) {
    struct Name {
        const char* operator()(const CableCutEvent&) const { return "cable_cut"; }
        const char* operator()(const SiteOutageEvent&) const { return "site_outage"; }
        const char* operator()(const ExcavationEvent&) const { return "excavation"; }
        const char* operator()(const VesselEvent&) const { return "vessel"; }
        const char* operator()(const TyphoonEvent&) const { return "typhoon"; }
        const char* operator()(const SensorFaultEvent&) const { return "sensor_fault"; }
        const char* operator()(const InterferenceEvent&) const { return "interference"; }
    };
    return std::visit(Name{}, event);
}

const char* toString(VesselStatus status) {
    switch (status) {
        case VesselStatus::Underway:
            return "underway";
        case VesselStatus::Anchored:
            return "anchored";
        case VesselStatus::Moored:
            return "moored";
    }
    return "underway";
}

std::optional<VesselStatus> parseVesselStatus(std::string_view text) {
    if (text == "underway")
        return VesselStatus::Underway;
    if (text == "anchored")
        return VesselStatus::Anchored;
    if (text == "moored")
        return VesselStatus::Moored;
    return std::nullopt;
}

const char* toString(SensorFaultMode mode) {
    switch (mode) {
        case SensorFaultMode::Offline:
            return "offline";
        case SensorFaultMode::Stuck:
            return "stuck";
        case SensorFaultMode::Spike:
            return "spike";
    }
    return "offline";
}

std::optional<SensorFaultMode> parseSensorFaultMode(std::string_view text) {
    if (text == "offline")
        return SensorFaultMode::Offline;
    if (text == "stuck")
        return SensorFaultMode::Stuck;
    if (text == "spike")
        return SensorFaultMode::Spike;
    return std::nullopt;
}

}  // namespace citytwin::assets
