#include <gtest/gtest.h>

#include "citytwin/sensors/PayloadParser.h"
#include "citytwin/sensors/TimeFormat.h"

using namespace citytwin::sensors;

namespace {
constexpr TimeMs kNow = 1764133200000;  // 2025-11-26T05:00:00Z

std::string reasonOf(const citytwin::geo::Result<std::vector<Reading>>& r) {
    EXPECT_FALSE(r.ok());
    if (r.diagnostics().empty())
        return {};
    const auto& d = r.diagnostics().front();
    return d.field + ": " + d.message;
}
}  // namespace

TEST(PayloadParser, parsesEpochMillisAndSeveralValues) {
    PayloadParser p;
    auto r = p.parse("city/sensors/aq-1",
                     R"({"sensor":"aq-7","ts":1764133200000,"values":{"pm25":35.2,"noise_db":61}})",
                     kNow + 5);
    ASSERT_TRUE(r.ok()) << r.messages();
    ASSERT_EQ(r.value().size(), 2u);
    for (const auto& reading : r.value()) {
        EXPECT_EQ(reading.sensorId, "aq-7");  // payload wins over topic
        EXPECT_EQ(reading.ts, kNow);
        EXPECT_EQ(reading.ingestMs, kNow + 5);
    }
    EXPECT_EQ(r.value()[0].metric, "noise_db");
    EXPECT_DOUBLE_EQ(r.value()[1].value, 35.2);
}

TEST(PayloadParser, takesIsoTimeWithZoneAndSensorFromTopic) {
    PayloadParser p;
    auto r = p.parse("city/sensors/wl-03",
                     R"({"ts":"2025-11-26T13:00:00.250+08:00","values":{"level_m":2.5}})", kNow);
    ASSERT_TRUE(r.ok()) << r.messages();
    EXPECT_EQ(r.value()[0].sensorId, "wl-03");
    EXPECT_EQ(r.value()[0].ts, kNow + 250);
}

TEST(PayloadParser, rejectsEachMalformedKindWithAReasonNamingTheField) {
    PayloadParser p;
    EXPECT_NE(reasonOf(p.parse("t/x", "{not json", kNow)).find("bad JSON"), std::string::npos);
    EXPECT_NE(reasonOf(p.parse("single", R"({"ts":1,"values":{"a":1}})", kNow)).find("sensor"),
              std::string::npos);
    EXPECT_NE(reasonOf(p.parse("t/x", R"({"values":{"a":1}})", kNow)).find("ts: missing"),
              std::string::npos);
    EXPECT_NE(reasonOf(p.parse("t/x", R"({"ts":1764133200000})", kNow)).find("values: missing"),
              std::string::npos);
    EXPECT_NE(reasonOf(p.parse("t/x", R"({"ts":1764133200000,"values":{"pm25":"high"}})", kNow))
                  .find("values.pm25: not a number"),
              std::string::npos);
    EXPECT_NE(reasonOf(p.parse("t/x", R"({"ts":1764133200000,"values":{}})", kNow)).find("values"),
              std::string::npos);
    EXPECT_NE(reasonOf(p.parse("t/x", R"({"ts":"2025-11-26T05:00:00","values":{"a":1}})", kNow))
                  .find("ts: not ISO 8601 with a zone"),
              std::string::npos);
    // NaN cannot be written in JSON; an overflowing literal is the way it arrives.
    const auto nan = p.parse("t/x", R"({"ts":1764133200000,"values":{"a":1e999}})", kNow);
    EXPECT_FALSE(nan.ok());
    const auto future = p.parse(
        "t/x", R"({"ts":)" + std::to_string(kNow + 25LL * 3600 * 1000) + R"(,"values":{"a":1}})",
        kNow);
    EXPECT_NE(reasonOf(future).find("ts: timestamp"), std::string::npos);
    EXPECT_NE(reasonOf(future).find("24 h"), std::string::npos);
    const auto past = p.parse(
        "t/x", R"({"ts":)" + std::to_string(kNow - 25LL * 3600 * 1000) + R"(,"values":{"a":1}})",
        kNow);
    EXPECT_FALSE(past.ok());
    std::string big =
        R"({"ts":1764133200000,"values":{"a":1},"pad":")" + std::string(70 * 1024, 'x') + "\"}";
    EXPECT_NE(reasonOf(p.parse("t/x", big, kNow)).find("exceeds the cap of 65536"),
              std::string::npos);
    EXPECT_FALSE(p.parse("t/x", "[1,2,3]", kNow).ok());
    EXPECT_FALSE(p.parse("t/x", "", kNow).ok());
    EXPECT_FALSE(p.parse("t/x", R"({"sensor":5,"ts":1,"values":{"a":1}})", kNow).ok());
}

TEST(PayloadParser, outOfRangeNumbersAndWrongTypesAreRejectedNamingTheirPath) {
    PayloadParser p;
    EXPECT_EQ(reasonOf(p.parse("t/x", R"({"ts":1764133200000,"values":{"a":1e999}})", kNow)),
              "values.a: number out of range");
    EXPECT_EQ(reasonOf(p.parse("t/x", R"({"ts":1e999,"values":{"a":1}})", kNow)),
              "ts: number out of range");
    EXPECT_EQ(reasonOf(p.parse("t/x", R"({"ts":1764133200000,"values":[1]})", kNow)),
              "values: not an object");
    EXPECT_EQ(reasonOf(p.parse("t/x", R"({"ts":true,"values":{"a":1}})", kNow)),
              "ts: neither epoch milliseconds nor an ISO 8601 string");
}

TEST(PayloadParser, extremeTimestampsAreRejectedWithoutOverflow) {
    PayloadParser p;
    // INT64_MIN once overflowed the clock-skew subtraction (UBSan).
    for (const char* ts : {"-9223372036854775808", "9223372036854775807", "18446744073709551615",
                           "-9000000000000000001"})
        EXPECT_EQ(
            reasonOf(p.parse("t/x", std::string(R"({"ts":)") + ts + R"(,"values":{"a":1}})", kNow)),
            "ts: not a valid epoch-millisecond number")
            << ts;
}

TEST(PayloadParser, topicSensorIdsKeepToTheirCharacterSet) {
    PayloadParser p;
    const std::string payload = R"({"ts":1764133200000,"values":{"a":1}})";
    EXPECT_EQ(reasonOf(p.parse("city/sensors/", payload, kNow)),
              "sensor: missing, and the topic ends in '/' and names no sensor");
    EXPECT_EQ(reasonOf(p.parse("city/sensors/../../etc", payload, kNow)),
              "sensor: missing, and the topic has a '..' level");
    EXPECT_EQ(reasonOf(p.parse("city/sensors/a b", payload, kNow)),
              "sensor: missing, and the sensor id of the topic has a character outside "
              "A-Z a-z 0-9 . _ : -");
    EXPECT_EQ(reasonOf(p.parse("city/sensors/" + std::string(129, 'a'), payload, kNow)),
              "sensor: missing, and the sensor id of the topic is longer than 128");
    EXPECT_EQ(PayloadParser::sensorIdFromTopic("city/sensors/../../etc"), "");
    EXPECT_EQ(PayloadParser::sensorIdFromTopic("city/sensors/"), "");
    const auto ok = p.parse("city/sensors/scenario:cable-7:load_pct", payload, kNow);
    ASSERT_TRUE(ok.ok()) << ok.messages();
    EXPECT_EQ(ok.value().front().sensorId, "scenario:cable-7:load_pct");
}

TEST(TimeFormat, roundTripsAndRequiresAZone) {
    EXPECT_EQ(parseIso8601("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseIso8601("2025-11-26T05:00:00Z"), kNow);
    EXPECT_EQ(parseIso8601("2025-11-26T13:00:00+0800"), kNow);
    EXPECT_EQ(parseIso8601("2025-11-25T21:00:00-08:00"), kNow);
    EXPECT_EQ(formatIso8601(kNow + 7), "2025-11-26T05:00:00.007Z");
    EXPECT_EQ(parseIso8601(formatIso8601(-1)), -1);
    EXPECT_FALSE(parseIso8601("2025-11-26T05:00:00"));
    EXPECT_FALSE(parseIso8601("2025-02-30T05:00:00Z"));
    EXPECT_FALSE(parseIso8601("2025-11-26T05:00:00Zjunk"));
    EXPECT_EQ(parseUserTime("1764133200000"), kNow);
    EXPECT_FALSE(parseUserTime("yesterday"));
}
