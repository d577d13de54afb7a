#pragma once
// The infrastructure's connectivity graph: core nodes (machine rooms, data
// centres, landing stations), base stations and junctions are nodes; each
// cable becomes a chain of edges between the points where something attaches
// to it, each edge covering an arc-length range of the cable, so a cut at a
// position fails only the stretch that holds it. docs/network.md documents
// how the graph is built (explicit from/to, else snapping) and the tolerance.
//
// Thread safety: a built model is immutable; share it by const reference.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "citytwin/assets/AssetEnums.h"
#include "citytwin/assets/MetricPlane.h"
#include "citytwin/assets/PackedRTree.h"
#include "citytwin/geo/Feature.h"

namespace citytwin::assets {

enum class NetworkNodeKind { Core, Site, Junction };

struct NetworkNode {
    std::string id;  ///< core node or site id; junctions "J:<cable id>:<n>"
    NetworkNodeKind kind = NetworkNodeKind::Junction;
    std::optional<CoreNodeKind> maybeCoreKind;  ///< core nodes only
    std::string operatorName;
    geo::GeoPoint position;      ///< WGS 84 degrees
    double coverageRadiusM = 0;  ///< sites: attribute, else the rules' default by host type
    bool inService = true;  ///< sites: status active (planned/decommissioned sites serve nobody)
};

struct NetworkEdge {
    std::string cableId;
    std::size_t from = 0;  ///< node index
    std::size_t to = 0;    ///< node index
    /// Arc length along the cable (from its first vertex) where the edge
    /// starts, and where it ends; startM <= endM.
    double startM = 0;
    double endM = 0;
};

/// A point on a cable: its arc length from the first vertex and where it is.
struct CablePosition {
    double arcM = 0;
    geo::GeoPoint point;
};

class NetworkModel {
public:
    NetworkModel() = default;
    NetworkModel(std::vector<NetworkNode> nodes, std::vector<NetworkEdge> edges,
                 std::unordered_map<std::string, std::vector<geo::GeoPoint>> cableLines);

    const std::vector<NetworkNode>& nodes() const { return _nodes; }
    const std::vector<NetworkEdge>& edges() const { return _edges; }
    std::optional<std::size_t> findNode(std::string_view id) const;
    bool hasCable(std::string_view cableId) const;
    /// Edge indices of a cable, ordered along it.
    const std::vector<std::size_t>& edgesOfCable(std::string_view cableId) const;
    /// Edge indices touching a node.
    const std::vector<std::size_t>& incident(std::size_t node) const { return _incident[node]; }
    /// The edge of a cable whose range holds arcM (the first one at a shared
    /// end); nullopt more than 0.5 m before its start or beyond its end.
    std::optional<std::size_t> edgeAt(std::string_view cableId, double arcM) const;
    double cableLengthM(std::string_view cableId) const;
    /// The point at arcM along the cable (clamped to its ends).
    std::optional<geo::GeoPoint> pointAlong(std::string_view cableId, double arcM) const;
    /// The point of the cable nearest p.
    std::optional<CablePosition> locate(std::string_view cableId, const geo::GeoPoint& p) const;
    /// The cable's centreline (parts joined in order), WGS 84.
    const std::vector<geo::GeoPoint>* cableLine(std::string_view cableId) const;
    /// Cable ids, sorted.
    std::vector<std::string> cableIds() const;

    /// The metric plane every arc length and distance is measured in (tangent
    /// plane at the centre of the nodes' and cables' extent).
    const MetricPlane& plane() const { return _plane; }
    /// The cable's centreline in the plane and the arc length at each vertex.
    const std::vector<PlanePoint>* cablePlaneLine(std::string_view cableId) const;
    const std::vector<double>* cableArcs(std::string_view cableId) const;
    /// Sites (node indices, ascending) whose coverage disc's box meets the
    /// box of radiusM around p: a superset, measure before using.
    std::vector<std::size_t> sitesNear(PlanePoint p, double radiusM) const;
    /// The largest coverage radius of any site (m).
    double maxCoverageRadiusM() const { return _maxCoverageRadiusM; }

private:
    std::vector<NetworkNode> _nodes;
    std::vector<NetworkEdge> _edges;
    std::unordered_map<std::string, std::vector<geo::GeoPoint>> _cableLines;
    std::unordered_map<std::string, std::size_t> _nodeById;
    std::unordered_map<std::string, std::vector<std::size_t>> _edgesByCable;
    std::unordered_map<std::string, double> _cableLength;
    std::vector<std::vector<std::size_t>> _incident;
    MetricPlane _plane{geo::GeoPoint{}};
    std::unordered_map<std::string, std::vector<PlanePoint>> _planeLines;
    std::unordered_map<std::string, std::vector<double>> _arcs;
    PackedRTree _siteDiscs;  ///< plane boxes of the sites' coverage discs
    double _maxCoverageRadiusM = 0;
};

/// What is down: flags indexed like NetworkModel::edges() and nodes().
struct NetworkFailures {
    std::vector<bool> edgeDown;
    std::vector<bool> nodeDown;
    static NetworkFailures none(const NetworkModel& model);
};

/// Per node: an in-service site that is not down and has backhaul.
std::vector<bool> servingSites(const NetworkModel& model, const NetworkFailures& failures,
                               const std::vector<bool>& backhaul);

/// Per node: joined to a working core node by working cables and nodes.
/// A down node neither has backhaul nor carries traffic through it.
std::vector<bool> computeBackhaul(const NetworkModel& model, const NetworkFailures& failures);

/// The failed elements (cable ids and node ids, sorted, unique) on the
/// boundary of the working part of the graph that holds `node`: why it has
/// no backhaul. Empty when it has backhaul.
std::vector<std::string> backhaulCause(const NetworkModel& model, const NetworkFailures& failures,
                                       std::size_t node);

}  // namespace citytwin::assets
