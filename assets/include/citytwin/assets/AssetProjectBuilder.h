#pragma once
// Validates the fixed asset layers (as read from a project GeoPackage or any
// OGR source, already in WGS 84) and turns them into an AssetProject.
//
// Missing optional fields are fine. A wrong type (text in a number or date
// field), an unknown enum value, an empty or wrong geometry, or a
// self-intersecting polygon is an error Diagnostic with source = layer name,
// line = feature number (FID), field = the field, and the feature's `id` in
// the message. A bad field is left unset (the feature is kept); a feature
// whose geometry is unusable is skipped. Layers absent from the input are
// listed in AssetProject::missingLayers with a warning each. The optional
// core_nodes layer (id, kind, name, operator; the network model's) is read
// when present and never listed as missing.

#include <string>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

/// Fails only when none of the seven layers is present (not a project).
geo::Result<AssetProject> buildAssetProject(const std::vector<geo::FeatureLayer>& layers,
                                            const std::string& sourcePath);

}  // namespace citytwin::assets
