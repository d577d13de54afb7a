#include "sensors/SensorQueries.h"

#include <QtConcurrent/QtConcurrentRun>

namespace citytwin::app {

geo::Result<std::shared_ptr<SensorQueries>> SensorQueries::open(const std::string& path) {
    sensors::SensorStoreOptions options;
    options.cacheMiB = 32;
    auto store = sensors::SensorStore::open(path, options);
    if (!store) {
        geo::Result<std::shared_ptr<SensorQueries>> failed;
        failed.addDiagnostics(store.diagnostics());
        return failed;
    }
    return std::shared_ptr<SensorQueries>(new SensorQueries(std::move(store.value())));
}

SensorQueries::SensorQueries(sensors::SensorStore store) : _store(std::move(store)) {
    _pool.setMaxThreadCount(1);
    _pool.setObjectName("sensor-queries");
}

SensorQueries::~SensorQueries() {
    _pool.waitForDone();
}

void SensorQueries::waitForIdle() {
    _pool.waitForDone();
}

template <class Fn>
auto SensorQueries::run(Fn fn) {
    return QtConcurrent::run(&_pool, [this, fn = std::move(fn)] {
        std::lock_guard lock(_mutex);
        using R = decltype(fn(_store));
        return std::make_shared<const R>(fn(_store));
    });
}

QFuture<SensorQueries::Answer<sensors::SceneState>> SensorQueries::sceneAt(sensors::TimeMs t) {
    return run([t](sensors::SensorStore& s) { return s.sceneStateAt(t); });
}

QFuture<SensorQueries::Answer<std::vector<sensors::AlertRecord>>> SensorQueries::alerts(
    sensors::TimeMs from, sensors::TimeMs to) {
    return run([from, to](sensors::SensorStore& s) { return s.alerts(from, to); });
}

QFuture<SensorQueries::Answer<std::vector<sensors::HistoryPoint>>> SensorQueries::history(
    std::string sensorId, std::string metric, sensors::TimeMs from, sensors::TimeMs to,
    sensors::Aggregation agg) {
    return run([=](sensors::SensorStore& s) { return s.history(sensorId, metric, from, to, agg); });
}

QFuture<SensorQueries::Answer<std::vector<std::string>>> SensorQueries::metricsOf(
    std::string sensorId) {
    return run([=](sensors::SensorStore& s) { return s.metricsOf(sensorId); });
}

QFuture<SensorQueries::Answer<std::pair<sensors::TimeMs, sensors::TimeMs>>>
SensorQueries::timeRange() {
    return run([](sensors::SensorStore& s) { return s.timeRange(); });
}

QFuture<SensorQueries::Answer<std::vector<sensors::StreamGap>>> SensorQueries::gaps() {
    return run([](sensors::SensorStore& s) { return s.gaps(); });
}

QFuture<SensorQueries::Answer<std::vector<sensors::Coverage>>> SensorQueries::coverage(
    sensors::TimeMs from, sensors::TimeMs to, sensors::TimeMs resolution) {
    return run([=](sensors::SensorStore& s) { return s.coverage(from, to, resolution); });
}

QFuture<std::shared_ptr<const geo::Status>> SensorQueries::acknowledge(std::int64_t alertId,
                                                                       std::string operatorName,
                                                                       sensors::TimeMs at) {
    return run(
        [=](sensors::SensorStore& s) { return s.acknowledgeAlert(alertId, operatorName, at); });
}

}  // namespace citytwin::app
