#pragma once
// The live feed's state in the status bar: the broker connection
// (connected / reconnecting since … / gap recorded), readings per second,
// readings of sensors the registry does not know, rejected payloads. A click
// opens the details (LiveStatusDialog), which lists the unknown sensors and
// offers to add one to the registry with a position.

#include <QDateTime>
#include <QToolButton>

#include <deque>
#include <optional>
#include <utility>

#include "citytwin/sensors/IngestService.h"

class QTimer;

namespace citytwin::app {

/// One reading of the ingest counters, and what it means for the operator.
struct LiveFeedState {
    bool live = false;  ///< a broker feed (else the simulator or nothing)
    bool connected = false;
    std::optional<QDateTime> maybeReconnectingSince;
    std::optional<std::pair<QDateTime, QDateTime>> maybeLastGap;  ///< lost, back
    double readingsPerSecond = 0.0;
    std::uint64_t stored = 0;
    std::uint64_t rejected = 0;
    std::uint64_t unknownReadings = 0;
    std::size_t unknownSensors = 0;
};

class LiveStatus : public QToolButton {
    Q_OBJECT
public:
    explicit LiveStatus(QWidget* parent = nullptr);

    /// Follows this service (owned elsewhere; detach() before it goes).
    /// broker: "HOST:PORT" for a live feed, empty for the simulator.
    void attach(sensors::IngestService* service, const QString& broker, const QString& registryCsv);
    void detach();
    /// Reads the counters now (the timer does it every second).
    void refresh();
    const LiveFeedState& state() const { return _state; }
    sensors::IngestService* service() const { return _service; }
    QString registryCsv() const { return _registryCsv; }
    QString broker() const { return _broker; }

    /// The one-line summary the button shows.
    static QString summaryOf(const LiveFeedState& s);

signals:
    void detailsRequested();

protected:
    void changeEvent(QEvent* e) override;

private:
    sensors::IngestService* _service = nullptr;
    QString _broker, _registryCsv;
    QTimer* _timer = nullptr;
    LiveFeedState _state;
    std::deque<std::pair<qint64, std::uint64_t>> _samples;  ///< (ms, stored) of the rate window
    bool _wasConnected = false;
};

}  // namespace citytwin::app
