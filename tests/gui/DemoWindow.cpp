#include "DemoWindow.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "shell/MainWindow.h"
#include "view/OsgView.h"

namespace citytwin::test {

std::unique_ptr<app::MainWindow> openDemoWindow(const render::CameraPose& pose, QSize size) {
    app::AppOptions options;
    options.size = size;
    options.maybeCamera = pose;
    auto w = std::make_unique<app::MainWindow>(options);
    QSignalSpy loaded(w.get(), &app::MainWindow::sceneLoaded);
    w->show();
    w->start();
    EXPECT_TRUE(loaded.wait(120000)) << "scene did not load";
    w->activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(w.get(), 5000));
    return w;
}

QImage grabWholeWindow(app::MainWindow& w) {
    w.view()->grabFramebuffer();  // merges what was queued
    QTest::qWait(50);
    return w.grab().toImage();
}

}  // namespace citytwin::test
