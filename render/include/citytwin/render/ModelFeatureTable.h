#pragma once
// The features of a loaded model (3D Tiles, glTF with feature ids) as one
// table: the batch tables / property tables of the tiles loaded now, found
// through the FeaturePickData under the model's node, one row per feature
// id of each tile. Each row is the tile's feature with a "tile" attribute
// naming its content, so the attribute table can show, sort and filter it;
// `sources` maps a row back to the tile layer a pick reports.
//
// Thread safety: reads the live scene graph; call it on the GUI (render)
// thread, where the pager merges tiles.

#include <osg/Node>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Feature.h"

namespace citytwin::render {

struct ModelFeatureRow {
    std::string layerId;  ///< the tile's layer id, as a PickHit names it
    std::shared_ptr<const geo::FeatureLayer> layer;
    std::uint32_t featureIndex = 0;
};

struct ModelFeatureTable {
    std::shared_ptr<geo::FeatureLayer> layer;  ///< one feature per row
    std::vector<ModelFeatureRow> sources;      ///< row i came from sources[i]

    /// The row of a picked tile feature, or nullopt if not in the table.
    std::optional<std::uint32_t> rowOf(const std::string& layerId,
                                       std::uint32_t featureIndex) const;
};

/// The features under `modelRoot` (every loaded child, shown or not), in the
/// order their tiles are met; `name` names the table. Empty (no rows) when
/// the model carries no feature properties.
ModelFeatureTable collectModelFeatures(osg::Node& modelRoot, const std::string& name);

}  // namespace citytwin::render
