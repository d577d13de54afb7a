// ISO 8601 times as sensors send them and as citytwin prints them.

#include <gtest/gtest.h>

#include <string>

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {
namespace {

constexpr TimeMs k2026 = 1795669200000;  // 2026-11-26T05:00:00Z

TEST(TestTimeFormat, ZonesGiveTheSameInstant) {
    EXPECT_EQ(parseIso8601("2026-11-26T05:00:00Z"), k2026);
    EXPECT_EQ(parseIso8601("2026-11-26t05:00:00z"), k2026);
    EXPECT_EQ(parseIso8601("2026-11-26 05:00:00Z"), k2026);
    EXPECT_EQ(parseIso8601("2026-11-26T13:00:00+08:00"), k2026);
    EXPECT_EQ(parseIso8601("2026-11-26T13:00:00+0800"), k2026);
    EXPECT_EQ(parseIso8601("2026-11-26T13:00:00+08"), k2026);
    EXPECT_EQ(parseIso8601("2026-11-25T23:30:00-05:30"), k2026);
    EXPECT_EQ(parseIso8601("2026-11-26T05:00Z"), k2026) << "seconds may be left out";
    EXPECT_EQ(parseIso8601("2026-11-26T05:00:00+00:00"), k2026);
}

TEST(TestTimeFormat, FractionsAreMillisecondsTruncated) {
    EXPECT_EQ(parseIso8601("2026-11-26T05:00:00.250Z"), k2026 + 250);
    EXPECT_EQ(parseIso8601("2026-11-26T05:00:00.5Z"), k2026 + 500);
    EXPECT_EQ(parseIso8601("2026-11-26T05:00:00,25Z"), k2026 + 250);
    EXPECT_EQ(parseIso8601("2026-11-26T05:00:00.123999Z"), k2026 + 123);
}

TEST(TestTimeFormat, CalendarEdges) {
    EXPECT_EQ(parseIso8601("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseIso8601("1969-12-31T23:59:59Z"), -1000);
    EXPECT_EQ(parseIso8601("2024-02-29T23:59:59Z"), 1709251199000);
    EXPECT_FALSE(parseIso8601("2023-02-29T00:00:00Z")) << "2023 is no leap year";
    EXPECT_FALSE(parseIso8601("1900-02-29T00:00:00Z")) << "nor is 1900";
    EXPECT_TRUE(parseIso8601("2000-02-29T00:00:00Z")) << "2000 is";
    EXPECT_TRUE(parseIso8601("2026-12-31T23:59:60Z")) << "a leap second is accepted";
}

TEST(TestTimeFormat, MalformedOrZonelessTimesAreRefused) {
    for (const char* bad : {
             "",
             "2026-11-26",
             "2026-11-26T05:00:00",  // no zone: ambiguous
             "2026-11-26T05:00:00+",
             "2026-11-26T05:00:00+8",
             "2026-11-26T05:00:00+19:00",
             "2026-11-26T05:00:00+08:60",
             "2026-11-26T05:00:00 Z",
             "2026-11-26T05:00:00Z ",
             "2026-11-26T05:00:00.Z",
             "2026-13-01T00:00:00Z",
             "2026-00-01T00:00:00Z",
             "2026-11-31T00:00:00Z",
             "2026-11-00T00:00:00Z",
             "2026-11-26T24:00:00Z",
             "2026-11-26T05:60:00Z",
             "2026-11-26T05:00:61Z",
             "26-11-26T05:00:00Z",
             "2026/11/26T05:00:00Z",
             "2026-11-26X05:00:00Z",
             "2026-11-26T5:00:00Z",
             "2026-11-26T05:00:0Z",
             "１９７０-01-01T00:00:00Z",
         })
        EXPECT_FALSE(parseIso8601(bad)) << bad;
}

TEST(TestTimeFormat, FormatIsUtcWithMilliseconds) {
    EXPECT_EQ(formatIso8601(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(formatIso8601(k2026 + 7), "2026-11-26T05:00:00.007Z");
    EXPECT_EQ(formatIso8601(-1), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(formatIso8601(1709251199000), "2024-02-29T23:59:59.000Z");
    EXPECT_EQ(formatIso8601(253402300799999), "9999-12-31T23:59:59.999Z");
}

TEST(TestTimeFormat, FormatThenParseRoundTrips) {
    for (TimeMs t : {TimeMs{0}, TimeMs{-1}, TimeMs{-86400001}, k2026, k2026 + 999,
                     TimeMs{951782400000} /* 2000-02-29 */, TimeMs{253402300799999}}) {
        const std::string text = formatIso8601(t);
        EXPECT_EQ(parseIso8601(text), t) << text;
    }
    for (TimeMs t = -400LL * 86400000; t < 400LL * 86400000 * 366; t += 86400000LL * 37 + 12345)
        ASSERT_EQ(parseIso8601(formatIso8601(t)), t) << formatIso8601(t);
}

TEST(TestTimeFormat, UserTimeIsIsoOrEpochMilliseconds) {
    EXPECT_EQ(parseUserTime("1795669200000"), k2026);
    EXPECT_EQ(parseUserTime("-1000"), -1000);
    EXPECT_EQ(parseUserTime("0"), 0);
    EXPECT_EQ(parseUserTime("2026-11-26T13:00:00+08:00"), k2026);
    EXPECT_FALSE(parseUserTime(""));
    EXPECT_FALSE(parseUserTime("12-34")) << "digits and dashes, but not a number";
    EXPECT_FALSE(parseUserTime("99999999999999999999")) << "out of range";
    EXPECT_FALSE(parseUserTime("1e3"));
    EXPECT_FALSE(parseUserTime("2026-11-26T05:00:00"));
}

TEST(TestTimeFormat, SystemNowIsNear) {
    const TimeMs now = systemNowMs();
    EXPECT_GT(now, k2026 - 5LL * 365 * 86400000);  // after 2021
    EXPECT_LE(now, systemNowMs());
}

}  // namespace
}  // namespace citytwin::sensors
