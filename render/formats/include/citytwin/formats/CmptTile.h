#pragma once
// Composite tiles (3D Tiles 1.0 .cmpt): a 16-byte header and inner tiles of
// any type (b3dm, pnts, i3dm, cmpt) back to back, each starting with its own
// magic, version and byteLength. The lengths are checked here; the inner
// tiles are parsed by their own readers (recursively for nested cmpt).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::formats {

bool hasCmptMagic(std::span<const std::uint8_t> bytes);

/// The inner tiles' bytes, in order.
geo::Result<std::vector<std::span<const std::uint8_t>>> parseCmpt(
    std::span<const std::uint8_t> bytes, const std::string& source);

}  // namespace citytwin::formats
