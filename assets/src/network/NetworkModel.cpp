#include "citytwin/assets/network/NetworkModel.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <set>

namespace citytwin::assets {
namespace {

/// Centre of every node and cable vertex: the plane's origin, so that the
/// builder (which builds a geometry-only model first) and the final model
/// measure arcs in the same plane (junctions lie on the cables).
geo::GeoPoint centreOf(const std::vector<NetworkNode>& nodes,
                       const std::unordered_map<std::string, std::vector<geo::GeoPoint>>& lines) {
    geo::Extent e;
    for (const auto& n : nodes)
        e.add(n.position.x, n.position.y);
    for (const auto& [id, line] : lines)
        for (const auto& q : line)
            e.add(q.x, q.y);
    if (e.isEmpty())
        return {};
    return {e.centerX(), e.centerY(), 0.0};
}

const std::vector<std::size_t>& emptyIndices() {
    static const std::vector<std::size_t> kEmpty;
    return kEmpty;
}

PlanePoint lerp(PlanePoint a, PlanePoint b, double t) {
    return {a.east + (b.east - a.east) * t, a.north + (b.north - a.north) * t};
}

}  // namespace

NetworkModel::NetworkModel(std::vector<NetworkNode> nodes, std::vector<NetworkEdge> edges,
                           std::unordered_map<std::string, std::vector<geo::GeoPoint>> cableLines)
    : _nodes(std::move(nodes)),
      _edges(std::move(edges)),
      _cableLines(std::move(cableLines)),
      _incident(_nodes.size()),
      _plane(centreOf(_nodes, _cableLines)) {
    for (std::size_t i = 0; i < _nodes.size(); ++i)
        _nodeById.emplace(_nodes[i].id, i);
    for (const auto& [id, line] : _cableLines) {
        auto& pts = _planeLines[id];
        auto& arcs = _arcs[id];
        pts = _plane.toPlane(line);
        arcs.assign(pts.size(), 0.0);
        for (std::size_t i = 1; i < pts.size(); ++i)
            arcs[i] = arcs[i - 1] +
                      std::hypot(pts[i].east - pts[i - 1].east, pts[i].north - pts[i - 1].north);
        _cableLength[id] = arcs.empty() ? 0.0 : arcs.back();
        _edgesByCable[id];
    }
    for (std::size_t e = 0; e < _edges.size(); ++e) {
        _edgesByCable[_edges[e].cableId].push_back(e);
        _incident[_edges[e].from].push_back(e);
        if (_edges[e].to != _edges[e].from)
            _incident[_edges[e].to].push_back(e);
    }
    for (auto& [id, list] : _edgesByCable)
        std::stable_sort(list.begin(), list.end(), [this](std::size_t a, std::size_t b) {
            return _edges[a].startM < _edges[b].startM;
        });
    std::vector<PackedRTree::Item> discs;
    for (std::size_t i = 0; i < _nodes.size(); ++i) {
        const auto& n = _nodes[i];
        if (n.kind != NetworkNodeKind::Site)
            continue;
        const PlanePoint p = _plane.toPlane(n.position);
        const double r = n.coverageRadiusM;
        _maxCoverageRadiusM = std::max(_maxCoverageRadiusM, r);
        geo::Extent box;
        box.add(p.east - r, p.north - r);
        box.add(p.east + r, p.north + r);
        discs.push_back({box, static_cast<std::uint32_t>(i)});
    }
    _siteDiscs = PackedRTree(std::move(discs));
}

std::optional<std::size_t> NetworkModel::findNode(std::string_view id) const {
    const auto it = _nodeById.find(std::string(id));
    if (it == _nodeById.end())
        return std::nullopt;
    return it->second;
}

bool NetworkModel::hasCable(std::string_view cableId) const {
    return _cableLines.count(std::string(cableId)) > 0;
}

const std::vector<std::size_t>& NetworkModel::edgesOfCable(std::string_view cableId) const {
    const auto it = _edgesByCable.find(std::string(cableId));
    return it == _edgesByCable.end() ? emptyIndices() : it->second;
}

std::optional<std::size_t> NetworkModel::edgeAt(std::string_view cableId, double arcM) const {
    const auto& list = edgesOfCable(cableId);
    if (list.empty() || !std::isfinite(arcM))
        return std::nullopt;
    const double length = cableLengthM(cableId);
    // Half a metre of slack: a position measured in another metric frame (a
    // click, a scenario's lon/lat) differs from ours by millimetres.
    constexpr double kSlackM = 0.5;
    if (arcM < -kSlackM || arcM > length + kSlackM)
        return std::nullopt;
    for (const std::size_t e : list)
        if (arcM <= _edges[e].endM + kSlackM)
            return e;
    return list.back();
}

double NetworkModel::cableLengthM(std::string_view cableId) const {
    const auto it = _cableLength.find(std::string(cableId));
    return it == _cableLength.end() ? 0.0 : it->second;
}

std::optional<geo::GeoPoint> NetworkModel::pointAlong(std::string_view cableId, double arcM) const {
    const auto* pts = cablePlaneLine(cableId);
    const auto* arcs = cableArcs(cableId);
    if (!pts || pts->empty() || !std::isfinite(arcM))
        return std::nullopt;
    if (arcM <= 0.0 || pts->size() == 1)
        return _cableLines.at(std::string(cableId)).front();
    if (arcM >= arcs->back())
        return _cableLines.at(std::string(cableId)).back();
    const auto it = std::upper_bound(arcs->begin(), arcs->end(), arcM);
    const std::size_t i =
        static_cast<std::size_t>(it - arcs->begin());  // arcs[i-1] <= arcM < arcs[i]
    const double span = (*arcs)[i] - (*arcs)[i - 1];
    const double t = span > 0.0 ? (arcM - (*arcs)[i - 1]) / span : 0.0;
    return _plane.toGeographic(lerp((*pts)[i - 1], (*pts)[i], t));
}

std::optional<CablePosition> NetworkModel::locate(std::string_view cableId,
                                                  const geo::GeoPoint& p) const {
    const auto* pts = cablePlaneLine(cableId);
    const auto* arcs = cableArcs(cableId);
    if (!pts || pts->empty())
        return std::nullopt;
    const PlanePoint q = _plane.toPlane(p);
    double best = std::hypot(q.east - pts->front().east, q.north - pts->front().north);
    PlanePoint bestPoint = pts->front();
    double bestArc = 0.0;
    for (std::size_t i = 1; i < pts->size(); ++i) {
        const PlanePoint a = (*pts)[i - 1], b = (*pts)[i];
        const double dx = b.east - a.east, dy = b.north - a.north;
        const double len2 = dx * dx + dy * dy;
        double t = len2 > 0.0 ? ((q.east - a.east) * dx + (q.north - a.north) * dy) / len2 : 0.0;
        t = std::clamp(t, 0.0, 1.0);
        const PlanePoint c = lerp(a, b, t);
        const double d = std::hypot(q.east - c.east, q.north - c.north);
        if (d < best) {
            best = d;
            bestPoint = c;
            bestArc = (*arcs)[i - 1] + t * ((*arcs)[i] - (*arcs)[i - 1]);
        }
    }
    return CablePosition{bestArc, _plane.toGeographic(bestPoint)};
}

const std::vector<geo::GeoPoint>* NetworkModel::cableLine(std::string_view cableId) const {
    const auto it = _cableLines.find(std::string(cableId));
    return it == _cableLines.end() ? nullptr : &it->second;
}

std::vector<std::string> NetworkModel::cableIds() const {
    std::vector<std::string> out;
    out.reserve(_cableLines.size());
    for (const auto& [id, line] : _cableLines)
        out.push_back(id);
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<PlanePoint>* NetworkModel::cablePlaneLine(std::string_view cableId) const {
    const auto it = _planeLines.find(std::string(cableId));
    return it == _planeLines.end() ? nullptr : &it->second;
}

const std::vector<double>* NetworkModel::cableArcs(std::string_view cableId) const {
    const auto it = _arcs.find(std::string(cableId));
    return it == _arcs.end() ? nullptr : &it->second;
}

std::vector<std::size_t> NetworkModel::sitesNear(PlanePoint p, double radiusM) const {
    geo::Extent box;
    box.add(p.east - radiusM, p.north - radiusM);
    box.add(p.east + radiusM, p.north + radiusM);
    std::vector<std::uint32_t> hits;
    _siteDiscs.query(box, hits);
    std::vector<std::size_t> out(hits.begin(), hits.end());
    std::sort(out.begin(), out.end());
    return out;
}

NetworkFailures NetworkFailures::none(const NetworkModel& model) {
    NetworkFailures f;
    f.edgeDown.assign(model.edges().size(), false);
    f.nodeDown.assign(model.nodes().size(), false);
    return f;
}

namespace {
bool isDown(const std::vector<bool>& flags, std::size_t i) {
    return i < flags.size() && flags[i];
}
}  // namespace

std::vector<bool> computeBackhaul(const NetworkModel& model, const NetworkFailures& failures) {
    const auto& nodes = model.nodes();
    const auto& edges = model.edges();
    std::vector<bool> reached(nodes.size(), false);
    std::vector<std::size_t> queue;
    queue.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == NetworkNodeKind::Core && !isDown(failures.nodeDown, i)) {
            reached[i] = true;
            queue.push_back(i);
        }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t n = queue[head];
        for (const std::size_t e : model.incident(n)) {
            if (isDown(failures.edgeDown, e))
                continue;
            const std::size_t other = edges[e].from == n ? edges[e].to : edges[e].from;
            if (reached[other] || isDown(failures.nodeDown, other))
                continue;
            reached[other] = true;
            queue.push_back(other);
        }
    }
    return reached;
}

std::vector<bool> servingSites(const NetworkModel& model, const NetworkFailures& failures,
                               const std::vector<bool>& backhaul) {
    const auto& nodes = model.nodes();
    std::vector<bool> out(nodes.size(), false);
    for (std::size_t i = 0; i < nodes.size(); ++i)
        out[i] = nodes[i].kind == NetworkNodeKind::Site && nodes[i].inService &&
                 !isDown(failures.nodeDown, i) && i < backhaul.size() && backhaul[i];
    return out;
}

std::vector<std::string> backhaulCause(const NetworkModel& model, const NetworkFailures& failures,
                                       std::size_t node) {
    const auto& nodes = model.nodes();
    const auto& edges = model.edges();
    if (node >= nodes.size())
        return {};
    if (isDown(failures.nodeDown, node))
        return {nodes[node].id};
    std::vector<bool> seen(nodes.size(), false);
    std::vector<std::size_t> queue{node};
    seen[node] = true;
    std::set<std::string> cause;
    bool hasCore = false;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t n = queue[head];
        hasCore = hasCore || nodes[n].kind == NetworkNodeKind::Core;
        for (const std::size_t e : model.incident(n)) {
            const std::size_t other = edges[e].from == n ? edges[e].to : edges[e].from;
            if (isDown(failures.edgeDown, e)) {
                cause.insert(edges[e].cableId);
            } else if (isDown(failures.nodeDown, other)) {
                cause.insert(nodes[other].id);
            } else if (!seen[other]) {
                seen[other] = true;
                queue.push_back(other);
            }
        }
    }
    if (hasCore)
        return {};  // it has backhaul: nothing to blame
    return {cause.begin(), cause.end()};
}

}  // namespace citytwin::assets
