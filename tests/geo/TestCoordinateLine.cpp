#include <gtest/gtest.h>

#include <charconv>
#include <limits>

#include "citytwin/geo/CoordinateLine.h"

using citytwin::geo::appendCoordinate;
using citytwin::geo::CoordinateLine;
using citytwin::geo::parseCoordinateLine;

TEST(CoordinateLine, parsesTwoOrThreeNumbersWithBlanksTabsOrCommas) {
    auto a = parseCoordinateLine("121.5 31.2");
    ASSERT_EQ(a.kind, CoordinateLine::Kind::Point);
    EXPECT_EQ(a.x, 121.5);
    EXPECT_EQ(a.y, 31.2);
    EXPECT_FALSE(a.hasZ);
    auto b = parseCoordinateLine("\t500000,3450000.25  -4.5\r");
    ASSERT_EQ(b.kind, CoordinateLine::Kind::Point) << b.error;
    EXPECT_EQ(b.z, -4.5);
    EXPECT_TRUE(b.hasZ);
    EXPECT_EQ(parseCoordinateLine("+1e2 -2E-1").x, 100.0);
    EXPECT_EQ(parseCoordinateLine("   ").kind, CoordinateLine::Kind::Blank);
    EXPECT_EQ(parseCoordinateLine("# comment").kind, CoordinateLine::Kind::Comment);
}

TEST(CoordinateLine, badLinesSayWhy) {
    for (const char* bad :
         {"121.5", "121.5 abc", "1 2 3 4", "nan 31", "121.5 inf", "1..2 3", "0x10 2"}) {
        auto l = parseCoordinateLine(bad);
        EXPECT_EQ(l.kind, CoordinateLine::Kind::Bad) << bad;
        EXPECT_FALSE(l.error.empty()) << bad;
    }
    EXPECT_NE(parseCoordinateLine("121.5 abc").error.find("'abc'"), std::string::npos);
}

TEST(CoordinateLine, formatsWithFullPrecisionThatReadsBackExactly) {
    for (double v :
         {121.47370000000001, 3457840.1068381905, -0.0001, 1e-12, 6378137.0, 0.1 + 0.2}) {
        std::string s;
        appendCoordinate(s, v);
        double back = 0;
        std::from_chars(s.data(), s.data() + s.size(), back);
        EXPECT_EQ(back, v) << s;
        EXPECT_EQ(s.find('e'), std::string::npos) << s;
    }
    std::string star;
    appendCoordinate(star, std::numeric_limits<double>::infinity());
    EXPECT_EQ(star, "*");
}
