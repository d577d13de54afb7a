#include <gtest/gtest.h>

#include "citytwin/geo/ChineseOffsets.h"
#include "citytwin/geo/Crs.h"
#include "citytwin/geo/CrsTransform.h"

using namespace citytwin::geo;

TEST(Crs, parsesEpsgCodesAndRejectsNonsense) {
    auto wgs = Crs::fromString("EPSG:4326");
    ASSERT_TRUE(wgs) << wgs.messages();
    EXPECT_TRUE(wgs->isGeographic());
    EXPECT_EQ(wgs->authorityCode(), "EPSG:4326");
    auto gk = Crs::fromString("EPSG:4549");
    ASSERT_TRUE(gk) << gk.messages();
    EXPECT_FALSE(gk->isGeographic());
    auto bad = Crs::fromString("EPSG:999999");
    EXPECT_FALSE(bad);
    EXPECT_NE(bad.messages().find("EPSG:999999"), std::string::npos);
    EXPECT_FALSE(Crs::fromString(""));
}

TEST(CrsTransform, usesGisAxisOrderForGaussKruger) {
    // Central meridian 120E: a point on it has easting 500000 m.
    auto t = CrsTransform::create(Crs::wgs84(), Crs::fromString("EPSG:4549").value());
    ASSERT_TRUE(t) << t.messages();
    auto p = t->transform({120.0, 31.0, 0.0});
    ASSERT_TRUE(p) << p.messages();
    EXPECT_NEAR(p->x, 500000.0, 1e-3);  // easting first
    EXPECT_GT(p->y, 3400000.0);         // northing second
    EXPECT_LT(p->y, 3500000.0);
}

TEST(CrsTransform, gcj02ShiftsShanghaiByHundredsOfMetresAndRoundTrips) {
    const GeoPoint wgs{121.4737, 31.2304, 0.0};
    const GeoPoint gcj = wgs84ToGcj02(wgs);
    // The offset in Shanghai is roughly +0.0045 lon, -0.0020 lat.
    EXPECT_NEAR(gcj.x - wgs.x, 0.0045, 0.0010);
    EXPECT_NEAR(gcj.y - wgs.y, -0.0020, 0.0010);
    const GeoPoint back = gcj02ToWgs84(gcj);
    EXPECT_NEAR(back.x, wgs.x, 1e-7);
    EXPECT_NEAR(back.y, wgs.y, 1e-7);
    // Identity outside China.
    const GeoPoint paris{2.35, 48.85, 0.0};
    EXPECT_DOUBLE_EQ(wgs84ToGcj02(paris).x, paris.x);
}
