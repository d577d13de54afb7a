#include "sensors/SensorHistoryChart.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "citytwin/geo/TimeZone.h"
#include "citytwin/sensors/HistoryCsv.h"

namespace citytwin::app {

namespace {
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kMinSpan = 10 * kMinute;
constexpr qint64 kMaxSpan = 20 * 366 * kDay;

/// A time label that says enough for the span shown (Shanghai time).
QString timeLabel(qint64 t, qint64 span) {
    static const QTimeZone tz(8 * 3600);
    const QDateTime d = QDateTime::fromMSecsSinceEpoch(t, tz);
    return d.toString(span > 2 * 366 * kDay ? QStringLiteral("yyyy-MM")
                      : span > 4 * kDay     ? QStringLiteral("yyyy-MM-dd")
                      : span > kDay         ? QStringLiteral("MM-dd HH:mm")
                                            : QStringLiteral("HH:mm"));
}

qint64 periodOf(sensors::Aggregation a) {
    switch (a) {
        case sensors::Aggregation::Raw:
            return 0;
        case sensors::Aggregation::Minute:
            return kMinute;
        case sensors::Aggregation::Hour:
            return kHour;
        case sensors::Aggregation::Day:
            return kDay;
    }
    return 0;
}
}  // namespace

/// The plot area itself (painting only).
class SensorHistoryPlot : public QWidget {
public:
    explicit SensorHistoryPlot(QWidget* parent) : QWidget(parent) {
        setObjectName("historyPlot");
        setMinimumSize(240, 140);
    }

    qint64 from = 0, to = 1, cursor = 0;
    qint64 period = kMinute;  ///< of the points; 0: raw
    qint64 typicalStep = 0;   ///< median time between points
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
        // Time labels: start, middle, end (Shanghai time), as precise as
        // the span needs (years: months; minutes: hours and minutes).
        const qint64 span = to - from;
        const QString texts[] = {timeLabel(from, span), timeLabel(from + span / 2, span),
                                 timeLabel(to, span)};
        const qint64 times[] = {from, from + span / 2, to};
        for (int i = 0; i < 3; ++i) {
            const double w = 110;
            const double x = std::clamp(X(times[i]) - w / 2, 0.0, double(width()) - w);
            p.drawText(QRectF(x, area.bottom() + 2, w, 16), Qt::AlignHCenter, texts[i]);
        }

        // min..max band, then the mean line, broken where data is missing
        // (more than three periods or typical steps, or a fiftieth of the
        // window, apart).
        const qint64 breakAfter = std::max({3 * period, 3 * typicalStep, span / 50});
        std::size_t first = 0;
        for (std::size_t i = 1; i <= points.size(); ++i) {
            if (i < points.size() && points[i].ts - points[i - 1].ts <= breakAfter)
                continue;
            QPolygonF band;
            for (std::size_t k = first; k < i; ++k)
                band << QPointF(X(points[k].ts), Y(points[k].max));
            for (std::size_t k = i; k-- > first;)
                band << QPointF(X(points[k].ts), Y(points[k].min));
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(80, 150, 230, 50));
            p.drawPolygon(band);
            p.setBrush(Qt::NoBrush);
            QPainterPath line;
            line.moveTo(QPointF(X(points[first].ts), Y(points[first].mean)));
            for (std::size_t k = first; k < i; ++k)
                line.lineTo(QPointF(X(points[k].ts), Y(points[k].mean)));
            p.setPen(QPen(QColor(30, 110, 210), 1.6));
            if (i - first == 1)
                p.drawPoint(QPointF(X(points[first].ts), Y(points[first].mean)));
            else
                p.drawPath(line);
            first = i;
        }

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
    _export = new QToolButton(this);
    _export->setObjectName("historyExport");
    _export->setPopupMode(QToolButton::InstantPopup);
    _exportMenu = new QMenu(_export);
    _export->setMenu(_exportMenu);
    connect(_exportMenu, &QMenu::aboutToShow, this, [this] { fillExportMenu(*_exportMenu); });
    row->addWidget(_title, 1);
    row->addWidget(_metrics);
    row->addWidget(_export);
    col->addLayout(row);
    _plot = new SensorHistoryPlot(this);
    _plot->installEventFilter(this);
    col->addWidget(_plot, 1);
    connect(_metrics, &QComboBox::activated, this, [this] { emit metricChanged(shownMetric()); });
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

std::string SensorHistoryChart::shownMetric() const {
    return _metrics->currentText().toStdString();
}

void SensorHistoryChart::setHistory(qint64 fromMs, qint64 toMs,
                                    std::vector<sensors::HistoryPoint> points,
                                    sensors::Aggregation aggregation) {
    _plot->from = fromMs;
    _plot->to = toMs;
    _plot->points = std::move(points);
    _plot->period = periodOf(aggregation);
    std::vector<qint64> steps;
    for (std::size_t i = 1; i < _plot->points.size(); ++i)
        steps.push_back(_plot->points[i].ts - _plot->points[i - 1].ts);
    std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
    _plot->typicalStep = steps.empty() ? 0 : steps[steps.size() / 2];
    _shownAggregation = aggregation;
    const bool primary = _sensor && shownMetric() == _sensor->metric;
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

sensors::Aggregation SensorHistoryChart::aggregationFor(qint64 spanMs) {
    // At most a few thousand points whatever the zoom.
    if (spanMs <= 3 * kHour)
        return sensors::Aggregation::Raw;
    if (spanMs <= 3 * kDay)
        return sensors::Aggregation::Minute;
    if (spanMs <= 120 * kDay)
        return sensors::Aggregation::Hour;
    return sensors::Aggregation::Day;
}

void SensorHistoryChart::zoom(double factor, qint64 aroundMs, qint64 sceneTime) {
    const auto [from, to] = windowAt(sceneTime);
    const qint64 span = std::clamp<qint64>(
        qint64(std::llround(double(to - from) * std::max(factor, 1e-6))), kMinSpan, kMaxSpan);
    if (span == to - from)
        return;
    // The time under the pointer stays under it; the window keeps its
    // place relative to the scene time from then on.
    const double f = double(aroundMs - from) / double(std::max<qint64>(1, to - from));
    const qint64 start = aroundMs - qint64(std::llround(f * double(span)));
    _before = sceneTime - start;
    _after = start + span - sceneTime;
    emit windowChanged();
}

QWidget* SensorHistoryChart::plot() const {
    return _plot;
}

qint64 SensorHistoryChart::timeAtPlotX(int x) const {
    const QRect area = _plot->rect().adjusted(48, 8, -8, -20);
    const auto [from, to] = windowAt(_plot->cursor);
    const double f = std::clamp(double(x - area.left()) / std::max(1, area.width()), 0.0, 1.0);
    return from + qint64(std::llround(f * double(to - from)));
}

int SensorHistoryChart::plotXOf(qint64 t) const {
    const QRect area = _plot->rect().adjusted(48, 8, -8, -20);
    const auto [from, to] = windowAt(_plot->cursor);
    return area.left() + int(std::lround(double(t - from) / double(std::max<qint64>(1, to - from)) *
                                         area.width()));
}

bool SensorHistoryChart::eventFilter(QObject* watched, QEvent* e) {
    if (watched == _plot && e->type() == QEvent::Wheel) {
        auto* w = static_cast<QWheelEvent*>(e);
        const int steps = w->angleDelta().y() / 120;
        if (steps != 0) {
            zoom(std::pow(0.5, steps), timeAtPlotX(int(w->position().x())), _plot->cursor);
            return true;
        }
    }
    return QWidget::eventFilter(watched, e);
}

geo::Status SensorHistoryChart::exportCsv(const QString& path, const QString& zoneName) const {
    if (!_sensor)
        return geo::Status::failure("no sensor shown", path.toStdString());
    auto zone = geo::TimeZone::find(zoneName.toStdString());
    if (!zone)
        return geo::Status::failure(zone.messages(), path.toStdString());
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    if (!out)
        return geo::Status::failure("cannot write the file", path.toStdString());
    out << sensors::historyCsvHeader(_shownAggregation);
    sensors::writeHistoryCsvRows(out, _sensor->id, shownMetric(), _plot->points, _shownAggregation,
                                 &zone.value());
    out.flush();
    if (!out)
        return geo::Status::failure("cannot write the file", path.toStdString());
    return geo::Done{};
}

geo::Status SensorHistoryChart::exportPng(const QString& path) const {
    if (!const_cast<SensorHistoryChart*>(this)->grab().save(path, "PNG"))
        return geo::Status::failure("cannot write the image", path.toStdString());
    return geo::Done{};
}

void SensorHistoryChart::fillExportMenu(QMenu& menu) {
    menu.clear();
    QAction* csv = menu.addAction(tr("Export CSV..."), this, &SensorHistoryChart::askExportCsv);
    QAction* png = menu.addAction(tr("Export PNG..."), this, &SensorHistoryChart::askExportPng);
    csv->setEnabled(_sensor.has_value() && !_plot->points.empty());
    png->setEnabled(_sensor.has_value());
}

void SensorHistoryChart::contextMenuEvent(QContextMenuEvent* e) {
    QMenu menu(this);
    fillExportMenu(menu);
    menu.exec(e->globalPos());
}

void SensorHistoryChart::askExportCsv() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export history as CSV"),
                                     QStringLiteral("%1-%2.csv")
                                         .arg(QString::fromStdString(_sensor ? _sensor->id : ""),
                                              QString::fromStdString(shownMetric())),
                                     tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QStringList zones{QStringLiteral("Asia/Shanghai"), QStringLiteral("UTC")};
    const QString local = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (!local.isEmpty() && !zones.contains(local))
        zones << local;
    if (!zones.contains(_lastZone))
        zones.prepend(_lastZone);
    bool ok = false;
    const QString zone = QInputDialog::getItem(
        this, tr("Time zone"), tr("Times in the CSV in this time zone (IANA name or +08:00):"),
        zones, int(zones.indexOf(_lastZone)), true, &ok);
    if (!ok || zone.isEmpty())
        return;
    if (auto done = exportCsv(path, zone.trimmed()); !done) {
        QMessageBox::warning(
            this, tr("Export CSV"),
            tr("The history was not exported:\n%1").arg(QString::fromStdString(done.messages())));
        return;
    }
    _lastZone = zone.trimmed();
}

void SensorHistoryChart::askExportPng() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export chart as PNG"),
                                     QStringLiteral("%1-%2.png")
                                         .arg(QString::fromStdString(_sensor ? _sensor->id : ""),
                                              QString::fromStdString(shownMetric())),
                                     tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (auto done = exportPng(path); !done)
        QMessageBox::warning(
            this, tr("Export PNG"),
            tr("The chart was not exported:\n%1").arg(QString::fromStdString(done.messages())));
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
            tr("Mean with its min..max band around the scene time (wheel: zoom from minutes "
               "to years; raw readings, 1 min, 1 h or 1 d rollups by the span); dashed: alert "
               "thresholds"));
    } else {
        _title->setText(tr("Click a sensor on the map to see its history"));
    }
    _plot->emptyText = _sensor ? tr("No readings in this period") : QString();
    _metrics->setToolTip(tr("Metric"));
    _export->setText(tr("Export"));
    _export->setToolTip(tr("Export the history shown as CSV or the chart as PNG"));
    fillExportMenu(*_exportMenu);
    _plot->update();
}

}  // namespace citytwin::app
