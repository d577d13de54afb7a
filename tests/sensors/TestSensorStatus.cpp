// What a sensor's pin says at one instant: level from thresholds, alerts and
// staleness, and the latest value of its primary metric.

#include <gtest/gtest.h>

#include "citytwin/sensors/SensorStatus.h"

using namespace citytwin::sensors;

namespace {

SensorRegistry registry() {
    SensorRegistry r;
    SensorInfo aq;
    aq.id = "aq";
    aq.metric = "pm25";
    aq.thresholds.high = 75;
    aq.thresholds.staleAfterSeconds = 600;
    r.add(aq);
    SensorInfo wl;
    wl.id = "wl";
    wl.kind = SensorKind::WaterLevel;
    wl.metric = "level_m";
    wl.thresholds.low = 1.0;
    wl.thresholds.high = 5.0;
    r.add(wl);
    SensorInfo quiet;
    quiet.id = "quiet";
    quiet.metric = "noise_db";
    r.add(quiet);
    return r;
}

SceneState at(TimeMs t, std::vector<SeriesValue> values, std::vector<AlertRecord> alerts = {}) {
    SceneState s;
    s.time = t;
    s.values = std::move(values);
    s.activeAlerts = std::move(alerts);
    return s;
}

}  // namespace

TEST(SensorStatus, levelsFollowThresholdsWithATenPercentNearBand) {
    const TimeMs t = 1'000'000'000;
    auto st = sensorStatusesAt(
        registry(), at(t, {{"aq", "pm25", t - 1000, 30.0}, {"wl", "level_m", t - 1000, 4.7}}));
    ASSERT_EQ(st.size(), 3u);
    EXPECT_EQ(st[0].level, SensorLevel::Normal);
    EXPECT_EQ(*st[0].maybeValue, 30.0);
    EXPECT_EQ(st[0].valueTs, t - 1000);
    // 4.7 m is within 10% of the 1..5 m band (0.4 m) of the high threshold.
    EXPECT_EQ(st[1].level, SensorLevel::Near);
    EXPECT_EQ(st[2].level, SensorLevel::NoData);
    EXPECT_FALSE(st[2].maybeValue);

    st = sensorStatusesAt(registry(), at(t, {{"aq", "pm25", t, 68.0}, {"wl", "level_m", t, 1.3}}));
    EXPECT_EQ(st[0].level, SensorLevel::Near);  // 68 > 75 - 7.5
    EXPECT_EQ(st[1].level, SensorLevel::Near);  // 1.3 < 1.0 + 0.4
    st = sensorStatusesAt(registry(), at(t, {{"aq", "pm25", t, 67.0}, {"wl", "level_m", t, 1.5}}));
    EXPECT_EQ(st[0].level, SensorLevel::Normal);
    EXPECT_EQ(st[1].level, SensorLevel::Normal);
}

TEST(SensorStatus, anActiveAlertWinsAndAClearedOneDoesNot) {
    const TimeMs t = 1'000'000'000;
    AlertRecord a;
    a.sensorId = "aq";
    a.metric = "pm25";
    a.raisedMs = t - 5000;
    auto st = sensorStatusesAt(registry(), at(t, {{"aq", "pm25", t, 80.0}}, {a}));
    EXPECT_EQ(st[0].level, SensorLevel::Alert);
    EXPECT_EQ(st[0].activeAlerts, 1u);
    a.maybeClearedMs = t - 10;  // cleared before t: not active any more
    st = sensorStatusesAt(registry(), at(t, {{"aq", "pm25", t, 40.0}}, {a}));
    EXPECT_EQ(st[0].level, SensorLevel::Normal);
    EXPECT_EQ(st[0].activeAlerts, 0u);
}

TEST(SensorStatus, silentLongerThanStaleAfterIsStale) {
    const TimeMs t = 1'000'000'000;
    auto st = sensorStatusesAt(registry(), at(t, {{"aq", "pm25", t - 600'000, 20.0}}));
    EXPECT_EQ(st[0].level, SensorLevel::Normal);  // exactly 600 s: not yet
    st = sensorStatusesAt(registry(), at(t, {{"aq", "pm25", t - 600'001, 20.0}}));
    EXPECT_EQ(st[0].level, SensorLevel::Stale);
    // Another metric of the same sensor keeps it fresh.
    st = sensorStatusesAt(
        registry(), at(t, {{"aq", "pm25", t - 900'000, 20.0}, {"aq", "pm10", t - 1000, 30.0}}));
    EXPECT_EQ(st[0].level, SensorLevel::Normal);
    EXPECT_EQ(*st[0].maybeValue, 20.0);  // the primary metric's value, however old
}
