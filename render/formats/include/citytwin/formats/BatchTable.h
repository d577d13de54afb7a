#pragma once
// A 3D Tiles batch table (b3dm, pnts, i3dm) as a geo::FeatureLayer: one
// feature per batch id (feature id = batch id) holding every property as a
// text attribute, so a pick on a tile's feature shows its properties in the
// attribute panel through the same path as vector layers.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

/// `count` features (BATCH_LENGTH, or the points/instances when there are no
/// batch ids). Properties whose length or binary reference does not fit are
/// skipped with a warning naming them; a batch table that is not JSON is a
/// warning too (the features are still listed, with their ids).
geo::Result<std::shared_ptr<geo::FeatureLayer>> buildBatchTableLayer(
    std::string_view json, std::span<const std::uint8_t> binary, std::uint32_t count,
    const std::string& layerName, const std::string& source);

}  // namespace citytwin::formats
