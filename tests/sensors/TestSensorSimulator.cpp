#include <gtest/gtest.h>

#include <cmath>

#include "citytwin/sensors/PayloadParser.h"
#include "citytwin/sensors/SensorSimulator.h"
#include "citytwin/sensors/TimeFormat.h"

using namespace citytwin::sensors;

namespace {
std::size_t indexOfKind(const SensorSimulator& sim, SensorKind kind) {
    for (std::size_t i = 0; i < sim.size(); ++i)
        if (sim.registry().sensors()[i].kind == kind)
            return i;
    return 0;
}
TimeMs shanghai(const char* localTime) {
    return *parseIso8601(localTime);
}
}  // namespace

TEST(SensorSimulator, isDeterministicForASeed) {
    SensorSimulator a(SensorSimulator::syntheticRegistry(16, 42), 42);
    SensorSimulator b(SensorSimulator::syntheticRegistry(16, 42), 42);
    SensorSimulator c(SensorSimulator::syntheticRegistry(16, 43), 43);
    const TimeMs t = shanghai("2025-11-26T08:00:00+08:00");
    bool anyDifferent = false;
    for (std::size_t i = 0; i < 16; ++i) {
        const auto ra = a.sample(i, t), rb = b.sample(i, t), rc = c.sample(i, t);
        ASSERT_EQ(ra.size(), rb.size());
        for (std::size_t k = 0; k < ra.size(); ++k) {
            EXPECT_EQ(ra[k].value, rb[k].value);
            anyDifferent = anyDifferent || ra[k].value != rc[k].value;
        }
    }
    EXPECT_TRUE(anyDifferent);
}

TEST(SensorSimulator, followsTheDailyRhythmOfShanghai) {
    SensorSimulator sim(SensorSimulator::syntheticRegistry(64, 7), 7);
    double rush = 0, night = 0, noiseDay = 0, noiseNight = 0;
    for (std::size_t i = 0; i < sim.size(); ++i) {
        const auto kind = sim.registry().sensors()[i].kind;
        for (int day = 0; day < 7; ++day) {
            const TimeMs d = day * 86400000LL;
            if (kind == SensorKind::TrafficCount) {
                rush += sim.value(i, "vehicles", shanghai("2025-11-24T08:00:00+08:00") + d);
                night += sim.value(i, "vehicles", shanghai("2025-11-24T03:00:00+08:00") + d);
            }
            if (kind == SensorKind::Noise) {
                noiseDay += sim.value(i, "noise_db", shanghai("2025-11-24T14:00:00+08:00") + d);
                noiseNight += sim.value(i, "noise_db", shanghai("2025-11-24T03:00:00+08:00") + d);
            }
        }
    }
    EXPECT_GT(rush, 3 * night);
    EXPECT_GT(noiseDay, noiseNight + 7 * 8 * 8);  // > 8 dB louder on average
}

TEST(SensorSimulator, valuesStayInPlausibleRangesAndPayloadsParse) {
    SensorSimulator sim(SensorSimulator::syntheticRegistry(40, 3), 3);
    PayloadParser parser;
    const TimeMs t0 = shanghai("2025-11-26T00:00:00+08:00");
    for (TimeMs t = t0; t < t0 + 86400000; t += 600000) {
        for (std::size_t i = 0; i < sim.size(); ++i) {
            const auto readings = sim.sample(i, t);
            auto parsed = parser.parse("city/sensors/x", SensorSimulator::toPayload(readings), t);
            ASSERT_TRUE(parsed.ok()) << parsed.messages();
            ASSERT_EQ(parsed.value().size(), readings.size());
            for (const auto& r : readings) {
                EXPECT_TRUE(std::isfinite(r.value));
                if (r.metric == "load_pct") {
                    EXPECT_TRUE(r.value >= 0 && r.value <= 100);
                }
                if (r.metric == "open") {
                    EXPECT_TRUE(r.value == 0 || r.value == 1);
                }
                if (r.metric == "pm25") {
                    EXPECT_TRUE(r.value > 0 && r.value < 500);
                }
                if (r.metric == "level_m") {
                    EXPECT_TRUE(r.value > -1 && r.value < 6);
                }
            }
        }
    }
    EXPECT_EQ(sim.registry().sensors()[indexOfKind(sim, SensorKind::WaterLevel)].metric, "level_m");
}

TEST(SensorSimulator, noStepAtShanghaiMidnight) {
    // A daily pattern that does not wrap jumps at midnight: a cable heating
    // by degrees in a minute, which the rate-of-change rule reports.
    SensorSimulator sim(SensorSimulator::syntheticRegistry(64, 3), 3);
    const TimeMs before = shanghai("2025-11-26T23:59:00+08:00");
    const TimeMs after = shanghai("2025-11-27T00:00:00+08:00");
    const TimeMs earlier = shanghai("2025-11-26T21:00:00+08:00");
    int checked = 0;
    for (std::size_t i = 0; i < sim.size(); ++i) {
        const auto& s = sim.registry().sensors()[i];
        if (!s.thresholds.maxRatePerMinute)
            continue;
        const std::string metric = sim.metricsOf(i).front();
        const double step = std::fabs(sim.value(i, metric, after) - sim.value(i, metric, before));
        // The same minute-to-minute change as at any other hour of the evening.
        const double usual =
            std::fabs(sim.value(i, metric, earlier + 60000) - sim.value(i, metric, earlier));
        EXPECT_LT(step, *s.thresholds.maxRatePerMinute) << s.id << " " << metric;
        EXPECT_LT(step, usual + 0.25 * *s.thresholds.maxRatePerMinute) << s.id << " " << metric;
        ++checked;
    }
    EXPECT_GT(checked, 4);
}
