#pragma once
// Builds the NetworkModel from a project's core_nodes, base_stations and
// cables. A cable end with `from`/`to` is joined to the named node; an end
// without one is snapped to the nearest core node or site within the rules'
// snapping tolerance, else to another cable's line (a junction, splitting
// that cable), else it stays loose. A site no cable end reached is attached
// to the nearest cable passing within the tolerance. Everything snapped or
// left unconnected is reported. Distances in metres (MetricPlane).

#include <string>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

struct SnapRecord {
    std::string cableId;
    std::string end;     ///< "from", "to", or "site" (a site attached to a cable's line)
    std::string target;  ///< node id or cable id it was joined to
    double distanceM = 0;
};

struct NetworkBuildReport {
    double toleranceM = 0;
    std::size_t explicitEnds = 0;     ///< ends joined by from/to
    std::vector<SnapRecord> snapped;  ///< ends and sites joined by snapping
    /// "<cable>:from" / "<cable>:to" that reached nothing.
    std::vector<std::string> looseCableEnds;
    std::vector<std::string> unconnectedSites;  ///< in-service sites no cable reaches
    /// In-service sites joined to a cable but with no path to any core node at all.
    std::vector<std::string> sitesWithoutCorePath;
};

class NetworkBuilder {
public:
    explicit NetworkBuilder(const RuleSet& rules);
    /// Errors (naming layer, feature and field): from/to naming an id that is
    /// in no layer, a duplicate node id, a cable without geometry.
    geo::Result<NetworkModel> build(const AssetProject& project, NetworkBuildReport& report) const;

private:
    const RuleSet& _rules;
};

}  // namespace citytwin::assets
