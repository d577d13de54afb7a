#include "WindowTestSupport.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include "view/OsgView.h"

namespace citytwin::test {

std::unique_ptr<app::MainWindow> openWindow(app::AppOptions options, QSize size, int timeoutMs) {
    options.size = size;
    auto w = std::make_unique<app::MainWindow>(options);
    QSignalSpy loaded(w.get(), &app::MainWindow::sceneLoaded);
    w->show();
    w->start();
    EXPECT_TRUE(loaded.wait(timeoutMs)) << "scene did not load within " << timeoutMs << " ms";
    return w;
}

std::unique_ptr<app::MainWindow> openDemoWindow(const render::CameraPose& pose, QSize size) {
    app::AppOptions options;
    options.maybeCamera = pose;
    auto w = openWindow(options, size, 120000);
    w->activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(w.get(), 5000));
    return w;
}

QImage grabView(app::MainWindow& w) {
    QCoreApplication::processEvents();
    return w.view()->grabFramebuffer();
}

QImage grabWholeWindow(app::MainWindow& w) {
    w.view()->grabFramebuffer();  // merges what was queued
    QTest::qWait(50);
    QImage whole = w.grab().toImage();
    // The 3D view is a native GL window that QWidget::grab cannot see: its
    // own frame goes where it sits, then the native windows over it (the
    // alert toast, measure labels) again on top, as the screen shows them.
    QPainter p(&whole);
    const QRect viewRect(w.view()->mapTo(&w, QPoint(0, 0)), w.view()->size());
    p.drawImage(QRectF(viewRect), w.view()->grabFramebuffer());
    for (QWidget* child : w.findChildren<QWidget*>()) {
        if (!child->isVisible() || child->isWindow() ||
            !child->testAttribute(Qt::WA_NativeWindow) || child->inherits("QWindowContainer"))
            continue;
        const QRect r(child->mapTo(&w, QPoint(0, 0)), child->size());
        if (r.intersects(viewRect))
            p.drawPixmap(r.topLeft(), child->grab());
    }
    p.end();
    return whole;
}

}  // namespace citytwin::test
