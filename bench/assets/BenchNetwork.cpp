// bench_network: a generated network of 20,000 sites and ~5,000 km of cables
// (a grid of 1 km duct blocks between machine rooms every 4 km, one spur per
// site); times NetworkBuilder::build, one computeBackhaul and
// ImpactAnalyzer::cableCut, beside a brute-force baseline in the same run (a
// BFS from each site until it meets a core node).
//
// usage: bench_network [--sites N] [--km K] [--cuts N] [--seed S]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "GeneratedNetwork.h"
#include "citytwin/assets/MetricPlane.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/network/NetworkBuilder.h"

using namespace citytwin;
using namespace citytwin::assets;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int sites = 20000;
    double km = 40.0;  ///< side of the square city
    int cuts = 40;
    unsigned seed = 42;
};

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

constexpr int kBruteCuts = 4;

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const char* k = argv[i];
        const char* v = argv[i + 1];
        if (!std::strcmp(k, "--sites"))
            o.sites = std::atoi(v);
        else if (!std::strcmp(k, "--km"))
            o.km = std::atof(v);
        else if (!std::strcmp(k, "--cuts"))
            o.cuts = std::atoi(v);
        else if (!std::strcmp(k, "--seed"))
            o.seed = static_cast<unsigned>(std::atoi(v));
        else
            return false;
    }
    return argc % 2 == 1 && o.sites > 0 && o.km >= 4 && o.cuts > 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_network [--sites N] [--km K] [--cuts N] [--seed S]\n");
        return 2;
    }
    const AssetProject project = bench::generateNetworkCity(o.sites, o.km, o.seed);
    double cableKm = 0;
    {
        for (const auto& c : project.cables) {
            const MetricPlane plane(c.lines[0][0]);
            cableKm += plane.distanceFromOrigin(c.lines[0].back()) / 1000.0;
        }
    }
    std::printf("generated: %zu sites, %zu core nodes, %zu cables, %.0f km of cable\n",
                project.baseStations.size(), project.coreNodes.size(), project.cables.size(),
                cableKm);

    const RuleSet& rules = defaultRules();
    NetworkBuildReport report;
    auto t0 = Clock::now();
    auto built = NetworkBuilder(rules).build(project, report);
    const double buildMs = ms(Clock::now() - t0);
    if (!built) {
        std::fprintf(stderr, "%s\n", built.messages().c_str());
        return 1;
    }
    const NetworkModel& model = built.value();
    std::printf("build: %.1f ms (%zu nodes, %zu edges; %zu snapped, %zu unconnected sites)\n",
                buildMs, model.nodes().size(), model.edges().size(), report.snapped.size(),
                report.unconnectedSites.size());

    const auto none = NetworkFailures::none(model);
    t0 = Clock::now();
    const auto fast = computeBackhaul(model, none);
    const double bfsMs = ms(Clock::now() - t0);
    t0 = Clock::now();
    const auto brute = bench::bruteBackhaul(model, none);
    const double bruteMs = ms(Clock::now() - t0);
    std::size_t agree = 0, sites = 0;
    for (std::size_t i = 0; i < model.nodes().size(); ++i)
        if (model.nodes()[i].kind == NetworkNodeKind::Site) {
            ++sites;
            agree += fast[i] == brute[i] ? 1 : 0;
        }
    std::printf(
        "backhaul: multi-source BFS %.2f ms | BFS per site %.1f ms | ratio %.0fx "
        "(agree on %zu of %zu sites)\n",
        bfsMs, bruteMs, bruteMs / std::max(bfsMs, 1e-6), agree, sites);

    t0 = Clock::now();
    ImpactAnalyzer analyzer(model);
    std::printf("impact analyzer set-up: %.1f ms\n", ms(Clock::now() - t0));

    // Cuts: half on grid cables at a random position, half on spurs (a site lost).
    std::mt19937 rng(o.seed + 1);
    const auto ids = model.cableIds();
    std::vector<std::string> grid, spurs;
    for (const auto& id : ids)
        (id.rfind("SP-", 0) == 0 ? spurs : grid).push_back(id);
    std::vector<double> cutMs, bruteCutMs;
    std::size_t lost = 0;
    for (int k = 0; k < o.cuts; ++k) {
        const auto& pool = k % 2 ? spurs : grid;
        const std::string& id =
            pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng)];
        const double arc = std::uniform_real_distribution<double>(0.0, model.cableLengthM(id))(rng);
        t0 = Clock::now();
        const auto impact = analyzer.cableCut(id, arc);
        cutMs.push_back(ms(Clock::now() - t0));
        lost += impact ? impact->sitesLost.size() : 0;
        // Baseline: the same failure, backhaul by a BFS per site, the same
        // coverage; on the first few cuts only (each scans the whole city).
        if (k >= kBruteCuts)
            continue;
        auto f = NetworkFailures::none(model);
        f.edgeDown[*model.edgeAt(id, arc)] = true;
        t0 = Clock::now();
        const auto b = bench::bruteBackhaul(model, f);
        const auto serving = servingSites(model, f, b);
        const auto coverage = computeCoverageLoss(model, serving, analyzer.baselineServing());
        bruteCutMs.push_back(ms(Clock::now() - t0));
        (void)coverage;
    }
    std::printf(
        "cableCut median: %.2f ms (n=%d, %zu sites lost in all) | BFS per site %.1f ms "
        "| ratio %.0fx\n",
        median(cutMs), o.cuts, lost, median(bruteCutMs),
        median(bruteCutMs) / std::max(median(cutMs), 1e-6));
    return 0;
}
