// Recorded history in the real window, driven as a user: File -> Import
// sensor history… of a file with a two-month gap, whose timeline then shows
// the gap as a gap in its coverage band and the file's smog as an alert mark;
// the history chart of a real monitor wheeled out to years (1 d rollups)
// and exported through its Export button as the CLI's CSV, in the time zone
// chosen, and as a PNG; and a long import cancelled from its progress dialog,
// which keeps and counts what it committed.

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "CliRun.h"
#include "DialogAnswer.h"
#include "GuiTestSupport.h"
#include "HistoryTestSupport.h"
#include "WindowTestSupport.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"
#include "sensors/HistoryImport.h"
#include "sensors/HistoryImportDialog.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorMonitor.h"
#include "sensors/TimelineCoverage.h"
#include "sensors/TimelineTrack.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;
using namespace citytwin::test;  // the history tests' times, wheel, band

namespace {

std::unique_ptr<MainWindow> openDemo(AppOptions options) {
    options.size = QSize(1000, 620);
    auto w = std::make_unique<MainWindow>(options);
    QSignalSpy loaded(w.get(), &MainWindow::sceneLoaded);
    w->show();
    w->start();
    EXPECT_TRUE(loaded.wait(180000)) << "scene did not load";
    EXPECT_TRUE(QTest::qWaitFor([&] { return w->sensorMonitor()->isReady(); }, 120000));
    return w;
}

/// File -> Import sensor history… of `file` as it is (a long CSV): the
/// dialog answered as a user would. Returns the import started.
QPointer<HistoryImport> importThroughTheMenu(MainWindow& w, const QString& file) {
    bool answered = false;
    test::whenDialogOpens<HistoryImportDialog>([&](HistoryImportDialog* d) {
        answered = true;
        QTest::keyClicks(d->fileEdit(), file);
        auto* buttons = d->findChild<QDialogButtonBox*>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    auto* action = w.findChild<QAction*>("importSensorHistoryAction");
    EXPECT_TRUE(action);
    if (!action)
        return nullptr;
    action->trigger();  // returns once the dialog is answered and the import runs
    EXPECT_TRUE(answered) << "no import dialog";
    return w.findChild<HistoryImport*>();
}

/// Clicks the entry `text` of the next popup menu (from a timer: the
/// menu's exec() blocks the click that opened it).
void whenMenuOpensChoose(const QString& text) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, [timer, text] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu || !menu->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        for (QAction* a : menu->actions())
            if (a->text() == text) {
                QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(a).center());
                return;
            }
        ADD_FAILURE() << "no menu entry " << text.toStdString();
        menu->close();
    });
    timer->start();
}

/// A file dialog answered with `path` typed into its name box.
void whenFileDialogOpensType(const QString& path) {
    test::whenDialogOpens<QFileDialog>([path](QFileDialog* d) {
        auto* name = d->findChild<QLineEdit*>("fileNameEdit");
        ASSERT_NE(name, nullptr);
        name->setText(path);
        QMetaObject::invokeMethod(d, "accept");
    });
}

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace

TEST(HistoryWindow, anImportedGapIsAGapAlongTheTimelineAndItsSmogAnAlertMark) {
    QTemporaryDir dir;
    // Jing'an, hourly: March and April 2012, nothing in May and June, then
    // July; three hours above its 75 µg/m³ threshold on 20 March.
    const qint64 from = at("2012-03-01T00:00+08:00"), gapFrom = at("2012-05-01T00:00+08:00");
    const qint64 gapTo = at("2012-07-01T00:00+08:00"), to = at("2012-08-01T00:00+08:00");
    const qint64 smog = at("2012-03-20T10:00+08:00");
    const QString file = dir.filePath("jingan-2012.csv");
    int lines = 0;
    {
        std::ofstream out(file.toStdString());
        out << "sensor,ts,metric,value\n";
        for (qint64 t = from; t < to; t += kHour) {
            if (t >= gapFrom && t < gapTo)
                continue;
            const bool high = t >= smog && t < smog + 3 * kHour;
            out << "sh-jingan," << t << ",pm25," << (high ? 300 : 30 + (t / kHour) % 20) << '\n';
            ++lines;
        }
    }
    auto w = openDemo({});
    QPointer<HistoryImport> import = importThroughTheMenu(*w, file);
    ASSERT_TRUE(import);
    ASSERT_TRUE(QTest::qWaitFor([&] { return import && import->resultBox(); }, 120000));
    EXPECT_EQ(import->result().stored, quint64(lines));
    EXPECT_TRUE(
        import->resultBox()->text().contains(QStringLiteral("Imported %1 readings").arg(lines)))
        << import->resultBox()->text().toStdString();
    QTest::mouseClick(import->resultBox()->button(QMessageBox::Ok), Qt::LeftButton);

    // The timeline now reaches back to March 2012. Zoomed out to all of it,
    // then in at its left end (the oldest data stays there), as a user finds it.
    TimelineTrack* track = w->playbackBar()->track();
    ASSERT_TRUE(QTest::qWaitFor([&] { return track->rangeFrom() <= from; }, 10000));
    for (int i = 0;
         i < 10 && track->viewTo() - track->viewFrom() < track->rangeTo() - track->rangeFrom(); ++i)
        wheel(track, track->width() / 2, -4);
    ASSERT_EQ(track->viewFrom(), track->rangeFrom());
    for (int i = 0; i < 20 && track->viewTo() - track->viewFrom() > 240 * kDay; ++i)
        wheel(track, track->xOf(track->rangeFrom()), 1);
    ASSERT_LE(track->viewTo() - track->viewFrom(), 240 * kDay);
    ASSERT_LE(track->viewFrom(), from + 5 * kDay);
    ASSERT_GE(track->viewTo(), to - 5 * kDay);
    // The band for this window and the alert of 20 March, both from the store.
    TimelineCoverage* coverage = w->sensorMonitor()->coverage();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const bool alert = std::any_of(track->alerts().begin(), track->alerts().end(),
                                           [&](const TimelineMark& m) { return m.fromMs == smog; });
            return alert &&
                   coverage->shownWindow() == std::make_pair(track->viewFrom(), track->viewTo());
        },
        20000));
    const QImage image = track->grab().toImage();
    image.save(test::outputDir() + "/history-window-timeline-gap.png");
    EXPECT_GT(
        coveredShare(image, *track, track->xOf(from + 4 * kDay), track->xOf(gapFrom - 4 * kDay)),
        0.9);
    EXPECT_EQ(
        coveredShare(image, *track, track->xOf(gapFrom + 3 * kDay), track->xOf(gapTo - 3 * kDay)),
        0.0);
    EXPECT_GT(coveredShare(image, *track, track->xOf(gapTo + 4 * kDay), track->xOf(to - 4 * kDay)),
              0.9);
    // The alert's mark: red at the raise, in the alert band near the top.
    const QColor mark = image.pixelColor(track->xOf(smog), 10);
    EXPECT_GT(mark.red(), 200) << mark.name().toStdString();
    EXPECT_LT(mark.green(), 170) << mark.name().toStdString();
    // Nothing red in the gap: no alert was made up there.
    for (int x = track->xOf(gapFrom + 3 * kDay); x < track->xOf(gapTo - 3 * kDay); ++x)
        EXPECT_NE(image.pixelColor(x, 10), mark) << x;
}

TEST(HistoryWindow, theChartOfARealMonitorWheelsOutToYearsAndExportsTheCliCsvAndAPng) {
    AppOptions o;
    o.viewName = "top";
    const qint64 scene = at("2013-12-06T12:00+08:00");
    o.maybeStartTimeMs = scene;
    auto w = openDemo(o);
    // A click on the Jing'an pin shows its history around the scene time.
    auto* glyphs = w->sensorMonitor()->glyphs();
    const auto jingan = glyphs->indexOf("sh-jingan");
    ASSERT_TRUE(jingan);
    w->view()->flyTo(glyphs->headPosition(*jingan), 900.0);
    w->view()->grabFramebuffer();
    w->view()->grabFramebuffer();
    const auto p = w->view()->widgetPointOf(glyphs->headPosition(*jingan));
    ASSERT_TRUE(p);
    QTest::mouseClick(w->view(), Qt::LeftButton, Qt::NoModifier, p->toPoint());
    SensorHistoryChart* chart = w->historyChart();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return chart->sensor() && chart->sensor()->id == "sh-jingan" &&
                   !chart->points().empty();
        },
        20000));
    auto shownAt = [&] {
        return QTest::qWaitFor(
            [&] { return chart->range() == chart->windowAt(scene) && !chart->points().empty(); },
            20000);
    };
    // Wheel out: hours, days, months, years; the rollups follow the span.
    for (int i = 0; i < 16 && chart->span() < 2 * 365 * kDay; ++i) {
        wheel(chart->plot(), chart->plotXOf(scene), -1);
        ASSERT_TRUE(shownAt()) << i;
    }
    ASSERT_GE(chart->span(), 2 * 365 * kDay);
    ASSERT_EQ(chart->shownAggregation(), sensors::Aggregation::Day);
    const auto [from, to] = chart->range();
    {
        auto store = sensors::SensorStore::open(w->sensorMonitor()->storePath().toStdString());
        ASSERT_TRUE(store) << store.messages();
        auto days = store.value().history("sh-jingan", "pm25", from, to, sensors::Aggregation::Day);
        ASSERT_TRUE(days) << days.messages();
        EXPECT_EQ(chart->points().size(), days->size());
        // A window of two years or more over the 2013-2015 record: more than a
        // year of daily points (the record has gaps, so not every day).
        EXPECT_GT(chart->points().size(), 365u);
    }

    // Export -> Export CSV…, a file name, the time zone UTC.
    QTemporaryDir dir;
    const QString csv = dir.filePath("jingan-days.csv");
    whenMenuOpensChoose(QStringLiteral("Export CSV..."));
    whenFileDialogOpensType(csv);
    test::whenDialogOpens<QInputDialog>([](QInputDialog* d) {
        d->setTextValue(QStringLiteral("UTC"));
        QMetaObject::invokeMethod(d, "accept");
    });
    QTest::mouseClick(chart->exportButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFile::exists(csv); }, 30000));
    // The same bytes as citytwin-cli query prints for that sensor and range.
    const auto [status, cliOut] =
        test::cli("query --store '" + w->sensorMonitor()->storePath().toStdString() +
                  "' --sensor sh-jingan --metric pm25 --agg 1d --tz UTC --from " +
                  std::to_string(from) + " --to " + std::to_string(to));
    ASSERT_EQ(status, 0) << cliOut;
    const QString exported = readAll(csv);
    EXPECT_EQ(exported.toStdString(), cliOut);
    EXPECT_TRUE(exported.startsWith(
        QStringLiteral("sensor,metric,start,start_ms,count,mean,min,max,last\n")));
    EXPECT_TRUE(exported.contains(QStringLiteral("sh-jingan,pm25,2013-12-06T00:00:00.000")));

    // Export -> Export PNG…: the chart as the user sees it.
    const QString png = test::outputDir() + "/history-window-chart-years.png";
    QFile::remove(png);
    whenMenuOpensChoose(QStringLiteral("Export PNG..."));
    whenFileDialogOpensType(png);
    QTest::mouseClick(chart->exportButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFile::exists(png); }, 30000));
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), chart->size());
    int blue = 0;  // the mean line
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            blue += c.blue() - c.red() > 100;
        }
    EXPECT_GT(blue, 100);
}

TEST(HistoryWindow, aLongImportCancelledFromItsProgressDialogKeepsAndCountsWhatItCommitted) {
    QTemporaryDir dir;
    // 600,000 minutes of Xuhui (2010-2011): far more than one commit.
    const QString file = dir.filePath("xuhui-minutes.csv");
    const qint64 t0 = at("2010-06-01T00:00+08:00");
    constexpr int kReadings = 600000;
    {
        std::ofstream out(file.toStdString());
        out << "sensor,ts,metric,value\n";
        for (int i = 0; i < kReadings; ++i)
            out << "sh-xuhui," << t0 + qint64(i) * kMinute << ",pm25," << 20 + i % 40 << '\n';
    }
    auto w = openDemo({});
    QPointer<HistoryImport> import = importThroughTheMenu(*w, file);
    ASSERT_TRUE(import);
    // The progress dialog shows; once readings are committed, Cancel.
    auto* progress = w->findChild<QProgressDialog*>("historyImportProgress");
    ASSERT_TRUE(progress);
    ASSERT_TRUE(QTest::qWaitFor([&] { return progress->isVisible(); }, 10000));
    quint64 committed = 0;
    QObject::connect(import, &HistoryImport::progress,
                     [&](int, quint64, quint64 stored) { committed = stored; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return committed > 0; }, 120000));
    EXPECT_GT(progress->value(), 0);
    QPushButton* cancel = progress->findChild<QPushButton*>();
    ASSERT_TRUE(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return import && import->resultBox(); }, 120000));
    const HistoryImportResult r = import->result();
    EXPECT_TRUE(r.cancelled);
    EXPECT_FALSE(r.failed);
    EXPECT_GE(r.stored, committed);
    EXPECT_LT(r.stored, quint64(kReadings));
    // The store holds what the message counts: every committed reading.
    auto store = sensors::SensorStore::open(w->sensorMonitor()->storePath().toStdString());
    ASSERT_TRUE(store) << store.messages();
    auto kept = store.value().history("sh-xuhui", "pm25", t0, t0 + kReadings * kMinute,
                                      sensors::Aggregation::Raw);
    ASSERT_TRUE(kept) << kept.messages();
    EXPECT_EQ(quint64(kept->size()), r.stored);
    const QString text = import->resultBox()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Import cancelled"))) << text.toStdString();
    EXPECT_TRUE(
        text.contains(QStringLiteral("the %1 readings committed so far are kept").arg(r.stored)))
        << text.toStdString();
    test::grabWholeWindow(*w).save(test::outputDir() + "/history-window-import-cancelled.png");
    QTest::mouseClick(import->resultBox()->button(QMessageBox::Ok), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return import.isNull(); }, 5000));  // cleaned up
    // The timeline reaches back to the cancelled import's first reading.
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return w->playbackBar()->track()->rangeFrom() <= t0; }, 10000));
}
