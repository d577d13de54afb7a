// The scenario feature driven in-process on the demo like an operator would:
// open the demo's cable-cut scenario, seek, click event rows, play and
// seek back, right-click a cable for a what-if, export the report; and the
// real program's --record, whose video is counted and compared with ffprobe
// and ffmpeg. Expectations come from the engine run on the same input
// (ScenarioPlayback::stateAt, ImpactAnalyzer), never from hard-coded lists;
// pixel checks compare against the scene before the cut, so they fail when
// nothing is drawn.

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

#include <osg/Viewport>

#include "GuiTestSupport.h"
#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/scenario/ScenarioFile.h"
#include "citytwin/render/CameraPose.h"
#include "citytwin/test/TestPaths.h"
#include "scenario/ScenarioEventPanel.h"
#include "scenario/ScenarioTools.h"
#include "scenario/WhatIfPanel.h"
#include "scenario/WhatIfTool.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorMonitor.h"
#include "shell/LogPanel.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

// The demo's cut (data/demo/scenarios); CITYTWIN_TEST_SCENARIO runs the
// same checks on another cut scenario over the demo.
const QString kCutScenario =
    qEnvironmentVariable("CITYTWIN_TEST_SCENARIO",
                         QString(test::kRepoDataDir) + "/demo/scenarios/lujiazui-cable-cut.json");

/// Local Shanghai time hh:00 on the scenario's first day.
qint64 shanghaiHour(qint64 start, int hour) {
    const QTimeZone tz(8 * 3600);
    const QDate day = QDateTime::fromMSecsSinceEpoch(start, tz).date();
    return QDateTime(day, QTime(hour, 0), tz).toMSecsSinceEpoch();
}

struct OpenDemo {
    std::unique_ptr<MainWindow> window;
    ScenarioTools* tools = nullptr;
    std::shared_ptr<const OpenScenario> open;
};

/// The demo window with the cut scenario opened through --scenario.
OpenDemo openDemoWithScenario() {
    OpenDemo d;
    AppOptions options;
    options.size = QSize(900, 640);
    options.noSensors = true;  // the sensor pins' colours would mix into the pixel checks
    options.scenarioPath = kCutScenario;
    d.window = std::make_unique<MainWindow>(options);
    d.tools = d.window->scenario();
    QSignalSpy opened(d.tools, &ScenarioTools::opened);
    QSignalSpy failed(d.tools, &ScenarioTools::failed);
    d.window->show();
    d.window->start();
    EXPECT_TRUE(opened.wait(180000))
        << "the scenario did not open: "
        << (failed.isEmpty() ? QString() : failed.first().first().toString()).toStdString();
    d.open = d.tools->session().current();
    return d;
}

QImage grab(MainWindow& w) {
    w.view()->grabFramebuffer();  // applies what was set
    return w.view()->grabFramebuffer();
}

/// Seeks the clock to t and waits until the scene shows the scenario there.
QImage seekAndGrab(OpenDemo& d, qint64 t) {
    QSignalSpy shown(d.tools, &ScenarioTools::stateShown);
    d.window->sensorMonitor()->seek(t);
    EXPECT_EQ(d.window->sensorMonitor()->clock().now(), t);
    EXPECT_TRUE(shown.count() > 0 || shown.wait(5000));
    return grab(*d.window);
}

QPoint screenPosition(MainWindow& w, const geo::GeoPoint& p, double z = 3.0) {
    const geo::Vec3d l = w.frame()->toLocal({p.x, p.y, 0.0});
    osg::Camera* camera = w.view()->camera();
    const osg::Matrixd toWindow = camera->getViewMatrix() * camera->getProjectionMatrix() *
                                  camera->getViewport()->computeWindowMatrix();
    const osg::Vec3d win = osg::Vec3d(l.x, l.y, z) * toWindow;
    const double s = w.view()->devicePixelRatioF();
    return QPoint(int(std::lround(win.x() / s)),
                  int(std::lround(w.view()->height() - win.y() / s)));
}

/// Pixels of the overlay's red (cut, lost sites) within `radius` of a widget point.
int redPixelsNear(const QImage& image, QPoint centre, int radius, double scale) {
    int n = 0;
    const QPoint c(int(centre.x() * scale), int(centre.y() * scale));
    const int r = int(radius * scale);
    for (int y = std::max(0, c.y() - r); y <= std::min(image.height() - 1, c.y() + r); ++y)
        for (int x = std::max(0, c.x() - r); x <= std::min(image.width() - 1, c.x() + r); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (p.red() > 190 && p.green() < 70 && p.blue() < 70)
                ++n;
        }
    return n;
}

void lookDownAt(MainWindow& w, const geo::GeoPoint& p, double height) {
    const render::LookAt la =
        render::lookAtFor(render::CameraPose{p.x, p.y, height, 0.0, -90.0}, *w.frame());
    w.view()->setLookAt(la.eye, la.center, la.up, false);
    grab(w);
}

/// The demo cut: the first cable_cut and the state an hour after it.
const assets::CableCutEvent* firstCut(const assets::Scenario& s) {
    for (const auto& e : s.events)
        if (const auto* cut = std::get_if<assets::CableCutEvent>(&e))
            return cut;
    return nullptr;
}

QMessageBox* errorBox(MainWindow& w) {
    return w.findChild<QMessageBox*>("scenarioErrorBox");
}

void save(const QImage& image, const QString& name) {
    const QString path = test::outputDir() + "/" + name;
    EXPECT_TRUE(image.save(path)) << path.toStdString();
}

}  // namespace

TEST(ScenarioPlayback, theDemoCutShowsTheCutAndTheLostSitesAtElevenAndEventRowsSeek) {
    ASSERT_TRUE(QFile::exists(kCutScenario)) << kCutScenario.toStdString();
    OpenDemo d = openDemoWithScenario();
    ASSERT_TRUE(d.open);
    MainWindow& w = *d.window;
    const assets::ScenarioPlayback& playback = *d.open->playback;
    const assets::CableCutEvent* cut = firstCut(playback.scenario());
    ASSERT_NE(cut, nullptr);

    // The timeline spans the scenario and shows its events.
    TimelineTrack* track = w.playbackBar()->track();
    EXPECT_TRUE(w.playbackBar()->isVisible());
    EXPECT_EQ(track->rangeFrom(), playback.scenario().start);
    EXPECT_EQ(track->rangeTo(), playback.scenario().end);
    EXPECT_FALSE(track->events().empty());

    const qint64 nine = shanghaiHour(playback.scenario().start, 9);
    const qint64 eleven = shanghaiHour(playback.scenario().start, 11);
    const assets::ScenarioState at11 = playback.stateAt(eleven);
    ASSERT_FALSE(at11.cuts.empty()) << "the engine shows no cut at 11:00";
    ASSERT_FALSE(at11.sitesWithoutBackhaul.empty()) << "no site lost backhaul at 11:00";
    EXPECT_TRUE(playback.stateAt(nine).cablesDown.empty());

    lookDownAt(w, at11.cuts.front().point, 2600.0);
    const double scale = w.view()->devicePixelRatioF();
    const QImage before = seekAndGrab(d, nine);
    const QImage after = seekAndGrab(d, eleven);
    save(before, "scenario_0900.png");
    save(after, "scenario_1100.png");
    EXPECT_EQ(d.tools->shownState().cablesDown, at11.cablesDown);

    const QPoint cutAt = screenPosition(w, at11.cuts.front().point);
    const int redBefore = redPixelsNear(before, cutAt, 30, scale);
    const int redAfter = redPixelsNear(after, cutAt, 30, scale);
    EXPECT_GT(redAfter, redBefore + 150) << "no red cut drawn at " << cutAt.x() << "," << cutAt.y();

    // Each site without backhaul is ringed red (where it is in the view).
    int ringed = 0, inView = 0;
    for (const auto& site : at11.sitesWithoutBackhaul) {
        const auto i = d.open->network->model->findNode(site);
        ASSERT_TRUE(i);
        const QPoint p = screenPosition(w, d.open->network->model->nodes()[*i].position);
        if (!w.view()->rect().adjusted(30, 30, -30, -30).contains(p))
            continue;
        ++inView;
        if (redPixelsNear(after, p, 22, scale) > redPixelsNear(before, p, 22, scale) + 40)
            ++ringed;
    }
    ASSERT_GT(inView, 0);
    EXPECT_EQ(ringed, inView);

    // A click on an event row moves the clock to its time.
    ScenarioEventPanel* panel = d.tools->eventPanel();
    ASSERT_TRUE(panel->isVisible());
    int row = -1;
    for (int r = 0; r < panel->rowCount(); ++r)
        if (panel->entryAt(r)->t != eleven && panel->entryAt(r)->t > playback.scenario().start) {
            row = r;
            break;
        }
    ASSERT_GE(row, 0);
    panel->scrollToItem(panel->item(row, 0));
    const QRect cell = panel->visualItemRect(panel->item(row, 1));
    QTest::mouseClick(panel->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    EXPECT_EQ(w.sensorMonitor()->clock().now(), panel->entryAt(row)->t);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return d.tools->shownState().t == panel->entryAt(row)->t; }, 5000));
}

TEST(ScenarioPlayback, seekingToATimeShowsWhatPlayingToItShowed) {
    OpenDemo d = openDemoWithScenario();
    ASSERT_TRUE(d.open);
    MainWindow& w = *d.window;
    const assets::ScenarioPlayback& playback = *d.open->playback;
    const assets::ScenarioState at11 =
        playback.stateAt(shanghaiHour(playback.scenario().start, 11));
    ASSERT_FALSE(at11.cuts.empty());
    lookDownAt(w, at11.cuts.front().point, 2600.0);

    // Play from 09:55 at 600x through the cut at 10:00, pause after it.
    const qint64 from = shanghaiHour(playback.scenario().start, 10) - 5 * 60000;
    seekAndGrab(d, from);
    const int speed = w.playbackBar()->speedBox()->findData(600.0);
    ASSERT_GE(speed, 0);
    w.playbackBar()->speedBox()->setCurrentIndex(speed);
    QTest::mouseClick(w.playbackBar()->playButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return w.sensorMonitor()->clock().now() > from + 15 * 60000; }, 20000));
    QTest::mouseClick(w.playbackBar()->playButton(), Qt::LeftButton);
    const qint64 paused = w.sensorMonitor()->clock().now();
    ASSERT_EQ(w.sensorMonitor()->clock().mode(), sensors::PlaybackClock::Mode::Paused);
    EXPECT_TRUE(QTest::qWaitFor([&] { return d.tools->shownState().t == paused; }, 5000));
    const QImage played = grab(w);
    EXPECT_FALSE(d.tools->shownState().cablesDown.empty());

    // Elsewhere, then back by seeking: the same image.
    seekAndGrab(d, playback.scenario().start);
    const QImage sought = seekAndGrab(d, paused);
    save(played, "scenario_played.png");
    save(sought, "scenario_sought.png");
    EXPECT_EQ(test::shareOfDifferentPixels(played, sought, 8), 0.0);
}

TEST(ScenarioPlayback, rightClickingACableSimulatesACutAndSavesItAsAScenario) {
    OpenDemo d = openDemoWithScenario();
    ASSERT_TRUE(d.open);
    MainWindow& w = *d.window;
    const assets::NetworkModel& model = *d.open->network->model;
    const assets::CableCutEvent* cut = firstCut(d.open->playback->scenario());
    ASSERT_NE(cut, nullptr);
    d.tools->closeScenario();

    // The middle of the scenario's cable, seen from above.
    const std::vector<geo::GeoPoint>* line = model.cableLine(cut->cable);
    ASSERT_TRUE(line && line->size() >= 2);
    const double half = model.cableLengthM(cut->cable) / 2;
    const geo::GeoPoint mid = *model.pointAlong(cut->cable, half);
    lookDownAt(w, mid, 1800.0);
    const QImage before = grab(w);

    WhatIfTool* whatIf = d.tools->whatIf();
    QSignalSpy shown(whatIf, &WhatIfTool::impactShown);
    QTest::mouseClick(w.view(), Qt::RightButton, Qt::NoModifier, screenPosition(w, mid, 1.5));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return whatIf->contextMenu() && whatIf->contextMenu()->isVisible(); }, 5000));
    QAction* simulate = whatIf->contextMenu()->findChild<QAction*>("simulateCutAction");
    ASSERT_NE(simulate, nullptr);
    QTest::mouseClick(whatIf->contextMenu(), Qt::LeftButton, Qt::NoModifier,
                      whatIf->contextMenu()->actionGeometry(simulate).center());
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));

    // What the library says of a cut where the click was (near the middle).
    const auto asScenario = whatIf->asScenario();
    ASSERT_TRUE(asScenario);
    const auto* clicked = std::get_if<assets::CableCutEvent>(&asScenario->events.front());
    ASSERT_TRUE(clicked && clicked->maybeArcM);
    EXPECT_NEAR(*clicked->maybeArcM, half, 60.0);
    const auto expected = assets::ImpactAnalyzer(model).cableCut(cut->cable, clicked->maybeArcM);
    ASSERT_TRUE(expected && whatIf->impact());
    EXPECT_EQ(whatIf->impact()->sitesLost, expected->sitesLost);
    const QString summary = d.tools->whatIfPanel()->summaryLabel()->text();
    EXPECT_TRUE(summary.contains(QStringLiteral("<b>%1</b>").arg(expected->sitesLost.size())))
        << summary.toStdString();
    for (const auto& [op, n] : expected->sitesLostByOperator)
        EXPECT_TRUE(summary.contains(QString::fromStdString(op))) << op;

    // Drawn on the map.
    const QImage after = grab(w);
    save(after, "scenario_whatif.png");
    ASSERT_NE(whatIf->overlay(), nullptr);
    EXPECT_GT(whatIf->overlay()->shownDrawables(), 0u);
    EXPECT_GT(test::shareOfDifferentPixels(before, after), 0.002);

    // Saved as a scenario the parser reads back to the same failure.
    const QString path = test::outputDir() + "/whatif-cut.json";
    ASSERT_EQ(whatIf->saveScenario(path), QString());
    auto saved = assets::loadScenario(path.toStdString());
    ASSERT_TRUE(saved) << saved.messages();
    ASSERT_EQ(saved->events.size(), 1u);
    const auto* savedCut = std::get_if<assets::CableCutEvent>(&saved->events.front());
    ASSERT_NE(savedCut, nullptr);
    EXPECT_EQ(savedCut->cable, cut->cable);
}

TEST(ScenarioPlayback, theReportListsTheTimelineTheAffectedSitesAndTheLogHash) {
    OpenDemo d = openDemoWithScenario();
    ASSERT_TRUE(d.open);
    const QString html = test::outputDir() + "/incident-report.html";
    ASSERT_EQ(d.tools->exportReport(html), QString());
    QFile file(html);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const assets::ScenarioRun& run = d.open->playback->run();
    EXPECT_TRUE(text.contains(QString::fromStdString(run.sha256)));
    EXPECT_TRUE(text.contains(QString::fromStdString(d.open->playback->scenario().nameZh)));
    for (const auto& site :
         d.open->playback->stateAt(shanghaiHour(d.open->playback->scenario().start, 11))
             .sitesWithoutBackhaul)
        EXPECT_TRUE(text.contains(QString::fromStdString(site))) << site;
    EXPECT_TRUE(text.contains("SH-25") || text.contains("SH-24"));
    EXPECT_GT(QFileInfo(test::outputDir() + "/incident-report.pdf").size(), 10000);
    EXPECT_TRUE(QFile::exists(test::outputDir() + "/incident-report_map1.png"));
}

TEST(ScenarioPlayback, aScenarioNamingACableTheProjectLacksIsReportedNotHalfShown) {
    OpenDemo d = openDemoWithScenario();
    ASSERT_TRUE(d.open);
    const QString bad = test::outputDir() + "/unknown-cable.json";
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"version": 1, "name": {"zh": "未知光缆", "en": "Unknown cable"}, "seed": 1,
        "start": "2026-11-26T08:00:00+08:00", "end": "2026-11-26T12:00:00+08:00",
        "events": [{"type": "cable_cut", "at": "2026-11-26T10:00:00+08:00",
                    "cable": "NO-SUCH-CABLE"}]})");
    file.close();
    ASSERT_TRUE(QTest::qWaitFor([&] { return d.window->logPanel()->entryCount() > 0; }, 5000));
    const int logged = d.window->logPanel()->entryCount();
    QSignalSpy failed(d.tools, &ScenarioTools::failed);
    d.tools->openScenario(bad);
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_TRUE(failed.first().first().toString().contains("NO-SUCH-CABLE"))
        << failed.first().first().toString().toStdString();
    // The open scenario stays; the message is in the log and a box that does not block.
    EXPECT_EQ(d.tools->session().current(), d.open);
    auto* box = errorBox(*d.window);
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_FALSE(box->isModal());
    // "Opening scenario ..." and the error.
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return d.window->logPanel()->entryCount() >= logged + 2; }, 5000));
}

TEST(ScenarioPlayback, reopeningTheScenarioClosedLastReusesItsRunUntilTheFileChanges) {
    OpenDemo d = openDemoWithScenario();
    ASSERT_TRUE(d.open);
    // A copy the test may edit.
    const QString copy = test::outputDir() + "/reopened-cut.json";
    QFile::remove(copy);
    ASSERT_TRUE(QFile::copy(kCutScenario, copy));
    auto openAndWait = [&](const QString& path) {
        QSignalSpy opened(d.tools, &ScenarioTools::opened);
        d.tools->openScenario(path);
        EXPECT_TRUE(opened.wait(60000)) << path.toStdString();
        return d.tools->session().current();
    };
    const auto first = openAndWait(copy);
    ASSERT_TRUE(first);
    EXPECT_NE(first->playback, d.open->playback) << "another file is another run";
    d.tools->closeScenario();
    EXPECT_EQ(d.tools->session().current(), nullptr);
    const auto again = openAndWait(copy);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->playback, first->playback) << "unchanged: the run is reused";
    EXPECT_EQ(again->playback->run().sha256, first->playback->run().sha256);

    // Edited (another seed): run again, never the stale result.
    d.tools->closeScenario();
    QFile file(copy);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    ASSERT_TRUE(json.contains("seed"));
    json["seed"] = json["seed"].toInteger() + 1;
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(json).toJson());
    file.close();
    const auto edited = openAndWait(copy);
    ASSERT_TRUE(edited);
    EXPECT_NE(edited->playback, first->playback);
    EXPECT_EQ(edited->playback->scenario().seed, first->playback->scenario().seed + 1);
}

namespace {

QString runTool(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput()) +
           QString::fromUtf8(p.readAllStandardError());
}

}  // namespace

TEST(ScenarioRecord, recordsAVideoWithOneFramePerStepThatChangesOverTime) {
    const QString ffprobe = QStandardPaths::findExecutable("ffprobe");
    ASSERT_FALSE(ffprobe.isEmpty()) << "ffprobe (Debian ffmpeg) is needed";
    const QString out = test::outputDir() + "/scenario.mp4";
    QFile::remove(out);
    auto scenario = assets::loadScenario(kCutScenario.toStdString());
    ASSERT_TRUE(scenario) << scenario.messages();
    const qint64 from = shanghaiHour(scenario->start, 9) + 30 * 60000;
    const qint64 to = shanghaiHour(scenario->start, 10) + 30 * 60000;  // 09:30..10:30
    const int step = 600;                                              // s: seven frames
    const QStringList recordArgs{"--scenario", kCutScenario,
                                 "--record",   out,
                                 "--from",     QString::number(from),
                                 "--to",       QString::number(to),
                                 "--step",     QString::number(step),
                                 "--fps",      "5",
                                 "--size",     "480x320",
                                 "--view",     "lujiazui"};
    const auto r = test::runProgram("citytwin", recordArgs, 600);
    ASSERT_FALSE(r.timedOut);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("frames=7")) << r.out.toStdString();

    const QString frames = runTool(
        ffprobe, {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                  "stream=nb_read_frames,width,height", "-of", "default=noprint_wrappers=1", out});
    EXPECT_TRUE(frames.contains("nb_read_frames=7")) << frames.toStdString();
    EXPECT_TRUE(frames.contains("width=480")) << frames.toStdString();

    // The first frame (before the cut) and the last (after it) differ.
    const QString ffmpeg = QStandardPaths::findExecutable("ffmpeg");
    const QString first = test::outputDir() + "/scenario_frame_first.png";
    const QString last = test::outputDir() + "/scenario_frame_last.png";
    runTool(ffmpeg,
            {"-v", "error", "-y", "-i", out, "-vf", "select=eq(n\\,0)", "-frames:v", "1", first});
    runTool(ffmpeg,
            {"-v", "error", "-y", "-i", out, "-vf", "select=eq(n\\,6)", "-frames:v", "1", last});
    const QImage a(first), b(last);
    ASSERT_FALSE(a.isNull());
    ASSERT_FALSE(b.isNull());
    EXPECT_GT(test::shareOfDifferentPixels(a, b), 0.001);

    // The same scenario gives the same frames, and so (one encoder thread) the same bytes.
    const QString again = test::outputDir() + "/scenario_again.mp4";
    QFile::remove(again);
    QStringList args = recordArgs;
    args[args.indexOf(out)] = again;
    const auto r2 = test::runProgram("citytwin", args, 600);
    ASSERT_EQ(r2.exitCode, 0) << r2.err.toStdString();
    QFile f1(out), f2(again);
    ASSERT_TRUE(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f1.readAll() == f2.readAll()) << "two recordings of the same scenario differ";
}

TEST(ScenarioRecord, aMissingFfmpegIsAClearError) {
    const auto r = test::runProgram("citytwin",
                                    {"--scenario", kCutScenario, "--record",
                                     test::outputDir() + "/never.mp4", "--size", "320x240"},
                                    300, {"CITYTWIN_FFMPEG=/nonexistent/ffmpeg"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("ffmpeg")) << r.err.toStdString();
}
