#pragma once
// The state of a computed scenario at any instant, for the window's scene and
// panels. stateAt(t) is a pure function of the run and t, so seeking to t
// shows exactly what playing to t shows.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/scenario/ScenarioEngine.h"

namespace citytwin::assets {

struct CutMark {
    std::string cableId;
    geo::GeoPoint point;
};

struct ExcavationState {
    std::string id;
    WorksKind kind = WorksKind::Excavation;
    geo::Polygon polygon;                   ///< interpolated at t
    std::vector<std::string> zonesEntered;  ///< cable ids whose protection zone it is in
};

struct VesselState {
    std::string id;
    geo::GeoPoint position;  ///< interpolated at t
    double headingDeg = 0;
    double sogKn = 0;
    VesselStatus status = VesselStatus::Underway;
    std::vector<std::string> zonesEntered;  ///< submarine cables whose zone it is in
    bool anchoringViolation = false;        ///< anchoring_in_zone has fired and it is still there
};

struct TyphoonState {
    std::string id;
    geo::GeoPoint centre;
    double radiusKm = 0;
    double windMs = 0;
};

struct ScenarioState {
    geo::TimeMs t = 0;
    std::vector<std::string> cablesDown;            ///< sorted
    std::vector<CutMark> cuts;
    std::vector<std::string> sitesDown;             ///< out of service themselves, sorted
    std::vector<std::string> sitesWithoutBackhaul;  ///< sorted
    CoverageLoss coverageLost;
    std::vector<ExcavationState> excavations;  ///< those whose keyframes span t
    std::vector<VesselState> vessels;          ///< those whose track spans t
    std::vector<TyphoonState> typhoons;
    std::vector<std::string> zonesViolated;    ///< cable ids, sorted
    std::vector<std::string> faultySensors;    ///< sorted
    std::size_t entriesUpTo = 0;               ///< log entries with entry.t <= t
};

class ScenarioPlayback {
public:
    ScenarioPlayback(Scenario scenario, ScenarioRun run);
    const Scenario& scenario() const { return _scenario; }
    const ScenarioRun& run() const { return _run; }
    ScenarioState stateAt(geo::TimeMs t) const;

private:
    Scenario _scenario;
    ScenarioRun _run;
};

}  // namespace citytwin::assets
