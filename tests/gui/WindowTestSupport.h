#pragma once
// What the in-process window tests share: the real MainWindow shown on the
// demo (or the options' data) and waited for until its scene is loaded, a
// fresh frame of its 3D view, and a picture of the whole window.

#include <QImage>
#include <QSize>

#include <memory>

#include "citytwin/render/CameraPose.h"
#include "shell/AppOptions.h"
#include "shell/MainWindow.h"

namespace citytwin::test {

/// Shows a MainWindow on `options` with its view `size` and waits until its
/// scene is loaded (a test failure naming the wait if not within timeoutMs).
std::unique_ptr<app::MainWindow> openWindow(app::AppOptions options, QSize size,
                                            int timeoutMs = 180000);

/// The demo seen from `pose`, loaded (a failed expectation if not within
/// two minutes) and the active window: shortcuts reach only the active
/// window, and Xvfb has no window manager to activate it.
std::unique_ptr<app::MainWindow> openDemoWindow(const render::CameraPose& pose,
                                                QSize size = QSize(1000, 700));

/// Renders a fresh frame of the window's 3D view and returns it.
QImage grabView(app::MainWindow& w);

/// The whole window (labels over the 3D view included), after a frame.
QImage grabWholeWindow(app::MainWindow& w);

}  // namespace citytwin::test
