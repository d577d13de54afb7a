#include "citytwin/geo/LocalFrame.h"

#include <cmath>
#include <numbers>

namespace citytwin::geo {
namespace {

constexpr double kA = 6378137.0;                          // WGS 84 semi-major axis, m
constexpr double kF = 1.0 / 298.257223563;                // WGS 84 flattening
constexpr double kE2 = kF * (2.0 - kF);                   // first eccentricity squared
constexpr double kB = kA * (1.0 - kF);                    // semi-minor axis
constexpr double kEp2 = (kA * kA - kB * kB) / (kB * kB);  // second eccentricity squared
constexpr double kDeg = std::numbers::pi / 180.0;

double dot(const Vec3d& a, const Vec3d& b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}

}  // namespace

LocalFrame::LocalFrame(GeoPoint origin) : _origin(origin) {
    _originEcef = geographicToEcef(origin);
    const double lon = origin.x * kDeg;
    const double lat = origin.y * kDeg;
    const double sl = std::sin(lon), cl = std::cos(lon);
    const double sp = std::sin(lat), cp = std::cos(lat);
    _east = {-sl, cl, 0.0};
    _north = {-sp * cl, -sp * sl, cp};
    _up = {cp * cl, cp * sl, sp};
}

Vec3d LocalFrame::geographicToEcef(const GeoPoint& p) {
    const double lon = p.x * kDeg;
    const double lat = p.y * kDeg;
    const double sp = std::sin(lat);
    const double n = kA / std::sqrt(1.0 - kE2 * sp * sp);
    const double cp = std::cos(lat);
    return {(n + p.z) * cp * std::cos(lon), (n + p.z) * cp * std::sin(lon),
            (n * (1.0 - kE2) + p.z) * sp};
}

GeoPoint LocalFrame::ecefToGeographic(const Vec3d& e) {
    // Bowring's formula with one refinement step: sub-millimetre for any
    // height near the Earth's surface, without an open-ended iteration.
    const double p = std::hypot(e.x, e.y);
    const double lon = std::atan2(e.y, e.x);
    double theta = std::atan2(e.z * kA, p * kB);
    double lat = std::atan2(e.z + kEp2 * kB * std::pow(std::sin(theta), 3),
                            p - kE2 * kA * std::pow(std::cos(theta), 3));
    for (int i = 0; i < 2; ++i) {
        theta = std::atan2((1.0 - kF) * std::sin(lat), std::cos(lat));
        lat = std::atan2(e.z + kEp2 * kB * std::pow(std::sin(theta), 3),
                         p - kE2 * kA * std::pow(std::cos(theta), 3));
    }
    const double sp = std::sin(lat);
    const double n = kA / std::sqrt(1.0 - kE2 * sp * sp);
    double h;
    if (std::abs(std::cos(lat)) > 1e-6) {
        h = p / std::cos(lat) - n;
    } else {
        h = std::abs(e.z) / std::abs(sp) - n * (1.0 - kE2);
    }
    return {lon / kDeg, lat / kDeg, h};
}

Vec3d LocalFrame::toLocal(const GeoPoint& lonLatH) const {
    const Vec3d e = geographicToEcef(lonLatH);
    const Vec3d d{e.x - _originEcef.x, e.y - _originEcef.y, e.z - _originEcef.z};
    return {dot(_east, d), dot(_north, d), dot(_up, d)};
}

GeoPoint LocalFrame::toGeographic(const Vec3d& l) const {
    // The rotation is orthonormal: its inverse is its transpose.
    const Vec3d e{_originEcef.x + _east.x * l.x + _north.x * l.y + _up.x * l.z,
                  _originEcef.y + _east.y * l.x + _north.y * l.y + _up.y * l.z,
                  _originEcef.z + _east.z * l.x + _north.z * l.y + _up.z * l.z};
    return ecefToGeographic(e);
}

}  // namespace citytwin::geo
