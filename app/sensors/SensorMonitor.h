#pragma once
// SensorMonitor: the operator's live and replayed view of the sensors. It
// runs the ingest (the in-process simulator when no broker is configured,
// else MQTT) into the sensor store, owns the PlaybackClock, and keeps the
// map pins, the timeline, the alert panel and the history chart showing the
// state at the clock's time. Store queries run on SensorQueries' worker;
// the pins change in the frame's update phase (SensorGlyphLayer).

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <osg/BoundingSphere>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/FeaturePicker.h"
#include "citytwin/render/SensorGlyphLayer.h"
#include "citytwin/sensors/PlaybackClock.h"
#include "citytwin/sensors/SensorRegistry.h"

namespace citytwin::sensors {
class IngestService;
class SensorSimulator;
}  // namespace citytwin::sensors
namespace citytwin::render {
class CityScene;
}

namespace citytwin::app {

class AlertPanel;
class OsgView;
class PlaybackBar;
class SensorHistoryChart;
class SensorQueries;
class TimelineCoverage;
class HistoryChartFeed;

struct SensorFeedOptions {
    QString registryCsv;  ///< the sensors (required)
    QString storePath;    ///< the store to write and play back
    QString mqttBroker;   ///< HOST:PORT: ingest from MQTT; empty: simulate
    QString mqttTopic = QStringLiteral("city/sensors/#");
    bool freshStore = false;                 ///< delete storePath first (the simulated demo store)
    std::optional<qint64> maybeStartTimeMs;  ///< start paused there (else Live)
    std::uint64_t simulatorSeed = 20231201;
    /// Recorded history imported at start (off the GUI thread, with
    /// progress): its sensors are shown beside the registry's, and its CSV
    /// is read through the mapping (docs/sensors.md). Empty: none.
    QString historyRegistryCsv;
    QString historyCsv;
    QString historyMapping;
};

class SensorMonitor : public QObject {
    Q_OBJECT
public:
    SensorMonitor(render::CityScene& scene, OsgView& view, PlaybackBar& bar, AlertPanel& alerts,
                  SensorHistoryChart& chart, QObject* parent = nullptr);
    ~SensorMonitor() override;

    /// Reads the registry, opens the store, starts the feed and the pins.
    /// On failure returns a message naming the file; nothing is started.
    std::optional<QString> start(const SensorFeedOptions& options, const geo::LocalFrame& frame);
    /// Stops the feed (drains and commits); the view stays.
    void stop();

    bool isStarted() const { return _glyphs.valid(); }
    /// True once the history is in the store and the pins show a state.
    bool isReady() const { return _readyAnnounced; }
    sensors::PlaybackClock& clock() { return _clock; }
    render::SensorGlyphLayer* glyphs() const { return _glyphs.get(); }
    /// The time of the state the pins show now.
    qint64 shownTime() const { return _shownTime; }
    QString storePath() const { return _storePath; }
    /// The ingest chain while started (its counters, MQTT state), else null.
    sensors::IngestService* ingest() const { return _service.get(); }
    /// The timeline's coverage band (where the store has data).
    TimelineCoverage* coverage() const { return _coverage; }
    /// What fills the history chart.
    HistoryChartFeed* historyFeed() const { return _historyFeed; }
    /// Shows a sensor's history (also what a click on its pin does).
    void showSensor(const std::string& sensorId);
    /// The timeline spans [from, to] instead of the stored day (an open
    /// scenario's range); nullopt: back to the day. Runs the clock's tick
    /// even when no sensors are started.
    void setRangeOverride(std::optional<std::pair<qint64, qint64>> maybeRange);
    /// Jumps the clock to t and shows it (what a click on the timeline does).
    void seek(qint64 t);
    /// Readings came into the store from elsewhere (File -> Import sensor
    /// history): the timeline reaches back to the oldest, the coverage band,
    /// the alerts and the pins are asked again.
    void storeChanged();
    /// A sphere around the recorded-history sensors' pins (the demo's real
    /// monitors) and `alsoAround`; nullopt if there are none.
    std::optional<osg::BoundingSphere> recordedSensorsBound(const osg::Vec3d& alsoAround) const;
    /// Rows for the attribute panel about a pin's state now: value, level
    /// and, for PM2.5, China's AQI band (HJ 633-2012).
    std::vector<std::pair<QString, QString>> liveAttributes(std::size_t sensorIndex) const;

signals:
    /// The pins show the state at t.
    void sceneTimeShown(qint64 t);
    /// The clock was read (every tick and after a seek): its time now.
    void clockTicked(qint64 t);
    /// History is in the store and the first state is drawn.
    void ready();
    /// The alert list was refreshed from the store.
    void alertsRefreshed();
    /// Problems worth a status-bar line (store errors, broker trouble).
    void problem(const QString& message);
    /// Progress of the recorded-history import: a status-bar line.
    void historyProgress(const QString& message);

public slots:
    void onFeaturePicked(const std::optional<render::PickHit>& hit);

private:
    void tick();
    void requestScene(qint64 t);
    void refreshAlerts();
    void acknowledge(const std::vector<std::int64_t>& ids);
    void showClock();
    void showStoreHealth(qint64 now);

    render::CityScene& _scene;
    OsgView& _view;
    PlaybackBar& _bar;
    AlertPanel& _alertPanel;
    SensorHistoryChart& _chart;

    sensors::PlaybackClock _clock;
    std::unique_ptr<sensors::SensorSimulator> _simulator;
    std::unique_ptr<sensors::IngestService> _service;
    std::shared_ptr<SensorQueries> _queries;
    TimelineCoverage* _coverage = nullptr;
    HistoryChartFeed* _historyFeed = nullptr;
    osg::ref_ptr<render::SensorGlyphLayer> _glyphs;
    QString _storePath;
    std::vector<std::string> _recordedIds;  ///< sensors of the history registry
    QTimer _timer;

    /// Set by stop(): a running history import ends at its next progress call.
    std::shared_ptr<std::atomic<bool>> _cancelImport = std::make_shared<std::atomic<bool>>(false);
    bool _ready = false;
    bool _readyAnnounced = false;
    bool _sceneInFlight = false;
    std::optional<qint64> _maybeWantedTime;  ///< asked while a query ran
    qint64 _requestedTime = -1;
    qint64 _shownTime = 0;
    qint64 _lastAlertRefresh = 0;
    qint64 _lastViewSpan = 0;  ///< the track's span at its last change
    QString _storeErrorShown;  ///< the writer's error last put on the status bar
    qint64 _storeErrorShownAt = 0;
    bool _alertsInFlight = false;
    qint64 _rangeFrom = 0, _rangeTo = 0;
    qint64 _storeFirstMs = std::numeric_limits<qint64>::max();  ///< oldest stored reading
    bool _showDayOnTimeline = false;  ///< zoom the track to a day at the next tick
    std::optional<std::pair<qint64, qint64>> _maybeRangeOverride;
};

}  // namespace citytwin::app
