#pragma once
// Transforms coordinates between two CRSs, in GIS axis order (x = longitude
// or easting, y = latitude or northing) whatever the EPSG axis order.
//
// Thread safety: a CrsTransform holds PROJ objects bound to the PROJ context
// of the thread that created it. Create one per thread; never share one.

#include <memory>
#include <span>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo {

class CrsTransform {
public:
    static Result<CrsTransform> create(const Crs& from, const Crs& to);

    CrsTransform(CrsTransform&&) noexcept;
    CrsTransform& operator=(CrsTransform&&) noexcept;
    ~CrsTransform();

    const Crs& source() const;
    const Crs& target() const;
    bool isIdentity() const;

    /// Transforms one point; an error if PROJ cannot (e.g. outside the CRS's domain).
    Result<GeoPoint> transform(const GeoPoint& p) const;

    /// Transforms arrays in place (batched through proj_trans_generic).
    /// zs may be empty. Points that fail become HUGE_VAL/inf; returns how many failed.
    std::size_t transformInPlace(std::span<double> xs, std::span<double> ys,
                                 std::span<double> zs = {}) const;

private:
    struct Impl;
    explicit CrsTransform(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> _impl;
};

}  // namespace citytwin::geo
