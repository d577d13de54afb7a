#pragma once
// The in-process window tests' common start: the main window on the demo,
// loaded and active, and a picture of the whole window as the user sees it.
// Part of citytwin_gui_test_main (it needs the app); GuiTestSupport stays
// free of it for the tests that run the program as a process.

#include <QImage>
#include <QSize>

#include <memory>

#include "citytwin/render/CameraPose.h"

namespace citytwin::app {
class MainWindow;
}

namespace citytwin::test {

/// The demo seen from `pose`, loaded (a failed expectation if not within
/// two minutes) and the active window: shortcuts reach only the active
/// window, and Xvfb has no window manager to activate it.
std::unique_ptr<app::MainWindow> openDemoWindow(const render::CameraPose& pose,
                                                QSize size = QSize(1000, 700));

/// The whole window (labels over the 3D view included), after a frame.
QImage grabWholeWindow(app::MainWindow& w);

}  // namespace citytwin::test
