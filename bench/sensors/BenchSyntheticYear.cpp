// The synthetic year of issue #14: N sensors (default 10,000) reporting PM2.5
// every 15 minutes for D days (default 365), in time order as a recorded
// wide file is (one row per instant, every sensor in it), imported through
// the ingest path (pipeline -> bounded queue, block -> StoreWriter with the
// 1 min / 1 h / 1 d rollups) with a progress line, beside the store's own
// bulk insert of the same readings (SensorStore::write, one instant's
// readings per transaction as the writer batches them at most) in the same
// run. Readings are generated as they are fed, never held: resident memory
// stays bounded by the queue whatever the count. Prints readings/s of both,
// peak RSS of each phase and the store sizes.
// usage: bench_sensors_synthetic_year WORKDIR [--sensors N] [--days D]
//        [--cadence-min M] [--baseline-days D] [--cache-mib C] [--keep]
// --cache-mib: the SQLite page cache of both stores (default the store's
// 64 MiB); a larger one holds more of the series-first rollup leaves that
// each instant touches, at the cost of that much resident memory.

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "citytwin/sensors/IngestService.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"

using namespace citytwin::sensors;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

/// Resident memory of this process, MiB: "VmRSS:" now or "VmHWM:" the peak.
double rssMiB(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == field) {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        in.ignore(4096, '\n');
    }
    return 0;
}

/// Resets VmHWM so each phase reports its own peak (Linux >= 4.0).
void resetPeakRss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

double storeMiB(const std::string& path) {
    double bytes = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path + suffix, ec);
        if (!ec)
            bytes += static_cast<double>(size);
    }
    return bytes / (1024.0 * 1024.0);
}

void removeStore(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}

struct Plan {
    int sensors = 10000;
    int days = 365;
    int cadenceMin = 15;
    int baselineDays = -1;  // -1: as many as the import
    int cacheMiB = SensorStoreOptions{}.cacheMiB;
    bool keep = false;
    std::string workdir;
};

/// A plausible PM2.5 value: a diurnal cycle, a slow seasonal swing, a per
/// sensor offset and a hash for noise (deterministic: both phases see the same).
double pm25(int sensor, TimeMs ts) {
    const double hours = static_cast<double>(ts) / 3.6e6;
    std::uint64_t h = static_cast<std::uint64_t>(sensor) * 0x9E3779B97F4A7C15ull ^
                      static_cast<std::uint64_t>(ts) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
    const double noise = static_cast<double>(h % 1000) / 100.0;
    return std::max(1.0, 45.0 + 25.0 * std::sin(hours * 2 * M_PI / 24) +
                             30.0 * std::sin(hours * 2 * M_PI / 8766) + (sensor % 17) + noise);
}

/// One instant's readings of every sensor.
void fillInstant(std::vector<Reading>& out, const std::vector<std::string>& ids, TimeMs ts,
                 TimeMs ingestMs) {
    out.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out[i].sensorId = ids[i];
        out[i].metric = "pm25";
        out[i].ts = ts;
        out[i].value = pm25(static_cast<int>(i), ts);
        out[i].ingestMs = ingestMs;
    }
}

/// "\rimport 12.3%  4300000 readings  31000 readings/s  RSS 120 MiB", every
/// second on a terminal, every 30 s as its own line in a log.
class Progress {
public:
    Progress(const char* what, std::uint64_t total) : _what(what), _total(total) {}
    void operator()(std::uint64_t done, bool last = false) {
        const auto now = Clock::now();
        const auto every = _tty ? std::chrono::seconds(1) : std::chrono::seconds(30);
        if (!last && now - _lastPrint < every)
            return;
        _lastPrint = now;
        const double s = std::chrono::duration<double>(now - _start).count();
        std::fprintf(stderr, "%s%s %5.1f%%  %llu readings  %.0f readings/s  RSS %.0f MiB%s",
                     _tty ? "\r" : "", _what, 100.0 * static_cast<double>(done) / _total,
                     static_cast<unsigned long long>(done), s > 0 ? done / s : 0.0,
                     rssMiB("VmRSS:"), _tty && !last ? "   " : "\n");
    }

private:
    const char* _what;
    double _total;
    bool _tty = isatty(STDERR_FILENO);
    Clock::time_point _start = Clock::now(), _lastPrint;
};

bool parseArgs(int argc, char** argv, Plan& plan) {
    if (argc < 2)
        return false;
    plan.workdir = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        auto number = [&](int& out) {
            if (i + 1 >= argc)
                return false;
            out = std::atoi(argv[++i]);
            return out > 0;
        };
        if (a == "--sensors"         ? !number(plan.sensors)
            : a == "--days"          ? !number(plan.days)
            : a == "--cadence-min"   ? !number(plan.cadenceMin)
            : a == "--baseline-days" ? !number(plan.baselineDays)
            : a == "--cache-mib"     ? !number(plan.cacheMiB)
            : a == "--keep"          ? (plan.keep = true, false)
                                     : true)
            return false;
    }
    if (plan.baselineDays < 0 || plan.baselineDays > plan.days)
        plan.baselineDays = plan.days;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Plan plan;
    if (!parseArgs(argc, argv, plan)) {
        std::fprintf(stderr,
                     "usage: bench_sensors_synthetic_year WORKDIR [--sensors N] [--days D] "
                     "[--cadence-min M] [--baseline-days D] [--cache-mib C] [--keep]\n");
        return 2;
    }
    std::filesystem::create_directories(plan.workdir);
    const std::string importPath = plan.workdir + "/synthetic-import.db",
                      bulkPath = plan.workdir + "/synthetic-bulk.db";
    removeStore(importPath);
    removeStore(bulkPath);

    std::vector<std::string> ids(static_cast<std::size_t>(plan.sensors));
    for (int i = 0; i < plan.sensors; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "syn-%05d", i);
        ids[static_cast<std::size_t>(i)] = id;
    }
    const TimeMs start = *parseIso8601("2025-01-01T00:00:00+08:00");
    const TimeMs step = static_cast<TimeMs>(plan.cadenceMin) * 60'000;
    const std::uint64_t instants = static_cast<std::uint64_t>(plan.days) * 1440 / plan.cadenceMin;
    const std::uint64_t baselineInstants =
        static_cast<std::uint64_t>(plan.baselineDays) * 1440 / plan.cadenceMin;
    std::printf(
        "synthetic: %d sensors x %llu instants (%d days every %d min) = %llu readings; "
        "page cache %d MiB\n",
        plan.sensors, static_cast<unsigned long long>(instants), plan.days, plan.cadenceMin,
        static_cast<unsigned long long>(instants * plan.sensors), plan.cacheMiB);
    std::fflush(stdout);

    // 1. The ingest path: generated rows submitted as a file source submits
    // a wide CSV's rows, through the bounded queue (block) to the writer.
    std::uint64_t stored = 0;
    double importS = 0, importPeak = 0;
    {
        resetPeakRss();
        IngestServiceOptions o;
        o.storePath = importPath;
        o.store.cacheMiB = plan.cacheMiB;
        o.overflow = OverflowPolicy::Block;
        auto service = IngestService::open(o);
        if (!service) {
            std::fprintf(stderr, "%s\n", service.messages().c_str());
            return 1;
        }
        Progress progress("import", instants * plan.sensors);
        const auto t0 = Clock::now();
        std::vector<Reading> row;
        for (std::uint64_t k = 0; k < instants; ++k) {
            fillInstant(row, ids, start + static_cast<TimeMs>(k) * step, systemNowMs());
            service.value()->pipeline().submitReadings(std::move(row));
            row = {};
            progress(service.value()->report().stored);
        }
        service.value()->stop();
        importS = seconds(t0);
        stored = service.value()->report().stored;
        progress(stored, true);
        importPeak = rssMiB("VmHWM:");
    }
    std::printf(
        "import (pipeline -> queue, block -> StoreWriter with rollups): %llu readings in %.1f s: "
        "%.0f readings/s; peak RSS %.0f MiB; store %.0f MiB\n",
        static_cast<unsigned long long>(stored), importS, stored / importS, importPeak,
        storeMiB(importPath));
    std::fflush(stdout);
    if (!plan.keep)
        removeStore(importPath);

    // 2. Baseline: the store's own bulk write of the same readings.
    {
        resetPeakRss();
        SensorStoreOptions so;
        so.cacheMiB = plan.cacheMiB;
        auto store = SensorStore::open(bulkPath, so);
        if (!store) {
            std::fprintf(stderr, "%s\n", store.messages().c_str());
            return 1;
        }
        Progress progress("baseline", baselineInstants * plan.sensors);
        const auto t0 = Clock::now();
        std::vector<Reading> row, batch;
        std::uint64_t written = 0;
        const std::uint64_t perBatch = (10000 + plan.sensors - 1) / plan.sensors;  // instants
        for (std::uint64_t k = 0; k < baselineInstants; ++k) {
            fillInstant(row, ids, start + static_cast<TimeMs>(k) * step, systemNowMs());
            batch.insert(batch.end(), std::make_move_iterator(row.begin()),
                         std::make_move_iterator(row.end()));
            if ((k + 1) % perBatch != 0 && k + 1 < baselineInstants)
                continue;
            auto w = store.value().write(batch);
            batch.clear();
            if (!w) {
                std::fprintf(stderr, "%s\n", w.messages().c_str());
                return 1;
            }
            written += w.value().inserted;
            progress(written);
        }
        const double s = seconds(t0);
        progress(written, true);
        std::printf(
            "baseline (SensorStore::write, %llu readings per transaction): %llu "
            "readings in %.1f s: %.0f readings/s; peak RSS %.0f MiB; store %.0f MiB; import "
            "runs at %.2f x the baseline\n",
            static_cast<unsigned long long>(perBatch * plan.sensors),
            static_cast<unsigned long long>(written), s, written / s, rssMiB("VmHWM:"),
            storeMiB(bulkPath), (stored / importS) / (written / s));
    }
    if (!plan.keep)
        removeStore(bulkPath);
    return 0;
}
