// On-demand rendering (issue #13 item 4): the window draws when something
// changed and otherwise idles. The real window on the demo under X, its
// frames counted by OsgView::frameCount().

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "GuiTestSupport.h"
#include "WindowTestSupport.h"
#include "citytwin/sensors/TimeFormat.h"
#include "sensors/SensorMonitor.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

std::unique_ptr<MainWindow> openDemo(AppOptions options) {
    return test::openWindow(options, QSize(800, 500));
}

/// Frames drawn while the event loop runs for `ms`, and why the last was.
struct Frames {
    quint64 count = 0;
    QStringList reasons;
};
Frames framesOver(OsgView& view, int ms) {
    Frames f;
    const quint64 before = view.frameCount();
    auto c = QObject::connect(&view, &OsgView::frameRendered, &view,
                              [&] { f.reasons << view.lastFrameReason(); });
    QTest::qWait(ms);  // the span measured, not a wait for a condition
    QObject::disconnect(c);
    f.count = view.frameCount() - before;
    return f;
}

/// Waits until the view has nothing left to do (what loading left to merge
/// and page in is done, no frame due, no flight), at most 60 s.
bool settle(OsgView& view) {
    return QTest::qWaitFor([&] { return view.pendingWork().isEmpty(); }, 60000);
}

}  // namespace

TEST(OnDemandRendering, anIdleWindowDrawsNothingAndACameraMoveDraws) {
    AppOptions o;
    o.viewName = "lujiazui";
    o.maybeStartTimeMs = sensors::parseIso8601("2026-11-26T08:30:00+08:00").value();  // paused
    auto w = openDemo(o);
    OsgView& view = *w->view();
    ASSERT_TRUE(settle(view)) << "still busy a minute after loading: "
                              << view.pendingWork().toStdString();

    const Frames idle = framesOver(view, 5000);
    EXPECT_LE(idle.count, 2u) << "frames drawn in 5 s with nothing changing, for: "
                              << idle.reasons.join(", ").toStdString();

    // A drag on the view orbits the camera: frames follow it, then stop.
    const quint64 before = view.frameCount();
    const QPoint c = view.rect().center();
    QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, c);
    for (int i = 1; i <= 10; ++i) {
        QMouseEvent move(QEvent::MouseMove, QPointF(c + QPoint(8 * i, 0)),
                         view.mapToGlobal(QPointF(c + QPoint(8 * i, 0))), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &move);
        QTest::qWait(20);
    }
    QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, c + QPoint(80, 0));
    EXPECT_TRUE(QTest::qWaitFor([&] { return view.frameCount() >= before + 3; }, 5000))
        << "a drag drew " << view.frameCount() - before << " frames";
    ASSERT_TRUE(settle(view));

    // A camera set from code (a fly-to, the kiosk's tour) draws too.
    const quint64 beforeFly = view.frameCount();
    view.flyTo({0.0, 0.0, 0.0}, 1500.0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return view.frameCount() > beforeFly; }, 5000));
    ASSERT_TRUE(settle(view));

    // Hiding a layer draws (CityScene's revision), hovering does not.
    const quint64 beforeHide = view.frameCount();
    w->scene().setLayerVisible("buildings", false);
    EXPECT_TRUE(QTest::qWaitFor([&] { return view.frameCount() > beforeHide; }, 5000));
    ASSERT_TRUE(settle(view));
    const quint64 beforeHover = view.frameCount();
    QSignalSpy hovered(&view, &OsgView::cursorMoved);
    for (int i = 0; i < 10; ++i)
        QTest::mouseMove(&view, c + QPoint(5 * i, 5 * i), 10);
    // QTest moves the real pointer: its motion comes back from the X server
    // when it comes. Only once the view has read it out is the hover tested.
    ASSERT_TRUE(QTest::qWaitFor([&] { return hovered.count() > 0; }, 10000));
    // The hover's own work is the cursor read-out; once it is picked the
    // view has nothing due, and had a hover asked for a frame it was drawn.
    ASSERT_TRUE(settle(view)) << view.pendingWork().toStdString();
    EXPECT_EQ(view.frameCount(), beforeHover) << view.lastFrameReason().toStdString();
}

TEST(OnDemandRendering, aLiveClockDrawsAsOftenAsReadingsChangeThePinsNotEveryTick) {
    AppOptions o;  // live: the demo's simulator sends readings
    o.viewName = "top";
    auto w = openDemo(o);
    OsgView& view = *w->view();
    SensorMonitor* m = w->sensorMonitor();
    ASSERT_TRUE(m->isReady());
    const qint64 shownBefore = m->shownTime();
    const Frames live = framesOver(view, 5000);
    // The scene time moves each second; the pins change when readings come.
    EXPECT_GT(m->shownTime(), shownBefore);
    EXPECT_GE(live.count, 1u) << "no frame while readings arrived";
    // At most about one a second (plus the odd label refresh), far from 60 a second.
    EXPECT_LE(live.count, 15u) << live.reasons.join(", ").toStdString();
}
