// Fuzz target: arbitrary bytes as a pnts point cloud tile, batch table included.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/render/BatchTable.h"
#include "citytwin/render/PntsTile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tile = citytwin::render::parsePnts(std::span(data, size), "fuzz");
    if (tile)
        (void)citytwin::render::buildBatchTableLayer(tile->batchTableJson, tile->batchTableBinary,
                                                     tile->batchLength, "fuzz", "fuzz");
    return 0;
}
