// Fuzz target: arbitrary bytes as an OSGB pyramid's metadata.xml
// (render/formats/src/OsgbMetadata.cpp: GDAL's XML parser, the SRS and
// SRSOrigin readers). Never a crash; accepted metadata is usable: a non-empty
// SRS, a finite origin, an ENU origin inside WGS 84's range.

#include <cmath>
#include <cstdint>
#include <string>

#include "citytwin/formats/OsgbMetadata.h"

namespace {

bool finite(const citytwin::geo::GeoPoint& p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string xml(reinterpret_cast<const char*>(data), size);
    const auto m = citytwin::formats::parseOsgbMetadata(xml, "fuzz/metadata.xml");
    if (!m.ok())
        return 0;
    if (m->srsText.empty() || !finite(m->srsOrigin))
        __builtin_trap();
    if (m->isEnu && (!finite(m->enuOrigin) || std::abs(m->enuOrigin.x) > 180.0 ||
                     std::abs(m->enuOrigin.y) > 90.0))
        __builtin_trap();
    return 0;
}
