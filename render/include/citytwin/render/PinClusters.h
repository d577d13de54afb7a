#pragma once
// Screen-space clustering of map pins (as CesiumJS's EntityCluster does):
// pins closer than a radius in window pixels are drawn as one badge with
// their count, in the colour of the worst state among them. Pure functions;
// SensorGlyphLayer applies them.

#include <osg/Vec2d>

#include <cstddef>
#include <optional>
#include <vector>

#include "citytwin/sensors/SensorStatus.h"

namespace citytwin::render {

/// Groups window positions (pixels; nullopt: behind the camera, never
/// grouped) so that every member of a group lies within radiusPixels of the
/// group's first point. Greedy in index order, so the result is stable.
/// Only groups of two or more are returned, each in ascending index order.
std::vector<std::vector<std::size_t>> clusterScreenPoints(
    const std::vector<std::optional<osg::Vec2d>>& points, double radiusPixels);

/// How bad a level is, for a cluster's colour: alert > near > stale >
/// normal > no data.
int severityOf(sensors::SensorLevel level);

}  // namespace citytwin::render
