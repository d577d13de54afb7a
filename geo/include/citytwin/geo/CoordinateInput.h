#pragma once
// A coordinate as an operator types it into "Go to": decimal degrees
// ("31.2397, 121.4998"), degrees-minutes-seconds with hemispheres
// ("121°29'59\"E 31°14'23\"N", "东经121度29分59秒 北纬31度14分23秒"), or a
// Gauss-Kruger easting/northing ("40500123.4, 3456789.0"), in one of the
// systems Shanghai's data comes in. Converted to WGS 84 for the camera.
//
// Order of two plain numbers: hemisphere letters decide; else a value
// beyond +-90 is the longitude; else latitude first (as map sites copy it).
// Gauss-Kruger: the value below 1,000,000 (or carrying a zone prefix,
// 13..45 million) is the easting, whichever comes first.

#include <string>
#include <string_view>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo {

enum class CoordinateSystem {
    Wgs84,        ///< EPSG:4326, degrees
    Cgcs2000,     ///< EPSG:4490, degrees
    GaussKruger,  ///< CGCS2000 Gauss-Kruger, metres (3- or 6-degree zones)
    Gcj02,        ///< China's web-map offset of WGS 84, degrees
    Bd09,         ///< Baidu's offset of GCJ-02, degrees
};

struct CoordinateRequest {
    CoordinateSystem system = CoordinateSystem::Wgs84;
    /// Gauss-Kruger zone number; 0: taken from the easting's prefix.
    int zone = 0;
    /// Gauss-Kruger zone width in degrees (3 or 6) for a chosen zone; a
    /// prefix tells the width itself (13..23: 6 degrees, 25..45: 3 degrees).
    int zoneWidth = 3;
};

/// Two numbers as typed, before any system is applied.
struct TypedPair {
    enum class Axis { Unknown, Longitude, Latitude };
    double first = 0.0;
    double second = 0.0;
    Axis firstAxis = Axis::Unknown;  ///< from a hemisphere letter (E/W, N/S)
    Axis secondAxis = Axis::Unknown;
    bool sexagesimal = false;  ///< degrees-minutes-seconds were used
};

/// Parses the two numbers; the error names the character or part that is wrong.
Result<TypedPair> parseTypedPair(std::string_view text);

struct CoordinateTarget {
    GeoPoint wgs84;           ///< longitude, latitude (degrees), z = 0
    GeoPoint typed;           ///< x = longitude or easting, y = latitude or northing
    std::string systemLabel;  ///< e.g. "EPSG:4528 CGCS2000 / 3-degree Gauss-Kruger zone 40"
};

/// Parses `text` in the request's system and converts it to WGS 84.
Result<CoordinateTarget> resolveCoordinate(std::string_view text, const CoordinateRequest& request);

/// EPSG code of a CGCS2000 Gauss-Kruger zone: width 3 (zones 25..45) or 6
/// (13..23), with the zone prefix in the easting or without (CM variants);
/// 0 if there is no such zone.
int cgcs2000GaussKrugerEpsg(int zone, int width, bool withPrefix);

const char* toString(CoordinateSystem system);

}  // namespace citytwin::geo
