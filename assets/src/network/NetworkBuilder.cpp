// Builds the connectivity graph (docs/network.md). Cables are processed in
// id order and their ends from before to, so the same project always gives
// the same junctions, edges and report whatever the layers' order.

#include "citytwin/assets/network/NetworkBuilder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "citytwin/assets/PackedRTree.h"

namespace citytwin::assets {
namespace {

struct Attachment {
    double arcM = 0;
    std::size_t node = 0;
};

/// A cable's parts joined in order: part i+1 follows part i (a repeated
/// joint vertex is dropped; a gap is bridged by a straight stretch).
geo::LineString joinParts(const std::vector<geo::LineString>& parts) {
    geo::LineString out;
    for (const auto& part : parts)
        for (const auto& q : part) {
            if (!out.empty() && out.back().x == q.x && out.back().y == q.y)
                continue;
            out.push_back(q);
        }
    return out;
}

double distance(PlanePoint a, PlanePoint b) {
    return std::hypot(a.east - b.east, a.north - b.north);
}

geo::Extent boxAround(PlanePoint p, double r) {
    geo::Extent box;
    box.add(p.east - r, p.north - r);
    box.add(p.east + r, p.north + r);
    return box;
}

/// The point of segment ab nearest p, as a fraction along it.
double projectOnSegment(PlanePoint p, PlanePoint a, PlanePoint b) {
    const double dx = b.east - a.east, dy = b.north - a.north;
    const double len2 = dx * dx + dy * dy;
    if (len2 <= 0.0)
        return 0.0;
    return std::clamp(((p.east - a.east) * dx + (p.north - a.north) * dy) / len2, 0.0, 1.0);
}

/// Everything the build works on, in the plane of the geometry-only model.
class Build {
public:
    Build(const RuleSet& rules, NetworkBuildReport& report)
        : _tol(rules.networkSnapToleranceM), _report(report) {}

    std::vector<NetworkNode> nodes;
    std::vector<std::string> cables;                          ///< sorted ids
    std::vector<std::pair<std::string, std::string>> fromTo;  ///< by cable, sorted order
    std::vector<geo::Diagnostic> errors;

    void run(const std::unordered_map<std::string, std::vector<geo::GeoPoint>>& lines);
    NetworkModel finish(std::unordered_map<std::string, std::vector<geo::GeoPoint>> lines);

private:
    struct Hit {
        double distanceM = std::numeric_limits<double>::infinity();
        std::size_t cable = 0;
        double arcM = 0;
        PlanePoint at;
    };

    void indexTargets();
    void joinEnd(std::size_t cable, bool atFrom, const std::string& explicitId);
    std::optional<std::size_t> nearestTarget(PlanePoint p, double& d) const;
    std::optional<std::size_t> nearestJunction(PlanePoint p, double& d) const;
    Hit nearestCable(PlanePoint p, std::optional<std::size_t> except) const;
    std::size_t addJunction(std::size_t onCable, PlanePoint at);
    std::pair<long, long> cellOf(PlanePoint p) const;

    double _tol;
    NetworkBuildReport& _report;
    std::optional<NetworkModel> _geometry;
    std::vector<const std::vector<PlanePoint>*> _pts;
    std::vector<const std::vector<double>*> _arcs;
    std::vector<std::vector<Attachment>> _attach;
    std::vector<int> _junctionCount;
    std::vector<bool> _reached;
    std::vector<std::pair<std::size_t, std::string>> _looseEnds;  ///< junction, "<cable>:<end>"
    PackedRTree _targets;   ///< core nodes and in-service sites
    PackedRTree _segments;  ///< value = index into _segmentOf
    std::vector<std::pair<std::uint32_t, std::uint32_t>> _segmentOf;  ///< cable, first vertex
    std::map<std::pair<long, long>, std::vector<std::size_t>> _junctionGrid;
};

void Build::run(const std::unordered_map<std::string, std::vector<geo::GeoPoint>>& lines) {
    _geometry.emplace(nodes, std::vector<NetworkEdge>{}, lines);
    for (const auto& id : cables) {
        _pts.push_back(_geometry->cablePlaneLine(id));
        _arcs.push_back(_geometry->cableArcs(id));
    }
    _attach.resize(cables.size());
    _junctionCount.assign(cables.size(), 0);
    _reached.assign(nodes.size(), false);
    indexTargets();
    for (std::size_t c = 0; c < cables.size(); ++c) {
        joinEnd(c, true, fromTo[c].first);
        joinEnd(c, false, fromTo[c].second);
    }
    // Sites no end reached: onto the nearest cable passing within tolerance.
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (nodes[n].kind != NetworkNodeKind::Site || !nodes[n].inService || _reached[n] ||
            _tol <= 0.0)
            continue;
        const PlanePoint p = _geometry->plane().toPlane(nodes[n].position);
        const Hit hit = nearestCable(p, std::nullopt);
        if (hit.distanceM > _tol)
            continue;
        _attach[hit.cable].push_back({hit.arcM, n});
        _reached[n] = true;
        _report.snapped.push_back({cables[hit.cable], "site", nodes[n].id, hit.distanceM});
    }
}

void Build::indexTargets() {
    std::vector<PackedRTree::Item> items;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& n = nodes[i];
        if (n.kind == NetworkNodeKind::Site && !n.inService)
            continue;  // an out-of-service site captures no cable by guesswork
        items.push_back({boxAround(_geometry->plane().toPlane(n.position), 0.0),
                         static_cast<std::uint32_t>(i)});
    }
    _targets = PackedRTree(std::move(items));
    std::vector<PackedRTree::Item> segs;
    for (std::size_t c = 0; c < cables.size(); ++c) {
        const auto& pts = *_pts[c];
        for (std::size_t v = 0; v + 1 < pts.size(); ++v) {
            geo::Extent box;
            box.add(pts[v].east, pts[v].north);
            box.add(pts[v + 1].east, pts[v + 1].north);
            segs.push_back({box, static_cast<std::uint32_t>(_segmentOf.size())});
            _segmentOf.emplace_back(static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(v));
        }
    }
    _segments = PackedRTree(std::move(segs));
}

std::optional<std::size_t> Build::nearestTarget(PlanePoint p, double& d) const {
    std::vector<std::uint32_t> hits;
    _targets.query(boxAround(p, _tol), hits);
    std::optional<std::size_t> best;
    d = std::numeric_limits<double>::infinity();
    for (const auto h : hits) {
        const double dh = distance(p, _geometry->plane().toPlane(nodes[h].position));
        if (dh <= _tol && (dh < d || (dh == d && h < *best))) {
            d = dh;
            best = h;
        }
    }
    return best;
}

std::pair<long, long> Build::cellOf(PlanePoint p) const {
    const double cell = std::max(_tol, 1.0);
    return {static_cast<long>(std::floor(p.east / cell)),
            static_cast<long>(std::floor(p.north / cell))};
}

std::optional<std::size_t> Build::nearestJunction(PlanePoint p, double& d) const {
    const auto [cx, cy] = cellOf(p);
    std::optional<std::size_t> best;
    d = std::numeric_limits<double>::infinity();
    for (long x = cx - 1; x <= cx + 1; ++x)
        for (long y = cy - 1; y <= cy + 1; ++y) {
            const auto it = _junctionGrid.find({x, y});
            if (it == _junctionGrid.end())
                continue;
            for (const std::size_t j : it->second) {
                const double dj = distance(p, _geometry->plane().toPlane(nodes[j].position));
                if (dj <= _tol && (dj < d || (dj == d && j < *best))) {
                    d = dj;
                    best = j;
                }
            }
        }
    return best;
}

Build::Hit Build::nearestCable(PlanePoint p, std::optional<std::size_t> except) const {
    std::vector<std::uint32_t> hits;
    _segments.query(boxAround(p, _tol), hits);
    std::sort(hits.begin(), hits.end());
    Hit best;
    for (const auto h : hits) {
        const auto [c, v] = _segmentOf[h];
        if (except && c == *except)
            continue;
        const auto& pts = *_pts[c];
        const double t = projectOnSegment(p, pts[v], pts[v + 1]);
        const PlanePoint at{pts[v].east + t * (pts[v + 1].east - pts[v].east),
                            pts[v].north + t * (pts[v + 1].north - pts[v].north)};
        const double d = distance(p, at);
        if (d < best.distanceM) {
            best.distanceM = d;
            best.cable = c;
            best.arcM = (*_arcs[c])[v] + t * ((*_arcs[c])[v + 1] - (*_arcs[c])[v]);
            best.at = at;
        }
    }
    return best;
}

std::size_t Build::addJunction(std::size_t onCable, PlanePoint at) {
    NetworkNode j;
    j.id = "J:" + cables[onCable] + ":" + std::to_string(++_junctionCount[onCable]);
    j.kind = NetworkNodeKind::Junction;
    j.position = _geometry->plane().toGeographic(at);
    nodes.push_back(std::move(j));
    _reached.push_back(false);
    const std::size_t index = nodes.size() - 1;
    _junctionGrid[cellOf(at)].push_back(index);
    return index;
}

void Build::joinEnd(std::size_t c, bool atFrom, const std::string& explicitId) {
    const auto& pts = *_pts[c];
    const PlanePoint end = atFrom ? pts.front() : pts.back();
    const double arc = atFrom ? 0.0 : _arcs[c]->back();
    const std::string endName = atFrom ? "from" : "to";
    if (!explicitId.empty()) {
        const auto n = _geometry->findNode(explicitId);
        _attach[c].push_back({arc, *n});  // validated before the build
        _reached[*n] = true;
        ++_report.explicitEnds;
        return;
    }
    if (_tol > 0.0) {
        double d = 0;
        if (const auto n = nearestTarget(end, d)) {
            _attach[c].push_back({arc, *n});
            _reached[*n] = true;
            _report.snapped.push_back({cables[c], endName, nodes[*n].id, d});
            return;
        }
        if (const auto j = nearestJunction(end, d)) {
            _attach[c].push_back({arc, *j});
            _report.snapped.push_back({cables[c], endName, nodes[*j].id, d});
            return;
        }
        const Hit hit = nearestCable(end, c);
        if (hit.distanceM <= _tol) {
            const std::size_t j = addJunction(hit.cable, hit.at);
            _attach[hit.cable].push_back({hit.arcM, j});
            _attach[c].push_back({arc, j});
            _report.snapped.push_back({cables[c], endName, cables[hit.cable], hit.distanceM});
            return;
        }
    }
    const std::size_t j = addJunction(c, end);
    _attach[c].push_back({arc, j});
    _looseEnds.emplace_back(j, cables[c] + ":" + endName);
}

NetworkModel Build::finish(std::unordered_map<std::string, std::vector<geo::GeoPoint>> lines) {
    std::vector<NetworkEdge> edges;
    std::vector<int> cablesAtNode(nodes.size(), 0);
    for (std::size_t c = 0; c < cables.size(); ++c) {
        auto& list = _attach[c];
        std::sort(list.begin(), list.end(), [](const Attachment& a, const Attachment& b) {
            return a.arcM != b.arcM ? a.arcM < b.arcM : a.node < b.node;
        });
        std::vector<Attachment> chain;
        for (const auto& a : list) {
            // The same node twice in a row (a junction reused at its own
            // position): one attachment. A ring's two ends at one room stay.
            if (!chain.empty() && chain.back().node == a.node &&
                a.arcM - chain.back().arcM <= std::max(_tol, 1e-6))
                continue;
            chain.push_back(a);
        }
        std::set<std::size_t> touched;
        for (const auto& a : chain)
            touched.insert(a.node);
        for (const std::size_t n : touched)
            ++cablesAtNode[n];
        for (std::size_t i = 0; i + 1 < chain.size(); ++i)
            edges.push_back(
                {cables[c], chain[i].node, chain[i + 1].node, chain[i].arcM, chain[i + 1].arcM});
        if (chain.size() == 1)  // a cable shorter than the tolerance, both ends on one node
            edges.push_back({cables[c], chain[0].node, chain[0].node, 0.0, _arcs[c]->back()});
    }
    for (const auto& [junction, name] : _looseEnds)
        if (cablesAtNode[junction] <= 1)
            _report.looseCableEnds.push_back(name);
    return NetworkModel(std::move(nodes), std::move(edges), std::move(lines));
}

}  // namespace

NetworkBuilder::NetworkBuilder(const RuleSet& rules) : _rules(rules) {}

geo::Result<NetworkModel> NetworkBuilder::build(const AssetProject& project,
                                                NetworkBuildReport& report) const {
    report = NetworkBuildReport{};
    report.toleranceM = _rules.networkSnapToleranceM;
    Build b(_rules, report);
    std::map<std::string, std::string> layerOf;
    auto addNode = [&](NetworkNode n, const char* layer) {
        const auto [it, fresh] = layerOf.emplace(n.id, layer);
        if (!fresh) {
            b.errors.push_back(geo::makeError(
                "feature '" + n.id + "': duplicate node id (also in " + it->second + ")", layer, 0,
                "id"));
            return;
        }
        b.nodes.push_back(std::move(n));
    };
    for (const auto& c : project.coreNodes) {
        NetworkNode n;
        n.id = c.id;
        n.kind = NetworkNodeKind::Core;
        n.maybeCoreKind = c.kind;
        n.operatorName = c.operatorName;
        n.position = c.position;
        addNode(std::move(n), layers::kCoreNodes);
    }
    for (const auto& s : project.baseStations) {
        NetworkNode n;
        n.id = s.id;
        n.kind = NetworkNodeKind::Site;
        n.operatorName = s.operatorName;
        n.position = s.position;
        n.coverageRadiusM = s.maybeCoverageRadiusM && *s.maybeCoverageRadiusM > 0.0
                                ? *s.maybeCoverageRadiusM
                                : _rules.coverageRadiusFor(s.maybeHostType);
        n.inService = !s.maybeStatus || *s.maybeStatus == SiteStatus::Active;
        addNode(std::move(n), layers::kBaseStations);
    }

    std::unordered_map<std::string, std::vector<geo::GeoPoint>> lines;
    std::map<std::string, std::pair<std::string, std::string>> ends;
    for (const auto& c : project.cables) {
        if (ends.count(c.id)) {
            b.errors.push_back(geo::makeError("feature '" + c.id + "': duplicate cable id",
                                              layers::kCables, 0, "id"));
            continue;
        }
        geo::LineString joined = joinParts(c.lines);
        if (joined.size() < 2) {
            b.errors.push_back(geo::makeError("feature '" + c.id + "': cable without geometry",
                                              layers::kCables, 0, "geometry"));
            continue;
        }
        for (const auto& [field, id] : {std::pair{"from", c.fromId}, std::pair{"to", c.toId}})
            if (!id.empty() && !layerOf.count(id))
                b.errors.push_back(geo::makeError("feature '" + c.id + "': " + field + " names '" +
                                                      id +
                                                      "', which is in neither core_nodes nor "
                                                      "base_stations",
                                                  layers::kCables, 0, field));
        ends[c.id] = {c.fromId, c.toId};
        lines.emplace(c.id, std::move(joined));
    }
    if (!b.errors.empty()) {
        geo::Result<NetworkModel> failed;
        failed.addDiagnostics(b.errors);
        return failed;
    }
    for (const auto& [id, fromTo] : ends) {
        b.cables.push_back(id);
        b.fromTo.push_back(fromTo);
    }
    b.run(lines);
    NetworkModel model = b.finish(std::move(lines));

    const auto backhaul = computeBackhaul(model, NetworkFailures::none(model));
    for (std::size_t i = 0; i < model.nodes().size(); ++i) {
        const auto& n = model.nodes()[i];
        if (n.kind != NetworkNodeKind::Site || !n.inService)
            continue;
        if (model.incident(i).empty())
            report.unconnectedSites.push_back(n.id);
        else if (!backhaul[i])
            report.sitesWithoutCorePath.push_back(n.id);
    }
    std::sort(report.unconnectedSites.begin(), report.unconnectedSites.end());
    std::sort(report.sitesWithoutCorePath.begin(), report.sitesWithoutCorePath.end());
    std::sort(report.looseCableEnds.begin(), report.looseCableEnds.end());
    std::sort(
        report.snapped.begin(), report.snapped.end(), [](const SnapRecord& a, const SnapRecord& b) {
            return std::tie(a.cableId, a.end, a.target) < std::tie(b.cableId, b.end, b.target);
        });
    geo::Result<NetworkModel> result(std::move(model));
    if (project.coreNodes.empty())
        result.addDiagnostic(geo::makeWarning(
            "no core nodes (layer core_nodes missing or empty): no site has backhaul",
            project.sourcePath, 0, layers::kCoreNodes));
    return result;
}

}  // namespace citytwin::assets
