// Fuzzes the "Go to" coordinate parser: any bytes in every system. A success
// must be a finite WGS 84 position; a failure must say why.

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "citytwin/geo/CoordinateInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace citytwin::geo;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const CoordinateRequest requests[] = {
        {CoordinateSystem::Wgs84, 0, 3},        {CoordinateSystem::Gcj02, 0, 3},
        {CoordinateSystem::Bd09, 0, 3},         {CoordinateSystem::GaussKruger, 0, 3},
        {CoordinateSystem::GaussKruger, 40, 3}, {CoordinateSystem::GaussKruger, 21, 6},
    };
    for (const auto& request : requests) {
        const auto r = resolveCoordinate(text, request);
        if (r.ok()) {
            if (!std::isfinite(r->wgs84.x) || !std::isfinite(r->wgs84.y) ||
                std::fabs(r->wgs84.y) > 90.0 + 1e-9)
                std::abort();
        } else if (r.messages().empty()) {
            std::abort();
        }
    }
    return 0;
}
