#pragma once
// SensorHistoryChart: one sensor metric around the scene time — the
// per-minute mean as a line with the min..max band behind it, the alert
// thresholds as dashed lines, and the scene time as a vertical cursor.

#include <QWidget>

#include <optional>
#include <vector>

#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/sensors/SensorStore.h"

class QComboBox;
class QLabel;

namespace citytwin::app {

class SensorHistoryPlot;

class SensorHistoryChart : public QWidget {
    Q_OBJECT
public:
    explicit SensorHistoryChart(QWidget* parent = nullptr);

    /// The sensor shown (nullopt: none) and its metrics, first the registry's.
    void showSensor(std::optional<sensors::SensorInfo> sensor, std::vector<std::string> metrics);
    const std::optional<sensors::SensorInfo>& sensor() const { return _sensor; }
    std::string metric() const;
    void setHistory(qint64 fromMs, qint64 toMs, std::vector<sensors::HistoryPoint> points);
    const std::vector<sensors::HistoryPoint>& points() const;
    /// The period shown, ms since the epoch.
    std::pair<qint64, qint64> range() const;
    void setCursorTime(qint64 t);

signals:
    void metricChanged(const std::string& metric);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();

    QLabel* _title = nullptr;
    QComboBox* _metrics = nullptr;
    SensorHistoryPlot* _plot = nullptr;
    std::optional<sensors::SensorInfo> _sensor;
};

}  // namespace citytwin::app
