#include "kiosk/CameraFlight.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace citytwin::app::kiosk {

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

render::CameraPose interpolatePose(const render::CameraPose& from, const render::CameraPose& to,
                                   double t) {
    const double s = easeInOut(t);
    auto lerp = [s](double a, double b) { return a + (b - a) * s; };
    render::CameraPose p;
    p.lon = lerp(from.lon, to.lon);
    p.lat = lerp(from.lat, to.lat);
    // Heading the short way: a turn of at most 180 degrees.
    double turn = std::fmod(to.heading - from.heading, 360.0);
    if (turn > 180.0)
        turn -= 360.0;
    if (turn < -180.0)
        turn += 360.0;
    p.heading = from.heading + turn * s;
    p.pitch = lerp(from.pitch, to.pitch);
    // A long hop climbs: up to a quarter of the ground distance, at most 1.5 km.
    constexpr double kMetresPerDegLat = 110540.0;
    const double metresPerDegLon =
        111320.0 * std::cos((from.lat + to.lat) * 0.5 * std::numbers::pi / 180.0);
    const double dx = (to.lon - from.lon) * metresPerDegLon;
    const double dy = (to.lat - from.lat) * kMetresPerDegLat;
    const double climb = std::min(0.25 * std::hypot(dx, dy), 1500.0);
    const double u = std::clamp(t, 0.0, 1.0);
    p.height = lerp(from.height, to.height) + climb * 4.0 * u * (1.0 - u);
    return p;
}

}  // namespace citytwin::app::kiosk

namespace citytwin::app::kiosk {

render::CameraPose poseFromLookAt(const osg::Vec3d& eye, const osg::Vec3d& center,
                                  const geo::LocalFrame& frame) {
    constexpr double kDeg = 180.0 / std::numbers::pi;
    const geo::GeoPoint g = frame.toGeographic({eye.x(), eye.y(), 0.0});
    render::CameraPose pose;
    pose.lon = g.x;
    pose.lat = g.y;
    pose.height = eye.z();
    osg::Vec3d dir = center - eye;
    if (dir.normalize() <= 0.0)
        return pose;
    pose.heading = std::atan2(dir.x(), dir.y()) * kDeg;
    if (pose.heading < 0.0)
        pose.heading += 360.0;
    pose.pitch = std::asin(std::clamp(dir.z(), -1.0, 1.0)) * kDeg;
    return pose;
}

}  // namespace citytwin::app::kiosk
