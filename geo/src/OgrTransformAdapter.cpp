#include "OgrTransformAdapter.h"

#include <cmath>
#include <span>

namespace citytwin::geo::detail {

OgrTransformAdapter::OgrTransformAdapter(const CrsTransform& transform)
    : _transform(transform), _checkGeographicRange(transform.source().isGeographic()) {}

int OgrTransformAdapter::Transform(int count, double* x, double* y, double* z, double*,
                                   int* successes) {
    if (count <= 0)
        return TRUE;
    const auto n = static_cast<std::size_t>(count);
    for (std::size_t i = 0; i < n; ++i) {
        const bool finite =
            std::isfinite(x[i]) && std::isfinite(y[i]) && (!z || std::isfinite(z[i]));
        if (!finite) {
            _lastProblem = "coordinate is NaN or infinite";
        } else if (_checkGeographicRange &&
                   (x[i] < -180.0 || x[i] > 360.0 || y[i] < -90.0 || y[i] > 90.0)) {
            _lastProblem = "coordinate (" + std::to_string(x[i]) + ", " + std::to_string(y[i]) +
                           ") is outside the longitude/latitude range of " +
                           _transform.source().label() + " (wrong CRS or swapped axes?)";
        } else {
            continue;
        }
        if (successes)
            for (std::size_t k = 0; k < n; ++k)
                successes[k] = FALSE;
        return FALSE;
    }
    const std::size_t failed =
        _transform.transformInPlace(std::span<double>(x, n), std::span<double>(y, n),
                                    z ? std::span<double>(z, n) : std::span<double>());
    if (successes)
        for (std::size_t i = 0; i < n; ++i)
            successes[i] = std::isfinite(x[i]) && x[i] != HUGE_VAL;
    if (failed) {
        _lastProblem = "cannot be transformed from " + _transform.source().label() + " to " +
                       _transform.target().label() + " (outside the CRS's domain?)";
        return FALSE;
    }
    return TRUE;
}

OGRCoordinateTransformation* OgrTransformAdapter::Clone() const {
    return new OgrTransformAdapter(_transform);
}

}  // namespace citytwin::geo::detail
