// Two windows on one database (issue #16 item 1, label pg): two real
// `citytwin` processes under one Xvfb with openbox show the same PostGIS
// project side by side; a second client (`citytwin-cli import --append`)
// adds a feature to one of its layers; both windows hear the NOTIFY, reload
// that layer alone and draw the new feature. The time from NOTIFY to redraw is
// measured by bench/assets/run_live_refresh_bench.sh, not here.
// Screen shots: build/tests/gui/out/shared-*.png.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include <QTemporaryDir>
#include <cstdlib>

#include "GuiTestSupport.h"
#include "KioskTestRig.h"
#include "PostgresServer.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::test;
using namespace citytwin::test::kiosk;

namespace {

constexpr int kLoadTimeoutMs = 300000;

QString out(const QString& name) {
    return outputDir() + "/shared-" + name;
}

/// A square of `side` degrees centred on lon/lat, as a GeoJSON feature.
QString square(double lon, double lat, double side, const QString& name) {
    const double h = side / 2;
    return QString(R"({"type":"Feature","properties":{"name":"%1"},"geometry":{"type":"Polygon",)"
                   R"("coordinates":[[[%2,%3],[%4,%3],[%4,%5],[%2,%5],[%2,%3]]]}})")
        .arg(name)
        .arg(lon - h, 0, 'f', 6)
        .arg(lat - h, 0, 'f', 6)
        .arg(lon + h, 0, 'f', 6)
        .arg(lat + h, 0, 'f', 6);
}

QString writeCollection(const QString& path, const QStringList& features) {
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    f.write(QString(R"({"type":"FeatureCollection","features":[%1]})")
                .arg(features.join(','))
                .toUtf8());
    return path;
}

/// `citytwin-cli import SRC --project PG --layer NAME [extra]`; its exit status.
int import(const std::string& pg, const QString& src, const QString& layer,
           const QStringList& extra, const QString& log) {
    const ProcessResult r = runProgram(
        "citytwin-cli",
        QStringList{"import", src, "--project", QString::fromStdString(pg), "--layer", layer} +
            extra);
    QFile f(log);
    if (f.open(QIODevice::Append))
        f.write((r.out + r.err).toUtf8());
    return r.exitCode;
}

QRect geometryOf(const XSession& x, const QString& window) {
    int gx = -1, gy = -1, w = 0, h = 0;
    for (const QString& line :
         x.run("xdotool", {"getwindowgeometry", "--shell", window}).split('\n')) {
        const QString key = line.section('=', 0, 0);
        const int value = line.section('=', 1).toInt();
        if (key == "X")
            gx = value;
        else if (key == "Y")
            gy = value;
        else if (key == "WIDTH")
            w = value;
        else if (key == "HEIGHT")
            h = value;
    }
    return QRect(gx, gy, w, h);
}

/// The window's part of the screen once two grabs in a row agree (the view
/// has settled), instead of a guessed sleep.
QImage settled(const XSession& x, const QRect& g, const QString& shot) {
    QImage last = x.grab(shot).copy(g), now;
    waitFor(
        [&] {
            now = x.grab(shot).copy(g);
            const bool same = shareOfDifferentPixels(last, now) < 0.001;
            last = now;
            return same;
        },
        20000, 300);
    return last;
}

/// One of the two windows: started on the project, placed at `where`.
struct Window {
    Window(const XSession& x, const std::string& pg, const QString& dir, const QString& name)
        : process(x, {"--no-sensors", QString::fromStdString(pg)}, dir + "/" + name + ".log",
                  {"XDG_CONFIG_HOME=" + dir + "/" + name + "-config"}) {}
    CitytwinProcess process;
    QString id;
    QRect geometry;
};

}  // namespace

TEST(SharedProjectWindows, anImportFromAnotherClientIsRedrawnInBothWindows) {
    if (const auto why = PostgresServer::postgisMissingReason(); !why.empty())
        GTEST_SKIP() << why;
    PostgresServer server("gui_shared_project");
    ASSERT_TRUE(server.start()) << server.error();
    ASSERT_TRUE(server.createDatabase("shared")) << server.error();
    const std::string pg = server.gdalName("shared");

    // The project: two small areas at opposite corners of a block of
    // Lujiazui (they frame the view) and a layer of marks nobody changes.
    QTemporaryDir dir;
    const QString cliLog = dir.filePath("cli.log");
    const QString corners = writeCollection(
        dir.filePath("corners.geojson"),
        {square(121.4950, 31.2350, 0.0008, "sw"), square(121.5050, 31.2450, 0.0008, "ne")});
    const QString marks =
        writeCollection(dir.filePath("marks.geojson"), {square(121.4950, 31.2450, 0.0004, "nw")});
    ASSERT_EQ(import(pg, corners, "areas", {}, cliLog), 0) << cliLog.toStdString();
    ASSERT_EQ(import(pg, marks, "marks", {}, cliLog), 0) << cliLog.toStdString();

    XSession x;
    QString error;
    ASSERT_TRUE(x.start(QSize(1600, 800), error)) << error.toStdString();
    Window left(x, pg, dir.path(), "left"), right(x, pg, dir.path(), "right");
    int column = 0;
    for (Window* w : {&left, &right}) {
        ASSERT_TRUE(w->process.waitForLog("scene loaded after", kLoadTimeoutMs))
            << w->process.log().toStdString() << w->process.stderrText().toStdString();
        ASSERT_TRUE(w->process.waitForLog("live refresh: listening to", 30000))
            << w->process.log().toStdString();
        ASSERT_TRUE(waitFor([&] { return !(w->id = w->process.window()).isEmpty(); }, 20000));
        // Side by side, as on a control room's two screens.
        x.run("xdotool", {"windowsize", w->id, "780", "700"});
        x.run("xdotool", {"windowmove", w->id, QString::number(column), "20"});
        ASSERT_TRUE(waitFor(
            [&] {
                w->geometry = geometryOf(x, w->id);
                return w->geometry.width() == 780 && std::abs(w->geometry.x() - column) < 30;
            },
            10000))
            << "window at " << w->geometry.x() << "," << w->geometry.y() << " "
            << w->geometry.width() << "x" << w->geometry.height();
        column += 800;
    }
    // Both listen once the watcher's connection is up: a session that LISTENs
    // after the commit would hear nothing (PostgreSQL keeps no backlog).
    const QImage leftBefore = settled(x, left.geometry, out("left-before.png"));
    const QImage rightBefore = settled(x, right.geometry, out("right-before.png"));
    ASSERT_FALSE(left.geometry.intersects(right.geometry)) << "the windows overlap";

    // Another client adds a large area in the middle of the block.
    const QString middle = writeCollection(dir.filePath("middle.geojson"),
                                           {square(121.5000, 31.2400, 0.0060, "middle")});
    ASSERT_EQ(import(pg, middle, "areas", {"--append"}, cliLog), 0) << cliLog.toStdString();

    for (Window* w : {&left, &right}) {
        EXPECT_TRUE(w->process.waitForLog("live refresh: shared/areas redrawn", 30000))
            << w->process.log().toStdString();
        EXPECT_FALSE(w->process.log().contains("live refresh: reloading shared/marks"))
            << "a layer that did not change was reloaded";
    }
    const struct {
        const Window& w;
        const QImage& before;
        const char* shot;
    } sides[] = {{left, leftBefore, "left-after.png"}, {right, rightBefore, "right-after.png"}};
    for (const auto& side : sides) {
        const QImage after = settled(x, side.w.geometry, out(side.shot));
        // The view's part: no menu, tool or status bar (a status message is no drawing).
        const QRect view(0, after.height() * 15 / 100, after.width(), after.height() * 70 / 100);
        int changed = 0;
        const QRect where = differingRegion(side.before.copy(view), after.copy(view), 24, &changed);
        // The new area's pixels: a solid patch, not a few stray ones.
        EXPECT_GT(changed, view.width() * view.height() / 50)
            << side.shot << ": the new area was not drawn (" << changed << " pixels changed)";
        EXPECT_GT(where.width(), 40) << side.shot;
        EXPECT_GT(where.height(), 40) << side.shot;
    }
}
