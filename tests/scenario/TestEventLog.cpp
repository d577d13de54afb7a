// The event log's canonical form: names, key order, number formatting and
// the round trip through parseEventLog.

#include <gtest/gtest.h>

#include "ScenarioTestSupport.h"
#include "citytwin/assets/scenario/EventLog.h"
#include "citytwin/geo/Sha256.h"

using namespace citytwin;
using namespace citytwin::assets;

TEST(EventLog, everyKindHasASnakeCaseNameThatParsesBack) {
    const std::vector<std::string> names = {
        "scenario_start",    "cable_down",        "cable_up",           "site_down",
        "site_up",           "power_lost",        "backhaul_lost",      "backhaul_restored",
        "coverage_lost",     "coverage_restored", "zone_entered",       "zone_left",
        "anchoring_in_zone", "interference",      "interference_ended", "typhoon_exposure",
        "sensor_fault",      "sensor_restored",   "sensor_reading",     "scenario_end"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto kind = static_cast<LogEventKind>(i);
        EXPECT_EQ(toString(kind), names[i]);
        EXPECT_EQ(parseLogEventKind(names[i]), kind);
    }
    EXPECT_FALSE(parseLogEventKind("Cable_Down").has_value());
}

TEST(EventLog, canonicalLineSortsKeysAndFixesDecimals) {
    LogEntry e;
    e.t = test::kT0 + 1234;
    e.kind = LogEventKind::BackhaulLost;
    e.id = "S1";
    e.rule = "SH-25";
    e.rules = {"SH-25"};
    e.cause = {"A", "D"};
    e.related = {"A", "D"};
    e.operatorName = "China Telecom";
    e.maybePosition = geo::GeoPoint{121.123456789, -0.00000001, 0};
    e.maybeValue = 2.0 / 3.0;
    e.maybeAreaKm2 = 1e-9;
    e.maybeDurationS = 12345678.9;
    e.detail = "quote \" and\nnewline";
    e.scenarioEvent = 3;
    EXPECT_EQ(
        toJsonLine(e),
        R"({"area_km2":0.000000,"cause":["A","D"],"detail":"quote \" and\nnewline",)"
        R"("duration_s":12345678.900,"event":"backhaul_lost","id":"S1","lat":0.0000000,)"
        R"("lon":121.1234568,"operator":"China Telecom","related":["A","D"],"rule":"SH-25",)"
        R"("rules":["SH-25"],"scenario_event":3,"t":"2026-06-15T02:00:01.234Z","value":0.667})");
    LogEntry bare;
    bare.t = test::kT0;
    bare.kind = LogEventKind::ScenarioEnd;
    bare.id = "x";
    EXPECT_EQ(
        toJsonLine(bare),
        R"({"event":"scenario_end","id":"x","scenario_event":0,"t":"2026-06-15T02:00:00.000Z"})");
}

TEST(EventLog, formatFixedHasNoExponentAndNoNegativeZero) {
    EXPECT_EQ(formatFixed(123456789.5, 3), "123456789.500");
    EXPECT_EQ(formatFixed(1e300, 1).find('e'), std::string::npos);
    EXPECT_EQ(formatFixed(-0.0004, 3), "0.000");
    EXPECT_EQ(formatFixed(-2.5, 0), "-3");
    EXPECT_EQ(formatFixed(0.1 + 0.2, 6), "0.300000");
}

TEST(EventLog, parseReadsBackWhatWasWrittenAndHashIsOfTheBytes) {
    std::vector<LogEntry> log(2);
    log[0].t = test::kT0;
    log[0].kind = LogEventKind::ZoneEntered;
    log[0].id = "W1";
    log[0].rule = "SH-24-2";
    log[0].rules = {"SH-24-2", "SH-19"};
    log[0].related = {"A"};
    log[0].maybeZoneHalfWidthM = 5;
    log[0].wkt = "POLYGON ((1 2,3 4,5 6,1 2))";
    log[1].t = test::kT0 + 600000;
    log[1].kind = LogEventKind::SensorReading;
    log[1].id = "S1";
    log[1].metric = "load_pct";
    log[1].maybeValue = 41.25;
    const std::string text = writeEventLog(log);
    const auto parsed = parseEventLog(text, "log.jsonl");
    ASSERT_TRUE(parsed.ok()) << parsed.messages();
    EXPECT_EQ(writeEventLog(parsed.value()), text);
    EXPECT_EQ(eventLogSha256(log), geo::sha256Hex(text));
    EXPECT_EQ(eventLogSha256(log).size(), 64u);
}

TEST(EventLog, parseErrorsNameTheLine) {
    const std::string good =
        R"({"event":"scenario_end","id":"x","scenario_event":0,"t":"2026-06-15T02:00:00.000Z"})";
    auto r = parseEventLog(good + "\n" + good + "\n{not json\n", "log.jsonl");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].line, 3);
    EXPECT_EQ(r.diagnostics()[0].source, "log.jsonl");
    r = parseEventLog(
        good + "\n" + R"({"event":"cable_melted","id":"x","t":"2026-06-15T02:00:00.000Z"})",
        "log.jsonl");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].line, 2);
    EXPECT_EQ(r.diagnostics()[0].field, "event");
    r = parseEventLog(R"({"event":"cable_down","id":"x"})", "log.jsonl");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].field, "t");
}

TEST(EventLog, orderIsByTimeThenKindThenId) {
    LogEntry a, b, c;
    a.t = b.t = 10;
    c.t = 5;
    a.kind = LogEventKind::BackhaulLost;
    b.kind = LogEventKind::CableDown;
    a.id = "a";
    b.id = "b";
    c.kind = LogEventKind::ScenarioEnd;
    EXPECT_TRUE(logOrderLess(c, a));
    EXPECT_TRUE(logOrderLess(b, a));
    EXPECT_FALSE(logOrderLess(a, b));
}
