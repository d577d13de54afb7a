// Live status in the window (issue #15 item 7) against a real mosquitto
// broker: readings of a sensor the registry does not know are counted and
// listed (and can be added to the registry at a position), rejected
// payloads are counted, a stopped broker shows "reconnecting since", a new
// alert raises a toast that goes to the sensor on click, and one click on
// an alert row goes to it.

#include <gtest/gtest.h>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "GuiTestSupport.h"
#include "MosquittoBroker.h"
#include "WindowTestSupport.h"
#include "citytwin/sensors/MqttPublisher.h"
#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/sensors/TimeFormat.h"
#include "citytwin/test/TestPaths.h"
#include "sensors/AlertPanel.h"
#include "sensors/AlertToast.h"
#include "sensors/LiveStatus.h"
#include "sensors/LiveStatusDialog.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorMonitor.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

struct LiveWindow {
    QTemporaryDir dir;
    std::unique_ptr<test::MosquittoBroker> broker;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<sensors::MqttPublisher> publisher;
    QString registry;

    bool open() {
        broker = std::make_unique<test::MosquittoBroker>(dir.path().toStdString());
        if (!broker->start())
            return false;
        // The operator's own copy of the registry: adding a sensor writes to it.
        registry = dir.filePath("sensors.csv");
        if (!QFile::copy(QString(test::kRepoDataDir) + "/demo/sensors.csv", registry))
            return false;
        (void)QFile::setPermissions(registry, QFile::ReadOwner | QFile::WriteOwner);
        AppOptions o;
        o.size = QSize(1000, 620);
        o.viewName = "top";
        o.mqttBroker = QStringLiteral("127.0.0.1:%1").arg(broker->port());
        o.sensorStore = dir.filePath("live.db");
        o.sensorRegistry = registry;
        window = std::make_unique<MainWindow>(o);
        QSignalSpy loaded(window.get(), &MainWindow::sceneLoaded);
        window->show();
        window->start();
        if (!loaded.wait(180000))
            return false;
        sensors::MqttOptions po;
        po.host = "127.0.0.1";
        po.port = broker->port();
        po.qos = 1;
        publisher = std::make_unique<sensors::MqttPublisher>(po);
        return bool(publisher->connect());
    }
    /// Publishes until `done` holds (the window's subscription may not be in
    /// place for the first messages), at most ~20 s.
    template <typename F>
    bool publishUntil(const std::string& topic, const std::function<std::string()>& payload,
                      F done) {
        for (int i = 0; i < 40 && !done(); ++i) {
            if (!publisher->publish(topic, payload()))
                return false;
            if (QTest::qWaitFor(done, 500))
                return true;
        }
        return done();
    }
};

std::string reading(const std::string& sensor, const std::string& metric, double value) {
    return "{\"sensor\":\"" + sensor + "\",\"ts\":" + std::to_string(sensors::systemNowMs()) +
           ",\"values\":{\"" + metric + "\":" + std::to_string(value) + "}}";
}

}  // namespace

TEST(LiveStatus, countsAndListsUnknownSensorsRejectedPayloadsAndABrokerLoss) {
    LiveWindow live;
    ASSERT_TRUE(live.open());
    MainWindow& w = *live.window;
    LiveStatus* status = w.liveStatus();
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->isVisible());
    ASSERT_TRUE(QTest::qWaitFor([&] { return status->state().connected; }, 20000))
        << status->text().toStdString();
    EXPECT_TRUE(status->text().contains("MQTT connected")) << status->text().toStdString();
    EXPECT_EQ(status->state().unknownSensors, 0u);

    // A device the registry has never heard of.
    ASSERT_TRUE(live.publishUntil(
        "city/sensors/zz-77", [] { return reading("zz-77", "pm25", 42.5); },
        [&] {
            status->refresh();
            return status->state().unknownSensors == 1;
        }));
    EXPECT_GE(status->state().unknownReadings, 1u);
    EXPECT_TRUE(status->text().contains("1 unknown sensor")) << status->text().toStdString();
    // The rate is of the last 5 s: while readings arrive it shows (on a busy
    // machine the first one may already be older than that).
    EXPECT_TRUE(live.publishUntil(
        "city/sensors/zz-77", [] { return reading("zz-77", "pm25", 43.0); },
        [&] {
            status->refresh();
            return status->state().readingsPerSecond > 0.0;
        }));
    // And a payload that is not a reading.
    ASSERT_TRUE(live.publishUntil(
        "city/sensors/aq-02", [] { return std::string("{\"sensor\": \"aq-02\", \"values\": 7"); },
        [&] {
            status->refresh();
            return status->state().rejected >= 1;
        }));
    EXPECT_TRUE(status->text().contains("rejected")) << status->text().toStdString();
    test::grabWholeWindow(w).save(test::outputDir() + "/live-status-unknown.png");

    // The details list it; the operator places it and adds it to the registry.
    bool sawDialog = false;
    QString result;
    QTimer::singleShot(0, [&] {
        auto* d = qobject_cast<LiveStatusDialog*>(QApplication::activeModalWidget());
        if (!d)
            return;
        sawDialog = true;
        QTableWidget* t = d->unknownTable();
        if (t->rowCount() == 1 && t->item(0, 0)->text() == "zz-77") {
            t->selectRow(0);
            d->longitudeBox()->setValue(121.5012);
            d->latitudeBox()->setValue(31.2405);
            d->findChild<QLineEdit*>("newSensorName")->setText(QString::fromUtf8("世纪大道 测试"));
            QTest::mouseClick(d->addButton(), Qt::LeftButton);
            result = d->findChild<QLabel*>("addResult")->text();
        }
        d->grab().save(test::outputDir() + "/live-status-details.png");
        d->reject();
    });
    QTest::mouseClick(status, Qt::LeftButton);
    ASSERT_TRUE(sawDialog);
    EXPECT_TRUE(result.contains("zz-77")) << result.toStdString();
    auto reread = sensors::SensorRegistry::importCsv(live.registry.toStdString());
    ASSERT_TRUE(reread) << reread.messages();
    const sensors::SensorInfo* added = reread.value().find("zz-77");
    ASSERT_NE(added, nullptr);
    EXPECT_NEAR(added->position.x, 121.5012, 1e-6);
    EXPECT_NEAR(added->position.y, 31.2405, 1e-6);
    EXPECT_EQ(added->name, "世纪大道 测试");

    // The broker goes away: the status says so, and since when.
    live.broker->stop();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return status->text().contains("reconnecting since"); }, 30000))
        << status->text().toStdString();
    test::grabWholeWindow(w).save(test::outputDir() + "/live-status-reconnecting.png");
    ASSERT_TRUE(live.broker->start());
    EXPECT_TRUE(QTest::qWaitFor([&] { return status->text().contains("recorded"); }, 60000))
        << status->text().toStdString();
}

TEST(LiveStatus, aNewAlertShowsAToastThatGoesToTheSensorAndOneClickOnARowDoesToo) {
    LiveWindow live;
    ASSERT_TRUE(live.open());
    MainWindow& w = *live.window;
    SensorMonitor* m = w.sensorMonitor();
    const auto* aq = m->glyphs()->registry().find("aq-03");
    ASSERT_TRUE(aq && aq->thresholds.high && aq->thresholds.onDelaySeconds);
    AlertToast* toast = w.alertToast();
    ASSERT_NE(toast, nullptr);
    EXPECT_FALSE(toast->isVisible());
    // Held above the limit for longer than the on-delay (sensor time): the
    // readings carry their own timestamps, so no waiting for the wall clock.
    const qint64 t0 = sensors::systemNowMs() - 120000;
    int i = 0;
    const double high = *aq->thresholds.high * 2;
    auto payload = [&] {
        const qint64 ts = t0 + 5000 * i++;
        return "{\"sensor\":\"aq-03\",\"ts\":" + std::to_string(ts) + ",\"values\":{\"" +
               aq->metric + "\":" + std::to_string(high) + "}}";
    };
    ASSERT_TRUE(
        live.publishUntil("city/sensors/aq-03", payload, [&] { return toast->isVisible(); }));
    EXPECT_FALSE(w.alertPanel()->alerts().empty());
    EXPECT_TRUE(toast->text().contains(QString::fromStdString(aq->name)))
        << toast->text().toStdString();
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr) << "the toast must not be modal";
    test::grabWholeWindow(w).save(test::outputDir() + "/live-alert-toast.png");

    // A click on the toast: the sensor's history and the camera go there.
    const osg::Vec3d eyeBefore = [&] {
        osg::Vec3d e, c, u;
        w.view()->camera()->getViewMatrixAsLookAt(e, c, u);
        return e;
    }();
    ASSERT_TRUE(toast->isVisible());
    EXPECT_EQ(toast->alert().sensorId, "aq-03");
    QTest::mouseClick(toast, Qt::LeftButton);
    EXPECT_FALSE(toast->isVisible());
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const auto s = w.historyChart()->sensor();
            return s && s->id == "aq-03";
        },
        10000))
        << "the toast did not go to the alert's sensor";
    const osg::Vec3d target = m->glyphs()->headPosition(*m->glyphs()->indexOf("aq-03"));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            w.view()->grabFramebuffer();
            osg::Vec3d e, c, u;
            w.view()->camera()->getViewMatrixAsLookAt(e, c, u);
            // The sensor lies on the line of sight (within 50 m).
            osg::Vec3d d = c - e;
            d.normalize();
            return (e - eyeBefore).length() > 10.0 && ((target - e) ^ d).length() < 50.0;
        },
        10000));

    // One click on the alert's row does the same.
    QTableWidget* table = w.alertPanel()->table();
    ASSERT_GT(table->rowCount(), 0);
    QSignalSpy activated(w.alertPanel(), &AlertPanel::alertActivated);
    const QRect cell = table->visualItemRect(table->item(0, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    EXPECT_EQ(activated.count(), 1);
}
