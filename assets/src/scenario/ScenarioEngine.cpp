// The scenario engine: detection per moving thing (in parallel, one slot per
// event), then the network's failures in time order (NetworkTimeline), then
// the synthetic readings; everything is merged into one log sorted by
// logOrderLess, so the bytes do not depend on the thread count.

#include "citytwin/assets/scenario/ScenarioEngine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "NetworkTimeline.h"
#include "ParallelFor.h"
#include "SyntheticReadings.h"
#include "ZoneDetectors.h"
#include "citytwin/assets/MetricPlane.h"
#include "citytwin/assets/scenario/ScenarioFile.h"

namespace citytwin::assets {
namespace {

using detail::FailureChange;

LogEntry incidentEntry(geo::TimeMs t, LogEventKind kind, std::string id, std::size_t event) {
    LogEntry e;
    e.t = t;
    e.kind = kind;
    e.id = std::move(id);
    e.rule = rulecodes::kIncident;
    e.rules = {rulecodes::kIncident};
    e.scenarioEvent = event;
    return e;
}

std::vector<std::string> endNodesOf(const NetworkModel& network,
                                    const std::vector<std::size_t>& edges) {
    std::set<std::string> ids;
    for (const auto e : edges) {
        ids.insert(network.nodes()[network.edges()[e].from].id);
        ids.insert(network.nodes()[network.edges()[e].to].id);
    }
    return {ids.begin(), ids.end()};
}

/// The repair of a failure: the same elements back up at `at`.
FailureChange repairOf(const FailureChange& down, geo::TimeMs at, LogEventKind kind,
                       std::string detail) {
    FailureChange up = down;
    up.t = at;
    up.down = false;
    up.entry.t = at;
    up.entry.kind = kind;
    up.entry.maybeValue.reset();
    up.entry.maybeDurationS = static_cast<double>(at - down.t) / 1000.0;
    up.entry.detail = std::move(detail);
    return up;
}

/// A cut and, when it has a repair time, its repair.
void addCableCut(const CableCutEvent& cut, std::size_t index, const NetworkModel& network,
                 const std::map<std::string, const Cable*>& cables,
                 std::vector<FailureChange>& changes) {
    std::optional<double> arc = cut.maybeArcM;
    if (!arc && cut.maybeLonLat)
        if (const auto at = network.locate(cut.cable, *cut.maybeLonLat))
            arc = at->arcM;
    FailureChange down;
    down.t = cut.at;
    down.scenarioEvent = index;
    down.elementId = cut.cable;
    if (arc) {
        if (const auto e = network.edgeAt(cut.cable, *arc))
            down.edges = {*e};
    } else {
        down.edges = network.edgesOfCable(cut.cable);
    }
    down.entry = incidentEntry(cut.at, LogEventKind::CableDown, cut.cable, index);
    down.entry.related = endNodesOf(network, down.edges);
    if (const auto it = cables.find(cut.cable); it != cables.end())
        down.entry.operatorName = it->second->operatorName;
    if (arc) {
        down.entry.maybePosition = network.pointAlong(cut.cable, *arc);
        down.entry.maybeValue = *arc;
        down.entry.detail = "cut at " + formatFixed(*arc, 1) + " m along the cable";
    } else {
        // Marked at the cable's middle so that a view has a point to draw.
        down.entry.maybePosition =
            network.pointAlong(cut.cable, network.cableLengthM(cut.cable) / 2);
        down.entry.detail = "the whole cable failed";
    }
    if (!cut.cause.empty())
        down.entry.detail += " (" + cut.cause + ")";
    changes.push_back(down);
    if (cut.maybeRepairAt)
        changes.push_back(repairOf(down, *cut.maybeRepairAt, LogEventKind::CableUp, "repaired"));
}

void addSiteOutage(const SiteOutageEvent& o, std::size_t index, const NetworkModel& network,
                   std::vector<LogEntry>& entries, std::vector<FailureChange>& changes) {
    const auto node = network.findNode(o.site);
    if (!node)
        return;
    const std::string& op = network.nodes()[*node].operatorName;
    LogEntry power = incidentEntry(o.at, LogEventKind::PowerLost, o.site, index);
    power.operatorName = op;
    power.detail = o.cause;
    if (o.maybeBatteryH) {
        power.maybeValue = *o.maybeBatteryH;
        power.detail += ", on battery for " + formatFixed(*o.maybeBatteryH, 2) + " h";
    }
    entries.push_back(power);
    const geo::TimeMs downAt =
        o.at + static_cast<geo::TimeMs>(std::llround(o.maybeBatteryH.value_or(0.0) * 3600000.0));
    if (o.maybeRestoreAt && *o.maybeRestoreAt <= downAt)
        return;  // restored before the battery ran out
    FailureChange down;
    down.t = downAt;
    down.scenarioEvent = index;
    down.nodes = {*node};
    down.elementId = o.site;
    down.entry = incidentEntry(downAt, LogEventKind::SiteDown, o.site, index);
    down.entry.operatorName = op;
    down.entry.detail = "out of service (" + o.cause + ")";
    changes.push_back(down);
    if (o.maybeRestoreAt)
        changes.push_back(
            repairOf(down, *o.maybeRestoreAt, LogEventKind::SiteUp, "back in service"));
}

void addTyphoonDamage(const detail::CableDamage& d, const std::string& typhoonId, std::size_t index,
                      const NetworkModel& network, const Cable& cable,
                      std::vector<FailureChange>& changes) {
    if (!network.hasCable(d.cableId))
        return;
    FailureChange down;
    down.t = d.at;
    down.scenarioEvent = index;
    down.edges = network.edgesOfCable(d.cableId);
    down.elementId = d.cableId;
    down.entry = incidentEntry(d.at, LogEventKind::CableDown, d.cableId, index);
    down.entry.related = {typhoonId};
    down.entry.operatorName = cable.operatorName;
    down.entry.maybeValue = d.windMs;
    down.entry.detail = "aerial cable damaged by typhoon " + typhoonId;
    changes.push_back(down);
    if (d.maybeRepairAt)
        changes.push_back(repairOf(down, *d.maybeRepairAt, LogEventKind::CableUp,
                                   "repaired after typhoon " + typhoonId));
}

void addInterference(const InterferenceEvent& x, std::size_t index, const NetworkModel& network,
                     const RuleSet& rules, std::vector<LogEntry>& entries) {
    LogEntry e;
    e.t = x.at;
    e.kind = LogEventKind::Interference;
    e.id = x.id;
    e.maybePosition = x.position;
    e.maybeValue = x.powerW;
    e.scenarioEvent = index;
    const MetricPlane plane(x.position);
    for (const auto& n : network.nodes())
        if (n.kind == NetworkNodeKind::Site &&
            plane.distanceFromOrigin(n.position) <= rules.interferenceDistanceM)
            e.related.push_back(n.id);
    std::sort(e.related.begin(), e.related.end());
    const bool applies = x.powerW >= rules.interferenceMinPowerW && !e.related.empty() &&
                         rules.find(rulecodes::kInterference);
    if (applies) {
        e.rule = rulecodes::kInterference;
        e.rules = {rulecodes::kInterference};
    }
    e.detail = std::to_string(e.related.size()) + " sites within " +
               formatFixed(rules.interferenceDistanceM, 0) + " m of the source";
    entries.push_back(e);
    if (x.maybeUntil) {
        LogEntry end = e;
        end.t = *x.maybeUntil;
        end.kind = LogEventKind::InterferenceEnded;
        end.maybeDurationS = static_cast<double>(end.t - x.at) / 1000.0;
        end.detail = "source switched off";
        entries.push_back(end);
    }
}

void addSensorFault(const SensorFaultEvent& f, std::size_t index, std::vector<LogEntry>& entries) {
    LogEntry e;
    e.t = f.at;
    e.kind = LogEventKind::SensorFault;
    e.id = f.sensor;
    e.scenarioEvent = index;
    e.detail = toString(f.mode);
    entries.push_back(e);
    if (f.maybeUntil) {
        LogEntry end = e;
        end.t = *f.maybeUntil;
        end.kind = LogEventKind::SensorRestored;
        end.maybeDurationS = static_cast<double>(end.t - f.at) / 1000.0;
        entries.push_back(end);
    }
}

/// The readings of the affected sites and cut cables, time-ordered.
std::vector<SyntheticReading> syntheticReadings(
    const Scenario& scenario, const NetworkModel& network, const detail::NetworkTimeline& timeline,
    const std::vector<FailureChange>& changes, const std::set<std::string>& poweredDown,
    geo::TimeMs step, unsigned threads, std::map<std::string, std::size_t>& firstEvent) {
    const auto& nodes = network.nodes();
    // Sites whose service changes at some point, or whose power is lost.
    std::vector<std::size_t> sites;
    const auto& initial = timeline.steps.front().serving;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (nodes[n].kind != NetworkNodeKind::Site || !nodes[n].inService)
            continue;
        bool changed = poweredDown.count(nodes[n].id) > 0;
        for (std::size_t k = 1; k < timeline.steps.size() && !changed; ++k)
            changed = timeline.steps[k].serving[n] != initial[n];
        if (changed)
            sites.push_back(n);
    }
    std::sort(sites.begin(), sites.end(),
              [&](std::size_t a, std::size_t b) { return nodes[a].id < nodes[b].id; });
    // The cables cut by an event, with their cut instants.
    std::map<std::string, std::vector<geo::TimeMs>> cuts;
    for (const auto& c : changes)
        if (c.down && c.entry.kind == LogEventKind::CableDown) {
            cuts[c.elementId].push_back(c.t);
            firstEvent.emplace(c.elementId, c.scenarioEvent);
        }
    std::vector<std::vector<SyntheticReading>> perAsset(sites.size() + cuts.size());
    std::vector<std::pair<std::string, std::vector<geo::TimeMs>>> cutList(cuts.begin(), cuts.end());
    detail::parallelFor(perAsset.size(), threads, [&](std::size_t i) {
        if (i < sites.size()) {
            const std::size_t n = sites[i];
            perAsset[i] = detail::siteLoadReadings(
                nodes[n].id, scenario.seed, scenario.start, scenario.end, step,
                [&](geo::TimeMs t) { return timeline.at(t).serving[n]; });
            return;
        }
        const auto& [cable, times] = cutList[i - sites.size()];
        const auto edges = network.edgesOfCable(cable);
        const auto& changesRef = changes;
        const std::string cableId = cable;
        perAsset[i] =
            detail::cableStrainReadings(cable, scenario.seed, scenario.start, scenario.end, step,
                                        times, [&changesRef, cableId](geo::TimeMs t) {
                                            int down = 0;
                                            for (const auto& c : changesRef)
                                                if (c.elementId == cableId && c.t <= t &&
                                                    (c.entry.kind == LogEventKind::CableDown ||
                                                     c.entry.kind == LogEventKind::CableUp))
                                                    down += c.down ? 1 : -1;
                                            return down > 0;
                                        });
    });
    std::vector<SyntheticReading> out;
    for (auto& r : perAsset)
        out.insert(out.end(), r.begin(), r.end());
    std::stable_sort(
        out.begin(), out.end(), [](const SyntheticReading& a, const SyntheticReading& b) {
            return std::tie(a.t, a.assetId, a.metric) < std::tie(b.t, b.assetId, b.metric);
        });
    return out;
}

}  // namespace

ScenarioEngine::ScenarioEngine(const AssetProject& project, const RuleSet& rules,
                               const NetworkModel& network, EngineOptions options)
    : _project(project), _rules(rules), _network(network), _options(options) {}

geo::Result<ScenarioRun> ScenarioEngine::run(const Scenario& scenario,
                                             SyntheticReadingSink* sink) const {
    CITYTWIN_RETURN_IF_FAILED(checkScenarioAgainst(scenario, _network));
    if (_options.readingStepMs <= 0)
        return geo::Result<ScenarioRun>::failure("the reading step must be positive",
                                                 scenario.sourcePath);
    const unsigned threads = detail::effectiveThreads(_options.threads);
    std::map<std::string, const Cable*> cables;
    for (const auto& c : _project.cables)
        cables.emplace(c.id, &c);

    // Moving things, one slot per event.
    const auto& events = scenario.events;
    std::vector<std::vector<LogEntry>> detected(events.size());
    std::vector<detail::TyphoonResult> typhoons(events.size());
    detail::parallelFor(events.size(), threads, [&](std::size_t i) {
        if (const auto* e = std::get_if<ExcavationEvent>(&events[i]))
            detected[i] = detail::detectExcavation(*e, i, _project.cables, _rules, scenario.end);
        else if (const auto* v = std::get_if<VesselEvent>(&events[i]))
            detected[i] = detail::detectVessel(*v, i, _project.cables, _rules);
        else if (const auto* t = std::get_if<TyphoonEvent>(&events[i]))
            typhoons[i] = detail::detectTyphoon(*t, i, _project.cables, _rules, scenario.end);
    });

    std::vector<LogEntry> entries;
    std::vector<FailureChange> changes;
    std::set<std::string> poweredDown;
    std::map<std::string, std::size_t> firstEvent;
    for (std::size_t i = 0; i < events.size(); ++i) {
        entries.insert(entries.end(), detected[i].begin(), detected[i].end());
        entries.insert(entries.end(), typhoons[i].entries.begin(), typhoons[i].entries.end());
        if (const auto* c = std::get_if<CableCutEvent>(&events[i])) {
            addCableCut(*c, i, _network, cables, changes);
        } else if (const auto* o = std::get_if<SiteOutageEvent>(&events[i])) {
            addSiteOutage(*o, i, _network, entries, changes);
            poweredDown.insert(o->site);
            firstEvent.emplace(o->site, i);
        } else if (const auto* t = std::get_if<TyphoonEvent>(&events[i])) {
            for (const auto& d : typhoons[i].damage)
                addTyphoonDamage(d, t->id, i, _network, *cables.at(d.cableId), changes);
        } else if (const auto* x = std::get_if<InterferenceEvent>(&events[i])) {
            addInterference(*x, i, _network, _rules, entries);
        } else if (const auto* f = std::get_if<SensorFaultEvent>(&events[i])) {
            addSensorFault(*f, i, entries);
        }
    }

    auto timeline = detail::computeNetworkTimeline(_network, changes, scenario.start, threads);
    for (auto& e : timeline.entries) {
        if (e.kind == LogEventKind::BackhaulLost || e.kind == LogEventKind::SiteDown)
            firstEvent.emplace(e.id, e.scenarioEvent);
        entries.push_back(std::move(e));
    }

    ScenarioRun run;
    for (const auto& s : timeline.steps)
        run.coverage.push_back({s.t, s.coverage});
    run.readings = syntheticReadings(scenario, _network, timeline, changes, poweredDown,
                                     _options.readingStepMs, threads, firstEvent);
    for (const auto& r : run.readings) {
        LogEntry e;
        e.t = r.t;
        e.kind = LogEventKind::SensorReading;
        e.id = r.assetId;
        e.metric = r.metric;
        e.maybeValue = r.value;
        const auto it = firstEvent.find(r.assetId);
        e.scenarioEvent = it == firstEvent.end() ? 0 : it->second;
        entries.push_back(std::move(e));
    }

    const std::string name = scenario.nameEn.empty() ? scenario.nameZh : scenario.nameEn;
    LogEntry start;
    start.t = scenario.start;
    start.kind = LogEventKind::ScenarioStart;
    start.id = name;
    start.detail = scenario.nameZh;
    entries.push_back(start);
    LogEntry end = start;
    end.t = scenario.end;
    end.kind = LogEventKind::ScenarioEnd;
    entries.push_back(end);

    std::stable_sort(entries.begin(), entries.end(), logOrderLess);
    run.log = std::move(entries);
    run.sha256 = eventLogSha256(run.log);
    if (sink)
        for (const auto& r : run.readings)
            sink->accept(r);
    return run;
}

}  // namespace citytwin::assets
