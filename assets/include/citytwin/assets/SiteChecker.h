#pragma once
// check-site: what the Shanghai rules say about a proposed base-station site.
//   SH-11   suitable public facilities within the search radius, nearest
//           first, unless the site's host type is itself a public facility;
//   SH-12   existing non-removed sites with spare capacity within the
//           sharing radius (any operator);
//   SH-16   public places obliged to open within their radius;
//   SH-24-4 interference sources within their distance;
//   SH-24-2 / SCP-7 protection zones of cables the point falls in.
//
// Thread safety: check() is const and may run concurrently.

#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/AssetIndex.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

struct SiteProposal {
    geo::GeoPoint position;  ///< WGS 84 longitude, latitude (degrees)
    std::string operatorName;
    std::optional<HostType> maybeHostType;  ///< unknown: treated as stand-alone
};

class SiteChecker {
public:
    /// The index (and its project) and rules must outlive the checker.
    SiteChecker(const AssetIndex& index, const RuleSet& rules);

    /// Fails (no findings) only if the point is not finite or lies outside
    /// the project's extent grown by the widest search distance.
    geo::Result<std::vector<Finding>> check(const SiteProposal& proposal) const;

    /// The widest distance (m) any siting rule looks at, for drawing radii.
    double maxSearchRadiusM() const;

private:
    const AssetIndex& _index;
    const RuleSet& _rules;
};

}  // namespace citytwin::assets
