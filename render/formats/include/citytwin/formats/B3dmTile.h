#pragma once
// Batched 3D Model tiles (3D Tiles 1.0 .b3dm): a 28-byte header, a feature
// table and a batch table (JSON + binary each), then a GLB. The header's
// lengths are checked against the bytes before anything is read.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

struct B3dmTile {
    std::uint32_t byteLength = 0;
    std::string_view featureTableJson;
    std::string_view batchTableJson;                 ///< per-feature attributes (may be empty)
    std::span<const std::uint8_t> batchTableBinary;  ///< what its binary references point into
    std::uint32_t batchLength = 0;                   ///< BATCH_LENGTH: features in the tile
    /// RTC_CENTER: the glTF's coordinates are relative to this ECEF point (metres).
    std::optional<geo::Vec3d> rtcCenter;
    std::span<const std::uint8_t> glb;  ///< the embedded binary glTF
};

/// True if the bytes start with the magic "b3dm".
bool hasB3dmMagic(std::span<const std::uint8_t> bytes);

/// Splits a b3dm; errors name `source` and the header field that is wrong.
geo::Result<B3dmTile> parseB3dm(std::span<const std::uint8_t> bytes, const std::string& source);

}  // namespace citytwin::formats
