#pragma once
// How the asset layers are drawn: the style provider that the window and
// citytwin-cli hand to render::SceneAssembler. The generic layer builder
// knows no attribute vocabulary; the asset model's is here.

#include <vector>

#include "citytwin/render/LayerStyle.h"
#include "citytwin/render/SceneAssembler.h"

namespace citytwin::app {

/// The asset lifecycle at a glance: a feature whose `status` is planned
/// is amber, decommissioned grey, removed dark grey.
std::vector<render::StyleRule> assetLifecycleRules();

/// The layer's own style (else render::defaultStyleFor) with the asset
/// rules: lifecycle colours in every layer that records a status, and masts
/// (base stations) as tall as their `antenna_height_m`.
render::LayerStyle assetLayerStyle(const render::LayerToStyle& layer);

}  // namespace citytwin::app
