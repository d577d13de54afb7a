#include "shell/ScreenFit.h"

#include <algorithm>

namespace citytwin::app {

QRect fittedWindowRect(const QRect& available) {
    // A 4 % margin, and room for the frame a window manager adds around the
    // client area (borders, and a title bar of up to 40 px: openbox puts
    // the window 36 px down); no bigger than 1920×1200 on very large screens.
    constexpr int kBorders = 16, kTitleBar = 48;
    const int w = std::min(1920, available.width() - available.width() / 25 - kBorders);
    const int h = std::min(1200, available.height() - available.height() / 25 - kTitleBar);
    QRect r(0, 0, std::max(320, w), std::max(240, h));
    r.moveCenter(available.center());
    return r;
}

DockWidths dockWidthsFor(int windowWidth) {
    DockWidths d;
    // The layer list needs its names and three columns (CRS, features, memory).
    d.left = std::clamp(windowWidth * 24 / 100, 260, 340);
    d.right = std::clamp(windowWidth * 22 / 100, 240, 380);
    return d;
}

bool fitsWithin(const QRect& frame, const QRect& available) {
    return available.contains(frame);
}

}  // namespace citytwin::app
