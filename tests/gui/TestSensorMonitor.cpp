// The operator's sensor view driven in-process like a user: the demo's
// simulated sensors on the map, the timeline, alerts and their
// acknowledgement, a sensor's history, playback, and a live MQTT stream from
// a real mosquitto broker turning a pin red.

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidgetItem>
#include <QWheelEvent>

#include <cmath>

#include "GuiTestSupport.h"
#include "MosquittoBroker.h"
#include "PostgresServer.h"
#include "WindowTestSupport.h"
#include "citytwin/sensors/MqttPublisher.h"
#include "citytwin/sensors/SensorStatus.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"
#include "citytwin/test/TestPaths.h"
#include "layers/LayerTreePanel.h"
#include "sensors/AlertPanel.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorMonitor.h"
#include "sensors/TimelineTrack.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

constexpr qint64 kMinute = 60'000;

std::unique_ptr<MainWindow> openDemo(AppOptions options) {
    if (options.size == QSize(1280, 800))
        options.size = QSize(900, 560);
    auto w = std::make_unique<MainWindow>(options);
    QSignalSpy loaded(w.get(), &MainWindow::sceneLoaded);
    w->show();
    w->start();
    EXPECT_TRUE(loaded.wait(180000)) << "scene did not load";
    return w;
}

QImage grab(MainWindow& w) {
    QCoreApplication::processEvents();
    return w.view()->grabFramebuffer();
}

/// A second connection to the window's store, as another tool would open it.
sensors::SensorStore openStore(MainWindow& w) {
    auto s = sensors::SensorStore::open(w.sensorMonitor()->storePath().toStdString());
    EXPECT_TRUE(s) << s.messages();
    return std::move(s.value());
}

/// Waits until the pins show the state at t: the query runs on a worker,
/// the pins change in the next frame's update phase.
bool waitUntilShown(MainWindow& w, qint64 t) {
    if (!QTest::qWaitFor([&] { return w.sensorMonitor()->shownTime() == t; }, 10000))
        return false;
    return QTest::qWaitFor(
        [&] {
            w.view()->grabFramebuffer();  // a frame, whose update phase applies the state
            return w.sensorMonitor()->glyphs()->shownTime() == t;
        },
        10000);
}

QColor toQColor(const osg::Vec4& c) {
    return QColor::fromRgbF(c.r(), c.g(), c.b());
}

bool closeTo(QColor a, QColor b, int tolerance = 40) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue()) <=
           tolerance;
}

/// Pins whose centre pixel has their level's colour, of the pins in view.
std::pair<int, int> pinsShowingTheirLevel(MainWindow& w, const QImage& image) {
    auto* glyphs = w.sensorMonitor()->glyphs();
    const auto& shown = glyphs->shownStatuses();
    const double dpr = w.view()->devicePixelRatioF();
    int inView = 0, matching = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        auto p = w.view()->widgetPointOf(glyphs->headPosition(i));
        if (!p)
            continue;
        const QPoint px(int(std::lround(p->x() * dpr)), int(std::lround(p->y() * dpr)));
        if (!image.rect().adjusted(8, 8, -8, -8).contains(px))
            continue;
        ++inView;
        const QColor expected = toQColor(
            render::SensorGlyphLayer::colourFor(glyphs->registry().sensors()[i], shown[i]));
        if (closeTo(image.pixelColor(px), expected))
            ++matching;
    }
    return {inView, matching};
}

/// The longest alert of the stored day that has cleared.
std::optional<sensors::AlertRecord> longestClosedAlert(sensors::SensorStore& store) {
    auto range = store.timeRange();
    EXPECT_TRUE(range) << range.messages();
    // The simulated day only: the recorded monitors' 2013-2015 alerts are
    // years before the track's day.
    auto alerts = store.alerts(
        std::max<sensors::TimeMs>(range->first, range->second - 24 * 60 * kMinute), range->second);
    EXPECT_TRUE(alerts) << alerts.messages();
    std::optional<sensors::AlertRecord> best;
    for (const auto& a : alerts.value())
        if (a.maybeClearedMs && a.kind != sensors::AlertKind::Stale &&
            (!best || *a.maybeClearedMs - a.raisedMs > *best->maybeClearedMs - best->raisedMs))
            best = a;
    return best;
}

}  // namespace

TEST(SensorMonitor, demoShowsEverySensorPinInTheColourOfItsState) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    SensorMonitor* m = w->sensorMonitor();
    ASSERT_TRUE(m->isStarted());
    ASSERT_TRUE(m->isReady());
    EXPECT_TRUE(w->playbackBar()->isVisible());

    // The simulator filled the store with a day of history before the first
    // state was drawn, with no broker anywhere.
    auto store = openStore(*w);
    auto stats = store.stats();
    ASSERT_TRUE(stats) << stats.messages();
    EXPECT_EQ(stats->registeredSensors, 38 + 3);  // + the three recorded monitors
    EXPECT_GT(stats->readings, 38 * 1000);
    ASSERT_TRUE(stats->maybeFirstTs && stats->maybeLastTs);
    EXPECT_GT(*stats->maybeLastTs - *stats->maybeFirstTs, 23 * 60 * kMinute);

    QTreeWidgetItem* item = w->layerTree()->itemFor("sensors");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->checkState(0), Qt::Checked);

    const QImage image = grab(*w);
    image.save(test::outputDir() + "/sensors-demo-top.png");
    const auto [inView, matching] = pinsShowingTheirLevel(*w, image);
    EXPECT_GE(inView, 20) << "the top view should see most of the 38 demo sensors";
    EXPECT_GE(matching, inView * 8 / 10) << matching << " of " << inView;

    // Unticking the layer removes the pins: their pixels change.
    w->layerTree()->setFocus();
    w->layerTree()->setCurrentItem(item);
    QTest::keyClick(w->layerTree(), Qt::Key_Space);
    const QImage hidden = grab(*w);
    const auto [inView2, matching2] = pinsShowingTheirLevel(*w, hidden);
    EXPECT_LT(matching2, matching / 3) << "pins still drawn after hiding the layer";
    (void)inView2;
}

TEST(SensorMonitor, december2013SmogShowsTheRealMonitorsInChinasAqiColours) {
    // citytwin --time 2013-12-06T12:00+08:00: the demo opens on the smog.
    AppOptions o;
    o.viewName = "top";
    const qint64 t = sensors::parseIso8601("2013-12-06T12:00+08:00").value();
    o.maybeStartTimeMs = t;
    auto w = openDemo(o);
    SensorMonitor* m = w->sensorMonitor();
    ASSERT_TRUE(m->isReady());
    ASSERT_TRUE(waitUntilShown(*w, t));
    auto* glyphs = m->glyphs();
    const auto jingan = glyphs->indexOf("sh-jingan");
    ASSERT_TRUE(jingan);
    // The recorded value at noon, imported at start from data/demo/history.
    const sensors::SensorStatus& st = glyphs->shownStatuses()[*jingan];
    ASSERT_TRUE(st.maybeValue);
    EXPECT_EQ(*st.maybeValue, 607.0);
    EXPECT_EQ(st.valueTs, t);
    for (const char* id : {"sh-xuhui", "sh-us-consulate"}) {
        const auto i = glyphs->indexOf(id);
        ASSERT_TRUE(i);
        ASSERT_TRUE(glyphs->shownStatuses()[*i].maybeValue) << id;
        EXPECT_GT(*glyphs->shownStatuses()[*i].maybeValue, 250.0) << id;  // severely polluted
    }
    // The attribute panel names the band.
    bool named = false;
    for (const auto& [name, value] : m->liveAttributes(*jingan))
        named = named || value.contains(QStringLiteral("severely polluted"));
    EXPECT_TRUE(named);

    // Look at the pin: China's AQI maroon (#7E0023), not the alert red.
    w->view()->flyTo(glyphs->headPosition(*jingan), 900.0);
    grab(*w);
    QImage image = grab(*w);
    image.save(test::outputDir() + "/sensors-december-2013-jingan.png");
    auto p = w->view()->widgetPointOf(glyphs->headPosition(*jingan));
    ASSERT_TRUE(p);
    const double dpr = w->view()->devicePixelRatioF();
    const QPoint px(int(std::lround(p->x() * dpr)), int(std::lround(p->y() * dpr)));
    EXPECT_TRUE(closeTo(image.pixelColor(px), QColor(0x7E, 0x00, 0x23)))
        << image.pixelColor(px).name().toStdString();

    // The next morning (07:00, 221 µg/m³) the pin is heavily-polluted
    // purple (#99004C); that evening (18:00, 143 µg/m³) moderately red.
    struct Then {
        const char* time;
        double value;
        QColor colour;
        const char* png;
    };
    for (const Then& then : {Then{"2013-12-07T07:00+08:00", 221.0, QColor(0x99, 0x00, 0x4C),
                                  "sensors-december-2013-jingan-purple.png"},
                             Then{"2013-12-07T18:00+08:00", 143.0, QColor(0xFF, 0x00, 0x00),
                                  "sensors-december-2013-jingan-red.png"}}) {
        const qint64 at = sensors::parseIso8601(then.time).value();
        m->seek(at);
        ASSERT_TRUE(waitUntilShown(*w, at));
        EXPECT_EQ(*glyphs->shownStatuses()[*jingan].maybeValue, then.value) << then.time;
        image = grab(*w);
        image.save(test::outputDir() + "/" + then.png);
        EXPECT_TRUE(closeTo(image.pixelColor(px), then.colour))
            << then.time << " " << image.pixelColor(px).name().toStdString();
    }
}

TEST(SensorMonitor, aReplayOpensOnTheRealMonitorsBesideTheCity) {
    // citytwin --time 2013-12-06T12:00+08:00 with no view named: the three
    // monitors (west of the demo's city area) and the city are in view.
    AppOptions o;
    const qint64 t = sensors::parseIso8601("2013-12-06T12:00+08:00").value();
    o.maybeStartTimeMs = t;
    auto w = openDemo(o);
    ASSERT_TRUE(waitUntilShown(*w, t));
    auto* glyphs = w->sensorMonitor()->glyphs();
    const QImage image = grab(*w);
    image.save(test::outputDir() + "/sensors-december-2013-overview.png");
    const QRect inside = w->view()->rect().adjusted(4, 4, -4, -4);
    for (const char* id : {"sh-jingan", "sh-xuhui", "sh-us-consulate"}) {
        const auto i = glyphs->indexOf(id);
        ASSERT_TRUE(i) << id;
        const auto p = w->view()->widgetPointOf(glyphs->headPosition(*i));
        ASSERT_TRUE(p) << id;
        EXPECT_TRUE(inside.contains(p->toPoint())) << id;
    }
    // The city is drawn too (not only the background around the pins).
    EXPECT_GT(test::analyseImage(image).differentFromBackground, 0.05);
}

TEST(SensorMonitor, seekingOnTheTimelineShowsTheAlertStateAtThatTime) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    SensorMonitor* m = w->sensorMonitor();
    auto store = openStore(*w);
    const auto alert = longestClosedAlert(store);
    ASSERT_TRUE(alert) << "the simulated day raised no alert that cleared";
    auto* glyphs = m->glyphs();
    const auto index = glyphs->indexOf(alert->sensorId);
    ASSERT_TRUE(index);

    // Click the timeline in the middle of the alert.
    TimelineTrack* track = w->playbackBar()->track();
    const qint64 middle = alert->raisedMs + (*alert->maybeClearedMs - alert->raisedMs) / 2;
    // Years of recorded history are stored: the track shows the last day.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return track->viewTo() - track->viewFrom() <= 25 * 60 * kMinute; }, 5000))
        << track->viewFrom() << " .. " << track->viewTo() << " of " << track->rangeFrom() << " .. "
        << track->rangeTo();
    QTest::mouseClick(track, Qt::LeftButton, Qt::NoModifier,
                      QPoint(track->xOf(middle), track->height() / 2));
    const qint64 clicked = m->clock().now();
    EXPECT_EQ(m->clock().mode(), sensors::PlaybackClock::Mode::Paused);
    ASSERT_TRUE(waitUntilShown(*w, clicked));
    // What the store says about that instant, independently.
    auto stateThen = store.sceneStateAt(clicked);
    ASSERT_TRUE(stateThen) << stateThen.messages();
    const auto expected = sensors::sensorStatusesAt(glyphs->registry(), stateThen.value());
    ASSERT_EQ(glyphs->shownStatuses().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(glyphs->shownStatuses()[i].level, expected[i].level)
            << glyphs->registry().sensors()[i].id;

    // Fly to the sensor and look at its pin: red while the alert is active.
    w->view()->flyTo(glyphs->headPosition(*index), 900.0);
    grab(*w);
    QImage image = grab(*w);
    auto p = w->view()->widgetPointOf(glyphs->headPosition(*index));
    ASSERT_TRUE(p);
    const double dpr = w->view()->devicePixelRatioF();
    const QPoint px(int(std::lround(p->x() * dpr)), int(std::lround(p->y() * dpr)));
    // In alert: alert red, or for a PM2.5 sensor its AQI band's colour.
    const QColor red = toQColor(render::SensorGlyphLayer::colourFor(
        glyphs->registry().sensors()[*index], glyphs->shownStatuses()[*index]));
    if (alert->isActiveAt(clicked)) {
        EXPECT_EQ(glyphs->shownStatuses()[*index].level, sensors::SensorLevel::Alert);
        EXPECT_TRUE(closeTo(image.pixelColor(px), red))
            << image.pixelColor(px).name().toStdString();
    }
    image.save(test::outputDir() + "/sensors-alert-active.png");

    // The alert panel marks it active at the scene time (bold).
    AlertPanel* panel = w->alertPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->alerts().empty(); }, 10000));
    bool foundBold = false;
    for (int r = 0; r < panel->table()->rowCount(); ++r)
        if (panel->alerts()[std::size_t(r)].id == alert->id)
            foundBold = panel->table()->item(r, 0)->font().bold();
    EXPECT_EQ(foundBold, alert->isActiveAt(clicked));

    // An hour before the alert, with nothing active for that sensor, the pin is not red.
    const qint64 before = alert->raisedMs - 60 * kMinute;
    auto earlier = store.sceneStateAt(before);
    ASSERT_TRUE(earlier);
    bool sensorInAlertBefore = false;
    for (const auto& a : earlier->activeAlerts)
        sensorInAlertBefore |= a.sensorId == alert->sensorId;
    if (!sensorInAlertBefore) {
        w->playbackBar()->track()->setFocus();
        QTest::mouseClick(track, Qt::LeftButton, Qt::NoModifier,
                          QPoint(track->xOf(before), track->height() / 2));
        ASSERT_TRUE(waitUntilShown(*w, m->clock().now()));
        image = grab(*w);
        // Not in alert then: the level's colour, or a PM2.5 pin's AQI band
        // (which may be the same band as during the alert).
        const auto& sensor = glyphs->registry().sensors()[*index];
        const auto& then = glyphs->shownStatuses()[*index];
        EXPECT_NE(then.level, sensors::SensorLevel::Alert);
        EXPECT_TRUE(closeTo(image.pixelColor(px),
                            toQColor(render::SensorGlyphLayer::colourFor(sensor, then))))
            << image.pixelColor(px).name().toStdString();
        if (!sensors::isPm25Metric(sensor.metric)) {
            EXPECT_FALSE(closeTo(image.pixelColor(px), red))
                << image.pixelColor(px).name().toStdString();
        }
        image.save(test::outputDir() + "/sensors-before-alert.png");
    }
}

TEST(SensorMonitor, acknowledgingAnAlertIsStoredWithTheOperatorsName) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    AlertPanel* panel = w->alertPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->alerts().empty(); }, 15000));
    auto store = openStore(*w);
    // The panel lists the alerts of the window the track shows.
    auto all =
        store.alerts(w->playbackBar()->track()->viewFrom(), w->playbackBar()->track()->viewTo());
    ASSERT_TRUE(all);
    EXPECT_NEAR(double(panel->alerts().size()), double(all->size()),
                2.0);  // live alerts may arrive
    EXPECT_FALSE(panel->acknowledgeButton()->isEnabled());

    panel->table()->selectRow(0);
    const std::int64_t id = panel->alerts().front().id;
    ASSERT_TRUE(panel->acknowledgeButton()->isEnabled());
    QTest::mouseClick(panel->acknowledgeButton(), Qt::LeftButton);
    auto acknowledged = [&] {
        auto now = store.alerts(0, sensors::systemNowMs() + kMinute);
        for (const auto& a : now.value())
            if (a.id == id)
                return a.maybeAckMs.has_value() && !a.ackBy.empty();
        return false;
    };
    EXPECT_TRUE(QTest::qWaitFor(acknowledged, 10000));
    // The panel shows it after its next refresh.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            for (const auto& a : panel->alerts())
                if (a.id == id)
                    return a.maybeAckMs.has_value();
            return false;
        },
        10000));
}

TEST(SensorMonitor, clickingAPinShowsTheSensorsHistoryAroundTheSceneTime) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    auto* glyphs = w->sensorMonitor()->glyphs();
    const auto index = glyphs->indexOf("aq-01");
    ASSERT_TRUE(index);
    w->view()->flyTo(glyphs->headPosition(*index), 600.0);
    grab(*w);
    grab(*w);
    auto p = w->view()->widgetPointOf(glyphs->headPosition(*index));
    ASSERT_TRUE(p);
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, p->toPoint());
    SensorHistoryChart* chart = w->historyChart();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !chart->points().empty(); }, 10000));
    ASSERT_TRUE(chart->sensor());
    EXPECT_EQ(chart->sensor()->id, "aq-01");
    EXPECT_EQ(chart->shownMetric(), chart->sensor()->metric);
    auto store = openStore(*w);
    const auto [from, to] = chart->range();
    EXPECT_LE(from, w->sensorMonitor()->clock().now());
    // Three hours: raw readings (the span picks the resolution).
    EXPECT_EQ(chart->shownAggregation(), sensors::Aggregation::Raw);
    auto history =
        store.history("aq-01", chart->shownMetric(), from, to, chart->shownAggregation());
    ASSERT_TRUE(history);
    // The chart shows what the store holds (live: a few more may have come).
    EXPECT_NEAR(double(chart->points().size()), double(history->size()), 4.0);
    EXPECT_GT(chart->points().size(), 100u);
    chart->grab().save(test::outputDir() + "/sensors-history-chart.png");
    test::grabWholeWindow(*w).save(test::outputDir() + "/sensors-window.png");
}

TEST(SensorMonitor, playAtAnHourASecondThenPauseThenLive) {
    AppOptions o;
    o.viewName = "top";
    const qint64 start = sensors::systemNowMs() - 20 * 60 * kMinute;
    o.maybeStartTimeMs = start;
    auto w = openDemo(o);
    SensorMonitor* m = w->sensorMonitor();
    EXPECT_EQ(m->clock().mode(), sensors::PlaybackClock::Mode::Paused);
    EXPECT_EQ(m->clock().now(), start);

    PlaybackBar* bar = w->playbackBar();
    bar->speedBox()->setCurrentIndex(bar->speedBox()->findData(3600.0));
    QTest::mouseClick(bar->playButton(), Qt::LeftButton);
    EXPECT_EQ(m->clock().mode(), sensors::PlaybackClock::Mode::Playing);
    // 1.5 s at 3600x is 1.5 h; half an hour is generous for a loaded machine.
    (void)QTest::qWaitFor([&] { return m->clock().now() - start > 30 * kMinute; }, 10000);
    const qint64 played = m->clock().now() - start;
    EXPECT_GT(played, 30 * kMinute);  // 1.5 s at 3600x is 1.5 h; generous for a loaded machine
    // The pins follow the clock while it plays.
    EXPECT_TRUE(QTest::qWaitFor([&] { return m->shownTime() > start + 30 * kMinute; }, 5000));

    QTest::mouseClick(bar->playButton(), Qt::LeftButton);
    EXPECT_EQ(m->clock().mode(), sensors::PlaybackClock::Mode::Paused);
    const qint64 held = m->clock().now();
    // Still held once the wall clock has moved on: 50 ms would be three scene
    // minutes at 3600x. Stops at once if the clock moves.
    const qint64 pausedAt = sensors::systemNowMs();
    (void)QTest::qWaitFor(
        [&] { return m->clock().now() != held || sensors::systemNowMs() >= pausedAt + 50; }, 5000);
    EXPECT_EQ(m->clock().now(), held);
    EXPECT_TRUE(bar->timeLabel()->text().startsWith(shanghaiTimeText(held).left(13)));

    QTest::mouseClick(bar->liveButton(), Qt::LeftButton);
    EXPECT_EQ(m->clock().mode(), sensors::PlaybackClock::Mode::Live);
    EXPECT_NEAR(double(m->clock().now()), double(sensors::systemNowMs()), 5000.0);
}

TEST(SensorMonitor, aLiveMqttReadingAboveTheThresholdTurnsThePinRed) {
    QTemporaryDir dir;
    test::MosquittoBroker broker(dir.path().toStdString());
    ASSERT_TRUE(broker.start());
    AppOptions o;
    o.viewName = "top";
    o.mqttBroker = QStringLiteral("127.0.0.1:%1").arg(broker.port());
    o.sensorStore = dir.filePath("live.db");
    auto w = openDemo(o);
    SensorMonitor* m = w->sensorMonitor();
    auto* glyphs = m->glyphs();
    const auto index = glyphs->indexOf("aq-01");
    ASSERT_TRUE(index);
    const auto& sensor = glyphs->registry().sensors()[*index];
    ASSERT_TRUE(sensor.thresholds.high);
    // Nothing has been published: the pin says "no data".
    ASSERT_TRUE(QTest::qWaitFor([&] { return glyphs->appliedVersion() > 0; }, 10000));
    EXPECT_EQ(glyphs->shownStatuses()[*index].level, sensors::SensorLevel::NoData);

    sensors::MqttOptions po;
    po.host = "127.0.0.1";
    po.port = broker.port();
    po.qos = 1;
    sensors::MqttPublisher publisher(po);
    auto connected = publisher.connect();
    ASSERT_TRUE(connected) << connected.messages();
    // Publish like a device does, every half second, until the pin turns:
    // the window's subscription may not be in place for the first message
    // (a QoS 1 message sent before it is not kept for it).
    const double value = *sensor.thresholds.high * 2;
    auto isAlert = [&] {
        return glyphs->shownStatuses()[*index].level == sensors::SensorLevel::Alert;
    };
    // The readings carry their own times 5 s apart from two minutes ago, so
    // that the sensor's on-delay (sensor time) passes without waiting for it.
    const qint64 t0 = sensors::systemNowMs() - 120000;
    for (int i = 0; i < 40 && !isAlert(); ++i) {
        const std::string payload =
            "{\"sensor\":\"aq-01\",\"ts\":" + std::to_string(t0 + 5000 * i) + ",\"values\":{\"" +
            sensor.metric + "\":" + std::to_string(value) + "}}";
        auto sent = publisher.publish("city/sensors/aq-01", payload);
        ASSERT_TRUE(sent) << sent.messages();
        if (QTest::qWaitFor(isAlert, 500))
            break;
    }
    EXPECT_TRUE(QTest::qWaitFor(isAlert, 10000))
        << "level " << sensors::toString(glyphs->shownStatuses()[*index].level);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !w->alertPanel()->alerts().empty(); }, 10000));
    w->view()->flyTo(glyphs->headPosition(*index), 700.0);
    grab(*w);
    grab(*w).save(test::outputDir() + "/sensors-live-mqtt-alert.png");
}

// A page-corrupted store given with --sensor-store is refused with a message
// naming it (and the way out), and the window does not write into it.
TEST(SensorMonitor, refusesADamagedStoreNamingIt) {
    QTemporaryDir dir;
    const QString path = dir.filePath("damaged.db");
    {
        auto store = sensors::SensorStore::open(path.toStdString());
        ASSERT_TRUE(store) << store.messages();
        std::vector<sensors::Reading> readings;
        const qint64 now = sensors::systemNowMs();
        for (int i = 0; i < 60'000; ++i)
            readings.push_back({"aq-" + std::to_string(i % 40), "pm25", now - 3'600'000 + i * 50,
                                double(i % 90), now});
        ASSERT_TRUE(store.value().write(readings));
    }
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.seek(file.size() / 2 / 4096 * 4096);
    file.write(QByteArray(2 * 4096, char(0x5A)));
    file.close();
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    AppOptions o;
    o.size = QSize(900, 560);
    o.sensorStore = path;
    MainWindow w(o);
    w.setUnattended(true);
    QSignalSpy loaded(&w, &MainWindow::sceneLoaded);
    w.show();
    w.start();
    ASSERT_TRUE(loaded.wait(180000));
    EXPECT_FALSE(w.sensorMonitor()->isStarted());
    const QString errors = w.loadErrors().join('\n');
    EXPECT_TRUE(errors.contains(path)) << errors.toStdString();
    EXPECT_TRUE(errors.contains("damaged")) << errors.toStdString();
    EXPECT_TRUE(errors.contains("store-recover")) << errors.toStdString();
    QFile after(path);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), before) << "the window wrote into the damaged store";
}

TEST(SensorMonitor, speaksChinese) {
    EXPECT_EQ(installTranslators(*qApp, "zh_CN"), "zh_CN");
    {
        AppOptions o;
        o.viewName = "lujiazui";
        auto w = openDemo(o);
        EXPECT_EQ(w->playbackBar()->liveButton()->text(), QString::fromUtf8("实时"));
        EXPECT_EQ(w->alertPanel()->acknowledgeButton()->text(), QString::fromUtf8("确认所选告警"));
        EXPECT_EQ(w->alertPanel()->table()->horizontalHeaderItem(0)->text(),
                  QString::fromUtf8("告警时间"));
        ASSERT_TRUE(QTest::qWaitFor([&] { return !w->alertPanel()->alerts().empty(); }, 10000));
        test::grabWholeWindow(*w).save(test::outputDir() + "/sensors-window-zh.png");
    }
    installTranslators(*qApp, "en");
}

TEST(TimelineTrack, wheelZoomsFromYearsToMinutesAroundThePointer) {
    TimelineTrack track;
    track.resize(612, 46);
    const qint64 from = sensors::parseIso8601("2013-01-29T06:00+08:00").value();
    const qint64 to = sensors::parseIso8601("2015-12-31T23:00+08:00").value();
    track.setRange(from, to);
    track.show();
    EXPECT_EQ(track.viewFrom(), from);
    EXPECT_EQ(track.viewTo(), to);
    auto wheel = [&](int x, int clicks) {
        QWheelEvent e(QPointF(x, 20), track.mapToGlobal(QPointF(x, 20)), QPoint(),
                      QPoint(0, 120 * clicks), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                      false);
        QApplication::sendEvent(&track, &e);
    };
    const int x = track.xOf(sensors::parseIso8601("2013-12-06T12:00+08:00").value());
    const qint64 under = track.timeAt(x);
    wheel(x, 1);  // one click in: half the span, the time under the pointer stays
    EXPECT_NEAR(double(track.viewTo() - track.viewFrom()), double(to - from) / 2, 2.0);
    EXPECT_NEAR(double(track.timeAt(x)), double(under), double(to - from) / 600.0);
    for (int i = 0; i < 30; ++i)
        wheel(x, 1);
    EXPECT_EQ(track.viewTo() - track.viewFrom(), 10 * kMinute);  // the finest zoom
    EXPECT_GE(track.viewFrom(), from);
    // Every zoom paints its labels (years .. minutes) without piling them up.
    for (int i = 0; i < 40; ++i) {
        QImage image(track.size(), QImage::Format_ARGB32);
        track.render(&image);
        wheel(x, -1);
    }
    EXPECT_EQ(track.viewFrom(), from);  // zoomed out past the range: the whole range
    EXPECT_EQ(track.viewTo(), to);
}

TEST(PlaybackBar, typedDatesInEitherLanguageJumpThereInShanghaiTime) {
    const qint64 noon = sensors::parseIso8601("2013-12-06T12:00+08:00").value();
    for (const char* typed : {"2013-12-06 12:00", "2013/12/6 12", "2013-12-06T12:00",
                              "2013年12月6日 12:00", "2013年12月6日12时", "2013-12-06T04:00:00Z"})
        EXPECT_EQ(parseTypedTime(QString::fromUtf8(typed)), noon) << typed;
    EXPECT_EQ(parseTypedTime(QStringLiteral("2013-12-06")),
              sensors::parseIso8601("2013-12-06T00:00+08:00").value());
    for (const char* bad : {"", "yesterday", "2013-13-01", "2013-02-30 10:00", "2013-12-06 25:00"})
        EXPECT_FALSE(parseTypedTime(QString::fromUtf8(bad))) << bad;

    PlaybackBar bar;
    QSignalSpy seeks(&bar, &PlaybackBar::seekRequested);
    bar.goToEdit()->setText(QStringLiteral("2013年12月6日 12:00"));
    QTest::keyClick(bar.goToEdit(), Qt::Key_Return);
    ASSERT_EQ(seeks.count(), 1);
    EXPECT_EQ(seeks.at(0).at(0).toLongLong(), noon);
    bar.goToEdit()->setText(QStringLiteral("not a date"));
    QTest::keyClick(bar.goToEdit(), Qt::Key_Return);
    EXPECT_EQ(seeks.count(), 1);
}

// The window on a PostgreSQL store (citytwin --sensor-store postgresql://...):
// the simulated day goes to the server, the timeline shows its coverage, and
// a click on the track shows the state the server's store has for that time.
TEST(SensorMonitor, timelineAndSeekWorkOnAPostgresqlStore) {
    if (const auto why = test::PostgresServer::missingReason(); !why.empty())
        GTEST_SKIP() << why;
    test::PostgresServer server("gui-sensors");
    ASSERT_TRUE(server.start()) << server.error();
    AppOptions o;
    o.viewName = "top";
    o.sensorStore = QString::fromStdString(server.uri());
    auto w = openDemo(o);
    SensorMonitor* m = w->sensorMonitor();
    ASSERT_TRUE(m->isStarted());
    EXPECT_EQ(m->storePath().toStdString(), server.uri());
    auto store = openStore(*w);
    auto stats = store.stats();
    ASSERT_TRUE(stats) << stats.messages();
    EXPECT_GT(stats->readings, 38 * 1000);
    TimelineTrack* track = w->playbackBar()->track();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !track->coverage().empty(); }, 20000))
        << "no coverage band from the PostgreSQL store";
    const auto alert = longestClosedAlert(store);
    ASSERT_TRUE(alert) << "the simulated day raised no alert that cleared";
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return track->viewTo() - track->viewFrom() <= 25 * 60 * kMinute; }, 5000));
    const qint64 middle = alert->raisedMs + (*alert->maybeClearedMs - alert->raisedMs) / 2;
    QTest::mouseClick(track, Qt::LeftButton, Qt::NoModifier,
                      QPoint(track->xOf(middle), track->height() / 2));
    const qint64 clicked = m->clock().now();
    ASSERT_TRUE(waitUntilShown(*w, clicked));
    auto stateThen = store.sceneStateAt(clicked);
    ASSERT_TRUE(stateThen) << stateThen.messages();
    auto* glyphs = m->glyphs();
    const auto expected = sensors::sensorStatusesAt(glyphs->registry(), stateThen.value());
    ASSERT_EQ(glyphs->shownStatuses().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(glyphs->shownStatuses()[i].level, expected[i].level)
            << glyphs->registry().sensors()[i].id;
    const auto index = glyphs->indexOf(alert->sensorId);
    ASSERT_TRUE(index);
    EXPECT_EQ(glyphs->shownStatuses()[*index].level, sensors::SensorLevel::Alert)
        << alert->sensorId << " is not in alert at the clicked time";
}
