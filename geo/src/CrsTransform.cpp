#include "citytwin/geo/CrsTransform.h"

#include <cmath>

#include "ProjContext.h"
#include "ThreadOperationCache.h"
#include "citytwin/geo/ChineseOffsets.h"

namespace citytwin::geo {

namespace {
// The offset systems are defined on WGS 84 longitude/latitude.
Crs projSideOf(const Crs& c) {
    return c.kind() == Crs::Kind::Proj ? c : Crs::wgs84();
}
}  // namespace

struct CrsTransform::Impl {
    Crs from, to;
    // Shared with the thread's cache and the other transforms between the
    // same CRSs on this thread; null when the PROJ leg is the identity.
    std::shared_ptr<PJ> pj;
    PJ_CONTEXT* ctx = nullptr;
};

CrsTransform::CrsTransform(std::unique_ptr<Impl> impl) : _impl(std::move(impl)) {}
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;
CrsTransform::~CrsTransform() = default;

Result<CrsTransform> CrsTransform::create(const Crs& from, const Crs& to) {
    if (!from.isValid() || !to.isValid())
        return Result<CrsTransform>::failure("transform needs a valid source and target CRS");
    auto impl = std::make_unique<Impl>();
    impl->from = from;
    impl->to = to;
    impl->ctx = detail::projContext();
    const Crs a = projSideOf(from);
    const Crs b = projSideOf(to);
    if (!(a == b)) {
        const detail::CachedOperation op = detail::threadOperation(a, b);
        if (!op.pj)
            return Result<CrsTransform>::failure(op.error);
        impl->pj = op.pj;
    }
    return CrsTransform(std::move(impl));
}

const Crs& CrsTransform::source() const {
    return _impl->from;
}
const Crs& CrsTransform::target() const {
    return _impl->to;
}
bool CrsTransform::isIdentity() const {
    return _impl->from == _impl->to;
}

std::size_t CrsTransform::transformInPlace(std::span<double> xs, std::span<double> ys,
                                           std::span<double> zs) const {
    const std::size_t n = std::min(xs.size(), ys.size());
    const bool haveZ = zs.size() >= n && n > 0;
    if (isIdentity())
        return 0;

    auto applyOffset = [&](Crs::Kind kind, bool toWgs) {
        if (kind == Crs::Kind::Proj)
            return;
        for (std::size_t i = 0; i < n; ++i) {
            GeoPoint p{xs[i], ys[i], 0.0};
            GeoPoint q;
            if (kind == Crs::Kind::Gcj02)
                q = toWgs ? gcj02ToWgs84(p) : wgs84ToGcj02(p);
            else
                q = toWgs ? bd09ToWgs84(p) : wgs84ToBd09(p);
            xs[i] = q.x;
            ys[i] = q.y;
        }
    };

    applyOffset(_impl->from.kind(), true);
    if (_impl->pj) {
        proj_errno_reset(_impl->pj.get());
        proj_trans_generic(_impl->pj.get(), PJ_FWD, xs.data(), sizeof(double), n, ys.data(),
                           sizeof(double), n, haveZ ? zs.data() : nullptr, sizeof(double),
                           haveZ ? n : 0, nullptr, 0, 0);
    }
    applyOffset(_impl->to.kind(), false);

    std::size_t failed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]) || std::abs(xs[i]) > 1e30) {
            xs[i] = ys[i] = HUGE_VAL;
            ++failed;
        }
    }
    return failed;
}

Result<GeoPoint> CrsTransform::transform(const GeoPoint& p) const {
    double x = p.x, y = p.y, z = p.z;
    if (!std::isfinite(x) || !std::isfinite(y))
        return Result<GeoPoint>::failure("coordinate is not a finite number");
    const std::size_t failed = transformInPlace({&x, 1}, {&y, 1}, {&z, 1});
    if (failed) {
        return Result<GeoPoint>::failure("cannot transform (" + std::to_string(p.x) + ", " +
                                         std::to_string(p.y) + ") from " + source().label() +
                                         " to " + target().label());
    }
    return GeoPoint{x, y, z};
}

}  // namespace citytwin::geo
