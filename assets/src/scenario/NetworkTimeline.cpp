#include "NetworkTimeline.h"

#include <algorithm>
#include <set>

#include "ParallelFor.h"
#include "ZoneDetectors.h"
#include "citytwin/assets/RuleSet.h"

namespace citytwin::assets::detail {
namespace {

struct Group {
    geo::TimeMs t = 0;
    std::vector<const FailureChange*> changes;
    NetworkFailures failures;
};

bool isServingSite(const NetworkNode& n) {
    return n.kind == NetworkNodeKind::Site && n.inService;
}

/// The causes of the sites that lost backhaul at one instant. Sites in the
/// same cut-off part of the working graph share their cause, so it is asked
/// once per part (a trunk cut can isolate thousands of sites).
std::vector<std::vector<std::string>> causesOf(const NetworkModel& network,
                                               const NetworkFailures& failures,
                                               const std::vector<std::size_t>& lostSites) {
    std::vector<std::vector<std::string>> out(lostSites.size());
    std::vector<long> part(network.nodes().size(), -1);
    std::vector<std::vector<std::string>> partCause;
    for (std::size_t k = 0; k < lostSites.size(); ++k) {
        const std::size_t site = lostSites[k];
        if (failures.nodeDown[site]) {
            out[k] = backhaulCause(network, failures, site);
            continue;
        }
        if (part[site] < 0) {
            const long label = static_cast<long>(partCause.size());
            std::vector<std::size_t> stack{site};
            part[site] = label;
            while (!stack.empty()) {
                const std::size_t n = stack.back();
                stack.pop_back();
                for (const std::size_t e : network.incident(n)) {
                    if (failures.edgeDown[e])
                        continue;
                    const auto& edge = network.edges()[e];
                    const std::size_t m = edge.from == n ? edge.to : edge.from;
                    if (failures.nodeDown[m] || part[m] >= 0)
                        continue;
                    part[m] = label;
                    stack.push_back(m);
                }
            }
            partCause.push_back(backhaulCause(network, failures, site));
        }
        out[k] = partCause[static_cast<std::size_t>(part[site])];
    }
    return out;
}

std::vector<std::string> sortedUnique(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

std::vector<std::string> difference(const std::vector<std::string>& a,
                                    const std::vector<std::string>& b) {
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

}  // namespace

const NetworkStep& NetworkTimeline::at(geo::TimeMs t) const {
    const auto it = std::upper_bound(steps.begin(), steps.end(), t,
                                     [](geo::TimeMs v, const NetworkStep& s) { return v < s.t; });
    return it == steps.begin() ? steps.front() : *(it - 1);
}

NetworkTimeline computeNetworkTimeline(const NetworkModel& network,
                                       std::vector<FailureChange> changes, geo::TimeMs start,
                                       unsigned threads) {
    std::stable_sort(changes.begin(), changes.end(),
                     [](const FailureChange& a, const FailureChange& b) {
                         return std::tie(a.t, a.scenarioEvent) < std::tie(b.t, b.scenarioEvent);
                     });
    const auto& nodes = network.nodes();
    NetworkTimeline out;

    // The failures in force after each instant (reference counts: two events
    // may hold the same stretch down).
    std::vector<Group> groups;
    groups.push_back({start, {}, NetworkFailures::none(network)});
    std::vector<int> edgeCount(network.edges().size(), 0), nodeCount(nodes.size(), 0);
    for (std::size_t i = 0; i < changes.size();) {
        Group g;
        g.t = changes[i].t;
        for (; i < changes.size() && changes[i].t == g.t; ++i) {
            const auto& c = changes[i];
            const int d = c.down ? 1 : -1;
            for (const auto e : c.edges)
                edgeCount[e] += d;
            for (const auto n : c.nodes)
                nodeCount[n] += d;
            g.changes.push_back(&c);
            out.entries.push_back(c.entry);
        }
        g.failures = NetworkFailures::none(network);
        for (std::size_t e = 0; e < edgeCount.size(); ++e)
            g.failures.edgeDown[e] = edgeCount[e] > 0;
        for (std::size_t n = 0; n < nodeCount.size(); ++n)
            g.failures.nodeDown[n] = nodeCount[n] > 0;
        groups.push_back(std::move(g));
    }

    // Backhaul at every instant, independently; then the coverage lost
    // against the start (sites that never served lose nothing).
    out.steps.resize(groups.size());
    parallelFor(groups.size(), threads, [&](std::size_t k) {
        const auto backhaul = computeBackhaul(network, groups[k].failures);
        out.steps[k].t = groups[k].t;
        out.steps[k].serving = servingSites(network, groups[k].failures, backhaul);
    });
    const std::vector<bool> reference = out.steps.front().serving;
    parallelFor(groups.size(), threads, [&](std::size_t k) {
        if (k > 0)
            out.steps[k].coverage = computeCoverageLoss(network, out.steps[k].serving, reference);
    });

    // What changed at each instant; the causes in parallel.
    std::vector<std::vector<LogEntry>> derived(groups.size());
    parallelFor(groups.size(), threads, [&](std::size_t k) {
        if (k == 0)
            return;
        const auto& g = groups[k];
        const auto& prev = out.steps[k - 1];
        const auto& cur = out.steps[k];
        std::size_t downEvent = g.changes.front()->scenarioEvent;
        std::size_t upEvent = downEvent;
        std::vector<std::string> repaired;
        for (auto it = g.changes.rbegin(); it != g.changes.rend(); ++it) {
            if ((*it)->down)
                downEvent = (*it)->scenarioEvent;
            else
                upEvent = (*it)->scenarioEvent;
        }
        for (const auto* c : g.changes)
            if (!c->down)
                repaired.push_back(c->elementId);
        repaired = sortedUnique(repaired);

        std::vector<std::size_t> lost;
        for (std::size_t n = 0; n < nodes.size(); ++n) {
            if (!isServingSite(nodes[n]) || prev.serving[n] == cur.serving[n])
                continue;
            if (!cur.serving[n]) {
                lost.push_back(n);
                continue;
            }
            // Since when was it without service?
            geo::TimeMs since = out.steps.front().t;
            for (std::size_t j = k; j-- > 0;)
                if (out.steps[j].serving[n]) {
                    since = out.steps[j + 1].t;
                    break;
                }
            LogEntry e;
            e.t = g.t;
            e.kind = LogEventKind::BackhaulRestored;
            e.id = nodes[n].id;
            e.rule = rulecodes::kIncident;
            e.rules = {rulecodes::kIncident};
            e.related = repaired;
            e.operatorName = nodes[n].operatorName;
            e.maybeDurationS = static_cast<double>(g.t - since) / 1000.0;
            e.scenarioEvent = upEvent;
            e.detail = "site " + nodes[n].id + " has backhaul again";
            derived[k].push_back(std::move(e));
        }
        const auto causes = causesOf(network, g.failures, lost);
        for (std::size_t i = 0; i < lost.size(); ++i) {
            const auto& node = nodes[lost[i]];
            LogEntry e;
            e.t = g.t;
            e.kind = LogEventKind::BackhaulLost;
            e.id = node.id;
            e.rule = rulecodes::kIncident;
            e.rules = {rulecodes::kIncident};
            e.cause = causes[i];
            e.related = causes[i];
            e.operatorName = node.operatorName;
            // The event of the first failure at this instant that is among the causes.
            e.scenarioEvent = downEvent;
            for (const auto* c : g.changes)
                if (c->down && std::binary_search(e.cause.begin(), e.cause.end(), c->elementId)) {
                    e.scenarioEvent = c->scenarioEvent;
                    break;
                }
            e.detail = g.failures.nodeDown[lost[i]]
                           ? "site " + node.id + " is down"
                           : "site " + node.id + " has no working path to a core node";
            derived[k].push_back(std::move(e));
        }

        const auto gained = difference(cur.coverage.sites, prev.coverage.sites);
        const auto regained = difference(prev.coverage.sites, cur.coverage.sites);
        const auto coverageEntry = [&](LogEventKind kind, std::vector<std::string> related,
                                       std::size_t event) {
            LogEntry e;
            e.t = g.t;
            e.kind = kind;
            e.id = "coverage";
            e.rule = rulecodes::kIncident;
            e.rules = {rulecodes::kIncident, rulecodes::kCoverageGap};
            e.related = std::move(related);
            e.maybeAreaKm2 = cur.coverage.areaKm2;
            e.maybeValue = cur.coverage.areaKm2 - prev.coverage.areaKm2;
            e.wkt = polygonsToWkt(cur.coverage.polygons);
            e.scenarioEvent = event;
            e.detail = kind == LogEventKind::CoverageLost
                           ? "coverage lost where no serving site reaches"
                           : "coverage restored";
            derived[k].push_back(std::move(e));
        };
        if (!gained.empty())
            coverageEntry(LogEventKind::CoverageLost, gained, downEvent);
        if (!regained.empty())
            coverageEntry(LogEventKind::CoverageRestored, regained, upEvent);
    });
    for (auto& d : derived)
        for (auto& e : d)
            out.entries.push_back(std::move(e));
    return out;
}

}  // namespace citytwin::assets::detail
