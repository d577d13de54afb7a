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
CoverageLoss computeCoverageLoss(const NetworkModel& model, const std::vector<bool>& serving);

struct ImpactSummary {
    std::vector<std::string> sitesLost;               ///< sorted
    std::map<std::string, int> sitesLostByOperator;   ///< operator -> count
    std::vector<std::string> sitesKeptByRedundancy;   ///< on the failed cable's stretch's side, still served
    CoverageLoss coverage;
};

class ImpactAnalyzer {
public:
    explicit ImpactAnalyzer(const NetworkModel& model);
    /// A cut of the cable at arcM (nullopt: the whole cable fails).
    std::optional<ImpactSummary> cableCut(const std::string& cableId, std::optional<double> arcM) const;
    /// A site out of service (power, equipment).
    std::optional<ImpactSummary> siteOutage(const std::string& siteId) const;
    /// Any set of failures.
    ImpactSummary impactOf(const NetworkFailures& failures) const;

private:
    const NetworkModel& _model;
};

}  // namespace citytwin::assets
