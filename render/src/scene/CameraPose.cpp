#include "citytwin/render/CameraPose.h"

#include <cmath>
#include <cstdlib>
#include <numbers>
#include <sstream>

namespace citytwin::render {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
}

geo::Result<CameraPose> parseCameraPose(const std::string& text) {
    static const char* kFields[] = {"lon", "lat", "height", "heading", "pitch"};
    std::vector<double> v;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        const char* b = part.c_str();
        char* e = nullptr;
        const double d = std::strtod(b, &e);
        if (e == b || *e != '\0' || !std::isfinite(d)) {
            const std::string field = v.size() < 5 ? kFields[v.size()] : "extra value";
            return geo::Result<CameraPose>::failure("'" + part + "' is not a number", "--camera", 0,
                                                    field);
        }
        v.push_back(d);
    }
    if (v.size() != 5)
        return geo::Result<CameraPose>::failure(
            "expected 5 comma-separated numbers lon,lat,height,heading,pitch, got " +
                std::to_string(v.size()),
            "--camera");
    if (v[0] < -180 || v[0] > 180)
        return geo::Result<CameraPose>::failure("longitude out of range [-180, 180]", "--camera", 0,
                                                "lon");
    if (v[1] < -90 || v[1] > 90)
        return geo::Result<CameraPose>::failure("latitude out of range [-90, 90]", "--camera", 0,
                                                "lat");
    if (v[4] < -90 || v[4] > 90)
        return geo::Result<CameraPose>::failure("pitch out of range [-90, 90]", "--camera", 0,
                                                "pitch");
    return CameraPose{v[0], v[1], v[2], v[3], v[4]};
}

LookAt lookAtFor(const CameraPose& pose, const geo::LocalFrame& frame) {
    const geo::Vec3d e = frame.toLocal({pose.lon, pose.lat, 0.0});
    LookAt la;
    la.eye = {e.x, e.y, pose.height};
    const double h = pose.heading * kDeg;
    // Straight down has no defined heading for the up vector; nudge it.
    const double p = std::clamp(pose.pitch, -89.99, 89.99) * kDeg;
    const osg::Vec3d dir(std::sin(h) * std::cos(p), std::cos(h) * std::cos(p), std::sin(p));
    const osg::Vec3d right(std::cos(h), -std::sin(h), 0.0);
    la.up = right ^ dir;
    la.up.normalize();
    double distance = 1000.0;
    if (p < -0.01 && pose.height > 0.0)
        distance = pose.height / std::sin(-p);
    la.center = la.eye + dir * distance;
    return la;
}

CameraPose framingPose(const geo::Extent& x) {
    CameraPose pose;
    if (x.isEmpty())
        return pose;
    const double cx = x.centerX(), cy = x.centerY();
    // Size of the extent in metres (small-area approximation is enough here).
    const double w = (x.maxX - x.minX) * 111320.0 * std::cos(cy * kDeg);
    const double hgt = (x.maxY - x.minY) * 110540.0;
    const double size = std::max({w, hgt, 20.0});
    pose.pitch = -40.0;
    pose.heading = 0.0;
    // Distance along the view ray such that the extent fills ~60° of view.
    const double distance = size * 1.3;
    pose.height = distance * std::sin(-pose.pitch * kDeg);
    const double back = distance * std::cos(-pose.pitch * kDeg);
    pose.lon = cx;
    pose.lat = cy - back / 110540.0;
    return pose;
}

std::optional<CameraPose> namedView(const std::string& name) {
    // Central Shanghai: Lujiazui on the east bank, the Bund on the west bank
    // of the Huangpu; the demo data spans 121.480-121.521 E, 31.226-31.251 N.
    if (name == "home")
        return framingPose({121.480, 31.226, 121.521, 31.251});
    if (name == "lujiazui")
        return CameraPose{121.4875, 31.2300, 900.0, 50.0, -22.0};
    if (name == "bund")
        return CameraPose{121.5060, 31.2310, 600.0, 300.0, -20.0};
    if (name == "top")
        return CameraPose{121.5005, 31.2385, 4200.0, 0.0, -90.0};
    return std::nullopt;
}

std::vector<std::string> namedViewNames() {
    return {"home", "lujiazui", "bund", "top"};
}

}  // namespace citytwin::render
