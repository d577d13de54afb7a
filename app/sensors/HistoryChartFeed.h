#pragma once
// HistoryChartFeed: fetches what a SensorHistoryChart shows — its window
// around the scene time at the resolution its span asks for — from the
// store on SensorQueries' worker, one query at a time (the latest window
// wins). It asks again when the chart zooms or changes metric, when the
// scene time has moved a few pixels' worth, and, live, every two seconds
// so that new readings appear as they arrive.

#include <QObject>

#include <memory>
#include <optional>

namespace citytwin::app {

class SensorHistoryChart;
class SensorQueries;

class HistoryChartFeed : public QObject {
    Q_OBJECT
public:
    HistoryChartFeed(SensorHistoryChart& chart, QObject* parent = nullptr);

    void setQueries(std::shared_ptr<SensorQueries> queries);
    /// The scene time (every tick); live: new readings keep arriving.
    void setSceneTime(qint64 t, bool live);
    /// Asks again now (another sensor shown).
    void refresh();

    static constexpr qint64 kLiveRefreshMs = 2000;

signals:
    /// A query's points are on the chart.
    void historyShown();

private:
    void request();

    SensorHistoryChart& _chart;
    std::shared_ptr<SensorQueries> _queries;
    qint64 _sceneTime = 0;
    qint64 _askedTime = -1;  ///< scene time of the last query
    qint64 _askedAtMs = 0;   ///< wall clock of the last query
    bool _inFlight = false;
    bool _again = false;  ///< asked while a query ran
};

}  // namespace citytwin::app
