// Recorded history in the real window, driven as a user: File -> Import
// sensor history… of a file with a two-month gap, whose timeline then shows
// the gap as a gap in its coverage band and the file's smog as an alert mark.

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
