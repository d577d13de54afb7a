#include "citytwin/render/LayerStyle.h"

#include <algorithm>
#include <cctype>

namespace citytwin::render {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool looksLikeBuildings(const geo::FeatureLayer& layer) {
    if (lower(layer.name).find("building") != std::string::npos)
        return true;
    // Any footprint with a height or level count marks a building layer.
    std::size_t withHeight = 0;
    for (const auto& f : layer.features) {
        if (f.find("height") || f.find("building:levels") || f.find("building"))
            ++withHeight;
        if (withHeight >= 1)
            return true;
    }
    return false;
}
}  // namespace

std::vector<ColorBand> buildingHeightBands() {
    return {{0.0, {0.89f, 0.85f, 0.77f, 1.f}},
            {24.0, {0.80f, 0.79f, 0.78f, 1.f}},
            {50.0, {0.66f, 0.72f, 0.80f, 1.f}},
            {100.0, {0.46f, 0.60f, 0.78f, 1.f}},
            {200.0, {0.30f, 0.45f, 0.72f, 1.f}}};
}

const ColorBand* bandFor(const std::vector<ColorBand>& bands, double value) {
    const ColorBand* found = nullptr;
    for (const ColorBand& b : bands)
        if (value >= b.from)
            found = &b;
    return found;
}

std::string defaultLabelAttribute(const geo::FeatureLayer& layer) {
    constexpr std::size_t kMostLabels = 500;  // beyond this, labels are clutter
    if (layer.features.empty() || layer.features.size() > kMostLabels)
        return {};
    for (const char* field : {"name", "NAME", "name_zh", "name:zh", "Name", "label"}) {
        std::size_t named = 0;
        for (const auto& f : layer.features)
            if (const std::string* v = f.find(field); v && !v->empty())
                ++named;
        if (2 * named > layer.features.size())
            return field;
    }
    return {};
}

LayerStyle defaultStyleFor(const geo::FeatureLayer& layer) {
    LayerStyle s;
    switch (layer.geometryKind()) {
        case geo::GeometryKind::Point:
            s.role = LayerRole::Glyph;
            s.color = {0.1f, 0.75f, 0.85f, 1.f};
            break;
        case geo::GeometryKind::Line:
            s.role = LayerRole::Line;
            s.color = {0.95f, 0.85f, 0.35f, 1.f};
            s.elevation = 0.8f;
            break;
        case geo::GeometryKind::Polygon:
        case geo::GeometryKind::Mixed:
            if (looksLikeBuildings(layer)) {
                s.role = LayerRole::Buildings;
                s.color = {0.85f, 0.82f, 0.76f, 1.f};
            } else {
                // Draped and translucent with a clear outline: what lies under
                // a district (roads, water) still shows through.
                s.role = LayerRole::Area;
                s.color = {0.98f, 0.78f, 0.35f, 0.3f};
                s.outlineColor = {0.85f, 0.4f, 0.1f, 1.f};
                s.outlineWidth = 2.f;
                s.elevation = 1.2f;
                s.labelAttribute = defaultLabelAttribute(layer);
            }
            break;
        case geo::GeometryKind::Unknown:
            break;
    }
    return s;
}

const char* toString(LayerRole role) {
    switch (role) {
        case LayerRole::Buildings:
            return "buildings";
        case LayerRole::Area:
            return "area";
        case LayerRole::Line:
            return "line";
        case LayerRole::Glyph:
            return "glyph";
        case LayerRole::Mast:
            return "mast";
    }
    return "area";
}

}  // namespace citytwin::render
