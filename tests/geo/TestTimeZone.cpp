// geo::TimeZone against the system tz database (Debian tzdata) and TZif
// bytes built by hand.

#include <gtest/gtest.h>

#include "citytwin/geo/TimeZone.h"

using namespace citytwin::geo;

namespace {

TimeMs utc(const char* iso) {
    return parseIso8601(iso).value();
}

CivilTime civil(int y, int mo, int d, int h, int mi = 0) {
    return CivilTime{y, mo, d, h, mi, 0, 0};
}

}  // namespace

TEST(TimeZone, shanghaiIsEightHoursAheadSince1991AndHadSummerTimeBefore) {
    auto zone = TimeZone::find("Asia/Shanghai");
    ASSERT_TRUE(zone.ok()) << zone.messages();
    const auto& z = zone.value();
    EXPECT_EQ(z.toUtc(civil(2013, 12, 6, 12)), utc("2013-12-06T04:00:00Z"));
    EXPECT_EQ(z.offsetAt(utc("2015-07-01T00:00:00Z")), 8 * 3600);
    // China observed summer time 1986-1991: mid-July 1988 was UTC+9.
    EXPECT_EQ(z.offsetAt(utc("1988-07-15T00:00:00Z")), 9 * 3600);
    EXPECT_EQ(z.toUtc(civil(1988, 7, 15, 12)), utc("1988-07-15T03:00:00Z"));
    // Far beyond the last transition the footer rule ("CST-8") applies.
    EXPECT_EQ(z.offsetAt(utc("2090-01-01T00:00:00Z")), 8 * 3600);
    EXPECT_EQ(z.formatIso8601(utc("2013-12-06T04:00:00Z")), "2013-12-06T12:00:00.000+08:00");
}

TEST(TimeZone, fixedOffsetsInEveryWrittenForm) {
    for (const char* name : {"+08:00", "+0800", "+08"}) {
        auto z = TimeZone::find(name);
        ASSERT_TRUE(z.ok()) << name;
        EXPECT_EQ(z.value().toUtc(civil(2013, 12, 6, 12)), utc("2013-12-06T04:00:00Z")) << name;
    }
    auto west = TimeZone::find("-05:30");
    ASSERT_TRUE(west.ok());
    EXPECT_EQ(west.value().offsetAt(0), -(5 * 3600 + 1800));
    EXPECT_EQ(TimeZone::find("UTC").value().offsetAt(0), 0);
    EXPECT_FALSE(TimeZone::find("+25:00").ok());
    EXPECT_FALSE(TimeZone::find("+08:77").ok());
}

TEST(TimeZone, unknownOrUnsafeNamesFailNamingTheZone) {
    for (const char* name :
         {"Mars/Olympus", "../../etc/passwd", "/etc/passwd", "Asia/Shang hai", ""}) {
        auto z = TimeZone::find(name);
        ASSERT_FALSE(z.ok()) << name;
        EXPECT_EQ(z.diagnostics().front().source, name);
    }
}

TEST(TimeZone, daylightTimeGapIsRefusedAndRepeatedHourTakesItsFirstInstant) {
    auto zone = TimeZone::find("America/New_York");
    ASSERT_TRUE(zone.ok()) << zone.messages();
    const auto& z = zone.value();
    EXPECT_EQ(z.toUtc(civil(2021, 7, 1, 12)), utc("2021-07-01T16:00:00Z"));
    EXPECT_EQ(z.toUtc(civil(2021, 1, 1, 12)), utc("2021-01-01T17:00:00Z"));
    EXPECT_FALSE(z.toUtc(civil(2021, 3, 14, 2, 30)).has_value());  // clocks skipped 02:00-03:00
    EXPECT_EQ(z.toUtc(civil(2021, 11, 7, 1, 30)), utc("2021-11-07T05:30:00Z"));  // first 01:30, EDT
    // After the file's last transition the POSIX footer rule keeps DST going.
    EXPECT_EQ(z.offsetAt(utc("2060-07-01T12:00:00Z")), -4 * 3600);
    EXPECT_EQ(z.offsetAt(utc("2060-12-01T12:00:00Z")), -5 * 3600);
}

TEST(PosixTzRule, monthWeekDayRulesInBothHemispheres) {
    auto us = PosixTzRule::parse("EST5EDT,M3.2.0,M11.1.0");
    ASSERT_TRUE(us);
    EXPECT_EQ(us->stdOffsetSeconds, -5 * 3600);
    // 2030: second Sunday of March is the 10th, first Sunday of November the 3rd.
    EXPECT_EQ(us->offsetAt(utc("2030-03-10T06:59:59Z")), -5 * 3600);
    EXPECT_EQ(us->offsetAt(utc("2030-03-10T07:00:00Z")), -4 * 3600);
    EXPECT_EQ(us->offsetAt(utc("2030-11-03T05:59:59Z")), -4 * 3600);
    EXPECT_EQ(us->offsetAt(utc("2030-11-03T06:00:00Z")), -5 * 3600);
    // Sydney: summer time from the first Sunday of October to the first of April.
    auto au = PosixTzRule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
    ASSERT_TRUE(au);
    EXPECT_EQ(au->offsetAt(utc("2030-01-15T00:00:00Z")), 11 * 3600);
    EXPECT_EQ(au->offsetAt(utc("2030-07-15T00:00:00Z")), 10 * 3600);
    auto quoted = PosixTzRule::parse("<+0330>-3:30");
    ASSERT_TRUE(quoted);
    EXPECT_EQ(quoted->offsetAt(0), 3 * 3600 + 1800);
    for (const char* bad : {"", "X5", "EST", "EST5EDT,M13.1.0,M11.1.0", "EST5EDT,M3.2.0", "EST5x"})
        EXPECT_FALSE(PosixTzRule::parse(bad)) << bad;
}

TEST(TimeZone, brokenTzifDataFailsWithoutReadingPastTheEnd) {
    EXPECT_FALSE(TimeZone::fromTzif("", "z").ok());
    EXPECT_FALSE(TimeZone::fromTzif("TZif2", "z").ok());
    std::string header = "TZif2" + std::string(15, '\0');
    // isut isstd leap time type char: one transition, no types.
    for (int count : {0, 0, 0, 1, 0, 0})
        header += std::string(3, '\0') + static_cast<char>(count);
    EXPECT_FALSE(TimeZone::fromTzif(header, "z").ok());
}
