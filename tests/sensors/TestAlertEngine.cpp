#include <gtest/gtest.h>

#include "citytwin/sensors/AlertEngine.h"
#include "citytwin/test/TestPaths.h"

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
    auto raised = e.onReading(at("ct", "temp_c", kT0 + 150000, 35.25));       // 2.5/min
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(raised[0].kind, AlertKind::RateOfChange);
    auto cleared = e.onReading(at("ct", "temp_c", kT0 + 240000, 35.5));  // 0.17/min
    ASSERT_EQ(cleared.size(), 1u);
    EXPECT_EQ(cleared[0].type, AlertEvent::Type::Cleared);
}

TEST(AlertEngine, jitterBetweenReadingsSecondsApartIsNotATrendButARampIs) {
    AlertEngine e(registry());
    constexpr TimeMs kStep = 5000;
    // ±0.3 degrees every 5 s around 30: 7.2 degrees a minute from one
    // reading to the next, but flat over any minute.
    for (int i = 0; i < 60; ++i)
        EXPECT_TRUE(
            e.onReading(at("ct", "temp_c", kT0 + i * kStep, 30 + (i % 2 ? 0.3 : -0.3))).empty())
            << i;
    // Then a real rise of 3 degrees a minute: raised once a minute of it is seen.
    std::size_t raisedAt = 0;
    for (int i = 0; i < 24 && !raisedAt; ++i) {
        const double v = 30 + 3.0 * (i + 1) * kStep / 60000.0;
        if (!e.onReading(at("ct", "temp_c", kT0 + (60 + i) * kStep, v)).empty())
            raisedAt = std::size_t(i) + 1;
    }
    // 2 degrees over the minute since a jittered reference (29.7 or 30.3):
    // 35 to 50 s into the ramp, not at its first step.
    EXPECT_GE(raisedAt, 7u);
    EXPECT_LE(raisedAt, 12u);
    EXPECT_EQ(e.activeCount(), 1u);
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

TEST(AlertEngine, anOnDelayRaisesOnlyOnceTheConditionHasHeldThatLong) {
    SensorRegistry r;
    SensorInfo ns{"ns", SensorKind::Noise, {121.49, 31.23, 0}, "noise_db", "dB(A)", "", {}};
    ns.thresholds.high = 70;
    ns.thresholds.low = 30;
    ns.thresholds.onDelaySeconds = 180;
    r.add(ns);
    AlertEngine e(r);
    constexpr TimeMs kMin = 60000;
    // Above for two minutes, then below: a burst, not an alert.
    EXPECT_TRUE(e.onReading(at("ns", "noise_db", kT0, 72)).empty());
    EXPECT_TRUE(e.onReading(at("ns", "noise_db", kT0 + kMin, 75)).empty());
    EXPECT_TRUE(e.onReading(at("ns", "noise_db", kT0 + 2 * kMin, 71)).empty());
    EXPECT_TRUE(e.onReading(at("ns", "noise_db", kT0 + 3 * kMin, 65)).empty());
    // Above again: the delay counts from this reading, not the first burst.
    EXPECT_TRUE(e.onReading(at("ns", "noise_db", kT0 + 4 * kMin, 72)).empty());
    EXPECT_TRUE(e.onReading(at("ns", "noise_db", kT0 + 6 * kMin, 72)).empty());
    auto raised = e.onReading(at("ns", "noise_db", kT0 + 7 * kMin, 73));
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(raised[0].kind, AlertKind::High);
    EXPECT_EQ(raised[0].at, kT0 + 7 * kMin);
    // Clearing is not delayed (the deadband guards that side).
    auto cleared = e.onReading(at("ns", "noise_db", kT0 + 8 * kMin, 60));
    ASSERT_EQ(cleared.size(), 1u);
    EXPECT_EQ(cleared[0].type, AlertEvent::Type::Cleared);
    // The low side has its own delay.
    EXPECT_TRUE(e.onReading(at("ns", "noise_db", kT0 + 9 * kMin, 20)).empty());
    EXPECT_EQ(e.onReading(at("ns", "noise_db", kT0 + 12 * kMin, 25)).size(), 1u);
}

namespace {
/// The demo's registry as shipped (data/demo/sensors.csv).
SensorRegistry demoRegistry() {
    auto r =
        SensorRegistry::importCsv(std::string(citytwin::test::kRepoDataDir) + "/demo/sensors.csv");
    EXPECT_TRUE(r) << r.messages();
    return r ? r.value() : SensorRegistry{};
}

/// Normal readings every 5 s for two minutes, then three outlying values
/// within one second between normal ones, then normal again.
std::vector<AlertEvent> threeOutliersWithinASecond(AlertEngine& e, const std::string& sensor,
                                                   const std::string& metric, double normal,
                                                   double outlier) {
    std::vector<AlertEvent> events;
    auto feed = [&](TimeMs ts, double v) {
        auto ev = e.onReading(at(sensor, metric, ts, v));
        events.insert(events.end(), ev.begin(), ev.end());
    };
    TimeMs t = kT0;
    for (; t < kT0 + 120000; t += 5000)
        feed(t, normal);
    for (int i = 0; i < 3; ++i) {
        feed(t + 200 * (2 * i), outlier);
        feed(t + 200 * (2 * i + 1), normal);
    }
    for (t += 5000; t < kT0 + 240000; t += 5000)
        feed(t, normal);
    return events;
}
}  // namespace

TEST(AlertEngine, threeOutlyingLiveValuesWithinASecondRaiseNoAlertUnderTheDemoRules) {
    const SensorRegistry registry = demoRegistry();
    const SensorInfo* aq = registry.find("aq-02");
    const SensorInfo* ct = registry.find("ct-01");
    ASSERT_TRUE(aq && ct);
    ASSERT_TRUE(aq->thresholds.onDelaySeconds && ct->thresholds.onDelaySeconds);
    AlertEngine e(registry);
    // A PM2.5 monitor: 40, then three readings of 300 (limit 75) within a second.
    EXPECT_TRUE(threeOutliersWithinASecond(e, "aq-02", aq->metric, 40, 300).empty());
    // A cable temperature: three jumps of 20 degrees (limit 2 per minute, and 70).
    EXPECT_TRUE(threeOutliersWithinASecond(e, "ct-01", ct->metric, 35, 90).empty());

    // A real excursion, held longer than the on-delay, raises exactly one alert.
    std::vector<AlertEvent> events;
    for (TimeMs t = kT0 + 300000; t < kT0 + 360000; t += 5000) {
        auto ev = e.onReading(at("aq-02", aq->metric, t, 120));
        events.insert(events.end(), ev.begin(), ev.end());
    }
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, AlertEvent::Type::Raised);
    EXPECT_EQ(events[0].kind, AlertKind::High);
}
