#pragma once
// What the history GUI tests share: times, a wheel notch sent to a widget,
// and how much of the timeline's coverage band is drawn in its colour.

#include <QApplication>
#include <QImage>
#include <QWheelEvent>

#include "citytwin/sensors/TimeFormat.h"
#include "sensors/TimelineTrack.h"

namespace citytwin::test {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

/// An ISO 8601 time with zone, ms since the epoch.
inline qint64 at(const char* iso) {
    return sensors::parseIso8601(iso).value();
}

/// `clicks` wheel notches (> 0: away from the user, zoom in) at x, mid-height.
inline void wheel(QWidget* w, int x, int clicks) {
    const QPointF p(x, w->height() / 2);
    QWheelEvent e(p, w->mapToGlobal(p), QPoint(), QPoint(0, 120 * clicks), Qt::NoButton,
                  Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

/// Share of the coverage band's pixels in [x0, x1] in the coverage colour.
inline double coveredShare(const QImage& image, const app::TimelineTrack& track, int x0, int x1) {
    const int y = track.coverageBandRows().first + 1;
    int n = 0, covered = 0;
    for (int x = x0; x <= x1; ++x, ++n)
        covered += image.pixelColor(x, y) == app::TimelineTrack::coverageColour();
    return n ? double(covered) / n : 0.0;
}

}  // namespace citytwin::test
