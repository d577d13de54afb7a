#pragma once
// Point cloud tiles (3D Tiles 1.0 .pnts): a 28-byte header, a feature table
// (POSITION or POSITION_QUANTIZED, RTC_CENTER, RGBA / RGB / RGB565 /
// CONSTANT_RGBA colours, NORMAL or NORMAL_OCT16P, BATCH_ID) and a batch
// table, either possibly Draco-compressed (3DTILES_draco_point_compression).
// Everything is decoded and checked here; the result holds plain arrays
// ready for a GL_POINTS geometry.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

struct PntsTile {
    std::uint32_t pointCount = 0;
    /// Tile-frame metres relative to `origin` (RTC_CENTER, the quantized
    /// volume's offset, or the points' own centre), xyz per point.
    std::vector<float> positions;
    geo::Vec3d origin;
    std::vector<std::uint8_t> colors;  ///< RGBA per point, empty if none
    std::optional<std::array<std::uint8_t, 4>> constantColor;
    std::vector<float> normals;           ///< xyz per point, empty if none
    std::vector<std::uint32_t> batchIds;  ///< per point, empty if no BATCH_ID
    std::uint32_t batchLength = 0;        ///< features in the batch table
    std::string_view batchTableJson;
    std::span<const std::uint8_t> batchTableBinary;
    /// A batch table whose Draco-compressed properties were decoded into a
    /// binary body of its own; batchTableJson/Binary then view it. Shared so
    /// the views survive copies and moves of the tile.
    struct DecodedBatchTable {
        std::string json;
        std::vector<std::uint8_t> binary;
    };
    std::shared_ptr<const DecodedBatchTable> decodedBatchTable;
};

bool hasPntsMagic(std::span<const std::uint8_t> bytes);

/// Decodes a pnts; errors name `source` and the header or feature-table field.
geo::Result<PntsTile> parsePnts(std::span<const std::uint8_t> bytes, const std::string& source);

/// Decodes a 3D Tiles oct-encoded unit vector (x, y in 0..range).
geo::Vec3d decodeOctNormal(double x, double y, double range);

}  // namespace citytwin::formats
