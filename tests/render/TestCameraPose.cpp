#include <gtest/gtest.h>

#include "citytwin/render/CameraPose.h"

using namespace citytwin;

TEST(CameraPose, parsesFiveNumbersAndNamesTheBadField) {
    auto ok = render::parseCameraPose("121.5,31.24,800,45,-30");
    ASSERT_TRUE(ok) << ok.messages();
    EXPECT_DOUBLE_EQ(ok->height, 800.0);
    auto bad = render::parseCameraPose("121.5,abc,800,45,-30");
    EXPECT_FALSE(bad);
    EXPECT_NE(bad.messages().find("lat"), std::string::npos);
    EXPECT_FALSE(render::parseCameraPose("121.5,31.24,800"));
    EXPECT_FALSE(render::parseCameraPose("121.5,95,800,0,-30"));
}

TEST(CameraPose, lookingDownFromAboveTheOriginCentresOnIt) {
    const geo::LocalFrame frame({121.5, 31.24, 0.0});
    const auto la = render::lookAtFor({121.5, 31.24, 1000.0, 0.0, -90.0}, frame);
    EXPECT_NEAR(la.eye.z(), 1000.0, 1e-6);
    EXPECT_NEAR(la.center.z(), 0.0, 1e-3);
    EXPECT_NEAR(la.center.x(), 0.0, 0.5);
    EXPECT_GT(la.up.y(), 0.99);  // north is up on screen
}

TEST(CameraPose, headingEastLooksAlongPlusX) {
    const geo::LocalFrame frame({121.5, 31.24, 0.0});
    const auto la = render::lookAtFor({121.5, 31.24, 100.0, 90.0, -45.0}, frame);
    EXPECT_NEAR(la.center.x() - la.eye.x(), 100.0, 1e-6);
    EXPECT_NEAR(la.center.y() - la.eye.y(), 0.0, 1e-6);
}
