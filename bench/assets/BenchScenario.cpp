// bench_scenario: a 24 h scenario of 50 events (cable cuts, site outages,
// excavations, vessels, a typhoon, interference) over the generated network of
// 20,000 sites and ~5,000 km of cables; the time to compute the event log
// with 1 and 2 threads, beside a brute-force baseline in the same run: at
// every instant where a failure changes, backhaul by a BFS from each site
// (and the same coverage computation).
//
// usage: bench_scenario [--sites N] [--km K] [--seed S]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "GeneratedNetwork.h"
#include "citytwin/assets/MetricPlane.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/assets/scenario/ScenarioEngine.h"
#include "citytwin/assets/scenario/ScenarioPlayback.h"

using namespace citytwin;
using namespace citytwin::assets;
using Clock = std::chrono::steady_clock;

namespace {

constexpr geo::TimeMs kHour = 3600000;
constexpr geo::TimeMs kStart = 1781452800000;  // 2026-06-15T00:00:00+08:00

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

struct Options {
    int sites = 20000;
    double km = 40.0;
    unsigned seed = 42;
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--sites"))
            o.sites = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--km"))
            o.km = std::atof(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed"))
            o.seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
        else
            return false;
    }
    return argc % 2 == 1 && o.sites > 0 && o.km >= 4;
}

/// Two loose submarine cables off the city's east side for the vessels.
void addSubmarineCables(AssetProject& p, const MetricPlane& plane, double half) {
    for (int k = 0; k < 2; ++k) {
        Cable c;
        c.id = "SUB-" + std::to_string(k);
        c.maybeCableClass = CableClass::Submarine;
        c.maybeWaters = k ? Waters::Bay : Waters::Open;
        const double n = -half / 2 + k * half;
        c.lines.push_back(
            {plane.toGeographic({half + 5000, n}), plane.toGeographic({half + 30000, n})});
        p.cables.push_back(std::move(c));
    }
}

Scenario makeScenario(const AssetProject& p, const NetworkModel& m, const MetricPlane& plane,
                      double half, unsigned seed) {
    std::mt19937_64 rng(seed);
    const auto uniform = [&](double a, double b) {
        return a + (b - a) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
    };
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const auto time = [&](double h0, double h1) {
        return kStart + static_cast<geo::TimeMs>(uniform(h0, h1) * kHour) / 1000 * 1000;
    };
    Scenario s;
    s.sourcePath = "generated";
    s.nameZh = "压测";
    s.nameEn = "bench";
    s.seed = seed;
    s.start = kStart;
    s.end = kStart + 24 * kHour;
    std::vector<std::string> grid, spurs;
    for (const auto& id : m.cableIds())
        if (id.rfind("SUB-", 0) != 0)
            (id.rfind("SP-", 0) == 0 ? spurs : grid).push_back(id);
    for (int k = 0; k < 20; ++k) {
        CableCutEvent c;
        c.cable = k % 2 ? spurs[pick(spurs.size())] : grid[pick(grid.size())];
        c.at = time(0.5, 18);
        c.maybeArcM = uniform(0, m.cableLengthM(c.cable));
        c.maybeRepairAt = c.at + static_cast<geo::TimeMs>(uniform(1, 6) * kHour);
        s.events.push_back(c);
    }
    for (int k = 0; k < 10; ++k) {
        SiteOutageEvent o;
        o.site = p.baseStations[pick(p.baseStations.size())].id;
        o.at = time(0.5, 18);
        o.cause = "power";
        o.maybeBatteryH = uniform(0, 4);
        o.maybeRestoreAt = o.at + static_cast<geo::TimeMs>(uniform(4.5, 6) * kHour);
        s.events.push_back(o);
    }
    for (int k = 0; k < 8; ++k) {
        // A 20 m square 60 m off a grid crossing, creeping over 6 hours.
        ExcavationEvent e;
        e.id = "W" + std::to_string(k);
        e.kind = WorksKind::Trenching;
        const double cx = -half + std::floor(uniform(1, 2 * half / 1000.0 - 1)) * 1000.0 + 500.0;
        const double cy = -half + std::floor(uniform(1, 2 * half / 1000.0 - 1)) * 1000.0;
        const geo::TimeMs t0 = time(1, 12);
        for (int f = 0; f < 4; ++f) {
            const double north = cy + 60.0 - f * 25.0;
            geo::Polygon poly;
            poly.rings.push_back({plane.toGeographic({cx - 10, north - 10}),
                                  plane.toGeographic({cx + 10, north - 10}),
                                  plane.toGeographic({cx + 10, north + 10}),
                                  plane.toGeographic({cx - 10, north + 10}),
                                  plane.toGeographic({cx - 10, north - 10})});
            e.keyframes.push_back({t0 + f * 2 * kHour, poly});
        }
        s.events.push_back(e);
    }
    for (int k = 0; k < 6; ++k) {
        VesselEvent v;
        v.id = "41300000" + std::to_string(k);
        const double e = half + uniform(8000, 25000);
        const double n = (k % 2 ? half / 2 : -half / 2);
        const geo::TimeMs t0 = time(0, 6);
        v.track.push_back({t0, plane.toGeographic({e, n + 3000}), 8.0, VesselStatus::Underway});
        v.track.push_back(
            {t0 + kHour, plane.toGeographic({e, n + 200}), 0.3, VesselStatus::Anchored});
        v.track.push_back(
            {t0 + 5 * kHour, plane.toGeographic({e, n - 300}), 0.3, VesselStatus::Anchored});
        v.track.push_back(
            {t0 + 6 * kHour, plane.toGeographic({e, n - 4000}), 9.0, VesselStatus::Underway});
        s.events.push_back(v);
    }
    for (int k = 0; k < 2; ++k) {
        TyphoonEvent t;
        t.id = "T" + std::to_string(k);
        t.track.push_back(
            {kStart + k * 6 * kHour, plane.toGeographic({half * 4, -half * 4}), 150, 40});
        t.track.push_back(
            {kStart + (k * 6 + 18) * kHour, plane.toGeographic({-half * 2, half * 4}), 120, 30});
        t.maybeDamageWindMs = 35;
        s.events.push_back(t);
    }
    for (int k = 0; k < 4; ++k) {
        InterferenceEvent x;
        x.id = "JAM-" + std::to_string(k);
        x.at = time(1, 20);
        x.position = plane.toGeographic({uniform(-half, half), uniform(-half, half)});
        x.powerW = 20;
        x.maybeUntil = x.at + kHour;
        s.events.push_back(x);
    }
    return s;
}

/// The baseline: the same failures in time order; at every instant backhaul by
/// a BFS per site and the lost coverage, as the engine computes it.
double bruteForce(const Scenario& s, const NetworkModel& m, std::size_t& instants) {
    std::map<geo::TimeMs, std::vector<std::pair<bool, std::vector<std::size_t>>>> edgeChanges,
        nodeChanges;
    for (const auto& event : s.events) {
        if (const auto* c = std::get_if<CableCutEvent>(&event)) {
            const auto e = *m.edgeAt(c->cable, *c->maybeArcM);
            edgeChanges[c->at].push_back({true, {e}});
            edgeChanges[*c->maybeRepairAt].push_back({false, {e}});
        } else if (const auto* o = std::get_if<SiteOutageEvent>(&event)) {
            const auto n = *m.findNode(o->site);
            const geo::TimeMs down = o->at + static_cast<geo::TimeMs>(*o->maybeBatteryH * kHour);
            nodeChanges[down].push_back({true, {n}});
            nodeChanges[*o->maybeRestoreAt].push_back({false, {n}});
        }
    }
    std::map<geo::TimeMs, int> times;
    for (const auto& [t, c] : edgeChanges)
        times[t] = 0;
    for (const auto& [t, c] : nodeChanges)
        times[t] = 0;
    auto f = NetworkFailures::none(m);
    std::vector<int> edgeCount(m.edges().size()), nodeCount(m.nodes().size());
    const auto t0 = Clock::now();
    const auto reference = servingSites(m, f, bench::bruteBackhaul(m, f));
    for (const auto& [t, unused] : times) {
        for (const auto& [down, ids] : edgeChanges[t])
            for (const auto e : ids)
                f.edgeDown[e] = (edgeCount[e] += down ? 1 : -1) > 0;
        for (const auto& [down, ids] : nodeChanges[t])
            for (const auto n : ids)
                f.nodeDown[n] = (nodeCount[n] += down ? 1 : -1) > 0;
        const auto serving = servingSites(m, f, bench::bruteBackhaul(m, f));
        const auto coverage = computeCoverageLoss(m, serving, reference);
        (void)coverage;
    }
    instants = times.size();
    return ms(Clock::now() - t0);
}

}  // namespace

/// What a seek in the window costs (ScenarioPlayback::stateAt, the state the
/// overlay draws) at random instants, beside replaying the log from the start
/// to the same instant (advance() from the scenario's start: play to t).
void measureSeek(const Scenario& scenario, ScenarioRun run, std::uint64_t seed) {
    const ScenarioPlayback playback(scenario, std::move(run));
    std::mt19937_64 random(seed ^ 0x5eec);
    std::vector<geo::TimeMs> instants;
    for (int i = 0; i < 200; ++i)
        instants.push_back(scenario.start +
                           geo::TimeMs(random() % std::uint64_t(scenario.end - scenario.start)));
    std::vector<double> seek, replay;
    std::size_t sitesShown = 0;
    for (const geo::TimeMs t : instants) {
        auto t0 = Clock::now();
        const ScenarioState state = playback.stateAt(t);
        seek.push_back(ms(Clock::now() - t0));
        sitesShown += state.sitesWithoutBackhaul.size();
        t0 = Clock::now();
        ScenarioState played = playback.stateAt(scenario.start);
        for (geo::TimeMs step = scenario.start + 60000; step < t; step += 60000)
            playback.advance(played, step);
        playback.advance(played, t);
        replay.push_back(ms(Clock::now() - t0));
    }
    std::sort(seek.begin(), seek.end());
    std::sort(replay.begin(), replay.end());
    std::printf(
        "seek (stateAt) median %.3f ms, max %.3f ms (n=%zu, %zu sites without backhaul "
        "shown in all) | replay from the start by the minute: median %.1f ms | ratio %.0fx\n",
        seek[seek.size() / 2], seek.back(), seek.size(), sitesShown, replay[replay.size() / 2],
        replay[replay.size() / 2] / std::max(seek[seek.size() / 2], 1e-6));
}

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_scenario [--sites N] [--km K] [--seed S]\n");
        return 2;
    }
    const MetricPlane plane({121.4737, 31.2304, 0.0});
    const double half = o.km * 500.0;
    AssetProject project = bench::generateNetworkCity(o.sites, o.km, o.seed);
    addSubmarineCables(project, plane, half);
    NetworkBuildReport report;
    auto built = NetworkBuilder(defaultRules()).build(project, report);
    if (!built) {
        std::fprintf(stderr, "%s\n", built.messages().c_str());
        return 1;
    }
    const NetworkModel& model = built.value();
    const Scenario scenario = makeScenario(project, model, plane, half, o.seed);
    std::printf("network: %zu nodes, %zu edges; scenario: 24 h, %zu events\n", model.nodes().size(),
                model.edges().size(), scenario.events.size());

    std::string firstHash;
    double engineMs[2] = {0, 0};
    ScenarioRun kept;
    for (unsigned threads = 1; threads <= 2; ++threads) {
        EngineOptions options;
        options.threads = threads;
        const ScenarioEngine engine(project, defaultRules(), model, options);
        const auto t0 = Clock::now();
        const auto run = engine.run(scenario);
        engineMs[threads - 1] = ms(Clock::now() - t0);
        if (!run) {
            std::fprintf(stderr, "%s\n", run.messages().c_str());
            return 1;
        }
        std::map<LogEventKind, std::size_t> counts;
        for (const auto& e : run.value().log)
            ++counts[e.kind];
        std::printf(
            "engine, %u thread%s: %.1f ms, %zu log entries (%zu backhaul_lost, %zu "
            "zone_entered, %zu anchoring_in_zone), sha256 %s\n",
            threads, threads > 1 ? "s" : "", engineMs[threads - 1], run.value().log.size(),
            counts[LogEventKind::BackhaulLost], counts[LogEventKind::ZoneEntered],
            counts[LogEventKind::AnchoringInZone], run.value().sha256.c_str());
        if (threads == 1) {
            firstHash = run.value().sha256;
            kept = run.value();
        } else if (firstHash != run.value().sha256)
            std::printf("MISMATCH: the hashes differ between 1 and 2 threads\n");
    }
    measureSeek(scenario, std::move(kept), o.seed);
    std::size_t instants = 0;
    const double bruteMs = bruteForce(scenario, model, instants);
    std::printf(
        "baseline (BFS per site at each of %zu instants, same coverage): %.1f ms | ratio "
        "%.1fx (1 thread)\n",
        instants, bruteMs, bruteMs / std::max(engineMs[0], 1e-6));
    return 0;
}
