#include "citytwin/render/PinClusters.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace citytwin::render {

std::vector<std::vector<std::size_t>> clusterScreenPoints(
    const std::vector<std::optional<osg::Vec2d>>& points, double radiusPixels) {
    std::vector<std::vector<std::size_t>> groups;
    if (radiusPixels <= 0.0)
        return groups;
    // A grid of radius-sized cells: a point's neighbours within the radius
    // lie in its cell or the eight around it.
    using Cell = std::pair<long, long>;
    std::map<Cell, std::vector<std::size_t>> grid;
    auto cellOf = [radiusPixels](const osg::Vec2d& p) {
        return Cell{long(std::floor(p.x() / radiusPixels)), long(std::floor(p.y() / radiusPixels))};
    };
    for (std::size_t i = 0; i < points.size(); ++i)
        if (points[i])
            grid[cellOf(*points[i])].push_back(i);
    std::vector<bool> taken(points.size(), false);
    const double r2 = radiusPixels * radiusPixels;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i] || taken[i])
            continue;
        taken[i] = true;
        std::vector<std::size_t> group{i};
        const Cell c = cellOf(*points[i]);
        for (long dx = -1; dx <= 1; ++dx)
            for (long dy = -1; dy <= 1; ++dy) {
                auto it = grid.find({c.first + dx, c.second + dy});
                if (it == grid.end())
                    continue;
                for (std::size_t j : it->second)
                    if (!taken[j] && (*points[j] - *points[i]).length2() <= r2) {
                        taken[j] = true;
                        group.push_back(j);
                    }
            }
        if (group.size() < 2)
            continue;
        std::sort(group.begin(), group.end());
        groups.push_back(std::move(group));
    }
    return groups;
}

int severityOf(sensors::SensorLevel level) {
    switch (level) {
        case sensors::SensorLevel::Alert:
            return 4;
        case sensors::SensorLevel::Near:
            return 3;
        case sensors::SensorLevel::Stale:
            return 2;
        case sensors::SensorLevel::Normal:
            return 1;
        case sensors::SensorLevel::NoData:
            return 0;
    }
    return 0;
}

}  // namespace citytwin::render
