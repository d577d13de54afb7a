#pragma once
// The local render frame: east-north-up metres around a double-precision
// origin on the WGS 84 ellipsoid. City data is converted to it in double, and
// only then offset into float tiles by the renderer, so nothing jitters.

#include "citytwin/geo/GeoTypes.h"

namespace citytwin::geo {

class LocalFrame {
public:
    /// Origin as WGS 84 longitude, latitude (degrees) and ellipsoidal height (m).
    explicit LocalFrame(GeoPoint originLonLatH = {});

    const GeoPoint& origin() const { return _origin; }

    /// WGS 84 lon/lat/h (degrees, metres) -> east, north, up (metres).
    Vec3d toLocal(const GeoPoint& lonLatH) const;
    /// East, north, up (metres) -> WGS 84 lon/lat/h.
    GeoPoint toGeographic(const Vec3d& enu) const;

    /// Earth-centred, earth-fixed WGS 84 coordinates (metres).
    static Vec3d geographicToEcef(const GeoPoint& lonLatH);
    static GeoPoint ecefToGeographic(const Vec3d& ecef);

private:
    GeoPoint _origin;
    Vec3d _originEcef;
    // Rows of the ECEF -> ENU rotation.
    Vec3d _east, _north, _up;
};

}  // namespace citytwin::geo
