#include "GeneratedNetwork.h"

#include <random>
#include <string>

#include "citytwin/assets/MetricPlane.h"

namespace citytwin::bench {

using namespace citytwin::assets;

namespace {
constexpr double kBlockM = 1000.0;
}  // namespace

AssetProject generateNetworkCity(int sites, double km, unsigned seed) {
    struct {
        int sites;
        double km;
        unsigned seed;
    } o{sites, km, seed};
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

}  // namespace citytwin::bench
