// A damaged store is refused (open, query, ingest) with a message naming it,
// and store-recover copies what survives into a store that opens.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "CliRun.h"
#include "TempDir.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/StoreRecovery.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::sensors;
using citytwin::test::cli;
using citytwin::test::TempDir;

namespace {

constexpr TimeMs kT0 = 1764133200000;  // 2025-11-26T05:00:00Z
constexpr int kSensors = 50, kPerSensor = 2000;

/// A store of kSensors x kPerSensor readings (several MB), closed.
void writeStore(const std::string& path) {
    auto store = SensorStore::open(path);
    ASSERT_TRUE(store.ok()) << store.messages();
    std::vector<Reading> batch;
    for (int i = 0; i < kPerSensor; ++i) {
        for (int s = 0; s < kSensors; ++s)
            batch.push_back(Reading{"s" + std::to_string(s), "pm25", kT0 + i * 1000, i * 0.5,
                                    kT0 + i * 1000 + 5});
        if (batch.size() >= 10'000) {
            ASSERT_TRUE(store.value().write(batch).ok());
            batch.clear();
        }
    }
    ASSERT_TRUE(store.value().write(batch).ok());
}

std::int64_t pragma(const std::string& path, const char* name) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    std::int64_t v = -1;
    if (sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &s, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

/// Overwrites `pages` whole pages from the middle of the file with garbage.
void corruptMiddlePages(const std::string& path, int pages) {
    const auto pageSize = pragma(path, "page_size");
    const auto pageCount = pragma(path, "page_count");
    ASSERT_GT(pageCount, 100);
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(pageSize * (pageCount / 2));
    for (std::int64_t i = 0; i < pageSize * pages; ++i)
        f.put(static_cast<char>((i * 131 + 7) & 0xFF));
}

}  // namespace

TEST(StoreIntegrity, aGoodStoreOpensAfterItsQuickCheck) {
    TempDir dir;
    const auto path = dir.file("good.db");
    writeStore(path);
    auto store = SensorStore::open(path);
    ASSERT_TRUE(store.ok()) << store.messages();
    EXPECT_TRUE(store.value().quickCheckComplete());
    EXPECT_EQ(store.value().stats().value().readings, kSensors * kPerSensor);
}

TEST(StoreIntegrity, aPageCorruptedStoreIsRefusedNamingTheFileAndTheWayOut) {
    TempDir dir;
    const auto path = dir.file("damaged.db");
    writeStore(path);
    corruptMiddlePages(path, 2);
    for (bool readOnly : {false, true}) {
        SensorStoreOptions o;
        o.readOnly = readOnly;
        auto store = SensorStore::open(path, o);
        ASSERT_FALSE(store.ok()) << "a damaged store opened (readOnly " << readOnly << ")";
        const auto message = store.messages();
        EXPECT_NE(message.find(path), std::string::npos) << message;
        EXPECT_NE(message.find("damaged"), std::string::npos) << message;
        EXPECT_NE(message.find("citytwin-cli store-recover " + path), std::string::npos) << message;
    }
}

TEST(StoreIntegrity, queryIngestAndStatsRefuseADamagedStore) {
    TempDir dir;
    const auto path = dir.file("damaged.db");
    writeStore(path);
    corruptMiddlePages(path, 2);
    const auto sizeBefore = std::filesystem::file_size(path);
    const auto jsonl = dir.file("in.jsonl");
    std::ofstream(jsonl) << R"({"sensor":"s1","ts":)" << kT0 + 5'000'000
                         << R"(,"values":{"pm25":1}})" << '\n';
    for (const std::string& args :
         {"query --store " + path + " --sensor s1", "ingest --file " + jsonl + " --store " + path,
          "stats --store " + path}) {
        const auto [status, out] = cli(args);
        EXPECT_EQ(status, 1) << args << ": " << out;
        EXPECT_NE(out.find("damaged"), std::string::npos) << args << ": " << out;
        EXPECT_NE(out.find(path), std::string::npos) << args << ": " << out;
    }
    EXPECT_EQ(std::filesystem::file_size(path), sizeBefore) << "the ingest wrote into it";
}

TEST(StoreIntegrity, storeRecoverYieldsAStoreThatOpensWithTheSurvivingRows) {
    TempDir dir;
    const auto path = dir.file("damaged.db");
    writeStore(path);
    corruptMiddlePages(path, 2);
    const auto out = dir.file("recovered.db");
    auto report = recoverStore(path, out);
    ASSERT_TRUE(report.ok()) << report.messages();
    std::int64_t readings = -1;
    for (const auto& [table, rows] : report.value().rowsPerTable)
        if (table == "readings")
            readings = rows;
    // Two bad pages hold a few hundred readings at most.
    EXPECT_GT(readings, kSensors * kPerSensor - 2000) << "rows beyond the damaged pages were lost";
    EXPECT_LT(readings, kSensors * kPerSensor);
    EXPECT_GE(report.value().damagedRanges, 1);
    std::cout << "recovered " << readings << " of " << kSensors * kPerSensor << " readings, "
              << report.value().damagedRanges << " damaged range(s) skipped\n";
    EXPECT_TRUE(report.value().lostTables.empty());

    auto store = SensorStore::open(out);
    ASSERT_TRUE(store.ok()) << store.messages();
    EXPECT_TRUE(store.value().integrityCheck().ok());
    EXPECT_EQ(store.value().stats().value().readings, readings);
    // It is a working store: it takes new readings and answers history.
    const Reading r{"s1", "pm25", kT0 + 10'000'000, 1.0, kT0 + 10'000'000};
    EXPECT_TRUE(store.value().write(std::span(&r, 1)).ok());
    EXPECT_FALSE(store.value()
                     .history("s1", "pm25", kT0, kT0 + 20'000'000, Aggregation::Raw)
                     .value()
                     .empty());

    // The CLI: a second recovery refuses to overwrite, the CLI prints rows.
    EXPECT_FALSE(recoverStore(path, out).ok());
    const auto [status, text] = cli("store-recover " + path + " " + dir.file("again.db"));
    EXPECT_EQ(status, 0) << text;
    EXPECT_NE(text.find("readings " + std::to_string(readings)), std::string::npos) << text;
}

TEST(StoreIntegrity, storeRecoverSaysWhatIsMissing) {
    TempDir dir;
    auto report = recoverStore(dir.file("none.db"), dir.file("out.db"));
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.messages().find("none.db"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.db")));
}
