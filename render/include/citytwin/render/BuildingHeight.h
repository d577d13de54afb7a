#pragma once
// How tall an extruded footprint is drawn.
//
// Rule (documented in docs/buildings.md): the `height` attribute in metres if
// it is a positive number (OSM allows a trailing " m"); else
// `building:levels` (or `levels`) x 3 m; else kDefaultBuildingHeight. The base
// is `min_height` (else `building:min_level` x 3 m, else 0), so that parts of
// a building stacked on others (podiums, bridges) float correctly.

#include "citytwin/geo/Feature.h"

namespace citytwin::render {

/// Height of a footprint with no height information, in metres: a typical
/// low-rise Shanghai building (3-4 storeys).
constexpr double kDefaultBuildingHeight = 10.0;
/// Storey height used with building:levels, in metres.
constexpr double kMetresPerLevel = 3.0;

struct BuildingExtent {
    double base = 0.0;       ///< metres above ground
    double top = 0.0;        ///< metres above ground, > base
    bool estimated = false;  ///< true if no height or levels were given
};

BuildingExtent buildingExtentOf(const geo::Feature& feature);

/// Parses an OSM-style length ("20", "20.5 m", "20m"); nullopt if not a
/// positive finite number.
std::optional<double> parseMetres(const std::string& text);

}  // namespace citytwin::render
