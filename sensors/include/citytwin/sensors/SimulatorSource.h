#pragma once
// SimulatorSource: the in-process stand-in for a broker. A thread samples
// the SensorSimulator for every sensor at `rateHz` and feeds the readings to
// an IngestPipeline, exactly as MQTT messages would arrive (the demo runs it
// when no broker is configured). backfill() fills a past period at once, so
// the timeline has history to play back from the first start.
// Thread safety: start/stop from one owning thread.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "citytwin/sensors/IngestPipeline.h"
#include "citytwin/sensors/SensorSimulator.h"

namespace citytwin::sensors {

class SimulatorSource {
public:
    using Clock = std::function<TimeMs()>;

    /// rateHz: readings per sensor per second (e.g. 1/60 for one a minute).
    SimulatorSource(const SensorSimulator& simulator, IngestPipeline& pipeline, double rateHz,
                    Clock clock = {});
    ~SimulatorSource();  ///< stops

    void start();
    void stop();
    std::uint64_t ticks() const { return _ticks; }

    /// Feeds samples for every sensor at fromMs, fromMs + stepMs, ... < toMs.
    static std::size_t backfill(const SensorSimulator& simulator, IngestPipeline& pipeline,
                                TimeMs fromMs, TimeMs toMs, TimeMs stepMs);

private:
    void run();

    const SensorSimulator& _simulator;
    IngestPipeline& _pipeline;
    double _rateHz;
    Clock _clock;
    std::thread _thread;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stop = false;
    std::atomic<std::uint64_t> _ticks{0};
};

}  // namespace citytwin::sensors
