#pragma once
// Private helpers shared by SiteChecker, WorksChecker and Auditor.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/AssetIndex.h"
#include "citytwin/assets/MetricPlane.h"

namespace citytwin::assets::detail {

/// Minimum distance (m) per cable index over the candidate runs, measured by
/// `distanceOfRun` on each run's vertices projected into `plane`.
std::map<std::uint32_t, double> cableDistances(
    const MetricPlane& plane, const AssetProject& project, const std::vector<CableRun>& runs,
    const std::function<double(const std::vector<PlanePoint>&)>& distanceOfRun);

/// An error message if `box` lies wholly outside the project's extent grown by marginM.
std::optional<std::string> outsideProjectExtent(const AssetIndex& index, const geo::Extent& box,
                                                double marginM);

/// A representative point of a cable near which it should be highlighted.
geo::GeoPoint cableMidpoint(const Cable& cable);

/// A representative point of polygons (first vertex average of the outer ring).
geo::GeoPoint polygonsCentre(const std::vector<geo::Polygon>& polygons);

plane::PlanePolygon toPlanePolygon(const MetricPlane& plane, const geo::Polygon& polygon);

}  // namespace citytwin::assets::detail
