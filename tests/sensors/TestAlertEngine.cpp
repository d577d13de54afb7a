#include <gtest/gtest.h>

#include "citytwin/sensors/AlertEngine.h"

using namespace citytwin::sensors;

namespace {
constexpr TimeMs kT0 = 1764133200000;

SensorRegistry registry() {
    SensorRegistry r;
    SensorInfo aq{"aq", SensorKind::AirQuality, {121.49, 31.23, 0}, "pm25", "ug/m3", "", {}};
    aq.thresholds.high = 75;
    aq.thresholds.low = 1;
    aq.thresholds.staleAfterSeconds = 60;
    r.add(aq);
    SensorInfo ct{"ct", SensorKind::CableTemperature, {121.5, 31.24, 0}, "temp_c", "degC", "", {}};
    ct.thresholds.maxRatePerMinute = 2;
    r.add(ct);
    return r;
}

Reading at(const std::string& s, const std::string& m, TimeMs ts, double v) {
    return Reading{s, m, ts, v, ts};
}
}  // namespace

TEST(AlertEngine, raisesOnceAboveThresholdAndClearsWhenBack) {
    AlertEngine e(registry());
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0, 40)).empty());
    auto raised = e.onReading(at("aq", "pm25", kT0 + 1000, 80));
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(raised[0].type, AlertEvent::Type::Raised);
    EXPECT_EQ(raised[0].kind, AlertKind::High);
    EXPECT_EQ(raised[0].at, kT0 + 1000);
    EXPECT_EQ(raised[0].limit, 75);
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0 + 2000, 90)).empty());  // still high: no repeat
    EXPECT_EQ(e.activeCount(), 1u);
    auto cleared = e.onReading(at("aq", "pm25", kT0 + 3000, 50));
    ASSERT_EQ(cleared.size(), 1u);
    EXPECT_EQ(cleared[0].type, AlertEvent::Type::Cleared);
    EXPECT_EQ(cleared[0].at, kT0 + 3000);
    EXPECT_EQ(e.activeCount(), 0u);
    // Other metrics and unknown sensors do not alert.
    EXPECT_TRUE(e.onReading(at("aq", "pm10", kT0 + 4000, 500)).empty());
    EXPECT_TRUE(e.onReading(at("nobody", "pm25", kT0 + 4000, 500)).empty());
}

TEST(AlertEngine, lateReadingsDoNotMoveTheLiveState) {
    AlertEngine e(registry());
    e.onReading(at("aq", "pm25", kT0 + 10000, 40));
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0, 200)).empty());
    EXPECT_EQ(e.activeCount(), 0u);
}

TEST(AlertEngine, rateOfChangeUsesTheTimeBetweenReadings) {
    AlertEngine e(registry());
    EXPECT_TRUE(e.onReading(at("ct", "temp_c", kT0, 30)).empty());
    EXPECT_TRUE(e.onReading(at("ct", "temp_c", kT0 + 60000, 31.5)).empty());  // 1.5/min
    auto raised = e.onReading(at("ct", "temp_c", kT0 + 90000, 33));           // 3/min
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(raised[0].kind, AlertKind::RateOfChange);
    auto cleared = e.onReading(at("ct", "temp_c", kT0 + 150000, 33.5));
    ASSERT_EQ(cleared.size(), 1u);
    EXPECT_EQ(cleared[0].type, AlertEvent::Type::Cleared);
}

TEST(AlertEngine, staleWhenSilentTooLongAndClearedByTheNextReading) {
    AlertEngine e(registry());
    e.setStartMs(kT0);
    e.onReading(at("aq", "pm25", kT0, 40));
    EXPECT_TRUE(e.checkStaleness(kT0 + 60000).empty());
    auto stale = e.checkStaleness(kT0 + 61000);
    ASSERT_EQ(stale.size(), 1u);
    EXPECT_EQ(stale[0].kind, AlertKind::Stale);
    EXPECT_EQ(stale[0].at, kT0 + 60000);  // when it became stale
    EXPECT_TRUE(e.checkStaleness(kT0 + 120000).empty());
    auto back = e.onReading(at("aq", "pm25", kT0 + 130000, 40));
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].type, AlertEvent::Type::Cleared);
    EXPECT_EQ(back[0].kind, AlertKind::Stale);
}

TEST(AlertEngine, restoredOpenAlertsAreClearedNotRaisedAgain) {
    AlertEngine e(registry());
    AlertRecord open;
    open.kind = AlertKind::High;
    open.sensorId = "aq";
    open.metric = "pm25";
    e.restoreOpenAlerts({open});
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0, 100)).empty());
    EXPECT_EQ(e.onReading(at("aq", "pm25", kT0 + 1, 10)).size(), 1u);
}

TEST(AlertEngine, aValueHoveringAtTheLimitRaisesOnceThanksToTheDeadband) {
    // Band 1..75: deadband 2% of 74 = 1.48.
    AlertEngine e(registry());
    ASSERT_EQ(e.onReading(at("aq", "pm25", kT0, 75.5)).size(), 1u);  // raised
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0 + 60000, 74.8)).empty());
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0 + 120000, 75.2)).empty());
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0 + 180000, 73.6)).empty());  // 75 - 1.48 = 73.52
    auto cleared = e.onReading(at("aq", "pm25", kT0 + 240000, 73.5));
    ASSERT_EQ(cleared.size(), 1u);
    EXPECT_EQ(cleared[0].type, AlertEvent::Type::Cleared);
    // Not active any more: the plain threshold raises again.
    EXPECT_TRUE(e.onReading(at("aq", "pm25", kT0 + 300000, 75.0)).empty());
    EXPECT_EQ(e.onReading(at("aq", "pm25", kT0 + 360000, 75.01)).size(), 1u);
    // Low side: clears only above 1 + 1.48.
    AlertEngine low(registry());
    ASSERT_EQ(low.onReading(at("aq", "pm25", kT0, 0.5)).size(), 1u);
    EXPECT_TRUE(low.onReading(at("aq", "pm25", kT0 + 60000, 2.4)).empty());
    EXPECT_EQ(low.onReading(at("aq", "pm25", kT0 + 120000, 2.5)).size(), 1u);
}
