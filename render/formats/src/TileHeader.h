#pragma once
// The 28-byte header shared by b3dm, pnts and i3dm (i3dm adds 4 bytes):
// magic, version, byteLength and the four table lengths, checked against
// the bytes present before any table is read.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "citytwin/geo/Result.h"

namespace citytwin::formats::detail {

struct TileTables {
    std::uint32_t byteLength = 0;
    std::string_view featureTableJson;
    std::span<const std::uint8_t> featureTableBinary;
    std::string_view batchTableJson;
    std::span<const std::uint8_t> batchTableBinary;
    std::span<const std::uint8_t> body;  ///< what follows the tables (GLB, or nothing)
};

/// `magic` is "pnts"/"i3dm"/...; `headerSize` 28 or 32 (i3dm).
geo::Result<TileTables> splitTileTables(std::span<const std::uint8_t> bytes, const char* magic,
                                        std::size_t headerSize, const std::string& source);

}  // namespace citytwin::formats::detail
