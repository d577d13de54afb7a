// What only the PostgreSQL backend has: day partitions made on demand and
// dropped by retention, several writers on one store, a versioned schema in
// a database that may hold other things, and the CLI on a postgresql:// URI.
// Against a real PostgreSQL cluster (label pg).

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "CliRun.h"
#include "PostgresServer.h"
#include "TempDir.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::sensors;
using citytwin::test::cli;
using citytwin::test::PostgresServer;
using citytwin::test::TempDir;

namespace {

constexpr TimeMs kT0 = 1764133200000;  // 2025-11-26T05:00:00Z
constexpr TimeMs kDay = 86'400'000;

class PostgresStore : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!PostgresServer::missingReason().empty())
            return;
        server = new PostgresServer("pg-store");
        started = server->start();
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }
    void SetUp() override {
        if (const auto why = PostgresServer::missingReason(); !why.empty())
            GTEST_SKIP() << why;
        ASSERT_TRUE(started) << server->error();
        db = "pgstore" + std::to_string(++databases);
        ASSERT_TRUE(server->createDatabase(db)) << server->error();
    }
    /// SQL that raises unless `condition` holds, on this test's database.
    bool holds(const std::string& condition) {
        return server->execute("DO $$ BEGIN IF NOT (" + condition +
                                   ") THEN RAISE EXCEPTION 'condition failed'; END IF; END $$",
                               db);
    }
    SensorStore open(SensorStoreOptions o = {}) {
        auto s = SensorStore::open(server->uri(db), o);
        EXPECT_TRUE(s.ok()) << s.messages();
        return std::move(s).value();
    }
    static inline PostgresServer* server = nullptr;
    static inline bool started = false;
    static inline int databases = 0;
    std::string db;
};

}  // namespace

TEST_F(PostgresStore, choosesTheBackendByTheStoreArgument) {
    EXPECT_TRUE(SensorStore::isPostgresLocation("postgresql://u@127.0.0.1:5432/db"));
    EXPECT_TRUE(SensorStore::isPostgresLocation("postgres://127.0.0.1/db"));
    EXPECT_TRUE(SensorStore::isPostgresLocation("host=127.0.0.1 port=5432 dbname=db"));
    EXPECT_FALSE(SensorStore::isPostgresLocation("/var/lib/citytwin/sensors.db"));
    EXPECT_FALSE(SensorStore::isPostgresLocation("hosts.db"));
    // The key/value form works as the URI does.
    auto s = SensorStore::open(server->conninfo(db));
    ASSERT_TRUE(s.ok()) << s.messages();
    EXPECT_EQ(s.value().path(), server->conninfo(db));
    // A server that is not there is an error naming the store, password hidden.
    auto missing = SensorStore::open("postgresql://citytwin:secret@127.0.0.1:1/none");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.messages().find("127.0.0.1:1/none"), std::string::npos) << missing.messages();
    EXPECT_EQ(missing.messages().find("secret"), std::string::npos) << missing.messages();
}

TEST_F(PostgresStore, makesADayPartitionPerUtcDayAndRetentionDropsWholeDays) {
    SensorStoreOptions o;
    o.rawRetentionMs = 2 * kDay;
    auto store = open(o);
    std::vector<Reading> batch;
    for (int d = 0; d < 5; ++d)
        for (int i = 0; i < 10; ++i)
            batch.push_back(Reading{"a", "pm25", kT0 + d * kDay + i * 60'000, double(d), kT0});
    // Before 1970 too: a negative day number.
    batch.push_back(Reading{"a", "pm25", -kDay / 2, 7.0, kT0});
    ASSERT_TRUE(store.write(batch).ok());
    EXPECT_TRUE(
        holds("(SELECT count(*) FROM pg_inherits WHERE inhparent ="
              " 'readings'::regclass) = 6"));
    EXPECT_TRUE(holds("(SELECT count(*) FROM readings_day_m1) = 1"));
    EXPECT_TRUE(store.integrityCheck().ok());
    ASSERT_TRUE(store.applyRetention(kT0 + 4 * kDay + 3'600'000).ok());
    // The cutoff is in day 2 (from kT0): the days before and 1969 are gone
    // with their partitions, day 2 keeps its partition but not its rows.
    EXPECT_TRUE(
        holds("(SELECT count(*) FROM pg_inherits WHERE inhparent ="
              " 'readings'::regclass) = 3"));
    EXPECT_EQ(store.stats().value().readings, 20);
    // The rollups stay; a write into a dropped day makes its partition again.
    EXPECT_EQ(store.history("a", "pm25", kT0, kT0 + kDay, Aggregation::Day).value().size(), 2u);
    const Reading late{"a", "pm25", kT0 + 30'000, 9.0, kT0};
    auto w = store.write(std::span(&late, 1));
    ASSERT_TRUE(w.ok()) << w.messages();
    EXPECT_EQ(w.value().inserted, 1u);
}

TEST_F(PostgresStore, severalWritersOnOneStoreStoreEachReadingOnceWithExactRollups) {
    constexpr int kWriters = 3, kBatches = 20, kPerBatch = 200;
    std::vector<std::thread> writers;
    std::vector<std::size_t> inserted(kWriters, 0);
    // Every writer sends the same readings, in its own batch order: the
    // store keeps one of each and the rollups count each once.
    for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([&, w] {
            auto store = open();
            for (int b = 0; b < kBatches; ++b) {
                const int batch = (b + w * 7) % kBatches;
                std::vector<Reading> readings;
                for (int i = 0; i < kPerBatch; ++i) {
                    const int n = batch * kPerBatch + i;
                    readings.push_back(Reading{"s" + std::to_string(n % 25), "pm25",
                                               kT0 + (n / 25) * 1000, double(n), kT0});
                }
                auto r = store.write(readings);
                ASSERT_TRUE(r.ok()) << r.messages();
                inserted[w] += r.value().inserted;
            }
        });
    for (auto& t : writers)
        t.join();
    EXPECT_EQ(inserted[0] + inserted[1] + inserted[2], std::size_t(kBatches * kPerBatch));
    auto store = open();
    auto st = store.stats();
    ASSERT_TRUE(st.ok()) << st.messages();
    EXPECT_EQ(st.value().readings, kBatches * kPerBatch);
    EXPECT_EQ(st.value().series, 25);
    EXPECT_TRUE(
        holds("(SELECT sum(n) FROM rollup_1m) = 4000 AND (SELECT sum(n) FROM rollup_1h)"
              " = 4000 AND (SELECT sum(n) FROM coverage_1h) = 4000"));
}

TEST_F(PostgresStore, keepsItsSchemaVersionedAndBesideOtherTables) {
    ASSERT_TRUE(server->execute("CREATE TABLE project_sites(id integer)", db));
    { auto store = open(); }
    EXPECT_TRUE(holds("(SELECT value FROM meta WHERE key = 'schema_version') = '1'"));
    ASSERT_TRUE(server->execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'", db));
    auto newer = SensorStore::open(server->uri(db));
    ASSERT_FALSE(newer.ok());
    EXPECT_NE(newer.messages().find("schema version 99"), std::string::npos) << newer.messages();
    // Someone else's readings table: refused, nothing added.
    ASSERT_TRUE(server->createDatabase(db + "x"));
    ASSERT_TRUE(server->execute("CREATE TABLE readings(x integer)", db + "x"));
    auto foreign = SensorStore::open(server->uri(db + "x"));
    ASSERT_FALSE(foreign.ok());
    EXPECT_NE(foreign.messages().find("not a citytwin sensor store"), std::string::npos);
    // Read-only on an empty database: no store there, and none created.
    ASSERT_TRUE(server->createDatabase(db + "y"));
    SensorStoreOptions ro;
    ro.readOnly = true;
    EXPECT_FALSE(SensorStore::open(server->uri(db + "y"), ro).ok());
    EXPECT_TRUE(server->execute(
        "DO $$ BEGIN IF to_regclass('meta') IS NOT NULL THEN RAISE EXCEPTION 'made'; END IF;"
        " END $$",
        db + "y"));
}

TEST_F(PostgresStore, cliIngestQueryAndStatsWorkOnAPostgresqlUri) {
    TempDir dir;
    const auto jsonl = dir.file("in.jsonl");
    {
        std::ofstream f(jsonl);
        for (int i = 0; i < 120; ++i)
            f << R"({"sensor":"sh-)" << (i % 3) << R"(","ts":)" << kT0 + i * 30'000
              << R"(,"values":{"pm25":)" << i << "}}\n";
        f << "{not json\n";
    }
    const auto uri = server->uri(db);
    auto [status, out] = cli("ingest --file " + jsonl + " --store '" + uri + "'");
    ASSERT_EQ(status, 0) << out;
    EXPECT_NE(out.find("stored 120"), std::string::npos) << out;
    EXPECT_NE(out.find("rejected 1"), std::string::npos) << out;
    // Again: every reading a duplicate.
    std::tie(status, out) = cli("ingest --file " + jsonl + " --store '" + uri + "'");
    ASSERT_EQ(status, 0) << out;
    EXPECT_NE(out.find("stored 0"), std::string::npos) << out;
    EXPECT_NE(out.find("duplicates 120"), std::string::npos) << out;

    std::tie(status, out) = cli("query --store '" + uri +
                                "' --sensor sh-1 --agg 1m --format csv --from 2025-11-26T05:00:00Z"
                                " --to 2025-11-26T06:00:00Z");
    ASSERT_EQ(status, 0) << out;
    // 40 readings of sh-1, every 90 s: 60 one-minute rows minus the empty ones.
    std::size_t rows = 0;
    for (std::size_t p = out.find('\n'); p != std::string::npos; p = out.find('\n', p + 1))
        ++rows;
    EXPECT_GE(rows, 40u) << out;

    const auto key = server->conninfo(db);
    std::tie(status, out) = cli("stats --store '" + key + "'");
    ASSERT_EQ(status, 0) << out;
    EXPECT_NE(out.find("readings: 120"), std::string::npos) << out;
    EXPECT_NE(out.find("series: 3"), std::string::npos) << out;
    EXPECT_NE(out.find("rejected_reason: 2 bad JSON"), std::string::npos) << out;  // both runs
}
