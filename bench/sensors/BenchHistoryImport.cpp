// History import: the real 2013-2015 PM2.5 file (or any wide CSV) through
// its mapping into a fresh store, the whole ingest path (FileSource ->
// pipeline -> queue -> StoreWriter with rollups), beside the store's own
// bulk insert of the same readings (SensorStore::write in 10,000-reading
// batches, parsed beforehand) in the same run; then seek latency
// (sceneStateAt) at random instants across the whole record, and a
// zoomed-out history query (1 h and 1 d rollups over every year) per series.
// usage: bench_sensors_history CSV MAPPING.json WORKDIR [SEEKS]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "citytwin/sensors/CsvMapping.h"
#include "citytwin/sensors/FileSource.h"
#include "citytwin/sensors/IngestService.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"

using namespace citytwin::sensors;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

/// Peak resident memory of this process so far, MiB (VmHWM).
double peakRssMiB() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmHWM:") {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        in.ignore(4096, '\n');
    }
    return 0;
}

void removeStore(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}

void printPercentiles(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    std::printf("%s: median %.2f ms, p90 %.2f ms, max %.2f ms (%zu runs)\n", what,
                ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.back(), ms.size());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_sensors_history CSV MAPPING.json WORKDIR [SEEKS]\n");
        return 2;
    }
    const std::string csv = argv[1], workdir = argv[3];
    const int seeks = argc > 4 ? std::atoi(argv[4]) : 100;
    auto mapping = CsvMapping::load(argv[2]);
    if (!mapping) {
        std::fprintf(stderr, "%s\n", mapping.messages().c_str());
        return 1;
    }
    std::filesystem::create_directories(workdir);
    const std::string importPath = workdir + "/import.db", bulkPath = workdir + "/bulk.db";
    removeStore(importPath);
    removeStore(bulkPath);

    // 1. The ingest path, as `citytwin-cli ingest --file --mapping` runs it.
    std::size_t lines = 0, stored = 0;
    double importS = 0;
    {
        IngestServiceOptions o;
        o.storePath = importPath;
        o.overflow = OverflowPolicy::Block;
        auto service = IngestService::open(o);
        if (!service)
            return 1;
        FileSourceOptions fo;
        fo.maybeMapping = mapping.value();
        const auto start = Clock::now();
        auto fed = service.value()->feedFile(csv, fo);
        service.value()->stop();
        importS = seconds(start);
        if (!fed) {
            std::fprintf(stderr, "%s\n", fed.messages().c_str());
            return 1;
        }
        lines = fed.value().dataLines;
        stored = service.value()->report().stored;
    }
    const double importRss = peakRssMiB();
    std::printf(
        "import (FileSource + mapping -> pipeline -> writer): %zu lines, %zu readings "
        "in %.2f s: %.0f lines/s, %.0f readings/s; peak RSS %.0f MiB\n",
        lines, stored, importS, lines / importS, stored / importS, importRss);

    // 2. Baseline: the same readings parsed first, then bulk-written.
    std::vector<Reading> readings;
    {
        std::ifstream in(csv);
        std::string line;
        std::optional<MappedCsvReader> reader;
        const PayloadParser parser(PayloadParserOptions::history());
        const TimeMs now = systemNowMs();
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::vector<std::string> fields;
            std::size_t start = 0;
            for (std::size_t i = 0; i <= line.size(); ++i)
                if (i == line.size() || line[i] == ',') {
                    fields.push_back(line.substr(start, i - start));
                    start = i + 1;
                }
            if (!reader) {
                auto bound = MappedCsvReader::bind(mapping.value(), fields, csv, 1);
                if (!bound)
                    return 1;
                reader = std::move(bound).value();
                continue;
            }
            auto row = reader->read(fields, now, parser);
            for (auto& r : row.readings)
                readings.push_back(std::move(r));
        }
    }
    {
        auto store = SensorStore::open(bulkPath);
        if (!store)
            return 1;
        const auto start = Clock::now();
        for (std::size_t i = 0; i < readings.size(); i += 10000) {
            const std::size_t n = std::min<std::size_t>(10000, readings.size() - i);
            if (auto w = store.value().write(std::span<const Reading>(readings.data() + i, n)); !w)
                return 1;
        }
        const double s = seconds(start);
        std::printf(
            "baseline (SensorStore::write, 10,000 per transaction): %zu readings in "
            "%.2f s: %.0f readings/s; import runs at %.2f x the baseline\n",
            readings.size(), s, readings.size() / s, (stored / importS) / (readings.size() / s));
    }

    // 3. Seeks anywhere in the years of data, and the zoomed-out chart.
    auto store = SensorStore::open(importPath, SensorStoreOptions{.readOnly = true});
    if (!store)
        return 1;
    auto range = store.value().timeRange();
    if (!range)
        return 1;
    std::mt19937_64 rng(14);
    std::uniform_int_distribution<TimeMs> when(range.value().first, range.value().second);
    (void)store.value().sceneStateAt(when(rng));
    std::vector<double> seekMs;
    std::size_t values = 0;
    for (int k = 0; k < seeks; ++k) {
        const auto start = Clock::now();
        auto state = store.value().sceneStateAt(when(rng));
        seekMs.push_back(seconds(start) * 1000);
        if (!state)
            return 1;
        values = state.value().values.size();
    }
    std::printf("record %s .. %s, %zu series per state\n",
                formatIso8601(range.value().first).c_str(),
                formatIso8601(range.value().second).c_str(), values);
    printPercentiles("sceneStateAt, random instant across the record", seekMs);
    for (const auto& c : mapping.value().columns) {
        for (const Aggregation agg : {Aggregation::Hour, Aggregation::Day}) {
            std::vector<double> chartMs;
            std::size_t points = 0;
            for (int k = 0; k < 5; ++k) {
                const auto start = Clock::now();
                auto h = store.value().history(c.sensorId, c.metric, range.value().first,
                                               range.value().second, agg);
                chartMs.push_back(seconds(start) * 1000);
                points = h ? h.value().size() : 0;
            }
            const std::string what = "history " + std::string(toString(agg)) +
                                     " over the record, " + c.sensorId + " " + c.metric + " (" +
                                     std::to_string(points) + " points)";
            printPercentiles(what.c_str(), chartMs);
        }
    }
    return 0;
}
