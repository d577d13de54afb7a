#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <random>

#include "TempDir.h"
#ifdef CITYTWIN_TEST_POSTGRES
#include "PostgresServer.h"
#endif
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"

using namespace citytwin::sensors;
using citytwin::test::TempDir;
#ifdef CITYTWIN_TEST_POSTGRES
using citytwin::test::PostgresServer;
#endif

namespace {
constexpr TimeMs kT0 = 1764133200000;  // 2025-11-26T05:00:00Z, a minute boundary

Reading reading(const std::string& sensor, const std::string& metric, TimeMs ts, double v) {
    return Reading{sensor, metric, ts, v, ts + 100};
}

SensorStore openStore(const std::string& path, SensorStoreOptions o = {}) {
    auto s = SensorStore::open(path, o);
    EXPECT_TRUE(s.ok()) << s.messages();
    return std::move(s).value();
}
}  // namespace

// The store's contract, on each backend: test_sensors runs it on SQLite
// files, test_sensors_pg (label pg) on a real PostgreSQL server.
enum class Backend { Sqlite, Postgres };

class SensorStoreContract : public ::testing::TestWithParam<Backend> {
protected:
#ifdef CITYTWIN_TEST_POSTGRES
    static void SetUpTestSuite() {
        if (!PostgresServer::missingReason().empty())
            return;
        server = new PostgresServer("store-contract");
        started = server->start();
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }
    void SetUp() override {
        if (GetParam() != Backend::Postgres)
            return;
        if (const auto why = PostgresServer::missingReason(); !why.empty())
            GTEST_SKIP() << why;
        ASSERT_TRUE(started) << server->error();
    }
    static inline PostgresServer* server = nullptr;
    static inline bool started = false;
    static inline int databases = 0;
#endif
    /// Where the store called `name` lives: a file, or a database of its own.
    std::string location(const std::string& name) {
        if (GetParam() == Backend::Sqlite)
            return dir.file(name);
#ifdef CITYTWIN_TEST_POSTGRES
        auto [it, added] = stores.emplace(name, "");
        if (added) {
            const auto db = "contract" + std::to_string(++databases);
            EXPECT_TRUE(server->createDatabase(db)) << server->error();
            it->second = server->uri(db);
        }
        return it->second;
#else
        return {};
#endif
    }
    TempDir dir;
    std::map<std::string, std::string> stores;
};

#ifdef CITYTWIN_TEST_POSTGRES
INSTANTIATE_TEST_SUITE_P(Backends, SensorStoreContract, ::testing::Values(Backend::Postgres),
                         [](const auto&) { return "Postgres"; });
#else
INSTANTIATE_TEST_SUITE_P(Backends, SensorStoreContract, ::testing::Values(Backend::Sqlite),
                         [](const auto&) { return "Sqlite"; });
#endif

TEST_P(SensorStoreContract, storesARepeatedReadingOnceAndAcceptsOutOfOrder) {
    auto store = openStore(location("s.db"));
    std::vector<Reading> batch{reading("a", "pm25", kT0 + 2000, 2), reading("a", "pm25", kT0, 1),
                               reading("b", "pm25", kT0 + 1000, 5)};
    auto w = store.write(batch);
    ASSERT_TRUE(w.ok()) << w.messages();
    EXPECT_EQ(w.value().inserted, 3u);
    // Again, plus one late reading of an earlier time: only the late one is new.
    batch.push_back(reading("a", "pm25", kT0 - 60000, 0.5));
    w = store.write(batch);
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w.value().inserted, 1u);
    EXPECT_EQ(w.value().duplicates, 3u);
    EXPECT_TRUE(w.value().isNew[3]);

    auto h = store.history("a", "pm25", kT0 - 3600000, kT0 + 3600000, Aggregation::Raw);
    ASSERT_TRUE(h.ok()) << h.messages();
    ASSERT_EQ(h.value().size(), 3u);
    EXPECT_EQ(h.value()[0].ts, kT0 - 60000);
    EXPECT_EQ(h.value()[2].ts, kT0 + 2000);
    EXPECT_EQ(h.value()[2].ingestMs, kT0 + 2100);
    auto st = store.stats();
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(st.value().readings, 4);
    EXPECT_EQ(st.value().series, 2);
}

TEST_P(SensorStoreContract, rollupsMatchTheRawReadingsEvenWithDuplicates) {
    auto store = openStore(location("s.db"));
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> value(0, 100);
    std::vector<Reading> all;
    for (int i = 0; i < 600; ++i)  // 10 min of 1 Hz, shuffled, half sent twice
        all.push_back(reading("x", "temp_c", kT0 + i * 1000, value(rng)));
    std::vector<Reading> shuffled = all;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (std::size_t i = 0; i < shuffled.size(); i += 50) {
        std::vector<Reading> chunk(shuffled.begin() + i,
                                   shuffled.begin() + std::min(shuffled.size(), i + 50));
        chunk.insert(chunk.end(), all.begin(), all.begin() + 5);
        ASSERT_TRUE(store.write(chunk).ok());
    }
    auto minutes = store.history("x", "temp_c", kT0, kT0 + 600000, Aggregation::Minute);
    ASSERT_TRUE(minutes.ok());
    ASSERT_EQ(minutes.value().size(), 10u);
    for (std::size_t m = 0; m < 10; ++m) {
        const auto& p = minutes.value()[m];
        EXPECT_EQ(p.ts, kT0 + static_cast<TimeMs>(m) * 60000);
        EXPECT_EQ(p.count, 60);
        double sum = 0, lo = 1e9, hi = -1e9;
        for (int s = 0; s < 60; ++s) {
            const double v = all[m * 60 + s].value;
            sum += v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        EXPECT_NEAR(p.mean, sum / 60, 1e-9);
        EXPECT_EQ(p.min, lo);
        EXPECT_EQ(p.max, hi);
        EXPECT_EQ(p.last, all[m * 60 + 59].value);
        EXPECT_EQ(p.lastTs, all[m * 60 + 59].ts);
    }
    auto hours = store.history("x", "temp_c", kT0, kT0 + 600000, Aggregation::Hour);
    ASSERT_TRUE(hours.ok());
    ASSERT_EQ(hours.value().size(), 1u);
    EXPECT_EQ(hours.value()[0].count, 600);
}

TEST_P(SensorStoreContract, sceneStateAtIsTheLastReadingAtOrBeforeTime) {
    auto store = openStore(location("s.db"));
    std::vector<Reading> batch;
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> gap(1, 200000);
    std::map<std::string, std::vector<Reading>> bySensor;
    for (int s = 0; s < 20; ++s) {
        TimeMs t = kT0 + gap(rng);
        for (int i = 0; i < 30; ++i, t += gap(rng)) {
            auto r = reading("s" + std::to_string(s), "v", t, s * 1000 + i);
            batch.push_back(r);
            bySensor[r.sensorId].push_back(r);
        }
    }
    ASSERT_TRUE(store.write(batch).ok());
    // A sweep every 37 s: times inside a sensor's recent minutes (found by
    // the raw scan) and after longer silences (found in the rollups).
    std::vector<TimeMs> times{kT0, kT0 + 150000, kT0 + 1234567, kT0 + 2999999, kT0 + 7000000};
    for (TimeMs t = kT0; t < kT0 + 6200000; t += 37000)
        times.push_back(t);
    for (TimeMs t : times) {
        auto state = store.sceneStateAt(t);
        ASSERT_TRUE(state.ok()) << state.messages();
        std::size_t expectedCount = 0;
        for (const auto& [sensorId, readings] : bySensor) {
            const std::string& id = sensorId;  // clang < 16: lambdas cannot capture a binding
            const Reading* best = nullptr;
            for (const auto& r : readings)
                if (r.ts <= t && (!best || r.ts > best->ts))
                    best = &r;
            if (!best)
                continue;
            ++expectedCount;
            auto it = std::find_if(state.value().values.begin(), state.value().values.end(),
                                   [&](const SeriesValue& v) { return v.sensorId == id; });
            ASSERT_NE(it, state.value().values.end()) << id << " at " << t;
            EXPECT_EQ(it->ts, best->ts) << id << " at " << t;
            EXPECT_EQ(it->value, best->value);
        }
        EXPECT_EQ(state.value().values.size(), expectedCount) << t;
    }
}

TEST_P(SensorStoreContract, keepsRejectsGapsAndAlertsWithAcknowledgement) {
    auto store = openStore(location("s.db"));
    RejectedPayload rej{"city/sensors/x", "bad JSON", "{oops", 5, kT0};
    StreamGap gap{StreamGap::Kind::Disconnect, "mqtt://127.0.0.1:1", kT0, kT0 + 5000, 0, "lost"};
    AlertEvent raise{AlertEvent::Type::Raised, AlertKind::High, "a", "pm25", kT0, 90, 75, "high"};
    ASSERT_TRUE(store.write({}, std::span(&rej, 1), std::span(&gap, 1), std::span(&raise, 1)).ok());
    auto open = store.openAlerts();
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open.value().size(), 1u);
    EXPECT_TRUE(store.acknowledgeAlert(open.value()[0].id, "operator-1", kT0 + 10).ok());
    EXPECT_FALSE(store.acknowledgeAlert(9999, "operator-1", kT0).ok());
    AlertEvent clear = raise;
    clear.type = AlertEvent::Type::Cleared;
    clear.at = kT0 + 60000;
    ASSERT_TRUE(store.write({}, {}, {}, std::span(&clear, 1)).ok());
    auto alerts = store.alerts(kT0 - 1, kT0 + 1);
    ASSERT_TRUE(alerts.ok());
    ASSERT_EQ(alerts.value().size(), 1u);
    const auto& a = alerts.value()[0];
    EXPECT_EQ(a.maybeClearedMs, kT0 + 60000);
    EXPECT_EQ(a.maybeAckMs, kT0 + 10);
    EXPECT_EQ(a.ackBy, "operator-1");
    EXPECT_TRUE(a.isActiveAt(kT0 + 30000));
    EXPECT_FALSE(a.isActiveAt(kT0 + 60000));
    auto scene = store.sceneStateAt(kT0 + 30000);
    ASSERT_TRUE(scene.ok());
    EXPECT_EQ(scene.value().activeAlerts.size(), 1u);
    EXPECT_TRUE(store.sceneStateAt(kT0 + 90000).value().activeAlerts.empty());
    auto rejected = store.rejected(10);
    ASSERT_EQ(rejected.value().size(), 1u);
    EXPECT_EQ(rejected.value()[0].firstBytes, "{oops");
    EXPECT_EQ(store.gaps().value().size(), 1u);
    EXPECT_TRUE(store.integrityCheck().ok());
}

TEST_P(SensorStoreContract, retentionDropsOldRawReadingsButKeepsRollups) {
    SensorStoreOptions o;
    o.rawRetentionMs = 3600000;
    auto store = openStore(location("s.db"), o);
    ASSERT_TRUE(store
                    .write(std::vector<Reading>{reading("a", "v", kT0, 1),
                                                reading("a", "v", kT0 + 7200000, 2)})
                    .ok());
    ASSERT_TRUE(store.applyRetention(kT0 + 7200000).ok());
    EXPECT_EQ(store.history("a", "v", kT0 - 1, kT0 + 1e8, Aggregation::Raw).value().size(), 1u);
    EXPECT_EQ(store.history("a", "v", kT0 - 1, kT0 + 1e8, Aggregation::Minute).value().size(), 2u);
    // The scene right after the deleted raw reading still shows it (from
    // its rollup), and the recent one where it is.
    auto old = store.sceneStateAt(kT0 + 30000);
    ASSERT_TRUE(old);
    ASSERT_EQ(old->values.size(), 1u);
    EXPECT_EQ(old->values[0].ts, kT0);
    EXPECT_EQ(old->values[0].value, 1.0);
    auto recent = store.sceneStateAt(kT0 + 7200000 + 1000);
    ASSERT_TRUE(recent);
    EXPECT_EQ(recent->values[0].value, 2.0);
}

#ifndef CITYTWIN_TEST_POSTGRES
TEST(SensorStore, refusesAFileThatIsNotAStore) {
    TempDir dir;
    const auto path = dir.file("other.db");
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE readings(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    auto s = SensorStore::open(path);
    EXPECT_FALSE(s.ok());
    EXPECT_NE(s.messages().find(path), std::string::npos);
    SensorStoreOptions ro;
    ro.readOnly = true;
    EXPECT_FALSE(SensorStore::open(dir.file("missing.db"), ro).ok());
}
#endif

TEST_P(SensorStoreContract, dayRollupsAreBuiltIncrementallyAcrossBatchesAndYears) {
    auto store = openStore(location("s.db"));
    // 2013-12-06 and 2013-12-07 (UTC days), hourly, in two batches that
    // split the first day: the day rollup adds up across transactions.
    const TimeMs day0 = parseIso8601("2013-12-06T00:00:00Z").value();
    std::vector<Reading> first, second;
    for (int h = 0; h < 48; ++h)
        (h < 12 ? first : second)
            .push_back(reading("sh-jingan", "pm25", day0 + h * 3'600'000LL, h));
    ASSERT_TRUE(store.write(first).ok());
    ASSERT_TRUE(store.write(second).ok());
    ASSERT_TRUE(store.write(first).ok());  // repeats change nothing
    auto days =
        store.history("sh-jingan", "pm25", day0, day0 + 2 * 86'400'000LL - 1, Aggregation::Day);
    ASSERT_TRUE(days.ok()) << days.messages();
    ASSERT_EQ(days.value().size(), 2u);
    EXPECT_EQ(days.value()[0].ts, day0);
    EXPECT_EQ(days.value()[0].count, 24);
    EXPECT_DOUBLE_EQ(days.value()[0].mean, 11.5);
    EXPECT_EQ(days.value()[0].min, 0);
    EXPECT_EQ(days.value()[0].max, 23);
    EXPECT_EQ(days.value()[1].last, 47);
    EXPECT_EQ(store.stats().value().rollupDayRows, 2);
    EXPECT_EQ(parseAggregation("1d"), Aggregation::Day);
}

TEST_P(SensorStoreContract, coverageShowsWhereReadingsAreAndTheGapBetweenAtAnyResolution) {
    constexpr TimeMs kHour = 3600000, kDay = 24 * kHour;
    std::vector<Reading> batch;
    // Two sensors hourly for ten days, nothing for five days, then ten days
    // of one sensor: the gap is [kT0 + 10 d, kT0 + 15 d).
    for (TimeMs t = kT0; t < kT0 + 10 * kDay; t += kHour) {
        batch.push_back(reading("a", "pm25", t, 1));
        batch.push_back(reading("b", "pm25", t + 60000, 2));
    }
    for (TimeMs t = kT0 + 15 * kDay; t < kT0 + 25 * kDay; t += kHour)
        batch.push_back(reading("a", "pm25", t, 3));
    {
        auto store = openStore(location("s.db"));
        ASSERT_TRUE(store.write(batch).ok());
        // Zoomed out (a day a pixel) and in (an hour): two periods, the gap between.
        for (TimeMs resolution : {kDay, kHour}) {
            auto c = store.coverage(kT0 - 30 * kDay, kT0 + 60 * kDay, resolution);
            ASSERT_TRUE(c.ok()) << c.messages();
            ASSERT_EQ(c.value().size(), 2u) << resolution;
            EXPECT_EQ(c.value()[0].fromMs, kT0);
            EXPECT_EQ(c.value()[0].toMs, kT0 + 10 * kDay);
            EXPECT_EQ(c.value()[1].fromMs, kT0 + 15 * kDay);
            EXPECT_EQ(c.value()[1].toMs, kT0 + 25 * kDay);
        }
        // A window inside the gap has none; minutes: each hourly reading's minute.
        auto none = store.coverage(kT0 + 11 * kDay, kT0 + 14 * kDay, kHour);
        ASSERT_TRUE(none.ok());
        EXPECT_TRUE(none.value().empty());
        auto minutes = store.coverage(kT0, kT0 + 3 * kHour, 60000);
        ASSERT_TRUE(minutes.ok()) << minutes.messages();
        ASSERT_EQ(minutes.value().size(), 3u);  // a and b at :00 and :01, joined
        EXPECT_EQ(minutes.value()[0].fromMs, kT0);
        EXPECT_EQ(minutes.value()[0].toMs, kT0 + 2 * 60000);
        EXPECT_EQ(minutes.value()[2].fromMs, kT0 + 2 * kHour);
    }
    // A SQLite store written before the index has it built from the hour rollups.
    if (GetParam() != Backend::Sqlite)
        return;
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(dir.file("s.db").c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "DELETE FROM coverage_1h", nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    auto reopened = openStore(location("s.db"));
    auto c = reopened.coverage(kT0 - kDay, kT0 + 30 * kDay, kDay);
    ASSERT_TRUE(c.ok()) << c.messages();
    ASSERT_EQ(c.value().size(), 2u);
    EXPECT_EQ(c.value()[1].toMs, kT0 + 25 * kDay);
}
