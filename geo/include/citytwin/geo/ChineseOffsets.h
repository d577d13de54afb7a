#pragma once
// GCJ-02 and BD-09, the offset systems of Chinese web maps. PROJ does not
// implement them. Forward: the widely published GCJ-02 algorithm (Krasovsky
// ellipsoid constants a = 6378245 m, ee = 0.00669342162296594323) and Baidu's
// BD-09 rotation/scale of GCJ-02; inverse: fixed-point iteration of the
// forward to better than 1e-9 degrees. Outside mainland China (the systems'
// published bounding box) both are the identity.

#include "citytwin/geo/GeoTypes.h"

namespace citytwin::geo {

/// True where GCJ-02 leaves coordinates unchanged (outside mainland China).
bool isOutsideChina(double lon, double lat);

GeoPoint wgs84ToGcj02(const GeoPoint& p);
GeoPoint gcj02ToWgs84(const GeoPoint& p);
GeoPoint gcj02ToBd09(const GeoPoint& p);
GeoPoint bd09ToGcj02(const GeoPoint& p);
GeoPoint wgs84ToBd09(const GeoPoint& p);
GeoPoint bd09ToWgs84(const GeoPoint& p);

}  // namespace citytwin::geo
