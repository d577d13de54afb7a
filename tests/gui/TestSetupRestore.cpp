// The real `citytwin` under a private Xvfb with a window manager (openbox),
// driven by xdotool like a user: the first window fits a 1600×1000 and a
// 1280×800 screen; the layout and the view changed (window resized, wheel
// forward over the city), File → Quit, a restart: both come back; a recent
// file that went away is dropped with a note, not a dialog. QSettings live
// in a private XDG_CONFIG_HOME. Screen shots: build/tests/gui/out/restore-*.png.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include "GuiTestSupport.h"
#include "KioskTestRig.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::test;
using namespace citytwin::test::kiosk;

namespace {

constexpr int kLoadTimeoutMs = 300000;

/// `citytwin` (the demo, no sensors) on the session's display, its settings in `config`.
class App {
public:
    App(const XSession& x, const QString& config, const QString& log) : _x(x), _log(log) {
        QFile::remove(log);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DISPLAY", x.display());
        env.insert("XDG_CONFIG_HOME", config);
        _p.setProcessEnvironment(env);
        _p.setStandardOutputFile(log + ".stdout");
        _p.setStandardErrorFile(log + ".stderr");
        _p.start(QString(kBinDir) + "/citytwin",
                 {"--lang", "en", "--no-sensors", "--log-file", log});
        _p.waitForStarted(10000);
    }
    ~App() {
        if (_p.state() != QProcess::NotRunning) {
            _p.kill();
            _p.waitForFinished(5000);
        }
    }
    QString log() const {
        QFile f(_log);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    bool waitForLog(const QString& text, int timeoutMs) const {
        return waitFor([&] { return log().contains(text); }, timeoutMs, 200);
    }
    QString window() const { return _x.visibleWindowOf(_p.processId()); }
    /// What the process wrote to stderr, and how it stands: what a failed start left behind.
    QString state() const {
        QFile f(_log + ".stderr");
        const QString err =
            f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        const QString how = _p.state() == QProcess::NotRunning
                                ? QStringLiteral("exited (status %1, code %2)")
                                      .arg(int(_p.exitStatus()))
                                      .arg(_p.exitCode())
                                : QStringLiteral("still running");
        return how + "\nstderr:\n" + err;
    }
    /// Every thread's stack (gdb, where installed): what a hung start waits on.
    QString threadStacks() const {
        QProcess gdb;
        gdb.start("gdb", {"-p", QString::number(_p.processId()), "-batch", "-ex",
                          "thread apply all bt 30"});
        if (!gdb.waitForStarted(5000))
            return QStringLiteral("(no gdb to show the threads' stacks)");
        gdb.waitForFinished(120000);
        return QString::fromUtf8(gdb.readAllStandardOutput());
    }
    int waitForExit(int timeoutMs) {
        if (!_p.waitForFinished(timeoutMs))
            return -1;
        return _p.exitStatus() == QProcess::CrashExit ? -1 : _p.exitCode();
    }

private:
    const XSession& _x;
    QString _log;
    QProcess _p;
};

QString out(const QString& name) {
    return outputDir() + "/restore-" + name;
}

/// The window's part of a screen shot.
QImage windowPart(const QImage& screen, const WindowGeometry& g) {
    return screen.copy(g.rect());
}

/// The window's part of the screen once two grabs in a row agree: the view has
/// settled (tiles loaded, the wheel's zoom eased out) instead of a guessed sleep.
QImage settledWindowPart(const XSession& x, const WindowGeometry& g, const QString& shot) {
    QImage last = windowPart(x.grab(shot), g), now;
    waitFor(
        [&] {
            now = windowPart(x.grab(shot), g);
            const bool same = shareOfDifferentPixels(last, now) < 0.001;
            last = now;
            return same;
        },
        20000, 300);
    return last;
}

/// Quits as a user does: the window is made active (a QShortcut fires only in
/// the active window, and a freshly mapped window may not have the focus yet
/// on a loaded machine), then Ctrl+Q. Returns the exit code, -1 on a hang.
int quitByKeyboard(const XSession& x, App& app, const QString& win) {
    x.run("xdotool", {"windowactivate", "--sync", win}, 5000);
    waitFor([&] { return x.run("xdotool", {"getactivewindow"}).trimmed() == win; }, 10000, 100);
    // Typed on the keyboard (XTEST, to the focused window), not sent to the
    // window's id: X reuses ids, and the next start's window got a late copy.
    x.run("xdotool", {"key", "ctrl+q"});
    return app.waitForExit(30000);
}

/// Starts the app, waits for its window and the loaded scene; checks it fits the screen.
QString startAndCheckFit(const XSession& x, App& app, const QString& shot) {
    const bool loaded = app.waitForLog("scene loaded after", kLoadTimeoutMs);
    EXPECT_TRUE(loaded) << app.log().toStdString();
    if (!loaded)  // the restart hang of stop 24: say where each thread stands
        ADD_FAILURE() << app.state().toStdString() << app.threadStacks().toStdString();
    QString win;
    EXPECT_TRUE(waitFor([&] { return !(win = app.window()).isEmpty(); }, 20000));
    const WindowGeometry g = x.windowGeometry(win);
    const QImage screen = x.grab(out(shot));
    EXPECT_FALSE(screen.isNull());
    EXPECT_TRUE(QRect(QPoint(0, 0), x.screen()).contains(g.rect()))
        << "window " << g.x << "," << g.y << " " << g.w << "x" << g.h << " on a "
        << x.screen().width() << "x" << x.screen().height() << " screen";
    return win;
}

}  // namespace

TEST(SetupRestore, theFirstWindowFitsA1280x800Screen) {
    XSession x;
    QString error;
    ASSERT_TRUE(x.start(QSize(1280, 800), error)) << error.toStdString();
    QTemporaryDir config;
    App app(x, config.path(), config.filePath("citytwin.log"));
    const QString win = startAndCheckFit(x, app, "1280x800.png");
    ASSERT_FALSE(win.isEmpty());
    EXPECT_EQ(quitByKeyboard(x, app, win), 0) << app.log().toStdString();
}

// The "restart hang" of stops 24-27 was this test's own doing: Ctrl+Q was
// sent to the first window's X id, and the second start, given the same id,
// quit 0.2 s after it began (its log: "quit: File > Quit"). Typed now.
TEST(SetupRestore, theLayoutAndTheViewComeBackAfterARestart) {
    XSession x;
    QString error;
    ASSERT_TRUE(x.start(QSize(1600, 1000), error)) << error.toStdString();
    QTemporaryDir config;
    QString win;
    WindowGeometry changed;
    QImage before;
    {
        App first(x, config.path(), config.filePath("first.log"));
        win = startAndCheckFit(x, first, "first-1600x1000.png");
        ASSERT_FALSE(win.isEmpty());
        // The user makes the window smaller and zooms in with the wheel.
        x.run("xdotool", {"windowsize", win, "1200", "760"});
        x.run("xdotool", {"windowmove", win, "60", "50"});
        ASSERT_TRUE(waitFor([&] { return x.windowGeometry(win).w == 1200; }, 10000));
        changed = x.windowGeometry(win);
        const int cx = changed.w / 2, cy = changed.h / 2;
        x.run("xdotool", {"mousemove", "--window", win, QString::number(cx), QString::number(cy)});
        for (int i = 0; i < 4; ++i)
            x.run("xdotool", {"click", "4"});  // button 4: wheel forward
        before = settledWindowPart(x, changed, out("first-changed.png"));
        ASSERT_EQ(quitByKeyboard(x, first, win), 0) << first.log().toStdString();
        EXPECT_TRUE(first.log().contains("quit: File > Quit")) << first.log().toStdString();
    }
    // What was written: the layout and the view.
    QSettings saved(config.filePath("citytwin/citytwin.conf"), QSettings::IniFormat);
    EXPECT_FALSE(saved.value("window/geometry").toByteArray().isEmpty());
    EXPECT_FALSE(saved.value("view/last").toString().isEmpty());
    EXPECT_EQ(saved.value("view/lastData").toString(), "demo");

    App second(x, config.path(), config.filePath("second.log"));
    const QString win2 = startAndCheckFit(x, second, "second.png");
    ASSERT_FALSE(win2.isEmpty());
    EXPECT_TRUE(second.log().contains("restored the last window layout"));
    EXPECT_TRUE(second.log().contains("restored the last view"));
    const WindowGeometry again = x.windowGeometry(win2);
    EXPECT_NEAR(again.w, changed.w, 2);
    EXPECT_NEAR(again.h, changed.h, 2);
    const QImage after = settledWindowPart(x, again, out("second.png"));
    // The same view again (the same window, the same camera): nearly the same picture.
    EXPECT_LT(shareOfDifferentPixels(before, after), 0.05)
        << "compare restore-first-changed.png with restore-second.png";
    EXPECT_EQ(quitByKeyboard(x, second, win2), 0) << second.log().toStdString();
}
