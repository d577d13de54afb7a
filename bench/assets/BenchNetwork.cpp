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

/// Grid lines every kBlockM; machine rooms at every fourth crossing; each
/// site 40-160 m off a random grid cable with a spur to it (to = the site).
constexpr double kBlockM = 1000.0;
constexpr int kBruteCuts = 4;

AssetProject generate(const Options& o) {
    std::mt19937 rng(o.seed);
    const MetricPlane plane({121.4737, 31.2304, 0.0});
    const auto at = [&](double e, double n) { return plane.toGeographic({e, n}); };
    const double half = o.km * 500.0;
    const int blocks = static_cast<int>(o.km * 1000.0 / kBlockM);
    AssetProject p;
    p.sourcePath = "generated";
    for (int i = 0; i <= blocks; i += 4)
        for (int j = 0; j <= blocks; j += 4) {
            CoreNode c;
            c.id = "MR-" + std::to_string(i) + "-" + std::to_string(j);
            c.position = at(-half + i * kBlockM, -half + j * kBlockM);
            p.coreNodes.push_back(c);
        }
    // One cable per block side: ends meet at the crossings (snapped).
    for (int i = 0; i <= blocks; ++i)
        for (int j = 0; j < blocks; ++j) {
            for (int dir = 0; dir < 2; ++dir) {
                Cable c;
                c.id = std::string(dir ? "V-" : "H-") + std::to_string(i) + "-" + std::to_string(j);
                c.maybeCableClass = CableClass::Duct;
                geo::LineString l;
                for (int k = 0; k <= 10; ++k) {  // a vertex every 100 m
                    const double along = -half + (j + k / 10.0) * kBlockM;
                    const double across = -half + i * kBlockM;
                    l.push_back(dir ? at(across, along) : at(along, across));
                }
                c.lines.push_back(std::move(l));
                p.cables.push_back(std::move(c));
            }
        }
    std::uniform_int_distribution<int> line(0, blocks);
    std::uniform_real_distribution<double> along(0.02, 0.98), off(40.0, 160.0);
    std::bernoulli_distribution side(0.5), vertical(0.5);
    const char* operators[] = {"China Mobile", "China Unicom", "China Telecom", "China Tower"};
    for (int i = 0; i < o.sites; ++i) {
        const bool v = vertical(rng);
        const double across = -half + line(rng) * kBlockM;
        const double a = -half + along(rng) * (o.km * 1000.0);
        double d = off(rng) * (side(rng) ? 1 : -1);
        if (across + d < -half || across + d > half)
            d = -d;
        const auto foot = v ? at(across, a) : at(a, across);
        const auto pos = v ? at(across + d, a) : at(a, across + d);
        BaseStation s;
        s.id = "S" + std::to_string(i);
        s.operatorName = operators[i % 4];
        s.maybeStatus = i % 10 == 9 ? SiteStatus::Planned : SiteStatus::Active;
        s.maybeCoverageRadiusM = 150.0 + (i % 5) * 50.0;
        s.position = pos;
        p.baseStations.push_back(s);
        Cable spur;
        spur.id = "SP-" + std::to_string(i);
        spur.maybeCableClass = CableClass::Duct;
        spur.toId = s.id;
        spur.lines.push_back({foot, pos});
        p.cables.push_back(std::move(spur));
    }
    return p;
}

/// The baseline: for every site a BFS of its own until it meets a core node.
std::vector<bool> bruteBackhaul(const NetworkModel& m, const NetworkFailures& f) {
    const auto& nodes = m.nodes();
    const auto& edges = m.edges();
    std::vector<bool> out(nodes.size(), false);
    std::vector<int> seen(nodes.size(), -1);
    std::vector<std::size_t> queue;
    for (std::size_t s = 0; s < nodes.size(); ++s) {
        if (nodes[s].kind != NetworkNodeKind::Site || f.nodeDown[s])
            continue;
        queue.assign(1, s);
        seen[s] = static_cast<int>(s);
        for (std::size_t head = 0; head < queue.size() && !out[s]; ++head) {
            const std::size_t n = queue[head];
            if (nodes[n].kind == NetworkNodeKind::Core) {
                out[s] = true;
                break;
            }
            for (const std::size_t e : m.incident(n)) {
                const std::size_t other = edges[e].from == n ? edges[e].to : edges[e].from;
                if (f.edgeDown[e] || f.nodeDown[other] || seen[other] == static_cast<int>(s))
                    continue;
                seen[other] = static_cast<int>(s);
                queue.push_back(other);
            }
        }
    }
    return out;
}

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
    const AssetProject project = generate(o);
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
    const auto brute = bruteBackhaul(model, none);
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
        const auto b = bruteBackhaul(model, f);
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
