#include "sensors/SensorMonitor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "citytwin/render/CityScene.h"
#include "citytwin/sensors/AirQualityIndex.h"
#include "citytwin/sensors/CsvMapping.h"
#include "citytwin/sensors/IngestService.h"
#include "citytwin/sensors/SensorSimulator.h"
#include "citytwin/sensors/SensorStatus.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/SimulatorSource.h"
#include "citytwin/sensors/TimeFormat.h"
#include "sensors/AlertPanel.h"
#include "sensors/HistoryChartFeed.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorQueries.h"
#include "sensors/TimelineCoverage.h"
#include "view/OsgView.h"

namespace citytwin::app {

namespace {
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
/// The simulated demo starts with this much history (inside the store's
/// 24 h acceptance window around the ingest clock).
constexpr qint64 kBackfill = 23 * kHour + 50 * kMinute;
constexpr qint64 kBackfillStep = kMinute;
/// Live simulated readings: one per sensor every 5 s.
constexpr double kSimulatorRateHz = 0.2;
constexpr int kTickMs = 100;
constexpr qint64 kAlertRefreshMs = 2000;

QString fromDiagnostics(const std::string& messages) {
    return QString::fromStdString(messages);
}
}  // namespace

SensorMonitor::SensorMonitor(render::CityScene& scene, OsgView& view, PlaybackBar& bar,
                             AlertPanel& alerts, SensorHistoryChart& chart, QObject* parent)
    : QObject(parent), _scene(scene), _view(view), _bar(bar), _alertPanel(alerts), _chart(chart) {
    _coverage = new TimelineCoverage(*_bar.track(), this);
    _historyFeed = new HistoryChartFeed(_chart, this);
    // A zoom shows other alerts: list them at the next tick, not in 2 s.
    connect(_bar.track(), &TimelineTrack::viewChanged, this, [this](qint64 from, qint64 to) {
        if (to - from != _lastViewSpan)
            _lastAlertRefresh = 0;
        _lastViewSpan = to - from;
    });
    _timer.setInterval(kTickMs);
    connect(&_timer, &QTimer::timeout, this, &SensorMonitor::tick);
    // Pin labels that came into view out of date are refreshed one frame later.
    _view.addFrameDemand(QStringLiteral("sensor labels"),
                         [this] { return _glyphs && _glyphs->labelsWaitForAFrame(); });
    connect(&_bar, &PlaybackBar::liveRequested, this, [this] {
        _clock.goLive();
        showClock();
    });
    connect(&_bar, &PlaybackBar::playRequested, this, [this](double rate) {
        _clock.play(rate);
        showClock();
    });
    connect(&_bar, &PlaybackBar::pauseRequested, this, [this] {
        _clock.pause();
        showClock();
    });
    connect(&_bar, &PlaybackBar::rateChosen, this, [this](double rate) {
        _clock.setRate(rate);
        showClock();
    });
    connect(&_bar, &PlaybackBar::seekRequested, this, &SensorMonitor::seek);
    connect(&_bar, &PlaybackBar::loopToggled, this, [this](bool on) {
        if (on)
            _clock.setLoop(_rangeFrom, _rangeTo);
        else
            _clock.clearLoop();
    });
    connect(&_alertPanel, &AlertPanel::acknowledgeRequested, this, &SensorMonitor::acknowledge);
    connect(&_alertPanel, &AlertPanel::alertActivated, this, [this](const sensors::AlertRecord& a) {
        seek(a.raisedMs);
        showSensor(a.sensorId);
        if (_glyphs)
            if (auto i = _glyphs->indexOf(a.sensorId))
                _view.flyTo(_glyphs->headPosition(*i), 700.0);
    });
}

SensorMonitor::~SensorMonitor() {
    stop();
    if (_queries)
        _queries->waitForIdle();
}

void SensorMonitor::stop() {
    _cancelImport->store(true);
    _timer.stop();
    if (_service)
        _service->stop();
}

std::optional<QString> SensorMonitor::start(const SensorFeedOptions& options,
                                            const geo::LocalFrame& frame) {
    if (isStarted())
        return tr("The sensors are already running");
    auto registry = sensors::SensorRegistry::importCsv(options.registryCsv.toStdString());
    if (!registry)
        return tr("Cannot read the sensor registry:\n%1").arg(fromDiagnostics(registry.messages()));
    if (registry->empty())
        return tr("The sensor registry %1 lists no sensors").arg(options.registryCsv);

    // A PostgreSQL store (postgresql://, host=...) is a server's: no file to
    // clear or folder to make.
    if (!sensors::SensorStore::isPostgresLocation(options.storePath.toStdString())) {
        if (options.freshStore) {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(options.storePath + suffix);
        }
        QDir().mkpath(QFileInfo(options.storePath).absolutePath());
    }

    // The recorded monitors are shown and alerted on like the others; the
    // simulator only makes up readings for the registry's own sensors.
    sensors::SensorRegistry shown = registry.value();
    if (!options.historyRegistryCsv.isEmpty()) {
        auto recorded =
            sensors::SensorRegistry::importCsv(options.historyRegistryCsv.toStdString());
        if (!recorded)
            return tr("Cannot read the sensor registry:\n%1")
                .arg(fromDiagnostics(recorded.messages()));
        for (const auto& s : recorded.value().sensors()) {
            shown.add(s);
            _recordedIds.push_back(s.id);
        }
    }
    std::optional<sensors::FileSourceOptions> maybeHistory;
    if (!options.historyCsv.isEmpty()) {
        auto mapping = sensors::CsvMapping::load(options.historyMapping.toStdString());
        if (!mapping)
            return tr("Cannot read the history mapping:\n%1")
                .arg(fromDiagnostics(mapping.messages()));
        maybeHistory.emplace();
        maybeHistory->maybeMapping = std::move(mapping).value();
    }

    sensors::IngestServiceOptions io;
    io.storePath = options.storePath.toStdString();
    io.maybeRegistry = shown;
    // The simulator's backfill must not lose history to the queue's default
    // drop policy; a broker stream keeps the documented DropNewest.
    if (options.mqttBroker.isEmpty())
        io.overflow = sensors::OverflowPolicy::Block;
    auto service = sensors::IngestService::open(std::move(io));
    if (!service)
        return tr("Cannot open the sensor store %1:\n%2")
            .arg(options.storePath, fromDiagnostics(service.messages()));
    _service = std::move(service.value());
    auto queries = SensorQueries::open(options.storePath.toStdString());
    if (!queries) {
        _service.reset();
        return tr("Cannot open the sensor store %1:\n%2")
            .arg(options.storePath, fromDiagnostics(queries.messages()));
    }
    _queries = queries.value();
    _coverage->setQueries(_queries);
    _historyFeed->setQueries(_queries);
    _storePath = options.storePath;
    _service->writer().setAlertCallback([self = QPointer<SensorMonitor>(this)](const auto&) {
        // Writer thread: only ask the GUI thread to refresh soon.
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self] {
                    if (self)
                        self->_lastAlertRefresh = 0;
                },
                Qt::QueuedConnection);
    });

    _glyphs = new render::SensorGlyphLayer(shown, frame);
    _scene.enqueueLayer(render::SensorGlyphLayer::kLayerId, _glyphs->node());

    if (options.maybeStartTimeMs)
        _clock.seek(*options.maybeStartTimeMs);

    if (!options.mqttBroker.isEmpty()) {
        auto hostPort = sensors::parseHostPort(options.mqttBroker.toStdString());
        if (!hostPort)
            return tr("--mqtt: %1").arg(fromDiagnostics(hostPort.messages()));
        sensors::MqttOptions mo;
        mo.host = hostPort->first;
        mo.port = hostPort->second;
        mo.topics = {options.mqttTopic.toStdString()};
        if (auto started = _service->startMqtt(mo); !started)
            emit problem(
                tr("MQTT %1: %2").arg(options.mqttBroker, fromDiagnostics(started.messages())));
        _ready = true;
        _timer.start();
        return std::nullopt;
    }

    // The embedded default: a seeded simulator, with a day of history first
    // so that the timeline has something to play back from the first start.
    _simulator =
        std::make_unique<sensors::SensorSimulator>(registry.value(), options.simulatorSeed);
    const qint64 now = sensors::systemNowMs();
    const qint64 from = (now - kBackfill) / kBackfillStep * kBackfillStep;
    sensors::IngestService* svc = _service.get();
    const sensors::SensorSimulator* sim = _simulator.get();
    const std::string historyPath = options.historyCsv.toStdString();
    auto cancel = _cancelImport;
    QPointer<SensorMonitor> self(this);
    QtConcurrent::run([svc, sim, from, now, maybeHistory, historyPath, cancel, self]() mutable {
        sensors::SimulatorSource::backfill(*sim, svc->pipeline(), from, now, kBackfillStep);
        svc->writer().flush();
        if (!maybeHistory)
            return;
        auto say = [self](const QString& message) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, message] {
                    if (self)
                        emit self->historyProgress(message);
                },
                Qt::QueuedConnection);
        };
        maybeHistory->progress = [say, cancel](std::uint64_t done, std::uint64_t total) {
            say(tr("Importing recorded sensor history: %1%").arg(total ? 100 * done / total : 0));
            return !cancel->load();
        };
        const auto storedBefore = svc->report().stored;
        auto fed = svc->feedFile(historyPath, *maybeHistory);
        svc->writer().flush();
        const auto stored = svc->report().stored - storedBefore;
        if (!fed)
            say(tr("Recorded sensor history not imported: %1")
                    .arg(QString::fromStdString(fed.messages())));
        else if (fed.value().cancelled)
            say(tr("History import cancelled: the %1 readings committed so far are kept")
                    .arg(stored));
        else
            say(tr("Imported %1 readings of recorded sensor history (%2 missing cells skipped)")
                    .arg(stored)
                    .arg(fed.value().skippedCells));
    }).then(this, [this] {
        if (!_service)
            return;
        _service->startSimulator(*_simulator, kSimulatorRateHz);
        _queries->timeRange().then(
            this, [this](SensorQueries::Answer<std::pair<sensors::TimeMs, sensors::TimeMs>> r) {
                if (!r->ok())
                    return;
                _storeFirstMs = r->value().first;
                _showDayOnTimeline = true;
                tick();  // now: the scene answer that announces ready comes after this one
            });
        _lastAlertRefresh = 0;
        _requestedTime = -1;  // the store has changed under the shown time
        _ready = true;
    });
    _timer.start();
    showClock();
    return std::nullopt;
}

void SensorMonitor::showClock() {
    _bar.showClock(_clock.mode(), _clock.rate(), _clock.now());
}

void SensorMonitor::seek(qint64 t) {
    _clock.seek(t);
    showClock();
    requestScene(_clock.now());
    emit clockTicked(_clock.now());
}

void SensorMonitor::storeChanged() {
    if (!_queries)
        return;
    _queries->timeRange().then(
        this, [this](SensorQueries::Answer<std::pair<sensors::TimeMs, sensors::TimeMs>> r) {
            if (!r->ok()) {
                emit problem(fromDiagnostics(r->messages()));
                return;
            }
            _storeFirstMs = std::min<qint64>(_storeFirstMs, r->value().first);
            _lastAlertRefresh = 0;  // the next tick asks for alerts and coverage
            _requestedTime = -1;    // and for the pins at the shown time
            if (_historyFeed)
                _historyFeed->refresh();
            tick();
        });
}

void SensorMonitor::setRangeOverride(std::optional<std::pair<qint64, qint64>> maybeRange) {
    _maybeRangeOverride = maybeRange;
    if (maybeRange && _clock.loop())
        _clock.setLoop(maybeRange->first, maybeRange->second);
    if (!_timer.isActive())
        _timer.start();
    tick();
}

void SensorMonitor::tick() {
    const qint64 now = sensors::systemNowMs();
    const qint64 t = _clock.now();
    // The timeline spans the stored day up to the present, or the scenario.
    if (_maybeRangeOverride) {
        _rangeFrom = _maybeRangeOverride->first;
        _rangeTo = _maybeRangeOverride->second;
    } else {
        _rangeTo = std::max(now, t);
        // Back to the oldest stored reading (years of recorded history).
        _rangeFrom = std::min({_rangeTo - 24 * kHour, t, _storeFirstMs});
    }
    _bar.track()->setRange(_rangeFrom, _rangeTo);
    // Years of history: the track opens on the day around the scene time;
    // the wheel zooms out to all of it.
    if (_showDayOnTimeline && !_maybeRangeOverride) {
        _showDayOnTimeline = false;
        if (_rangeTo - _rangeFrom > 24 * kHour)
            _bar.track()->zoom(double(24 * kHour) / double(_rangeTo - _rangeFrom), t);
    }
    showClock();

    // Live: a new state each second; playing or seeking: as fast as the
    // store answers (one query in flight, the latest time wins).
    const bool live = _clock.mode() == sensors::PlaybackClock::Mode::Live;
    if (_requestedTime < 0 || (live ? std::abs(t - _requestedTime) >= 1000 : t != _requestedTime))
        requestScene(t);
    if (!_alertsInFlight && now - _lastAlertRefresh >= kAlertRefreshMs)
        refreshAlerts();
    _historyFeed->setSceneTime(t, live);
    showStoreHealth(now);
    emit clockTicked(t);
}

void SensorMonitor::showStoreHealth(qint64 now) {
    if (!_service)
        return;
    const auto error = QString::fromStdString(_service->writer().storeError());
    // Repeated while it lasts: a status-bar line fades after 8 s.
    if (!error.isEmpty() && (error != _storeErrorShown || now - _storeErrorShownAt >= 8000)) {
        emit problem(tr("The sensor store %1 cannot be written: %2. Readings are held and not "
                        "acknowledged; retrying.")
                         .arg(_storePath, error));
        _storeErrorShownAt = now;
    } else if (error.isEmpty() && !_storeErrorShown.isEmpty()) {
        emit problem(tr("The sensor store %1 takes writes again; ingest resumed.").arg(_storePath));
    }
    _storeErrorShown = error;
}

void SensorMonitor::requestScene(qint64 t) {
    if (!_queries || !_glyphs)
        return;
    _requestedTime = t;
    if (_sceneInFlight) {
        _maybeWantedTime = t;
        return;
    }
    _sceneInFlight = true;
    auto glyphs = _glyphs;
    _queries->sceneAt(t).then(
        this, [this, glyphs, t](SensorQueries::Answer<sensors::SceneState> r) {
            _sceneInFlight = false;
            if (r->ok()) {
                // Classification is pure and linear; done here it keeps the
                // worker free for the next time.
                // A frame only when a pin changes, not on every clock tick.
                const auto st = sensors::sensorStatusesAt(glyphs->registry(), r->value());
                if (glyphs->setStatuses(st, t))
                    _view.requestRedraw();
                _shownTime = t;
                _alertPanel.setSceneTime(t);
                emit sceneTimeShown(t);
                if (_ready && !_readyAnnounced) {
                    _readyAnnounced = true;
                    emit ready();
                }
            } else {
                emit problem(fromDiagnostics(r->messages()));
            }
            if (_maybeWantedTime) {
                const qint64 next = *_maybeWantedTime;
                _maybeWantedTime.reset();
                if (next != t)
                    requestScene(next);
            }
        });
}

void SensorMonitor::refreshAlerts() {
    if (!_queries)
        return;
    _alertsInFlight = true;
    _lastAlertRefresh = sensors::systemNowMs();
    _coverage->refresh();  // new readings since: the band grows
    // The alerts of the window the track shows (a day of years, once zoomed).
    const qint64 from = _bar.track()->viewFrom(), to = _bar.track()->viewTo();
    _queries->alerts(from, to).then(
        this, [this](SensorQueries::Answer<std::vector<sensors::AlertRecord>> r) {
            _alertsInFlight = false;
            if (!r->ok()) {
                emit problem(fromDiagnostics(r->messages()));
                return;
            }
            std::vector<TimelineMark> marks;
            marks.reserve(r->value().size());
            for (const auto& a : r->value())
                marks.push_back({a.raisedMs, a.maybeClearedMs.value_or(a.raisedMs),
                                 !a.maybeClearedMs.has_value(), a.maybeAckMs.has_value()});
            _bar.track()->setAlerts(std::move(marks));
            _alertPanel.setAlerts(r->value(), _shownTime);
            emit alertsRefreshed();
        });
    _queries->gaps().then(this, [this](SensorQueries::Answer<std::vector<sensors::StreamGap>> r) {
        if (!r->ok())
            return;
        std::vector<TimelineMark> gaps;
        for (const auto& g : r->value())
            gaps.push_back({g.startMs, g.endMs, g.endMs == g.startMs, false});
        _bar.track()->setGaps(std::move(gaps));
    });
}

void SensorMonitor::acknowledge(const std::vector<std::int64_t>& ids) {
    if (!_queries)
        return;
    const std::string by = qEnvironmentVariable("USER", QStringLiteral("operator")).toStdString();
    for (std::int64_t id : ids) {
        _queries->acknowledge(id, by, sensors::systemNowMs())
            .then(this, [this, id](std::shared_ptr<const geo::Status> s) {
                if (!s->ok())
                    emit problem(tr("Alert %1 not acknowledged: %2")
                                     .arg(id)
                                     .arg(fromDiagnostics(s->messages())));
                _lastAlertRefresh = 0;  // show the acknowledgement at once
            });
    }
}

void SensorMonitor::onFeaturePicked(const std::optional<render::PickHit>& hit) {
    if (!hit || hit->layerId != render::SensorGlyphLayer::kLayerId || !_glyphs)
        return;
    const auto& sensorsList = _glyphs->registry().sensors();
    if (hit->featureIndex < sensorsList.size())
        showSensor(sensorsList[hit->featureIndex].id);
}

void SensorMonitor::showSensor(const std::string& sensorId) {
    if (!_glyphs || !_queries)
        return;
    const sensors::SensorInfo* info = _glyphs->registry().find(sensorId);
    if (!info)
        return;
    const sensors::SensorInfo copy = *info;
    _queries->metricsOf(sensorId).then(
        this, [this, copy](SensorQueries::Answer<std::vector<std::string>> r) {
            _chart.showSensor(copy, r->ok() ? r->value() : std::vector<std::string>{});
            _historyFeed->refresh();
        });
}

namespace {
QString aqiCategoryText(sensors::AqiCategory c) {
    switch (c) {
        case sensors::AqiCategory::Excellent:
            return SensorMonitor::tr("excellent");
        case sensors::AqiCategory::Good:
            return SensorMonitor::tr("good");
        case sensors::AqiCategory::LightlyPolluted:
            return SensorMonitor::tr("lightly polluted");
        case sensors::AqiCategory::ModeratelyPolluted:
            return SensorMonitor::tr("moderately polluted");
        case sensors::AqiCategory::HeavilyPolluted:
            return SensorMonitor::tr("heavily polluted");
        case sensors::AqiCategory::SeverelyPolluted:
            return SensorMonitor::tr("severely polluted");
    }
    return {};
}
}  // namespace

std::optional<osg::BoundingSphere> SensorMonitor::recordedSensorsBound(
    const osg::Vec3d& alsoAround) const {
    if (!_glyphs)
        return std::nullopt;
    osg::BoundingSphere bs;
    for (const auto& id : _recordedIds)
        if (auto i = _glyphs->indexOf(id))
            bs.expandBy(_glyphs->headPosition(*i));
    if (!bs.valid())
        return std::nullopt;
    bs.expandBy(alsoAround);
    return bs;
}

std::vector<std::pair<QString, QString>> SensorMonitor::liveAttributes(std::size_t i) const {
    std::vector<std::pair<QString, QString>> rows;
    if (!_glyphs || i >= _glyphs->shownStatuses().size() || i >= _glyphs->registry().size())
        return rows;
    const sensors::SensorInfo& info = _glyphs->registry().sensors()[i];
    const sensors::SensorStatus& st = _glyphs->shownStatuses()[i];
    rows.push_back({tr("state"), QString::fromUtf8(sensors::toString(st.level).data())});
    if (!st.maybeValue)
        return rows;
    rows.push_back({tr("value"), QStringLiteral("%1 %2")
                                     .arg(*st.maybeValue, 0, 'f', 1)
                                     .arg(QString::fromStdString(info.unit))});
    rows.push_back({tr("measured"), QString::fromStdString(sensors::formatIso8601(st.valueTs))});
    if (sensors::isPm25Metric(info.metric)) {
        const int iaqi = sensors::pm25Iaqi(*st.maybeValue);
        rows.push_back(
            {tr("AQI band (HJ 633-2012)"),
             tr("%1 (IAQI %2)").arg(aqiCategoryText(sensors::aqiCategoryOf(iaqi))).arg(iaqi)});
    }
    return rows;
}

}  // namespace citytwin::app
