#pragma once
// What-if impact of one failure against the healthy network: which sites lose
// backhaul, per operator, and the area no serving site covers any more. Used
// by the window's "Simulate a cut here" (aim: under 200 ms on the demo) and
// by the scenario engine's coverage steps.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/geo/Feature.h"

namespace citytwin::assets {

/// The area covered when every in-service site serves, minus the area the
/// serving sites cover: lost coverage, WGS 84, with its area in km².
struct CoverageLoss {
    std::vector<geo::Polygon> polygons;
    double areaKm2 = 0;
    std::vector<std::string> sites;  ///< the non-serving sites it comes from, sorted
};

/// serving[i]: node i is an in-service site with backhaul that is not down.
/// Lost: the discs of in-service sites not serving, minus the serving sites'
/// discs (each disc a 64-gon of the disc's area, in the model's plane).
CoverageLoss computeCoverageLoss(const NetworkModel& model, const std::vector<bool>& serving);
/// The same against a reference (e.g. the healthy network's serving sites):
/// lost = discs of sites serving in `reference` but not in `serving`, minus
/// the serving sites' discs. Only sites within reach of a lost disc are read.
CoverageLoss computeCoverageLoss(const NetworkModel& model, const std::vector<bool>& serving,
                                 const std::vector<bool>& reference);

struct ImpactSummary {
    std::vector<std::string> sitesLost;              ///< sorted
    std::map<std::string, int> sitesLostByOperator;  ///< operator -> count
    /// Sites whose primary path (shortest by cable length in the healthy
    /// network) ran through a failed element and that are still served.
    std::vector<std::string> sitesKeptByRedundancy;
    CoverageLoss coverage;
};

class ImpactAnalyzer {
public:
    explicit ImpactAnalyzer(const NetworkModel& model);
    /// A cut of the cable at arcM (nullopt: the whole cable fails).
    std::optional<ImpactSummary> cableCut(const std::string& cableId,
                                          std::optional<double> arcM) const;
    /// A site out of service (power, equipment).
    std::optional<ImpactSummary> siteOutage(const std::string& siteId) const;
    /// Any set of failures.
    ImpactSummary impactOf(const NetworkFailures& failures) const;

    /// The healthy network's serving sites (servingSites of no failure).
    const std::vector<bool>& baselineServing() const { return _baselineServing; }

private:
    const NetworkModel& _model;
    std::vector<bool> _baselineServing;
    std::vector<std::size_t> _primaryOrder;  ///< reached nodes by increasing path length
    std::vector<std::size_t> _parentEdge;    ///< primary path's last edge (npos at a core)
    std::vector<std::size_t> _parentNode;
};

}  // namespace citytwin::assets
