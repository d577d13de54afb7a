#include "AssetLayerStyles.h"

namespace citytwin::app {

std::vector<render::StyleRule> assetLifecycleRules() {
    return {
        {"status", "planned", {0.98f, 0.62f, 0.15f, 1.f}},
        {"status", "decommissioned", {0.55f, 0.55f, 0.55f, 1.f}},
        {"status", "removed", {0.3f, 0.3f, 0.3f, 1.f}},
    };
}

render::LayerStyle assetLayerStyle(const render::LayerToStyle& layer) {
    render::LayerStyle style = render::requestedOrDefaultStyle(layer);
    // Any layer may hold assets (the user's own files too): after the
    // layer's own rules, so that those win.
    for (auto& rule : assetLifecycleRules())
        style.rules.push_back(std::move(rule));
    if (style.role == render::LayerRole::Mast && style.heightAttribute.empty())
        style.heightAttribute = "antenna_height_m";
    return style;
}

}  // namespace citytwin::app
