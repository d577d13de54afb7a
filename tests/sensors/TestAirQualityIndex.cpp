// China's PM2.5 IAQI bands (HJ 633-2012) at every breakpoint, from both sides.

#include <gtest/gtest.h>

#include <cmath>

#include "citytwin/sensors/AirQualityIndex.h"

using namespace citytwin::sensors;

TEST(AirQualityIndex, eachBreakpointBelongsToTheBandBelowItAndJustAboveToTheNext) {
    struct Case {
        double breakpoint;
        int iaqi;
        AqiCategory atAndBelow, above;
    };
    const Case cases[] = {
        {35, 50, AqiCategory::Excellent, AqiCategory::Good},
        {75, 100, AqiCategory::Good, AqiCategory::LightlyPolluted},
        {115, 150, AqiCategory::LightlyPolluted, AqiCategory::ModeratelyPolluted},
        {150, 200, AqiCategory::ModeratelyPolluted, AqiCategory::HeavilyPolluted},
        {250, 300, AqiCategory::HeavilyPolluted, AqiCategory::SeverelyPolluted},
        {350, 400, AqiCategory::SeverelyPolluted, AqiCategory::SeverelyPolluted},
        {500, 500, AqiCategory::SeverelyPolluted, AqiCategory::SeverelyPolluted},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(pm25Iaqi(c.breakpoint), c.iaqi) << c.breakpoint;
        EXPECT_EQ(pm25Category(c.breakpoint), c.atAndBelow) << c.breakpoint;
        EXPECT_EQ(pm25Category(c.breakpoint - 0.1), c.atAndBelow) << c.breakpoint;
        EXPECT_EQ(pm25Category(c.breakpoint + 0.1), c.above) << c.breakpoint;
        EXPECT_LE(pm25Iaqi(c.breakpoint - 0.1), c.iaqi) << c.breakpoint;
        if (c.breakpoint < 500) {
            EXPECT_GT(pm25Iaqi(c.breakpoint + 0.1), c.iaqi) << c.breakpoint;
        }
    }
    // Just above a breakpoint the IAQI rounds up into the next band.
    EXPECT_EQ(pm25Iaqi(35.1), 51);
    EXPECT_EQ(pm25Iaqi(75.1), 101);
    EXPECT_EQ(pm25Iaqi(0), 0);
    EXPECT_EQ(pm25Iaqi(-3), 0);
    EXPECT_EQ(pm25Iaqi(std::nan("")), 0);
    EXPECT_EQ(pm25Iaqi(635), 500);  // Jing'an, 2013-12-06 13:00: off the table
    // Linear inside a band: 55 µg/m³ is half-way from 35 to 75, IAQI 75.
    EXPECT_EQ(pm25Iaqi(55), 75);
    EXPECT_EQ(pm25Iaqi(200), 250);
}

TEST(AirQualityIndex, standardColoursAndNames) {
    EXPECT_EQ(aqiColourRgb(AqiCategory::Excellent), 0x00E400u);
    EXPECT_EQ(aqiColourRgb(AqiCategory::Good), 0xFFFF00u);
    EXPECT_EQ(aqiColourRgb(AqiCategory::LightlyPolluted), 0xFF7E00u);
    EXPECT_EQ(aqiColourRgb(AqiCategory::ModeratelyPolluted), 0xFF0000u);
    EXPECT_EQ(aqiColourRgb(AqiCategory::HeavilyPolluted), 0x99004Cu);
    EXPECT_EQ(aqiColourRgb(AqiCategory::SeverelyPolluted), 0x7E0023u);
    EXPECT_EQ(aqiCategoryName(AqiCategory::HeavilyPolluted), "heavily polluted");
    EXPECT_EQ(aqiCategoryChineseName(AqiCategory::SeverelyPolluted), "严重污染");
    EXPECT_EQ(aqiCategoryOf(51), AqiCategory::Good);
    EXPECT_EQ(aqiCategoryOf(301), AqiCategory::SeverelyPolluted);
    EXPECT_TRUE(isPm25Metric("pm25"));
    EXPECT_FALSE(isPm25Metric("pm10"));
}
