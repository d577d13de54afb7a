#include "WindowTestSupport.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSignalSpy>

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

QImage grabView(app::MainWindow& w) {
    QCoreApplication::processEvents();
    return w.view()->grabFramebuffer();
}

}  // namespace citytwin::test
