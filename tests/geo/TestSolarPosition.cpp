// geo::solarPositionAt against values from the NOAA solar calculator and
// the geometry every almanac agrees on (noon heights at the solstices and
// equinoxes, sunrise azimuths, sunrise and sunset times in Shanghai).

#include <gtest/gtest.h>

#include "citytwin/geo/SolarPosition.h"

using namespace citytwin::geo;

namespace {

constexpr double kShanghaiLon = 121.4737;
constexpr double kShanghaiLat = 31.2304;

SolarPosition shanghaiAt(const char* isoTime) {
    return solarPositionAt(parseIso8601(isoTime).value(), kShanghaiLon, kShanghaiLat);
}

}  // namespace

TEST(SolarPosition, summerSolsticeNoonInShanghaiIsNearlyOverhead) {
    // 90 - (31.23 - 23.44) = 82.2 degrees at the meridian, a few minutes away.
    const SolarPosition p = shanghaiAt("2024-06-21T12:00:00+08:00");
    EXPECT_NEAR(p.elevationDeg, 82.1, 0.3);
    // Solar noon is at 11:56 CST: at 12:00 the sun has just crossed south.
    EXPECT_GT(p.azimuthDeg, 180.0);
    EXPECT_LT(p.azimuthDeg, 215.0);
}

TEST(SolarPosition, winterSolsticeNoonStandsLowInTheSouth) {
    const SolarPosition p = shanghaiAt("2024-12-21T11:55:00+08:00");
    EXPECT_NEAR(p.elevationDeg, 90.0 - 31.23 - 23.44, 0.3);
    EXPECT_NEAR(p.azimuthDeg, 180.0, 2.0);
}

TEST(SolarPosition, equinoxNoonHeightIsTheColatitude) {
    const SolarPosition p = shanghaiAt("2024-03-20T12:01:00+08:00");
    EXPECT_NEAR(p.elevationDeg, 90.0 - 31.23, 0.5);
}

TEST(SolarPosition, midsummerSunRisesInTheNorthEastAtTenToFive) {
    // Shanghai's sunrise on 2024-06-21: 04:50 CST, sunset 19:01 (almanacs).
    // At sunrise the sun's upper limb touches the horizon: the refracted
    // centre stands about a quarter degree below it.
    const SolarPosition rise = shanghaiAt("2024-06-21T04:50:00+08:00");
    EXPECT_NEAR(rise.elevationDeg, -0.27, 0.4);
    // cos(azimuth) = sin(declination) / cos(latitude): 62 degrees.
    EXPECT_NEAR(rise.azimuthDeg, 62.0, 1.5);
    EXPECT_LT(shanghaiAt("2024-06-21T04:30:00+08:00").elevationDeg, -2.0);
    EXPECT_GT(shanghaiAt("2024-06-21T05:15:00+08:00").elevationDeg, 3.0);

    const SolarPosition set = shanghaiAt("2024-06-21T19:01:00+08:00");
    EXPECT_NEAR(set.elevationDeg, -0.27, 0.4);
    EXPECT_NEAR(set.azimuthDeg, 360.0 - 62.0, 1.5);
}

TEST(SolarPosition, midnightSunIsFarBelowTheNorthernHorizon) {
    // Lower culmination: -(90 - 31.23 - 23.44) degrees, due north.
    const SolarPosition p = shanghaiAt("2024-06-21T23:56:00+08:00");
    EXPECT_NEAR(p.elevationDeg, -35.3, 0.5);
    EXPECT_TRUE(p.azimuthDeg < 5.0 || p.azimuthDeg > 355.0) << p.azimuthDeg;
}

TEST(SolarPosition, westernLongitudesShiftTheSolarDay) {
    // Boulder CO (40 N, 105 W), 2010-06-21 18:00 UTC = 11:00 local mean
    // time, an hour before solar noon (12:02): hour angle -15.4 degrees, so
    // sin(e) = sin 40 sin 23.44 + cos 40 cos 23.44 cos 15.4 -> 69.0 degrees,
    // the sun in the south-east.
    const SolarPosition p =
        solarPositionAt(parseIso8601("2010-06-21T18:00:00Z").value(), -105.0, 40.0);
    EXPECT_NEAR(p.elevationDeg, 69.0, 0.4);
    EXPECT_GT(p.azimuthDeg, 110.0);
    EXPECT_LT(p.azimuthDeg, 170.0);
}

TEST(SolarPosition, southernHemisphereNoonSunStandsInTheNorth) {
    // Sydney (33.87 S, 151.21 E) at the June solstice: low in the north.
    const SolarPosition p =
        solarPositionAt(parseIso8601("2024-06-21T11:58:00+10:00").value(), 151.21, -33.87);
    EXPECT_NEAR(p.elevationDeg, 90.0 - 33.87 - 23.44, 0.5);
    EXPECT_TRUE(p.azimuthDeg < 5.0 || p.azimuthDeg > 355.0) << p.azimuthDeg;
}
