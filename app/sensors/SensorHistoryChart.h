#pragma once
// SensorHistoryChart: one sensor metric around the scene time — the mean as
// a line with the min..max band behind it, the alert thresholds as dashed
// lines, and the scene time as a vertical cursor. The wheel zooms the window
// around the pointer from ten minutes to twenty years; the window keeps its
// place relative to the scene time, so it follows live data and playback.
// The span picks the store's resolution: raw readings up to 3 h, 1 min
// rollups up to 3 days, 1 h up to 120 days, 1 d beyond. HistoryChartFeed
// fetches the points. Export (context menu or the Export button): CSV of
// the points shown in the CLI's format (citytwin-cli query --format csv
// --tz, one writer: sensors/HistoryCsv) in a chosen time zone, or a PNG.

#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

#include "citytwin/geo/Result.h"
#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/sensors/SensorStore.h"

class QComboBox;
class QLabel;
class QMenu;
class QToolButton;

namespace citytwin::app {

class SensorHistoryPlot;

class SensorHistoryChart : public QWidget {
    Q_OBJECT
public:
    explicit SensorHistoryChart(QWidget* parent = nullptr);

    /// The sensor shown (nullopt: none) and its metrics, first the registry's.
    void showSensor(std::optional<sensors::SensorInfo> sensor, std::vector<std::string> metrics);
    const std::optional<sensors::SensorInfo>& sensor() const { return _sensor; }
    std::string shownMetric() const;
    /// Points of [fromMs, toMs] at the aggregation they were read with.
    void setHistory(qint64 fromMs, qint64 toMs, std::vector<sensors::HistoryPoint> points,
                    sensors::Aggregation aggregation = sensors::Aggregation::Minute);
    const std::vector<sensors::HistoryPoint>& points() const;
    /// The period shown, ms since the epoch.
    std::pair<qint64, qint64> range() const;
    /// The aggregation of the points shown.
    sensors::Aggregation shownAggregation() const { return _shownAggregation; }
    void setCursorTime(qint64 t);

    /// The window to show for scene time t: [t - before, t + after].
    std::pair<qint64, qint64> windowAt(qint64 t) const { return {t - _before, t + _after}; }
    qint64 span() const { return _before + _after; }
    /// Zooms by factor (< 1: in) around time aroundMs, at scene time t.
    void zoom(double factor, qint64 aroundMs, qint64 sceneTime);
    /// The store resolution for a window of this span.
    static sensors::Aggregation aggregationFor(qint64 spanMs);
    /// Widget x of a time in the plot, and back (tests wheel where a time is).
    QWidget* plot() const;
    qint64 timeAtPlotX(int x) const;
    int plotXOf(qint64 t) const;

    /// Writes the points shown as CSV, times in the IANA zone (or offset)
    /// named; an unknown zone or an unwritable file fails naming it.
    geo::Status exportCsv(const QString& path, const QString& zoneName) const;
    /// Saves the chart as a PNG; fails naming the file.
    geo::Status exportPng(const QString& path) const;
    QToolButton* exportButton() const { return _export; }

signals:
    void metricChanged(const std::string& metric);
    /// The window's span or place changed (zoom): fetch again.
    void windowChanged();

protected:
    void changeEvent(QEvent* e) override;
    void contextMenuEvent(QContextMenuEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    void retranslate();
    void fillExportMenu(QMenu& menu);
    void askExportCsv();
    void askExportPng();

    QLabel* _title = nullptr;
    QComboBox* _metrics = nullptr;
    QToolButton* _export = nullptr;
    QMenu* _exportMenu = nullptr;
    SensorHistoryPlot* _plot = nullptr;
    std::optional<sensors::SensorInfo> _sensor;
    qint64 _before = 2 * 3'600'000, _after = 3'600'000;
    sensors::Aggregation _shownAggregation = sensors::Aggregation::Minute;
    QString _lastZone = QStringLiteral("Asia/Shanghai");
};

}  // namespace citytwin::app
