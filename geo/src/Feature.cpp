#include "citytwin/geo/Feature.h"

#include <charconv>
#include <cmath>

namespace citytwin::geo {

std::optional<double> attributeNumber(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty())
        return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

Extent Geometry::extent() const {
    Extent e;
    for (const auto& p : points)
        e.add(p.x, p.y);
    for (const auto& l : lines)
        for (const auto& p : l)
            e.add(p.x, p.y);
    for (const auto& poly : polygons)
        if (!poly.rings.empty())
            for (const auto& p : poly.rings.front())
                e.add(p.x, p.y);
    return e;
}

const std::string* Feature::find(const std::string& name) const {
    for (const auto& a : attributes)
        if (a.name == name)
            return &a.value;
    return nullptr;
}

Extent FeatureLayer::extent() const {
    Extent e;
    for (const auto& f : features)
        e.add(f.geometry.extent());
    return e;
}

GeometryKind FeatureLayer::geometryKind() const {
    GeometryKind kind = GeometryKind::Unknown;
    auto merge = [&](GeometryKind k) {
        if (kind == GeometryKind::Unknown)
            kind = k;
        else if (kind != k)
            kind = GeometryKind::Mixed;
    };
    for (const auto& f : features) {
        if (!f.geometry.points.empty())
            merge(GeometryKind::Point);
        if (!f.geometry.lines.empty())
            merge(GeometryKind::Line);
        if (!f.geometry.polygons.empty())
            merge(GeometryKind::Polygon);
    }
    return kind;
}

const char* toString(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Unknown:
            return "unknown";
        case GeometryKind::Point:
            return "point";
        case GeometryKind::Line:
            return "line";
        case GeometryKind::Polygon:
            return "polygon";
        case GeometryKind::Mixed:
            return "mixed";
    }
    return "unknown";
}

}  // namespace citytwin::geo
