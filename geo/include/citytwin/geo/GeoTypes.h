#pragma once
// Plain double-precision coordinate types shared by every module.

#include <algorithm>
#include <limits>

namespace citytwin::geo {

/// A position in a layer's CRS: x is longitude or easting, y is latitude or
/// northing (GIS order, whatever the EPSG axis order), z is height in metres.
struct GeoPoint {
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

/// A vector in a local Cartesian frame, in metres.
struct Vec3d {
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

/// An axis-aligned 2D extent in some CRS; empty until a point is added.
struct Extent {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool isEmpty() const { return !(minX <= maxX && minY <= maxY); }
    void add(double x, double y) {
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    void add(const Extent& o) {
        if (o.isEmpty()) return;
        add(o.minX, o.minY);
        add(o.maxX, o.maxY);
    }
    double centerX() const { return 0.5 * (minX + maxX); }
    double centerY() const { return 0.5 * (minY + maxY); }
    bool contains(double x, double y) const {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
};

}  // namespace citytwin::geo
