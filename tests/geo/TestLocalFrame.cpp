#include <gtest/gtest.h>

#include <cmath>

#include "citytwin/geo/LocalFrame.h"

using citytwin::geo::GeoPoint;
using citytwin::geo::LocalFrame;

TEST(LocalFrame, originMapsToZero) {
    const LocalFrame f({121.5, 31.24, 0.0});
    const auto l = f.toLocal({121.5, 31.24, 0.0});
    EXPECT_NEAR(l.x, 0.0, 1e-6);
    EXPECT_NEAR(l.y, 0.0, 1e-6);
    EXPECT_NEAR(l.z, 0.0, 1e-6);
}

TEST(LocalFrame, eastAndNorthPointTheRightWay) {
    const LocalFrame f({121.5, 31.24, 0.0});
    const auto east = f.toLocal({121.51, 31.24, 0.0});
    const auto north = f.toLocal({121.5, 31.25, 0.0});
    // 0.01 deg of longitude at 31.24 N is ~952 m; of latitude ~1109 m.
    EXPECT_NEAR(east.x, 952.4, 1.0);
    EXPECT_NEAR(east.y, 0.0, 0.1);
    EXPECT_NEAR(north.y, 1108.8, 1.0);
    EXPECT_NEAR(north.x, 0.0, 1e-6);
}

TEST(LocalFrame, roundTripLosesLessThanAMillimetreWithin100Km) {
    const LocalFrame f({121.4737, 31.2304, 4.0});
    double worst = 0.0;
    for (double dx = -100000; dx <= 100000; dx += 12500) {
        for (double dy = -100000; dy <= 100000; dy += 12500) {
            for (double dz : {-50.0, 0.0, 632.0}) {
                if (std::hypot(dx, dy) > 100000)
                    continue;
                const citytwin::geo::Vec3d l{dx, dy, dz};
                const GeoPoint g = f.toGeographic(l);
                const auto back = f.toLocal(g);
                worst = std::max(worst, std::hypot(back.x - dx, back.y - dy, back.z - dz));
            }
        }
    }
    EXPECT_LT(worst, 1e-3);
}

TEST(LocalFrame, ecefMatchesKnownValues) {
    // Equator/prime meridian and the pole have closed-form ECEF positions.
    const auto e0 = LocalFrame::geographicToEcef({0.0, 0.0, 0.0});
    EXPECT_NEAR(e0.x, 6378137.0, 1e-6);
    const auto pole = LocalFrame::geographicToEcef({0.0, 90.0, 0.0});
    EXPECT_NEAR(pole.z, 6356752.314245, 1e-3);
    const auto back = LocalFrame::ecefToGeographic(pole);
    EXPECT_NEAR(back.y, 90.0, 1e-9);
    EXPECT_NEAR(back.z, 0.0, 1e-3);
}
