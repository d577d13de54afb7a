#include "citytwin/render/LocalVertical.h"

#include <cmath>
#include <numbers>

namespace citytwin::render {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct Enu {
    geo::Vec3d east, north, up;
};

/// The ellipsoid's east, north, up at lon/lat, as ECEF directions.
Enu enuAt(double lonDeg, double latDeg) {
    const double lon = lonDeg * kDeg, lat = latDeg * kDeg;
    return {{-std::sin(lon), std::cos(lon), 0.0},
            {-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat)},
            {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)}};
}

double dot(const geo::Vec3d& a, const geo::Vec3d& b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}

}  // namespace

LocalVertical frameVerticalAt(const osg::Vec3d& local) {
    LocalVertical v;
    v.ground = osg::Vec3d(local.x(), local.y(), 0.0);
    return v;
}

LocalVertical verticalAt(const geo::LocalFrame& frame, const osg::Vec3d& local) {
    if (std::hypot(local.x(), local.y()) < kFrameVerticalRange && std::abs(local.z()) < 10e3)
        return frameVerticalAt(local);
    const geo::GeoPoint g = frame.toGeographic({local.x(), local.y(), local.z()});
    // An ECEF direction in the frame: its components on the origin's axes.
    const Enu at = enuAt(g.x, g.y), origin = enuAt(frame.origin().x, frame.origin().y);
    auto inFrame = [&](const geo::Vec3d& d) {
        return osg::Vec3d(dot(d, origin.east), dot(d, origin.north), dot(d, origin.up));
    };
    LocalVertical v;
    const geo::Vec3d ground = frame.toLocal({g.x, g.y, 0.0});
    v.ground = osg::Vec3d(ground.x, ground.y, ground.z);
    v.east = inFrame(at.east);
    v.north = inFrame(at.north);
    v.up = inFrame(at.up);
    return v;
}

}  // namespace citytwin::render
