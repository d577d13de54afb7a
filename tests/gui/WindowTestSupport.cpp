#include "WindowTestSupport.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
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
    return w.grab().toImage();
}

}  // namespace citytwin::test
