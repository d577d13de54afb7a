#include "citytwin/assets/ReportCrs.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/CrsTransform.h"

namespace citytwin::assets {

int gaussKrugerZone(double longitudeDeg) {
    // Zone n spans 3n - 1.5 .. 3n + 1.5; ceil puts a border on the west side.
    const int zone = int(std::ceil((longitudeDeg - 1.5) / 3.0));
    return std::clamp(zone, 25, 45);
}

int gaussKrugerEpsg(int zone) {
    return 4534 + (std::clamp(zone, 25, 45) - 25);
}

geo::Result<ReportProjector> ReportProjector::create(const std::string& definition,
                                                     const geo::GeoPoint& centreWgs84) {
    std::string code = definition;
    if (code.empty())
        code = "EPSG:" + std::to_string(gaussKrugerEpsg(gaussKrugerZone(centreWgs84.x)));
    auto crs = geo::Crs::fromString(code);
    CITYTWIN_RETURN_IF_FAILED(crs);
    auto transform = geo::CrsTransform::create(geo::Crs::wgs84(), crs.value());
    CITYTWIN_RETURN_IF_FAILED(transform);
    ReportProjector p;
    p._code = crs.value().authorityCode().empty() ? code : crs.value().authorityCode();
    p._label = crs.value().label();
    p._transform = std::make_unique<geo::CrsTransform>(std::move(transform).value());
    return p;
}

ReportProjector::ReportProjector(ReportProjector&&) noexcept = default;
ReportProjector& ReportProjector::operator=(ReportProjector&&) noexcept = default;
ReportProjector::~ReportProjector() = default;

geo::GeoPoint ReportProjector::project(const geo::GeoPoint& wgs84) const {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (!_transform)
        return {nan, nan, 0.0};
    auto q = _transform->transform(wgs84);
    return q ? q.value() : geo::GeoPoint{nan, nan, 0.0};
}

}  // namespace citytwin::assets
