#include "sensors/SensorHistoryChart.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace citytwin::app {

/// The plot area itself (painting only).
class SensorHistoryPlot : public QWidget {
public:
    explicit SensorHistoryPlot(QWidget* parent) : QWidget(parent) {
        setObjectName("historyPlot");
        setMinimumSize(240, 140);
    }

    qint64 from = 0, to = 1, cursor = 0;
    std::vector<sensors::HistoryPoint> points;
    std::optional<double> low, high;
    QString unit;
    QString emptyText;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.fillRect(rect(), QColor(250, 250, 252));
        const QRect area = rect().adjusted(48, 8, -8, -20);
        p.setPen(QColor(200, 200, 208));
        p.drawRect(area);
        if (points.empty()) {
            p.setPen(QColor(110, 110, 120));
            p.drawText(area, Qt::AlignCenter, emptyText);
            return;
        }
        double lo = points.front().min, hi = points.front().max;
        for (const auto& pt : points) {
            lo = std::min(lo, pt.min);
            hi = std::max(hi, pt.max);
        }
        for (const auto& t : {low, high})
            if (t) {
                lo = std::min(lo, *t);
                hi = std::max(hi, *t);
            }
        if (hi - lo < 1e-9) {
            hi += 1;
            lo -= 1;
        }
        const double pad = 0.06 * (hi - lo);
        lo -= pad;
        hi += pad;
        auto X = [&](qint64 t) {
            return area.left() +
                   double(t - from) / double(std::max<qint64>(1, to - from)) * area.width();
        };
        auto Y = [&](double v) { return area.bottom() - (v - lo) / (hi - lo) * area.height(); };

        // Value grid and labels on round numbers (1, 2, 5 x 10^k).
        p.setFont(font());
        const double rough = (hi - lo) / 4.0;
        const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
        const double nice = rough / magnitude < 1.5   ? 1
                            : rough / magnitude < 3.5 ? 2
                            : rough / magnitude < 7.5 ? 5
                                                      : 10;
        const double step = nice * magnitude;
        for (double v = std::ceil(lo / step) * step; v <= hi; v += step) {
            const double y = Y(v);
            p.setPen(QColor(230, 230, 236));
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
            p.setPen(QColor(90, 90, 100));
            p.drawText(QRectF(0, y - 8, area.left() - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(std::abs(v) < step * 1e-6 ? 0.0 : v, 'g', 6));
        }
        // Time labels: start, middle, end (Shanghai time).
        static const QTimeZone tz(8 * 3600);
        for (qint64 t : {from, from + (to - from) / 2, to}) {
            const QString s = QDateTime::fromMSecsSinceEpoch(t, tz).toString("HH:mm");
            p.drawText(QRectF(X(t) - 30, area.bottom() + 2, 60, 16), Qt::AlignHCenter, s);
        }

        // min..max band, then the mean line.
        QPolygonF band;
        for (const auto& pt : points)
            band << QPointF(X(pt.ts), Y(pt.max));
        for (auto it = points.rbegin(); it != points.rend(); ++it)
            band << QPointF(X(it->ts), Y(it->min));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(80, 150, 230, 50));
        p.drawPolygon(band);
        p.setBrush(Qt::NoBrush);
        QPainterPath line;
        line.moveTo(QPointF(X(points[0].ts), Y(points[0].mean)));
        for (const auto& pt : points)
            line.lineTo(QPointF(X(pt.ts), Y(pt.mean)));
        p.setPen(QPen(QColor(30, 110, 210), 1.6));
        p.drawPath(line);

        // Thresholds.
        for (const auto& t : {low, high})
            if (t) {
                p.setPen(QPen(QColor(220, 50, 50), 1, Qt::DashLine));
                p.drawLine(QPointF(area.left(), Y(*t)), QPointF(area.right(), Y(*t)));
            }
        // Scene time.
        if (cursor >= from && cursor <= to) {
            p.setPen(QPen(QColor(80, 170, 255), 2));
            p.drawLine(QPointF(X(cursor), area.top()), QPointF(X(cursor), area.bottom()));
        }
        p.setPen(QColor(90, 90, 100));
        p.drawText(area.adjusted(4, 2, -4, -2), Qt::AlignTop | Qt::AlignLeft, unit);
    }
};

SensorHistoryChart::SensorHistoryChart(QWidget* parent) : QWidget(parent) {
    setObjectName("sensorHistory");
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(2, 2, 2, 2);
    auto* row = new QHBoxLayout;
    _title = new QLabel(this);
    _title->setObjectName("historyTitle");
    _metrics = new QComboBox(this);
    _metrics->setObjectName("historyMetric");
    row->addWidget(_title, 1);
    row->addWidget(_metrics);
    col->addLayout(row);
    _plot = new SensorHistoryPlot(this);
    col->addWidget(_plot, 1);
    connect(_metrics, &QComboBox::activated, this, [this] { emit metricChanged(metric()); });
    retranslate();
}

void SensorHistoryChart::showSensor(std::optional<sensors::SensorInfo> sensor,
                                    std::vector<std::string> metrics) {
    _sensor = std::move(sensor);
    _metrics->clear();
    if (_sensor) {
        // The registry's metric (the one with thresholds) first.
        auto it = std::find(metrics.begin(), metrics.end(), _sensor->metric);
        if (it == metrics.end())
            metrics.insert(metrics.begin(), _sensor->metric);
        else
            std::rotate(metrics.begin(), it, it + 1);
        for (const auto& m : metrics)
            _metrics->addItem(QString::fromStdString(m));
    }
    _plot->points.clear();
    retranslate();
}

std::string SensorHistoryChart::metric() const {
    return _metrics->currentText().toStdString();
}

void SensorHistoryChart::setHistory(qint64 fromMs, qint64 toMs,
                                    std::vector<sensors::HistoryPoint> points) {
    _plot->from = fromMs;
    _plot->to = toMs;
    _plot->points = std::move(points);
    const bool primary = _sensor && metric() == _sensor->metric;
    _plot->low = primary ? _sensor->thresholds.low : std::nullopt;
    _plot->high = primary ? _sensor->thresholds.high : std::nullopt;
    _plot->unit = primary ? QString::fromStdString(_sensor->unit) : QString();
    _plot->update();
}

const std::vector<sensors::HistoryPoint>& SensorHistoryChart::points() const {
    return _plot->points;
}

std::pair<qint64, qint64> SensorHistoryChart::range() const {
    return {_plot->from, _plot->to};
}

void SensorHistoryChart::setCursorTime(qint64 t) {
    if (_plot->cursor == t)
        return;
    _plot->cursor = t;
    _plot->update();
}

void SensorHistoryChart::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void SensorHistoryChart::retranslate() {
    if (_sensor) {
        const QString name =
            QString::fromStdString(_sensor->name.empty() ? _sensor->id : _sensor->name);
        _title->setText(tr("%1 (%2)").arg(name, QString::fromStdString(_sensor->id)));
        _title->setToolTip(
            tr("Per-minute mean with its min..max band, two hours before and "
               "one hour after the scene time; dashed: alert thresholds"));
    } else {
        _title->setText(tr("Click a sensor on the map to see its history"));
    }
    _plot->emptyText = _sensor ? tr("No readings in this period") : QString();
    _metrics->setToolTip(tr("Metric"));
    _plot->update();
}

}  // namespace citytwin::app
