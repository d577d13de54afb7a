#pragma once
// Instanced 3D Model tiles (3D Tiles 1.0 .i3dm): a 32-byte header, a feature
// table with one pose per instance (POSITION or POSITION_QUANTIZED,
// NORMAL_UP/NORMAL_RIGHT or their oct-encoded forms, EAST_NORTH_UP, SCALE or
// SCALE_NON_UNIFORM, RTC_CENTER, BATCH_ID), a batch table and a glTF that is
// either embedded (GLB) or named by a URI. Everything is checked here.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

struct I3dmInstance {
    geo::Vec3d position;  ///< tile frame metres, RTC_CENTER included
    /// Orientation as the instance's right and up axes in the tile frame;
    /// absent: identity, or east-north-up when the tile says EAST_NORTH_UP.
    std::optional<geo::Vec3d> up, right;
    geo::Vec3d scale{1, 1, 1};
    std::uint32_t batchId = 0;  ///< BATCH_ID, or the instance's index
};

struct I3dmTile {
    bool embeddedGltf = true;           ///< gltfFormat 1; 0 = `gltfUri`
    std::span<const std::uint8_t> glb;  ///< the embedded glTF (GLB, or JSON glTF)
    std::string gltfUri;
    bool eastNorthUp = false;
    std::vector<I3dmInstance> instances;
    std::uint32_t batchLength = 0;  ///< features: BATCH_LENGTH or instances
    std::string_view batchTableJson;
    std::span<const std::uint8_t> batchTableBinary;
};

bool hasI3dmMagic(std::span<const std::uint8_t> bytes);

geo::Result<I3dmTile> parseI3dm(std::span<const std::uint8_t> bytes, const std::string& source);

}  // namespace citytwin::formats
