// Seek latency of SensorStore::sceneStateAt over a stored day of N sensors
// (default 10,000, one reading per sensor per CADENCE seconds, default 60),
// i.e. what the timeline costs when the user drags it anywhere in the day:
// the store query, then what the window does with it before the next frame
// (classify every sensor, hand the statuses to the pins, apply them in an
// update traversal) — the whole redraw except the GPU's draw of one drawable.
// run_sensors_bench.sh times, beside it, the naive query over the raw
// readings with the sqlite3 shell as a baseline.
// usage: bench_sensors_seek STORE.db [SENSORS] [CADENCE_S] [SEEKS]
// An existing STORE.db is reused (build once, measure many times).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

#include <osgUtil/UpdateVisitor>

#include "citytwin/render/SensorGlyphLayer.h"
#include "citytwin/sensors/SensorSimulator.h"
#include "citytwin/sensors/SensorStatus.h"
#include "citytwin/sensors/SensorStore.h"

using namespace citytwin::sensors;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_sensors_seek STORE.db [SENSORS] [CADENCE_S] [SEEKS]\n");
        return 2;
    }
    const std::string path = argv[1];
    const int sensors = argc > 2 ? std::atoi(argv[2]) : 10000;
    const int cadence = argc > 3 ? std::atoi(argv[3]) : 60;
    const int seeks = argc > 4 ? std::atoi(argv[4]) : 50;
    constexpr TimeMs kDay0 = 1764086400000;  // 2025-11-26T00:00:00+08:00
    const bool build = !std::filesystem::exists(path);
    auto store = SensorStore::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.messages().c_str());
        return 1;
    }
    const SensorSimulator sim(SensorSimulator::syntheticRegistry(sensors, 1), 1);
    if (build) {
        const auto start = Clock::now();
        std::vector<Reading> batch;
        std::size_t rows = 0;
        for (TimeMs t = kDay0; t < kDay0 + 86400000; t += cadence * 1000LL) {
            batch.clear();
            for (int i = 0; i < sensors; ++i) {
                // Spread each sensor's readings over the period, as real ones are.
                const TimeMs ts = t + (i * 7919LL) % (cadence * 1000LL);
                const auto& s = sim.registry().sensors()[i];
                batch.push_back(Reading{s.id, s.metric, ts, sim.value(i, s.metric, ts), ts});
            }
            if (auto w = store.value().write(batch); !w) {
                std::fprintf(stderr, "%s\n", w.messages().c_str());
                return 1;
            }
            rows += batch.size();
        }
        std::printf("built %zu readings in %.1f s\n", rows,
                    std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::mt19937_64 rng(5);
    std::uniform_int_distribution<TimeMs> when(kDay0, kDay0 + 86400000 - 1);
    std::vector<double> ms, redrawMs;
    std::size_t values = 0;
    const citytwin::geo::LocalFrame frame({121.5, 31.238, 0.0});
    osg::ref_ptr<citytwin::render::SensorGlyphLayer> pins =
        new citytwin::render::SensorGlyphLayer(sim.registry(), frame);
    osg::ref_ptr<osg::Node> pinNode = pins->node();
    osg::ref_ptr<osgUtil::UpdateVisitor> update = new osgUtil::UpdateVisitor;
    (void)store.value().sceneStateAt(when(rng));  // warm the series cache
    for (int k = 0; k < seeks; ++k) {
        const TimeMs t = when(rng);
        const auto start = Clock::now();
        auto state = store.value().sceneStateAt(t);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!state)
            return 1;
        values = state.value().values.size();
        pins->setStatuses(sensorStatusesAt(sim.registry(), state.value()), t);
        pinNode->accept(*update);
        redrawMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (pins->shownTime() != t)
            return 1;
    }
    std::sort(ms.begin(), ms.end());
    std::sort(redrawMs.begin(), redrawMs.end());
    std::printf("sceneStateAt: %d sensors, %zu values per state, %d random seeks in the day\n",
                sensors, values, seeks);
    std::printf("  median %.1f ms, p90 %.1f ms, max %.1f ms\n", ms[ms.size() / 2],
                ms[ms.size() * 9 / 10], ms.back());
    std::printf("seek to pins updated (query + classify + update traversal):\n");
    std::printf("  median %.1f ms, p90 %.1f ms, max %.1f ms\n", redrawMs[redrawMs.size() / 2],
                redrawMs[redrawMs.size() * 9 / 10], redrawMs.back());
    return 0;
}
