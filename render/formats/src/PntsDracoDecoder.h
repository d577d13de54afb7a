#pragma once
// 3DTILES_draco_point_compression: a pnts whose feature table (and batch
// table) keep some per-point properties in one Draco bitstream inside the
// feature table binary. Decoded with Google's Draco library and checked
// against POINTS_LENGTH; the caller then reads them like plain properties.

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "citytwin/formats/PntsTile.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats::detail {

struct DracoPoints {
    /// Feature-table semantic (POSITION, RGB, RGBA, NORMAL, BATCH_ID) ->
    /// its components per point, as the plain feature table would give them
    /// (colours 0..255, batch ids whole numbers).
    std::map<std::string, std::vector<double>> semantics;
    /// The batch table with its compressed properties decoded into a binary
    /// body of its own; null when the batch table compresses nothing.
    std::shared_ptr<const PntsTile::DecodedBatchTable> batchTable;
};

/// True if the table's JSON carries the extension.
bool hasDracoPointCompression(const nlohmann::json& table);

/// Decodes the feature table's extension (and the batch table's, which
/// points into the same bitstream). Errors name `source` and the field.
geo::Result<DracoPoints> decodeDracoPoints(const nlohmann::json& featureTable,
                                           std::span<const std::uint8_t> featureBinary,
                                           const nlohmann::json& batchTable,
                                           std::span<const std::uint8_t> batchBinary,
                                           std::uint32_t pointCount, const std::string& source);

}  // namespace citytwin::formats::detail
