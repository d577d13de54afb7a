// Insert throughput of the readings schema, against baselines in the same
// run: live ingest order (every sensor once per second, interleaved), rows
// batched one transaction per simulated second.
//   A  plain rowid table, no index (append; the raw sqlite3 baseline)
//   B  WITHOUT ROWID PRIMARY KEY (series, ts)   (sensor-first key)
//   C  WITHOUT ROWID PRIMARY KEY (minute, series, ts)  (our readings table)
//   D  SensorStore::write (C + dedup + 1m/1h rollups, the full write path)
// usage: bench_sensors_schema [DIR] [SENSORS] [SECONDS]

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

#include "citytwin/sensors/SensorStore.h"

using namespace citytwin::sensors;
using Clock = std::chrono::steady_clock;

namespace {

constexpr TimeMs kT0 = 1764115200000;  // 2025-11-26T00:00:00Z

double run(const std::string& path, const char* schema, const char* insert, int sensors,
           int seconds, bool withMinute) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, schema, nullptr, nullptr, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, insert, -1, &s, nullptr);
    const auto start = Clock::now();
    for (int sec = 0; sec < seconds; ++sec) {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        const TimeMs ts = kT0 + sec * 1000LL;
        for (int i = 0; i < sensors; ++i) {
            int col = 1;
            if (withMinute)
                sqlite3_bind_int64(s, col++, ts / 60000);
            sqlite3_bind_int64(s, col++, i);
            sqlite3_bind_int64(s, col++, ts);
            sqlite3_bind_double(s, col++, i * 0.5);
            sqlite3_step(s);
            sqlite3_reset(s);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    sqlite3_finalize(s);
    sqlite3_close(db);
    return static_cast<double>(sensors) * seconds / secs;
}

double runStore(const std::string& path, int sensors, int seconds) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    auto store = SensorStore::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.messages().c_str());
        return 0;
    }
    std::vector<std::string> ids;
    for (int i = 0; i < sensors; ++i)
        ids.push_back("s" + std::to_string(i));
    std::vector<Reading> batch;
    const auto start = Clock::now();
    for (int sec = 0; sec < seconds; ++sec) {
        batch.clear();
        const TimeMs ts = kT0 + sec * 1000LL;
        for (int i = 0; i < sensors; ++i)
            batch.push_back(Reading{ids[i], "v", ts, i * 0.5, ts});
        if (!store.value().write(batch))
            return 0;
    }
    return static_cast<double>(sensors) * seconds /
           std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    const int sensors = argc > 2 ? std::atoi(argv[2]) : 10000;
    const int seconds = argc > 3 ? std::atoi(argv[3]) : 100;
    std::printf("rows: %d sensors x %d s = %d, one transaction per second\n", sensors, seconds,
                sensors * seconds);
    const double a = run(dir + "/bench_a.db", "CREATE TABLE r(series INT, ts INT, value REAL)",
                         "INSERT INTO r VALUES (?,?,?)", sensors, seconds, false);
    const double b = run(dir + "/bench_b.db",
                         "CREATE TABLE r(series INT, ts INT, value REAL, PRIMARY KEY(series, ts))"
                         " WITHOUT ROWID",
                         "INSERT OR IGNORE INTO r VALUES (?,?,?)", sensors, seconds, false);
    const double c = run(dir + "/bench_c.db",
                         "CREATE TABLE r(minute INT, series INT, ts INT, value REAL,"
                         " PRIMARY KEY(minute, series, ts)) WITHOUT ROWID",
                         "INSERT OR IGNORE INTO r VALUES (?,?,?,?)", sensors, seconds, true);
    const double d = runStore(dir + "/bench_d.db", sensors, seconds);
    std::printf("A append rowid, no index (baseline)     %10.0f rows/s  1.00\n", a);
    std::printf("B key (series, ts)                       %10.0f rows/s  %.2f\n", b, b / a);
    std::printf("C key (minute, series, ts) = readings    %10.0f rows/s  %.2f\n", c, c / a);
    std::printf("D SensorStore::write (+dedup, rollups)   %10.0f rows/s  %.2f\n", d, d / a);
    for (const char* f : {"a", "b", "c", "d"}) {
        std::filesystem::remove(dir + "/bench_" + f + ".db");
        std::filesystem::remove(dir + "/bench_" + f + ".db-wal");
        std::filesystem::remove(dir + "/bench_" + f + ".db-shm");
    }
    return 0;
}
