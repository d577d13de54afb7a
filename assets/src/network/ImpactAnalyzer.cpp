#include "citytwin/assets/network/ImpactAnalyzer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <queue>
#include <set>

#include <ogr_api.h>
#include <ogr_geometry.h>

#include "../OgrGeometry.h"
#include "citytwin/geo/GdalSupport.h"

namespace citytwin::assets {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr int kDiscVertices = 64;

/// A regular 64-gon of the disc's exact area: the radius is scaled by
/// sqrt(theta / sin theta) (theta = 2 pi / 64), so areas add up to pi r^2.
std::unique_ptr<OGRPolygon> disc(PlanePoint c, double r) {
    const double theta = 2.0 * M_PI / kDiscVertices;
    const double rr = r * std::sqrt(theta / std::sin(theta));
    auto ring = std::make_unique<OGRLinearRing>();
    for (int i = 0; i <= kDiscVertices; ++i) {
        const double a = theta * (i % kDiscVertices);
        ring->addPoint(c.east + rr * std::cos(a), c.north + rr * std::sin(a));
    }
    auto polygon = std::make_unique<OGRPolygon>();
    polygon->addRingDirectly(ring.release());
    return polygon;
}

std::unique_ptr<OGRGeometry> unionOf(const NetworkModel& model,
                                     const std::vector<std::size_t>& sites) {
    OGRMultiPolygon parts;
    for (const std::size_t i : sites) {
        const auto& n = model.nodes()[i];
        parts.addGeometryDirectly(
            disc(model.plane().toPlane(n.position), n.coverageRadiusM).release());
    }
    return std::unique_ptr<OGRGeometry>(parts.UnionCascaded());
}

bool flag(const std::vector<bool>& v, std::size_t i) {
    return i < v.size() && v[i];
}

}  // namespace

CoverageLoss computeCoverageLoss(const NetworkModel& model, const std::vector<bool>& serving) {
    std::vector<bool> reference(model.nodes().size(), false);
    for (std::size_t i = 0; i < reference.size(); ++i)
        reference[i] = model.nodes()[i].kind == NetworkNodeKind::Site && model.nodes()[i].inService;
    return computeCoverageLoss(model, serving, reference);
}

CoverageLoss computeCoverageLoss(const NetworkModel& model, const std::vector<bool>& serving,
                                 const std::vector<bool>& reference) {
    CoverageLoss loss;
    const auto& nodes = model.nodes();
    std::vector<std::size_t> lost;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == NetworkNodeKind::Site && nodes[i].coverageRadiusM > 0.0 &&
            flag(reference, i) && !flag(serving, i))
            lost.push_back(i);
    if (lost.empty())
        return loss;
    // Serving sites whose disc meets a lost disc: the only ones that matter.
    std::set<std::size_t> near;
    for (const std::size_t i : lost) {
        const PlanePoint p = model.plane().toPlane(nodes[i].position);
        for (const std::size_t j : model.sitesNear(p, nodes[i].coverageRadiusM)) {
            if (!flag(serving, j) || nodes[j].kind != NetworkNodeKind::Site)
                continue;
            const PlanePoint q = model.plane().toPlane(nodes[j].position);
            if (std::hypot(p.east - q.east, p.north - q.north) <
                nodes[i].coverageRadiusM + nodes[j].coverageRadiusM)
                near.insert(j);
        }
    }
    geo::ensureGdalInitialised();
    std::unique_ptr<OGRGeometry> area = unionOf(model, lost);
    if (area && !near.empty()) {
        const auto covered = unionOf(model, {near.begin(), near.end()});
        if (covered)
            area.reset(area->Difference(covered.get()));
    }
    for (const std::size_t i : lost)
        loss.sites.push_back(nodes[i].id);
    std::sort(loss.sites.begin(), loss.sites.end());
    if (!area || area->IsEmpty())
        return loss;
    // Any geometry type GEOS hands back (polygon, multi, collection).
    loss.areaKm2 = OGR_G_Area(OGRGeometry::ToHandle(area.get())) / 1e6;
    loss.polygons = detail::polygonsOf(*area);
    for (auto& polygon : loss.polygons)
        for (auto& ring : polygon.rings)
            for (auto& q : ring)
                q = model.plane().toGeographic({q.x, q.y});
    return loss;
}

ImpactAnalyzer::ImpactAnalyzer(const NetworkModel& model) : _model(model) {
    const auto none = NetworkFailures::none(model);
    _baselineServing = servingSites(model, none, computeBackhaul(model, none));
    // Primary paths: Dijkstra from every core node by cable length; ties by
    // node index, so the tree (and what counts as "kept") is deterministic.
    const auto& nodes = model.nodes();
    const auto& edges = model.edges();
    std::vector<double> dist(nodes.size(), std::numeric_limits<double>::infinity());
    _parentEdge.assign(nodes.size(), kNone);
    _parentNode.assign(nodes.size(), kNone);
    using Item = std::pair<double, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == NetworkNodeKind::Core) {
            dist[i] = 0.0;
            queue.push({0.0, i});
        }
    std::vector<bool> done(nodes.size(), false);
    while (!queue.empty()) {
        const auto [d, n] = queue.top();
        queue.pop();
        if (done[n])
            continue;
        done[n] = true;
        _primaryOrder.push_back(n);
        for (const std::size_t e : model.incident(n)) {
            const std::size_t other = edges[e].from == n ? edges[e].to : edges[e].from;
            const double nd = d + (edges[e].endM - edges[e].startM);
            if (!done[other] && nd < dist[other]) {
                dist[other] = nd;
                _parentEdge[other] = e;
                _parentNode[other] = n;
                queue.push({nd, other});
            }
        }
    }
}

std::optional<ImpactSummary> ImpactAnalyzer::cableCut(const std::string& cableId,
                                                      std::optional<double> arcM) const {
    if (!_model.hasCable(cableId))
        return std::nullopt;
    auto failures = NetworkFailures::none(_model);
    if (arcM) {
        const auto e = _model.edgeAt(cableId, *arcM);
        if (!e)
            return std::nullopt;
        failures.edgeDown[*e] = true;
    } else {
        for (const std::size_t e : _model.edgesOfCable(cableId))
            failures.edgeDown[e] = true;
    }
    return impactOf(failures);
}

std::optional<ImpactSummary> ImpactAnalyzer::siteOutage(const std::string& siteId) const {
    const auto n = _model.findNode(siteId);
    if (!n || _model.nodes()[*n].kind != NetworkNodeKind::Site)
        return std::nullopt;
    auto failures = NetworkFailures::none(_model);
    failures.nodeDown[*n] = true;
    return impactOf(failures);
}

ImpactSummary ImpactAnalyzer::impactOf(const NetworkFailures& failures) const {
    const auto& nodes = _model.nodes();
    const auto serving = servingSites(_model, failures, computeBackhaul(_model, failures));
    ImpactSummary out;
    // A node depends on a failure when its primary path crosses it.
    std::vector<bool> dependent(nodes.size(), false);
    for (const std::size_t n : _primaryOrder) {
        const std::size_t e = _parentEdge[n];
        dependent[n] = flag(failures.nodeDown, n) ||
                       (e != kNone && (flag(failures.edgeDown, e) || dependent[_parentNode[n]]));
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!_baselineServing[i])
            continue;
        if (!serving[i]) {
            out.sitesLost.push_back(nodes[i].id);
            ++out.sitesLostByOperator[nodes[i].operatorName];
        } else if (dependent[i]) {
            out.sitesKeptByRedundancy.push_back(nodes[i].id);
        }
    }
    std::sort(out.sitesLost.begin(), out.sitesLost.end());
    std::sort(out.sitesKeptByRedundancy.begin(), out.sitesKeptByRedundancy.end());
    out.coverage = computeCoverageLoss(_model, serving, _baselineServing);
    return out;
}

}  // namespace citytwin::assets
