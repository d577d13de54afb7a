#pragma once
// The binary glTF container (GLB): a 12-byte header, a JSON chunk and an
// optional BIN chunk. Checked here, before any glTF parser sees the bytes, so
// that lengths larger than the file or misaligned chunks are a clear error.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "citytwin/geo/Result.h"

namespace citytwin::formats {

struct GlbChunks {
    std::uint32_t version = 0;
    /// The declared total length; `bytes` beyond it (padding) are ignored.
    std::uint32_t length = 0;
    std::string_view json;
    std::span<const std::uint8_t> bin;  ///< empty if there is no BIN chunk
};

/// True if the bytes start with the GLB magic "glTF".
bool hasGlbMagic(std::span<const std::uint8_t> bytes);

/// Validates the header and chunk table; the views point into `bytes`.
/// Errors name `source` and the field (magic, version, length, chunkLength...).
geo::Result<GlbChunks> parseGlb(std::span<const std::uint8_t> bytes, const std::string& source);

}  // namespace citytwin::formats
