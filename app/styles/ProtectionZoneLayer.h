#pragma once
// The protection zones of an asset project as a layer of the scene: the
// reader that the window hands to render::SceneAssembler for its
// "Protection zones" source (no Qt).

#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/SceneAssembler.h"

namespace citytwin::app {

/// The zones that the cables of the asset project at source.path imply
/// (assets::ProtectionZoneBuilder, under the project's rules), as one WGS 84 layer.
geo::Result<std::vector<geo::FeatureLayer>> readProtectionZones(const render::SceneSource& source);

}  // namespace citytwin::app
