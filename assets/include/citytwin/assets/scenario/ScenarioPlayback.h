#pragma once
// The state of a computed scenario at any instant, for the window's scene and
// panels. stateAt(t) is a pure function of the run and t, so seeking to t
// shows exactly what playing to t shows.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "citytwin/assets/scenario/ScenarioEngine.h"

namespace citytwin::assets {

struct CutMark {
    std::string cableId;
    geo::GeoPoint point;
    std::size_t scenarioEvent = 0;  ///< the cable_cut event
    bool operator==(const CutMark& o) const;
};

struct ExcavationState {
    std::string id;
    WorksKind kind = WorksKind::Excavation;
    geo::Polygon polygon;                   ///< interpolated at t
    std::vector<std::string> zonesEntered;  ///< cable ids whose protection zone it is in
    bool operator==(const ExcavationState& o) const;
};

struct VesselState {
    std::string id;
    geo::GeoPoint position;  ///< interpolated at t
    double headingDeg = 0;
    double sogKn = 0;
    VesselStatus status = VesselStatus::Underway;
    std::vector<std::string> zonesEntered;  ///< submarine cables whose zone it is in
    bool anchoringViolation = false;        ///< anchoring_in_zone has fired and it is still there
    bool operator==(const VesselState& o) const;
};

struct TyphoonState {
    std::string id;
    geo::GeoPoint centre;
    double radiusKm = 0;
    double windMs = 0;
    bool operator==(const TyphoonState& o) const;
};

struct ScenarioState {
    geo::TimeMs t = 0;
    std::vector<std::string> cablesDown;  ///< sorted
    std::vector<CutMark> cuts;
    std::vector<std::string> sitesDown;             ///< out of service themselves, sorted
    std::vector<std::string> sitesWithoutBackhaul;  ///< sorted
    CoverageLoss coverageLost;
    std::vector<ExcavationState> excavations;  ///< from the first keyframe to the scenario end
    std::vector<VesselState> vessels;          ///< those whose track spans t
    std::vector<TyphoonState> typhoons;
    /// Cable ids whose zone an excavation is in or where a vessel's anchoring fired, sorted.
    std::vector<std::string> zonesViolated;
    std::vector<std::string> faultySensors;  ///< sorted
    std::size_t entriesUpTo = 0;             ///< log entries with entry.t <= t

    /// Bookkeeping of the discrete state (what advance() carries forward):
    /// failures holding each cable / site down, zones each mover is in, the
    /// vessels whose anchoring fired (-> cable ids).
    std::map<std::string, int> cableDownCount;
    std::map<std::string, int> siteDownCount;
    std::set<std::string> noBackhaul;
    std::map<std::size_t, std::set<std::string>> zonesOf;     ///< by scenario event index
    std::map<std::size_t, std::set<std::string>> anchoredIn;  ///< by scenario event index
    std::set<std::string> faulty;

    bool operator==(const ScenarioState& o) const;
};

class ScenarioPlayback {
public:
    ScenarioPlayback(Scenario scenario, ScenarioRun run);
    const Scenario& scenario() const { return _scenario; }
    const ScenarioRun& run() const { return _run; }
    /// The state at t, computed from nothing: a pure function of the run and t.
    ScenarioState stateAt(geo::TimeMs t) const;
    /// Moves a state forward to t >= state.t by applying only the log entries
    /// after the ones it has seen (playing); equals stateAt(t) (seeking).
    /// A t before state.t starts again from nothing.
    void advance(ScenarioState& state, geo::TimeMs t) const;

private:
    Scenario _scenario;
    ScenarioRun _run;
};

}  // namespace citytwin::assets
