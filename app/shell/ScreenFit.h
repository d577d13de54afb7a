#pragma once
// How big the first window is: it fits the screen it opens on (its
// available geometry, without panels and task bars), with docks sized for
// that width so that none is cut off and the 3D view keeps most of it.

#include <QRect>

namespace citytwin::app {

/// The window's frame on a screen whose available area is `available`: a
/// little inside it, centred, never larger.
QRect fittedWindowRect(const QRect& available);

/// Widths of the left (layers, attributes) and right (alerts, history)
/// docks for a window `windowWidth` wide.
struct DockWidths {
    int left = 0;
    int right = 0;
};
DockWidths dockWidthsFor(int windowWidth);

/// Whether `frame` lies within `available` (a restored geometry from a
/// larger screen does not).
bool fitsWithin(const QRect& frame, const QRect& available);

}  // namespace citytwin::app
