#include "citytwin/render/StyleLegend.h"

#include <algorithm>

namespace citytwin::render {

osg::Vec4 heightGradientColor(double top) {
    static const osg::Vec4 low{0.88f, 0.84f, 0.76f, 1.f};
    static const osg::Vec4 mid{0.78f, 0.78f, 0.80f, 1.f};
    static const osg::Vec4 high{0.52f, 0.64f, 0.80f, 1.f};
    auto lerp = [](const osg::Vec4& a, const osg::Vec4& b, float t) {
        return a * (1.f - t) + b * t;
    };
    const float t = static_cast<float>(std::clamp(top / 200.0, 0.0, 1.0));
    return t < 0.3f ? lerp(low, mid, t / 0.3f) : lerp(mid, high, (t - 0.3f) / 0.7f);
}

namespace {

bool anyFeatureHas(const geo::FeatureLayer* layer, const std::string& attribute,
                   const std::string& value) {
    if (!layer)
        return true;
    return std::any_of(layer->features.begin(), layer->features.end(), [&](const geo::Feature& f) {
        const std::string* v = f.find(attribute);
        return v && *v == value;
    });
}

}  // namespace

std::vector<LegendClass> legendOf(const LayerStyle& style, const geo::FeatureLayer* layer) {
    using K = LegendClass::Kind;
    std::vector<LegendClass> out;
    for (const StyleRule& r : style.rules)
        if (anyFeatureHas(layer, r.attribute, r.value))
            out.push_back({K::Rule, r.color, r.attribute, r.value});
    if (!style.bandAttribute.empty()) {
        std::vector<ColorBand> bands = style.bands;
        std::stable_sort(bands.begin(), bands.end(),
                         [](const ColorBand& a, const ColorBand& b) { return a.from < b.from; });
        for (std::size_t i = 0; i < bands.size(); ++i) {
            LegendClass c{K::Band, bands[i].color, style.bandAttribute};
            c.from = bands[i].from;
            if (i + 1 < bands.size())
                c.to = bands[i + 1].from;
            out.push_back(c);
        }
    }
    for (const auto& [value, color] : style.categoryColors)  // a std::map: by value
        if (anyFeatureHas(layer, style.categoryAttribute, value))
            out.push_back({K::Category, color, style.categoryAttribute, value});
    // Every building is some metres tall: bands from 0 m leave nothing over.
    const bool everyBuildingBanded = style.role == LayerRole::Buildings &&
                                     style.bandAttribute == kDrawnHeight &&
                                     std::any_of(style.bands.begin(), style.bands.end(),
                                                 [](const ColorBand& b) { return b.from <= 0.0; });
    if (everyBuildingBanded && !out.empty())
        return out;
    if (style.role == LayerRole::Buildings && style.colorByHeight) {
        for (double h : {10.0, 60.0, 200.0}) {
            LegendClass c{K::Height, heightGradientColor(h), kDrawnHeight};
            c.from = h;
            out.push_back(c);
        }
    } else {
        out.push_back({K::Other, style.color});
    }
    return out;
}

}  // namespace citytwin::render
