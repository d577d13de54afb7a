#pragma once
// SensorQueries: the GUI's connection to the sensor store, used off the GUI
// thread. One worker thread runs the queries one after another (a SQLite
// connection is not shared between threads), and each result comes back to
// a QObject's thread through QFuture::then, so the UI never waits on disk.

#include <QFuture>
#include <QThreadPool>

#include <memory>
#include <mutex>

#include "citytwin/sensors/SensorStore.h"

namespace citytwin::app {

class SensorQueries {
public:
    template <class T>
    using Answer = std::shared_ptr<const geo::Result<T>>;

    /// Opens its own connection to the store at path (created if missing).
    static geo::Result<std::shared_ptr<SensorQueries>> open(const std::string& path);
    ~SensorQueries();

    QFuture<Answer<sensors::SceneState>> sceneAt(sensors::TimeMs t);
    QFuture<Answer<std::vector<sensors::AlertRecord>>> alerts(sensors::TimeMs from,
                                                              sensors::TimeMs to);
    QFuture<Answer<std::vector<sensors::HistoryPoint>>> history(std::string sensorId,
                                                                std::string metric,
                                                                sensors::TimeMs from,
                                                                sensors::TimeMs to,
                                                                sensors::Aggregation agg);
    QFuture<Answer<std::vector<std::string>>> metricsOf(std::string sensorId);
    QFuture<Answer<std::pair<sensors::TimeMs, sensors::TimeMs>>> timeRange();
    QFuture<Answer<std::vector<sensors::StreamGap>>> gaps();
    QFuture<Answer<std::vector<sensors::Coverage>>> coverage(sensors::TimeMs from,
                                                             sensors::TimeMs to,
                                                             sensors::TimeMs resolution);
    QFuture<std::shared_ptr<const geo::Status>> acknowledge(std::int64_t alertId,
                                                            std::string operatorName,
                                                            sensors::TimeMs at);

    /// Waits for the queries already queued (tests, shutdown).
    void waitForIdle();

private:
    explicit SensorQueries(sensors::SensorStore store);
    template <class Fn>
    auto run(Fn fn);

    std::mutex _mutex;  ///< the store: one query at a time
    sensors::SensorStore _store;
    QThreadPool _pool;
};

}  // namespace citytwin::app
