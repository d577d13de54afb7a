#include "sensors/HistoryChartFeed.h"

#include <QDateTime>

#include <algorithm>
#include <cstdlib>

#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorQueries.h"

namespace citytwin::app {

HistoryChartFeed::HistoryChartFeed(SensorHistoryChart& chart, QObject* parent)
    : QObject(parent), _chart(chart) {
    connect(&_chart, &SensorHistoryChart::windowChanged, this, &HistoryChartFeed::refresh);
    connect(&_chart, &SensorHistoryChart::metricChanged, this, &HistoryChartFeed::refresh);
}

void HistoryChartFeed::setQueries(std::shared_ptr<SensorQueries> queries) {
    _queries = std::move(queries);
}

void HistoryChartFeed::setSceneTime(qint64 t, bool live) {
    _sceneTime = t;
    _chart.setCursorTime(t);
    if (!_chart.sensor())
        return;
    // A pixel's worth of the window (at least a second) moves the points.
    const qint64 pixel = std::max<qint64>(1000, _chart.span() / std::max(1, _chart.width()));
    const bool moved = std::abs(t - _askedTime) >= pixel;
    const bool due = live && QDateTime::currentMSecsSinceEpoch() - _askedAtMs >= kLiveRefreshMs;
    if (moved || due)
        request();
}

void HistoryChartFeed::refresh() {
    request();
}

void HistoryChartFeed::request() {
    if (!_queries || !_chart.sensor())
        return;
    if (_inFlight) {
        _again = true;
        return;
    }
    _inFlight = true;
    _askedTime = _sceneTime;
    _askedAtMs = QDateTime::currentMSecsSinceEpoch();
    // Named copies, not a structured binding: clang 14 cannot capture those.
    const auto window = _chart.windowAt(_sceneTime);
    const auto from = window.first, to = window.second;
    const auto agg = SensorHistoryChart::aggregationFor(to - from);
    const std::string id = _chart.sensor()->id, metric = _chart.shownMetric();
    _queries->history(id, metric, from, to, agg)
        .then(this, [this, id, metric, from, to,
                     agg](SensorQueries::Answer<std::vector<sensors::HistoryPoint>> r) {
            _inFlight = false;
            // Another sensor or metric chosen meanwhile: its own query follows.
            if (_chart.sensor() && _chart.sensor()->id == id && _chart.shownMetric() == metric) {
                _chart.setHistory(from, to,
                                  r->ok() ? r->value() : std::vector<sensors::HistoryPoint>{}, agg);
                emit historyShown();
            }
            if (_again) {
                _again = false;
                request();
            }
        });
}

}  // namespace citytwin::app
