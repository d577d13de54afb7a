#include "shell/ScreenFit.h"

#include <algorithm>

namespace citytwin::app {

QRect fittedWindowRect(const QRect& available) {
    // 4 % margin each way (room for the frame a window manager adds), and
    // no bigger than a comfortable 1920×1200 on very large screens.
    const int w = std::min(1920, available.width() - available.width() / 25);
    const int h = std::min(1200, available.height() - available.height() / 25);
    QRect r(0, 0, std::max(320, w), std::max(240, h));
    r.moveCenter(available.center());
    return r;
}

DockWidths dockWidthsFor(int windowWidth) {
    DockWidths d;
    d.left = std::clamp(windowWidth * 18 / 100, 200, 320);
    d.right = std::clamp(windowWidth * 22 / 100, 240, 380);
    return d;
}

bool fitsWithin(const QRect& frame, const QRect& available) {
    return available.contains(frame);
}

}  // namespace citytwin::app
