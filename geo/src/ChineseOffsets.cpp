#include "citytwin/geo/ChineseOffsets.h"

#include <cmath>
#include <numbers>

namespace citytwin::geo {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kA = 6378245.0;                // Krasovsky 1940 semi-major axis
constexpr double kEe = 0.00669342162296594323;  // Krasovsky eccentricity squared
constexpr double kXPi = kPi * 3000.0 / 180.0;   // BD-09's rotation constant

double offsetLat(double x, double y) {
    double r =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double offsetLon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

/// Inverts a forward mapping by fixed-point iteration; the offsets are
/// smooth and small (< 1 km), so this converges in a handful of steps.
template <typename Forward>
GeoPoint invert(const GeoPoint& target, Forward forward) {
    GeoPoint guess = target;
    for (int i = 0; i < 30; ++i) {
        const GeoPoint f = forward(guess);
        const double dx = f.x - target.x;
        const double dy = f.y - target.y;
        guess.x -= dx;
        guess.y -= dy;
        if (std::abs(dx) < 1e-11 && std::abs(dy) < 1e-11)
            break;
    }
    return guess;
}

}  // namespace

bool isOutsideChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

GeoPoint wgs84ToGcj02(const GeoPoint& p) {
    if (isOutsideChina(p.x, p.y))
        return p;
    double dLat = offsetLat(p.x - 105.0, p.y - 35.0);
    double dLon = offsetLon(p.x - 105.0, p.y - 35.0);
    const double radLat = p.y / 180.0 * kPi;
    double magic = std::sin(radLat);
    magic = 1.0 - kEe * magic * magic;
    const double sqrtMagic = std::sqrt(magic);
    dLat = (dLat * 180.0) / ((kA * (1.0 - kEe)) / (magic * sqrtMagic) * kPi);
    dLon = (dLon * 180.0) / (kA / sqrtMagic * std::cos(radLat) * kPi);
    return {p.x + dLon, p.y + dLat, p.z};
}

GeoPoint gcj02ToWgs84(const GeoPoint& p) {
    if (isOutsideChina(p.x, p.y))
        return p;
    return invert(p, wgs84ToGcj02);
}

GeoPoint gcj02ToBd09(const GeoPoint& p) {
    const double z = std::sqrt(p.x * p.x + p.y * p.y) + 0.00002 * std::sin(p.y * kXPi);
    const double theta = std::atan2(p.y, p.x) + 0.000003 * std::cos(p.x * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006, p.z};
}

GeoPoint bd09ToGcj02(const GeoPoint& p) {
    return invert(p, gcj02ToBd09);
}

GeoPoint wgs84ToBd09(const GeoPoint& p) {
    if (isOutsideChina(p.x, p.y))
        return p;
    return gcj02ToBd09(wgs84ToGcj02(p));
}

GeoPoint bd09ToWgs84(const GeoPoint& p) {
    if (isOutsideChina(p.x, p.y))
        return p;
    return invert(p, wgs84ToBd09);
}

}  // namespace citytwin::geo
