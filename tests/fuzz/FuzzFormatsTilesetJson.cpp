// Fuzz target: arbitrary bytes as a tileset.json document, parsed into the
// typed tile tree (render/formats/src/TilesetJson.cpp); every tile visited.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/formats/TilesetJson.h"

namespace {

std::size_t countTiles(const citytwin::formats::TilesetTile& tile) {
    std::size_t n = 1 + tile.contentUris.size();
    for (const auto& child : tile.children)
        n += countTiles(child);
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tileset = citytwin::formats::parseTilesetJson(std::span(data, size), "fuzz");
    if (tileset)
        (void)countTiles(tileset->root);
    return 0;
}
