#include "sensors/LiveStatus.h"

#include <QEvent>
#include <QTimer>

namespace citytwin::app {
namespace {
constexpr qint64 kRateWindowMs = 5000;  // readings per second over the last 5 s
QString hms(const QDateTime& t) {
    return t.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}
}  // namespace

LiveStatus::LiveStatus(QWidget* parent) : QToolButton(parent) {
    setObjectName("liveStatus");
    setAutoRaise(true);
    setVisible(false);
    _timer = new QTimer(this);
    _timer->setInterval(1000);
    connect(_timer, &QTimer::timeout, this, &LiveStatus::refresh);
    connect(this, &QToolButton::clicked, this, &LiveStatus::detailsRequested);
}

void LiveStatus::attach(sensors::IngestService* service, const QString& broker,
                        const QString& registryCsv) {
    _service = service;
    _broker = broker;
    _registryCsv = registryCsv;
    _samples.clear();
    _state = LiveFeedState{};
    _state.live = !broker.isEmpty();
    _wasConnected = false;
    setVisible(service != nullptr);
    if (service)
        _timer->start();
    refresh();
}

void LiveStatus::detach() {
    _service = nullptr;
    _timer->stop();
    setVisible(false);
}

void LiveStatus::refresh() {
    if (!_service)
        return;
    const sensors::IngestReport r = _service->report();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    _samples.emplace_back(now, r.stored);
    while (_samples.size() > 2 && _samples.front().first < now - kRateWindowMs)
        _samples.pop_front();
    const auto& [t0, n0] = _samples.front();
    _state.readingsPerSecond = now > t0 ? double(r.stored - n0) * 1000.0 / double(now - t0) : 0.0;
    _state.stored = r.stored;
    _state.rejected = r.rejected;
    _state.unknownReadings = r.unknownSensorReadings;
    _state.unknownSensors = _service->writer().unknownSensors().size();
    if (sensors::MqttIngest* mqtt = _service->maybeMqtt()) {
        _state.connected = mqtt->isConnected();
        if (!_state.connected) {
            // The gap the ingest records starts when the connection was lost.
            const auto since = mqtt->disconnectedSinceMs();
            _state.maybeReconnectingSince =
                QDateTime::fromMSecsSinceEpoch(since ? *since : now, Qt::UTC);
        } else if (_state.maybeReconnectingSince) {
            if (_wasConnected || mqtt->disconnects() > 0)
                _state.maybeLastGap =
                    std::make_pair(*_state.maybeReconnectingSince, QDateTime::currentDateTimeUtc());
            _state.maybeReconnectingSince.reset();
        }
        _wasConnected = _wasConnected || _state.connected;
    }
    setText(summaryOf(_state));
    setToolTip(tr("Live feed details: unknown sensors, rejected payloads, connection"));
}

QString LiveStatus::summaryOf(const LiveFeedState& s) {
    QStringList parts;
    if (s.live) {
        if (s.connected && s.maybeLastGap)
            parts << tr("MQTT connected (gap %1–%2 recorded)")
                         .arg(hms(s.maybeLastGap->first), hms(s.maybeLastGap->second));
        else if (s.connected)
            parts << tr("MQTT connected");
        else if (s.maybeReconnectingSince)
            parts << tr("MQTT reconnecting since %1").arg(hms(*s.maybeReconnectingSince));
        else
            parts << tr("MQTT connecting");
    } else {
        parts << tr("Simulated feed");
    }
    parts << tr("%1 readings/s").arg(s.readingsPerSecond, 0, 'f', 1);
    if (s.unknownSensors > 0)
        parts << tr("%n unknown sensor(s)", nullptr, int(s.unknownSensors));
    if (s.rejected > 0)
        parts << tr("%n rejected", nullptr, int(s.rejected));
    return parts.join(QStringLiteral(" · "));
}

void LiveStatus::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        setText(summaryOf(_state));
    QToolButton::changeEvent(e);
}

}  // namespace citytwin::app
