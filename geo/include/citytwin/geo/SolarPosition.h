#pragma once
// Where the sun stands in the sky at an instant, seen from a place: the
// NOAA solar calculator's algorithm (after Meeus, "Astronomical Algorithms"),
// good to about a minute of arc between 1800 and 2100 — far finer than the
// lighting it places needs.

#include "citytwin/geo/IsoTime.h"

namespace citytwin::geo {

struct SolarPosition {
    /// Degrees above the horizon (negative below), corrected for refraction.
    double elevationDeg = 0.0;
    /// Degrees clockwise from true north (90 east, 180 south).
    double azimuthDeg = 0.0;
};

/// The sun at utcMs (ms since the epoch) seen from longitude/latitude in
/// degrees (east and north positive).
SolarPosition solarPositionAt(TimeMs utcMs, double longitudeDeg, double latitudeDeg);

}  // namespace citytwin::geo
