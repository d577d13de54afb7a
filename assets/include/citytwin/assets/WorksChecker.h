#pragma once
// check-works: what the rules say about a works area (a polygon, its kind
// and dates).
//   SH-19   every asset (base station, cable) within the notice distance,
//           one finding per operator (tenants of a shared site included);
//   SH-24-2 excavation-type works touching a land cable's protection zone;
//   SH-24-3, SCP-8  marine works inside an underwater / submarine zone.
// A works polygon "touches" a zone when its distance to the cable's
// centreline is at most the zone's half-width (exactly the buffer test,
// without polygonising the buffer).
//
// Thread safety: check() is const and may run concurrently.

#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/AssetIndex.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/assets/IsoDate.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

struct WorksProposal {
    std::vector<geo::Polygon> polygons;  ///< WGS 84 degrees
    WorksKind kind = WorksKind::Other;
    std::optional<IsoDate> maybeStart;
    std::optional<IsoDate> maybeEnd;
};

class WorksChecker {
public:
    WorksChecker(const AssetIndex& index, const RuleSet& rules);

    /// Fails if the polygon is empty, not valid (e.g. self-intersecting),
    /// outside the project's extent, or ends before it starts.
    geo::Result<std::vector<Finding>> check(const WorksProposal& works) const;

private:
    const AssetIndex& _index;
    const RuleSet& _rules;
};

/// Chinese name of a works kind, for messages.
std::string_view worksKindZh(WorksKind kind);

}  // namespace citytwin::assets
