#include "citytwin/sensors/SimulatorSource.h"

#include <algorithm>
#include <cmath>

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {

SimulatorSource::SimulatorSource(const SensorSimulator& simulator, IngestPipeline& pipeline,
                                 double rateHz, Clock clock)
    : _simulator(simulator),
      _pipeline(pipeline),
      _rateHz(std::clamp(rateHz, 1e-6, 1000.0)),
      _clock(clock ? std::move(clock) : Clock(systemNowMs)) {}

SimulatorSource::~SimulatorSource() {
    stop();
}

void SimulatorSource::start() {
    if (_thread.joinable())
        return;
    _stop = false;
    _thread = std::thread([this] { run(); });
}

void SimulatorSource::stop() {
    {
        std::lock_guard lock(_mutex);
        _stop = true;
    }
    _wake.notify_all();
    if (_thread.joinable())
        _thread.join();
}

void SimulatorSource::run() {
    const auto periodMs = static_cast<TimeMs>(std::max(1.0, std::round(1000.0 / _rateHz)));
    // Sample on a grid aligned to the period, so timestamps are reproducible.
    TimeMs next = (_clock() / periodMs) * periodMs;
    std::unique_lock lock(_mutex);
    while (!_stop) {
        const TimeMs now = _clock();
        if (now >= next) {
            lock.unlock();
            for (std::size_t i = 0; i < _simulator.size(); ++i) {
                auto readings = _simulator.sample(i, next);
                for (auto& r : readings)
                    r.ingestMs = now;
                _pipeline.submitReadings(std::move(readings));
            }
            ++_ticks;
            next += periodMs;
            if (next < now - 10 * periodMs)
                next = (now / periodMs) * periodMs;  // fell behind
            lock.lock();
            continue;
        }
        _wake.wait_for(lock, std::chrono::milliseconds(std::min<TimeMs>(next - now, 1000)));
    }
}

std::size_t SimulatorSource::backfill(const SensorSimulator& simulator, IngestPipeline& pipeline,
                                      TimeMs fromMs, TimeMs toMs, TimeMs stepMs) {
    std::size_t messages = 0;
    if (stepMs <= 0)
        return 0;
    for (TimeMs t = fromMs; t < toMs; t += stepMs) {
        for (std::size_t i = 0; i < simulator.size(); ++i) {
            auto readings = simulator.sample(i, t);
            for (auto& r : readings)
                r.ingestMs = pipeline.nowMs();
            pipeline.submitReadings(std::move(readings));
            ++messages;
        }
    }
    return messages;
}

}  // namespace citytwin::sensors
