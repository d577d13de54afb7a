#include "citytwin/render/BuildingHeight.h"

#include <cmath>
#include <cstdlib>

namespace citytwin::render {

std::optional<double> parseMetres(const std::string& text) {
    const char* begin = text.c_str();
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin || !std::isfinite(v) || v <= 0.0)
        return std::nullopt;
    // Accept only an optional unit of metres after the number.
    while (*end == ' ')
        ++end;
    if (*end == 'm')
        ++end;
    while (*end == ' ')
        ++end;
    if (*end != '\0')
        return std::nullopt;
    return v;
}

namespace {
std::optional<double> attributeMetres(const geo::Feature& f, const char* name) {
    const std::string* v = f.find(name);
    return v ? parseMetres(*v) : std::nullopt;
}
}  // namespace

BuildingExtent buildingExtentOf(const geo::Feature& f) {
    BuildingExtent e;
    if (auto h = attributeMetres(f, "height")) {
        e.top = *h;
    } else if (auto levels = attributeMetres(f, "building:levels")) {
        e.top = *levels * kMetresPerLevel;
    } else if (auto levels2 = attributeMetres(f, "levels")) {
        e.top = *levels2 * kMetresPerLevel;
    } else {
        e.top = kDefaultBuildingHeight;
        e.estimated = true;
    }
    if (auto mh = attributeMetres(f, "min_height")) {
        e.base = *mh;
    } else if (auto ml = attributeMetres(f, "building:min_level")) {
        e.base = *ml * kMetresPerLevel;
    }
    // A base at or above the top is bad data; draw the whole height instead of nothing.
    if (e.base >= e.top)
        e.base = 0.0;
    return e;
}

}  // namespace citytwin::render
