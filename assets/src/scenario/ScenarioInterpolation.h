#pragma once
// Private: where the moving things of a scenario are at an instant. The
// engine and the playback share these functions, so that what the log says
// (an entry at 10:03:17) and what the window shows at 10:03:17 agree.

#include <optional>

#include "citytwin/assets/scenario/Scenario.h"

namespace citytwin::assets::detail {

/// The works polygon at t: none before the first keyframe; between two
/// keyframes of equal ring and vertex counts each vertex moves linearly,
/// otherwise the earlier shape holds until the later keyframe; after the
/// last keyframe the last shape holds.
std::optional<geo::Polygon> excavationAt(const ExcavationEvent& e, geo::TimeMs t);

struct VesselSample {
    geo::GeoPoint position;
    double sogKn = 0;
    VesselStatus status = VesselStatus::Underway;
    double headingDeg = 0;  ///< course of the current leg, clockwise from north
};
/// The vessel at t within its track (first to last fix, inclusive): position
/// and speed linear between fixes, status that of the latest fix at or before t.
std::optional<VesselSample> vesselAt(const VesselEvent& e, geo::TimeMs t);

/// The typhoon at t within its track: centre, radius and wind linear between fixes.
std::optional<TyphoonFix> typhoonAt(const TyphoonEvent& e, geo::TimeMs t);

}  // namespace citytwin::assets::detail
