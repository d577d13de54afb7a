#pragma once
// What the in-process window tests share: the real MainWindow shown on the
// demo (or the options' data) and waited for until its scene is loaded, and
// a fresh frame of its 3D view.

#include <QImage>
#include <QSize>

#include <memory>

#include "shell/AppOptions.h"
#include "shell/MainWindow.h"

namespace citytwin::test {

/// Shows a MainWindow on `options` with its view `size` and waits until its
/// scene is loaded (a test failure naming the wait if not within timeoutMs).
std::unique_ptr<app::MainWindow> openWindow(app::AppOptions options, QSize size,
                                            int timeoutMs = 180000);

/// Renders a fresh frame of the window's 3D view and returns it.
QImage grabView(app::MainWindow& w);

}  // namespace citytwin::test
