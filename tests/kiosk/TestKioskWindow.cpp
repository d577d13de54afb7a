// The real `citytwin --kiosk` under a private Xvfb with openbox, driven by
// xdotool as a visitor and a window manager would: the escape checklist
// (every key and request that could end, hide, shrink or un-fullscreen it),
// the operator's secret exit and a wrong PIN, SIGTERM, the return to the
// tour after idling, stops that change the picture and caption (screen
// shots in build/tests/gui/out/kiosk-*.png), a bad tour falling back, and
// the systemd watchdog protocol over a real NOTIFY_SOCKET.

#include <gtest/gtest.h>

#include <signal.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>

#include "GuiTestSupport.h"
#include "KioskTestRig.h"

using namespace citytwin::test;
using namespace citytwin::test::kiosk;

namespace {

constexpr int kLoadTimeoutMs = 300000;  // the demo on a busy CI machine
const QSize kScreen(1280, 720);

QString out(const QString& name) {
    return outputDir() + "/kiosk-" + name;
}

/// Three short stops with different views and layers; idle return 4 s.
QString writeTestTour(const QString& path, const QString& brokenStop = {}) {
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    const QString second =
        brokenStop.isEmpty()
            ? R"("camera": {"lon": 121.5005, "lat": 31.2385, "height": 4200, "heading": 0, "pitch": -90})"
            : brokenStop;
    f.write(QString(R"({
  "version": 1,
  "title": {"zh": "测试导览", "en": "Test tour"},
  "idle_return_s": 4,
  "exit": {"chord": "Ctrl+Alt+Shift+E"},
  "stops": [
    {"camera": {"lon": 121.4875, "lat": 31.2300, "height": 900, "heading": 50, "pitch": -22},
     "fly_s": 3, "dwell_s": 4, "layers": ["buildings", "roads", "water", "landuse"],
     "caption": {"zh": "陆家嘴", "en": "Lujiazui towers"}},
    {%1,
     "fly_s": 3, "dwell_s": 4, "layers": ["water", "roads", "cables", "base_stations"],
     "caption": {"zh": "全景", "en": "Cables from above"}},
    {"camera": {"lon": 121.5060, "lat": 31.2310, "height": 600, "heading": 300, "pitch": -20},
     "fly_s": 3, "dwell_s": 4,
     "scenario": {"file": "scenarios/lujiazui-cable-cut.json", "speed": 60},
     "caption": {"zh": "外滩", "en": "The Bund"}}
  ]
})")
                .arg(second)
                .toUtf8());
    return path;
}

bool isFullScreen(const XSession& x, const QString& window) {
    const WindowGeometry g = x.windowGeometry(window);
    const QString state = x.run("xprop", {"-id", window, "_NET_WM_STATE", "WM_STATE"});
    return g.x == 0 && g.y == 0 && g.w == x.screen().width() && g.h == x.screen().height() &&
           state.contains("_NET_WM_STATE_FULLSCREEN") && state.contains("Normal");
}

/// Not a blank or uniform screen: the city with its overlay.
bool looksDrawn(const QImage& img) {
    return !img.isNull() && analyseImage(img).distinctColours > 60 &&
           analyseImage(img).luminanceStdDev > 10;
}

/// Still drawing: a later screen shot differs from `before` (the tour flies on).
bool keepsDrawing(const XSession& x, const QString& name, int timeoutMs = 30000) {
    // Just after a window comes back (un-minimised) the screen may show it
    // before its first repaint: wait for a drawn picture, then for a change.
    QImage before;
    if (!waitFor(
            [&] {
                before = x.grab(out(name + "-a.png"));
                return looksDrawn(before);
            },
            timeoutMs, 500))
        return false;
    return waitFor(
        [&] {
            const QImage after = x.grab(out(name + "-b.png"));
            return looksDrawn(after) && shareOfDifferentPixels(before, after) > 0.01;
        },
        timeoutMs, 500);
}

class KioskWindow : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        QString error;
        x = new XSession;
        if (!x->start(kScreen, error)) {
            delete x;
            x = nullptr;
            FAIL() << error.toStdString();
        }
        QDir().mkpath(outputDir());
    }
    static void TearDownTestSuite() {
        delete x;
        x = nullptr;
    }
    void SetUp() override { ASSERT_NE(x, nullptr) << "no X session"; }

    /// Starts a kiosk and waits for its tour to start and its window to map.
    static std::unique_ptr<KioskProcess> launch(const QString& tour, const QString& name,
                                                QStringList env = {}) {
        env << "CITYTWIN_KIOSK_PIN=2468";
        auto k = std::make_unique<KioskProcess>(*x, tour, out(name + ".log"), env,
                                                QStringList{"--no-sensors"});
        EXPECT_TRUE(k->waitForLog("kiosk: tour started", kLoadTimeoutMs))
            << k->stderrText().right(3000).toStdString();
        EXPECT_TRUE(waitFor([&] { return !k->window().isEmpty(); }, 20000));
        return k;
    }

    static void key(const QString& window, const QString& keys) {
        x->run("xdotool", {"windowactivate", "--sync", window}, 5000);
        x->run("xdotool", QStringList{"key", "--clearmodifiers"} + keys.split(' '));
    }

    static XSession* x;
};

XSession* KioskWindow::x = nullptr;

}  // namespace

TEST_F(KioskWindow, survivesTheEscapeChecklistAndLeavesOnlyByTheSecret) {
    auto k = launch(writeTestTour(out("tour.json")), "checklist");
    ASSERT_TRUE(k->isRunning());
    const QString w = k->window();
    ASSERT_FALSE(w.isEmpty());
    ASSERT_TRUE(waitFor([&] { return isFullScreen(*x, w); }, 20000))
        << x->run("xdotool", {"getwindowgeometry", w}).toStdString();

    // Stops change the picture and show their caption.
    ASSERT_TRUE(k->waitForLog("at stop 1", 30000));
    const QImage stop1 = x->grab(out("stop1.png"));
    // A tap on a tower (the Shanghai Tower in this view) shows its caption
    // card; the tour pauses and comes back after idle_return_s.
    x->run("xdotool", {"mousemove", "950", "400", "click", "1"});
    EXPECT_TRUE(k->waitForLog("kiosk: card:", 10000)) << k->log().toStdString();
    x->grab(out("card.png"));
    ASSERT_TRUE(k->waitForLog("at stop 2", 30000));
    const QImage stop2 = x->grab(out("stop2.png"));
    EXPECT_TRUE(looksDrawn(stop1));
    EXPECT_TRUE(looksDrawn(stop2));
    EXPECT_GT(shareOfDifferentPixels(stop1, stop2), 0.2);
    // The caption band (bottom centre) carries each stop's own text.
    const QRect band(kScreen.width() / 4, kScreen.height() * 82 / 100, kScreen.width() / 2,
                     kScreen.height() * 10 / 100);
    EXPECT_GT(shareOfDifferentPixels(stop1.copy(band), stop2.copy(band)), 0.02);
    EXPECT_TRUE(k->log().contains("stop 2/3: Cables from above"));
    // The scenario stop tours on without scenario playback in this build.
    ASSERT_TRUE(k->waitForLog("at stop 3", 30000));
    EXPECT_TRUE(k->waitForLog("stop 3: scenario", 5000));

    struct Escape {
        const char* name;
        std::function<void()> act;
    };
    const int cx = kScreen.width() / 2, cy = kScreen.height() / 2;
    auto xdo = [&](QStringList args) { x->run("xdotool", args); };
    const std::vector<Escape> escapes = {
        {"alt+F4 (openbox: WM_DELETE_WINDOW)", [&] { key(w, "alt+F4"); }},
        {"ctrl+q", [&] { key(w, "ctrl+q"); }},
        {"ctrl+w", [&] { key(w, "ctrl+w"); }},
        {"Escape", [&] { key(w, "Escape"); }},
        {"F11", [&] { key(w, "F11"); }},
        {"alt+Tab", [&] { key(w, "alt+Tab"); }},
        {"alt+f (File menu mnemonic)", [&] { key(w, "alt+f"); }},
        {"alt+v (View menu mnemonic)", [&] { key(w, "alt+v"); }},
        {"F10 (menu bar)", [&] { key(w, "F10"); }},
        {"Menu key", [&] { key(w, "Menu"); }},
        {"ctrl+o (open dialog)", [&] { key(w, "ctrl+o"); }},
        {"right click",
         [&] {
             xdo({"mousemove", QString::number(cx), QString::number(cy), "click", "3"});
         }},
        {"alt+drag (openbox moves windows)",
         [&] {
             xdo({"mousemove", QString::number(cx), QString::number(cy), "keydown", "alt",
                  "mousedown", "1", "mousemove", QString::number(cx - 300),
                  QString::number(cy - 200), "mouseup", "1", "keyup", "alt"});
         }},
        {"WM_DELETE_WINDOW (alt+F4 twice)", [&] { key(w, "alt+F4 alt+F4"); }},
        {"minimise request",
         [&] {
             xdo({"windowminimize", w});
         }},
        {"resize request",
         [&] {
             xdo({"windowsize", w, "400", "300"});
         }},
        {"move request",
         [&] {
             xdo({"windowmove", w, "200", "150"});
         }},
    };
    int n = 0;
    for (const Escape& e : escapes) {
        SCOPED_TRACE(e.name);
        e.act();
        ++n;
        EXPECT_TRUE(k->isRunning()) << e.name;
        if (!k->isRunning())
            break;
        EXPECT_TRUE(waitFor([&] { return isFullScreen(*x, w); }, 15000))
            << e.name << ": " << x->run("xdotool", {"getwindowgeometry", w}).toStdString();
        EXPECT_TRUE(keepsDrawing(*x, QString("escape%1").arg(n))) << e.name;
    }
    // No dialog, menu or second window ever appeared.
    EXPECT_EQ(x->visibleTopLevelsOf(k->pid()).size(), 1);
    EXPECT_FALSE(k->log().contains("dialog"));
    EXPECT_TRUE(k->log().contains("close request ignored"));

    // A visitor drags the view; after idle_return_s the tour takes it back.
    const qsizetype logBefore = k->log().size();
    xdo({"mousemove", QString::number(cx), QString::number(cy), "mousedown", "1", "mousemove",
         QString::number(cx + 150), QString::number(cy + 40), "mouseup", "1"});
    ASSERT_TRUE(waitFor([&] { return k->log().mid(logBefore).contains("a visitor took the view"); },
                        10000));
    EXPECT_TRUE(
        waitFor([&] { return k->log().mid(logBefore).contains("back to the tour"); }, 20000));
    EXPECT_TRUE(
        waitFor([&] { return k->log().mid(logBefore).contains(QRegularExpression("at stop \\d")); },
                20000));

    // The operator's chord opens the PIN prompt; a wrong PIN does nothing.
    key(w, "ctrl+alt+shift+e");
    ASSERT_TRUE(k->waitForLog("exit PIN prompt opened", 10000));
    x->grab(out("pin-prompt.png"));
    key(w, "1 1 1 1 Return");
    ASSERT_TRUE(k->waitForLog("wrong exit PIN", 10000));
    EXPECT_TRUE(k->isRunning());
    EXPECT_TRUE(keepsDrawing(*x, "after-wrong-pin"));
    EXPECT_TRUE(k->isRunning());
    // The right one ends it with 0.
    key(w, "ctrl+alt+shift+e");
    ASSERT_TRUE(waitFor([&] { return k->log().count("exit PIN prompt opened") == 2; }, 10000));
    key(w, "2 4 6 8 Return");
    EXPECT_EQ(k->waitForExit(30000), 0) << k->stderrText().right(2000).toStdString();
    EXPECT_TRUE(k->log().contains("kiosk: operator exit"));
}

TEST_F(KioskWindow, aBadTourFallsBackAndSigtermEndsItWithZeroAtDoubleScale) {
    // Stop 2's pitch is out of range: the built-in tour plays, the log says why.
    const QString tour = writeTestTour(
        out("bad-tour.json"),
        R"("camera": {"lon": 121.5, "lat": 31.23, "height": 900, "heading": 0, "pitch": -120})");
    auto k = launch(tour, "bad-tour", {"QT_SCALE_FACTOR=2"});
    const QString log = k->log();
    EXPECT_TRUE(log.contains("bad tour, playing the built-in tour instead")) << log.toStdString();
    EXPECT_TRUE(log.contains("stops[1].camera.pitch: out of range")) << log.toStdString();
    EXPECT_TRUE(k->waitForLog("stop 1/3: Lujiazui financial district", 20000));
    ASSERT_TRUE(k->waitForLog("at stop 1", 30000));
    const QString w = k->window();
    EXPECT_TRUE(waitFor([&] { return isFullScreen(*x, w); }, 15000));
    // HiDPI: the overlay at scale 2 (look at it beside kiosk-stop1.png).
    EXPECT_TRUE(looksDrawn(x->grab(out("scale2.png"))));
    k->signal(SIGTERM);
    EXPECT_EQ(k->waitForExit(30000), 0) << k->stderrText().right(2000).toStdString();
    EXPECT_TRUE(k->log().contains("kiosk: signal 15, exiting"));
}

TEST_F(KioskWindow, tellsSystemdItIsReadyAndPingsTheWatchdogUntilTheGuiThreadHangs) {
    NotifySocket notify;
    ASSERT_TRUE(notify.isOpen());
    KioskProcess k(*x, writeTestTour(out("watchdog-tour.json")), out("watchdog.log"),
                   {"NOTIFY_SOCKET=" + notify.path(), "WATCHDOG_USEC=2000000",
                    "CITYTWIN_KIOSK_TEST_FREEZE_AFTER_S=25", "CITYTWIN_KIOSK_PIN=2468"},
                   {"--no-sensors"});
    ASSERT_TRUE(waitFor([&] { return notify.count("READY=1") > 0; }, kLoadTimeoutMs, 50))
        << k.stderrText().right(2000).toStdString();
    // READY=1 came after the first frame drawn into an exposed window; the
    // window manager may still be reparenting it, so its id is waited for.
    EXPECT_TRUE(k.log().contains("kiosk: ready"));
    EXPECT_TRUE(waitFor([&] { return !k.window().isEmpty(); }, 10000, 100))
        << "no visible window for the kiosk's pid after READY=1";
    qint64 readyAt = 0;
    for (const auto& m : notify.messages())
        if (m.text.contains("READY=1"))
            readyAt = m.atMs;
    // WATCHDOG=1 every half of WATCHDOG_USEC (1 s) while it runs.
    ASSERT_TRUE(waitFor([&] { return notify.count("WATCHDOG=1", readyAt) >= 4; }, 15000, 50));
    const qint64 from = notify.nowMs();
    // Read while waiting: an AF_UNIX datagram queue holds ~10 messages, then
    // sd_notify blocks the sender (systemd reads at once; so must we).
    ASSERT_TRUE(waitFor(
        [&] {
            notify.drain();
            return notify.nowMs() - from >= 4000 || !k.isRunning();
        },
        10000, 50));
    const int inFourSeconds = notify.count("WATCHDOG=1", from);
    EXPECT_GE(inFourSeconds, 2);
    EXPECT_LE(inFourSeconds, 6);
    // The test hook hangs the GUI thread: the pings stop.
    ASSERT_TRUE(waitFor(
        [&] {
            notify.drain();
            return k.log().contains("GUI thread hanging now");
        },
        40000, 100));
    notify.drain();  // pings sent before the hang are in the socket already
    const qint64 hungAt = notify.nowMs();
    EXPECT_FALSE(waitFor([&] { return notify.count("WATCHDOG=1", hungAt) > 0; }, 5000, 50))
        << "a ping came from a hung GUI thread";
    EXPECT_TRUE(k.isRunning());
    k.signal(SIGKILL);
}

TEST_F(KioskWindow, exitsWithThreeForARestartAboveTheMemoryCeiling) {
    // A ceiling far below what the demo needs, checked every second.
    KioskProcess k(*x, writeTestTour(out("memory-tour.json")), out("memory.log"),
                   {"CITYTWIN_KIOSK_MEMORY_MB=64", "CITYTWIN_KIOSK_MEMORY_CHECK_S=1"},
                   {"--no-sensors"});
    EXPECT_EQ(k.waitForExit(kLoadTimeoutMs), 3) << k.stderrText().right(2000).toStdString();
    EXPECT_TRUE(k.log().contains("above the ceiling of 64 MiB")) << k.log().toStdString();
}
