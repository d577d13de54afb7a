// Playback of a computed scenario. The discrete state (what is down, which
// zones are entered) comes from the log entries up to t; the moving things
// are interpolated at t with the functions the engine used.

#include "citytwin/assets/scenario/ScenarioPlayback.h"

#include <algorithm>
#include <limits>

#include "ScenarioInterpolation.h"

namespace citytwin::assets {
namespace {

bool samePoint(const geo::GeoPoint& a, const geo::GeoPoint& b) {
    return a.x == b.x && a.y == b.y && a.z == b.z;
}

bool samePolygon(const geo::Polygon& a, const geo::Polygon& b) {
    if (a.rings.size() != b.rings.size())
        return false;
    for (std::size_t r = 0; r < a.rings.size(); ++r) {
        if (a.rings[r].size() != b.rings[r].size())
            return false;
        for (std::size_t i = 0; i < a.rings[r].size(); ++i)
            if (!samePoint(a.rings[r][i], b.rings[r][i]))
                return false;
    }
    return true;
}

bool sameCoverage(const CoverageLoss& a, const CoverageLoss& b) {
    if (a.areaKm2 != b.areaKm2 || a.sites != b.sites || a.polygons.size() != b.polygons.size())
        return false;
    for (std::size_t i = 0; i < a.polygons.size(); ++i)
        if (!samePolygon(a.polygons[i], b.polygons[i]))
            return false;
    return true;
}

template <typename K>
std::vector<std::string> keysOf(const std::map<std::string, K>& m) {
    std::vector<std::string> out;
    for (const auto& [k, v] : m)
        out.push_back(k);
    return out;
}

void countDown(std::map<std::string, int>& counts, const std::string& id) {
    if (--counts[id] <= 0)
        counts.erase(id);
}

std::string relatedFirst(const LogEntry& e) {
    return e.related.empty() ? std::string() : e.related[0];
}

void apply(ScenarioState& s, const LogEntry& e) {
    switch (e.kind) {
        case LogEventKind::CableDown:
            ++s.cableDownCount[e.id];
            if (e.maybePosition)
                s.cuts.push_back({e.id, *e.maybePosition, e.scenarioEvent});
            break;
        case LogEventKind::CableUp: {
            countDown(s.cableDownCount, e.id);
            const auto it = std::find_if(s.cuts.begin(), s.cuts.end(), [&](const CutMark& c) {
                return c.cableId == e.id && c.scenarioEvent == e.scenarioEvent;
            });
            if (it != s.cuts.end())
                s.cuts.erase(it);
            break;
        }
        case LogEventKind::SiteDown:
            ++s.siteDownCount[e.id];
            break;
        case LogEventKind::SiteUp:
            countDown(s.siteDownCount, e.id);
            break;
        case LogEventKind::BackhaulLost:
            s.noBackhaul.insert(e.id);
            break;
        case LogEventKind::BackhaulRestored:
            s.noBackhaul.erase(e.id);
            break;
        case LogEventKind::ZoneEntered:
            s.zonesOf[e.scenarioEvent].insert(relatedFirst(e));
            break;
        case LogEventKind::ZoneLeft:
            s.zonesOf[e.scenarioEvent].erase(relatedFirst(e));
            s.anchoredIn[e.scenarioEvent].erase(relatedFirst(e));
            break;
        case LogEventKind::AnchoringInZone:
            s.anchoredIn[e.scenarioEvent].insert(relatedFirst(e));
            break;
        case LogEventKind::SensorFault:
            s.faulty.insert(e.id);
            break;
        case LogEventKind::SensorRestored:
            s.faulty.erase(e.id);
            break;
        default:
            break;
    }
}

std::vector<std::string> setOf(const std::map<std::size_t, std::set<std::string>>& m,
                               std::size_t key) {
    const auto it = m.find(key);
    return it == m.end() ? std::vector<std::string>{}
                         : std::vector<std::string>(it->second.begin(), it->second.end());
}

}  // namespace

bool CutMark::operator==(const CutMark& o) const {
    return cableId == o.cableId && samePoint(point, o.point) && scenarioEvent == o.scenarioEvent;
}
bool ExcavationState::operator==(const ExcavationState& o) const {
    return id == o.id && kind == o.kind && samePolygon(polygon, o.polygon) &&
           zonesEntered == o.zonesEntered;
}
bool VesselState::operator==(const VesselState& o) const {
    return id == o.id && samePoint(position, o.position) && headingDeg == o.headingDeg &&
           sogKn == o.sogKn && status == o.status && zonesEntered == o.zonesEntered &&
           anchoringViolation == o.anchoringViolation;
}
bool TyphoonState::operator==(const TyphoonState& o) const {
    return id == o.id && samePoint(centre, o.centre) && radiusKm == o.radiusKm &&
           windMs == o.windMs;
}
bool ScenarioState::operator==(const ScenarioState& o) const {
    return t == o.t && cablesDown == o.cablesDown && cuts == o.cuts && sitesDown == o.sitesDown &&
           sitesWithoutBackhaul == o.sitesWithoutBackhaul &&
           sameCoverage(coverageLost, o.coverageLost) && excavations == o.excavations &&
           vessels == o.vessels && typhoons == o.typhoons && zonesViolated == o.zonesViolated &&
           faultySensors == o.faultySensors && entriesUpTo == o.entriesUpTo &&
           cableDownCount == o.cableDownCount && siteDownCount == o.siteDownCount &&
           noBackhaul == o.noBackhaul && zonesOf == o.zonesOf && anchoredIn == o.anchoredIn &&
           faulty == o.faulty;
}

ScenarioPlayback::ScenarioPlayback(Scenario scenario, ScenarioRun run)
    : _scenario(std::move(scenario)), _run(std::move(run)) {}

ScenarioState ScenarioPlayback::stateAt(geo::TimeMs t) const {
    ScenarioState s;
    s.t = std::numeric_limits<geo::TimeMs>::min();
    advance(s, t);
    return s;
}

void ScenarioPlayback::advance(ScenarioState& s, geo::TimeMs t) const {
    if (t < s.t) {
        s = ScenarioState{};
    }
    const auto& log = _run.log;
    // Entries with entry.t <= t (binary search from where the state is).
    const auto endIt =
        std::upper_bound(log.begin() + static_cast<std::ptrdiff_t>(s.entriesUpTo), log.end(), t,
                         [](geo::TimeMs v, const LogEntry& e) { return v < e.t; });
    const auto upTo = static_cast<std::size_t>(endIt - log.begin());
    for (std::size_t i = s.entriesUpTo; i < upTo; ++i)
        apply(s, log[i]);
    s.entriesUpTo = upTo;
    s.t = t;

    s.cablesDown = keysOf(s.cableDownCount);
    s.sitesDown = keysOf(s.siteDownCount);
    s.sitesWithoutBackhaul.assign(s.noBackhaul.begin(), s.noBackhaul.end());
    s.faultySensors.assign(s.faulty.begin(), s.faulty.end());
    s.coverageLost = {};
    const auto& cov = _run.coverage;
    const auto c =
        std::upper_bound(cov.begin(), cov.end(), t,
                         [](geo::TimeMs v, const CoverageSnapshot& x) { return v < x.t; });
    if (c != cov.begin())
        s.coverageLost = (c - 1)->loss;

    s.excavations.clear();
    s.vessels.clear();
    s.typhoons.clear();
    std::set<std::string> violated;
    for (std::size_t i = 0; i < _scenario.events.size(); ++i) {
        const auto& event = _scenario.events[i];
        if (const auto* e = std::get_if<ExcavationEvent>(&event)) {
            if (t > _scenario.end)
                continue;
            if (auto polygon = detail::excavationAt(*e, t)) {
                ExcavationState x{e->id, e->kind, std::move(*polygon), setOf(s.zonesOf, i)};
                violated.insert(x.zonesEntered.begin(), x.zonesEntered.end());
                s.excavations.push_back(std::move(x));
            }
        } else if (const auto* v = std::get_if<VesselEvent>(&event)) {
            if (const auto at = detail::vesselAt(*v, t)) {
                VesselState x;
                x.id = v->id;
                x.position = at->position;
                x.headingDeg = at->headingDeg;
                x.sogKn = at->sogKn;
                x.status = at->status;
                x.zonesEntered = setOf(s.zonesOf, i);
                const auto anchored = setOf(s.anchoredIn, i);
                x.anchoringViolation = !anchored.empty();
                violated.insert(anchored.begin(), anchored.end());
                s.vessels.push_back(std::move(x));
            }
        } else if (const auto* y = std::get_if<TyphoonEvent>(&event)) {
            if (const auto at = detail::typhoonAt(*y, t))
                s.typhoons.push_back({y->id, at->centre, at->radiusKm, at->windMs});
        }
    }
    s.zonesViolated.assign(violated.begin(), violated.end());
}

}  // namespace citytwin::assets
