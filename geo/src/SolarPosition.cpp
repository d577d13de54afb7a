#include "citytwin/geo/SolarPosition.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace citytwin::geo {
namespace {

constexpr double kPi = std::numbers::pi;

double rad(double deg) {
    return deg * kPi / 180.0;
}

double deg(double r) {
    return r * 180.0 / kPi;
}

/// Julian centuries since J2000.0 (2000-01-01 12:00 TT, taken as UTC: the
/// half-minute difference moves the sun by less than a hundredth of a degree).
double julianCenturies(TimeMs utcMs) {
    const double julianDay = double(utcMs) / 86400000.0 + 2440587.5;
    return (julianDay - 2451545.0) / 36525.0;
}

/// Atmospheric refraction near the horizon (NOAA's piecewise fit), degrees.
double refractionDeg(double elevationDeg) {
    if (elevationDeg > 85.0)
        return 0.0;
    const double te = std::tan(rad(elevationDeg));
    double arcsec = 0.0;
    if (elevationDeg > 5.0)
        arcsec = 58.1 / te - 0.07 / std::pow(te, 3) + 0.000086 / std::pow(te, 5);
    else if (elevationDeg > -0.575)
        arcsec =
            1735.0 +
            elevationDeg *
                (-518.2 + elevationDeg * (103.4 + elevationDeg * (-12.79 + elevationDeg * 0.711)));
    else
        arcsec = -20.774 / te;
    return arcsec / 3600.0;
}

}  // namespace

SolarPosition solarPositionAt(TimeMs utcMs, double longitudeDeg, double latitudeDeg) {
    const double t = julianCenturies(utcMs);
    // The sun's mean longitude and anomaly, the orbit's eccentricity.
    const double meanLongitude = std::fmod(280.46646 + t * (36000.76983 + t * 0.0003032), 360.0);
    const double meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
    const double eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
    const double center = std::sin(rad(meanAnomaly)) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
                          std::sin(rad(2 * meanAnomaly)) * (0.019993 - 0.000101 * t) +
                          std::sin(rad(3 * meanAnomaly)) * 0.000289;
    const double trueLongitude = meanLongitude + center;
    const double omega = 125.04 - 1934.136 * t;
    const double apparentLongitude = trueLongitude - 0.00569 - 0.00478 * std::sin(rad(omega));
    const double meanObliquity =
        23.0 + (26.0 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60.0) / 60.0;
    const double obliquity = meanObliquity + 0.00256 * std::cos(rad(omega));
    const double declination =
        deg(std::asin(std::sin(rad(obliquity)) * std::sin(rad(apparentLongitude))));

    // The equation of time (minutes): apparent minus mean solar time.
    const double y = std::pow(std::tan(rad(obliquity / 2.0)), 2);
    const double l0 = rad(meanLongitude);
    const double m = rad(meanAnomaly);
    const double equationOfTime = 4.0 * deg(y * std::sin(2 * l0) - 2 * eccentricity * std::sin(m) +
                                            4 * eccentricity * y * std::sin(m) * std::cos(2 * l0) -
                                            0.5 * y * y * std::sin(4 * l0) -
                                            1.25 * eccentricity * eccentricity * std::sin(2 * m));

    const double minutesOfDay = std::fmod(double(utcMs) / 60000.0, 1440.0);
    const double utcMinutes = minutesOfDay < 0 ? minutesOfDay + 1440.0 : minutesOfDay;
    double trueSolarMinutes = std::fmod(utcMinutes + equationOfTime + 4.0 * longitudeDeg, 1440.0);
    if (trueSolarMinutes < 0)
        trueSolarMinutes += 1440.0;
    const double hourAngle = trueSolarMinutes / 4.0 - 180.0;

    const double lat = rad(latitudeDeg);
    const double dec = rad(declination);
    const double cosZenith = std::clamp(
        std::sin(lat) * std::sin(dec) + std::cos(lat) * std::cos(dec) * std::cos(rad(hourAngle)),
        -1.0, 1.0);
    const double zenith = std::acos(cosZenith);
    const double elevation = 90.0 - deg(zenith);

    // Azimuth from north, clockwise; the sun stands due south or north at
    // the zenith's poles (sin(zenith) = 0), where any azimuth will do.
    double azimuth = 180.0;
    const double denom = std::cos(lat) * std::sin(zenith);
    if (std::abs(denom) > 1e-9) {
        const double cosAz =
            std::clamp((std::sin(lat) * cosZenith - std::sin(dec)) / denom, -1.0, 1.0);
        const double a = deg(std::acos(cosAz));
        azimuth = hourAngle > 0 ? std::fmod(a + 180.0, 360.0) : std::fmod(540.0 - a, 360.0);
    }
    return {elevation + refractionDeg(elevation), azimuth};
}

}  // namespace citytwin::geo
